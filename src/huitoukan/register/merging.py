"""Merging returned forms into one school-wide collection.

The newest return of each department wins (by the form's 日期, then the file's
modification time, then its name, so the result never depends on the order the
files were found in). Older versions stay listed as superseded. A hazard that an
older version listed and the newest version no longer does is kept in the register,
marked, with a warning: a row deleted instead of closed must not disappear from the
archive, nor a 销号 hazard (with its review) from the count of what was closed.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Annotated, Any, NamedTuple

from pydantic import SkipValidation

from huitoukan.files import natural_key
from huitoukan.forms.listing import hazards_in
from huitoukan.model.documents import (
    CHECKLIST_TITLE,
    DISTRIBUTION_TITLE,
    FEEDBACK_NAME,
    FEEDBACK_TITLE,
    FINDINGS_TITLE,
)
from huitoukan.model.findings import Finding, Mention, number_key
from huitoukan.model.problems import Code, Problem, ProblemCounts, Severity, problem
from huitoukan.model.returns import (
    ANOTHER_CAMPAIGN,
    BY_ISSUE,
    COVERED,
    DONE,
    GONE,
    NOT_TAKEN,
    FileOutcome,
    HandoverNote,
    HazardRow,
    ReturnForm,
    Review,
    SkippedFile,
    hazard_id_of,
)
from huitoukan.register.photo_reuse import (
    FirstSent,
    borrowed_before_photos,
    photos_sent_on,
    reused_photos,
)
from huitoukan.text import normalize_key

_VERSIONS = frozenset({FileOutcome.USED, FileOutcome.SUPERSEDED, FileOutcome.DUPLICATE})
"""The outcomes of a department's returns (every version it sent)."""


class Collection(ProblemCounts):
    """Everything collect learned: every file, the current return per department, the hazards."""

    forms: list[ReturnForm]
    skipped: list[SkippedFile] = []
    outcomes: dict[str, FileOutcome]
    current: dict[str, ReturnForm]
    """Department → the return that counts."""
    hazards: Annotated[list[HazardRow], SkipValidation]
    findings: list[Finding] = []
    """The assigned problems the returns were matched against (交办问题清单)."""
    photos_sent_on: dict[str, date] = {}
    """Photo → the day the first of the department's files showing it was sent (its 日期):
    one sent before an assigned problem was found proves no rectification of it
    (`photo_reuse.sent_before_found`)."""
    mentions: list[Mention] = []
    """Every version that mentioned an assigned problem (its history)."""
    returned_before: dict[str, date] = {}
    """Department → the 日期 of a first return the register recorded whose file has been
    written over or taken out since (`Held.returned`)."""
    sent_before: dict[str, list[date]] = {}
    """`Held.sent`: the days of returns whose files have been written over since."""
    assigned_on: dict[str, date | None] | None = None
    """Each part of an assigned problem (`answers.part_key`) → the day it was assigned,
    when after the register's first collect (`answers.assignment_days`); None when there
    is no list."""
    skipped_of: dict[str, str] = {}
    """Department → a file it sent that is no spreadsheet (a .rar, a .pdf) and that names
    it alone: it sent something, not nothing (told 尚未报送: clerk trial 80)."""
    verdicts_kept: list[str] = []
    """The hazards (隐患编号) whose 复查 verdict the register alone held (`kept_verdicts`):
    every collect after reads them from it."""
    handed_over: list[HazardRow] = []
    """Rows answering a problem the list has given another department since (not among
    `hazards`: `answers.Assignment.handed_over`); the 追责核查 and the problem's page read
    them (the department had it then, its answers and photos are the problem's history)."""
    away: dict[str, list[tuple[date, date | None]]] = {}
    """Each part of an assigned problem (`answers.part_key`) → the spans the list had taken
    it from its department (`answers.away_spans`)."""
    handed_written: list[HandoverNote] = []
    """Those of `handed_over` sent while the problem was away from their department (`away`).
    Given the problem back, the department is
    asked for its answer: rows saying what they said stay handed over (`answers.assign`:
    its handover note “已移交… 已完成” was taken for its own 销号, clerk trial 162)."""
    remembers: list[str] = []
    """The departments whose oldest version was what the register held (`Held.hazards`):
    one of their files was written over or taken out, and what it alone showed (a photo,
    a first 隐患编号, a date) the register alone keeps, on every collect after too."""

    def counts_by_file(self) -> dict[str, tuple[int, int]]:
        """File → (errors, warnings) among the problems listed for it (a follow-up version's
        late-return, not listed, is not counted), so every count shown adds up."""
        counts: dict[str, list[int]] = {}
        for p in self.problems:
            pair = counts.setdefault(p.file, [0, 0])
            pair[p.severity is Severity.WARNING] += 1
        return {file: (pair[0], pair[1]) for file, pair in counts.items()}

    @property
    def files_read(self) -> int:
        """Returned files the register is made of (every version, duplicates and 复查验收表
        too; not blank forms, unreadable files, the tool's own or `refused_reviews`)."""
        refused = self.refused_reviews()
        return len(
            {
                f.source or f.file
                for f in self.forms
                if self.outcomes.get(f.file) in COVERED and f.file not in refused
            }
        )

    def refused_reviews(self) -> set[str]:
        """The 复查验收表 of which no verdict was taken (last year's, put in 复查 by mistake):
        nothing of the register comes from them, and taking them out again was refused as
        a review lost (clerk trial 211 BK8)."""
        return {
            f.file
            for f in self.forms
            if self.outcomes.get(f.file) is FileOutcome.REVIEW
            and not f.reviews
            and not f.reviews_put_off
        }

    def signed(self) -> dict[str, tuple[str, str, str]]:
        """`RegisterState.signed`: each department's 主要负责人, 上报人, 联系方式 as its
        latest return gives them."""
        return {d: (f.head, f.reporter, f.phone) for d, f in self.current.items()}

    def unreadable(self) -> dict[str, str]:
        """Department → the file of its that could not be read, for each department with
        no readable return (its file named it: it sent something, not nothing)."""
        unread = {
            f.department: f.file
            for f in self.forms
            if self.outcomes.get(f.file) in NOT_TAKEN
            and f.department
            and f.department not in self.current
        }
        for department, file in self.skipped_of.items():
            if department not in self.current:
                unread.setdefault(department, file)
        return unread

    def set_aside(self) -> dict[str, tuple[str, ...]]:
        """Department → (the file of another department's form filled in that its name
        names, set aside by `refiled`; the department that form's header names; what named
        it, its header blank: `ReturnForm.department_by`; `BY_ISSUE` when it was issued to
        the department told, `_issued_to`; told to its header's department, the one the
        form's record says it was issued to, if another), for each
        department with no return of its own: it sent something, and was told 尚未报送
        without a word of that file, on every command after its collect (clerk trial 93).
        A form set aside that no such department is told of (its name a place's, or the
        department named sent its own) is told to its header's department, its own return
        beside it (header and department then the same): whose it is, it can say, and its
        hazards went into no register with no one told (clerk trial 96) — and so is one the
        department named is told of: the hazards may be the header's (its place, its
        reporter), counted its own before its own return came, and gone from the register
        with only the department named told (clerk trial 106)."""
        held = [f for f in self.forms if self.outcomes.get(f.file) is FileOutcome.HELD]
        told: dict[str, tuple[str, ...]] = {
            f.named_for: (f.file, f.department, f.department_by, _issued_to(f, f.named_for))
            for f in held
            if f.named_plainly and f.named_for not in self.current
        }
        for f in held:
            if f.department in self.current:
                # and whom its record says it was issued to, when another (the department
                # was asked whose it was: clerk trial 153)
                told.setdefault(
                    f.department,
                    (f.file, f.department, f.department_by, "", f.issued_to_another),
                )
        return told

    def reviews_not_taken(self) -> dict[str, list[int]]:
        """Each 复查验收表 → its rows whose verdict was not taken for an error (no 复查时间,
        a 合格 of no 复查人, a 结论 not understood): the office's to-do named only the
        hazards 待复查, as if a new form were wanted (clerk trial 101)."""
        reviews = {f.file for f in self.forms if f.is_review}
        rows: dict[str, set[int]] = {}
        for p in self.problems:
            if p.file in reviews and p.row and p.severity is Severity.ERROR:
                rows.setdefault(p.file, set()).add(p.row)
        return {file: sorted(taken) for file, taken in rows.items()}

    def counted_for_header(self) -> dict[str, tuple[str, ...]]:
        """Department → (the file its name plainly names, or that came in its folder or
        archive, the department its header names — or, blank, its file's name — and it was
        counted for, what named that one if not its header: `ReturnForm.department_by`;
        `BY_ISSUE` when it was issued to the department told), for each department with no
        return of its own: the other department sent nothing else, so the form is its return
        (warned of), and the department whose name the file bears, whose mail it came in, or
        to which it was issued, was told only 尚未报送 (clerk trials 93, 97, 151, 152)."""
        counted: dict[str, tuple[str, ...]] = {}
        for f in self.forms:
            taken = self.current.get(f.department)
            if taken is None or taken.file != f.file:
                continue
            for told in (f.named_for if f.named_plainly else "", f.pointed_to):
                if told and told not in self.current:
                    issued = _issued_to(f, told)
                    counted.setdefault(told, (f.file, f.department, f.department_by, issued))
        return counted

    def form_errors(self) -> dict[str, list[str]]:
        """Department → the errors of its current return off its hazards' rows (主要负责人
        left blank, a 日期 not understood), by title: a return with no others was 已报送 with
        nothing to put right in status and the letters, though collect said 错误 and wrote
        its 退回修改 copy (clerk trial 112)."""
        rows = {h.at for h in self.hazards}
        whose = {f.file: department for department, f in self.current.items()}
        said: dict[str, dict[str, None]] = {}
        for p in self.problems:
            department = whose.get(p.file)
            # a follow-up form dated before its round (本轮仍算未报送): its date to put right,
            # not 尚未收到 (clerk trial 114)
            wrong = p.severity is Severity.ERROR or p.code is Code.ROUND_DATE_KEPT
            # a blank 部门（章）, counted by the file's name: the form to sign and seal lacks
            # it, which collect said and the notice did not (clerk trial 154)
            wrong = wrong or p.code is Code.DEPARTMENT_BLANK
            # a problem left unanswered is chased as one, not as the header's mistake (“表头、
            # 表尾等处填写有误（交办问题未反馈）”: clerk trial 150)
            if (
                department
                and wrong
                and p.at not in rows
                and p.code is not Code.ASSIGNMENT_UNANSWERED
            ):
                # (a date: which cell, what it holds — “日期无法识别” of a form of a dozen
                # dates: clerk trial 237 CK11)
                dated = p.code is Code.BAD_DATE and p.cell and p.value
                title = f"{p.title}：{p.cell}填的是“{p.value}”" if dated else p.title
                said.setdefault(department, {})[title] = None
        return {department: list(titles) for department, titles in said.items()}

    def borrowed_forms(self) -> dict[str, tuple[str, ...]]:
        """Department → (its current return, the department that form was issued to, what
        counted it as the department's: `ReturnForm.department_by`), when its header was
        typed over another's issued form (DEPARTMENT_MISMATCH header_issued), or left blank
        and its file's or folder's name gave it to the department (variant issued): the
        other's pre-filled rows are counted as its own until it takes them out, and the
        warning reached the clerk alone, its notice saying nothing (clerk trials 151, 153)."""
        borrowed: dict[str, tuple[str, ...]] = {
            d: (f.file, f.typed_over, "") for d, f in self.current.items() if f.typed_over
        }
        for department, f in self.current.items():
            if f.issued_to_another:
                borrowed.setdefault(department, (f.file, f.issued_to_another, f.department_by))
        return borrowed

    def old_forms(self) -> dict[str, str]:
        """Department → its current return, when that is an earlier campaign's form dated
        in this one (`Code.EARLIER_CAMPAIGN_FORM`): its notice asks it to check (the
        warning reached the clerk alone, the notice chased last year's rows: trial 110)."""
        said = {p.file for p in self.problems if p.code is Code.EARLIER_CAMPAIGN_FORM}
        return {d: f.file for d, f in self.current.items() if f.file in said}

    def unreadable_reasons(self) -> dict[str, str]:
        """Department → why its file (`unreadable`) could not be read (a password, damage,
        no spreadsheet): the notice said only “设有打开密码、文件已损坏或不是 Excel 表格”,
        whatever it was (clerk trials 80, 82)."""
        why = {f.file: f.reason for f in self.forms if f.reason}
        why.update((s.file, s.reason) for s in self.skipped)
        return {d: why[file] for d, file in self.unreadable().items() if why.get(file)}

    def dated_after(self, day: date, today: date) -> list[ReturnForm]:
        """The returns sent after `day` (their 日期, or for none their file's day, as
        status dates them) but not after `today` (a later 日期 is a typo, said as such), the
        latest first: a collect judged on an earlier day than they were sent. (An undated
        return saved after `day` went unsaid, and status then refused the register: clerk
        trial 74.)"""
        later = [
            f
            for f in self.forms
            if not f.is_review  # (dated by its 复查时间s, not by its file)
            and (sent := f.sent_on) is not None
            and day < sent <= today
            and self.outcomes.get(f.file) in COVERED
        ]
        return sorted(later, key=lambda f: f.sent_on or day, reverse=True)

    def _return_days(self) -> Iterator[tuple[str, date, bool]]:
        """(department, the day it was sent: `ReturnForm.sent_on`, whether that is the
        day of its file only, after the deadline: `ReturnForm.sent_unknown`) of each
        version of a department with a return that counts (not a blank form: that is no
        return)."""
        for form in self.forms:
            if self.outcomes.get(form.file) not in _VERSIONS or form.department not in self.current:
                continue
            day = form.sent_on
            if day is not None:
                yield form.department, day, form.sent_unknown

    def latest_dates(self) -> dict[str, date]:
        """Department → the latest 日期 of its returns (departments with a dated one)."""
        latest: dict[str, date] = {}
        for department, day, _ in self._return_days():
            if day > latest.get(department, date.min):
                latest[department] = day
        return latest

    def sent_days(self) -> dict[str, list[date]]:
        """Department → the days its returns were sent (`ReturnForm.sent_on`), oldest first:
        when it answered each follow-up round; with those the register recorded (a file
        written over since: its hazards read as first sent late, with the new file, and
        the 追责核查 doubted them, clerk trial 63)."""
        days: dict[str, set[date]] = {d: set(sent) for d, sent in self.sent_before.items()}
        for department, day, _ in self._return_days():
            days.setdefault(department, set()).add(day)
        return {department: sorted(sent) for department, sent in days.items()}

    def returned(self) -> dict[str, date | None]:
        """Department → the 日期 of its first return (None when no version was dated, or
        the day its only ones were sent is not known: `ReturnForm.sent_unknown`).

        Lateness is about the first return: a follow-up version sent after the
        deadline is an update, not a late return."""
        first: dict[str, date | None] = dict.fromkeys(self.current)
        first.update(self.returned_before)
        # the earliest, of one day the one whose day is known: sent no later than the day
        # of its file, a return of unknown day may be the first even so (a follow-up
        # round's answer, dated, was then taken for the first return: late)
        earliest: dict[str, tuple[date, bool]] = {}
        for department, day, unknown in self._return_days():
            if department not in earliest or (day, unknown) < earliest[department]:
                earliest[department] = (day, unknown)
        for department, (day, unknown) in earliest.items():
            if department not in self.returned_before:
                first[department] = None if unknown else day
        return first


