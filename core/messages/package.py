"""Messages of the submission package (报送包): certificate, evidence, export and verification."""

from __future__ import annotations

from core.messages.base import define

REFUSED = define("PACKAGE.refused", "未导出报送包：{reasons}",
                 "先处理列出的问题（错误提示、缺少的扫描件），或按提示确认后再导出。")
CERT_EXISTS = define("PACKAGE.cert_exists",
                     "已有本单位证书；不会覆盖（接收方登记的指纹会失效）。如确需更换，请先移走现有证书文件。",
                     "一般无需更换证书；确需更换时先备份并移走现有证书文件，再通知接收方登记新指纹。")
CERT_UNREADABLE = define("PACKAGE.cert_unreadable", "无法读取证书文件“{path}”：{reason}", "检查文件路径与读取权限。")
CERT_INVALID = define("PACKAGE.cert_invalid", "“{name}”不是有效的证书文件（应为 PEM 或 DER 格式的 X.509 证书）。",
                      "向报送单位索取其证书文件（.pem 或 .cer）。")
OFFICE_MISSING = define("PACKAGE.office_missing", "创建本单位证书需要单位名称（例如：上海市闵行区经济委员会）。",
                        "填写本单位的全称后再创建证书。")
OFFICE_TOO_LONG = define("PACKAGE.office_too_long", "单位名称“{office}”超过 64 个字，证书中放不下，请使用简称。",
                         "改用 64 个字以内的简称。")
P12_WRONG = define("PACKAGE.p12_wrong", "无法打开“{name}”：密码不对，或不是 PKCS#12（.p12/.pfx）证书文件。",
                   "确认密码，并确认所选文件是 .p12 或 .pfx 证书。")
P12_EMPTY = define("PACKAGE.p12_empty", "“{name}”中没有私钥和证书，无法用于签名。", "导入含私钥的 .p12/.pfx 证书。")
NO_CERT = define("PACKAGE.no_cert", "还没有本单位证书：首次导出时会创建，或先导入 .p12/.pfx 证书。",
                 "导出一次报送包即会创建证书，或在“本单位证书”中导入。")
NO_CERT_EXPORT = define("PACKAGE.no_cert_export",
                        "还没有本单位证书：首次导出报送包时会创建，或先导入 .p12/.pfx 证书。",
                        "导出一次报送包即会创建证书，或在“本单位证书”中导入。")
OWN_CERT_UNREADABLE = define("PACKAGE.own_cert_unreadable", "无法读取本单位证书“{path}”：{reason}",
                             "检查用户数据文件夹的读取权限。")
WRONG_PASSPHRASE = define("PACKAGE.wrong_passphrase", "证书密码不正确（证书文件：{path}）。", "重新输入创建证书时设定的密码。")
PASSPHRASE_NEEDED = define("PACKAGE.passphrase_needed", "需要证书密码：请在终端运行，或设置环境变量 {env}。",
                           "在终端中运行命令以便输入密码，或设置该环境变量。")
PASSPHRASE_MISMATCH = define("PACKAGE.passphrase_mismatch", "两次输入的密码不一致。", "重新输入两次相同的密码。")
PASSPHRASE_SHORT = define("PACKAGE.passphrase_short", "证书密码至少需要 {min} 个字符。", "换一个更长的密码。")
NO_SHA256 = define("PACKAGE.no_sha256", "佐证材料“{name}”没有登记 SHA-256，请在程序中重新添加该材料。",
                   "在佐证材料栏中删除并重新添加该文件。")
MANIFEST_NOT_JSON = define("PACKAGE.manifest_not_json", "{manifest} 不是有效的 JSON：{reason}",
                           "报送包已损坏或被修改；请报送单位重新导出。")
MANIFEST_FOREIGN = define("PACKAGE.manifest_foreign", "{manifest} 不是本程序的报送包清单（format 应为 “{format}”）。",
                          "确认收到的是集群申报助手导出的报送包。")
MANIFEST_NEWER = define("PACKAGE.manifest_newer", "报送包格式版本 {version} 比本程序支持的版本 {supported} 新，请升级程序。",
                        "安装本程序的新版本后再验证。")
MANIFEST_MEMBERS = define("PACKAGE.manifest_members", "{manifest} 的成员列表（members）格式不对。",
                          "报送包已损坏或被修改；请报送单位重新导出。")
