"""``self-test``: the installed (or frozen) program checks itself end to end, offscreen.

On a temporary database and user data folder it runs the steps a front end contributes
(``desktop.selftest_window``: open the main window, load the sample application), then validates
the sample under every rule set, writes the PDF and renders its pages (as the print preview
does, with PDFium), writes the Excel workbook and a signed package (temporary certificate), and
verifies the package. One line per step with its time; exit 0 only
when every step worked, otherwise 1 and a Chinese message naming the failed step.

Core knows no window: front-end steps arrive through ``common.selftest_steps`` and hand back what
they hold open through ``Context.closers``. The core steps run the real CLI commands in-process,
so they check exactly what an official would run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import UserError
from core.messages import cli as CLI

ENV_KEYS = ("QT_QPA_PLATFORM", "CLUSTER_DECLARE_HOME", "CLUSTER_DECLARE_DB", "CLUSTER_DECLARE_CERT_PASSPHRASE")
OFFICE = "自检测试单位"


def register(sub, common) -> None:
    p = sub.add_parser("self-test", help="自检：在临时数据上走一遍界面、校验、PDF、Excel、报送包与验证")
    p.add_argument("--keep", action="store_true", help="保留临时文件夹（生成的 PDF、Excel、报送包、窗口截图），并显示其位置")
    p.add_argument("--verbose", action="store_true", help="失败时显示完整的技术信息（traceback）")
    # The list is shared: front-end modules registered after this one extend it.
    p.set_defaults(func=cmd_self_test, front_steps=common.selftest_steps)


class StepFailed(Exception):
    """A step did not do what it should; the message is shown to the user."""


@dataclass
class Context:
    tmp: Path
    db: str
    verbose: bool
    app_id: str | None = None
    package: Path | None = None
    front: object | None = None  # what a front end keeps between its steps (the main window)
    # Called (last first) before the core steps use the database: a front end closes its window.
    closers: list[Callable[[], None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run one CLI command in this process; its output is captured, not printed."""
    from core.cli.main import build_parser

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = build_parser().parse_args(argv)
            rc = int(args.func(args) or 0)
        except UserError as exc:
            print(CLI.ERROR.text(message=exc.message), file=sys.stderr)
            rc = exc.exit_code
        except SystemExit as exc:  # argparse: unknown command or option
            rc = exc.code if isinstance(exc.code, int) else 2
    return rc, out.getvalue(), err.getvalue()


def has_command(name: str) -> bool:
    from core.cli.main import build_parser

    actions = build_parser()._subparsers._group_actions  # argparse keeps its sub-commands here
    return any(name in getattr(action, "choices", {}) for action in actions)


def cli_step(argv: list[str], what: str) -> str:
    command = argv[0]
    if not has_command(command):
        raise StepFailed(f"本版本尚未提供{what}功能（没有“{command}”命令）")
    rc, out, err = run_cli(argv)
    if rc != 0:
        detail = err.strip().splitlines()[-1] if err.strip() else (out.strip() or "（无输出）").splitlines()[0]
        raise StepFailed(f"命令“{command}”返回 {rc}：{detail}")
    return out


def check_file(path: Path, magic: bytes, min_size: int, what: str) -> str:
    if not path.is_file():
        raise StepFailed(f"没有生成{what}文件 {path.name}")
    data = path.read_bytes()
    if not data.startswith(magic) or len(data) < min_size:
        raise StepFailed(f"{what}文件 {path.name} 内容不完整（{len(data)} 字节）")
    return f"{len(data) / 1024:.0f} KB"


# --- the steps -------------------------------------------------------------------------------
def close_front(ctx: Context) -> None:
    while ctx.closers:
        ctx.closers.pop()()


def ensure_app(ctx: Context) -> str:
    """The stored sample's id: from a front-end step, or imported directly (no front end, or it failed)."""
    close_front(ctx)
    if ctx.app_id is None:
        from core.paths import resource
        from core.store import Store

        with Store.open(ctx.db) as store:
            ctx.app_id = store.import_json(resource("samples", "sample-application.json"), on_conflict="copy")
    return ctx.app_id


def validation_steps() -> list[tuple[str, Callable[[Context], str]]]:
    from core.rules import available_rulesets

    def make(rules_id: str):
        def run(ctx: Context) -> str:
            from core.rules import evaluate, load_ruleset
            from core.rules.model import VERDICT_LABELS
            from core.store import Store

            with Store.open(ctx.db) as store:
                app = store.load(ensure_app(ctx))
            report = evaluate(app, load_ruleset(rules_id))
            if report.verdict not in VERDICT_LABELS:
                raise StepFailed(f"校验结果异常：{report.verdict!r}")
            return f"{VERDICT_LABELS[report.verdict]}，{len(report.findings)} 条提示"
        return run

    return [(f"校验（{rid}）", make(rid)) for rid in available_rulesets()]


