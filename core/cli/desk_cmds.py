"""``desk …``: the review desk from the command line (受理 → 初审 → 实地核查 → 择优推荐 → 上报).

Every subcommand takes ``--db`` (the register is in the store's database) and ``--archive`` (the
folder of received files; default ``DB.received`` beside the database). Exit codes: 0 done,
1 done with something set aside or not in order (intake, status), 2 bad usage or refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KIND_HELP = "报送包 .zip、申报数据 .json、Excel 申报表 .xlsx，或区级报送包（市级受理）"


def register(sub, common) -> None:
    desk = sub.add_parser("desk", help="评审台：批量受理、初审、实地核查、择优推荐和上报",
                          description="评审台：区（市）中小企业主管部门受理一批申报，逐一初审、核查，比较排序后择优推荐上报。")
    action = desk.add_subparsers(dest="desk_action", metavar="操作", required=True)
    shared = argparse.ArgumentParser(add_help=False, parents=[common.db])
    shared.add_argument("--archive", metavar="DIR", help="受理文件存档文件夹（默认：数据库旁的 “数据库名.received”）")

    p = action.add_parser("intake", parents=[shared], help="受理一个文件夹（U 盘、光盘）中的全部申报材料",
                          description=f"受理文件夹中的全部文件（含子文件夹）：{KIND_HELP}。"
                                      "每份都校验、按批次规则集检查并登记受理编号；有问题的不予受理并登记原因。"
                                      "退出码：0 全部受理，1 有不予受理的，2 用法错误。")
    p.add_argument("folder", metavar="DIR", help="受理文件夹")
    p.add_argument("--rules", required=True, metavar="ID", help="批次的规则集，如 SH-2023")
    p.add_argument("--sender", metavar="NAME", help="报送单位（默认：签名单位或申报数据中的申报单位）")
    p.add_argument("--max-size", type=int, default=1024, metavar="MB", help="单个文件的受理上限（默认 1024 MB）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_intake)

    p = action.add_parser("list", parents=[shared], help="受理登记簿：每份申报一行")
    p.add_argument("--rules", metavar="ID", help="只列出此批次（规则集）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_list)

    p = action.add_parser("show", parents=[shared], help="一份申报的登记、校验、版本差异和处理记录")
    p.add_argument("number", metavar="受理编号")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = action.add_parser("trust", parents=[shared], help="电话核对证书指纹后，确认报送单位的证书（以后自动信任）")
    p.add_argument("ref", nargs="?", metavar="指纹|受理编号", help="证书指纹（前 8 位以上即可）或受理编号")
    p.set_defaults(func=cmd_trust)

    p = action.add_parser("tick", parents=[shared], help="登记收到的纸质材料份数和光盘份数")
    p.add_argument("number", metavar="受理编号")
    p.add_argument("--paper", type=int, metavar="N", help="纸质材料份数（上海：一式5份）")
    p.add_argument("--cd", type=int, metavar="N", help="电子版光盘份数（上海：2份）")
    p.set_defaults(func=cmd_tick)

    p = action.add_parser("get", parents=[shared], help="取出受理时收到的原文件（逐字节相同）")
    p.add_argument("number", metavar="受理编号")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(func=cmd_get)

    for mod in _EXTRA:
        mod(action, shared)


_EXTRA: list = []  # review / rank / export subcommands register themselves here (below)


def _open(args):
    from core.desk import Desk

    return Desk.open(getattr(args, "db", None), archive=getattr(args, "archive", None))


def cmd_intake(args: argparse.Namespace) -> int:
    from core.desk.intake import intake_folder

    if args.max_size <= 0:
        from core.messages import cli as CLI

        print(CLI.USAGE.text(message="--max-size 应为正整数（MB）", prog="desk intake"), file=sys.stderr)
        return 2
    with _open(args) as desk:
        def progress(done: int, total: int, name: str) -> None:
            if args.format == "text" and sys.stderr.isatty():
                print(f"\r[{done}/{total}] {name}", end="", file=sys.stderr, flush=True)

        result = intake_folder(desk, args.folder, args.rules, sender=args.sender,
                               max_bytes=args.max_size * 1024 * 1024, progress=progress)
        if args.format == "json":
            print(json.dumps({"items": [i.to_json() for i in result.items], "taken_in": len(result.taken_in),
                              "set_aside": len(result.set_aside), "exit_code": result.exit_code},
                             ensure_ascii=False, indent=2))
        else:
            if sys.stderr.isatty():
                print(file=sys.stderr)
            for item in result.items:
                print(item.line())
            print(result.summary())
            pending = {i.fingerprint for i in result.taken_in if i.fingerprint and i.trust == "pending"}
            if pending:
                print(f"有 {len(pending)} 张报送单位证书待确认：请电话核对指纹后用 desk trust 指纹 确认。")
    return result.exit_code


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        subs = desk.submissions(args.rules)
    if args.format == "json":
        print(json.dumps([s.to_json() for s in subs], ensure_ascii=False, indent=2))
        return 0
    if not subs:
        print("登记簿中还没有申报。")
        return 0
    for s in subs:
        version = f" 第{s.version}版" if s.version and s.version > 1 else ""
        old = "（已有新版本）" if not s.latest else ""
        verdict = f"  程序结论 {s.verdict_label}" if s.verdict else ""
        why = f"  {s.refused_reason}" if s.refused_reason else ""
        print(f"{s.number}  {s.status_label}  {s.kind_label}  {s.cluster_name or s.file_name}{version}{old}"
              f"  {s.verification_label}{verdict}{why}")
    print(f"共 {len(subs)} 份；已受理 {sum(s.taken_in for s in subs)} 份。")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from core.desk.versions import difference_lines
    from core.package.certificate import format_fingerprint
    from core.timefmt import local_time

    with _open(args) as desk:
        s = desk.get(args.number)
        events = desk.events(s.id)
    if args.format == "json":
        out = s.to_json()
        out["events"] = [e.__dict__ for e in events]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"受理编号：{s.number}（批次 {s.rules}）  状态：{s.status_label}")
    print(f"集群：{s.cluster_name or '—'}" + (f"  第 {s.version} 版" if s.version else ""))
    print(f"收到：{local_time(s.received_at, seconds=True)}，{s.received_by} 受理；报送单位：{s.sender or '—'}")
    print(f"文件：{s.file_name}（{s.kind_label}，{s.file_size or 0} 字节，SHA-256 {s.file_sha256 or '—'}）")
    print(f"校验：{s.verification_label}" + (f"；证书指纹 {format_fingerprint(s.fingerprint)}" if s.fingerprint else ""))
    if s.refused_reason:
        print(f"不予受理：{s.refused_reason}")
    if s.verdict:
        print(f"程序结论：{s.verdict_label}")
    print(f"纸质材料：{s.paper_copies} 份；光盘：{s.cds} 份")
    if s.differences:
        print("与上一版相比：")
        for line in difference_lines(s.differences):
            print(f"  {line}")
    print("处理记录：")
    for e in events:
        print(f"  {e.line()}")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from core.package.certificate import format_fingerprint

    with _open(args) as desk:
        if not args.ref:
            senders = desk.senders()
            if not senders:
                print("还没有收到过带签名的报送包。")
            for r in senders:
                state = "已确认" if r["status"] == "trusted" else "待确认"
                print(f"{state}  {r['sender']}  {format_fingerprint(r['fingerprint'])}")
            return 0
        fp, sender = desk.confirm_trust(args.ref)
    print(f"已确认 {sender} 的证书（指纹 {format_fingerprint(fp)}）：此后收到该证书签名的报送包视为可信。")
    return 0


def cmd_tick(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        s = desk.tick(args.number, paper=args.paper, cds=args.cd)
    print(f"{s.number}：纸质材料 {s.paper_copies} 份，光盘 {s.cds} 份。")
    return 0


def cmd_get(args: argparse.Namespace) -> int:
    from core.messages import desk as M
    from core.oserrors import os_reason

    with _open(args) as desk:
        s = desk.get(args.number)
        if not s.file_sha256 or not desk.archive.has(s.file_sha256):
            raise M.ARCHIVE_MISSING.error(number=s.number, sha=s.file_sha256 or "—", folder=desk.archive.folder)
        try:
            out = desk.archive.export(s.file_sha256, Path(args.output))
        except OSError as exc:
            raise M.WRITE_FAILED.error(path=args.output, reason=os_reason(exc)) from exc
    print(f"已取出 {s.number} 的原文件：{out}（SHA-256 {s.file_sha256}）")
    return 0
