"""Evidence files: content-addressed, stored once, size limit, detaching keeps history."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from core.errors import UserError
from core.store import StoreError
from core.store import schema as t


def _count(store, table) -> int:
    with store.engine.connect() as c:
        return c.execute(select(func.count()).select_from(table)).scalar()


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "产业链图谱.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 9000)  # ~2.3 MB: several chunks
    return path


def test_attach_stores_content_once(store, app_id, scan, tmp_path):
    entry = store.attach_evidence(app_id, "industry.chain_work:map", scan)
    assert entry["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert entry["size"] == scan.stat().st_size
    assert entry["name"] == "产业链图谱.pdf"
    # Same file, other target and other application: one stored content.
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(scan.read_bytes())
    store.attach_evidence(app_id, "list:enterprises", copy)
    again = store.attach_evidence(app_id, "industry.chain_work:map", scan)  # same target: nothing new
    assert again["attached"] == entry["attached"]
    assert _count(store, t.evidence_blobs) == 1
    assert _count(store, t.evidence_chunks) == 3
    assert len(store.get(app_id)["evidence"]) == 2
    out = store.copy_evidence(entry["sha256"], tmp_path / "out" / "x.pdf")
    assert out.read_bytes() == scan.read_bytes()


def test_attach_checks_target(store, app_id, scan):
    with pytest.raises(UserError, match="没有字段"):
        store.attach_evidence(app_id, "nonsense.field:x", scan)
    with pytest.raises(UserError, match="没有选项"):
        store.attach_evidence(app_id, "industry.chain_work:nope", scan)
    with pytest.raises(UserError, match="没有清单"):
        store.attach_evidence(app_id, "list:nope", scan)
    assert _count(store, t.evidence_blobs) == 0


def test_size_limit_and_empty_file(store, app_id, tmp_path, monkeypatch):
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(b"x" * 3000)
    monkeypatch.setattr(store, "max_evidence_bytes", 2048)
    with pytest.raises(StoreError, match="扫描件.pdf.*超过"):
        store.attach_evidence(app_id, "list:enterprises", big)
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="空文件"):
        store.attach_evidence(app_id, "list:enterprises", empty)
    with pytest.raises(StoreError, match="无法读取"):
        store.attach_evidence(app_id, "list:enterprises", tmp_path / "missing.pdf")
    assert store.get(app_id)["evidence"] == []


def test_file_changed_while_storing_is_refused(store, app_id, scan, monkeypatch):
    from core.store import evidence

    real = evidence.hash_file
    monkeypatch.setattr(evidence, "hash_file", lambda p: ("0" * 64, real(p)[1]))
    with pytest.raises(StoreError, match="校验值不符"):
        store.attach_evidence(app_id, "list:enterprises", scan)
    assert _count(store, t.evidence_blobs) == 0
    assert store.get(app_id)["evidence"] == []


def test_detach_keeps_content_and_history(store, app_id, scan):
    entry = store.attach_evidence(app_id, "list:enterprises", scan)
    attached_at = store.history(app_id)[-1].id
    assert store.detach_evidence(app_id, "list:enterprises", entry["sha256"]) is True
    assert store.detach_evidence(app_id, "list:enterprises", entry["sha256"]) is False
    assert store.get(app_id)["evidence"] == []
    last = store.history(app_id)[-1]
    assert (last.action, last.field, last.old["name"], last.new) == ("detach", "list:enterprises", "产业链图谱.pdf", None)
    assert _count(store, t.evidence_blobs) == 1
    # The version with the attachment can be seen and brought back.
    assert [e["sha256"] for e in store.as_of(app_id, entry=attached_at)["evidence"]] == [entry["sha256"]]
    store.restore_version(app_id, entry=attached_at)
    assert [e["name"] for e in store.get(app_id)["evidence"]] == ["产业链图谱.pdf"]


def test_unsafe_names_are_cleaned(store, app_id, scan):
    entry = store.attach_evidence(app_id, "list:enterprises", scan, name="../../etc/a:b?.pdf")
    assert entry["name"] == "a_b_.pdf"
    assert entry["file"] == f"evidence/{entry['sha256']}/a_b_.pdf"
