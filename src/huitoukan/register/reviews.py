"""复查验收: applying the receiving office's verdicts to the hazards reported 已完成.

With `review_required`, a hazard reported 已完成 is 已销号 only after a review found it
合格; 不合格 sends it back to 整改中 with the 复查意见 (a warning on the department's
return, so its 退回修改 copy and reminder say so); without a review it is 待复查. A
review of a hazard the register does not hold, one without 复查时间, or 合格 dated before
the department's 销号时间 (unless another review of the hazard holds) is a problem naming
its cell. The latest review of a hazard counts; a 不合格 before the department completed
it again is its history (kept in 复查意见), and the hazard is 待复查 until it is reviewed
again. A hazard reviewed and then reported not completed again is open as reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from huitoukan.dates import chinese_date
from huitoukan.forms.progress import progress_said
from huitoukan.model.findings import number_key
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import (
    DONE,
    FAILED,
    FAILED_BEFORE,
    PASSED,
    UNREVIEWED,
    HazardRow,
    ReturnForm,
    Review,
)
from huitoukan.register.merging import EARLIER_REGISTER, version_order
from huitoukan.text import normalize_key


@dataclass
class Reviewed:
    hazards: list[HazardRow]
    problems: list[Problem] = field(default_factory=list)
    reopened: set[tuple[str, str, int]] = field(default_factory=set)
    """(file, sheet, row) of the rows reporting open a hazard reviewed before: after 不合格 as
    asked, after 合格 said here (`Code.REVIEW_REOPENED`), not again by the versions."""
    failed_gone: set[tuple[str, str]] = field(default_factory=set)
    """(department, 部位：存在隐患问题) of the hazards reviewed 不合格 whose row the newer
    version left out: said once, as that (not also as a 销号 kept from the old version)."""
    settled: set[str] = field(default_factory=set)
    """The hazards a review holds for: a fault on another review row of theirs (an
    unknown 结论, a 复查时间 not understood, on an earlier form) is moot."""
    undone: list[tuple[Problem, tuple[str, str, int], date | None]] = field(default_factory=list)
    """Each problem saying a 合格 no longer holds (its hazard reported open again, or closed
    on another day), with the hazard's row (`HazardRow.at`) and the 销号时间 that 合格 passed:
    moot when a later inspection found the problem still there after that closing — the
    department reopened it and rectified it again as it was asked to
    (`findings.answers.excuse_belied_reviews`; warned as if it had gone back on a sound
    review: clerk trial 115)."""


def apply_reviews(
    hazards: Sequence[HazardRow],
    forms: Sequence[ReturnForm],
    required: bool,
    current: Mapping[str, ReturnForm] | None = None,
    receiver: str = "",
) -> Reviewed:
    """The reviews of `forms` applied to `hazards`; `current`: each department's return
    that counts, on which a 不合格 of a row it no longer has is said (its 退回修改 copy is
    the one the department gets); `receiver`: the office that reviews (a 合格 of its own
    hazard by one of its own people is said: `_own_office`)."""
    reviews = [r for f in forms if f.is_review and f.readable for r in f.reviews]
    by_file = {f.file: f for f in forms if f.column_letters}

    def progress_cell(hazard: HazardRow, field: str = "progress") -> str:
        """The hazard's 整改完成情况 (or `field`'s) cell, where a verdict about it is marked."""
        form = by_file.get(hazard.source_file)
        return form.cell_of(field, hazard.source_row) if form else ""

    if not required:
        problems = [
            problem(Code.REVIEW_NOT_REQUIRED, f.file, sheet=f.sheet)
            for f in forms
            if f.is_review and f.reviews
        ]
        return Reviewed(list(hazards), problems)
    by_id = {h.hazard_id: h for h in hazards if h.reported_done}
    open_ids = {h.hazard_id for h in hazards if not h.reported_done}
    latest: dict[str, Review] = {}
    failed: dict[str, list[Review]] = {}
    """The 不合格 reviews of a hazard before its latest one (its history)."""
    overturned: dict[str, list[Review]] = {}
    """The 合格 reviews of a hazard before its latest one (its history too)."""
    reopened: dict[str, list[Review]] = {}
    """The reviews of a hazard the department no longer reports 已完成, oldest first."""
    too_early: dict[str, list[tuple[Review, Problem]]] = {}
    """A review not adopted (undated, a 合格 without its 复查人 or dated before the hazard's
    销号时间), with its fault: said unless a later review holds."""
    short_failed: dict[str, list[tuple[Review, Problem]]] = {}
    """A 不合格 taken though written short (no 复查人, no 复查意见), with its fault: said
    unless a later review holds (an earlier form's, signed and settled since by a later
    form, was said on every collect, the office's to-do asking to mend it: trial 237 CK10)."""
    earlier_closure: dict[str, Review] = {}
    """A 合格 of a closure the department has since replaced (reopened, closed again
    later): the hazard waits for its next review."""
    result = Reviewed([])
    saved = {f.file: f.modified for f in forms if f.is_review}
    versions: dict[str, list[ReturnForm]] = {}  # each department's returns, oldest first
    for form in sorted(forms, key=version_order):
        if form.readable and not form.is_review and form.department:
            versions.setdefault(form.department, []).append(form)
    reviews = _agreeing(reviews, result)

    def order(review: Review) -> tuple[date, date, float, str, int]:
        """By 复查时间; on one day, the review of the later closure (the 销号时间 its form
        showed), then of the form saved later, is the later (not the file named later)."""
        day = review.reviewed_on or date.min
        return (
            day,
            review.closed_on or date.min,
            saved.get(review.file, 0.0),
            review.file,
            review.row,
        )

    for review in sorted(reviews, key=order):
        hazard = by_id.get(review.hazard_id)
        if hazard is None and review.hazard_id in open_ids:
            reopened.setdefault(review.hazard_id, []).append(review)
            continue
        if hazard is None:
            result.problems.append(_about(review, Code.REVIEW_UNKNOWN_HAZARD, review.hazard_id))
            continue
        if review.reviewed_on is None:  # said unless another review settles it
            too_early.setdefault(review.hazard_id, []).append(
                (
                    review,
                    _about(review, Code.REVIEW_UNDATED, "", result=review.result, field="复查时间"),
                )
            )
            continue
        if not review.reviewer and review.result == PASSED:  # 销号 on nobody's word: the
            # plan asks 验收资料 to be 合法、合规 (a 合格 of no one closed it: trial 47)
            too_early.setdefault(review.hazard_id, []).append(
                (
                    review,
                    _about(
                        review,
                        Code.REVIEW_PASSED_UNSIGNED,
                        review.typed.get("reviewer", ""),
                        field="复查人",
                        variant=review.typed.get("no_reviewer", ""),
                        result=review.typed.get("result") or PASSED,
                    ),
                )
            )
            continue
        # (a verdict the register keeps, its form saved over, was said of that form: said
        # again of the register, “第0行”, it could not be mended: clerk trial 235 CI7)
        kept = review.file == EARLIER_REGISTER
        faults: list[Problem] = []
        if not review.reviewer and not kept:  # 不合格 sends it back all the same
            faults.append(
                _about(
                    review,
                    Code.REVIEW_NO_REVIEWER,
                    review.typed.get("reviewer", ""),
                    variant=review.typed.get("no_reviewer", ""),
                    result=review.result,
                    field="复查人",
                )
            )
        if review.result == FAILED and not review.note and not kept:
            faults.append(_about(review, Code.REVIEW_FAILED_NO_NOTE, "", field="复查意见"))
        short_failed.setdefault(review.hazard_id, []).extend((review, p) for p in faults)
        if (
            review.reviewed_on
            and hazard.closed_on
            and review.reviewed_on < hazard.closed_on
            and review.result != FAILED  # 不合格, then completed again: an earlier round
        ):
            shown = review.closed_on  # the 销号时间 its form showed
            if shown is not None and shown <= review.reviewed_on and shown < hazard.closed_on:
                earlier_closure[review.hazard_id] = review  # closed again since: no error
                continue
            too_early.setdefault(review.hazard_id, []).append(
                (
                    review,
                    problem(
                        Code.REVIEW_BEFORE_CLOSED,
                        review.file,
                        sheet=review.sheet,
                        cell=review.reviewed_cell or review.cell,
                        row=review.row,
                        field="复查时间",
                        value=review.typed.get("reviewed_on") or chinese_date(review.reviewed_on),
                        reviewed=review.reviewed_on,
                        closed=hazard.closed_on,
                    ),
                )
            )
            continue
        shown = review.closed_on
        if (
            review.result == PASSED
            and shown is not None
            and hazard.closed_on is not None
            and hazard.closed_on < shown
        ):  # passed, and the 销号时间 moved back since (a late closing made to look in time:
            # clerk trial 40): the closing it passed is not this one. (Moved on to a day
            # up to the review, the reviewer saw the site after it: the 合格 holds.)
            earlier_closure[review.hazard_id] = review
            continue
        if review.hazard_id in latest and latest[review.hazard_id].result == FAILED:
            failed.setdefault(review.hazard_id, []).append(latest[review.hazard_id])
        elif review.hazard_id in latest:  # a 合格 a later review overturned: kept in the
            # history too (it was in none: clerk trial 91)
            overturned.setdefault(review.hazard_id, []).append(latest[review.hazard_id])
        latest[review.hazard_id] = review
    for hazard in hazards:
        if not hazard.reported_done:
            reviews_of = reopened.get(hazard.hazard_id, [])
            returned = by_file.get(hazard.source_file)
            reported = returned.sent_on if returned is not None else None
            cell = progress_cell(hazard)
            result.hazards.append(_reported_open(hazard, reviews_of, cell, reported, result))
            continue
        verdict = latest.get(hazard.hazard_id)
        redone = (  # closed again after failing: after the 复查时间, or on that day with
            verdict is not None  # a 销号时间 other than the one the reviewer saw
            and verdict.result == FAILED
            and hazard.closed_on is not None
            and verdict.reviewed_on is not None
            and (
                hazard.closed_on > verdict.reviewed_on
                or hazard.closed_on == verdict.reviewed_on != verdict.closed_on
            )
        )
        before = superseded = earlier_closure.get(hazard.hazard_id)
        if before is not None and verdict is not None and order(verdict) > order(before):
            before = None  # reviewed again since
        if verdict is None or before is not None:
            hazard = hazard._replace(review=UNREVIEWED)
            if before is not None and before.reviewed_on and before.closed_on:
                # after the failures before it, if any (a 合格 after a 不合格, then the
                # 销号时间 moved past the review, lost both and was not said: trial 44)
                failures = failed.get(hazard.hazard_id, [])
                if verdict is not None and verdict.result == FAILED:
                    failures = [*failures, verdict]
                passed = (
                    _passed(before)
                    + "，其后销号时间改为"
                    + (chinese_date(hazard.closed_on) if hazard.closed_on else "空白")
                )
                history = "；".join([*map(_failure, failures), passed])
                hazard = hazard._replace(
                    review_note=f"此前{history}，待再次复查",
                    passed_before=(before.closed_on, before.reviewed_on),
                )
                undone = _reported_undone_since(hazard, before)
                told = problem(
                    Code.REVIEW_CLOSURE_CHANGED,
                    hazard.source_file,
                    sheet=hazard.source_sheet,
                    cell=progress_cell(hazard, "closed_on"),
                    row=hazard.source_row,
                    field="销号时间",
                    value=f"{hazard.closed_on:%Y-%m-%d}" if hazard.closed_on else "",
                    department=hazard.department,
                    variant="redone" if undone else "",
                    reviewed=before.reviewed_on,
                    old=before.closed_on,
                    new=hazard.closed_on,
                    undone=undone,
                )
                result.problems.append(told)  # the 合格 no longer holds: said, not only noted
                result.undone.append((told, hazard.at, before.closed_on))
            result.hazards.append(hazard)
            continue
        # the reviews before it: its failures, and a 合格 of a closure since replaced (合格,
        # reopened, closed again, 不合格 kept only the 不合格: clerk trial 44)
        said_before = [(order(r), _failure(r)) for r in failed.get(hazard.hazard_id, [])]
        said_before += [(order(r), _passed(r)) for r in overturned.get(hazard.hazard_id, [])]
        if superseded is not None and superseded.reviewed_on and superseded.closed_on:
            said_before.append((order(superseded), _passed(superseded)))
        earlier = "；".join(text for _, text in sorted(said_before))
        if redone:  # closed again after failing its review: to be reviewed again
            history = "；".join(filter(None, (earlier, _failure(verdict))))
            note = f"{history}；销号时间在复查之后，待再次复查"
            result.hazards.append(hazard._replace(review=UNREVIEWED, review_note=note))
            continue
        undone_on = _reported_undone_since(hazard, verdict) if verdict.result == PASSED else None
        if undone_on is not None:  # its department said it was not done after the 合格, then
            # 已完成 again with the old 销号时间: the 合格 came back (clerk trial 185 AK4)
            history = "；".join(filter(None, (earlier, _passed(verdict))))
            note = f"此前{history}；{chinese_date(undone_on)}报送的表格改报未完成，待再次复查"
            result.hazards.append(
                hazard._replace(
                    review=UNREVIEWED,
                    review_note=note,
                    passed_before=(verdict.closed_on, verdict.reviewed_on)
                    if verdict.reviewed_on
                    else (),
                )
            )
            continue
        if earlier:  # the failures before it, after its own words (in brackets) or alone
            note = f"{verdict.note}（此前{earlier}）" if verdict.note else f"此前{earlier}"
        else:
            note = verdict.note
        if verdict.result == PASSED:
            hazard = _as_passed(hazard, verdict, versions.get(hazard.department, []), result)
            unredone = _passed_unredone(hazard, failed.get(hazard.hazard_id, []), order)
            if unredone is not None:
                result.problems.append(
                    _about(
                        verdict,
                        Code.REVIEW_PASSED_UNREDONE,
                        "合格",
                        field="复查结论",
                        failed_on=unredone.reviewed_on,
                        failed_by=unredone.reviewer or "复查人",
                        note=unredone.note or "未写明意见",
                        closed=hazard.closed_on,
                    )
                )
        result.hazards.append(
            hazard._replace(
                review=verdict.result,
                reviewer=verdict.reviewer,
                reviewed_on=verdict.reviewed_on,
                review_signed=verdict.signed_after,
                review_note=note,
            )
        )
        if verdict.result == FAILED:
            # a row the department has since taken out: said on the return that counts
            newest = (current or {}).get(hazard.department) if hazard.vanished_from else None
            if newest is not None:
                result.failed_gone.add((hazard.department, hazard.where))
            # a new 销号时间, but not after the review: told why it still fails (it was told
            # only what it had done, round after round: clerk trial 101)
            early = (
                hazard.closed_on is not None
                and verdict.closed_on is not None
                and hazard.closed_on != verdict.closed_on
            )
            variant = "vanished" if newest else "early" if early else ""
            result.problems.append(
                problem(
                    Code.REVIEW_FAILED,
                    newest.file if newest else hazard.source_file,
                    sheet=newest.sheet if newest else hazard.source_sheet,
                    cell="" if newest else progress_cell(hazard),
                    row=None if newest else hazard.source_row,
                    field="整改完成情况",
                    value=hazard.progress_text,
                    department=hazard.department,
                    variant=variant,
                    what=hazard.where[:40],
                    note=verdict.note or "未写明意见",
                    old_file=hazard.found_in,
                    old_row=hazard.source_row,
                    reviewed=verdict.reviewed_on,
                    closed=hazard.closed_on,
                )
            )
    # a hazard waiting for its next review (completed again after failing one, or its
    # 合格 no longer holding) is not settled by the verdicts before: a fault on the review
    # it waits for was dropped without a word (clerk trial 101)
    waiting = {h.hazard_id for h in result.hazards if h.review == UNREVIEWED}
    result.settled = set(latest) - waiting
    if own := (current or {}).get(receiver):
        result.problems += _own_office(own, [r for r in latest.values() if r.result == PASSED])
    for hazard_id, said in [*too_early.items(), *short_failed.items()]:
        # a review that holds settles it, unless it is the earlier (a 合格 without its 复查人
        # after a 不合格 was dropped without a word, the hazard left 待复查: clerk trial 69)
        holding = latest.get(hazard_id) if hazard_id in result.settled else None
        result.problems.extend(p for r, p in said if holding is None or order(holding) <= order(r))
    return result


def _agreeing(reviews: list[Review], result: Reviewed) -> list[Review]:
    """`reviews` but those of a hazard on one day and of one closure that contradict one
    another (合格 on one form, 不合格 on another): neither is taken, and each is said —
    the form saved last won, and a 复查不合格 became 已销号 without a word (trial 47)."""
    by_day: dict[tuple[str, date, date | None], list[Review]] = {}
    for review in reviews:
        if review.reviewed_on is not None and review.result in (PASSED, FAILED):
            key = (review.hazard_id, review.reviewed_on, review.closed_on)
            by_day.setdefault(key, []).append(review)
    torn = [rows for rows in by_day.values() if len({r.result for r in rows}) > 1]
    for rows in torn:
        for review in rows:
            other = next(r for r in rows if r.result != review.result)
            named = "" if other.file == review.file else f"{Path(other.file).name} "
            where = f"{named}第 {other.row} 行"
            result.problems.append(
                _about(
                    review,
                    Code.REVIEW_CONFLICT,
                    review.hazard_id,
                    reviewed=review.reviewed_on,
                    result=review.result,
                    other=where,
                    other_result=other.result,
                )
            )
    dropped = {id(r) for rows in torn for r in rows}
    return [r for r in reviews if id(r) not in dropped]


def _as_passed(
    hazard: HazardRow, verdict: Review, versions: Sequence[ReturnForm], result: Reviewed
) -> HazardRow:
    """A hazard reviewed 合格, with the photos it had when reviewed (a photo replaced or
    taken out since is the evidence the review accepted: it stays), and a warning when a
    version sent after the review changed its 整改措施, 销号时间 or photos (nothing said:
    the 合格 and the archive showed what the reviewer never saw, clerk trial 44)."""
    day = verdict.reviewed_on
    if day is None or not any((f.sent_on or date.min) > day for f in versions):
        return hazard  # nothing sent since the review
    names = {hazard.hazard_id, hazard.own_id}  # (its first wording's and its own: a row
    # reworded before the review was quoted as the first wording, clerk trial 194 AT2)
    shown = [
        row
        for form in versions
        if (form.sent_on or date.min) <= day
        for row in form.hazards
        if row.own_id in names
    ]
    if not shown:
        return hazard
    then = shown[-1]
    seen = list(dict.fromkeys(p for row in shown for p in row.photos))
    gone = [p for p in seen if p not in hazard.photos]
    changes = []
    if then.measures.strip() != hazard.measures.strip():
        changes.append(f"改动了整改措施（复查时为“{then.measures.strip()[:40] or '空白'}”）")
    if then.closed_on is not None and hazard.closed_on != then.closed_on:
        changes.append(
            f"把销号时间由 {chinese_date(then.closed_on)} 改为 {chinese_date(hazard.closed_on) if hazard.closed_on else '空白'}"
        )
    if gone:
        changes.append(f"换下或删去了复查时的照片 {len(gone)} 张")
    if not changes:
        return hazard
    result.problems.append(
        problem(
            Code.CHANGED_AFTER_PASSED,
            hazard.source_file,
            sheet=hazard.source_sheet,
            row=hazard.source_row,
            field="整改措施" if then.measures != hazard.measures else "整改完成情况",
            department=hazard.department,
            what=hazard.where[:40],
            reviewed=chinese_date(day),
            changes="，".join(changes),
        )
    )
    return hazard._replace(photos=(*hazard.photos, *gone)) if gone else hazard


def _reported_open(
    hazard: HazardRow,
    reviews: list[Review],
    cell: str,
    reported: date | None,
    result: Reviewed,
) -> HazardRow:
    """A hazard the department reports not completed (any more, in a version sent on
    `reported`), given its reviews: after 不合格 that is what was asked (复查意见 keeps the
    failures); after 合格 the newer version contradicts the review, and both the review and
    the return are told — unless the 合格 came after that version, reviewed from an older
    复查验收表: the clerk alone is told (the department was told it had reopened a hazard
    after its acceptance, and to mark a broken light done again: clerk trial 125)."""
    if not reviews:
        return hazard
    verdict = reviews[-1]
    said = {
        "what": hazard.where[:40],
        "progress": progress_said(hazard.progress, hazard.progress_text) or "未填写",
        "reviewed": chinese_date(verdict.reviewed_on) if verdict.reviewed_on else "此前",
    }
    if (
        verdict.result == PASSED
        and not any(closed for *_, closed in hazard.history)
        and all(r.closed_on is None for r in reviews)
    ):  # never reported closed, on no 复查验收表 for a closing: a 隐患编号 typed onto the form
        # (said to have been 改报为整改中, its archive page showing 复查合格: trial 216 BP2)
        result.problems.append(
            _about(
                verdict,
                Code.REVIEW_NEVER_CLOSED,
                verdict.hazard_id,
                owner=hazard.department,
                **said,
            )
        )
        return hazard
    result.reopened.add(hazard.at)
    if verdict.result == FAILED:
        return hazard._replace(review_note="；".join(_failure(r) for r in reviews))
    # still 已完成, its 销号时间 gone: not “改报为已完成…请改回已完成” (clerk trial 44)
    undated = hazard.progress == DONE
    where = hazard.at
    # the pass kept in 复查意见, for the register, the next 复查验收表 and the archive page
    # (which showed no 复查 at all: clerk trial 123)
    if (
        not undated
        and reported is not None
        and verdict.reviewed_on is not None
        and verdict.reviewed_on > reported
    ):
        told = _about(
            verdict,
            Code.REVIEW_REOPENED,
            verdict.hazard_id,
            variant="review-after",
            owner=hazard.department,
            sent=reported,
            **said,
        )
        result.problems.append(told)
        note = (
            f"{_passed(verdict)}（部门{chinese_date(reported)}已改报“{said['progress']}”，不作数）"
        )
        return hazard._replace(review_note=note)
    note = f"{_passed(verdict)}，之后部门改报“{said['progress']}”"
    reopened = hazard if undated else hazard._replace(review_note=note)
    if verdict.reviewed_on is not None:  # what stood before it was taken back (trial 170 W3)
        reopened = reopened._replace(passed_before=(verdict.closed_on, verdict.reviewed_on))
    for told in (
        _about(
            verdict,
            Code.REVIEW_REOPENED,
            verdict.hazard_id,
            variant="review-undated" if undated else "review",
            owner=hazard.department,
            **said,
        ),
        problem(
            Code.REVIEW_REOPENED,
            hazard.source_file,
            sheet=hazard.source_sheet,
            cell=cell,
            row=hazard.source_row,
            field="整改完成情况",
            value=hazard.progress_text,
            department=hazard.department,
            variant="undated" if undated else "",
            **said,
        ),
    ):
        result.problems.append(told)
        if not undated:  # (one 已完成 without its date is to be dated all the same)
            result.undone.append((told, where, verdict.closed_on))
    return reopened


def _reported_undone_since(hazard: HazardRow, verdict: Review) -> date | None:
    """The day of the first version sent after the 复查时间 of `verdict` (a 合格) that
    reported `hazard` not done (no 销号时间 standing: `HazardRow.history`), when one did."""
    if verdict.reviewed_on is None:
        return None
    return next(
        (
            sent
            for sent, _, closed_on in hazard.history[:-1]
            if sent > verdict.reviewed_on and closed_on is None
        ),
        None,
    )


def _passed(review: Review) -> str:
    """An earlier 合格 of a closure since replaced, as the register's 复查意见 keeps it."""
    day = chinese_date(review.reviewed_on) if review.reviewed_on else ""
    closed = chinese_date(review.closed_on) if review.closed_on else "未填写"
    return f"{day}复查合格，当时销号时间{closed}"


def _passed_unredone(
    hazard: HazardRow, failures: Sequence[Review], order: Callable[[Review], Any]
) -> Review | None:
    """The last 不合格 before a 合格 the department did not rectify again after (its
    销号时间 not after that review's day): a second reviewer's 合格 the next day closed it
    without a word, on the closure the first had found false (clerk trial 89)."""
    if not failures or hazard.closed_on is None:
        return None
    last = max(failures, key=order)
    if last.reviewed_on is None or hazard.closed_on > last.reviewed_on:
        return None
    if hazard.closed_on == last.reviewed_on != last.closed_on:  # closed again that very day
        return None
    return last


def reviews_handed_over(
    forms: Sequence[ReturnForm],
    handed: Sequence[HazardRow],
    owners: Mapping[str, tuple[str, str]],
) -> list[Problem]:
    """What a 复查验收表's verdict on a row since handed over (`Assignment.handed_over`) came
    to, said on the review's row: kept on the problem's page, not sent back to the
    department, the new one (`owners`: `number_key` of a 问题编号 → the list's 编号 and its
    departments) to be told.
    Said nowhere, the new department never heard the fix had failed (clerk trial 162)."""
    said: list[Problem] = []
    for hazard in handed:
        if hazard.review not in (PASSED, FAILED) or not hazard.answered_as:
            continue
        review = next(
            (
                r
                for form in forms
                if form.is_review and form.file != EARLIER_REGISTER
                for r in form.reviews
                if r.hazard_id.upper() == hazard.hazard_id.upper()
                and r.result == hazard.review
                and r.reviewed_on == hazard.reviewed_on
            ),
            None,
        )
        # (by the 编号 as typed, “jb－01” found no owner)
        owner = owners.get(number_key(hazard.answered_as[0]))
        if review is None or owner is None:
            continue
        said.append(
            _about(
                review,
                Code.REVIEW_HANDED_OVER,
                review.hazard_id,
                variant="passed" if hazard.review == PASSED else "",
                owner=hazard.department,
                what=hazard.where[:40],
                number=owner[0],
                owners=owner[1],
                note=review.note or "未写明意见",
            )
        )
    return said


def _failure(review: Review) -> str:
    """An earlier 不合格, as the register's 复查意见 keeps it."""
    day = chinese_date(review.reviewed_on) if review.reviewed_on else ""
    return f"{day}{FAILED_BEFORE}{review.note or '未写明意见'}"


_NAMES_APART = re.compile(r"[、，,;；/／]+")


def _own_office(own: ReturnForm, passed: Sequence[Review]) -> list[Problem]:
    """A 合格 of a hazard of the receiving office's return (`own`) whose 复查人 that return
    names (its 主要负责人, 填报人 or a 责任人): 自查自验, which the form's own note advises
    against; taken, but said (a 合格 by the office's head on its own camera went in without
    a word: clerk trial 237 CK9)."""
    roles: dict[str, str] = {}
    for role, names in (
        ("主要负责人", [own.head]),
        ("填报人", [own.reporter]),
        ("责任人", [h.owner for h in own.hazards]),
    ):
        for name in (n for text in names for n in _NAMES_APART.split(normalize_key(text)) if n):
            roles.setdefault(name, role)
    ids = {h.hazard_id for h in own.hazards}
    return [
        _about(
            review,
            Code.REVIEW_BY_OWN_OFFICE,
            review.reviewer,
            field="复查人",
            office=own.department,
            role=roles[normalize_key(review.reviewer)],
        )
        for review in passed
        if review.hazard_id in ids
        and review.file != EARLIER_REGISTER  # (said of its form when it was read)
        and normalize_key(review.reviewer) in roles
    ]


def _about(
    review: Review, code: Code, value: str, field: str = "隐患编号", **params: Any
) -> Problem:
    """A problem about the review's row, on its cell of `field`."""
    cell = {
        "复查时间": review.reviewed_cell,
        "复查人": review.reviewer_cell,
        "复查意见": review.note_cell,
        "复查结论": review.result_cell,
    }.get(field, "")
    return problem(
        code,
        review.file,
        sheet=review.sheet,
        cell=cell or review.cell,
        row=review.row,
        field=field,
        value=value,
        **params,
    )
