"""Excel: ``xlsx-export``, ``xlsx-template``, ``xlsx-import`` and ``list-import``.

Imports follow "preview, then accept": without ``--yes`` they print what would change and apply
nothing; with ``--yes`` the whole change is applied in one step (one store transaction, or one
atomic file write).
"""

from __future__ import annotations

from pathlib import Path

from core.cli.appsource import add_app_argument, load_app_arg

NOT_APPLIED = "以上为预览，未做任何修改。确认无误后，加 --yes 重新运行以应用。"


def register(sub, common) -> None:
    p = sub.add_parser("xlsx-export", parents=[common.db], help="把申报数据导出为 Excel 工作簿（按申报表分工作表，含各清单）")
    add_app_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="输出的 .xlsx 文件")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("xlsx-template", help="生成某一申报年度的空白 Excel 模板，供集群运营单位填写后导入")
    p.add_argument("--rules", required=True, metavar="ID", help="规则集编号，如 SH-2023（决定年度和年份栏目）")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("xlsx-import", parents=[common.db],
                       help="导入填好的 Excel 申报表：先预览修改内容，加 --yes 才应用")
    p.add_argument("file", metavar="IN.xlsx", help="填好的工作簿（.xlsx，或另存为的 .xls、.xlsb、.ods、WPS .et）")
    dest = p.add_mutually_exclusive_group(required=True)
    dest.add_argument("-o", "--output", metavar="APP.json", help="写入此申报数据文件（已存在时在其基础上修改）")
    dest.add_argument("--into", metavar="ID", help="导入数据库中的这份申请（配合 --db）")
    p.add_argument("--yes", action="store_true", help="确认应用预览中的修改")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list-import", parents=[common.db],
                       help="导入清单（集群企业清单、专利、标准、平台等）：先预览，加 --yes 才应用")
    p.add_argument("file", metavar="LIST.xlsx",
                   help="清单文件：.xlsx、.xlsm、.xls、.xlsb、.ods、WPS .et，或 CSV（UTF-8 或 GBK 编码）")
    p.add_argument("--list", required=True, metavar="NAME", help="清单名称，如 enterprises、patents、standards、platforms")
    add_app_argument(p)
    p.add_argument("--sheet", metavar="工作表", help="读取的工作表（默认：按清单名称或表头自动查找）")
    p.add_argument("--yes", action="store_true", help="确认应用预览中的修改")
    p.set_defaults(func=cmd_list_import)


def cmd_export(args) -> int:
    from core.xlsx.form_export import export_form

    app = load_app_arg(args)
    export_form(app, args.output)
    print(f"已导出：{args.output}（{app.display_name}，{app.campaign}年申报）")
    return 0


def cmd_template(args) -> int:
    from core.rules.applications import new_application
    from core.xlsx.form_export import export_form

    app = new_application(args.rules)
    export_form(app, args.output, template=True)
    print(f"已生成空白模板：{args.output}（规则集 {app.rules}，年份栏目 {app.years[0]}–{app.years[-1]}年）")
    return 0


def cmd_import(args) -> int:
    from core.application import read_application_file, write_application_file
    from core.xlsx.form_import import new_application_from_meta, read_form_workbook
    from core.xlsx.preview import render_changes

    if args.output:
        target = Path(args.output)
        app = read_application_file(target) if target.exists() else None
        result = read_form_workbook(args.file, app)
        base = app or new_application_from_meta(result.meta)
        _print_import(result.notes, render_changes(result.changes))
        if not args.yes:
            print(NOT_APPLIED)
            return 0
        write_application_file(result.apply_to(base), target)
        print(f"已应用 {len(result.changes)} 处修改，写入 {target}")
        return 0
    from core.store import Store

    with Store.open(args.db) as store:
        app = store.load(args.into)
        result = read_form_workbook(args.file, app)
        _print_import(result.notes, render_changes(result.changes))
        if not args.yes:
            print(NOT_APPLIED)
            return 0
        changed = store.set_values(app.uuid, result.changed_values, action="import") if result.changes else 0
    print(f"已应用 {changed} 处修改（申请 {app.uuid[:8]}，可在修改记录中查看和恢复）")
    return 0


def _print_import(notes: list[str], body: str) -> None:
    for note in notes:
        print(f"提示：{note}")
    print(body)


def cmd_list_import(args) -> int:
    from core.application import write_application_file
    from core.xlsx.list_import import read_list_workbook

    app = load_app_arg(args)
    result = read_list_workbook(args.file, args.list, app, sheet=args.sheet)
    print(list_preview_text(result, app))
    if not args.yes:
        print(NOT_APPLIED)
        return 0
    if Path(args.app).suffix.lower() == ".json" or Path(args.app).exists():
        write_application_file(result.apply_to(app), args.app)
        print(f"已导入 {len(result.rows)} 条，写入 {args.app}")
        return 0
    from core.store import Store

    with Store.open(args.db) as store:
        store.replace_list(app.uuid, args.list, result.rows, action="import")
    print(f"已导入 {len(result.rows)} 条（申请 {app.uuid[:8]}）")
    return 0


def list_preview_text(result, app) -> str:
    from core.numbers import fmt

    lines = [f"工作表「{result.sheet}」，表头在第 {result.header_row} 行。", result.summary_text() + "。"]
    lines += [f"提示：{n}" for n in result.notes]
    if result.issues:
        lines.append(f"需核对 {len(result.issues)} 处：")
        lines += [f"- {i.message}" for i in result.issues[:20]]
        if len(result.issues) > 20:
            lines.append(f"……另有 {len(result.issues) - 20} 处")
    comps = result.comparisons(app)
    if comps:
        lines.append(f"按清单统计与申报表填报（{app.years[-1]}年）对照：")
        for c in comps:
            declared = "未填报" if c.declared is None else f"{fmt(c.declared, c.places)}{c.unit}"
            mark = {True: "一致", False: "不一致", None: "—"}[c.agrees]
            lines.append(f"- {c.label}{c.note}：清单 {fmt(c.computed, c.places)}{c.unit}，填报 {declared}（{mark}）")
    return "\n".join(lines)


