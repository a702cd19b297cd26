"""Messages of the local store (core/store): faults of the database file and impossible requests.

Every fault message names the database and says what happened to the last edit (``UNSAVED``).
"""

from core.messages.base import define

UNSAVED = "本次修改没有保存，之前保存的内容不受影响。"
_COPY_ELSEWHERE = "或把文件复制到可写的位置后用 --db 指定。"

# --- SQLite faults (core/store/errors.translate) ------------------------------------------------
LOCKED = define(
    "STORE.locked",
    "数据库“{where}”正被另一个程序占用（可能是另一个正在运行的集群申报助手）。" + UNSAVED
    + "请关闭另一个窗口或稍后重试。",
    help="关闭另一个打开同一数据库的集群申报助手窗口（或等它完成），再重做这次修改。",
)
READONLY = define(
    "STORE.readonly",
    "数据库“{where}”是只读的，无法写入。" + UNSAVED + "请检查文件及所在文件夹的写入权限，" + _COPY_ELSEWHERE,
    help="给数据库文件和所在文件夹加上写入权限，或把文件复制到本机可写的文件夹后用 --db 打开。",
)
FULL = define(
    "STORE.full",
    "磁盘空间已满，无法写入数据库“{where}”。" + UNSAVED + "请清理磁盘空间后重试。",
    help="删除不需要的文件腾出磁盘空间，再重做这次修改。",
)
CANT_OPEN = define(
    "STORE.cant_open",
    "无法打开数据库“{where}”：文件或文件夹不存在，或没有访问权限。",
    help="检查 --db 给出的路径是否正确、所在的盘是否已连接、当前用户能否访问。",
)
IO_ERROR = define(
    "STORE.io_error",
    "读写数据库“{where}”时发生磁盘错误（可能是磁盘已满、U 盘被拔出或网络盘断开）。" + UNSAVED,
    help="重新插好 U 盘或连上网络盘、确认磁盘有空间后重试；最好把数据库放在本机磁盘上。",
)
DB_ERROR = define(
    "STORE.db_error",
    "数据库“{where}”出错：{detail}。" + UNSAVED,
    help="稍后重试；若反复出现，请先用 backup 备份数据库，再把这段消息告诉技术支持。",
)
CORRUPT = define(
    "STORE.corrupt",
    "数据库“{where}”已损坏或不是本程序的数据库{detail}。为免损失扩大，程序不会再向它写入。"
    "请用“restore 备份文件”从备份恢复，或用 --db 选择另一个数据库；原文件请保留以便修复。",
    help="用 restore 从最近的备份恢复，或用 --db 换一个数据库；保留损坏的原文件以便修复。",
)

