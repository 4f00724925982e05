"""The schema of a returned form: its hazards, the items checked with nothing found, and
what became of each file. Problems are in `model.problems`."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Annotated, Final, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from huitoukan.model.documents import FEEDBACK_NAME
from huitoukan.model.findings import SELF_CHECK, number_key
from huitoukan.model.problems import Code, ProblemCounts
from huitoukan.text import fingerprint, normalize_key

Progress = Literal["已完成", "整改中", "未整改"]
DONE: Final = "已完成"
STILL_THERE: Final = "之后检查时问题仍在"
"""`HazardRow.closing_flaw` of a hazard the department found and reported 销号 itself,
which an inspection after that found still there: no date written wrong, a rectification
to do again (the notice asked for “正确的销号时间”: clerk trial 113)."""


def closing_said(flaw: str) -> str:
    """What a printed page says in place of the 销号时间 of a row whose closing the register
    does not take (`HazardRow.closing_flaw`; '' when none, or none was written)."""
    if not flaw or flaw == "未填写":
        return ""
    if flaw == STILL_THERE:
        return "已报销号，之后检查时问题仍在、须重新整改"
    return f"所填日期{flaw}，未采用"


IN_PROGRESS: Final = "整改中"
NOT_STARTED: Final = "未整改"
STATUS_VALUES: tuple[Progress, ...] = (DONE, IN_PROGRESS, NOT_STARTED)

UNREVIEWED: Final = "待复查"
PASSED: Final = "合格"
FAILED: Final = "不合格"
FAILED_BEFORE: Final = "复查不合格："
"""How 复查意见 keeps a hazard's earlier 不合格 (with its day before, its words after)."""
"""复查验收: what the receiving office concluded (待复查 until it has)."""

LONG_STANDING_MARKER = "历史遗留"
"""The word in 备注 or 整改措施 that puts a hazard on the list for the safety leadership
group, whatever its 整改时限."""
LONG_TERM_MARKERS = (
    *("替代措施", "补救措施", "短期内难以", "难以整改"),
    # how departments say it too (clerk trial 179 AF3: left off the leadership group's list)
    *("短期内无法", "长期整改", "临时防护措施", "防范措施"),
)
"""Words that put a hazard on that list when it is not to be done soon (`LONG_TERM_DAYS`):
written of hazards due within days too — the form's own column asks for 补救或替代措施 —
they put those on the list (clerk trials 180 AG2, 182 AH101)."""
LONG_TERM_DAYS = 90
"""Days from its 检查时间 to its 整改时限 from which a hazard is not one to be done soon."""

GONE = "（文件已覆盖或移出）"
"""After a hazard's 新版本中消失 file when only the register still held it."""
HAZARD_ID = re.compile(r"H[0-9A-F]{8}")
"""A 隐患编号 (`HazardRow.hazard_id`)."""
_LONG_STANDING = re.compile(re.escape(LONG_STANDING_MARKER))
_LONG_TERM = re.compile("|".join(map(re.escape, (LONG_STANDING_MARKER, *LONG_TERM_MARKERS))))
_DENIED_BEFORE = re.compile(
    r"(?:不|非|非属|无|没有|无需|不需要?|不属于?|不是|不存在|排除|否认为?|[算谈称]不上|"
    r"(?:未|不|没有|暂不|未被|不被|没有被|不再|不应|不得|不宜|不能|不可)"
    r"(?:涉及|纳入|列入|列为|作为|认定为?|视为|算作?|按|计入|归入|归为|划入|划为))$"
)
_DENIED_AFTER = re.compile(r"(?:问题)?[\s:：]*(?:否|无|不是|没有|不涉及)")
"""历史遗留 said not to be (不属于历史遗留问题, a column 是否涉及历史遗留 answered 否): the
hazard was put on the 历史遗留问题 sheet (clerk trial 95)."""


def due_day(deadline: date | None, given: date | None) -> date | None:
    """The day a part of an assigned problem is overdue after: its 整改时限, or the day its
    department was given it (`given`) when that was later — due at once, not late for the
    days before it had the problem (clerk trials 136, 138)."""
    if deadline is not None and given is not None and given > deadline:
        return given
    return deadline


def marked_long_standing(text: str, long_term: bool = False) -> bool:
    """`text` (a 备注 or 整改措施) marks its hazard 历史遗留 (`LONG_STANDING_MARKER`, or, of
    a hazard `long_term`, one of `LONG_TERM_MARKERS`; not denied)."""
    return any(
        not _DENIED_BEFORE.search(text, max(0, m.start() - 6), m.start())
        and not _DENIED_AFTER.match(text, m.end())
        for m in (_LONG_TERM if long_term else _LONG_STANDING).finditer(text)
    )


def hazard_id_of(department: str, key: str) -> str:
    """The 隐患编号 of `department`'s hazard of `key` (`HazardRow.key`; a second row of the
    same wording in one return has `key#2`, so that it is numbered apart)."""
    digest = hashlib.sha256(f"{department}|{key}".encode()).hexdigest()
    return f"H{digest[:8].upper()}"


XLS_PHOTO_HINT = (
    "报表是早期 Excel（.xls）或 WPS（.et）格式，其中的照片无法读取，请另存为 .xlsx 后重新报送"
)
"""`HazardRow.photo_hint` of a row of a .xls or .et holding pictures (none can be read)."""
XLS_NO_PHOTO_HINT = (
    "报表是早期 Excel（.xls）或 WPS（.et）格式，不能附照片，请另存为 .xlsx，"
    "把照片粘贴在该行后重新报送"
)
"""`HazardRow.photo_hint` of a row of a .xls or .et holding no picture."""