SAVED_LATER_SECONDS = 86400
"""A version with an earlier 日期 saved this much after the newest raises a doubt: files
copied together are saved within moments of each other."""


def _changed_since_copied(older: ReturnForm, newest: ReturnForm) -> bool:
    """`newest`, a corrected 退回修改 copy, taken as newer than `older`, an undated return
    dated (by its file) the day the copy is, which is not the file the copy was made from
    (changed since): which came last is not known, and a row added to `older` was said to
    be deleted by the department (clerk trial 78)."""
    if not newest.made_from or older.made_from or older.sha256 == newest.made_from:
        return False
    if older.form_date is not None and not older.date_impossible:
        return False
    if older.sent_on is None or older.sent_on != newest.sent_on:
        return False
    return not _say_the_same(older, newest)


def _dated_over_unread(versions: list[ReturnForm]) -> list[ReturnForm]:
    """`versions` with a newest whose 日期 could not be read (newest by its file's day)
    put before the one before it, dated, saved after it and saying the same: that one is
    its 日期 mended, dated the day the form was filled in (the mended form was set aside
    as older, and the department asked again to mend its 日期: clerk trial 237 CK1)."""
    if len(versions) < 2:
        return versions
    older, newest = versions[-2], versions[-1]
    if (
        newest.date_unread
        and newest.date_read_as is None
        and older.form_date is not None
        and not older.date_impossible
        and older.modified > newest.modified
        and [_typed(h) for h in older.hazards] == [_typed(h) for h in newest.hazards]
    ):
        return [*versions[:-2], newest, older]
    return versions


def _typed(row: HazardRow) -> HazardRow:
    """What a row says, wherever it stands, without what was said of it (a row of a form of
    no 日期 has one more warning than the same row of its mended form)."""
    return _said(row)._replace(errors=0, warnings=0, errors_said=())


def _undated_over_dated(files: list[ReturnForm]) -> ReturnForm | None:
    """The version before the newest when the newest has no 日期 (dated by its file) and
    that one has: the newest won on its file's time alone, and saying otherwise. An undated
    original opened and saved again took the place of its corrected copy, dated the day
    before, unsaid (clerk trial 76)."""
    if len(files) < 2:
        return None
    older, newest = files[-2], files[-1]
    if newest.form_date is not None and not newest.date_impossible:
        return None
    if older.form_date is None or older.date_impossible:
        return None
    if _say_the_same(older, newest):
        return None
    return older


def _saved_later(files: list[ReturnForm]) -> ReturnForm | None:
    """The version (oldest by 日期 first) saved more than a day after the newest, its 日期
    earlier: the newest may not be (a 日期 kept from the version it was edited from, or
    from a follow-up form of an earlier huitoukan, which came with its 日期 filled in). Not
    one a collect read before the newest came, as it is (its file's time moved by a copy of
    the folder, not by an edit: clerk trial 178 AE4)."""
    newest = files[-1]
    if newest.date_impossible or not newest.modified:
        return None
    return next(
        (
            f
            for f in files[:-1]
            if f.form_date is not None
            and not f.date_impossible
            and newest.form_date is not None
            and f.form_date < newest.form_date
            and f.modified - newest.modified > SAVED_LATER_SECONDS
            and not (
                f.first_read is not None
                and newest.first_read is not None
                and f.first_read < newest.first_read
            )
        ),
        None,
    )


def _on_date(newest: ReturnForm, code: Code, variant: str = "", **params: Any) -> Problem:
    """A doubt about which version is the newest, said on the newest one's 日期 cell."""
    return problem(
        code,
        newest.file,
        sheet=newest.sheet,
        cell=newest.date_cell,
        field="日期",
        department=newest.department,
        variant=variant,
        day=newest.form_date,
        **params,
    )


def _unread(form: ReturnForm, versions: Sequence[ReturnForm]) -> Problem:
    """The problem of a file that could not be read (or another campaign's form): an error,
    but a warning once its department has sent a return saved after it, summed up in its
    stead (the old file made every collect end in 错误: clerk trial 112)."""
    later = [v for v in versions if v.modified > form.modified]
    if not later:
        return problem(Code.UNREADABLE, form.file, reason=form.reason)
    answer = max(later, key=version_order).file
    reason = form.reason.rstrip("。")
    other = ANOTHER_CAMPAIGN in reason
    return problem(
        Code.UNREADABLE_SUPERSEDED,
        form.file,
        department=form.department,
        reason=reason,
        # (its own 请用本次下发的附件2填写后重新报送 done already)
        reason_said=reason.split("；请")[0] if other else "",
        answer=answer,
        variant="other_campaign" if other else "",
    )


OLD_VERSIONS = "旧版本"
"""The folder a clerk moves a superseded version into, to be kept and read all the same."""
_OLD_FOLDER = re.compile(r"^(?:旧版本?|旧文件|旧|作废|已作废|废弃|old)$", re.IGNORECASE)


def version_order(form: ReturnForm) -> tuple[bool, date, bool, bool, float, str]:
    """Older first: one the clerk moved into a folder of old versions (`OLD_VERSIONS`: an
    undated version downloaded with a dated correction took its place by its file's time,
    and moving it out of the folder, as said, was refused as a file gone: clerk trial 229
    CC2); by the day each was sent (`ReturnForm.sent_on`: a 日期 typed a year
    wrong ranked the newest version first of all, a supplement sent as the table alone
    the oldest); of one day, a form huitoukan wrote from an earlier return (a 退回修改
    copy, a follow-up round's form) after the department's own files, which it answers
    (the 日期 is seldom changed on a correction, and a folder copied or unzipped gives
    the files new times: the original won over its corrected copy, clerk trial 39); one
    dated by its 日期 after one dated by its file; then the file's time."""
    answers = form.prefilled or FEEDBACK_NAME in form.file
    current = not any(_OLD_FOLDER.match(part) for part in PurePath(form.file).parent.parts)
    # of one day, a version dated by its 日期 after one dated by its file (a download's time:
    # the folder it was in decided, clerk trial 235 CI6)
    dated = form.form_date is not None and not form.date_impossible
    return (current, form.sent_on or date.min, answers, dated, form.modified, form.file)


def after_their_originals(versions: list[ReturnForm]) -> list[ReturnForm]:
    """`versions` (in `version_order`) with each corrected 退回修改 copy after the return it
    was made from: the copy dated 11月27日 came before its undated original, whose file
    time was 11月29日 (downloaded again), and the department was asked to put its
    corrections back into the draft (clerk trial 74)."""
    versions = list(versions)
    for _ in range(len(versions)):  # a copy of a copy: moved until none is before its original
        early = next(
            (
                (i, j)
                for i, copy in enumerate(versions)
                if copy.made_from
                for j in range(i + 1, len(versions))
                if versions[j].sha256 == copy.made_from
            ),
            None,
        )
        if early is None:
            break
        i, j = early
        versions.insert(j, versions.pop(i))
    return versions


_COPY_NAME = re.compile(
    r"(^(复件|副本)\s*)|([\s_\-–]*(的副本|副本|复件|拷贝|copy)(\s*[（(]?\d+[)）]?)?$)"
    r"|(\s*[（(]\d+[)）]$)",
    re.IGNORECASE,
)
"""A name office systems give a copy: 复件 X (Windows XP), X - 副本 (Windows), X 副本 (WPS),
X copy (macOS), X (1) (a second download)."""


def looks_like_a_copy(file: str) -> bool:
    """Whether the file's name is one a system gives a copy of another file."""
    return _COPY_NAME.search(PurePath(file).stem) is not None


_BACKUP_FOLDER = re.compile(r"备份|^(backups?|bak)$", re.IGNORECASE)
"""A folder a clerk keeps copies in (回收/备份/: its copy was kept, the department's own
file beside it called the copy: clerk trial 164)."""


def _in_a_copy_folder(file: str) -> bool:
    return any(
        looks_like_a_copy(part) or _BACKUP_FOLDER.search(part)
        for part in PurePath(file).parent.parts
    )


_ISSUED_BESIDE = frozenset({DISTRIBUTION_TITLE, CHECKLIST_TITLE})
"""What issue writes beside the forms."""


def _folder(form: ReturnForm) -> Path | None:
    return form.source.path.parent if form.source is not None else None


def _original_first(
    form: ReturnForm,
) -> tuple[bool, bool, bool, tuple[tuple[int, int | str], ...]]:
    """Of byte-identical files, the one kept: not named as a copy, nor in a folder so named
    (回收 - 副本/附属医院.xlsx was kept, 附属医院.xlsx beside it called the copy: clerk trial
    153) or named as a backup (`_BACKUP_FOLDER`), then one whose name names its department
    (微信文件_1702600000.xlsx was cited, 高级技工学校.xlsx called the copy: clerk trial 139;
    by an alias too, 学工处.xlsx: trial 140), by its full name before an alias (技校.xlsx was
    kept, 高级技工学校.xlsx called the copy: trial 141), then first by name."""
    unnamed = not form.department or form.named_in_file != form.department
    by_alias = form.department not in PurePath(form.file).stem
    copied = looks_like_a_copy(form.file) or _in_a_copy_folder(form.file)
    return copied, unnamed, by_alias, natural_key(form.file)