# --- opening a database (core/store/base.py, database.py) --------------------------------------
MISSING = define(
    "STORE.missing",
    "数据库“{where}”不存在。",
    help="检查路径；只读方式打开时不会新建数据库。",
)
UPGRADE_READONLY = define(
    "STORE.upgrade_readonly",
    "数据库“{where}”需要升级到新的结构版本，但它是只读的。请检查文件的写入权限。",
    help="给数据库文件加上写入权限后再打开一次，程序会自动升级（升级前会留一份安全副本）。",
)
UPGRADE_FAILED = define(
    "STORE.upgrade_failed",
    "升级数据库“{where}”的结构时出错，数据库保持原样：{detail}",
    help="数据库没有改动。请先用 backup 备份它，再把这段消息告诉技术支持。",
)
OPEN_FAILED = define(
    "STORE.open_failed",
    "无法打开数据库“{where}”：{reason}",
    help="按消息中的原因检查文件和文件夹（是否存在、是否有权限），再重试。",
)
READONLY_OPEN = define(
    "STORE.readonly_open",
    "数据库“{where}”以只读方式打开（文件或文件夹不可写），修改没有保存。请检查写入权限，" + _COPY_ELSEWHERE,
    help="给数据库文件和所在文件夹加上写入权限后重新打开，或把文件复制到可写的位置后用 --db 打开。",
)
DATA_DIR = define(
    "STORE.data_dir",
    "无法创建数据文件夹“{folder}”：{reason}",
    help="检查用户目录能否写入，或用 --db 把数据库放到可写的位置。",
)
NO_FOLDER = define(
    "STORE.no_folder",
    "数据库“{where}”所在的文件夹不存在。",
    help="先建好这个文件夹，或用 --db 指定已有文件夹中的数据库文件。",
)
IS_FOLDER = define(
    "STORE.is_folder",
    "“{where}”是一个文件夹，不是数据库文件。",
    help="--db 应给出数据库文件的路径（例如 文件夹/申报.db），不是文件夹。",
)
FOLDER_READONLY = define(
    "STORE.folder_readonly",
    "无法在文件夹“{folder}”中创建数据库：没有写入权限。",
    help="换一个可写的文件夹，或给这个文件夹加上写入权限。",
)
UNREADABLE = define(
    "STORE.unreadable",
    "无法读取数据库“{where}”：{reason}",
    help="检查文件的读取权限和所在的盘是否已连接。",
)
NEWER = define(
    "STORE.newer",
    "数据库“{where}”是由更新版本的集群申报助手写入的（结构版本 {revision}），本程序无法使用。"
    "文件未作任何改动。请升级本程序后再打开。",
    help="安装最新版本的集群申报助手再打开这个数据库。",
)
NO_DRIVER = define(
    "STORE.no_driver",
    "无法连接数据库“{where}”：缺少数据库驱动（{driver}）。PostgreSQL 需要安装 psycopg，见 docs/storage.md。",
    help="安装缺少的数据库驱动（PostgreSQL 为 psycopg），见 docs/storage.md。",
)
NO_LIBPQ = define(
    "STORE.no_libpq",
    "无法连接数据库“{where}”：这台电脑缺少 PostgreSQL 客户端库 libpq（连接单位的数据库服务器需要它）。"
    "请安装后重新打开本程序：统信 UOS、麒麟、Debian 执行 sudo apt install libpq5。本机数据库文件不受影响。",
    help="安装 libpq5（sudo apt install libpq5，.deb 安装包会自动安装它）后再连接单位服务器，见 docs/storage.md。",
)
NO_WAL = define(
    "STORE.no_wal",
    "无法为数据库启用 WAL 日志模式（当前为 {mode}）。请把数据库放在本机磁盘上。",
    help="把数据库文件放到本机磁盘（不要放在网络盘上）后用 --db 打开。",
)

# --- applications (core/store/base.py, store.py) -----------------------------------------------
NO_ID = define(
    "STORE.no_id",
    "请给出申请编号。",
    help="用 list 查看申请编号，输入编号或它的前几位。",
)
UNKNOWN_ID = define(
    "STORE.unknown_id",
    "数据库“{where}”中没有编号为“{ref}”的申请。可用 list 命令查看全部申请。",
    help="用 list 查看本数据库中的申请编号；申请可能在另一个数据库中（--db）。",
)
AMBIGUOUS_ID = define(
    "STORE.ambiguous_id",
    "编号“{ref}”对应多份申请，请多输入几位。",
    help="多输入几位编号，直到只对应一份申请。",
)
DELETED = define(
    "STORE.deleted",
    "这份申请已被删除，不能修改。请先在“已删除”中恢复它。",
    help="在申请列表的“已删除”中恢复这份申请（命令行：restore-app），再修改。",
)
DUPLICATE_ID = define(
    "STORE.duplicate_id",
    "数据库中已有编号为 {app_id} 的申请。",
    help="这份申请已在数据库中；要另存一份请用复制。",
)
BAD_NAME = define(
    "STORE.bad_name",
    "申请名称应为不超过 200 个字的文字。",
    help="把申请名称缩短到 200 个字以内。",
)
BAD_JURISDICTION = define(
    "STORE.bad_jurisdiction",
    "地区代码“{jurisdiction}”无效，应为 2–3 个大写字母，例如 SH。",
    help="地区代码用 2–3 个大写字母，例如上海为 SH。",
)
BAD_RULES = define(
    "STORE.bad_rules",
    "规则集编号“{rules}”无效，应形如 SH-2023。",
    help="规则集编号由地区代码和年度组成，例如 SH-2023。",
)
RULES_CAMPAIGN = define(
    "STORE.rules_campaign",
    "规则集 {rules} 与本申请的申报年度 {campaign} 不符；换年度请用“复制为下一年度”。",
    help="规则集只能换成同一年度的。要按另一年度申报，在申请列表中用“复制为下一年度”"
    "（命令行：copy 编号 --campaign 年度），再修改副本。",
)
BAD_ACTION = define(
    "STORE.bad_action",
    "事件名称“{action}”无效。",
    help="这是程序内部的错误，请告诉技术支持。",
)
BAD_UI_STATE = define(
    "STORE.bad_ui_state",
    "界面状态应为字典。",
    help="这是程序内部的错误，请告诉技术支持。",
)