def pictures_lost(unread: str, hint: str) -> bool:
    """Pictures were pasted into a row and could not be read: why (`HazardRow.photos_unread`),
    or its hint says the return is a .xls holding pictures (`XLS_PHOTO_HINT`)."""
    return bool(unread) or hint == XLS_PHOTO_HINT


NoteKey = tuple[str, str, str, str, date | None]
"""A handover note's department, 部位：存在隐患问题, 整改措施, 整改完成情况 and 销号时间
(`note_key`)."""


def note_key(row: HazardRow) -> NoteKey:
    """What a row says, whatever file or row it is in: a handover note saved again, renamed
    or moved to another folder is still that note (keyed by file, row and sha256, it became
    the department's own 销号 again: clerk trial 163)."""
    return (
        row.department,
        row.where,
        row.measures,
        row.progress or row.progress_text,
        row.closed_on,
    )


_HANDED_TO = ("移交", "转交", "交给", "改由", "划归")
"""Words before the name of the department a problem went to that say it was handed to it
(“已移交学生工作处”, “该楼已划归学生工作处管理”); with “由…负责” and “交…处理/整改/负责”, the
only ones: 移交 alone (“已移交维修科更换灯具”, clerk trial 165), a name alone (“会同学生工作处
更换灯具”, trial 166) or after 交由 (“交由学生工作处日常管理”, trial 167) were real fixes taken
for notes."""
_HANDED_AFTER = ("处理", "整改", "负责")
"""Words after “交” and a department's name that say the problem was handed to it (“交学生
工作处处理”: trial 168)."""
_ROUTINE = ("使用", "日常", "后续", "巡查", "维护", "保养", "检查")
"""Words after a handover in its clause that say the place was handed over for use or
routine care, the problem fixed (“已更换灯具并移交学生工作处使用”, “交学生工作处负责日常检
查”: trials 168, 169)."""
_CLAUSE_END = re.compile(r"[,;。，；、!?！？]")


def says_handed_over(row: HazardRow, to: Iterable[str] = ()) -> bool:
    """`row`'s 整改措施 or 备注 says its department handed the problem to a department it went
    to (`to`, names and aliases): a note of what was done with the problem, no
    rectification of it."""
    keys = [normalize_key(text) for text in (row.measures, row.remarks)]
    names = [name for name in map(normalize_key, to) if name]
    return any(
        _handed_in(key, said)
        for key in keys
        for name in names
        for said in (
            *(word + name for word in _HANDED_TO),
            *(f"交{name}{after}" for after in _HANDED_AFTER),
            f"由{name}负责",
        )
    )


def _handed_in(key: str, said: str) -> bool:
    """`said` (a handover and a name) is in `key`, with none of `_ROUTINE` after it in its
    clause (“移交总务基建处使用”, found by the alias 总务基建 too), nor “管理” after a clause
    saying what was done (“已更换灯具，楼宇已划归学生工作处管理”: the building handed over
    once fixed, clerk trial 170 W7; “该楼已划归…管理” alone stays a note, trial 168)."""
    at = key.find(said)
    while at >= 0:
        rest = _CLAUSE_END.split(key[at + len(said) :], maxsplit=1)[0]
        done = "管理" in rest and any(
            "已" in clause and not any(word in clause for word in _HANDED_TO)
            for clause in _CLAUSE_END.split(key[:at])[:-1]
        )
        if not done and not any(word in rest for word in _ROUTINE):
            return True
        at = key.find(said, at + 1)
    return False


def mentions_handing(row: HazardRow) -> bool:
    """`row`'s 整改措施 or 备注 has a word of handing over (`_HANDED_TO`), to whomever."""
    return any(word in text for text in (row.measures, row.remarks) for word in _HANDED_TO)


class HandoverNote(NamedTuple):
    """A row handed over, sent while its problem was away from its department
    (`Collection.handed_written`)."""

    department: str
    where: str
    measures: str
    progress: str
    closed_on: date | None
    number: str
    """The 问题编号 it answered."""
    source: str
    """Its 问题来源."""
    sent_on: date | None
    """The day its version was sent."""
    seen_on: date | None = None
    """The day a collect first took it for a note (None: not recorded): one first seen
    after the problem was given back may be a form corrected since, its 表头日期 left (the
    hint said on the first collect alone: clerk trial 169 V3). Last: records hold the
    fields in order."""

    @property
    def key(self) -> NoteKey:
        """Its `note_key`."""
        return (self.department, self.where, self.measures, self.progress, self.closed_on)


FORM_SHEET_NAME = "自查整改清单"
"""The issued form's sheet (`forms.layout.FORM_SHEET`)."""


