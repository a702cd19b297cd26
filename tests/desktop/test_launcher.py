"""The program's entry point: no arguments open the window, anything else is the core CLI plus the
desktop's commands; core's own ``main`` has no window and never pulls in Qt for a command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import desktop.app
from core.cli import main as core_main
from desktop import launcher

ROOT = Path(__file__).resolve().parents[2]


def test_no_arguments_open_the_window(monkeypatch):
    calls = []
    monkeypatch.setattr(desktop.app, "main", lambda argv=None: calls.append(argv) or 7)
    assert launcher.main([]) == 7
    assert calls == [[]]


def test_gui_command_passes_database_and_application(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(desktop.app, "main", lambda argv=None: calls.append(argv) or 0)
    db = str(tmp_path / "x.sqlite")
    assert launcher.main(["gui", "--db", db, "--open", "A1"]) == 0
    assert calls == [["--db", db, "--open", "A1"]]


def test_core_main_without_arguments_prints_help_and_has_no_gui_command(capsys):
    assert core_main.main([]) == 0
    out = capsys.readouterr().out
    assert "usage" in out.lower() and "check" in out
    parser = core_main.build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert "gui" not in commands and "self-test" in commands
    with_desktop = core_main.build_parser(launcher.DESKTOP_COMMANDS)._subparsers._group_actions[0].choices
    assert "gui" in with_desktop


def test_self_test_gets_the_window_steps_only_from_the_launcher():
    core_args = core_main.build_parser().parse_args(["self-test"])
    assert [name for name, _ in core_args.front_steps] == []
    args = core_main.build_parser(launcher.DESKTOP_COMMANDS).parse_args(["self-test"])
    assert [name for name, _ in args.front_steps] == ["打开主窗口", "载入示例申请", "打印接口"]


def test_launcher_help_and_check_do_not_import_qt():
    code = ("import sys; from desktop.launcher import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "main(['rules'])\n"
            "print('QT', any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "gui" in proc.stdout and "self-test" in proc.stdout
    assert proc.stdout.strip().endswith("QT False")


def test_installed_entry_point_is_the_launcher():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["cluster-declare"] == "desktop.launcher:main"
    assert "from desktop.launcher import main" in (ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
