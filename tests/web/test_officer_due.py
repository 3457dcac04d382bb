"""What is due, worked out from read-model rows (api/web/officer/due.py): the 05/15/25
reporting days of seed 004, a registration deadline read inclusively or not, the dossier
deadline counted from the reader's proposing units. No database, no browser."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from api.web.officer.due import by_date, due_items
from api.web.officer.reach import plan_view

UNIT, OTHER, DISTRICT = uuid4(), uuid4(), uuid4()


def plan(**changes) -> dict:
    row = {"plan_id": uuid4(), "phases": "[]", "award_forms": "[]", "quota_rules": "[]", "standards": [],
           "report_days": [5, 15, 25], "grace_days": 0, "period_start": date(2024, 1, 1), "period_end": None,
           "launched_on": date(2024, 1, 1), "issued_on": date(2023, 12, 20), "end_condition_met_on": None,
           "closed_on": None}
    return plan_view({**row, **changes})


def registered(unit, phase: str = "") -> dict:
    return {"unit_id": unit, "phase": phase}


def test_the_05_15_25_schedule_shows_the_missing_day_late_and_the_next_three():
    items = due_items(plan(), [UNIT], [registered(UNIT)], [{"unit_id": UNIT, "day": date(2024, 1, 5)}], [],
                      today=date(2024, 1, 16))
    reports = [(i.report_day, i.state, i.days_left) for i in items if i.kind == "report"]
    assert reports == [(date(2024, 1, 15), "late", -1), (date(2024, 1, 5), "done", -11),
                       (date(2024, 1, 25), "ahead", 9), (date(2024, 2, 5), "ahead", 20), (date(2024, 2, 15), "ahead", 30)]


def test_grace_days_move_the_day_a_report_is_due():
    items = due_items(plan(grace_days=2), [UNIT], [registered(UNIT)], [], [], today=date(2024, 1, 16))
    first_missing = next(i for i in items if i.kind == "report")
    assert (first_missing.report_day, first_missing.due, first_missing.state) == (date(2024, 1, 5), date(2024, 1, 7), "late")
    due_soon = next(i for i in items if i.kind == "report" and i.report_day == date(2024, 1, 15))
    assert (due_soon.due, due_soon.state, due_soon.days_left) == (date(2024, 1, 17), "soon", 1)


def test_no_report_is_due_from_a_unit_that_has_not_registered():
    assert [i for i in due_items(plan(), [UNIT], [], [], [], today=date(2024, 1, 16)) if i.kind == "report"] == []


def test_registration_deadline_before_a_day_ends_the_day_before():
    phases = ('[{"name": "Đợt 1", "start": "2021-10-01", "end": "2021-12-31", "start_precision": "day",'
              ' "registration_deadline": {"on": "2021-10-12", "inclusive": false},'
              ' "dossier_deadline": {"on": "2021-12-29", "inclusive": true}}]')
    p = plan(phases=phases, report_days=[])
    items = due_items(p, [UNIT, OTHER], [registered(UNIT, "Đợt 1")], [], [], today=date(2021, 10, 11))
    registration = next(i for i in items if i.kind == "registration")
    assert (registration.due, registration.days_left, registration.state) == (date(2021, 10, 11), 0, "soon")
    assert (registration.done, registration.total) == (1, 2)
    late = due_items(p, [UNIT, OTHER], [registered(UNIT, "Đợt 1")], [], [], today=date(2021, 10, 12))
    assert next(i for i in late if i.kind == "registration").state == "late"
    everyone = due_items(p, [UNIT, OTHER], [registered(UNIT, "Đợt 1"), registered(OTHER, "Đợt 1")], [], [],
                         today=date(2021, 10, 20))
    assert next(i for i in everyone if i.kind == "registration").state == "done"


def test_the_dossier_is_done_when_the_proposing_units_nominations_are_handed_in():
    phases = ('[{"name": "", "start": "2021-10-01", "end": "2021-12-31", "start_precision": "day",'
              ' "registration_deadline": null, "dossier_deadline": {"on": "2021-12-29", "inclusive": true}}]')
    p = plan(phases=phases, report_days=[])
    drafted = {"phase": "", "status": "drafted", "proposing_unit_id": DISTRICT}
    submitted = {**drafted, "status": "submitted"}
    someone_else = {**submitted, "proposing_unit_id": uuid4()}

    def dossier(nominations, today=date(2021, 12, 1)):
        items = due_items(p, [UNIT], [], [], nominations, today, proposers=[DISTRICT, UNIT])
        return next(i for i in items if i.kind == "dossier")
    assert (dossier([drafted, someone_else]).done, dossier([drafted, someone_else]).total) == (0, 1)
    assert dossier([submitted]).state == "done"
    assert dossier([drafted], today=date(2021, 12, 30)).state == "late"
    for_my_union = {**someone_else, "status": "drafted", "nominee_id": UNIT}  # proposed above, nominating mine
    assert (dossier([for_my_union]).done, dossier([for_my_union]).total) == (0, 1)


def test_without_a_nomination_the_dossier_deadline_shows_until_it_passes_never_late():
    phases = ('[{"name": "", "start": "2021-10-01", "end": "2021-12-31", "start_precision": "day",'
              ' "registration_deadline": null, "dossier_deadline": {"on": "2021-12-29", "inclusive": true}}]')
    p = plan(phases=phases, report_days=[])

    def dossiers(today):
        return [(i.total, i.state) for i in due_items(p, [UNIT], [], [], [], today) if i.kind == "dossier"]
    assert dossiers(date(2021, 12, 29)) == [(0, "soon")]
    assert dossiers(date(2021, 12, 30)) == []


def test_late_first_then_by_day_done_last():
    items = due_items(plan(), [UNIT], [registered(UNIT)], [{"unit_id": UNIT, "day": date(2024, 1, 5)}], [],
                      today=date(2024, 1, 16))
    assert [i.state for i in by_date(items)] == ["late", "ahead", "ahead", "ahead", "done", "done"]
