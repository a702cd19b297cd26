"""Several officials at once, on SQLite and PostgreSQL: every field edit carries the revision it was
made on; a conflicting edit of the same field is refused with the other person's value, who and
when; edits of different fields merge; an open store learns of others' changes by polling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.store import Store, StoreConflict

WRITER = Path(__file__).with_name("field_writer.py")


@pytest.fixture
def two(store_url, app_id):
    """Two officials on one database: the fixture's store is 张三's, a second one 李四's."""
    first = Store.open(store_url, user="张三")
    second = Store.open(store_url, user="李四")
    yield first, second
    first.close()
    second.close()


def test_conflicting_edit_is_refused_with_the_other_value_and_who(two, app_id):
    zhang, li = two
    seen = zhang.field_revisions(app_id).get("basic.area", 0)  # 张三 opened the application
    assert li.set_value(app_id, "basic.area", "20").changed  # 李四 changes the field meanwhile
    with pytest.raises(StoreConflict, match="已被 李四 于 .* 改为“20”，你的修改“30”没有保存") as info:
        zhang.set_value(app_id, "basic.area", "30", base=seen)
    err = info.value
    assert (err.key, err.theirs, err.user, err.code) == ("basic.area", "20", "李四", "STORE.conflict")
    assert "字段“集群占地面积”" in err.message  # the form's label, not the key
    assert zhang.get(app_id)["values"]["basic.area"] == "20"  # nothing of 张三's was saved
    # "Keep mine": the same edit, now made on the revision the conflict reported.
    kept = zhang.set_value(app_id, "basic.area", "30", base=err.revision)
    assert kept.changed and kept.revision > err.revision
    assert li.get(app_id)["values"]["basic.area"] == "30"
    last = [(e.user, e.old, e.new) for e in li.history(app_id) if e.field == "basic.area"][-2:]
    assert last == [("李四", "12.5", "20"), ("张三", "20", "30")]


def test_take_theirs_and_same_value_are_not_conflicts(two, app_id):
    zhang, li = two
    seen = zhang.field_revisions(app_id).get("basic.area", 0)
    li.set_value(app_id, "basic.area", "20")
    same = zhang.set_value(app_id, "basic.area", "20", base=seen)  # both typed the same: nothing to refuse
    assert not same.changed and same.revision > seen


def test_edits_of_different_fields_merge(two, app_id):
    zhang, li = two
    revs = zhang.field_revisions(app_id)
    li.set_value(app_id, "basic.applicant", "促进中心", base=revs.get("basic.applicant", 0))
    zhang.set_value(app_id, "basic.area", "13", base=revs.get("basic.area", 0))
    zhang.replace_list(app_id, "enterprises", [{"name": "甲公司"}], base=revs.get("list:enterprises", 0))
    values = li.get(app_id)["values"]
    assert (values["basic.applicant"], values["basic.area"]) == ("促进中心", "13")
    with pytest.raises(StoreConflict, match="已被 张三"):
        li.replace_list(app_id, "enterprises", [{"name": "乙公司"}], base=revs.get("list:enterprises", 0))


def test_several_fields_in_one_save_refuse_as_a_whole(two, app_id):
    zhang, li = two
    revs = zhang.field_revisions(app_id)
    li.set_value(app_id, "basic.area", "20")
    with pytest.raises(StoreConflict):
        zhang.set_values(app_id, {"basic.applicant": "甲", "basic.area": "30"},
                         base={"basic.applicant": 0, "basic.area": revs.get("basic.area", 0)})
    assert "basic.applicant" not in li.get(app_id)["values"]  # one transaction: none of it


def test_polling_learns_of_others_changes(two, app_id):
    zhang, li = two
    head = zhang.change_head(app_id)
    assert zhang.changes_since(app_id, head).entries == []
    li.set_value(app_id, "basic.applicant", "促进中心")
    li.set_value(app_id, "basic.area", "14")
    news = zhang.changes_since(app_id, head)
    assert [(e.user, e.field, e.new) for e in news.entries] == [("李四", "basic.applicant", "促进中心"),
                                                               ("李四", "basic.area", "14")]
    assert news.head == zhang.change_head(app_id) > head
    assert zhang.changes_since(app_id, news.head).entries == []


def _writer(store_url, app_id, user, field, count, rate=0.0):
    return subprocess.Popen([sys.executable, str(WRITER), str(store_url), app_id, user, field, str(count), str(rate)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_on_one_application(store_url, app_id, store):
    """Two officials in two processes, each on a field of their own, at the same time: every edit
    saved, none refused; then a stale edit of a field the other process changed is refused."""
    seen = store.field_revisions(app_id)
    head = store.change_head(app_id)
    procs = [_writer(store_url, app_id, "张三", "basic.applicant", 40),
             _writer(store_url, app_id, "李四", "basic.main_products", 40)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["conflicts"] for r in results] == [0, 0]  # no false conflicts
    assert [len(r["saved"]) for r in results] == [40, 40]  # nothing lost
    values = store.get(app_id)["values"]
    assert (values["basic.applicant"], values["basic.main_products"]) == ("张三:39", "李四:39")
    news = store.changes_since(app_id, head).entries
    by = {u: [e.new for e in news if e.user == u] for u in ("张三", "李四")}
    assert by == {"张三": [f"张三:{n}" for n in range(40)], "李四": [f"李四:{n}" for n in range(40)]}
    with pytest.raises(StoreConflict, match="已被 李四"):
        store.set_value(app_id, "basic.main_products", "窗口里旧的", base=seen.get("basic.main_products", 0))
    assert store.set_value(app_id, "basic.area", "15", base=seen.get("basic.area", 0)).changed  # untouched field
