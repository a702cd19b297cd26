"""Messages of the command line itself (the commands' own errors come from their areas)."""

from __future__ import annotations

from core.messages.base import define

USAGE = define("CLI.usage", "错误：{message}（运行 {prog} -h 查看用法）",
               "按用法改正命令；运行 cluster-declare -h 或 cluster-declare 命令 -h 查看用法。")
CANCELLED = define("CLI.cancelled", "已取消。", "命令被 Ctrl+C 中止，没有完成；需要时重新运行。")
ERROR = define("CLI.error", "错误：{message}", "按消息的提示处理后重新运行命令。")
NO_DATABASE = define("CLI.no_database", "数据库文件“{db}”不存在。",
                     "检查 --db 或环境变量 CLUSTER_DECLARE_DB 给出的路径；不带 --db 时使用用户数据目录中的默认数据库。")
STDOUT_FAILED = define(
    "CLI.stdout", "无法写出命令的输出（标准输出）：{reason}",
    "输出被重定向到的文件或设备已满或不可写；请换一个位置（例如 -o 文件）或清理磁盘空间后重试。",
)
