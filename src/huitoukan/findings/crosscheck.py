"""追责: an inspection's findings set against the school's self-check register.

The work plan's rule (四、（三）): what the school's self-check missed and a county check
found is the school's responsibility; what the county missed and the city found, the
county check group's, the county's and the school's; what the city missed and the
province found, every level's. For each finding the register is searched for the
self-check hazard that already named it — the same department when the finding names
one, a similar 部位 and 问题 (`similarity`), a 检查时间 no later than the 发现时间 — and
the finding gets one 结论. A clerk's decision in the list's 对应自查 column (a hazard's
隐患编号 — or its 序号 in the register, which a later collect may change — or 无) is final
and respected on every run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.findings.answers import given_back_on, given_day, part_key, within
from huitoukan.findings.similarity import (
    CANDIDATE,
    FOUND,
    MATCH,
    TO_CONFIRM,
    Hazard,
    Register,
    normalize,
    score,
)
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Code, Problem
from huitoukan.model.returns import (
    DONE,
    FAILED,
    FAILED_BEFORE,
    HAZARD_ID,
    IN_PROGRESS,
    PASSED,
    UNREVIEWED,
    HazardRow,
)
from huitoukan.text import normalize_key


class Conclusion(StrEnum):
    FOUND = "自查已发现"
    FOUND_NOT_RECTIFIED = "自查已发现但未整改到位"
    LISTED_NOT_RECTIFIED = "已列入交办清单但未整改到位"
    """Not found by a department's self-check, but on the school's own list before the
    inspection came: left unassigned, its department never answered, or answered it done
    (“未整改” of one reported done and passed at its 复查: clerk trial 186 AL12)."""
    MISSED = "自查未发现"
    TO_CONFIRM = "待确认"


UNSETTLED = frozenset({Conclusion.MISSED, Conclusion.LISTED_NOT_RECTIFIED, Conclusion.TO_CONFIRM})
"""The conclusions the clerk has to act on: listed on the screen, and the run's exit 1."""


ACCOUNTABLE: dict[str, str] = {
    "县级": "学校",
    "市级": "县级检查组和县（市、区）、学校两级",
    "省级": "各级检查组和市、县（市、区）、学校三级",
    "学校": "学校自查责任部门",
}
"""Who answers for a finding the self-check missed, by the level of the check that found it."""
NO_MATCH = {"无", "没有", "未发现", "0"}
_NUMBERED = re.compile(r"(?:第|序号|No\.?|#)?(\d{1,7})(?:项|条|号)?", re.IGNORECASE)
"""A register 序号 as clerks write it: 7, 第7项, 第7条, 序号7, 7号, No.7."""


@dataclass(frozen=True)
class Candidate:
    number: int
    """The hazard's 序号 in the register's 隐患台账 (1-based)."""
    hazard: HazardRow
    score: float


@dataclass
class Verdict:
    finding: Finding
    conclusion: Conclusion
    match: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    accountable: str = ""
    """追责范围 (for 自查未发现)."""
    note: str = ""
    decided: bool = False
    """The clerk's decision (对应自查) settled it."""
    belied: bool = False
    """A department reported the problem closed before the inspection found it still
    there: to be rectified again, once someone asks (`Crosscheck.reopen`)."""
    review_belied: bool = False
    """The closing the inspection belied awaits its 复查验收: failed there, the department
    reworks it under its own row, nothing to list (the advice to list it beside the list's
    own “尚未销号的，请只保留先发现的那一行”: clerk trial 143)."""
    awaiting_review: tuple[str, ...] = ()
    """Of a problem shared, the departments whose belied closing awaits its 复查验收 (named in
    the advice; beside another's 销号 belied, besides listing it: clerk trial 169 V2)."""
    belied_answer: str = ""
    """The 交办问题 (its 编号) whose answer was belied: its row stays, the finding goes
    beside it (the advice read as if the list had no such problem: clerk trial 141)."""
    listed_alike: str = ""
    """A problem of the 交办问题清单, under a number of the school's own, found by the same
    check at the same department, which the finding, not listed under its own number, may
    be (`actions.crosscheck.listed_alike`)."""
    listed_alike_on: date | None = None
    """That problem's 发现时间, when not the finding's (also to be put right)."""
    answered_then: tuple[tuple[str, HazardRow | None], ...] = ()
    """Of a 交办问题: each department that had it or answered it, with its answer — None when
    it had not answered by the inspection's day (the 检查时状态 of each: `state_then`)."""
    taken_then: tuple[str, ...] = ()
    """Of those, the departments the list took it from on the inspection's day itself
    (named in 检查时状态 for the clerk to check, unmarked beside the one given it: clerk
    trial 175 AB5)."""

    @property
    def in_register(self) -> bool:
        """A hazard of the register is the finding — matched, worded as it (found only
        after the inspection), or named by the clerk: a department tracks it."""
        return (
            self.match is not None
            or any(c.score >= MATCH for c in self.candidates)
            or (self.decided and bool(self.candidates))
        )


@dataclass
class Crosscheck:
    verdicts: list[Verdict]
    problems: list[Problem] = field(default_factory=list)
    untracked: list[Finding] = field(default_factory=list)
    """The findings 自查未发现 that neither the register nor the 交办问题清单 holds: in no
    department's form, so in no register, status, report or archive until listed and issued (a clerk
    had no way to know: clerk trial 113)."""
    review_first: list[Verdict] = field(default_factory=list)
    """The verdicts whose belied closing awaits its 复查验收 (`Verdict.review_belied`)."""
    reopen: list[Verdict] = field(default_factory=list)
    """The verdicts of the findings a department's closing had belied (`Verdict.belied`)
    that the 交办问题清单 does not hold: the hazard stays 已销号 everywhere, and no one is asked to rectify it
    again, until listed and issued (clerk trial 117)."""

    @property
    def exit_code(self) -> int:
        """1 while a finding is unsettled (`UNSETTLED`; SPEC 8: the run found something)."""
        return 1 if any(v.conclusion in UNSETTLED for v in self.verdicts) else 0


