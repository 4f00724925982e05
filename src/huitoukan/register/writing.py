"""Writing the school-wide register 全校隐患台账.xlsx.

The register is derived data: every sheet is rebuilt from the collection on each
run. Written with `xlsx_writer` (chosen by measurement, see benchmarks/README.md);
every text from a return is an inline string, never a formula or a link (the only
links are the 照片 counts, to the department's evidence folder beside the register).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import cast

from huitoukan.background import in_background
from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.findings.answers import given_day
from huitoukan.forms.progress import progress_said
from huitoukan.model.documents import REGISTER_TITLE
from huitoukan.model.findings import Finding
from huitoukan.model.problems import Code
from huitoukan.model.returns import FileOutcome, HazardRow
from huitoukan.register.coverage import NOT_REPORTED, NOT_RETURNED, NOTHING_FOUND, coverage
from huitoukan.register.crosschecks import CheckedList, belied
from huitoukan.register.evidence import department_folder
from huitoukan.register.layout import (
    ASSIGNED_SHEET,
    COVERAGE_SHEET,
    FILE_COLUMNS,
    FILES_SHEET,
    HAZARD_SHEET,
    LONG_STANDING_SHEET,
    NOT_RETURNED_SHEET,
    OPEN_SHEET,
    OVERDUE_SHEET,
    PHOTOS_HEADER,
    PRINTED_FILE_COLUMNS,
    PRINTED_HAZARD_COLUMNS,
    PROBLEMS_SHEET,
    SUMMARY_DEPARTMENT,
    SUMMARY_FIRST_RETURN,
    SUMMARY_SHEET,
    UNREVIEWED_SHEET,
    hazard_columns,
    hazard_headers,
    hazard_values,
    hazard_widths,
    with_review,
)
from huitoukan.register.merging import Collection
from huitoukan.register.status import DepartmentSummary, StatusReport, rate
from huitoukan.xlsx.writer import (
    DEFAULT_ROW_HEIGHT,
    MAX_ROW_HEIGHT,
    PAGE_FILL,
    BarChart,
    Linked,
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

OVERDUE_TEXT_BUDGET = 24 * 1024 * 1024
"""Bytes of overdue rows' XML kept while the other hazard sheets are written (see
`write_register`): 20,000 rows or so; a city's 100,000 stay within 300 MB."""


def sheet_title(campaign: Campaign, name: str, as_of: date) -> str:
    """The title a register sheet prints above its table: what it is, and as of when."""
    return f"{campaign.info.school}全校隐患台账——{name}（统计日期：{chinese_date(as_of)}）"


def _titled(
    name: str,
    title: str,
    columns: Sequence[tuple[str, float]],
    print_columns: int | None = None,
    key: str = "",
) -> Sheet:
    """A sheet whose first row is `title` (over the printed columns), then its `key` (what
    its cells mean, when given), then the header row of `columns`; all repeat on every
    printed page."""
    titles = 2 if key else 1
    widths = [w for _, w in columns]
    sheet = Sheet(name, widths, header_row=titles, title_rows=titles, print_columns=print_columns)
    printed = sheet.widths[: print_columns or len(columns)]
    title = _fitted(title, sum(printed))
    sheet.add(cells([title], Style.TITLE), height=title_height(title, sum(printed)))
    sheet.merge(0, 0, len(printed) - 1)
    if key:
        _key(sheet, key, len(printed))
    sheet.add(cells([h for h, _ in columns], Style.HEAD), height=30)
    return sheet


def _fitted(title: str, width: float) -> str:
    """`title` as it prints across `width` columns: too wide for one line, its date goes
    below (the suites break a line anywhere: “……项目覆盖（统计日期” above “：2026年12月16日）”,
    clerk trials 79, 83); still too wide, what its sheet's name says in brackets goes on a
    line of its own (“跟进轮未反” above “馈 1 个）”: clerk trial 181 AH6), and wider still, the
    sheet's name on a line of its own, after the school's 全校隐患台账 (“…全校隐患台” above
    “账——项目覆盖”: clerk trial 186 AL9)."""
    one = title_height("", 1)
    if title_height(title, width) <= one:
        return title
    title = title.replace("（统计日期", "\n（统计日期")
    first, _, rest = title.partition("\n")
    head, dash, name = first.partition("——")
    if title_height(first, width) <= one or not (head and dash):
        return title
    bracket = name.find("（")
    said = [name[:bracket], name[bracket:]] if bracket > 0 else [name]
    if bracket > 0 and title_height(f"{head}{dash}{said[0]}", width) <= one:
        return "\n".join([f"{head}{dash}{said[0]}", said[1], rest])
    return "\n".join([broken_before(head, width, "全校隐患台账"), dash + said[0], *said[1:], rest])


