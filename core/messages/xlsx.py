"""Messages about Excel workbooks: files, sheets and the cells of the form and list workbooks."""

from core.messages.base import define

_FIX_CELL = "请按提示改正该单元格后重新导入。"

NOT_AN_OPTION = define("XLSX.cell.option", "{at}“{value}”不是可选项（可选：{options}）", "请从下拉列表中选择一项。")
NOT_A_FLAG = define("XLSX.cell.flag", "{at}应填写{what}，实为“{value}”", "请填写“是”或“否”（也可用 √ 与 ×）。")
DATE_NOT_NUMBER = define("XLSX.cell.date", "{at}是日期或时间（{value}），此栏应填写数字",
                         "Excel 把该格当成了日期：请把单元格格式改为“常规”或“数值”后重新填写。")
BOOL_NOT_NUMBER = define("XLSX.cell.logical", "{at}是逻辑值（{value}），此栏应填写数字", "请在该格填写数字。")
BAD_NUMBER = define("XLSX.cell.number", "{at}：{error}", _FIX_CELL)
MERGED = define("XLSX.cell.merged", "{at}位于合并单元格 {range} 中，请取消合并后再导入", "请在 Excel 中取消该处的合并单元格。")
FORMULA_NO_RESULT = define(
    "XLSX.cell.formula", "{at}是公式“{formula}”，但没有保存计算结果；请在 Excel 中打开并保存，或改为直接填写数值",
    "公式的结果未保存：用 Excel 打开工作簿并保存一次，或直接填写数值。",
)
LABEL_MOVED = define(
    "XLSX.sheet.label", "{at}应为“{want}”，实为“{got}”：工作表的行被插入、删除或移动，无法对应到申报表栏目，未做任何修改。"
    "请使用未改动结构的模板。", "请重新导出模板，在不增删行列的情况下填写。",
)
MISSING_SHEET = define("XLSX.sheet.missing", "工作簿“{name}”缺少工作表「{sheet}」，无法导入。", "请使用本程序导出的完整模板。")
CANNOT_IMPORT = define(
    "XLSX.form.refused", "工作簿“{name}”有 {count} 处无法导入，未做任何修改：\n{shown}{more}",
    "请按所列位置逐一改正后重新导入；在改正之前，申请中的数据保持不变。",
)
UNREADABLE = define(
    "XLSX.file.damaged", "无法读取工作簿“{name}”：文件已损坏或不是标准的 Excel 工作簿（{reason}）。",
    "请在 Excel 中打开并另存为“Excel 工作簿（*.xlsx）”后重试。",
)
UNPARSABLE = define(
    "XLSX.file.unparsable", "无法读取工作簿“{name}”：文件内容无法解析（{reason}）。",
    "请在 Excel 中打开并另存为“Excel 工作簿（*.xlsx）”后重试。",
)
OTHER_FORM = define(
    "XLSX.form.other_form", "工作簿“{name}”是申报表 {form} 的模板，与本申请使用的申报表 {app_form} 不符，拒绝导入。",
    "请为本申请重新导出模板。",
)
OTHER_CAMPAIGN = define(
    "XLSX.form.other_campaign",
    "工作簿“{name}”属于 {campaign} 年度申报（规则集 {rules}），与本申请的 {app_campaign} 年度申报（规则集 {app_rules}）不符，"
    "年份栏目无法对应，拒绝导入。请为本申请重新导出模板。", "请为本申请重新导出模板。",
)
UNKNOWN_FORM = define("XLSX.form.unknown_form", "工作簿“{name}”使用的申报表 {form} 本程序没有：{reason}",
                      "该工作簿来自其他版本的程序，请使用对应版本，或重新导出模板。")
OTHER_VERSION = define(
    "XLSX.form.other_version",
    "工作簿“{name}”按申报表 {form} 第 {version} 版生成，本程序为第 {own} 版，栏目可能不同，请重新导出模板。",
    "请用本程序重新导出模板后填写。",
)
LAYOUT_MISMATCH = define(
    "XLSX.form.layout",
    "工作簿“{name}”的栏目对照表与本程序的申报表定义不一致（可能由其他版本的程序生成），请重新导出模板。",
    "请用本程序重新导出模板后填写。",
)
UNWRITABLE = define("XLSX.file.write", "无法写入文件 {path}：{reason}", "请关闭在 Excel 中打开的同名文件，或换一个保存位置。")

