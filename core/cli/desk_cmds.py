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

    _register_review(action, shared)
    _register_rank(action, shared)


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


# --- 初审 and 实地核查 -----------------------------------------------------------------------------

def _register_review(action, shared) -> None:
    p = action.add_parser("review", parents=[shared], help="初审：逐项记录初审结论（与程序结论并列），提出补正，作出决定",
                          description="初审一份申报。不带选项时列出全部初审项（基本条件逐条、指标一至八）及程序结论和已有的初审结论。")
    p.add_argument("number", metavar="受理编号")
    p.add_argument("--item", "--criterion", dest="item", metavar="项",
                   help="初审项：基本条件的规则编号（如 0.established）或指标序号 1–8")
    p.add_argument("--verdict", choices=("符合", "不符合", "需补正"), help="该项的初审结论")
    p.add_argument("--remark", default="", metavar="TEXT", help="备注（判为不符合、需补正时必填）")
    p.add_argument("--accept-program", action="store_true", help="未审的各项采纳程序结论（定性指标除外）")
    p.add_argument("--request", action="append", default=[], metavar="TEXT", help="需补正的内容（可多次给出）")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="补正期限")
    p.add_argument("--corrected", action="store_true", help="补正材料已收到：待补正事项标为已完成")
    p.add_argument("--decide", choices=("需补正", "初审通过", "不予推荐"), help="初审决定")
    p.add_argument("--note", default="", metavar="TEXT", help="决定的说明")
    p.add_argument("--notice", metavar="OUT.pdf", help="打印补正通知（列出待补正事项和期限）")
    p.add_argument("--office", default="", metavar="NAME", help="通知落款的单位名称（默认：desk rank --office 设置的名称）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_review)

    p = action.add_parser("inspect", parents=[shared], help="实地核查：记录日期、人员、核查事项和佐证，附现场照片，打印核查记录",
                          description="记录一次实地核查。--item 写作 “核查内容=对照的佐证材料=核查结果”，可多次给出。")
    p.add_argument("number", metavar="受理编号")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="核查日期")
    p.add_argument("--people", metavar="甲,乙", help="核查人员，用逗号分隔")
    p.add_argument("--item", action="append", default=[], metavar="内容=佐证=结果")
    p.add_argument("--attach", action="append", default=[], metavar="FILE", help="现场照片或扫描件（可多次给出）")
    p.add_argument("--conclusion", default="", metavar="TEXT", help="核查结论")
    p.add_argument("--print", dest="print_to", metavar="OUT.pdf", help="打印最近一次核查记录，供签字")
    p.add_argument("--office", default="", metavar="NAME")
    p.set_defaults(func=cmd_inspect)


def _review_lines(desk, sub) -> list[str]:
    from core.desk import review

    out = [f"{sub.number} {sub.cluster_name}（{sub.status_label}，程序自评 {sub.verdict_label}）"]
    for it in review.items(desk, sub):
        key = it.key.replace("indicator.", "")
        program = it.program or "由评审人判断"
        mine = it.verdict or "未审"
        mark = " ≠" if it.differs else ""
        remark = f"；{it.remark}" if it.remark else ""
        out.append(f"  [{key}] {it.title}：程序 {program}｜初审 {mine}{mark}{remark}")
    for c in review.corrections(desk, sub.number):
        out.append(f"  待补正：{c['item']}" + (f"（期限 {c['due']}）" if c["due"] else ""))
    return out


