"""The printout carries the notes of the application's own region: the Hainan growth-waiver note
on a Hainan form only, the Shanghai notes only on a Shanghai form (the window shows the same)."""

from __future__ import annotations

import pytest

from core.cli.main import main
from core.form import load_form
from tests.pdf.conftest import full_text, squash

HAINAN_NOTE = "海南省认定标准一"


def _printed(tmp_path, rules: str) -> str:
    app, pdf = tmp_path / f"{rules}.json", tmp_path / f"{rules}.pdf"
    assert main(["new", "--rules", rules, "-o", str(app)]) == 0
    assert main(["pdf", str(app), "-o", str(pdf)]) == 0
    return squash(full_text(pdf))


def _shanghai_note(key: str) -> str:
    note = load_form("SH-FORM").fields[key].note
    assert note, key
    return squash(note)[:12]


@pytest.mark.parametrize("rules", ["SH-2023", "HN-2023", "GZ-2024"])
def test_each_region_prints_its_own_notes(tmp_path, rules):
    text = _printed(tmp_path, rules)
    shanghai = _shanghai_note("basic.established_year")
    assert (HAINAN_NOTE in text) == (rules == "HN-2023")
    assert (shanghai in text) == (rules == "SH-2023")