# --- stored documents (core/store/documents.py) ------------------------------------------------
BAD_TIME = define(
    "STORE.bad_time",
    "时间“{when}”格式无效，应为 ISO-8601，例如 2023-05-10T14:30:00",
    help="按 年-月-日T时:分:秒 写时间，例如 2023-05-10T14:30:00。",
)
UNSAVABLE = define(
    "STORE.unsavable",
    "{what}无法保存：{reason}",
    help="这个值不能存为 JSON（例如不是数字的“数”）；检查输入的内容。",
)
BAD_STATUS = define(
    "STORE.bad_status",
    "状态“{status}”无效，应为：{choices}",
    help="从消息列出的状态中选一个。",
)
UNKNOWN_LIST = define(
    "STORE.unknown_list",
    "未知清单“{name}”，可用的清单：{choices}",
    help="清单名称应为消息列出的之一。",
)
BAD_LIST_ROWS = define(
    "STORE.bad_list_rows",
    "清单“{label}”的内容应为若干行，每行是一个对象",
    help="清单写作 JSON 数组，每行一个对象，例如 [{\"名称\": \"…\"}]。",
)
TARGET_NO_LIST = define(
    "STORE.target.no_list",
    "佐证材料的对象“{target}”无效：没有清单“{name}”",
    help="佐证材料应挂在申报表中已有的清单上。",
)
TARGET_NO_FIELD = define(
    "STORE.target.no_field",
    "佐证材料的对象“{target}”无效：没有字段“{key}”",
    help="佐证材料应挂在申报表中已有的栏目上。",
)
TARGET_NO_OPTION = define(
    "STORE.target.no_option",
    "佐证材料的对象“{target}”无效：字段“{label}”没有选项“{option}”",
    help="佐证材料应挂在这个栏目已有的选项上。",
)

# --- evidence files (core/store/evidence.py) ----------------------------------------------------
EVIDENCE_BAD_NAME = define(
    "STORE.evidence.bad_name",
    "佐证材料的文件名“{name}”无效。",
    help="把文件改成普通的文件名（不含路径和特殊字符）后重新添加。",
)
EVIDENCE_UNREADABLE = define(
    "STORE.evidence.unreadable",
    "无法读取佐证材料“{path}”：{reason}",
    help="检查文件是否存在、能否打开，所在的盘是否已连接。",
)
EVIDENCE_NOT_FILE = define(
    "STORE.evidence.not_file",
    "佐证材料“{path}”不是文件。",
    help="选择一个文件，而不是文件夹。",
)
EVIDENCE_EMPTY = define(
    "STORE.evidence.empty",
    "佐证材料“{name}”是空文件，请检查后重新选择。",
    help="打开这个文件确认内容，重新保存或扫描后再添加。",
)
EVIDENCE_TOO_BIG = define(
    "STORE.evidence.too_big",
    "佐证材料“{name}”大小为 {size}，超过每个文件 {limit} 的上限。请压缩（例如降低扫描分辨率）或拆分后再添加。",
    help="降低扫描分辨率、压缩 PDF 或把材料拆成几个文件。",
)
EVIDENCE_NO_BLOB = define(
    "STORE.evidence.no_blob",
    "数据库中没有内容为 {sha} 的佐证材料。",
    help="重新添加这份佐证材料。",
)
EVIDENCE_BLOB_DAMAGED = define(
    "STORE.evidence.blob_damaged",
    "数据库中的佐证材料 {sha} 已损坏（校验值不符）。",
    help="删除这份佐证材料后从原文件重新添加，或从备份恢复数据库。",
)
EVIDENCE_WRITE = define(
    "STORE.evidence.write",
    "无法写入文件“{dest}”：{reason}",
    help="换一个可写的文件夹，或检查磁盘空间和权限。",
)
EVIDENCE_CHANGED = define(
    "STORE.evidence.changed",
    "佐证材料“{name}”的内容与记录的校验值不符（文件在读取时被修改，或已损坏）。",
    help="关闭正在编辑这个文件的程序，再重新添加。",
)
EVIDENCE_MISSING = define(
    "STORE.evidence.missing",
    "佐证材料“{name}”的文件内容不在数据库中，请重新添加该文件。",
    help="删除这条佐证材料，再从原文件重新添加。",
)