def _key(sheet: Sheet, key: str, columns: int) -> None:
    """A row of `key` over the first `columns` columns."""
    values: list[Value] = [key]
    row = sheet.add(cells(values, Style.NOTE), row_height(values, [sum(sheet.widths[:columns])]))
    sheet.merge(row, 0, columns - 1)


def _table(
    name: str,
    title: str,
    columns: Sequence[tuple[str, float]],
    rows: Sequence[Sequence[Value]],
    print_columns: int | None = None,
    key: str = "",
) -> Sheet:
    sheet = _titled(name, title, columns, print_columns, key)
    for row in rows:
        sheet.add(cells(row), row_height(row, sheet.widths))
    return sheet


def write_register(
    path: Path,
    campaign: Campaign,
    collection: Collection,
    status: StatusReport,
    photo_links: bool = False,
) -> None:
    """Write the whole register to `path` (callers pass a temporary path, then rename);
    with `photo_links`, each 照片 count links to its department's evidence folder.

    The sheets that are not lists of hazards need only the status and the collection:
    they are built in a copy of this process (`in_background`, on two cores) while this
    one builds the hazard sheets; a list of 20,000 交办问题 costs a quarter of their time."""
    others = in_background(lambda: _other_sheets(campaign, collection, status))
    try:
        hazard_sheets = _hazard_sheets(campaign, collection, status, photo_links)
    except BaseException:
        others.cancel()
        raise
    summary, assigned, rest = others.result()
    all_rows, open_rows, overdue_rows, unreviewed, long_standing = hazard_sheets
    sheets = [summary, all_rows, open_rows, overdue_rows, *rest, long_standing]
    if campaign.info.review_required:
        sheets.insert(4, unreviewed)
    if assigned is not None:
        sheets.insert(4, assigned)
    write_workbook(
        path,
        sheets,
        REGISTER_TITLE,
        "由 huitoukan collect 生成；以各部门报送的原始表格为准，请勿在此修改",
        subject=campaign.info.name,  # what it is judged by: `load_state` checks it
    )


def _other_sheets(
    campaign: Campaign, collection: Collection, status: StatusReport
) -> tuple[Sheet, Sheet | None, list[Sheet]]:
    """汇总; 交办问题 (with a list); 未报送, 检查项目覆盖, 报送记录 and 问题清单: finished, so
    they can be pickled."""
    as_of = status.as_of
    summary = _summary(campaign, status)
    assigned = _assigned(campaign, collection, status) if collection.findings else None
    rest = [
        _not_returned(campaign, status),
        _coverage(campaign, collection, as_of),
        _files(campaign, collection, as_of),
        _problems(campaign, collection, as_of),
    ]
    for sheet in (summary, assigned, *rest):
        if sheet is not None:
            sheet.finish()
    return summary, assigned, rest