SIGN_FAILED = define("PACKAGE.sign_failed", "无法为“{name}”加数字签名：{reason}", "检查本单位证书是否有效；仍失败请联系技术支持。")
EVIDENCE_ABSOLUTE = define("PACKAGE.evidence_absolute",
                           "{what}的路径“{path}”是绝对路径；申报数据中应写相对于 JSON 文件所在文件夹的路径。",
                           "把材料放到申报数据文件夹中，并写相对路径。")
EVIDENCE_OUTSIDE = define("PACKAGE.evidence_outside", "{what}的路径“{path}”指向申报数据文件夹之外，已拒绝。",
                          "把材料放到申报数据文件夹中。")
EVIDENCE_MISSING = define("PACKAGE.evidence_missing",
                          "找不到{what}：{path}（请把佐证材料放在申报数据 JSON 文件旁边的相应位置）。",
                          "把材料文件放回登记的位置，或在程序中重新添加。")
EVIDENCE_BROKEN = define("PACKAGE.evidence_broken", "{what}：{reason}", "重新添加该材料。")
SCAN_TYPE = define("PACKAGE.scan_type", "{what}“{name}”应为 PDF 或图片（JPG、PNG、TIFF）文件。", "选择 PDF 或图片文件。")
SCAN_UNREADABLE = define("PACKAGE.scan_unreadable", "无法读取{what}“{path}”：{reason}", "检查文件路径与读取权限。")
SCAN_CONTENT = define("PACKAGE.scan_content", "{what}“{name}”的内容不是 {kind} 文件（文件可能已损坏或扩展名不对）。",
                      "重新扫描或另存为正确的格式。")
NOT_FOUND = define("PACKAGE.not_found", "找不到报送包“{path}”。", "检查报送包的路径。")
NOT_ZIP = define("PACKAGE.not_zip", "“{name}”不是有效的报送包（无法作为 zip 文件打开：{reason}）。",
                 "报送包已损坏或不完整；请报送单位重新发送。")
ALTERED = define("PACKAGE.altered", "{what} 的内容与登记的 SHA-256 不符（登记后文件被修改或替换过），请重新添加该材料后再导出。",
                 "在程序中删除并重新添加该材料。")
UNREADABLE = define("PACKAGE.unreadable", "无法读取{what}：{reason}", "检查文件路径与读取权限。")
WRITE_FAILED = define(
    "PACKAGE.write_failed", "无法写入报送包“{path}”：{reason}。没有留下不完整的报送包，申请状态未改变。",
    "清理该磁盘的空间，或把报送包导出到其他位置（例如另一个 U 盘）后重试。",
)
OUT_FOLDER = define(
    "PACKAGE.out_folder", "无法在文件夹“{folder}”中写入报送包：{reason}",
    "选择一个可写的文件夹（例如桌面或 U 盘），或检查该文件夹的权限。",
)
STORE_READONLY = define(
    "PACKAGE.store_readonly", "数据库“{db}”是只读的，无法记录这次导出，因此没有导出报送包。",
    "报送包的导出会记入修改记录并把状态改为“已导出”；请用可写的数据库（例如把文件复制到本机）后重试。",
)
CERT_WRITE = define(
    "PACKAGE.cert_write", "无法写入证书文件“{path}”：{reason}",
    "换一个可写的位置（例如桌面或 U 盘），或清理磁盘空间后重试。",
)

