"""一问题一档案: one printable A4 page per assigned problem, for the 督导组 to read.

Each page tells one problem's whole story: where it came from (source, 编号, when found),
what was found and asked, each responsible department's answer (整改措施, 责任人,
整改时限, 完成情况, 销号时间, state), every returned version that mentioned it, the
evidence it should carry (photos attached to its answers, where there are some), and
lines for the signatures of the people answerable for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.files import on_paper, safe_file_name
from huitoukan.findings.answers import given_day
from huitoukan.forms.progress import progress_said
from huitoukan.letters.photos import BEFORE, Photo, before_photos, place_photos
from huitoukan.model.documents import ARCHIVE_TITLE
from huitoukan.model.findings import Finding, Mention, Part, PartState, number_key
from huitoukan.model.returns import (
    FAILED,
    NOT_STARTED,
    PASSED,
    STILL_THERE,
    HandoverNote,
    HazardRow,
    closing_said,
    due_day,
    note_key,
)
from huitoukan.xlsx.writer import Sheet, Style, Value, cells, row_height, write_workbook

ARCHIVE_FILE = "抽查档案.xlsx"
WIDTHS = (16, 24, 16, 24)
_PAGE_WIDTH = sum(WIDTHS)
EVIDENCE = ("整改前照片", "整改后照片", "整改方案或资金落实凭证", "复查验收记录")


@dataclass
class ArchivePage:
    finding: Finding
    as_of: date
    """The day its states are as of (a printed page kept them without a date: trial 61)."""
    parts: list[Part]
    mentions: list[Mention]
    photos: list[Photo] = field(default_factory=list)
    """The photos pasted into the answers, captioned."""
    given: Mapping[str, date | None] = field(default_factory=dict)
    """Each part (`answers.part_key`) → the day it was given, when after the forms were
    issued (`RegisterState.assigned_on`)."""
    unread: list[str] = field(default_factory=list)
    """The departments whose answer had photos pasted that could not be read (a .xls)."""
    belied: str = ""
    """The inspection's problem a crosscheck found it still there as (`CheckedList.belied`)."""
    handed: list[HazardRow] = field(default_factory=list)
    """The answers of departments it was taken from since (`Collection.handed_over`)."""
    notes: list[HandoverNote] = field(default_factory=list)
    """Its rows sent while it was away from their department (`Collection.handed_written`)."""
    away: Mapping[str, Sequence[tuple[date, date | None]]] = field(default_factory=dict)
    """When the list had taken each part from its department (`RegisterState.away`)."""

    def is_note(self, mention: Mention) -> bool:
        """`mention` is a row of `notes`: its department's words on it, sent meanwhile."""
        return any(
            (n.department, n.progress, n.measures)
            == (mention.department, mention.progress, mention.measures)
            for n in self.notes
        )


def _handed_said(row: HazardRow, note: bool) -> str:
    """What a department it was taken from had done about it: its word, its review; of a
    `note` sent while another had it, no 销号 (“已完成；销号时间” under 最后报送的反馈:
    clerk trial 162 N3)."""
    progress = (
        f"{row.progress}（移交说明，不算整改情况）" if note and row.progress else row.progress
    )
    said = [f"整改措施：{row.measures}" if row.measures else "", progress]
    if row.closed_on is not None and not note:
        said.append(f"销号时间 {_day(row.closed_on)}")
    if row.review in (PASSED, FAILED):
        who = "，".join(t for t in (row.reviewer, _day(row.reviewed_on)) if t)
        said.append(f"复查{row.review}" + (f"（{who}）" if who else ""))
        if row.review_note:  # (what the new department has to know: clerk trial 162)
            said.append(f"复查意见：{row.review_note}")
    return "；".join(s for s in said if s)


def _hands(page: ArchivePage) -> str:
    """When the list took the problem from a department and gave it to or back to one, by
    the days the collects saw it ('' when it never took it away): the page named the
    department of now alone (clerk trial 164)."""
    prefix = f"{number_key(page.finding.number)}|"
    parts = {k: v for k, v in page.away.items() if k.startswith(prefix) and v}
    if not parts:
        return ""
    events: dict[date, dict[str, tuple[int, str]]] = {}  # day → department → what
    for key, day in page.given.items():
        if key.startswith(prefix) and day is not None:
            department = key[len(prefix) :]
            events.setdefault(day, {})[department] = (1, f"交办{department}")
    for key, spans in parts.items():
        department = key[len(prefix) :]
        for start, end in spans:
            events.setdefault(start, {})[department] = (0, f"{department}不再负责")
            if end is not None:
                events.setdefault(end, {})[department] = (1, f"交回{department}")
    return "；".join(  # (who gives it up, then who is given it)
        f"{_day(day)} {'、'.join(said for _, said in sorted(what.values()))}"
        for day, what in sorted(events.items())
    )


