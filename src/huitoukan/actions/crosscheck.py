"""`crosscheck`: an inspection's findings against the self-check register (追责)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError
from huitoukan.files import display_name, given_input, near_names, xlsx_name
from huitoukan.findings.crosscheck import NO_MATCH, Conclusion, Crosscheck, Verdict, crosscheck
from huitoukan.findings.reading import read_findings
from huitoukan.findings.similarity import score
from huitoukan.letters.accountability import (
    CROSSCHECK_FILE,
    DECISION_HEADING,
    RESULT_SHEET,
    typed_decisions,
    write_crosscheck,
)
from huitoukan.model.findings import Finding, FoundAgain, number_key, numbered
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import DONE, UNREVIEWED, HazardRow, note_key
from huitoukan.register.crosschecks import (
    CheckedList,
    crosschecks_of,
    forget_crosscheck,
    record_crosscheck,
    recorded_crosschecks,
)
from huitoukan.register.layout import REGISTER_FILE
from huitoukan.register.reading import is_register
from huitoukan.register.record import edited_since_written
from huitoukan.register.store import Written, replace_output


def _refuse_the_assigned_list(
    path: Path, findings: Sequence[Finding], assigned: Sequence[Finding], due: date
) -> None:
    """InputError when every problem of the list is one the campaign assigned, found the
    same day (the 交办问题清单 itself, or part of it), none after the returns were due
    (`due`): found before this self-check and handed to departments, none is a finding the
    self-check could have missed — each came out 自查未发现 with a 追责 (clerk trial 39). An
    inspection after the campaign listing an assigned problem again, found still there, has
    a later 发现时间 and is checked; so is one after the self-check whose problems were
    assigned too (a 省级督查 of 12月21日 handed out mid-campaign was refused: trial 66)."""
    if not findings or len(_assigned_themselves(findings, assigned, due)) < len(findings):
        return
    its, they = (
        ("这个问题是", "它是")
        if len(findings) == 1
        else (
            f" {len(findings)} 个问题都是",
            "它们是",
        )
    )
    raise InputError(
        f"{path.name} 中的{its}本次活动的交办问题（问题编号、发现时间"
        f"都相同）：{they}自查之前的检查发现、交办各部门整改的问题，不是追责核查的对象，"
        "未做核查。追责核查请给出本次自查之后的检查（如督导组）发现的问题清单；交办问题的"
        "整改情况见 huitoukan status，或台账的“交办问题”工作表"
    )


def _refuse_an_earlier_inspection(path: Path, findings: Sequence[Finding], issued_on: date) -> None:
    """InputError when every problem of the list was found before this campaign was issued
    (`issued_on`): an earlier inspection's list (last year's, checked against this year's
    register, gave four 自查未发现 with a 追责 each: clerk trial 109), not one after this
    self-check. A list without a 发现时间 is checked."""
    days = [f.found_on for f in findings]
    if not days or any(day is None or day >= issued_on for day in days):
        return
    latest = max(day for day in days if day is not None)
    raise InputError(
        f"{path.name} 中的问题都是在本次活动下发（{chinese_date(issued_on)}）之前发现的（最晚 "
        f"{chinese_date(latest)}），像是往期检查的清单，未做核查：追责核查比对的是本次自查之后"
        "的检查发现的问题。确是本次活动的，请检查清单的“发现时间”，或 campaign.toml 的 issued_on"
    )


def _assigned_themselves(
    findings: Sequence[Finding], assigned: Sequence[Finding], due: date
) -> list[Finding]:
    """The findings that are problems the campaign assigned, found the same day, none after
    the returns were due (`due`): copied from the 交办问题清单 into an inspection's list,
    not found by it (one was 自查未发现, its department in the 漏报清单, though it had
    answered, closed and passed review: clerk trial 108). One without a 编号 has the one
    its source and content give it, the same in both lists (taken for the inspection's,
    its department was put in the 漏报清单: clerk trial 114). One renumbered in the list
    since is known by its source and content (自查未发现, “尚无部门跟踪整改”, with its
    answer 已销号 in the register: clerk trial 136)."""
    given = {(key, f.found_on) for f in assigned for key in _number_keys(f)}
    contents = {f.content for f in assigned}
    return [
        f
        for f in findings
        if (any((key, f.found_on) in given for key in _number_keys(f)) or f.content in contents)
        and not (f.found_on is not None and f.found_on > due)
    ]


def _with_departments_listed(
    findings: Sequence[Finding], assigned: Sequence[Finding]
) -> list[Finding]:
    """`findings`, each naming no department given those the 交办问题清单 (`assigned`) gives
    it under its number: added there as crosscheck asked, with its 责任部门, it was still
    “本校应查出的部门：（问题清单未指明责任部门）” on the signed 漏报清单 (clerk trial 184 AJ4)."""
    departments = {key: f.departments for f in assigned if f.departments for key in _number_keys(f)}
    return [
        f.model_copy(update={"departments": given})
        if not f.departments
        and (given := next((departments[k] for k in _number_keys(f) if k in departments), ()))
        else f
        for f in findings
    ]


def _number_keys(finding: Finding) -> set[tuple[str, str]]:
    """What a finding's 问题编号 says it is: its 编号; an inspection's 序号 alone, only with
    its source (an 审计's 1 is not the 市级抽查's 1: it was taken for it, and the 市级抽查's
    第1号, tracked by nobody, was not said to go on the list: clerk trial 145), or as it
    would be listed (`Finding.number_to_list`)."""
    if finding.number.isdigit():
        return {
            (number_key(finding.number), finding.source),
            (number_key(finding.number_to_list), ""),
        }
    return {(number_key(finding.number), "")}


_UNTRACKED = "交办问题清单中也没有这个问题，尚无部门跟踪整改"
_REVIEW_FIRST = (
    "{who}报的已完成还待复查：复查验收时请判为不合格（复查意见写明检查时问题仍在），{who}即按原来的行"
    "重新整改"
)
_NOT_TO_LIST = "，不必另列入交办问题清单"


def _review_first(verdict: Verdict) -> str:
    """The advice on a belied closing awaiting its 复查验收: its departments named, of a
    problem shared; beside another's 销号 belied, the listing is the other advice."""
    said = _REVIEW_FIRST.format(who="、".join(verdict.awaiting_review) or "部门")
    return f"{said}{_NOT_TO_LIST}" if verdict.review_belied else said


