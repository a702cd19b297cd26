"""Warnings about values that are possible but probably typed in the wrong unit (rule ids ``PLAUSIBLE.*``).

Each asks a question; none blocks anything. The triggers are data: ``plausibility:`` in the form
definition (resources/forms/SH-FORM.yaml), read by core/rules/plausibility.py.
"""

from core.messages.base import define

FRACTION_PERCENT = define(
    "PLAUSIBLE.fraction_percent", "{where}填报 {value}%，其他年份为 {others}，是否应为 {suggest}%？",
    "比例按百分数填写（50% 填 50，不填 0.5）；若确为该数值，可忽略此提醒。",
)
TOO_LARGE = define(
    "PLAUSIBLE.too_large", "{where}填报 {value}{unit}，是否应为 {suggest}{unit}（即 {value} {smaller}）？",
    "该栏目的单位是{unit}；若按{smaller}填了数字，请换算后填写。若确为该数值，可忽略此提醒。",
)
