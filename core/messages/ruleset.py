"""Messages about rule sets (``resources/rulesets/*.yaml``) and applying one to an application."""

from __future__ import annotations

from core.messages.base import define

UNKNOWN = define("RULESET.unknown", "未知的规则集“{ruleset}”（可用：{available}；运行 cluster-declare rules 查看）",
                 "检查规则集编号（如 SH-2023）；运行 cluster-declare rules 列出本程序带的规则集。")
INVALID = define("RULESET.invalid", "规则集文件 {origin} 有误：{problem}",
                 "规则集由程序随附；按提示修正该文件，或重新安装本程序。")

# The problems INVALID names (its {problem} field), each with its own code.
NOT_MAPPING = define("RULESET.not_mapping", "顶层应为映射", "规则集文件的顶层是 id、name、rules 等键。")
MISSING_KEY = define("RULESET.missing_key", "缺少 {key}", "补上该键（id、name、jurisdiction、campaign、form、rules）。")
UNKNOWN_RULE_KEYS = define("RULESET.unknown_rule_keys", "规则 {rule} 有未知的键：{keys}", "检查键名的拼写。")
DUPLICATE_RULE = define("RULESET.duplicate_rule", "规则编号 {rule} 重复", "每条规则的 id 只能用一次。")
MISSING_RULE_KEY = define("RULESET.missing_rule_key", "规则 {rule} 缺少 {key}",
                          "每条规则须有 indicator、kind、citation、check、message。")
BAD_KIND = define("RULESET.bad_kind", "规则 {rule} 的类别“{kind}”无效",
                  "kind 取 criterion、completeness、format 或 consistency。")
BAD_SEVERITY = define("RULESET.bad_severity", "规则 {rule} 的严重程度“{severity}”无效", "severity 取 error、warning 或 info。")
BAD_INDICATOR = define("RULESET.bad_indicator", "规则 {rule} 的指标应为 {allowed}",
                       "indicator 须是申报表定义中的指标编号（resources/forms/ 的 indicators 一节）。")
BAD_CRITICAL_MARGIN = define("RULESET.bad_critical_margin", "critical_margin 应为 0 到 1 之间的数（现为“{value}”）",
                             "critical_margin 是临界余量占阈值的比例，如 0.02 表示 2%。")
BAD_CHECK = define("RULESET.bad_check", "规则 {rule}：{detail}", "按提示修正该规则的 check（字段、比较符、阈值、度量）。")

# Applying a rule set.
WRONG_FORM = define("RULESET.wrong_form", "规则集 {ruleset} 适用于申报表 {form}，与本申报（{app_form}）不符",
                    "换用适用于本申报表的规则集（运行 cluster-declare rules 查看）。")
UNKNOWN_FUNCTION = define("RULESET.unknown_function", "申报表定义 {form} 的计算值 {derived} 使用了未知的计算方法 {function}",
                          "申报表定义与本程序版本不符；请更新本程序。")
UNKNOWN_FIELD = define("RULESET.unknown_field", "未知字段“{key}”", "检查字段键（见 docs/form.md）。")
