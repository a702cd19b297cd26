"""Messages about application documents: JSON files, their envelope and the shape of each value."""

from core.messages.base import define

NOT_OBJECT = define("APP.not_object", "{origin}：顶层应为 JSON 对象", "所选文件不是申报数据，请选择由本程序导出的 JSON 文件。")
WRONG_FORMAT = define(
    "APP.wrong_format", "{origin}：不是集群申报数据文件（format 应为 “{format}”）",
    "所选文件不是申报数据，请选择由本程序导出的 JSON 文件。",
)
NEWER_VERSION = define(
    "APP.newer_version", "{origin}：数据格式版本 {version} 比本程序支持的版本 {supported} 新，请升级程序",
    "该文件由较新版本的程序写出，请安装最新版本后再打开。",
)
NEWER_FORM = define(
    "APP.newer_form", "{origin}：申报表 {form} 的版本 {version} 比本程序所知的版本 {known} 新，请升级程序",
    "该文件按较新的申报表写出，本程序无法正确解读其中的栏目；请安装最新版本后再打开。",
)
DOC_TOO_DEEP = define(
    "APP.too_deep", "{origin}：位置 {where} 的嵌套超过 {limit} 层，不是本程序写出的申报数据",
    "申报数据的嵌套不会超过几层；文件已损坏或被改动，请重新从程序导出。",
)
UNKNOWN_LIST = define(
    "APP.list.unknown", "{origin}：未知清单“{name}”（本申报表的清单：{available}）",
    "文件可能来自其他申报表版本，或清单名称写错；请改正或删除该清单。",
)
LIST_COLUMN = define(
    "APP.list.column", "{origin}：清单“{label}”第 {row} 行有未知的列“{key}”（可用的列：{columns}）",
    "请删除该列或改为正确的列名。",
)
LIST_CELL = define(
    "APP.list.cell", "{origin}：清单“{label}”第 {row} 行“{header}”（{key}）的取值 {value} 无效，应为{expected}",
    "请按清单各列的格式填写，或重新从 Excel 导入该清单。",
)
SCHEMA = define(
    "APP.schema", "{origin}：位置 {where} 的内容不符合格式：{problem}",
    "文件内容被手工改动过或已损坏，请改正所指位置，或重新从程序导出。",
)
UNKNOWN_FIELD = define(
    "APP.unknown_field", "{origin}：未知字段“{key}”（申报表 {form} 中没有此栏目）",
    "文件可能来自其他申报表版本，请删除该字段或使用对应版本的程序。",
)
UNKNOWN_KEY = define(
    "APP.unknown_key", "未知字段“{key}”（申报表 {form} 中没有此栏目）", "该栏目不在本申请的申报表中，请检查字段键是否写错。"
)
BAD_TYPE = define("APP.value.type", "{where}的取值类型错误：{value}", "请按该栏目的格式填写（文字、数字或选项）。")
BAD_PART = define(
    "APP.value.part", "{where}中“{part}”的取值类型错误：{value}",
    "请按该栏目的格式填写：数量、年份数据填数字或文字，名称填文字。",
)
BAD_YESNO = define("APP.value.yesno", "{where}应为 {allowed}，而不是 {value}", "请选择“是”或“否”（或“不适用”）。")
NO_OPTION = define("APP.value.option", "{where}没有选项“{option}”", "请从申报表列出的选项中选择。")
NO_OPTION_TEXT = define("APP.value.option_text", "{where}的选项“{option}”不能填写文字", "只有“其他”等带横线的选项可以填写文字。")
BAD_YEAR = define(
    "APP.value.year", "{where}：年份 {year} 不属于本次申报的近三年（{first}–{last}年）",
    "请只填写本次申报的三个年度。",
)
BAD_LEVELS = define("APP.value.levels", "{where}：{year}年的标准类别应为 {levels}", "标准类别只能是国际、国家、行业、团体。")
BAD_ROLES = define("APP.value.roles", "{where}：{year}年应填写 lead（主持）/participate（参与）数量", "请分别填写主持与参与的数量。")
FIXED = define("APP.value.fixed", "{where}是固定文字，不能填写", "该栏目是申报表的固定文字，无需填写。")
NOT_FOUND = define("APP.file.not_found", "找不到文件 {path}", "请检查文件位置是否正确、文件是否已被移动。")
NOT_UTF8 = define("APP.file.encoding", "文件 {path} 不是 UTF-8 编码的 JSON 文本", "请选择由本程序导出的 JSON 文件。")
UNREADABLE = define("APP.file.read", "无法读取文件 {path}：{reason}", "请检查文件权限，或把文件复制到本机后重试。")
BAD_JSON = define(
    "APP.file.json", "文件 {path} 不是有效的 JSON：第 {line} 行第 {column} 列，{reason}",
    "文件已损坏或被手工改错，请改正所指位置，或重新从程序导出。",
)
TOO_DEEP = define(
    "APP.file.too_deep", "文件 {path} 的 JSON 嵌套层次过深，不是本程序导出的申报数据",
    "请选择由本程序导出的 JSON 文件；申报数据的嵌套不会超过几层。",
)
UNWRITABLE = define("APP.file.write", "无法写入文件 {path}：{reason}", "请检查目标文件夹是否可写、磁盘是否已满。")
EVIDENCE_TARGET = define(
    "APP.evidence.target", "{origin}：佐证材料“{name}”对应的栏目“{target}”不在申报表中",
    "佐证材料应对应一个字段（字段键）、一个勾选项（字段键:选项键）或一个清单（list:清单名）；请改正或删除该材料。",
)
