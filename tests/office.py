"""LibreOffice in tests: convert files with ``soffice --headless`` in a private profile, with the
program's own Noto Sans SC as the only CJK font (a fonts.conf that adds resources/fonts), so the
result does not depend on which fonts the machine has."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from core.paths import resource

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                   "sh scripts/bootstrap.sh dev installs it")


def office_env(tmp: Path) -> dict[str, str]:
    conf = tmp / "fonts.conf"
    if not conf.exists():
        conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{resource('fonts')}</dir><cachedir>{tmp / 'fc-cache'}</cachedir>"
            # The Word file names 宋体/仿宋/黑体; installed CJK fonts (WenQuanYi, for the PDF's fallback
            # tests) must not stand in for them ahead of Noto Sans SC.
            + "".join(f'<alias binding="strong"><family>{name}</family><prefer><family>Noto Sans SC</family>'
                      "</prefer></alias>" for name in ("宋体", "仿宋", "黑体"))
            + "</fontconfig>",
            encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp)}


def convert(files: list[Path], fmt: str, outdir: Path, tmp: Path) -> list[Path]:
    """``soffice --convert-to fmt`` for every file in one process; the converted paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
                   env=office_env(tmp), check=True, capture_output=True, timeout=180)
    ext = fmt.split(":")[0]
    out = [outdir / f"{Path(f).stem}.{ext}" for f in files]
    missing = [p.name for p in out if not p.exists()]
    assert not missing, f"soffice did not write {missing}"
    return out


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout
