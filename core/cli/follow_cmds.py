"""Commands of the follow-up after recognition (docs/follow-up.md): recognize, due, targets,
annual, event, review-report, follow-export. All take --db; dates are YYYY-MM-DD."""

from __future__ import annotations

import json
from datetime import date


def register(sub, common) -> None:
    p = sub.add_parser("recognize", parents=[common.db], help="记录申请已认定：认定日期、认定名单；有效期按规则集计算")
    p.add_argument("id", metavar="ID", help="申请编号（如 2023-001，或 list 显示的 ID 前几位）")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="认定日期（名单公布日期）")
    p.add_argument("--list", required=True, metavar="TEXT", help="认定名单，如 上海市2023年市级中小企业特色产业集群名单")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_recognize)

    p = sub.add_parser("due", parents=[common.db], help="待办事项：年度培育情况报送、复核、有效期届满、重大变动报备")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_due)

    p = sub.add_parser("targets", parents=[common.db], help="发展目标：从发展目标文字建议、添加、确认、列出")
    tsub = p.add_subparsers(dest="targets_command", metavar="操作", required=True)
    q = tsub.add_parser("propose", parents=[common.db], help="从申报表“(二) 发展目标”文字中识别可考核的目标")
    q.add_argument("id", metavar="ID")
    q.add_argument("--save", action="store_true", help="把识别出的目标存为待确认")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=_targets_propose)
    q = tsub.add_parser("list", parents=[common.db], help="列出发展目标及其编号")
    q.add_argument("id", metavar="ID")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=_targets_list)
    q = tsub.add_parser("add", parents=[common.db], help="添加一个发展目标")
    q.add_argument("id", metavar="ID")
    q.add_argument("--metric", required=True, metavar="KEY", help="申报表字段（如 industry.output_total）或 custom:名称")
    q.add_argument("--target", required=True, metavar="VALUE", help="目标值（与该指标同单位）")
    q.add_argument("--year", type=int, metavar="YYYY", help="目标年份")
    q.add_argument("--unit", default="", metavar="UNIT", help="自定义指标的单位")
    q.add_argument("--confirm", action="store_true", help="同时确认")
    q.set_defaults(func=_targets_add)
    q = tsub.add_parser("confirm", parents=[common.db], help="确认一个（或 all 全部）待确认的发展目标，可同时改目标值、年份")
    q.add_argument("id", metavar="ID")
    q.add_argument("target", metavar="N", help="目标编号（targets list 显示），或 all")
    q.add_argument("--target-value", metavar="VALUE", help="改为这一目标值")
    q.add_argument("--year", type=int, metavar="YYYY", help="改为这一目标年份")
    q.set_defaults(func=_targets_confirm)
    q = tsub.add_parser("delete", parents=[common.db], help="删除一个发展目标")
    q.add_argument("id", metavar="ID")
    q.add_argument("target", type=int, metavar="N")
    q.set_defaults(func=_targets_delete)

    p = sub.add_parser("annual", parents=[common.db], help="年度培育情况：新建、填写、检查、报送、打印")
    asub = p.add_subparsers(dest="annual_command", metavar="操作", required=True)
    q = asub.add_parser("new", parents=[common.db], help="新建某一年度的年度培育情况（每年一份）")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY", help="报告的年度（报送在下一年）")
    q.set_defaults(func=_annual_new)
    q = asub.add_parser("set", parents=[common.db], help="填写年度培育情况：KEY=VALUE …（annual fields 列出可填项）")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY")
    q.add_argument("items", nargs="+", metavar="KEY=VALUE")
    q.set_defaults(func=_annual_set)
    q = asub.add_parser("fields", parents=[common.db], help="列出该集群年度培育情况的可填项")
    q.add_argument("id", metavar="ID")
    q.set_defaults(func=_annual_fields)
    q = asub.add_parser("check", parents=[common.db], help="按认定标准检查该年度数据，并看发展目标进度")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=_annual_check)
    q = asub.add_parser("submit", parents=[common.db], help="记录年度培育情况已报送")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY")
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="报送日期")
    q.set_defaults(func=_annual_submit)
    q = asub.add_parser("pdf", parents=[common.db], help="打印年度培育情况信息表（含检查结果）")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY")
    q.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    q.set_defaults(func=_annual_pdf)
    q = asub.add_parser("package", parents=[common.db],
                        help="导出年度培育情况报送包（PDF 已数字签名、Excel、检查结果；用本单位证书签名，verify 可校验）")
    q.add_argument("id", metavar="ID")
    q.add_argument("--year", type=int, required=True, metavar="YYYY")
    q.add_argument("-o", "--output", required=True, metavar="OUT.zip")
    q.add_argument("--office", metavar="NAME", help="首次创建本单位证书时的单位名称（默认推荐单位）")
    q.set_defaults(func=_annual_package)

    p = sub.add_parser("event", parents=[common.db], help="重大变动（主导产业、空间范围、运营管理机构）和事故等事件")
    esub = p.add_subparsers(dest="event_command", metavar="操作", required=True)
    q = esub.add_parser("add", parents=[common.db], help="记录一个事件")
    q.add_argument("id", metavar="ID")
    q.add_argument("--kind", required=True, metavar="KIND",
                   help="industry（主导产业变更）、area（空间范围变更）、operator（运营管理机构变更）、accident、violation、other")
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="发生日期")
    q.add_argument("--text", required=True, metavar="TEXT", help="事件内容")
    q.add_argument("--reported", metavar="YYYY-MM-DD", help="报备日期（已报备时）")
    q.set_defaults(func=_event_add)
    q = esub.add_parser("report", parents=[common.db], help="记录事件已报备")
    q.add_argument("id", metavar="ID")
    q.add_argument("event", type=int, metavar="N")
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    q.set_defaults(func=_event_report)
    q = esub.add_parser("list", parents=[common.db], help="列出事件")
    q.add_argument("id", metavar="ID")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=_event_list)

    p = sub.add_parser("review-report", parents=[common.db], help="复核报告：发展目标完成情况、最近年度认定标准复查、撤销情形")
    p.add_argument("id", metavar="ID")
    p.add_argument("-o", "--output", metavar="OUT.pdf", help="写出 PDF；不写时只输出结论")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="复核日期（默认今天）")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_review)

    p = sub.add_parser("follow-export", parents=[common.db], help="导出认定后管理台账（.json 完整数据，或 .xlsx）")
    p.add_argument("ids", nargs="*", metavar="ID", help="只导出这些集群（默认全部已认定集群）")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json|OUT.xlsx")
    p.set_defaults(func=_export)

    p = sub.add_parser("follow-import", parents=[common.db],
                       help="从 follow-export 导出的 JSON 恢复认定后管理台账（可重复导入；有冲突则一项不改）")
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(func=_import)


