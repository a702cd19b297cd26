"""Fixtures for the PDF tests: the sample application, and the PDF read back with poppler."""

from __future__ import annotations

import re
import subprocess

import pytest

from core.application import read_application_file
from core.paths import resource

SAMPLE = resource("samples", "sample-application.json")


def body_text(pdf) -> str:
    """pdftotext of the page bodies only (running header and page-number footer cropped off)."""
    return subprocess.run(["pdftotext", "-r", "72", "-x", "0", "-y", "50", "-W", "600", "-H", "745", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def full_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    """Without any whitespace: pdftotext breaks lines wherever the PDF wraps them."""
    return re.sub(r"\s+", "", text)


def page_count(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def fonts(pdf) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def words(pdf) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, text) of every word, in points from the top-left corner."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    result, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            result.append((page, *(float(m.group(i)) for i in range(1, 5)), m.group(5)))
    return result


def region_text(pdf, x0: float, x1: float = 600) -> str:
    """pdftotext of a vertical strip of the page bodies (a column of cells), in points."""
    return subprocess.run(["pdftotext", "-r", "72", "-x", str(int(x0)), "-y", "50", "-W", str(int(x1 - x0)), "-H", "745",
                           str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def sample_app():
    return read_application_file(SAMPLE)


@pytest.fixture
def no_system_fonts(monkeypatch, tmp_path_factory):
    """No installed font to fall back on: the system-font search looks in an empty folder."""
    from core.pdf.fonts import forget_fallbacks
    from core.pdf.sysfonts import FONT_DIRS_ENV

    monkeypatch.setenv(FONT_DIRS_ENV, str(tmp_path_factory.mktemp("no-fonts")))
    forget_fallbacks()
    yield
    monkeypatch.undo()
    forget_fallbacks()