def _hazard_sheets(
    campaign: Campaign, collection: Collection, status: StatusReport, photo_links: bool
) -> tuple[Sheet, Sheet, Sheet, Sheet, Sheet]:
    """隐患台账, 未销号, 逾期, 待复查 and 历史遗留."""
    as_of = status.as_of
    review = campaign.info.review_required
    columns = hazard_columns(review)
    widths = list(hazard_widths(columns))
    # A row is as tall as its printed cells need (after 序号, up to 备注): the 检查内容 of
    # 附件1, on the screen only, would make printed rows two or three lines too tall.
    printed_widths = widths[1:PRINTED_HAZARD_COLUMNS]
    headers = list(zip(hazard_headers(columns), widths, strict=True))
    values_of = hazard_values(columns)
    photo_column = [c.header for c in columns].index(PHOTOS_HEADER)

    def hazard_sheet(name: str) -> Sheet:
        title = sheet_title(campaign, name, as_of)
        return _titled(name, title, headers, print_columns=PRINTED_HAZARD_COLUMNS)

    def add(sheet: Sheet, text: bytes, height: float | None, hazard: HazardRow) -> None:
        row = sheet.add(text, height, numbered=True)
        if photo_links and hazard.photos:
            sheet.link(row, 1 + photo_column, department_folder(hazard.department) + "/")

    def render(hazard: HazardRow) -> tuple[bytes, float | None]:
        values = cast(list[Value], values_of(hazard, as_of))  # a fresh list
        if photo_links and hazard.photos:
            values[photo_column] = Linked(cast(int | str, values[photo_column]))
        height = row_height(values, printed_widths)
        style = Style.LONG if height == MAX_ROW_HEIGHT else Style.TEXT
        return cells(values, style).encode(), height

    # One pass: each hazard's cells are built once and go, deflated, to every sheet that
    # lists it. Overdue rows are written most overdue first, after the pass: their text
    # is kept up to OVERDUE_TEXT_BUDGET bytes, and rows beyond it are built again.
    hazards = collection.hazards  # in the campaign's order (collect)
    all_rows, open_rows = hazard_sheet(HAZARD_SHEET), hazard_sheet(OPEN_SHEET)
    long_standing = hazard_sheet(LONG_STANDING_SHEET)
    unreviewed = hazard_sheet(UNREVIEWED_SHEET)
    overdue: list[tuple[int, int, bytes | None, float | None]] = []
    budget = OVERDUE_TEXT_BUDGET
    for index, hazard in enumerate(hazards):
        text, height = render(hazard)
        add(all_rows, text, height, hazard)
        if hazard.closed:
            continue
        if hazard.unreviewed:
            add(unreviewed, text, height, hazard)
        add(open_rows, text, height, hazard)
        if days := hazard.days_overdue(as_of):
            overdue.append((-days, index, text if budget > 0 else None, height))
            budget -= len(text)
        if hazard.long_standing:
            add(long_standing, text, height, hazard)
    overdue.sort(key=lambda entry: entry[:2])
    overdue_rows = hazard_sheet(OVERDUE_SHEET)
    for _, index, kept, height in overdue:
        if kept is None:
            kept, height = render(hazards[index])
        add(overdue_rows, kept, height, hazards[index])
    del overdue
    for sheet, none in (
        (open_rows, "无：没有未销号的隐患"),
        (overdue_rows, "无：没有逾期的隐患"),
        (unreviewed, "无：没有待复查的隐患"),
        (long_standing, "无：没有注明“历史遗留”的未销号隐患"),
    ):
        if sheet.row_count == 2:  # title and header: say so, or the printed page looks cut
            sheet.merge(sheet.add(cells([none]), height=24), 0, PRINTED_HAZARD_COLUMNS - 1)
    return all_rows, open_rows, overdue_rows, unreviewed, long_standing


