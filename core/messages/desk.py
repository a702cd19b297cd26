"""Messages of the review desk (core/desk, ``desk`` commands): intake refusals, review, ranking,
the outgoing package. Refusal texts name the file, so the register says which one and why."""

from core.messages.base import define

# --- intake: why a received file was set aside (不予受理) ----------------------------------------
TOO_LARGE = define(
    "DESK.too_large",
    "文件“{name}”大小 {size}，超过受理上限 {limit}，未读取。",
    help="本程序生成的报送包一般为几十 MB。确属申报材料的，请报送单位压缩佐证材料后重新报送，"
         "或用 desk intake --max-size 调高上限。",
)
UNREADABLE = define(
    "DESK.unreadable",
    "文件“{name}”无法读取：{reason}。",
    help="检查光盘或 U 盘是否完好、文件是否仍在拷贝中，拷贝完整后重新受理。",
)
UNKNOWN_KIND = define(
    "DESK.unknown_kind",
    "文件“{name}”不是可受理的申报材料（应为报送包 .zip、申报数据 .json 或申报表 Excel .xlsx）。",
    help="受理文件夹中只放报送包、申报数据 JSON 或本程序的 Excel 申报表；其他文件（说明、扫描件）请随纸质材料归档。",
)
DUPLICATE = define(
    "DESK.duplicate",
    "文件“{name}”与已受理的 {number}（{cluster}）完全相同（SHA-256 一致），不重复受理。",
    help="同一文件只受理一次。报送单位修改后重新报送的新文件会作为该集群的新版本受理。",
)
NOT_ZIP = define(
    "DESK.not_zip",
    "文件“{name}”不是完整的 zip 报送包（{reason}）：可能已损坏或尚未拷贝完整。",
    help="请报送单位重新拷贝或重新导出报送包；文件仍在拷贝时请等拷贝完成后再受理。",
)
TAMPERED = define(
    "DESK.tampered",
    "报送包“{name}”未通过校验：{problem}",
    help="报送包在导出后被改动、损坏或被他人重新签名。请与报送单位电话核实，请其重新导出报送。",
)
FOREIGN = define(
    "DESK.foreign",
    "文件“{name}”属于规则集 {found}（{what}），不是本批次 {rules} 的申报，不予受理。",
    help="检查受理时选择的批次（--rules）是否正确；其他地区或年度的申报请退回报送单位。",
)
BAD_JSON = define(
    "DESK.bad_json",
    "申报数据“{name}”不是有效的 JSON：{reason}。",
    help="申报数据文件应由集群申报助手保存或导出；请报送单位重新导出。",
)
BAD_DOCUMENT = define(
    "DESK.bad_document",
    "申报数据“{name}”不符合申报数据格式：{reason}",
    help="文件内容与申报数据格式（docs/application-format.md）不符；请报送单位用集群申报助手重新保存。",
)
BAD_EXCEL = define(
    "DESK.bad_excel",
    "Excel 申报表“{name}”无法受理：{reason}",
    help="请报送单位使用本批次的 Excel 模板（集群申报助手导出）重新填写；旧版模板不能受理。",
)
NO_APPLICATION = define(
    "DESK.no_application",
    "报送包“{name}”中没有申报数据 application.json。",
    help="只有集群申报助手导出的报送包可以受理。",
)
INNER_REFUSED = define(
    "DESK.inner_refused",
    "区级报送包“{name}”中的报送包“{inner}”未通过校验：{problem}",
    help="区级报送包中的每个申报报送包都须完好；请报送的区重新导出。",
)

# --- register ------------------------------------------------------------------------------------
UNKNOWN_SUBMISSION = define(
    "DESK.unknown_submission",
    "登记簿中没有受理编号“{ref}”。",
    help="用 desk list --rules 批次 查看受理编号。",
)
NOT_FOLDER = define(
    "DESK.not_folder",
    "受理文件夹“{path}”不存在或不是文件夹。",
    help="给出 U 盘、光盘或收件文件夹的路径。",
)
STATUS_NOT_ALLOWED = define(
    "DESK.status_not_allowed",
    "{number} 的状态不能从“{current}”改为“{target}”。",
    help="流程：已受理 → 初审中 → 需补正 / 初审通过 / 不予推荐 → 已推荐；需补正、不予推荐可回到初审中。",
)
REFUSED_ENTRY = define(
    "DESK.refused_entry",
    "{number} 是不予受理的登记（{reason}），不能初审或推荐。",
    help="不予受理的文件只作登记；报送单位重新报送后，新文件另行受理。",
)
UNKNOWN_TRUST = define(
    "DESK.unknown_trust",
    "登记簿中没有证书指纹或受理编号“{ref}”。",
    help="用 desk list 或 desk show 查看报送包的证书指纹（可只输入前若干位）。",
)

