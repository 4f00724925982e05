"""A small Typer app shaped like huitoukan's CLI, used by the tests and NOTES.md.

`make_app(chinese=False)` builds the same app with plain `typer.Typer`, so the "before"
output can be captured and compared (in a process that has not created a `ChineseTyper`:
that switches typer's gettext strings for every app in the process).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from huitoukan.cli.chinese import ChineseTyper

CampaignOption = Annotated[
    Path | None,
    typer.Option(
        "--campaign",
        "-c",
        help="活动配置文件（默认：当前文件夹的 campaign.toml，没有则用内置默认活动）",
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="日期", help="统计日期，决定哪些隐患逾期（默认今天），如 2023-12-20"
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="输出机器可读的 JSON")]

APP_HELP = (
    "学校安全问题专项整治“回头看”：发放自查整改清单（issue）、汇总全校隐患台账（collect）、"
    "跟踪逾期与未报送（status）。\n\n"
    "退出码：0 成功；1 运行完成但发现错误；2 用法或配置错误。"
)


def make_app(
    *, chinese: bool = True, rich_markup_mode: typer.core.MarkupMode = None
) -> typer.Typer:
    """The demo app; `chinese=False` gives the untranslated typer app for comparison."""
    factory: type[typer.Typer] = ChineseTyper if chinese else typer.Typer
    app = factory(
        name="huitoukan",
        help=APP_HELP,
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=rich_markup_mode,
    )

    @app.command()
    def issue(
        out: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹")] = Path("发放"),
        department: Annotated[
            list[str] | None,
            typer.Option(
                "--department", "-d", metavar="部门", help="只发放给这些部门（可重复，可用别名）"
            ),
        ] = None,
        campaign: CampaignOption = None,
        force: Annotated[bool, typer.Option("--force", help="覆盖已有文件")] = False,
    ) -> None:
        """为每个部门生成附件2《安全隐患自查整改清单》，并生成附件1和发放清单。"""
        typer.echo(f"issue {out} {department} {campaign} {force}")

    @app.command()
    def collect(
        returns: Annotated[
            list[Path], typer.Argument(help="各部门报回的表格所在的文件夹或文件（可多个）")
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="全校隐患台账文件")] = Path(
            "全校隐患台账.xlsx"
        ),
        as_of: AsOfOption = None,
        campaign: CampaignOption = None,
        json_output: JsonOption = False,
    ) -> None:
        """读取、校验并汇总各部门报回的自查整改清单，生成全校隐患台账。"""
        typer.echo(f"collect {returns} {out} {as_of} {campaign} {json_output}")

    @app.command()
    def status(
        sources: Annotated[
            list[Path] | None,
            typer.Argument(
                metavar="[台账或报表文件夹]...",
                help="全校隐患台账（默认当前文件夹的 全校隐患台账.xlsx），或报回表格所在的文件夹",
            ),
        ] = None,
        as_of: AsOfOption = None,
        due_within: Annotated[
            int, typer.Option("--due-within", min=0, help="列出多少天内到期的隐患")
        ] = 7,
        department: Annotated[
            list[str] | None,
            typer.Option("--department", "-d", metavar="部门", help="只看这些部门（可重复）"),
        ] = None,
        fail_if_overdue: Annotated[
            bool, typer.Option("--fail-if-overdue", help="存在逾期隐患时退出码为 1（用于定时检查）")
        ] = False,
        campaign: CampaignOption = None,
        json_output: JsonOption = False,
    ) -> None:
        """列出逾期隐患、即将到期的隐患、未报送部门，以及各部门销号情况。"""
        typer.echo(f"status {sources} {as_of} {due_within} {department} {fail_if_overdue}")

    @app.command()
    def remind(
        template: Annotated[
            Path,
            typer.Option("--template", exists=True, dir_okay=False, help="通知模板（必须已存在）"),
        ],
        copies: Annotated[int, typer.Option(help="每个部门打印几份")] = 1,
        ratio: Annotated[float, typer.Option(min=0.0, max=1.0, help="完成率阈值")] = 0.8,
        title: Annotated[str, typer.Option(help="通知标题")] = "催报通知",
        out: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹")] = Path("通知"),
        sign: Annotated[bool, typer.Option("--sign/--no-sign", help="是否加盖电子签章")] = True,
    ) -> None:
        """写出催报、督办通知：未报送的部门、有逾期隐患的部门、逾期报送的部门各一份。"""
        typer.echo(f"remind {template} {copies} {ratio} {title} {out} {sign}")

    return app


def main() -> None:
    """Manual experiments: `python demo.py status --help` (`--english`: untranslated)."""
    chinese = "--english" not in sys.argv
    if not chinese:
        sys.argv.remove("--english")
    make_app(chinese=chinese)(prog_name="huitoukan")


if __name__ == "__main__":
    main()
