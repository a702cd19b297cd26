"""Load and check form definitions from ``resources/forms/*.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from core.errors import UserError
from core.form.kinds import KINDS
from core.form.model import (
    PAGE_ASSESSMENT,
    PAGE_FIELDS,
    DerivedDef,
    FieldDef,
    FormDef,
    IndicatorDef,
    OptionDef,
    PageDef,
    SectionDef,
)
from core.messages import formdef as M
from core.messages.base import Message
from core.paths import resource

try:  # libyaml is several times faster; fall back to the pure-Python loader
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except OSError as exc:
        raise M.UNREADABLE.error(path=path, reason=exc.strerror or exc) from exc
    except yaml.YAMLError as exc:
        raise M.NOT_YAML.error(path=path, reason=exc) from exc


def forms_dir() -> Path:
    return resource("forms")


def available_forms() -> list[str]:
    return sorted(p.stem for p in forms_dir().glob("*.yaml"))


@lru_cache(maxsize=8)
def load_form(form_id: str = "SH-FORM") -> FormDef:
    path = forms_dir() / f"{form_id}.yaml"
    if not path.is_file():
        raise M.UNKNOWN_FORM.error(form=form_id, available="、".join(available_forms()) or "无")
    return parse_form(read_yaml(path), str(path))


def parse_form(data: dict[str, Any], origin: str = "<form>") -> FormDef:
    def fail(msg: Message, **fields: Any) -> UserError:
        # The specific problem's code, in the one wording of a broken form definition.
        return UserError(M.INVALID.text(origin=origin, problem=msg.text(**fields)), code=msg.code)

    fields: dict[str, FieldDef] = {}
    sections: list[SectionDef] = []
    pending_refs: list[tuple[str, str]] = []
    order = 0
    for sec in data["sections"]:
        own: list[FieldDef] = []
        refs: list[tuple[str, str]] = []
        layout: list[str] = []
        for f in sec["fields"]:
            if "ref" in f:
                refs.append((f["ref"], f.get("label", "")))
                pending_refs.append((f["ref"], sec["id"]))
                layout.append(f["ref"])
                continue
            key, ftype = f.get("key"), f.get("type")
            kind = KINDS.get(ftype)
            if not key or kind is None:
                raise fail(M.BAD_TYPE, key=key or f, type=ftype)
            if key in fields:
                raise fail(M.DUPLICATE_KEY, key=key)
            order += 1
            fd = FieldDef(
                key=key,
                label=f["label"],
                type=ftype,
                section=sec["id"],
                section_number=sec["number"],
                indicator=int(f.get("indicator", sec["indicator"])),
                required=bool(f.get("required", kind.required_by_default)),
                supplementary=bool(f.get("supplementary", False)),
                unit=f.get("unit"),
                decimals=int(f.get("decimals", kind.default_decimals(f))),
                max_chars=f.get("max"),
                minimum=f.get("min"),
                range=f.get("range"),
                of=f.get("of"),
                options=tuple(OptionDef(o["key"], o["label"], bool(o.get("text", False))) for o in f.get("options", ())),
                na_label=f.get("na_label"),
                evidence=bool(f.get("evidence", False)),
                list_name=f.get("list"),
                group=f.get("group"),
                owner=f.get("owner"),
                prompt=f.get("prompt"),
                hint=f.get("hint"),
                note=f.get("note"),
                about=f.get("about"),
                derived=f.get("derived"),
                text=f.get("text"),
                signature=tuple(f.get("signature", ())),
                filling=tuple(f.get("filling", ())),
                order=order,
            )
            problem = kind.definition_problem(fd)
            if problem:
                raise fail(problem[0], key=key, **problem[1])
            fields[key] = fd
            own.append(fd)
            layout.append(key)
        sections.append(
            SectionDef(
                id=sec["id"],
                number=sec["number"],
                title=sec["title"],
                indicator=int(sec["indicator"]),
                fields=tuple(own),
                refs=tuple(refs),
                layout=tuple(layout),
                char_limit=sec.get("char_limit"),
            )
        )
    for key, sec_id in pending_refs:
        if key not in fields:
            raise fail(M.UNKNOWN_REF, section=sec_id, key=key)
    derived: dict[str, DerivedDef] = {}
    for dkey, d in (data.get("derived") or {}).items():
        for ref in [*d["inputs"], *([d["stated"]] if d.get("stated") else [])]:
            if ref not in fields:
                raise fail(M.UNKNOWN_DERIVED_INPUT, derived=dkey, key=ref)
        derived[dkey] = DerivedDef(
            key=dkey,
            label=d["label"],
            unit=d.get("unit", ""),
            function=d["function"],
            inputs=tuple(d["inputs"]),
            stated=d.get("stated"),
            citation=d.get("citation", ""),
            explain=d.get("explain", ""),
        )
    for fd in fields.values():
        if fd.derived and fd.derived not in derived:
            raise fail(M.UNKNOWN_DERIVED, key=fd.key, derived=fd.derived)
    lists = dict(data.get("lists") or {})
    for fd in fields.values():
        if fd.list_name and fd.list_name not in lists:
            raise fail(M.UNKNOWN_LIST, key=fd.key, list=fd.list_name)
    indicators = _indicators(data.get("indicators"), fail)
    known = {i.number for i in indicators}
    if indicators:
        for sec in sections:
            if sec.indicator not in known:
                raise fail(M.UNKNOWN_INDICATOR, where=f"栏目 {sec.id}", indicator=sec.indicator)
        for fd in fields.values():
            if fd.indicator not in known:
                raise fail(M.UNKNOWN_INDICATOR, where=f"字段 {fd.key}", indicator=fd.indicator)
    for fd in fields.values():
        if fd.owner and fd.owner not in fields:
            raise fail(M.UNKNOWN_OWNER, key=fd.key, owner=fd.owner)
    filling_notes = tuple(data.get("filling_notes") or ())
    for fd in fields.values():
        for number in fd.filling:
            if not isinstance(number, int) or not 1 <= number <= len(filling_notes):
                raise fail(M.BAD_FILLING, key=fd.key, number=number)
    pages = _pages(data.get("pages"), indicators, sections, fields, fail)
    return FormDef(
        id=data["id"],
        version=int(data["version"]),
        title=data["title"],
        source=data.get("source", ""),
        years=int(data.get("years", 3)),
        sections=tuple(sections),
        fields=fields,
        derived=derived,
        lists=lists,
        filling_notes=filling_notes,
        evidence_note=data.get("evidence_note", ""),
        indicators=indicators,
        pages=pages,
        hints=_hints(data.get("hints"), fields, fail),
        raw=data,
    )


def _hints(raw: Any, fields, fail) -> dict[str, dict[str, dict[str, str | None]]]:
    """``hints: {SH: {cover.district: {hint: 例如：闵行区}}}``: per jurisdiction, the hint / note of
    a field that differs from the form's own (null: none at all)."""
    out: dict[str, dict[str, dict[str, str | None]]] = {}
    for code, per_field in (raw or {}).items():
        out[str(code)] = {}
        for key, texts in (per_field or {}).items():
            if key not in fields:
                raise fail(M.BAD_HINT, jurisdiction=code, key=key, detail="没有这个字段")
            if not isinstance(texts, dict) or not texts or set(texts) - {"hint", "note"}:
                raise fail(M.BAD_HINT, jurisdiction=code, key=key, detail="只能给出 hint 和 note")
            if any(v is not None and not isinstance(v, str) for v in texts.values()):
                raise fail(M.BAD_HINT, jurisdiction=code, key=key, detail="须为文字或 null")
            out[str(code)][key] = dict(texts)
    return out


