"""The yearly report form (resources/forms/ANNUAL-FORM.yaml): its text sections, and the figures a
given cluster reports (every plan metric and every numeric criterion of its rule set).

The seeds give no official layout for this report; the YAML says so and the printout prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.follow import metrics as mt
from core.follow.targets import Target
from core.follow.thresholds import criterion_fields
from core.form import FormDef
from core.form.loader import read_yaml
from core.form.model import FieldDef
from core.messages import follow as M
from core.paths import resource
from core.rules.model import RuleSet

FIGURE_PREFIX = "figures."
INCLUDES = ("plan_targets", "criteria")


@dataclass(frozen=True)
class TextSection:
    key: str
    label: str
    max: int
    required: bool


@dataclass(frozen=True)
class AnnualForm:
    id: str
    version: int
    title: str
    layout_note: str
    source: str
    sections: tuple[TextSection, ...]
    figures_title: str
    figures_note: str
    includes: tuple[str, ...]


@dataclass(frozen=True)
class FigureField:
    key: str  # figures.<metric key>
    metric: mt.Metric
    why: str  # 发展目标 / 认定标准 / both
    field: FieldDef | None = None  # the form's field (None for a custom metric)


@lru_cache(maxsize=2)
def load_annual_form(form_id: str = "ANNUAL-FORM") -> AnnualForm:
    path = resource("forms", f"{form_id}.yaml")
    data = read_yaml(path)

    def bad(problem: str) -> Exception:
        return M.BAD_ANNUAL_FORM.error(origin=path, problem=problem)

    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise bad("缺少 sections")
    sections = []
    for s in data["sections"]:
        if not isinstance(s, dict) or not s.get("key") or not s.get("label"):
            raise bad(f"栏目定义不完整：{s!r}")
        if not isinstance(s.get("max"), int) or s["max"] <= 0:
            raise bad(f"栏目 {s['key']} 缺少字数限制 max")
        sections.append(TextSection(s["key"], s["label"], s["max"], bool(s.get("required", True))))
    figures = data.get("figures") or {}
    includes = tuple(figures.get("include") or ())
    if set(includes) - set(INCLUDES):
        raise bad(f"figures.include 只能是 {'、'.join(INCLUDES)}")
    if not str(data.get("layout_note") or "").strip():
        raise bad("缺少 layout_note（须说明年度报告没有官方表样）")
    return AnnualForm(str(data.get("id", form_id)), int(data.get("version", 1)), str(data.get("title", "")),
                      " ".join(str(data["layout_note"]).split()), str(data.get("source", "")), tuple(sections),
                      str(figures.get("title", "年度数据")), str(figures.get("note", "")), includes)


def figure_fields(af: AnnualForm, form: FormDef, rs: RuleSet, targets: list[Target]) -> list[FigureField]:
    """The figures this cluster reports each year: plan metrics first (in target order), then the
    criteria's numeric fields (form order); each once."""
    out: dict[str, FigureField] = {}
    if "plan_targets" in af.includes:
        for t in targets:
            if not t.confirmed:
                continue
            m = mt.metric(form, t.metric, t.unit)
            if m is not None and m.key not in out:
                out[m.key] = FigureField(FIGURE_PREFIX + m.key, m, "发展目标", form.fields.get(m.key))
    if "criteria" in af.includes:
        for key in criterion_fields(rs, form):
            if key in out:
                out[key] = FigureField(out[key].key, out[key].metric, "发展目标、认定标准", form.fields[key])
            else:
                fd = form.fields[key]
                out[key] = FigureField(FIGURE_PREFIX + key, mt.metric_of_field(fd), "认定标准", fd)
    return list(out.values())


def clean_value(af: AnnualForm, figures: list[FigureField], year: int, key: str, raw: Any) -> Any:
    """The value to store for ``key`` (text, or a decimal string for figures), or a message naming the item."""
    section = next((s for s in af.sections if s.key == key), None)
    if section is not None:
        text = "" if raw is None else str(raw).strip()
        if len(text) > section.max:
            raise M.ANNUAL_TOO_LONG.error(year=year, label=section.label, length=len(text), max=section.max)
        return text or None
    fig = next((f for f in figures if f.key == key or f.metric.key == key), None)
    if fig is None:
        known = "、".join([s.key for s in af.sections] + [f.key for f in figures])
        raise M.ANNUAL_UNKNOWN_FIELD.error(key=key, known=known)
    if raw in (None, ""):
        return None
    if fig.metric.kind == "standards":
        return _standards_value(fig, year, raw)
    p = fig.metric.parse(raw)
    if not p.ok:
        raise M.ANNUAL_BAD_VALUE.error(year=year, label=f"{fig.metric.label}（{fig.metric.unit or '无单位'}）",
                                       reason=p.error)
    return None if p.value is None else f"{p.value:f}"


def _standards_value(fig: FigureField, year: int, raw: Any) -> dict[str, Any]:
    """One year's standards matrix, as JSON text or a dict: {"national": {"lead": 1, "participate": 2}, …}."""
    import json

    from core.errors import UserError
    from core.form.kinds import clean_value as clean_field

    label = f"{fig.metric.label}（按级别和角色的项数）"
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
        cleaned = clean_field(fig.field, {str(year): value}, [year], f"{year}年度培育情况")
    except (ValueError, UserError) as exc:
        reason = exc.message if isinstance(exc, UserError) else "应为 JSON，例如 {\"national\": {\"lead\": 1, \"participate\": 2}}"
        raise M.ANNUAL_BAD_VALUE.error(year=year, label=label, reason=reason) from None
    return cleaned[str(year)]


def figure_key(key: str) -> str:
    return key if key.startswith(FIGURE_PREFIX) or key.startswith("report.") else FIGURE_PREFIX + key
