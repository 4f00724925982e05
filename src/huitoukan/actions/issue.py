"""`issue`: the forms for every department, or a follow-up round pre-filled from a register."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.findings import load_findings, unnamed_list
from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign, default_campaign
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError
from huitoukan.files import collect_command, xlsx_name
from huitoukan.findings.answers import part_key
from huitoukan.forms.followup import FollowUp, followup_round
from huitoukan.forms.issuing import DAYS_TO_FILL, FORM_FILE_SUFFIX, IssueResult, issue_forms
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Code, Problem
from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
from huitoukan.register.reading import is_register
from huitoukan.register.record import recorded_coverage
from huitoukan.register.rounds import IssuedRound, record_round
from huitoukan.returns.finding import saved_by_someone


def issue(
    campaign: Campaign,
    out_dir: Path,
    departments: Sequence[str] = (),
    force: bool = False,
    followup_from: Path | None = None,
    form_date: date | None = None,
    due: date | None = None,
    only_open: bool = False,
    findings_file: Path | None = None,
    today: date | None = None,
) -> IssueResult:
    """Write the forms, each listing its department's assigned problems first (from
    `findings_file` or campaign.toml's list); with `followup_from` (a register or returns),
    a follow-up round dated `form_date` (default today) and due on `due` (default a week
    later), assigned problems carried forward like any other row. Forms of the campaign
    issued to some `departments` (one added mid-campaign, one given a new form) on their
    `form_date` or `today` (default: the computer's) with fewer than DAYS_TO_FILL days left
    before its 报送截止 say so."""
    listed = load_findings(campaign, findings_file)
    findings = listed.findings if listed else None
    round_ = None
    assigned_on: dict[str, date | None] | None = None
    on_paper: set[str] = set()  # parts a department's return has carried
    again = "huitoukan collect"  # what collects again (typed as printed, it asked for the
    # folders the register was collected from: clerk trial 155)
    if followup_from is not None:
        if not followup_from.exists() and xlsx_name(followup_from).is_file():
            followup_from = xlsx_name(followup_from)  # 全校隐患台账 for 全校隐患台账.xlsx
        day = form_date or date.today()
        if due is not None and due < day:
            raise InputError(
                f"本轮报送截止日期 {chinese_date(due)} 早于表头日期 {chinese_date(day)}，"
                "请检查 --due 和 --date"
            )
        # judged as of the round's day, as the register it may be read from was (a 销号时间
        # typed a year on was read from returns as of the computer's day, and prefilled
        # without a word: clerk trial 69)
        state = load_state(campaign, [followup_from], day, findings=findings)
        again = collect_command(state.looked_in, kept_elsewhere(followup_from))
        findings = state.findings
        assigned_on = state.assigned_on
        on_paper = {part_key(m.number, m.department) for m in state.mentions}
        round_ = followup_round(state.hazards, day, due, only_open, state.signed)
    result = issue_forms(
        campaign,
        out_dir,
        departments,
        force=force,
        followup=round_,
        findings=findings or (),
        issued_on=form_date or today,
        filled=_filled_in_place(out_dir),
    )
    tracked = None
    if round_ is not None and followup_from is not None and is_register(followup_from):
        issued = IssuedRound(
            form_date=round_.form_date,
            due=round_.due,
            departments=[form.department for form in result.forms],
            folder=str(out_dir.resolve()),
            returns_before={
                form.department: len(state.sent.get(form.department, ())) for form in result.forms
            },
        )
        if record_round(followup_from, issued):
            tracked = round_.due
    # (from the day the forms are dated, when given: 已过 356 天 of forms dated ten days
    # before it, back-filled a year later: clerk trial 186 AL16)
    left = (campaign.info.returns_due - (form_date or today or date.today())).days
    # the first round's forms are handed over on their --date, else the 印发日期 (a warning
    # dated the handover 11月25日 of forms issued on the 26th: clerk trial 172 Y5)
    handed_on = (form_date if round_ is None else None) or campaign.info.issued_on
    day = round_.form_date if round_ is not None else handed_on

    def first_on_paper(key: str) -> date | None:
        """When the part `key` first reached its department on paper: with the forms
        (None) for one the register's first collect knew; before (never said) for one a
        return of the department has carried — the follow-up chases it; else on this
        round's form (the day a collect first saw it assigned was used: a part assigned
        before its deadline, first sent after it, was not said, clerk trial 63)."""
        if key in on_paper:
            return date.min
        if assigned_on is not None and key in assigned_on and assigned_on[key] is None:
            return None
        return day

    since = {
        key: first_on_paper(key)
        for finding in findings or ()
        for department in finding.departments
        for key in [part_key(finding.number, department)]
    }
    overdue = _due_when_issued(
        findings or (), result, round_, since, handed_on, assigned_on or {}, again
    )
    return result.model_copy(
        update={
            "list_problems": [*(listed.problems if listed else []), *overdue],
            "tracked_until": tracked,
            "days_left": left if departments and not round_ and left < DAYS_TO_FILL else None,
            "days_from_date": form_date is not None,
            "due_passed": (
                campaign.info.returns_due
                if not departments
                and round_ is None
                and left < 0
                and campaign.info != default_campaign().info  # (the built-in: an example)
                else None
            ),
            "list_not_named": unnamed_list(campaign, findings_file),
            "other_campaign": _register_of_another(campaign) if round_ is None else "",
            "ends_before_due": (
                campaign.info.ends_on
                if round_ is not None and round_.due > campaign.info.ends_on
                else None
            ),
            "days_after_end": (
                (round_.form_date - campaign.info.ends_on).days
                if round_ is not None and round_.form_date > campaign.info.ends_on
                else None
            ),
        }
    )


def _register_of_another(campaign: Campaign) -> str:
    """The campaign the working folder's register was collected for, when not `campaign`."""
    recorded = recorded_coverage(Path(REGISTER_FILE)) if Path(REGISTER_FILE).is_file() else None
    if recorded is None or not recorded.made_for_another(campaign.info.name):
        return ""
    return recorded.campaign