class HazardRow(NamedTuple):
    """One hazard a department reported, normalised; unreadable values stay as typed.

    A named tuple rather than a pydantic model: a city collects hundreds of thousands
    of these, and they are built only by `row_validation` and `register_reading` from
    values already checked there. Measured on 40,000 rows: built in a quarter of the
    time, pickled between processes without per-object hooks, and 1.2 KB each instead
    of 3.7 KB. Where hazards come from outside (the register's state record) pydantic
    validates them field by field (`register_file`).
    """

    department: str
    source_file: str
    source_sheet: str
    source_row: int
    """1-based row number in the source sheet."""
    seq: str = ""
    location: str = ""
    item: str = ""
    hazard: str = ""
    measures: str = ""
    deadline: date | None = None
    deadline_is_default: bool = False
    progress: Progress | None = None
    progress_text: str = ""
    """整改完成情况 as typed (kept when it could not be normalised)."""
    owner: str = ""
    checked_on: date | None = None
    closed_on: date | None = None
    remarks: str = ""
    errors: int = 0
    warnings: int = 0
    vanished_from: str = ""
    """Set when the row is gone from the department's newest return: the older file it was
    in (with GONE after it when only the register still held it)."""
    number: str = ""
    """问题编号: the assigned problem the row answers ('' for what the department found)."""
    source: str = ""
    """问题来源 as the row says it ('' or 自查 for what the department found)."""
    photos: tuple[str, ...] = ()
    """The photos pasted into the row, as stored beside the register (see `evidence`)."""
    review: str = ""
    """复查验收, when the campaign requires it: 待复查, 合格 or 不合格 ('' otherwise)."""
    reviewer: str = ""
    reviewed_on: date | None = None
    review_note: str = ""
    deadline_assigned: bool = False
    """整改时限 is the assigned problem's (the department left it blank on the row, or
    typed a later one: the inspection sets it)."""
    unlisted_on: date | None = None
    """The 日期 of an earlier version of the department's return that did not list this
    hazard though dated on or after its 检查时间 (the latest such; None when there is
    none): its 检查时间 is then in doubt (追责核查 asks the clerk)."""
    kept_id: str = ""
    """The 隐患编号 the hazard was given when first reported, once a later version has
    reworded its 部位 or 存在隐患问题 (merging knows the rows are one hazard): the 复查验收表
    and 追责 decisions that name it still find it."""
    before_photos_only: bool = False
    """Reported 已完成, its photos all sent while it was still open (整改前: carried from an
    older version, or left in the row): none shows the rectification, `require_photo`
    still asks for one, and the report's photo page says so."""
    before_photos: tuple[str, ...] = ()
    """Those of `photos` first sent while the hazard was still open (整改前); the others
    were first sent with it 已完成 (整改后). Photo pages label them so."""
    id_name: str = ""
    """The department's name its 隐患编号 is made of, when other than `department` (renamed
    in campaign.toml since the campaign began: `Unit.formerly`)."""
    photos_unread: str = ""
    """Why a picture pasted into the row could not be read (the first such), '' when none:
    a department asked for a photo it did paste is told what became of it."""
    put_off_from: date | None = None
    """The 整改时限 an older version gave, when this one puts it off without a word in 备注:
    the notices ask why (the 督办 list lost the hazard and nobody asked: clerk trial 46)."""
    photo_hint: str = ""
    """Where a photo sent for this row may be instead (on a row of no hazard, in a .xls
    whose photos cannot be read), for a row without one: said where the photo is asked
    for (the notice only asked to paste it: clerk trial 43)."""
    history: tuple[tuple[date, date | None, date | None], ...] = ()
    """What the department's versions said, oldest first, when that changed: (the day a
    version was sent, its 整改时限, its 销号时间 when reported 已完成) for the first and for
    each one changing either; empty when every version said the same. The 追责核查 judges
    by what stood on the day of the inspection (a 整改时限 put off after it, a closure
    reported before it and taken back: clerk trial 62)."""
    closing_flaw: str = ""
    """Why a row reported 已完成 has no 销号时间 the register closes it by — 未填写, 无法识别,
    早于检查时间, 晚于统计日期, 早于问题发现时间, `STILL_THERE` ('' otherwise, and once an older version's
    销号时间 is kept for it): the department is told which
    (it was told all four: clerk trial 70). Last: the state record holds the fields in
    order, and a register written before has none after `history`."""
    errors_said: tuple[tuple[str, str], ...] = ()
    """Its errors, each as (the column it is in, a few words: 未填整改措施, 销号时间无法识别):
    the notice that asks for them to be put right names them (it gave their count only:
    trial 72), leaving out those of a column it asks for already."""
    answered_as: tuple[str, str] | tuple[()] = ()
    """(问题编号, 问题来源) as the row was sent, when that number is not its department's to
    answer (another's, or none the list has: withdrawn, typed wrong) and the row is summed
    up as its own finding: still an answer to a listed problem, not the self-check's (the
    追责核查 counted it 自查已发现: clerk trials 86, 88)."""
    photos_of_others: str = ""
    """Reported 已完成, its photos all first sent by another department (this one named), or
    by its own for another of its hazards (本部门为另一项隐患（…）: trial 221 BV4): none is
    this hazard's own evidence, and `require_photo` still asks for one (the warning reached
    its 退回修改 copy alone: clerk trial 112)."""
    as_sent: tuple[date | None, date | None] | tuple[()] = ()
    """(整改时限, 销号时间) as the department's own row gave them, when answering a later
    inspection's problem changed them (`findings.answers._answering`: a closing the
    inspection belied cleared, a deadline it had outlived replaced by the problem's). The
    追责核查 judges by these: with the inspection's problems listed, a closure found still
    there read 自查已发现 (clerk trial 115)."""
    due_from: date | None = None
    """The day the list gave this answer's department its problem, when that was after the
    problem's 整改时限 (`answers.assignment_days`): its days overdue, or late, count from
    then (`due`) — the department was not late before it had the problem (the report, the
    register and status called it 逾期完成 by the days before: clerk trial 138)."""
    given_back: bool = False
    """`due_from` is the day the list gave the problem back to the department (the register
    said 交办 of it: clerk trial 166 Q6)."""
    passed_before: tuple[date | None, date] | tuple[()] = ()
    """(the 销号时间 its 复查验收表 showed — None when it showed none —, the 复查时间) of a
    复查合格 of a closing the department took back or changed since: what stood on an earlier
    day had passed its review (the 追责核查 dropped it: clerk trial 170 W3)."""
    review_signed: date | None = None
    """`Review.signed_after` of its verdict: a 复查时间 written before the day its 复查验收表
    was made, the verdict signed then or after (a pass signed on a form made after the
    inspection counted as given before it: clerk trial 173 Z6)."""
    received_late: tuple[tuple[date, date], ...] = ()
    """(the day it stood from, the day a collect first read it) of the versions in `history`
    first read after their day, an older one read before them (`merging.read_late`): one
    dated before an inspection but first read after it is said (clerk trial 173 Z3)."""
    keyed_as: str = ""
    """Its `key` when its 部位 or 存在隐患问题 is read otherwise than it was before (a date
    in a column of words, 2026-03-02, now as the cell shows it, 3月2日): its 隐患编号 and the
    verdicts that name it stay (trial 214 BN1). Last: the state record holds the fields in
    order."""

    @property
    def found_in(self) -> str:
        """Where the hazard was in its file, as a message names a version: the file, and the
        sheet when not the form's own (“…第 7 行” named the wrong row of a file whose rows
        were on two sheets: clerk trial 213 BM4)."""
        if self.source_sheet in ("", FORM_SHEET_NAME):
            return self.source_file
        return f"{self.source_file} 工作表“{self.source_sheet}”"

    @property
    def reviewed_since(self) -> date | None:
        """The day its verdict was given, at the earliest: its 复查时间, or the day its form
        was made when that is later (`review_signed`)."""
        if self.reviewed_on is None or self.review_signed is None:
            return self.reviewed_on
        return max(self.reviewed_on, self.review_signed)

    @property
    def due(self) -> date | None:
        """The day it is overdue after: its 整改时限, or the day its department was given
        it when that was later (`due_from`)."""
        return due_day(self.deadline, self.due_from)

    def as_the_department_sent(self) -> HazardRow:
        """The row with its own 整改时限 and 销号时间 (`as_sent`), as the 追责核查 judges it."""
        if not self.as_sent:
            return self
        deadline, closed_on = self.as_sent
        return self._replace(
            deadline=deadline,
            closed_on=closed_on,
            closing_flaw="",
            deadline_assigned=False,
            due_from=None,
            given_back=False,
        )

    def deadline_on(self, day: date) -> date | None:
        """The 整改时限 the department's versions gave when `day` began (the one the last
        version sent before it gave; the first version's, before any was sent: a date put
        off on the day of an inspection, after its deadline had passed, did not stand when
        the inspectors came, clerk trial 63); an assigned problem's is the list's."""
        if not self.history or self.deadline_assigned:
            return self.deadline
        said = self.history[0][1]
        for sent, deadline, _ in self.history:
            if sent >= day:
                break
            said = deadline
        return said

    def deadline_given_on(self) -> date | None:
        """The day the version that gave the 整改时限 it has now was sent (the first of the
        last versions to give it; None when every version gave it, or the day is not
        known)."""
        given = None
        for (_, before, _), (sent, after, _) in itertools.pairwise(self.history):
            if after != before:
                given = sent
        return None if given is None or given == date.min else given

    def stood_on(self, day: date) -> tuple[date, date | None] | None:
        """(the day it was sent — `date.min` when not known —, its 销号时间 or None when it
        reported the hazard open) of the department's version that stood when `day` began
        (the last sent before it; the row itself when every version said the same); None
        when none was sent yet."""
        if not self.history:
            return date.min, self.closed_on if self.reported_done else None
        said = None
        for sent, _, closed_on in self.history:
            if sent >= day:
                break
            said = (sent, closed_on)
        return said

    def held_on(self, day: date) -> tuple[date, date | None] | None:
        """(the day it stood from — `date.min` when not known —, its 销号时间 or None) of
        the version the register held when `day` began: the last standing before it that
        a collect had read by then (`stood_on` judges by the versions' 日期; one dated
        before `day` but first collected on it or after was not there: `received_late`);
        None when none was."""
        late = dict(self.received_late)
        held = None
        for sent, _, closed_on in self.history:
            if sent >= day:
                break
            if late.get(sent, date.min) < day:
                held = (sent, closed_on)
        return held

    def passed_on(self, closed_on: date) -> date | None:
        """The 复查时间 of a 复查合格 of its closing on `closed_on` — the one it reports now,
        or one taken back or changed since (`passed_before`) —, None when none passed it."""
        if self.reported_done and self.closed_on == closed_on and self.review == PASSED:
            return self.reviewed_on
        if self.passed_before and self.passed_before[0] in (None, closed_on):
            return self.passed_before[1]
        return None

    def put_off_when_passed(self, day: date) -> tuple[date, date, date] | None:
        """(the 整改时限 it had, the day a version put it off, to what) when a version sent
        before `day` put off a deadline already passed: the department was overdue then,
        whatever stood on `day` (None when none did). A 整改时限 before its 检查时间, refused
        as an error, is none to put off (corrected, it read 逾期后推迟: trial 183 AH2)."""
        for (_, before, _), (sent, after, _) in itertools.pairwise(self.history):
            if sent >= day:
                break
            if self.checked_on is not None and before is not None and before < self.checked_on:
                continue
            if before is not None and after is not None and before < sent and after > before:
                return before, sent, after
        return None

    def closure_taken_back(self, day: date) -> tuple[date, date] | None:
        """(the day the version was sent, its 销号时间) of the first closure before `day` a
        version reported and a later one took back (the hazard was there on `day`: an
        inspection found it); None when there is none."""
        last = self.history[-1][2] if self.history else None
        for sent, _, closed_on in self.history:
            if closed_on is not None and closed_on < day and closed_on != last:
                return sent, closed_on
        return None

    @property
    def at(self) -> tuple[str, str, int]:
        """(file, sheet, row) it was read from, as a problem about it names them
        (`Problem.at`): by sheet too, a workbook's sheets each holding a row 8."""
        return (self.source_file, self.source_sheet, self.source_row)

    @property
    def remembered(self) -> bool:
        """Held by the register alone: the file that reported it was written over or taken
        out of the folder (every collect keeps it, see `register.merging`)."""
        return self.vanished_from.endswith(GONE)

    @property
    def where(self) -> str:
        """部位：存在隐患问题, as a person names the hazard."""
        return f"{self.location}：{self.hazard}" if self.location else self.hazard

    @property
    def key(self) -> str:
        """Identity of the hazard across versions of a department's return."""
        return self.keyed_as or f"{fingerprint(self.location)}|{fingerprint(self.hazard)}"

    @property
    def hazard_id(self) -> str:
        """隐患编号: a short, stable name of the hazard (its department and key, as first
        reported), for the forms that come back about it (复查验收表, 追责核查)."""
        return self.kept_id or self.own_id

    @property
    def own_id(self) -> str:
        """The 隐患编号 this row's own wording gives."""
        return hazard_id_of(self.id_name or self.department, self.key)

    @property
    def photos_lost(self) -> bool:
        """Pictures were pasted into its row and could not be read (`pictures_lost`)."""
        return pictures_lost(self.photos_unread, self.photo_hint)

    @property
    def answers_a_check(self) -> bool:
        """It answers a problem a check found and assigned (its 问题编号, and a 问题来源
        other than the department's own 自查)."""
        return bool(self.number) and self.source not in ("", SELF_CHECK)

    @property
    def reported_done(self) -> bool:
        """The department reports it 已完成 with its 销号时间 (closed unless a review is
        still owed). 已完成 without a 销号时间 is an error in the return, and the hazard
        stays open until the department gives the date."""
        return self.progress == DONE and self.closed_on is not None

    @property
    def closing_day(self) -> date | None:
        """Its 销号时间 as a closing: beside 已完成 only (beside 已完成50% it is an error of the
        return, no 销号: printed as a closing 5 days late on the archive page of a part 20
        days overdue, carried in --json: clerk trial 134)."""
        return self.closed_on if self.progress == DONE else None

    @property
    def closed(self) -> bool:
        """已销号: reported 已完成 with its 销号时间, and passed its 复查验收 when one is
        required."""
        return self.reported_done and self.review in ("", PASSED)

    @property
    def unreviewed(self) -> bool:
        return self.reported_done and self.review == UNREVIEWED

    @property
    def long_standing(self) -> bool:
        """Marked by the department 历史遗留, or, not to be done soon (its 整改时限 typed but
        not a date, or `LONG_TERM_DAYS` or more after its 检查时间), as needing interim or
        substitute measures (短期内难以整改, 补救措施 …)."""
        long_term = (
            self.deadline is None
            # typed but not a date (长期, 待定); left blank, it is not said to be long (a
            # short fix with a 补救措施 went to the leadership group: trial 183 AI3)
            or (self.deadline_is_default and any(f == "整改时限" for f, _ in self.errors_said))
            or (
                not self.deadline_is_default
                and self.checked_on is not None
                and (self.deadline - self.checked_on).days >= LONG_TERM_DAYS
            )
        )
        return any(marked_long_standing(t, long_term) for t in (self.remarks, self.measures))

    def days_overdue(self, as_of: date) -> int:
        due = self.due
        if self.reported_done and self.review != FAILED or due is None:
            return 0
        return max(0, (as_of - due).days)

    @property
    def completed_late(self) -> int:
        """The days past its 整改时限 (`due`) of a hazard reported done (not sent back by
        its review), on its 销号时间: completed late; 0 for one done in time, or not done."""
        due = self.due
        if self.reported_done and self.review != FAILED and due is not None:
            return max(0, (self.closed_on - due).days)  # type: ignore[operator]
        return 0

    def days_late(self, as_of: date) -> int:
        """The days past its 整改时限: of a hazard still open, on `as_of` (`days_overdue`);
        of one reported done, on its 销号时间 (`completed_late`) — which the register's 逾期天数
        showed as blank as one done in time (是否按期整改: clerk trial 50)."""
        return self.completed_late or self.days_overdue(as_of)

    def state(self, as_of: date) -> str:
        """已销号 / 待复查 / 逾期 / 未整改 / 整改中, as the register shows it (未整改 when the
        department says it has not started, 整改中 otherwise)."""
        if self.closed:
            return "已销号"
        if self.unreviewed:
            return UNREVIEWED
        if self.days_overdue(as_of) > 0:
            return "逾期"
        return NOT_STARTED if self.progress == NOT_STARTED else IN_PROGRESS


