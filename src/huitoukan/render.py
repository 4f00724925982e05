"""Rendering results for the terminal with rich. Only the CLI imports this module."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from huitoukan.issuing import IssueResult


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