def _day(value: date | None) -> str:
    return chinese_date(value) if value else ""


def reviewed_by(reviewer: str, day: date | None) -> str:
    """Who reviewed it and when, as a page prints them (either may be missing)."""
    return "　".join(t for t in (reviewer, _day(day)) if t)


def _reviewed(part: Part) -> str:
    return reviewed_by(part.reviewer, part.reviewed_on)


def _given_on(part: Part, given: Mapping[str, date | None] | None) -> date | None:
    """The day `part` was given, when after the forms were issued (`ArchivePage.given`)."""
    return given_day(given, part.number, part.department)


def _given_past_deadline(part: Part, given: date | None) -> bool:
    """`part` was given its department after its 整改时限 had passed."""
    return given is not None and part.deadline is not None and given > part.deadline


def _overall(parts: list[Part], given: Mapping[str, date | None] | None = None) -> str:
    """Whether the problem is 清零 (every department's part 已销号), and if not, whose part
    is where — what the 督导组 asks first."""
    if not parts:
        return "未明确责任部门，未交办"
    if all(p.state is PartState.CLOSED for p in parts):  # 清零, and whether in time
        late = [said for p in parts if (said := _said_late(p, _given_on(p, given)))]
        return f"已清零（{'；'.join(late)}）" if late else "已清零"
    open_parts = [
        f"{p.department}逾期 {p.days_overdue} 天未反馈"
        if p.state is PartState.UNANSWERED and p.days_overdue
        else f"{p.department}{p.state.value}" + (f" {p.days_overdue} 天" if p.days_overdue else "")
        for p in parts
        if p.state is not PartState.CLOSED
    ]
    return f"未清零（{'；'.join(open_parts)}）"


def _late(part: Part, given: date | None = None) -> int:
    """Days a part was 销号 after its 整改时限 (0: in time, or not closed); given the
    department (`given`) after the 整改时限 had passed, after the day it was given
    (`due_day`: as the register, the report and status count; it was said to have closed
    it late by the days before it had the problem, clerk trial 136)."""
    due = due_day(part.deadline, given)
    if part.closed_on is None or due is None:
        return 0
    return max((part.closed_on - due).days, 0)


def _said_late(part: Part, given: date | None) -> str:
    """How late `part` was 销号, as the 整改状态 says it ('' in time)."""
    days = _late(part, given)
    if not days:
        return ""
    if _given_past_deadline(part, given):
        # (“交办后 1 天” read as time taken, not as late: clerk trial 140)
        how = "交回" if part.given_is_back else "交办"
        return f"{part.department}{how}时已过整改时限，自{how}之日起计逾期 {days} 天销号"
    return f"{part.department}超过整改时限 {days} 天销号"