SharedPhotos = dict[str, list[HazardRow]]
"""A photo's name → the hazards showing it, of the photos shown on more than one."""


def shared_photos(hazards: Iterable[HazardRow]) -> SharedPhotos:
    """The photos shown as the evidence of more than one hazard (collect warned the rows,
    `PHOTO_REUSED`; the pages that show the photos say so too). The answers of one
    assigned problem (交办 to two departments, one 问题编号) share their photos rightly."""
    showing: dict[str, dict[tuple[str, str], HazardRow]] = {}
    for hazard in hazards:
        who = (
            ("", number_key(hazard.number))
            if hazard.answers_a_check
            else (hazard.department, hazard.hazard_id)
        )
        for name in hazard.photos:
            showing.setdefault(name, {}).setdefault(who, hazard)
    return {name: list(held.values()) for name, held in showing.items() if len(held) > 1}


def photo_also_on(hazard: HazardRow, name: str, shared: SharedPhotos) -> str:
    """“（与…的照片是同一张）” when photo `name` of `hazard` is shown on other hazards too
    ('' when not): a leader reading the report saw one photo prove two rectifications
    without a word (clerk trial 65)."""
    others = [
        h
        for h in shared.get(name, ())
        if (h.department, h.hazard_id) != (hazard.department, hazard.hazard_id)
        and not (h.answers_a_check and number_key(h.number) == number_key(hazard.number))
    ]
    if not others:
        return ""
    first = others[0]
    whose = "本部门" if first.department == hazard.department else first.department
    more = f"等 {len(others)} 项隐患" if len(others) > 1 else ""
    return f"（与{whose}“{first.where[:20]}”{more}的照片是同一张）"