EARLIER_REGISTER = "（上次汇总的台账）"
"""The file name the hazards the register held before stand under, as a department's
oldest version (`merge`'s `earlier`)."""


class Held(NamedTuple):
    """What the register held before this collection of the departments whose files were
    written over or taken out since (`merge`'s `earlier`)."""

    hazards: Sequence[HazardRow] = ()
    returned: Mapping[str, date] = {}
    """Department → the 日期 of its first return, as the register recorded it (every
    department's: the file that brought it may have been written over collects ago)."""
    sent: Mapping[str, Sequence[date]] = {}
    """Department → the days its returns were sent, as the register recorded them."""
    used: Mapping[str, str] = {}
    """Department → the sha256 of the version the register used (`RegisterState.used`)."""
    read: frozenset[str] = frozenset()
    """The sha256 of every file the register was made of."""
    verdicts: Sequence[Review] = ()
    """The 复查 verdicts the register held (each hazard's last): one whose 复查验收表 was
    saved over by the next is kept (`kept_verdicts`)."""
    reviews: frozenset[str] = frozenset()
    """The 复查验收表 it read (`RegisterState.reviews`, `reviews_refused`)."""
    refused: Mapping[str, Sequence[int]] = {}
    """Each of those → its rows whose verdict was not taken
    (`Collection.reviews_not_taken`): one saved over says them (`reviews_saved_over`)."""
    kept_before: frozenset[str] = frozenset()
    """The hazards whose verdict it held already when no form gave it
    (`Collection.verdicts_kept`)."""
    handed: Sequence[HazardRow] = ()
    """The rows of those departments it held handed over (`Collection.handed_over`): one
    saved again is no new handover note for its words (a fix read before the move, re-saved
    after it, was: clerk trial 166)."""


def kept_verdicts(
    held: Held, forms: Sequence[ReturnForm], hazards: Sequence[HazardRow]
) -> ReturnForm | None:
    """The verdicts of `held` on `hazards` that no 复查验收表 of `forms` gives or overrules
    (its form saved over, or taken out with --force, which holds none), as a 复查验收表 older
    than any: the next one filled saved over the first lost its verdicts without a word,
    the hazards that had passed 待复查 again (clerk trial 157)."""
    reviewed = {r.hazard_id.upper() for f in forms if f.is_review and f.readable for r in f.reviews}
    # a row of the form saved over, its verdict not taken, overrules too: its remark edited
    # into doubt, the verdict held stood without a word (clerk trial 237 CK6)
    reviewed |= {
        i.upper() for f in forms if f.is_review and f.readable for i in f.review_rows.values()
    }
    ids = {h.hazard_id for h in hazards}
    kept = [v for v in held.verdicts if v.hazard_id in ids and v.hazard_id.upper() not in reviewed]
    if not kept:
        return None
    return ReturnForm(file=EARLIER_REGISTER, sha256="", modified=0.0, is_review=True, reviews=kept)


def reviews_saved_over(
    kept: ReturnForm | None,
    forms: Sequence[ReturnForm],
    held: Held,
    hazards: Sequence[HazardRow],
) -> list[Problem]:
    """A warning on each 复查验收表 of `forms` saved over since the register read it, when
    verdicts the register held are `kept` by it alone from now on: they stay, but nothing
    said the signed form was gone, nor what of it had not been taken (clerk trial 235
    CI7). Said once, on the collect that reads the new content first; a form filled on
    and saved again gives its verdicts still: nothing is said of it."""
    ids = [r.hazard_id for r in kept.reviews if r.hazard_id not in held.kept_before] if kept else []
    if not ids:
        return []
    named = {h.hazard_id: f"{h.department}“{h.where}”" for h in hazards}
    ids = [named.get(i, i) for i in ids]
    said: list[Problem] = []
    for form in forms:
        if not (form.is_review and form.readable and form.file in held.reviews):
            continue
        if form.sha256 in held.read:
            continue
        rows = held.refused.get(form.file, ())
        name = PurePath(form.file)
        stem = re.sub(r"（已填\d*）$", "", name.stem)
        said.append(
            problem(
                Code.REVIEW_SAVED_OVER,
                form.file,
                count=len(ids),
                ids="；".join(ids[:3]) + ("等" if len(ids) > 3 else ""),
                refused=f"；原表第 {'、'.join(map(str, rows))} 行当时出错未采用，新表中没有复查的，仍待复查"
                if rows
                else "",
                suggested=f"{stem}（已填2）{name.suffix}",
            )
        )
    return said


def refiled(
    forms: Sequence[ReturnForm], given: Mapping[str, frozenset[str]] | None = None
) -> list[ReturnForm]:
    """`forms`, each form of another department filled in (its header names A, its file's
    name B) set aside, said, when A sent a return of its own that it is no version of (it
    shares no hazard with it): taken for A's newest version, it replaced A's own return and
    put B's hazards under A (clerk trial 83); for A's older one, its hazards were tracked as
    A's deleted (trial 52). Counted as B's instead, A's own newer version in a file named
    for a place called like B (警务室门岗…) was B's (trial 92). Sharing a hazard with A's own
    return, it is A's newer version, as its header says (the mismatch is warned of); else,
    sharing one with a later return of B's own, it is B's older version (`_corrected_since`).
    An answer to a 交办问题 given to both (`given`: 问题编号 as compared → its departments)
    is no hazard shared: the school wrote it into both forms (B's form filled on A's, both
    answering XN-03 of 各二级学院, was taken for A's version: clerk trial 181 AH1)."""
    given = given or {}

    def both(form: ReturnForm, other: str = "") -> frozenset[str]:
        """The problems given to the department `form` counts for and to `other` (to any
        other when none is named): their rows prove nothing of whose the form is."""
        return frozenset(
            n
            for n, departments in given.items()
            if form.department in departments
            and (other in departments if other else len(departments) > 1)
        )

    own: dict[str, list[ReturnForm]] = {}
    for form in forms:
        if (
            form.readable
            and form.department
            and _a_return(form)
            and not (form.named_for or form.pointed_to)
        ):
            own.setdefault(form.department, []).append(form)
    refiled: list[ReturnForm] = []
    for form in forms:
        theirs = own.get(form.department, [])
        named = own.get(form.named_for, [])
        misfiled = (
            form.named_for
            and _a_return(form)
            and not (theirs and _shares_a_hazard(form, theirs, both(form, form.named_for)))
        )
        # (a file named for a place called like B — 职教中心实训楼及宿舍 — is none of B's
        # versions: sharing a problem given to both, it was taken for one: clerk trial 146)
        plainly = form.named_plainly
        if (
            misfiled
            and plainly
            and named
            and _shares_a_hazard(form, named, both(form, form.named_for))
            and _older(form, named)
        ):
            form = _corrected_since(form, named)
        elif misfiled and theirs:
            newest = max(theirs, key=version_order).file  # (not a superseded one: trial 93)
            form = _set_aside(form, newest, max(named, key=version_order).file if named else "")
        elif (
            form.readable
            and form.pointed_to
            and _a_return(form)
            and theirs
            and not _shares_a_hazard(form, theirs, both(form, form.pointed_to))
        ):
            # 学院警务室's form, its header blank, in 附属医院's mail: counted as 附属医院's
            # newest version, it replaced 附属医院's own return (clerk trial 148)
            held = _held(form, _problem_held_as_pointed(form, max(theirs, key=version_order).file))
            # the department whose folder it came in is told too (trial 150), or the one it was
            # issued to (chased with a bare 催报: clerk trial 152)
            held = held.model_copy(update={"named_for": form.pointed_to, "named_plainly": True})
            form = held
        elif (
            form.readable
            and form.department_by == BY_ISSUE
            and _a_return(form)
            and (known := [t for t in theirs if t is not form and t.department_by != BY_ISSUE])
            and not _shares_a_hazard(form, known, both(form))
        ):
            # 学院警务室 on 职教中心学校's issued form, its header blank, named 自查表.xlsx: only
            # the form's record said whose, and it replaced the department's own return, the
            # department told it had deleted rows (clerk trial 151)
            newest = max(known, key=version_order).file
            form = _held(form, _problem_held_as_pointed(form, newest, "issued_only"))
        refiled.append(form)
    return refiled


def _issued_to(form: ReturnForm, department: str) -> str:
    """`BY_ISSUE` when `department` is told of `form` because the form was issued to it
    (its record, not its folder or name, points to it), else ''."""
    return BY_ISSUE if department and form.issued_to_another == department else ""


def _older(form: ReturnForm, others: Sequence[ReturnForm]) -> bool:
    return version_order(form) < version_order(max(others, key=version_order))


def _corrected_since(form: ReturnForm, own: Sequence[ReturnForm]) -> ReturnForm:
    """`form`, of the department its file's name gives and its header not, that department's
    older version: it sent its form again (`own`), its header corrected, stating the same
    hazards (the first stayed an error for ever, 分不出这份是哪个部门的, or was counted as the
    header's department's return: clerk trials 93, 96). Its rows are that department's,
    but those of a 问题编号 its own forms never state: the header's department's 交办问题,
    pre-filled in the form it used (one, the department's words typed in, was kept as the
    other's answer left out of the newer version: clerk trial 145)."""
    numbers = {number_key(h.number) for other in own for h in other.hazards if h.number}
    named = next((h.id_name for other in own for h in other.hazards), "")  # (renamed since)
    hazards = [
        h._replace(department=form.named_for, id_name=named)
        for h in form.hazards
        if not h.number or number_key(h.number) in numbers
    ]
    return form.model_copy(
        update={
            "department": form.named_for,
            "named_for": "",
            "hazards": hazards,
            "problems": [p for p in form.problems if p.code is not Code.DEPARTMENT_MISMATCH],
        }
    )


def _shares_a_hazard(
    form: ReturnForm, others: Sequence[ReturnForm], apart: Set[str] = frozenset()
) -> bool:
    """Whether `form` states a hazard one of `others` states (by its wording or its 问题编号),
    its answers to the 交办问题 `apart` (as compared) aside."""
    keys = {h.key for other in others for h in other.hazards}
    numbers = {number_key(h.number) for other in others for h in other.hazards if h.number}
    return any(
        h.key in keys or (h.number and number_key(h.number) in numbers)
        for h in form.hazards
        if not (h.number and number_key(h.number) in apart)
    )


def _problem_held_as_pointed(form: ReturnForm, own: str, variant: str = "") -> Problem:
    """Why `form`, its header blank, counted as one department while another sign of it
    points to another (`ReturnForm.pointed_to`), is set aside: the first's own return `own`
    shares no hazard with it (`variant` issued_only: nothing but its record of whom it was
    issued to named the first)."""
    return problem(
        Code.MISFILED_RETURN,
        form.file,
        sheet=form.sheet,
        cell=next((p.cell for p in form.problems if p.code is Code.DEPARTMENT_MISMATCH), ""),
        field="部门（章）",
        variant=variant or ("folder" if form.pointed_by else "issued"),
        department=form.department,
        by_name=form.department,
        named_by=form.named_by,
        issued=form.pointed_to,
        other_by=form.pointed_by,
        own=own,
    )


def _held(form: ReturnForm, said: Problem) -> ReturnForm:
    """`form` set aside, not read into the register, for the reason `said`."""
    return form.model_copy(
        update={
            "readable": False,
            "held": True,
            "reason": said.message,
            "hazards": [],
            "problems": [said],
        }
    )


def _set_aside(form: ReturnForm, header_own: str, name_own: str) -> ReturnForm:
    """`form`, of another department filled in, not read into the register: the error says
    why and what to do (of a file named for a place called like a department, to its
    header's department: the clerk was told to ask the other one, clerk trial 97)."""
    place = not form.named_plainly and not name_own
    said = problem(
        Code.MISFILED_RETURN,
        form.file,
        sheet=form.sheet,
        # the header's cell, marked in the copy sent back (`write_feedback`)
        cell=next((p.cell for p in form.problems if p.code is Code.DEPARTMENT_MISMATCH), ""),
        field="部门（章）",
        value=form.department_text,
        variant="both" if name_own else "place" if place else "",
        department=form.department if place else form.named_for,
        by_header=form.department,
        by_name=form.named_for,
        named_by=form.named_by,
        own=header_own,
        other=name_own,
    )
    return _held(form, said)