def crosscheck(
    campaign: Campaign,
    findings: Sequence[Finding],
    hazards: Sequence[HazardRow],
    known: Sequence[Finding] = (),
    returned: Collection[str] | None = None,
    sent: Mapping[str, Sequence[date]] | None = None,
    withdrawn: Collection[str] = (),
    assigned_on: Mapping[str, date | None] | None = None,
    deadlines_before: Mapping[str, Sequence[tuple[date, date | None]]] | None = None,
    away: Mapping[str, Sequence[tuple[date, date | None]]] | None = None,
    noted: Mapping[str, date | None] | None = None,
    handed: Collection[str] = (),
    notes: Collection[tuple[str, str, date | None, date | None]] = (),
) -> Crosscheck:
    """A 结论 for every finding against the register's `hazards` (in 隐患台账 order), and
    for one the register lacks, against the school's own list of problems (`known`, the
    交办问题清单 the register was made against): one the school listed before the
    inspection came was not missed, it was left unrectified (unassigned, or unanswered).
    `returned`: the departments that returned a form (when known): a finding missed by
    one that returned nothing says so, the first fact for 追责 (trial 48). `sent`: the days
    each department's returns were sent, oldest first (when known): a hazard its returns
    first listed on or after the inspection's day, late (after the 报送截止), is found before
    it by the department's word alone (its 检查时间), which the clerk confirms (trial 54; in
    time, its date is all a return can give of a problem found before the campaign).
    `withdrawn`: the 问题编号 (`number_key`) of problems a corrected list took out; a row
    answering one is an answer still, not the self-check's finding. `assigned_on`: the day
    each part of a listed problem was given, when after the forms were issued: a
    department given it after the inspection did not have it then. `deadlines_before`:
    the 整改时限 listed problems had before the list changed them
    (`RegisterState.deadlines_before`): one is judged by the one of the inspection's day.
    `away`: when the list had taken each part from its department (`RegisterState.away`).
    `noted`: the hazards (隐患编号) read as their department's versions said them before its
    handover note, and the day the note was sent; `handed`: those handed over
    (`Collection.handed_over`), on no 复查验收表; `notes`: the handover notes
    (`Collection.handed_written`) as (department, 问题编号 as compared, day sent, 销号时间).
    Each hazard is judged as its department sent it (`HazardRow.as_the_department_sent`)."""
    hazards = [h.as_the_department_sent() for h in hazards]
    levels = {s.name: s.level for s in campaign.sources}

    def named(source: str) -> str:  # a row's 问题来源 as typed (县（市、区）普查): its name
        # (a register of before session 23 holds it as typed: read as collect reads it now)
        found = campaign.named_source(source)
        return found.name if found is not None else source

    # (a row answering a listed problem has the problem's; one without its number, as typed)
    hazards = [h if h.number else h._replace(source=named(h.source)) for h in hazards]
    numbered = list(enumerate(hazards, start=1))
    listed_as = {number_key(f.number): f for f in known}

    def answers_one(hazard: HazardRow) -> bool:
        return (
            _answers_inspection(hazard, levels)
            or _answered_as(hazard, levels, listed_as, withdrawn)
            or _sent_as_inspections(hazard, levels)
        )

    # a department's answer to a problem an inspection above the school found is no
    # finding of the school's own: its self-check is searched without them
    answers = [e for e in numbered if answers_one(e[1])]
    self_checked = [e for e in numbered if not answers_one(e[1])]
    by_department: dict[str, list[tuple[int, HazardRow]]] = {}
    for entry in self_checked:
        by_department.setdefault(entry[1].department, []).append(entry)
    registers: dict[tuple[str, ...], tuple[list[tuple[int, HazardRow]], Register]] = {}

    def searched(departments: tuple[str, ...]) -> tuple[list[tuple[int, HazardRow]], Register]:
        """The hazards of `departments` (all, when none), indexed once for every finding."""
        if departments not in registers:
            pool = [e for d in departments for e in by_department.get(d, [])]
            pool = pool if departments else self_checked
            registers[departments] = (pool, Register(Hazard(h.location, h.hazard) for _, h in pool))
        return registers[departments]

    result = Crosscheck([])
    ids = functools.cache(lambda: {hazard.hazard_id: n for n, hazard in numbered})
    owners = functools.cache(lambda: _owners_by_place(hazards))
    listing = _LateListing(
        sent or {},
        campaign.info.returns_due,
        assigned_on or {},
        deadlines_before or {},
        away or {},
        noted or {},
        frozenset(handed),
        frozenset(notes),
    )

    def search(finding: Finding, departments: tuple[str, ...] | None = None) -> Verdict:
        """The search's verdict on `finding` among its departments' hazards (`departments`'
        when given: () for all)."""
        of = finding.departments if departments is None else departments
        return _searched(finding, *searched(of), levels, listing, listed_as)

    def name_the_unnamed(verdict: Verdict) -> None:
        """Who should have found a missed finding the list names no school department of
        (decided 无 by the clerk too: it read 未指明 beside the name the inspectors wrote,
        clerk trial 102)."""
        finding = verdict.finding
        if verdict.conclusion is Conclusion.MISSED and not finding.departments:
            there = owners().get(normalize(finding.location), [])
            unnamed = _unnamed(campaign, finding, there)
            if unnamed:
                verdict.accountable = _accountable(finding, levels, unnamed)

    def automatic(finding: Finding) -> Verdict:
        """The verdict without the clerk's 对应自查: the search's, then what else the school
        knew of the problem."""
        verdict = search(finding)
        name_the_unnamed(verdict)
        if verdict.conclusion is Conclusion.MISSED and finding.departments:
            # the school found it after all, in another department's check?
            elsewhere = search(finding, ())
            if elsewhere.match is not None and _sent_as_answer(elsewhere.match.hazard):
                # another department's answer to the problem, the list giving it this one
                # since: the same problem, not “相近的隐患” to confirm (its number lost, and
                # the verdict turned on the department the inspectors wrote: trial 138)
                verdict = elsewhere
            elif elsewhere.conclusion is not Conclusion.MISSED and elsewhere.candidates:
                other = elsewhere.candidates[0].hazard.department
                verdict = Verdict(
                    finding,
                    Conclusion.TO_CONFIRM,
                    None,
                    elsewhere.candidates,
                    note=f"{other}的自查中有相近的隐患（问题清单的责任部门是"
                    f"{'、'.join(finding.departments)}），请核对",
                )
            elif elsewhere.in_register:  # found by another's check after the inspection:
                # tracked there (“台账中没有相近的隐患…尚无部门跟踪整改”, and the clerk told
                # to list it, when 安全保卫处 had it in hand: clerk trial 131)
                other = next(c.hazard.department for c in elsewhere.candidates if c.score >= MATCH)
                verdict.candidates = elsewhere.candidates
                # (a note naming the department already: “学生工作处台账中学生工作处”, trial 138)
                named = elsewhere.note.startswith("台账中")
                verdict.note = elsewhere.note if named else f"{other}{elsewhere.note}"
        if verdict.conclusion is Conclusion.MISSED:
            listed, alike = _listed_before(finding, known, answers, listed_as)
            if listed is not None:
                answered = _answers_to(listed, numbered)
                verdict = _left_unrectified(
                    finding, listed, verdict.candidates, alike, answered, listing
                )
            elif not verdict.in_register:
                _tracked_as_assigned(verdict, answers)
        if verdict.conclusion is Conclusion.MISSED:
            _same_place_listed(verdict, known, numbered)
        if verdict.conclusion is Conclusion.MISSED and (
            reviewed := _failed_review_alike(finding, numbered)
        ):
            verdict = _reviewed_alike(finding, reviewed)
        elif verdict.conclusion is Conclusion.TO_CONFIRM and verdict.candidates:
            verdict = _listed_rather(finding, verdict, known, answers, listed_as, numbered, listing)
        _partners_silent(verdict, listed_as, hazards)
        _numbers_differ(verdict)
        silent = [d for d in finding.departments if returned is not None and d not in returned]
        if verdict.conclusion is Conclusion.MISSED and silent:
            verdict.note = "；".join(
                filter(None, (verdict.note, f"{'、'.join(silent)}未报送自查整改清单"))
            )
        return verdict

    first_named: dict[str, str] = {}
    """隐患编号 → the first finding whose 对应自查 named it."""
    for finding in findings:
        decision = normalize_key(finding.decision)
        if decision:
            verdict = _decided(finding, decision, numbered, ids, levels, result.problems)
            if verdict.match is not None:  # one hazard named for two findings: a slip, mostly
                # (a 编号 copied down a row was taken without a word: clerk trial 113)
                hazard = verdict.match.hazard
                first = first_named.setdefault(hazard.hazard_id, finding.number)
                if first != finding.number:
                    result.problems.append(
                        _about_decision(
                            finding,
                            Code.CROSSCHECK_SHARED_DECISION,
                            hazard_id=hazard.hazard_id,
                            other=first,
                        )
                    )
            if decision in NO_MATCH:  # 无 beside a hazard worded as the finding: said (a
                # department was blamed for a miss, a 95 match overridden silently: trial 106)
                auto = search(finding)
                best = auto.candidates[0] if auto.candidates else None
                if best is not None and best.score >= MATCH:
                    result.problems.append(
                        _about_decision(
                            finding,
                            Code.CROSSCHECK_UNLIKE_DECISION,
                            variant="none",
                            hazard_id=best.hazard.hazard_id,
                            owner=best.hazard.department,
                            where=best.hazard.where[:40],
                            score=round(best.score),
                        )
                    )
            if verdict.match is not None and answers_one(verdict.match.hazard):
                verdict = _answered(finding, verdict.match, numbered, listed_as, listing)
                verdict.decided = True
            elif (
                verdict.match is not None
                and not _before(verdict.match.hazard.checked_on, finding.found_on)
                # (a return sent before the inspection listed it: its 检查时间 typed wrong)
                and listing.sent_before(verdict.match.hazard, finding.found_on) is None
            ):
                verdict = _found_after(finding, verdict.match, levels)
            elif verdict.match is None and verdict.conclusion is Conclusion.TO_CONFIRM:
                # a 对应自查 not understood: what the search found, to choose from again
                # (the candidates and the search's conclusion were gone: clerk trial 106)
                # (the whole of it: the search's alone said 自查未发现 of one the
                # school's list had assigned, 已列入交办清单但未整改到位: clerk trial 113)
                auto = automatic(finding)
                verdict.candidates = auto.candidates
                verdict.note += f"；不按所填，自动核查的结论是“{auto.conclusion.value}”"
            name_the_unnamed(verdict)
            result.verdicts.append(verdict)
            continue
        result.verdicts.append(automatic(finding))
    return result


def _alike(finding: Finding, hazard: HazardRow) -> float:
    """How like `finding` the hazard is: by its words, or, failed at its 复查验收, by them and
    what the reviewer found still wrong (锅炉房未安装一氧化碳报警器, 复查不合格 “报警器未与消防
    控制室联网”, against the city's 一氧化碳报警器未联网: 自查未发现 and 追责, clerk trial 150)."""
    said = score(finding.location, finding.description, hazard.location, hazard.hazard)
    if found_wanting := _found_wanting(hazard):
        worded = f"{hazard.hazard}；{found_wanting}"
        said = max(said, score(finding.location, finding.description, hazard.location, worded))
    return said


def _found_wanting(hazard: HazardRow) -> str:
    """What reviewers found still wrong with `hazard` ('' when none did): its 复查意见 when
    it failed its latest review, or the failures before a later one, kept there (passed
    after the redo, the words were read no more and the finding they matched was called
    自查未发现, the clerk's confirmed match 不相近: clerk trial 151)."""
    if hazard.review == FAILED or FAILED_BEFORE in hazard.review_note:
        return hazard.review_note
    return ""


def _failed_review_alike(
    finding: Finding, numbered: Sequence[tuple[int, HazardRow]]
) -> Candidate | None:
    """The hazard, found before the inspection and failed at its 复查验收, that `finding`
    is like once the reviewer's words are read with its own; None when none is."""
    best: Candidate | None = None
    for n, hazard in numbered:
        if not _found_wanting(hazard) or not _before(hazard.checked_on, finding.found_on):
            continue
        value = _alike(finding, hazard)
        if value >= CANDIDATE and (best is None or value > best.score):
            best = Candidate(n, hazard, value)
    return best


def _reviewed_alike(finding: Finding, reviewed: Candidate) -> Verdict:
    """`finding`, like a hazard the self-check found that failed its 复查验收: for the clerk
    to confirm (自查已发现但未整改到位 when it is the same), not a miss to answer for."""
    hazard = reviewed.hazard
    # (an answer to an assigned problem was called 自查发现: clerk trial 151)
    whose = f"反馈交办问题 {hazard.number} 的" if hazard.number else "自查发现的"
    if hazard.review == FAILED:
        failed = f"它复查不合格，复查意见是“{hazard.review_note[:60]}”"
    else:  # passed since, or awaiting its review again (its 复查意见 keeps the failures)
        passed = ""
        if hazard.review == PASSED and hazard.reviewed_on is not None:
            passed = f"，{chinese_date(hazard.reviewed_on)}复查合格"
        failed = f"它曾复查不合格{passed}，复查意见是“{hazard.review_note[:80]}”"
    note = (
        f"与{hazard.department}{whose}隐患 {hazard.hazard_id}（{hazard.where[:40]}）相近：{failed}，"
        "可能是自查已发现、整改未到位的同一问题；请核对后在"
        "问题清单的“对应自查”中填写隐患编号（是同一问题）或“无”"
    )
    return Verdict(finding, Conclusion.TO_CONFIRM, None, [reviewed], note=note)


def _sent_number(hazard: HazardRow) -> str:
    """The 问题编号 the row answers, or was sent as (`HazardRow.answered_as`); '' for none."""
    return hazard.number or (hazard.answered_as[0] if hazard.answered_as else "")


def _sent_as_answer(hazard: HazardRow) -> bool:
    """The row was sent as the answer to a listed problem, under a number no longer its
    department's (`HazardRow.answered_as`)."""
    return not hazard.number and any(hazard.answered_as[:1])


def _tracked_as_assigned(verdict: Verdict, answers: Sequence[tuple[int, HazardRow]]) -> None:
    """A missed finding worded as a register row answering a problem the school listed on
    the inspection's day or after (the inspection's own, handed out): the self-check missed
    it, and a department tracks it — named (its words among the candidates), not “尚无部门
    跟踪整改” beside its answer 已销号 (clerk trial 136)."""
    finding = verdict.finding
    alike = [
        Candidate(n, h, value)
        for n, h in answers
        if (value := score(finding.location, finding.description, h.location, h.hazard)) >= MATCH
    ]
    if not alike:
        return
    best = max(alike, key=lambda c: c.score)
    verdict.candidates = [best, *verdict.candidates]
    verdict.note = _tracked_note(best.hazard)


def _tracked_note(hazard: HazardRow) -> str:
    """说明 of a missed finding a department tracks as `hazard`, its answer to a problem the
    school listed on the inspection's day or after."""
    return (
        f"台账中{hazard.department} {hazard.hazard_id} 是交办问题 {_sent_number(hazard)} 的"
        f"整改反馈，与之相同（{_answered_so(hazard)}）：交办问题清单中此问题的发现时间不早于"
        "这次检查，不是自查发现的"
    )


