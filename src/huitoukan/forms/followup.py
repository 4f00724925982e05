"""The follow-up round (动态清零): each department's form pre-filled with its latest rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pydantic import BaseModel

from huitoukan.model.findings import Finding, number_key
from huitoukan.model.returns import HazardRow

FOLLOWUP_DAYS = 7
"""Days a follow-up round gives departments to answer, unless told otherwise."""


class FollowUp(BaseModel):
    """A follow-up round: forms pre-filled with each department's latest rows."""

    rows: dict[str, list[HazardRow]]
    """Department → its hazards as last returned (closed ones included)."""
    form_date: date
    due: date
    only_open: bool = False
    signed: dict[str, tuple[str, str, str]] = {}
    """Department → (主要负责人, 上报人, 联系方式) of its latest return, given again."""

    def owes(self, department: str, findings: Iterable[Finding] = ()) -> bool:
        """`department` still has something open: a hazard not closed, or an assigned
        problem it has not closed (answered or not). (Who has not returned the first
        round is reminded by `remind`, not sent a second form.)"""
        rows = self.rows.get(department, [])
        if any(not h.closed for h in rows):
            return True
        closed = {number_key(h.number) for h in rows if h.number and h.closed}
        return any(
            department in f.departments and number_key(f.number) not in closed for f in findings
        )


def followup_round(
    hazards: list[HazardRow],
    form_date: date,
    due: date | None = None,
    only_open: bool = False,
    signed: dict[str, tuple[str, str, str]] | None = None,
) -> FollowUp:
    """Each department's hazards as last returned, in their order, and who signed and sent
    its latest return (`signed`); `due` defaults to FOLLOWUP_DAYS after the form's date."""
    rows: dict[str, list[HazardRow]] = {}
    for hazard in hazards:
        rows.setdefault(hazard.department, []).append(hazard)
    deadline = due or form_date + timedelta(days=FOLLOWUP_DAYS)
    return FollowUp(
        rows=rows, form_date=form_date, due=deadline, only_open=only_open, signed=signed or {}
    )