# -- the file itself (core/xlsx/safety.py) ----------------------------------------------------------
_SAVE_AS = "请在 Excel 中打开该文件，“另存为”Excel 工作簿（*.xlsx）后再导入。"
NOT_FOUND = define("XLSX.file.not_found", "找不到文件 {path}", "请检查文件位置是否正确、文件是否已被移动。")
UNREADABLE_FILE = define("XLSX.file.read", "无法读取文件 {path}：{reason}", "请检查文件权限，或把文件复制到本机后重试。")
ENCRYPTED = define(
    "XLSX.file.encrypted",
    "文件“{name}”是加密（设有打开密码）的工作簿，无法读取。请在 Excel 或 WPS 中取消打开密码并保存后再导入。",
    "在 Excel 或 WPS 中打开文件，在“文件 → 信息 → 保护工作簿”（WPS：“文件 → 文档加密”）中删除打开密码后保存。",
)
MACROS = define(
    "XLSX.file.macros",
    "文件“{name}”含有宏（VBA 或 Basic 代码），为安全起见拒绝导入。请另存为不含宏的 Excel 工作簿（*.xlsx）后再导入。",
    "在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx），宏会被去掉，数据保持不变。",
)
TOO_BIG = define("XLSX.file.too_big", "文件“{name}”大小为 {size}，超过 {limit} 的上限，拒绝导入。",
                 "请删除工作簿中的图片和多余的工作表后重试。")
NOT_XLSX = define(
    "XLSX.file.not_xlsx",
    "文件“{name}”不是 Excel 工作簿或其他电子表格{what}。可以导入 Excel（.xlsx、.xlsm、.xls、.xlsb）、WPS 表格（.et）"
    "和 OpenDocument（.ods）文件。", _SAVE_AS,
)
NOT_XLS = define("XLSX.file.ole_not_xls", "文件“{name}”是 Office 97–2003 格式的文件，但不是 Excel 工作簿（可能是 Word 或 "
                 "PowerPoint 文件）。", _SAVE_AS)
DAMAGED_OLE = define("XLSX.file.ole", "文件“{name}”已损坏，或不是 Excel 97–2003 工作簿（.xls）：{reason}。", _SAVE_AS)
WORD_FILE = define(
    "XLSX.file.word",
    "文件“{name}”是 Word 文档。Word 文件只用于打印和最后修改，不作为数据读入；请导入申请 JSON 文件、Excel 工作簿或申报包。",
    "数据请通过申请 JSON 文件、本程序导出的 Excel 工作簿或申报包导入。",
)
CSV_ENCODING = define("XLSX.csv.encoding", "文件“{name}”既不是 UTF-8 也不是 GBK 编码的文本，无法读取。",
                      "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”，或直接另存为 Excel 工作簿（*.xlsx）。")
CSV_FORM = define("XLSX.csv.form", "文件“{name}”是 CSV 文本文件：CSV 只能用于导入清单，申报表请使用本程序导出的 Excel 工作簿。",
                  "请使用本程序“导出 Excel”生成的工作簿填写申报表。")
DAMAGED_ZIP = define("XLSX.file.zip", "文件“{name}”已损坏，或不是 Excel 工作簿（.xlsx）或 OpenDocument 表格（.ods）。", _SAVE_AS)
ZIP_NOT_XLSX = define("XLSX.file.zip_not_xlsx", "文件“{name}”是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）或 OpenDocument 表格（.ods）。",
                      _SAVE_AS)
TOO_MANY_PARTS = define("XLSX.file.parts", "文件“{name}”包含 {count} 个部件，超出安全上限，拒绝读取。", _SAVE_AS)
BOMB_PART = define(
    "XLSX.file.bomb",
    "文件“{name}”中的部件“{part}”解压后达 {size}（压缩比 1:{ratio}），超出安全上限，拒绝读取（可能是恶意构造的“压缩炸弹”）。",
    "该文件可能被恶意构造，请向发送方核实，或用 Excel 重新另存后再导入。",
)
TOO_BIG_UNPACKED = define("XLSX.file.unpacked", "文件“{name}”解压后共 {size}，超出 {limit} 的安全上限，拒绝读取。",
                          "请删除工作簿中的图片和多余的工作表后重试。")

