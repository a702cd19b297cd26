"""Files the official saves and hands on (application JSON, PDF, workbook, package) get the mode a
plainly saved file has (0666 minus the umask), not the 0600 of the temporary file they were
written through; only the office's private key stays private."""

from __future__ import annotations

import os
import stat

import pytest

from core.cli.main import main
from core.paths import resource

SAMPLE = resource("samples") / "sample-application.json"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_saved_documents_follow_the_umask(tmp_path, umask_022, capsys):
    app, pdf, xlsx = tmp_path / "new.json", tmp_path / "form.pdf", tmp_path / "form.xlsx"
    assert main(["new", "--rules", "SH-2023", "-o", str(app)]) == 0
    assert main(["pdf", str(SAMPLE), "-o", str(pdf), "--page", "declaration"]) == 0
    assert main(["xlsx-export", str(SAMPLE), "-o", str(xlsx)]) == 0
    assert {p.name: _mode(p) for p in (app, pdf, xlsx)} == {"new.json": 0o644, "form.pdf": 0o644, "form.xlsx": 0o644}
