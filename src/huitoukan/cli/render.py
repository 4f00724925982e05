"""Rendering results for the terminal with rich: results to stdout, diagnostics to stderr."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from huitoukan.actions.collect import CollectResult
from huitoukan.letters.report import summary_line
from huitoukan.model.problems import Problem, Severity
from huitoukan.model.returns import FileOutcome
from huitoukan.register.status import HazardView, StatusReport
from huitoukan.returns.batch import OnFile

if TYPE_CHECKING:  # openpyxl (behind issuing and feedback) costs 0.15 s to import
    from huitoukan.forms.issuing import IssueResult
    from huitoukan.letters.feedback import FeedbackCopy
    from huitoukan.letters.notices import Notice


def _out() -> Console:
    return Console()


def _err() -> Console:
    return Console(stderr=True)


def error(message: str) -> None:
    """A run that cannot go on: one line on stderr."""
    _err().print(f"[bold red]错误：[/]{escape(message)}")


def campaign_written(out: Path) -> None:
    _out().print(f"已写出 {escape(str(out))}。修改后在同一文件夹运行 huitoukan 即按新配置执行。")


def report_written(report: StatusReport, out: Path) -> None:
    _out().print(escape(summary_line(report, out)))


@contextlib.contextmanager
def file_progress(enabled: bool) -> Iterator[OnFile]:
    """A progress bar on stderr for long runs (shown from 20 files on)."""
    from rich.progress import Progress

    with Progress(console=_err(), transient=True, disable=not enabled) as bar:
        task = bar.add_task("读取报表", total=None)

        def advance(index: int, total: int, path: Path) -> None:
            bar.update(task, total=total, completed=index, visible=total > 20)

        yield advance


def issue_summary(result: IssueResult) -> None:
    console = _out()
    table = Table(title=f"已生成 {len(result.forms)} 份自查整改清单（{result.out_dir}）")
    table.add_column("序号", justify="right")
    table.add_column("部门")
    table.add_column("文件")
    table.add_column("检查项目数", justify="right")
    if result.followup:
        table.add_column("预填隐患", justify="right")
        table.add_column("其中未销号", justify="right")
    for number, form in enumerate(result.forms, start=1):
        cells = [str(number), form.department, form.file, str(len(form.items))]
        if result.followup:
            cells += [str(form.prefilled), str(form.open_hazards)]
        table.add_row(*cells)
    console.print(table)
    console.print(f"附件1：{result.checklist_file}    发放清单：{result.distribution_file}")


TERMINAL_ROWS = 60
"""Rows a terminal table shows; the rest are in the register and in --json (rich needs
about a minute to lay out 20,000 rows, and nobody reads them on a screen)."""


def _more(console: Console, shown: int, total: int, where: str) -> None:
    if total > shown:
        console.print(f"……另有 {total - shown} 项未显示，完整列表见{where}或 --json 输出")


def collect_report(result: CollectResult) -> None:
    out, err = _out(), _err()
    collection = result.collection
    table = Table(title="报送文件")
    for name, justify in (
        ("文件", "left"),
        ("部门", "left"),
        ("表头日期", "left"),
        ("隐患", "right"),
        ("错误", "right"),
        ("警告", "right"),
        ("处理结果", "left"),
    ):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for form in collection.forms[:TERMINAL_ROWS]:
        outcome = collection.outcomes[form.file]
        style = {FileOutcome.USED: "green", FileOutcome.SUPERSEDED: "dim"}.get(outcome, "red")
        table.add_row(
            escape(form.file),
            form.department or escape(form.department_text),
            str(form.form_date or ""),
            str(len(form.hazards)),
            str(form.errors if form.readable else 1),
            str(form.warnings),
            f"[{style}]{outcome.value}[/]",
        )
    for skipped in collection.skipped:
        table.add_row(escape(skipped.file), "", "", "", "", "", "[dim]已跳过[/]")
    out.print(table)
    _more(out, TERMINAL_ROWS, len(collection.forms), "台账“报送记录”工作表")
    if collection.problems:
        problem_list(err, collection.problems)
    totals = result.status.totals
    rate = "—" if totals.closure_rate is None else f"{totals.closure_rate:.1%}"
    out.print(
        f"已报送 {totals.returned}/{totals.departments} 个部门；隐患 {totals.hazards} 项，"
        f"已销号 {totals.closed}，未销号 {totals.open}，逾期 {totals.overdue}，销号率 {rate}；"
        f"错误 {collection.errors}，警告 {collection.warnings}。"
    )
    if result.status.not_returned:
        label = "逾期未报送" if result.status.return_deadline_passed else "尚未报送"
        out.print(f"{label}：{'、'.join(result.status.not_returned)}")
    if result.register_file is not None:
        out.print(f"全校隐患台账已写入 {escape(str(result.register_file))}")
    if result.backup is not None:
        err.print(
            f"[yellow]注意：[/]{escape(str(result.register_file))} 在上次生成后被修改过，"
            f"原文件已备份为 {escape(str(result.backup))}"
        )
    if result.feedback is not None:
        feedback_copies(out, result.feedback)


def problem_list(console: Console, problems: list[Problem]) -> None:
    """Problems grouped by file, one line each: severity, cell, field, message."""
    console.print(f"[bold]发现的问题（{len(problems)}）[/]")
    current = None
    for p in problems[: TERMINAL_ROWS * 5]:
        if p.file != current:
            current = p.file
            who = f"（{escape(p.department)}）" if p.department else ""
            console.print(f"[bold]{escape(p.file)}[/]{who}")
        colour = "red" if p.severity is Severity.ERROR else "yellow"
        where = f" {escape(p.where)}" if p.where else ""
        field = f" {p.field}" if p.field else ""
        value = f"“{escape(p.value[:30])}”" if p.value else ""
        console.print(
            f"  [{colour}]{p.severity.value}[/]{where}{field}{value}：{escape(p.message)}"
        )
    _more(console, TERMINAL_ROWS * 5, len(problems), "台账“校验问题”工作表")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _hazard_table(title: str, views: list[HazardView], days_header: str, overdue: bool) -> Table:
    """Hazards grouped by department (in order of first appearance), a section each."""
    views = views[:TERMINAL_ROWS]
    table = Table(title=title, title_justify="left")
    for name in ("部门", "部位", "存在隐患问题", "整改时限", days_header, "责任人", "整改完成情况"):
        table.add_column(name, overflow="fold")
    order = list(dict.fromkeys(v.department for v in views))
    for index, department in enumerate(order):
        if index:
            table.add_section()
        for view in (v for v in views if v.department == department):
            days = view.days_overdue if overdue else view.days_left
            deadline = (
                f"{view.deadline}（默认）" if view.deadline_is_default else str(view.deadline)
            )
            table.add_row(
                escape(department),
                escape(view.location),
                escape(view.hazard),
                deadline,
                f"[red]{days}[/]" if overdue else str(days),
                escape(view.owner),
                escape(view.progress or "未填写"),
            )
    return table


def status_report(report: StatusReport) -> None:
    console = _out()
    console.print(
        f"[bold]{escape(report.school)}{escape(report.campaign)}[/]　统计日期 {report.as_of}"
        f"（报送截止 {report.returns_due}）"
    )
    if report.overdue:
        console.print(
            _hazard_table(f"逾期隐患（{len(report.overdue)}）", report.overdue, "逾期天数", True)
        )
        _more(console, TERMINAL_ROWS, len(report.overdue), "台账“逾期”工作表")
    else:
        console.print("[green]没有逾期隐患。[/]")
    if report.due_soon:
        console.print(
            _hazard_table(
                f"{report.due_within_days} 天内到期（{len(report.due_soon)}）",
                report.due_soon,
                "剩余天数",
                False,
            )
        )
        _more(console, TERMINAL_ROWS, len(report.due_soon), "台账“未销号”工作表")
    if report.not_returned:
        label = "逾期未报送" if report.return_deadline_passed else "尚未报送（未到截止日期）"
        console.print(f"[bold red]{label}：[/]{'、'.join(report.not_returned)}")
    table = Table(title="各部门情况", title_justify="left")
    for name in ("部门", "报送", "隐患", "已销号", "未销号", "逾期", "历史遗留", "销号率"):
        table.add_column(name, justify="left" if name in ("部门", "报送") else "right")
    for dept in report.departments[:TERMINAL_ROWS]:
        returned = dept.return_label if dept.returned else f"[red]{dept.return_label}[/]"
        table.add_row(
            escape(dept.department),
            returned,
            str(dept.hazards),
            str(dept.closed),
            str(dept.open),
            str(dept.overdue),
            str(dept.long_standing),
            _percent(dept.closure_rate),
        )
    totals = report.totals
    table.add_section()
    table.add_row(
        "合计",
        f"{totals.returned}/{totals.departments}",
        str(totals.hazards),
        str(totals.closed),
        str(totals.open),
        str(totals.overdue),
        str(sum(d.long_standing for d in report.departments)),
        _percent(totals.closure_rate),
    )
    console.print(table)
    _more(console, TERMINAL_ROWS, len(report.departments), "台账“汇总”工作表")
    console.print(
        f"全校隐患 {totals.hazards} 项，已销号 {totals.closed}，未销号 {totals.open}，"
        f"逾期 {totals.overdue}，销号率 {_percent(totals.closure_rate)}。"
    )


def long_standing(report: StatusReport) -> None:
    """历史遗留问题: open hazards a department marked as needing interim measures."""
    console = _out()
    if not report.long_standing:
        console.print("没有标注为历史遗留问题的未销号隐患。")
        return
    table = Table(
        title=f"历史遗留问题（{len(report.long_standing)}），报学院安全工作领导小组",
        title_justify="left",
    )
    for name in (
        "部门",
        "部位",
        "存在隐患问题",
        "整改措施（含补救或替代措施）",
        "整改时限",
        "责任人",
        "备注",
    ):
        table.add_column(name, overflow="fold")
    for view in report.long_standing:
        table.add_row(
            escape(view.department),
            escape(view.location),
            escape(view.hazard),
            escape(view.measures),
            str(view.deadline),
            escape(view.owner),
            escape(view.remarks),
        )
    console.print(table)


def feedback_copies(console: Console, copies: list[FeedbackCopy]) -> None:
    if not copies:
        console.print("没有需要退回修改的部门。")
        return
    table = Table(title=f"退回修改副本（{len(copies)} 份，原文件未改动）", title_justify="left")
    for name in ("部门", "问题", "标注单元格", "副本"):
        table.add_column(name, overflow="fold")
    for copy in copies:
        table.add_row(
            escape(copy.department),
            str(copy.problems),
            str(copy.marked_cells),
            escape(str(copy.copy_path)),
        )
    console.print(table)


def notices_written(items: list[Notice], written: list[Path]) -> None:
    console = _out()
    if not items:
        console.print("没有需要发送通知的部门。")
    for notice in items:
        console.print(f"[bold]{escape(notice.department)}[/]（{'、'.join(notice.kinds)}）")
    if written:
        console.print(f"已写出 {len(written)} 个文件到 {escape(str(written[-1].parent))}")
