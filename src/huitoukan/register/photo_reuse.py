"""One photo shown as the evidence of different hazards: the 督导组 looks for it.

A department proving three rectifications with one picture, or sending another
department's photo as its own, is told on each row showing it (`PHOTO_REUSED`, a warning):
the rows of one department showing the same photo are, but the hazard it was first sent
for alone (when one: sent on several rows at once, which it belongs to the office cannot
tell); of another department, the rows of the department that did not send it first.
The rows of one assigned problem (交办 to two departments, 问题编号 alike) share their
photos rightly. Only the versions the register uses are compared: a photo an older
version showed on another row was moved, not reused.

A photo another department first sent of a hazard still open is a 整改前 photo wherever it
is pasted since (`borrowed_before_photos`): captioned so, and no 整改后 photo of a row it
alone is pasted on. (Within a department, its versions' lineage says which are 整改前:
`register.merging`.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import DONE, HazardRow, ReturnForm

WHAT_SHOWN = 30
"""Characters of the other hazard's 部位：问题 a message quotes."""


@dataclass(frozen=True)
class FirstSent:
    """Where each photo was first sent, of every department's versions: the form, and the
    rows of it showing the photo."""

    forms: dict[str, ReturnForm]
    rows: dict[str, list[HazardRow]]

    @classmethod
    def of(cls, versions: Iterable[ReturnForm], order: Callable[[ReturnForm], Any]) -> FirstSent:
        """`versions` are every department's forms, `order` the key (`version_order`)
        telling which sent a photo first."""
        forms: dict[str, ReturnForm] = {}
        rows: dict[str, list[HazardRow]] = {}
        for form in sorted(versions, key=order):
            on: dict[str, list[HazardRow]] = defaultdict(list)
            for row in form.hazards:
                for name in dict.fromkeys(row.photos):
                    on[name].append(row)
            for name, showing_it in on.items():
                if name not in forms:
                    forms[name], rows[name] = form, showing_it
        return cls(forms, rows)

    def owning(self, name: str) -> str | None:
        """The hazard (`_own`) photo `name` was first sent for, when it was one."""
        rows = self.rows[name]
        return _own(rows[0]) if len(rows) == 1 else None


