"""Messages of sealing, the workflow status, receipts and the database lock (core/store/status.py,
core/store/seal.py, core/store/lock.py)."""

from core.messages.base import define

SEALED = define(
    "SEAL.sealed",
    "申请“{name}”已导出报送包（已封存），报送包中的数据不能再修改。" + "本次修改没有保存。"
    "如需修改，请先重新打开它（命令 reopen ID --reason 理由，或在窗口中选择“重新打开”），或复制一份再改。",
    help="已导出的申请与报送包中签名的数据一致。要修改，先用 reopen 写明理由重新打开（状态回到草稿，"
         "原报送包的 SHA-256 保留在报送记录中），或用 copy 复制一份新草稿。",
)
SEALED_STATUS = define(
    "SEAL.status_sealed",
    "申请已导出（已封存），状态只能通过“重新打开”改回草稿。",
    help="用 reopen ID --reason 理由（或窗口中的“重新打开”）重新打开，状态回到草稿。",
)
STATUS_EXPORT_ONLY = define(
    "SEAL.status_export_only",
    "“已导出”状态只能由导出报送包产生，不能直接选择。",
    help="用“导出报送包”（命令 export）导出，导出成功后状态自动变为已导出。",
)
STATUS_NOT_ALLOWED = define(
    "SEAL.status_not_allowed",
    "不能把状态从“{current}”改为“{target}”。",
    help="草稿与待审核可以互换；填好推荐意见后可改为已推荐；已导出只能由导出产生，重新打开后回到草稿。",
)
STATUS_NEEDS_RECOMMENDATION = define(
    "SEAL.status_needs_recommendation",
    "还没有填写{missing}，不能改为“已推荐”。",
    help="在“真实性声明与推荐意见”页填写推荐意见和推荐单位后，再把状态改为已推荐。",
)
REOPEN_REASON = define(
    "SEAL.reopen_reason",
    "重新打开已导出的申请须写明理由（至少 {min} 个字），理由会记入修改记录。",
    help="写明为什么要修改已报送的数据，例如“区局审核退回，补充2022年数据”。",
)
NOT_SEALED = define(
    "SEAL.not_sealed",
    "申请“{name}”尚未导出，无需重新打开。",
    help="只有已导出（已封存）的申请需要重新打开；其他状态可以直接修改。",
)
DATA_CHANGED = define(
    "SEAL.data_changed",
    "导出期间数据库中的申请“{name}”被修改了，报送包中的数据与数据库不一致，未记录为已导出。请重新导出。",
    help="导出时不要在别处修改同一份申请；重新导出一次即可。",
)
RECEIPT_PACKAGE = define(
    "SEAL.receipt_package",
    "无法读取刚导出的报送包“{path}”中的申报数据：{reason}。",
    help="检查报送包是否还在、磁盘是否可读，然后重新导出。",
)
IN_USE = define(
    "SEAL.in_use",
    "数据库“{where}”正由另一个集群申报助手窗口使用{who}。",
    help="窗口打开时，会修改数据库的命令（import、copy、restore、reopen、export 等）被拒绝，"
         "以免两处同时修改同一份数据；list、history、receipts 等查看命令照常可用。关闭窗口后再运行该命令。",
)
IN_USE_WRITE = define(
    "SEAL.in_use_write",
    "数据库“{where}”正由另一个集群申报助手窗口使用{who}。本命令会修改数据库，已停止，"
    "没有做任何修改。请关闭该窗口后再运行，或在窗口中操作。",
    help="关闭打开同一数据库的窗口后再运行此命令；查看类命令（list、history、receipts）不受影响。",
)
