"""初审 → 实地核查 → 择优 → 上报 on a real register, and the outgoing package verified end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from core.cli.main import main
from core.desk import inspection, ranking, review
from core.desk import status as st
from core.desk.intake import intake_folder
from core.desk.outgoing import export_outgoing
from core.errors import UserError

from .conftest import flip, rewrite_zip


@pytest.fixture
def three(desk, tmp_path, package_pool):
    folder = tmp_path / "三份"
    folder.mkdir()
    for p in package_pool[:3]:
        shutil.copy(p, folder / p.name)
    result = intake_folder(desk, folder, "SH-2023")
    assert result.exit_code == 0
    return [i.number for i in result.items]


def _pass(desk, number):
    review.accept_program(desk, number)
    for it in review.items(desk, number):
        if it.verdict is None:
            review.record(desk, number, it.key, "符合", "材料齐全")
    return review.decide(desk, number, "初审通过")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_review_items_put_the_program_beside_the_reviewer(desk, three):
    no = three[0]
    plan = review.items(desk, no)
    basic = [it for it in plan if it.indicator == 0]
    assert len(basic) >= 4 and all(it.program in ("符合", "不符合", "需补正") for it in basic)
    qualitative = [it for it in plan if it.qualitative]
    assert {it.indicator for it in qualitative} >= {3, 7, 8} and all(it.program is None for it in qualitative)
    assert desk.get(no).status == st.RECEIVED
    review.record(desk, no, "0.area", "不符合", "实测面积超过100平方公里")
    assert desk.get(no).status == st.REVIEWING
    item = next(it for it in review.items(desk, no) if it.key == "0.area")
    assert item.program == "符合" and item.verdict == "不符合" and item.differs
    with pytest.raises(UserError, match="初审通过"):
        review.decide(desk, no, "初审通过")
    with pytest.raises(UserError, match="备注"):
        review.record(desk, no, "3", "需补正", "")
    with pytest.raises(UserError, match="没有初审项“9”"):
        review.record(desk, no, "9", "符合")
    # Every step is in the history, with who and when.
    actions = [(e.action, e.new) for e in desk.events(no)]
    assert ("intake", "received") in actions and ("status", "reviewing") in actions and ("review", "不符合") in actions
    assert all(e.user and e.at for e in desk.events(no))


def test_correction_request_and_printed_notice(desk, three, tmp_path):
    no = three[1]
    with pytest.raises(UserError, match="没有待补正事项"):
        review.correction_notice(desk, no, tmp_path / "n.pdf")
    review.request_correction(desk, no, "补充2022年主导产业产值的统计部门证明", due="2023-05-05")
    with pytest.raises(UserError, match="不是有效日期"):
        review.request_correction(desk, no, "另一项", due="5月5日")
    review.decide(desk, no, "需补正")
    assert desk.get(no).status == st.NEEDS_FIX
    out = tmp_path / "补正通知.pdf"
    review.correction_notice(desk, no, out, office="上海市闵行区经济委员会")
    text = pdf_text(out)
    assert "申报材料补正通知" in text and "统计部门证明" in text and "2023-05-05" in text and no in text
    assert "上海市闵行区经济委员会" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansSC" in fonts
    review.close_corrections(desk, no)
    assert review.corrections(desk, no) == []


def test_inspection_record_with_attachment_and_print(desk, three, tmp_path):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"photo" * 100)
    inspection.record(desk, three[0], date="2023-05-06", people=["张三", "李四"],
                      items=[inspection.parse_item("2022年产值=统计报表=属实")], attachments=[photo],
                      conclusion="与申报材料一致")
    rec = inspection.inspections(desk, three[0])[0]
    assert rec["people"] == ["张三", "李四"] and rec["items"][0]["evidence"] == "统计报表"
    assert desk.archive.path(rec["attachments"][0]["sha256"]).read_bytes() == photo.read_bytes()
    out = tmp_path / "核查.pdf"
    inspection.print_record(desk, three[0], out)
    text = pdf_text(out)
    assert "实地核查记录" in text and "统计报表" in text and "现场.jpg" in text and "签字" in text
    with pytest.raises(UserError, match="核查内容=对照的佐证材料=核查结果"):
        inspection.parse_item("产值属实")


def test_rank_quota_and_status(desk, three):
    with pytest.raises(UserError, match="只有初审通过"):
        ranking.set_order(desk, "SH-2023", [three[0]], ["产值规模最大"])
    for no in three:
        _pass(desk, no)
    ranking.set_quota(desk, "SH-2023", 2)
    with pytest.raises(UserError, match="理由"):
        ranking.set_order(desk, "SH-2023", three, ["一", "二"])
    warnings = ranking.set_order(desk, "SH-2023", [three[2], three[0], three[1]],
                                 ["产值增速最快", "中小企业占比最高", "创新平台最多"])
    assert warnings and "超过本批次可推荐的名额 2 个" in warnings[0]
    assert [s.number for _, s, _ in ranking.ranking(desk, "SH-2023")] == [three[2], three[0], three[1]]
    assert all(desk.get(n).status == st.RECOMMENDED for n in three)
    ranking.set_order(desk, "SH-2023", [three[0]], ["中小企业占比最高"])
    assert desk.get(three[2]).status == st.PASSED and desk.get(three[0]).status == st.RECOMMENDED


def test_outgoing_package_verified_end_to_end_and_tampered(desk, three, tmp_path, district_identity, capsys):
    for no in three:
        _pass(desk, no)
    ranking.set_order(desk, "SH-2023", [three[1], three[0]], ["产值增速最快", "中小企业占比最高"])
    out = tmp_path / "上报.zip"
    result = export_outgoing(desk, "SH-2023", out, district_identity, office="上海市闵行区经济委员会")
    assert result.places == 2
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        inner = zf.read(f"packages/01-{three[1]}.zip")
        manifest = json.loads(zf.read("manifest.json"))
    assert {"application.pdf", "summary.xlsx", "letter.pdf", "reviews.pdf", "reviews.json"} <= names
    assert inner == desk.archive.path(desk.get(three[1]).file_sha256).read_bytes()  # unchanged
    assert manifest["kind"] == "outgoing"
    assert [p["number"] for p in manifest["outgoing"]["recommended"]] == [three[1], three[0]]

    code = main(["verify", str(out), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 3  # intact, the district's certificate not named with --trust
    assert [i["number"] for i in report["inner"]] == [three[1], three[0]]
    assert all(i["intact"] for i in report["inner"])
    main(["verify", str(out)])
    text = capsys.readouterr().out
    assert "内含报送包 2 个" in text and "内含报送包全部完好" in text and three[1] in text

    # An inner package altered, and the outer package re-signed around it by someone else.
    bad_inner = tmp_path / "bad-inner.zip"
    bad_inner.write_bytes(inner)
    tampered_inner = tmp_path / "tampered-inner.zip"
    rewrite_zip(bad_inner, tampered_inner, {"application.json": flip})
    altered = tmp_path / "altered.zip"
    rewrite_zip(out, altered, {f"packages/01-{three[1]}.zip": lambda _: tampered_inner.read_bytes()})
    assert main(["verify", str(altered)]) == 1
    text = capsys.readouterr().out
    assert "packages/01-" in text  # the outer manifest names the altered member

    from core.desk.verify_outgoing import verify_inner
    from core.package.verify import verify_package

    outer = verify_package(out)
    nested = verify_inner(altered, outer)  # the outer listing, the altered bytes: the inner check alone
    assert nested.exit_code == 1
    bad = [i for i in nested.inner if not i.ok_intact]
    assert [i.number for i in bad] == [three[1]] and bad[0].result.first_altered == "application.json"