def _listed_rather(
    finding: Finding,
    verdict: Verdict,
    known: Sequence[Finding],
    answers: Sequence[tuple[int, HazardRow]],
    listed_as: Mapping[str, Finding],
    numbered: Sequence[tuple[int, HazardRow]],
    listing: _LateListing,
) -> Verdict:
    """A finding only near a row of the self-check (待确认) but worded as a problem the
    school listed before the inspection: the listed problem left unrectified, the row named
    as what may be its answer without its 问题编号. (待确认 named the row only, and the
    clerk confirming it made the department's reworded answer its own finding: 追责 lost on
    a 省级督查 problem, clerk trial 77.) The same when the row is nearer in words but another
    department's than the one the list and the inspectors both give the problem to: the
    listed problem's false 销号 went unsaid, the report counted it 清零 (clerk trial 189 AO1)."""
    listed, alike = _listed_before(finding, known, answers, listed_as)
    near = verdict.candidates[0]
    if listed is None or alike < MATCH:
        return verdict
    others = near.hazard.department not in listed.departments and bool(
        set(listed.departments) & set(finding.departments)
    )
    if alike <= near.score and not others:
        return verdict
    answered = _answers_to(listed, numbered)
    # the row named once, in the note (listed again after it as a candidate, it read as
    # a hazard of its own: clerk trial 78)
    left = _left_unrectified(finding, listed, [], alike, answered, listing)
    left.note += (
        f"；台账中{near.hazard.department} {near.hazard.hazard_id}（{near.hazard.where}）与之相近"
        f"（相似度 {near.score:.0f}），"
        + (
            f"可能是{near.hazard.department}自查发现的同一问题，请核对"
            if others
            else "可能是没有填写问题编号的整改反馈，请核对"
        )
    )
    if not answered and not others:  # the 追责范围 said 未反馈 flatly (clerk trial 78)
        left.accountable = left.accountable.replace(
            "未反馈整改情况）", "没有按问题编号反馈整改情况，相近的隐患见说明）"
        )
    return left


def _same_place_listed(
    verdict: Verdict, known: Sequence[Finding], numbered: Sequence[tuple[int, HazardRow]]
) -> None:
    """A missed finding at the very place of a problem the school listed before (worded
    unlike it): named in the note, with its answers, the clerk to say whether the finding is
    its rectification not done (“交办问题清单中也没有这个问题” beside a 危化品柜 problem of the
    same 化学实验室 whose 整改要求 was the 领用登记 found wanting: clerk trial 189 AO2)."""
    finding = verdict.finding
    place = normalize_key(finding.location)
    if not place or finding.found_on is None:
        return
    if any(c.score >= MATCH for c in verdict.candidates):  # known already (a department's
        return  # answer to it: trial 190 AP4)
    for listed in known:
        if normalize_key(listed.location) != place:
            continue
        if listed.found_on is None or listed.found_on >= finding.found_on:
            continue
        alike = max(  # by their words (the place, the same, scored 地面湿滑 46 like 燃气管道
            # 未安装燃气泄漏报警装置: clerk trial 192 AR7)
            score("", finding.description, "", listed.description),
            _covered_by(finding, "", listed.requirement),
        )
        if alike < _SAME_PLACE_FLOOR:
            continue
        answers = _answers_to(_Listed.of(listed), numbered)
        required = f"，整改要求“{listed.requirement}”" if listed.requirement else ""
        ask = (
            f"是其整改未到位的，请在问题清单的“对应自查”中填写其整改反馈的隐患编号"
            f"（{'、'.join(f'{h.department} {h.hazard_id}' for h in answers)}）"
            if answers
            else "是其整改未到位的，请核对"
        )
        verdict.note = "；".join(
            filter(
                None,
                (
                    verdict.note,
                    f"同一部位有交办问题 {listed.number}（{listed.description}{required}），"
                    f"与之不相近：{ask}",
                ),
            )
        )
        return


def _owners_by_place(hazards: Sequence[HazardRow]) -> dict[str, list[str]]:
    """部位 (normalised) → the departments whose self-check reported hazards there."""
    found: dict[str, list[str]] = {}
    for hazard in hazards:
        place = normalize(hazard.location)
        if place and hazard.department not in found.setdefault(place, []):
            found[place].append(hazard.department)
    return found


def _answers_inspection(hazard: HazardRow, levels: Mapping[str, str]) -> bool:
    """Whether the row answers a problem an inspection above the school found (交办: its
    问题编号 and a source not the school's own check)."""
    return hazard.answers_a_check and levels.get(hazard.source) != "学校"


def _answered_as(
    hazard: HazardRow,
    levels: Mapping[str, str],
    listed_as: Mapping[str, Finding],
    withdrawn: Collection[str],
) -> bool:
    """Whether the row was sent as the answer to a problem an inspection above the school
    found that is not its department's to answer: another department's (a corrected list
    took this one off it), one the list took out (`withdrawn`), or one of a number the list
    does not have sent as an inspection's (its 问题来源 县级普查: the list corrected before
    the first collect). Summed up as its own finding, it counted 自查已发现 (clerk trials 86,
    88, 95); a number the list never had, sent as 自查, leaves it the self-check's."""
    if not hazard.answered_as:
        return False
    number, source = hazard.answered_as
    listed = listed_as.get(number_key(number))
    if listed is not None:
        return levels.get(listed.source) != "学校"
    if number_key(number) in withdrawn:
        return levels.get(source) != "学校"
    return levels.get(source, "学校") != "学校"


def _sent_as_inspections(hazard: HazardRow, levels: Mapping[str, str]) -> bool:
    """Whether the row, without a 问题编号, says an inspection above the school found it (its
    问题来源 省级督查): a department told to delete a withdrawn problem's number from its
    answer did so, and the answer became the self-check's finding (clerk trial 96)."""
    return not hazard.number and levels.get(hazard.source, "学校") != "学校"


@dataclass(frozen=True)
class _Listed:
    """A problem the school knew of before the inspection: from its 交办问题清单, or from the
    register's answer to it when the list no longer has it."""

    number: str
    source: str
    found_on: date | None
    departments: tuple[str, ...]
    location: str
    description: str
    deadline: date | None = None
    withdrawn: bool = False
    """Not in the list now (known from an answer sent as its `HazardRow.answered_as`: taken
    out since, or never in it; or from one sent without its number, `_sent_as_inspections`):
    its 发现时间 is not known, the answer's 检查时间 stands for it."""
    answer: HazardRow | None = field(default=None, compare=False)
    """The answer it is known from, when it is not in the list."""
    requirement: str = ""
    """Its 整改要求, as the list gives it: what its rectification was to cover."""

    @classmethod
    def of(cls, finding: Finding) -> _Listed:
        return cls(
            finding.number,
            finding.source,
            finding.found_on,
            tuple(finding.departments),
            finding.location,
            finding.description,
            finding.deadline,
            requirement=finding.requirement,
        )

    @classmethod
    def answered_by(cls, hazard: HazardRow, listed_as: Mapping[str, Finding]) -> _Listed:
        number, source = (
            (hazard.number, hazard.source)
            if hazard.number
            else hazard.answered_as or ("", hazard.source)
        )
        finding = listed_as.get(number_key(number)) if number else None
        if finding is not None:
            return cls.of(finding)
        return cls(
            number,
            source,
            hazard.checked_on,
            (hazard.department,),
            hazard.location,
            hazard.hazard,
            hazard.deadline,
            withdrawn=not hazard.number,
            answer=hazard,
        )


def _listed_before(
    finding: Finding,
    known: Sequence[Finding],
    answers: Sequence[tuple[int, HazardRow]],
    listed_as: Mapping[str, Finding],
) -> tuple[_Listed | None, float]:
    """The problem of the school's own list — or answered in the register (`answers`: the
    list may have lost it) — most like `finding` (from CANDIDATE up: the same place in
    other words is more likely the problem the school listed than one it missed), listed
    before the inspection found it (the same problem copied into both lists is not
    'before'), and its score (`listed_as`: `known` by 问题编号). Of a problem in the list
    and an answer alike, the list's: it says whose the problem is now (an answer sent
    without its number, the problem given to another department since, made the one
    that answered it answerable: clerk trial 97)."""
    best, best_score = None, float(CANDIDATE)
    earlier = [_Listed.answered_by(h, listed_as) for _, h in answers]
    earlier += [_Listed.of(f) for f in known]  # (the last of the best wins)
    for problem_listed in earlier:
        if problem_listed.found_on is None or finding.found_on is None:
            continue
        if problem_listed.found_on >= finding.found_on:
            continue
        value = score(
            finding.location,
            finding.description,
            problem_listed.location,
            problem_listed.description,
        )
        # what its rectification was to cover (燃气报警器未与切断阀联动 of one to 加装报警器并
        # 联动切断阀: 自查未发现, clerk trial 189 AO2), a near problem at most
        covered = _covered_by(finding, problem_listed.location, problem_listed.requirement)
        value = max(value, min(covered, _COVERED_AT_MOST))
        if value >= best_score:
            best, best_score = problem_listed, value
    return best, best_score


_COVERED_AT_MOST = MATCH - 1
"""A finding worded as what a listed problem's rectification was to cover is near it, not the
same problem: the clerk is asked."""
_REQUIREMENT_PARTS = re.compile(r"[,;，；。、]|并且?|同时")


def _covered_by(finding: Finding, location: str, requirement: str) -> float:
    """How like `finding` what a listed problem's 整改要求 asks is, whole or in any one of its
    parts (落实双人双锁管理，建立领用登记: the 领用登记 found wanting, trial 190 AP3), at
    `location` (none: by their words)."""
    if not requirement:
        return 0.0
    parts = [requirement, *(p for p in _REQUIREMENT_PARTS.split(requirement) if len(p) >= 2)]
    here = finding.location if location else ""
    return max(score(here, finding.description, location, p) for p in parts)


_SAME_PLACE_FLOOR = 27.0
"""How like a missed finding a listed problem at its very place must be by their words (its
description or its 整改要求) to be named beside it: 学生未穿绝缘鞋 was pointed at 配电箱未上锁
(trial 190 AP4), 地面湿滑未设置警示标志 at 燃气管道未安装燃气泄漏报警装置 (21.9) and 实验室安全
管理制度未上墙 at 落实双人双锁管理 (25.1: trial 192 AR7); 燃气泄漏报警器未与切断阀联动 is 28.2
from the first."""


def _answers_to(listed: _Listed, numbered: Sequence[tuple[int, HazardRow]]) -> list[HazardRow]:
    """The register's answers to the listed problem (a department's each, and the rows sent as
    its answers by a department the list no longer gives it to, or sent without its number
    as its inspection's, stating it; to one known only from an answer without its number,
    that answer)."""
    if not listed.number:
        return [listed.answer] if listed.answer is not None else []
    key = number_key(listed.number)

    def unnumbered(hazard: HazardRow) -> bool:  # its number deleted as told (clerk trial 98)
        return (
            not hazard.number
            and not hazard.answered_as
            and hazard.source == listed.source
            and score(listed.location, listed.description, hazard.location, hazard.hazard) >= MATCH
        )

    return [
        h
        for _, h in numbered
        if (number := _sent_number(h)) and number_key(number) == key or unnumbered(h)
    ]


