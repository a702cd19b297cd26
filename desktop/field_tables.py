"""Editors laid out as tables by campaign year: per-year series, standards, platforms."""

from __future__ import annotations

from typing import Any

from core.form.model import STANDARD_LEVELS, STANDARD_ROLES
from core.numbers import split_pasted_cells
from desktop.field_editor import (
    FieldEditor,
    hbox,
    line_edit,
    set_text,
)
from desktop.i18n import tr_fmt
from desktop.qt import (
    QApplication,
    QEvent,
    QGridLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QWidget,
)


class _RowPaste(QObject):
    """Ctrl+V of several spreadsheet cells into a year cell fills that cell and the ones after it."""

    def __init__(self, editor: SeriesEditor):
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            return self.editor.paste_cells(obj, QApplication.clipboard().text())
        return False


class SeriesEditor(FieldEditor):
    """One value per campaign year, as one row of the printed per-year table."""

    def paste_cells(self, cell: QLineEdit, text: str) -> bool:
        """Spread cells copied from Excel across this year and the following ones (one edit, one
        undo step). A single cell is left to the line edit's own paste."""
        values = split_pasted_cells(text)
        if len(values) < 2:
            return False
        years = list(self.cells)
        start = years.index(next(y for y, e in self.cells.items() if e is cell))
        for year, v in zip(years[start:], values, strict=False):
            self.cells[year].setText(v)
        self._changed()
        return True

    def build(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.cells: dict[str, QLineEdit] = {}
        self._paste_filter = _RowPaste(self)
        for col, year in enumerate(self.years):
            grid.addWidget(QLabel(tr_fmt(self.tr("%1年"), str(year)), body), 0, col)
            edit = line_edit(body, 140)
            edit.setAccessibleName(f"{self.fd.label} {year}")
            edit.textEdited.connect(self._changed)
            edit.installEventFilter(self._paste_filter)
            self.cells[str(year)] = edit
            grid.addWidget(edit, 1, col)
        unit = self.fd.display_unit
        if unit:
            grid.addWidget(QLabel(unit, body), 1, len(self.years))
        grid.setColumnStretch(len(self.years) + 1, 1)

    def value(self) -> Any:
        out = {y: e.text() for y, e in self.cells.items() if e.text().strip()}
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for y, edit in self.cells.items():
            set_text(edit, value.get(y))

    def focus_target(self) -> QWidget:
        return self.cells[str(self.years[0])]

    def focus_cell(self, cell: tuple) -> QWidget:
        return self.cells.get(str(cell[0]) if cell else "", self.focus_target())


class StandardsEditor(FieldEditor):
    """The standards matrix: year × level (国际/国家/行业/团体) × role (主持/参与)."""

    def build(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.cells: dict[tuple[str, str, str], QLineEdit] = {}
        for i, (_level, level_label) in enumerate(STANDARD_LEVELS):
            head = QLabel(tr_fmt(self.tr("%1标准"), level_label), body)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, 1 + 2 * i, 1, 2)
            for j, (_role, role_label) in enumerate(STANDARD_ROLES):
                grid.addWidget(QLabel(role_label, body), 1, 1 + 2 * i + j, Qt.AlignmentFlag.AlignCenter)
        for r, year in enumerate(self.years):
            grid.addWidget(QLabel(tr_fmt(self.tr("%1年"), str(year)), body), 2 + r, 0)
            for i, (level, level_label) in enumerate(STANDARD_LEVELS):
                for j, (role, role_label) in enumerate(STANDARD_ROLES):
                    edit = line_edit(body, 56)
                    edit.setAccessibleName(f"{year}年{level_label}标准{role_label}")
                    edit.textEdited.connect(self._changed)
                    self.cells[(str(year), level, role)] = edit
                    grid.addWidget(edit, 2 + r, 1 + 2 * i + j)
        grid.setColumnStretch(1 + 2 * len(STANDARD_LEVELS), 1)

    def value(self) -> Any:
        out: dict[str, dict[str, dict[str, str]]] = {}
        for (year, level, role), edit in self.cells.items():
            if edit.text().strip():
                out.setdefault(year, {}).setdefault(level, {})[role] = edit.text()
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for (year, level, role), edit in self.cells.items():
            cell = ((value.get(year) or {}).get(level) or {}).get(role)
            set_text(edit, cell)

    def focus_target(self) -> QWidget:
        return next(iter(self.cells.values()))

    def focus_cell(self, cell: tuple) -> QWidget:
        return self.cells.get(tuple(str(c) for c in cell[:3]), self.focus_target())


class PlatformEditor(FieldEditor):
    """Count and names of innovation platforms."""

    def build(self, body: QWidget) -> None:
        row = hbox(body)
        row.addWidget(QLabel(self.tr("数量"), body))
        self.count = line_edit(body, 70)
        self.count.textEdited.connect(self._changed)
        row.addWidget(self.count)
        row.addWidget(QLabel(self.tr("个　名称"), body))
        self.names = line_edit(body, placeholder=self.tr("平台名称，多个用“、”分隔"))
        self.names.textEdited.connect(self._changed)
        row.addWidget(self.names, 1)
        if self.fd.evidence:
            row.addWidget(self._evidence_button(self.key, body))

    def value(self) -> Any:
        out = {k: e.text() for k, e in (("count", self.count), ("names", self.names)) if e.text()}
        return out or None

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        set_text(self.count, value.get("count"))
        set_text(self.names, value.get("names"))

    def focus_target(self) -> QWidget:
        return self.count

    def focus_cell(self, cell: tuple) -> QWidget:
        return self.names if cell[:1] == ("names",) else self.count
