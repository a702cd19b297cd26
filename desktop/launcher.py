"""The program's entry point (``cluster-declare``): the window, or a command.

No arguments open the window (``desktop.app.main``); anything else runs the core command line with
the desktop's own commands added: ``gui`` (the window on a chosen database) and the window steps of
``self-test`` (``desktop.selftest_window``). Nothing here imports Qt at module level, so ``check``
and ``--help`` start as fast as the core CLI.
"""

from __future__ import annotations

import argparse
import sys

# Modules that add commands or self-test steps to the core CLI, each with ``register(sub, common)``.
DESKTOP_COMMANDS = ("desktop.launcher", "desktop.selftest_window")


def register(sub, common) -> None:
    p = sub.add_parser("gui", parents=[common.db], help="打开图形界面（可用 --db 指定数据库）")
    p.add_argument("--open", metavar="ID", help="启动后直接打开这份申请")
    p.set_defaults(func=_run_gui)


def _run_gui(args: argparse.Namespace) -> int:
    from desktop.app import main as gui_main

    argv = []
    if args.db:
        argv += ["--db", args.db]
    if args.open:
        argv += ["--open", args.open]
    return gui_main(argv)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from desktop.app import main as gui_main

        return int(gui_main([]) or 0)
    from core.cli.main import main as cli_main

    return cli_main(args, extra_modules=DESKTOP_COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