def _answered(
    finding: Finding,
    match: Candidate,
    numbered: Sequence[tuple[int, HazardRow]],
    listed_as: Mapping[str, Finding],
    listing: _LateListing | None = None,
) -> Verdict:
    """The clerk's 对应自查 names a department's answer to a 交办问题: no finding of the
    school's own. Found before this inspection, it was left unrectified; else the row
    answers this very problem, which the self-check did not find."""
    listed = _Listed.answered_by(match.hazard, listed_as)
    if listed.found_on is not None and (
        finding.found_on is None or listed.found_on < finding.found_on
    ):
        answered = _answers_to(listed, numbered)
        # the clerk's word that it is the problem (a score of 1 of 100 asked to check it
        # still), unless what was typed is nothing like it (a 编号 mistyped: called 相近
        # at 0, clerk trial 105)
        alike = 100.0 if match.score >= CANDIDATE else match.score
        return _left_unrectified(finding, listed, [match], alike, answered, listing, True)
    note = (
        f"对应自查填写的是交办问题 {listed.number}（{listed.source}）的整改反馈，"
        "不是自查发现的隐患：请核对后改填自查隐患的编号或“无”"
    )
    return Verdict(finding, Conclusion.TO_CONFIRM, None, [match], note=note)


def _answer_state(
    hazard: HazardRow, listing: _LateListing | None = None, found: date | None = None
) -> str:
    """What a department answered of a 交办问题; of an answer its handover note followed
    (`_LateListing.noted`), when (“反馈整改中” beside a register saying 未反馈: clerk trial
    164), after the inspection on `found` or not (trial 169 V5)."""
    handed = listing is not None and hazard.hazard_id in listing.handed
    # a pass given after the inspection of a closing that stood then (“检查时待复查” of one
    # reported after it: clerk trial 173 Z1)
    stood = found if _closing_stood(hazard, listing, found) else None
    if listing is None or hazard.hazard_id not in listing.noted:
        return _answered_so(hazard, "（未复查，已移交）" if handed else "", stood)
    # (not 已销号: no review passed it, trial 170 W4)
    state = _answered_so(hazard, "（未复查）", stood)
    last = hazard.history[-1][0] if hazard.history else date.min
    when = _sent_when(last, found)
    said = ""
    if last != date.min and chinese_date(last) in state:  # (the day twice: trial 170 W4)
        said = f"{when}所报，" if when else ""
    elif last != date.min:
        said = f"{when} {chinese_date(last)} 所报，" if when else f"{chinese_date(last)}所报，"
    sent = listing.noted[hazard.hazard_id]
    note = "此后报送的是移交说明"
    if sent:  # (“检查后” of a note too: clerk trial 170 W5)
        when = _sent_when(sent, found)
        note = (
            f"{when} {chinese_date(sent)} 报送的是移交说明"
            if when
            else f"{chinese_date(sent)}报送的是移交说明"
        )
    return _bracketed(state, f"{said}{note}")


def _verdict_said(verdict: str, day: date, since: date, when: str) -> str:
    """“{when} {day} {verdict}” of a verdict (复查合格, 复查不合格) given on its 复查时间 `day`
    (`when`, 检查当天 or 检查后, if any); of one written before the day its form was made
    (`since`), that day too (not said: clerk trial 175 AB2)."""
    if since != day:
        made = f"{chinese_date(since)}（{when}）" if when else f"{chinese_date(since)} "
        return f"{verdict}，但复查验收表 {made}才生成，复查时间写的是 {chinese_date(day)}"
    return f"{when} {chinese_date(day)} {verdict}" if when else f"{chinese_date(day)}{verdict}"


def _closing_stood(hazard: HazardRow, listing: _LateListing | None, found: date | None) -> bool:
    """Whether the closing `hazard` reports now stood when the inspection on `found` came
    (reported before it, and not taken back and closed again since)."""
    if found is None or not hazard.reported_done or hazard.closed_on is None:
        return False
    version = hazard.stood_on(found)
    if version is None or version[1] != hazard.closed_on or hazard.closed_on >= found:
        return False
    first = _first_answered(hazard, listing) if version[0] == date.min else None
    return first is None or first < found


def _answered_so(hazard: HazardRow, unreviewed: str = "", found: date | None = None) -> str:
    """`_answer_state` of an answer as the register holds it; a closing awaiting its review
    said `unreviewed` when given (one handed over is on no 复查验收表: “待复查”, clerk trial
    163); a 复查合格 given on or after the day of the inspection on `found` — given when the
    closing stood then —, so (read as accepted before it: clerk trial 170 W3)."""
    if not hazard.reported_done:
        return f"{hazard.department}反馈{hazard.progress or '整改中'}"
    if hazard.closed_on is None:
        return f"{hazard.department}报已完成"
    if hazard.closed:
        said = "已销号"
        reviewed = hazard.reviewed_on if hazard.review == PASSED else None
        since = hazard.reviewed_since  # (signed on a form made after it: trial 173 Z6)
        if reviewed is not None and since is not None and (when := _sent_when(since, found)):
            said = f"已完成（检查时待复查；{_verdict_said('复查合格', reviewed, since, when)}）"
        elif reviewed is not None:  # the school's own word that it was done, days before
            # the inspectors found it was not (clerk trial 66)
            said += f"（{chinese_date(reviewed)}复查合格）"
    elif hazard.review != FAILED and unreviewed:
        said = f"已完成{unreviewed}"
    else:
        said = "已完成（待复查）"
        day, since = hazard.reviewed_on, hazard.reviewed_since
        if hazard.review == FAILED and day is not None and since is not None:  # dated
            # (“检查后” too: clerk trial 173 Z9; written before its form, said: trial 175 AB1)
            said = f"已完成（{_verdict_said('复查不合格', day, since, _sent_when(since, found))}）"
        elif hazard.review == FAILED:
            said = "已完成（复查不合格）"
    return f"{hazard.department}报 {chinese_date(hazard.closed_on)} {said}"


def _said_after(
    state: str, answer: HazardRow, listing: _LateListing | None, found: date | None
) -> str:
    """`state` (`_answer_state`), dated when the department sent it after the inspection
    (`found`): the version that last changed it, else its first (the 说明 of an inspection
    before any answer quoted later ones as if they stood then: clerk trial 166 Q7)."""
    if found is None or (listing is not None and answer.hazard_id in listing.noted):
        return state  # (a note's answer is dated already)
    day = answer.history[-1][0] if answer.history else _first_answered(answer, listing)
    when = _sent_when(day, found) if day is not None else ""  # (检查当天 unmarked: trial 172)
    if day is None or not when:
        return state
    return _bracketed(
        state, f"{when}所报" if chinese_date(day) in state else f"{when} {chinese_date(day)} 所报"
    )


def _sent_when(day: date, found: date | None) -> str:
    """检查当天 or 检查后 of a version sent on `day`, the inspection on `found`; '' when
    before it (or the inspection's day is not known)."""
    if found is None or day < found:
        return ""
    return "检查当天" if day == found else "检查后"


def _read_late(state: str, answer: HazardRow, found: date | None) -> str:
    """`state` (what a department answered), with a word when the version of it that stood
    on the inspection's day by its 日期 was first collected only on that day or after
    (`HazardRow.received_late`): the register held an older one when the inspectors came,
    and a version dated before them is not proof it was sent before them (a correction
    dated the day before, first collected the day after, erased a belied 已完成 without a
    trace: clerk trial 173 Z3)."""
    version = answer.stood_on(found) if found is not None and answer.received_late else None
    read = dict(answer.received_late).get(version[0]) if version is not None else None
    if found is None or version is None or read is None or read < found:
        return state
    when = _sent_when(read, found)
    said = (
        f"表头日期为 {chinese_date(version[0])} 的这一版{when} {chinese_date(read)} 才汇总，"
        "请核实是否检查前报送"
    )
    # and what the register held then, when it said otherwise (a 已完成 of 12月14日 went
    # unsaid beside the 整改中 dated 12月15日: trial 176 AC1)
    # (from which version on: the history keeps the versions that changed the row, and the
    # one said held was the first of several alike, trial 178 AE1)
    held = answer.held_on(found)
    if held is not None and held[1] != version[1]:
        what = f"报 {chinese_date(held[1])} 已完成" if held[1] is not None else "报整改中"
        since = (
            f"（自表头日期为 {chinese_date(held[0])} 的版本起未变）" if held[0] != date.min else ""
        )
        said = f"{said}；检查时台账中{what}{since}"
    return _bracketed(state, said)


def _bracketed(state: str, said: str) -> str:
    """`state` with `said` in its closing bracket, after a semicolon (“（未复查，已移交，检查后
    所报，检查时不由其负责）” read as one list: clerk trial 171 X3), or in one of its own."""
    return f"{state[:-1]}；{said}）" if state.endswith("）") else f"{state}（{said}）"


def _stood(answer: HazardRow, closed_on: date, found: date | None) -> str:
    """What a department answered of a 交办问题 on the day of an inspection (`found`), a
    closing on `closed_on` (`HazardRow.stood_on`), and what its versions said after."""
    last = answer.history[-1][0] if answer.history else date.min
    since = "之后"
    if last != date.min:  # (“检查后 X 改报 X 销号”, “检查后” of one sent that day: trial 170)
        since = f"{_sent_when(last, found)} {chinese_date(last)} "
    closed = answer.closed_on if answer.reported_done else None
    if closed is not None:
        now = "销号" if closed == last else f" {chinese_date(closed)} 销号"
    else:
        now = "已完成" if answer.reported_done else "整改中"
    said = f"已完成（{since}改报{now}）"
    passed = answer.passed_on(closed_on)  # (reviewed before the inspection: trial 170 W3)
    if passed is not None and found is not None and passed < found:
        said = f"已销号（{chinese_date(passed)}复查合格；{since}改报{now}）"
    return f"{answer.department}报 {chinese_date(closed_on)} {said}"


def _as_it_stood(
    answer: HazardRow, listing: _LateListing | None, found: date | None, due: date | None
) -> HazardRow | None:
    """`answer` as the inspection on `found` is to judge it (`state_then`): its versions that
    were handover notes left out (a note's 已完成 read 待复查 once a later answer came: clerk
    trial 173 Z2), the list's 整改时限 of that day when the answer has the list's (an
    extension granted since read 整改中: Z5); None when it had not answered by then."""
    if found is None:
        return answer
    first = _first_answered(answer, listing)
    if first is not None and first >= found:
        return None
    if answer.deadline_assigned and due is not None:
        answer = answer._replace(deadline=due)
    if listing is not None and answer.history:
        kept = tuple(v for v in answer.history if not listing.is_note(answer, v[0], v[2]))
        if not kept:
            return None
        answer = answer._replace(history=kept)
    return answer


