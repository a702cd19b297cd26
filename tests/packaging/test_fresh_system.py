"""The .deb on a freshly installed system, as an office PC gets it: a minimal Debian
(`debootstrap --variant=minbase`, no desktop, no fonts, no input method) installs the package with
apt, which must bring everything the program needs through Depends alone (Recommends off), and the
installed program's self-test then passes every step inside that system.

- Debian 12 bookworm for the Debian 12 build (tests/packaging/conftest.py's frozen_bundle);
- Debian 11 bullseye, the oldest base this machine reaches and the closest to 统信 UOS 20 (Debian 10)
  and 麒麟 V10, for the old-base build (oldbase_bundle, packaging/oldbase/chroot-build.sh).

The minimal system is made once and kept as a tarball under build/fresh-systems/; each test unpacks
it into a temporary folder, so nothing installed by one run is seen by the next. Mounts (/proc, /dev)
live in a private mount namespace (unshare) and disappear with it. Needs root, debootstrap and a
Debian mirror, as the old-base build does (CI runs as root; scripts/bootstrap.sh dev installs
debootstrap).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "fresh-systems"
MIRROR = os.environ.get("MIRROR", "http://deb.debian.org/debian")

pytestmark = pytest.mark.slow

# Inside the new system: install the package the way an IT officer would (apt resolves Depends from
# the mirror; Recommends off, to prove Depends is enough), then run the program's own self-test.
INSTALL_AND_CHECK = r"""
set -eu
R=$1
mount -t proc proc "$R/proc"
mount --bind /dev "$R/dev"
cp /etc/resolv.conf "$R/etc/resolv.conf"
in_root() { chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
A="-o APT::Sandbox::User=root -qq"
in_root apt-get $A update
in_root env DEBIAN_FRONTEND=noninteractive apt-get $A install -y --no-install-recommends /tmp/package.deb \
    > "$R/tmp/apt.log" 2>&1 || { tail -40 "$R/tmp/apt.log"; exit 3; }
echo "== installed"
in_root dpkg-query -W -f '${Package} ${Status}\n' cluster-declare libpq5 fcitx5 ibus 2>/dev/null || true
echo "== self-test"
in_root cluster-declare self-test
"""


def require_root_tools() -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root (debootstrap, chroot, mount)")
    # debootstrap, unshare and dpkg-deb come with scripts/bootstrap.sh dev: no skip for them.


def pristine_system(suite: str) -> Path:
    """A minbase tarball of the suite, made once (about a minute) and reused."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tarball = CACHE / f"{suite}-minbase.tar"
    if tarball.is_file():
        return tarball
    work = CACHE / f"{suite}-work"
    shutil.rmtree(work, ignore_errors=True)
    proc = subprocess.run(["debootstrap", "--variant=minbase", suite, str(work), MIRROR],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    partial = tarball.with_suffix(".partial")
    subprocess.run(["tar", "-C", str(work), "-cf", str(partial), "."], check=True)
    partial.rename(tarball)
    shutil.rmtree(work, ignore_errors=True)
    return tarball


def build_package(bundle: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["sh", str(ROOT / "packaging" / "deb" / "build-deb.sh"), str(bundle), str(out)],
                          capture_output=True, text=True, env={**os.environ, "DEB_COMPRESS": "gzip"}, timeout=900)
    assert proc.returncode == 0, proc.stderr
    (deb,) = out.glob("cluster-declare_*.deb")
    return deb


def install_and_self_test(suite: str, bundle: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    tarball = pristine_system(suite)
    root = tmp_path / "root"
    root.mkdir()
    subprocess.run(["tar", "-C", str(root), "-xf", str(tarball)], check=True)
    shutil.copy(build_package(bundle, tmp_path / "deb"), root / "tmp" / "package.deb")
    try:
        return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", INSTALL_AND_CHECK,
                               "install", str(root)], capture_output=True, text=True, timeout=1800)
    finally:
        # The mounts were private to the namespace, which has ended: only plain files are left.
        shutil.rmtree(root, ignore_errors=True)


def assert_installed_and_passed(proc: subprocess.CompletedProcess) -> None:
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-6000:]
    installed = out.split("== installed", 1)[1].split("== self-test", 1)[0]
    assert "cluster-declare install ok installed" in installed, installed
    # Depends alone: the optional parts (server client library, input methods) were not pulled in.
    for optional in ("libpq5", "fcitx5", "ibus"):
        assert f"{optional} install ok installed" not in installed, installed
    steps = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    assert len(steps) >= 8 and all("成功" in line for line in steps), proc.stdout
    assert "自检通过" in proc.stdout


def test_deb_of_the_debian12_build_installs_and_passes_self_test_on_a_fresh_debian12(frozen_bundle, tmp_path):
    require_root_tools()
    assert_installed_and_passed(install_and_self_test("bookworm", frozen_bundle, tmp_path))


def test_deb_of_the_oldbase_build_installs_and_passes_self_test_on_a_fresh_debian11(oldbase_bundle, tmp_path):
    require_root_tools()
    assert_installed_and_passed(install_and_self_test("bullseye", oldbase_bundle, tmp_path))
