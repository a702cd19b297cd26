"""Chinese typed for real: X server (Xvfb), a private D-Bus session, fcitx 5 with its pinyin engine,
the program with QT_IM_MODULE=fcitx (our plugin, packaging/fcitx-plugin), and xdotool sending the
keys of ``zhongguo`` and a space to 集群名称. The stored value, read back with the program's own
CLI, must be 中国. Nothing in the program is told that this is a test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "libfcitxplatforminputcontextplugin.so"
TOOLS = ("Xvfb", "dbus-daemon", "fcitx5", "xdotool")

pytestmark = pytest.mark.slow

FCITX5_PROFILE = """\
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
# Only what typing pinyin needs: no Wayland, no ibus/XIM frontends, no clipboard or cloud pinyin.
FCITX5_ADDONS = "dbusfrontend,dbus,xcb,classicui,keyboard,pinyin,pinyinhelper,punctuation,quickphrase,spell"


def wheel_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts" / PLUGIN


def wait_for(what: str, check, timeout: float = 20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def desktop_session(tmp_path):
    """Xvfb + a D-Bus session bus; yields the environment for programs of that session."""
    missing = [t for t in TOOLS if not shutil.which(t)]
    assert not missing, f"missing {missing}: run scripts/bootstrap.sh dev"
    procs: list[subprocess.Popen] = []
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append(xvfb)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = ":" + f.readline().strip()
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, text=True)
    procs.append(bus)
    address = bus.stdout.readline().strip()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XMODIFIERS", "GTK_IM"))}
    env.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), HOME=str(tmp_path / "home"),
               CLUSTER_DECLARE_HOME=str(tmp_path / "userdata"))
    for d in ("config", "data", "cache", "run", "home"):
        (tmp_path / d).mkdir(mode=0o700)
    try:
        yield env, procs
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


def start_fcitx5(env, procs, tmp_path) -> None:
    conf = Path(env["XDG_CONFIG_HOME"]) / "fcitx5"
    conf.mkdir(parents=True)
    (conf / "profile").write_text(FCITX5_PROFILE)
    with open(tmp_path / "fcitx5.log", "w") as log:  # the child keeps its own copy of the descriptor
        procs.append(subprocess.Popen(["fcitx5", "--disable=all", f"--enable={FCITX5_ADDONS}"], env=env,
                                      stdout=log, stderr=subprocess.STDOUT))

    def has_owner():
        out = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/",
                              "org.freedesktop.DBus.NameHasOwner", "string:org.fcitx.Fcitx5"],
                             env=env, capture_output=True, text=True).stdout
        return "boolean true" in out

    wait_for("fcitx5 on the session bus", has_owner)


def cli(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop.launcher", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def application_with_blank_name(env, tmp_path) -> tuple[str, str]:
    """The sample application with 集群名称 emptied, imported into a new database: (db, id)."""
    sample = json.loads((ROOT / "resources" / "samples" / "sample-application.json").read_text(encoding="utf-8"))
    sample["values"]["basic.cluster_name"] = ""
    src = tmp_path / "blank-name.json"
    src.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    shutil.copytree(ROOT / "resources" / "samples" / "evidence", tmp_path / "evidence")
    db = str(tmp_path / "typing.sqlite")
    done = cli(env, "import", str(src), "--db", db)
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli(env, "list", "--db", db, "--format", "json").stdout)
    return db, listed[0]["id"]


def stored_name(env, db: str, app_id: str) -> str:
    out = Path(env["HOME"]) / "read-back.json"
    done = cli(env, "export-json", app_id, "--db", db, "-o", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))["values"].get("basic.cluster_name", "")


def test_fcitx5_pinyin_types_zhongguo_into_the_cluster_name(desktop_session, tmp_path):
    assert wheel_plugin().is_file(), "fcitx plugin not built: sh packaging/fcitx-plugin/build.sh --install"
    env, procs = desktop_session
    start_fcitx5(env, procs, tmp_path)
    db, app_id = application_with_blank_name(env, tmp_path)
    program_env = dict(env, QT_IM_MODULE="fcitx", QT_QPA_PLATFORM="xcb")
    program = subprocess.Popen([sys.executable, str(ROOT / "tests" / "packaging" / "typing_harness.py"), db, app_id],
                               cwd=ROOT, env=program_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    procs.append(program)
    line = program.stdout.readline()
    assert line.startswith("READY"), line + program.stderr.read()[-3000:] if program.poll() is not None else line
    window = line.split()[1]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True, timeout=20)
    subprocess.run(["xdotool", "type", "--delay", "60", "zhongguo"], env=env, check=True, timeout=20)
    subprocess.run(["xdotool", "key", "space"], env=env, check=True, timeout=20)
    value = wait_for("the committed text in the store",
                     lambda: (v := stored_name(env, db, app_id)) and v, timeout=15)
    assert value == "中国", (tmp_path / "fcitx5.log").read_text()[-2000:]
