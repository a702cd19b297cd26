"""Entry point of ``cluster-declare``: builds the parser from the command modules and runs one.

Each module in ``COMMAND_MODULES`` has ``register(subparsers, common)``; ``common`` holds parent
parsers shared between commands (``common.db`` adds ``--db``). Command modules import heavy
libraries inside their handlers, so ``--help`` and the GUI start stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from dataclasses import dataclass

from core import __version__
from core.errors import UserError

COMMAND_MODULES = (
    "core.cli.rules_cmds",
    "core.cli.store_cmds",
    "core.cli.package_cmds",
    "core.cli.pdf_cmds",
    "core.cli.gui_cmd",
    "core.cli.selftest_cmds",
    "core.cli.xlsx_cmds",
)

DB_ENV = "CLUSTER_DECLARE_DB"


# argparse's own messages, in the words an official reads (the option names stay as typed).
_ARGPARSE_WORDS = (
    ("the following arguments are required", "缺少必需的参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("invalid choice", "取值无效"),
    ("choose from", "可选"),
    ("expected one argument", "需要一个取值"),
    ("argument ", "参数 "),
    ("invalid int value", "不是整数"),
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """Usage errors in Chinese, exit 2, like every other bad input."""

    def error(self, message: str):
        for english, chinese in _ARGPARSE_WORDS:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}（运行 {self.prog} -h 查看用法）\n")


@dataclass(frozen=True)
class Common:
    db: argparse.ArgumentParser


def _common() -> Common:
    db = ChineseArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        default=os.environ.get(DB_ENV),
        help=f"数据库文件路径或 SQLAlchemy URL（默认：用户数据目录中的 SQLite；也可设环境变量 {DB_ENV}）",
    )
    return Common(db=db)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="cluster-declare",
        description="集群申报助手：中小企业特色产业集群申报表的填报、校验、打印与报送。不带参数运行时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    common = _common()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def _reconfigure_stdio() -> None:
    # Windows consoles default to a legacy code page; Chinese must never raise UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _reconfigure_stdio()
    args_list = sys.argv[1:] if argv is None else argv
    if not args_list:
        return _open_gui()
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


def _open_gui() -> int:
    import importlib.util

    if importlib.util.find_spec("desktop.app") is None:
        build_parser().print_help()
        return 0
    from desktop.app import main as gui_main

    return int(gui_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
