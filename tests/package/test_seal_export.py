"""Sealing by export: the package's data equal the stored application (by hash), the receipt is
kept, and the sealed application refuses writes until it is reopened with a reason."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

from core.errors import UserError
from core.package import ExportOptions, StoreEvidence, export_package
from core.paths import resource
from core.store import Store
from core.store.seal import data_hash
from tests.package.conftest import tiny_render

SAMPLES = resource("samples")


@pytest.fixture
def stored(sample_app, tmp_path):
    store = Store.open(tmp_path / "store.sqlite")
    app_id = store.import_json(SAMPLES / "sample-application.json")
    yield store, app_id
    store.close()


def _export(store, app_id, identity, out, scans):
    return export_package(store.load(app_id), out, identity,
                          ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1]),
                          evidence=StoreEvidence(store), store=store, app_id=app_id, render=tiny_render, xlsx=None)


def test_export_seals_and_the_package_data_equal_the_stored_data(stored, identity, tmp_path, scans):
    store, app_id = stored
    before = store.get(app_id)["status"]
    assert before != "exported"
    mask = os.umask(0o022)
    try:
        result = _export(store, app_id, identity, tmp_path / "pkg.zip", scans)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o644  # as any saved file, not mkstemp's 0600
    doc = store.get(app_id)
    assert doc["status"] == "exported"
    with zipfile.ZipFile(result.path) as zf:
        signed = json.loads(zf.read("application.json"))
    assert signed["values"] == doc["values"] and signed["lists"] == doc["lists"]
    assert data_hash(signed) == data_hash(doc)
    [receipt] = store.receipts(app_id)
    assert receipt.sha256 == result.sha256 and receipt.data_sha256 == data_hash(doc)
    assert receipt.certificate_sha256 == identity.info.fingerprint and receipt.signer == identity.info.office
    assert receipt.path == str(result.path.resolve()) and receipt.size == result.path.stat().st_size
    status_rows = [(e.old, e.new) for e in store.history(app_id) if e.field == "status"]
    assert status_rows[-1] == (before, "exported")
    assert store.list_applications()[0].exported_at == receipt.at


def test_sealed_application_refuses_every_write_until_reopened(stored, identity, tmp_path, scans):
    store, app_id = stored
    _export(store, app_id, identity, tmp_path / "pkg.zip", scans)
    sealed = store.get(app_id)
    writes = [
        lambda: store.set_value(app_id, "basic.area", "99"),
        lambda: store.set_values(app_id, {"basic.area": "99"}),
        lambda: store.replace_list(app_id, "enterprises", []),
        lambda: store.set_meta(app_id, name="改名"),
        lambda: store.attach_evidence(app_id, "industry.chain_work:map", SAMPLES / "evidence" / "产业链图谱及培育工作方案.txt"),
        lambda: store.detach_evidence(app_id, sealed["evidence"][0]["target"], sealed["evidence"][0]["sha256"]),
        lambda: store.restore_version(app_id, entry=store.history(app_id)[0].id),
        lambda: store.import_json(SAMPLES / "sample-application.json", on_conflict="replace"),
        lambda: store.set_status(app_id, "draft"),
        lambda: store.set_status(app_id, "pending_review"),
    ]
    for write in writes:
        with pytest.raises(UserError, match="已导出|已封存"):
            write()
    assert data_hash(store.get(app_id)) == data_hash(sealed)
    with pytest.raises(UserError, match="理由"):
        store.reopen(app_id, " ")
    assert store.get(app_id)["status"] == "exported"
    receipt = store.reopen(app_id, "区局审核退回，补充2022年数据")
    assert store.get(app_id)["status"] == "draft"
    event = [e for e in store.history(app_id) if e.action == "reopen"][-1]
    assert event.new["reason"] == "区局审核退回，补充2022年数据"
    assert event.new["package_sha256"] == receipt.sha256
    assert [(e.old, e.new) for e in store.history(app_id) if e.field == "status"][-1] == ("exported", "draft")
    assert store.set_value(app_id, "basic.area", "99").changed
    assert len(store.receipts(app_id)) == 1  # the old package's receipt is kept
    with pytest.raises(UserError, match="尚未导出"):
        store.reopen(app_id, "再来一次的理由")


def test_exporting_again_adds_a_receipt_and_a_copy_is_a_draft(stored, identity, tmp_path, scans):
    store, app_id = stored
    _export(store, app_id, identity, tmp_path / "one.zip", scans)
    _export(store, app_id, identity, tmp_path / "two.zip", scans)
    assert [r.path.endswith(n) for r, n in zip(store.receipts(app_id), ("one.zip", "two.zip"), strict=True)] == [
        True, True]
    copy = store.duplicate(app_id)
    assert store.get(copy)["status"] == "draft" and store.receipts(copy) == []
    assert store.set_value(copy, "basic.area", "98").changed


def test_receipt_refused_when_stored_data_differ_from_the_package(stored, identity, tmp_path, scans):
    store, app_id = stored
    app = store.load(app_id)
    store.set_value(app_id, "basic.area", "77")  # changed after the export read the data
    with pytest.raises(UserError, match="不一致"):
        export_package(app, tmp_path / "pkg.zip", identity,
                       ExportOptions(declaration_scan=scans[0], recommendation_scan=scans[1]),
                       evidence=StoreEvidence(store), store=store, app_id=app_id, render=tiny_render, xlsx=None)
    assert store.get(app_id)["status"] != "exported" and store.receipts(app_id) == []
    assert not (tmp_path / "pkg.zip").exists()
