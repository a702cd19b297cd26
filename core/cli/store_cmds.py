"""Commands of the local store: list, history, import, copy, export-json, backup, restore (all take --db)."""

from __future__ import annotations

import argparse
import json
import sys

from core.store.history_text import ACTION_LABELS
from core.timefmt import local_time


def register(sub, common) -> None:
    p = sub.add_parser("list", parents=[common.db], help="列出数据库中的申请")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    p.add_argument("--search", metavar="文字", help="只列出名称、编号、地区或规则集含此文字的申请")
    p.add_argument("--deleted", action="store_true", help="只列出已删除的申请")
    p.set_defaults(func=_list)

    p = sub.add_parser("history", parents=[common.db], help="一份申请的修改记录")
    p.add_argument("id", metavar="ID", help="申请编号（list 显示的前几位即可）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=_positive, metavar="N", help="只显示最近 N 条")
    p.set_defaults(func=_history)

    p = sub.add_parser("receipts", parents=[common.db], help="一份申请的报送记录：每次导出的时间、报送包、SHA-256、证书指纹")
    p.add_argument("id", metavar="ID", help="申请编号（如 2023-001，或 list 显示的 ID 前几位）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_receipts)

    p = sub.add_parser("reopen", parents=[common.db], help="重新打开已导出（已封存）的申请：状态回到草稿，理由记入修改记录")
    p.add_argument("id", metavar="ID", help="申请编号（如 2023-001，或 list 显示的 ID 前几位）")
    p.add_argument("--reason", required=True, metavar="TEXT", help="为什么要修改已报送的数据（至少 4 个字）")
    p.set_defaults(func=_reopen)

    p = sub.add_parser("status", parents=[common.db], help="查看或更改申请的状态（草稿、待审核、已推荐；已导出只能由导出产生）")
    p.add_argument("id", metavar="ID", help="申请编号（如 2023-001，或 list 显示的 ID 前几位）")
    p.add_argument("new", nargs="?", metavar="STATUS", help="draft（草稿）、pending_review（待审核）或 recommended（已推荐）")
    p.set_defaults(func=_status)

    p = sub.add_parser("import", parents=[common.db], help="把申报数据 JSON（及旁边的 evidence 文件夹）导入数据库")
    p.add_argument("file", metavar="APP.json")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true", help="数据库中已有同一申请时，用文件内容覆盖（可在修改记录中恢复）")
    mode.add_argument("--copy", action="store_true", help="数据库中已有同一申请时，导入为一份新申请")
    p.set_defaults(func=_import)

    p = sub.add_parser("copy", parents=[common.db], help="复制一份申请为新草稿（--campaign 换年度：各年数据随年份顺延）")
    p.add_argument("id", metavar="ID", help="申请编号（list 显示的前几位即可）")
    p.add_argument("--campaign", type=int, metavar="YEAR", help="新申请的申报年度，如 2024（复制为下一年度）")
    p.add_argument("--name", metavar="名称", help="新申请的名称（默认由原名称生成）")
    p.set_defaults(func=_copy)

    p = sub.add_parser("export-json", parents=[common.db], help="把一份申请导出为 JSON，佐证材料写入旁边的 evidence 文件夹")
    p.add_argument("id", metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="输出的 JSON 文件")
    p.set_defaults(func=_export)

    p = sub.add_parser("backup", parents=[common.db], help="备份整个数据库（程序运行时也可安全备份）")
    p.add_argument("path", metavar="PATH", help="备份文件，或存放带日期备份文件的文件夹")
    p.set_defaults(func=_backup)

    p = sub.add_parser("restore", parents=[common.db], help="用备份文件替换整个数据库（先自动保存当前数据）")
    p.add_argument("path", metavar="PATH", help="备份文件")
    p.set_defaults(func=_restore)


def _positive(text: str) -> int:
    """A count the user gives: a whole number from 1 up, never silently read as "all"."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是“{text}”")
    return n


def _open(args: argparse.Namespace, *, must_exist: bool):
    from core.messages import cli as cli_msg
    from core.store import Store
    from core.store.database import resolve

    db = args.db
    if must_exist and db:
        path = resolve(db).path  # a file path, sqlite:/// or file: URI; None for other databases
        if path is not None and not path.exists():
            raise cli_msg.NO_DATABASE.error(db=db)
    return Store.open(db)


def _local(stamp: str | None) -> str:
    return local_time(stamp, seconds=True)


def _list(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        apps = store.list_applications(args.search, only_deleted=args.deleted)
    if args.format == "json":
        print(json.dumps([a.to_json() for a in apps], ensure_ascii=False, indent=2))
        return 0
    if not apps:
        print("没有符合条件的申请。" if args.search or args.deleted else "数据库中还没有申请。")
        return 0
    print("编号      ID        年度  地区  规则集    状态    修改时间             导出时间             名称")
    for a in apps:
        print(f"{a.number or '-':<8}  {a.id[:8]}  {a.campaign}  {a.region:<4}  {a.rules:<8}  {a.status_label:<4}  "
              f"{_local(a.changed):<19}  {_local(a.exported_at) or '-':<19}  {a.name}")
    return 0


def _receipts(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        doc = store.get(args.id)
        receipts = store.receipts(doc["uuid"])
        number = store.number(doc["uuid"])
    if args.format == "json":
        print(json.dumps([r.to_json() for r in receipts], ensure_ascii=False, indent=2))
        return 0
    name = doc["name"] or "（未命名集群）"
    if not receipts:
        print(f"{name}（编号 {number}）还没有导出过报送包。")
        return 0
    print(f"{name}（编号 {number}）的报送记录，共 {len(receipts)} 次导出：")
    for n, r in enumerate(receipts, 1):
        print(f"{n}. {_local(r.at)}  {r.user}  {r.path}")
        print(f"   报送包 SHA-256：{r.sha256}")
        print(f"   签名单位：{r.signer}；证书指纹：{r.certificate_sha256}")
        print(f"   申报数据 SHA-256：{r.data_sha256}")
        if r.override_reason:
            print(f"   越过错误报送的理由：{r.override_reason}")
    return 0


def _reopen(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        doc = store.get(args.id)
        last = store.reopen(doc["uuid"], args.reason)
    kept = f"原报送包 SHA-256 {last.sha256} 保留在报送记录中。" if last else ""
    print(f"已重新打开：{doc['name'] or '（未命名集群）'}，状态回到草稿，理由已记入修改记录。{kept}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from core.application import STATUSES

    with _open(args, must_exist=True) as store:
        doc = store.get(args.id)
        if args.new:
            store.set_status(doc["uuid"], args.new)
        current = store.get(doc["uuid"])["status"]
        choices = store.status_choices(doc["uuid"])
    print(f"状态：{STATUSES.get(current, current)}")
    others = [f"{STATUSES[s]}（{s}）" + (f"，需先填写{why}" if why else "") for s, why in choices[1:]]
    if others:
        print("可以改为：" + "；".join(others))
    elif current == "exported":
        print("已导出（已封存）：修改前须 reopen ID --reason 理由 重新打开，或 copy 复制一份。")
    return 0


def _history(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        doc = store.get(args.id)
        entries = store.history(doc["uuid"], limit=args.limit)
    if args.format == "json":
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
        return 0
    form = _form_of(doc["form"])
    print(f"{doc['name'] or '（未命名集群）'}（ID {doc['uuid']}）的修改记录，共 {len(entries)} 条：")
    for e in entries:
        print(f"#{e.id:<5} {_local(e.at)}  {e.user}  {ACTION_LABELS.get(e.action, e.action)}  {_describe(e, form)}")
    return 0


def _form_of(form_id: str):
    from core.errors import UserError
    from core.form import load_form

    try:
        return load_form(form_id)
    except UserError:
        return None


def _describe(e, form) -> str:
    """One history row in the words of the window's history view (core/store/history_text.py);
    a field row also names its key, for scripts and support."""
    from core.store.history_text import describe

    t = describe(e, form)
    if e.kind == "app":
        return t.new
    what = f"{t.what}（{e.field}）" if e.kind in ("value", "list") and e.field else t.what
    return f"{what}：{t.old} → {t.new}"


def _import(args: argparse.Namespace) -> int:
    mode = "replace" if args.replace else "copy" if args.copy else "error"
    with _open(args, must_exist=False) as store:
        app_id = store.import_json(args.file, on_conflict=mode)
        name = store.get(app_id)["name"]
        number = store.number(app_id)
    print(f"已导入：{name or '（未命名集群）'}，编号 {number}（ID {app_id}）")
    return 0


def _copy(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        source = store.get(args.id)
        new_id = store.duplicate(source["uuid"], campaign=args.campaign, name=args.name)
        copy = store.get(new_id)
        number = store.number(new_id)
    print(f"已复制：{copy['name'] or '（未命名集群）'}（{copy['campaign']}年，规则集 {copy['rules']}），"
          f"编号 {number}（ID {new_id}）")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        doc = store.get(args.id)
        dest = store.export_json(doc["uuid"], args.output)
    n = len({e["sha256"] for e in doc["evidence"]})
    print(f"已导出到 {dest}" + (f"，佐证材料 {n} 个文件在 {dest.parent / 'evidence'}" if n else ""))
    return 0


def _backup(args: argparse.Namespace) -> int:
    with _open(args, must_exist=True) as store:
        dest = store.backup(args.path)
    print(f"已备份到 {dest}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with _open(args, must_exist=False) as store:
        safety = store.restore(args.path)
        count = len(store.list_applications(include_deleted=True))
    print(f"已从 {args.path} 恢复，共 {count} 份申请。恢复前的数据已保存在 {safety}", file=sys.stdout)
    return 0
