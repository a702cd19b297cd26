"""Answers chosen from the form's words: ``yesno``, ``yesno_na``, ``choice`` (one) and ``checks`` (many)."""

from __future__ import annotations

from core.form.kinds.base import (
    NOTE_REQUIRED,
    FieldState,
    Kind,
    PdfText,
    PdfTicks,
    as_dict,
    short,
    shown,
    where,
)
from core.form.model import NA, NO, YES, YESNO_LABELS
from core.messages import application as app_msg
from core.messages import form as msg
from core.messages import formdef as formdef_msg
from core.messages import xlsx as xlsx_msg
from core.xlsx.grid import COL_VALUE, NO_TICK, TICK, YESNO_TEXT, Row, Slot

_YESNO_ALIASES = {"是": YES, "否": NO, "不适用": NA, True: YES, False: NO}
_NA_WORDS = ("不适用", "NA", "N/A")


class YesNo(Kind):
    allowed: tuple[str, ...] = (YES, NO)

    @property
    def with_na(self) -> bool:
        return NA in self.allowed

    def clean(self, fd, value, years, origin):
        # Only words and JSON true/false: 1 == True in Python, and a 1 must not become "是".
        if isinstance(value, (str, bool)):
            value = _YESNO_ALIASES.get(value, value)
        if not isinstance(value, str) or value not in self.allowed:
            raise app_msg.BAD_YESNO.error(where=where(fd, origin), allowed="/".join(self.allowed), value=shown(value))
        return value

    def parse(self, fd, raw, years):
        return FieldState(fd, raw, code=raw if isinstance(raw, str) else None)

    def blank(self, st):
        return st.code is None

    def check(self, st, checks):
        if st.field.evidence and st.code == YES and not self.with_na:
            yield from checks.evidence(st.field.key, "选择“是”")

    def rows(self, fd, years, label, unit, note):
        choices = tuple(YESNO_TEXT[c] for c in self.allowed)
        if self.with_na and fd.na_label:
            note = "；".join(x for x in (f"不适用：{fd.na_label}", note) if x)
        return [Row(fd.key, label, "", "", (Slot(COL_VALUE, ""),), note, choices)]

    def cells(self, fd, value, years):
        return {"": YESNO_TEXT.get(value)}

    def from_cells(self, fd, cells, years, at, read):
        v = cells[""]
        word = str(v).strip()
        if self.with_na and (word in _NA_WORDS or word == fd.na_label):
            return NA
        flag = read.flag(v, at[""], "“是”或“否”" + ("或“不适用”" if self.with_na else ""))
        return None if flag is None else YES if flag else NO

    def display(self, fd, value, limit):
        return YESNO_TEXT.get(value, str(value))

    def pdf(self, fd, value, form):
        items = [(value == YES, YESNO_LABELS[YES], None), (value == NO, YESNO_LABELS[NO], None)]
        if self.with_na:
            items.append((value == NA, fd.na_label or "不适用", None))
        return [PdfTicks(tuple(items))]


class YesNoNA(YesNo):
    allowed = (YES, NO, NA)


class Choice(Kind):
    """One option; an option marked ``text`` takes a free text ("其他____")."""

    def definition_problem(self, fd):
        return (formdef_msg.NO_OPTIONS, {}) if not fd.options else None

    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict) or not set(value) <= {"selected", "text"}:
            raise self.bad(fd, value, origin)
        sel = value.get("selected")
        if sel is not None and not isinstance(sel, str):
            raise self.bad_part(fd, "选项（selected）", sel, origin)
        if not isinstance(value.get("text", ""), str):
            raise self.bad_part(fd, "文字（text）", value["text"], origin)
        if sel is not None and fd.option(sel) is None:
            raise app_msg.NO_OPTION.error(where=where(fd, origin), option=sel)
        return value

    def parse(self, fd, raw, years):
        raw_d = as_dict(raw)
        sel = raw_d.get("selected")
        return FieldState(fd, raw, code=sel, texts={sel: raw_d.get("text", "").strip()} if sel else {})

    def blank(self, st):
        return st.code is None

    def check(self, st, checks):
        opt = st.field.option(st.code) if st.code else None
        if opt and opt.text and not st.texts.get(st.code):
            yield checks.incomplete(msg.OTHER_CHOSEN, NOTE_REQUIRED, option=opt.label)

    def rows(self, fd, years, label, unit, note):
        rows = [Row(fd.key, label, "选择一项", "", (Slot(COL_VALUE, ""),), note, tuple(o.label for o in fd.options))]
        texts = [o.label for o in fd.options if o.text]
        if texts:
            rows.append(Row(fd.key, label, f"选“{'”或“'.join(texts)}”时填写具体内容", "", (Slot(COL_VALUE, "text"),)))
        return rows

    def cells(self, fd, value, years):
        d = as_dict(value)
        opt = fd.option(d.get("selected") or "")
        out = {"": opt.label if opt else None}
        if any(o.text for o in fd.options):
            out["text"] = d.get("text") or None
        return out

    def from_cells(self, fd, cells, years, at, read):
        v = read.text(cells[""])
        opt = next((o for o in fd.options if v in (o.label, o.key)), None) if v else None
        if v and opt is None:
            raise read.error(xlsx_msg.NOT_AN_OPTION, at=at[""], value=v,
                             options="、".join(o.label for o in fd.options))
        out = {"selected": opt.key} if opt else {}
        text = read.text(cells.get("text"))
        if text:
            out["text"] = text
        return out or None

    def display(self, fd, value, limit):
        opt = fd.option(value.get("selected") or "")
        text = value.get("text")
        return (opt.label if opt else "（空）") + (f"：{text}" if text else "")

    def pdf(self, fd, value, form):
        sel = (value or {}).get("selected")
        text = (value or {}).get("text") or ""
        return [PdfTicks(tuple((o.key == sel, o.label, (text if o.key == sel else "") if o.text else None)
                               for o in fd.options))]