def _filled_in_place(folder: Path) -> set[str]:
    """The forms in `folder` a department has filled in and saved there (a shared folder)."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.glob(f"*{FORM_FILE_SUFFIX}") if saved_by_someone(p)}


def _due_when_issued(
    findings: Sequence[Finding],
    result: IssueResult,
    round_: FollowUp | None,
    since: Mapping[str, date | None],
    issued_on: date,
    given: Mapping[str, date | None],
    again: str = "huitoukan collect",
) -> list[Problem]:
    """A warning on each assigned problem sent, still open, to a department first given
    it on paper after its 整改时限 (`since`: the day each part was; None: with the forms,
    `issued_on`): overdue the day it got it, and the department cannot change the date (a
    problem given a department mid-campaign, its date passed: clerk trials 62, 63). One the
    list gave after its 整改时限 (`given`: `answers.assignment_days`) is overdue from that
    day, not from the 整改时限 (the register's rule: `HazardRow.due_from`); `again`, the
    command that collects again."""
    said = []
    for finding in findings:
        deadline = finding.deadline
        if deadline is None:
            continue
        owing = [
            form.department
            for form in result.forms
            if form.department in finding.departments
            and deadline < (since.get(part_key(finding.number, form.department)) or issued_on)
            and not any(
                row.closed and number_key(row.number) == number_key(finding.number)
                for row in (round_.rows.get(form.department, []) if round_ else [])
            )
        ]
        if owing:
            day = max(since.get(part_key(finding.number, d)) or issued_on for d in owing)
            # given mid-campaign after its 整改时限: overdue from that day (“收到表格即已逾期”
            # of a part the register counted 0 days overdue that day: clerk trial 139)
            late = [given.get(part_key(finding.number, d)) for d in owing]
            given_late = all(d is not None and d > deadline for d in late)
            received = "部门收到表格时已到期"
            if given_late:  # (the day the list gave it, not the form's)
                on_paper, day = day, max(d for d in late if d is not None)
                if (days := (on_paper - day).days) > 0:  # (“已到期” 3 days on: trial 140)
                    received = f"到 {chinese_date(on_paper)} 下发表格时已逾期 {days} 天"
            # with the first forms, in a follow-up: the day they were handed over is not
            # recorded (their 印发日期 read as the day of forms given a --date: trial 203 BC6)
            first = round_ is not None and all(
                since.get(part_key(finding.number, d)) is None for d in owing
            )
            said.append(
                finding.said(
                    Code.ASSIGNMENT_DUE_WHEN_ISSUED,
                    "整改时限",
                    finding.deadline_typed or f"{deadline:%Y-%m-%d}",
                    variant="first" if round_ is None else "given" if given_late else "",
                    number=finding.number,
                    what=finding.where[:40],
                    deadline=f"{chinese_date(deadline)}（清单中写的是“{finding.deadline_typed}”）"
                    if finding.deadline_typed
                    else deadline,
                    day="首轮" if first and not given_late else day,
                    departments="、".join(owing),
                    received=received,
                    collect=again,
                )
            )
    return said