# -- the hidden map sheet (core/xlsx/meta.py) -------------------------------------------------------
_REEXPORT = "请使用本程序“导出 Excel”或 xlsx-template 生成的工作簿填写后再导入。"
NO_META = define(
    "XLSX.meta.missing",
    "工作簿“{name}”不是由本程序生成的申报表（缺少隐藏的数据对照表）。请使用本程序“导出 Excel”或 xlsx-template 生成的工作簿填写后再导入。",
    _REEXPORT,
)
META_DAMAGED = define("XLSX.meta.damaged", "工作簿“{name}”的数据对照表已损坏，或不是由本程序生成。", _REEXPORT)
META_NUMBERS = define("XLSX.meta.numbers", "工作簿“{name}”的数据对照表已损坏（版本或年度无效）。", _REEXPORT)
META_NEWER = define("XLSX.meta.newer", "工作簿“{name}”由较新版本的程序生成（格式 {version}），请升级本程序后再导入。",
                    "请安装最新版本的程序后再导入。")
META_ROW = define("XLSX.meta.row", "工作簿“{name}”的数据对照表第 {row} 行已损坏。", _REEXPORT)

# -- list workbooks (core/xlsx/list_import.py) ------------------------------------------------------
_LIST_TEMPLATE = "请使用本程序生成的清单模板（“导出清单模板”），按表头逐行填写。"
UNKNOWN_LIST = define("XLSX.list.unknown", "未知清单“{name}”，可用的清单：{available}", "请从列出的清单中选择一个。")
NO_SUCH_SHEET = define("XLSX.list.sheet", "工作簿“{name}”中没有工作表「{sheet}」（现有：{sheets}）", "请选择工作簿中已有的工作表。")
NO_SHEET = define("XLSX.list.no_sheet", "工作簿“{name}”中没有可读取的工作表", _LIST_TEMPLATE)
NO_HEADER = define("XLSX.list.header", "工作簿“{name}”的「{sheet}」前 {rows} 行中找不到{label}的表头。表头应包括：{headers}", _LIST_TEMPLATE)
DOUBLE_COLUMN = define("XLSX.list.double_column", "工作簿“{name}”的「{sheet}」第 {row} 行 {first} 列和 {second} 列都是“{header}”，请只保留一列",
                       "请删除重复的列。")
MISSING_COLUMNS = define(
    "XLSX.list.missing_columns",
    "工作簿“{name}”的「{sheet}」第 {row} 行（表头）缺少“{missing}”列。已识别：{got}。请使用本程序生成的清单模板，或把表头改为：{headers}",
    _LIST_TEMPLATE,
)
LIST_REFUSED = define("XLSX.list.refused", "工作簿“{name}”的「{sheet}」有 {count}{plus} 处无法导入，未做任何修改：\n{shown}{more}",
                      "请按所列位置逐一改正后重新导入；在改正之前，清单保持不变。")
LIST_MERGED = define("XLSX.list.merged",
                     "「{sheet}」{range} 是合并单元格（第 {row} 行 {col} 列起），清单中不能合并单元格，请取消合并并逐行填写",
                     "请在 Excel 中取消合并，并在每一行分别填写。")
TOO_MANY_SCANNED = define("XLSX.list.scanned", "工作簿“{name}”的「{sheet}」超过 {limit} 行（含空行），拒绝导入；请删除多余的空行后再试",
                          "请删除表格下方多余的空行后再试。")
CANCELLED = define("XLSX.list.cancelled", "已取消导入，未做任何修改。", "需要时可重新导入。")
TOO_MANY_ROWS = define("XLSX.list.rows", "工作簿“{name}”的「{sheet}」数据超过 {limit} 行的上限，拒绝导入；请检查是否选错了工作表", "请检查是否选错了工作表。")
NO_ROWS = define("XLSX.list.empty", "工作簿“{name}”的「{sheet}」第 {row} 行表头下没有任何数据", "请在表头下逐行填写后再导入。")
EMPTY_TITLE = define("XLSX.cell.title", "{at}：{header}不能为空（该行其他列有内容）", "请填写该行的名称，或删除该行。")
CODE_AS_NUMBER = define(
    "XLSX.cell.code_number", "{at}：统一社会信用代码被存成了数字，可能已丢失末几位；请把该列设为“文本”格式后重新填写",
    "Excel 会把长数字截断：把该列设为“文本”格式后重新填写代码。",
)
MONEY_UNIT = define("XLSX.list.money_unit", "「{sheet}」表头“{header}”的单位“{unit}”无法识别，应为万元", "请把表头的单位改为“万元”。")
BAD_MARK = define("XLSX.cell.mark", "{at}：“{value}”无法识别，{header}一栏请填写“是”或“否”", "请填写“是”或“否”。")
BAD_YEAR = define("XLSX.cell.year", "{at}：年份“{value}”不合理", "请填写四位年份，如 2018。")
BAD_WORD = define("XLSX.cell.word", "{at}：“{value}”无法识别，{header}应为{words}之一", "请从所列的词中选择一个填写。")
