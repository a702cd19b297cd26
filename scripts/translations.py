"""Maintain the GUI's translations (source strings are Simplified Chinese, written with tr()).

    .venv/bin/python scripts/translations.py    # pyside6-lupdate → fill known English → lrelease

Writes resources/translations/cluster_declare_en.ts and .qm. Start the GUI in English with
``CLUSTER_DECLARE_LANG=en`` (or ``--lang en``); strings without a translation stay Chinese.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every window module, in subpackages too (desk/, follow/): a new one is picked up without editing a list here.
SOURCES = tuple(sorted(str(p.relative_to(ROOT / "desktop")) for p in (ROOT / "desktop").rglob("*.py")
                       if "tr(" in p.read_text(encoding="utf-8")))
TS = ROOT / "resources" / "translations" / "cluster_declare_en.ts"

ENGLISH = {
    "全表": "Whole form", "真实性声明": "Declaration of truthfulness", "推荐意见": "Recommendation",
    "预览": "Preview", "打印": "Print", "导出报送包…": "Export submission package…",
    "校验报送包…": "Verify submission package…", "本单位证书…": "Office certificate…",
    "导出 JSON…": "Export JSON…", "打印预览…": "Print preview…", "导出、模板与导入…": "Export, template and import…",
    "载入示例申请(&L)": "&Load sample application", "搜索：集群名称、地区、规则集或编号":
        "Search: cluster name, region, rule set or id",
    "新建(&N)": "&New", "打开(&O)": "&Open", "复制(&C)": "&Copy", "删除(&D)": "&Delete", "恢复(&R)": "&Restore",
    "回收站(&T)": "&Trash", "显示已删除的申请，可恢复": "Show deleted applications (they can be restored)",
    "集群名称": "Cluster name", "地区": "Region", "申报年度": "Campaign", "状态": "Status", "最后修改": "Last change",
    "总体结论": "Overall verdict", "基本条件与八项指标": "Basic conditions and the eight indicators", "指标": "Indicator",
    "结论": "Verdict", "问题数": "Findings", "各项标准：实测值与门槛": "Criteria: measured value against threshold",
    "标准": "Criterion", "实测值": "Measured", "门槛": "Threshold", "结果": "Outcome", "依据": "Source",
    "不同规则集下的结论对比": "Verdicts under every rule set", "导出": "Export", "未填写": "not filled in",
    "（当前）": " (current)", "请填写具体内容": "Please specify", "（请选择）": "(choose)",
    "添加佐证材料": "Add evidence", "选择文件，或把文件拖到这里": "Choose files, or drop files here",
    "未添加": "none yet", "（尚无文件）": "(no files)", "选择佐证材料": "Choose evidence files", "问题": "Finding",
    "集群申报助手": "Cluster Declare", "（只读）": " (read-only)", "数据库：%1": "Database: %1", "文件(&F)": "&File",
    "新建申请(&N)…": "&New application…", "打开申请(&O)…": "&Open application…", "保存(&S)": "&Save",
    "导入 JSON(&I)…": "&Import JSON…", "导出 JSON(&E)…": "&Export JSON…", "备份数据库(&B)…": "&Back up database…",
    "从备份恢复(&R)…": "&Restore from backup…", "退出(&X)": "E&xit", "编辑(&E)": "&Edit", "撤销": "Undo",
    "重做": "Redo", "打印(&P)": "&Print", "Excel(&X)": "E&xcel", "报送(&S)": "&Submission", "帮助(&H)": "&Help",
    "填报说明(&G)": "Filling &guide", "关于(&A)": "&About", "新建申请": "New application",
    "选择申报地区与年度（规则集）：": "Region and campaign (rule set):", "已载入示例申请": "Sample application loaded",
    "已保存": "Saved", "已保存（每次修改都已自动保存到数据库）": "Saved (every edit is saved to the database as it is made)",
    "导入申报数据": "Import application", "导出申报数据": "Export application", "备份数据库": "Back up database",
    "从备份恢复": "Restore from backup", "填报说明": "Filling guide", "关于集群申报助手": "About Cluster Declare",
    "数量": "Count", "← 申请列表": "← Applications", "返回申请列表（所有修改均已保存）":
        "Back to the list (all edits are saved)", "状态：": "Status:", "规则集(&R)：": "&Rule set:",
    "上一页(&P)": "&Previous", "下一页(&N)": "&Next", "已自动保存": "Saved automatically", "没有保存": "Not saved",
    "是": "Yes", "否": "No", "不适用": "Not applicable", "请先选择一份申请。": "Please select an application first.",
    "用文件内容覆盖": "Overwrite with the file", "另存为新申请": "Save as a new application",
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> int:
    folder = ROOT / "desktop"
    subprocess.run([tool("pyside6-lupdate"), *(str(folder / f) for f in SOURCES), "-source-language", "zh_CN",
                    "-target-language", "en", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ENGLISH and translation is not None and message.get("numerus") != "yes":
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    print(f"{TS.name}: {filled} strings translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
