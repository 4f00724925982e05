"""`collect`: find the returns, read each behind its own safety net, merge, write the register."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from pydantic import BaseModel

from huitoukan.actions.findings import (
    findings_path,
    list_changed_since,
    load_findings,
    unnamed_list,
)
from huitoukan.background import Pending, in_background
from huitoukan.campaign import CAMPAIGN_FILE_NAME, Campaign, Unit
from huitoukan.campaign.loading import written_over_hint
from huitoukan.checks.header import sender_part
from huitoukan.errors import InputError
from huitoukan.files import (
    as_argument,
    display_name,
    followup_command,
    natural_key,
    open_in_office,
    sha256_of,
    xlsx_name,
)
from huitoukan.findings.answers import (
    assign,
    assignment_days,
    away_on,
    away_spans,
    excuse_belied_reviews,
    excuse_inspection_deadlines,
    given_anew,
    restate_deadlines,
)
from huitoukan.findings.changes import (
    as_withdrawn,
    carried_days,
    carried_parts,
    deadlines_moved,
    excuse_withdrawn,
    list_changes,
    listed_numbers,
    removed,
    renumbering,
)
from huitoukan.findings.reading import restated_as_they_stand
from huitoukan.forms.layout import REVIEW_FILE
from huitoukan.forms.progress import progress_said
from huitoukan.letters.notices import is_notice_file
from huitoukan.model.findings import UNFILLED, Finding, Mention, number_key
from huitoukan.model.problems import Code, Problem, Severity
from huitoukan.model.returns import (
    COVERED,
    DONE,
    FAILED,
    PASSED,
    STILL_THERE,
    FileOutcome,
    HandoverNote,
    HazardRow,
    ReturnForm,
    Review,
    SkippedFile,
    note_key,
    says_handed_over,
)
from huitoukan.register.crosschecks import (
    crosschecks_path,
    linked,
    recorded_crosschecks,
    relisted,
)
from huitoukan.register.evidence import (
    Evidence,
    evidence_folder,
    lay_out,
    library,
    refuse_blocked,
)
from huitoukan.register.history import first_read_known, restore_records, restored_version
from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
from huitoukan.register.merging import (
    EARLIER_REGISTER,
    Collection,
    Held,
    kept_verdicts,
    merge,
    reviews_saved_over,
    version_order,
)
from huitoukan.register.photo_reuse import sent_before_found
from huitoukan.register.reading import (
    is_register,
    read_register,
    register_coverage,
    trusted_coverage,
)
from huitoukan.register.record import (
    Coverage,
    RegisterState,
    files_read_by,
    hand_edited,
    last_written_state,
    missing_named,
    note_register,
    records_missing,
    registers_under,
    rounds_alone,
    written_coverage,
)
from huitoukan.register.reviews import apply_reviews, reviews_handed_over
from huitoukan.register.rounds import (
    earlier_round_forms,
    issued_rounds,
    kept_dates,
    rounds_path,
)
from huitoukan.register.shrinking import ShrinkingRegister
from huitoukan.register.status import StatusReport, build_status
from huitoukan.register.store import replace_register
from huitoukan.register.writing import write_register
from huitoukan.returns.batch import OnFile, read_one, read_returns
from huitoukan.returns.finding import (
    beside_return,
    find_returns,
    in_place_of_a_return,
    is_owner_file,
    on_disk,
    outermost_archive,
)
from huitoukan.returns.photos import PhotoStore, discard_altered, open_store

if TYPE_CHECKING:  # openpyxl, behind feedback, costs 0.15 s to import
    from huitoukan.letters.feedback import FeedbackCopy


@dataclass
class CollectResult:
    """What a collect run did (a dataclass: it holds openpyxl-free results and, only when
    asked for, the 退回修改 copies, whose module imports openpyxl)."""

    collection: Collection
    status: StatusReport
    register_file: Path | None = None
    backup: Path | None = None
    backup_said_the_same: bool = False
    """The register `backup` keeps said what collect wrote there (saved again unchanged by
    an office suite): nothing of its hazards and returns was lost."""
    backup_of_another: str = ""
    """The campaign the register `backup` keeps was made for, when another's (copied from
    its folder): not this campaign's, edited by hand (clerk trial 211 BK7)."""
    feedback: list[FeedbackCopy] | None = None
    """The 退回修改 copies written, when asked for."""
    evidence: Evidence | None = None
    """The photos laid out beside the register."""
    open_elsewhere: bool = False
    """The register was open in an office suite while it was replaced (its window shows
    the old one, and saving it there would write the old one back)."""
    due_moved_from: date | None = None
    """The 报送截止 the register it replaced was judged by, when campaign.toml has moved it."""
    rebuilt: bool = False
    """A register there rebuilt from the returns alone (--force): what only it held went."""
    unrecorded: bool = False
    """The register replaced had no record beside it (copied without its hidden files):
    whether it was changed by hand since it was written cannot be told."""
    restored: Path | None = None
    """The version of the register's history copied back over it, whose records collect
    took back (`restore_records`)."""
    library_gone: bool = False
    """The register's photo library (佐证材料/.照片库) was not there when collect began: the
    evidence folder moved, renamed or deleted."""
    photos_restored: int = 0
    """Photos of the library changed since they were laid out, kept anew as sent
    (`returns.photos.discard_altered`)."""
    rewritten: list[str] = field(default_factory=list)
    """Returns the register was made of that are not what they were then: written over in
    place (a 责任人 filled into a signed return went unsaid: clerk trial 107)."""
    list_not_named: str | None = None
    """交办问题清单.xlsx in the working folder, named nowhere (`unnamed_list`): its problems
    are not tracked."""
    review_left_out: int = 0
    """The verdicts filled into the 复查验收表 `review` wrote in the working folder, which
    this collect did not read (`filled_review_left_out`)."""
    given: list[str] = field(default_factory=list)
    """The folders and files collect was given, as typed."""

    @property
    def exit_code(self) -> int:
        return 1 if self.collection.errors else 0


class FileReport(BaseModel):
    file: str
    department: str
    form_date: date | None
    sha256: str
    outcome: FileOutcome
    hazards: int
    errors: int
    warnings: int
    reason: str
    head: str = ""
    """主要负责人, 上报人 and 联系方式 as the form's header and footer give them."""
    reporter: str = ""
    phone: str = ""


class CollectReport(BaseModel):
    """What `collect --json` prints: every file, every problem, and the status."""

    register_file: Path | None
    backup: Path | None
    files: list[FileReport]
    skipped: list[SkippedFile]
    problems: list[Problem]
    status: StatusReport

    @classmethod
    def of(cls, result: CollectResult) -> CollectReport:
        collection = result.collection
        counts = collection.counts_by_file()
        return cls(
            register_file=result.register_file,
            backup=result.backup,
            files=[
                FileReport(
                    file=f.file,
                    department=f.department,
                    form_date=f.form_date,
                    sha256=f.sha256,
                    outcome=collection.outcomes[f.file],
                    hazards=len(f.hazards),
                    errors=counts.get(f.file, (0, 0))[0],
                    warnings=counts.get(f.file, (0, 0))[1],
                    reason=f.reason,
                    head=f.head,
                    reporter=f.reporter,
                    phone=f.phone,
                )
                for f in collection.forms
            ],
            skipped=collection.skipped,
            problems=collection.problems,
            status=result.status,
        )