def cmd_review(args: argparse.Namespace) -> int:
    from core.desk import review
    from core.messages import cli as CLI

    if (args.item is None) != (args.verdict is None):
        print(CLI.USAGE.text(message="--item 与 --verdict 须同时给出", prog="desk review"), file=sys.stderr)
        return 2
    with _open(args) as desk:
        sub = desk.get(args.number)
        if args.item:
            it = review.record(desk, sub.number, args.item, args.verdict, args.remark)
            print(f"已记录：{it.title} 初审 {it.verdict}（程序 {it.program or '由评审人判断'}）")
        if args.accept_program:
            taken = review.accept_program(desk, sub.number)
            print(f"已采纳程序结论 {len(taken)} 项。")
        if args.corrected:
            print(f"已标记补正完成 {review.close_corrections(desk, sub.number)} 项。")
        for text in args.request:
            review.request_correction(desk, sub.number, text, args.due)
            print(f"已记录补正事项：{text}" + (f"（期限 {args.due}）" if args.due else ""))
        if args.decide:
            s = review.decide(desk, sub.number, args.decide, args.note)
            print(f"{s.number} 初审决定：{s.status_label}")
        if args.notice:
            from core.oserrors import os_reason

            try:
                review.correction_notice(desk, sub.number, args.notice, office=args.office)
            except OSError as exc:
                from core.messages import desk as M

                raise M.WRITE_FAILED.error(path=args.notice, reason=os_reason(exc)) from exc
            print(f"已生成补正通知：{args.notice}")
        sub = desk.get(sub.number)
        if args.format == "json":
            print(json.dumps({"number": sub.number, "status": sub.status, "items":
                              [it.to_json() for it in review.items(desk, sub)],
                              "corrections": review.corrections(desk, sub.number)}, ensure_ascii=False, indent=2))
        else:
            print("\n".join(_review_lines(desk, sub)))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from core.desk import inspection
    from core.messages import cli as CLI

    with _open(args) as desk:
        sub = desk.get(args.number)
        if args.date or args.people or args.item or args.attach:
            if not args.date:
                print(CLI.USAGE.text(message="记录核查须给出 --date", prog="desk inspect"), file=sys.stderr)
                return 2
            items = [inspection.parse_item(i) for i in args.item]
            inspection.record(desk, sub.number, date=args.date, people=(args.people or "").replace("，", ",").split(","),
                              items=items, attachments=[Path(a) for a in args.attach], conclusion=args.conclusion)
            print(f"已记录 {sub.number} 的实地核查：{len(items)} 项，附件 {len(args.attach)} 个。")
        if args.print_to:
            from core.oserrors import os_reason

            try:
                inspection.print_record(desk, sub.number, args.print_to, office=args.office)
            except OSError as exc:
                from core.messages import desk as M

                raise M.WRITE_FAILED.error(path=args.print_to, reason=os_reason(exc)) from exc
            print(f"已生成核查记录：{args.print_to}")
        for rec in inspection.inspections(desk, sub.number):
            print(f"{rec['date']}  {'、'.join(rec['people'])}  {len(rec['items'])} 项  附件 {len(rec['attachments'])} 个"
                  + (f"  结论：{rec['conclusion']}" if rec["conclusion"] else ""))
    return 0


# --- 择优, 上报, deadlines ----------------------------------------------------------------------