# --- signing identities: CA files and USB keys (PKCS#11) -------------------------------------------
TOKEN_MODULE_MISSING = define(
    "PACKAGE.token_module_missing", "找不到 UKey 驱动模块“{module}”：{reason}",
    "选择 UKey 厂商提供的 PKCS#11 驱动文件（Windows 为 .dll，Linux 为 .so），确认驱动已安装。",
)
TOKEN_ABSENT = define(
    "PACKAGE.token_absent", "没有找到 UKey{token}：请插入 UKey 后重试（驱动模块：{module}）。",
    "插好 UKey，等指示灯亮起后再试；有多个 UKey 时选择正确的一个。",
)
TOKEN_CERT_MISSING = define(
    "PACKAGE.token_cert_missing", "UKey“{token}”中没有标签为“{label}”的证书和私钥。",
    "在导出对话框或用 cert tokens 命令查看 UKey 中的证书，选择其中一张。",
)
TOKEN_NO_CERTS = define(
    "PACKAGE.token_no_certs", "UKey“{token}”中没有可用于签名的证书。", "确认插入的是本单位的签名 UKey。",
)
PIN_WRONG = define(
    "PACKAGE.pin_wrong", "UKey“{token}”的 PIN 码不正确。{warning}",
    "重新输入 PIN 码；多次输错会锁定 UKey，锁定后须由发证机构解锁。",
)
PIN_LOCKED = define(
    "PACKAGE.pin_locked", "UKey“{token}”已锁定（PIN 码输错次数过多），无法签名。",
    "联系发证机构（CA）或本单位 UKey 管理员解锁，或重置 PIN 码。",
)
PIN_NEEDED = define(
    "PACKAGE.pin_needed", "需要 UKey 的 PIN 码：请在终端运行，或用 --pin-file 指定存放 PIN 码的文件，或设置环境变量 {env}。",
    "在终端中运行以便输入 PIN 码（输入时不显示）；脚本中可用只有本人可读的文件。",
)
PIN_FILE = define("PACKAGE.pin_file", "无法读取 PIN 码文件“{path}”：{reason}", "检查文件路径与读取权限。")
TOKEN_REMOVED = define(
    "PACKAGE.token_removed", "UKey 签名中断：{reason}。UKey 可能已被拔出；没有留下不完整的报送包。",
    "重新插好 UKey 后再导出一次。",
)
TOKEN_FAILED = define(
    "PACKAGE.token_failed", "UKey 操作失败：{reason}", "重新插拔 UKey 后重试；仍失败请联系 UKey 厂商或发证机构。",
)
SIGNER_EXPIRED = define(
    "PACKAGE.signer_expired", "签名证书“{subject}”已于 {date} 过期，不能再用于签名。",
    "向发证机构（CA）申请更新证书，或使用本单位其他有效证书。",
)
SIGNER_NOT_YET = define(
    "PACKAGE.signer_not_yet", "签名证书“{subject}”自 {date} 起才生效，现在还不能用于签名。",
    "检查本机日期和时间是否正确；证书生效后再签名。",
)
SIGNER_USAGE = define(
    "PACKAGE.signer_usage", "证书“{subject}”的密钥用途不含“数字签名”，不能用于签名（这可能是加密证书）。",
    "UKey 中常有签名证书和加密证书各一张：请选择签名证书。",
)
SM2_UNSUPPORTED = define(
    "PACKAGE.sm2_unsupported",
    "“{name}”是国密 SM2 证书，不能作为本单位的主证书（{reason}；PDF 阅读器也不能核对 SM2 签名）。"
    "请用“导入国密证书”（cert import-sm2）把它导入为清单的国密签名证书，主证书用 RSA 或 ECDSA 证书。",
    "主证书（签 PDF 和清单）用 RSA/ECDSA；SM2 证书另行导入，清单会再加一个 SM2/SM3 签名。见 docs/package.md。",
)
TRUST_EMPTY = define("PACKAGE.trust_empty", "“{name}”中没有证书。", "选择 CA 提供的根证书或中级证书文件（PEM 或 DER）。")
TRUST_UNKNOWN = define("PACKAGE.trust_unknown", "信任列表中没有指纹以“{prefix}”开头的证书。",
                       "用 trust list 查看信任列表中的证书及其指纹。")
TRUST_AMBIGUOUS = define("PACKAGE.trust_ambiguous", "信任列表中有多张证书的指纹以“{prefix}”开头，请多写几位。",
                         "用 trust list 查看完整指纹。")
CRL_INVALID = define("PACKAGE.crl_invalid", "“{name}”不是有效的证书吊销列表（CRL，PEM 或 DER）。",
                     "从发证机构（CA）网站下载 .crl 文件后离线导入。")
SM2_NO_OPENSSL = define(
    "PACKAGE.sm2_no_openssl", "国密 SM2 签名需要 OpenSSL 3 命令行程序（openssl），本机{reason}。",
    "安装 OpenSSL 3（Debian/统信/麒麟：apt install openssl）后重试；不需要国密签名时移除 SM2 证书（cert sm2-remove）。",
)
SM2_FAILED = define("PACKAGE.sm2_failed", "国密 SM2 操作失败（{what}）：{reason}", "确认 SM2 证书文件和密码正确；仍失败请联系技术支持。")
SM2_NOT_SM2 = define("PACKAGE.sm2_not_sm2", "“{name}”中的证书不是国密 SM2 证书；RSA/ECDSA 证书请用 cert import 导入。",
                     "选择发证机构签发的 SM2 签名证书（.p12/.pfx）。")
