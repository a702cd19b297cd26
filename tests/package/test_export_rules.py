"""Export rules: errors block unless overridden with a reason; scans; evidence integrity; history."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile

import pytest

from core.errors import UserError
from core.package import (
    ExportOptions,
    FolderEvidence,
    StoreEvidence,
    checklist,
    export_package,
    verify_package,
)
from core.package.export import default_xlsx_exporter
from tests.package.conftest import SAMPLES, tiny_render

ACK = ExportOptions(ack_missing_scans=True)


def _app_with_errors(sample_app):
    sample_app.evidence = []  # every ticked box now lacks its evidence: completeness errors
    return sample_app


def test_errors_block_export_and_nothing_is_written(sample_app, identity, tmp_path):
    app = _app_with_errors(sample_app)
    out = tmp_path / "pkg.zip"
    assert checklist(app, ACK).errors
    with pytest.raises(UserError, match="项错误未解决"):
        export_package(app, out, identity, ACK, evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)
    assert list(tmp_path.iterdir()) == []  # no package, no temporary file left behind
    with pytest.raises(UserError, match="理由太短"):
        export_package(app, out, identity, ExportOptions(ack_missing_scans=True, override_reason="急"),
                       evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)


def test_override_reason_goes_into_the_manifest(sample_app, identity, tmp_path, trust_file):
    app = _app_with_errors(sample_app)
    reason = "佐证材料原件已由区经委现场核验，扫描件随后补交。"
    out = tmp_path / "pkg.zip"
    result = export_package(app, out, identity, ExportOptions(ack_missing_scans=True, override_reason=reason),
                            evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)
    errors = len(checklist(app, ACK).errors)
    assert result.manifest["override"] == {"reason": reason, "errors": errors}
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["override"]["reason"] == reason
    assert manifest["verdicts"]["errors"] == errors
    verified = verify_package(out, trust=[trust_file])
    assert verified.ok
    assert any(reason in line for line in verified.lines())


def test_override_reason_recorded_in_store_history(sample_app, identity, tmp_path):
    from core.store import Store

    app = _app_with_errors(sample_app)
    with Store.open(tmp_path / "store.sqlite") as store:
        app_id = store.create(app)
        store.attach_evidence(app_id, "industry.chain_work:map", SAMPLES / "evidence" / "产业链图谱及培育工作方案.txt")
        stored = store.load(app_id)
        reason = "县里统一安排先行报送，缺少的佐证材料下周补齐。"
        result = export_package(stored, tmp_path / "pkg.zip", identity,
                                ExportOptions(ack_missing_scans=True, override_reason=reason),
                                evidence=StoreEvidence(store), store=store, app_id=app_id, render=tiny_render,
                                xlsx=None)
        history = store.history(app_id)
        status = store.get(app_id)["status"]
    export_rows = [e for e in history if e.action == "export"]
    assert len(export_rows) == 1
    assert export_rows[0].new["override_reason"] == reason
    assert export_rows[0].new["sha256"] == result.sha256
    assert status == "exported"
    with zipfile.ZipFile(tmp_path / "pkg.zip") as zf:
        assert zf.read("evidence/产业链图谱及培育工作方案.txt") == (
            SAMPLES / "evidence" / "产业链图谱及培育工作方案.txt").read_bytes()


def test_missing_scans_must_be_acknowledged(sample_app, identity, tmp_path, scans):
    out = tmp_path / "pkg.zip"
    with pytest.raises(UserError, match="真实性声明签章扫描件和推荐意见签章扫描件"):
        export_package(sample_app, out, identity, ExportOptions(), evidence=FolderEvidence(SAMPLES),
                       render=tiny_render, xlsx=None)
    with pytest.raises(UserError, match="推荐意见签章扫描件"):
        export_package(sample_app, out, identity, ExportOptions(declaration_scan=scans[0]),
                       evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)
    assert not out.exists()
    result = export_package(sample_app, out, identity, ACK, evidence=FolderEvidence(SAMPLES), render=tiny_render,
                            xlsx=None)
    assert result.manifest["scans"] == {"declaration": None, "recommendation": None, "missing_acknowledged": True}


def test_scan_must_be_pdf_or_image(sample_app, identity, tmp_path):
    fake = tmp_path / "scan.pdf"
    fake.write_text("这不是 PDF", encoding="utf-8")
    with pytest.raises(UserError, match="内容不是 PDF"):
        export_package(sample_app, tmp_path / "p.zip", identity,
                       ExportOptions(declaration_scan=fake, ack_missing_scans=True),
                       evidence=FolderEvidence(SAMPLES), render=tiny_render, xlsx=None)


def test_evidence_changed_after_registration_is_refused(sample_app, identity, tmp_path):
    folder = tmp_path / "app"
    shutil.copytree(SAMPLES / "evidence", folder / "evidence")
    (folder / "evidence" / "有效发明专利清单.txt").write_text("被替换的内容", encoding="utf-8")
    out = tmp_path / "pkg.zip"
    with pytest.raises(UserError, match="有效发明专利清单.txt.*SHA-256 不符"):
        export_package(sample_app, out, identity, ACK, evidence=FolderEvidence(folder), render=tiny_render,
                       xlsx=None)
    assert not out.exists() and not list(tmp_path.glob(".pkg.zip.*"))


def test_evidence_path_outside_the_folder_is_refused(sample_app, identity, tmp_path):
    sample_app.evidence[0]["file"] = "../../etc/passwd"
    with pytest.raises(UserError, match="之外"):
        export_package(sample_app, tmp_path / "p.zip", identity, ACK, evidence=FolderEvidence(SAMPLES),
                       render=tiny_render, xlsx=None)


def test_same_name_different_content_gets_distinct_members(sample_app, identity, tmp_path):
    folder = tmp_path / "app"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    (folder / "a" / "证明.pdf").write_bytes(b"%PDF-1.4 first")
    (folder / "b" / "证明.pdf").write_bytes(b"%PDF-1.4 second")
    import hashlib

    sample_app.evidence = [
        {"target": t, "name": "证明.pdf", "file": f"{d}/证明.pdf", "size": 14,
         "sha256": hashlib.sha256((folder / d / "证明.pdf").read_bytes()).hexdigest()}
        for t, d in (("industry.chain_work:map", "a"), ("industry.chain_work:bottlenecks", "b"))]
    out = tmp_path / "pkg.zip"
    export_package(sample_app, out, identity, ExportOptions(ack_missing_scans=True, override_reason="测试同名文件"),
                   evidence=FolderEvidence(folder), render=tiny_render, xlsx=None)
    with zipfile.ZipFile(out) as zf:
        assert zf.read("evidence/证明.pdf") == b"%PDF-1.4 first"
        assert zf.read("evidence/证明 (2).pdf") == b"%PDF-1.4 second"


def test_xlsx_included_when_the_excel_export_exists(sample_app, identity, tmp_path, trust_file):
    def fake_xlsx(app, path):
        path.write_bytes(b"PK\x03\x04 not really a workbook")

    out = tmp_path / "pkg.zip"
    export_package(sample_app, out, identity, ACK, evidence=FolderEvidence(SAMPLES), render=tiny_render,
                   xlsx=fake_xlsx)
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("application.xlsx").compress_type == zipfile.ZIP_STORED
    assert verify_package(out, trust=[trust_file]).ok


@pytest.mark.skipif(default_xlsx_exporter() is None, reason="core.xlsx not present in this build")
def test_real_excel_and_pdf_in_the_package(sample_app, identity, tmp_path, trust_file):
    pytest.importorskip("core.pdf")
    out = tmp_path / "pkg.zip"
    export_package(sample_app, out, identity, ACK, evidence=FolderEvidence(SAMPLES))
    with zipfile.ZipFile(out) as zf:
        import io

        from openpyxl import load_workbook

        # What the reviewer opens: the workbook and the PDF both carry the cluster's name.
        name = sample_app.values["basic.cluster_name"]
        wb = load_workbook(io.BytesIO(zf.read("application.xlsx")))
        assert any(cell.value == name for ws in wb for row in ws.iter_rows() for cell in row)
        pdf = tmp_path / "application.pdf"
        pdf.write_bytes(zf.read("application.pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert name in re.sub(r"\s+", "", text)
    assert verify_package(out, trust=[trust_file]).ok
