"""Why a typed number cannot be read (core/numbers.py); shown inside FORM.number and XLSX.cell.number."""

from core.messages.base import define

_TYPE_DIGITS = "请只填写数字，可带本栏的单位（如 万元、亿元、%、个）。"

YESNO = define("NUMBER.yesno", "应为数字，而不是是/否", _TYPE_DIGITS)
INVALID = define("NUMBER.invalid", "不是有效的数字", _TYPE_DIGITS)
NOT_NUMBER = define("NUMBER.type", "应为数字", _TYPE_DIGITS)
UNREADABLE = define("NUMBER.unreadable", "无法识别的数字“{raw}”", _TYPE_DIGITS)
PER_MILLE = define("NUMBER.per_mille", "请以百分比（%）填写，而不是千分比", "请把千分比换算为百分比（‰ 除以 10）。")
NOT_PERCENT = define("NUMBER.not_percent", "此栏不是百分比，请去掉“%”", "请去掉“%”，按本栏单位填写。")
WRONG_UNIT = define("NUMBER.unit", "单位“{unit}”与本栏单位（{expected}）不符", "请换算为本栏的单位后填写。")
NOT_WHOLE = define("NUMBER.whole", "应为整数，填报为“{raw}”", "数量和年份只能是整数。")
NEGATIVE = define("NUMBER.negative", "不能为负数，填报为“{raw}”", "数量和年份不能为负数。")
TOO_LARGE = define("NUMBER.too_large", "数值过大（“{raw}”），超出申报表可填写的范围",
                   "检查是否多输入了位数或单位有误（例如把元填成了万元）。")
