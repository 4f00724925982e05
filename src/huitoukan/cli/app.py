"""The command line: parse options, call one core function (`huitoukan.actions`), render, exit.

Exit codes: 0 success; 1 the run finished but found errors (or overdue hazards
with --fail-if-overdue); 2 bad usage or configuration.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from huitoukan.cli.chinese import ChineseTyper
from huitoukan.errors import INTERRUPTED, INTERRUPTED_MESSAGE, HuitoukanError, InputError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from huitoukan.campaign import Campaign

app = ChineseTyper(
    name="huitoukan",
    help=(
        "学校安全问题专项整治“回头看”：发放自查整改清单（issue）、汇总全校隐患台账（collect）、"
        "跟踪逾期与未报送（status）、催报督办通知（remind）、领导小组汇报（report）、"
        "模拟抽查交办问题（sample）、追责核查（crosscheck）、复查验收（review）。\n\n"
        "退出码：0 成功；1 运行完成，但有需要处理的情况（报表有错误、追责核查有自查未发现的问题、"
        "加 --fail-if-overdue 时存在逾期隐患）；2 用法或配置错误；3 程序内部错误。"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
INTERNAL_ERROR = 3
PIPE_CLOSED = 141
"""The output closed early (`| head`): 128 + SIGPIPE, as shells report it."""


def _show_version(shown: bool) -> None:
    if shown:
        from huitoukan import __version__

        print(f"huitoukan {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="显示版本号后退出"),
    ] = False,
) -> None:
    """学校安全问题专项整治“回头看”：发放、汇总、跟踪、督办、汇报、抽查、追责核查、复查验收。"""
    _errors_as_json(False)  # (each run of the app in one process: the tests')
    _FAILED[0], _BUILT_IN[0] = False, None
    context.call_on_close(_said_last)


_FAILED = [False]
"""Whether the command stopped with an error (`_fail`)."""
_BUILT_IN: list[Campaign | None] = [None]
"""The built-in campaign the command ran with (`_campaign`), said once it is done."""


def _said_last() -> None:
    """That the command ran with the built-in campaign, unless it stopped with an error
    (“按内置默认活动…运行” before “请到 examples 文件夹中运行”, where nothing ran: clerk trial
    172 Y3)."""
    if _BUILT_IN[0] is not None and not _FAILED[0]:
        from huitoukan.cli import render

        render.default_campaign_used(_BUILT_IN[0])


_JSON_ERRORS = [False]
"""Whether the command was asked for --json: a run that cannot go on then prints its error
as JSON on stdout too (a program reading it got nothing there, the list's problem codes
only as text on stderr: clerk trial 84)."""


def _errors_as_json(wanted: bool) -> None:
    _JSON_ERRORS[0] = wanted


CampaignOption = Annotated[
    Path | None,
    typer.Option(
        "--campaign",
        "-c",
        help="活动配置文件（默认：当前文件夹的 campaign.toml，没有则用内置默认活动）",
        dir_okay=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="覆盖已有文件")]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="日期", help="统计日期，决定哪些隐患逾期（默认今天），如 2023-12-20"
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="输出机器可读的 JSON")]
DebugOption = Annotated[bool, typer.Option("--debug", help="读取出错时显示完整的错误信息")]
FindingsOption = Annotated[
    Path | None,
    typer.Option(
        "--findings",
        metavar="问题清单",
        help="交办问题清单（默认：campaign.toml 中 [findings] 指定的文件）",
        dir_okay=False,
    ),
]
DepartmentOption = Annotated[
    list[str] | None,
    typer.Option("--department", "-d", metavar="部门", help="只看这些部门（可重复，可用别名）"),
]
SourcesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="台账或报表文件夹",
        help="全校隐患台账（默认当前文件夹的 全校隐患台账.xlsx），或报回表格所在的文件夹"
        "（此时只在内存中汇总，不写文件）",
    ),
]


def _print_json(model: BaseModel) -> None:
    """Print a model as indented JSON, as UTF-8 bytes whatever the console's encoding."""
    from huitoukan.json_output import write_json

    sys.stdout.flush()
    write_json(model, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _fail(error: HuitoukanError) -> typer.Exit:
    from huitoukan.cli import render

    _FAILED[0] = True
    render.error(error)
    if _JSON_ERRORS[0]:
        from huitoukan.findings.reading import FindingsError
        from huitoukan.json_output import Refusal
        from huitoukan.register.shrinking import ShrinkingRegister

        said = list(error.problems) if isinstance(error, FindingsError | ShrinkingRegister) else []
        _print_json(Refusal(error=error.message, exit_code=error.exit_code, problems=said))
    return typer.Exit(error.exit_code)


def _day(text: str | None, campaign: Campaign, option: str = "--as-of") -> date:
    """A date typed on the command line (today when not given; 12月20日 is the campaign's)."""
    from huitoukan.dates import date_option

    try:
        return date_option(text, option, date.today(), campaign.info.issued_on)
    except HuitoukanError as error:
        raise _fail(error) from None


REPORT = "工作汇报"
"""What `report` writes, as `_register_notes` names it."""
REVIEW_FORM = "复查验收表"
"""What `review` writes: from a register returns came after, or whose put-off reviews are
due, it listed hazards already reviewed, and missed those reported 已完成 since (trial 53)."""
ARCHIVE = "一问题一档案"
"""What `sample` writes: from a register changed by hand, a page said 未反馈 beside the
department's answer in its own 报送记录 (clerk trial 112)."""
CROSSCHECK = "追责核查表"
"""What `crosscheck` writes: from a register changed by hand, a department was listed for
追责 over a problem its return had found (clerk trial 112)."""


@dataclass
class _Behind:
    """What `_register_notes` found the register behind: the 提示 said, and the same as
    data (`StatusReport.returns_not_collected` …)."""

    said: list[str] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)
    edited: bool = False
    list_changed: bool = False