def step_pdf(ctx: Context) -> str:
    out = ctx.tmp / "申报表.pdf"
    cli_step(["pdf", ensure_app(ctx), "--db", ctx.db, "-o", str(out)], "PDF 打印")
    return check_file(out, b"%PDF-", 10_000, "PDF ")


def step_render(ctx: Context) -> str:
    """The print preview's renderer (PDFium, a native library the frozen build must carry)
    draws every page of the PDF just written."""
    from core.pdf.raster import open_pdf

    pdf = ctx.tmp / "申报表.pdf"
    if not pdf.is_file():
        raise StepFailed("没有可渲染的 PDF（上一步未成功）")
    with open_pdf(pdf) as doc:
        blank = [n + 1 for n in range(doc.page_count) if doc.render(n, 36).ink_fraction() < 0.002]
        count = doc.page_count
    if count < 2 or blank:
        raise StepFailed(f"PDF 页面渲染为空白（第 {'、'.join(map(str, blank))} 页）" if blank else "PDF 页数不对")
    return f"{count} 页"


def step_xlsx(ctx: Context) -> str:
    out = ctx.tmp / "申报表.xlsx"
    cli_step(["xlsx-export", ensure_app(ctx), "--db", ctx.db, "-o", str(out)], "Excel 导出")
    size = check_file(out, b"PK\x03\x04", 2_000, "Excel ")
    import zipfile

    with zipfile.ZipFile(out) as zf:
        if "xl/workbook.xml" not in zf.namelist():
            raise StepFailed("Excel 文件中没有工作簿（xl/workbook.xml）")
    return size


def step_export(ctx: Context) -> str:
    out = ctx.tmp / "报送包.zip"
    cli_step(["export", ensure_app(ctx), "--db", ctx.db, "-o", str(out), "--office", OFFICE,
              "--ack-missing-scans"], "报送包导出")
    ctx.package = out
    return check_file(out, b"PK\x03\x04", 10_000, "报送包")


def step_verify(ctx: Context) -> str:
    if ctx.package is None or not ctx.package.is_file():
        raise StepFailed("没有可验证的报送包（上一步未成功）")
    cert = ctx.tmp / "office-certificate.pem"
    cli_step(["cert", "export", "-o", str(cert)], "证书导出")
    out = cli_step(["verify", str(ctx.package), "--trust", str(cert)], "报送包验证")
    first = out.strip().splitlines()[0] if out.strip() else "通过"
    return first[:60]


def step_pg_driver(ctx: Context) -> str:
    """The PostgreSQL driver a shared office database needs (psycopg with a libpq: its own on Windows,
    the system's libpq5 in the Linux build, and SQLAlchemy's dialect for it) loads in this build; no
    server is contacted. Without libpq5 the step says so: only a server database needs it."""
    from sqlalchemy import create_engine

    from core.store.database import is_missing_libpq

    try:
        import psycopg
        from psycopg import pq
    except ImportError as exc:
        if is_missing_libpq(exc):
            return "本机没有 PostgreSQL 客户端库 libpq（只有连接单位服务器时需要：sudo apt install libpq5）"
        raise

    engine = create_engine("postgresql+psycopg://selftest@127.0.0.1:1/selftest")
    try:
        if (engine.dialect.name, engine.dialect.driver) != ("postgresql", "psycopg"):
            raise StepFailed(f"数据库方言不对：{engine.dialect.name}+{engine.dialect.driver}")
        libpq = pq.version()
    finally:
        engine.dispose()
    return f"psycopg {psycopg.__version__}（{pq.__impl__}，libpq {libpq // 10000}.{libpq % 100}）"


def step_token_and_keyring(ctx: Context) -> str:
    """The smart-card (USB key) interface — python-pkcs11's compiled module — and the keyring
    that keeps a server password load (which keyring backend the OS offers is only reported)."""
    import keyring
    import pkcs11
    import pkcs11._pkcs11  # noqa: F401 - the compiled part, loaded only when a key is used

    backend = type(keyring.get_keyring())
    return f"PKCS#11 接口可用（{pkcs11.__name__}）；密码存储：{backend.__module__}.{backend.__name__}"


