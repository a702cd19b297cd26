"""``cluster-declare gui [--db F]``: the desktop window on a chosen database (no arguments at all
opens it on the default one). Qt is imported only when the command runs."""

from __future__ import annotations

import argparse


def register(sub, common) -> None:
    p = sub.add_parser("gui", parents=[common.db], help="打开图形界面（可用 --db 指定数据库）")
    p.add_argument("--open", metavar="ID", help="启动后直接打开这份申请")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from desktop.app import main

    argv = []
    if args.db:
        argv += ["--db", args.db]
    if args.open:
        argv += ["--open", args.open]
    return main(argv)
