"""The 新建申请 dialog: which region and year (rule set) the new application is for.

It preselects the rule set last used for a new application (remembered in QSettings) and never
preselects a partial one (全国 2022 covers only two indicators: it cannot give 符合); the official
may still choose it."""

from __future__ import annotations

from desktop.qt import QComboBox, QDialog, QDialogButtonBox, QLabel, QSettings, QVBoxLayout, QWidget

LAST_RULESET_KEY = "new_application/last_ruleset"


def ruleset_choices() -> list[tuple[str, str, bool]]:
    """(id, label, partial) of every rule set, in the order the rules core lists them."""
    from core.rules import available_rulesets, load_ruleset

    out = []
    for rs_id in available_rulesets():
        rs = load_ruleset(rs_id)
        out.append((rs.id, f"{rs.name}（{rs.campaign}年）" + ("　部分规则，不能得出“符合”" if rs.partial else ""),
                    rs.partial))
    return out


def preselected(choices: list[tuple[str, str, bool]], last: str | None) -> int:
    """The row to preselect: the last used rule set, unless partial; else the first full one."""
    for i, (rs_id, _label, partial) in enumerate(choices):
        if rs_id == last and not partial:
            return i
    return next((i for i, c in enumerate(choices) if not c[2]), 0)


def last_ruleset() -> str | None:
    value = QSettings().value(LAST_RULESET_KEY)
    return str(value) if value else None


def remember_ruleset(rs_id: str) -> None:
    settings = QSettings()
    settings.setValue(LAST_RULESET_KEY, rs_id)
    settings.sync()


class NewApplicationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newApplication")
        self.setWindowTitle(self.tr("新建申请"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("选择申报地区与年度（规则集）(&R)："), self)
        layout.addWidget(label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("newRuleset")
        self.choices = ruleset_choices()
        for rs_id, text, _partial in self.choices:
            self.combo.addItem(text, rs_id)
        self.combo.setCurrentIndex(preselected(self.choices, last_ruleset()))
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ruleset_id(self) -> str:
        return self.combo.currentData()


def choose_ruleset(parent: QWidget | None = None) -> str | None:
    dialog = NewApplicationDialog(parent)
    return dialog.ruleset_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