_NOT_REOPENED_OWN = (
    "检查发现的这个问题还没有作为新的问题列入交办问题清单：列入后才会要求部门重新整改，"
    "此前台账仍按部门所报计"
)
_NOT_REOPENED = (  # (not “还没有这个问题” beside the listed problem it found: trial 118)
    "检查发现的这个问题还没有作为新的问题列入交办问题清单：另列一行（原有的那一行保留）后才会要求部门"
    "重新整改，此前台账仍按部门所报计"
)


def _decisions_typed_into(
    out: Path, result: Crosscheck, listed: Path, hazards: Sequence[HazardRow]
) -> list[Problem]:
    """A 隐患编号 or 无 a clerk typed into the last 核查结果's 对应自查隐患编号 (where it looks
    to belong), which this run writes over: said, with where it goes (the list's 对应自查),
    not lost without a word (clerk trial 113). What the run writes there itself, or the
    list decided the same, is not said; nor what the last run wrote (the 隐患编号 of the
    hazard named beside it): the file opened and saved to print it, then a decision changed
    in the list, the clerk was told to put the old one back (clerk trial 126)."""
    typed = typed_decisions(out)
    by_id = {h.hazard_id.upper(): (h.department, h.where) for h in hazards}
    problems = []
    for verdict in result.verdicts:
        number = verdict.finding.number
        cell, value, beside = typed.get(number, ("", "", ("", "")))
        written = verdict.match.hazard.hazard_id if verdict.match else ""
        said = value.strip().upper()
        if by_id.get(said) == beside:
            continue  # the last run's own
        # 无 beside a finding nothing answers, left 自查未发现 anyway: nothing to move
        unchanged = said in NO_MATCH and not written and verdict.conclusion is Conclusion.MISSED
        if said and not unchanged and said not in (written, verdict.finding.decision.upper()):
            problems.append(
                problem(
                    Code.CROSSCHECK_DECISION_IN_RESULT,
                    display_name(out),
                    sheet=RESULT_SHEET,
                    cell=cell,
                    field=DECISION_HEADING,
                    value=value,
                    number=number,
                    listed=display_name(listed),
                )
            )
    return problems