def _open(args):
    from core.cli.store_cmds import _open as open_store

    return open_store(args, must_exist=True)


def _register(store):
    from core.follow.register import Register

    return Register(store)


def _day(text: str | None, what: str) -> date:
    from core.follow.schedule import parse_date

    return parse_date(text, what) if text else date.today()


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _recognize(args) -> int:
    with _open(args) as store:
        rec = _register(store).recognize(args.id, args.date, args.list)
    if args.format == "json":
        _print_json(rec.to_json())
    else:
        print(f"已记录认定：{rec.number or rec.app_id[:8]} {rec.name}，{rec.recognized_on} 列入《{rec.list_name}》，"
              f"有效期至 {rec.valid_until}。")
    return 0


def _due(args) -> int:
    from core.follow.reminders import due_items, due_text

    today = _day(args.on, "--on")
    with _open(args) as store:
        items = due_items(_register(store), today)
    if args.format == "json":
        _print_json({"on": today.isoformat(), "items": [d.to_json() for d in items]})
    else:
        print(due_text(items, today))
    return 0


def _problems_text(problems) -> str:
    return "".join(f"\n      {'错误' if p.severity == 'error' else '警告'}：{p.message}" for p in problems)


def _targets_propose(args) -> int:
    from core.follow.register import target_context
    from core.follow.targets import errors, propose_targets

    with _open(args) as store:
        reg = _register(store)
        rec = reg.recognition(args.id)
        doc = store.get(args.id)
        years = tuple(reg.cluster(args.id).report_years) if rec else ()
        proposals = propose_targets(doc["values"].get("plan.targets") or "", target_context(doc, years))
        if args.save:
            for p in proposals:
                reg.add_target(doc["uuid"], p.target)
    if args.format == "json":
        _print_json([{**p.target.to_json(), "problems": [vars(x) for x in p.problems]} for p in proposals])
        return 0
    if not proposals:
        print("没有从发展目标文字中识别出可考核的目标；可用 targets add 逐项添加。")
        return 0
    print(f"从发展目标中识别出 {len(proposals)} 个目标（{'已存为待确认' if args.save else '未保存；加 --save 保存'}）：")
    for p in proposals:
        t = p.target
        year = f"{t.year}年" if t.year else "（无年份）"
        tag = f"#{t.id} " if t.id else ""
        flag = "  不能确认" if errors(p.problems) else ""
        print(f"  {tag}{t.label}：{year} {t.target_text}　出自“{t.source}”{('　' + t.note) if t.note else ''}{flag}"
              + _problems_text(p.problems))
    return 0