def _names(campaign: Campaign, finding: Finding | None) -> list[str]:
    """The names and aliases of `finding`'s departments."""
    units = [campaign.find_unit(d) for d in finding.departments] if finding else []
    return [name for unit in units if unit is not None for name in (unit.name, *unit.aliases)]


def _reopened_unsaid(
    problems: list[Problem], hazards: Sequence[HazardRow], notes: Sequence[HandoverNote]
) -> list[Problem]:
    """`problems` without the “请改回已完成” of a row answering a problem its department's
    handover note (`notes`) said 已完成 of: the note is no closing to go back to (trial 165)."""
    noted = {(number_key(n.number), n.department) for n in notes if n.progress == DONE}
    rows = {h.at for h in hazards if h.number and (number_key(h.number), h.department) in noted}
    return [p for p in problems if not (p.code is Code.REOPENED_IN_NEW_VERSION and p.at in rows)]


def _handed_over_unsaid(problems: list[Problem], handed: Sequence[HazardRow]) -> list[Problem]:
    """`problems` without those of rows handed over to another department with their
    problem (`Assignment.handed_over`): its row deleted, the old department was asked to
    put it back and close it (clerk trial 159)."""
    if not handed:
        return problems
    rows = {h.at for h in handed}
    return _vanished_unsaid([p for p in problems if p.at not in rows], handed)


def _vanished_unsaid(problems: list[Problem], rows: Sequence[HazardRow]) -> list[Problem]:
    """`problems` without the one saying a row of `rows` was deleted: handed over, or its
    department's answer still (`Assignment.kept_back`)."""
    gone = {
        (h.department, said)
        for h in rows
        for said in (h.where, h.number, *h.answered_as[:1])
        if said
    }
    vanished = (Code.VANISHED_HAZARD, Code.VANISHED_CLOSED)
    return [p for p in problems if not (p.code in vanished and (p.department, p.value) in gone)]


def mentions(
    findings: Sequence[Finding],
    collection: Collection,
    current: Sequence[HazardRow],
    before: Iterable[tuple[str, str]] = (),
    handed_over: Sequence[HazardRow] = (),
    said_before: Mapping[tuple[str, int], str] | None = None,
) -> list[Mention]:
    """Every version's rows that answer an assigned problem (a current row may have been
    recognised by its content, its 编号 lost) of their department, and the rows of it
    left as issued (未填写: the version said nothing of it); a file sent twice is one
    version. A row numbered as another department's problem is no answer to it — unless
    the department answered it as its own before (`before`, (问题编号, department) of the
    register's mentions: the list gave it another department since, and the archive page
    lost the first one's answers, clerk trial 136); nor is a row `handed_over` — but to the
    problem it answered (recognised by its words, it has no 编号 to say so: trial 162).
    A row known by nothing else is the problem the register's mentions took it for
    (`said_before`, (file, row) → 问题编号, of files unchanged since)."""
    known = {number_key(f.number): f.number for f in findings}

    def listed(number: str) -> str:  # the list's 编号 of one typed (“jb－01” handed over
        # was on no page)
        return known.get(number_key(number), number)

    owners = {f.number: {*f.departments} for f in findings}
    for answered_as, department in before:
        if listed(answered_as) in owners:
            owners[listed(answered_as)].add(department)
    # by sheet too: a workbook's second sheet's row 8 is not its first's (a phantom 整改中
    # answer on the archive page: clerk trial 118)
    recognised = {h.at: listed(h.number) for h in current if h.number}
    recognised.update((h.at, listed(h.answered_as[0])) for h in handed_over if h.answered_as)
    for h in handed_over:  # (one first collected after the list took it away: trial 163)
        if h.answered_as and listed(h.answered_as[0]) in owners:
            owners[listed(h.answered_as[0])].add(h.department)
    # an older version's row of the hazard a current row answers (as first worded): its
    # answer too (the 10月29日 version's answer read 未填写, the review of it beside it:
    # clerk trial 77)
    first_worded = {h.hazard_id: listed(h.number) for h in current if h.number}
    versions = {FileOutcome.USED, FileOutcome.SUPERSEDED}
    result: list[Mention] = []
    # oldest first, as merging orders a department's versions (the archive listed a
    # correction of one day before the version it replaced, by the files' names: clerk
    # trial 173 Z7)
    for form in sorted(collection.forms, key=version_order):
        if collection.outcomes.get(form.file) not in versions or not form.department:
            continue
        answered: set[str] = set()
        for row in form.hazards:
            number = recognised.get(row.at)
            if number is None and row.number:
                number = known.get(number_key(row.number))
            if number is None:
                number = first_worded.get(row.own_id)
            if number is None and row.number and said_before:  # (an old 编号 typed)
                number = said_before.get((form.file, row.source_row))
            if number and form.department in owners.get(number, ()):
                answered.add(number)
                result.append(
                    Mention(
                        number=number,
                        department=form.department,
                        file=form.file,
                        form_date=form.form_date,
                        progress=progress_said(row.progress, row.progress_text),
                        row=row.source_row,
                        measures=row.measures,
                        sent_on=form.sent_on,
                    )
                )
        for key in form.unanswered_rows:  # the 督导组 sees a version that left it blank too
            number = known.get(key)  # (not one answering it in a row of its own: it was
            # listed twice, answered and 未填写, clerk trial 77)
            if number and number not in answered and form.department in owners.get(number, ()):
                blank = Mention(
                    number=number,
                    department=form.department,
                    file=form.file,
                    form_date=form.form_date,
                    progress=UNFILLED,
                    sent_on=form.sent_on,
                )
                result.append(blank)
    return result


def _now_named(campaign: Campaign, department: str) -> str | None:
    """The name campaign.toml gives now a department (its own, when it is still so named;
    another, when it knows it by an alias only); None when it has none."""
    unit = campaign.named_unit(department)
    return unit.name if unit is not None else None


def _as_renamed(held: Held, renames: Mapping[str, str]) -> Held:
    """What the register held, its departments under the names they have now (their
    hazards keeping the 隐患编号 of the former)."""
    if not renames:
        return held

    def renamed(rows: Sequence[HazardRow]) -> list[HazardRow]:
        return [
            h._replace(department=renames[h.department], id_name=h.id_name or h.department)
            if h.department in renames
            else h
            for h in rows
        ]

    return held._replace(
        hazards=renamed(held.hazards),
        returned={renames.get(d, d): day for d, day in held.returned.items()},
        sent={renames.get(d, d): days for d, days in held.sent.items()},
        used={renames.get(d, d): sha for d, sha in held.used.items()},
        handed=renamed(held.handed),
    )


def _coverage_renamed(coverage: Coverage | None, renames: Mapping[str, str]) -> Coverage | None:
    """`coverage` with its departments under the names they have now."""
    if coverage is None or not renames:
        return coverage
    return coverage.model_copy(
        update={
            "departments": sorted({renames.get(d, d) for d in coverage.departments}),
            "returned": {renames.get(d, d): day for d, day in coverage.returned.items()},
            "unreadable": {renames.get(d, d): f for d, f in coverage.unreadable.items()},
        }
    )