def _before_the_note(row: HazardRow, sent: date | None, review_required: bool) -> HazardRow | None:
    """A row handed over, written in a version sent (`sent`) when its problem was another
    department's, as its department's versions before said it (`HazardRow.history`); None
    when it first said anything then. Every version saying the same dates, it is as it was
    (the words of the note aside). Reported open then, it reads 整改中; done, it awaited its
    review, when one is required (no review passed it: 已销号, clerk trial 170 W4)."""
    if not row.history:
        return row
    before = tuple(entry for entry in row.history if sent is not None and entry[0] < sent)
    if not before:
        return None
    _, deadline, closed_on = before[-1]
    reopened = closed_on is None and row.progress == DONE
    return row._replace(
        deadline=deadline or row.deadline,
        closed_on=closed_on,
        progress="整改中" if reopened else row.progress,
        history=before,
        review=UNREVIEWED if review_required and closed_on is not None else "",
        reviewer="",
        reviewed_on=None,
        review_note="",
    )


def forget(findings: Path, sources: Sequence[Path]) -> CheckedList:
    """Take the crosscheck of the list `findings` out of the register's record (the list
    may be gone): status and the report cite it no more. Raises when none is recorded, or
    several lists of its name are (“没有…的核查记录” of two: trial 219 BS5)."""
    register = given_input(sources[0]) if sources else Path(REGISTER_FILE)
    matched = crosschecks_of(register, display_name(findings))
    if len(matched) > 1:
        named = [c.file for c in matched]
        raise InputError(
            f"{display_name(register)} 有 {len(named)} 份名为 {findings.name} 的检查问题清单的核查"
            f"记录（{'、'.join(named)}），未做任何改动：请写明是哪一份（如 {named[0]}）"
        )
    if not matched:
        known = "、".join(c.file for c in recorded_crosschecks(register))
        raise InputError(
            f"{display_name(register)} 没有 {display_name(findings)} 的核查记录，未做任何改动"
            + (f"：记录中的检查问题清单有 {known}" if known else "：还没有做过追责核查")
        )
    if not forget_crosscheck(register, matched[0]):
        raise InputError(f"{display_name(register)} 旁的核查记录无法写入，未做任何改动")
    return matched[0]


