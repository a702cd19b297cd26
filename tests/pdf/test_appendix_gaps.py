"""The PDF self-assessment appendix with the gap model, read back with pdftotext: the 还差 sentence
under each criterion not met, 余量 under met ones, 临界 in the result column and its explanation."""

from __future__ import annotations

import copy
import json

from core.application import Application
from core.pdf.document import build_pdf
from core.rules import Evaluator
from core.rules.gap_view import gap_views
from tests.pdf.conftest import SAMPLE, full_text, squash

RULES = "SH-2023"


def _pdf(tmp_path, changes: dict[str, str]):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        field, _, year = key.partition("@")
        doc["values"][field][year] = value
    app = Application.from_json(copy.deepcopy(doc))
    data, _ = build_pdf(app, ruleset=RULES)
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    views = gap_views(Evaluator(Application.from_json(copy.deepcopy(doc)), RULES))
    return squash(full_text(path).split("附录")[-1].split("各项量化标准与阈值的距离")[0]), views


def test_not_met_criteria_print_their_changes(tmp_path):
    text, views = _pdf(tmp_path, {"industry.output_total@2020": "28", "industry.sme_share@2022": "45"})
    assert squash("还差：2020年集群总产值（营业收入）需达到 30.00亿元（还差 2.00亿元）") in text
    share = views["SH-2023.1.sme_share"]
    assert share.outcome == "not_met" and share.gaps
    for line in share.shown:
        assert squash(f"还差：{line}") in text
    # The sentence sits under its criterion's value, before the next criterion.
    assert text.index(squash("近三年产值均在30亿元以上")) < text.index(squash("还差：2020年集群总产值")) \
        < text.index(squash("中小企业产值占集群总产值50%以上"))


def test_met_criteria_print_their_room_and_critical_passes_are_marked(tmp_path):
    text, views = _pdf(tmp_path, {"industry.output_total@2020": "30.30"})
    assert views["SH-2023.1.output"].critical
    assert squash("余量 0.30亿元（1.00%）（临界）") in text
    assert squash("达到（临界）") in text
    assert squash("复核人员重新核算填报数据时会首先查看") in text
    assert squash(views["SH-2023.1.sme_share"].room) in text  # a roomy pass: its 余量, no 临界
    assert text.count("临界") == 3  # the value cell, the result cell, the note


def test_no_critical_note_without_a_critical_pass(tmp_path):
    text, views = _pdf(tmp_path, {})
    assert not any(v.critical for v in views.views.values())
    assert "临界" not in text and "还差" not in text
    assert "余量" in text
