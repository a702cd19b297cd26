"""The self-assessment chart: one geometry model, rendered as SVG for the screen."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from core.application import read_application_file
from core.chart import VERDICT_COLOURS, Polygon, Rect, Text, assessment_chart_svg, chart_model
from core.paths import resource
from core.rules import evaluate

SVG = "{http://www.w3.org/2000/svg}"


def _report(**values):
    app = read_application_file(resource("samples", "sample-application.json"))
    app.values.update(values)
    return evaluate(app)


def test_svg_names_every_numeric_criterion_and_indicator():
    report = _report()
    root = ET.fromstring(assessment_chart_svg(report))
    assert root.get("width") == "640" and root.get("font-family") == "Noto Sans SC"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for label in ("基本条件", "指标一", "指标八", "阈值"):
        assert label in texts
    numeric = [c for c in report.criteria if c.threshold is not None]
    assert numeric
    joined = "".join(t for t in texts if t)  # a long title is wrapped over consecutive lines
    for res in numeric:
        assert res.rule.title in joined, res.rule.title


def test_bars_point_right_when_met_and_left_when_not():
    # 占地面积 above the 100 km² limit; 2020 output below 30 亿元.
    report = _report(**{"basic.area": "150", "industry.output_total": {"2020": "20", "2021": "46.80", "2022": "53.60"}})
    chart = chart_model(report, 640, 360)
    zero = next(s for s in chart.shapes if isinstance(s, Text) and s.text == "阈值").x
    bars = [s for s in chart.shapes if isinstance(s, Rect) and s.fill in ("#43a047", "#e53935")]
    red = [b for b in bars if b.fill == "#e53935"]
    assert len(red) == 2 and all(b.x + b.w <= zero + 0.01 for b in red)
    assert all(b.x >= zero - 0.01 for b in bars if b.fill == "#43a047")
    # A clipped bar (far above its threshold) ends in an arrow head.
    assert any(isinstance(s, Polygon) for s in chart.shapes)
    # Each indicator chip takes its verdict's colour: 指标一 fails, the soft area rule does not.
    chips = [s for s in chart.shapes if isinstance(s, Rect) and s.radius]
    assert report.indicators[1] == "fail"
    assert [c.fill for c in chips] == [VERDICT_COLOURS[v] for _, v in sorted(report.indicators.items())]
    assert chips[1].fill == "#c62828"


def test_every_shape_stays_inside_the_box():
    for w, h in ((640, 360), (400, 300)):
        chart = chart_model(_report(), w, h)
        h = chart.height  # grows when wrapped titles need more room than asked for
        assert h >= {640: 360, 400: 300}[w]
        for s in chart.shapes:
            if isinstance(s, Rect):
                assert s.x >= -0.01 and s.x + s.w <= w + 0.01 and s.y + s.h <= h + 0.01
            if isinstance(s, Text):
                assert 0 <= s.y <= h


def test_criterion_titles_wrap_instead_of_being_cut():
    from core.chart import text_width
    from core.pdf.styles import FRAME_W
    from core.rules import all_rulesets

    app = read_application_file(resource("samples", "sample-application.json"))
    for rs in all_rulesets():
        report = evaluate(app, rs)
        for width in (560, 640, FRAME_W):
            chart = chart_model(report, width, width * 0.55)
            texts = [s for s in chart.shapes if isinstance(s, Text)]
            assert not [t.text for t in texts if t.text.endswith("…")], (rs.id, width)
            lines = [t for t in texts if t.anchor == "end" and t.x < width / 2]  # the title column
            for line in lines:
                assert text_width(line.text, line.size) <= chart.label_width + 0.01, line.text
            joined = "".join(t.text for t in lines)
            for res in report.criteria:
                if res.threshold is not None:
                    assert res.rule.title in joined, (rs.id, res.rule.title)


def test_an_elided_title_keeps_its_full_text_as_a_tooltip():
    from core.chart import chart_svg

    report = _report()
    res = next(c for c in report.criteria if c.threshold is not None)
    long = res.rule.__class__(**{**res.rule.__dict__, "title": "很长的标题" * 30})
    res.rule = long
    chart = chart_model(report, 640, 360)
    cut = [s for s in chart.shapes if isinstance(s, Text) and s.title == long.title]
    assert len(cut) == 3 and cut[-1].text.endswith("…")
    assert f"<title>{long.title}</title>" in chart_svg(chart)


def test_undecided_and_waived_criteria_get_a_grey_word_and_no_bar():
    from core import palette

    app = read_application_file(resource("samples", "sample-application.json"))
    app.values["industry.sme_share"] = {**app.values["industry.sme_share"], "2022": "120"}  # impossible
    app.values["industry.output_total"] = {"2020": "100", "2021": "100", "2022": "101"}  # growth 0.5 %
    app.values["industry.growth_waiver"] = "yes"
    app.values["industry.growth_waiver_reason"] = "受疫情影响停产三个月"
    report = evaluate(app, "HN-2023")
    outcomes = {c.rule.id: c.outcome for c in report.criteria}
    assert outcomes["HN-2023.1.sme_share"] == "unknown" and outcomes["HN-2023.1.growth"] == "waived"
    chart = chart_model(report, 640, 360)
    assert chart.marks == {"HN-2023.1.sme_share": "待补充", "HN-2023.1.growth": "不要求"}
    grey = [s for s in chart.shapes if isinstance(s, Text) and s.text in ("待补充", "不要求") and s.fill == palette.EMPTY]
    assert len(grey) == 2
    assert "HN-2023.1.sme_share" not in chart.bars and "HN-2023.1.growth" not in chart.bars
    assert set(chart.bars.values()) == {palette.GOOD_BAR}
