"""The font metrics cache: written on first use, and the PDF is the same with or without it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.pdf.conftest import SAMPLE

CODE = """
import sys
from core.application import read_application_file
from core.pdf import render_pdf_bytes
data, _ = render_pdf_bytes(read_application_file(sys.argv[1]), page="declaration")
sys.stdout.buffer.write(data)
"""


def _run(home):
    env = dict(os.environ, CLUSTER_DECLARE_HOME=str(home))
    return subprocess.run([sys.executable, "-c", CODE, str(SAMPLE)], env=env, capture_output=True, check=True).stdout


def test_cache_is_written_and_gives_the_same_pdf(tmp_path):
    cold = _run(tmp_path)
    cached = sorted((tmp_path / "cache" / "fonts").glob("NotoSansSC-*.marshal"))
    assert len(cached) == 2
    warm = _run(tmp_path)
    assert warm == cold and warm.startswith(b"%PDF")
    # A damaged cache file is ignored, not fatal.
    cached[0].write_bytes(b"garbage")
    assert _run(tmp_path) == cold