def _targets_list(args) -> int:
    from core.follow.register import target_context
    from core.follow.targets import check_target

    with _open(args) as store:
        reg = _register(store)
        targets = reg.targets(args.id)
        doc = store.get(args.id)
        rec = reg.recognition(args.id)
        ctx = target_context(doc, tuple(reg.cluster(args.id).report_years) if rec else ())
    if args.format == "json":
        _print_json([{**t.to_json(), "problems": [vars(x) for x in check_target(t, ctx)]} for t in targets])
        return 0
    if not targets:
        print("还没有发展目标（targets propose ID --save 从文字识别，或 targets add 添加）。")
    for t in targets:
        state = "已确认" if t.confirmed else "待确认"
        year = f"{t.year}年" if t.year else "（无年份）"
        print(f"  #{t.id} [{state}] {t.label}：{year} {t.target_text}" + _problems_text(check_target(t, ctx)))
    return 0


def _targets_add(args) -> int:
    from core.follow import metrics as mt
    from core.follow.register import target_context
    from core.follow.targets import DOWN, UP, Target, parse_target_value
    from core.follow.thresholds import lower_is_better
    from core.messages import follow as M

    with _open(args) as store:
        reg = _register(store)
        doc = store.get(args.id)
        ctx = target_context(doc, ())
        m = mt.metric(ctx.form, args.metric, args.unit)
        if m is None:
            raise M.UNKNOWN_METRIC.error(metric=args.metric)
        value = parse_target_value(args.target, m)
        down = not m.custom and lower_is_better(ctx.ruleset, ctx.form, m.key)
        t = Target(metric=m.key, label=m.label, unit=m.unit, target=value, year=args.year,
                   direction=DOWN if down else UP, baseline=ctx.baseline(m), decimals=m.decimals)
        t = reg.add_target(doc["uuid"], t, confirm=args.confirm)
    print(f"已添加发展目标 #{t.id}：{t.label} {f'{t.year}年' if t.year else '（无年份）'} {t.target_text}（{'已确认' if t.confirmed else '待确认'}）")
    return 0


def _targets_confirm(args) -> int:
    from core.follow import metrics as mt
    from core.follow.targets import parse_target_value
    from core.messages import follow as M

    with _open(args) as store:
        reg = _register(store)
        targets = reg.targets(args.id)
        if args.target == "all":
            chosen = [t for t in targets if not t.confirmed]
        else:
            try:
                n = int(args.target)
            except ValueError:
                raise M.UNKNOWN_TARGET.error(id=args.target, name=args.id) from None
            chosen = [t for t in targets if t.id == n]
            if not chosen:
                raise M.UNKNOWN_TARGET.error(id=n, name=args.id)
        for t in chosen:
            value = None
            if args.target_value is not None:
                from core.form import load_form

                m = mt.metric(load_form(store.get(args.id)["form"]), t.metric, t.unit)
                value = parse_target_value(args.target_value, m)
            done = reg.update_target(args.id, t.id, target=value, year=args.year, confirm=True)
            print(f"已确认发展目标 #{done.id}：{done.label} {done.year}年 {done.target_text}")
    return 0


def _targets_delete(args) -> int:
    with _open(args) as store:
        _register(store).delete_target(args.id, args.target)
    print(f"已删除发展目标 #{args.target}。")
    return 0


def _annual_new(args) -> int:
    with _open(args) as store:
        r = _register(store).new_annual(args.id, args.year)
    print(f"已新建 {r.year} 年度培育情况。")
    return 0


def _annual_set(args) -> int:
    from core.messages import cli as CLI

    values = {}
    for item in args.items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CLI.USAGE.error(message=f"“{item}”应写作 KEY=VALUE", prog="annual set")
        values[key.strip()] = value
    with _open(args) as store:
        r = _register(store).set_annual(args.id, args.year, values)
    print(f"已保存 {r.year} 年度培育情况（{len(values)} 项）。")
    return 0


def _annual_fields(args) -> int:
    with _open(args) as store:
        reg = _register(store)
        cluster = reg.cluster(args.id)
        figures = reg.figure_fields(cluster)
    for s in reg.annual_form.sections:
        print(f"  {s.key}　{s.label}（{s.max}字以内）")
    for f in figures:
        print(f"  {f.key}　{f.metric.label}（{f.metric.unit or '无单位'}；{f.why}）")
    return 0


def _annual_check(args) -> int:
    from core.follow.annual_check import VERDICT_LABELS, check_registered

    with _open(args) as store:
        reg = _register(store)
        cluster = reg.cluster(args.id)
        reg.annual(args.id, args.year)  # refuses a year without a report
        result = check_registered(reg, cluster, args.year)
    if args.format == "json":
        _print_json(result.to_json())
        return 0
    print(f"{cluster.recognition.name} {args.year} 年度培育情况：{VERDICT_LABELS[result.verdict]}")
    if result.missing:
        print("  尚未填写：" + "、".join(result.missing))
    for c in result.criteria:
        print(f"  {c.indicator}　{c.title}：{c.outcome_label}")
        for line in c.gaps:
            print(f"      还差：{line}")
    for p in result.targets:
        print(f"  目标　{p.text}")
    return 0


