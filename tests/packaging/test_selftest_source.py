"""``cluster-declare self-test`` from the source checkout: passes, and names the step that fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def self_test(env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CLUSTER_DECLARE_DB", "QT_QPA_PLATFORM")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "desktop.launcher", "self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_self_test_from_source_passes_and_leaves_no_data(_isolated_home):
    proc = self_test()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "（源代码）" in proc.stdout and "自检通过" in proc.stdout
    steps = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    from core.rules import available_rulesets

    for rid in available_rulesets():
        assert any(f"校验（{rid}）" in line and "成功" in line for line in steps), rid
    assert any("验证报送包" in line and "签名有效" in line for line in steps)
    assert any("渲染打印预览" in line and "成功" in line for line in steps)
    # What the frozen build must carry beyond the form: the server driver, the USB-key interface,
    # the desk and the follow-up register (each on a temporary SQLite database).
    assert any("PostgreSQL 驱动" in line and "成功" in line and "psycopg 3" in line for line in steps)
    assert any("智能卡与密码存储" in line and "成功" in line and "PKCS#11" in line for line in steps)
    assert any("评审台" in line and "成功" in line and "逐字节一致" in line for line in steps)
    assert any("认定后管理" in line and "成功" in line and "有效期至" in line for line in steps)
    # Temporary database and data folder: the (test's) user data folder stays empty.
    assert list(Path(_isolated_home).iterdir()) == []


def test_self_test_fails_with_a_chinese_message_naming_the_step(tmp_path):
    broken = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", broken)
    (broken / "fonts" / "NotoSansSC-Regular.ttf").unlink()
    proc = self_test({"CLUSTER_DECLARE_RESOURCES": str(broken)})
    assert proc.returncode == 1
    assert "自检失败" in proc.stderr and "“打开主窗口”" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    window = next(line for line in proc.stdout.splitlines() if "打开主窗口" in line)
    assert "失败" in window and "字体" in window
