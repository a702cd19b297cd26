"""The message catalogue (core/messages): well-formed unique codes, templates that format with their
own fields, the generated docs, and real store faults that carry their codes."""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
import sqlite3
import string
import subprocess
import sys
from pathlib import Path

import pytest

import core.messages as messages_pkg
from core.application import Application
from core.errors import UserError
from core.messages import base
from core.messages.catalogue import catalogue, lookup
from core.store import (
    Store,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreNewerError,
    StoreReadOnlyError,
)
from core.store import database as db

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^[A-Z]+(\.[a-z0-9_]+)+$")


def _messages_doc():
    spec = importlib.util.spec_from_file_location("messages_doc", ROOT / "scripts" / "messages_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the catalogue itself -----------------------------------------------------------------------

def test_catalogue_loads_every_area_module():
    # In a fresh interpreter: catalogue() alone must bring in every core/messages/<area>.py.
    areas = sorted({i.name for i in pkgutil.iter_modules(messages_pkg.__path__)} - {"base", "catalogue"})
    assert "store" in areas
    script = (
        "import json, sys\n"
        "from core.messages.catalogue import catalogue\n"
        "codes = sorted(catalogue())\n"
        "mods = sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('core.messages.'))\n"
        "print(json.dumps([codes, mods]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    codes, mods = json.loads(out.stdout)
    assert set(areas) <= set(mods)
    for area in areas:
        module = importlib.import_module(f"core.messages.{area}")
        defined = [v.code for v in vars(module).values() if isinstance(v, base.Message)]
        assert defined, f"core/messages/{area}.py defines no message"
        assert set(defined) <= set(codes), area


def test_codes_are_well_formed_and_keyed_by_themselves():
    cat = catalogue()
    assert len(cat) >= 60  # the store alone has more than sixty
    for code, msg in cat.items():
        assert code == msg.code
        assert CODE.match(code), code
        assert msg.template.strip() and msg.help.strip(), code
        assert "{{" not in msg.help, code  # help is shown as written, never formatted


def test_a_code_cannot_be_defined_twice_or_malformed():
    code = next(iter(catalogue()))
    with pytest.raises(ValueError, match="defined twice"):
        base.define(code, "重复")
    with pytest.raises(ValueError, match="bad message code"):
        base.define("store.Locked", "小写的区域")
    assert code in catalogue()  # the failed definitions changed nothing


def test_every_template_formats_with_its_declared_fields():
    for code, msg in catalogue().items():
        values = {name: f"<{name}>" for name in msg.fields}
        text = msg.text(**values)
        for name in msg.fields:
            assert f"<{name}>" in text, (code, name)
        err = msg.error(**values)
        assert isinstance(err, UserError) and err.code == code and str(err) == text


def test_declared_fields_are_the_template_fields():
    for msg in catalogue().values():
        names = {f for _, f, _, _ in string.Formatter().parse(msg.template) if f}
        assert set(msg.fields) == names


def test_missing_field_is_a_programming_error_naming_the_code():
    msg = lookup("STORE.locked")
    assert msg is not None and msg.fields == ("where",)
    with pytest.raises(TypeError, match="STORE.locked.*where"):
        msg.text()
    assert lookup("STORE.no_such_message") is None


def test_error_keeps_the_exception_class_and_exit_code():
    err = lookup("STORE.locked").error(StoreLockedError, where="甲.sqlite", exit_code=3)
    assert type(err) is StoreLockedError and err.exit_code == 3 and err.code == "STORE.locked"
    assert "数据库“甲.sqlite”正被另一个程序占用" in err.message


# --- the generated docs (scripts/messages_doc.py) ----------------------------------------------

def test_rendered_docs_list_every_code_with_its_text_and_help():
    text = _messages_doc().render()
    for code, msg in catalogue().items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{code}` |")), None)
        assert row is not None, code
        assert msg.template.replace("|", "\\|").replace("\n", " ") in row
        assert msg.help.replace("|", "\\|") in row
    areas = {code.split(".")[0] for code in catalogue()}
    assert {line[3:] for line in text.splitlines() if line.startswith("## ")} == areas


def test_check_mode_fails_on_a_stale_file_and_passes_on_a_fresh_one(tmp_path, monkeypatch, capsys):
    doc = _messages_doc()
    monkeypatch.setattr(doc, "DOC", tmp_path / "messages.md")
    assert doc.main(["--check"]) == 1  # missing
    assert doc.main([]) == 0
    assert doc.DOC.read_text(encoding="utf-8") == doc.render()
    assert doc.main(["--check"]) == 0
    doc.DOC.write_text(doc.render().replace("STORE.locked", "STORE.lockd"), encoding="utf-8")
    assert doc.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_lookup_by_code_prints_text_and_help(capsys):
    doc = _messages_doc()
    assert doc.main(["STORE.deleted"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("STORE.deleted\n") and lookup("STORE.deleted").template in out
    assert "处理办法：" + lookup("STORE.deleted").help in out
    assert doc.main(["STORE.nope"]) == 1
    assert "STORE.nope" in capsys.readouterr().err


@pytest.mark.skipif(not (ROOT / "docs" / "messages.md").is_file(),
                    reason="docs/messages.md is generated by the lead after merging")
def test_committed_docs_match_the_catalogue():
    assert (ROOT / "docs" / "messages.md").read_text(encoding="utf-8") == _messages_doc().render(), (
        "docs/messages.md is out of date: run python scripts/messages_doc.py")


# --- real store faults carry their codes -------------------------------------------------------

def _app(**values) -> Application:
    return Application(form="SH-FORM", campaign=2023, jurisdiction="SH", rules="SH-2023",
                       name="上海市闵行区测试产业集群", values=dict(values))


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "store.sqlite"
    with Store.open(path) as s:
        app_id = s.create(_app(**{"basic.area": "12.5"}))
    return path, app_id


def _raises(cls, code, action):
    with pytest.raises(cls) as info:
        action()
    assert info.value.code == code, str(info.value)
    assert str(info.value) == info.value.message
    return str(info.value)


def test_sqlite_read_only_fault_is_store_readonly(saved):
    path, app_id = saved
    target = db.resolve(path)
    engine = db.make_engine(target, readonly=True, busy_timeout_ms=100)  # the driver refuses writes
    s = Store(engine, target, readonly=False)
    try:
        text = _raises(StoreReadOnlyError, "STORE.readonly", lambda: s.set_value(app_id, "basic.area", "13"))
        assert f"数据库“{path}”是只读的" in text and "本次修改没有保存" in text
    finally:
        s.close()
    with Store.open(path) as again:
        assert again.get(app_id)["values"]["basic.area"] == "12.5"


def test_store_opened_read_only_refuses_edits_with_its_code(saved):
    path, app_id = saved
    with Store.open(path, readonly=True) as s:
        text = _raises(StoreReadOnlyError, "STORE.readonly_open", lambda: s.set_value(app_id, "basic.area", "1"))
        assert "以只读方式打开" in text


def test_locked_database_is_store_locked(saved):
    path, app_id = saved
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout_ms=100) as s:
            text = _raises(StoreLockedError, "STORE.locked", lambda: s.set_value(app_id, "basic.area", "13"))
            assert "另一个程序占用" in text
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_damaged_and_foreign_files_are_store_corrupt(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("这是一份笔记，不是数据库。", encoding="utf-8")
    text = _raises(StoreCorruptError, "STORE.corrupt", lambda: Store.open(notes))
    assert "（不是 SQLite 数据库文件）" in text
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    assert "别的程序" in _raises(StoreCorruptError, "STORE.corrupt", lambda: Store.open(foreign))


def test_newer_database_is_store_newer(saved):
    path, _ = saved
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.commit()
    conn.close()
    text = _raises(StoreNewerError, "STORE.newer", lambda: Store.open(path))
    assert "ffffffffffff" in text


def test_unknown_ambiguous_and_missing_ids(saved):
    path, app_id = saved
    with Store.open(path) as s:
        text = _raises(StoreError, "STORE.unknown_id", lambda: s.get("0000dead"))
        assert f"数据库“{path}”中没有编号为“0000dead”的申请" in text
        _raises(StoreError, "STORE.no_id", lambda: s.get(" "))


def test_deleted_application_cannot_be_edited(saved):
    path, app_id = saved
    with Store.open(path) as s:
        s.delete(app_id)
        text = _raises(StoreError, "STORE.deleted", lambda: s.set_value(app_id, "basic.area", "13"))
        assert "已被删除" in text
        s.undelete(app_id)
        assert s.set_value(app_id, "basic.area", "13").changed


def test_rules_of_another_campaign_point_to_copy_for_next_year(saved):
    path, app_id = saved
    with Store.open(path) as s:
        text = _raises(StoreError, "STORE.rules_campaign", lambda: s.set_meta(app_id, rules="SH-2024"))
    assert text == "规则集 SH-2024 与本申请的申报年度 2023 不符；换年度请用“复制为下一年度”。"
    assert "--campaign" in lookup("STORE.rules_campaign").help
