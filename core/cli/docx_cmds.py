"""``docx``: the 申报表 as a Word document in the official layout (or the 真实性声明 / 推荐意见 alone)."""

from __future__ import annotations

from pathlib import Path

from core.cli.appsource import add_app_argument, load_app_arg, source_label


def register(sub, common) -> None:
    p = sub.add_parser("docx", parents=[common.db],
                       help="生成 Word 格式的申报表（官方表式，可在 WPS 或 Word 中最后修改；Word 文件不会再被读入）")
    add_app_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="输出的 Word 文件（.docx）")
    p.add_argument("--page", choices=("all", "declaration", "recommendation"), default="all",
                   help="all＝完整申报表（默认）；declaration＝真实性声明页；recommendation＝推荐意见页")
    p.set_defaults(func=cmd_docx)


def cmd_docx(args) -> int:
    from core.docx import PAGE_LABELS, render_docx

    app = load_app_arg(args)
    path = render_docx(app, args.output, page=args.page)
    print(f"已生成{PAGE_LABELS[args.page]} Word 文件：{Path(path).resolve()}（{source_label(args)}）")
    return 0
