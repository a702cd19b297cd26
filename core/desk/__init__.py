"""The review desk (评审台): a district (or city) office receives a campaign's submissions, checks
them, compares them and recommends the best — 受理 → 初审 → 实地核查 → 择优推荐.

    Desk.open(db)                        the register, in the store's database (revision 0004)
    intake_folder(desk, folder, rules)   受理: verify, check, register every file of a folder
    review.record / review.decide        初审: per-item verdicts beside the program's, the decision
    inspection.record                    实地核查
    ranking.set_order / compare_rows     择优: compare data, order, quota
    outgoing.export_outgoing             the signed package that goes up, with the inner packages
    verify_outgoing.verify_nested        the receiving side's check of such a package
    deadlines.campaign_status            days left and what is not done

Everything here is headless (no Qt); ``core/cli/desk_cmds.py`` and ``desktop/desk`` call it.
"""

from core.desk.register import Desk, Event, Submission

__all__ = ["Desk", "Event", "Submission"]