def state_then(hazard: HazardRow, day: date, review_required: bool) -> str:
    """The hazard's state when `day` began (核查结果's 检查时状态), '' when no version had
    reported it yet: by the version that stood then (`HazardRow.stood_on`: a closing taken
    back since was 已完成 then, it read 整改中 beside a 说明 saying so, clerk trial 170 W5),
    the 整改时限 its versions gave then, and open if closed only that day or after (it read
    整改中 beside a 说明 saying the deadline had passed, and 已销号 for a closure made since:
    clerk trial 64). A closure reviewed only that day or after was still 待复查 then (it read
    已销号 for a 复查合格 five days after the inspection: clerk trial 73); one changed since
    awaited its review, when one is required."""
    version = hazard.stood_on(day)
    if version is None:
        return ""
    then = hazard._replace(deadline=hazard.deadline_on(day))
    closed = version[1]
    if closed is None or closed >= day:
        progress = IN_PROGRESS if hazard.progress == DONE else hazard.progress
        return then._replace(progress=progress, closed_on=None).state(day)
    if not (hazard.reported_done and hazard.closed_on == closed):  # not the closing now
        passed = hazard.passed_on(closed)
        review = UNREVIEWED if review_required else ""
        if passed is not None and passed < day:
            review = PASSED
        then = then._replace(progress=DONE, closed_on=closed, review=review)
    elif then.review in (PASSED, FAILED) and (since := then.reviewed_since) and since >= day:
        then = then._replace(review=UNREVIEWED)
    return then.state(day)


def _closed_before(hazard: HazardRow, found: date) -> bool:
    """`hazard` was reported done before `found`, and no review has sent it back."""
    return (
        hazard.reported_done
        and hazard.closed_on is not None
        and hazard.closed_on < found
        and hazard.review != FAILED
    )


def _passes(
    done: Sequence[HazardRow], stood: Sequence[tuple[HazardRow, date]] = ()
) -> Iterator[date]:
    """The days a 复查合格 was given of the closings `done`, and of those that `stood` on the
    inspection's day and were taken back since (the answer, the day it closed)."""
    yield from (day for h in done if h.review == PASSED and (day := h.reviewed_since))
    yield from (day for h, closed in stood if (day := h.passed_on(closed)))


def _belied(done: Sequence[HazardRow], stood: Sequence[tuple[HazardRow, date]] = ()) -> str:
    """What the inspection found still there belies of `done`, and of the closings that
    `stood` then and were taken back since: its 销号, and the school's 复查验收 too when one
    accepted it — before the inspection, or after it (the first thing to check: clerk trial
    170 W3; `_found` says the same)."""
    return "销号和复查验收" if any(True for _ in _passes(done, stood)) else "销号"


def _passed_before(
    done: Sequence[HazardRow], stood: Sequence[tuple[HazardRow, date]], found: date | None
) -> bool:
    """A review passed one of `_passes` before `found`: the 销号 the school gave is belied
    too, said in 追责范围 (“报 X 已完成” beside a 说明 saying 已销号, X复查合格: clerk trial
    173 Z9)."""
    return found is not None and any(day < found for day in _passes(done, stood))


def _first_answered(answer: HazardRow, listing: _LateListing | None) -> date | None:
    """The day a department first sent `answer` (its returns' days, else its history; of
    one read as before its handover note, its history: the note's 检查时间 is not the
    answer's, “12月20日才首次反馈” of one answered on 12月14日, clerk trial 164)."""
    noted = listing is not None and answer.hazard_id in listing.noted
    listed = listing.first_listed(answer) if listing is not None and not noted else None
    if listed is None and answer.history and answer.history[0][0] != date.min:
        listed = answer.history[0][0]
    return listed


def _left_unrectified(
    finding: Finding,
    listed: _Listed,
    candidates: list[Candidate],
    alike: float,
    answers: Sequence[HazardRow] = (),
    listing: _LateListing | None = None,
    decided: bool = False,
) -> Verdict:
    day = chinese_date(listed.found_on) if listed.found_on else ""
    where = f"{listed.number}（{listed.source}，{day}发现）"
    found, due = finding.found_on, listed.deadline
    moved = ""  # its 整改时限 changed in the list after the inspection: the one it had then
    if listing is not None and listed.number:
        then = listing.deadline_on(listed.number, due, found)
        if then != due:
            moved = f"，检查后改为 {chinese_date(due)}" if due is not None else ""
            due = then
    # a department given the problem on or after the inspection's day did not have it then;
    # one that answered it as its own (the list gave it that one before) did (总务基建处,
    # given it twelve days after, was blamed for not answering by the inspection's day,
    # with 各二级学院's answer: clerk trial 136). Not known to be given later, the list's
    # departments answer for it, whoever answered (clerk trial 97).
    later = {
        d: given
        for d in listed.departments
        if listing is not None
        and (given := listing.given_on_or_after(listed.number, d, found)) is not None
    }
    holders = [d for d in listed.departments if d not in later]
    if later:
        holders += [h.department for h in answers if h.department not in listed.departments]
    held = listing.held_on(listed.number, found) if listing is not None else None
    if held:  # the list moved it: who had it that day, by the register's record
        holders = held
        later = {d: given for d, given in later.items() if d not in held}
    # those that had it when the inspectors came first, in the list's order (the 说明 began
    # with one that did not, as the list of today ordered them: clerk trial 172 Y2)
    rank = {d: n for n, d in enumerate(dict.fromkeys(holders))}
    answers = sorted(answers, key=lambda h: rank.get(h.department, len(rank)))
    # a department it was taken from before the inspection answers for nothing of it (named
    # beside it): its row (已完成, handing it over) was the new one's 已完成, its review asked
    # to be failed (clerk trial 161)
    judged = [h for h in answers if h.department in holders] if holders else list(answers)
    owners = "、".join(dict.fromkeys(holders))
    handed = "；".join(f"{chinese_date(given)}才交办{d}" for d, given in later.items())
    still = "检查时问题仍在"
    # within its 整改时限 when the inspectors came, or past it: not the same to answer for
    # (a problem due next June read as one overdue: clerk trial 63)
    within = found is not None and due is not None and found <= due
    term = ""
    if found is not None and due is not None:
        term = (
            f"尚在整改时限 {chinese_date(due)} 内"
            if within
            else f"已过整改时限 {chinese_date(due)}{moved}"
        )
    # given (back) to those who had it after its 整改时限 had passed: late from that day,
    # as status counts (“检查时已过整改时限” of one given back that very day: trial 166)
    late_given = (
        listing.late_given(listed.number, holders, due, found)
        if listing is not None and listed.number and found is not None and due is not None
        else None
    )
    if late_given is not None and found is not None and due is not None:
        given, how = late_given
        within = found <= given  # (given that very day: due that day, as status says)
        since = f"整改时限 {chinese_date(due)} {how}时已过，自{how}之日 {chinese_date(given)} 起计"
        term = f"{since}，尚未逾期" if within else f"已过整改时限（{since}）"
    # answered only after the inspectors came: unanswered when they did (the verdict read
    # 反馈整改中 once the department answered, weeks later: clerk trial 77)
    basis = judged or answers  # (none of theirs: when it was first answered at all)
    first_sent = [d for d in (_first_answered(h, listing) for h in basis) if d is not None]
    answered_after = (
        found is not None
        and bool(basis)
        and len(first_sent) == len(basis)
        and min(first_sent) > found
    )
    answered_by = False  # `why` ends with what the departments answered
    closed: date | None = None  # reported done before they came
    reopen = False  # and 销号 still: to be listed to be rectified again (`Verdict.belied`)
    review = False  # or awaiting its review (`Verdict.review_belied`)
    awaiting: tuple[str, ...] = ()  # (`Verdict.awaiting_review`)
    change = listing.changed_on(listed.number, found) if listing and listed.number else None
    if later and not owners:
        why = "但检查时尚未交办整改"
        accountable = "学校（问题已列入交办问题清单，检查时尚未交办）"
    elif answers and not answered_after:
        done = [h for h in judged if found and h.closed_on and h.closed_on < found]
        # a closing that stood when the inspectors came, taken back or moved since (an 整改中
        # sent the day after cleared the department: clerk trial 169 V1)
        stood = {
            h.hazard_id: then
            for h in judged
            if found
            and h not in done
            and (version := h.stood_on(found))
            and (then := version[1])
            and then < found
            and not (listing and listing.is_note(h, *version))
        }
        states = [
            _read_late(
                _said_after(_answer_state(h, listing, found), h, listing, found)
                if h.hazard_id not in stood
                else _stood(h, stood[h.hazard_id], found),
                h,
                found,
            )
            for h in answers
        ]
        # the list moved it: whose answer was not the holders' then (quoted as if theirs:
        # clerk trial 169 V8) — not on the day a collect saw it move, which the clerk is asked
        # to check (trial 171 X3)
        if held and change is None:
            states = [
                _bracketed(state, "检查时不由其负责") if h.department not in holders else state
                for state, h in zip(states, answers, strict=True)
            ]
        # a department that has it and never answered, beside one that did (said of none:
        # clerk trial 169 V2)
        silent = [d for d in dict.fromkeys(holders) if all(h.department != d for h in answers)]
        why = f"已交办{owners}，{'；'.join([*states, *(f'{d}未反馈' for d in silent)])}"
        answered_by = True
        closed = min([*(h.closed_on for h in done if h.closed_on), *stood.values()], default=None)
        reopen = any(h.closed for h in done)
        # (one handed over is on no 复查验收表 to fail it on: clerk trial 163)
        pending = [
            h.department
            for h in done
            if h.unreviewed and (listing is None or h.hazard_id not in listing.handed)
        ]
        review = not reopen and bool(pending)
        # whose, of a problem shared (another's 销号 belied too, the advice was to list it
        # alone: trial 169 V2)
        awaiting = tuple(dict.fromkeys(pending)) if len(set(holders)) > 1 else ()
        if closed is not None:  # reported done before they came: not a deadline missed, a
            # rectification not done (检查时已过整改时限 said of a problem closed in time read
            # as a deadline missed: clerk trial 71) — by those that reported it, of a problem
            # shared (the other's 整改中 read as a false 已完成 too: clerk trial 168 T1)
            closers = list(
                dict.fromkeys(h.department for h in judged if h in done or h.hazard_id in stood)
            )
            others = [d for d in dict.fromkeys(holders) if d not in closers]
            whose = f"{'、'.join(closers)}的" if len(closers) + len(others) > 1 else ""
            taken_back = [(h, stood[h.hazard_id]) for h in judged if h.hazard_id in stood]
            still += f"，整改未到位（请核实{whose}{_belied(done, taken_back)}是否属实）"
            passed = _passed_before(done, taken_back, found)
            accountable = (
                f"责任部门：{'、'.join(closers) if others else owners}（已交办，报 "
                f"{chinese_date(closed)} 已完成{'并经复查合格' if passed else ''}，"
                "检查时问题仍在，整改未到位）"
            )
            if answering := [d for d in others if d not in silent]:
                state = "" if within else "，整改未到位"
                when = f"，检查时{term}" if term else ""
                accountable += f"；{'、'.join(answering)}（已交办{when}{state}）"
            if unanswered := [d for d in others if d in silent]:
                when = f"，{term}" if term else ""
                accountable += f"；{'、'.join(unanswered)}（已交办，检查时未反馈整改情况{when}）"
        elif not judged:  # answered by those it was taken from alone
            accountable = f"责任部门：{owners}（已交办，检查时未反馈整改情况）"
        else:
            state = "" if within else "，整改未到位"
            accountable = f"责任部门：{owners}（已交办{'，检查时' + term if term else ''}{state}）"
        # reported done before the inspection by a department that had it then, the list
        # giving it back since: as much a closing belied (no doubt cast once given back:
        # clerk trial 163 N4)
        doubted = [
            h
            for h in answers
            if holders and h.department not in holders and found and _closed_before(h, found)
        ]
        if closed is None and doubted:
            names = "、".join(dict.fromkeys(h.department for h in doubted))
            still += f"，整改未到位（请核实{names}的{_belied(doubted)}是否属实）"
            day = chinese_date(min(h.closed_on for h in doubted if h.closed_on))
            passed = _passed_before(doubted, (), found)
            accountable += (
                f"；{names}（报 {day} 已完成{'并经复查合格' if passed else ''}，"
                "检查时问题仍在，整改未到位）"
            )
    elif answered_after:
        why = f"已交办{owners}，检查时尚未反馈整改情况（{chinese_date(min(first_sent))}才首次反馈）"
        accountable = f"责任部门：{owners}（已交办，检查时未反馈整改情况）"
    elif owners:
        why = f"已交办{owners}，台账中没有部门的整改反馈"
        accountable = f"责任部门：{owners}（已交办，未反馈整改情况）"
    else:
        why = "但未明确责任部门、未交办整改"
        accountable = "学校（问题已列入交办问题清单，未明确责任部门）"
    if handed and answered_by:  # after the departments' answers, not in the last one's
        # bracket, which read as said of that department (trial 174 AA3)
        why = f"{why}；{handed}"
    elif handed:  # in the bracket closing `why`, if any (two side by side: clerk trial 137)
        why = _bracketed(why, handed)
    if change is not None and holders:  # which had it when the inspectors came: the clerk knows
        took, gave = ("、".join(names) for names in change)
        # (of a shared problem, a department taken out or put back alone: “由X改为负责”,
        # clerk trial 168 T2; the list the subject, one put back said to have it alone: 169)
        partners = "、".join(d for d in dict.fromkeys(holders) if d not in change[1])
        if took and gave:
            what = f"由{took}改为{gave}负责"
        elif took:
            what = f"改为{took}不再负责此问题"
        else:
            what = f"又加上{gave}（与{partners}共同负责）" if partners else f"又交回{gave}负责"
        accountable += f"；检查当天交办问题清单{what}，请核实检查时的责任部门"
    # its 整改时限 changed in the list the very day: which stood when the inspectors came, the
    # clerk knows (the new one was taken without a word: trial 174 AA2)
    before = listing.deadline_before(listed.number, found) if listing and listed.number else None
    if (  # (not of one that leaves it within its time, or past it, either way: trial 175 AB3)
        before is not None
        and due is not None
        and found is not None
        and (found <= before) != (found <= due)
    ):
        accountable += (
            f"；检查当天交办问题清单把整改时限由 {chinese_date(before)} 改为 {chinese_date(due)}，"
            "请核实检查时的整改时限"
        )
    said = f"学校交办问题清单中已有此问题 {where}"
    if listed.withdrawn and listed.number:  # its answer's word: the list has no such number now
        said = f"部门按交办问题 {listed.number}（{listed.source}）反馈过此问题（交办问题清单中现在没有这个编号）"
    elif listed.withdrawn:
        said = f"部门按{listed.source}交办的问题反馈过此问题（未填问题编号）"
    if term:  # (“…是否属实）（尚在整改时限…内）”, two brackets side by side: trial 169)
        still = _bracketed(still, term)
    note = f"{said}，{why}；{still}"
    if decided and alike < CANDIDATE:
        note = (
            f"对应自查所填的是交办问题 {where}（“{listed.location}：{listed.description}”）的"
            f"整改反馈，与检查发现的问题不相近（相似度 {alike:.0f}），已按所填核查：{why}；"
            "请核对所填是否有误"
        )
    elif alike < MATCH:
        note = (
            f"学校交办问题清单中有相近的问题 {where}（“{listed.location}：{listed.description}”"
            + (f"，整改要求“{listed.requirement}”" if listed.requirement else "")
            + "），"
            f"{why}；请核对是否同一问题，不是的在问题清单的“对应自查”中填写“无”"
        )
    # the answer the clerk named is shown in the columns of the self-check's hazard (only
    # in 说明, its columns left empty: clerk trial 106)
    named = candidates[0] if decided else None
    # each department's answer as it stood on the inspection's day (检查时状态 was empty for
    # every 交办问题: clerk trial 170 W5), of those that had it then (one that did not stood
    # beside them unmarked: trial 173 Z8) — and, on the day the list moved it, those it was
    # taken from, whom the clerk is asked to check (left out: trial 174 AA1)
    checked = [*holders, *(change[0] if change is not None else ())]
    had = [h for h in answers if h.department in checked] if holders else answers
    answered_then = tuple(
        (h.department, _as_it_stood(h, listing, found, due)) for h in had
    ) + tuple((d, None) for d in dict.fromkeys(holders) if all(h.department != d for h in answers))
    # near in words only, belying a closing: the clerk to say whether it is that problem
    # first (待确认), no 销号 called false on it (冷库温度记录缺失 near 食品留样记录不全 at the
    # 食堂 read as that problem's closing belied, in status, the notices, the report and the
    # register, and dropped off the 漏报清单: trial 216 BP1)
    unsure = not decided and alike < MATCH and (reopen or review)
    if unsure:
        closings = "、".join(
            dict.fromkeys(f"{h.department} {h.hazard_id}" for h in answers if h.closed_on)
        )
        note += (
            f"；是同一问题的，请填写其整改反馈的隐患编号（{closings}），按检查时问题仍在核查其销号"
        )
        reopen, review, awaiting = False, False, ()
        accountable = ""  # (no department named as not having done its work: trial 219 BS1)
    return Verdict(
        finding,
        Conclusion.TO_CONFIRM if unsure else Conclusion.LISTED_NOT_RECTIFIED,
        named,
        candidates,
        accountable,
        note=note,
        belied=reopen,
        review_belied=review,
        awaiting_review=awaiting,
        belied_answer=(listed.number or f"{listed.source}交办的问题") if reopen else "",
        answered_then=answered_then,
        taken_then=tuple(change[0]) if change is not None else (),
    )