def run_crosscheck(
    campaign: Campaign,
    findings: Path,
    sources: Sequence[Path],
    out: Path | None,
    as_of: date,
) -> tuple[Crosscheck, Written]:
    """Every finding of the list at `findings` with its 结论, written to `out` (by default
    `default_out`)."""
    findings = given_input(findings)
    if not findings.is_file():
        hint = near_names(findings) or "请检查文件名和所在文件夹"
        raise InputError(f"找不到检查发现问题清单 {findings}：{hint}")
    listed = read_findings(findings, campaign, inspection=True)
    if not listed.findings:  # (a header alone: 检查发现问题 0 个, exit 0: clerk trial 179 AF9)
        raise InputError(
            f"{display_name(findings)} 中只有表头，没有检查发现的问题，未做核查：请核对是否给错了文件"
        )
    state = load_state(campaign, sources, as_of)
    due = campaign.info.returns_due
    _refuse_the_assigned_list(findings, listed.findings, state.findings, due)
    _refuse_an_earlier_inspection(findings, listed.findings, campaign.info.issued_on)
    skipped = _assigned_themselves(listed.findings, state.findings, due)
    inspected = _with_departments_listed(listed.findings, state.findings)
    # one handed over since was the department's: as it stood before a version written
    # when the problem was another's (“已移交… 已完成”: not its 销号, to be judged 不合格 on
    # no 复查验收表, clerk trial 162)
    notes = {note.key: note.sent_on for note in state.handed_written}
    noted = {h.hazard_id: notes[key] for h in state.handed_over if (key := note_key(h)) in notes}
    handed = (
        _before_the_note(h, noted[h.hazard_id], campaign.info.review_required)
        if h.hazard_id in noted
        else h
        for h in state.handed_over
    )
    result = crosscheck(
        campaign,
        [given for f, given in zip(listed.findings, inspected, strict=True) if f not in skipped],
        [*state.hazards, *filter(None, handed)],
        state.findings,
        returned=set(state.returned),
        sent=state.sent,
        withdrawn=state.withdrawn,
        assigned_on=state.assigned_on,
        deadlines_before=state.deadlines_before,
        away=state.away,
        noted=noted,
        handed={h.hazard_id for h in state.handed_over},
        notes={
            (n.department, number_key(n.number), n.sent_on, n.closed_on)
            for n in state.handed_written
        },
    )
    # an inspection's list names no department for many findings: not a fault of it
    result.problems[:0] = [p for p in listed.problems if p.code is not Code.FINDING_UNASSIGNED]
    # one found before the campaign, in a list of this campaign's (a mixed list: trial 110)
    issued_on = campaign.info.issued_on
    result.problems[:0] = [
        f.said(
            Code.CROSSCHECK_EARLIER_FINDING,
            "发现时间",
            chinese_date(f.found_on),
            number=f.number or f.where,
            day=f.found_on,
            issued=issued_on,
        )
        for f in listed.findings
        if f not in skipped and f.found_on is not None and f.found_on < issued_on
    ]
    listed_as = {f.content: f.number for f in state.findings}
    numbers = {key for f in state.findings for key in _number_keys(f)}
    result.problems[:0] = [
        f.said(
            Code.CROSSCHECK_ASSIGNED_FINDING,
            "问题编号",
            f.number,
            number=f.number,
            same="问题编号、发现时间" if f.number_given else "来源、部位、问题描述和发现时间",
            variant="" if _number_keys(f) & numbers else "renumbered",
            listed=listed_as.get(f.content, ""),
        )
        for f in skipped
    ]
    # listed under its number, or copied in under another (the inspectors' 序号 given a
    # 编号: it was said to be missing from the list, clerk trial 115)
    unlisted = [
        v
        for v in result.verdicts
        if not _number_keys(v.finding) & numbers and v.finding.content not in listed_as
    ]
    untracked = [v for v in unlisted if v.conclusion is Conclusion.MISSED and not v.in_register]
    reopen = [v for v in unlisted if v.belied]
    for verdict in [*untracked, *reopen]:  # on the printed sheet too, not the screen alone
        alike = listed_alike(verdict.finding, state.findings, listed.findings)
        if alike is not None:
            verdict.listed_alike = alike.number
            if alike.found_on != verdict.finding.found_on:
                verdict.listed_alike_on = alike.found_on
        said = (
            _UNTRACKED
            if not verdict.belied
            else _NOT_REOPENED
            if verdict.belied_answer
            else _NOT_REOPENED_OWN  # no row of the list to keep (clerk trial 142)
        )
        number = verdict.finding.number_to_list
        if number != verdict.finding.number:  # (on the printed sheet too: trial 144)
            said += f"（列入清单时问题编号请写 {number}）"
        if verdict.listed_alike:
            found = verdict.finding.found_on
            dated = (
                f"、发现时间改为 {chinese_date(found)}" if found and verdict.listed_alike_on else ""
            )
            said += f"；{_ALIKE.format(alike=verdict.listed_alike, number=number, dated=dated)}"
        verdict.note = "；".join(filter(None, (verdict.note, said)))
    result.review_first = [v for v in unlisted if v.review_belied]
    for verdict in [v for v in unlisted if v.review_belied or v.awaiting_review]:
        verdict.note = "；".join(filter(None, (verdict.note, _review_first(verdict))))
    result.untracked = [v.finding for v in untracked]
    result.reopen = reopen
    register = given_input(sources[0]) if sources else Path(REGISTER_FILE)
    out = xlsx_name(out if out is not None else default_out(findings, register))
    if edited_since_written(out):
        result.problems.extend(_decisions_typed_into(out, result, findings, state.hazards))
    day = chinese_date(as_of)
    written = replace_output(out, lambda tmp: write_crosscheck(tmp, campaign, result, day))
    if len(sources) <= 1 and register.is_file() and is_register(register):
        record_crosscheck(register, _checked(findings, result, as_of, written.path))
    return result, written


_ALIKE = (
    "交办问题清单中的 {alike} 是同一次检查在同一部门发现的问题：如就是这个问题，请把清单中它的"
    "问题编号改为 {number}{dated}（不要再加一行）"
)
"""What is said of a finding a listed problem under another number may be (clerk trial
155: listed again under the school's own number, it was asked to be listed once more);
`dated`, its 发现时间 to put right too (trial 156)."""


