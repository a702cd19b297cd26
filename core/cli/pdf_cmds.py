"""``pdf``: the print-ready 申报表, or the 真实性声明 / 推荐意见 page alone."""

from __future__ import annotations

import sys
from pathlib import Path

from core.cli.appsource import add_app_argument, load_app_arg, source_label


def register(sub, common) -> None:
    p = sub.add_parser("pdf", parents=[common.db], help="生成可打印的申报表 PDF（或单独的真实性声明、推荐意见页）")
    add_app_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="输出的 PDF 文件")
    p.add_argument("--page", choices=("all", "declaration", "recommendation"), default="all",
                   help="all＝完整申报表及自评结果（默认）；declaration＝真实性声明页；recommendation＝推荐意见页")
    p.add_argument("--official", action="store_true",
                   help="仅按官方表式打印：不含标有【补充】的栏目和自评结果附录")
    p.add_argument("--rules", metavar="ID", help="附录“自评结果”所用的规则集（默认：申报数据中记录的规则集）")
    p.set_defaults(func=cmd_pdf)


def cmd_pdf(args) -> int:
    from core.pdf import PAGE_LABELS, render_pdf
    from core.rules import load_ruleset

    app = load_app_arg(args)
    if args.rules:
        load_ruleset(args.rules)  # an unknown id fails here, before anything is written
    warnings = render_pdf(app, args.output, page=args.page, ruleset=args.rules, official=args.official)
    for w in warnings:
        print(f"警告：{w}", file=sys.stderr)
    layout = "（官方表式）" if args.official else ""
    print(f"已生成{PAGE_LABELS[args.page]}{layout} PDF：{Path(args.output).resolve()}（{source_label(args)}）")
    return 0