class CheckedItem(BaseModel):
    """A row that says its 检查内容 was checked and nothing was found."""

    model_config = ConfigDict(frozen=True)

    item: str
    source_row: int


@dataclass(frozen=True)
class ReturnFile:
    """A returned file: on disk, or a member of a zip archive a department sent."""

    path: Path
    """The file on disk (for a member, the outermost archive)."""
    display: str
    """How the file is shown and recorded: its path as given on the command line (relative
    when it was relative), `archive.zip/member.xlsx` for a member, every character readable."""
    members: tuple[str, ...] = ()
    """For a member: its name in the archive (and in archives inside it), outermost first."""
    modified: float = 0.0
    """Modification time (seconds since the epoch): the tie-breaker between versions."""
    folders: tuple[str, ...] = ()
    """The folders (and archives) it sits in below the folder given, outermost first: whose
    return it is when neither its header nor its name says (职教中心学校/实训楼B.xlsx)."""

    @property
    def name(self) -> str:
        """The file's own name (a member's last path component, as the archive stores it:
        what it is found by)."""
        return PurePosixPath(self.members[-1]).name if self.members else self.path.name

    @property
    def readable_name(self) -> str:
        """The file's own name as people read it (a member's from `display`: an archive made
        by Chinese Windows stores GBK names zipfile reads as cp437)."""
        return (
            PurePosixPath(self.display.replace("\\", "/")).name if self.members else self.path.name
        )


