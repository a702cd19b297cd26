"""Messages of the Word 申报表 (core/docx)."""

from __future__ import annotations

from core.messages.base import define

UNKNOWN_PAGE = define("DOCX.unknown_page", "未知的导出内容“{page}”（可选：{choices}）",
                      "选择导出的内容：完整申报表（all）、真实性声明（declaration）或推荐意见（recommendation）。")
UNWRITABLE = define("DOCX.unwritable", "无法写入 Word 文件 {path}：{reason}",
                    "检查目标文件夹是否存在、是否可写，以及同名文件是否正在 Word 或 WPS 中打开。")
BUILD_FAILED = define("DOCX.build_failed", "生成 Word 文件时出错：{reason}",
                      "检查申报数据中是否有异常内容（超长文本、特殊字符）；仍无法生成时，导出 JSON 并联系技术支持。")