def reused_photos(
    current: Mapping[str, ReturnForm], first: FirstSent, hazards: Iterable[HazardRow]
) -> list[Problem]:
    """The rows of the `current` forms (department → the version used) whose hazard (of
    the merged `hazards`: with the photos older versions sent) shows a photo another of
    those rows' hazards shows. (The rows' own photos alone missed every photo of a version
    before a follow-up round, whose forms carry none: clerk trial 68.)"""
    forms = {form.file: form for form in current.values()}
    shown: dict[str, list[tuple[ReturnForm, HazardRow]]] = defaultdict(list)
    deleted: dict[tuple[str, str], HazardRow] = {}  # (department, photo) → its row deleted
    current_rows: list[tuple[ReturnForm, HazardRow]] = []
    for row in hazards:
        form = forms.get(row.source_file)
        if form is None:  # a hazard only an older version, or the register, still holds
            if row.vanished_from:
                for name in row.photos:
                    deleted.setdefault((row.department, name), row)
            continue
        current_rows.append((form, row))
        for name in dict.fromkeys(row.photos):
            shown[name].append((form, row))
    said: dict[tuple[str, str, int], Problem] = {}
    # a row that moved up into a deleted row's place, showing its photo (the merged hazard
    # has it not: it stays the deleted row's, `merging._left_behind`)
    pasted = {
        (f.file, h.source_sheet, h.source_row): h.photos for f in forms.values() for h in f.hazards
    }
    for form, row in current_rows:
        for name in pasted.get((form.file, row.source_sheet, row.source_row), ()):
            gone = deleted.get((form.department, name))
            if gone is not None and _own(gone) != _own(row):
                said[form.file, form.sheet, row.source_row] = _said(
                    Code.PHOTO_REUSED,
                    form,
                    row,
                    "deleted",
                    old_file=gone.found_in,
                    old_row=gone.source_row,
                    what=_what(gone),
                )
    # rows of a department stating one 部位 and 问题 are one hazard: two assigned problems the
    # list states alike, answered with one photo, were told to replace it (clerk trial 122)
    alike: dict[tuple[str, str], tuple[str, ...]] = {}

    def hazard(form: ReturnForm, row: HazardRow) -> tuple[str, ...]:
        return alike.setdefault((form.department, row.key), _hazard(form, row))

    for name, showing in shown.items():
        # (a photo only the register's hazards show, its files not given to this collect,
        # has no first sender here: KeyError, exit 3, where the folders left out are said
        # next: clerk trial 187 AM3)
        if len({hazard(form, row) for form, row in showing}) < 2 or name not in first.forms:
            continue
        owner = first.forms[name].department
        for form, row in showing:
            others = [(f, r) for f, r in showing if hazard(f, r) != hazard(form, row)]
            theirs = [(f, r) for f, r in others if f.department != form.department]
            mine = [r for f, r in others if f.department == form.department]
            where = (form.file, form.sheet, row.source_row)
            if where in said:
                continue
            if theirs and form.department != owner:
                # where its first sender shows it, or sent it first when no row of its
                # shows it now (another user's file was named as the owner's: session 23)
                # (a row of its newer form that holds no picture, a follow-up form's,
                # named a file without it: clerk trial 114)
                f, r = next(
                    ((f, r) for f, r in theirs if f.department == owner and _holds(f, r, name)),
                    (first.forms[name], first.rows[name][0]),
                )
                said[where] = _said(
                    Code.PHOTO_REUSED,
                    form,
                    row,
                    "other",
                    owner=f.department,
                    old_file=f.file,
                    old_row=r.source_row,
                    what=_what(r),
                )
            elif mine and not (form.department == owner and first.owning(name) == _own(row)):
                # the rows of this form showing it; or, none does (it came with a return
                # before a follow-up round), the return it was sent in (“本表第 7 行隐患的
                # 照片” named a row showing another photo: clerk trial 144)
                showing_it = [r for r in mine if _holds(form, r, name)]
                sent = first.forms[name]
                rows = "、".join(str(r.source_row) for r in showing_it or mine)
                if showing_it or sent.department != form.department:
                    said[where] = _said(Code.PHOTO_REUSED, form, row, "", rows=rows)
                else:
                    said[where] = _said(
                        Code.PHOTO_REUSED, form, row, "earlier", rows=rows, old_file=sent.file
                    )
    return list(said.values())


def _holds(form: ReturnForm, row: HazardRow, name: str) -> bool:
    """`form` itself shows photo `name` on `row`'s row (a merged hazard carries the photos
    its older versions sent too)."""
    return any(
        name in h.photos
        for h in form.hazards
        if (h.source_sheet, h.source_row) == (row.source_sheet, row.source_row)
    )


def photos_sent_on(versions: Iterable[ReturnForm]) -> dict[str, date]:
    """Photo → the earliest day a file of `versions` showing it was sent."""
    sent: dict[str, date] = {}
    for form in versions:
        day = form.sent_on
        if day is None:
            continue
        for row in form.hazards:
            for name in row.photos:
                if name not in sent or day < sent[name]:
                    sent[name] = day
    return sent


def sent_before_found(
    hazards: Sequence[HazardRow],
    findings: Sequence[Finding],
    sent_on: Mapping[str, date],
    current: Mapping[str, ReturnForm],
    require_photo: bool,
) -> tuple[list[HazardRow], list[Problem]]:
    """The `hazards` answering an assigned problem, with the photos sent before the problem
    was found counted 整改前: they show a rectification the inspection then found wanting
    (a closed hazard found still there, listed again: its old 整改后 photo stood as the proof
    of the closing redone after, no photo asked for: clerk trial 153). With `require_photo`,
    a row reported 已完成 left with only such photos is told."""
    found = {number_key(f.number): f for f in findings if f.found_on is not None}
    rows: list[HazardRow] = []
    said: list[Problem] = []
    for row in hazards:
        finding = found.get(number_key(row.number)) if row.number else None
        day = finding.found_on if finding is not None else None
        earlier = [
            name
            for name in row.photos
            if name not in row.before_photos
            and day is not None
            and (sent := sent_on.get(name)) is not None
            and sent < day
        ]
        if not earlier or finding is None:
            rows.append(row)
            continue
        before, only = _before_with(row, earlier)
        newest = current.get(row.department)
        if only and require_photo and newest is not None and row.source_file == newest.file:
            said.append(
                _said(
                    Code.MISSING_PHOTO,
                    newest,
                    row,
                    "found",
                    number=finding.number,
                    source=finding.source,
                    found=finding.found_on,
                )
            )
        rows.append(row._replace(before_photos=before, before_photos_only=only))
    return rows, said


