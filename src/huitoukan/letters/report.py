"""`report`: one printable page set for the school's safety leadership group to read and sign.

An .xlsx laid out for A4 (it opens in Excel, WPS and LibreOffice alike, and prints
one page wide): the campaign and as-of date, the overall figures, the assigned problems
(交办问题) by source, the table per department with a chart, the overdue hazards, the
departments not returned, the long-standing problems, and lines for the leaders'
comments and signatures. A section heading never ends a page: it moves to the next
with the start of its table.
Every figure comes from the same `StatusReport` the register's 汇总 is built from.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.files import on_paper
from huitoukan.findings.crosscheck import Conclusion
from huitoukan.forms.progress import progress_said
from huitoukan.letters.archive import reviewed_by
from huitoukan.letters.photos import Photo, before_photos, place_photos
from huitoukan.model.documents import REGISTER_TITLE, REPORT_TITLE
from huitoukan.model.findings import Part
from huitoukan.model.returns import (
    FAILED,
    PASSED,
    STILL_THERE,
    UNREVIEWED,
    HazardRow,
    closing_said,
)
from huitoukan.register.crosschecks import CheckedList, still_there
from huitoukan.register.layout import HAZARD_SHEET, OVERDUE_SHEET
from huitoukan.register.status import HazardView, StatusReport, rate
from huitoukan.register.writing import (
    department_charts,
    merged_widths,
    place_charts,
    source_rows,
    table_rows,
)
from huitoukan.returns.workbooks import UnreadableWorkbook, read_workbook
from huitoukan.text import percent, printed_figures
from huitoukan.xlsx.writer import (
    DEFAULT_ROW_HEIGHT,
    PAGE_FILL,
    PAGE_HEIGHT,
    Percent,
    Sheet,
    Style,
    Value,
    broken_before,
    cells,
    row_height,
    title_height,
    write_workbook,
)

REPORT_FILE = "回头看工作汇报.xlsx"
REPORT_SHEET = "工作汇报"
WIDTHS = (6, 16, 14, 26, 15, 9, 9, 19)
"""Columns of every table of the report. 部门 fits a name of seven characters on a line
(国有资产管理处, 马克思主义学院 were rows of two lines, one empty: clerk trial 180 AG5)."""


def _deadline(hazard: HazardView | Part) -> Value:
    """Its 整改时限, marked when the campaign's default stands in for the department's, or
    when the department was given it after that day (its 逾期天数 counts from then)."""
    if hazard.deadline is None:
        return None
    if isinstance(hazard, HazardView) and hazard.deadline_is_default:
        return f"{chinese_date(hazard.deadline)}（活动默认）"
    if hazard.given_on is not None:  # (given back: “交回”, trial 165)
        given = "交回" if hazard.given_is_back else "才交办"
        return f"{chinese_date(hazard.deadline)}（{chinese_date(hazard.given_on)}{given}）"
    return hazard.deadline


def build_report_sheet(campaign: Campaign, report: StatusReport) -> Sheet:
    info = campaign.info
    # every page says what it belongs to: a page of the table or the signatures may be
    # read (and signed) apart from the first
    title = f"{info.school}关于{info.title}工作情况的汇报"  # not 学院学校安全…: trial 54
    header = f"{title}（统计日期：{chinese_date(report.as_of)}）"
    sheet = Sheet(REPORT_SHEET, list(WIDTHS), selected=True, page_header=header)
    last = len(WIDTHS) - 1

    def line(text: str, style: Style = Style.NOTE, height: float | None = None) -> None:
        text = printed_figures(text)
        fitted = row_height([text], [sum(WIDTHS)], line=15)
        # every cell under the merge styled: a bordered band keeps its right edge
        row = sheet.add(cells([text, *[""] * last], style), max(height or 0, fitted or 0) or None)
        sheet.merge(row, 0, last)

    def fits(points: float) -> bool:
        return sheet.page_room() * PAGE_FILL >= points

    def heading(text: str, following: float = DEFAULT_ROW_HEIGHT) -> None:
        """A section heading, on the next page when what must follow it on the same page
        (`following` points: a table's header and first row, a line) would not fit."""
        if not fits(DEFAULT_ROW_HEIGHT + 22 + following):
            sheet.break_page()
        sheet.add("")
        line(text, Style.HEAD, 22)

    def subheading(text: str, following: float) -> None:
        """A line introducing a table, with the table's first rows on its page (it was
        alone at a page's foot, its table on the next: clerk trial 229 CC9)."""
        if not fits(DEFAULT_ROW_HEIGHT + following):
            sheet.break_page()
        line(text, Style.HEAD)

    def table(
        header: Sequence[Value], rows: list[list[Value]], merged: tuple[int, int] | None = None
    ) -> None:
        """A table whose header row is printed again at the top of each page it runs onto."""
        head = cells(header, Style.HEAD)
        row = sheet.add(head, 28)
        if merged:
            sheet.merge(row, *merged)
        table_rows(sheet, head, rows, 28, merged)

    totals = report.totals
    printed = broken_before(title, sum(WIDTHS), "关于")  # (not “…的” over “汇报”: trial 186 AL9)
    line(printed, Style.TITLE, max(32, title_height(printed, sum(WIDTHS))))
    # a deadline moved after returns came late: the one first set said, and who was late
    # by it (extended, it left no trace: clerk trial 58)
    first_due = report.dues_before[0] if report.dues_before else None
    moved = (
        f"（原定{'、'.join(map(chinese_date, report.dues_before))}，已调整）" if first_due else ""
    )
    line(
        f"依据：{info.document_number}　报送截止：{chinese_date(info.returns_due)}{moved}"
        f"　统计日期：{chinese_date(report.as_of)}"
    )
    late = sum(d.late for d in report.departments)
    # late by its file's day alone, not said to be (clerk trial 235 CI3)
    unknown = sum(d.returned and d.first_returned_on is None for d in report.departments)
    late_before = sum(
        1
        for d in report.departments
        if first_due and d.first_returned_on is not None and d.first_returned_on > first_due
    )
    by_first = (
        f"；按原定报送截止 {chinese_date(first_due)} 逾期的 {late_before} 个" if first_due else ""
    )
    due = _before_due(report, "报送截止日期")
    reopened = sum(h.closing_flaw == STILL_THERE for h in report.undated)
    lacking = Counter(h.photo_lacking for h in report.accepted_without_photo)
    lapsed = sum(1 for h in report.put_off if h.put_off_late)
    misdated = len(report.undated) - reopened
    heading("一、总体情况")
    line(
        f"应报送部门 {totals.departments} 个，已报送 {totals.returned} 个（其中逾期报送 {late} 个{by_first}"
        f"{f'，报送日期待核实 {unknown} 个' if unknown else ''}），"
        f"{_not_yet(report)} {len(report.not_returned)} 个{f'（{due}）' if due else ''}。"
        f"排查隐患 {totals.hazards} 项"
        + (
            f"（其中自查发现 {totals.hazards - totals.answers - totals.unlisted_answers} 项，"
            f"交办问题整改反馈 {totals.answers} 项"
            + (
                f"，涉及交办问题 {totals.answered_problems} 个：交给几个部门的问题各部门各反馈一项"
                if totals.answered_problems < totals.answers
                else ""
            )
            + (
                f"；另有交办问题 {totals.found_first} 个是部门自查时已发现的，其反馈计入自查发现"
                if totals.found_first
                else ""
            )
            + (
                f"；另有 {totals.unlisted_answers} 项报为上级检查发现的问题，但交办问题清单中没有"
                "交给该部门（编号有误、已改交其他部门或已撤销）"
                if totals.unlisted_answers
                else ""
            )
            + "）"
            if totals.answers or totals.unlisted_answers or totals.found_first
            else ""
        )
        + f"，已销号 {totals.closed} 项，"
        f"未销号 {totals.open} 项，其中逾期 {totals.overdue} 项"
        + (
            f"（未销号的隐患中有 {totals.default_deadlines} 项没有填写整改时限或无法识别，"
            f"按活动默认整改时限 {chinese_date(info.default_deadline)} 计）"
            if totals.default_deadlines
            else ""
        )
        + f"；销号率 {percent(totals.closure_rate)}；"
        + (f"逾期完成（报已完成时已过整改时限）{totals.done_late} 项；" if totals.done_late else "")
        # (a put-off with its reason left every list, its days overdue unsaid: trial 140)
        + (f"逾期后推迟了整改时限的 {lapsed} 项（按新时限未计入逾期）；" if lapsed else "")
        + f"历史遗留问题 {len(report.long_standing)} 项"
        + (f"；部门报已完成、待复查验收的 {totals.unreviewed} 项" if totals.unreviewed else "")
        + (
            f"；复查验收不合格、已退回整改的 {len(report.review_failed)} 项"
            if report.review_failed
            else ""
        )
        + (  # the evidence asked for (status lists them; the report did not: trial 43)
            f"；报已完成但未附整改后照片的 {len(report.missing_photos)} 项"
            if report.missing_photos
            else ""
        )
        # settled by the review, but the archive lacks the photo (clerk trial 75); pasted and
        # not read is not “未附” (a .xls's: trial 145), nor shown on another hazard (229 CC5)
        + "".join(
            f"；复查合格、已销号但{how}的 {n} 项"
            for how, n in sorted(lacking.items(), key=lambda item: item[0] != "未附整改后照片")
        )
        + (  # counted open: why, as status says it (the report did not: trial 72)
            f"；报已完成但销号时间未填写或有误、按未销号计的 {misdated} 项" if misdated else ""
        )
        + (  # closed, then found still there: to rectify again (clerk trial 113)
            f"；已报销号、但之后上级检查时问题仍在、须重新整改的 {reopened} 项" if reopened else ""
        )
        + "。"
        + _assigned_sentence(report)
        + (campaign_ended(report) if report.ended_on else "")
    )
    if report.assigned:  # what 回头看 is about, first
        # 待复查 counted with 整改中 (not yet closed), so that every row adds up in 8 columns
        waiting = any(s.unreviewed for s in report.assigned)
        heading("交办问题整改情况（按问题来源）", (28 if waiting else 15) + 2 * DEFAULT_ROW_HEIGHT)
        in_progress = "整改中（含待复查）" if waiting else "整改中"
        sheet.add(
            cells(
                ["序号", "问题来源", "交办", "已销号", in_progress, "逾期", "未反馈", "清零率"],
                Style.HEAD,
            ),
            28 if waiting else None,
        )
        for by_source in source_rows(report):
            opened = int(by_source[4] or 0) + int(by_source[5] or 0)  # type: ignore[arg-type]
            values = [*by_source[:4], opened, *by_source[6:]]
            # (a long 问题来源 wrapped into a row one line high: clerk trial 201 BA4)
            sheet.add(cells(values), row_height(values, WIDTHS))
    # what inspections found the self-check missed: the report written after a crosscheck
    # said nothing of it (clerk trials 150, 151); one run after the report's day is not of it
    # (a report of 12月20日 told of a crosscheck of 12月22日: clerk trial 154)
    checks = [checked for checked in report.crosschecks if checked.checked_on <= report.as_of]
    if checks:
        sentences = [_crosscheck_sentence(checked) for checked in checks]
        heading(
            "上级检查核查情况（追责核查）",
            sum(row_height([s], [sum(WIDTHS)], line=15) or 15 for s in sentences),
        )
        for sentence in sentences:
            line(sentence)
    # the table on the page when it fits there, its chart after it (on the next page when
    # it must: moved with its chart, the table of 13 departments left the first page
    # nearly empty, and the chart was alone on the third: clerk trial 70)
    # (one longer than a page runs onto the next anyway, its header repeated: it left the
    # first page holding only 一、总体情况, 30 departments, clerk trial 179 AF10)
    whole = DEFAULT_ROW_HEIGHT * (len(report.departments) + 2)
    page = PAGE_HEIGHT[sheet.portrait] * PAGE_FILL - DEFAULT_ROW_HEIGHT - 22
    heading("二、各部门情况", whole if whole <= page else DEFAULT_ROW_HEIGHT * 7)
    header = cells(
        ["序号", "部门", "报送情况", "隐患数", "已销号", "未销号", "逾期", "销号率"], Style.HEAD
    )
    sheet.add(header)
    rows: list[list[Value]] = [
        [
            n,
            dept.department,
            dept.return_label(report.return_deadline_passed),
            dept.hazards,
            dept.closed,
            dept.open,
            dept.overdue,
            Percent(dept.closure_rate),
        ]
        for n, dept in enumerate(report.departments, start=1)
    ]
    total: list[Value] = [
        "",
        "合计",
        f"{totals.returned}/{totals.departments}",
        totals.hazards,
        totals.closed,
        totals.open,
        totals.overdue,
        Percent(totals.closure_rate),
    ]
    at = table_rows(sheet, header, [*rows, total], header_height=DEFAULT_ROW_HEIGHT)
    if report.old_form_senders:  # what its label means, where it is read (trial 111)
        line(
            f"注：{'、'.join(report.old_form_senders)}报来的是往期活动的表格（表头日期是本次的），"
            "已照常汇总，已请其核对其中的隐患和日期是不是本次自查的。"
        )
    place_charts(sheet, department_charts(report.departments, 4, at[:-1]))
    overdue_rows: list[list[Value]] = [
        [
            n,
            h.department,
            _cut(h.location),
            _numbered(h),
            _deadline(h),
            h.days_overdue,
            h.owner or "未填写",
            (h.progress or "未填写")
            + ("（复查不合格）" if h.review == FAILED else "")
            # 已完成 and overdue: its 销号时间 is what is missing (listed without a reason
            # among the overdue, it read as a mistake of the report: clerk trial 67)
            + (f"（{_why_open(h)}）" if h.undated else ""),
        ]
        for n, h in enumerate(report.overdue[:REPORT_OVERDUE], start=1)
    ]
    heading(f"三、逾期隐患（{len(report.overdue)} 项）", _first_rows(overdue_rows))
    if report.overdue:
        overdue_header = ["序号", "部门", "部位", "存在隐患问题", "整改时限", "逾期天数"]
        table(overdue_header + ["责任人", "整改完成情况"], overdue_rows)
        if len(report.overdue) > REPORT_OVERDUE:
            line(
                f"以上是逾期最久的 {REPORT_OVERDUE} 项，其余 {len(report.overdue) - REPORT_OVERDUE} "
                f"项见{REGISTER_TITLE}“{OVERDUE_SHEET}”工作表。"
            )
    else:
        line("无。")
    # a part of an assigned problem past its deadline and never answered is not a hazard
    # of anyone's list: the most overdue problem of the campaign went unsaid (trial 47)
    unanswered = _late_unanswered(report)
    if unanswered:
        subheading(
            f"另有交办问题已过整改时限、责任部门尚未反馈（{len(unanswered)} 项）：",
            _first_rows(unanswered),
        )
        table(["序号", "问题编号", "责任部门", "部位：问题描述", "整改时限", "逾期天数",
               "问题来源", "反馈情况"], unanswered)  # fmt: skip
    if report.done_late:  # counted in 一、 without saying which (clerk trial 132)
        late_rows: list[list[Value]] = [
            [
                n,
                h.department,
                _cut(h.location),
                _numbered(h),
                _deadline(h),
                h.days_late,
                _closed_on(h),
                "",
            ]
            for n, h in enumerate(report.done_late[:REPORT_OVERDUE], start=1)
        ]
        subheading(
            f"另有逾期完成的隐患（报已完成时已过整改时限，{len(report.done_late)} 项）：",
            _first_rows(late_rows, merged=(6, 7)),
        )
        table(["序号", "部门", "部位", "存在隐患问题", "整改时限", "超过天数", "销号时间", ""],
              late_rows, merged=(6, 7))  # fmt: skip
        if len(report.done_late) > REPORT_OVERDUE:
            line(
                f"以上是超过整改时限最久的 {REPORT_OVERDUE} 项，其余见{REGISTER_TITLE}"
                f"“{HAZARD_SHEET}”工作表（逾期天数一栏）。"
            )
    before = _before_due(report, "截止日期")
    heading(
        f"四、{_not_yet(report)}部门（{before + '，' if before else ''}{len(report.not_returned)} 个）"
    )
    said = {name: f"（{what}）" for name, what in report.unreadable_said.items()}
    said |= {  # the other department by name (trial 100)
        d.department: f"（报来的表格{d.set_aside_named()}，待核对）"
        for d in report.departments
        if d.department in report.set_aside_senders
    }
    said |= {
        d.department: f"（报来的表格{d.counted_named}，已计为{d.counted_header}报送）"
        for d in report.departments
        if d.department in report.counted_senders
    }
    line("、".join(f"{n}{said.get(n, '')}" for n in report.not_returned) or "无。")
    for round_ in report.rounds:  # the follow-up rounds (动态清零) not answered in time
        named = f"跟进轮（{chinese_date(round_.form_date)}下发，{chinese_date(round_.due)}截止）"
        if round_.overdue and round_.owing():
            line(f"{named}逾期未报送：{'、'.join(round_.owing())}。")
        if round_.answered_late:
            answers = [f"{d}（{chinese_date(day)}报来）" for d, day in round_.answered_late.items()]
            line(f"{named}逾期报送：{'、'.join(answers)}。")
    standing_rows: list[list[Value]] = [
        # the form asks for them in 备注, with the mark 历史遗留; many write them as 整改措施
        [
            n,
            h.department,
            _cut(h.location),
            _numbered(h),
            _deadline(h),
            h.owner or "未填写",
            _interim(h),
            "",
        ]
        for n, h in enumerate(report.long_standing, start=1)
    ]
    heading(
        f"五、历史遗留问题（{len(report.long_standing)} 项，报{info.leading_group}）",
        _first_rows(standing_rows, merged=(6, 7)),
    )
    if report.long_standing:
        standing_header = ["序号", "部门", "部位", "存在隐患问题", "整改时限", "责任人"]
        table(standing_header + ["补救或替代措施", ""], standing_rows, merged=(6, 7))
    else:
        line("无。")
    line(  # who reports, and signs for it, before the leaders read it
        f"汇报单位：{info.receiver}　　负责人（签字）：____________　　"
        f"汇报日期：{chinese_date(report.as_of)}",
        height=30,
    )
    # room for the leaders to write their comments by hand, with the line to sign on:
    # four lines, or as few as two where that keeps it on the page of what it signs (it
    # went alone onto a last page, the page before a third empty: clerk trial 237 CK15)
    comment_rows = next((n for n in (4, 3, 2) if fits(DEFAULT_ROW_HEIGHT + 22 + n * 22 + 30)), 4)
    heading("六、审阅意见", comment_rows * 22 + 30)
    for _ in range(comment_rows):
        line("", height=22)
    line(
        f"{info.leading_group}组长（签字）：____________　　　　日期：______年____月____日",
        height=30,
    )
    return sheet


def _crosscheck_sentence(checked: CheckedList) -> str:
    """What a crosscheck concluded, in a sentence: how many of each 结论, and the problems
    the self-check missed by number, with where the 追责 is worked out."""
    found = "、".join(
        f"{conclusion.value} {checked.counts[conclusion.value]} 个"
        for conclusion in Conclusion
        if checked.counts.get(conclusion.value)
    )
    missed = (
        f"自查未发现的问题：{'；'.join(checked.missed)}（应查出的部门和追责范围见 {checked.written}）。"
        if checked.missed
        else ""
    )
    if checked.unrectified:  # (counted, none named: clerk trial 239 CM4)
        missed += f"自查已发现但未整改到位的问题：{'；'.join(checked.unrectified)}。"
    days = checked.found_on
    when = ""
    if days:  # when the inspection was, beside the day it was checked against (trial 153)
        shown = "、".join(map(chinese_date, days[:3]))
        when = f"（{shown}{'等' if len(days) > 3 else ''}）"
    return (
        f"{chinese_date(checked.checked_on)}对照{'、'.join(checked.sources) or checked.file}"
        f"{when}发现的 {checked.problems} 个问题逐项核查自查台账：{found or '无'}。{missed}"
    )


def _closed_on(hazard: HazardView) -> Value:
    """Its 销号时间, marked when its review is still to come."""
    if hazard.state != UNREVIEWED or hazard.closed_on is None:
        return hazard.closed_on
    return f"{chinese_date(hazard.closed_on)}（{UNREVIEWED}）"


def _interim(hazard: HazardView) -> str:
    """补救或替代措施 of a long-standing hazard: its 整改措施 and its 备注 (once each)."""
    return _cut("；".join(dict.fromkeys(t for t in (hazard.measures, hazard.remarks) if t)))


REPORT_TEXT = 200
"""Characters of a hazard's text a table of the report shows: a text of 1,000 made a row
taller than a page, printed in part, the rows after it over the page's foot (clerk trial
147)."""


def _cut(text: str) -> str:
    """`text`, cut to REPORT_TEXT characters saying where it is whole."""
    return text if len(text) <= REPORT_TEXT else f"{text[:REPORT_TEXT]}…（全文见全校隐患台账）"


def _why_open(hazard: HazardView) -> str:
    """Why one reported 已完成 is open: its 销号时间, or an inspection after it."""
    if hazard.closing_flaw == STILL_THERE:
        return "销号后检查时仍在，须重新整改"
    return f"销号时间{hazard.closing_flaw or '未填写或有误'}"


def _numbered(hazard: HazardView) -> str:
    """存在隐患问题, after the 问题编号 of the inspection's problem it answers (if any)."""
    return _cut(f"【{hazard.number}】{hazard.hazard}" if hazard.number else hazard.hazard)


def _late_unanswered(report: StatusReport) -> list[list[Value]]:
    """The parts of assigned problems past their deadline that no return answers, the most
    overdue first."""
    late = sorted(
        report.late_unanswered(),
        key=lambda p: (-p.days_overdue, p.number, p.department),
    )
    return [
        [n, p.number, p.department, p.what, _deadline(p), p.days_overdue, p.source, "未反馈"]
        for n, p in enumerate(late, start=1)
    ]


def _first_rows(rows: list[list[Value]], merged: tuple[int, int] | None = None) -> float:
    """Points a table's header and first row take (a line saying 无 when it has none)."""
    if not rows:
        return DEFAULT_ROW_HEIGHT
    return 28 + (row_height(rows[0], merged_widths(WIDTHS, merged)) or DEFAULT_ROW_HEIGHT)


REPORT_OVERDUE = 50
"""How many overdue hazards the leaders' report lists, the longest overdue first (a return
of 300 rows made it 17 pages of them: clerk trial 125); the register lists them all."""

PHOTOS_SHEET = "整改照片"
PHOTO_WIDTHS = (14, 26, 14, 26)


def photos_sheet(
    campaign: Campaign,
    hazards: Sequence[tuple[HazardRow, list[Photo]]],
    as_of: date,
    found_since: Mapping[str, str] | None = None,
    still: Mapping[str, str] | None = None,
) -> Sheet:
    """One A4 page per hazard with photos: what it is, where it stands on `as_of` (its
    state in the 台账: 已完成 and a 销号时间 read as closed, of a hazard still 待复查 or done
    late, clerk trial 56), what was found of the problem it answers since
    (`found_since`: 问题编号 → `writing.found_since`; of a hazard found by its department,
    `still`: `crosschecks.still_there`), its photos."""
    sheet = Sheet(PHOTOS_SHEET, list(PHOTO_WIDTHS), portrait=True)
    last = len(PHOTO_WIDTHS) - 1
    page_width = sum(PHOTO_WIDTHS)

    def line(text: str, style: Style = Style.NOTE, height: float | None = None) -> None:
        text = printed_figures(text)
        fitted = row_height([text], [page_width], line=15)
        shown = cells([text, *[""] * last], style)  # bordered to its right edge
        sheet.merge(sheet.add(shown, max(height or 0, fitted or 0) or None), 0, last)

    def pair(label: str, value: Value, label2: str, value2: Value) -> None:
        values = [label, value, label2, value2]
        sheet.add(cells(values), row_height(values, PHOTO_WIDTHS))

    for n, (hazard, photos) in enumerate(hazards, start=1):
        if n > 1:
            sheet.break_page()
        title = f"{campaign.info.school}隐患整改照片（{n}）"
        line(title, Style.TITLE, 30)
        pair("部门", hazard.department, "部位", _cut(hazard.location))
        if hazard.number:  # an assigned problem's answer
            line(f"交办问题：{hazard.number}{(found_since or {}).get(hazard.number, '')}")
        elif found := (still or {}).get(hazard.hazard_id):  # (read 已销号 alone: CM4)
            line(f"上级检查：{found}检查时问题仍在，整改未到位")
        line(f"存在隐患问题：{_cut(hazard.hazard)}")
        line(f"整改措施：{_cut(hazard.measures)}")
        # (a blank beside 逾期 when the day written was not taken: clerk trial 144)
        closed = closing_said(hazard.closing_flaw) or hazard.closed_on
        pair(
            "整改完成情况", progress_said(hazard.progress, hazard.progress_text), "销号时间", closed
        )
        late = hazard.completed_late  # (open: 逾期 says it)
        failed = "（复查不合格）" if hazard.review == FAILED else ""
        pair(
            "台账状态",
            hazard.state(as_of) + failed + (f"（逾期 {late} 天完成）" if late else ""),
            "整改时限",
            hazard.deadline,
        )
        if hazard.review in (PASSED, FAILED):  # (who accepted it: trial 221 BV6)
            who = reviewed_by(hazard.reviewer, hazard.reviewed_on)
            note = f"，复查意见：{_cut(hazard.review_note)}" if hazard.review_note else ""
            line(f"复查验收：{hazard.review}（{who or '未写复查人、时间'}）{note}")
        # the hazard's latest version, not the file the photos came from (the photo pasted
        # in the first return was printed beside the follow-up's file: clerk trial 75)
        pair("最新报送文件", on_paper(hazard.source_file), "所在行", hazard.source_row)
        if hazard.before_photos_only:
            line(f"下列照片都是{before_photos(hazard.number)}，尚未附整改后照片", Style.HEAD)
        sheet.add("")
        where = f"{hazard.location}：" if hazard.location else ""
        going_on = f"隐患整改照片（{n}）续：{hazard.department}　{where}{hazard.hazard}"
        place_photos(
            sheet, photos, functools.partial(line, going_on, Style.HEAD, 20), fill_page=True
        )
    if not hazards:
        line("各部门报送的表格中没有附照片。")
    return sheet


def has_photo_pages(path: Path) -> bool:
    """Whether the workbook at `path` holds the 整改照片 sheet of a report written with them."""
    try:
        content = read_workbook(path, only=[PHOTOS_SHEET], inspect=False)
    except (UnreadableWorkbook, OSError):
        return False
    return any(grid.name == PHOTOS_SHEET for grid in content.sheets)


def write_report(
    path: Path,
    campaign: Campaign,
    report: StatusReport,
    photos: Sequence[tuple[HazardRow, list[Photo]]] | None = None,
    found_since: Mapping[str, str] | None = None,
) -> None:
    """The report; with `photos`, a 整改照片 sheet with a page for each hazard in it (and
    what was found since of the problem it answers, or of the hazard: `photos_sheet`)."""
    sheets = [build_report_sheet(campaign, report)]
    if photos is not None:
        there = still_there(report.crosschecks)
        sheets.append(photos_sheet(campaign, photos, report.as_of, found_since, there))
    write_workbook(path, sheets, REPORT_TITLE, "由 huitoukan report 生成")


def _assigned_sentence(report: StatusReport) -> str:
    if not report.assigned:
        return ""
    total = sum(s.assigned for s in report.assigned)
    closed = sum(s.closed for s in report.assigned)
    unanswered = sum(s.unanswered for s in report.assigned)
    late = len({p.number for p in report.late_unanswered()})
    shown = percent(rate(closed, total))
    unassigned = (
        f"另有 {len(report.unassigned)} 个尚未明确责任部门，未交办、未计入："
        f"{report.unassigned_named()}。"
        if report.unassigned
        else ""
    )
    belied = report.belied_unlisted()
    if belied:  # (清零率 100% beside “检查时问题仍在” of the same day: clerk trial 155)
        named = "；".join(f"{number} 在上级检查中发现问题仍在：{said}" for number, said in belied)
        closed_said = f"{closed} 个（其中 {named}，尚未重新交办）"
    else:
        closed_said = f"{closed} 个"
    return (
        f"各级检查交办问题 {total} 个，已清零 {closed_said}，清零率 {shown}；"
        f"尚未反馈 {unanswered} 个"
        + (f"（其中已过整改时限 {late} 个，见“三、逾期隐患”）" if late else "")
        + f"。{unassigned}"
    )


def campaign_ended(report: StatusReport, whose: str = "") -> str:
    """What is said once the campaign's last day has passed (`StatusReport.ended_on`), of
    the school or of the departments `whose` (status --department: “隐患已全部销号” read as
    the school's, clerk trial 131)."""
    ended = f"回头看活动已于 {chinese_date(report.ended_on)} 结束" if report.ended_on else ""
    totals = report.totals
    if not totals.returned:  # (“隐患已全部销号” of a campaign nobody answered: trial 88)
        return f"{ended}，{whose or '还没有部门'}{'尚未' if whose else ''}报送自查整改清单。"
    if not totals.hazards:
        return f"{ended}，{whose or '已报送的部门'}没有报告隐患。"
    if not totals.open:
        return f"{ended}，{whose + '的' if whose else ''}隐患已全部销号。"
    marked = len(report.long_standing)
    among = f"（其中历史遗留问题 {marked} 项）" if marked else ""
    return (
        f"{ended}，{whose}仍有 {totals.open} 项隐患未销号{among}：请督促整改到位，"
        "短期内难以整改的落实补救措施或替代性措施。"
    )


def summary_line(report: StatusReport, out: Path) -> str:
    """What the clerk is told once the report is written."""
    totals = report.totals
    return (
        f"工作汇报已写入 {out}：隐患 {totals.hazards} 项，已销号 {totals.closed}，逾期 "
        f"{totals.overdue}，{_not_yet(report)}部门 {len(report.not_returned)} 个。"
    )


def _before_due(report: StatusReport, named: str) -> str:
    """未到{named}, 今天是{named} on the day itself (it read as days to go: clerk trial 72),
    '' once it has passed."""
    if report.return_deadline_passed:
        return ""
    return f"今天是{named}" if report.as_of == report.returns_due else f"未到{named}"


def _not_yet(report: StatusReport) -> str:
    """未报送, or 尚未报送 before the 报送截止 has passed: the leaders read
    “未报送 6 个” on the day before the deadline as six departments in default (clerk trial
    70), as the register's 未报送 sheet and status say it."""
    return "未报送" if report.return_deadline_passed else "尚未报送"
