"""`issue`: the forms for every department, or a follow-up round pre-filled from a register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.forms.followup import followup_round
from huitoukan.forms.issuing import IssueResult, issue_forms


def issue(
    campaign: Campaign,
    out_dir: Path,
    departments: Sequence[str] = (),
    force: bool = False,
    followup_from: Path | None = None,
    form_date: date | None = None,
    due: date | None = None,
    only_open: bool = False,
) -> IssueResult:
    """Write the forms; with `followup_from` (a register or returns), a follow-up round
    dated `form_date` (default today) and due on `due` (default a week later)."""
    round_ = None
    if followup_from is not None:
        hazards = load_state(campaign, [followup_from]).hazards
        round_ = followup_round(hazards, form_date or date.today(), due, only_open)
    return issue_forms(campaign, out_dir, departments, force=force, followup=round_)