def step_desk(ctx: Context) -> str:
    """The review desk on a temporary SQLite register: the sample taken in, its received bytes
    read back byte for byte."""
    import json

    from core.desk import Desk
    from core.desk.intake import intake_folder
    from core.paths import resource

    sample = resource("samples", "sample-application.json")
    folder = ctx.tmp / "desk-in"
    folder.mkdir(exist_ok=True)
    shutil.copy(sample, folder / sample.name)
    rules = json.loads(sample.read_text(encoding="utf-8"))["rules"]
    with Desk.open(ctx.tmp / "desk.sqlite") as desk:
        result = intake_folder(desk, folder, rules, workers=1)
        if len(result.taken_in) != 1:
            raise StepFailed("示例申报未被受理：" + "；".join(i.line() for i in result.items))
        sub = desk.get(result.taken_in[0].number)
        again = desk.archive.export(sub.file_sha256, ctx.tmp / "desk-again.json")
    if again.read_bytes() != sample.read_bytes():
        raise StepFailed("取出的受理文件与收到的不一致")
    return f"{sub.number} 已受理，原文件逐字节一致"


def step_follow(ctx: Context) -> str:
    """The follow-up register on a temporary SQLite store: the sample recognised, its first
    yearly report due."""
    from datetime import date

    from core.follow.register import Register
    from core.paths import resource
    from core.store import Store

    with Store.open(ctx.tmp / "follow.sqlite") as store:
        app_id = store.import_json(resource("samples", "sample-application.json"))
        reg = Register(store)
        rec = reg.recognize(app_id, date(2023, 11, 20), "自检认定名单")
        if reg.cluster(app_id).recognition.valid_until != rec.valid_until:
            raise StepFailed("认定记录读回不一致")
    return f"认定有效期至 {rec.valid_until}"


def all_steps(front_steps=()) -> list[tuple[str, Callable[[Context], str]]]:
    return [
        *front_steps,
        *validation_steps(),
        ("生成 PDF", step_pdf),
        ("渲染打印预览", step_render),
        ("导出 Excel", step_xlsx),
        ("导出签名报送包", step_export),
        ("验证报送包", step_verify),
        ("PostgreSQL 驱动", step_pg_driver),
        ("智能卡与密码存储", step_token_and_keyring),
        ("评审台", step_desk),
        ("认定后管理", step_follow),
    ]


def pad(text: str, width: int) -> str:
    """Left-align in a terminal, counting a Chinese character as two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - used)


# --- the command ---------------------------------------------------------------------------
@contextlib.contextmanager
def isolated_env(tmp: Path):
    saved = {k: os.environ.get(k) for k in ENV_KEYS}
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["CLUSTER_DECLARE_HOME"] = str(tmp / "home")
    os.environ["CLUSTER_DECLARE_DB"] = str(tmp / "selftest.sqlite")
    os.environ["CLUSTER_DECLARE_CERT_PASSPHRASE"] = secrets.token_urlsafe(16)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def cmd_self_test(args: argparse.Namespace) -> int:
    from core import __version__

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="cluster-declare-selftest-"))
    frozen = "（打包版）" if getattr(sys, "frozen", False) else "（源代码）"
    print(f"集群申报助手 {__version__} 自检{frozen}", flush=True)
    failed: list[tuple[str, str]] = []
    with isolated_env(tmp):
        ctx = Context(tmp=tmp, db=str(tmp / "selftest.sqlite"), verbose=args.verbose)
        steps = all_steps(getattr(args, "front_steps", ()))
        width = len(str(len(steps)))
        for n, (name, run) in enumerate(steps, 1):
            t0 = time.perf_counter()
            try:
                detail, ok = run(ctx), True
            except StepFailed as exc:
                detail, ok = str(exc), False
            except UserError as exc:
                detail, ok = exc.message, False
            except Exception as exc:  # a self-test reports every fault as a failed step
                detail, ok = f"{type(exc).__name__}: {exc}", False
                if args.verbose:
                    traceback.print_exc()
            took = time.perf_counter() - t0
            mark = "成功" if ok else "失败"
            print(f"[{n:>{width}}/{len(steps)}] {pad(name, 16)}{mark}  {took:6.2f} 秒  {detail}", flush=True)
            if not ok:
                failed.append((name, detail))
        with contextlib.suppress(Exception):
            close_front(ctx)
    total = time.perf_counter() - started
    if args.keep:
        print(f"临时文件保留在：{tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        names = "、".join(f"“{n}”" for n, _ in failed)
        print(f"自检失败：{len(failed)} 步未通过（{names}），用时 {total:.2f} 秒。", file=sys.stderr)
        print(f"第一处失败：{failed[0][0]} — {failed[0][1]}", file=sys.stderr)
        return 1
    print(f"自检通过：{len(steps)} 步全部成功，用时 {total:.2f} 秒。")
    return 0