# --- review --------------------------------------------------------------------------------------
BAD_VERDICT = define(
    "DESK.bad_verdict",
    "初审结论“{verdict}”无效，应为 符合、不符合 或 需补正。",
    help="每项初审结论只能是符合、不符合或需补正。",
)
UNKNOWN_ITEM = define(
    "DESK.unknown_item",
    "规则集 {rules} 中没有初审项“{item}”。可用：{available}。",
    help="基本条件按规则编号（如 0.established），指标按序号 1–8；desk review 编号 --show 列出全部初审项。",
)
BAD_DATE = define(
    "DESK.bad_date",
    "{what}“{value}”不是有效日期，应写作 2023-05-12。",
    help="日期按 年-月-日 书写。",
)
DECISION_OPEN = define(
    "DESK.decision_open",
    "{number} 还有 {count} 项未作初审结论（{items}），不能判为初审通过。",
    help="先逐项记录初审结论（desk review 编号 --item … --verdict …），或用 --accept-program 采纳程序结论。",
)
DECISION_FAILS = define(
    "DESK.decision_fails",
    "{number} 有初审结论为“不符合”或“需补正”的项（{items}），不能判为初审通过。",
    help="改判这些项，或作出“需补正”“不予推荐”的决定。",
)
NO_CORRECTIONS = define(
    "DESK.no_corrections",
    "{number} 没有待补正事项，无法打印补正通知。",
    help="先用 desk review 编号 --request 事项 --due 日期 记录要补正的内容。",
)
SHORT_TEXT = define(
    "DESK.short_text",
    "{what}太短，请至少写 {min} 个字。",
    help="理由与结论会写入报送材料，请写明依据。",
)

# --- ranking and export ------------------------------------------------------------------------
NOT_PASSED = define(
    "DESK.not_passed",
    "{number}（{cluster}）的状态是“{status}”，只有初审通过的申报才能推荐。",
    help="先完成初审并判为初审通过，再排序推荐。",
)
NOT_LATEST = define(
    "DESK.not_latest",
    "{number} 不是该集群的最新版本（最新版本是 {latest}），请推荐最新版本。",
    help="同一集群重新报送后，以最新版本为准。",
)
REASONS_COUNT = define(
    "DESK.reasons_count",
    "推荐了 {count} 个申报，但给出了 {reasons} 条理由：每个名次都须写明理由。",
    help="按 --order 的顺序，为每个名次给一个 --reason。",
)
DUPLICATE_ORDER = define(
    "DESK.duplicate_order",
    "受理编号 {number} 在推荐顺序中出现了两次。",
    help="每个申报在推荐顺序中只出现一次。",
)
NOTHING_RECOMMENDED = define(
    "DESK.nothing_recommended",
    "批次 {rules} 还没有推荐的申报，无法生成推荐材料。",
    help="先用 desk rank --rules 批次 --order 编号,… --reason … 确定推荐顺序。",
)
NO_PACKAGE = define(
    "DESK.no_package",
    "{number}（{cluster}）是以{kind}受理的，没有带签名的报送包，不能放入报送包。",
    help="推荐上报的申报须有报送单位签名的报送包；请报送单位用集群申报助手导出报送包后重新报送。",
)
ARCHIVE_MISSING = define(
    "DESK.archive_missing",
    "{number} 的受理文件（SHA-256 {sha}）在存档文件夹“{folder}”中找不到或已被改动。",
    help="存档文件夹与登记簿须放在一起；从备份中恢复存档文件夹。",
)
WRITE_FAILED = define(
    "DESK.write_failed",
    "无法写入“{path}”：{reason}。",
    help="检查目标文件夹是否存在、是否可写、磁盘是否已满。",
)

# --- 实地核查 -----------------------------------------------------------------------------------
INSPECTION_PEOPLE = define(
    "DESK.inspection_people",
    "实地核查记录须写明核查人员（至少一人）。",
    help="用 --people 张三,李四 写明参加核查的人员。",
)
INSPECTION_ITEM = define(
    "DESK.inspection_item",
    "核查事项“{item}”的写法不对：应为 “核查内容=对照的佐证材料=核查结果”，例如 “产值=2022年统计报表=属实”。",
    help="每个 --item 由核查内容、对照的佐证材料和核查结果三部分组成，用等号分隔。",
)
ATTACHMENT_UNREADABLE = define(
    "DESK.attachment_unreadable",
    "核查附件“{name}”无法读取：{reason}。",
    help="附件应为现场照片或扫描件；检查文件是否存在、是否可读。",
)
ATTACHMENT_TOO_LARGE = define(
    "DESK.attachment_too_large",
    "核查附件“{name}”超过 {limit}，请压缩后再附。",
    help="照片或扫描件请控制在 50 MB 以内。",
)
NO_INSPECTION = define(
    "DESK.no_inspection",
    "{number} 还没有实地核查记录。",
    help="先用 desk inspect 编号 --date … --people … --item … 记录核查。",
)
QUOTA_EXCEEDED = define(
    "DESK.quota_exceeded",
    "推荐了 {count} 个申报，超过本批次可推荐的名额 {quota} 个。",
    help="名额由上级通知确定（desk rank --quota N 设置）。超出名额仍可保存排序，但上报前请核实。",
)
BAD_QUOTA = define(
    "DESK.bad_quota",
    "推荐名额“{value}”无效，应为正整数。",
    help="用 desk rank --rules 批次 --quota N 设置可推荐的名额。",
)

# --- deadlines (rule set ``deadlines:``) --------------------------------------------------------
BAD_DEADLINE = define(
    "DESK.bad_deadline",
    "deadlines 第 {n} 项有误：{problem}",
    help="每项写 key、label、date（年-月-日）和 citation（出处），例如推荐截止 2023-05-12。",
)
