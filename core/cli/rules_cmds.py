"""``rules``, ``new`` and ``check``: the rule sets, an empty application, findings and verdicts."""

from __future__ import annotations

import json
import sys

from core.cli.appsource import add_app_argument, load_app_arg


def register(sub, common) -> None:
    p = sub.add_parser("rules", help="列出可用的规则集")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("new", help="生成一份空白申报数据（JSON）")
    p.add_argument("--rules", required=True, metavar="ID", help="规则集编号，如 SH-2023")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件（默认输出到屏幕）")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", parents=[common.db], help="按规则集校验申报数据，列出问题和各指标结论")
    add_app_argument(p)
    p.add_argument("--rules", metavar="ID", help="规则集编号（默认：申报数据中记录的规则集）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    p.set_defaults(func=cmd_check)


def cmd_rules(args) -> int:
    from core.rules import all_rulesets

    sets = all_rulesets()
    if args.format == "json":
        out = [
            {"id": rs.id, "name": rs.name, "jurisdiction": rs.jurisdiction, "campaign": rs.campaign,
             "version": rs.version, "form": rs.form, "document": rs.document, "partial": rs.partial,
             "rules": len(rs.rules)}
            for rs in sets
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for rs in sets:
        partial = "（部分：仅含部分指标的数值标准）" if rs.partial else ""
        print(f"{rs.id:<9} {rs.name}{partial}")
        print(f"{'':<9} 依据：{rs.document}；规则 {len(rs.rules)} 条；申报表 {rs.form}")
    return 0


def cmd_new(args) -> int:
    from core.application import write_application_file
    from core.rules.applications import new_application

    app = new_application(args.rules)
    if args.output:
        write_application_file(app, args.output)
        print(f"已生成空白申报数据：{args.output}（规则集 {app.rules}，{app.campaign}年申报）")
    else:
        print(json.dumps(app.to_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_check(args) -> int:
    from core.rules import Evaluator
    from core.rules.gaps import compute_gaps, gaps_json
    from core.rules.report_text import render_text

    app = load_app_arg(args)
    ev = Evaluator(app, args.rules or app.rules)
    report = ev.report()
    gaps = compute_gaps(ev)
    if args.format == "json":
        json.dump({**report.to_json(), "gaps": gaps_json(gaps)}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_text(app, report, gaps))
    return 0 if report.verdict == "pass" else 1