def _register_rank(action, shared) -> None:
    p = action.add_parser("compare", parents=[shared], help="比较一个批次的全部申报：各项认定标准的数值、余量、还差多少、结论")
    p.add_argument("--rules", required=True, metavar="ID")
    p.add_argument("--sort", default="number", metavar="COLUMN",
                   help="排序列：number、cluster、status、failing、critical、place，或 margin:规则编号、value:规则编号")
    p.add_argument("--desc", action="store_true", help="降序")
    p.add_argument("--status", metavar="状态", help="只列出此状态（如 初审通过）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_compare)

    p = action.add_parser("rank", parents=[shared], help="择优：确定推荐顺序并写明每个名次的理由；设置推荐名额",
                          description="按 --order 的顺序推荐（初审通过的最新版本），每个名次一个 --reason。"
                                      "超出 --quota 名额时给出警告。")
    p.add_argument("--rules", required=True, metavar="ID")
    p.add_argument("--order", metavar="NO1,NO2,…", help="推荐顺序（受理编号，逗号分隔）")
    p.add_argument("--reason", action="append", default=[], metavar="TEXT", help="各名次的推荐理由，按顺序给出")
    p.add_argument("--quota", type=int, metavar="N", help="本批次可推荐的名额")
    p.add_argument("--office", metavar="NAME", help="本单位名称（用于推荐函、汇总表和通知落款）")
    p.set_defaults(func=cmd_rank)

    p = action.add_parser("export", parents=[shared], help="生成推荐上报包：各推荐申报的原报送包、推荐汇总表、初审记录、推荐函，整体签名",
                          description="生成一个带数字签名的上报包，上级用 verify 校验，会逐一列出内含的各报送包。"
                                      "证书密码从终端输入，或取自环境变量 CLUSTER_DECLARE_CERT_PASSPHRASE。")
    p.add_argument("--rules", required=True, metavar="ID")
    p.add_argument("-o", "--output", required=True, metavar="OUT.zip")
    p.add_argument("--office", metavar="NAME", help="推荐单位名称（默认：desk rank --office 设置的，或证书上的单位）")
    p.add_argument("--level", choices=("district", "city", "province"), default="district", help="本单位层级")
    p.set_defaults(func=cmd_export)

    p = action.add_parser("status", parents=[shared], help="批次进度：截止日期还剩几天，哪些工作尚未完成")
    p.add_argument("--rules", required=True, metavar="ID")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="按此日期计算（默认今天）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_status)


def cmd_compare(args: argparse.Namespace) -> int:
    from core.desk import status as st
    from core.desk.compare import compare_rows, sort_rows
    from core.rules import load_ruleset

    rs = load_ruleset(args.rules)
    with _open(args) as desk:
        rows = compare_rows(desk, rs.id)
    if args.status:
        wanted = st.parse(args.status)
        rows = [r for r in rows if r.status == wanted]
    rows = sort_rows(rows, args.sort, descending=args.desc)
    if args.format == "json":
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        place = f"第{r.place}名 " if r.place else ""
        unknown = sum(d["outcome"] == "unknown" for d in r.criteria.values())
        print(f"{place}{r.number} {r.cluster}（{r.status_label}；未达到 {r.failing} 项，临界 {r.critical} 项，"
              f"待补充 {unknown} 项）")
        for d in r.criteria.values():
            if d["outcome"] == "met" and not d["critical"]:
                continue
            if d["outcome"] == "unknown":  # the gap model's note already says what is missing
                print(f"    {d['title']}：{d['lines'][0] if d['lines'] else d['found'] or '待补充'}")
                continue
            margin = f"，余量 {d['margin']}{d['unit'] or ''}" if d["margin"] is not None else ""
            extra = "；".join(d["lines"][:2])
            print(f"    {d['title']}：{d['found'] or '—'}{margin}" + (f"；{extra}" if extra else ""))
        if r.remarks():
            print(f"    初审备注：{r.remarks()}")
        if r.reason:
            print(f"    推荐理由：{r.reason}")
    print(f"共 {len(rows)} 个申报。")
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from core.desk import ranking
    from core.rules import load_ruleset

    rs = load_ruleset(args.rules)
    with _open(args) as desk:
        if args.office:
            desk.set_setting(rs.id, "office", args.office.strip())
        if args.quota is not None:
            ranking.set_quota(desk, rs.id, args.quota)
        warnings = []
        if args.order is not None:
            warnings = ranking.set_order(desk, rs.id, args.order.replace("，", ",").split(","), args.reason)
        places = ranking.ranking(desk, rs.id)
        quota = ranking.quota(desk, rs.id)
    for place, sub, reason in places:
        print(f"第 {place} 名  {sub.number}  {sub.cluster_name}：{reason}")
    print(f"推荐 {len(places)} 个" + (f"，名额 {quota} 个" if quota else "，未设名额") + "。")
    for w in warnings:
        print(f"警告：{w}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from core.desk.outgoing import export_outgoing
    from core.package.certificate import (
        ensure_identity,
        has_office_certificate,
        passphrase_from_env_or_prompt,
    )
    from core.rules import load_ruleset

    rs = load_ruleset(args.rules)
    with _open(args) as desk:
        from core.desk.ranking import ranking

        if not ranking(desk, rs.id):  # before asking for a passphrase
            from core.messages import desk as M

            raise M.NOTHING_RECOMMENDED.error(rules=rs.id)
        office = args.office or desk.setting(rs.id, "office", "")
        creating = not has_office_certificate()
        identity, created = ensure_identity(passphrase_from_env_or_prompt(confirm=creating), office)
        if created:
            print(f"已创建本单位证书：{identity.info.office}，指纹 {identity.info.fingerprint_display}", file=sys.stderr)
        result = export_outgoing(desk, rs.id, args.output, identity, office=office or "", level=args.level)
    print(f"已生成推荐上报包：{result.path}（推荐 {result.places} 个，{result.size / 1024 / 1024:.1f} MB）")
    print(f"上报包 SHA-256：{result.sha256}")
    print(f"签名单位：{identity.info.office}；证书指纹：{identity.info.fingerprint_display}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    import datetime as dt

    from core.desk.deadlines import campaign_status
    from core.desk.review import parse_date
    from core.rules import load_ruleset

    rs = load_ruleset(args.rules)
    today = dt.date.fromisoformat(parse_date(args.today, "--today")) if args.today else None
    with _open(args) as desk:
        cs = campaign_status(desk, rs.id, today)
    if args.format == "json":
        print(json.dumps(cs.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(cs.lines()))
    return 0
