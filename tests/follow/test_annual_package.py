"""The yearly report as a signed package: export, verify, tampering, atomic write, CLI, the page's button."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

import pytest

from core.cli.main import main
from core.errors import UserError
from core.follow.package import export_annual_package
from core.package import verify_package
from tests.desktop.conftest import messages, own_settings, qapp_cls  # noqa: F401 - fixtures
from tests.follow.conftest import ON_PLAN, fill_year
from tests.package.conftest import PASSPHRASE, flip, identity, rewrite_zip, template_home, trust_file  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def reported(reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    fill_year(reg, with_targets, 2024, **ON_PLAN[2024])
    return with_targets


@pytest.fixture
def package(tmp_path, reg, reported, identity):  # noqa: F811 - the fixture
    out = tmp_path / "out" / "annual-2023.zip"
    result = export_annual_package(reg, reported, 2023, out, identity)
    assert result.path == out and out.is_file()
    return out


def test_package_holds_the_signed_report_its_workbook_and_check(package, reg, reported, trust_file):  # noqa: F811
    from openpyxl import load_workbook

    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        assert names == {"manifest.json", "manifest.json.p7s", "annual-report.json", "annual-report.pdf",
                         "annual-report.xlsx"}
        manifest = json.loads(zf.read("manifest.json"))
        payload = json.loads(zf.read("annual-report.json"))
        (package.parent / "r.pdf").write_bytes(zf.read("annual-report.pdf"))
        (package.parent / "r.xlsx").write_bytes(zf.read("annual-report.xlsx"))
    cluster = reg.cluster(reported)
    assert manifest["kind"] == "annual-report"
    assert manifest["annual"]["year"] == 2023 and manifest["annual"]["cluster"] == cluster.recognition.name
    assert manifest["annual"]["submitted_on"] == "2024-04-01"
    assert payload["report"]["values"] == cluster.report(2023).values
    assert payload["check"]["year"] == 2023 and payload["check"]["verdict"] == manifest["annual"]["verdict"]
    assert len(payload["targets"]) == 10
    text = subprocess.run(["pdftotext", str(package.parent / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "2023年度" in text and cluster.recognition.name in text
    wb = load_workbook(package.parent / "r.xlsx")
    years = {wb["年度培育情况"].cell(r, 3).value for r in range(2, wb["年度培育情况"].max_row + 1)}
    assert years == {2023}  # 2024 was reported too, but is not this package's year
    assert [wb["年度总览"].cell(r, 3).value for r in range(2, wb["年度总览"].max_row + 1)] == [2023]

    result = verify_package(package, trust=[trust_file])
    assert result.ok and result.exit_code == 0, result.problems
    text = "\n".join(result.lines())
    assert f"内容：集群年度培育情况信息表——{cluster.recognition.name}" in text and "2023 年度" in text
    assert "有效期至 2026-11-19" in text and "已于 2024-04-01 报送" in text


@pytest.mark.parametrize("member", ["annual-report.json", "annual-report.xlsx", "annual-report.pdf"])
def test_tampered_member_is_named(package, tmp_path, trust_file, member):  # noqa: F811
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, change={member: flip})
    result = verify_package(bad, trust=[trust_file])
    assert not result.ok and result.exit_code == 1
    assert result.first_altered == member
    assert f"首个被改动的成员是“{member}”" in result.headline()


def test_package_without_its_signed_pdf_is_refused(package, tmp_path, trust_file):  # noqa: F811
    bad = tmp_path / "bad.zip"
    rewrite_zip(package, bad, drop=("annual-report.pdf",))
    result = verify_package(bad, trust=[trust_file])
    assert result.exit_code == 1 and "缺少成员“annual-report.pdf”" in "".join(result.problems)


def test_failure_leaves_no_package_and_the_old_one_intact(tmp_path, reg, reported, identity, monkeypatch):  # noqa: F811
    from core.package import export  # the package's manifest is signed there (write_signed_manifest)

    out = tmp_path / "annual.zip"
    out.write_bytes(b"old package")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "sign_detached", broken)
    with pytest.raises(UserError) as err:
        export_annual_package(reg, reported, 2023, out, identity)
    assert str(out) in err.value.message
    assert out.read_bytes() == b"old package"
    assert list(tmp_path.glob(".annual.zip.*")) == []  # the temporary file is gone too


def test_year_without_a_report_is_refused_before_writing(tmp_path, reg, reported, identity):  # noqa: F811
    out = tmp_path / "annual.zip"
    with pytest.raises(UserError) as err:
        export_annual_package(reg, reported, 2025, out, identity)
    assert "2025" in err.value.message
    assert not out.exists() and list(tmp_path.glob(".annual.zip.*")) == []


def test_cli_exports_and_verify_says_what_it_is(capsys, tmp_path, store, store_url, reported,
                                                  identity, trust_file, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CLUSTER_DECLARE_CERT_PASSPHRASE", PASSPHRASE.decode())
    db = str(store_url)  # a SQLite file or the PostgreSQL URL
    out = tmp_path / "cli.zip"
    code = main(["annual", "package", "2023-001", "--year", "2023", "-o", str(out), "--db", db])
    text, err = capsys.readouterr()
    assert code == 0, err
    assert "已导出年度培育情况报送包" in text and "2023 年度" in text
    assert main(["verify", str(out), "--trust", str(trust_file)]) == 0
    text = capsys.readouterr().out
    assert "报送包完整，签名有效" in text and "年度培育情况" in text and "2023 年度" in text
    assert main(["verify", str(out)]) in (0, 3)  # not told whom to trust: intact, signer unconfirmed
    capsys.readouterr()
    assert main(["verify", str(out), "--trust", str(trust_file), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "annual-report" and doc["annual"]["year"] == 2023
    bad = tmp_path / "bad.zip"
    rewrite_zip(out, bad, change={"annual-report.json": flip})
    assert main(["verify", str(bad), "--trust", str(trust_file)]) == 1
    assert "annual-report.json" in capsys.readouterr().out
    code = main(["annual", "package", "2023-001", "--year", "2026", "-o", str(tmp_path / "no.zip"), "--db", db])
    assert code != 0 and not (tmp_path / "no.zip").exists()
    assert "2026" in capsys.readouterr().err


def test_page_button_exports_the_selected_year(qtbot, store, reg, reported, identity, trust_file, tmp_path,  # noqa: F811
                                               messages):  # noqa: F811
    from datetime import date

    from desktop.follow.cluster_page import ClusterPage
    from desktop.qt import QItemSelectionModel

    page = ClusterPage(store, reported, today=date(2024, 5, 1))
    qtbot.addWidget(page)
    assert page.package_button.isEnabled()
    page.package_button.click()  # nothing selected
    assert messages[-1] == ("information", "请先选择要导出的年度。")
    page.reports.selectionModel().select(page.reports.model().index(1, 0),
                                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    out = tmp_path / "gui.zip"
    assert page.export_annual_package(str(out), identity)
    assert "已导出 2024 年度培育情况报送包" in messages[-1][1]
    result = verify_package(out, trust=[trust_file])
    assert result.ok and result.manifest["annual"]["year"] == 2024


def test_page_button_wrong_passphrase_writes_nothing(qtbot, store, reg, reported, identity, tmp_path,  # noqa: F811
                                                     messages, monkeypatch):  # noqa: F811
    from datetime import date

    from desktop.follow.cluster_page import ClusterPage
    from desktop.qt import QInputDialog, QItemSelectionModel

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("wrong-passphrase", True)))
    page = ClusterPage(store, reported, today=date(2024, 5, 1))
    qtbot.addWidget(page)
    page.reports.selectionModel().select(page.reports.model().index(0, 0),
                                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    out = tmp_path / "gui.zip"
    assert not page.export_annual_package(str(out))
    assert messages[-1][0] == "warning" and "密码" in messages[-1][1]
    assert not out.exists() and list(tmp_path.glob(".gui.zip.*")) == []