def _register_notes(
    sources: Sequence[Path] | None,
    day: date,
    campaign: Campaign | None = None,
    findings: Path | None = None,
    writing: str = "",
    collected: bool = False,
) -> _Behind:
    """The 提示 about the register a command reads (the one given, or the working
    folder's): changed by hand since collect wrote it; returns put beside its returns since
    (status listed a department that had sent its form 逾期未报送: trials 47, 48 — a command
    `writing` letters or a report from it is refused: remind wrote that department a 催报,
    and the report named it 未报送, trial 49); the 交办问题清单 of `campaign` (or `findings`)
    saved since (status and the report counted 10 problems, the 台账 8); a report of another
    `day` than the register's (逾期 9 against 5, both under a 统计日期: trial 47); reviews
    collect put off, being after its day, that `day` has reached (the register's 销号 counts
    without them: status said 已销号 3 where a collect of that day says 4, and remind asked for
    a review already passed, trial 50 — refused too when `writing`). Returns those saying
    the register is behind its returns or its list (for `status --json`: trial 84)."""
    from huitoukan.cli import render
    from huitoukan.files import collect_command, given_input
    from huitoukan.register.history import restore_records
    from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
    from huitoukan.register.reading import changed_by_hand, is_register, trusted_coverage
    from huitoukan.register.rounds import issued_rounds
    from huitoukan.returns.finding import arrived_since, gone_since, returns_elsewhere

    given = [given_input(s) for s in sources or [Path(REGISTER_FILE)]]
    found = _Behind()
    behind = found.said
    # returns read in memory beside the working folder's register: folders, or files that
    # are no register (`status 回收/学工处.xlsx` gave the school as that one return: 1/8
    # departments returned, its failed review gone, without a word: clerk trial 144)
    if any(p.is_dir() for p in given) or all(map(_a_return_file, given)):
        _folders_left_out(given, writing)
    if len(given) != 1 or not given[0].is_file():
        return found
    register = given[0]
    if (version := restore_records(register)) is not None:  # (a --force undone: trial 158)
        render.note(render.restored_text(register, version))
    edited = changed_by_hand(register)
    if edited:
        # letters and a report of hazards deleted or 销号 by hand, not by the departments'
        # returns, went out unmarked (clerk trial 107)
        if writing:
            raise _fail(InputError(render.register_edited_text(register, writing)))
        behind.append(render.register_edited_text(register))
        render.note(behind[-1])
        found.edited = True
    coverage = trusted_coverage(register, edited)  # None when edited: nothing it says holds
    # the folders of files given alone (collect 回收/学工处.xlsx): “huitoukan collect -o X”,
    # no folder, was the command to collect again (clerk trial 211 BK13)
    alone = sorted(
        {str(Path(name).parent) for name in coverage.seen} - {"."} if coverage is not None else []
    )
    again = collect_command(
        (coverage.looked_in or alone) if coverage is not None else [], kept_elsewhere(register)
    )
    if (
        coverage is not None
        and campaign is not None
        and coverage.made_for_another(campaign.info.name)
    ):
        return found  # another campaign's: refused as such (its notes led astray: trial 109)
    if coverage is not None:
        hashes = {name: sha for name, (sha, _) in coverage.sources.items()} | coverage.unread
        written = register.stat().st_mtime
        arrived = arrived_since(coverage.seen, written, hashes, coverage.looked_in)
        # (a round's returns in a folder of their own, not yet collected: clerk trial 186 AL2)
        # one saved over the forms of a round in the folder they were issued into: to be
        # moved to the returns, not that folder collected with the forms nobody filled
        # (clerk trial 188 AN6)
        issued_into = {Path(r.folder).resolve() for r in issued_rounds(register) if r.folder}
        # and the first forms' (发放, with its 发放清单: moved to the returns, clerk trial 194
        # AT3)
        first_issue = _issue_folders(register.parent) - issued_into
        elsewhere, before = returns_elsewhere(
            register.parent,
            # (the folder of a file given alone is arrived_since's: a file there was said twice)
            [*coverage.looked_in, *alone],
            written,
            set(hashes.values()),
            issued_into | first_issue,
            (campaign.info.issued_on, campaign.info.ends_on) if campaign is not None else None,
        )
        over_forms = [p for p in elsewhere if p.parent.resolve() in issued_into | first_issue]
        into = ""
        if elsewhere:
            arrived += elsewhere
            folders = {str(p.parent) for p in elsewhere if p not in over_forms}
            moved_to = {
                p.parent.with_name(f"{p.parent.name}回收")
                for p in over_forms
                if p.parent.resolve() not in first_issue
            }
            folders |= {str(f) for f in moved_to if f.is_dir()}  # (there already)
            again = collect_command(
                [*coverage.looked_in, *sorted(folders)], kept_elsewhere(register)
            )
            if over_forms and over_forms[0].parent.resolve() in first_issue:
                into = Path(coverage.looked_in[0]).name if coverage.looked_in else "回收"
        if arrived and writing:
            said = render.arrived_text(
                register, arrived, writing, again, over_forms, into, before=before
            )
            raise _fail(InputError(said))
        if arrived:
            said = render.arrived_text(
                register,
                arrived,
                command=again,
                moved=over_forms,
                into=into,
                collected=collected,
                before=before,
            )
            behind.append(said)
            render.note(behind[-1])
            found.arrived = [str(p) for p in arrived]
        gone = gone_since(coverage.sources)  # the register holds them still: said, not
        if gone:  # refused (a return deleted went unsaid till collect: clerk trial 117)
            render.note(render.gone_text(register, gone))
        recorded_due = coverage.returns_due
        if campaign is not None and recorded_due not in (None, campaign.info.returns_due):
            refused = writing if writing == REPORT else ""
            said = render.due_moved_text(register, recorded_due, campaign.info.returns_due, refused)
            if refused:
                raise _fail(InputError(said))
            render.note(said)
        judged = coverage.judged_on
        due = [d for d in coverage.reviews_put_off if d <= day]
        if due and judged is not None:
            said = render.reviews_due_text(register, judged, len(due), day, writing)
            if writing:
                raise _fail(InputError(said))
            render.note(said)
        if writing == REPORT and judged is not None and judged != day:
            render.other_day(register, judged, day)
        elif writing != REVIEW_FORM and judged is not None and day < judged:
            stops = coverage.latest_fact_on is not None and day < coverage.latest_fact_on
            if not stops:  # (said before the refusal, it read as going on: clerk trial 77)
                render.earlier_day(register, judged, day)
    if campaign is None:
        return found
    from huitoukan.actions.findings import findings_path, list_changed_since

    try:
        listed = findings_path(campaign, findings)
        if listed is None or not list_changed_since(listed, register, coverage):
            return found
    except (HuitoukanError, OSError):
        return found  # no list: the command says so
    if coverage is not None or is_register(register):  # recorded: one collect wrote
        # the report's figures are the 台账's (they differed: clerk trial 121); crosscheck told
        # the clerk to add to the list a problem just added (trial 129)
        if writing in (REPORT, CROSSCHECK):
            said = render.list_changed_text(_shown(listed), register, writing, again)
            raise _fail(InputError(said))
        behind.append(render.list_changed_text(_shown(listed), register, command=again))
        render.note(behind[-1])
        found.list_changed = True
    return found


