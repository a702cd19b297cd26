"""The frozen program (PyInstaller onedir) runs its self-test; the .deb installs and removes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run_frozen(bundle: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = bundle / ("cluster-declare-console.exe" if os.name == "nt" else "cluster-declare")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)


def test_frozen_self_test_passes_every_step(frozen_bundle, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTER_DECLARE")}
    env["HOME"] = str(tmp_path)  # the self-test must not need (or touch) the user's data folder
    proc = run_frozen(frozen_bundle, "self-test", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "（打包版）" in proc.stdout
    steps = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    assert len(steps) >= 8 and all("成功" in line for line in steps), proc.stdout
    for name in ("打开主窗口", "载入示例申请", "校验（SH-2023）", "生成 PDF", "渲染打印预览", "导出 Excel", "导出签名报送包", "验证报送包",
                 "PostgreSQL 驱动", "智能卡与密码存储", "评审台", "认定后管理"):
        assert any(name in line for line in steps), name
    assert not (tmp_path / ".local" / "share" / "cluster-declare").exists()


@pytest.mark.skipif(os.name == "nt", reason="checks Linux library and plugin file names")
def test_frozen_bundle_has_its_data_and_not_the_unused_qt(frozen_bundle):
    internal = frozen_bundle / "_internal"
    res = internal / "resources"
    for rel in ("forms/SH-FORM.yaml", "rulesets/SH-2023.yaml", "schema/application.schema.json",
                "fonts/NotoSansSC-Regular.ttf", "fonts/NotoSansSC-Bold.ttf", "fonts/OFL.txt",
                "icons/cluster-declare.svg", "icons/cluster-declare.ico", "samples/sample-application.json"):
        assert (res / rel).is_file(), rel
    assert (internal / "core" / "store" / "migrations" / "env.py").is_file()
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) in (["qtbase_zh_CN.qm"],
                                                                      ["qt_zh_CN.qm", "qtbase_zh_CN.qm"])
    names = {p.name for p in internal.rglob("*")}
    assert "libpdfium.so" in names  # the print preview's renderer (pypdfium2_raw)
    for unused in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Pdf.so.6", "libQt6VirtualKeyboard.so.6",
                   "libQt6WaylandClient.so.6", "libqwayland.so", "libqeglfs.so", "libqgtk3.so", "libQt6OpenGL.so.6"):
        assert unused not in names, unused
    assert not (internal / "lxml" / "html").exists() and not (internal / "lxml" / "isoschematron").exists()
    plugins = qt / "plugins"
    for kept in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                 "iconengines/libqsvgicon.so", "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert (plugins / kept).is_file(), kept
    if os.name == "nt":  # a real console executable beside the windowed one
        assert (frozen_bundle / "cluster-declare-console.exe").is_file()
    else:  # identical on Linux, so a link rather than a 16 MB copy
        console = frozen_bundle / "cluster-declare-console"
        assert console.is_symlink() and os.readlink(console) == "cluster-declare"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or not shutil.which("dpkg-deb"),
                    reason="installs a .deb: needs root and dpkg (CI and the build machine run as root)")
def test_deb_installs_under_opt_and_removes_cleanly(frozen_bundle, tmp_path):
    if subprocess.run(["dpkg", "-s", "cluster-declare"], capture_output=True).returncode == 0:
        pytest.skip("cluster-declare is installed on this machine; not touching it")
    build = subprocess.run(["sh", str(ROOT / "packaging" / "deb" / "build-deb.sh"), str(frozen_bundle), str(tmp_path)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (deb,) = tmp_path.glob("cluster-declare_*.deb")
    # An input method is recommended, never required: dpkg -i works without any (the plugin is inside).
    recommends = subprocess.run(["dpkg-deb", "-f", str(deb), "Recommends"], capture_output=True, text=True).stdout
    assert recommends.split() == ["fcitx", "|", "fcitx-bin", "|", "fcitx5", "|", "ibus"]  # test_deb.py: why
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True).stdout
    assert "fcitx" not in depends and "ibus" not in depends
    installed = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    try:
        assert installed.returncode == 0, installed.stderr
        assert os.readlink("/usr/bin/cluster-declare") == "/opt/cluster-declare/cluster-declare"
        desktop = Path("/usr/share/applications/cluster-declare.desktop").read_text(encoding="utf-8")
        assert "Name[zh_CN]=集群申报助手" in desktop and "Categories=Office;" in desktop and "Icon=cluster-declare" in desktop
        assert Path("/usr/share/icons/hicolor/48x48/apps/cluster-declare.png").is_file()
        assert Path("/opt/cluster-declare/_internal/PySide6/Qt/plugins/platforminputcontexts/"
                    "libfcitxplatforminputcontextplugin.so").is_file()
        assert Path("/usr/share/icons/hicolor/scalable/apps/cluster-declare.svg").is_file()
        version = subprocess.run(["/usr/bin/cluster-declare", "--version"], capture_output=True, text=True)
        assert version.returncode == 0 and "cluster-declare" in version.stdout
    finally:
        removed = subprocess.run(["dpkg", "-r", "cluster-declare"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    for gone in ("/opt/cluster-declare", "/usr/bin/cluster-declare", "/usr/share/applications/cluster-declare.desktop",
                 "/usr/share/icons/hicolor/48x48/apps/cluster-declare.png"):
        assert not os.path.lexists(gone), gone
    assert subprocess.run(["dpkg", "-P", "cluster-declare"], capture_output=True).returncode == 0
    assert subprocess.run(["dpkg", "-s", "cluster-declare"], capture_output=True).returncode != 0


@pytest.mark.skipif(not shutil.which("objdump"), reason="needs objdump (binutils)")
def test_glibc_floor_is_reported(frozen_bundle):
    proc = subprocess.run(["sh", str(ROOT / "packaging" / "check-glibc.sh"), str(frozen_bundle)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    floor = proc.stdout.split("floor): ")[1].split()[0]
    major, minor = (int(x) for x in floor.split(".")[:2])
    # The bundle carries the build machine's libraries: its floor is at most the build machine's glibc.
    libc = tuple(int(x) for x in os.confstr("CS_GNU_LIBC_VERSION").split()[1].split(".")[:2])
    assert major == 2 and minor >= 17 and (major, minor) <= libc
    # --max at the floor passes; one below fails and names the symbols that need the floor.
    assert subprocess.run(["sh", str(ROOT / "packaging" / "check-glibc.sh"), str(frozen_bundle), "--max", floor],
                          capture_output=True).returncode == 0
    below = subprocess.run(["sh", str(ROOT / "packaging" / "check-glibc.sh"), str(frozen_bundle),
                            "--max", f"{major}.{minor - 1}"], capture_output=True, text=True)
    assert below.returncode == 1
    assert f"@GLIBC_{floor}" in below.stderr, below.stderr


ICU_PROBE = r"""
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["张三", "李四", "王五", "阿里", "文件10", "文件2", "闵行区", "Zebra", "apple"]
for loc in ("zh_CN", "en_US"):
    c = QCollator(QLocale(loc))
    c.setNumericMode(True)
    print(loc, sorted(words, key=c.sortKey))
    print(loc, QLocale(loc).toUpper("straße"), QLocale("tr_TR").toUpper("istanbul"))
    for tz in (b"Asia/Shanghai", b"Europe/Berlin"):
        print(loc, tz, QTimeZone(tz).displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(loc)))