def collect(
    campaign: Campaign,
    inputs: Sequence[Path],
    exclude: Sequence[Path] = (),
    *,
    as_of: date | None = None,
    on_file: OnFile | None = None,
    debug: bool = False,
    findings: Sequence[Finding] | Callable[[], Sequence[Finding]] = (),
    photos: PhotoStore | None = None,
    earlier: Callable[[Sequence[ReturnForm]], Held] | None = None,
    assigned_before: Mapping[str, date | None] | None = None,
    answered_before: Iterable[tuple[str, str]] = (),
    listed_before: Sequence[Finding] = (),
    linked: Mapping[str, str] | None = None,
    handed_before: Sequence[HandoverNote] = (),
    away_before: Mapping[str, list[tuple[date, date | None]]] | None = None,
    known_files: frozenset[str] = frozenset(),
    answered_rows: Mapping[tuple[str, int], tuple[str, str]] | None = None,
    first_read: Mapping[str, date] | None = None,
) -> Collection:
    """Every return under `inputs` read and merged (nothing written but the photos, kept
    in `photos` when given); dates after `as_of` (default today) are problems; rows
    matched to the assigned problems in `findings` — or in what it gives, when it is a
    function: it is called while worker processes read the returns (reading a list of
    20,000 problems takes as long as a few hundred returns). `earlier` gives, from the
    forms read, what the register held that they might lose (see `merge`);
    `assigned_before`, the parts of the assigned problems its last collect knew
    (`answers.assignment_days`), and the problems each department answered then
    (`answered_before`: see `mentions`), under the numbers and names of now
    (`listed_before`: the list it was made from, when it changed since); `linked`, the
    hazards the clerk's 对应自查 named as the problems of an inspection (`answers.assign`);
    `handed_before`, its rows handed over when written (`Collection.handed_written`), and
    when each part was away from its department (`away_before`: `RegisterState.away`);
    `known_files`, the sha256 of the files it was made of: their rows are no new handover
    notes; `answered_rows`, (file, row) → (问题编号, the file's sha256) of the rows it took
    for answers (see `mentions`); `first_read`, the day a collect first read each of them
    (`ReturnForm.first_read`)."""
    sources, skipped = find_returns(inputs, exclude)
    given: list[Sequence[Finding]] = []
    forms = read_returns(
        sources,
        campaign,
        as_of or date.today(),
        on_file,
        debug,
        photos,
        meanwhile=lambda: given.append(findings() if callable(findings) else findings),
    )
    findings = given[0]
    _note_first_read(forms, first_read or {}, known_files, as_of or date.today())
    held = earlier(forms) if earlier is not None else Held()
    departments = {number_key(f.number): frozenset(f.departments) for f in findings}
    collection = merge(
        forms,
        skipped,
        held,
        campaign.info.require_photo,
        departments,
        issued_on=campaign.info.issued_on,
    )
    named = partial(_senders, campaign=campaign)
    for index, passed in enumerate(collection.skipped):
        # a .rar, a .pdf naming one department: it sent something
        name = PurePath(passed.file)
        units = [] if is_notice_file(name.name) or is_owner_file(name.name) else named(name.name)
        archive = outermost_archive(name)
        if not units and archive is not None and archive != name:  # what the department sent
            units = named(archive.name)  # (its zip of zips too deep went unsaid: trial 150)
        if len(units) == 1:  # its scan said, not a photo sent beside it (trial 149)
            said = collection.skipped_of.get(units[0].name)
            if said is None or in_place_of_a_return(passed.file) > in_place_of_a_return(said):
                collection.skipped_of[units[0].name] = passed.file
        # a scan or a Word document beside the department's return (by its name, else its
        # folder or zip): nothing more is owed (the PDF asked for the .xlsx already taken:
        # clerk trial 148)
        units = units or next(filter(None, map(named, reversed(name.parts[:-1]))), [])
        taken = collection.current.get(units[0].name) if len(units) == 1 else None
        if taken is not None and taken.readable:
            collection.skipped[index] = beside_return(passed, units[0].name, taken.file)
    required = campaign.info.review_required
    # a 复查验收表 sent twice byte for byte counts once (its 不合格 twice in the history and
    # the notices: clerk trial 89)
    once = [f for f in forms if collection.outcomes.get(f.file) is not FileOutcome.DUPLICATE]
    kept = kept_verdicts(held, once, collection.hazards)
    collection.problems.extend(reviews_saved_over(kept, once, held, collection.hazards))
    if kept is not None:
        collection.verdicts_kept = [r.hazard_id for r in kept.reviews]
        once.insert(0, kept)
    reviewed = apply_reviews(
        collection.hazards, once, required, collection.current, campaign.info.receiver
    )
    reviewing = {f.file: f.review_rows for f in forms if f.review_rows}
    failed = {h.at for h in reviewed.hazards if h.review == FAILED}
    accepted = {h.at for h in reviewed.hazards if h.review == PASSED}
    merged = [
        p
        for p in collection.problems
        # a reviewed hazard reported open again: the review's to say, if anything
        if not (p.code is Code.REOPENED_IN_NEW_VERSION and p.at in reviewed.reopened)
        # a review row's fault, when another review of its hazard holds (a 复查时间 after
        # the day judged, before the form was made or given by =TODAY(), or a 销号时间 typed
        # over, is said all the same)
        and (
            p.code
            in (
                Code.FUTURE_DATE,
                Code.REVIEW_BEFORE_FORM,
                Code.TODAY_FORMULA,
                Code.REVIEW_CLOSURE_EDITED,
            )
            or reviewing.get(p.file, {}).get(p.row or 0) not in reviewed.settled
        )
        # a 销号 left out of the newer version, reviewed 不合格 since: the review says it
        and not (p.code is Code.VANISHED_CLOSED and (p.department, p.value) in reviewed.failed_gone)
        # 已完成 without a photo, reviewed: 不合格 is back to 整改中, as the review says; 合格
        # the receiving office accepted as it stood (its photo shown as another's too, on
        # the review form: not to be replaced any more, clerk trial 101)
        and not (p.code is Code.MISSING_PHOTO and p.at in failed | accepted)
        and not (p.code is Code.PHOTO_REUSED and p.at in accepted)
    ]
    hazards, problems = reviewed.hazards, [*merged, *reviewed.problems]
    # none recorded without a list: the one given later is taken as given with the forms
    # (every answer to it was overdue only from the day it was first used: its days before
    # forgiven, clerk trial 138's rule)
    assigned_before = carried_days(assigned_before, listed_before, findings, campaign.renamed)
    today = as_of or date.today()
    assigned_on = assignment_days(findings, assigned_before, today)
    away_before = carried_parts(away_before or {}, listed_before, findings, campaign.renamed)
    away = away_spans(assigned_on, findings, away_before, today)
    assigned_on = given_anew(assigned_on, findings, away, today)
    update: dict[str, object] = {"assigned_on": assigned_on if findings else None}
    update["away"] = away if findings else {}
    if findings:
        # (under the 编号 the list gave their problems since: a row sent with the old one
        # became its department's own hazard, the problem counted twice: trial 165)
        renumbered = renumbering(listed_before, findings)
        answered_before = {
            (renumbered.get(number_key(number), number), department)
            for number, department in answered_before
        }
        # rows written when the problem was another's: by what they say (saved again,
        # renamed or moved, one stays that: clerk trial 163)
        notes = {
            note.key: note._replace(number=renumbered.get(number_key(note.number), note.number))
            for note in handed_before
        }
        sent_on = {f.file: f.sent_on for f in forms}
        sha256 = {f.file: f.sha256 for f in forms}
        held_rows = {note_key(h) for h in (*held.hazards, *held.handed)}
        by_key = {number_key(f.number): f for f in findings}
        assignment = assign(
            findings,
            hazards,
            collection.current,
            assigned_on,
            answered_before,
            campaign.info.receiver,
            linked,
            {key: (note.number, note.source) for key, note in notes.items()},
            away,
            {key: note.seen_on for key, note in notes.items()},
            today,
        )
        written: list[HandoverNote] = []
        for h in assignment.handed_over:
            if not h.answered_as:
                continue
            if (note := notes.get(note_key(h))) is not None:
                written.append(note)
            # sent when away, or — in a file new to the register — saying it hands the
            # problem over or naming whom to, whenever it was sent (the day before the
            # collect that first saw the move, it was the department's 销号 once given back:
            # clerk trial 164; a fix of a file read before is none, whatever its words:
            # trial 165)
            elif away_on(
                away, h.answered_as[0], h.department, day := sent_on.get(h.source_file)
            ) or (
                sha256.get(h.source_file) not in known_files
                and note_key(h) not in held_rows
                and says_handed_over(h, _names(campaign, by_key.get(number_key(h.answered_as[0]))))
            ):
                written.append(HandoverNote(*note_key(h), *h.answered_as, day, today))
        # a note stays one once its department answers again (its version older: the
        # archive's 报送记录 read it as a plain 已完成, trial 165)
        written += notes.values()
        update["handed_written"] = list(dict.fromkeys(written))
        problems = _reopened_unsaid(problems, assignment.hazards, written)
        problems = _handed_over_unsaid(problems, assignment.handed_over)
        problems = _vanished_unsaid(problems, assignment.kept_back)
        owners = {
            number_key(f.number): (f.number, "、".join(f.departments))
            for f in findings
            if f.departments
        }
        problems += reviews_handed_over(once, assignment.handed_over, owners)
        update["handed_over"] = assignment.handed_over
        hazards, before_found = sent_before_found(
            assignment.hazards,
            findings,
            collection.photos_sent_on,
            collection.current,
            campaign.info.require_photo,
        )
        problems += [p for p in before_found if p.at not in failed | accepted]
        problems, hazards = excuse_inspection_deadlines(problems, hazards, findings)
        problems = excuse_belied_reviews(problems, hazards, findings, reviewed.undone)
        problems = [  # the row it was said to repeat answers another problem
            p
            for p in restate_deadlines(problems, hazards)
            if not (
                p.code is Code.REPEATED_ANSWER
                and (p.file, number_key(p.value)) in assignment.renumbered
            )
        ] + assignment.problems
        update["findings"] = list(findings)
        # (a row of a file unchanged since: under an old 编号, the list renumbered it since)
        said_before = {
            at: renumbered.get(number_key(number), number)
            for at, (number, sha) in (answered_rows or {}).items()
            if sha256.get(at[0]) == sha
        }
        update["mentions"] = mentions(
            findings, collection, hazards, answered_before, assignment.handed_over, said_before
        )
    if len(problems) != len(merged) or any(
        p is not q for p, q in zip(problems, merged, strict=True)
    ):
        keys = {file: natural_key(file) for file in {p.file for p in problems}}
        # those added since merging with their files, in the order of their rows (a review
        # form's were said in the order its verdicts were weighed: B6, B3, B5: trial 47)
        problems.sort(key=lambda p: (keys[p.file], p.row or 0))
    hazards = in_campaign_order(campaign, counted(hazards, problems))
    return collection.model_copy(update={**update, "hazards": hazards, "problems": problems})