def _summary(campaign: Campaign, status: StatusReport) -> Sheet:
    info = campaign.info
    columns = [
        ("序号", 6),
        (SUMMARY_DEPARTMENT, 16),
        ("报送情况", 12),
        (SUMMARY_FIRST_RETURN, 16),
        ("隐患数", 8),
        ("已销号", 8),
        ("未销号", 8),
        ("逾期", 8),
        ("历史遗留", 10),
        ("销号率", 9),
    ]
    review = info.review_required
    if review:
        columns.append(("待复查", 8))
    widths = [w for _, w in columns]
    whole = f"{info.headline}全校隐患台账"
    title = broken_before(whole, sum(widths), "全校隐患台账")
    note = (  # two lines, broken where a reader expects (not wherever the width ends)
        f"文号：{info.document_number}　报送截止：{chinese_date(info.returns_due)}\n"
        f"整改默认时限：{chinese_date(info.default_deadline)}　"
        f"统计日期：{chinese_date(status.as_of)}"
    )
    note_height = row_height([note], [sum(widths)], line=15)
    # the pages after the first carry the title as a page header, and the department
    # table's header at the top of each page it runs onto: print titles repeated it alone
    # above the charts and the table by source too (clerk trial 46)
    sheet = Sheet(
        SUMMARY_SHEET,
        widths,
        header_row=3,
        title_rows=1,
        selected=True,
        repeat_titles=False,
        page_header=f"{whole}——汇总（统计日期：{chinese_date(status.as_of)}）",
    )
    sheet.add(cells([title], Style.TITLE), height=max(30, title_height(title, sum(widths))))
    sheet.merge(0, 0, len(columns) - 1)
    sheet.add(cells([note], Style.NOTE), note_height)
    sheet.merge(1, 0, len(columns) - 1)
    sheet.add("")
    header = cells([h for h, _ in columns], Style.HEAD)
    sheet.add(header, height=30)
    at = table_rows(
        sheet,
        header,
        [
            [
                number,
                dept.department,
                dept.return_label(status.return_deadline_passed),
                dept.first_returned_on,
                dept.hazards,
                dept.closed,
                dept.open,
                dept.overdue,
                dept.long_standing,
                Percent(dept.closure_rate),
                *([dept.unreviewed] if review else []),
            ]
            for number, dept in enumerate(status.departments, start=1)
        ],
        header_height=30,
    )
    totals = status.totals
    total: list[Value] = [
        "",
        "合计",
        f"{totals.returned}/{totals.departments}",
        None,
        totals.hazards,
        totals.closed,
        totals.open,
        totals.overdue,
        sum(d.long_standing for d in status.departments),
        Percent(totals.closure_rate),
        *([totals.unreviewed] if review else []),
    ]
    table_rows(sheet, header, [total], header_height=30)
    if status.assigned:
        sheet.add("")
        heading = sheet.add(cells(["交办问题整改情况（按问题来源）"], Style.NOTE), height=22)
        sheet.merge(heading, 0, len(columns) - 1)
        last = len(SOURCE_HEADERS) - 1  # 清零率, over the 历史遗留 and 销号率 columns
        head = cells([*SOURCE_HEADERS, ""], Style.HEAD)  # the blank: bordered, under the merge
        sheet.merge(sheet.add(head, height=30), last, last + 1)
        for row in source_rows(status):
            sheet.merge(sheet.add(cells([*row, None])), last, last + 1)
        if status.unassigned:  # the 交办问题 sheet lists them; the summary says they exist
            said: list[Value] = [
                f"另有 {len(status.unassigned)} 个问题尚未明确责任部门，未交办、未计入上表："
                f"{status.unassigned_named()}。"
            ]
            height = max(22.0, row_height(said, [sum(w for _, w in columns)]) or 0)
            sheet.merge(sheet.add(cells(said, Style.NOTE), height=height), 0, len(columns) - 1)
    place_charts(sheet, department_charts(status.departments, closed_column=5, rows=at))
    return sheet


SOURCE_HEADERS = (
    "序号",
    "问题来源",
    "交办",
    "已销号",
    "待复查",
    "整改中",
    "逾期",
    "未反馈",
    "清零率",
)
"""The 交办问题 by-source table: on the summary sheet's grid, 清零率 over its last two columns;
its states in the order status lists them (已销号, 待复查, 整改中, 逾期, 未反馈)."""


def source_rows(status: StatusReport) -> list[list[Value]]:
    """The 交办问题 summary by source (and its total), as the register and the report show it:
    the values under SOURCE_HEADERS."""
    rows: list[list[Value]] = []
    for number, s in enumerate(status.assigned, start=1):
        rows.append(
            [
                number,
                s.source,
                s.assigned,
                s.closed,
                s.unreviewed,
                s.open,
                s.overdue,
                s.unanswered,
                Percent(s.clearance_rate),
            ]
        )
    total = sum(s.assigned for s in status.assigned)
    closed = sum(s.closed for s in status.assigned)
    rows.append(
        [
            "",
            "合计",
            total,
            closed,
            sum(s.unreviewed for s in status.assigned),
            sum(s.open for s in status.assigned),
            sum(s.overdue for s in status.assigned),
            sum(s.unanswered for s in status.assigned),
            Percent(rate(closed, total)),
        ]
    )
    return rows