print([QStringDecoder(n).isValid() for n in ("GBK", "GB18030", "Big5", "Shift_JIS")], len(QTimeZone.availableTimeZoneIds()))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the ICU data is trimmed on Linux only")
def test_trimmed_icu_data_answers_what_qt_asks(frozen_bundle):
    """The spec drops ICU data Qt never reads (break iteration, units, currencies, ...): collation
    (pinyin order), case mapping, codecs and time-zone names come out as with the wheel's full data."""
    (bundled,) = (frozen_bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    import PySide6

    (full,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    if not shutil.which("icupkg"):
        pytest.skip("no icupkg on this machine: the bundle carries the full ICU data")
    assert bundled.stat().st_size < 0.8 * full.stat().st_size
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    answers = [subprocess.run([sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, check=True,
                              env={**env, "LD_PRELOAD": str(lib)}).stdout for lib in (full, bundled)]
    assert "阿里" in answers[0] and "中国标准时间" in answers[0]
    assert answers[1] == answers[0]


def test_fcitx_plugin_does_not_raise_the_glibc_floor(frozen_bundle, tmp_path):
    """The bundled fcitx plugin needs no glibc newer than 2.17, so an older build base (packaging/oldbase)
    keeps its floor with it."""
    plugin = frozen_bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforminputcontexts" / \
        "libfcitxplatforminputcontextplugin.so"
    assert plugin.is_file()
    (tmp_path / "plugin").mkdir()
    shutil.copy(plugin, tmp_path / "plugin")
    proc = subprocess.run(["sh", str(ROOT / "packaging" / "check-glibc.sh"), str(tmp_path / "plugin"), "--max", "2.17"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