# --- history (core/store/history.py) ------------------------------------------------------------
NO_ENTRY = define(
    "STORE.history.no_entry",
    "这份申请的修改记录中没有第 {entry} 条。",
    help="用 history 查看这份申请的修改记录编号。",
)
NO_WHEN = define(
    "STORE.history.no_when",
    "请给出时间或修改记录编号。",
    help="给出修改记录编号（见 history），或一个 ISO-8601 时间，例如 2023-05-10T14:30:00。",
)
NOT_YET = define(
    "STORE.history.not_yet",
    "在 {when} 这份申请还没有创建。",
    help="给出申请创建之后的时间（见 history 的第一条）。",
)

# --- import, export, backup (core/store/transfer.py) -------------------------------------------
EXPORT_NO_FOLDER = define(
    "STORE.export.no_folder",
    "无法写入“{dest}”：文件夹不存在。",
    help="先建好目标文件夹，或选择已有的文件夹。",
)
BAD_CONFLICT = define(
    "STORE.import.bad_conflict",
    "on_conflict 应为 {modes}",
    help="这是程序内部的错误，请告诉技术支持。",
)
IMPORT_EXISTS = define(
    "STORE.import.exists",
    "数据库中已有这份申请（编号 {short_id}，“{name}”）。要用文件内容覆盖它请加 --replace，要另存为新申请请加 --copy。",
    help="加 --replace 用文件覆盖数据库中的申请（可撤销），或加 --copy 另存为新申请。",
)
IMPORT_MISMATCH = define(
    "STORE.import.mismatch",
    "文件“{file}”的申报年度或申报表与数据库中的同一申请不同，不能覆盖；请加 --copy 导入为新申请。",
    help="加 --copy 把文件导入为一份新申请。",
)
IMPORT_OUTSIDE = define(
    "STORE.import.outside",
    "文件“{file}”中的佐证材料路径“{rel}”指向申报数据所在文件夹之外，已拒绝。",
    help="佐证材料应放在申报数据文件旁边的 evidence 文件夹中；请用本程序重新导出。",
)
IMPORT_NO_EVIDENCE = define(
    "STORE.import.no_evidence",
    "找不到佐证材料文件“{rel}”（应在“{file}”旁边的 evidence 文件夹中）。",
    help="把导出时一起生成的 evidence 文件夹放回申报数据文件旁边，再导入。",
)
IMPORT_EVIDENCE_CHANGED = define(
    "STORE.import.evidence_changed",
    "佐证材料文件“{rel}”的内容与申报数据中记录的 SHA-256 不符（文件可能被修改或损坏）。",
    help="用原始导出的 evidence 文件夹替换它，或在导出方重新导出。",
)
BACKUP_SELF = define(
    "STORE.backup.self",
    "备份文件不能是正在使用的数据库本身。",
    help="为备份选择另一个文件名。",
)
BACKUP_NO_FOLDER = define(
    "STORE.backup.no_folder",
    "无法写入备份“{dest}”：文件夹不存在。",
    help="先建好目标文件夹，或选择已有的文件夹。",
)
BACKUP_WRITE = define(
    "STORE.backup.write",
    "无法写入备份“{dest}”：{reason}",
    help="检查目标文件夹的写入权限和磁盘空间。",
)
BACKUP_FAILED = define(
    "STORE.backup.failed",
    "无法写入备份“{dest}”：{reason}。数据库本身未受影响。",
    help="检查目标文件夹的写入权限和磁盘空间，再重新备份。",
)
RESTORE_MISSING = define(
    "STORE.restore.missing",
    "找不到备份文件“{src}”。",
    help="检查备份文件的路径。",
)
RESTORE_SELF = define(
    "STORE.restore.self",
    "不能用正在使用的数据库恢复它自己。",
    help="选择一个备份文件，而不是当前打开的数据库。",
)
RESTORE_NOT_BACKUP = define(
    "STORE.restore.not_backup",
    "“{src}”不是集群申报助手的数据库备份。",
    help="选择用本程序 backup 生成的备份文件。",
)
BAD_URL = define(
    "STORE.bad_url", "“{url}”不是有效的数据库地址。",
    help="--db 可以是数据库文件的路径、SQLite 地址（file:/路径?mode=ro 为只读）或 SQLAlchemy URL（postgresql+psycopg://…），见 docs/storage.md。",
)
UNKNOWN_SCHEME = define(
    "STORE.unknown_scheme", "不支持的数据库类型“{scheme}”（数据库地址“{url}”）。可用：数据库文件路径、sqlite:///…、file:…?mode=ro、postgresql+psycopg://…",
    help="检查 --db 或环境变量 CLUSTER_DECLARE_DB 的写法；通常直接写数据库文件的路径即可。",
)
BAD_URI = define(
    "STORE.bad_uri", "无法使用 SQLite 地址“{url}”：只支持 file:/路径 和 file:/路径?mode=ro（只读）。",
    help="写成 file:/完整路径/数据库.sqlite?mode=ro 以只读方式打开，或直接写数据库文件的路径。",
)
RESTORE_BAD_BACKUP = define(
    "STORE.restore_bad_backup", "“{src}”不能用于恢复，当前数据库未被改动。原因：{reason}",
    help="选择由本程序 backup 命令或“备份数据库”生成的备份文件；损坏的备份无法恢复，请换用更早的备份。",
)

