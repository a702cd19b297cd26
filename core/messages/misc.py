"""Messages of the small domain helpers: SME size classification (core/sme.py) and the unified social
credit code check (core/creditcode.py). These are reasons shown beside a value, not raised errors."""

from core.messages.base import define

SME_NO_SECTOR = define(
    "SME.no_sector",
    "{what}不在可自动划型的行业（工业、建筑业、批发业、零售业、软件和信息技术服务业）中",
    help="其他行业请按《中小企业划型标准规定》自行划型，并在“企业规模”中填写。",
)
SME_NEEDS = define(
    "SME.needs",
    "{sector}划型需要{measures}",
    help="填写消息中列出的指标（从业人员、营业收入或资产总额），程序即可自动划型。",
)
SME_RESULT = define(
    "SME.result",
    "{sector}，{shown}，按划型标准为{size}企业",
    help="自动划型的结果；与企业自报的规模不同时请核对所填数字。",
)
CREDIT_LENGTH = define(
    "CREDITCODE.length",
    "应为18位，实为{length}位",
    help="对照营业执照重新输入统一社会信用代码（18 位）。",
)
CREDIT_CHARS = define(
    "CREDITCODE.chars",
    "含有不允许的字符“{chars}”（不使用 I、O、S、V、Z）",
    help="统一社会信用代码不使用字母 I、O、S、V、Z；常见的是把数字 0、1、2、5 输成了字母。",
)
CREDIT_CHECK = define(
    "CREDITCODE.check",
    "校验码错误（第18位应为“{expected}”，实为“{actual}”）",
    help="某一位输错了：对照营业执照逐位核对。",
)