def _issue_folders(beside: Path) -> set[Path]:
    """The folders beside a register that hold issue's 发放清单 (resolved)."""
    from huitoukan.model.documents import DISTRIBUTION_FILE

    try:
        return {d.resolve() for d in beside.iterdir() if (d / DISTRIBUTION_FILE).is_file()}
    except OSError:
        return set()


def _a_return_file(path: Path) -> bool:
    """`path` is a workbook that may be a department's return: none of the register and the
    other files huitoukan writes (the 发放清单 given to remind is refused as such)."""
    from huitoukan.register.layout import HAZARD_SHEET
    from huitoukan.returns.workbooks import UnreadableWorkbook, read_workbook

    try:
        content = read_workbook(path, only=(), inspect=False)
    except UnreadableWorkbook:
        return False
    return not content.made.not_a_return and HAZARD_SHEET not in content.sheet_names


def _folders_left_out(given: Sequence[Path], writing: str) -> None:
    """A 提示 — or, `writing` letters or a report, a refusal — when the working folder's
    register holds returns from folders that the returns folders `given` (collected in
    memory) leave out: `status 回收` said 已销号 0 where the register, of 回收, 跟进轮回收
    and 复查, says 9 (clerk trial 116)."""
    from huitoukan.cli import render
    from huitoukan.register.layout import REGISTER_FILE
    from huitoukan.register.record import recorded_coverage
    from huitoukan.returns.finding import folders_left_out

    register = Path(REGISTER_FILE)
    coverage = recorded_coverage(register) if register.is_file() else None
    if coverage is None:
        return
    left = folders_left_out(given, coverage.sources, coverage.looked_in)
    if left:
        said = render.folders_left_out_text(register, left, given, writing)
        if writing:
            raise _fail(InputError(said))
        render.note(said)


