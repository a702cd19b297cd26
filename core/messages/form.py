"""The form's own completeness and format findings (rule ids ``FORM.*``).

A message's code is the finding's rule id, with a last part naming the wording where one rule has
several (``FORM.required.years`` is reported as rule ``FORM.required``).
"""

from core.messages.base import define

REQUIRED = define("FORM.required", "必填项未填写（无相关情况时请填写“无”）", "请填写该栏目；没有相关情况时填写“无”。")
REQUIRED_YEARS = define(
    "FORM.required.years", "{years}未填写（无相关情况时请填写“无”）", "请填写所列年度；没有相关情况时填写“无”或 0。"
)
NUMBER = define("FORM.number", "{where}{error}", "请填写数字，可带申报表所示单位。")
YEAR_RANGE = define("FORM.range.year", "年份“{raw}”不合理", "请填写四位年份，如 2018。")
MINIMUM = define("FORM.range", "{where}不能小于{minimum}（填报为{value}）", "请核对填报的数值。")
SHARE = define("FORM.share_range", "{where}比例为{value}%，应在0–100%之间", "比例应在 0 到 100 之间，请核对。")
DECIMALS = define(
    "FORM.decimals", "{where}“{raw}”超过两位小数，按两位小数（{value}）判断", "申报表按两位小数判断，可保留两位小数填写。"
)
LENGTH = define("FORM.length", "超出{limit}字限制（现{count}字）", "请精简文字，使其不超过申报表规定的字数。")
NAMES_MISSING = define("FORM.names.missing", "填报了{count}个平台，但未填写平台名称", "请填写各平台的名称。")
NAMES_ZERO = define("FORM.names.zero", "数量为0，却填写了平台名称", "请填写平台数量，或删去平台名称。")
OTHER_CHOSEN = define("FORM.other_text.choice", "选择了“{option}”，请填写具体内容", "请在该选项后的横线处填写具体内容。")
OTHER_TICKED = define("FORM.other_text.checks", "勾选了“{option}”，请填写具体内容", "请在该选项后的横线处填写具体内容。")
EVIDENCE = define("FORM.evidence", "{what}需提供佐证材料，尚未添加", "请在“佐证材料”中为该项添加材料或对应清单。")
DERIVED = define(
    "FORM.derived", "填报 {stated}{unit}，按填报数据计算为 {computed}{unit}（{formula}）。请核对；判断时采用计算值。",
    "请核对填报值与其计算依据；判断时采用按填报数据计算的值。",
)  # reported as rule FORM.derived.<key>


def rule_of(code: str) -> str:
    """The finding's rule id for a message code: its first two parts."""
    return ".".join(code.split(".")[:2])