ASSIGNED_COLUMNS: tuple[tuple[str, float], ...] = (
    # printed: 167 characters wide, about 7.5 points on A4 landscape
    ("序号", 6),
    ("问题编号", 16),  # 四进巡查-569AE3, a derived number, on one line
    ("问题来源", 10),
    ("部位", 14),
    ("问题描述", 30),
    ("责任部门", 14),
    ("反馈情况", 10),
    ("状态", 11),
    ("整改完成情况", 14),
    ("整改时限", 16),
    ("逾期天数", 10),
    ("销号时间", 16),
    # on the screen only
    ("发现时间", 16),
    # the day the list gave a part mid-campaign (逾期天数 beside the 整改时限 of one given
    # after it counts from then: clerk trial 139); blank: given with the forms
    ("交办时间", 16),
    ("整改要求", 24),
    ("整改措施", 24),
    ("责任人", 8),
    ("来源文件", 28),
)
PRINTED_ASSIGNED_COLUMNS = 12


def found_since(findings: Sequence[Finding], lists: Sequence[CheckedList]) -> dict[str, str]:
    """问题编号 → what a problem's 状态 adds when the list states it again later
    (`found_again`), or — not yet listed — a crosscheck of `lists` found it still there
    (`CheckedList.belied`); problems with neither left out."""
    still = belied(lists)
    said: dict[str, str] = {}
    for finding in findings:
        if finding.found_again:
            again = "、".join(f.number for f in finding.found_again)
            said[finding.number] = f"（此后再次发现：{again}）"
        elif found := still.get(finding.number):
            said[finding.number] = f"（检查时问题仍在：{found}）"
    return said


def _assigned(campaign: Campaign, collection: Collection, status: StatusReport) -> Sheet:
    """交办问题: every assigned problem × responsible department with its state; problems
    no department could be given as 未分配. Nothing on the list is left out."""
    findings = {f.number: f for f in collection.findings}
    since = found_since(collection.findings, status.crosschecks)
    rows: list[list[Value]] = []
    for part in status.parts:
        f = findings[part.number]
        rows.append(
            [
                len(rows) + 1,
                f.number,
                f.source,
                f.location,
                f.description,
                part.department,
                "已反馈" if part.answered else "未反馈",
                with_review(part.state.value, part.review) + since.get(f.number, ""),
                progress_said(part.progress, part.progress_text),
                part.deadline or f.deadline,
                part.days_late or None,
                part.closed_on,
                f.found_on,
                given_day(collection.assigned_on, part.number, part.department),
                f.requirement,
                part.measures,
                part.owner,
                part.file,
            ]
        )
    for f in collection.findings:
        if not f.departments:
            unassigned: list[Value] = [len(rows) + 1, f.number, f.source, f.location]
            unassigned += [f.description, "未分配", "", "未分配", "", f.deadline, None, None]
            unassigned += [f.found_on, None, f.requirement, "", "", ""]
            rows.append(unassigned)
    title = sheet_title(campaign, ASSIGNED_SHEET, status.as_of)
    return _table(ASSIGNED_SHEET, title, ASSIGNED_COLUMNS, rows, PRINTED_ASSIGNED_COLUMNS)


CHART_DEPARTMENTS = 20
"""Departments a chart shows: one a printed page, a row a bar (a chart cannot run over
pages; 60 departments squeezed onto one named every other bar: clerk trial 45)."""


def table_rows(
    sheet: Sheet,
    header: bytes | str,
    rows: Sequence[Sequence[Value]],
    header_height: float,
    merged: tuple[int, int] | None = None,
) -> list[int]:
    """Add `rows` (their values) to a table whose `header` row was just added, each as tall
    as its wrapped text (a long department's name printed over the row above: trial 48),
    with the header again at the top of each page the table runs onto (not as print
    titles, which repeat it over what follows the table too); the `merged` columns (first,
    last) of every row merged; the index of each row added."""
    widths = merged_widths(sheet.widths, merged)
    added = []

    def add(row_cells: bytes | str, height: float | None) -> int:
        row = sheet.add(row_cells, height)
        if merged:
            sheet.merge(row, *merged)
        return row

    for values in rows:
        height = row_height(values, widths)
        if sheet.page_room() * PAGE_FILL < (height or DEFAULT_ROW_HEIGHT):
            sheet.break_page()
            add(header, header_height)
        added.append(add(cells(values), height))
    return added


