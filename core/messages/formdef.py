"""Messages about a form definition (``resources/forms/*.yaml``) that cannot be used."""

from __future__ import annotations

from core.messages.base import define

UNREADABLE = define("FORMDEF.unreadable", "无法读取文件 {path}：{reason}",
                    "检查文件是否存在、是否有读取权限；安装包损坏时请重新安装本程序。")
NOT_YAML = define("FORMDEF.not_yaml", "文件 {path} 不是有效的 YAML：{reason}",
                  "按提示的行号修正文件的格式（缩进、冒号、引号）。")
UNKNOWN_FORM = define("FORMDEF.unknown_form", "未知的申报表定义“{form}”（可用：{available}）",
                      "检查申报数据或规则集中的申报表编号；可用的申报表在 resources/forms/ 中。")
INVALID = define("FORMDEF.invalid", "申报表定义 {origin} 有误：{problem}",
                 "申报表定义由程序随附；按提示修正该文件，或重新安装本程序。")

# The problems INVALID names (its {problem} field): one wording each, checked when the form loads.
BAD_TYPE = define("FORMDEF.bad_type", "字段 {key} 的类型“{type}”无效", "字段类型见 docs/form-definition.md。")
DUPLICATE_KEY = define("FORMDEF.duplicate_key", "字段键 {key} 重复", "每个字段键只能定义一次。")
BAD_SERIES = define("FORMDEF.bad_series", "字段 {key} 的逐年数据类型“{of}”无效", "of 取 number、percent 或 count。")
PERCENT_RANGE = define("FORMDEF.percent_range", "字段 {key} 须注明百分比范围 share 或 rate",
                       "占比用 share（0–100），增速用 rate（可为负）。")
NO_OPTIONS = define("FORMDEF.no_options", "字段 {key} 没有选项", "单选、多选字段须列出 options。")
UNKNOWN_REF = define("FORMDEF.unknown_ref", "栏目 {section} 引用了不存在的字段 {key}", "检查 ref 的字段键。")
UNKNOWN_DERIVED_INPUT = define("FORMDEF.unknown_derived_input", "计算值 {derived} 引用了不存在的字段 {key}",
                               "检查计算值的 inputs / stated。")
UNKNOWN_DERIVED = define("FORMDEF.unknown_derived", "字段 {key} 引用了不存在的计算值 {derived}",
                         "检查字段的 derived 与 derived 一节的键。")
UNKNOWN_LIST = define("FORMDEF.unknown_list", "字段 {key} 引用了不存在的清单 {list}", "检查字段的 list 与 lists 一节。")
UNKNOWN_INDICATOR = define("FORMDEF.unknown_indicator", "{where} 引用了未定义的指标 {indicator}",
                           "指标须在 indicators 一节中定义（编号、名称、页面短标题）。")
DUPLICATE_INDICATOR = define("FORMDEF.duplicate_indicator", "指标 {indicator} 重复定义", "每个指标编号只能定义一次。")
BAD_INDICATOR = define("FORMDEF.bad_indicator", "指标定义 {entry} 须有整数编号 number 和名称 name",
                       "例如 {number: 9, numeral: 九, name: …, short: …}。")
UNKNOWN_SECTION = define("FORMDEF.unknown_section", "页面 {page} 引用了不存在的栏目 {section}",
                         "pages 中的 sections 须是 sections 一节中栏目的 id。")
DUPLICATE_PAGE = define("FORMDEF.duplicate_page", "页面 {page} 重复定义", "每个页面 id 只能出现一次。")
BAD_PAGE = define("FORMDEF.bad_page", "页面 {page} 有误：{detail}",
                  "页面须有 id 与标题（指标页可取指标的短标题），kind 为 fields 或 assessment。")
UNPLACED_FIELD = define("FORMDEF.unplaced_field", "字段 {key} 不在任何页面上（栏目 {section}，指标 {indicator}）",
                        "为该栏目或该指标加一个页面，或把字段归入已有页面的指标。")
BAD_CHECK_TYPE = define("FORMDEF.bad_check_type", "申报表定义 {form} 的检查 {check} 类型无效",
                        "checks 一节中每项检查的 type 须为程序支持的检查类型（见 docs/form-definition.md）。")
CHECK_UNKNOWN_FIELD = define("FORMDEF.check_unknown_field", "申报表定义 {form} 的检查 {check} 引用了不存在的字段 {key}",
                             "检查 checks 一节中 left / right / fields 的字段键。")
BAD_HINT = define("FORMDEF.bad_hint", "地区提示 hints.{jurisdiction}.{key} 有误：{detail}",
                  "hints 按地区代码列出字段的 hint / note（文字，或 null 表示不显示），字段键须存在。")
BAD_FILLING = define("FORMDEF.bad_filling", "字段 {key} 的填报说明编号 {number} 不存在",
                     "filling 列出填报说明（filling_notes）的序号，从 1 开始。")
BAD_NEEDS = define("FORMDEF.bad_needs", "页面 {page} 的 needs 引用了不在该页面栏目中的字段 {key}",
                   "needs 列出该页面上须填写后才算完成的字段键。")
UNKNOWN_OWNER = define("FORMDEF.unknown_owner", "字段 {key} 的 owner 引用了不存在的字段 {owner}",
                       "owner 为该字段所属的字段键（例如联系人所属的申报单位）。")
