"""Text answers (``text``, ``longtext``) and the form's fixed printed text (``fixed``)."""

from __future__ import annotations

from core.form.kinds.base import FieldState, Kind, where
from core.messages import application as app_msg
from core.messages import form as msg
from core.xlsx.grid import Row


class Text(Kind):
    """A one-line answer; the defaults of ``Kind`` plus the length limit."""

    pairable = True

    def check(self, st, checks):
        fd = st.field
        if fd.max_chars and len(st.text) > fd.max_chars:
            yield checks.bad_format(msg.LENGTH, f"申报表“（{fd.max_chars}字以内）”、填报说明",
                                    limit=fd.max_chars, count=len(st.text))


class LongText(Text):
    pairable = False
    long_text = True


class Fixed(Kind):
    """Printed wording (the declaration); never filled in."""

    whole_required = False
    in_sections = False
    required_by_default = False

    def clean(self, fd, value, years, origin):
        raise app_msg.FIXED.error(where=where(fd, origin))

    def parse(self, fd, raw, years):
        return FieldState(fd, raw)

    def rows(self, fd, years, label, unit, note):
        return [Row(None, label, "", "", (), fd.text or "")]

    def cells(self, fd, value, years):
        return {}

    def pdf(self, fd, value, form):
        return []