def _searched(
    finding: Finding,
    pool: list[tuple[int, HazardRow]],
    register: Register,
    levels: dict[str, str],
    listing: _LateListing,
    listed_as: Mapping[str, Finding],
) -> Verdict:
    decision = register.decide(Hazard(finding.location, finding.description), limit=3)
    candidates = [
        Candidate(pool[c.index][0], pool[c.index][1], c.score) for c in decision.candidates
    ]

    def listed_before(hazard: HazardRow) -> bool:
        """An answer to a problem of the school's own list found before the inspection: the
        list is the proof, not the answer's 检查时间 or the day it was sent (answered the
        day after, it was 待确认: clerk trial 78)."""
        known = listed_as.get(number_key(hazard.number)) if hazard.number else None
        return (
            known is not None
            and known.found_on is not None
            and finding.found_on is not None
            and known.found_on < finding.found_on
        )

    def listed_after(hazard: HazardRow) -> bool:
        """An answer to a problem of the school's own list (学校通报) found on the
        inspection's day or after: its 检查时间 is the list's 发现时间, prefilled on the
        follow-up form — no finding of the self-check's (read as one, 待确认 and the clerk
        invited to credit it: clerk trial 137). Not one the department found before the
        list had it (its 问题来源 自查: `answers._found_first`)."""
        known = listed_as.get(number_key(hazard.number)) if hazard.answers_a_check else None
        return (
            known is not None
            and known.found_on is not None
            and finding.found_on is not None
            and known.found_on >= finding.found_on
        )

    if candidates and candidates[0].score >= MATCH and listed_after(candidates[0].hazard):
        return _missed(finding, candidates, levels, _tracked_note(candidates[0].hazard))

    def given_after(hazard: HazardRow) -> bool:
        """An answer to a problem of the list (学校通报, known before the inspection) by a
        department given it on the inspection's day or after: not its when the inspectors
        came (自查已发现 by that answer, “才交办” gone: clerk trial 138). One given before
        and answered after was found all the same: the list is the proof (trial 78); so is
        one the department found before the list had it (its 问题来源 自查)."""
        return (
            hazard.answers_a_check
            and listing.given_on_or_after(hazard.number, hazard.department, finding.found_on)
            is not None
        )

    in_time = [
        c
        for c in candidates
        if not given_after(c.hazard)
        and (listed_before(c.hazard) or _before(c.hazard.checked_on, finding.found_on))
    ]
    late = [c for c in candidates if c not in in_time]
    top = in_time[0] if in_time and in_time[0] is candidates[0] else None
    if decision.conclusion == FOUND and top is not None and listed_before(top.hazard):
        return _found(finding, top, candidates)
    if decision.conclusion == FOUND and top is not None:
        unlisted = top.hazard.unlisted_on
        if unlisted is not None and finding.found_on is not None and unlisted >= finding.found_on:
            checked = top.hazard.checked_on
            # (the inspection's own day is not before it: trial 106)
            when = (
                ""
                if not checked
                else "（检查当天）"
                if checked == finding.found_on
                else "（早于这次检查）"
            )
            note = (
                f"自查报的检查时间是 {chinese_date(checked) if checked else '未填写'}"
                f"{when}，但部门 "
                f"{chinese_date(unlisted)} 报送的版本中还没有这项隐患，之后的版本才列出："
                "请核实后在问题清单的“对应自查”中填写隐患编号或“无”"
            )  # the date a department typed is its word; its own returns say otherwise
            return Verdict(finding, Conclusion.TO_CONFIRM, None, in_time, note=note)
        listed = listing.listed(top.hazard, finding.found_on)
        if listed is not None:
            checked = top.hazard.checked_on
            note = (
                f"自查报的检查时间是 {chinese_date(checked) if checked else '未填写'}，但部门"
                f" {chinese_date(listed)} 才报送这项隐患（逾期，检查当天或之后），是否检查前已发现"
                "只有部门自填的检查时间为证：请核实后在问题清单的“对应自查”中填写隐患编号或“无”"
            )
            return Verdict(finding, Conclusion.TO_CONFIRM, None, in_time, note=note)
        return _found(finding, top, candidates)
    # its 检查时间 after the inspection, in a return sent before it: one of the two days is
    # typed wrong (a year: 追责 of a department whose return proved it had found it,
    # clerk trial 142) — the clerk decides
    sent = (
        listing.sent_before(candidates[0].hazard, finding.found_on)
        if late and late[0] is candidates[0] and not given_after(late[0].hazard)
        else None
    )
    if sent is not None and decision.conclusion in (TO_CONFIRM, FOUND):
        doubtful = candidates[0].hazard
        typed = chinese_date(doubtful.checked_on) if doubtful.checked_on else "未填写"
        note = (
            f"自查报的检查时间是 {typed}（晚于这次检查），但部门 {chinese_date(sent)} 报送的"
            f"表格中已有这项隐患（{doubtful.hazard_id}，早于这次检查）：检查时间或表头日期填错了"
            "一个，请核实后在问题清单的“对应自查”中填写隐患编号（检查前已发现）或“无”"
        )
        return Verdict(finding, Conclusion.TO_CONFIRM, None, candidates, note=note)
    if in_time and (decision.conclusion == TO_CONFIRM or decision.conclusion == FOUND):
        note = (
            decision.reason
            or "与台账中的隐患相近，请核对后在问题清单的“对应自查”中填写隐患编号或“无”"
        )
        return Verdict(finding, Conclusion.TO_CONFIRM, None, in_time, note=note)
    note = "台账中没有相近的隐患" + _elsewhere(finding, pool, register)
    if late:
        first = late[0].hazard.checked_on
        day = chinese_date(first) if first else "未填写"
        note = f"自查在检查之后才发现（检查时间 {day}，隐患编号 {late[0].hazard.hazard_id}）"
    return _missed(finding, candidates, levels, note)