def _before_with(row: HazardRow, more: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """`row`'s 整改前 photos with `more` of its photos counted so too, and whether, reported
    已完成, it is left with those alone."""
    before = tuple(p for p in row.photos if p in row.before_photos or p in more)
    return before, row.progress == DONE and len(before) == len(row.photos)


def borrowed_before_photos(
    hazards: Sequence[HazardRow],
    current: Mapping[str, ReturnForm],
    first: FirstSent,
    require_photo: bool,
) -> tuple[list[HazardRow], list[Problem]]:
    """The `hazards` with the photos another department first sent on a row still open
    counted 整改前 (another hazard's before, not this one's after: captioned 整改后, and a row
    with only such photos was not told it lacks its 整改后 photo, clerk trial 53); with
    `require_photo`, a row reported 已完成 with only 整改前 photos so is told."""
    rows: list[HazardRow] = []
    said: list[Problem] = []
    for row in hazards:
        newest = current.get(row.department)
        borrowed = [
            name
            for name in row.photos
            if name in first.forms
            and first.forms[name].department != row.department
            and any(r.progress != DONE for r in first.rows[name])
        ]
        if newest is None or row.source_file != newest.file:
            rows.append(row)
            continue
        if row.progress == DONE and row.photos:  # another's photos, all of them
            whose = [_whose(first, name, row) for name in row.photos]
            if all(whose):
                row = row._replace(photos_of_others=whose[0])
        if not borrowed:
            rows.append(row)
            continue
        before, only = _before_with(row, borrowed)
        if only and require_photo and not row.before_photos_only:
            older = next(r for r in first.rows[borrowed[0]] if r.progress != DONE)
            said.append(  # whose photo it is: not this department's earlier version (it
                # read so, citing another department's file: clerk trial 82)
                _said(
                    Code.MISSING_PHOTO,
                    newest,
                    row,
                    "borrowed",
                    owner=first.forms[borrowed[0]].department,
                    old_file=older.found_in,
                    old_row=older.source_row,
                    what=_what(older),
                )
            )
        rows.append(
            row._replace(before_photos=before, before_photos_only=row.before_photos_only or only)
        )
    return rows, said


def _whose(first: FirstSent, name: str, row: HazardRow) -> str:
    """Who first sent photo `name`, when not for `row`'s hazard: another department (not
    for the assigned problem `row` answers too, which its departments share rightly), or
    this one for another of its hazards (reused within a department, it counted as the
    hazard's own evidence once passed: trial 221 BV4); '' when it is `row`'s own."""
    if name not in first.forms:
        return ""
    sender = first.forms[name].department
    if sender != row.department:
        shared = _own(row) in {_own(r) for r in first.rows[name] if r.number}
        return "" if shared else sender
    rows = first.rows[name]
    if _own(row) in {_own(r) for r in rows}:
        return ""
    return f"本部门为另一项隐患（{_what(rows[0])}）"


def _hazard(form: ReturnForm, row: HazardRow) -> tuple[str, ...]:
    """Which hazard a row is: an assigned problem by its 问题编号 (its departments' rows are
    one problem), else the department's row."""
    if row.number:
        return ("number", number_key(row.number))
    return (form.department, form.file, form.sheet, str(row.source_row))


def _own(row: HazardRow) -> str:
    """Which hazard a row is, in any version of its department's return (its 问题编号, or
    its wording): the one a photo was first sent for keeps it without a word, the rows it
    was pasted on since are told (a 整改前 photo pasted on another row asked its own row to
    replace it: clerk trial 53)."""
    return f"#{number_key(row.number)}" if row.number else row.key


def _what(row: HazardRow) -> str:
    where = row.where
    return where if len(where) <= WHAT_SHOWN else where[: WHAT_SHOWN - 1] + "…"


def _said(code: Code, form: ReturnForm, row: HazardRow, variant: str, **params: object) -> Problem:
    """A problem on the 整改完成情况 of `row` of `form` (as the photo warnings are)."""
    return problem(
        code,
        form.file,
        sheet=form.sheet,
        cell=form.cell_of("progress", row.source_row),
        row=row.source_row,
        field="整改完成情况",
        value=row.progress_text,
        department=form.department,
        variant=variant,
        **params,
    )
