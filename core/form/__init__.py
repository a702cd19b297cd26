"""The official 申报表 as data: definitions loaded from ``resources/forms``."""

from core.form.loader import available_forms, load_form
from core.form.model import FieldDef, FormDef, OptionDef, SectionDef

__all__ = ["FieldDef", "FormDef", "OptionDef", "SectionDef", "available_forms", "load_form"]
