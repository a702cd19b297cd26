"""The frozen program, built once per test session (slow: a few minutes on 2 cores)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory) -> Path:
    # A bundle built already (sh packaging/build.sh) can be reused while working on these tests.
    reuse = os.environ.get("CLUSTER_DECLARE_TEST_BUNDLE")
    if reuse:
        return Path(reuse)
    pytest.importorskip("PyInstaller", reason="PyInstaller is pinned in requirements/dev.txt")
    out = tmp_path_factory.mktemp("frozen")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
         str(ROOT / "packaging" / "cluster-declare.spec")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out / "dist" / "cluster-declare"


@pytest.fixture(scope="session")
def oldbase_bundle(tmp_path_factory) -> Path:
    """Build from the project's own script (prepare is reused when the chroot exists; a fresh
    machine debootstraps and compiles Python first). CLUSTER_DECLARE_TEST_OLDBASE_BUNDLE reuses a build."""
    reuse = os.environ.get("CLUSTER_DECLARE_TEST_OLDBASE_BUNDLE")
    if reuse:
        return Path(reuse)
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("the old-base build needs root (debootstrap, chroot, mount)")
    # debootstrap and objdump come with scripts/bootstrap.sh dev (CI runs as root): no skip for them.
    out = tmp_path_factory.mktemp("oldbase")
    script = ROOT / "packaging" / "oldbase" / "chroot-build.sh"
    proc = subprocess.run(["sh", str(script), "all"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "OUT": str(out)})
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-6000:]
    return out / "cluster-declare"
