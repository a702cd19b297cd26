"""What every page builder needs: the application, its form, styles and the text guard."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Paragraph

from core.application import Application
from core.form import FieldDef, FormDef
from core.pdf.fonts import TextGuard, paragraph
from core.pdf.styles import styles


@dataclass
class Ctx:
    app: Application
    guard: TextGuard = field(default_factory=TextGuard)
    official: bool = False  # the official layout only: no 【补充】 rows, no 自评结果 appendix

    def __post_init__(self) -> None:
        self.form: FormDef = self.app.local_form  # its own region's notes
        self.years: list[int] = self.app.years
        self.st = styles()

    def p(self, text: object, style: str = "value", where: str = "") -> Paragraph:
        return paragraph(self.guard.markup(text, where), self.st[style])

    def m(self, text: object, where: str = "") -> str:
        """Cleaned, escaped markup to combine into a larger paragraph."""
        return self.guard.markup(text, where)

    def clean(self, text: object, where: str = "") -> str:
        return self.guard.clean(text, where)

    def printed(self, fd: FieldDef) -> bool:
        """Whether a field has a row of its own in this printout."""
        return not (self.official and fd.supplementary)

    def value(self, key: str):
        return self.app.values.get(key)

    @staticmethod
    def where(fd: FieldDef) -> str:
        return f"{fd.section_number}“{fd.label}”" if fd.section_number != "封面" else f"封面“{fd.label}”"