class Checkboxes(Kind):
    """Any number of ticked options; with ``evidence:`` each ticked box needs 佐证材料."""

    required_by_default = False  # no box ticked is an answer

    def definition_problem(self, fd):
        return (formdef_msg.NO_OPTIONS, {}) if not fd.options else None

    def clean(self, fd, value, years, origin):
        if not isinstance(value, dict) or not set(value) <= {"selected", "texts"}:
            raise self.bad(fd, value, origin)
        selected, texts = value.get("selected", []), value.get("texts", {})
        if not isinstance(selected, list) or not all(isinstance(x, str) for x in selected):
            raise self.bad_part(fd, "勾选项（selected）", selected, origin)
        if not isinstance(texts, dict) or not all(isinstance(x, str) for x in texts.values()):
            raise self.bad_part(fd, "文字（texts）", texts, origin)
        for sel in selected:
            if fd.option(sel) is None:
                raise app_msg.NO_OPTION.error(where=where(fd, origin), option=sel)
        for key in value.get("texts", {}):
            opt = fd.option(key)
            if opt is None or not opt.text:
                raise app_msg.NO_OPTION_TEXT.error(where=where(fd, origin), option=key)
        return value

    def parse(self, fd, raw, years):
        raw_d = as_dict(raw)
        texts = {k: (v or "").strip() for k, v in (raw_d.get("texts") or {}).items()}
        return FieldState(fd, raw, selected=tuple(raw_d.get("selected") or ()), texts=texts)

    def blank(self, st):
        return not st.selected

    def check(self, st, checks):
        fd = st.field
        for key in st.selected:
            opt = fd.option(key)
            if opt is None:
                continue
            if opt.text and not st.texts.get(key):
                yield checks.incomplete(msg.OTHER_TICKED, NOTE_REQUIRED, option=opt.label)
            if fd.evidence:
                yield from checks.evidence(f"{fd.key}:{key}", f"勾选项“{opt.label}”")

    def evidence_targets(self, fd):
        return [f"{fd.key}:{o.key}" for o in fd.options]

    def rows(self, fd, years, label, unit, note):
        rows = []
        for o in fd.options:
            rows.append(Row(fd.key, label, o.label, "", (Slot(COL_VALUE, f"opt:{o.key}"),), note if not rows else "",
                            (TICK, NO_TICK)))
            if o.text:
                rows.append(Row(fd.key, label, f"{o.label}：具体内容", "", (Slot(COL_VALUE, f"text:{o.key}"),)))
        return rows

    def cells(self, fd, value, years):
        d = as_dict(value)
        selected = set(d.get("selected") or ())
        texts = d.get("texts") or {}
        out = {}
        for o in fd.options:
            out[f"opt:{o.key}"] = (TICK if o.key in selected else NO_TICK) if value is not None else None
            if o.text:
                out[f"text:{o.key}"] = texts.get(o.key) or None
        return out

    def from_cells(self, fd, cells, years, at, read):
        selected, texts = [], {}
        for o in fd.options:
            if read.flag(cells.get(f"opt:{o.key}"), at[f"opt:{o.key}"], "“是”或“否”"):
                selected.append(o.key)
            text = read.text(cells.get(f"text:{o.key}"))
            if text:
                texts[o.key] = text
        return {"selected": selected, "texts": texts} if texts else {"selected": selected}

    def display(self, fd, value, limit):
        texts = value.get("texts") or {}
        labels = []
        for key in value.get("selected") or ():
            opt = fd.option(key)
            label = opt.label if opt else key
            labels.append(f"{label}（{texts[key]}）" if texts.get(key) else label)
        return short("；".join(labels) or "（未勾选）", limit)

    def pdf(self, fd, value, form):
        v = value or {}
        selected, texts = set(v.get("selected") or ()), v.get("texts") or {}
        out: list = [PdfText(f"{fd.prompt}：")] if fd.prompt else []
        out.append(PdfTicks(tuple((o.key in selected, o.label, (texts.get(o.key) or "") if o.text else None)
                                  for o in fd.options)))
        if fd.evidence and form.evidence_note:
            out.append(PdfText(form.evidence_note, "note"))
        return out
