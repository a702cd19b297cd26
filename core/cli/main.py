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
from core.oserrors import os_reason
from core.paths import DB_ENV

COMMAND_MODULES = (
    "core.cli.rules_cmds",
    "core.cli.store_cmds",
    "core.cli.package_cmds",
    "core.cli.pdf_cmds",
    "core.cli.selftest_cmds",
    "core.cli.xlsx_cmds",
    "core.cli.desk_cmds",
    "core.cli.follow_cmds",
    "core.cli.docx_cmds",
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


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool stopped by a closed pipe


class StdoutError(Exception):
    """Writing the command's output failed (the reader went away, the device is full)."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


class _GuardedStdout:
    """``sys.stdout`` for the length of one command: a failed write or flush is raised as
    ``StdoutError``, so ``main`` tells an output failure from a failure with a file."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise StdoutError(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise StdoutError(exc) from exc

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    """Point fd 1 at the null device, so the interpreter's final flush of what is still buffered
    cannot fail again ("Exception ignored ... BrokenPipeError"): the recipe of the Python docs
    (library/signal.html, "Note on SIGPIPE")."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)


def main(argv: list[str] | None = None, extra_modules: tuple[str, ...] = ()) -> int:
    _reconfigure_stdio()
    real = sys.stdout
    if real is None:  # a windowed program on Windows has no console
        return _main(argv, extra_modules)
    sys.stdout = _GuardedStdout(real)
    try:
        code = _main(argv, extra_modules)
        sys.stdout.flush()
        return code
    except StdoutError as exc:
        if real is sys.__stdout__:
            _silence_stdout()
        if isinstance(exc.error, BrokenPipeError):
            return EXIT_BROKEN_PIPE  # the reader (head, less) has what it wanted: quiet, as cat does
        reason = os_reason(exc.error)
        with contextlib.suppress(OSError):
            print(CLI.ERROR.text(message=CLI.STDOUT_FAILED.text(reason=reason)), file=sys.stderr)
        return 2
    finally:
        sys.stdout = real


def _main(argv: list[str] | None, extra_modules: tuple[str, ...]) -> int:
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