def _note_first_read(
    forms: Sequence[ReturnForm], before: Mapping[str, date], known: frozenset[str], day: date
) -> None:
    """Set each form's `first_read`: the day recorded for its file, or `day` for a file no
    collect read before (unknown for one read before the day was recorded)."""
    for form in forms:
        if not form.sha256:
            continue
        recorded = before.get(form.sha256)
        if recorded is not None:
            form.first_read = min(recorded, day)
        elif form.sha256 not in known:
            form.first_read = day


def _senders(name: str, campaign: Campaign) -> list[Unit]:
    """The departments a file's or folder's `name` names as its sender's (the receiving
    office named as where it goes left out: 学工处自查情况-报保卫处.pdf)."""
    return campaign.units_in(sender_part(PurePath(name).stem, campaign))


def counted(hazards: Sequence[HazardRow], problems: Sequence[Problem]) -> list[HazardRow]:
    """`hazards` with their errors and warnings counted from the final `problems` of their
    rows: the register's 校验 column showed the counts made when the rows were read, though
    merging, reviews and the assigned problems had taken some away and added others since
    (a photo warning a 合格 review made moot, a missing 交办问题编号: clerk trial 42)."""
    counts: dict[tuple[str, str, int], tuple[int, int]] = {}
    for p in problems:
        if p.row is not None:
            errors, warnings = counts.get((p.file, p.sheet, p.row), (0, 0))
            error = p.severity is Severity.ERROR
            counts[p.file, p.sheet, p.row] = (errors + error, warnings + (not error))
    return [
        h._replace(errors=e, warnings=w)
        if (e, w) != (h.errors, h.warnings)
        and h.source_file
        and not h.vanished_from  # a row only an older version or the register holds: as kept
        else h
        for h in hazards
        for e, w in [counts.get((h.source_file, h.source_sheet, h.source_row), (0, 0))]
    ]


def in_campaign_order(campaign: Campaign, hazards: Sequence[HazardRow]) -> list[HazardRow]:
    """`hazards` by department in the campaign's order (附件 lists them so, status shows
    them so; the files' names are no order), a department's in the order read; departments
    the campaign does not list last. The register prints them so, and its record keeps
    them so: a 序号 read off the printed 隐患台账 (crosscheck's 对应自查) is the same row."""
    order = {unit.name: n for n, unit in enumerate(campaign.units)}
    return sorted(hazards, key=lambda h: order.get(h.department, len(order)))


_FOLLOWUP = followup_command(REGISTER_FILE)


def _followup_of(problems: Sequence[Problem], register: Path) -> list[Problem]:
    """`problems`, the follow-up round they advise issued from `register`, kept elsewhere
    than the working folder's (the command, typed as it stood, found no register, and
    collect as advised then wrote a second one: clerk trial 154)."""
    command = followup_command(register)
    return [
        p.model_copy(update={"message": p.message.replace(_FOLLOWUP, command)})
        if _FOLLOWUP in p.message
        else p
        for p in problems
    ]


