"""The register: versions of a cluster, the trusted-sender memory, size limits, the paper ticks,
a district's outgoing package taken in at the city's desk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from core.cli.main import main
from core.desk import Desk, ranking, review
from core.desk.intake import intake_folder
from core.desk.outgoing import export_outgoing

from .conftest import cluster_doc, write_json


def test_a_second_submission_is_a_new_version_with_its_differences(desk, tmp_path):
    first, second = tmp_path / "一", tmp_path / "二"
    first.mkdir()
    second.mkdir()
    write_json(cluster_doc(3), first / "申报.json")
    changed = cluster_doc(3)
    changed["values"]["basic.area"] = "15.20"
    write_json(changed, second / "申报（修改后）.json")
    a = intake_folder(desk, first, "SH-2023").items[0]
    b = intake_folder(desk, second, "SH-2023").items[0]
    assert (a.version, b.version) == (1, 2)
    assert b.differences == [{"key": "basic.area", "label": "集群占地面积", "old": "12.80", "new": "15.20"}]
    assert "第 2 版" in b.line() and "集群占地面积：12.80 → 15.20" in b.line()
    old, new = desk.get(a.number), desk.get(b.number)
    assert not old.latest and new.latest and new.previous_id == old.id
    assert old.document["values"]["basic.area"] == "12.80"  # never overwritten


def test_trusted_sender_memory(desk, tmp_path, package_pool, capsys, register_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    shutil.copy(package_pool[0], folder)
    item = intake_folder(desk, folder, "SH-2023").items[0]
    assert item.trust == "pending" and "证书待确认" in item.line()
    s = desk.get(item.number)
    assert s.verification_result == "unconfirmed"
    desk.close()
    assert main(["desk", "trust", s.fingerprint[:16], "--db", str(register_path)]) == 0
    assert "已确认" in capsys.readouterr().out
    with Desk.open(register_path) as d2:
        assert d2.get(item.number).verification_result == "ok"
        folder2 = tmp_path / "第二批"
        folder2.mkdir()
        shutil.copy(package_pool[1], folder2)
        assert intake_folder(d2, folder2, "SH-2023").items[0].trust == "trusted"


def test_a_huge_file_is_refused_without_being_read(desk, tmp_path):
    folder = tmp_path / "收件"
    folder.mkdir()
    huge = folder / "超大.zip"
    with huge.open("wb") as fh:  # sparse: 2 GB on paper, nothing on disk
        fh.truncate(2 * 1024 * 1024 * 1024)
    write_json(cluster_doc(1), folder / "正常.json")
    result = intake_folder(desk, folder, "SH-2023")
    by = {i.name: i for i in result.items}
    assert by["正常.json"].taken_in
    assert not by["超大.zip"].taken_in and "超过受理上限" in by["超大.zip"].reason and "2048.0 MB" in by["超大.zip"].reason
    assert desk.get(by["超大.zip"].number).file_sha256 is None  # never read
    assert result.exit_code == 1


def test_paper_copies_and_cds_are_ticked(desk, tmp_path, register_path, capsys):
    folder = tmp_path / "收件"
    folder.mkdir()
    write_json(cluster_doc(5), folder / "a.json")
    no = intake_folder(desk, folder, "SH-2023").items[0].number
    desk.close()
    assert main(["desk", "tick", no, "--paper", "5", "--cd", "2", "--db", str(register_path)]) == 0
    assert main(["desk", "show", no, "--db", str(register_path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    shown = json.loads(out[out.index("{"):])
    assert shown["paper_copies"] == 5 and shown["cds"] == 2
    assert any(e["action"] == "tick" for e in shown["events"])
    assert main(["desk", "show", "SH-2023-999", "--db", str(register_path)]) == 2
    assert "没有受理编号“SH-2023-999”" in capsys.readouterr().err


def test_city_desk_takes_in_a_district_package_and_its_inner_packages(tmp_path, package_pool, district_identity,
                                                                      register_path):
    # The city's register on each engine (on PostgreSQL the inner packages go into the database).
    district_db = tmp_path / "district" / "r.sqlite"
    district_db.parent.mkdir()
    folder = tmp_path / "区收件"
    folder.mkdir()
    for p in package_pool[:2]:
        shutil.copy(p, folder)
    with Desk.open(district_db) as d:
        numbers = [i.number for i in intake_folder(d, folder, "SH-2023").items]
        for no in numbers:
            review.accept_program(d, no)
            for it in review.items(d, no):
                if it.verdict is None:
                    review.record(d, no, it.key, "符合", "材料齐全")
            review.decide(d, no, "初审通过")
        ranking.set_order(d, "SH-2023", numbers, ["产值规模较大", "增速较快"])
        out = tmp_path / "市收件" / "闵行区上报.zip"
        export_outgoing(d, "SH-2023", out, district_identity, office="上海市闵行区经济委员会")
    with Desk.open(register_path) as city:
        result = intake_folder(city, out.parent, "SH-2023")
        assert result.exit_code == 0, [i.line() for i in result.items]
        kinds = [(i.kind, i.inner_of) for i in result.items]
        assert kinds == [("outgoing", ""), ("package", "闵行区上报.zip"), ("package", "闵行区上报.zip")]
        subs = city.submissions("SH-2023")
        outer = subs[0]
        assert outer.source_kind == "outgoing" and "上海市闵行区经济委员会" in outer.cluster_name
        assert [s.parent_id for s in subs[1:]] == [outer.id, outer.id]
        assert {s.file_sha256 for s in subs[1:]} == {
            __import__("hashlib").sha256(p.read_bytes()).hexdigest() for p in package_pool[:2]}


def test_city_desk_sets_aside_an_altered_inner_package_and_takes_in_the_rest(tmp_path, package_pool,
                                                                            district_identity):
    """A district package whose outer signature holds but one inner package was altered before it
    was packed (its SHA-256 listed as is): the city refuses that one by its own signature check.
    SQLite only: the altered copy is swapped in by editing the district's file and folder by hand."""
    import sqlite3

    from .conftest import flip, rewrite_zip

    district_db = tmp_path / "district" / "r.sqlite"
    district_db.parent.mkdir()
    folder = tmp_path / "区收件"
    folder.mkdir()
    for p in package_pool[3:5]:
        shutil.copy(p, folder)
    with Desk.open(district_db) as d:
        numbers = [i.number for i in intake_folder(d, folder, "SH-2023").items]
        for no in numbers:
            review.accept_program(d, no)
            for it in review.items(d, no):
                if it.verdict is None:
                    review.record(d, no, it.key, "符合", "材料齐全")
            review.decide(d, no, "初审通过")
        ranking.set_order(d, "SH-2023", numbers, ["产值规模较大", "增速较快"])
        # The first application's archived package swapped for an altered copy (as if changed on disk
        # and re-registered): the district's own signature then covers altered bytes.
        bad = tmp_path / "bad.zip"
        rewrite_zip(d.archive.path(d.get(numbers[0]).file_sha256), bad, {"application.json": flip})
        sha, _ = d.archive.put_file(bad)
        d.close()
        conn = sqlite3.connect(district_db)
        with conn:
            conn.execute("UPDATE desk_submissions SET file_sha256=?, file_size=? WHERE number=?",
                         (sha, bad.stat().st_size, numbers[0]))
        conn.close()
    with Desk.open(district_db) as d:
        out = tmp_path / "市收件" / "区上报.zip"
        export_outgoing(d, "SH-2023", out, district_identity, office="上海市嘉定区经济委员会")
    city_db = tmp_path / "city" / "r.sqlite"
    city_db.parent.mkdir()
    with Desk.open(city_db) as city:
        result = intake_folder(city, out.parent, "SH-2023")
    assert result.exit_code == 1
    outer, first, second = result.items
    assert outer.taken_in and second.taken_in
    assert not first.taken_in and "区级报送包“区上报.zip”中的报送包" in first.reason
    assert "application.json" in first.reason


def test_every_desk_step_has_a_chinese_label_in_its_history_line(desk, tmp_path):
    """The desk's own history (desk_events): each action the code records is labelled, and a
    line shows the label and the note's words, not the action's name."""
    import re

    from core.desk.register import ACTION_LABELS

    desk_dir = Path(__file__).resolve().parents[2] / "core" / "desk"
    recorded = set()
    for src in desk_dir.glob("*.py"):
        recorded |= set(re.findall(r'\.event\(conn, [\w.]+, "(\w+)"', src.read_text(encoding="utf-8")))
    recorded.add("intake")  # insert_submission's default
    assert {"status", "tick", "trust", "review", "correction", "inspection", "rank", "export"} <= recorded
    assert recorded <= set(ACTION_LABELS)
    folder = tmp_path / "收件"
    folder.mkdir()
    write_json(cluster_doc(7), folder / "a.json")
    no = intake_folder(desk, folder, "SH-2023").items[0].number
    desk.tick(no, paper=5, cds=2)
    lines = [e.line() for e in desk.events(no)]
    assert "受理" in lines[0] and "intake" not in lines[0]
    assert "纸质材料" in lines[1] and "纸质材料份数：5；光盘份数：2" in lines[1] and "tick" not in lines[1]
