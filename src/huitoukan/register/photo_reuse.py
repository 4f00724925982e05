"""One photo shown as the evidence of different hazards: the 督导组 looks for it.

A department proving three rectifications with one picture, or sending another
department's photo as its own, is told on each row showing it (`PHOTO_REUSED`, a warning):
the rows of one department showing the same photo are, but the hazard it was first sent
for alone (when one: sent on several rows at once, which it belongs to the office cannot
tell); of another department, the rows of the department that did not send it first. The rows of one assigned problem (交办 to two departments, 问题编号 alike)
share their photos rightly. Only the versions the register uses are compared: a photo
an older version showed on another row was moved, not reused.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from huitoukan.model.findings import number_key
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import HazardRow, ReturnForm

WHAT_SHOWN = 30
"""Characters of the other hazard's 部位：问题 a message quotes."""


def reused_photos(
    current: Mapping[str, ReturnForm],
    versions: Iterable[ReturnForm],
    order: Callable[[ReturnForm], Any],
) -> list[Problem]:
    """The rows of the `current` forms (department → the version used) showing a photo
    another of those rows shows; `versions` are every department's forms, `order` the key
    (`version_order`) telling which sent a photo first."""
    first: dict[str, ReturnForm] = {}
    owning: dict[str, str] = {}  # photo → the hazard it was first sent for, when one
    for form in sorted(versions, key=order):
        on: dict[str, list[HazardRow]] = defaultdict(list)
        for row in form.hazards:
            for name in dict.fromkeys(row.photos):
                on[name].append(row)
        for name, showing_it in on.items():
            if name not in first:
                first[name] = form
                if len(showing_it) == 1:
                    owning[name] = _own(showing_it[0])
    shown: dict[str, list[tuple[ReturnForm, HazardRow]]] = defaultdict(list)
    for form in current.values():
        for row in form.hazards:
            for name in dict.fromkeys(row.photos):
                shown[name].append((form, row))
    said: dict[tuple[str, str, int], Problem] = {}
    for name, showing in shown.items():
        if len({_hazard(form, row) for form, row in showing}) < 2:
            continue
        owner = first[name].department
        for form, row in showing:
            others = [(f, r) for f, r in showing if _hazard(f, r) != _hazard(form, row)]
            theirs = [(f, r) for f, r in others if f.department != form.department]
            mine = [r for f, r in others if f.department == form.department]
            where = (form.file, form.sheet, row.source_row)
            if where in said:
                continue
            if theirs and form.department != owner:
                f, r = next(((f, r) for f, r in theirs if f.department == owner), theirs[0])
                said[where] = _said(
                    form, row, "other", owner=f.department, old_file=f.file,
                    old_row=r.source_row, what=_what(r),
                )  # fmt: skip
            elif mine and not (form.department == owner and owning.get(name) == _own(row)):
                rows = "、".join(str(r.source_row) for r in mine)
                said[where] = _said(form, row, "", rows=rows)
    return list(said.values())


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


def _said(form: ReturnForm, row: HazardRow, variant: str, **params: object) -> Problem:
    return problem(
        Code.PHOTO_REUSED,
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