def _shown(path: Path) -> Path:
    """`path` relative to the working folder when it is under it (or near: ../campaign.toml),
    absolute otherwise (another drive, on Windows)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:
        return path.resolve()


def _not_an_option(option: str, wanted: str) -> Callable[[Path | None], Path | None]:
    """The callback of `option`, refusing a value that is the next option, its own left out
    (`--followup --date 2023-12-21` read --date as the register, and said “多余的参数：
    2023-12-21”: trial 119; `collect 回收 --out --json` wrote a register named --json.xlsx
    and printed no JSON: trial 180 AG4; `report -o -h` wrote -h.xlsx: trial 182 AH103),
    asking for what it `wanted`."""

    def given(value: Path | None) -> Path | None:
        if value is not None and re.fullmatch(r"--\S*|-[A-Za-z]", str(value)):
            raise typer.BadParameter(f"“{value}”是另一个选项：请在 {option} 后面写{wanted}")
        return value

    return given


_out_given = _not_an_option("--out", "输出文件（或文件夹）的名称")


def _campaign(path: Path | None, inputs: Sequence[Path] | None = ()) -> Campaign:
    """The campaign of --campaign, else of the working folder's campaign.toml, else the
    built-in one (said). Run from the folder above a campaign's (a campaign.toml beside
    the `inputs` named), the built-in one would give another school's register, dates and
    departments: refused, pointing at that campaign.toml."""
    from huitoukan.campaign import CAMPAIGN_FILE_NAME, load_campaign

    try:
        campaign = load_campaign(path)
    except HuitoukanError as error:
        raise _fail(error) from None
    if path is None and not Path(CAMPAIGN_FILE_NAME).is_file():
        near = (  # resolved: `collect .` run inside 回收 wrote another school's register
            (folder / CAMPAIGN_FILE_NAME, where)  # there, with the built-in campaign (trial 47)
            for given in inputs or ()
            for folder, where in (
                # the campaign's folder itself (`status 保卫处工作` read it all as returns,
                # with the built-in campaign: clerk trial 116)
                *([(given, "所给文件夹中")] if given.is_dir() else []),
                *((f, "所给文件旁") for f in (given.parent, given.parent.parent)),
                *((f, "所给文件旁") for f in given.resolve().parents[:2]),
            )
        )
        from huitoukan.files import as_argument

        found, where = next(((_shown(p), w) for p, w in near if p.is_file()), (None, ""))
        above = Path.cwd().parent / CAMPAIGN_FILE_NAME  # `issue` inside 回收 wrote another
        if found is None and above.is_file():  # school's forms there (trial 48)
            found, where = _shown(above), "上一级文件夹中"
        if found is not None:
            from huitoukan.register.layout import REGISTER_FILE

            # (its register there, --campaign here is refused in turn: clerk trial 158)
            kept = found.parent / REGISTER_FILE
            raise _fail(
                InputError(
                    f"当前文件夹中没有 campaign.toml，而{where}有 {as_argument(found)}：未做任何改动"
                    f"（按内置默认活动，本校的部门、日期、交办问题和复查验收设置都不会生效）。请到 {as_argument(found.parent)} 文件夹中"
                    + (
                        f"运行（本次活动的台账 {as_argument(kept)} 也在那里）"
                        if kept.is_file()
                        # (followed, it wrote a second register here: clerk trial 114)
                        else f"运行，或加 --campaign {as_argument(found)}（台账、佐证材料等仍写在当前文件夹，"
                        f"不在 {as_argument(found.parent)} 中：以后的命令也要在当前文件夹、加同样的 --campaign 运行）"
                    )
                )
            )
        _BUILT_IN[0] = campaign  # (said when the command is done: `_said_last`)
    elif path is None:
        _other_campaign_beside(Path(CAMPAIGN_FILE_NAME), inputs or ())
    return campaign


def _other_campaign_beside(here: Path, inputs: Sequence[Path]) -> None:
    """Refuse a run whose register or folder sits beside another campaign.toml than the
    working folder's (an `init` run by mistake in the folder above wrote one there, and
    `review 活动/全校隐患台账.xlsx` said the campaign had no 复查验收: clerk trial 176)."""
    from huitoukan.campaign import CAMPAIGN_FILE_NAME
    from huitoukan.files import as_argument

    for given in inputs:
        # a folder's own and its parent's (活动/回收), a file's folder's and the one above
        # (活动/全校隐患台账.xlsx, 活动/回收/保卫处.xlsx)
        folders = (given, given.parent) if given.is_dir() else (given.parent, given.parent.parent)
        for near in (folder / CAMPAIGN_FILE_NAME for folder in folders):
            if (
                near.is_file()
                and not near.samefile(here)
                and near.read_bytes() != here.read_bytes()
            ):
                raise _fail(
                    InputError(
                        f"{as_argument(given)} 所在的活动有自己的 {as_argument(_shown(near))}，"
                        f"与当前文件夹的 campaign.toml 不同：未做任何改动。请到 "
                        f"{as_argument(_shown(near.parent))} 文件夹中运行，"
                        "或加 --campaign 指明用哪一个活动配置"
                    )
                )


@app.command()
def init(
    out: Annotated[
        Path, typer.Option("--out", "-o", callback=_out_given, help="写入的文件")
    ] = Path("campaign.toml"),
    force: ForceOption = False,
    findings: Annotated[
        bool,
        typer.Option(
            "--findings",
            help="同时写出空白的交办问题清单（交办问题清单.xlsx，在 campaign.toml 旁），并在配置中写明",
        ),
    ] = False,
) -> None:
    """写出可编辑的活动配置 campaign.toml（学校、日期、部门及别名、二级学院（系、年级组）、附件1项目）。

    \b
    例如：
      huitoukan init
    另写一份空白的交办问题清单：
      huitoukan init --findings
    """
    from huitoukan.actions.init import init as write_init
    from huitoukan.campaign import CAMPAIGN_FILE_NAME
    from huitoukan.cli import render

    here = out.resolve().parent
    above = here.parent / CAMPAIGN_FILE_NAME
    returns = here.is_dir() and any(  # a folder of returns, not a new campaign's folder
        p.suffix.lower() in (".xlsx", ".xls", ".et", ".ods", ".zip") for p in here.iterdir()
    )
    if returns and above.is_file() and not force:  # inside 回收: every command there would
        from huitoukan.files import as_argument

        raise _fail(  # then run on a new default campaign, its register there (trial 49)
            InputError(
                f"上一级文件夹中已有 {_shown(above)}，这里放着表格，像是活动文件夹的子文件夹（如 回收）："
                "在这里再写一份，这里运行的命令就会按新写的默认配置运行，未做任何改动。请到"
                f" {as_argument(_shown(above.parent))} 文件夹中运行 huitoukan；确要在这里另开一次活动的，加 --force"
            )
        )
    try:
        done = write_init(out, force, findings)
    except HuitoukanError as error:
        raise _fail(error) from None
    render.campaign_written(done)


@app.command()
def issue(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            callback=_out_given,
            help="输出文件夹（默认 发放；跟进轮默认 跟进轮M月D日）",
        ),
    ] = None,
    department: Annotated[
        list[str] | None,
        typer.Option(
            "--department", "-d", metavar="部门", help="只发放给这些部门（可重复，可用别名）"
        ),
    ] = None,
    campaign: CampaignOption = None,
    force: ForceOption = False,
    followup: Annotated[
        Path | None,
        typer.Option(
            "--followup",
            metavar="台账或报表文件夹",
            help="跟进轮：按台账（或报回表格）把各部门最新报送的隐患预先填入表中，部门只需更新整改进度、补充新发现",
            callback=_not_an_option("--followup", "台账文件（如 全校隐患台账.xlsx）"),
        ),
    ] = None,
    only_open: Annotated[
        bool,
        typer.Option(
            "--only-open",
            help="跟进轮只发给仍有未销号的隐患或交办问题的部门",
        ),
    ] = False,
    form_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="日期",
            help="发放日期（默认今天），记入发放清单；跟进轮：此后报来的表格算作本轮的反馈",
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option(
            "--due", metavar="日期", help="跟进轮报送截止日期（默认跟进轮日期 --date 后 7 天）"
        ),
    ] = None,
    findings: FindingsOption = None,
) -> None:
    """为每个部门生成附件2《安全隐患自查整改清单》，并生成附件1和发放清单。

    \b
    例如，首轮（写到 发放 文件夹）：
      huitoukan issue
    跟进轮（只列未销号的隐患）：
      huitoukan issue --followup 全校隐患台账.xlsx --only-open --date 2023-12-21
    """
    from huitoukan.actions.issue import issue as issue_forms
    from huitoukan.cli import render
    from huitoukan.register.history import restore_records

    config = _campaign(campaign, [followup] if followup else [])
    render.number_of_another_year(config)
    day = _day(form_date, config, "--date")
    deadline = _day(due, config, "--due") if due else None
    if out is None:  # a round in a folder of its own: into 发放 it was refused, and --force,
        # as the refusal said, wrote over the first round's forms and signed list (trial 106)
        out = Path(f"跟进轮{day.month}月{day.day}日") if followup else Path("发放")
    if followup is not None and (version := restore_records(followup)) is not None:
        render.note(render.restored_text(followup, version))
    try:
        # (a first round's day when typed: its forms handed over then, else on the 印发日期)
        typed = day if form_date or followup else None
        result = issue_forms(
            config, out, department or (), force, followup, typed, deadline, only_open, findings
        )
    except HuitoukanError as error:
        raise _fail(error) from None
    render.issue_summary(result)


@app.command()
def collect(
    returns: Annotated[
        list[Path],
        typer.Argument(metavar="报表文件夹", help="各部门报回的表格所在的文件夹或文件（可多个）"),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", callback=_out_given, help="全校隐患台账文件")
    ] = Path("全校隐患台账.xlsx"),
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
    json_output: JsonOption = False,
    debug: DebugOption = False,
    feedback: Annotated[
        Path | None,
        typer.Option(
            "--feedback",
            metavar="文件夹",
            help="为有问题的部门写出“退回修改”副本：问题单元格标色并加批注（原文件不改动）",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="新汇总的部门或文件比现有台账少时，仍然替换台账（原台账留有历史版本）"
        ),
    ] = False,
    findings: FindingsOption = None,
) -> None:
    """读取、校验并汇总各部门报回的自查整改清单，生成全校隐患台账。

    表格中粘贴的整改前后照片（WPS、Excel 嵌入单元格或浮动在行上的图片）按部门放入台账旁的
    “佐证材料”文件夹，台账“照片”栏计数并可点开；campaign.toml 中 require_photo = true 时，
    报“已完成”却没有整改后照片的给出警告。

    \b
    例如（报表文件夹和填好的复查验收表所在的文件夹每次都一并给出，
    跟进轮的回收文件夹也一样）：
      huitoukan collect 回收 复查 --as-of 2023-12-20
    """
    from huitoukan.actions.collect import CollectReport, collect_to_register
    from huitoukan.cli import render

    _errors_as_json(json_output)
    config = _campaign(campaign, returns)
    day = _day(as_of, config)
    try:
        with render.file_progress(enabled=not json_output) as on_file:
            result = collect_to_register(
                config, returns, out, day, on_file, debug, feedback, force, findings
            )
    except HuitoukanError as error:
        raise _fail(error) from None
    if json_output:
        _print_json(CollectReport.of(result))
    else:
        render.collect_report(result)
        if result.register_file is not None:  # a form left in a folder not read (trial 201 BA3)
            _register_notes([result.register_file], day, config, collected=True)
    raise typer.Exit(result.exit_code)


@app.command()
def status(
    sources: SourcesArgument = None,
    as_of: AsOfOption = None,
    due_within: Annotated[
        int, typer.Option("--due-within", min=0, help="列出多少天内到期的隐患")
    ] = 7,
    department: DepartmentOption = None,
    long_standing: Annotated[
        bool, typer.Option("--long-standing", help="只列出历史遗留问题（报学校安全工作领导小组）")
    ] = False,
    fail_if_overdue: Annotated[
        bool,
        typer.Option(
            "--fail-if-overdue",
            help="存在逾期隐患或逾期未反馈的交办问题时退出码为 1（用于定时检查）",
        ),
    ] = False,
    everything: Annotated[
        bool, typer.Option("--all", help="列出全部逾期和即将到期的隐患，以及各部门情况")
    ] = False,
    campaign: CampaignOption = None,
    json_output: JsonOption = False,
    findings: FindingsOption = None,
) -> None:
    """列出逾期隐患、即将到期的隐患、未报送部门，以及各部门销号情况。

    \b
    例如：
      huitoukan status --as-of 2023-12-20
    只看一个部门：
      huitoukan status --department 保卫处
    """
    from huitoukan.actions.state import status_of

    _errors_as_json(json_output)
    config = _campaign(campaign, sources)
    day = _day(as_of, config)
    behind = _register_notes(sources, day, config, findings)
    try:
        report = status_of(config, sources or [], day, due_within, department or (), findings)
    except HuitoukanError as error:
        raise _fail(error) from None
    if json_output:
        _print_json(
            report.model_copy(
                update={
                    "register_behind": behind.said,
                    "returns_not_collected": behind.arrived,
                    "register_edited": behind.edited,
                    "list_changed": behind.list_changed,
                }
            )
        )
    else:
        from huitoukan.cli import render

        if long_standing:
            render.long_standing(report, config.info.leading_group)
        else:
            render.status_report(report, everything, chosen=bool(department), sources=sources)
    raise typer.Exit(report.exit_code(fail_if_overdue))


@app.command()
def remind(
    sources: SourcesArgument = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", callback=_out_given, help="输出文件夹")
    ] = Path("通知"),
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
    findings: FindingsOption = None,
) -> None:
    """写出催报、督办通知：每个有待办事项的部门一份（未报送、隐患逾期、报表填写有误、复查不合格、
    须重新整改、交办问题未反馈、跟进轮未报送、缺整改照片等），本处待办一份，另有汇总文件。

    \b
    例如（写到 通知 文件夹）：
      huitoukan remind --as-of 2023-12-20
    """
    from huitoukan.actions.letters import remind as write_reminders
    from huitoukan.cli import render

    config = _campaign(campaign, sources)
    day = _day(as_of, config)
    _register_notes(sources, day, config, findings, writing="催报督办通知")
    try:
        items, written = write_reminders(config, sources or [], day, out, findings)
    except HuitoukanError as error:
        raise _fail(error) from None
    render.notices_written(items, written, day, config.info.ends_on)


@app.command()
def report(
    sources: SourcesArgument = None,
    out: Annotated[Path, typer.Option("--out", "-o", callback=_out_given, help="输出文件")] = Path(
        "回头看工作汇报.xlsx"
    ),
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
    findings: FindingsOption = None,
    photos: Annotated[
        bool,
        typer.Option("--photos", help="另附“整改照片”页：每项附有照片的隐患一页，照片缩放排入"),
    ] = False,
) -> None:
    """写出供学校安全工作领导小组审阅签字的工作汇报（A4 打印，含图表）。

    \b
    例如（先用同一日期 collect）：
      huitoukan report --as-of 2023-12-20
    """
    from huitoukan.actions.letters import report as write_leader_report
    from huitoukan.cli import render

    config = _campaign(campaign, sources)
    day = _day(as_of, config)
    _register_notes(sources, day, config, findings, writing=REPORT)
    try:
        status_report, written, photo_pages, lost = write_leader_report(
            config, sources or [], day, out, findings, photos
        )
    except HuitoukanError as error:
        raise _fail(error) from None
    render.report_written(status_report, written, photo_pages, lost)


@app.command()
def sample(
    sources: SourcesArgument = None,
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, help="随机抽取的问题个数（督导组抽查 5 个）")
    ] = 5,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="随机种子：同一种子抽到同样的问题（默认随机，并显示所用种子）"),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", metavar="来源", help="只从这些来源中抽取（可重复），如 省级督查"),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="不抽取：按编号顺序写出全部问题的档案")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            callback=_out_given,
            help="输出文件（默认 抽查档案.xlsx；用 --source 的为 抽查档案（来源）.xlsx，用 --all 的为 抽查档案（全部）.xlsx）",
        ),
    ] = None,
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
    findings: FindingsOption = None,
) -> None:
    """模拟督导组随机抽查交办问题，写出“一问题一档案”（每个问题一页 A4，可打印）。

    \b
    例如，抽 3 个：
      huitoukan sample -n 3
    每个交办问题一页：
      huitoukan sample --all
    """
    from huitoukan.actions.sample import default_archive
    from huitoukan.actions.sample import sample as write_sample
    from huitoukan.cli import render

    config = _campaign(campaign, sources)
    day = _day(as_of, config)
    _register_notes(sources, day, config, findings, writing=ARCHIVE)
    try:
        chosen, written, lost = write_sample(
            config,
            sources or [],
            out or default_archive(source or [], everything, config),
            None if everything else count,
            seed,
            source or [],
            day,
            findings,
        )
    except HuitoukanError as error:
        raise _fail(error) from None
    render.sample_written(chosen, written, everything, count, lost)


@app.command()
def crosscheck(
    findings: Annotated[
        Path,
        typer.Argument(
            metavar="检查发现问题清单",
            help="一次检查发现的问题清单（格式同交办问题清单，可加“对应自查”一列记录核对结论）",
            dir_okay=False,
        ),
    ],
    sources: SourcesArgument = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            callback=_out_given,
            help="输出文件（默认 追责核查.xlsx；它已是另一份检查问题清单的核查结果的，"
            "写入 追责核查（清单文件名）.xlsx）",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
    forget: Annotated[
        bool,
        typer.Option(
            "--forget",
            help="撤销这份清单的核查记录（试着核查的、选错了清单的）：status 和工作汇报不再引用它，"
            "已写出的追责核查表不删除",
        ),
    ] = False,
) -> None:
    """追责核查：逐项比对检查发现的问题与自查台账，列出自查已发现、自查未发现（及追责范围）和待确认的问题。

    \b
    例如（核对结论填在问题清单的“对应自查”一栏后再运行一次）：
      huitoukan crosscheck 市级抽查问题.xlsx --as-of 2023-12-20
    撤销一次试着做的核查：
      huitoukan crosscheck 试核查.xlsx --forget
    """
    from huitoukan.actions.crosscheck import run_crosscheck
    from huitoukan.cli import render

    if forget:
        from huitoukan.actions.crosscheck import forget as forget_list

        try:
            forgotten = forget_list(findings, sources or [])
        except HuitoukanError as error:
            raise _fail(error) from None
        render.crosscheck_forgotten(forgotten)
        return
    config = _campaign(campaign, [findings, *(sources or [])])
    day = _day(as_of, config)
    _register_notes(sources, day, config, writing=CROSSCHECK)
    try:
        result, written = run_crosscheck(config, findings, sources or [], out, day)
    except HuitoukanError as error:
        raise _fail(error) from None
    render.crosscheck_written(result, written, config.info.returns_due, sources)
    raise typer.Exit(result.exit_code)


@app.command()
def review(
    sources: SourcesArgument = None,
    out: Annotated[Path, typer.Option("--out", "-o", callback=_out_given, help="输出文件")] = Path(
        "复查验收表.xlsx"
    ),
    as_of: AsOfOption = None,
    campaign: CampaignOption = None,
) -> None:
    """写出复查验收表：列出部门报“已完成”、尚待复查的隐患，供接收部门复查后填写，放入 复查 文件夹与报表一起汇总。

    \b
    例如：
      huitoukan review --as-of 2023-12-20
    填好后与报表一起汇总：
      huitoukan collect 回收 复查
    """
    from huitoukan.actions.review import review as write_review
    from huitoukan.cli import render

    config = _campaign(campaign, sources)
    day = _day(as_of, config)
    _register_notes(sources, day, writing=REVIEW_FORM)
    try:
        hazards, written, failed = write_review(config, sources or [], out, day)
    except HuitoukanError as error:
        raise _fail(error) from None
    render.review_written(len(hazards), written, config.info.receiver, failed, _again(sources))


def _again(sources: Sequence[Path] | None) -> str:
    """The collect that takes a filled 复查验收表: the folders the register was collected
    from, and 复查 (“如 huitoukan collect 回收 复查” was typed as it stood, the folders named
    otherwise: clerk trial 131)."""
    from huitoukan.files import collect_command, given_input
    from huitoukan.forms.layout import REVIEWS_FOLDER
    from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
    from huitoukan.register.record import recorded_coverage

    register = given_input((sources or [Path(REGISTER_FILE)])[0])
    coverage = recorded_coverage(register) if register.is_file() else None
    folders = coverage.looked_in if coverage is not None and coverage.looked_in else ["回收"]
    return collect_command([*folders, REVIEWS_FOLDER], kept_elsewhere(register))


_JSON_COMMANDS = frozenset({"collect", "status"})
"""The commands whose --json prints an error that stops them on stdout too (README 退出码)."""


def _usage_error_as_json(args: Sequence[str]) -> None:
    """A usage error (an unknown option, a value out of range, a folder left out) of a
    command asked for --json, printed as its other errors are, on stdout: it printed
    nothing there (clerk trial 179 AF6)."""
    from huitoukan.cli.chinese import SHOWN_ERRORS

    command = next((a for a in args if not a.startswith("-")), "")
    if SHOWN_ERRORS and "--json" in args and command in _JSON_COMMANDS:
        from huitoukan.json_output import Refusal

        _print_json(Refusal(error=SHOWN_ERRORS[-1], exit_code=2))


def main() -> None:
    """The Typer app, with Ctrl-C and huitoukan's own defects said in Chinese (the
    `huitoukan` command starts here through `huitoukan.__main__`, which sets UTF-8 output)."""
    # A run builds tens of thousands of small objects that live until it ends, and has
    # no reference cycles to speak of: collecting the young generation every 700
    # allocations cost 5 % of a city's collect (benchmarks/README.md).
    gc.set_threshold(20_000, 50, 1_000)
    from huitoukan.cli.chinese import SHOWN_ERRORS

    SHOWN_ERRORS.clear()  # (this run's alone)
    try:
        app()
    except SystemExit as done:  # Typer ends a Ctrl-C with exit 130, silently
        if done.code == 2:
            _usage_error_as_json(sys.argv[1:])
        if done.code == INTERRUPTED:
            sys.stderr.write(INTERRUPTED_MESSAGE)
        if done.code == 1 and isinstance(done.__context__, BrokenPipeError):
            # rich and Typer end a write to a closed pipe (`| head`) with exit 1, which
            # says "problems found" here: exit as a shell reports a process SIGPIPE ended
            raise SystemExit(PIPE_CLOSED) from None
        raise
    except KeyboardInterrupt:  # before Typer had started
        sys.stderr.write(INTERRUPTED_MESSAGE)
        sys.exit(INTERRUPTED)
    except Exception as exc:  # a defect of huitoukan's, not the clerk's doing: say so
        traceback.print_exc()
        sys.stderr.write(
            f"\n程序内部错误（{type(exc).__name__}）。这是 huitoukan 的缺陷，不是您的操作问题，"
            "已写出的台账和文件不受影响。请把以上内容和所用的文件发给维护人员。\n"
        )
        sys.exit(INTERNAL_ERROR)