class Review(BaseModel):
    """One row of a returned 复查验收表: the receiving office's verdict on a hazard."""

    hazard_id: str
    result: str
    """合格 or 不合格 ('' when not filled in)."""
    reviewer: str = ""
    reviewed_on: date | None = None
    closed_on: date | None = None
    """The 销号时间 the form was issued with: the closure the verdict is about."""
    typed: dict[str, str] = {}
    """The 复查结论 and 复查时间 as typed (通过, 2023.12.17), quoted as typed: a message
    about the cell quoted them as read (合格, 2023年12月17日), another as typed (trial 101)."""
    note: str = ""
    file: str = ""
    sheet: str = ""
    row: int = 0
    cell: str = ""
    """The 隐患编号 cell, for a problem about the row."""
    reviewed_cell: str = ""
    """The 复查时间 cell, for a problem about that date."""
    reviewer_cell: str = ""
    """The 复查人 cell."""
    note_cell: str = ""
    """The 复查意见 cell."""
    result_cell: str = ""
    """The 复查结论 cell (a problem about the verdict itself is marked there)."""
    signed_after: date | None = None
    """The day its form was made, when its 复查时间 is before it (`REVIEW_BEFORE_FORM`): the
    verdict was signed then or after."""


class PictureNotes(BaseModel):
    """What reading one return's pictures gave: the photos by (sheet, 0-based row), the
    picture cells to blank (sheet, row, column), the warnings (sheet, row, message).
    Kept by the photo library for each file read (`returns.photos`), so a file read
    before is not unzipped again."""

    rows: list[tuple[str, int, list[str]]] = []
    blank: list[tuple[str, int, int]] = []
    warnings: list[tuple[str, int, str]] = []


BY_ISSUE = "下发记录"
"""`ReturnForm.department_by` of a form counted by its record of whom it was issued to."""


def named_as(how: str, department: str) -> str:
    """How a form names `department`, in the notices' words: its header's 部门（章）, or —
    left blank — its file's or folder's name, or its record of whom it was issued to
    (`ReturnForm.department_by`): “表头是职教中心学校” was said of a blank header (clerk
    trial 151)."""
    if not how:
        return f"表头“部门（章）”是{department}"
    if how == BY_ISSUE:
        return f"表头“部门（章）”没有填写，是下发给{department}的表格"
    return f"表头“部门（章）”没有填写，{how}指向{department}"


