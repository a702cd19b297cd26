"""Long texts flow across pages inside their cells; rare characters; the loose signature pages."""

from __future__ import annotations

from reportlab.lib.units import mm

from core.pdf import render_pdf
from core.pdf.fonts import FONT_FILES, PLACEHOLDER, register_fonts
from core.pdf.sections import LABEL_W
from core.pdf.signatures import LABEL_W as SIG_LABEL_W
from core.pdf.styles import MARGIN_X, PAGE_W
from tests.pdf.conftest import body_text, full_text, page_count, region_text, squash, words

PLAN_KEYS = ("plan.overview", "plan.achievements", "plan.approach", "plan.targets", "plan.tasks", "plan.safeguards")


def numbered(prefix: str, n_chars: int) -> str:
    """Text of about ``n_chars`` characters whose every sentence is unique, to prove nothing is lost."""
    out, i = [], 0
    while sum(map(len, out)) < n_chars:
        i += 1
        out.append(f"{prefix}第{i:03d}句说明集群工作。")
    return "".join(out)[:n_chars]


def test_2000_character_plan_and_200_character_texts_flow_inside_their_cells(sample_app, tmp_path):
    base = tmp_path / "base.pdf"
    render_pdf(sample_app, base)
    plan = numbered("规划", 2000)
    sample_app.values["plan.overview"] = plan
    for key in PLAN_KEYS[1:]:
        sample_app.values[key] = ""
    form = sample_app.form_def
    short = {k: numbered(k.split(".")[0][:2], 200) for k, fd in form.fields.items()
             if fd.type == "longtext" and fd.max_chars == 200}
    assert len(short) >= 5
    sample_app.values.update(short)
    out = tmp_path / "long.pdf"
    assert render_pdf(sample_app, out) == []

    assert page_count(out) > page_count(base)
    text = squash(body_text(out))
    assert squash(plan) in text  # complete and in order, across the page break
    for key, value in short.items():
        assert squash(value) in text, key

    # Inside the cells: every word of the plan lies within the table's margins, and every word of
    # a 200-character text right of the label column.
    ws = words(out)
    plan_words = [w for w in ws if w[5].startswith("规划") or "说明集群工作" in w[5]]
    assert plan_words
    # (A closing "。" may hang into the right padding: CJK line breaking; its ink stays inside.)
    hang = 10.5 * 0.6
    assert all(w[1] >= MARGIN_X - 0.5 and w[3] <= PAGE_W - MARGIN_X + (hang if w[5][-1] in "。，、）”" else 0.5)
               for w in ws)
    pages = {w[0] for w in ws if "规划第" in w[5]}
    assert len(pages) >= 2  # the plan continues on the following page
    value_words = [w for w in ws if w[5].startswith(("in第", "gr第", "di第", "op第", "go第"))]
    assert value_words
    assert all(w[1] >= MARGIN_X + LABEL_W for w in value_words)


def test_rare_characters_print_as_placeholder_with_a_warning(sample_app, tmp_path, no_system_fonts):
    sample_app.values["basic.cluster_name"] = "上海市闵行区𠀀号产业集群😀"
    sample_app.values["plan.overview"] = "㈠ 集群概况：引进人才𠀀名。"
    out = tmp_path / "rare.pdf"
    warnings = render_pdf(sample_app, out)
    assert any("𠀀" in w and "U+20000" in w and "集群名称" in w for w in warnings)
    assert any("U+1F600" in w for w in warnings)
    assert not any("㈠" in w for w in warnings)  # the font has it: it prints as itself
    text = body_text(out)
    assert f"上海市闵行区{PLACEHOLDER}号产业集群{PLACEHOLDER}" in squash(text)
    assert "㈠" in text
    assert "𠀀" not in text


def test_emoji_with_variation_selector_and_control_characters_do_not_crash(sample_app, tmp_path, no_system_fonts):
    sample_app.values["digital.summary"] = "上云企业👍🏻️ 增加\x07，<b>不是标签</b> & 符号"
    out = tmp_path / "emoji.pdf"
    warnings = render_pdf(sample_app, out)
    # Each missing glyph is named with its code point and the section it is in; the rest prints as typed
    # (the markup-like text literally, the bell character dropped).
    assert any("U+1F44D" in w and "数字化服务总体情况" in w for w in warnings)
    assert any("U+1F3FB" in w for w in warnings)
    assert f"上云企业{PLACEHOLDER}{PLACEHOLDER}增加，<b>不是标签</b>&符号" in squash(body_text(out))


def test_font_coverage_matches_fonttools_cmap():
    from fontTools.ttLib import TTFont

    from core.paths import resource

    covered = register_fonts()
    cmaps = [set(TTFont(resource("fonts", f), lazy=True).getBestCmap()) for f in FONT_FILES.values()]
    assert covered == cmaps[0] & cmaps[1]
    # Every character of the basic CJK block and the common punctuation prints.
    for cp in [*range(0x4E00, 0x9FA6), *map(ord, "，。、；：？！“”‘’（）《》【】—…·〓□")]:
        assert cp in covered, hex(cp)


def test_declaration_page_alone(sample_app, tmp_path):
    out = tmp_path / "declaration.pdf"
    render_pdf(sample_app, out, page="declaration")
    assert page_count(out) == 1
    text = squash(body_text(out))
    assert "第1页共1页" in squash(full_text(out))
    statement = sample_app.form_def.fields["declaration.statement"].text
    for needle in (statement, "单位负责人(签字)", "申报单位(公章)", sample_app.values["basic.applicant"],
                   sample_app.values["declaration.signatory"], "年月日"):
        assert squash(needle) in text, needle
    assert "推荐单位" not in text


def test_recommendation_page_alone_even_with_a_long_opinion(sample_app, tmp_path):
    sample_app.values["recommendation.opinion"] = numbered("意见", 500)
    out = tmp_path / "recommendation.pdf"
    render_pdf(sample_app, out, page="recommendation")
    assert page_count(out) == 1
    text = squash(region_text(out, MARGIN_X + SIG_LABEL_W))  # the text column, without the row label
    assert "区级中小企业主管部门推荐意见" in squash(full_text(out))
    for needle in (sample_app.values["recommendation.opinion"], "推荐单位(公章)", sample_app.values["recommendation.unit"],
                   "年月日"):
        assert squash(needle) in text, needle
    assert "单位负责人" not in text


def test_room_for_a_round_stamp(sample_app, tmp_path):
    """From the 公章 line down to the date there are at least 42 mm for the stamp."""
    for page, stamp_label in (("declaration", "申报单位(公章)"), ("recommendation", "推荐单位(公章)")):
        out = tmp_path / f"{page}.pdf"
        render_pdf(sample_app, out, page=page)
        ws = words(out)
        stamp_top = min(w[2] for w in ws if w[5].startswith(stamp_label[:4]) and "公章" in w[5])
        date_bottom = max(w[4] for w in ws if w[5] == "日")
        assert date_bottom - stamp_top >= 42 * mm, page


def test_blank_application_prints(tmp_path):
    from core.rules.applications import new_application

    app = new_application("SH-2023")
    out = tmp_path / "blank.pdf"
    assert render_pdf(app, out) == []
    text = squash(body_text(out))
    assert "一、基本情况" in text and "待补充" in text