def archive_sheet(campaign: Campaign, page: ArchivePage, name: str) -> Sheet:
    sheet = Sheet(name, list(WIDTHS), portrait=True, one_page=True)
    last = len(WIDTHS) - 1
    finding = page.finding

    def line(text: str, style: Style = Style.NOTE, height: float | None = None) -> int:
        fitted = row_height([text], [_PAGE_WIDTH], line=15)
        # every cell under the merge styled: a bordered band keeps its right edge
        row = sheet.add(cells([text, *[""] * last], style), max(height or 0, fitted or 0) or None)
        sheet.merge(row, 0, last)
        return row

    def field_row(label: str, value: Value, label2: str = "", value2: Value = None) -> None:
        if label2:
            values: list[Value] = [label, value, label2, value2]
            row = sheet.add(cells(values), row_height(values, WIDTHS))
        else:
            values = [label, value, None, None]
            fitted = row_height([label, value], [WIDTHS[0], _PAGE_WIDTH - WIDTHS[0]])
            row = sheet.add(cells(values), fitted)
            sheet.merge(row, 1, last)

    line(f"{campaign.info.school}一问题一档案", Style.TITLE, 30)
    # the 统计日期 on a line of its own: after a long 问题编号 (one derived from its source)
    # the line wrapped where it ran out, 日 alone on the second (clerk trial 66)
    line(
        f"问题编号：{finding.number}　问题来源：{finding.source}　发现时间：{_day(finding.found_on)}"
        f"\n统计日期：{_day(page.as_of)}",
        height=33,
    )
    field_row("部位", finding.location)
    field_row("问题描述", finding.description)
    field_row("整改要求", finding.requirement)
    field_row(
        "整改时限", _day(finding.deadline), "责任部门", "、".join(finding.departments) or "未分配"
    )
    if hands := _hands(page):  # (the days the collects saw it: as status and 追责核查 count)
        field_row("责任部门变更", f"{hands}（按汇总时看到清单改动的日期）")
    state = _overall(page.parts, page.given)
    if finding.found_again:  # 已清零, and found still there since (clerk trials 150, 151)
        again = "、".join(map(str, finding.found_again))
        state += f"\n此后再次发现：{again}，另列为交办问题，重新整改情况见该问题"
    elif said := page.belied:  # found so by a crosscheck, not yet listed (clerk trial 152)
        state += (
            f"\n{said}检查时问题仍在，整改未到位（见追责核查）：列入交办问题清单后由部门重新整改"
        )
    field_row("整改状态", state)
    answered_in = _rows_by(page.mentions)
    # those it was taken from (handed over: said nowhere but in the 报送记录, clerk trial 159)
    before = [d for d in dict.fromkeys(m.department for m in page.mentions)
              if d not in finding.departments]  # fmt: skip
    for part in page.parts:
        sheet.add("")
        # 整改中 is the state of every part not yet done: a row saying 未整改 is said so
        said = NOT_STARTED if part.state is PartState.OPEN and part.progress == NOT_STARTED else ""
        line(f"{part.department}：{said or part.state.value}", Style.HEAD, 20)
        field_row("整改措施", part.measures or "（未反馈）")
        if part.remarks:  # 补救措施 of what cannot be rectified soon (the 督导组 asks: trial 42)
            field_row("备注", part.remarks)
        owner = part.owner or ("未填写" if part.file else "")  # as the notices and report say
        failed = part.review == FAILED  # its 已完成 and 销号时间 the department's word alone
        # (the page read 已完成 and a 销号时间 under 整改中: clerk trial 150)
        progress = progress_said(part.progress, part.progress_text)
        progress = f"{progress}（复查不合格）" if failed and progress else progress
        field_row("责任人", owner, "整改完成情况", progress)
        given = _given_on(part, page.given)
        given_late = _given_past_deadline(part, given)
        notes = []
        if late := _late(part, given):  # (given after the 整改时限: from that day)
            notes.append(
                f"逾期 {late} 天，自{'交回' if part.given_is_back else '交办'}之日起计"
                if given_late
                else f"超过整改时限 {late} 天"
            )
        if given is not None:  # the list gave it this department later (the first one's
            # answers are in the 报送记录)
            past = "，已过整改时限" if given_late else ""
            moved = f"；此前由{'、'.join(before)}负责，其反馈见报送记录" if before else ""
            if part.given_is_back:  # (“此时才交办” of one it had before: trial 165)
                field_row("交回时间", f"{_day(given)}（交办问题清单此时交回本部门{past}）")
            else:
                field_row("交办时间", f"{_day(given)}（交办问题清单此时才交办本部门{past}{moved}）")
        # a 销号 dated after the form that reports it: the register's 校验问题 says so, the
        # page showed it clean, 已清零 (clerk trial 108)
        sent = next((m.form_date for m in page.mentions if m.file == part.file), None)
        if part.closed_on and sent and part.closed_on > sent:
            notes.append(f"晚于报送该结果的表格的表头日期 {_day(sent)}，请核实")
        # the note on a line of its own (“（交办后 1 天” wrapped, its bracket alone on the
        # next line: clerk trial 139)
        closed = _day(part.closed_on) + (f"\n（{'；'.join(notes)}）" if notes else "")
        # why it is no 销号 (the page showed a blank where the department had written a
        # day: clerk trial 73)
        closed = closing_said(part.closing_flaw) or closed
        if failed and part.closed_on:
            closed = f"{_day(part.closed_on)}\n（部门所报，复查不合格，未销号）"
        field_row("整改时限", _day(part.deadline), "销号时间", closed)
        if part.days_overdue:
            field_row("逾期天数", part.days_overdue, "报送文件", on_paper(part.file))
        else:
            field_row("报送文件", on_paper(part.file))
        rows = answered_in.get((part.department, part.file), [])
        if len(rows) > 1 and part.row:  # (one row's story alone: clerk trial 132)
            which = "最后销号" if part.state is PartState.CLOSED else "进度最慢"
            field_row(
                "说明",
                # (no space to wrap at: “（第 7 / 行）” printed, clerk trial 135)
                f"{part.department}在这份报表中分 {len(rows)} 行反馈本问题（第"
                f"{'、'.join(map(str, rows))}行），以上是{which}的第{part.row}行，"
                "各行的整改措施见下方报送记录",
            )
        said = _with_note(part.review, part.review_note) if part.review else part.review_note
        if part.review == PASSED and part.closing_flaw == STILL_THERE:  # (shown beside
            # 须重新整改 without a word: clerk trial 114)
            said += "；之后检查时问题仍在，这次复查合格不再作数"
        if part.review in (PASSED, FAILED):
            field_row("复查验收", said, "复查人、时间", _reviewed(part))
        elif said:  # (a pass the department reopened since, kept in its note: trial 123)
            field_row("复查验收", said)
    for row in page.handed:  # (its passed review lost from the page: clerk trial 160)
        sheet.add("")
        # given back, its row sent meanwhile (“已移交（不再负责）” of the department the page
        # names responsible: trial 162)
        back = row.department in finding.departments
        said = "其他部门负责期间报送的移交说明（不算整改情况）" if back else "已移交（不再负责）"
        line(f"{row.department}：{said}", Style.HEAD, 20)
        # (its row as last sent: “移交前” of one sent after, handing it over: trial 161)
        noted = note_key(row) in {n.key for n in page.notes}
        field_row("最后报送的反馈", _handed_said(row, noted) or "（未反馈）")
    sheet.add("")
    line("报送记录（提及本问题的各版本）", Style.HEAD, 20)
    header = sheet.add(cells(["表头日期", "报送文件", "部门", "整改完成情况"], Style.HEAD))
    del header
    for mention in page.mentions:
        several = len(answered_in.get((mention.department, mention.file), [])) > 1
        values: list[Value] = [
            # (undated: by its file's day, as collect took it, not blank and first: trial 178)
            _day(mention.form_date)
            if mention.form_date or not mention.sent_on
            else f"{_day(mention.sent_on)}（按文件日期）",
            # (no space to wrap at: “第6 行” printed, clerk trial 134)
            f"{on_paper(mention.file)}（第{mention.row}行）" if several else on_paper(mention.file),
            # (a department it was taken from: unmarked beside the one now: trial 160)
            mention.department
            if mention.department in finding.departments
            # (now: the row may be of a day it had the problem, “已移交” read as of then:
            # clerk trial 166)
            else f"{mention.department}（现已移交）",
            f"{mention.progress}：{mention.measures}"
            if several and mention.measures
            else mention.progress,
        ]
        if page.is_note(mention):  # (read as its answer, given back: clerk trial 163 N5)
            values[-1] = f"{values[-1]}（移交说明，不算整改情况）"
        sheet.add(cells(values), row_height(values, WIDTHS))
    if not page.mentions:
        line("（各部门的报送中尚无对本问题的反馈）")
    sheet.add("")
    line("佐证材料", Style.HEAD, 20)
    # ticked: the review record, when every part passed its 复查验收 (which photo is 整改前
    # and which 整改后, and what other papers there are, only the clerk can tell)
    # (one an inspection found still there after it does not count: trial 115)
    reviewed = bool(page.parts) and all(
        p.review == PASSED and p.closing_flaw != STILL_THERE for p in page.parts
    )
    boxes = [f"{'☑' if item == EVIDENCE[-1] and reviewed else '□'} {item}" for item in EVIDENCE]
    if not reviewed and any(p.review == FAILED for p in page.parts):  # a record, of a
        # failure: the box left blank read as never reviewed (clerk trial 150)
        boxes[-1] = f"☑ {EVIDENCE[-1]}（不合格）"
    elif not reviewed and (
        was := [r.department for r in page.handed if r.review in (PASSED, FAILED)]
    ):
        # of a department that had it: printed above, the box blank (clerk trial 164)
        boxes[-1] = f"☑ {EVIDENCE[-1]}（{'、'.join(dict.fromkeys(was))}负责期间）"
    line("　".join(boxes), height=22)
    if page.photos:  # labelled by how the row stood when each was sent: to be checked
        line(
            f"报送的表格中附有照片 {len(page.photos)} 张（见下，按报送时该隐患的整改完成情况注明"
            "整改前或整改后，报已完成时一并附的几张注明“已完成时报送”）"
        )
    if page.photos and all(BEFORE in photo.caption for photo in page.photos):
        # 已清零 over 整改前 photos alone read as proven (clerk trial 77)
        line(f"附的照片都是{before_photos(page.finding.number)}，没有整改后照片", Style.HEAD)
    if page.photos and any(p.closing_flaw == STILL_THERE for p in page.parts):
        # captioned 整改后 as sent, over a closing the inspection belied (clerk trial 115)
        line(
            "注：部门报已销号后，检查时问题仍在：在那之前报送的“整改后”照片不能证明已整改到位",
            Style.HEAD,
        )
    placed = place_photos(sheet, page.photos)
    if page.unread:  # (“没有附照片” of a photo pasted into a .xls: clerk trial 144)
        line(
            f"（{'、'.join(dict.fromkeys(page.unread))}报送的表格中附的照片未能读取：请其重新粘贴"
            "照片后报送；.xls 格式的表格读不出照片，请另存为 .xlsx）"
        )
    elif not placed:
        line("（报送的表格中没有附照片）")
    sheet.add("")
    line("责任人（签字）：__________　　部门负责人（签字）：__________", height=30)
    line("复查人（签字）：__________　　日期：______年____月____日", height=30)
    return sheet