# --- PostgreSQL server faults (core/store/errors.translate) and several officials at once --------
SERVER_DOWN = define(
    "STORE.server.down",
    "无法连接数据库服务器“{where}”：服务器没有响应（可能没有启动、网络断开，或地址、端口写错）。",
    help="确认数据库服务器已启动、本机能连上它（网络、防火墙），并检查“数据库连接”设置中的地址和端口。",
)
CONNECTION_LOST = define(
    "STORE.server.lost",
    "与数据库服务器“{where}”的连接已断开。" + UNSAVED + "窗口会保留这次修改，连接恢复后自动重新保存。",
    help="检查网络和数据库服务器；连接恢复后窗口会自动重新保存未保存的修改，关闭窗口前请确认提示已消失。",
)
WRONG_PASSWORD = define(
    "STORE.server.auth",
    "无法登录数据库服务器“{where}”：用户名或密码不正确（数据库用户 {user}）。",
    help="在“设置 → 数据库连接”中检查数据库用户名和密码；密码可向管理员确认。",
)
NO_SUCH_DATABASE = define(
    "STORE.server.no_database",
    "数据库服务器上没有数据库“{database}”（“{where}”）。",
    help="检查“数据库连接”设置中的数据库名，或请管理员按 docs/storage.md 建好数据库。",
)
NO_PRIVILEGE = define(
    "STORE.server.privilege",
    "数据库用户 {user} 在“{where}”上没有所需的权限（{detail}）。" + UNSAVED,
    help="请数据库管理员按 docs/storage.md 把数据库交给这个用户（OWNER），或授予建表和读写权限。",
)
ROW_BUSY = define(
    "STORE.server.busy",
    "数据库“{where}”中的这份申请正被另一位同事保存，等待超时。" + UNSAVED + "请稍后重试。",
    help="稍等片刻再重做这次修改；若一直出现，请检查是否有程序长时间占用数据库。",
)
CONFLICT = define(
    "STORE.conflict",
    "字段“{field}”在你编辑期间已被 {user} 于 {at} 改为“{theirs}”，你的修改“{mine}”没有保存。"
    "请选择保留你的修改，或采用对方的内容。",
    help="在提示中选择“保留我的修改”（覆盖对方的内容，会记入历史）或“采用对方的内容”。",
)
NO_KEYRING = define(
    "STORE.keyring",
    "无法把数据库密码保存到本机的系统密码库（{reason}）。密码没有保存，下次连接时需要重新输入。",
    help="Windows 使用“凭据管理器”，Linux 需要运行 GNOME 密钥环或 KWallet；也可以每次启动时输入密码。",
)
