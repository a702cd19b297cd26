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