def _indicators(raw: Any, fail) -> tuple[IndicatorDef, ...]:
    found: dict[int, IndicatorDef] = {}
    for entry in raw or ():
        number, name = (entry or {}).get("number"), (entry or {}).get("name")
        if not isinstance(number, int) or isinstance(number, bool) or not name:
            raise fail(M.BAD_INDICATOR, entry=entry)
        if number in found:
            raise fail(M.DUPLICATE_INDICATOR, indicator=number)
        found[number] = IndicatorDef(number, str(name), str(entry.get("short") or ""))
    return tuple(found.values())


def _pages(raw: Any, indicators, sections, fields, fail) -> tuple[PageDef, ...]:
    by_number = {i.number: i for i in indicators}
    section_ids = {s.id for s in sections}
    pages: list[PageDef] = []
    for entry in raw or ():
        page_id = (entry or {}).get("id")
        if not page_id:
            raise fail(M.BAD_PAGE, page=entry, detail="缺少 id")
        if any(p.id == page_id for p in pages):
            raise fail(M.DUPLICATE_PAGE, page=page_id)
        kind = entry.get("kind", PAGE_FIELDS)
        if kind not in (PAGE_FIELDS, PAGE_ASSESSMENT):
            raise fail(M.BAD_PAGE, page=page_id, detail=f"kind“{kind}”无效")
        indicator = entry.get("indicator")
        if indicator is not None and indicator not in by_number:
            raise fail(M.UNKNOWN_INDICATOR, where=f"页面 {page_id}", indicator=indicator)
        for sec in entry.get("sections", ()):
            if sec not in section_ids:
                raise fail(M.UNKNOWN_SECTION, page=page_id, section=sec)
        title = entry.get("title") or (by_number[indicator].short if indicator is not None else "")
        if not title:
            raise fail(M.BAD_PAGE, page=page_id, detail="缺少标题 title")
        page_sections = tuple(entry.get("sections", ()))
        needs = tuple(entry.get("needs", ()))
        for key in needs:
            if key not in fields or fields[key].section not in page_sections:
                raise fail(M.BAD_NEEDS, page=page_id, key=key)
        pages.append(PageDef(id=page_id, title=title, kind=kind, indicator=indicator,
                             sections=page_sections, fixed=bool(entry.get("fixed", False)), needs=needs))
    if pages:  # every field the official fills in has a page
        claimed = {s for p in pages for s in p.sections}
        with_page = {p.indicator for p in pages if p.indicator is not None}
        for fd in fields.values():
            if fd.type != "fixed" and fd.section not in claimed and fd.indicator not in with_page:
                raise fail(M.UNPLACED_FIELD, key=fd.key, section=fd.section, indicator=fd.indicator)
    return tuple(pages)