def _a_return(form: ReturnForm) -> bool:
    return not (form.not_a_return or form.is_review or form.is_blank or form.as_issued)


def merge(
    forms: Sequence[ReturnForm],
    skipped: Sequence[SkippedFile] = (),
    earlier: Held = Held(),
    require_photo: bool = False,
    given: Mapping[str, frozenset[str]] | None = None,
    issued_on: date | None = None,
) -> Collection:
    """The forms merged: files in natural order of their names, byte-identical files read
    once (the others listed as 重复报送: the one not named as a copy is kept), the newest
    version of each department used.

    `earlier` is what the register held before this collection: for a department that
    still has a return, its hazards are the oldest version, so a hazard is not lost when
    the file that reported it was written over or taken out of the folder (it is kept as
    gone from the newer versions, with its 隐患编号, photos and review); and its first
    return's 日期 stays its first (an update written over an earlier return is not late).
    With `require_photo` (campaign.toml), a row reported 已完成 whose photos were all sent
    while it was 整改中 is told it has no 整改后照片. `given`: each 交办问题's departments
    (问题编号 as compared), which tell whose a form filled in by another is (`refiled`).
    `issued_on`: the campaign's 印发日期, before which a new version may not move a 整改时限
    without a word."""
    forms = refiled(sorted(forms, key=lambda f: natural_key(f.file)), given)
    outcomes: dict[str, FileOutcome] = {}
    problems: list[Problem] = []
    by_department: dict[str, list[ReturnForm]] = defaultdict(list)
    blank: list[ReturnForm] = []
    unread: list[tuple[int, ReturnForm]] = []
    hazards: list[HazardRow] = []
    by_content: dict[tuple[str, str], ReturnForm] = {}
    for form in sorted(forms, key=_original_first):
        if form.sha256:
            by_content.setdefault((form.sha256, form.sheet), form)
    # the folder issue wrote the forms to (its 发放清单 beside them), given by mistake or
    # the forms filled in there on a shared drive: its forms left as issued said once, not
    # each department told it sent a 空白表, and its 发放清单 and 附件1 not said to be no
    # returns (clerk trials 201 BA1, 203 BC3, 205 BE2, 207 BG7)
    listed_in = {
        _folder(f): f.file for f in forms if f.not_a_return == DISTRIBUTION_TITLE and f.source
    }
    for form in forms:
        kept = by_content[(form.sha256, form.sheet)] if form.sha256 else form
        if form.not_a_return:
            outcomes[form.file] = FileOutcome.NOT_A_RETURN
            if (
                form.never_saved
                and form.not_a_return in _ISSUED_BESIDE
                and _folder(form) in listed_in
            ):
                continue  # (where issue wrote them, untouched: said of the folder: BG7, BI3)
            variant = {FINDINGS_TITLE: "list", FEEDBACK_TITLE: "copy"}.get(form.not_a_return, "")
            problems.append(
                problem(Code.NOT_A_RETURN, form.file, variant=variant, title=form.not_a_return)
            )
        elif kept is not form and form.readable:
            outcomes[form.file] = FileOutcome.DUPLICATE
            problems.append(
                problem(
                    Code.DUPLICATE_RETURN, form.file, department=form.department, kept=kept.file
                )
            )
        elif form.is_review:  # (one not filled in is as blank as an unfilled return)
            filled = form.reviews or form.reviews_put_off or form.problems
            outcomes[form.file] = FileOutcome.REVIEW if filled else FileOutcome.BLANK
            problems.extend(form.problems)
        elif not form.readable:  # (a form set aside read “无法读取”: clerk trial 88)
            if form.held:  # its error, where the header names the other department
                outcomes[form.file] = FileOutcome.HELD
                problems.extend(form.problems)
            else:
                outcomes[form.file] = (
                    FileOutcome.OTHER_CAMPAIGN
                    if ANOTHER_CAMPAIGN in form.reason
                    else FileOutcome.UNREADABLE
                )
                unread.append((len(problems), form))  # said once the versions are known
        elif not form.department:
            outcomes[form.file] = FileOutcome.UNKNOWN_DEPARTMENT
            problems.extend(form.problems)
            hazards.extend(form.hazards)
        elif form.is_blank or form.as_issued:  # not a return: the department has not reported
            outcomes[form.file] = FileOutcome.BLANK
            blank.append(form)
        else:
            by_department[form.department].append(form)
    untouched: Counter[Path | None] = Counter()
    for form in blank:  # said after every file is sorted: a department that reported, before
        # or after it, is not asked to report; the version the register uses is named
        if form.never_saved and _folder(form) in listed_in:
            untouched[_folder(form)] += 1
            continue
        answer = max(by_department.get(form.department, []), key=version_order, default=None)
        # (a follow-up form as issued: the first round's return is no answer to its round)
        variant = (
            "unchanged"
            if form.unchanged
            else "answered"
            if answer
            else ""
            if form.is_blank
            else "issued"
        )
        problems.append(
            problem(
                Code.BLANK_RETURN,
                form.file,
                department=form.department,
                variant=variant,
                answer=answer.file if answer else "",
            )
        )
    for folder, count in untouched.items():
        problems.append(
            problem(
                Code.NOT_A_RETURN,
                listed_in[folder],
                variant="issue_folder",
                title=DISTRIBUTION_TITLE,
                count=count,
            )
        )
    for at, form in reversed(unread):
        problems.insert(at, _unread(form, by_department.get(form.department, [])))
    before: dict[str, list[HazardRow]] = defaultdict(list)
    for row in earlier.hazards:
        before[row.department].append(row)
    current: dict[str, ReturnForm] = {}
    remembers: list[str] = []
    every_version = [form for versions in by_department.values() for form in versions]
    first_sent = FirstSent.of(every_version, version_order)
    for department in sorted(by_department):
        versions = after_their_originals(sorted(by_department[department], key=version_order))
        versions = _dated_over_unread(versions)
        versions, chosen_before = _as_chosen_before(
            versions, earlier.used.get(department), earlier.read
        )
        newest = versions[-1]
        if department in before:
            versions.insert(0, _register_as_version(department, before[department]))
            remembers.append(department)
        current[department] = newest
        outcomes[newest.file] = FileOutcome.USED
        for older in versions[:-1]:
            if older.file != EARLIER_REGISTER:
                outcomes[older.file] = FileOutcome.SUPERSEDED
        # Lateness is judged on the department's first return (by the day it was sent, as
        # `returned` has it): a later version (a correction, a follow-up round) is not late
        # against the first round's deadline.
        files = [v for v in versions if v.file != EARLIER_REGISTER]
        known = earlier.returned.get(department)  # a first return whose file is written over
        # the first return the register recorded stands: a file dated before it came after
        # it (a draft dated 12月12日 sent after the late form of 12月18日 made the department
        # timely, its 逾期报送 gone: clerk trial 62), or was filed late; said, not counted
        earlier_dated = [f for f in files if known and f.sent_on and f.sent_on < known]
        for form in earlier_dated:
            if form.form_date is None:  # by its file's date (said “表头日期 None”: trial 112)
                problems.append(
                    problem(
                        Code.BEFORE_FIRST_RETURN,
                        form.file,
                        sheet=form.sheet,
                        field="日期",
                        department=form.department,
                        variant="undated",
                        day=form.sent_on,
                        first=known,
                    )
                )
            else:
                problems.append(_on_date(form, Code.BEFORE_FIRST_RETURN, first=known))
        # the one sent first (a corrected copy, ordered after the original it was made
        # from, may have been sent before the day that original's file now bears: it was
        # said 逾期 1083 天 by that day, status counting the copy's: clerk trial 78)
        first: ReturnForm | None = min(
            (f for f in files if f not in earlier_dated),
            key=lambda f: f.sent_on or date.max,
            default=None,
        )
        sent = first.sent_on if first is not None else None
        if known is not None and (sent is None or known < sent):
            first = None
        if first is not None and first is not newest:
            problems.extend(p for p in first.problems if p.code is Code.LATE_RETURN)
        # a 日期 mended to a day before the file of unknown day, saved after the deadline:
        # timely by the mended 日期, said (clerk trial 237 CK3)
        unknown = [f for f in files if f.sent_unknown and f.saved_on is not None]
        if first is not None and first.form_date is not None and unknown:
            earliest = min(unknown, key=lambda f: f.modified)
            if earliest.saved_on is not None and first.form_date < earliest.saved_on:
                problems.append(
                    _on_date(
                        first,
                        Code.BEFORE_FIRST_RETURN,
                        variant="unread_before",
                        older=earliest.file,
                        typed=earliest.date_unread,
                        saved=earliest.saved_on,
                    )
                )
        for older in files[:-1]:  # another department's answers in this one's form: its
            # version taken as this one's (superseded, its warning went with it) and the
            # other told it sent nothing (clerk trial 52)
            problems.extend(p for p in older.problems if p.code is Code.DEPARTMENT_MISMATCH)
        parts = _latest_parts(files)
        joined = {part.file for part in parts}
        for part in parts:
            outcomes[part.file] = FileOutcome.USED
        if parts:  # (what is wrong in a part is said of it: its rows are in the register)
            problems.extend(
                p for part in parts for p in part.problems if p.code is not Code.LATE_RETURN
            )
            together = [*parts, newest]  # said on each (its own 退回 copy: the one with an
            # error, sent back alone as its copy asked, made the others' rows “deleted”,
            # clerk trial 130)
            resent = any(_container(part) != _container(newest) for part in parts)
            problems.extend(
                _on_date(
                    form,
                    Code.SPLIT_RETURN,
                    variant="resent" if resent else "" if newest.form_date else "undated",
                    parts="、".join(_name_in(other) for other in together if other is not form),
                    where=_container_name(newest),
                    resent=_name_in(newest),
                    count=sum(len(other.hazards) for other in together),
                )
                for form in together
            )
        if len(files) > 1 and files[-2].file not in joined and _tied(files[-2], newest):
            problems.append(
                _on_date(
                    newest,
                    Code.SAME_DATE_VERSIONS,
                    # (one time, both: the file's name decided, not its time: trial 129)
                    variant="undated"
                    if not newest.form_date
                    else "kept"
                    if chosen_before
                    else "same_time"
                    if files[-2].modified == newest.modified
                    else "",
                    older=files[-2].file,
                )
            )
        if len(files) > 1 and _changed_since_copied(files[-2], newest):
            problems.append(
                _on_date(newest, Code.SAME_DATE_VERSIONS, variant="copy", older=files[-2].file)
            )
        undated = _undated_over_dated(files)
        if undated is not None:
            problems.append(
                _on_date(
                    newest,
                    Code.UNDATED_NEWEST,
                    variant="impossible"
                    if newest.form_date
                    else "unread"
                    if newest.date_unread
                    else "",
                    saved_on=newest.sent_on,
                    older=undated.file,
                    older_day=undated.form_date,
                    typed=newest.date_unread,
                    old=PurePath(newest.file).parent / OLD_VERSIONS,
                )
            )
        later = _saved_later(files)
        if later is not None:
            problems.append(
                _on_date(
                    newest,
                    Code.OLDER_DATE_SAVED_LATER,
                    later=later.file,
                    later_day=later.form_date,
                    saved=int((later.modified - newest.modified) // 86400),
                )
            )
        if len(versions) > 1:
            lineage = _Lineage.of(versions, _SentByAnother(first_sent.forms, department))
            rows, moot, said = lineage.newest_rows(require_photo)
            problems.extend(said)
            vanished = lineage.vanished()
            problems.extend(lineage.reworded(newest))
            problems.extend(lineage.reopened(newest))
            problems.extend(lineage.closed_while_open(newest))
            put_off, put_off_from = lineage.put_off(newest)
            problems.extend(put_off)
            if issued_on is not None:
                problems.extend(lineage.moved_before(newest, issued_on))
            rows = [
                lineage.history(
                    identity,
                    row._replace(put_off_from=put_off_from[n]) if n in put_off_from else row,
                )
                for n, (row, identity) in enumerate(zip(rows, lineage.identities[-1], strict=True))
            ]
            problems.extend(lineage.carried(newest))
        else:
            rows = newest.hazards
            if newest.repeats_wording:  # else no two rows are alike
                keys = _occurrence_keys(rows)  # (a key a row costs: 1 s of a city's collect)
                rows = [_numbered_apart(r, k) for r, k in zip(rows, keys, strict=True)]
            moot, vanished = set(), []
        problems.extend(
            p
            for p in newest.problems
            if not (first is not newest and p.code is Code.LATE_RETURN)
            and (p.code, p.sheet, p.row, p.field) not in moot
        )
        hazards.extend(rows)
        # a part's rows are the return's own, not rows the newest version deleted
        hazards.extend(
            row._replace(vanished_from="") if row.source_file in joined and not gone else row
            for row, gone in vanished
        )
        vanished = [(row, gone) for row, gone in vanished if gone or row.source_file not in joined]
        for row, remembered in vanished:
            gone = "gone" if remembered else ""  # its file written over or taken out
            if row.closed:
                problems.append(
                    problem(
                        Code.VANISHED_CLOSED,
                        newest.file,
                        sheet=newest.sheet,
                        value=row.where,
                        department=department,
                        variant=gone,
                        old_file=row.found_in,
                        old_row=row.source_row,
                        closed_on=row.closed_on,
                    )
                )
                continue
            # an assigned problem's row still there, its answers emptied: said on that row
            row_number, cell = newest.unanswered_place(row.number)
            problems.append(
                problem(
                    Code.VANISHED_HAZARD,
                    newest.file,
                    sheet=newest.sheet,
                    cell=cell,
                    row=row_number,
                    field="问题编号" if cell else "存在隐患问题",  # the cell marked is its 编号
                    value=row.number if cell else row.where,
                    department=department,
                    variant="cleared" if cell else gone,
                    number=row.number,
                    old_file=row.found_in,
                    old_row=row.source_row,
                    progress=row.progress or "未注明整改情况",
                )
            )
    problems.extend(reused_photos(current, first_sent, hazards))
    hazards, said = borrowed_before_photos(hazards, current, first_sent, require_photo)
    problems.extend(said)
    # a file's together, in the files' order (the screen named a file twice), row by row
    rank = {file: n for n, file in enumerate(dict.fromkeys([f.file for f in forms]))}
    problems.sort(key=lambda p: (rank.get(p.file, len(rank)), p.row or 0))
    return Collection(
        forms=forms,
        skipped=sorted(skipped, key=lambda s: natural_key(s.file)),
        outcomes=outcomes,
        current=current,
        hazards=hazards,
        problems=problems,
        returned_before={d: day for d, day in earlier.returned.items() if d in current},
        sent_before={d: list(days) for d, days in earlier.sent.items() if d in current},
        # (the register's own rows, as a version, were sent on no day)
        photos_sent_on=photos_sent_on(v for v in every_version if v.file != EARLIER_REGISTER),
        remembers=remembers,
    )


_HEADERS = {"deadline": "整改时限", "progress": "整改完成情况", "closed_on": "销号时间"}


def _as_warned(row: HazardRow, lost: Problem) -> HazardRow:
    """`row` counted with a warning (that its date is kept from an older version) in place
    of `lost`, the problem of the date it lacks."""
    errors = row.errors - (lost.severity is Severity.ERROR)
    warnings = row.warnings - (lost.severity is Severity.WARNING) + 1
    return row._replace(errors=errors, warnings=warnings)


def _against(
    newest: ReturnForm, code: Code, row: HazardRow, older: HazardRow, field: str, **params: Any
) -> Problem:
    """A problem on the `field` cell of `row` of the newest version, about what the `older`
    row of its hazard said."""
    return problem(
        code,
        newest.file,
        sheet=newest.sheet,
        cell=newest.cell_of(field, row.source_row),
        row=row.source_row,
        field=_HEADERS[field],
        department=newest.department,
        old_file=older.found_in,
        old_row=older.source_row,
        **params,
    )


def _deadline_changed(
    newest: ReturnForm, code: Code, row: HazardRow, older: HazardRow, **params: Any
) -> Problem:
    """A problem on the 整改时限 of `row` of the newest version, changed from the one the
    `older` row of its hazard gave it."""
    return _against(
        newest,
        code,
        row,
        older,
        "deadline",
        value=f"{row.deadline:%Y-%m-%d}",
        old=older.deadline,
        new=row.deadline,
        **params,
    )


def _occurrence_keys(rows: Sequence[HazardRow]) -> list[str]:
    """Each row's `key`; a later row of a version with the same wording (entered twice, or
    two of a kind on one spot) `key#2`, `key#3`: each is a hazard of its own, paired with
    the row in the same place among its likes in another version."""
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        n = seen[row.key] = seen.get(row.key, 0) + 1
        keys.append(row.key if n == 1 else f"{row.key}#{n}")
    return keys


def _numbered_apart(row: HazardRow, key: str) -> HazardRow:
    """`row` (of occurrence `key`) with a 隐患编号 of its own when it repeats the wording of
    an earlier row of its version (unless it carries one already, from the register)."""
    if key == row.key or row.kept_id:
        return row
    return row._replace(kept_id=hazard_id_of(row.id_name or row.department, key))


def _as_chosen_before(
    versions: list[ReturnForm], used: str | None, read: frozenset[str]
) -> tuple[list[ReturnForm], bool]:
    """`versions` with the one the register used last, when the one the files' times put
    after it is of its day and was read before too: a tie the files' times decided is not
    decided again by a file saved or downloaded again (the morning's draft, touched, took
    the place of the afternoon's final; a reviewed hazard went back to 整改中 and its
    department was told to restore a row: clerk trial 132). Whether it was kept."""
    newest = versions[-1]
    if not used or newest.sha256 == used or newest.sha256 not in read:
        return versions, False
    before = next((v for v in versions if v.sha256 == used), None)
    if before is None or version_order(before)[:3] != version_order(newest)[:3]:
        return versions, False
    return [v for v in versions if v is not before] + [before], True


def _tied(older: ReturnForm, newest: ReturnForm) -> bool:
    """Two versions of one 日期 (or none), the newest chosen by the files' modification
    times alone: a copy of an old attachment saved again is then 'newest'. A 退回修改 copy
    the department corrected is newer than its original by nature, and not said; nor are
    two files saying the same (one return saved as .xlsx and .xls: either will do, and
    the clerk was told to take one away, clerk trial 41)."""
    copies = FEEDBACK_NAME in older.file or FEEDBACK_NAME in newest.file
    if older.form_date != newest.form_date or copies:
        return False
    return not _say_the_same(older, newest)


def _parts_of(newest: ReturnForm, older: Sequence[ReturnForm]) -> list[ReturnForm]:
    """The versions before `newest` that are parts of one return with it: files sent
    together (in one archive, or a folder below the one given: 职教中心学校.zip holding
    实训楼A座.xlsx and 实训楼B座.xlsx) of its 日期 (or none, as it), sharing no hazard with
    it or with one another. They were read as old and new versions, the department told
    to restore the rows of the other building it had “deleted” (clerk trial 127)."""
    where = _container(newest)
    if where is None or FEEDBACK_NAME in newest.file:
        return []
    parts: list[ReturnForm] = []
    for form in older:
        if (
            _container(form) == where
            and form.form_date == newest.form_date
            and form.hazards
            and FEEDBACK_NAME not in form.file
            and not _shares_a_hazard(form, [newest, *parts])
        ):
            parts.append(form)
    return parts


def _latest_parts(files: Sequence[ReturnForm]) -> list[ReturnForm]:
    """The files before the newest of a department's `files` (in the order of versions)
    that make its latest return with it: sent together with it (`_parts_of`); or, the
    newest a new version of some of the parts of a return sent in parts (one put right as
    its 退回 copy asked, sent alone), the other parts, of which it states no hazard: they
    stand (their rows were said deleted: clerk trial 131)."""
    latest: list[ReturnForm] = []
    for n, form in enumerate(files):
        parts = _parts_of(form, files[:n])
        if not parts and len(latest) > 1 and _shares_a_hazard(form, latest):
            parts = [part for part in latest if not _shares_a_hazard(part, [form])]
        latest = [*parts, form]
    return latest[:-1]


def _container(form: ReturnForm) -> tuple[Path, tuple[str, ...], tuple[str, ...]] | None:
    """The archive or folder (below the one given) a file was sent in; None for one that
    lies in the folder given itself (each file sent apart)."""
    source = form.source
    if source is None or not source.folders:
        return None
    return (
        source.path if source.members else source.path.parent,
        source.members[:-1],
        source.folders,
    )


def _container_name(form: ReturnForm) -> str:
    """The archive or folder `form`'s file lies in, as its file is named (回收/职教中心学校.zip)."""
    return form.file.replace("\\", "/").rpartition("/")[0] or form.file


def _name_in(form: ReturnForm) -> str:
    """A file's own name (without the archive or folder it lies in)."""
    return form.source.readable_name if form.source is not None else form.file


def _say_the_same(older: ReturnForm, newest: ReturnForm) -> bool:
    """Two versions whose rows say the same, row by row (where they stand aside)."""
    return [_said(h) for h in older.hazards] == [_said(h) for h in newest.hazards]


def _said(row: HazardRow) -> HazardRow:
    """What a row says, wherever it stands (its file, sheet and row aside)."""
    return row._replace(source_file="", source_sheet="", source_row=0)


def _replaced(
    form: ReturnForm,
    row: HazardRow,
    older: Sequence[str],
    after: set[str],
    shared: Set[str] = frozenset(),
    foreign: Container[str] = frozenset(),
) -> list[str]:
    """The `older` photos of `row`'s hazard that `row` replaced: 整改后 photos (`after`, sent
    by a file on a row said 已完成) it no longer shows, when it shows photos of its own in a
    file the department saved with its photos in it — not a 退回修改 copy or a follow-up
    form (which have none) nor one a picture of which could not be read. (A 整改前 photo left out stays: the
    hazard keeps its before and after.) In a copy, a photo pasted on a row replaces those
    of its 整改后 photos `shared` with another hazard, or sent first by another department
    (`foreign`): told 照片重复使用, the department could not take the old one out there, and
    was told so every round (clerk trials 101, 178 AE2)."""
    if not row.photos:
        return []
    if not form.holds_its_photos:
        return [name for name in older if name in after and (name in shared or name in foreign)]
    return [name for name in older if name in after and name not in row.photos]


def _left_behind(was: set[str], on: Sequence[str], identities: Sequence[str]) -> bool:
    """A photo on rows (`on`) of a version that has none of the rows it was on before
    (`was`): those rows were deleted and the office suite left the picture on the row that
    moved up (LibreOffice does), not moved there. It stays the deleted rows' hazards': the
    row it landed on took it for ever, the hazard still open lost its only 整改前 photo
    (clerk trial 155); a warning asks the department (`photo_reuse.reused_photos`)."""
    return bool(was) and not was.intersection(on) and not was.intersection(identities)


def _shown_on(form: ReturnForm, identities: Sequence[str]) -> dict[str, list[str]]:
    """Photo → the identities (of `form`'s rows) `form` shows it on, in their order."""
    here: dict[str, list[str]] = {}
    for hazard, identity in zip(form.hazards, identities, strict=True):
        for name in hazard.photos:
            here.setdefault(name, []).append(identity)
    return here


@dataclass(frozen=True, slots=True)
class _SentByAnother:
    """The photos another department than `department` sent first (`FirstSent.forms`)."""

    first: Mapping[str, ReturnForm]
    department: str

    def __contains__(self, name: object) -> bool:
        form = self.first.get(name) if isinstance(name, str) else None
        return form is not None and form.department != self.department


def _on_two(photos: Mapping[str, Sequence[str]]) -> set[str]:
    """The photos of `photos` (hazard → its photos) shown on more than one hazard."""
    counted = Counter(name for names in photos.values() for name in dict.fromkeys(names))
    return {name for name, hazards in counted.items() if hazards > 1}


def _register_as_version(department: str, rows: list[HazardRow]) -> ReturnForm:
    """What the register held of `department`, as a version older than any file."""
    return ReturnForm(
        file=EARLIER_REGISTER, sha256="", modified=0.0, department=department, hazards=rows
    )


class _OlderPhotos(NamedTuple):
    photos: dict[str, list[str]]
    """Identity → its photos, in the order put there."""
    after: set[str]
    """Photos first sent on a row said 已完成 (销号时间 or not): 整改后 (one first sent while
    整改中 stays 整改前, however often sent again)."""
    replaceable: set[str]
    """Those of them a file sent (the register's photos of a 已完成 hazard may be its 整改前
    ones too: it keeps no order)."""
    sent_on: dict[str, HazardRow]
    """Photo → the older row it was first sent on."""
    placed: dict[str, set[str]]
    """Photo → the identities the latest version showing it put it on."""

    def left_behind(self, form: ReturnForm, identities: Sequence[str]) -> set[str]:
        """The photos `form` (its rows' `identities`) shows only on rows that moved up into
        deleted rows' places (`_left_behind`)."""
        return {
            name
            for name, on in _shown_on(form, identities).items()
            if _left_behind(self.placed.get(name, set()), on, identities)
        }

    def before(self, kept: Sequence[str], row: HazardRow) -> tuple[str, ...]:
        """Those of `kept`, the photos of `row`'s hazard, that are 整改前: first sent while
        it was open (by an older version, or as `row` itself says)."""
        return tuple(
            p for p in kept if p not in self.after and (p in self.sent_on or p in row.before_photos)
        )


Said = tuple[date, date | None, date | None]
"""(the day a version was sent, its 整改时限, its 销号时间 when reported 已完成)."""


_LOST_VARIANT = {
    Code.BAD_DATE: "not_a_date",
    Code.CLOSED_BEFORE_CHECKED: "before_checked",
    Code.FUTURE_DATE: "future",
}
"""How the warning on a date kept from an older version says what was wrong with the new."""


def _note_said(said: list[Said], row: HazardRow, sent: date | None) -> bool:
    """Add what `row` of a version sent on `sent` says to `said` when it says something
    else than the last (and say whether it did)."""
    if sent is None:
        return False
    entry = (sent, row.deadline, _closed_on(row))
    if said and said[-1][1:] == entry[1:]:
        return False
    said.append(entry)
    return True


def standing_days(versions: Sequence[ReturnForm]) -> list[date | None]:
    """The day each of `versions` (oldest first) stood from, for `HazardRow.history`: the
    day it was sent (`ReturnForm.sent_on`) — unless a collect had read one dated as late
    before it was first read (a corrected copy keeping the 表头日期 of the version it
    replaces): then the day it was first read, or saved if earlier; until then the
    register held the other (a false 已完成 the inspection belied was erased by such a
    copy, first collected after it: clerk trial 170 W2). Never before an older one's."""
    days: list[date | None] = []
    latest = date.min
    for index, form in enumerate(versions):
        day, read = form.sent_on, form.first_read
        if (
            day is not None
            and read is not None
            and any(
                o.first_read is not None
                and o.first_read < read
                and o.sent_on is not None
                and o.sent_on >= day
                for o in versions[:index]
            )
        ):
            saved = form.saved_on
            day = max(day, min(read, saved) if saved is not None else read)
        if day is not None:
            day = latest = max(day, latest)
        days.append(day)
    return days


def read_late(versions: Sequence[ReturnForm], days: Sequence[date | None]) -> list[date | None]:
    """The day each of `versions` was first read, of those first read after the day they
    stood from (`standing_days`) when an older one had been read before them: until then
    the register held the older (None for the others). A version dated before an inspection
    but first read after it is then said (clerk trial 173 Z3)."""
    return [
        form.first_read
        if form.first_read is not None
        and day is not None
        and form.first_read > day
        and any(o.first_read is not None and o.first_read < form.first_read for o in older)
        else None
        for older, form, day in zip(
            (versions[:n] for n in range(len(versions))), versions, days, strict=True
        )
    ]


def _closed_on(row: HazardRow) -> date | None:
    return row.closed_on if row.reported_done else None


@dataclass
class _Lineage:
    """Which rows of a department's versions (oldest first) are one hazard.

    A row is the hazard of an older row with the same 部位 and 存在隐患问题 (punctuation and
    spacing aside); failing that, of an older row that no row of its version took, with the
    same 问题编号 or described alike (`similarity`, the 追责 score, at MATCH: a typo
    corrected, a word added, but not 3号楼 for 5号楼 or 过期 for 压力不足). Each hazard keeps
    the 隐患编号 of the row that first reported it."""

    versions: list[ReturnForm]
    identities: list[list[str]]
    """Each version's rows' hazards, named by the key of the row that first reported each
    (a row's own key, unless it rewords an older one)."""
    newest_keys: list[str]
    """The newest version's rows' own keys."""
    first: dict[str, HazardRow]
    """Identity → the row that first reported the hazard (its 隐患编号 is the hazard's)."""
    earlier: dict[str, HazardRow]
    """Identity → the hazard as the older versions last showed it."""
    remembered: set[str]
    """The identities only the register (the hazards it held before) last showed: their
    file was written over or taken out of the folder."""
    reworded_rows: list[tuple[int, HazardRow]]
    """The newest version's rows that reworded an older row: (row's index, the older row)."""
    promised: dict[str, HazardRow]
    """Identity → the older row that first gave the hazard a 整改时限 of its own (not the
    campaign's default, nor the date an assigned problem's row came with, nor one before its
    检查时间): the date a later one puts off, and one left blank keeps."""
    repeats: dict[str, str] = field(default_factory=dict)
    """Identity → that of the row above it its version repeated (the same 部位 and 存在隐患问题,
    warned repeated-hazard)."""
    said: dict[str, list[Said]] = field(default_factory=dict)
    """Identity → what the older versions said of its 整改时限 and closure, when it changed
    (`HazardRow.history`)."""
    newest_day: date | None = None
    """The day the newest version stood from (`standing_days`)."""
    newest_read: date | None = None
    """The day the newest version was first read, when late (`read_late`)."""
    received: dict[str, list[tuple[date, date]]] = field(default_factory=dict)
    """Identity → (the day it stood from, the day first read) of the older versions that
    changed what was said of it and were read late (`HazardRow.received_late`)."""
    foreign: Container[str] = frozenset()
    """The photos another department sent first: one of them on a row of this one's, told
    照片重复使用, is replaced by a photo pasted on that row of a follow-up form, as the form
    says (clerk trial 178 AE2)."""
    beside: dict[str, HazardRow] = field(default_factory=dict)
    """Identity of a repeat (`repeats`) → the row it repeated, as the last version showing
    the repeat showed it: what the repeat is compared with when taken out (compared with the
    hazard as a later version showed it, 已完成 since, a copy deleted weeks before came back
    as a hazard of its own, overdue: clerk trial 186 AL1)."""

    @classmethod
    def of(cls, versions: list[ReturnForm], foreign: Container[str] = frozenset()) -> _Lineage:
        by_key: dict[str, str] = {}
        first: dict[str, HazardRow] = {}
        last: dict[str, HazardRow] = {}
        identities: list[list[str]] = []
        earlier: dict[str, HazardRow] = {}
        reworded: list[tuple[int, HazardRow]] = []
        keys: list[str] = []
        shown_by: dict[str, str] = {}
        remembered: set[str] = set()
        promised: dict[str, HazardRow] = {}
        repeats: dict[str, str] = {}
        beside: dict[str, HazardRow] = {}
        said: dict[str, list[Said]] = {}
        days = standing_days(versions)
        late = read_late(versions, days)
        received: dict[str, list[tuple[date, date]]] = {}
        for day, read, form in zip(days, late, versions, strict=True):
            if form is versions[-1]:  # what the older versions showed, as the newest sees it
                earlier = dict(last)
                remembered = {i for i, file in shown_by.items() if file == EARLIER_REGISTER}
            keys = _occurrence_keys(form.hazards)
            found = [by_key.get(key, "") for key in keys]
            taken = set(found)
            gone = [identity for identity in last if identity not in taken]
            for index, identity in _pairs(form.hazards, found, [last[i] for i in gone], gone):
                found[index] = identity
                if form is versions[-1]:
                    reworded.append((index, last[identity]))
            mine = [identity or key for identity, key in zip(found, keys, strict=True)]
            first_of: dict[str, str] = {}  # a wording → the identity of its first row here
            for identity, key, row in zip(mine, keys, form.hazards, strict=True):
                if key == row.key:
                    first_of[key] = identity
                elif row.key in first_of:
                    repeats.setdefault(identity, first_of[row.key])
                by_key.setdefault(key, identity)
                first.setdefault(identity, _numbered_apart(row, key))
                last[identity] = row
                shown_by[identity] = form.file
                if (
                    form is not versions[-1]
                    and row.deadline
                    and not (row.deadline_is_default or row.deadline_assigned)
                    # (not one refused as before the 检查时间: corrected, it was said put off
                    # after it had passed, clerk trial 181 AH2)
                    and not (row.checked_on and row.deadline < row.checked_on)
                ):  # the department's own date (an assigned problem's is the list's)
                    promised.setdefault(identity, row)
                if form.file == EARLIER_REGISTER:  # (the oldest) its own history, or what
                    # was said before any version here
                    first_said = row.history or ((date.min, row.deadline, _closed_on(row)),)
                    said.setdefault(identity, list(first_said))
                    received.setdefault(identity, list(row.received_late))
                elif form is not versions[-1]:
                    noted = _note_said(said.setdefault(identity, []), row, day)
                    if noted and day is not None and read is not None:
                        received.setdefault(identity, []).append((day, read))
            for identity in mine:
                if identity in repeats and repeats[identity] in first_of.values():
                    beside[identity] = last[repeats[identity]]
            identities.append(mine)
        return cls(
            versions,
            identities,
            keys,
            first,
            earlier,
            remembered,
            reworded,
            promised,
            repeats,
            said,
            days[-1],
            late[-1],
            received,
            foreign,
            beside,
        )

    def history(self, identity: str, row: HazardRow) -> HazardRow:
        """`row`, the newest version's, with what the versions said when it changed."""
        said = list(self.said.get(identity, ()))
        received = list(self.received.get(identity, ()))
        day, read = self.newest_day, self.newest_read
        if _note_said(said, row, day) and day is not None and read is not None:
            received.append((day, read))
        if len(said) < 2:
            return row
        return row._replace(history=tuple(said), received_late=tuple(received))

    def _numbered(self, row: HazardRow, identity: str, key: str) -> HazardRow:
        """`row` (its own `key`) with the 隐患编号 of the hazard it is: its first row's, when
        it rewords an older row or the first row kept a number of its own (the register's,
        from a version no longer in the folder)."""
        first = self.first[identity]
        if identity == key and not first.kept_id:
            return row
        return row._replace(kept_id=first.hazard_id)

    @functools.cached_property
    def _sent_as_answers(self) -> dict[str, tuple[str, str]]:
        """Identity → (问题编号, 问题来源) the older versions last sent the hazard with, as
        the answer to a listed problem (its number, or `HazardRow.answered_as`)."""
        sent: dict[str, tuple[str, str]] = {}
        for form, identities in zip(self.versions[:-1], self.identities, strict=False):
            for hazard, identity in zip(form.hazards, identities, strict=True):
                if hazard.number:
                    sent[identity] = (hazard.number, hazard.source)
                elif hazard.answered_as:
                    sent[identity] = hazard.answered_as
        return sent

    @functools.cached_property
    def _older_photos(self) -> _OlderPhotos:
        """The photos the older versions showed of each hazard, each on the row the latest
        version showing it put it (one on another row of a 退回修改 copy or a follow-up form,
        which show none of the earlier photos, is pasted there too)."""
        older = self.versions[:-1]
        after: set[str] = set()
        replaceable: set[str] = set()
        sent_on: dict[str, HazardRow] = {}
        # when each photo was first sent: by the files here, then by the register (whose
        # rows of a file since written over placed a photo a file here sent first: its
        # first collect and the next disagreed, clerk trial 45)
        for form in sorted(older, key=lambda version: version.file == EARLIER_REGISTER):
            for hazard in form.hazards:
                for name in hazard.photos:
                    first = name not in sent_on and name not in hazard.before_photos
                    if first and hazard.progress == DONE:  # (the register knows which was)
                        after.add(name)
                        if form.file != EARLIER_REGISTER:
                            replaceable.add(name)
                    sent_on.setdefault(name, hazard)
        placed: dict[str, set[str]] = {}  # photo → the identities its latest showing put it on
        photos: dict[str, list[str]] = {}
        for form, identities in zip(older, self.identities, strict=False):
            shared = _on_two(photos)
            for hazard, identity in zip(form.hazards, identities, strict=True):
                older_photos = photos.get(identity, ())
                replaced = _replaced(form, hazard, older_photos, replaceable, shared, self.foreign)
                for name in replaced:
                    photos[identity].remove(name)
                    placed[name].discard(identity)
            for name, on in _shown_on(
                form, identities
            ).items():  # on every row this version shows it (one photo
                was = placed.get(name, set())  # for two hazards), none it no longer does
                if _left_behind(was, on, identities):
                    continue
                if not form.holds_its_photos:  # (a copy: those too)
                    on = [*was, *(i for i in on if i not in was)]
                for identity in was.difference(on):
                    photos[identity].remove(name)
                for identity in on:
                    if identity not in was:
                        photos.setdefault(identity, []).append(name)
                placed[name] = set(on)
        return _OlderPhotos(photos, after, replaceable, sent_on, placed)

    def newest_rows(
        self, require_photo: bool = False
    ) -> tuple[list[HazardRow], set[tuple[Code, str, int | None, str]], list[Problem]]:
        """The newest version's hazards, each with its first 隐患编号 and the photos the older
        versions showed of it too (整改前 in the first return, 整改后 in the second; or a
        corrected 退回修改 copy, which cannot carry them) — each on the row the latest
        version showing it put it (a photo moved where it belongs stays there), none the
        newest version shows on another row; a 整改时限 left blank, the one an older version
        gave (`promised`: left blank, it is not put off to the campaign's default, which took
        an overdue hazard off the list); and the (code, sheet, row) of the newest version's
        problems that no longer hold (未附整改后照片 of a row with an older photo sent when it
        was reported 已完成, 没有填写整改时限 of a row that keeps its older one); and, with
        `require_photo`, 未附整改后照片 of each row reported 已完成 whose photos were all sent
        while it was still open (the 整改前 photo left in the row)."""
        newest = self.versions[-1]
        # a photo on another row of a 退回修改 copy or a follow-up form (which show none of
        # the earlier photos) is pasted there too, not moved there (clerk trial 43)
        shown = {n for h in newest.hazards for n in h.photos} if newest.holds_its_photos else ()
        sent = self._older_photos
        photos, after, replaceable, sent_on, _ = sent
        shared = _on_two(photos)
        # a deleted row's photo the office suite left on the row that moved up is not that
        # row's (it was shown as its 整改前 photo: clerk trial 156); a warning says so
        # (`photo_reuse.reused_photos`)
        left = sent.left_behind(newest, self.identities[-1])
        warned = {(p.sheet, p.row) for p in newest.problems if p.code is Code.MISSING_PHOTO}
        rows: list[HazardRow] = []
        moot: set[tuple[Code, str, int | None, str]] = set()
        said: list[Problem] = []
        listed = [set(identities) for identities in self.identities]
        rows_and_names = zip(newest.hazards, self.identities[-1], self.newest_keys, strict=True)
        for row, identity, key in rows_and_names:
            row = self._numbered(row, identity, key)
            if left.intersection(row.photos):
                row = row._replace(photos=tuple(p for p in row.photos if p not in left))
            promised = self._kept_deadline(row, identity)
            if promised is not None:
                lost = self._dates_lost[row.source_sheet, row.source_row, "deadline"]
                moot.add((lost.code, row.source_sheet, row.source_row, lost.field))
                row = row._replace(deadline=promised.deadline, deadline_is_default=False)
                row = _as_warned(row, lost)
            closure = self._kept_closure(row, identity)
            if closure is not None:
                lost = self._dates_lost[row.source_sheet, row.source_row, "closed_on"]
                moot.add((lost.code, row.source_sheet, row.source_row, lost.field))
                row = _as_warned(row._replace(closed_on=closure.closed_on, closing_flaw=""), lost)
            done = self._kept_progress(row, identity)
            if done is not None:
                lost = self._progress_lost[row.source_sheet, row.source_row]
                moot.add((lost.code, row.source_sheet, row.source_row, lost.field))
                row = row._replace(
                    progress=done.progress,
                    progress_text=done.progress_text,
                    closed_on=done.closed_on,
                    closing_flaw="",
                )
                row = _as_warned(row, lost)
            unlisted = self._unlisted_on(listed, identity, row.checked_on)
            if unlisted is not None:
                row = row._replace(unlisted_on=unlisted)
            answered = self._sent_as_answers.get(identity)
            if answered is not None and not row.number and not row.answered_as:
                # sent as an answer, its number deleted since (and 问题来源 made 自查): still
                # that answer to the 追责核查, not the self-check's own finding (session 23)
                row = row._replace(answered_as=answered)
            replaced = _replaced(
                newest, row, photos.get(identity, ()), replaceable, shared, self.foreign
            )
            earlier = [
                p
                for p in photos.get(identity, ())
                if (p not in shown or p in row.photos) and p not in replaced
            ]
            kept = tuple(dict.fromkeys((*earlier, *row.photos)))
            old = self.earlier.get(identity)
            if not (kept or row.photos_lost or newest.holds_its_photos) and old and old.photos_lost:
                # a follow-up form carries no photo: one an older version pasted and could
                # not be read (a .xls's) is still so (said 未附, then: clerk trial 146)
                row = row._replace(photos_unread=old.photos_unread, photo_hint=old.photo_hint)
            before = sent.before(kept, row)
            # 已完成 with only photos of 整改中 (整改前) — this hazard's, or another's pasted
            # here (clerk trial 51: its caption said 整改前, and nothing else did): not the
            # ones asked for
            before_only = row.progress == DONE and bool(kept) and len(before) == len(kept)
            if earlier or before_only:
                where = (row.source_sheet, row.source_row)
                warnings = row.warnings
                if where in warned and after.intersection(earlier):  # none in the row
                    moot.add((Code.MISSING_PHOTO, *where, _HEADERS["progress"]))
                    warnings -= 1
                if before_only and row.photos and require_photo:  # left in the row: unsaid
                    warnings += 1
                    older = sent_on[row.photos[0]]
                    said.append(
                        _against(
                            newest,
                            Code.MISSING_PHOTO,
                            row,
                            older,
                            "progress",
                            variant="before",
                            value=row.progress_text,
                        )
                    )
                row = row._replace(
                    photos=kept,
                    warnings=warnings,
                    before_photos_only=before_only,
                    before_photos=before,
                )
            rows.append(row)
        return rows, moot, said

    @functools.cached_property
    def _dates_lost(self) -> dict[tuple[str, int | None, str], Problem]:
        """(sheet, row, field) → the problem of a 整改时限 or 销号时间 of the newest version
        left blank or not understood as a date (没有填写整改时限, 已完成但未填销号时间,
        日期无法识别), or of a 销号时间 before the 检查时间 or after the day judged."""
        lost = {}
        for p in self.versions[-1].problems:
            if p.code is Code.MISSING_DEADLINE or (
                p.code is Code.BAD_DATE and p.field == _HEADERS["deadline"]
            ):
                lost[p.sheet, p.row, "deadline"] = p
            elif p.code in (Code.DONE_WITHOUT_CLOSED_ON, Code.CLOSED_BEFORE_CHECKED) or (
                p.code in (Code.BAD_DATE, Code.FUTURE_DATE) and p.field == _HEADERS["closed_on"]
            ):  # (one before the 检查时间 or after the day judged is none: a year typed wrong,
                # clerk trials 62 and 65)
                lost[p.sheet, p.row, "closed_on"] = p
        return lost

    @functools.cached_property
    def _progress_lost(self) -> dict[tuple[str, int | None], Problem]:
        """(sheet, row) → the problem of a 整改完成情况 of the newest version left blank or
        not understood (整改完毕, √)."""
        return {
            (p.sheet, p.row): p
            for p in self.versions[-1].problems
            if p.code in (Code.MISSING_PROGRESS, Code.BAD_PROGRESS)
        }

    def _kept_progress(self, row: HazardRow, identity: str) -> HazardRow | None:
        """The older row whose 已完成 and 销号时间 `row` keeps: `row` left its 整改完成情况
        blank or not understood, its 销号时间 still given, the version before reported it
        已完成 (an accepted hazard, reviewed and 销号, was reopened and made 逾期 by 整改完毕:
        clerk trial 182 AH102). Its 销号时间 cleared too, it is reopened (and the error
        stands): the department took the closing back (trial 183 AI1)."""
        if row.progress is not None or row.closed_on is None:
            return None
        old = self.earlier.get(identity)
        if old is None or not old.reported_done:
            return None
        return old if (row.source_sheet, row.source_row) in self._progress_lost else None

    def _kept_deadline(self, row: HazardRow, identity: str) -> HazardRow | None:
        """The older row whose 整改时限 `row` keeps: `row` (of the newest version) left its
        整改时限 blank or not a date, an older version gave one of the department's own."""
        if not row.deadline_is_default or identity not in self.promised:
            return None
        lost = (row.source_sheet, row.source_row, "deadline") in self._dates_lost
        return self.promised[identity] if lost else None

    def _kept_closure(self, row: HazardRow, identity: str) -> HazardRow | None:
        """The older row whose 销号时间 `row` keeps: `row` reports 已完成 with its 销号时间
        left blank or not a date (12.10 typed as the number 12.1), the version before
        reported it 已完成 with one (the resend reopened a closed hazard: clerk trial 60)."""
        if row.progress != DONE or row.closed_on is not None:
            return None
        old = self.earlier.get(identity)
        if old is None or not old.reported_done:
            return None
        lost = (row.source_sheet, row.source_row, "closed_on") in self._dates_lost
        return old if lost else None

    def carried(self, newest: ReturnForm) -> list[Problem]:
        """A warning on each row of the newest version that keeps the 整改时限 or the 销号时间
        an older version gave it (`newest_rows`), in place of the problem of its own."""
        said = []
        for row, identity in zip(newest.hazards, self.identities[-1], strict=True):
            for name, kept, code in (
                ("deadline", self._kept_deadline(row, identity), Code.DEADLINE_KEPT),
                ("closed_on", self._kept_closure(row, identity), Code.CLOSED_ON_KEPT),
            ):
                if kept is None:
                    continue
                lost = self._dates_lost[row.source_sheet, row.source_row, name]
                said.append(
                    _against(
                        newest,
                        code,
                        row,
                        kept,
                        name,
                        variant=_LOST_VARIANT.get(lost.code, ""),
                        value=lost.value,
                        old=getattr(kept, name),
                    )
                )
            done = self._kept_progress(row, identity)
            if done is not None:
                lost = self._progress_lost[row.source_sheet, row.source_row]
                said.append(
                    _against(
                        newest,
                        Code.PROGRESS_KEPT,
                        row,
                        done,
                        "progress",
                        variant="" if lost.code is Code.BAD_PROGRESS else "blank",
                        value=lost.value,
                        old=done.closed_on,
                    )
                )
        return said

    def _unlisted_on(
        self, listed: list[set[str]], identity: str, checked_on: date | None
    ) -> date | None:
        """The 日期 of the latest version, before the one that first listed `identity`
        (`listed`: each version's identities), dated on or after `checked_on` (the hazard's
        检查时间; any, when it has none: a hazard added in a late version without one was
        taken for found before the inspection that came between, clerk trial 73), that did
        not list it."""
        missing: date | None = None
        for form, identities in zip(self.versions, listed, strict=True):
            if identity in identities:
                return missing
            if form.form_date is not None and (checked_on is None or form.form_date >= checked_on):
                missing = form.form_date
        return None

    def vanished(self) -> list[tuple[HazardRow, bool]]:
        """Hazards the older versions listed which the newest no longer does, as last shown:
        open or 销号, the archive loses none (a closed one keeps its 销号 and its review);
        each with whether only the register still showed it. A row that stated no hazard
        (a name typed into a table row, taken out since) was none: it goes."""
        present = set(self.identities[-1])
        return [
            (
                self._with_older_photos(self._numbered(row, identity, row.key), identity)._replace(
                    vanished_from=f"{row.source_file}{GONE}" if gone else row.source_file
                ),
                gone,
            )
            for identity, row in self.earlier.items()
            if identity not in present
            and row.hazard.strip()
            and not self._repeat_taken_out(identity, row, present)
            for gone in [identity in self.remembered]
        ]

    def _repeat_taken_out(self, identity: str, row: HazardRow, present: set[str]) -> bool:
        """A row repeating the one above it (warned repeated-hazard: 是同一项隐患的请删去一行)
        deleted as asked, the one it repeated still there: no hazard gone (it was kept for
        ever, as vanished, clerk trial 57) — unless it said otherwise of the hazard (its
        progress, its 销号, a photo of its own): then they were two."""
        repeated = self.repeats.get(identity)
        if repeated is None or repeated not in present:
            return False
        same = self.beside.get(identity)
        return (
            same is not None
            and (row.progress, row.closed_on) == (same.progress, same.closed_on)
            and set(row.photos) <= set(same.photos)
        )

    def _with_older_photos(self, row: HazardRow, identity: str) -> HazardRow:
        """A hazard as last shown, with every photo the older versions showed of it (its 整改前
        photo of the version before: a reviewed row taken out lost it, clerk trial 44)."""
        older = self._older_photos
        kept = tuple(older.photos.get(identity, row.photos))
        return row._replace(photos=kept, before_photos=older.before(kept, row))

    def reopened(self, newest: ReturnForm) -> list[Problem]:
        """A warning on each row of the newest version reporting not completed a hazard an
        older version reported 已完成 (an old copy sent again, or a 销号 taken back)."""
        said = []
        for row, identity in zip(newest.hazards, self.identities[-1], strict=True):
            old = self.earlier.get(identity)
            if old is None or not old.reported_done or row.reported_done:
                continue
            if self._kept_closure(row, identity) is not None:  # 已完成, its date not given
                continue
            if self._kept_progress(row, identity) is not None:  # its 整改完成情况 not given
                continue
            said.append(
                _against(
                    newest,
                    Code.REOPENED_IN_NEW_VERSION,
                    row,
                    old,
                    "progress",
                    value=row.progress_text,
                    closed_on=old.closed_on,
                    progress=row.progress or row.progress_text or "未填写",
                )
            )
        return said

    def closed_while_open(self, newest: ReturnForm) -> list[Problem]:
        """A warning on each 销号时间 of the newest version reporting 已完成 on a day an older
        version, of that 日期 or a later one, reported the hazard not completed: that day
        it was not done (before it; on it, the very 销号时间 the older version gave beside
        a progress not done, as 已完成50%, carried or typed again: the hazard was closed on
        a day the department said it was half done, clerk trial 133)."""
        said = []
        earlier = [  # the latest first, each version's rows by hazard
            (form.form_date, dict(zip(reversed(identities), reversed(form.hazards), strict=True)))
            for form, identities in zip(self.versions[:-1], self.identities[:-1], strict=True)
        ][::-1]
        for row, identity in zip(newest.hazards, self.identities[-1], strict=True):
            if not row.reported_done or row.closed_on is None:
                continue
            for day, rows in earlier:
                older = rows.get(identity)
                # (one said 已完成 without its 销号时间, the date given since: no doubt, trial 135;
                # one whose progress was blank or not understood (已经弄好了) said nothing of it
                # not being done: the closing asked about for ever, clerk trial 186 AL3)
                if older is None or older.progress in (DONE, None) or day is None:
                    continue
                if row.closed_on > day:
                    continue
                if row.closed_on == day and older.closed_on != row.closed_on:
                    continue
                said.append(
                    _against(
                        newest,
                        Code.CLOSED_WHILE_OPEN,
                        row,
                        older,
                        "closed_on",
                        variant="same" if row.closed_on == older.closed_on else "",
                        value=f"{row.closed_on:%Y-%m-%d}",
                        closed_on=row.closed_on,
                        old_day=day,
                        old_progress=older.progress_text or older.progress,
                    )
                )
                break
        return said

    def put_off(self, newest: ReturnForm) -> tuple[list[Problem], dict[int, date]]:
        """A warning on each 整改时限 of the newest version later than the one an older
        version gave the hazard (a deadline moved quietly takes it off the overdue list):
        the department is asked for the reason, or, when its 备注 says something new, the
        clerk is shown it. An assigned problem's row is asked too when it puts off a date the
        department set itself (one later than the list's has its own warning). And the rows
        (by index) that gave no reason → the date they put off (the notices ask for it)."""
        said = []
        unexplained: dict[int, date] = {}
        rows = zip(newest.hazards, self.identities[-1], strict=True)
        for index, (row, identity) in enumerate(rows):
            old = self.promised.get(identity)  # the first: a later version repeating a
            if (  # put-off date without a reason is asked again
                old is None
                or old.deadline is None
                or row.deadline is None
                or row.deadline_is_default
                or row.deadline_assigned  # the list's (a later one typed: its own warning)
                or row.deadline <= old.deadline
            ):
                continue
            explained = row.remarks.strip() and row.remarks != old.remarks
            if not explained:
                unexplained[index] = old.deadline
            said.append(
                _deadline_changed(
                    newest,
                    Code.DEADLINE_PUT_OFF_EXPLAINED if explained else Code.DEADLINE_PUT_OFF,
                    row,
                    old,
                    remarks=row.remarks.strip(),
                )
            )
        return said, unexplained

    def moved_before(self, newest: ReturnForm, issued: date) -> list[Problem]:
        """A warning on each 整改时限 of the newest version moved to before the campaign was
        issued (`issued`) from a date on or after it: a year typed wrong, or a form of an
        earlier campaign filled in (last year's follow-up form issued by a huitoukan that
        did not write its campaign into it: trial 211 BK14, trial 214 BN2). A row found
        without a 检查时间 nor a 问题编号 is asked by its own check (deadline-before-issue);
        an assigned problem's date is the list's."""
        said = []
        for row, identity in zip(newest.hazards, self.identities[-1], strict=True):
            old = self.earlier.get(identity)
            if (
                old is None
                or old.deadline is None
                or row.deadline is None
                or row.deadline_assigned
                or not (row.checked_on or row.number)
                or not row.deadline < issued <= old.deadline
            ):
                continue
            said.append(
                _deadline_changed(newest, Code.DEADLINE_MOVED_BEFORE_ISSUE, row, old, issued=issued)
            )
        return said

    def reworded(self, newest: ReturnForm) -> list[Problem]:
        """A warning on each row of the newest version taken for a reworded older row (the
        clerk checks it is the same hazard) — but for an assigned problem's row in the words
        its form was issued with: the list reworded it, not the department (the follow-up
        form's corrected words were said reworded on every collect, the department to restore
        the old row: clerk trial 150)."""
        return [
            problem(
                Code.REWORDED_HAZARD,
                newest.file,
                sheet=newest.sheet,
                row=row.source_row,
                field="存在隐患问题",
                value=row.where,
                department=newest.department,
                old_file=old.found_in,
                old_row=old.source_row,
                old=old.where,
                hazard_id=self.first[self.identities[-1][index]].hazard_id,
                variant="split" if _split_from(row, old) else "",
            )
            for index, old in self.reworded_rows
            for row in [newest.hazards[index]]
            if not _as_issued(newest, row, old)
        ]


def _as_issued(form: ReturnForm, row: HazardRow, old: HazardRow) -> bool:
    """Whether `row` of `form` answers the assigned problem `old` answered, in the 部位 and
    问题描述 `form` was issued with — or, `old` sent without its 编号 (the department's own
    words, matched to the problem by content), the problem `row` answers as issued: the
    follow-up form gave the row the list's words (said reworded on every collect after,
    the department to restore its old row: clerk trial 186 AL10)."""
    key = number_key(row.number)
    issued = form.issued_in_words(row.location, row.hazard)
    return bool(key) and key == issued and (not old.number or key == number_key(old.number))


def _several(hazard: str) -> bool:
    """`hazard` (a 存在隐患问题) lists several hazards (`checks.rows`' several-hazards)."""
    return hazards_in(hazard) > 1


def _a_piece_of(row: HazardRow, listing: HazardRow) -> bool:
    """`row` is one of the hazards `listing` listed in one row: at its 部位, its words
    within the list's — or at its 部位 made more exact with the list's words (教学楼 →
    教学楼多媒体教室 of “多媒体教室讲台下…；三楼…”: the split not known, the department was
    asked to restore the row it had been told to split, clerk trial 234 CH5)."""
    said = normalize_key(row.hazard)
    place, listed_at = normalize_key(row.location), normalize_key(listing.location)
    listed = normalize_key(listing.hazard)
    if not said or not place.startswith(listed_at):
        return False
    added = place[len(listed_at) :]
    return (added + said) in listed or said in listed and (not added or added in listed)


def _split_from(row: HazardRow, old: HazardRow) -> bool:
    """`row` took the 编号 of `old`, a row listing several hazards it is one of."""
    return _several(old.hazard) and _a_piece_of(row, old)


def _within(short: str, long: str) -> bool:
    """`short`'s characters are `long`'s, in order (`long` is `short` with words added)."""
    rest = iter(long)
    return all(c in rest for c in short)


REWORDED = 20
"""Older rows scored in full against a row not recognised by its wording: those sharing the
most characters with it (a row reworded keeps most of its own; a department that rewords
all of 500 rows is then paired in 0.3 s, not 3)."""


def _pairs(
    rows: Sequence[HazardRow], found: list[str], gone: list[HazardRow], ids: list[str]
) -> list[tuple[int, str]]:
    """The rows not recognised by their wording (`found` empty) paired, one to one, with the
    older hazards (`gone`, by their `ids`) no row recognised: by 问题编号, then by how alike
    they are described (best first)."""
    unknown = [i for i, identity in enumerate(found) if not identity]
    if not unknown or not gone:
        return []
    pairs: list[tuple[int, str]] = []
    taken: set[int] = set()
    numbered = {number_key(h.number): n for n, h in enumerate(gone) if h.number}
    rest: list[int] = []
    for i in unknown:
        n = numbered.get(number_key(rows[i].number)) if rows[i].number else None
        if n is not None and n not in taken:
            pairs.append((i, ids[n]))
            taken.add(n)
        else:
            rest.append(i)
    # a row listing several hazards, split into a row each as its warning asked: its 编号
    # (photos, review) go to the first piece, at its place, not to whichever piece scored
    # best, and the others are new (the last piece took it: clerk trial 178 AE8) — the
    # others reworded too (灭火器过期，应急灯不亮 → 灭火器过期 and, added, 应急照明灯不亮:
    # the added row took it, the department asked to restore the row: trial 239 CM3)
    for n in range(len(gone)):
        if n in taken or not _several(gone[n].hazard):
            continue
        pieces = [i for i in rest if _a_piece_of(rows[i], gone[n])]
        if pieces and len(rest) > 1:
            pairs.append((pieces[0], ids[n]))
            taken.add(n)
            rest = [i for i in rest if i not in pieces]
    left = [n for n in range(len(gone)) if n not in taken]
    if not rest or not left:
        return pairs
    from huitoukan.findings.similarity import (  # only when reworded
        CANDIDATE,
        MATCH,
        Hazard,
        Register,
        normalize,
    )

    def words_added(old: HazardRow, new: HazardRow) -> bool:
        """Its 部位 and 问题 each the other's with words added or taken away (补充部位:
        东校门南侧校门口…, …缺失2处（南侧）): a doubt to an inspection's finding, kept under
        MATCH, made the old row deleted unclosed and the new one another hazard (trial 123)."""
        return all(
            _within(a, b) or _within(b, a)
            for a, b in (
                (normalize(old.location), normalize(new.location)),
                (normalize(old.hazard), normalize(new.hazard)),
            )
        )

    register = Register(Hazard(gone[n].location, gone[n].hazard) for n in left)
    scored = sorted(
        (-candidate.score, i, left[candidate.index])
        for i in rest
        for candidate in register.best_matches(
            Hazard(rows[i].location, rows[i].hazard),
            limit=3,
            min_score=CANDIDATE,
            shortlist=REWORDED,
        )
        if candidate.score >= MATCH or words_added(gone[left[candidate.index]], rows[i])
    )
    paired: set[int] = set()
    for _, i, n in scored:
        if i not in paired and n not in taken:
            pairs.append((i, ids[n]))
            paired.add(i)
            taken.add(n)
    return pairs