def refuse_without_returns(collection: Collection, reviews_count: bool) -> None:
    """InputError when every file given is one of the tool's own (the register, the report
    …) — or, unless `reviews_count`, a 复查验收表: no department's return among them."""
    forms = collection.forms
    if forms and all(f.not_a_return or (f.is_review and not reviews_count) for f in forms):
        made = "、".join(dict.fromkeys(f.not_a_return or FileOutcome.REVIEW.value for f in forms))
        raise InputError(
            f"给出的文件（{made}）都不是部门报回的表格，未做任何改动："
            "请给出各部门报回表格所在的文件夹（如 回收）"
        )
    # the forms as issue wrote them, never opened: the folder they were sent from, given
    # by mistake, made a register of nobody's return without a word (clerk trial 145)
    issued = [
        f for f in forms if f.never_saved and collection.outcomes.get(f.file) is FileOutcome.BLANK
    ]
    if issued and all(f in issued or f.not_a_return for f in forms):
        raise InputError(
            f"给出的都是发放的空白表格（如 {issued[0].file}，还没有部门填写过），不是部门报回的"
            "表格，未做任何改动：请给出各部门报回表格所在的文件夹（如 回收）"
        )
    # every one another campaign's (last year's returns folder given): told once, not each
    # department to send again, nor an empty register written (clerk trial 211 BK10)
    others = [f for f in forms if collection.outcomes.get(f.file) is FileOutcome.OTHER_CAMPAIGN]
    if others and all(f in others or f.not_a_return or f in issued for f in forms):
        files = {f.file for f in others}
        raise InputError(
            f"给出的 {len(files)} 份表格都是其他活动的表格（如 {others[0].file}：{others[0].reason}），"
            "未做任何改动：是不是选错了文件夹？请给出本次活动各部门报回表格所在的文件夹（如 回收）"
        )


def _set_rounds_aside(register: Path) -> None:
    """Keep the follow-up rounds and crosschecks recorded beside `register` under another
    name (the register of the campaign they belong to is in its history), out of status's
    and the report's way."""
    for path in (rounds_path(register), crosschecks_path(register)):
        with contextlib.suppress(OSError):
            path.replace(path.with_name(f"{path.stem}.{date.today():%Y%m%d}往期.json"))


def _with_reviews(held: Held, state: RegisterState) -> Held:
    """`held` with what the register `state` holds of its 复查验收表: each hazard's last
    verdict (`kept_verdicts`), the forms read, their rows not taken and the verdicts kept
    already (`reviews_saved_over`)."""
    return held._replace(
        verdicts=[
            Review(
                hazard_id=h.hazard_id,
                result=h.review,
                reviewer=h.reviewer,
                reviewed_on=h.reviewed_on,
                closed_on=h.closed_on,
                note=h.review_note,
                file=EARLIER_REGISTER,
                signed_after=h.review_signed,
            )
            for h in state.hazards
            if h.review in (PASSED, FAILED) and h.reviewed_on is not None
        ],
        reviews=frozenset((*state.reviews, *state.reviews_refused)),
        refused=state.reviews_not_taken,
        kept_before=frozenset(state.verdicts_kept),
    )


def _sources_of(forms: Sequence[ReturnForm]) -> dict[str, tuple[str, str]]:
    """The files read (as the hazards' 来源文件 names them) → their sha256 and department:
    what a register records it was made of (`RegisterState.sources`)."""
    return {f.file: (f.sha256, f.department) for f in forms if f.readable and f.sha256}


def _changed(before: Mapping[str, tuple[str, str]], now: Mapping[str, tuple[str, str]]) -> set[str]:
    """The departments a file of `before` belonged to that is gone or different `now`."""
    return {
        department
        for file, (sha, department) in before.items()
        if file not in now or now[file][0] != sha
    }


def _set_aside_since(
    collection: Collection, sources: Mapping[str, tuple[str, str]], register: Path
) -> list[Problem]:
    """`collection.problems`, the error of each form set aside (another department's form
    filled in, `merging.refiled`) that the register counted before saying that its hazards
    leave the register now: they went without a word, the shrink check counting files and
    one coming (the department's own) as this one went (clerk trial 93)."""
    held = {file for file in sources if collection.outcomes.get(file) is FileOutcome.HELD}
    state = last_written_state(register) if held else None
    if state is None:
        return collection.problems
    counted = {file: [h for h in state.hazards if h.source_file == file] for file in held}
    said = []
    for p in collection.problems:
        hazards = counted.get(p.file) if p.code is Code.MISFILED_RETURN else None
        if hazards:
            p = p.model_copy(
                update={
                    "message": f"{p.message}；这份表格上次汇总时已按{hazards[0].department}计入"
                    f"台账（{len(hazards)} 项隐患），这次不再计入，台账中随之去掉（去掉前的台账"
                    "已存入历史版本）"
                }
            )
        said.append(p)
    return said


_BY_WORDS = (Code.ASSIGNMENT_MATCHED_BY_CONTENT, Code.ASSIGNMENT_MATCHED_WITHOUT_COLUMN)


def _answered_by_number(collection: Collection) -> set[tuple[str, str]]:
    """(`number_key`, department) of the answers whose rows carry their 问题编号 (not
    matched to a problem by their words)."""
    by_words = {(p.file, p.sheet, p.row) for p in collection.problems if p.code in _BY_WORDS}
    return {
        (number_key(h.number), h.department)
        for h in collection.hazards
        if h.number and h.at not in by_words
    }


def _forget_first_returns_set_aside(
    collection: Collection, sources: Mapping[str, tuple[str, str]]
) -> None:
    """A department's first return as the register recorded it forgotten when it was a form
    set aside now (another department's form, counted the department's before its own
    came): its own return, sent after the 报送截止, kept the form's day and was not late
    (clerk trial 95). So is the day the form was sent, among the days the department sent
    returns (no sheet showed it: the register, saved again unchanged, read as changed by
    hand, clerk trial 177 AD2); a return of its own of that day here counts it again."""
    for form in collection.forms:
        if collection.outcomes.get(form.file) is not FileOutcome.HELD or form.file not in sources:
            continue
        department = sources[form.file][1]
        if form.form_date and collection.returned_before.get(department) == form.form_date:
            del collection.returned_before[department]
        days = collection.sent_before.get(department)
        if days and form.sent_on in days:
            collection.sent_before[department] = [d for d in days if d != form.sent_on]


_SAID_ON_COLLECT = frozenset({Code.FINDING_NO_DEADLINE_COLUMN})
"""The 交办问题清单's warnings collect says too (the rest `issue` says, and the list's own
checks): what the register judges by."""
_SAID_WHEN_CHANGED = frozenset({Code.FINDING_RESTATED, Code.FINDING_SAME_ELSEWHERE})
"""The list's warnings collect says once after the list was edited: a problem listed twice
(a later inspection's sheet pasted in) was said only by the next `issue --followup`, after
its forms asked the department to answer it twice (clerk trials 113, 115)."""


def _closed_in(hazards: Sequence[HazardRow]) -> Callable[[Finding], bool]:
    """Whether a problem is 销号 by `hazards`: each of its departments answered it, every
    answer closed — or reopened only by the inspection that restates it (`STILL_THERE`)."""
    answers: dict[tuple[str, str], list[HazardRow]] = {}
    for h in hazards:
        if h.number:
            answers.setdefault((number_key(h.number), h.department), []).append(h)

    def closed(finding: Finding) -> bool:
        key = number_key(finding.number)
        given = [d for d in finding.departments if d]
        return bool(given) and all(
            (rows := answers.get((key, d)))
            and all(h.closed or h.closing_flaw == STILL_THERE for h in rows)
            for d in given
        )

    return closed