class ReturnForm(ProblemCounts):
    """One returned form, read: who sent it, when, and what it says. A workbook holding
    the forms of several departments (one per sheet) gives one ReturnForm per department."""

    file: str
    """How the form is named to the clerk: the file's `display` name, followed by ［sheet］
    when the workbook holds several departments' forms. Unique within a collection."""
    source: ReturnFile | None = None
    """The file it was read from (None only for forms built by hand in tests)."""
    sha256: str
    modified: float
    """File modification time (seconds since the epoch): the tie-breaker between versions."""
    department: str = ""
    """The campaign unit the return belongs to ('' when it could not be identified)."""
    department_text: str = ""
    department_by: str = ""
    """What gave `department`, its header left blank: 文件名, 所在文件夹名, 所在压缩包名 or
    `BY_ISSUE` (the form's record of whom it was issued to); '' for its header."""
    named_for: str = ""
    """The department the file's name points to, when it is not the header's (the form
    of another department filled in: `merging.refiled` may set it aside); or, a file's name
    naming none (附件2.xlsx), the folder or archive it was sent in (`named_by`)."""
    named_by: str = "文件名"
    """What names `named_for`, in the messages' words: 文件名, 所在文件夹名 or 所在压缩包名."""
    named_plainly: bool = False
    """The file's name is `named_for`'s and nothing else (各二级学院-安全隐患自查整改清单), not
    a place called like it (职教中心实训楼工地检查): a form set aside is then told to that
    department (`Collection.set_aside`)."""
    named_in_file: str = ""
    """The department the file's own name names, by its name or an alias (学工处.xlsx), ''
    when none: of identical files, the one naming its department is kept (`merging`)."""
    pointed_to: str = ""
    """Its header blank, the department another sign of the form points to when it was
    counted as `department` by a third: the form's record of whom it was issued to (its
    file's or folder's name giving it to another), or the folder or archive it was sent in
    (its file's name, as issued, giving it to another: `pointed_by`). `merging.refiled`
    sets it aside when `department`'s own return is no version of it."""
    typed_over: str = ""
    """The department the form was issued to, its header typed over with another's name
    (`merging.Collection.borrowed_forms`)."""
    pointed_by: str = ""
    """What points to `pointed_to`: '' for the form's record, else 所在文件夹名 or 所在压缩包名."""
    held: bool = False
    """Set aside by `merging.refiled`: whose it is cannot be told (`reason` says why)."""
    head: str = ""
    form_date: date | None = None
    reporter: str = ""
    phone: str = ""
    sheet: str = ""
    hazards: Annotated[list[HazardRow], SkipValidation] = []
    """Built by `return_reading` (never validated again on the way: see `HazardRow`)."""
    checked: list[CheckedItem] = []
    date_cell: str = ""
    """Where its 日期 is (K3), for a problem about it found after reading."""
    column_letters: dict[str, str] = {}
    """The letter of each column of the form's table, by field ("number" → "B"): where a
    problem found after reading (about a row's 编号, 整改时限, 复查验收) is marked in the
    退回修改 copy."""
    numbers_headed_bianhao: bool = False
    """Its 问题编号 were read from a column headed 编号 holding numbers with letters (XJ-01):
    the department's own numbering (A-1, B-2) when none is a listed problem's
    (`answers.assign`)."""
    issued_with: frozenset[str] | None = None
    """The assigned problems (问题编号 as compared) the form was issued with, as its own
    交办问题清单 sheet lists them; None when it is not a form huitoukan issued (then which
    it was given is not known)."""
    issued_words: dict[str, tuple[str, str]] = {}
    """问题编号 (as compared) → the 部位 and 问题描述 each of `issued_with` was issued with:
    a problem given a 编号 since is known by them (`answers.issued_key`)."""
    empty_rows: list[int] = []
    """1-based rows of its table, between the header and the footer (and above any 以下空白),
    with nothing typed in them and no picture over them, the first few: where the 退回修改
    copy adds back the row of an assigned problem the department deleted (it was asked to
    fill in a row the copy did not have: clerk trial 184 AJ2)."""
    unanswered_rows: dict[str, tuple[int, str]] = {}
    """问题编号 (as compared, `number_key`) → (1-based row, its 问题编号 cell) of each
    assigned problem's row left as issued: where a 交办问题未反馈 is marked in the 退回修改
    copy (see `unanswered_place`)."""
    readable: bool = True
    reason: str = ""
    """Why the file could not be read, in one Chinese line."""
    reviews: list[Review] = []
    review_rows: dict[int, str] = {}
    """Of a 复查验收表: 1-based row → the 隐患编号 it reviews (a problem on a row is moot
    once another review of the hazard holds: `Reviewed.settled`)."""
    is_review: bool = False
    """A 复查验收表 the receiving office filled in, not a department's return."""
    reviews_put_off: list[date] = []
    """Of a 复查验收表: the 复查时间 of the verdicts not taken, being after the day judged
    (a command judging a later day from the register would miss them)."""
    not_a_return: str = ""
    """The title of the workbook huitoukan wrote that this is (全校隐患台账, 回头看工作汇报 …),
    found among the returns: not read as one."""
    date_unread: str = ""
    """What its 日期 cell holds that is no date (12.1 typed as a number): the versions are
    ordered by the file's time instead."""
    date_read_as: date | None = None
    """The one day its 日期 typed as a number can be (12.1: 12月1日, 12月10日 being after its
    file was saved): the day it was sent, though the 日期 is to be typed again as a date
    (clerk trial 237 CK1: dated by its file, it stood newer than its correction)."""
    sent_unknown: bool = False
    """Its 日期 typed but no date (`date_unread`), its file saved after the 报送截止: the
    day it was sent is not known (the file's day may be the day a clerk saved or copied
    it), so it is no first return's day, and the department is not said to be late on
    it (报送日期待核实) until the 日期 is mended (clerk trial 235 CI3)."""
    date_impossible: bool = False
    """Its 日期 cannot be right (before the campaign was issued: a year typed wrong): the
    versions are ordered by the file's time instead, and it is no return's date."""
    never_saved: bool = False
    """Still marked as huitoukan wrote it: no office suite has saved it since."""
    prefilled: bool = False
    """A form huitoukan wrote with the department's rows in it and none of its photos — a
    退回修改 copy, a follow-up round's form — as the department saved it."""
    unchanged: bool = False
    """A follow-up round's form saved with its table as issued, its 日期 blank and no photo
    pasted (`form_reading._sent_back_as_issued`): no answer to the round."""
    made_from: str = ""
    """Of a 退回修改 copy: the sha256 of the return it was made from (a later version of
    it, whatever their dates: `merging.after_their_originals`)."""
    photo_pasted: bool = Field(default=False, exclude=True)
    """A photo is pasted on the form's sheet, on a hazard's row or not (one on an empty row
    of a follow-up form saved otherwise as issued went without a word: trial 188 AN5)."""
    picture_cells: list[tuple[str, int, int]] = Field(default=[], exclude=True)
    """(sheet, 0-based row, column) of the cells whose value stands for a pasted picture
    (=DISPIMG(…), #VALUE!): blanked when read, and in the 退回修改 copy."""
    picture_notes: PictureNotes | None = Field(default=None, exclude=True)
    """On the first form of a file whose pictures were read (not recalled): what they
    gave, for the photo library's notes (written once for all files by `read_returns`)."""
    first_read: date | None = Field(default=None, exclude=True)
    """The day (as judged) a collect first read its file, when known: a version first read
    after another dated as late stood from then, not from its 日期 (`merging`)."""
    round_due: date | None = None
    """Of a follow-up round's form: the 报送截止 its 填报说明 asks for, which names the
    round it was issued in whatever 日期 the department typed."""
    first_round_form: bool = False
    """An issued form of the first round (its 填报说明 asks for it by the campaign's
    报送截止), as the department saved it — not a 退回修改 copy of one."""
    repeats_wording: bool = False
    """Two of its rows state one 部位 and 隐患问题 (pasted twice, or two assigned problems the
    list states alike): each is given a 隐患编号 of its own (`merging._numbered_apart`)."""

    def cell_of(self, field: str, row: int | None) -> str:
        """The A1 reference of `row`'s cell in the column of `field` ('' when unknown)."""
        letter = self.column_letters.get(field, "")
        return f"{letter}{row}" if letter and row else ""

    def unanswered_place(self, number: str) -> tuple[int | None, str]:
        """(1-based row, 问题编号 cell) of the row of problem `number` left as issued on
        this form; (None, '') when there is none."""
        return self.unanswered_rows.get(number_key(number), (None, "")) if number else (None, "")

    def issued_in_words(self, location: str, description: str) -> str | None:
        """The 问题编号 (as compared) of the assigned problem this form was issued with this
        部位 and 问题描述 (None: none was)."""
        words = (normalize_key(location), normalize_key(description))
        return next(
            (
                key
                for key, (place, what) in self.issued_words.items()
                if (normalize_key(place), normalize_key(what)) == words
            ),
            None,
        )

    @property
    def saved_on(self) -> date | None:
        """The day its file was last saved (None when not known)."""
        return date.fromtimestamp(self.modified) if self.modified else None

    @property
    def issued_to_another(self) -> str:
        """Its header blank, the department its record says it was issued to, when another
        sign counted it as `department` (`pointed_to` pointed to by the record); ''
        otherwise."""
        issued = "" if self.pointed_by else self.pointed_to
        return issued if issued != self.department else ""

    @property
    def sent_on(self) -> date | None:
        """The day it was sent: its 日期; for none, or one that cannot be right (a year
        typed wrong: 2023-01-02 for 2024-01-02), the file's own day (a return is saved, or
        received, the day it is sent)."""
        if self.date_read_as is not None:
            return self.date_read_as
        if self.date_impossible or self.form_date is None:
            return self.saved_on
        return self.form_date

    @property
    def holds_its_photos(self) -> bool:
        """The department's own file, every picture in it read: the photos it shows are all
        the ones it has (a 退回修改 copy or a follow-up form has none of the earlier ones)."""
        return not (
            self.prefilled
            or FEEDBACK_NAME in self.file
            or any(p.code is Code.PICTURE_SKIPPED for p in self.problems)
        )

    @property
    def as_issued(self) -> bool:
        """An issued form nobody filled in and saved: the rows it came with (the hazards
        a follow-up round carries, the assigned problems) are not an answer; nor are the
        主要负责人, 上报人 and 联系方式 a follow-up form gives (`fill_form`), its 日期 blank;
        nor a follow-up form saved with nothing changed in its table (`unchanged`)."""
        signed = self.head or self.reporter or self.phone
        never_filled = not signed or self.prefilled and self.form_date is None
        # (a photo pasted is an answer: LibreOffice keeps the form's times and its last
        # modifier, and a follow-up form with a photo pasted was 空白表, the photo lost:
        # clerk trial 187 AM6)
        pasted = self.photo_pasted or any(h.photos for h in self.hazards)
        return self.unchanged or self.never_saved and never_filled and not pasted

    @property
    def is_blank(self) -> bool:
        """The form as issued, nothing filled in: no hazard, no item checked, no 主要负责人,
        日期, 上报人 or 联系方式 (assigned problems left as issued are not an answer)."""
        return not (
            self.hazards
            or self.checked
            or self.head
            or self.form_date
            or self.reporter
            or self.phone
        )


