"""The status transition table, exhaustively: every (from, to, how) with and without a filled
recommendation, against an expectation written out here independently of core's table."""

from __future__ import annotations

import itertools

import pytest

from core.errors import UserError
from core.form import load_form
from core.store import status as st

FORM = load_form("SH-FORM")
FILLED = {"recommendation.opinion": "同意推荐", "recommendation.unit": "闵行区经济委员会"}
STATES = ("draft", "pending_review", "recommended", "exported")
WAYS = ("manual", "export", "reopen")
REASON = "区局审核退回，补充数据"


def expected(current: str, target: str, via: str, filled: bool, reason: str | None) -> bool:
    if via == "export":
        return target == "exported"  # from anywhere, also again from exported (a new receipt)
    if via == "reopen":
        return current == "exported" and target == "draft" and len((reason or "").strip()) >= 4
    # picked by hand
    if current == "exported" or target == "exported" or current == target:
        return False
    if target == "recommended":
        return filled
    return True  # draft <-> pending_review, recommended -> pending_review / draft


@pytest.mark.parametrize("current,target,via,filled,reason",
                         list(itertools.product(STATES, STATES, WAYS, (False, True), (None, "短", REASON))))
def test_every_transition(current, target, via, filled, reason):
    values = FILLED if filled else {"recommendation.opinion": "同意推荐", "recommendation.unit": "  "}
    allowed = st.refusal(current, target, via, form=FORM, values=values, reason=reason) is None
    assert allowed == expected(current, target, via, filled, reason)
    if allowed:
        st.check(current, target, via, form=FORM, values=values, reason=reason)
    else:
        with pytest.raises(UserError) as info:
            st.check(current, target, via, form=FORM, values=values, reason=reason)
        assert info.value.code.startswith("SEAL.") and info.value.exit_code == 2


def test_recommendation_fields_come_from_the_form():
    assert st.recommendation_keys(FORM) == ["recommendation.opinion", "recommendation.unit"]
    assert st.missing_recommendation(FORM, {}) == ["区级中小企业主管部门推荐意见", "推荐单位"]
    with pytest.raises(UserError, match="推荐单位"):
        st.check("pending_review", "recommended", "manual", form=FORM, values={"recommendation.opinion": "同意"})


@pytest.mark.parametrize("current", STATES)
@pytest.mark.parametrize("filled", (False, True))
def test_choices_never_offer_exported_and_explain_recommended(current, filled):
    values = FILLED if filled else {}
    offered = st.choices(current, FORM, values)
    assert offered[0] == (current, "")
    pickable = {s for s, why in offered if not why}
    assert "exported" not in pickable - {current}
    for target in STATES:
        if target != current and target in pickable:
            assert expected(current, target, "manual", filled, None)
        elif target != current:
            assert not expected(current, target, "manual", filled, None)
    if current == "exported":
        assert offered == [("exported", "")]
    elif current != "recommended":
        assert ("recommended", "" if filled else "区级中小企业主管部门推荐意见、推荐单位") in offered


def test_store_records_each_transition_with_who_and_when(store_url, make_app):
    from core.store import Store

    with Store.open(store_url) as store:
        app_id = store.create(make_app())
        store.set_status(app_id, "pending_review")
        with pytest.raises(UserError, match="推荐"):
            store.set_status(app_id, "recommended")
        with pytest.raises(UserError, match="只能由导出报送包产生"):
            store.set_status(app_id, "exported")
        assert store.status_choices(app_id) == [("pending_review", ""), ("draft", ""),
                                                ("recommended", "区级中小企业主管部门推荐意见、推荐单位")]
        store.set_values(app_id, FILLED)
        store.set_status(app_id, "recommended")
        rows = [(e.old, e.new, e.user, e.action) for e in store.history(app_id) if e.field == "status"]
        assert rows == [("draft", "pending_review", store.user, "status"),
                        ("pending_review", "recommended", store.user, "status")]
        assert all(e.at for e in store.history(app_id))