def filled_review_left_out(
    forms: Sequence[ReturnForm], campaign: Campaign, as_of: date, path: Path = Path(REVIEW_FILE)
) -> int:
    """The verdicts of the 复查验收表 at `path` (where `review` writes it), filled in since
    it was written, when none of `forms` read it: filled in where it was written and the
    collect given 回收 复查, its verdicts went untaken, nothing pointing at it (clerk trial
    121)."""
    here = path.resolve()
    if any(f.source is not None and f.source.path.resolve() == here for f in forms):
        return 0
    return verdicts_filled(path, campaign, as_of)


def _refuse_without_records(register: Path, force: bool) -> None:
    """InputError when `register`, one collect wrote, lacks the records kept beside it
    (`records_missing`); --force rebuilds it from the returns all the same."""
    missing = records_missing(register) if register.is_file() and not force else []
    if not missing:
        return
    raise InputError(
        f"{display_name(register)} 旁没有上次汇总留下的记录文件（是隐藏文件：{missing_named(register, missing)}），"
        "未做任何改动："
        + (
            "跟进轮（下发、截止日期）记在其中，没有它跟进轮的报送和催报情况会丢失。"
            if rounds_alone(register, missing)
            else "照片属于哪项隐患、跟进轮、被覆盖或移出的报表中的内容都记在其中，没有它们重新汇总会丢失。"
        )
        + "复制或移动工作文件夹时请连同隐藏文件一起（Windows 资源管理器中先勾选“查看 → 显示 → "
        "隐藏的项目”，或复制整个文件夹而不是其中的文件），把它们放回台账旁后再汇总；确要按现有的报表"
        "重建台账，加 --force"
    )


def _refuse_a_second_register(register: Path, campaign: Campaign, force: bool) -> None:
    """InputError when the working folder's register is to be made anew while the campaign's
    register is kept in a folder in it (its -o left out once: a second register began, none
    of the first's history in it, clerk trial 155), or in the folder above (run in 回收/
    with --campaign ../campaign.toml: trial 157); --force makes it all the same."""
    if force or register.exists() or register.name != REGISTER_FILE:
        return
    if register.parent.resolve() != Path.cwd().resolve():
        return
    name = campaign.info.name
    elsewhere = registers_under(Path(), name) or registers_under(Path(".."), name, depth=0)
    if elsewhere:
        shown = as_argument(elsewhere[0])
        raise InputError(
            f"本文件夹中没有 {REGISTER_FILE}，本次活动的台账在 {'、'.join(map(as_argument, elsewhere))}"
            f"（此前汇总到那里），未做任何改动：请加 -o {shown} 汇总到它；确要在这里另建一份新台账的"
            "（之前台账中的历史记录不会带过来），加 --force"
        )


def verdicts_filled(path: Path, campaign: Campaign, as_of: date) -> int:
    """How many verdicts were filled into the 复查验收表 `review` wrote at `path` since."""
    if not hand_edited(path):
        return 0
    return sum(len(f.reviews) for f in read_one(path, campaign, as_of) if f.is_review)