def _elsewhere(finding: Finding, pool: list[tuple[int, HazardRow]], register: Register) -> str:
    """The hazard worded as the finding is, found somewhere the scores hold to be another
    place (6号学生公寓 for 7号): “没有相近的隐患” hid the one row the clerk should look at
    before 追责 (clerk trial 75). '' when there is none."""
    best = register.best_matches(Hazard(finding.location, finding.description), limit=1)
    if not best or not best[0].comparison.contradictions:
        return ""
    if best[0].comparison.description < MATCH:
        return ""
    hazard = pool[best[0].index][1]
    why = best[0].comparison.contradictions[0].replace(": ", "：")
    return (
        f"；问题相同而部位不同的有：{hazard.department} {hazard.hazard_id}（{hazard.where}；"
        f"{why}），按不同的隐患计；如实为同一处，请在问题清单的“对应自查”中填写该隐患编号"
    )


def _partners_silent(
    verdict: Verdict, listed_as: Mapping[str, Finding], hazards: Sequence[HazardRow]
) -> None:
    """A finding matched to one department's answer to a problem listed for several: the
    others that never answered it are named in the note (and, not rectified, in 追责范围):
    the joint owner that said nothing went unnamed (clerk trial 118)."""
    match = verdict.match
    if match is None or not match.hazard.number:
        return
    key = number_key(match.hazard.number)
    listed = listed_as.get(key)
    if listed is None or len(listed.departments) < 2:
        return
    answered = {h.department for h in hazards if h.number and number_key(h.number) == key}
    silent = "、".join(d for d in listed.departments if d not in answered)
    if not silent:
        return
    said = f"交办问题 {listed.number} 的共同责任部门{silent}未反馈整改情况"
    verdict.note = "；".join(filter(None, (verdict.note, said)))
    if verdict.conclusion is Conclusion.FOUND_NOT_RECTIFIED and not verdict.accountable:
        verdict.accountable = f"责任部门：{silent}（已交办 {listed.number}，未反馈整改情况）"


_NUMBER = re.compile(r"\d+")


def _numbers_differ(verdict: Verdict) -> None:
    """A finding matched to a hazard whose words give other numbers (检查 缺失3处, 自查
    缺失2处): said, to be checked (自查已发现 at 相似度 92, nothing said: clerk trial 134)."""
    match = verdict.match
    if match is None:
        return
    found = sorted(_NUMBER.findall(verdict.finding.where), key=int)
    own = sorted(_NUMBER.findall(match.hazard.where), key=int)
    if not found or not own or found == own:
        return
    said = (
        f"检查所记的数字（{'、'.join(found)}）与自查所报的（{'、'.join(own)}）不同，"
        "请核对数量或位置是否一致"
    )
    verdict.note = "；".join(filter(None, (verdict.note, said)))


def _found(finding: Finding, match: Candidate, candidates: list[Candidate]) -> Verdict:
    hazard = match.hazard
    origin = (  # the register's row is a department's answer to an earlier inspection's
        f"（对应交办问题 {hazard.number}，来源：{hazard.source}）" if hazard.answers_a_check else ""
    )
    if not hazard.number and hazard.answered_as:  # its number no longer its own (the list
        # gave the problem another department since: the link was gone, clerk trial 137)
        number, source = hazard.answered_as
        origin = (
            f"（按交办问题 {number} 反馈，来源：{source or hazard.source}；交办问题清单中这个编号"
            "现在不是本部门的）"
        )
    if (
        hazard.reported_done
        and hazard.closed_on is not None
        and finding.found_on is not None
        and hazard.closed_on < finding.found_on
    ):  # closed the day of the inspection: it may have been after the inspectors came
        # (sent back by its review since: not “待复查”, clerk trial 45)
        review = "复查不合格" if hazard.review == FAILED else "待复查"
        # accepted only that day or after: 待复查 when the inspectors came, and the 合格
        # given after they found it still there said so (read as accepted before: trial 77)
        reviewed = hazard.reviewed_on if hazard.review == PASSED else None
        # (signed on a form made that day or after, whatever its 复查时间: trial 173 Z6)
        given = hazard.reviewed_since if reviewed is not None else None
        late_review = given is not None and given >= finding.found_on
        said = "已销号" if hazard.closed and not late_review else f"已完成（{review}）"
        if late_review:
            said = "已完成（检查时待复查）"
        # who accepted the closure answers for it as much as who reported it (the note named
        # the department only), and a closure sent back was none to doubt (clerk trial 61)
        accepted = ""
        if reviewed is not None:
            by = hazard.reviewer or "（未写复查人）"
            when = ""
            if late_review:
                when = (
                    # (it read 检查发现问题仍在之后: trial 105)
                    "（检查当天）" if given == finding.found_on else "（晚于检查）"
                )
            if given != reviewed and given is not None:
                made = chinese_date(given)
                when = f"（复查验收表 {made} 才生成，{'检查当天' if given == finding.found_on else '晚于检查'}）"
            accepted = f"，经{by} {chinese_date(reviewed)} 复查合格{when}"
        doubt = "请核实销号是否属实" if hazard.review != FAILED else "复查已判不合格"
        if accepted:
            doubt = "请核实销号和复查验收是否属实"
        note = (
            f"部门报 {chinese_date(hazard.closed_on)} {said}{accepted}，"
            f"{chinese_date(finding.found_on)} 检查时问题仍在，整改未到位（{doubt}）"
            f"{origin}"
        )
        return Verdict(
            finding,
            Conclusion.FOUND_NOT_RECTIFIED,
            match,
            candidates,
            note=note,
            # 销号 still: listed, the department reworks it; awaiting its review: failed
            # there; sent back by a review since: the department is at it (“另列一行后才会
            # 要求部门重新整改” of a hazard 复查不合格 days before: clerk trial 142)
            belied=hazard.closed,
            review_belied=hazard.unreviewed,
            # the answer to a problem the school listed itself (学校通报: its answers count
            # as the self-check's) read 已清零 in the register and its archive: clerk trial 153
            belied_answer=hazard.number if hazard.closed and hazard.answers_a_check else "",
        )
    found = finding.found_on
    # what the department's versions said on the day of the inspection: a 整改时限 put off
    # since, or a closure reported before it and taken back since, is not what stood then
    # (the later date cleared the department: clerk trial 62)
    deadline = hazard.deadline if found is None else hazard.deadline_on(found)
    taken_back = None if found is None else hazard.closure_taken_back(found)
    if taken_back is not None and found is not None:
        sent, closed_on = taken_back
        now = hazard.closed_on if hazard.reported_done else None
        since = f"之后改报 {chinese_date(now)} 销号" if now is not None else "之后改报未完成"
        said = f" {chinese_date(sent)} 报送的版本" if sent != date.min else "此前的版本"
        # the school's own acceptance of the closure answers for it too (trials 61, 63)
        reviews = f"；复查记录：{hazard.review_note}" if hazard.review_note else ""
        note = (
            f"部门{said}报 {chinese_date(closed_on)} 已完成，{chinese_date(found)} 检查时问题"
            f"仍在，整改未到位（{since}；请核实销号是否属实{reviews}）{origin}"
        )
        return Verdict(finding, Conclusion.FOUND_NOT_RECTIFIED, match, candidates, note=note)
    # past its 整改时限 when the inspectors found it there: not rectified in time, whenever
    # it was closed (closed that very day, it was still there when they came)
    if found is not None and deadline is not None and deadline < found:
        when = "检查当天才销号" if hazard.closed_on == found else "检查时尚未销号"
        moved = ""
        if deadline != hazard.deadline and hazard.deadline:
            given = hazard.deadline_given_on()
            put_off = (
                "检查当天或之后"  # the day is not known
                if given is None or given < found
                else "检查当天"
                if given == found
                else f"检查后 {chinese_date(given)} "
            )
            moved = f"（{put_off}推迟至 {chinese_date(hazard.deadline)}）"
        note = f"整改时限 {chinese_date(deadline)} 已过{moved}，{when}{origin}"
        return Verdict(finding, Conclusion.FOUND_NOT_RECTIFIED, match, candidates, note=note)
    note = origin.strip("（）")
    lapsed = None if found is None else hazard.put_off_when_passed(found)
    if lapsed is not None:  # within a deadline put off once overdue: said (clerk trial 64)
        before, sent, after = lapsed
        note = "；".join(
            filter(
                None,
                (
                    f"整改时限原为 {chinese_date(before)}，已过后于 {chinese_date(sent)} 推迟至 "
                    f"{chinese_date(after)}",
                    note,
                ),
            )
        )
    if hazard.closed_on is not None and found is not None:
        # closed since the inspectors came (that day, or after): still being rectified in
        # time when they found it — said, not left blank beside its 销号 (clerk trial 56)
        that_day = "（检查当天）" if hazard.closed_on == found else ""
        within = f"（{chinese_date(deadline)}）" if deadline else ""
        note = "；".join(
            filter(
                None,
                (
                    f"检查时尚在整改时限{within}内，部门报 {chinese_date(hazard.closed_on)}"
                    f"{that_day}销号",
                    note,
                ),
            )
        )
    return Verdict(finding, Conclusion.FOUND, match, candidates, note=note)


def _missed(
    finding: Finding, candidates: list[Candidate], levels: dict[str, str], note: str
) -> Verdict:
    return Verdict(
        finding, Conclusion.MISSED, None, candidates, _accountable(finding, levels), note
    )


def _unnamed(campaign: Campaign, finding: Finding, there: Sequence[str]) -> str:
    """Who should have found a finding the list names no department of: the name the
    inspectors wrote that is none of the school's (清单未指明 was untrue: clerk trial 83),
    the departments whose own checks reported hazards at its 部位 (`there`); '' when
    neither is known."""
    said = []
    if finding.unknown_departments:
        typed = "、".join(f"“{name}”" for name in finding.unknown_departments)
        hint = campaign.unit_hint(finding.unknown_departments[0], cutoff=0.7)  # (trial 150)
        said.append(f"检查组写的{typed}不在部门名单中{'，' if hint else ''}{hint}")
    elif there:
        said.append("问题清单未指明")
    if there:
        said.append(f"台账中“{finding.location}”的隐患由{'、'.join(there)}报送")
    return f"（{'；'.join(said)}）" if said else ""


