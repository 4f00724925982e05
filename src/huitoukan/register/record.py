"""The two records huitoukan keeps beside the register it writes.

- `.<name>.huitoukan`: the sha256 of the register as written, so a register a person
  edited since (saved in Excel, made by hand) is recognised and never silently replaced.
- `.<name>.state.json`: the hazards and returns the register holds, as JSON: `status`
  reads them from there (in a fraction of the time the sheets take) while the register
  is byte-for-byte what huitoukan wrote, and from the sheets otherwise.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.files import hide, sha256_of, write_atomically, write_record
from huitoukan.json_output import write_json
from huitoukan.model.findings import Finding, Mention
from huitoukan.model.returns import HandoverNote, HazardRow
from huitoukan.register.crosschecks import CheckedList
from huitoukan.register.rounds import IssuedRound, rounds_path


class RegisterState(BaseModel):
    """What status and the follow-up round need from a register: its hazards and who
    returned when (the 日期 of each department's first return)."""

    hazards: list[HazardRow]
    returned: dict[str, date | None]
    signed: dict[str, tuple[str, str, str]] = {}
    """Department → (主要负责人, 上报人, 联系方式) of its latest return: a follow-up form gives
    them again (left blank, 5 of 10 follow-up returns were sent back for them: clerk trial
    184 AJ3)."""
    files: int = 0
    """Returned files that could be read (every version counts)."""
    findings: list[Finding] = []
    """The assigned problems (交办问题清单) the register was made against."""
    mentions: list[Mention] = []
    campaign: str = ""
    """The campaign the register was made for (`CampaignInfo.name`; '' when not recorded)."""
    unreadable: dict[str, str] = {}
    """Department → its file that could not be read, when it has no readable return."""
    unreadable_why: dict[str, str] = {}
    """Department → why that file could not be read (empty when not recorded)."""
    old_forms: dict[str, str] = {}
    """`Collection.old_forms`: department → its return made on an earlier campaign's form."""
    borrowed: dict[str, tuple[str, ...]] = {}
    """`Collection.borrowed_forms`: department → (its return, whom that form was issued to,
    what counted it as the department's; a register of before recorded the first two)."""
    form_errors: dict[str, list[str]] = {}
    """`Collection.form_errors`: department → the errors of its return off its rows."""
    set_aside: dict[str, tuple[str, ...]] = {}
    """`Collection.set_aside`: department → (the form set aside its file's name gives it to,
    or its header, the department that form's header names, what named that one if not its
    header, whether it was issued to the department, whom else it was issued to: a register
    of before recorded the first two)."""
    counted_for: dict[str, tuple[str, ...]] = {}
    """`Collection.counted_for_header`: department → (the form named for it, counted as the
    return of the department its header names)."""
    latest: dict[str, date] = {}
    """Department → the 日期 of its latest return: whether it has answered a follow-up
    round (empty when not recorded)."""
    sent: dict[str, list[date]] = {}
    """Department → the days its returns were sent, oldest first: when it answered each
    follow-up round, and whether in time (empty when not recorded)."""
    rounds: list[IssuedRound] = []
    """The follow-up rounds issued from the register (not kept in it: `register.rounds`)."""
    crosschecks: list[CheckedList] = []
    """The crosschecks run against the register (not kept in it: `register.crosschecks`)."""
    register_file: str = ""
    """The register it was read from, as given ('' when read from returns; not kept in it):
    the collect said to the clerk names it (`layout.kept_elsewhere`)."""
    sources: dict[str, tuple[str, str]] = {}
    """The files read into it (as the hazards' 来源文件 names them) → their sha256 and
    department: a file written over or taken out since is told by it, and whose it was
    (empty when not recorded)."""
    reviews: list[str] = []
    """Those of `sources` that are 复查验收表 holding a verdict (their department is none)."""
    uncounted: list[str] = []
    """Those of `sources` the register is not made of (a blank form, one of the tool's own,
    a 复查验收表 not filled in): a collect without them leaves nothing out (one `collect .`
    read the 发放 folder's forms, and every collect after it was refused for leaving them
    out: clerk trial 121)."""
    reviews_refused: list[str] = []
    """Those of `sources` that are 复查验收表 read with none of their verdicts taken: one
    saved over a form the register counted is no review form lost (its verdicts the
    register holds stay; “少了报送文件” was said, and the --force it offered dropped them:
    clerk trial 234 CH1)."""
    list_sha256: str = ""
    """The sha256 of the 交办问题清单 file it was made against ('' when none, or not
    recorded): one replaced since by a copy of an older file time is still told (trial 120)."""
    unread: dict[str, str] = {}
    """The files found that could not be read (as named then) → their sha256: one put
    right since, copied in whole keeping its old time, is told by it (clerk trial 108)."""
    used: dict[str, str] = {}
    """Department → the sha256 of the version its hazards were taken from: of versions one
    day, one saved again since takes its place only by what it says (trial 132)."""
    first_read: dict[str, date] = {}
    """The sha256 of each file read into it → the day (as judged) the collect that first
    read it ran: a corrected copy keeping the 表头日期 of the version it replaces stood from
    then (`ReturnForm.first_read`; empty when not recorded)."""

    seen: list[str] = []
    """Every file the collect that wrote it found where it was told to look (as named then;
    an archive by its own name), returns or not: a file put there since is told by it
    (empty when not recorded)."""
    looked_in: list[str] = []
    """The folders that collect was told to read (a file put into one of them that was
    empty then is told too)."""
    written_on: date | None = None
    """The day (by the computer's clock) the collect that wrote it ran (None when not
    recorded)."""
    judged_on: date | None = None
    """The day that collect judged (its --as-of, else the day it ran; None when not
    recorded)."""
    reviews_put_off: list[date] = []
    """The 复查时间 of the reviews that collect did not take, being after the day it judged:
    a command judging a day on or after one of them from the register counts without it."""
    returns_due: date | None = None
    """The 报送截止 its collect judged the returns by (None when not recorded)."""
    dues_before: list[date] = []
    """The campaign's earlier 报送截止, before campaign.toml moved it, oldest first: a
    deadline extended after returns came late leaves its trace (clerk trial 58)."""
    assigned_on: dict[str, date | None] | None = None
    """`Collection.assigned_on` (None when not recorded)."""
    withdrawn: dict[str, str] = {}
    """The problems taken off the 交办问题清单 since it was first collected: 问题编号 (as
    compared) → as listed (`findings.changes.removed`)."""
    deadlines_before: dict[str, list[tuple[date, date | None]]] = {}
    """问题编号 (as compared) → (the day a collect found its 整改时限 changed in the list, the
    整改时限 before), oldest first: the 追责核查 judges by the one of the inspection's day (a
    deadline extended after it wiped the lateness the inspection found: clerk trial 161)."""
    photos_shown: int = 0
    """Read from the register's sheets: the photos its 照片 column counts (which they are,
    only the record knows)."""
    reviews_not_taken: dict[str, list[int]] = {}
    """`Collection.reviews_not_taken`."""
    handed_over: list[HazardRow] = []
    """`Collection.handed_over`."""
    handed_written: list[HandoverNote] = []
    """`Collection.handed_written`."""
    away: dict[str, list[tuple[date, date | None]]] = {}
    """`Collection.away`."""
    remembers: list[str] = []
    """`Collection.remembers`: every collect reads the register's hazards of them (a photo
    of a version taken out, kept by the collect after, was dropped by the next, nothing
    changed: clerk trial 156)."""
    verdicts_kept: list[str] = []
    """`Collection.verdicts_kept`: every collect reads them from the register."""
    rounds_issued: int = 0
    """The follow-up rounds issued from the register when its collect ran: their record
    gone since is said (`records_missing`), not the rounds forgotten (clerk trial 158)."""

    def latest_fact(self) -> tuple[date, str] | None:
        """The latest date the register's content records (a return's 日期, a 检查时间,
        销号时间 or 复查时间), and whose it is: a status of an earlier day would count what
        came after it.
        A date after the day the register was written is not one, nor a hazard's date after
        the day its collect judged: it was said to be wrong then (a year typed wrong, on a
        day replayed with --as-of too), and must not stop every status until it is mended.
        (A 日期 after the day judged is a return sent after it: a replayed day counts it.)"""
        written = self.written_on or date.max
        judged = min(written, self.judged_on or date.max)
        days = [
            (d, f"{department}报表的日期")
            for department, d in self.returned.items()
            if d is not None and d <= written
        ]
        for hazard in self.hazards:
            days += [
                (d, f"{hazard.department}“{hazard.where[:20]}”的{what}")
                for d, what in (
                    (hazard.checked_on, "检查时间"),
                    (hazard.closed_on, "销号时间"),
                    (hazard.reviewed_on, "复查时间"),
                )
                if d is not None and d <= judged
            ]
        return max(days, key=lambda fact: fact[0], default=None)


class Coverage(BaseModel):
    """Who and what a register covers: enough to tell that a new one covers less."""

    departments: list[str]
    files: int
    sources: dict[str, tuple[str, str]] = {}
    """`RegisterState.sources`: kept in the small record, so that a collect whose files are
    all still there, unchanged, need not read the register's hazards."""
    reviews: list[str] = []
    """`RegisterState.reviews`: a collect without them drops their verdicts."""
    uncounted: list[str] = []
    """`RegisterState.uncounted`."""
    reviews_refused: list[str] = []
    """`RegisterState.reviews_refused`."""
    list_sha256: str = ""
    """`RegisterState.list_sha256`."""
    unread: dict[str, str] = {}
    """`RegisterState.unread`."""
    campaign: str = ""
    """`RegisterState.campaign`: a collect or a command of another campaign (run in last
    year's folder) is told so first."""
    remembering: bool = False
    """The register holds hazards whose file was written over or taken out, or what such a
    file alone showed of a hazard (`RegisterState.remembers`): a collect reads them from it."""
    returned: dict[str, date] = {}
    """`RegisterState.returned` (dated): each department's first return stays its first on
    every collect, after the file that brought it was written over, without reading the
    register's hazards."""
    sent: dict[str, list[date]] = {}
    """`RegisterState.sent`: the days of returns whose files were taken out stay too (a
    follow-up round's answer was taken for the return sent before the round: trial 157)."""
    rounds_issued: int = 0
    """`RegisterState.rounds_issued`."""
    unreadable: dict[str, str] = {}
    """`RegisterState.unreadable`: a department that went missing because its file can no
    longer be read is said to be."""
    unreadable_why: dict[str, str] = {}
    """`RegisterState.unreadable_why`: one whose file is another campaign's form is said to
    be (said 无法读取, the clerk would chase the departments for broken files: trial 119)."""
    judged_on: date | None = None
    """`RegisterState.judged_on`: the register's 统计日期, named in its history copy."""
    seen: list[str] = []
    """`RegisterState.seen`: the commands that read the register say what came since."""
    looked_in: list[str] = []
    """`RegisterState.looked_in`."""
    used: dict[str, str] = {}
    """`RegisterState.used`."""
    first_read: dict[str, date] = {}
    """`RegisterState.first_read`."""
    reviews_put_off: list[date] = []
    """`RegisterState.reviews_put_off`."""
    returns_due: date | None = None
    """`RegisterState.returns_due`."""
    dues_before: list[date] = []
    """`RegisterState.dues_before`."""
    withdrawn: dict[str, str] = {}
    """`RegisterState.withdrawn`."""
    deadlines_before: dict[str, list[tuple[date, date | None]]] = {}
    """`RegisterState.deadlines_before`."""
    assigned_on: dict[str, date | None] | None = None
    """`RegisterState.assigned_on`: which parts of the assigned problems are new in the
    next collect, and since when the others are."""
    answered: list[tuple[str, str]] = []
    """(问题编号, department) of `RegisterState.mentions`: a department's answers to a
    problem the list has given another since stay in the problem's history."""
    answered_rows: list[tuple[str, int, str]] = []
    """(file, row, 问题编号) of `RegisterState.mentions` in a row of their own: a row the
    register took for a problem's answer stays that while its file is unchanged (under an
    old 编号, in a version superseded, it was no answer once the list renumbered the
    problem: clerk trial 166 Q5)."""
    handed_written: list[HandoverNote] = []
    """`RegisterState.handed_written`."""
    away: dict[str, list[tuple[date, date | None]]] = {}
    """`RegisterState.away`."""
    latest_fact_on: date | None = None
    """The day of `RegisterState.latest_fact`: a command as of an earlier day is refused
    (and its 提示 that the register counts a later day would only precede the refusal)."""

    def made_for_another(self, campaign: str) -> bool:
        """Whether the register was made for another campaign than `campaign` (its
        `CampaignInfo.name`): last year's, in the folder reused (clerk trial 109)."""
        return self.campaign not in ("", campaign)

    def dues_after_moving_to(self, due: date) -> list[date]:
        """`dues_before` of the next register, judged by `due`: this one's own due added
        when `due` moves it."""
        before = [*self.dues_before, *([self.returns_due] if self.returns_due else [])]
        return list(dict.fromkeys(d for d in before if d != due))

    @classmethod
    def of(cls, state: RegisterState) -> Coverage:
        return cls(
            departments=sorted(state.returned),
            files=state.files,
            sources=state.sources,
            reviews=state.reviews,
            uncounted=state.uncounted,
            reviews_refused=state.reviews_refused,
            list_sha256=state.list_sha256,
            unread=state.unread,
            campaign=state.campaign,
            remembering=bool(state.remembers or state.verdicts_kept)
            or any(h.remembered for h in state.hazards),
            returned={d: day for d, day in state.returned.items() if day is not None},
            sent=state.sent,
            rounds_issued=state.rounds_issued,
            unreadable=state.unreadable,
            unreadable_why=state.unreadable_why,
            judged_on=state.judged_on,
            seen=state.seen,
            looked_in=state.looked_in,
            used=state.used,
            first_read=state.first_read,
            reviews_put_off=state.reviews_put_off,
            returns_due=state.returns_due,
            dues_before=state.dues_before,
            assigned_on=state.assigned_on,
            answered=sorted({(m.number, m.department) for m in state.mentions}),
            answered_rows=sorted({(m.file, m.row, m.number) for m in state.mentions if m.row}),
            handed_written=state.handed_written,
            away=state.away,
            withdrawn=state.withdrawn,
            deadlines_before=state.deadlines_before,
            latest_fact_on=fact[0] if (fact := state.latest_fact()) else None,
        )


class _Record(BaseModel):
    sha256: str
    coverage: Coverage | None = None


class _StateRecord(BaseModel):
    sha256: str
    state: RegisterState


def _record_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.huitoukan")


def records_missing(register: Path) -> list[str]:
    """The records collect keeps beside `register` (hidden files) that are not there: a
    working folder copied without its hidden files (Ctrl+A in Explorer) lost which photo is
    whose, and a collect there said the departments had replaced them (clerk trial 157);
    the follow-up rounds' too, when its last collect knew of one (trial 158)."""
    missing = [p for p in (_record_path(register), _state_path(register)) if not p.is_file()]
    written = written_coverage(register) if not missing else None
    if written is not None and written.rounds_issued and not rounds_path(register).is_file():
        missing.append(rounds_path(register))
    return [p.name for p in missing]


def missing_named(register: Path, missing: Sequence[str]) -> str:
    """`missing` (`records_missing`) as a refusal names them: with the follow-up rounds'
    record too, when it is not there either and whether there were rounds cannot be told
    (the record saying so is missing: the clerk came back a second time for it, trial 159)."""
    named = "、".join(missing)
    rounds = rounds_path(register)
    if _record_path(register).name in missing and not rounds.is_file():
        named += f"；发过跟进轮的，还有 {rounds.name}"
    return named


def rounds_alone(register: Path, missing: Sequence[str]) -> bool:
    """Of the records beside `register`, only the follow-up rounds' are `missing`: the
    refusal says what that one holds (it said photos and versions: clerk trial 160)."""
    return list(missing) == [rounds_path(register).name]


REGISTERS_NOTED = ".huitoukan.registers.json"
"""In a working folder: the registers collect wrote from it out of `registers_under`'s
reach (another folder), by their full paths."""

_DEPTH = 2


def registers_under(folder: Path, campaign: str | None, depth: int = _DEPTH) -> list[Path]:
    """The registers huitoukan wrote for `campaign` (None: for any) in `folder` and its
    folders `depth` deep (hidden ones and their history aside), by their records, and
    those `folder` notes it wrote elsewhere (`note_register`): where the last collect put
    it, the default register missing (forgotten once, the -o of a register kept elsewhere
    made a second one, its history none of the first's: clerk trials 155, 156)."""
    found = []
    for level in range(depth + 1):
        for record in sorted(folder.glob("/".join(["*"] * level + [".*.huitoukan"]))):
            inside = record.relative_to(folder).parts[:-1]
            if any(part.startswith(".") for part in inside):
                continue
            found.append(record.with_name(record.name[1 : -len(".huitoukan")]))
    found += [Path(p) for p in _noted(folder)]
    return [
        register
        for register in dict.fromkeys(found)
        if register.is_file()
        and (coverage := written_coverage(register)) is not None
        and (campaign is None or not coverage.made_for_another(campaign))
    ]


def _noted(folder: Path) -> list[str]:
    try:
        noted = json.loads((folder / REGISTERS_NOTED).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in noted if isinstance(p, str)] if isinstance(noted, list) else []


def note_register(register: Path, folder: Path) -> None:
    """Note in `folder`, the working folder, that collect wrote `register` there, when
    `registers_under` would not find it (in another folder)."""
    where = register.resolve()
    try:
        if len(where.relative_to(folder.resolve()).parts) <= _DEPTH + 1:
            return
    except ValueError:
        pass  # (not under it)
    noted = _noted(folder)
    if str(where) not in noted:
        write_record(folder / REGISTERS_NOTED, json.dumps([*noted, str(where)], ensure_ascii=False))


def _state_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.state.json")


def restored_note(register: Path) -> Path:
    """Beside a register copied back from its history: which version, till a collect
    writes it (`history.restore_records`)."""
    return register.with_name(f".{register.name}.restored")


def record_files(register: Path) -> tuple[Path, Path]:
    """The two records `write_records` keeps beside `register`."""
    return _record_path(register), _state_path(register)


def records_describe(
    register: Path, records: tuple[Path, Path] | None = None, digest: str = ""
) -> bool:
    """Both records (those beside `register`, or the copies `records` of them) are there
    and say what it holds, byte for byte (its sha256 `digest`, when known)."""
    written = {_written_sha(path) for path in records or record_files(register)}
    if len(written) != 1 or None in written or not register.is_file():
        return False
    return written == {digest or sha256_of(register)}


_WRITTEN_SHA = re.compile(rb'\{"sha256":"([0-9a-f]{64})"')


def _written_sha(record: Path) -> str | None:
    """The sha256 a record says its register had, from its head (a register's state is
    megabytes: read whole, when it is used)."""
    try:
        with record.open("rb") as handle:
            found = _WRITTEN_SHA.match(handle.read(80))
    except OSError:
        return None
    return found.group(1).decode() if found else None


def _record(register: Path) -> _Record | None:
    try:
        return _Record.model_validate_json(_record_path(register).read_bytes())
    except (OSError, ValidationError):
        return None


def edited_since_written(register: Path) -> bool:
    """True when `register` exists and is not byte-for-byte what huitoukan last wrote there."""
    if not register.exists():
        return False
    record = _record(register)
    return record is None or record.sha256 != sha256_of(register)


def hand_edited(register: Path) -> bool:
    """`register` was written by collect (its record says so) and changed since."""
    record = _record(register)
    return record is not None and register.is_file() and record.sha256 != sha256_of(register)


def recorded_coverage(register: Path) -> Coverage | None:
    """What `register` covers, as recorded when huitoukan wrote it, if it is unchanged since."""
    record = _record(register)
    if record is None or record.coverage is None or not register.exists():
        return None
    return record.coverage if record.sha256 == sha256_of(register) else None


def record_coverage(record: Path) -> Coverage | None:
    """The coverage a register's record file at `record` holds (one kept in its history)."""
    try:
        return _Record.model_validate_json(record.read_bytes()).coverage
    except (OSError, ValidationError):
        return None


def files_read_by(coverage: Coverage) -> dict[str, date]:
    """The sha256 of each file a register was made of → the day it was first read, as far
    as its `coverage` tells: recorded (`first_read`), else the day its collect judged, by
    which it had been read (a register written before the day was recorded)."""
    judged = coverage.judged_on
    read = {sha: judged for sha, _ in coverage.sources.values() if sha} if judged else {}
    for sha, day in coverage.first_read.items():
        read[sha] = min(day, read.get(sha, day))
    return read


def written_coverage(register: Path) -> Coverage | None:
    """What `register` covered when huitoukan last wrote it, whatever was done to it since."""
    record = _record(register)
    return record.coverage if record is not None else None


def recorded_state(register: Path) -> RegisterState | None:
    """The hazards recorded when huitoukan wrote `register`, if it is unchanged since."""
    record = _state_record(register)
    return record.state if record and record.sha256 == sha256_of(register) else None


def last_written_state(register: Path) -> RegisterState | None:
    """What collect last wrote to `register`, whatever was changed in it by hand since
    (collect carries the department's word forward, never a hand edit)."""
    record = _state_record(register)
    return record.state if record else None


def _state_record(register: Path) -> _StateRecord | None:
    try:
        return _StateRecord.model_validate_json(_state_path(register).read_bytes())
    except (OSError, ValidationError):
        return None


def write_records(register: Path, state: RegisterState | None) -> None:
    """Record what was just written to `register` (and, given, the state it holds)."""
    with contextlib.suppress(OSError):
        restored_note(register).unlink(missing_ok=True)  # (written anew: restored no more)
    digest = sha256_of(register)
    coverage = Coverage.of(state) if state is not None else None
    record = _Record(sha256=digest, coverage=coverage).model_dump_json()
    write_atomically(_record_path(register), lambda tmp: tmp.write_text(record, "utf-8"))
    hide(_record_path(register))
    if state is not None:
        record_state = _StateRecord(sha256=digest, state=state)

        def write_state(tmp: Path) -> None:
            with tmp.open("wb") as handle:
                write_json(record_state, handle, indent=None)

        write_atomically(_state_path(register), write_state)
        hide(_state_path(register))
