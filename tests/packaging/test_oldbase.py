"""The old-base build (packaging/oldbase/chroot-build.sh: Debian 11 chroot, CPython built for glibc
2.28, PySide6 6.9.3) runs on glibc 2.28 (统信 UOS 20), carries the fcitx plugin and passes its
self-test; packaging/check-glibc.sh reads the floor and names the symbols above a limit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "packaging" / "check-glibc.sh"
HEADER = ROOT / "packaging" / "oldbase" / "glibc-2.28.h"
CHROOT = Path(os.environ.get("CHROOT", "/var/tmp/cluster-declare-bullseye"))
# What the old-base bundle must start on: glibc 2.28 (UOS 20, Debian 10).
OLDBASE_MAX = "2.28"
PLUGIN = Path("_internal/PySide6/Qt/plugins/platforminputcontexts/libfcitxplatforminputcontextplugin.so")

MATH_SO = r"""
#include <math.h>
double f(double x) { return pow(x, x) + exp(x) + log(x) + exp2(x) + log2(x); }
"""


def check_glibc(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(CHECK), str(path), *extra], capture_output=True, text=True)


def floor_of(proc: subprocess.CompletedProcess) -> tuple[int, int]:
    floor = proc.stdout.split("floor): ")[1].split()[0]
    return tuple(int(x) for x in floor.split(".")[:2])


needs_cc = pytest.mark.skipif(not (shutil.which("gcc") and shutil.which("objdump")),
                              reason="needs gcc and objdump (scripts/bootstrap.sh dev installs them)")


@needs_cc
def test_glibc_header_binds_math_to_versions_glibc_228_has(tmp_path):
    """Compiled on glibc >= 2.29, pow/exp/log/exp2/log2 bind to GLIBC_2.29 and check-glibc --max 2.28
    fails naming each of them; with packaging/oldbase/glibc-2.28.h force-included they need 2.2.5."""
    src = tmp_path / "m.c"
    src.write_text(MATH_SO)
    plain, fixed = tmp_path / "plain", tmp_path / "fixed"
    for out, flags in ((plain, []), (fixed, [f"-include{HEADER}"])):
        out.mkdir()
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", *flags, "-o", str(out / "libm-user.so"), str(src), "-lm"],
                       check=True)
    libc = os.confstr("CS_GNU_LIBC_VERSION").split()[1]
    if tuple(int(x) for x in libc.split(".")[:2]) >= (2, 29):
        proc = check_glibc(plain, "--max", "2.28")
        assert proc.returncode == 1
        assert "超过目标 2.28" in proc.stderr
        for name in ("pow", "exp", "log", "exp2", "log2"):
            assert f"libm-user.so  {name}@GLIBC_2.29" in proc.stderr, proc.stderr
    proc = check_glibc(fixed, "--max", "2.28")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert floor_of(proc) == (2, 2)


@needs_cc
def test_check_glibc_refuses_a_missing_folder_with_a_message(tmp_path):
    proc = check_glibc(tmp_path / "nothing")
    assert proc.returncode == 2
    assert "目录不存在" in proc.stderr and "Traceback" not in proc.stderr


# oldbase_bundle: tests/packaging/conftest.py (built once per session, shared with test_fresh_system.py).


@pytest.mark.slow
def test_oldbase_bundle_needs_no_glibc_newer_than_228(oldbase_bundle):
    proc = check_glibc(oldbase_bundle, "--max", OLDBASE_MAX)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert floor_of(proc) <= (2, 28)


@pytest.mark.slow
def test_oldbase_bundle_leaves_dbus_to_the_system(oldbase_bundle):
    """Bullseye's libdbus links libsystemd (glibc 2.30): the old-base spec leaves both to the system."""
    names = {p.name for p in (oldbase_bundle / "_internal").rglob("*.so*")}
    assert not [n for n in names if re.match(r"lib(dbus-1|systemd)\.so", n)]
    assert any(n.startswith("libQt6DBus.so") for n in names)


@pytest.mark.slow
def test_oldbase_bundle_carries_the_fcitx_plugin(oldbase_bundle, tmp_path):
    plugin = oldbase_bundle / PLUGIN
    assert plugin.is_file()
    (tmp_path / "p").mkdir()
    shutil.copy(plugin, tmp_path / "p")
    proc = check_glibc(tmp_path / "p", "--max", "2.17")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Built in the chroot with bullseye's g++ (GCC 10): no C++ runtime newer than the bundled one.
    syms = subprocess.run(["objdump", "-T", str(plugin)], capture_output=True, text=True, check=True).stdout
    glibcxx = {tuple(int(x) for x in v.split(".")) for v in re.findall(r"GLIBCXX_(\d+(?:\.\d+)*)", syms)}
    assert not glibcxx or max(glibcxx) <= (3, 4, 28)


@pytest.mark.slow
def test_oldbase_bundle_has_trimmed_icu_data(oldbase_bundle):
    (lib,) = (oldbase_bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    full = list(CHROOT.glob(f"opt/venv/lib/python3.11/site-packages/PySide6/Qt/lib/{lib.name}"))
    if not full:
        pytest.skip("no chroot venv to compare with (reused bundle)")
    assert lib.stat().st_size < 0.8 * full[0].stat().st_size


@pytest.mark.slow
def test_oldbase_bundle_self_test_passes_here(oldbase_bundle, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTER_DECLARE")}
    env["HOME"] = str(tmp_path)
    proc = subprocess.run([str(oldbase_bundle / "cluster-declare"), "self-test"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    steps = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    assert len(steps) >= 8 and all("成功" in line for line in steps), proc.stdout
    assert "自检通过" in proc.stdout