def _accountable(finding: Finding, levels: dict[str, str], unnamed: str = "") -> str:
    """追责范围 of a missed finding: by the level of the check that found it, and the
    department that should have found it (`unnamed`: what to say when the list names none)."""
    accountable = ACCOUNTABLE.get(levels.get(finding.source, ""), "")
    departments = "、".join(finding.departments) or unnamed or "（问题清单未指明责任部门）"
    return f"{accountable}；本校应查出的部门：{departments}".lstrip("；")


def _decided(
    finding: Finding,
    decision: str,
    numbered: list[tuple[int, HazardRow]],
    ids: Callable[[], dict[str, int]],
    levels: dict[str, str],
    problems: list[Problem],
) -> Verdict:
    """The verdict the clerk's 对应自查 gives: 无, a 隐患编号 (`ids`: each hazard's 序号 by
    its 隐患编号) or a 序号 (said to be replaced by the 隐患编号, which stays the same)."""
    if decision in NO_MATCH:
        verdict = _missed(finding, [], levels, "经核对，自查未发现（问题清单“对应自查”填写为“无”）")
        verdict.decided = True
        return verdict
    number = ids().get(decision.upper(), 0)  # 隐患编号: the same hazard on every run
    by_position = not number
    if by_position:  # a 序号: the register's order, which the next collect may change
        numbered_as = _NUMBERED.fullmatch(decision)
        number = int(numbered_as.group(1)) if numbered_as else 0
    if not 1 <= number <= len(numbered):
        variant = "id" if HAZARD_ID.fullmatch(decision.upper()) else ""
        problems.append(
            _about_decision(
                finding, Code.CROSSCHECK_BAD_DECISION, variant=variant, size=len(numbered)
            )
        )
        # what was typed, on the printed sheet too (the screen alone said it: trial 105)
        note = f"对应自查填写的“{finding.decision.strip()}”不是台账中的隐患编号或序号，请改正"
        return Verdict(finding, Conclusion.TO_CONFIRM, note=note)
    hazard = numbered[number - 1][1]
    named = {"number": number, "owner": hazard.department, "where": hazard.where[:40]}
    if by_position:
        problems.append(
            _about_decision(
                finding, Code.CROSSCHECK_NUMBERED_DECISION, hazard_id=hazard.hazard_id, **named
            )
        )
    like = _alike(finding, hazard)
    if like < CANDIDATE:
        problems.append(_about_decision(finding, Code.CROSSCHECK_UNLIKE_DECISION, **named))
    match = Candidate(number, hazard, like)
    verdict = _found(finding, match, [match])
    verdict.decided = True
    verdict.note = verdict.note or "经核对，对应台账中的自查隐患"
    return verdict


def _found_after(finding: Finding, match: Candidate, levels: dict[str, str]) -> Verdict:
    """The clerk's 对应自查 names a hazard the self-check found only after the inspection:
    the same hazard, but not found by the self-check first (confirmed, it read 自查已发现
    and left the 漏报清单: clerk trial 105)."""
    hazard = match.hazard
    checked = chinese_date(hazard.checked_on) if hazard.checked_on else "未填写"
    found = chinese_date(finding.found_on) if finding.found_on else ""
    note = (
        f"经核对，对应台账中的隐患 {hazard.hazard_id}（{hazard.department}），但自查在检查之后"
        f"才发现（自查检查时间 {checked}，检查组 {found} 发现）"
    )
    verdict = _missed(finding, [match], levels, note)
    verdict.decided = True
    return verdict


def _about_decision(finding: Finding, code: Code, **params: Any) -> Problem:
    """A problem about the clerk's 对应自查 of `finding`, on its row of the list."""
    return finding.said(code, "对应自查", finding.decision, finding.decision_cell, **params)


@dataclass(frozen=True)
class _LateListing:
    sent: Mapping[str, Sequence[date]]
    """Department → the days its returns were sent, oldest first."""
    due: date
    """The 报送截止."""
    given: Mapping[str, date | None] = field(default_factory=dict)
    """Each part of an assigned problem (`answers.part_key`) → the day it was given, when
    after the forms were issued (`answers.assignment_days`)."""
    deadlines: Mapping[str, Sequence[tuple[date, date | None]]] = field(default_factory=dict)
    """`RegisterState.deadlines_before`."""
    away: Mapping[str, Sequence[tuple[date, date | None]]] = field(default_factory=dict)
    """`RegisterState.away`."""
    noted: Mapping[str, date | None] = field(default_factory=dict)
    """`crosscheck`'s `noted`."""
    handed: frozenset[str] = frozenset()
    """`crosscheck`'s `handed`."""
    notes: frozenset[tuple[str, str, date | None, date | None]] = frozenset()
    """`crosscheck`'s `notes`."""

    def is_note(self, hazard: HazardRow, sent: date, closed_on: date | None) -> bool:
        """Whether `hazard`'s version sent on `sent`, closing it on `closed_on`, was a handover
        note (`notes`): no closing of its department's (“已移交… 已完成” before its answer
        after a give-back read as a 销号 the inspection belied: clerk trial 170 W1)."""
        # (by the 编号 it answered, handed over again since: trial 171 X1)
        keys = {number_key(n) for n in (hazard.number, *hazard.answered_as[:1]) if n}
        return any(
            (hazard.department, key, day, closed_on) in self.notes
            for key in keys
            for day in (sent, None)
        )

    def held_on(self, number: str, day: date | None) -> list[str] | None:
        """The departments that had problem `number` on `day`, when the list ever took it
        from one (`away`); None otherwise (the list's departments have it). On the day a
        collect first saw the list move it, the department it was given (back) to, as
        status counts it (the move's day was laid to the one it was taken from, a
        give-back's to the one it was given to: clerk trial 166; both named, one state for
        both read wrong of one: trial 167) — `changed_on` has the clerk check which had it;
        a part given that day without a move (added to the list) was not had then, as
        `given_on_or_after` says."""
        parts = self._parts(number)
        if day is None or not any(self.away.get(k) for k in parts):
            return None
        taken = {k for k in parts if any(start == day for start, _ in self.away.get(k, ()))}
        return [
            k.partition("|")[2]
            for k in parts
            if (
                (given := self.given[k]) is None
                or given < day
                or self._given_back(k, given)
                or given == day
                and bool(taken)
            )
            and not within(self.away.get(k, ()), day)
        ]

    def _parts(self, number: str) -> list[str]:
        """The parts (`answers.part_key`) of problem `number` the register knows."""
        key = number_key(number)
        return [k for k in self.given if k.partition("|")[0] == key]

    def changed_on(self, number: str, day: date | None) -> tuple[list[str], list[str]] | None:
        """The departments the list took problem `number` from on `day` (as the collect
        that first saw it dates it) and those it gave it back to, or gave it to beside one
        taken from (given it alone, a department 才交办: `given_on_or_after`); None when it
        moved nothing that day."""
        if day is None:
            return None
        parts = self._parts(number)
        spans = {k: self.away.get(k, ()) for k in parts}
        before = [k.partition("|")[2] for k in parts if any(s == day for s, _ in spans[k])]
        after = [
            k.partition("|")[2]
            for k in parts
            if any(end == day for _, end in spans[k]) or (before and self.given[k] == day)
        ]
        return (before, after) if before or after else None

    def late_given(
        self, number: str, holders: Sequence[str], due: date, found: date
    ) -> tuple[date, str] | None:
        """The day `holders` were given problem `number` (the last of them), when after its
        整改时限 `due` and no later than the inspection (`found`), and whether given (交办)
        or given back (交回); None when any had it before its 整改时限 passed."""
        days = [(d, given_day(self.given, number, d)) for d in holders]
        if not days or any(day is None or day <= due or day > found for _, day in days):
            return None
        department, last = max(days, key=lambda pair: pair[1] or date.min)
        assert last is not None
        back = self._given_back(part_key(number, department), last)
        return last, "交回" if back else "交办"

    def _given_back(self, key: str, given: date) -> bool:
        """Part `key`'s day `given` is the day the list gave it back (`answers.given_anew`):
        its spans say when its department had it (an inspection on that day was laid to
        the department it was taken from, whom status no longer counted: clerk trial 165)."""
        return given_back_on(self.away.get(key, ()), given)

    def deadline_on(self, number: str, now: date | None, day: date | None) -> date | None:
        """The 整改时限 problem `number` had on `day` (`now` it has: its list changed it
        after that day, that first change's before; a 整改时限 extended after the
        inspection found the problem overdue is no excuse: clerk trial 161)."""
        if day is None:
            return now
        changed = self.deadlines.get(number_key(number), ())
        return next((before for when, before in changed if when > day), now)

    def deadline_before(self, number: str, day: date | None) -> date | None:
        """The 整改时限 problem `number` had before its list changed it, when the collect that
        first saw the change ran on `day` (None when none was seen that day)."""
        changed = self.deadlines.get(number_key(number), ())
        return next((before for when, before in changed if when == day), None)

    def given_on_or_after(self, number: str, department: str, found: date | None) -> date | None:
        """The day `department` was given problem `number`, when not before the inspection
        found it (`found`): it did not have the problem when the inspectors came."""
        day = given_day(self.given, number, department)
        if day is None or found is None or day < found:
            return None
        return None if self._given_back(part_key(number, department), day) else day

    def first_listed(self, hazard: HazardRow) -> date | None:
        """The day the department's returns first listed `hazard`: the first sent on or
        after its 检查时间 and after a version that left it out (`unlisted_on`); None when
        the days sent are not known."""
        after, checked = hazard.unlisted_on, hazard.checked_on
        days = self.sent.get(hazard.department, ())
        return next(
            (d for d in days if (after is None or d > after) and (checked is None or d >= checked)),
            None,
        )

    def sent_before(self, hazard: HazardRow, found: date | None) -> date | None:
        """The day a return listing `hazard` was sent, when before the inspection found it
        (`found`), whatever its 检查时间 says: its first version's day (`history`), or the
        department's first return listing it when every one was sent before; else None."""
        if found is None:
            return None
        if hazard.history and date.min < hazard.history[0][0] < found:
            return hazard.history[0][0]
        days = self.sent.get(hazard.department, ())
        after = hazard.unlisted_on
        if not days or days[-1] >= found:
            return None
        return next((d for d in days if after is None or d > after), None)

    def listed(self, hazard: HazardRow, found: date | None) -> date | None:
        """The day the department's returns first listed `hazard` — the first sent on or
        after its 检查时间 (one sent before could not list it: the first return's day was
        taken, and a hazard added in a later version escaped 追责: clerk trial 71), or,
        missing from a version (`unlisted_on`), the next one's — when that was after the
        报送截止 and not before the inspection found it (`found`); else None."""
        day = self.first_listed(hazard)
        if day is None or found is None or day <= self.due or day < found:
            return None
        return day


def _before(checked: date | None, found: date | None) -> bool:
    """The self-check found it no later than the inspection did (unknown dates: it counts)."""
    return checked is None or found is None or checked <= found
