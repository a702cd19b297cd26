"""The district's register of recognised clusters, kept in the store (revision 0006): recognition,
plan targets, yearly reports and events. Every write is one transaction that also appends a row
to the application's history (kind ``app``; actions recognize, target, annual, event), so the
register's changes show in the same 修改记录 as the application's.

The application itself is not changed: a recognised application is usually exported (sealed);
its follow-up lives beside it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, update

from core.follow import metrics as mt
from core.follow import tables as ft
from core.follow.annual_form import AnnualForm, clean_value, figure_fields, figure_key, load_annual_form
from core.follow.schedule import FollowUpRules, follow_up_rules, parse_date
from core.follow.targets import UP, Context, Target, check_target, decimal_or_none, errors
from core.form import load_form
from core.messages import follow as M
from core.rules import load_ruleset
from core.store import schema as t
from core.store.documents import dumps, loads, now

EVENT_KINDS = {
    "industry": "主导产业变更", "area": "空间范围变更", "operator": "运营管理机构变更",
    "accident": "较大及以上安全、质量、环境污染事故或重大网络安全、数据安全事件",
    "violation": "偷税漏税、违法违规、严重失信等行为", "other": "其他",
}
MAJOR_CHANGES = ("industry", "area", "operator")  # 重大变动: revoke unless reported (报备)
REVOKING = ("accident", "violation")  # revoke whether reported or not


@dataclass(frozen=True)
class Recognition:
    app_id: str
    name: str
    recognized_on: str
    list_name: str
    rules: str
    valid_until: str
    campaign: int
    number: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AnnualReport:
    id: int
    app_id: str
    year: int
    values: dict[str, Any]
    submitted_on: str | None
    created: str
    changed: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    id: int
    app_id: str
    kind: str
    happened_on: str
    description: str
    reported_on: str | None

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS.get(self.kind, self.kind)

    @property
    def revokes(self) -> bool:
        return self.kind in REVOKING or (self.kind in MAJOR_CHANGES and not self.reported_on)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "kind_label": self.kind_label, "revokes": self.revokes}


@dataclass
class Cluster:
    """Everything the register holds about one recognised cluster, read in one snapshot."""

    recognition: Recognition
    doc: dict[str, Any]  # the application document
    targets: list[Target] = field(default_factory=list)
    reports: list[AnnualReport] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def rules(self) -> FollowUpRules:
        return follow_up_rules(self.recognition.rules)

    @property
    def report_years(self) -> list[int]:
        return self.rules.report_years(date.fromisoformat(self.recognition.recognized_on))

    def report(self, year: int) -> AnnualReport | None:
        return next((r for r in self.reports if r.year == year), None)

    def context(self) -> Context:
        return target_context(self.doc, tuple(self.report_years))

    def to_json(self) -> dict[str, Any]:
        return {"recognition": self.recognition.to_json(), "targets": [x.to_json() for x in self.targets],
                "annual_reports": [r.to_json() for r in self.reports], "events": [e.to_json() for e in self.events]}


def target_context(doc: dict[str, Any], years: tuple[int, ...]) -> Context:
    return Context(load_form(doc["form"]), load_ruleset(doc["rules"]), doc["values"], int(doc["campaign"]), years)


def _display(name: str | None) -> str:
    return name or "未命名集群"


class Register:
    """Follow-up reads and writes on a ``core.store.Store``."""

    def __init__(self, store, annual_form: AnnualForm | None = None):
        self.store = store
        self.annual_form = annual_form or load_annual_form()

    # --- helpers --------------------------------------------------------------------------------

    def _app_row(self, conn, ref: str):
        app = self.store._app(conn, ref, for_write=False)
        if app.deleted_at:
            from core.messages import store as SM

            raise SM.DELETED.error()
        row = conn.execute(select(t.applications.c.rules, t.applications.c.number)
                           .where(t.applications.c.id == app.id)).first()
        return app, row.rules, row.number or ""

    def _recognition(self, conn, app_id: str) -> Recognition | None:
        r, a = ft.recognitions.c, t.applications.c
        row = conn.execute(select(r.app_id, a.name, r.recognized_on, r.list_name, r.rules, r.valid_until, a.campaign,
                                  a.number).join_from(ft.recognitions, t.applications, r.app_id == a.id)
                           .where(r.app_id == app_id)).first()
        if row is None:
            return None
        name = row.name or self._cluster_name(conn, app_id)
        return Recognition(row.app_id, name, row.recognized_on, row.list_name, row.rules, row.valid_until,
                           row.campaign, row.number or "")

    def _cluster_name(self, conn, app_id: str) -> str:
        v = conn.execute(select(t.values.c.value).where(t.values.c.app_id == app_id,
                                                        t.values.c.key == "basic.cluster_name")).scalar()
        return loads(v) if v else ""

    def _must_recognition(self, conn, ref: str) -> Recognition:
        app, _, _ = self._app_row(conn, ref)
        rec = self._recognition(conn, app.id)
        if rec is None:
            raise M.NOT_RECOGNIZED.error(name=_display(app.name or self._cluster_name(conn, app.id)))
        return rec

    def _history(self, conn, app_id: str, action: str, note: dict[str, Any]) -> None:
        self.store._record(conn, app_id, now(), action, "app", None, None, dumps(note, "认定后管理记录"))

    # --- recognition ----------------------------------------------------------------------------

    def recognize(self, ref: str, on: date | str, list_name: str) -> Recognition:
        """Record the application as 已认定 on ``on`` (from the list ``list_name``); the end of
        validity comes from its rule set's follow_up block."""
        on = parse_date(on, "认定日期") if isinstance(on, str) else on
        list_name = (list_name or "").strip()
        if not list_name:
            raise M.NO_LIST.error()
        with self.store._write() as conn:
            app, rules, number = self._app_row(conn, ref)
            name = _display(app.name or self._cluster_name(conn, app.id))
            old = self._recognition(conn, app.id)
            if old is not None:
                raise M.ALREADY_RECOGNIZED.error(name=name, date=old.recognized_on, list=old.list_name)
            if on.year < app.campaign:
                raise M.DATE_BEFORE_CAMPAIGN.error(date=on.isoformat(), campaign=app.campaign)
            fu = follow_up_rules(rules)
            until = fu.valid_until(on)
            at = now()
            conn.execute(insert(ft.recognitions).values(
                app_id=app.id, recognized_on=on.isoformat(), list_name=list_name, rules=rules,
                valid_until=until.isoformat(), at=at, user=self.store.user))
            self._history(conn, app.id, "recognize", {"recognized_on": on.isoformat(), "list": list_name,
                                                      "valid_until": until.isoformat(), "citation": fu.validity.citation})
            return Recognition(app.id, name, on.isoformat(), list_name, rules, until.isoformat(), app.campaign, number)

    def recognition(self, ref: str) -> Recognition | None:
        with self.store._read() as conn:
            app, _, _ = self._app_row(conn, ref)
            return self._recognition(conn, app.id)

    def recognitions(self) -> list[Recognition]:
        r, a = ft.recognitions.c, t.applications.c
        with self.store._read() as conn:
            ids = conn.execute(select(r.app_id).join_from(ft.recognitions, t.applications, r.app_id == a.id)
                               .where(a.deleted_at.is_(None)).order_by(r.valid_until, r.app_id)).scalars().all()
            return [self._recognition(conn, i) for i in ids]

    def cluster(self, ref: str) -> Cluster:
        with self.store._read() as conn:
            rec = self._must_recognition(conn, ref)
            return Cluster(rec, self.store._document(conn, rec.app_id), self._targets(conn, rec.app_id),
                           self._reports(conn, rec.app_id), self._events(conn, rec.app_id))

    # --- plan targets ---------------------------------------------------------------------------

    def _targets(self, conn, app_id: str) -> list[Target]:
        c = ft.targets.c
        rows = conn.execute(select(*ft.targets.c).where(c.app_id == app_id).order_by(c.id)).mappings().all()
        form_id = conn.execute(select(t.applications.c.form).where(t.applications.c.id == app_id)).scalar()
        form = load_form(form_id)

        def places(key: str, unit: str) -> int:
            m = mt.metric(form, key, unit)
            return m.decimals if m else 2

        return [Target(metric=r["metric"], label=r["label"], unit=r["unit"], target=Decimal(r["target"]),
                       year=r["year"], direction=r["direction"], baseline=decimal_or_none(r["baseline"]),
                       source=r["source"] or "", id=r["id"], confirmed=r["confirmed_at"] is not None,
                       decimals=places(r["metric"], r["unit"]))
                for r in rows]

    def targets(self, ref: str) -> list[Target]:
        with self.store._read() as conn:
            app, _, _ = self._app_row(conn, ref)
            return self._targets(conn, app.id)

    def add_target(self, ref: str, target: Target, *, confirm: bool = False) -> Target:
        """Store a target (proposed, or confirmed at once). A confirmed target must have no errors."""
        with self.store._write() as conn:
            app, _, _ = self._app_row(conn, ref)
            rec = self._recognition(conn, app.id)
            doc = self.store._document(conn, app.id)
            years = tuple(follow_up_rules(rec.rules).report_years(date.fromisoformat(rec.recognized_on))) if rec else ()
            if confirm:
                self._refuse_errors(target, target_context(doc, years))
            at = now()
            row = {"app_id": app.id, "metric": target.metric, "label": target.label, "unit": target.unit,
                   "baseline": None if target.baseline is None else str(target.baseline),
                   "target": str(target.target), "year": target.year, "direction": target.direction or UP,
                   "source": target.source or None, "confirmed_at": at if confirm else None, "at": at}
            target.id = conn.execute(insert(ft.targets).values(**row)).inserted_primary_key[0]
            target.confirmed = confirm
            self._history(conn, app.id, "target", {"op": "confirm" if confirm else "propose", "target": target.to_json()})
            return target

    def _refuse_errors(self, target: Target, ctx: Context) -> None:
        bad = errors(check_target(target, ctx))
        if bad:
            raise M.TARGET_ERRORS.error(label=target.label, problems="；".join(p.message for p in bad))

    def update_target(self, ref: str, target_id: int, *, target: Decimal | None = None, year: int | None = None,
                      confirm: bool = False) -> Target:
        with self.store._write() as conn:
            app, _, _ = self._app_row(conn, ref)
            current = next((x for x in self._targets(conn, app.id) if x.id == target_id), None)
            if current is None:
                raise M.UNKNOWN_TARGET.error(id=target_id, name=_display(app.name))
            if target is not None:
                current.target = target
            if year is not None:
                current.year = year
            rec = self._recognition(conn, app.id)
            years = tuple(follow_up_rules(rec.rules).report_years(date.fromisoformat(rec.recognized_on))) if rec else ()
            if confirm or current.confirmed:
                self._refuse_errors(current, target_context(self.store._document(conn, app.id), years))
            values = {"target": str(current.target), "year": current.year}
            if confirm and not current.confirmed:
                values["confirmed_at"] = now()
                current.confirmed = True
            conn.execute(update(ft.targets).where(ft.targets.c.id == target_id).values(**values))
            self._history(conn, app.id, "target", {"op": "confirm" if confirm else "edit", "target": current.to_json()})
            return current

    def delete_target(self, ref: str, target_id: int) -> None:
        with self.store._write() as conn:
            app, _, _ = self._app_row(conn, ref)
            current = next((x for x in self._targets(conn, app.id) if x.id == target_id), None)
            if current is None:
                raise M.UNKNOWN_TARGET.error(id=target_id, name=_display(app.name))
            conn.execute(delete(ft.targets).where(ft.targets.c.id == target_id))
            self._history(conn, app.id, "target", {"op": "delete", "target": current.to_json()})

    # --- yearly reports -------------------------------------------------------------------------

    def _reports(self, conn, app_id: str) -> list[AnnualReport]:
        c = ft.annual.c
        rows = conn.execute(select(*ft.annual.c).where(c.app_id == app_id).order_by(c.year)).mappings().all()
        return [AnnualReport(r["id"], r["app_id"], r["year"], loads(r["values"]), r["submitted_on"], r["created"],
                             r["changed"]) for r in rows]

    def new_annual(self, ref: str, year: int) -> AnnualReport:
        with self.store._write() as conn:
            rec = self._must_recognition(conn, ref)
            years = follow_up_rules(rec.rules).report_years(date.fromisoformat(rec.recognized_on))
            if year not in years:
                raise M.ANNUAL_YEAR.error(year=year, name=rec.name, years="、".join(map(str, years)) or "无")
            old = next((r for r in self._reports(conn, rec.app_id) if r.year == year), None)
            if old is not None:
                state = f"已于 {old.submitted_on} 报送" if old.submitted_on else "草稿"
                raise M.ANNUAL_EXISTS.error(name=rec.name, year=year, state=state)
            at = now()
            rid = conn.execute(insert(ft.annual).values(app_id=rec.app_id, year=year, values="{}", created=at,
                                                        changed=at)).inserted_primary_key[0]
            self._history(conn, rec.app_id, "annual", {"op": "new", "year": year})
            return AnnualReport(rid, rec.app_id, year, {}, None, at, at)

    def annual(self, ref: str, year: int) -> AnnualReport:
        with self.store._read() as conn:
            rec = self._must_recognition(conn, ref)
            return self._annual(conn, rec, year)

    def _annual(self, conn, rec: Recognition, year: int) -> AnnualReport:
        found = next((r for r in self._reports(conn, rec.app_id) if r.year == year), None)
        if found is None:
            raise M.NO_ANNUAL.error(name=rec.name, year=year)
        return found

    def figure_fields(self, cluster: Cluster):
        doc = cluster.doc
        return figure_fields(self.annual_form, load_form(doc["form"]), load_ruleset(doc["rules"]), cluster.targets)

    def set_annual(self, ref: str, year: int, values: dict[str, Any]) -> AnnualReport:
        """Set items of a yearly report (all checked first: one bad value stores none)."""
        cluster = self.cluster(ref)
        figures = self.figure_fields(cluster)
        cleaned = {figure_key(k) if not k.startswith("report.") else k:
                   clean_value(self.annual_form, figures, year, figure_key(k), v) for k, v in values.items()}
        with self.store._write() as conn:
            rec = self._must_recognition(conn, cluster.recognition.app_id)
            report = self._annual(conn, rec, year)
            if report.submitted_on:
                raise M.ANNUAL_SUBMITTED.error(name=rec.name, year=year, date=report.submitted_on)
            old = dict(report.values)
            for k, v in cleaned.items():
                if v is None:
                    report.values.pop(k, None)
                else:
                    report.values[k] = v
            if report.values == old:
                return report
            report.changed = now()
            conn.execute(update(ft.annual).where(ft.annual.c.id == report.id)
                         .values(values=dumps(report.values, "年度培育情况"), changed=report.changed))
            changed = {k: report.values.get(k) for k in cleaned if old.get(k) != report.values.get(k)}
            self._history(conn, rec.app_id, "annual", {"op": "set", "year": year, "values": changed})
            return report

    def submit_annual(self, ref: str, year: int, on: date | str) -> AnnualReport:
        on = parse_date(on, "报送日期") if isinstance(on, str) else on
        with self.store._write() as conn:
            rec = self._must_recognition(conn, ref)
            report = self._annual(conn, rec, year)
            if report.submitted_on:
                raise M.ANNUAL_SUBMITTED.error(name=rec.name, year=year, date=report.submitted_on)
            report.submitted_on = on.isoformat()
            conn.execute(update(ft.annual).where(ft.annual.c.id == report.id).values(submitted_on=report.submitted_on))
            self._history(conn, rec.app_id, "annual", {"op": "submit", "year": year, "submitted_on": report.submitted_on})
            return report

    # --- events ---------------------------------------------------------------------------------

    def _events(self, conn, app_id: str) -> list[Event]:
        c = ft.events.c
        rows = conn.execute(select(c.id, c.app_id, c.kind, c.happened_on, c.description, c.reported_on)
                            .where(c.app_id == app_id).order_by(c.happened_on, c.id)).all()
        return [Event(*r) for r in rows]

    def add_event(self, ref: str, kind: str, happened_on: date | str, description: str,
                  reported_on: date | str | None = None) -> Event:
        if kind not in EVENT_KINDS:
            raise M.BAD_EVENT_KIND.error(kind=kind, kinds="、".join(f"{k}（{v}）" for k, v in EVENT_KINDS.items()))
        happened = parse_date(happened_on, "事件日期") if isinstance(happened_on, str) else happened_on
        reported = parse_date(reported_on, "报备日期") if isinstance(reported_on, str) else reported_on
        description = (description or "").strip()
        if not description:
            raise M.NO_EVENT_TEXT.error()
        if reported is not None and reported < happened:
            raise M.EVENT_REPORTED_BEFORE.error(reported=reported.isoformat(), happened=happened.isoformat())
        with self.store._write() as conn:
            rec = self._must_recognition(conn, ref)
            row = {"app_id": rec.app_id, "kind": kind, "happened_on": happened.isoformat(), "description": description,
                   "reported_on": reported.isoformat() if reported else None, "at": now()}
            eid = conn.execute(insert(ft.events).values(**row)).inserted_primary_key[0]
            row.pop("at")
            event = Event(eid, **row)
            self._history(conn, rec.app_id, "event", {"op": "add", "event": event.to_json()})
            return event

    def report_event(self, ref: str, event_id: int, on: date | str) -> Event:
        """Record the 报备 of an event on ``on``."""
        on = parse_date(on, "报备日期") if isinstance(on, str) else on
        with self.store._write() as conn:
            rec = self._must_recognition(conn, ref)
            event = next((e for e in self._events(conn, rec.app_id) if e.id == event_id), None)
            if event is None:
                raise M.UNKNOWN_EVENT.error(id=event_id, name=rec.name)
            if on < date.fromisoformat(event.happened_on):
                raise M.EVENT_REPORTED_BEFORE.error(reported=on.isoformat(), happened=event.happened_on)
            conn.execute(update(ft.events).where(ft.events.c.id == event_id).values(reported_on=on.isoformat()))
            event = Event(event.id, event.app_id, event.kind, event.happened_on, event.description, on.isoformat())
            self._history(conn, rec.app_id, "event", {"op": "report", "event": event.to_json()})
            return event


def metric_for(cluster: Cluster, key: str, unit: str = "") -> mt.Metric | None:
    return mt.metric(load_form(cluster.doc["form"]), key, unit)
