"""Messages of the follow-up after recognition (core/follow: 认定, 发展目标, 年度培育情况, 复核, 提醒)."""

from core.messages.base import define

BAD_DATE = define(
    "FOLLOW.bad_date",
    "{what}“{value}”不是有效日期，请写作 YYYY-MM-DD，例如 2023-11-20。",
    help="日期一律写作 年-月-日 四位年份，例如 2024-04-10。",
)
NO_FOLLOW_UP = define(
    "FOLLOW.no_follow_up",
    "规则集 {ruleset} 没有认定后管理的规定（follow_up），无法计算有效期和年度报送日期。",
    help="规则集文件中的 follow_up 部分写明有效期、年度培育情况报送日期和复核，各带出处（见 docs/follow-up.md）。",
)
BAD_FOLLOW_UP = define(
    "FOLLOW.bad_follow_up",
    "规则集文件 {origin} 的认定后管理规定（follow_up）有误：{problem}",
    help="按 docs/follow-up.md 修正规则集文件中的 follow_up 部分。",
)
NO_LIST = define(
    "FOLLOW.no_list",
    "请填写认定名单的名称（例如：上海市2023年市级中小企业特色产业集群名单）。",
    help="认定记录须写明集群出现在哪一份公布的名单上。",
)
ALREADY_RECOGNIZED = define(
    "FOLLOW.already_recognized",
    "“{name}”已于 {date} 记录为已认定（{list}），不能重复认定。",
    help="认定只记录一次；认定信息有误时请在修改记录中核对，必要时从备份恢复。",
)
NOT_RECOGNIZED = define(
    "FOLLOW.not_recognized",
    "“{name}”尚未记录为已认定，请先记录认定（命令 recognize ID --date 日期 --list 名单）。",
    help="发展目标确认、年度培育情况、重大变动和复核都属于已认定的集群。",
)
DATE_BEFORE_CAMPAIGN = define(
    "FOLLOW.date_before_campaign",
    "认定日期 {date} 早于申报年度 {campaign} 年，请核对。",
    help="认定在申报之后；请填写名单公布的日期。",
)
ANNUAL_EXISTS = define(
    "FOLLOW.annual_exists",
    "“{name}”的 {year} 年度培育情况已经建立（{state}），同一年度不能再建一份。",
    help="打开已有的年度报告修改（annual set ID --year 年度 …），不要新建。",
)
ANNUAL_YEAR = define(
    "FOLLOW.annual_year",
    "{year} 年不在“{name}”有效期内应报送的年度（{years}）之中。",
    help="年度培育情况报告的是认定当年起、有效期内每一年的工作；报告年度为报告的那一年，而不是报送的那一年。",
)
NO_ANNUAL = define(
    "FOLLOW.no_annual",
    "“{name}”还没有 {year} 年度培育情况，请先新建（annual new ID --year {year}）。",
    help="先新建该年度的报告，再填写、检查或打印。",
)
ANNUAL_UNKNOWN_FIELD = define(
    "FOLLOW.annual_unknown_field",
    "年度培育情况中没有“{key}”这一项。可填的项：{known}",
    help="年度培育情况的栏目由 resources/forms/ANNUAL-FORM.yaml 和该集群的发展目标、认定标准决定。",
)
ANNUAL_BAD_VALUE = define(
    "FOLLOW.annual_bad_value",
    "{year} 年度培育情况“{label}”：{reason}",
    help="按栏目的单位填写数字（例如 亿元、%、家），不要带其他单位。",
)
ANNUAL_TOO_LONG = define(
    "FOLLOW.annual_too_long",
    "{year} 年度培育情况“{label}”有 {length} 个字，超过 {max} 字的限制。",
    help="精简文字，控制在栏目的字数限制之内。",
)
ANNUAL_SUBMITTED = define(
    "FOLLOW.annual_submitted",
    "“{name}”的 {year} 年度培育情况已于 {date} 报送，不能再修改。",
    help="已报送的年度报告保持报送时的内容。",
)
BAD_ANNUAL_FORM = define(
    "FOLLOW.bad_annual_form",
    "年度培育情况表定义 {origin} 有误：{problem}",
    help="修正 resources/forms/ANNUAL-FORM.yaml（见 docs/follow-up.md）。",
)
TARGET_NO_YEAR = define(
    "FOLLOW.target_no_year",
    "发展目标“{label}”没有目标年份，无法考核，请补上年份后再确认。",
    help="填报说明28要求发展目标可考核并有分年度目标：每个目标都要有年份。",
)
TARGET_YEAR_OUTSIDE = define(
    "FOLLOW.target_year_outside",
    "发展目标“{label}”的目标年份 {year} 年不在有效期内（{first}–{last} 年），复核时无法考核。",
    help="复核考核的是有效期内三年的发展规划目标；目标年份应在有效期内有年度培育情况的年份之中。",
)
TARGET_NO_UNIT = define(
    "FOLLOW.target_no_unit",
    "自定义指标“{label}”没有单位，请填写单位（例如 亿元、家、%）。",
    help="自定义的考核指标须写明名称和单位。",
)
TARGET_UNIT = define(
    "FOLLOW.target_unit",
    "发展目标“{label}”的单位“{unit}”与申报表该项的单位“{expected}”不一致，请核对目标值。",
    help="建议的目标值按申报表该项的单位记录；单位不同时请改正目标值再确认。",
)
TARGET_VALUE = define(
    "FOLLOW.target_value",
    "发展目标“{label}”的目标值“{value}”无效：{reason}",
    help="目标值填数字，单位与该指标相同。",
)
TARGET_BELOW_BASELINE = define(
    "FOLLOW.target_below_baseline",
    "发展目标“{label}”的目标值 {target} 低于申报时的基数（{year} 年为 {baseline}），请核对。",
    help="目标低于申报时的水平，通常是笔误或单位错误；确属如此请在确认时知悉。",
)
TARGET_ABOVE_BASELINE = define(
    "FOLLOW.target_above_baseline",
    "发展目标“{label}”越低越好，但目标值 {target} 高于申报时的基数（{year} 年为 {baseline}），请核对。",
    help="下降类目标（如单位产值二氧化碳排放量）的目标值应低于基数。",
)
TARGET_BELOW_THRESHOLD = define(
    "FOLLOW.target_below_threshold",
    "发展目标“{label}”的目标值 {target} 达不到认定标准（{threshold}{unit}，{citation}），复核时该项可能不符合。",
    help="复核按认定标准重新检查；目标至少应达到认定标准。",
)
UNKNOWN_TARGET = define(
    "FOLLOW.unknown_target",
    "没有编号为 {id} 的发展目标（“{name}”）。",
    help="用 targets list ID 查看发展目标及其编号。",
)
UNKNOWN_METRIC = define(
    "FOLLOW.unknown_metric",
    "“{metric}”不是申报表中的数值项。请用申报表的字段（如 industry.output_total），或 custom:名称 并写明 --unit。",
    help="targets list 和 docs/follow-up.md 列出可用的指标；其他指标用自定义指标并写明单位。",
)
TARGET_ERRORS = define(
    "FOLLOW.target_errors",
    "发展目标“{label}”不能确认：{problems}",
    help="先改正目标（补上年份、单位或目标值），再确认。",
)
BAD_EVENT_KIND = define(
    "FOLLOW.bad_event_kind",
    "事件类型“{kind}”无效，可选：{kinds}",
    help="重大变动分为主导产业、空间范围、运营管理机构变更；另有事故、违法违规和其他事件。",
)
NO_EVENT_TEXT = define(
    "FOLLOW.no_event_text",
    "请写明事件的内容（例如：运营管理机构由某某中心变更为某某公司）。",
    help="记录的事件要说明发生了什么。",
)
EVENT_REPORTED_BEFORE = define(
    "FOLLOW.event_reported_before",
    "报备日期 {reported} 早于事件日期 {happened}，请核对。",
    help="报备在变动发生之后。",
)
UNKNOWN_EVENT = define(
    "FOLLOW.unknown_event",
    "没有编号为 {id} 的事件（“{name}”）。",
    help="用 event list ID 查看事件及其编号。",
)
EXPORT_WRITE = define(
    "FOLLOW.export_write",
    "无法写入 {path}：{reason}",
    help="换一个可写的文件夹，或关闭正在使用该文件的程序（如 WPS、Excel）。",
)
EXPORT_FORMAT = define(
    "FOLLOW.export_format",
    "无法识别输出文件 {path} 的类型，请用 .json 或 .xlsx 结尾。",
    help="认定后管理台账可导出为 JSON（完整数据）或 Excel。",
)
IMPORT_READ = define(
    "FOLLOW.import_read",
    "无法读取台账文件 {path}：{reason}",
    help="请选择 follow-export 导出的 .json 文件，并确认它没有被其他程序占用。",
)
IMPORT_FOREIGN = define(
    "FOLLOW.import_foreign",
    "文件 {path} 不是本程序可导入的认定后管理台账（需要 {format} 第 {version} 版，文件中为 {found}），未导入任何内容。",
    help="只能导入本程序 follow-export 导出的 JSON；较新版本程序导出的台账请用同一版本或更新的程序导入。",
)
IMPORT_BAD = define(
    "FOLLOW.import_bad",
    "台账文件 {path} 中{where}有误：{problem}。未导入任何内容。",
    help="台账文件应为 follow-export 导出后未经改动的 JSON；请重新导出。",
)
IMPORT_NO_APP = define(
    "FOLLOW.import_no_app",
    "台账文件 {path} 中的集群“{cluster}”（申请 {app_id}）在本数据库中没有对应的申请，未导入任何内容。",
    help="台账只记录认定后的管理，申请本身须先导入（import 申请 JSON，或从备份恢复数据库）。",
)
IMPORT_CONFLICT = define(
    "FOLLOW.import_conflict",
    "台账文件 {path} 与本数据库不一致：“{cluster}”的{what}已有不同的记录（{detail}），未导入任何内容。",
    help="同一记录只能导入一次；数据库中已改过的记录不会被文件覆盖。请核对后删除其中一方的记录再导入。",
)