def _rows_by(mentions: Sequence[Mention]) -> dict[tuple[str, str], list[int]]:
    """(department, file) → the rows of the file in which the department answers the
    problem (two and more when it answers it in several rows)."""
    rows: dict[tuple[str, str], set[int]] = {}
    for mention in mentions:
        if mention.row:
            rows.setdefault((mention.department, mention.file), set()).add(mention.row)
    return {key: sorted(found) for key, found in rows.items()}


def _with_note(review: str, note: str) -> str:
    """合格（已补齐）; a note with brackets of its own after a colon (合格：已补齐（此前…）),
    not in brackets again (clerk trials 35, 37)."""
    if not note:
        return review
    return f"{review}：{note}" if "（" in note else f"{review}（{note}）"


def write_archive(
    path: Path,
    campaign: Campaign,
    as_of: date,
    findings: Sequence[Finding],
    parts: Sequence[Part],
    mentions: Sequence[Mention],
    photos: Mapping[str, list[Photo]] | None = None,
    given: Mapping[str, date | None] | None = None,
    unread: Mapping[str, list[str]] | None = None,
    belied: Mapping[str, str] | None = None,
    handed: Mapping[str, list[HazardRow]] | None = None,
    notes: Sequence[HandoverNote] = (),
    away: Mapping[str, Sequence[tuple[date, date | None]]] | None = None,
) -> None:
    """One sheet (one A4 page) per problem of `findings`, in their order, with the
    `photos` of each (by 编号), its states as of `as_of`, the day each part was given when
    after the forms were issued (`given`), the departments whose photos for it could not
    be read (`unread`, by 编号)."""
    by_number: dict[str, list[Part]] = {}
    for part in parts:
        by_number.setdefault(part.number, []).append(part)
    history: dict[str, list[Mention]] = {}
    for mention in mentions:
        history.setdefault(mention.number, []).append(mention)
    notes_of: dict[str, list[HandoverNote]] = {}
    for note in notes:
        notes_of.setdefault(number_key(note.number), []).append(note)
    sheets = []
    used: set[str] = set()
    for finding in findings:
        name = _sheet_name(finding.number, used)
        page = ArchivePage(
            finding,
            as_of,
            by_number.get(finding.number, []),
            # (of one day, in the order collect read them: `actions.collect.mentions`)
            sorted(
                history.get(finding.number, []), key=lambda m: m.form_date or m.sent_on or date.min
            ),
            list((photos or {}).get(finding.number, [])),
            given or {},
            list((unread or {}).get(finding.number, [])),
            (belied or {}).get(finding.number, ""),
            list((handed or {}).get(finding.number, [])),
            notes_of.get(number_key(finding.number), []),
            away or {},
        )
        sheets.append(archive_sheet(campaign, page, name))
    write_workbook(path, sheets, ARCHIVE_TITLE, "由 huitoukan sample 生成")


def _sheet_name(number: str, used: set[str]) -> str:
    """A worksheet name for a problem: its 编号, within Excel's 31 characters and rules."""
    base = safe_file_name(number).replace("[", "(").replace("]", ")")[:28] or "问题"
    name, n = base, 2
    while name in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name
