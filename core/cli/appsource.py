"""Where a command's application comes from: an APP.json file, or a stored application's id."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.application import Application, read_application_file


def add_app_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "app",
        metavar="APP.json|ID",
        help="申报数据 JSON 文件，或本机数据库中申请的编号（配合 --db）",
    )


def load_app_arg(args: argparse.Namespace) -> Application:
    """Read ``args.app``: a JSON file when it names one, otherwise an id in the store (``--db``)."""
    ref = args.app
    path = Path(ref)
    if path.suffix.lower() == ".json" or path.exists():
        return read_application_file(path)
    from core.store import Store

    with Store.open(getattr(args, "db", None)) as store:
        return store.load(ref)


def source_label(args: argparse.Namespace) -> str:
    return args.app if Path(args.app).suffix.lower() == ".json" else f"编号 {args.app}"

