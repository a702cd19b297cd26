"""The core command line: builds the parser from the command modules and runs one command.

Each module in ``COMMAND_MODULES`` (and in ``extra_modules``, which a front end such as
``desktop.launcher`` adds) has ``register(subparsers, common)``; ``common`` holds what commands
share (``common.db`` adds ``--db``; ``common.selftest_steps`` collects steps a front end adds to
``self-test``). Command modules import heavy libraries inside their handlers, so ``--help`` stays
fast. Core has no window: without arguments this prints the help; the installed program's entry
point (``desktop.launcher``) opens the window instead.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from dataclasses import dataclass, field

from core import __version__
from core.errors import UserError
from core.messages import cli as CLI
from core.paths import DB_ENV

COMMAND_MODULES = (
    "core.cli.rules_cmds",
    "core.cli.store_cmds",
    "core.cli.package_cmds",
    "core.cli.pdf_cmds",
    "core.cli.selftest_cmds",
    "core.cli.xlsx_cmds",
)



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
        self.exit(2, CLI.USAGE.text(message=message, prog=self.prog) + "\n")


@dataclass(frozen=True)
class Common:
    db: argparse.ArgumentParser
    # (name, step) pairs a front end contributes to ``self-test``; they run before core's steps.
    selftest_steps: list = field(default_factory=list)


def _common() -> Common:
    db = ChineseArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        default=os.environ.get(DB_ENV),
        help=f"数据库文件路径或 SQLAlchemy URL（默认：用户数据目录中的 SQLite；也可设环境变量 {DB_ENV}）",
    )
    return Common(db=db)


def build_parser(extra_modules: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="cluster-declare",
        description="集群申报助手：中小企业特色产业集群申报表的填报、校验、打印与报送。不带参数运行时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    common = _common()
    for name in (*COMMAND_MODULES, *extra_modules):
        importlib.import_module(name).register(sub, common)
    return parser


def _reconfigure_stdio() -> None:
    # Windows consoles default to a legacy code page; Chinese must never raise UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None, extra_modules: tuple[str, ...] = ()) -> int:
    _reconfigure_stdio()
    args_list = sys.argv[1:] if argv is None else argv
    parser = build_parser(extra_modules)
    if not args_list:
        parser.print_help()
        return 0
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(CLI.ERROR.text(message=exc.message), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(CLI.CANCELLED.text(), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
