"""The form definition against the official 申报表 in the seed: no row, table or box is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.form import load_form

# A copy of the form part of seed 002 (附件1 and 填报说明; the contact list 附件2 is left out).
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-002-form.txt"

# Cells of the printed form that are structure, not content.
STRUCTURE = {
    "附件1", "数量", "个名称",
    # The cover's "… 制" line names the issuing body: it comes from the rule set (Shanghai, Hainan…).
    "上海市经济和信息化委员会制",
    "年度", "类别", "主持数量", "参与数量", "国际", "国家", "行业", "团体", "是", "否", "年月日",
    "个(需提供清单及佐证材料)", "个(需提供清单及相关佐证材料)", "(注:勾选需提供佐证材料)", "(需提供清单及相关佐证材料)",
}


# Notes in parentheses ("（需提供清单及佐证材料）", "（注：勾选需提供佐证材料）") are not labels: they
# become the fields' evidence / list flags, checked in test_types_units_limits_and_evidence.
NOTE = re.compile(r"[（(]\s*(注[:：])?\s*(勾选)?\s*(需|如涉及)[^）)]*[）)]")


def norm(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)
    text = text.translate(str.maketrans("（）：，；“”", "():,;\"\""))
    text = re.sub(r"[\s_]+", "", text)
    return text.strip(":")


def seed_form_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("附件 1")
    end = text.index("《上海市中小企业特色产业集群申报表》 相关指标填报说明")
    return text[start:end]


def seed_labels() -> set[str]:
    labels = set()
    for line in seed_form_text().splitlines():
        line = NOTE.sub("", line)
        # every ticked-box option
        for opt in re.findall(r'<input type="checkbox"/>\s*([^<\t]+)', line):
            labels.add(NOTE.sub("", norm(re.split(r"[:：]\s*_", opt)[0])))
        line = re.sub(r'<input type="checkbox"/>\s*[^<\t]+', "", line)
        # every table cell and paragraph
        for cell in re.split(r"\t|</?p[^>]*>|_{2,}|[:：]", line):
            cell = NOTE.sub("", norm(cell))
            if cell and not re.fullmatch(r"\d{4}年|[\d.\-]+", cell):
                labels.add(cell)
    return {x for x in labels if x and x not in STRUCTURE and len(x) > 1}


def definition_texts() -> list[str]:
    form = load_form("SH-FORM")
    texts = [form.title, form.evidence_note]
    for sec in form.sections:
        texts += [sec.title, f"{sec.number}、{sec.title}"]
        texts += [label for _, label in sec.refs]
    for fd in form.fields.values():
        unit = fd.display_unit
        texts += [fd.label, fd.group or "", fd.prompt or "", fd.hint or "", fd.note or "", fd.na_label or "",
                  fd.text or "", *fd.signature]
        if unit:
            texts += [f"{fd.label}({unit})", f"{fd.label}{unit}"]
        if fd.max_chars:
            texts += [f"{fd.label}({fd.max_chars}字以内)"]
        texts += [o.label for o in fd.options]
    return [norm(t) for t in texts if t]


def test_every_row_table_and_box_of_the_seed_is_in_the_definition():
    texts = definition_texts()
    universe = set(texts)
    missing = sorted(
        label for label in seed_labels()
        if label not in universe and not any(label in t for t in texts)
    )
    assert missing == []


def test_seed_parser_finds_the_form(monkeypatch):
    # Guard against a test that cannot fail: the seed yields many labels, and a removed field is noticed.
    labels = seed_labels()
    assert len(labels) > 120
    assert norm("开展了两化融合管理体系推广工作") in labels
    assert norm("集群中小企业 PCT 国际专利申请量") in labels


def test_a_field_missing_from_the_definition_is_caught(monkeypatch):
    form = load_form("SH-FORM")
    texts = [t for t in definition_texts() if "两化融合管理体系" not in t]
    assert form.fields["digital.services"].option("integration_mgmt")
    assert norm("开展了两化融合管理体系推广工作") not in set(texts)
    missing = [lab for lab in seed_labels() if lab not in set(texts) and not any(lab in t for t in texts)]
    assert missing == [norm("开展了两化融合管理体系推广工作")]


def test_sections_and_indicator_pages():
    form = load_form("SH-FORM")
    by_section = {}
    for fd in form.fields.values():
        by_section.setdefault(fd.section_number, set()).add(fd.indicator)
    assert [s.number for s in form.sections] == ["封面", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    assert by_section["二"] == {1, 2, 3}  # 主导产业情况 feeds indicators 1 to 3
    assert by_section["三"] == {4} and by_section["四"] == {5} and by_section["五"] == {6}
    assert by_section["六"] == {7} and by_section["七"] == {8} and by_section["八"] == {8}
    assert form.fields["basic.energy_benchmark"].indicator == 6  # printed in 一, judged under 六
    assert form.fields["basic.area"].indicator == 0


def test_types_units_limits_and_evidence():
    f = load_form("SH-FORM").fields
    assert (f["industry.output_total"].type, f["industry.output_total"].of, f["industry.output_total"].unit) == (
        "series", "number", "亿元")
    assert f["industry.sme_share"].range == "share" and f["open.fdi_growth"].range == "rate"
    assert f["industry.chain_summary"].max_chars == 200 and f["industry.chain_summary"].type == "longtext"
    assert f["basic.energy_benchmark"].type == "yesno_na" and f["basic.energy_benchmark"].na_label
    assert [o.key for o in f["basic.industry_field"].options if o.text] == ["new_track", "future"]
    assert f["industry.chain_work"].evidence and len(f["industry.chain_work"].options) == 8
    assert len(f["industry.resource_sharing"].options) == 5 and len(f["industry.quality_brand"].options) == 4
    assert f["innovation.standards"].type == "standards" and f["innovation.platforms_national"].type == "platform"
    assert f["declaration.statement"].type == "fixed"
    assert sum(1 for x in f.values() if x.section == "plan") == 6


@pytest.mark.parametrize(
    "key",
    ["basic.established_year", "industry.growth_waiver", "industry.growth_waiver_reason", "industry.chain_leaders",
     "industry.srdi_provincial", "industry.champions_municipal"],
)
def test_fields_the_criteria_need_are_supplementary(key):
    assert load_form("SH-FORM").fields[key].supplementary


def test_campaign_years_follow_the_campaign():
    form = load_form("SH-FORM")
    assert form.campaign_years(2023) == [2020, 2021, 2022]
    assert form.campaign_years(2024) == [2021, 2022, 2023]
    assert "2022年底" in form.filling_note(5, 2023) and "2023年底" in form.filling_note(5, 2024)
    assert len(form.filling_notes) == 28
