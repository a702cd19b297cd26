"""The columns of each list (清单) behind the form's totals: row keys, official headers, aliases.

Rows are stored in ``Application.lists[name]`` as plain JSON dicts with exactly these keys (see
docs/excel.md). Column types: text, code (统一社会信用代码), int, money (万元), mark (是/否),
date (ISO text), year, level / role / platform_level (fixed vocabularies stored as keys).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the header our templates write
    type: str
    aliases: tuple[str, ...] = ()
    required: bool = False  # the header must be present
    width: int = 14


@dataclass(frozen=True)
class ListDef:
    name: str
    columns: tuple[Column, ...]
    unique: str | None = None  # a key that should not repeat (duplicates are flagged)
    title_key: str = "name"  # the column that names a row in messages

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


MARKS = (
    Column("sme", "中小企业", "mark", ("是否中小企业", "中小企业标识", "中小企业（是/否）", "是否为中小企业"), True, 10),
    Column("srdi", "专精特新", "mark", ("专精特新中小企业", "是否专精特新"), width=10),
    Column("little_giant", "小巨人", "mark", ("专精特新小巨人", "专精特新“小巨人”", "“小巨人”", "小巨人企业"), width=10),
    Column("champion", "单项冠军", "mark", ("制造业单项冠军", "单项冠军企业"), width=10),
    Column("high_tech", "高新技术", "mark", ("高新技术企业", "国家级高新技术企业", "高企"), width=10),
    Column("innovative", "创新型", "mark", ("创新型中小企业",), width=10),
    Column("chain_leader", "链主", "mark", ("链主企业",), width=10),
)

ENTERPRISES = ListDef(
    "enterprises",
    (
        Column("name", "企业名称", "text", ("名称", "单位名称", "企业"), True, 36),
        Column("credit_code", "统一社会信用代码", "code", ("信用代码", "社会信用代码", "统一代码"), True, 22),
        Column("industry", "所属行业", "text", ("行业", "所属行业类别", "国民经济行业分类", "行业类别"), True, 24),
        Column("employees", "从业人员(人)", "int", ("从业人员", "从业人数", "从业人员数", "从业人员期末人数", "职工人数"), True),
        Column("revenue", "营业收入(万元)", "money", ("营业收入", "营收", "主营业务收入"), True, 16),
        Column("assets", "资产总额(万元)", "money", ("资产总额", "总资产"), False, 16),
        *MARKS,
    ),
    unique="credit_code",
)

PATENTS = ListDef(
    "patents",
    (
        Column("title", "专利名称", "text", ("名称", "发明名称", "发明创造名称"), True, 36),
        Column("number", "专利号", "text", ("授权号", "专利号/申请号", "专利申请号"), True, 20),
        Column("kind", "专利类型", "text", ("类型", "类别"), False, 14),
        Column("owner", "专利权人", "text", ("权利人", "企业名称", "所属企业"), True, 30),
        Column("credit_code", "统一社会信用代码", "code", ("信用代码",), False, 22),
        Column("granted", "授权日期", "date", ("授权公告日", "授权时间", "授权日"), False, 14),
    ),
    unique="number",
    title_key="title",
)

PCT = ListDef(
    "pct",
    (
        Column("title", "发明名称", "text", ("名称", "专利名称"), True, 36),
        Column("number", "国际申请号", "text", ("申请号", "PCT申请号"), True, 22),
        Column("applicant", "申请人", "text", ("企业名称", "申请单位"), True, 30),
        Column("filed", "申请日期", "date", ("申请日",), False, 14),
    ),
    unique="number",
    title_key="title",
)

STANDARDS = ListDef(
    "standards",
    (
        Column("title", "标准名称", "text", ("名称",), True, 36),
        Column("number", "标准编号", "text", ("标准号", "编号"), False, 20),
        Column("level", "标准级别", "level", ("级别", "标准类别", "类别", "标准类型"), True, 10),
        Column("role", "主持或参与", "role", ("参与方式", "角色", "主持/参与", "起草角色"), True, 12),
        Column("year", "年份", "year", ("发布年份", "年度", "制修订年份"), True, 8),
        Column("firm", "企业名称", "text", ("起草单位", "单位", "单位名称"), False, 30),
    ),
    unique="number",
    title_key="title",
)

PLATFORMS = ListDef(
    "platforms",
    (
        Column("name", "平台名称", "text", ("名称", "创新平台名称"), True, 36),
        Column("level", "平台级别", "platform_level", ("级别", "层级"), True, 10),
        Column("host", "依托单位", "text", ("建设单位", "运营单位", "企业名称"), False, 30),
        Column("year", "认定年份", "year", ("年份", "认定时间"), False, 10),
    ),
    unique="name",
)

FIRMS = (
    Column("name", "名称", "text", ("企业名称", "单位名称", "机构名称", "产品名称", "园区名称"), True, 36),
    Column("credit_code", "统一社会信用代码", "code", ("信用代码",), False, 22),
    Column("category", "类别", "text", ("类型", "级别"), False, 16),
    Column("note", "备注", "text", ("说明",), False, 30),
)

_DEFS = {d.name: d for d in (ENTERPRISES, PATENTS, PCT, STANDARDS, PLATFORMS)}

LEVEL_WORDS = {"国际": "international", "国家": "national", "行业": "industry", "团体": "group"}
ROLE_WORDS = {"主持": "lead", "牵头": "lead", "起草单位排名前三": "lead", "参与": "participate"}
PLATFORM_LEVEL_WORDS = {"国家": "national", "省": "provincial", "市": "provincial", "区": "other", "其他": "other",
                        "其它": "other"}
PLATFORM_LEVEL_LABELS = {"national": "国家级", "provincial": "省级（含市级）", "other": "其他"}


def list_def(name: str) -> ListDef:
    """The columns of a list; lists without their own layout (名单 of certified firms, 上云企业 …)
    share a simple 名称 / 统一社会信用代码 / 类别 / 备注 layout."""
    if name in _DEFS:
        return _DEFS[name]
    return ListDef(name, FIRMS, unique="credit_code")
