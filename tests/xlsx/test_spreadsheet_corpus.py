"""Every import over the spreadsheet corpus (tests/corpus/spreadsheets/build.py): each good file in
every format is read, each bad one is refused with a Chinese message naming the file (and the sheet,
row and column for a bad cell), and the application file is left byte for byte as it was."""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pytest

from core.cli.main import main
from core.paths import resource
from tests.corpus.spreadsheets.build import build
from tests.office import needs_soffice

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sheets")
    return tmp / "corpus", build(tmp / "corpus", tmp)


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue() or out.getvalue()


def test_every_import_over_the_corpus(corpus, tmp_path):
    folder, cases = corpus
    assert {p.suffix for p in folder.iterdir()} >= {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".et", ".csv"}
    sample = resource("samples", "sample-application.json")
    app = tmp_path / "app.json"
    refused = 0
    for name, case in sorted(cases.items()):
        path = folder / name
        shutil.copy(sample, app)
        before = app.read_bytes()
        imports = {
            "list-import": ["list-import", str(path), "--list", "enterprises", str(app), "--yes"],
            "xlsx-import": ["xlsx-import", str(path), "-o", str(app), "--yes"],  # none is a form workbook
        }
        for command, argv in imports.items():
            code, text = _run(argv)
            if command == "list-import" and case.ok:
                assert code == 0, (name, text)
                assert len(json.loads(app.read_text(encoding="utf-8"))["lists"]["enterprises"]) == 3, name
                shutil.copy(sample, app)
                continue
            assert code == 2, (name, command, text)
            assert "Traceback" not in text and "错误：" in text, (name, text)
            assert f"“{name}”" in text, (name, command, text)
            if command == "list-import":
                assert case.words in text, (name, text)
                assert case.where in text, (name, text)
            assert app.read_bytes() == before, f"{name}: {command} changed the application"
            refused += 1
        assert sorted(p.name for p in tmp_path.iterdir()) == ["app.json"], name  # no temporary left behind
    assert refused > 40
