"""Parsed view of the raw values: what each field holds once numbers are understood.

The parsing and the blank test belong to each field kind (core/form/kinds.py); the rules import
them from here.
"""

from core.form.kinds import FieldState, parse_field

__all__ = ["FieldState", "parse_field"]
