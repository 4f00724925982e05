"""Rendering results for the terminal with rich. Only the CLI imports this module."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from huitoukan.collecting import CollectResult
from huitoukan.issuing import IssueResult
from huitoukan.models import FileOutcome, Problem, Severity


def issue_summary(console: Console, result: IssueResult) -> None:
    table = Table(title=f"已生成 {len(result.forms)} 份自查整改清单（{result.out_dir}）")
    table.add_column("序号", justify="right")
    table.add_column("部门")
    table.add_column("文件")
    table.add_column("检查项目数", justify="right")
    for number, form in enumerate(result.forms, start=1):
        table.add_row(str(number), form.department, form.file, str(len(form.items)))
    console.print(table)
    console.print(f"附件1：{result.checklist_file}    发放清单：{result.distribution_file}")


def collect_report(out: Console, err: Console, result: CollectResult) -> None:
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
    for form in collection.forms:
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
    if result.register_path is not None:
        out.print(f"全校隐患台账已写入 {escape(str(result.register_path))}")
    if result.backup is not None:
        err.print(
            f"[yellow]注意：[/]{escape(str(result.register_path))} 在上次生成后被修改过，"
            f"原文件已备份为 {escape(str(result.backup))}"
        )


def collect_json(result: CollectResult) -> str:
    """The machine-readable collect summary: files, problems and the status report."""
    collection = result.collection
    payload = {
        "register": str(result.register_path) if result.register_path else None,
        "backup": str(result.backup) if result.backup else None,
        "files": [
            {
                "file": f.file,
                "department": f.department,
                "form_date": f.form_date.isoformat() if f.form_date else None,
                "sha256": f.sha256,
                "outcome": collection.outcomes[f.file].value,
                "hazards": len(f.hazards),
                "errors": f.errors if f.readable else 1,
                "warnings": f.warnings,
                "reason": f.reason,
            }
            for f in collection.forms
        ],
        "skipped": [s.model_dump() for s in collection.skipped],
        "problems": [p.model_dump(mode="json") for p in collection.problems],
        "status": result.status.model_dump(mode="json"),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def problem_list(console: Console, problems: list[Problem]) -> None:
    """Problems grouped by file, one line each: severity, cell, field, message."""
    console.print(f"[bold]发现的问题（{len(problems)}）[/]")
    current = None
    for p in problems:
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