def _annual_submit(args) -> int:
    with _open(args) as store:
        r = _register(store).submit_annual(args.id, args.year, args.date)
    print(f"已记录 {r.year} 年度培育情况于 {r.submitted_on} 报送。")
    return 0


def _annual_pdf(args) -> int:
    from core.follow.annual_check import check_registered
    from core.follow.printout import annual_pdf, write_pdf

    with _open(args) as store:
        reg = _register(store)
        cluster = reg.cluster(args.id)
        reg.annual(args.id, args.year)
        figures = reg.figure_fields(cluster)
        result = check_registered(reg, cluster, args.year, figures)
    data, warnings = annual_pdf(cluster, args.year, reg.annual_form, figures, result)
    path = write_pdf(data, args.output)
    for w in warnings:
        print(f"注意：{w}")
    print(f"已写出 {path}")
    return 0


def _event_add(args) -> int:
    with _open(args) as store:
        e = _register(store).add_event(args.id, args.kind, args.date, args.text, args.reported)
    print(f"已记录事件 #{e.id}：{e.kind_label}（{e.happened_on}）{'，已于 ' + e.reported_on + ' 报备' if e.reported_on else '，未报备'}")
    return 0


def _event_report(args) -> int:
    with _open(args) as store:
        e = _register(store).report_event(args.id, args.event, args.date)
    print(f"已记录事件 #{e.id} 于 {e.reported_on} 报备。")
    return 0


def _event_list(args) -> int:
    with _open(args) as store:
        events = _register(store).cluster(args.id).events
    if args.format == "json":
        _print_json([e.to_json() for e in events])
        return 0
    if not events:
        print("没有记录事件。")
    for e in events:
        rep = f"已于 {e.reported_on} 报备" if e.reported_on else "未报备"
        print(f"  #{e.id} {e.happened_on} {e.kind_label}：{e.description}（{rep}{'；构成撤销情形' if e.revokes else ''}）")
    return 0


def _review(args) -> int:
    from core.follow.printout import review_pdf, write_pdf
    from core.follow.review import review

    on = _day(args.on, "--on")
    with _open(args) as store:
        rv = review(_register(store), args.id, on)
    if args.output:
        data, warnings = review_pdf(rv)
        path = write_pdf(data, args.output)
        for w in warnings:
            print(f"注意：{w}")
    if args.format == "json":
        _print_json(rv.to_json())
    else:
        print(f"{rv.cluster.recognition.name} 复核（{on.isoformat()}）：{rv.verdict_label}")
        for r in rv.reasons:
            print(f"  {r}")
        if args.output:
            print(f"已写出 {path}")
    return 0


def _export(args) -> int:
    from core.follow.export import write_register

    with _open(args) as store:
        reg = _register(store)
        ids = [store.resolve_id(i) for i in args.ids] or None
        path = write_register(reg, args.output, ids)
    print(f"已导出认定后管理台账：{path}")
    return 0


def _annual_package(args) -> int:
    import sys

    from core.follow.package import export_annual_package
    from core.package.certificate import (
        ensure_identity,
        has_office_certificate,
        passphrase_from_env_or_prompt,
    )

    with _open(args) as store:
        reg = _register(store)
        cluster = reg.cluster(args.id)
        reg.annual(args.id, args.year)  # before asking for a passphrase
        values = cluster.doc["values"]
        office = args.office or str(values.get("recommendation.unit") or values.get("basic.authority") or "")
        creating = not has_office_certificate()
        if creating:
            print("首次导出：将创建本单位证书（请设置证书密码，至少 8 个字符，务必牢记）。", file=sys.stderr)
        identity, created = ensure_identity(passphrase_from_env_or_prompt(confirm=creating), office)
        if created:
            print(f"已创建本单位证书：{identity.info.office}，指纹 {identity.info.fingerprint_display}", file=sys.stderr)
        try:
            result = export_annual_package(reg, args.id, args.year, args.output, identity)
        finally:
            identity.close()
    a = result.manifest["annual"]
    print(f"已导出年度培育情况报送包：{result.path}（{a['cluster']} {a['year']} 年度，{len(result.manifest['members'])} 个文件）")
    print(f"报送包 SHA-256：{result.sha256}")
    print(f"签名单位：{identity.info.office}；证书指纹：{identity.info.fingerprint_display}")
    return 0


def _import(args) -> int:
    from core.follow.restore import import_register

    with _open(args) as store:
        result = import_register(_register(store), args.file)
    print(result.text())
    return 0
