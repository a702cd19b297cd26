"""Messages of printing the form (PDF)."""

from __future__ import annotations

from core.messages.base import define

UNKNOWN_PAGE = define("PDF.unknown_page", "未知的打印内容“{page}”（可选：{choices}）",
                      "选择可打印的内容：完整申报表（all）、真实性声明（declaration）或推荐意见（recommendation）。")
UNWRITABLE = define("PDF.unwritable", "无法写入文件 {path}：{reason}",
                    "检查目标文件夹是否存在、是否可写，以及文件是否正在被其他程序打开。")
NO_RENDERER = define("PDF.no_renderer", "无法显示 PDF 页面：缺少 PDF 渲染组件（pypdfium2）：{reason}",
                     "重新安装本程序；从源代码运行时执行 scripts/bootstrap.sh 安装依赖。")
UNREADABLE = define("PDF.unreadable", "无法读取 PDF 页面：{reason}",
                    "PDF 文件可能不完整或已损坏：重新生成后再试。")
BUILD_FAILED = define("PDF.build_failed", "生成 PDF 时出错：{reason}",
                      "检查申报数据中是否有异常内容（超长文本、特殊字符）；仍无法生成时，导出 JSON 并联系技术支持。")
PRINTER_UNAVAILABLE = define("PDF.printer_unavailable", "无法连接打印机“{printer}”：打印机不可用或已脱机",
                             "检查打印机是否开机、联网并已在系统中安装；也可以在预览中另存为 PDF 后再打印。")