def listed_alike(
    finding: Finding, listed: Sequence[Finding], inspection: Sequence[Finding]
) -> Finding | None:
    """The problem of the 交办问题清单 (`listed`) the unlisted `finding` may be: found by the
    same check at one of its departments, under a number none of the `inspection`'s
    problems is listed under — on the same day, else on a later day or none (listed with
    the day it was listed on, in the clerk's words: it was asked to be listed again, clerk
    trials 156, 157); the likest when several. None when none is."""
    own = {number_key(f.number_to_list) for f in inspection}
    alike = [
        f
        for f in listed
        if f.source == finding.source
        and number_key(f.number) not in own
        and (not finding.departments or set(f.departments) & set(finding.departments))
    ]

    def likeness(f: Finding) -> float:
        return score(f.location, f.description, finding.location, finding.description)

    same_day = [f for f in alike if f.found_on is not None and f.found_on == finding.found_on]
    if same_day:
        return max(same_day, key=likeness)
    later = [
        f
        for f in alike
        if f.found_on is None or finding.found_on is None or f.found_on > finding.found_on
    ]
    return max(later, key=likeness, default=None)


def _answers_none_but(hazard: HazardRow, finding: Finding) -> bool:
    """`hazard` answers no listed problem but, once it is listed, `finding`'s: the link
    kept when the crosscheck is run again after (it was dropped then, and the department's
    next return lost the answer: clerk trial 156)."""
    return not hazard.number or number_key(hazard.number) == number_key(finding.number_to_list)


def default_out(findings: Path, register: Path) -> Path:
    """追责核查.xlsx — unless the crosscheck of another inspection's list wrote it (as the
    register's record says): then 追责核查（the list's name）.xlsx, each inspection's result
    kept (the 省级督查's replaced the 市级抽查's, which the report still cited: clerk trial
    153)."""
    plain = Path(CROSSCHECK_FILE)
    listed = display_name(findings)
    taken = any(
        c.file != listed and Path(c.written).name == CROSSCHECK_FILE
        for c in recorded_crosschecks(register)
    )
    return (
        plain.with_name(f"追责核查（{findings.stem}）.xlsx") if taken and plain.exists() else plain
    )


def _found_by(verdict: Verdict) -> FoundAgain:
    """The inspection's problem of `verdict`, as a hazard it found still there says it."""
    finding = verdict.finding
    return FoundAgain(number=finding.number, source=finding.source, found_on=finding.found_on)


def _checked(listed: Path, result: Crosscheck, as_of: date, written: Path) -> CheckedList:
    """What the crosscheck of the list at `listed` concluded on `as_of`, for the report."""
    verdicts = result.verdicts
    unrectified = [v for v in verdicts if v.conclusion is Conclusion.FOUND_NOT_RECTIFIED]
    return CheckedList(
        file=display_name(listed),
        sources=list(dict.fromkeys(v.finding.source for v in verdicts if v.finding.source)),
        checked_on=as_of,
        found_on=sorted({v.finding.found_on for v in verdicts if v.finding.found_on}),
        counts=dict(Counter(v.conclusion.value for v in verdicts)),
        missed=[
            f"{numbered(v.finding.number, v.finding.source)}（{v.finding.where}）"
            for v in verdicts
            if v.conclusion is Conclusion.MISSED
        ],
        unrectified=[
            f"{numbered(v.finding.number, v.finding.source)}（{v.finding.where}）"
            for v in unrectified
        ],
        still_there={
            v.match.hazard.hazard_id: str(_found_by(v))
            for v in unrectified
            if v.belied and v.match is not None and not v.belied_answer
        },
        written=display_name(written),
        belied={v.belied_answer: str(_found_by(v)) for v in verdicts if v.belied_answer},
        belied_by={v.belied_answer: v.finding.number_to_list for v in verdicts if v.belied_answer},
        linked={
            v.finding.number_to_list: v.match.hazard.hazard_id
            for v in verdicts
            if v.decided and v.match is not None and _answers_none_but(v.match.hazard, v.finding)
        },
    )