def collect_to_register(
    campaign: Campaign,
    inputs: Sequence[Path],
    register: Path | None,
    as_of: date,
    on_file: OnFile | None = None,
    debug: bool = False,
    feedback_dir: Path | None = None,
    force: bool = False,
    findings_file: Path | None = None,
) -> CollectResult:
    """Collect, write the register (unless `register` is None) and, given `feedback_dir`,
    the 退回修改 copies for departments whose returns have problems. A register covering
    more than this collection is not replaced without `force`. Rows are matched to the
    assigned problems of `findings_file` (or campaign.toml's list)."""

    list_said: list[Problem] = []
    list_warned: list[Problem] = []

    def read_list() -> list[Finding]:  # while the returns are read; its errors end the run
        found = load_findings(campaign, findings_file)
        if found is not None:  # (its other warnings are issue's: the list as the clerk made
            # it; every problem's deadline the default is the register's: clerk trial 100)
            list_said.extend(p for p in found.problems if p.code in _SAID_ON_COLLECT)
            list_warned.extend(p for p in found.problems if p.code in _SAID_WHEN_CHANGED)
        return found.findings if found else []

    listed = findings_path(campaign, findings_file)  # a missing list is said at once
    list_sha256 = sha256_of(listed) if listed is not None and listed.is_file() else ""
    exclude: list[Path] = []
    photos = None
    altered = 0
    library_gone = False
    restored = None
    existed = unrecorded = False
    if register is not None:
        # a folder given for the register (-o 汇总): the register in it, by its usual name
        register = register / REGISTER_FILE if register.is_dir() else xlsx_name(register)
        exclude = [
            register,
            *register.parent.glob(f"{register.stem}.备份-*{register.suffix}"),
            evidence_folder(register),
        ]
        if register.is_file() and not force and not is_register(register):
            # a return's or the list's name given to -o: written over (kept aside), the
            # department then 未报送, the list gone for every command (clerk trial 84)
            raise InputError(
                f"{display_name(register)} 已存在，但不是全校隐患台账（可能是部门报回的表格或"
                "交办问题清单），未做任何改动：请用 -o 指定台账的文件名（如 全校隐患台账.xlsx）；"
                "确要写在这个文件上的，加 --force（原文件另存为备份）"
            )
        _refuse_a_second_register(register, campaign, force)
        restored = restore_records(register) or restored_version(register)
        existed = register.is_file()
        unrecorded = existed and written_coverage(register) is None
        _refuse_without_records(register, force)
        refuse_blocked(register)
        library_gone = existed and not library(register).is_dir()
        altered = discard_altered(library(register))
        photos = open_store(library(register))
        for given in inputs:
            if given.is_file() and register.is_file() and given.samefile(register):
                raise InputError(
                    f"{given} 就是要写出的全校隐患台账，不是部门报回的表格，未做任何改动："
                    "请给出各部门报回表格所在的文件夹（如 回收）"
                )

    renames = campaign.renamed
    # what the register covered as written (read once: it is hashed to be trusted; saved
    # again unchanged, it is collect's still)
    recorded = trusted_coverage(register) if register is not None and register.is_file() else None
    fresh = recorded is not None and recorded.made_for_another(campaign.info.name)
    if register is not None and recorded is not None and fresh and not force:
        # last year's folder reused: refused as “fewer departments”, and --force, as it said,
        # carried last year's 报送截止 into this year's report (clerk trial 109)
        raise InputError(
            f"{display_name(register)} 是“{recorded.campaign}”的台账，而这次用的活动配置是"
            f"“{campaign.info.name}”，未做任何改动：新一次活动请在新的工作文件夹中开始"
            "（huitoukan init），或用 --out 写到另一个文件；确要按这次的报表重建这份台账"
            "（原台账保存在历史版本中），请加 --force" + written_over_hint()
        )
    if fresh:  # rebuilt with --force: nothing the other campaign's register recorded is
        # carried over (its 报送截止 read as moved, its list's changes said, its rounds
        # chased: clerk trial 110)
        recorded = None

    # the first returns its sheets give, rebuilt without its records (a working folder
    # copied without its hidden files: --force made 安全保卫处 逾期报送, trial 158); the
    # campaign they name, another's: last year's register copied over this year's was taken
    # for this year's, collect blamed the returns folder (clerk trial 211 BK7)
    first_returns = recorded.returned if recorded is not None else {}
    copied_from = ""
    on_sheets: RegisterState | None = None  # (read once: `_held_before` needs it too)
    if recorded is None and register is not None and register.is_file():
        with contextlib.suppress(InputError):
            on_sheets = read_register(register)
            if on_sheets.campaign not in ("", campaign.info.name):
                copied_from = on_sheets.campaign
            elif force:
                first_returns = {d: day for d, day in on_sheets.returned.items() if day}
    if register is not None and copied_from and not force:
        raise InputError(
            f"{display_name(register)} 是“{copied_from}”的台账（旁边没有它的汇总记录，可能是从"
            f"那次活动的文件夹复制来的），而这次用的活动配置是“{campaign.info.name}”，未做任何改动："
            "本次活动的台账以各部门报表为准，可以重建——确认这份台账放错了的，请加 --force 按这次的"
            "报表重建（这份台账另存备份）；要保留它，请先把它移到别处" + written_over_hint()
        )

    def held_before(forms: Sequence[ReturnForm]) -> Held:
        """`_held_before`, its departments under the names they have now; with `force`,
        the first returns recorded of the departments collected still, and the days their
        returns before those here were sent (without them, a follow-up round's answer was
        taken for a return sent before the round, its department chased: trial 157)."""
        held = _held_before(forms)
        if recorded is not None and not force:  # (which version was used, by its bytes)
            read = frozenset(sha for sha, _ in recorded.sources.values())
            held = held._replace(used=recorded.used, read=read)
        elif first_returns:  # rebuilt: the day a department still here first
            # returned stays (its file saved over since, it was made 逾期报送: trial 145),
            # unless a file here is dated before it (one missed before, said so: counted)
            earliest: dict[str, date] = {}
            for form in forms:
                if form.department and (day := form.sent_on) is not None:
                    earliest[form.department] = min(day, earliest.get(form.department, day))
            returned = {
                d: day
                for d, day in first_returns.items()
                if (first := earliest.get(renames.get(d, d))) is not None and day <= first
            }
            state = last_written_state(register) if register is not None else None
            sent = {
                d: earlier
                for d, days in (state.sent.items() if state is not None else ())
                if (first := earliest.get(renames.get(d, d))) is not None
                and (earlier := [day for day in days if day < first])
            }
            held = held._replace(returned=returned, sent=sent)
        return _as_renamed(held, renames)

    def _held_before(forms: Sequence[ReturnForm]) -> Held:
        """What the register holds of the departments whose files it was made of were
        written over or taken out since (so nothing they held is lost); nothing when every
        such file is here unchanged (the daily case: the register is not read), or with
        `force` (the clerk means the register to hold this collection only)."""
        if register is None or not register.is_file():
            return Held()
        if force:  # (but the verdicts of a 复查验收表 saved over, its file read still: the
            # --force a date's warning asked for dropped them, clerk trial 235 CI2)
            state = last_written_state(register)
            if state is None:
                return Held()
            held = _with_reviews(Held(), state)
            if not held.reviews or not held.reviews <= {f.file for f in forms}:
                return Held()
            return held
        now = _sources_of(forms)
        if recorded and recorded.sources and not recorded.remembering:
            if not _changed(recorded.sources, now):
                return Held((), recorded.returned, recorded.sent)
        state = last_written_state(register)  # not a hand edit, which collect undoes
        if state is None:  # a register of an earlier huitoukan, or its record deleted
            try:
                state = on_sheets or read_register(register)
            except InputError:  # not readable as a register: the shrink check says so
                return Held()
        changed = set(state.returned) | {h.department for h in state.hazards}
        if state.sources:
            changed = _changed(state.sources, now)
            changed |= {h.department for h in state.hazards if h.remembered}  # held again
            changed |= set(state.remembers)  # (what a file gone showed of them)
        # a file read now as another department's (renamed by the clerk, who saw whose it
        # was): nothing of it stays with the first, as taken out (held under both: trial 146)
        whose_now = dict(now.values())
        sent_by = {f: (sha, renames.get(d, d)) for f, (sha, d) in state.sources.items()}
        reread = {f for f, (sha, d) in sent_by.items() if whose_now.get(sha, d) not in (d, "")}
        held = Held(
            [h for h in state.hazards if h.department in changed and h.source_file not in reread],
            {d: day for d, day in state.returned.items() if day is not None},
            state.sent,
            handed=[
                h
                for h in state.handed_over
                if h.department in changed and h.source_file not in reread
            ],
        )
        return _with_reviews(held, state)

    listed_before: list[Finding] = []  # the list the register was written from, if other
    if (
        register is not None
        and listed is not None
        and not fresh
        and list_changed_since(listed, register, recorded, list_sha256)
    ):
        written = last_written_state(register)
        listed_before = written.findings if written is not None else []
    # (a new campaign's register: its crosschecks are set aside)
    crosschecks = recorded_crosschecks(register) if register is not None and not fresh else []
    # (of the register's history too: one deleted and collected again knew them all anew)
    first_read = {}
    if recorded is not None and not fresh:
        first_read = files_read_by(recorded)
    elif register is not None and not fresh:
        first_read = first_read_known(register)
    collection = collect(
        campaign,
        inputs,
        exclude,
        as_of=as_of,
        on_file=on_file,
        debug=debug,
        findings=read_list,
        photos=photos,
        earlier=held_before,
        assigned_before=recorded.assigned_on if recorded is not None else None,
        answered_before=recorded.answered if recorded is not None else (),
        answered_rows={
            (file, row): (number, recorded.sources[file][0])
            for file, row, number in recorded.answered_rows
            if file in recorded.sources
        }
        if recorded is not None
        else {},
        listed_before=listed_before,
        linked=linked(crosschecks),
        handed_before=recorded.handed_written if recorded is not None else (),
        away_before=recorded.away if recorded is not None else None,
        known_files=frozenset(sha for sha, _ in recorded.sources.values())
        if recorded is not None
        else frozenset(),
        first_read=first_read,
    )
    refuse_without_returns(collection, reviews_count=True)
    collection.problems.extend(list_said)
    if recorded is not None and register is not None:
        collection.problems[:] = _set_aside_since(collection, recorded.sources, register)
        _forget_first_returns_set_aside(collection, recorded.sources)
    # as status has them, under the departments' names now
    rounds = issued_rounds(register, renames) if register is not None and not fresh else []
    due = campaign.info.returns_due
    dues_before = recorded.dues_after_moving_to(due) if recorded is not None else []
    moved_from = (
        recorded.returns_due if recorded is not None and recorded.returns_due != due else None
    )
    used = {f.file for f in collection.current.values()}
    older = [
        f
        for f in collection.forms
        if f.readable and f.department and not f.is_review and not f.not_a_return
        and f.file not in used
    ]  # fmt: skip
    collection.problems.extend(kept_dates(rounds, collection.current, as_of, older))
    collection.problems.extend(
        earlier_round_forms(rounds, collection.current, collection.sent_days())
    )
    findings = collection.findings
    withdrawn = dict(recorded.withdrawn) if recorded is not None else {}
    deadlines_before = dict(recorded.deadlines_before) if recorded is not None else {}
    if listed_before and listed is not None:
        collection.problems.extend(
            list_changes(
                listed_before,
                findings,
                display_name(listed),
                as_of,
                renames,
                {(number_key(h.number), h.department) for h in collection.hazards if h.number},
                {(number_key(note.number), note.department) for note in collection.handed_written},
                collection.assigned_on,
                _answered_by_number(collection),
            )
        )
        collection.problems.extend(
            restated_as_they_stand(list_warned, findings, _closed_in(collection.hazards))
        )
        withdrawn.update(removed(listed_before, findings))
        for key, before in deadlines_moved(listed_before, findings).items():
            deadlines_before[key] = [*deadlines_before.get(key, []), (as_of, before)]
    listed_now = listed_numbers(findings)
    withdrawn = {n: what for n, what in withdrawn.items() if n not in listed_now}
    collection.problems[:] = as_withdrawn(collection.problems, withdrawn)
    collection.problems[:], collection.hazards[:] = excuse_withdrawn(
        collection.problems, collection.hazards, withdrawn
    )
    if (elsewhere := kept_elsewhere(register)) is not None:
        collection.problems[:] = _followup_of(collection.problems, elsewhere)
    collection.findings[:] = relisted(collection.findings, crosschecks)
    findings = collection.findings
    returned = collection.returned()
    unreadable = collection.unreadable()
    unreadable_why = collection.unreadable_reasons()
    set_aside = collection.set_aside()
    counted_for = collection.counted_for_header()
    not_taken = collection.reviews_not_taken()
    old_forms = collection.old_forms()
    borrowed = collection.borrowed_forms()
    form_errors = collection.form_errors()
    status = build_status(
        campaign,
        collection.hazards,
        returned,
        as_of,
        findings=findings,
        unreadable=unreadable,
        unreadable_why=unreadable_why,
        set_aside=set_aside,
        counted_for=counted_for,
        rounds=rounds,
        latest=collection.latest_dates(),
        sent=collection.sent_days(),
        dues_before=dues_before,
        reviews_not_taken=not_taken,
        old_forms=old_forms,
        borrowed=borrowed,
        form_errors=form_errors,
        assigned_on=collection.assigned_on,
        away=collection.away,
        crosschecks=crosschecks,
    )
    sources = _sources_of(collection.forms)
    refused = collection.refused_reviews()  # (nothing to keep of them)
    backup = None
    evidence = None
    if register is not None:
        state = RegisterState.model_construct(
            hazards=collection.hazards,
            returned=returned,
            signed=collection.signed(),
            files=collection.files_read,
            findings=list(findings),
            mentions=collection.mentions,
            unreadable=unreadable,
            unreadable_why=unreadable_why,
            old_forms=old_forms,
            borrowed=borrowed,
            form_errors=form_errors,
            set_aside=set_aside,
            counted_for=counted_for,
            latest=collection.latest_dates(),
            sent=collection.sent_days(),
            campaign=campaign.info.name,
            sources=sources,
            reviews=[
                f.file
                for f in collection.forms
                if collection.outcomes.get(f.file) is FileOutcome.REVIEW
                and f.file in sources
                and f.file not in refused
            ],
            uncounted=[
                f for f in sources if collection.outcomes.get(f) not in COVERED or f in refused
            ],
            reviews_refused=sorted(f for f in refused if f in sources),
            list_sha256=list_sha256,
            unread={f.file: f.sha256 for f in collection.forms if not f.readable and f.sha256},
            seen=sorted(
                {display_name(f.source.path) for f in collection.forms if f.source}
                | {on_disk(s.file) for s in collection.skipped}
            ),
            looked_in=[display_name(folder) for folder in inputs if folder.is_dir()],
            used={d: f.sha256 for d, f in collection.current.items() if f.sha256},
            first_read={
                **first_read,
                **{f.sha256: f.first_read for f in collection.forms if f.first_read},
            },
            written_on=date.today(),
            judged_on=as_of,
            reviews_put_off=sorted(d for f in collection.forms for d in f.reviews_put_off),
            returns_due=due,
            dues_before=dues_before,
            assigned_on=collection.assigned_on,
            withdrawn=withdrawn,
            deadlines_before=deadlines_before,
            reviews_not_taken=not_taken,
            remembers=collection.remembers,
            handed_over=collection.handed_over,
            handed_written=collection.handed_written,
            away=collection.away,
            verdicts_kept=collection.verdicts_kept,
            rounds_issued=len(rounds),
        )
        laying: list[Pending[Evidence]] = []
        sent = {n for f in collection.forms for h in f.hazards for n in h.photos}
        shown = [*collection.hazards, *collection.handed_over]  # (its photos the problem's)
        apart = {n for h in shown for n in h.photos} - sent  # the register's alone

        def write(tmp: Path) -> None:
            # the register will be replaced (its checks passed): the photos are laid out
            # in a copy of this process while it is written (off the critical path on two
            # cores; done here, after it, where there is no fork)
            laying.append(in_background(lambda: lay_out(register, shown, apart)))
            write_register(tmp, campaign, collection, status, photo_links=True)

        try:
            backup = replace_register(
                register,
                write,
                state,
                previous=lambda path: _coverage_renamed(register_coverage(path), renames),
                force=force,
                now_named=lambda old: _now_named(campaign, old),
            )
        except BaseException as error:  # not written (or Ctrl-C): nor are the photos
            for pending in laying:
                pending.cancel()
            if isinstance(error, ShrinkingRegister):  # what was wrong in the files it lacks
                error.problems = [
                    p
                    for form in collection.forms
                    if form.file in error.files
                    for p in form.problems
                    if p.severity is Severity.ERROR
                ]
            raise
        evidence = laying[0].result()
        if Path(CAMPAIGN_FILE_NAME).is_file():  # (a working folder: a status there finds it)
            note_register(register, Path())
        if fresh:  # the other campaign's follow-up rounds are not this one's to chase
            _set_rounds_aside(register)
    copies = None
    if feedback_dir is not None:  # openpyxl is imported only for this
        from huitoukan.letters.feedback import write_feedback

        copies = write_feedback(collection, feedback_dir, campaign.info.receiver)
    issued_again = {f.file for f in collection.forms if f.never_saved}
    reviewed_in = {f.file for f in collection.forms if f.is_review}
    return CollectResult(
        collection=collection,
        status=status,
        register_file=register,
        backup=backup,
        backup_said_the_same=recorded is not None and backup is not None,
        backup_of_another=copied_from,
        feedback=copies,
        evidence=evidence,
        open_elsewhere=register is not None and open_in_office(register),
        due_moved_from=moved_from,
        photos_restored=altered,
        library_gone=library_gone,
        rebuilt=force and existed,
        unrecorded=unrecorded,
        restored=restored,
        list_not_named=unnamed_list(campaign, findings_file),
        review_left_out=filled_review_left_out(collection.forms, campaign, as_of),
        given=[display_name(i) for i in inputs],
        rewritten=sorted(
            (
                file
                for file, (sha, _) in sources.items()
                if recorded is not None
                and file in recorded.sources
                and recorded.sources[file][0] != sha
                # (not a form blank then, filled in where it was: a shared folder, trial 207 BG8;
                # nor one issue wrote again over a return, a copy kept: trial 209 BI1)
                and file not in recorded.uncounted
                and file not in issued_again
                # nor a 复查验收表 corrected where it was, as its errors ask (told not to
                # overwrite it, and that its old verdicts stood: trial 221 BV2)
                and file not in reviewed_in
            ),
            key=natural_key,
        ),
    )