def merged_widths(widths: Sequence[float], merged: tuple[int, int] | None) -> list[float]:
    """The columns' `widths` as a table's rows show them: the `merged` columns (first, last)
    as one (the text of a row of 历史遗留问题 was measured in the first alone, and each row
    took a third of a page: clerk trial 45)."""
    shown = list(widths)
    if merged is not None:
        first, last = merged
        shown[first : last + 1] = [sum(widths[first : last + 1]), *[0.0] * (last - first)]
    return shown


def department_charts(
    departments: Sequence[DepartmentSummary], closed_column: int, rows: Sequence[int]
) -> list[BarChart]:
    """已销号 / 未销号 per department, from a table whose column 1 holds the department and
    `closed_column` (then the next one) the closed and open counts, department i on sheet
    row `rows[i]`: a chart for each CHART_DEPARTMENTS of them at most, each of rows that
    follow one another (a table's header repeated on a new page splits it), placed on the
    sheet by `place_charts`."""
    runs: list[range] = []  # departments on consecutive rows
    for index, row in enumerate(rows):
        if runs and rows[index - 1] == row - 1:
            runs[-1] = range(runs[-1].start, index + 1)
        else:
            runs.append(range(index, index + 1))
    parts = []  # each run cut into pieces of about the same size
    for run in runs:
        pieces = math.ceil(len(run) / CHART_DEPARTMENTS)
        edges = [run.start + round(len(run) * k / pieces) for k in range(pieces + 1)]
        parts += [range(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    most = max((d.closed + d.open for d in departments), default=0)
    scale = _axis_end(most) if len(parts) > 1 and most else None
    charts = []
    for part, indices in enumerate(parts, start=1):
        shown = departments[indices.start : indices.stop]
        top = rows[indices.start]
        charts.append(
            BarChart(
                title="各部门隐患销号情况" + (f"（{part}/{len(parts)}）" if len(parts) > 1 else ""),
                categories=1,
                labels=[d.department for d in shown],
                series=[
                    (closed_column, "已销号", "70AD47", [d.closed for d in shown]),
                    (closed_column + 1, "未销号", "ED7D31", [d.open for d in shown]),
                ],
                first_row=top,
                last_row=top + len(shown) - 1,
                anchor_row=0,
                height_rows=max(12, round(len(shown) * 1.5) + 8),  # a name on every bar
                axis_max=scale,
            )
        )
    return charts


def _axis_end(top: int) -> float:
    """A round end for a value axis reaching `top`: 7 → 7, 28 → 30, 130 → 150."""
    magnitude = 10.0 ** math.floor(math.log10(top))
    return float(math.ceil(top / magnitude * 2) * magnitude / 2)


def place_charts(sheet: Sheet, charts: Sequence[BarChart]) -> None:
    """Each of `charts` under the last row of `sheet`, the next below it (on the empty rows
    each sits on)."""
    for chart in charts:
        sheet.place_chart(chart)
        while sheet.row_count < chart.anchor_row + chart.height_rows:
            sheet.add("")


def _owed(late: int) -> str:
    """A form owed `late` days after its due day (negative: before it; the day itself read
    as 截止日期前: clerk trial 72)."""
    if late > 0:
        return f"逾期未报送 {late} 天"
    return "今天截止，尚未报送" if late == 0 else "截止日期前，尚未报送"


def _not_returned(campaign: Campaign, status: StatusReport) -> Sheet:
    due = campaign.info.returns_due
    late = (status.as_of - due).days
    note = _owed(late)
    # a file sent that could not be read is said so, as the 汇总 and status say it (it
    # read 逾期未报送 here: clerk trial 81)
    said = {
        d.department: f"{d.unreadable_said}（{d.unreadable_file}），按未报送计"
        if d.unreadable_file
        else f"报来的表格（{d.set_aside_file}）{d.set_aside_named()}，待核对，按未报送计"
        for d in status.departments
        if d.unreadable_file or d.set_aside_file
    }
    said |= {
        d.department: f"报来的表格（{d.counted_file}）{d.counted_named}，"
        f"已计为{d.counted_header}报送，按未报送计"
        for d in status.departments
        if d.counted_file and d.department not in said
    }
    owed: list[tuple[str, date, str]] = [  # how late these are too (trial 100)
        (name, due, f"{said[name]}（{note}）" if name in said else note)
        for name in status.not_returned
    ]
    for round_ in status.rounds:  # the follow-up rounds, as status lists them
        issued = f"跟进轮（{round_.form_date.month}月{round_.form_date.day}日下发）"
        late = (status.as_of - round_.due).days
        state = _owed(late)
        owed += [
            (
                name,
                round_.due,
                f"{issued}{state}" + (f"（已另发{day.month}月{day.day}日的跟进表）" if day else ""),
            )
            for name in round_.not_answered
            for day in [round_.resent.get(name)]
        ]
    rows: list[list[Value]] = [
        [n, name, len(campaign.items_for(name)), day, note]
        for n, (name, day, note) in enumerate(owed, start=1)
    ]
    # 情况 on one line (跟进轮（12月21日下发）今天截止，尚未报送), and room for the title (its
    # counts broke before a comma, printed: clerk trial 116)
    columns = [("序号", 6), ("部门", 16), ("应查项目数", 12), ("报送截止", 16), ("情况", 46)]
    # who owes a follow-up round too, titled so: 4 listed here beside the report's 未报送
    # 0 read as one figure gone wrong (clerk trial 56)
    rounds = len(owed) - len(status.not_returned)
    named = (
        f"未报送（自查整改清单未报送 {len(status.not_returned)} 个，跟进轮未反馈 {rounds} 个）"
        if rounds
        else NOT_RETURNED_SHEET
    )
    sheet = _table(NOT_RETURNED_SHEET, sheet_title(campaign, named, status.as_of), columns, rows)
    if not rows:
        sheet.merge(sheet.add(cells(["无：各部门均已报送"]), height=24), 0, len(columns) - 1)
    return sheet


def _label_width(text: str, least: float = 10) -> float:
    """A column width that prints `text` (a department's name, a short header) in bold on
    one line, or on two lines broken in the middle when it is long: never one character
    alone on a line. Chinese characters take two columns, and a cell's padding two more."""
    columns = _text_columns(text)
    if columns > 16:  # two lines of equal length
        columns = -(-columns // 4) * 2
    return max(least, columns + 2)


def _text_columns(text: str) -> int:
    """The columns `text` takes on one line: a Chinese character two."""
    return sum(1 if ch.isascii() else 2 for ch in text)


def _coverage(campaign: Campaign, collection: Collection, as_of: date) -> Sheet:
    units = [u.name for u in campaign.units]
    # 已查无隐患 (five characters) is the longest cell text after a department's name; an
    # item's label on one line (冬季易发安全隐/患-1 broke in a word: trial 54), up to 20
    labels = max(_text_columns(item.label) for item in campaign.checklist)
    items = min(20, max(12, labels + 2))
    columns = [("督查项目", items), ("督查内容", 40)] + [(u, _label_width(u, 12)) for u in units]
    rows = [
        [row.item, row.content, *(row.cells[u] for u in units)]
        for row in coverage(campaign, collection)
    ]
    title = sheet_title(campaign, COVERAGE_SHEET, as_of)
    if len(units) <= COVERAGE_UNITS_A_PAGE:
        return _table(COVERAGE_SHEET, title, columns, rows, key=COVERAGE_KEY)
    # legible on paper: ten departments a page, side by side, each page with the items
    # (columns A:B) and the header; the title over the first page's departments (in A:B
    # it printed cut on every page) and above every later page (60 departments fitted to
    # one page wide printed too small to read: clerk trial 45)
    widths = [w for _, w in columns]
    sheet = Sheet(COVERAGE_SHEET, widths, header_row=2, title_rows=2, page_header=title)
    sheet.pages_wide = math.ceil(len(units) / COVERAGE_UNITS_A_PAGE)
    sheet.title_columns = 2
    # the suites fit the columns to the pages and break them where they choose: 13
    # departments broke six and seven, not ten and three, and the title over ten was cut in
    # two (clerk trial 70); over one fewer than a page's share it stays on the first page
    first = max(2, len(units) // sheet.pages_wide - 1)
    span = sum(widths[2 : 2 + first])
    title = _fitted(title, span)
    sheet.add(cells(["", "", title], Style.TITLE), height=title_height(title, span))
    sheet.merge(0, 2, 1 + first)
    _key(sheet, COVERAGE_KEY, 2)  # over the columns every page prints
    sheet.add(cells([h for h, _ in columns], Style.HEAD), height=30)
    for row in rows:
        sheet.add(cells(row), row_height(row, widths))
    return sheet


COVERAGE_KEY = (
    f"说明：“隐患N”为该部门就此项目报告了 N 项隐患；“{NOTHING_FOUND}”为已检查、未发现隐患；"
    f"“{NOT_REPORTED}”为已报送自查整改清单，但没有报告这一项目；“{NOT_RETURNED}”为该部门尚未报送；"
    "空白为不是该项目的责任部门。"
)
"""Above the 项目覆盖 table, on every page: 未报告 and 未报送 were taken for one thing, and a
page read alone said neither (trial 54)."""


COVERAGE_UNITS_A_PAGE = 10
"""Departments printed side by side on one page of 项目覆盖 (A4 landscape)."""


def _files(campaign: Campaign, collection: Collection, as_of: date) -> Sheet:
    rows: list[list[Value]] = []
    counts = collection.counts_by_file()
    for form in collection.forms:
        errors, warnings = counts.get(form.file, (0, 0))
        outcome = collection.outcomes[form.file]
        reason = form.reason
        used = collection.current.get(form.department)
        if outcome is FileOutcome.SUPERSEDED and used is not None and not reason:
            reason = f"被 {used.file} 替代"  # the version that counts
        blank = next((p for p in form.problems if p.code is Code.DEPARTMENT_BLANK), None)
        if blank is not None and not reason:  # whose by its name alone (clerk trial 154)
            reason = blank.message.split("；")[0]
        rows.append(
            [
                len(rows) + 1,
                form.file,
                form.department,
                form.form_date,
                datetime.fromtimestamp(form.modified).strftime("%Y-%m-%d %H:%M"),
                outcome.value,
                len(form.hazards),
                errors,
                warnings,
                reason,
                form.department_text,
                form.head,
                form.reporter,
                form.phone,
                form.sha256,
            ]
        )
    sent_by = {file: department for department, file in collection.skipped_of.items()}
    for skipped in collection.skipped:
        rows.append(
            [
                len(rows) + 1,
                skipped.file,
                sent_by.get(skipped.file, ""),  # whose, when its name says (clerk trial 81)
                None,
                "",
                "已跳过",
                None,
                None,
                None,
                skipped.reason,
                "",
                "",
                "",
                "",
                "",
            ]
        )
    title = sheet_title(campaign, FILES_SHEET, as_of)
    return _table(FILES_SHEET, title, FILE_COLUMNS, rows, PRINTED_FILE_COLUMNS)


def _problems(campaign: Campaign, collection: Collection, as_of: date) -> Sheet:
    rows = [
        [n, p.severity.value, p.title, p.department, p.file, p.where, p.field, p.value, p.message]
        for n, p in enumerate(collection.problems, start=1)
    ]
    return _table(
        PROBLEMS_SHEET,
        sheet_title(campaign, PROBLEMS_SHEET, as_of),
        [
            ("序号", 6),
            ("严重程度", 10),
            ("问题", 24),  # the longest title (11 characters) on one line
            ("部门", 14),
            ("文件", 30),
            ("位置", 20),  # 自查整改清单!第12行 on one line
            ("字段", 14),
            ("填写内容", 20),
            ("问题说明", 60),
        ],
        rows,
    )