ANOTHER_CAMPAIGN = "不是本次活动"
"""What the reason a form of another campaign (last year's, next year's) is refused says:
not a file that cannot be read, which every table called it (clerk trial 109)."""
NOT_TAKEN = frozenset({"无法读取", "其他活动表格"})
"""The 处理结果 of a file sent that was not summed up, unread or refused: its department
sent something (`FileOutcome.UNREADABLE`, `FileOutcome.OTHER_CAMPAIGN`)."""


class FileOutcome(StrEnum):
    USED = "采用"
    SUPERSEDED = "被新版本替代"
    DUPLICATE = "重复报送"
    REVIEW = "复查验收表"
    UNREADABLE = "无法读取"
    OTHER_CAMPAIGN = "其他活动表格"
    """Read, and refused: another campaign's form (last year's, next year's; its reason
    says `ANOTHER_CAMPAIGN`), which the tables called 无法读取 (clerk trials 109–111)."""
    HELD = "待核对"
    """Read, but whose it is cannot be told (another department's form filled in, no
    version of the return the header's department sent): not in the register."""
    UNKNOWN_DEPARTMENT = "部门无法识别"
    BLANK = "空白表"
    SKIPPED = "已跳过"
    NOT_A_RETURN = "非报表"


COVERED = frozenset(
    {
        FileOutcome.USED,
        FileOutcome.SUPERSEDED,
        FileOutcome.DUPLICATE,
        FileOutcome.REVIEW,
        FileOutcome.UNKNOWN_DEPARTMENT,
    }
)
"""The files a register is made of (what a new one must not have fewer of): returns and
复查验收表 — not a blank form, an unreadable file or one of the tool's own."""


class SkippedFile(BaseModel):
    """A file in the returns folder that is not a spreadsheet (listed, not read)."""

    file: str
    reason: str
