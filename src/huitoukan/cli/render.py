"""Rendering results for the terminal with rich: results to stdout, diagnostics to stderr.

Written for an 80-column console (a plain Windows console window), and as right at 120:
nothing is cut off.  Names and texts too long for their table column wrap inside it
between Chinese characters (`chinese_text`), as long sentences do (`wrap_text`): never
inside a Latin word, number or date, never before closing punctuation, and a figure
stays with its label ("错误 1"); dates and counts are never broken.  File names alone are
shortened, in the middle, to the room their table column has (`_FileName`: the start and
the end tell versions apart).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from huitoukan.actions.collect import CollectResult
from huitoukan.campaign.model import headline
from huitoukan.cli.chinese import chinese_text, text_width, wrap_text
from huitoukan.dates import chinese_date
from huitoukan.errors import HuitoukanError
from huitoukan.files import as_argument, collect_command
from huitoukan.findings.crosscheck import UNSETTLED, Conclusion, Crosscheck
from huitoukan.findings.reading import FindingsError
from huitoukan.findings.sampling import Sample
from huitoukan.forms.layout import REVIEW_FILE, REVIEWS_FOLDER
from huitoukan.letters.accountability import summary
from huitoukan.letters.notices import reviews_refused
from huitoukan.letters.report import campaign_ended, summary_line
from huitoukan.model.findings import Finding, Part, PartState, numbered
from huitoukan.model.problems import Problem, Severity
from huitoukan.model.returns import STILL_THERE, UNREVIEWED, FileOutcome
from huitoukan.register.crosschecks import CheckedList
from huitoukan.register.evidence import EVIDENCE_FOLDER, LIBRARY_FOLDER
from huitoukan.register.layout import REGISTER_FILE, kept_elsewhere
from huitoukan.register.shrinking import ShrinkingRegister
from huitoukan.register.status import HazardView, RoundStatus, StatusReport
from huitoukan.register.store import Written
from huitoukan.returns.batch import OnFile
from huitoukan.returns.finding import outermost_archive, sent_name
from huitoukan.text import percent

if TYPE_CHECKING:  # openpyxl (behind issuing and feedback) costs 0.15 s to import
    from huitoukan.actions.init import Initialized
    from huitoukan.campaign import Campaign
    from huitoukan.forms.issuing import IssueResult
    from huitoukan.letters.feedback import FeedbackCopy
    from huitoukan.letters.notices import Notice

TERMINAL_ROWS = 60
"""Rows a full table shows; the rest are in the register and in --json (rich needs about a
minute to lay out 20,000 rows, and nobody reads them on a screen)."""
SCREEN_OVERDUE = 8
SCREEN_DUE_SOON = 4
"""Rows `status` shows by default, so that it fits one screen; `--all` shows every row."""


class TrimmedLines(io.TextIOBase):
    """A file or a pipe the console writes to, each line without the spaces rich pads it
    with to the console's width (copied into a message, they came along: clerk trial 101)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._line = ""

    def write(self, text: str) -> int:
        *lines, self._line = (self._line + text).split("\n")
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._line:  # (rich ends what it prints with a new line: a prompt, if any)
            self._stream.write(self._line)
            self._line = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"


def _console(stream: TextIO, stderr: bool = False) -> Console:
    """The console on `stream`: a terminal as it is, a file or a pipe without the padding."""
    if stream.isatty():
        return Console(stderr=stderr)
    return Console(file=cast(TextIO, TrimmedLines(stream)))


def _out() -> Console:
    return _console(sys.stdout)


def _err() -> Console:
    return _console(sys.stderr, stderr=True)


def _table(title: str | None = None) -> Table:
    """A table under a ruled header, two columns apart; its headers are never broken."""
    return Table(
        title=None if title is None else chinese_text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
        expand=True,
    )


def _fixed(table: Table, header: str, width: int, right: bool = False) -> None:
    """A column of short values (dates, counts, fixed labels) that are never broken."""
    table.add_column(header, no_wrap=True, min_width=width, justify="right" if right else "left")


def _name(table: Table, header: str, width: int, widest: int = 20) -> None:
    """A column of names (部门, 责任人, 问题来源): one line up to `widest` columns, a longer
    name wraps inside it (its cells are `_cell`s)."""
    table.add_column(header, min_width=width, max_width=max(width, widest))


def _text(table: Table, header: str) -> None:
    """The column that takes the rest of the line; a long text wraps inside it."""
    table.add_column(header, ratio=1, min_width=10)


def _file_column(table: Table, header: str) -> None:
    """The column of file names (`_FileName`), taking the rest of the line."""
    table.add_column(header, ratio=1, min_width=12, no_wrap=True)


def _cell(text: str, style: str = "") -> Text:
    """A table cell that wraps between Chinese characters, never inside a word."""
    return chinese_text(text, style=style)


class _FileName:
    """A file name in as many columns as its table column has, shortened in the middle
    (`_middle`) when it has fewer — around the part that tells it from the other names of
    its table (`others`) when shortened alike (复查验收表（安全保卫处已填）.xlsx and 复查验收表
    （第二次已填）.xlsx both read 复查验收表（…已填）.xlsx: clerk trial 126)."""

    def __init__(self, name: str, others: Sequence[str] = ()) -> None:
        self.name = name
        self.others = others

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = text_width(self.name)
        return Measurement(min(width, 12), width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        shown = _middle(self.name, width)
        alike = [o for o in self.others if o != self.name and _middle(o, width) == shown]
        if alike:
            shown = _around(self.name, width, _differing(self.name, alike[0]))
        yield Text(shown, no_wrap=True, overflow="crop")


def _differing(name: str, other: str) -> tuple[int, int]:
    """Where `name` differs from `other`: the part between their common start and end."""
    start = len(os.path.commonprefix([name, other]))
    end = len(name) - len(os.path.commonprefix([name[::-1], other[::-1]]))
    return start, max(start, end)


def _around(text: str, width: int, part: tuple[int, int]) -> str:
    """`text` in `width` columns keeping `part` (start, end) whole, widened to the right and
    the left in turn while it fits, “…” where it is cut; shortened in the middle when the
    part alone does not fit."""
    start, end = part

    def shown(left: int, right: int) -> str:
        before = "…" if left > 0 else ""
        return before + text[left:right] + ("…" if right < len(text) else "")

    if end <= start or text_width(shown(start, end)) > width:
        return _middle(text, width)
    while True:
        if end < len(text) and text_width(shown(start, end + 1)) <= width:
            end += 1
        elif start > 0 and text_width(shown(start - 1, end)) <= width:
            start -= 1
        else:
            return shown(start, end)


def _year(report: StatusReport) -> int:
    """The year a day of `report` is shown without (`_short`): the campaign's, while the
    day judged is in it — none after (12月31日 read as the end of the next year on 2024年1月
    5日: clerk trial 118)."""
    year = report.returns_due.year
    return year if report.as_of.year == year else 0


def _short(day: date | None, year: int) -> str:
    """12月14日 within the campaign's year, 2024年6月30日 outside it."""
    if day is None:
        return ""
    return f"{day.month}月{day.day}日" if day.year == year else chinese_date(day)


def _sent(day: date | None, as_of: date, impossible: bool) -> str:
    """A form's 日期 in collect's table: 12月13日 in the year before the day judged (a past
    day: which year is plain), a date that cannot be right or any other with its year (in
    January every date took its year and the file names beside them shrank to 复查验收…填）
    .xlsx, two files alike: clerk trial 123)."""
    if day is None:
        return ""
    recent = not impossible and as_of - timedelta(days=365) < day <= as_of
    return f"{day.month}月{day.day}日" if recent else chinese_date(day)


def _wrapped(
    console: Console, text: str, indent: str = "", hang: str = "  ", style: str = ""
) -> None:
    """A sentence wrapped to the console between Chinese characters, never in a word."""
    wrapped = wrap_text(text, console.width - 1, initial_indent=indent, subsequent_indent=hang)
    console.print(Text(wrapped, style=style), soft_wrap=True)


def _not_returned(console: Console, report: StatusReport, label: str) -> None:
    """The departments whose return is missing (`label`), and apart those which sent a file
    that could not be read (a password, a damaged file: listed as not sent, trial 60), or
    another department's form filled in, set aside (trial 93)."""
    # one list, as many as the count beside it says (those that sent something listed
    # apart read as fewer overdue than the 已报送 count: clerk trials 100, 106), each that
    # sent something with what it sent; whose header a form is, by name (trial 100)
    why = {name: f"{said}，请其重新报送" for name, said in report.unreadable_said.items()}
    for d in report.departments:
        if d.department in report.set_aside_senders and d.department not in why:
            why[d.department] = f"报来的表格{d.set_aside_named()}，待核对，请其改正后重新报送"
        elif d.department in report.counted_senders:
            why[d.department] = f"报来的表格{d.counted_named}，已计为{d.counted_header}报送，请核对"
    said = [f"{name}（{why[name]}）" if name in why else name for name in report.not_returned]
    if said:
        _listed(console, f"{label}：", said)
    extra = report.extra_form_senders
    if extra:
        also = "另报的表格与本部门报表没有相同的隐患，未汇总，待核对（请其并入本部门报表）："
        _listed(console, also, extra)
    if report.old_form_senders:  # said by collect and the notice alone (clerk trial 111)
        also = "报来的是往期活动的表格（表头日期是本次的），已照常汇总，待核对："
        _listed(console, also, report.old_form_senders)


def _listed(console: Console, label: str, names: Sequence[str], separator: str = "、") -> None:
    """`label` and `names`, wrapped between names only (a department's name split over
    two lines reads as two names); a name wider than a line wraps as a sentence."""
    width, hang = console.width - 1, "  "
    # (a label wider than the line ran off it: clerk trial 142)
    lines = wrap_text(label, width, "", hang).splitlines() if text_width(label) > width else [label]
    for number, name in enumerate(names):
        piece = name + (separator if number < len(names) - 1 else "")
        if lines[-1].strip() and text_width(lines[-1] + piece) > width:
            lines.append(hang)
        if text_width(lines[-1] + piece) > width:  # (a new line's hang kept: trial 140)
            first = hang if not lines[-1].strip() else ""
            lines[-1:] = wrap_text(lines[-1] + piece, width, first, hang).splitlines()
        else:
            lines[-1] += piece
    console.print(Text("\n".join(line.rstrip() for line in lines)), soft_wrap=True)


def _room(rows: int, total: int) -> int:
    """Rows to show of `total`: all of them when one more than `rows` (“逾期最久的 8 项” of
    9 and a line saying one was left out: clerk trial 135)."""
    return total if total == rows + 1 else rows


def _more(console: Console, shown: int, total: int, where: str) -> None:
    """Say how many were not shown and `where` they are ("见…", or what to do)."""
    if total > shown:
        rest = where if where.startswith("：") else f"，完整列表见{where}"
        _wrapped(console, f"……另有 {total - shown} 项未显示{rest}")


def error(error: HuitoukanError) -> None:
    """A run that cannot go on: one line on stderr (a bad list: its problems first)."""
    console = _err()
    if isinstance(error, FindingsError):  # nothing was written
        problem_list(console, error.problems, "：请先改正以上各处，重新运行后显示其余的")
    elif isinstance(error, ShrinkingRegister) and error.problems:  # (clerk trial 229 CC3)
        console.print("这次读到的、台账少计的文件中有以下错误（改正后重新汇总即可计入）：")
        problem_list(console, error.problems, "：这些错误改正后重新汇总，文件就会计入")
    wrapped = wrap_text(f"错误：{error.message}", console.width - 1, subsequent_indent="  ")
    console.print(Text(wrapped, style="bold red"), soft_wrap=True)


def register_edited_text(register: Path, writing: str = "") -> str:
    """What is said when a register read was changed by hand since collect wrote it: what
    follows counts the change, which the next collect undoes; `writing` a document from
    it is refused (it would give the change as the departments' word)."""
    if writing:
        return (
            f"{register} 在上次汇总（collect）之后被手工改动过，未写出{writing}：台账的内容以"
            f"各部门报表为准，{writing}不能按手工改动写。请先运行 huitoukan collect 按报表恢复"
            "台账（改动后的台账另存备份）；要改的内容，请部门在报表中改正后重新报送"
        )
    return (
        f"提示：{register} 在上次汇总（collect）之后被改动过，以下按改动后的内容统计；"
        "台账的内容以各部门报表为准，重新运行 collect 会按报表恢复（改动后的台账另存备份）。"
    )


def restored_text(register: Path, version: Path) -> str:
    """What is said when `register` was a version of its history copied back, and its
    records were taken back with it (`restore_records`)."""
    return (
        f"提示：{register} 是从历史版本 {version.parent.name}/{version.name} 复制回来的，已按该版本恢复当时汇总的记录（照片属于哪项"
        "隐患、各部门首次报送日期、复查结论等），之后的汇总从这个版本接着进行。"
    )


_MISSED_BY = {
    "复查验收表": "部门新报已完成的隐患不会列入，已复查过的会再列一次",
    "一问题一档案": "部门新报的整改情况不在档案中，反馈了的部门会被当作未反馈",
    "追责核查表": "部门新报的隐患不在其中，自查发现了的问题会被当作自查未发现",
}
"""What a document written from a register that returns came after gets wrong, when not
the letters' and the report's (a department that reported taken for one that did not)."""


def arrived_text(
    register: Path,
    arrived: Sequence[Path],
    writing: str = "",
    command: str = "huitoukan collect",
    moved: Sequence[Path] = (),
    into: str = "",
    collected: bool = False,
    before: Sequence[Path] = (),
) -> str:
    """What is said of files saved beside a register's returns after it was written (and
    of those of them, `before`, saved earlier in a folder collect did not read: clerk trial
    201 BA3): a 提示 (`writing` nothing; `collected`: after the collect that wrote it), or
    why the `writing` (letters, a report) was not written;
    `command` collects again, after those of them saved in the folder a round's forms were
    issued into (`moved`) are moved to the returns (collecting that folder read every form
    nobody filled as 空白表: clerk trial 188 AN6): the round's returns folder, or `into`,
    the first forms' (回收: clerk trial 194 AT3)."""
    later = [p for p in arrived if p not in before]
    said = []
    if later:
        said.append(
            f"{register} 写出之后，{_where(later)} 中又放入或改动了 {len(later)} 个文件"
            f"（{_named(later)}）"
        )
    if before:
        said.append(
            f"{_where(before)} 中有 {len(before)} 个部门填写过的表格（{_named(before)}）"
            f"没有汇总进 {register}"
        )
    came = "；".join(said)
    first = ""
    if moved:
        folder = moved[0].parent
        first = (
            f"{folder} 是下发{'' if into else '跟进轮'}表格的文件夹（其余是下发的空表，不要汇总这个文件夹），"
            f"请先把其中的 {_named(moved)} 移到报表文件夹（"
            + (f"{into}），再" if into else f"如 {folder.name}回收，不在下面命令中的请加上），再")
        )
    if writing:
        missed = _MISSED_BY.get(writing, "报来了的部门会被当作未报送")
        return (
            f"{came}，台账中还没有它们：按它写{writing}，{missed}，未写出任何文件。"
            f"{first or '请先'}运行 {command} 重新汇总"
        )
    return (
        f"提示：{came}，{'台账' if collected else '以下'}不含它们（部门报来的表格尚未计入）："
        f"{first or '请先'}运行 {command} "
        "重新汇总。"
    )


def _named(files: Sequence[Path]) -> str:
    return "、".join(p.name for p in files[:3]) + (" 等" if len(files) > 3 else "")


def _where(files: Sequence[Path]) -> str:
    return "、".join(dict.fromkeys(str(p.parent) for p in files))


def gone_text(register: Path, gone: Sequence[str]) -> str:
    """What is said of files a register was collected from that are there no more."""
    names = "、".join(gone[:3]) + (f" 等 {len(gone)} 个文件" if len(gone) > 3 else "")
    return (
        f"提示：{register} 汇总过的 {names} 已不在原处，以下仍按台账中的内容统计；误删的请恢复，"
        "确要去掉的请重新运行 huitoukan collect（会指出少了哪些文件）。"
    )


def folders_left_out_text(
    register: Path, left: Sequence[Path], given: Sequence[Path], writing: str = ""
) -> str:
    """What is said when the returns folders `given` leave out folders whose returns
    `register` holds: a 提示 (`writing` nothing), or why the `writing` was not written."""
    held = "、".join(map(str, left[:3])) + (f"等 {len(left)} 个文件夹" if len(left) > 3 else "")
    read = "、".join(map(str, given))
    came = f"{register} 还汇总了 {held} 中的报表，而这次只读取了所给的 {read}"
    advice = "要按全校隐患台账，请不给文件或文件夹运行；或给出全部报表文件夹"
    if writing:
        return f"{came}：按它写{writing}，已报送、已销号的情况会不全，未写出任何文件。{advice}"
    return f"提示：{came}，以下只是其中报表的情况，与台账不同、不全。{advice}。"


def reviews_due_text(register: Path, judged: date, count: int, day: date, writing: str) -> str:
    """What is said when `count` reviews that the collect of `judged` put off (dated after
    it) are due by `day`: a 提示, or why the `writing` was not written."""
    came = (
        f"{register} 汇总时（统计日期 {chinese_date(judged)}）有 {count} 项复查验收的复查时间在"
        f"统计日期之后，当时未采用；到 {chinese_date(day)} 已经复查过了，台账中还没有这些结论"
    )
    redo = f"请先运行 huitoukan collect（加 --as-of {day:%Y-%m-%d}）重新汇总"
    if writing:
        return f"{came}：按它写{writing}，已销号、待复查的数字和待办会不对，未写出任何文件。{redo}"
    return f"提示：{came}，以下的已销号、待复查不含它们。{redo}。"


def due_moved_text(register: Path, recorded: date, due: date, writing: str) -> str:
    """What is said when campaign.toml moved the 报送截止 since `register` was collected:
    a 提示, or why the `writing` (the report, which says the date first set) was not
    written."""
    came = (
        f"{register} 是按报送截止日期 {chinese_date(recorded)} 汇总的，campaign.toml 现为 "
        f"{chinese_date(due)}"
    )
    redo = "请先运行 huitoukan collect 重新汇总（台账会记下原定日期）"
    if writing:
        return f"{came}：这样写{writing}，不会注明原定日期，未写出任何文件。{redo}"
    return f"提示：{came}，以下按新日期判断逾期报送。{redo}。"


def note(text: str) -> None:
    """A 提示 about what a command reads, on stderr."""
    _wrapped(_err(), text, style="dim")


def other_day(register: Path, judged: date, day: date) -> None:
    """Said on stderr when a report is made as of another day than its register's: a
    collect of an earlier day is refused (it advised one: clerk trial 78), and the
    register holds what came after that day."""
    if day < judged:
        advice = (
            f"台账中 {chinese_date(day)} 以后报来的版本和销号也算在内；要一并报送，请 report 加 "
            f"--as-of {judged:%Y-%m-%d}"
        )
    else:
        advice = f"要一并报送，请先用同一日期重新 collect（或 report 加 --as-of {judged:%Y-%m-%d}）"
    _wrapped(
        _err(),
        f"提示：{register} 的统计日期是 {chinese_date(judged)}，这份汇报按 {chinese_date(day)} 统计，"
        f"逾期等数字会与台账不同；{advice}。",
        style="dim",
    )


def earlier_day(register: Path, judged: date, day: date) -> None:
    """Said on stderr when status or remind is run as of a day before its register's: the
    register holds what came after it (remind of 12月15日 quoted a 销号时间 of 12月20日, and
    said nothing: clerk trial 70)."""
    _wrapped(
        _err(),
        f"提示：{register} 的统计日期是 {chinese_date(judged)}，晚于这次的 {chinese_date(day)}："
        f"台账中 {chinese_date(day)} 以后报来的版本和销号也算在内，与那一天的情况会有出入。",
        style="dim",
    )


def list_changed_text(
    listed: Path, register: Path, writing: str = "", command: str = "huitoukan collect"
) -> str:
    """What is said when the 交办问题清单 was saved after the register read was written: a
    提示, or why the `writing` was not written; `command` collects again."""
    came = f"交办问题清单 {listed} 在 {register} 写出之后改动过"
    if writing:
        return (
            f"{came}：按它写{writing}，交办问题的数字会与台账对不上，未写出任何文件。"
            f"请重新运行 {command} 更新台账，再写{writing}"
        )
    return (
        f"提示：{came}：以下按现在的清单统计，台账中的交办问题还是改动前的，两者会对不上；"
        f"请重新运行 {command} 更新台账。"
    )


NEW_CAMPAIGN_DAYS = 180
"""A 报送截止 put off by more days than this is asked whether it is a new campaign's."""


def number_of_another_year(campaign: Campaign) -> None:
    """Said on stderr when the campaign's 文号 is of a year its dates are not."""
    info = campaign.info
    if info.number_year is not None:
        _wrapped(
            _err(),
            f"提示：campaign.toml 中的文号“{info.document_number}”是 {info.number_year} 年的，"
            f"而本次活动的发放日期是 {chinese_date(info.issued_on)}：发放的表格、通知和汇报都引用"
            "这个文号，请核对（是沿用了往年或内置默认活动的文号的，请在发放前改为本次工作方案的文号）。",
        )


def default_campaign_used(campaign: Campaign) -> None:
    """Said on stderr when no campaign.toml was found: run from the wrong folder, the
    clerk's own list and settings would silently not apply."""
    info = campaign.info
    _wrapped(
        _err(),
        f"提示：当前文件夹中没有 campaign.toml，按内置默认活动（{info.document_number}，"
        f"{info.school}）运行。本校的活动请在存放 campaign.toml 的文件夹中运行，"
        "或用 --campaign 指定；还没有的，运行 huitoukan init 生成。",
        style="dim",
    )


def campaign_written(done: Initialized) -> None:
    console = _out()
    if done.written:
        _wrapped(
            console, f"已写出 {done.campaign}。修改后在同一文件夹运行 huitoukan 即按新配置执行。"
        )
    elif done.named:
        _wrapped(
            console, f"{done.campaign} 已存在，未覆盖；已在其中写明交办问题清单（[findings]）。"
        )
    elif done.named_before:
        _wrapped(console, f"{done.campaign} 已存在，其中已写明交办问题清单，未做改动。")
    if done.findings is not None:
        _wrapped(
            console,
            f"已写出空白交办问题清单 {done.findings}：删除示例行后逐项填写检查发现的问题，"
            "发放（issue）时各部门的表格会列出交办给它的问题。"
            + (  # made with the embedded campaign's school and departments (clerk trial 41)
                f"清单的标题和“责任部门”下拉选项按内置默认活动生成：改好 {done.campaign.name} 的"
                f"学校和部门后，删除这份清单再运行 huitoukan init --findings，即按本校重新生成。"
                if done.written
                else ""
            ),
        )
    if done.existing is not None:
        _wrapped(
            console,
            f"交办问题清单 {done.existing} 已存在，按原样写明，未改动；确需另写一份空白清单请加 --force"
            "（覆盖前的内容另存备份）。",
        )
    for file, copy in done.kept:
        _wrapped(console, f"注意：原 {file} 已覆盖，覆盖前的内容另存为 {copy}")
    if done.register is not None:  # (next year's begun in this year's folder: trial 178)
        back = "；".join(f"把 {copy.name} 改名为 {file.name}" for file, copy in done.kept)
        _wrapped(
            console,
            f"注意：这个文件夹中有活动的台账 {done.register.name}，以后的命令都按覆盖后的配置和清单"
            f"处理它。新一次活动请在新的工作文件夹中开始（在那里运行 huitoukan init）；"
            f"要恢复这个文件夹的活动：{back}。",
        )
    if done.below:
        folders = "、".join(as_argument(path.parent) for path in done.below)
        _wrapped(
            console,
            f"注意：下级文件夹 {folders} 中已有活动配置：那里的活动请到那个文件夹中运行；"
            f"这里新写的 {done.campaign.name} 是另一次活动的（写错了地方的，删除它即可）。",
        )


def report_written(
    report: StatusReport, written: Written, photo_pages: int | None, lost: Sequence[str] = ()
) -> None:
    console = _out()
    console.print(f"统计日期 {chinese_date(report.as_of)}")
    _wrapped(console, summary_line(report, written.path))
    if photo_pages == 0:
        _wrapped(console, "各部门报送的表格中没有附照片，汇报未附“整改照片”页。")
    elif photo_pages:
        _wrapped(console, f"另附“整改照片”：附有照片的隐患 {photo_pages} 项，每项从新的一页开始。")
    _photos_lost(lost, "“整改照片”页")
    _backed_up(console, written)
    if report.ended_on is not None:  # (last year's report rewritten unsaid: trial 214 BK4)
        _after_the_end(report.ended_on, report.as_of, "汇报")


def _after_the_end(ends_on: date, as_of: date, counted: str, going_on: str = "") -> None:
    """That the campaign ended (`ends_on`) before the day `as_of` the `counted` were counted
    as of, and what to do if this is last year's folder (remind and report run there wrote
    letters and a report dated today without a word: clerk trial 211 BK4)."""
    _wrapped(
        _err(),
        f"提示：回头看活动已于 {chinese_date(ends_on)} 结束（campaign.toml 的 ends_on），"
        f"{counted}按 {chinese_date(as_of)} 统计；{going_on}如果这是往年活动的文件夹，请到本次活动的"
        "工作文件夹中运行",
    )


def _photos_lost(lost: Sequence[str], pages: str) -> None:
    """That the photos `lost`, which the register records, could not be found for `pages`."""
    if lost:
        _wrapped(
            _err(),
            f"注意：台账记录的照片中有 {len(lost)} 张（{'、'.join(lost[:3])}"
            f"{'等' if len(lost) > 3 else ''}）在 {EVIDENCE_FOLDER} 中找不到，{pages}中没有它们："
            f"{EVIDENCE_FOLDER} 文件夹被移动或改过名的，请放回台账旁后重新运行 collect，再重新生成",
        )


def _backed_up(
    console: Console, written: Written, command: str = f"huitoukan collect 回收 {REVIEWS_FOLDER}"
) -> None:
    if written.verdicts:  # (the campaign's folders: 第二轮回收 left out, trial 189 AO4)
        _wrapped(
            console,
            f"注意：原 {written.path} 已填写了 {written.verdicts} 项复查结论，已移到 "
            f"{written.backup}，汇总时照样读取（{command}）",
        )
    elif written.kept and written.backup is not None:
        _wrapped(
            console,
            f"注意：原 {written.path} 附有{written.kept}，这次没有（未加 --photos），"
            f"原文件已另存为 {written.backup}",
        )
    elif written.backup is not None:
        _wrapped(
            console,
            f"注意：原 {written.path} 在上次生成后被修改过（或不是本工具生成的），"
            f"已另存为 {written.backup}",
        )
    if written.open_elsewhere:  # (said of the register, not of the report: clerk trial 107)
        _wrapped(
            _err(),
            f"注意：{written.path} 正在 WPS、Excel 或 LibreOffice 中打开，窗口里显示的还是"
            "旧内容：请关闭后重新打开；不要在旧窗口中保存（会把旧内容写回）",
        )


@contextlib.contextmanager
def file_progress(enabled: bool) -> Iterator[OnFile]:
    """A progress bar on stderr for long runs (shown from 20 files on)."""
    from rich.progress import Progress

    console = _err()
    shown = enabled and console.is_terminal  # piped or redirected, it would leave a blank line
    with Progress(console=console, transient=True, disable=not shown) as bar:
        task = bar.add_task("读取报表", total=None)

        def advance(index: int, total: int, path: Path) -> None:
            bar.update(task, total=total, completed=index, visible=total > 20)
            if index >= total:  # read: its refresh thread stops (the register's sheets are
                bar.stop()  # built in a forked copy only while no other thread runs)

        yield advance


def issue_summary(result: IssueResult) -> None:
    console = _out()
    round_ = "（跟进轮）" if result.followup else ""
    table = _table(f"已生成 {len(result.forms)} 份自查整改清单{round_}")
    _fixed(table, "序号", 4, right=True)
    _name(table, "部门", 12)
    _file_column(table, "文件")
    _fixed(table, "检查项目", 8, right=True)
    assigned = any(form.assigned for form in result.forms)
    if assigned:
        _fixed(table, "交办", 4, right=True)
    if result.followup:
        _fixed(table, "预填隐患", 8, right=True)
        _fixed(table, "未销号", 6, right=True)
    for number, form in enumerate(result.forms, start=1):
        cells: list[Text | _FileName | str] = [
            str(number),
            _cell(form.department),
            _FileName(form.file),
            str(len(form.items)),
        ]
        if assigned:
            cells.append(str(form.assigned))
        if result.followup:
            cells += [str(form.prefilled), str(form.open_hazards)]
        table.add_row(*cells)
    console.print(table)
    _wrapped(
        console,
        f"文件夹：{result.out_dir}　附件1：{result.checklist_file}　"
        f"发放清单：{result.distribution_file}",
    )
    if result.tracked_until is not None:
        _wrapped(
            console,
            f"本轮报送截止 {chinese_date(result.tracked_until)}：已记入台账，"
            "status 和 remind 会列出到期未报送本轮的部门",
        )
    elif result.followup:
        _wrapped(
            console,
            "本轮按报回表格生成，没有记入台账：status 和 remind 不跟踪本轮的报送"
            "（要跟踪，请用 collect 生成的台账生成跟进轮）",
        )
    if result.days_left is not None:
        left = result.days_left
        if result.days_from_date:  # (“就是今天” of forms dated a year back: clerk trial 187 AM12)
            when = (
                f"在表格日期之前 {-left} 天"
                if left < 0
                else "就是表格日期当天"
                if left == 0
                else f"距表格日期只剩 {left} 天"
            )
        else:
            when = (
                f"已过 {-left} 天" if left < 0 else "就是今天" if left == 0 else f"只剩 {left} 天"
            )
        _wrapped(
            _err(),
            f"提示：报送截止日期{when}，这些部门报送时都按它判断是否逾期；要给它们留出填报时间，"
            "请在 campaign.toml 中推迟 returns_due（再次汇总时台账记下原定日期，工作汇报注明）",
        )
    if result.due_passed is not None:
        _wrapped(
            _err(),
            f"提示：campaign.toml 的报送截止日期 {chinese_date(result.due_passed)} 已经过去，表格上"
            "要求各部门在这一天前报送：campaign.toml 如果还是往年活动的，请先改为本次活动的文号和"
            "日期（或在新的工作文件夹中运行 huitoukan init），再加 --force 重新生成；如是补记当初"
            "发放的表格，加 --date 写上实际发放的日期",
        )
    if result.list_not_named is not None:
        _wrapped(
            _err(),
            f"提示：文件夹中有 {result.list_not_named}，但 campaign.toml 没有指定交办问题清单"
            "（[findings] 一节），这次生成的表格中没有交办问题；要交办，请在 campaign.toml 中写上 "
            f'[findings] file = "{result.list_not_named}"（或加 --findings '
            f"{result.list_not_named}），再加 --force 重新生成",
        )
    if result.other_campaign:
        _wrapped(
            _err(),
            f"提示：这个文件夹中的 {REGISTER_FILE} 是“{result.other_campaign}”的台账，而 "
            "campaign.toml 现在是另一次活动：新一次活动请在新的工作文件夹中开始（huitoukan "
            "init），这次发出的表格报回后在那里汇总；这个文件夹留作上一次活动的档案",
        )
    if result.ends_before_due is not None and result.days_after_end is not None:
        _wrapped(
            _err(),
            f"提示：本轮表格的日期已在回头看活动结束日期 {chinese_date(result.ends_before_due)}"
            f"（campaign.toml 的 ends_on）之后 {result.days_after_end} 天：活动结束后继续跟进的，"
            "照常报送、汇总；如果要下发的是新一次活动（如今年）的表格，这个文件夹和其中的 "
            "campaign.toml 属于已经结束的那次活动，请在新活动的工作文件夹中运行（huitoukan init）",
        )
    elif result.ends_before_due is not None:
        _wrapped(
            _err(),
            f"提示：本轮报送截止日期晚于回头看活动结束日期 {chinese_date(result.ends_before_due)}"
            "（campaign.toml 的 ends_on）；要在活动结束前收齐，请用 --due 指定更早的日期",
        )
    for department, signed in result.signatures_cleared.items():
        _wrapped(
            console,
            f"{department}的旧表已有签收（{signed}），发放清单中这一行已换成新表，请重新签收",
        )
    if result.left_over:
        _wrapped(
            _err(),
            f"注意：{result.out_dir} 中还有 {'、'.join(result.left_over)}，不是这次生成的（部门改了名、"
            "不在 campaign.toml 中了，或这次不发给它），也不在发放清单中：请删去或移走，以免误发",
        )
    unchecked = [f.department for f in result.forms if not f.items]
    if unchecked:  # (“检查项目 0”, nothing said: trial 122)
        _wrapped(
            _err(),
            f"提示：{'、'.join(unchecked)}没有负责的检查项目（附件1 中没有列它为责任部门），表格中"
            "“本部门检查项目”一页是空的；如有，请在 campaign.toml 相应的 [[checklist]] 项的 "
            "departments 中加上该部门，再加 --force 重新生成",
        )
    if result.signed_list_kept:
        _wrapped(console, f"原发放清单（有签收）另存为 {result.signed_list_kept}")
    for written, kept in result.returns_kept.items():  # (clerk trial 207 BG1)
        _wrapped(console, f"部门已填写的 {written} 先另存为 {kept}，汇总时照常读取")
    if result.list_problems:
        problem_list(_err(), result.list_problems, "：请在交办问题清单中逐一核对")


def collect_report(result: CollectResult) -> None:
    out, err = _out(), _err()
    collection = result.collection
    status = result.status
    year = _year(status)
    out.print(
        f"统计日期 {chinese_date(status.as_of)}（报送截止 {chinese_date(status.returns_due)}）"
    )
    counts = collection.counts_by_file()
    table = _table(f"报送文件（{len(collection.forms)}）")
    _file_column(table, "文件")
    _name(table, "部门", 10)
    _fixed(table, "表头日期", 8)
    _fixed(table, "隐患", 4, right=True)
    _fixed(table, "错误", 4, right=True)
    _fixed(table, "警告", 4, right=True)
    _fixed(table, "处理结果", 8)
    names = _distinct_names([form.file for form in collection.forms])
    listed = list(names.values())
    for form in collection.forms[:TERMINAL_ROWS]:
        outcome = collection.outcomes[form.file]
        style = {FileOutcome.USED: "green", FileOutcome.SUPERSEDED: "dim"}.get(outcome, "red")
        errors, warnings = counts.get(form.file, (0, 0))
        table.add_row(
            _FileName(names[form.file], listed),
            _cell(form.department or form.department_text),
            _sent(form.form_date, status.as_of, form.date_impossible),
            str(len(form.hazards)),
            str(errors),
            str(warnings),
            Text(outcome.value, style=style),
        )
    out.print(table)
    _more(out, TERMINAL_ROWS, len(collection.forms), "台账“报送记录”工作表")
    if not collection.forms:  # a folder given by mistake looks like a campaign just begun
        _wrapped(
            err,
            "注意：给出的文件夹中没有找到任何报表文件（.xlsx、.xls、.ods、.et 或装有它们的"
            "压缩包）；如报表已经收到，请确认文件夹是否选对",
        )
    if collection.skipped:
        _wrapped(out, f"已跳过的文件（{len(collection.skipped)}）", style="bold")
        for skipped in collection.skipped[:TERMINAL_ROWS]:
            # with its folders (扫描件.pdf of 回收/附属医院/ was shown bare: clerk trial 150)
            shown = skipped.file if outermost_archive(Path(skipped.file)) is None else None
            _wrapped(out, f"{shown or sent_name(skipped.file)}：{skipped.reason}", "  ", "    ")
        _more(out, TERMINAL_ROWS, len(collection.skipped), "台账“报送记录”工作表")
    if collection.problems:
        problem_list(err, collection.problems)
    totals = status.totals
    _wrapped(
        out,
        f"已报送 {totals.returned}/{totals.departments} 个部门；隐患 {totals.hazards} 项，"
        f"已销号 {totals.closed}，未销号 {totals.open}{_in_review(status)}"
        f"，逾期 {totals.overdue}，销号率 {percent(totals.closure_rate)}；"
        f"错误 {collection.errors}，警告 {collection.warnings}。",
    )
    if status.ended_on is not None:
        _wrapped(out, campaign_ended(status), style="bold")
    _not_returned(out, status, _owing(status.returns_due, status.as_of, "尚未报送"))
    _rounds(out, status.rounds, status.as_of, year)
    if result.register_file is not None and result.restored is not None:
        _wrapped(err, restored_text(result.register_file, result.restored))
    if result.register_file is not None:
        _wrapped(out, f"全校隐患台账已写入 {result.register_file}")
    with_photos = [h for h in collection.hazards if h.photos]
    if result.evidence is not None and with_photos:
        photos = len({p for h in with_photos for p in h.photos})  # (one on two rows: once)
        _wrapped(
            out,
            f"整改照片 {photos} 张（{len(with_photos)} 项隐患）按部门放在 {EVIDENCE_FOLDER} 文件夹中"
            "（台账“照片”栏可点开）",
        )
    aside = result.evidence.set_aside if result.evidence is not None else []
    aside_named = "、".join(aside[:3]) + ("……" if len(aside) > 3 else "")
    if result.photos_restored:
        _wrapped(
            err,
            f"注意：{EVIDENCE_FOLDER} 中有 {result.photos_restored} 张照片在上次汇总后被改动过"
            "（如用看图软件旋转后直接保存；各部门文件夹中的同一张照片是同一个文件，会一起改动），"
            "已按报回表格中的原样重新保存"
            # the files set aside, counted: those replaced by a new file too (“1 张” read
            # beside three names: trial 158); none, when the changed file showed another
            # photo of the library (a （原有） was promised that was not there: trial 157)
            + (f"；改动或替换过的 {len(aside)} 个文件改名保留：{aside_named}" if aside else ""),
        )
    elif aside:
        _wrapped(
            err,
            f"注意：{EVIDENCE_FOLDER} 中有 {len(aside)} 个照片文件与报回表格中的照片不同（被改动或"
            f"替换过），已按原样放回，原来的文件改名保留：{aside_named}",
        )
    evidence = result.evidence
    if evidence is not None and evidence.put_back:
        _wrapped(
            err,
            f"注意：{EVIDENCE_FOLDER} 中有 {len(evidence.put_back)} 个照片文件（"
            + "、".join(evidence.put_back[:3])
            + ("等" if len(evidence.put_back) > 3 else "")
            + "）被换成了其他部门隐患的照片，已按报回表格中的原样放回",
        )
    if evidence is not None:  # names a printed report cites, changed (clerk trials 154, 155)
        renumbered = "部门调整了隐患的序号"
        _names_changed(err, renumbered, "个照片文件名", evidence.renamed, "现在是另一项隐患的照片")
        moved = [f"{old} 改为 {Path(new).name}" for old, new in evidence.moved]
        # (a name of its 隐患编号, not of a 序号, follows the row's 序号 once it has one: no
        # 序号 was changed, clerk trial 178 AE5)
        by_number = all(Path(old).name.split("-")[0].isdigit() for old, _ in evidence.moved)
        why = renumbered if by_number else "照片文件改按隐患的序号命名"
        _names_changed(err, why, "张照片改了文件名", moved)
        replaced = (  # (not the departments' doing: trials 157, 158)
            "按这次的报表重建了台账（--force），被覆盖或移出的旧版本中的照片不再保留"
            if result.rebuilt
            else "台账是从历史版本复制回来的，照片按该版本恢复"
            if result.restored is not None
            else "部门更换或删去了隐患的照片"
        )
        _names_changed(
            err,
            replaced,
            "个照片文件",
            evidence.changed,
            # (“已不是原来的照片” of the original put back: clerk trial 160)
            "已换回该版本中的照片" if result.restored is not None else "已不是原来的照片或已不在",
        )
    if result.evidence is not None and result.evidence.missing:
        missing = result.evidence.missing
        shown = "、".join(missing[:3]) + ("等" if len(missing) > 3 else "")
        _wrapped(
            err,
            f"注意：有 {len(missing)} 张照片（{shown}）在 {EVIDENCE_FOLDER}/{LIBRARY_FOLDER} 中"
            "找不到，没有放入各部门的照片文件夹；台账“照片”栏仍计入。"
            + (
                f"开始汇总时台账旁没有 {EVIDENCE_FOLDER}/{LIBRARY_FOLDER}（{EVIDENCE_FOLDER} 文件夹"
                "被移动、改名或删除？）：这些照片只有原来的文件夹中有（报表中已没有），请把原来的 "
                f"{EVIDENCE_FOLDER} 文件夹放回台账旁后重新运行 collect"
                if result.library_gone
                else f"照片未能保存，或已被删除，或 {EVIDENCE_FOLDER} 文件夹曾被移动、改名：请把原来的 "
                f"{EVIDENCE_FOLDER} 文件夹（或其中的 {LIBRARY_FOLDER}）放回台账旁，并检查磁盘空间和文件夹"
                "权限，再重新运行 collect（报表中仍有的照片会重新读取）"
            ),
        )
    if result.evidence is not None and result.evidence.failed:
        failed = result.evidence.failed
        _wrapped(
            err,
            f"注意：{EVIDENCE_FOLDER} 中有 {len(failed)} 处照片未能放好或清理（其余照片已放好）："
            + "；".join(failed[:3])
            + ("……" if len(failed) > 3 else "")
            + "。处理后重新运行 collect 即可",
        )
    if result.review_left_out:
        command = collect_command(
            [*result.given, REVIEWS_FOLDER], kept_elsewhere(result.register_file)
        )
        _wrapped(
            err,
            f"注意：当前文件夹中的 {REVIEW_FILE} 已填写了 {result.review_left_out} 项复查结论，"
            f"这次没有汇总（不在所给的文件夹中）：请把它移到 {REVIEWS_FOLDER} 文件夹中"
            f"（没有就新建一个），再运行 {command}",
        )
    later = collection.dated_after(status.as_of, date.today())
    if later:
        _wrapped(
            err,
            f"提示：统计日期 {chinese_date(status.as_of)} 早于 {len(later)} 份报表的报送日期（最晚"
            f" {chinese_date(later[0].sent_on or status.as_of)}，{later[0].file}"
            f"{'' if later[0].form_date == later[0].sent_on else '，没有表头日期，按文件日期'}）"
            "：台账汇总的是"
            "文件夹中报表的全部内容，只有逾期按统计日期计算，“晚于统计日期”的提示也由此而来；"
            "status、remind、report 不能按这个日期使用这份台账（其中有更晚的内容）。"
            "要看当时的情况，请打开当时汇总的台账（台账旁的历史版本文件夹）",
        )
    if result.due_moved_from is not None:
        # put off by months: next year's dates typed into last year's campaign.toml, taken
        # silently for this campaign's deadline put off (clerk trial 128)
        months = (status.returns_due - result.due_moved_from).days > NEW_CAMPAIGN_DAYS
        _wrapped(
            err,
            f"提示：报送截止日期已由 {chinese_date(result.due_moved_from)} 改为 "
            f"{chinese_date(status.returns_due)}（campaign.toml）：逾期报送按新日期判断；台账记下了"
            "原定日期，工作汇报中注明原定日期和按原定日期逾期的部门数"
            + (
                "。推迟了半年以上：如果这是新一次活动，请在新的工作文件夹中开始（huitoukan init），"
                "这个文件夹的 campaign.toml 改回原来的日期"
                if months
                else ""
            ),
        )
    if result.open_elsewhere:
        _wrapped(
            err,
            f"注意：{result.register_file} 正在 WPS、Excel 或 LibreOffice 中打开，窗口里显示的还是"
            "旧台账：请关闭后重新打开；不要在旧窗口中保存（会把旧内容写回，下次汇总时另存为备份）",
        )
    if result.rewritten:
        shown = "、".join(result.rewritten[:5]) + ("等" if len(result.rewritten) > 5 else "")
        _wrapped(
            err,
            f"提示：上次汇总后，报表文件夹中有 {len(result.rewritten)} 份报表在原文件上改写过"
            f"（{shown}），已按改写后的内容汇总，原来表中的隐患、照片和复查结论仍保留在台账中；"
            "报来的新版本、新填的复查验收表请另存为新文件，不要覆盖已汇总的表格",
        )
    if result.list_not_named is not None:  # said by issue alone (clerk trial 111)
        _wrapped(
            err,
            f"提示：文件夹中有 {result.list_not_named}，但 campaign.toml 没有指定交办问题清单"
            "（[findings] 一节），这次汇总没有跟踪交办问题的整改；要跟踪，请在 campaign.toml 中"
            f'写上 [findings] file = "{result.list_not_named}"（或加 --findings '
            f"{result.list_not_named}）后重新汇总",
        )
    if result.backup is not None and result.backup_of_another:
        _wrapped(
            err,
            f"注意：原 {result.register_file} 是“{result.backup_of_another}”的台账，不是本次活动的，"
            f"已备份为 {result.backup}；新台账按本次活动的报表重建",
        )
    elif result.backup is not None and result.backup_said_the_same:  # (said to be changed by
        # hand, the edits not carried over: clerk trial 137)
        _wrapped(
            err,
            f"提示：{result.register_file} 在上次生成后用其他软件打开保存过，隐患和报送情况没有改动；"
            f"原文件已备份为 {result.backup}，其中另外写上的内容（如批注）没有带入新台账",
        )
    elif result.backup is not None and result.unrecorded:  # (not said to be edited: trial 159)
        _wrapped(
            err,
            f"提示：{result.register_file} 旁没有上次汇总的记录文件，无法判断它是否被手工改过，"
            f"原文件已备份为 {result.backup}",
        )
    elif result.backup is not None:
        _wrapped(
            err,
            f"注意：{result.register_file} 在上次生成后被修改过，原文件已备份为 {result.backup}；"
            "手工改动没有带入新台账（台账以各部门报表为准），需要改的请部门在报表中改正后重新报送",
        )
    if result.feedback is not None:
        feedback_copies(out, result.feedback)
    elif any(p.severity is Severity.ERROR and p.department for p in collection.problems):
        command = collect_command(result.given, kept_elsewhere(result.register_file))
        _wrapped(  # (never said where the copies to send back come from: clerk trial 229 CC8)
            err,
            f"提示：要把这些问题标在各部门的表格上退回修改，可运行 {command} --feedback 退回"
            "（生成的退回修改表放在“退回”文件夹中）",
        )


@functools.lru_cache(maxsize=4096)  # (each name of a table is compared with all the others)
def _middle(text: str, width: int) -> str:
    """`text` in `width` columns, shortened in the middle: the start and the end of a file
    name (总务基建处-…（修改后）.xlsx) tell versions apart better than the start alone."""
    if text_width(text) <= width:
        return text
    head, tail = "", ""
    left, right = 0, len(text) - 1
    while left <= right:
        if text_width(head) <= text_width(tail):
            candidate = head + text[left]
            if text_width(candidate) + text_width(tail) + 1 > width:
                break
            head, left = candidate, left + 1
        else:
            candidate = text[right] + tail
            if text_width(head) + text_width(candidate) + 1 > width:
                break
            tail, right = candidate, right - 1
    slash = text.rfind("/")
    if 0 < slash and len(tail) > len(text) - slash and text_width(text[slash:]) + 3 <= width:
        # cut inside the archive's name, “职教中心学校…p/全部.xlsx”: the file's whole name after
        # the “/”, the archive's start before it (clerk trial 130)
        tail, head = text[slash:], ""
        for char in text:
            if text_width(head + char) + text_width(tail) + 1 > width:
                break
            head += char
    return f"{head}…{tail}"


def _names_changed(err: Console, why: str, what: str, names: Sequence[str], how: str = "") -> None:
    """That laid-out photos' `names` changed (`why`; `what` they are, counted; `how`), and
    the pages printed before are to be made again."""
    if not names:
        return
    _wrapped(
        err,
        f"注意：{why}，{EVIDENCE_FOLDER} 中 {len(names)} {what}（"
        + "、".join(names[:3])
        + ("等" if len(names) > 3 else "")
        + f"）{how}：此前打印或发出的汇报、抽查档案中按文件名引用的照片已对不上，请重新生成"
        "（report --photos、sample）",
    )


def _owing(due: date, as_of: date, before: str = "尚未报送（未到截止日期）") -> str:
    """Who has not sent a form due on `due`, as of `as_of`: on the day itself 今天截止, as
    remind says (it read 未到截止日期 there: clerk trial 101)."""
    if as_of > due:
        return "逾期未报送"
    return "尚未报送（今天截止）" if as_of == due else before


def _rounds(console: Console, rounds: Sequence[RoundStatus], as_of: date, year: int) -> None:
    """Who has not answered each follow-up round, and who answered it late."""
    for round_ in rounds:
        named = f"跟进轮（{_short(round_.form_date, year)}下发，{_short(round_.due, year)}截止）"
        if round_.owing():
            _listed(console, f"{named}{_owing(round_.due, as_of)}：", round_.owing())
        if round_.answered_late:
            late = [f"{d}（{_short(day, year)}报来）" for d, day in round_.answered_late.items()]
            _listed(console, f"{named}逾期报送：", late)


def _whose(report: StatusReport) -> str:
    """The departments a report chosen by department is of: 高级技工学校, 甲、乙, 甲等 5 个部门."""
    names = [d.department for d in report.departments]
    return "、".join(names) if len(names) <= 3 else f"{'、'.join(names[:3])}等 {len(names)} 个部门"


def _distinct_names(files: Sequence[str]) -> dict[str, str]:
    """Each file as the tables show it (`_file_name`), with its folder in front when
    another file of the list has the same name (a version in 第二轮回收/ beside the first
    round's: a table of two 高级技工学校.xlsx does not say which was used)."""
    shown = {file: sent_name(file) for file in files}
    count = Counter(shown.values())
    for file, name in shown.items():
        if count[name] > 1:  # one more folder up than the name shows
            shown[file] = "/".join(Path(file).parts[-(name.count("/") + 2) :])
    return shown


def problem_list(
    console: Console, problems: Sequence[Problem], rest: str = "台账“校验问题”工作表"
) -> None:
    """Problems grouped by file, one entry each: severity, where, field, value, message;
    beyond what a screen holds, where to read the `rest`."""
    _wrapped(console, f"发现的问题（{len(problems)}）", style="bold")
    current = None
    shown = 0
    entries, common = _commonest_warnings(_alike(problems))
    # each file once, where it first comes (what collect says after merging, of a file
    # already said, came under a second heading of it: clerk trial 140)
    first: dict[str, int] = {}
    for same in entries:
        first.setdefault(same[0].file, len(first))
    entries = sorted(entries, key=lambda same: first[same[0].file])
    for same in entries[: TERMINAL_ROWS * 5]:
        p = same[0]
        if p.file != current:
            current = p.file
            who = f"（{p.department}）" if p.department else ""
            _wrapped(console, f"{p.file}{who}", style="bold")
        colour = "red" if p.severity is Severity.ERROR else "yellow"
        where = f" {_places(same)}" if p.where else ""
        field = f" {p.field}" if p.field else ""
        value = f"“{_clipped(p.value)}”" if p.value else ""
        # one sentence said of several rows (“…但这一行没有附整改后照片”: clerk trials 98, 99)
        message = p.message if len(same) == 1 else _of_several(p.message)
        line = f"{p.severity.value}{where}{field}{value}：{message}"
        wrapped = wrap_text(line, console.width - 1, "  ", "      ")
        text = Text(wrapped)
        text.stylize(colour, 2, 4)
        console.print(text, soft_wrap=True)
        shown += len(same)
    if common:  # under a heading of their own, not under the last file's (clerk trial 95)
        _wrapped(console, "多份报表都有的警告", style="bold")
    for title, alike in common.items():
        files = list(dict.fromkeys(sent_name(p.file) for p in alike))
        named = "、".join(files[:COMMON_FILES_SHOWN]) + (
            "等" if len(files) > COMMON_FILES_SHOWN else ""
        )
        line = f"警告 {title}：{len(files)} 份报表（{named}），逐项见{rest}"
        if rest.startswith("："):
            line = f"警告 {title}：{len(files)} 份报表（{named}）"
        text = Text(wrap_text(line, console.width - 1, "  ", "      "))
        text.stylize("yellow", 2, 4)
        console.print(text, soft_wrap=True)
        shown += len(alike)
    _more(console, shown, len(problems), rest)


COMMON_WARNING_FILES = 5
"""Files one warning is said of, from which a long list of problems says it once, naming
them, after the rest: at 200 departments the list was 887 lines, its 21 errors among 133
entries of 未填检查内容 (clerk trial 94); one of eight files was still 24 lines (trial 96)."""
COMMON_FILES_SHOWN = 5


def _commonest_warnings(
    entries: list[list[Problem]],
) -> tuple[list[list[Problem]], dict[str, list[Problem]]]:
    """`entries` without the warnings said of `COMMON_WARNING_FILES` files or more, when
    they are more than a screen holds (`TERMINAL_ROWS`); those warnings by title."""
    if len(entries) <= TERMINAL_ROWS:
        return entries, {}
    files: dict[str, set[str]] = {}
    for same in entries:
        if same[0].severity is Severity.WARNING:
            files.setdefault(same[0].title, set()).add(same[0].file)
    common = {title for title, named in files.items() if len(named) >= COMMON_WARNING_FILES}
    kept = [e for e in entries if not (e[0].severity is Severity.WARNING and e[0].title in common)]
    said: dict[str, list[Problem]] = {}
    for same in entries:
        if same[0].severity is Severity.WARNING and same[0].title in common:
            said.setdefault(same[0].title, []).extend(same)
    return kept, said


_OF_ONE_ROW = {
    "这一行": "这几行",
    "该行": "各行",
    "请把它移到": "请把它们移到",
    "核对它是否": "核对它们是否",
}


def _of_several(message: str) -> str:
    """`message`, about one row, said of several."""
    for one, several in _OF_ONE_ROW.items():
        message = message.replace(one, several)
    return message


PLACES_SHOWN = 10
"""Cells an entry of problems saying the same thing names; the rest are counted."""


def _alike(problems: Sequence[Problem]) -> list[list[Problem]]:
    """The problems, those of a file saying the same thing of different cells of a sheet
    as one entry, where the first of them was: a form with twenty rows 已完成 and no photo
    is one entry naming twenty cells, not twenty entries of the same sentence."""
    entries: dict[object, list[Problem]] = {}
    for p in problems:
        key = (p.file, p.severity, p.sheet, p.field, p.value, p.message) if p.cell else id(p)
        entries.setdefault(key, []).append(p)
    return list(entries.values())


def _places(same: Sequence[Problem]) -> str:
    """Where the problems of one entry are: 自查整改清单!I6、I9、I12 (…等 N 处)."""
    if len(same) == 1:
        return same[0].where
    cells = "、".join(p.cell for p in same[:PLACES_SHOWN])
    more = f"等 {len(same)} 处" if len(same) > PLACES_SHOWN else ""
    return f"{same[0].sheet}!{cells}{more}" if same[0].sheet else f"{cells}{more}"


VALUE_SHOWN = 40
"""Characters of a cell's value a problem quotes; a longer value ends in …, whole in the
register's 校验问题 sheet (a cell can hold a page of text)."""


def _clipped(value: str) -> str:
    return value if len(value) <= VALUE_SHOWN else value[: VALUE_SHOWN - 1] + "…"


def _hazard_table(
    title: str, views: Sequence[HazardView], year: int, overdue: bool, shown: int
) -> Table:
    table = _table(title)
    _fixed(table, "逾期" if overdue else "剩余", 4, right=True)
    _name(table, "部门", 10)
    _text(table, "部位：存在隐患问题")
    _fixed(table, "整改时限", 8)
    _name(table, "责任人", 6, widest=16)
    for view in views[:shown]:
        left = view.days_overdue if overdue else view.days_left
        days = "今天" if not overdue and left == 0 else f"{left}天"
        where = view.named()
        if view.number:  # an assigned problem, not one the department found
            where = f"【{view.number}】{where}"
        mark = "*" if view.deadline_is_default else "#" if view.given_on else ""
        deadline = _short(view.deadline, year) + mark
        table.add_row(
            Text(days, style="red" if overdue else ""),
            _cell(view.department),
            _cell(where),
            deadline,
            _cell(view.owner or "未填写"),
        )
    return table


def _in_review(report: StatusReport) -> str:
    """Of the open hazards, those waiting for their 复查验收 and those it sent back."""
    counts = [("待复查", report.totals.unreviewed), ("复查不合格", len(report.review_failed))]
    said = "，".join(f"{name} {n}" for name, n in counts if n)
    return f"（其中{said}）" if said else ""


def status_report(
    report: StatusReport,
    everything: bool = False,
    chosen: bool = False,
    sources: Sequence[Path] | None = None,
) -> None:
    """The most urgent first, on one screen: totals, departments not returned, the most
    overdue hazards and those due soonest; `everything` lists every row and department;
    `chosen`: the report is of the departments asked for (`--department`), not the school."""
    console = _out()
    year = _year(report)
    totals = report.totals
    _wrapped(console, headline(report.school, report.campaign), style="bold")
    console.print(
        f"统计日期 {chinese_date(report.as_of)}（报送截止 {chinese_date(report.returns_due)}）"
    )
    _wrapped(
        console,
        f"{_whose(report) if chosen else '全校'}隐患 {totals.hazards} 项，已销号 {totals.closed}，"
        f"未销号 {totals.open}{_in_review(report)}，"
        f"逾期 {totals.overdue}，销号率 {percent(totals.closure_rate)}"
        # as the report says it (only --json did: clerk trial 112)
        + (f"，逾期完成 {totals.done_late} 项" if totals.done_late else "")
        + f"；已报送 {totals.returned}/{totals.departments} 个部门。",
    )
    if report.ended_on is not None:
        _wrapped(console, campaign_ended(report, _whose(report) if chosen else ""), style="bold")
    label = _owing(report.returns_due, report.as_of)
    _not_returned(console, report, label)
    _rounds(console, report.rounds, report.as_of, year)
    if report.assigned:
        _wrapped(console, _assigned_line(report))
    for line in reviews_refused(report.reviews_not_taken):  # (said only by collect: BV5)
        _wrapped(console, line)
    if report.review_failed:  # which ones (counted alone, named by remind: trial 229 CC10)
        departments = list(dict.fromkeys(h.department for h in report.review_failed))
        label = f"复查不合格、已退回整改的隐患 {len(report.review_failed)} 项："
        _listed(console, label, departments)
        if everything or chosen:
            for view in report.review_failed[:TERMINAL_ROWS]:
                note = f"（复查意见：{view.review_note}）" if view.review_note else ""
                _wrapped(console, f"{view.department}　{view.named()}{note}", "  ", "    ")
            _more(
                console, TERMINAL_ROWS, len(report.review_failed), " --json 输出（review_failed）"
            )
    for checked, n in report.unconfirmed():
        _wrapped(
            console,
            f"追责核查（{checked.file}，{chinese_date(checked.checked_on)}）还有 {n} 个问题待确认："
            "核对后在这份清单的“对应自查”一列填写对应隐患的隐患编号（或“无”），再运行 "
            f"huitoukan crosscheck {as_argument(Path(checked.file))}",
        )
    if report.missing_photos:
        departments = list(dict.fromkeys(h.department for h in report.missing_photos))
        label = f"报已完成但未附整改后照片的隐患 {len(report.missing_photos)} 项："
        _listed(console, label, departments)
        if everything or chosen:  # which ones, to ask for
            for view in report.missing_photos[:TERMINAL_ROWS]:
                where = view.named()
                number = f"【{view.number}】" if view.number else ""
                unread = "（粘贴的照片未能读取）" if view.photos_unread else ""
                unread += f"（{view.photo_hint}）" if view.photo_hint else ""
                _wrapped(console, f"{view.department}　{number}{where}{unread}", "  ", "    ")
            _more(
                console, TERMINAL_ROWS, len(report.missing_photos), " --json 输出（missing_photos）"
            )
    # settled by the review: said, not chased; a photo pasted and not read is not “未附”
    # (a .xls's: clerk trial 145), nor one shared with another hazard (trial 229 CC5)
    lacking = {h.photo_lacking: 0 for h in report.accepted_without_photo}
    for how in sorted(lacking, key=lambda how: how != "未附整改后照片"):
        accepted = [h for h in report.accepted_without_photo if h.photo_lacking == how]
        departments = list(dict.fromkeys(h.department for h in accepted))
        _listed(console, f"复查合格、已销号但{how}的隐患 {len(accepted)} 项：", departments)
    if report.with_errors:  # the rows its 退回修改 copy marks
        departments = list(dict.fromkeys(h.department for h in report.with_errors))
        label = f"报表中填写有误的隐患 {len(report.with_errors)} 项（请退回修改）："
        _listed(console, label, departments)
    if report.form_error_senders:  # off the rows: 已报送, nothing said (clerk trial 112)
        said = [f"{name}（{'、'.join(what)}）" for name, what in report.form_error_senders.items()]
        _listed(console, "报表表头、表尾等处填写有误的部门（请退回修改）：", said)
    # done, says the department; open in the register until it dates it — or, found still
    # there after its 销号, until it rectifies it again (clerk trial 113)
    again = [h for h in report.undated if h.closing_flaw == STILL_THERE]
    misdated = [h for h in report.undated if h.closing_flaw != STILL_THERE]
    if again:
        departments = list(dict.fromkeys(h.department for h in again))
        label = (
            f"已报销号、但之后上级检查时问题仍在的隐患 {len(again)} 项（按未销号计，须重新整改）："
        )
        _listed(console, label, departments)
    if misdated:
        departments = list(dict.fromkeys(h.department for h in misdated))
        label = f"报已完成但销号时间未填写或有误的隐患 {len(misdated)} 项（按未销号计）："
        _listed(console, label, departments)
    if report.vanished:  # its notice asks about them; status said nothing of one not yet
        # overdue (only --json listed it: clerk trial 177 AD5)
        departments = list(dict.fromkeys(h.department for h in report.vanished))
        label = (
            f"最新报表中已没有、但未见销号的隐患 {len(report.vanished)} 项（仍按未销号跟踪，"
            "请部门说明）："
        )
        _listed(console, label, departments)
        if everything or chosen:
            for view in report.vanished[:TERMINAL_ROWS]:
                number = f"【{view.number}】" if view.number else ""
                _wrapped(console, f"{view.department}　{number}{view.named()}", "  ", "    ")
            _more(console, TERMINAL_ROWS, len(report.vanished), " --json 输出（vanished）")
    if report.put_off:  # off the overdue list by a later 整改时限 (said nowhere: trial 141)
        _put_off(console, report, year, everything or chosen)
    if report.done_late and (everything or chosen):  # which ones (only --json said: trial 143)
        _wrapped(console, f"逾期完成的隐患（{len(report.done_late)}）：")
        for view in report.done_late[:TERMINAL_ROWS]:
            number = f"【{view.number}】" if view.number else ""
            how = "交回" if view.given_is_back else "才交办"
            given = f"（{_short(view.given_on, year)}{how}）" if view.given_on else ""
            # (a closing awaiting its review is no 销号 yet: trial 144)
            closed = "完成（待复查）" if view.state == UNREVIEWED else "销号"
            late = (
                f"整改时限 {_short(view.deadline, year)}{given}，{_short(view.closed_on, year)} "
                f"{closed}，超过 {view.days_late} 天"
            )
            _wrapped(console, f"{view.department}　{number}{view.named()}（{late}）", "  ", "    ")
        _more(console, TERMINAL_ROWS, len(report.done_late), " --json 输出（done_late）")
    rows = _room(TERMINAL_ROWS if everything else SCREEN_OVERDUE, len(report.overdue))
    if report.overdue:
        first = f"逾期最久的 {rows} 项" if len(report.overdue) > rows else "逾期最久的在前"
        title = f"逾期隐患（{len(report.overdue)}）：{first}"
        console.print(_hazard_table(title, report.overdue, year, True, rows))
        if everything:  # under the table it cuts, not after the tables below it
            _more(console, rows, len(report.overdue), _WHOLE_LISTS)
    else:
        console.print(Text("没有逾期隐患。", style="green"))
    soon = _room(TERMINAL_ROWS if everything else SCREEN_DUE_SOON, len(report.due_soon))
    if report.due_soon:
        within = f"{report.due_within_days} 天内" if report.due_within_days else "今天"
        title = f"{within}到期（{len(report.due_soon)}）"
        if len(report.due_soon) > soon:
            title += f"：最先到期的 {soon} 项"
        console.print(_hazard_table(title, report.due_soon, year, False, soon))
        if everything:
            _more(console, soon, len(report.due_soon), _WHOLE_LISTS)
    shown = [*report.overdue[:rows], *report.due_soon[:soon]]
    if any(v.deadline_is_default for v in shown):
        console.print("* 整改时限未填写或无法识别，按活动默认时限计")
    if any(v.given_on for v in shown):  # (逾期 2 天 beside a deadline 5 days gone)
        backs = [v.given_is_back for v in shown if v.given_on]
        how = "交办或交回" if any(backs) and not all(backs) else "交回" if all(backs) else "交办"
        console.print(f"# {how}给该部门时已过整改时限，逾期天数自{how}之日起计")
    if everything:
        _department_table(console, report)
        if report.assigned:
            _assigned_table(console, report)
    elif len(report.overdue) > rows or len(report.due_soon) > soon or report.departments:
        # (of the departments chosen: --all alone showed the whole school's, trial 140)
        whole = (
            "完整列表：在本命令后加 --all"
            if chosen
            # the register or folders named (the working folder's register was none: a
            # second one was begun by following the advice, clerk trial 154)
            else f"完整列表和各部门情况：{_command('status', sources)} --all"
        )
        _wrapped(console, f"{whole}；历史遗留问题：--long-standing")


_WHOLE_LISTS = "台账“逾期”“未销号”工作表或 --json 输出"


def _put_off(console: Console, report: StatusReport, year: int, each: bool) -> None:
    """The hazards whose 整改时限 was put off without a reason, or once it had passed."""
    lapsed = sum(1 for h in report.put_off if h.put_off_late)
    unexplained = sum(1 for h in report.put_off if h.put_off_from)
    # (one may be both: “其中”, each count of the whole, not parts adding up to it)
    which = "，".join(
        filter(
            None,
            (
                f"原时限已过才推迟、按新时限未计入逾期的 {lapsed} 项" if lapsed else "",
                f"备注中未说明推迟原因的 {unexplained} 项" if unexplained else "",
            ),
        )
    )
    departments = list(dict.fromkeys(h.department for h in report.put_off))
    _listed(console, f"推迟了整改时限的隐患 {len(report.put_off)} 项（其中{which}）：", departments)
    if not each:
        return
    for view in report.put_off[:TERMINAL_ROWS]:
        number = f"【{view.number}】" if view.number else ""
        before = view.put_off_from or view.put_off_passed
        since = f"由 {_short(before, year)} " if before else ""
        late = f"，推迟时已逾期 {view.put_off_late} 天" if view.put_off_late else ""
        why = "，备注中未说明原因" if view.put_off_from else ""  # (which: trial 143)
        moved = f"整改时限{since}推迟至 {_short(view.deadline, year)}{late}{why}"
        _wrapped(console, f"{view.department}　{number}{view.named()}（{moved}）", "  ", "    ")
    _more(console, TERMINAL_ROWS, len(report.put_off), " --json 输出（put_off）")


def _assigned_line(report: StatusReport) -> str:
    total = sum(s.assigned for s in report.assigned)
    counts = [
        ("已清零", sum(s.closed for s in report.assigned)),
        ("待复查", sum(s.unreviewed for s in report.assigned)),
        ("整改中", sum(s.open for s in report.assigned)),
        ("逾期", sum(s.overdue for s in report.assigned)),
        ("未反馈", sum(s.unanswered for s in report.assigned)),
    ]
    shown = "，".join(f"{name} {n}" for name, n in counts if n or name != "待复查")
    late = len({p.number for p in report.late_unanswered()})
    if late:  # what --fail-if-overdue counts besides the overdue hazards
        shown += f"（其中已过整改时限 {late}）"
    unassigned = f"；未分配 {len(report.unassigned)} 个" if report.unassigned else ""
    return f"交办问题 {total} 个：{shown}{unassigned}。{_belied_unlisted(report)}"


def _belied_unlisted(report: StatusReport) -> str:
    """The 已清零 an inspection found still there, not listed again yet (clerk trial 155)."""
    belied = report.belied_unlisted()
    if not belied:
        return ""
    named = "；".join(f"{number} 在 {said} 检查时问题仍在" for number, said in belied)
    return f"其中已清零的 {named}，尚未重新列入交办问题清单。"


def _assigned_table(console: Console, report: StatusReport) -> None:
    table = _table("交办问题（按问题来源）")
    _name(table, "问题来源", 8)
    for name in ("交办", "已销号", "待复查", "整改中", "逾期", "未反馈", "清零率"):
        _fixed(table, name, len(name) * 2, right=True)
    for s in report.assigned:
        table.add_row(
            _cell(s.source),
            str(s.assigned),
            str(s.closed),
            str(s.unreviewed),
            str(s.open),
            str(s.overdue),
            str(s.unanswered),
            percent(s.clearance_rate),
        )
    console.print(table)
    uncleared = [p for p in report.parts if p.answered and p.state is not PartState.CLOSED]
    _parts(
        console,
        "已反馈未清零：",
        uncleared,
        lambda p: (
            f"，{p.state.value}" + (f" {p.days_overdue} 天{p.given_mark}" if p.days_overdue else "")
        ),
    )
    waiting = [p for p in report.parts if not p.answered]
    _parts(
        console,
        "未反馈：",
        waiting,
        lambda p: f"，已逾期 {p.days_overdue} 天{p.given_mark}" if p.days_overdue else "",
    )


def _parts(
    console: Console, label: str, parts: Sequence[Part], said: Callable[[Part], str]
) -> None:
    """`parts` under `label`, each 编号（部门 and what `said` adds）, as many as a screen
    holds."""
    if not parts:
        return
    shown = [f"{p.number}（{p.department}{said(p)}）" for p in parts[:TERMINAL_ROWS]]
    _listed(console, label, shown, "；")
    _more(console, TERMINAL_ROWS, len(parts), "台账“交办问题”工作表")


def _department_table(console: Console, report: StatusReport) -> None:
    table = _table("各部门情况")
    _name(table, "部门", 10)
    # a long state wraps (已报送（报送日期待核实）cut 销号率 to “0.” at 80 columns: clerk
    # trial 237 CK14)
    _name(table, "报送", 8, 14)
    for name in ("隐患", "已销号", "未销号", "逾期", "历史遗留"):
        _fixed(table, name, len(name) * 2, right=True)
    _fixed(table, "销号率", 6, right=True)
    for dept in report.departments[:TERMINAL_ROWS]:
        table.add_row(
            _cell(dept.department),
            _cell(
                dept.return_label(report.return_deadline_passed),
                style="" if dept.returned else "red",
            ),
            str(dept.hazards),
            str(dept.closed),
            str(dept.open),
            str(dept.overdue),
            str(dept.long_standing),
            percent(dept.closure_rate),
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
        percent(totals.closure_rate),
    )
    console.print(table)
    _more(console, TERMINAL_ROWS, len(report.departments), "台账“汇总”工作表")


def long_standing(report: StatusReport, group: str) -> None:
    """历史遗留问题: open hazards a department marked as needing interim measures, one
    block each (their measures are sentences, which a table row would cut), for the
    leading `group`."""
    console = _out()
    console.print(f"统计日期 {chinese_date(report.as_of)}")
    if not report.long_standing:
        console.print("没有标注为历史遗留问题的未销号隐患。")
        return
    _wrapped(
        console,
        f"历史遗留问题（{len(report.long_standing)}），报{group}",
        style="bold",
    )
    year = _year(report)
    for number, view in enumerate(report.long_standing, start=1):
        where = view.named()
        _wrapped(console, f"{number}. {view.department}　{where}", "", "   ")
        _wrapped(
            console,
            f"整改时限 {_short(view.deadline, year)}{view.default_mark}　"
            f"责任人 {view.owner or '未填写'}",
            "   ",
            "   ",
        )
        _wrapped(console, f"整改措施（含补救或替代措施）：{view.measures}", "   ", "   ")
        if view.remarks:
            _wrapped(console, f"备注：{view.remarks}", "   ", "   ")


def feedback_copies(console: Console, copies: Sequence[FeedbackCopy]) -> None:
    if not copies:
        console.print("没有需要退回修改的部门。")
        return
    table = _table(f"退回修改副本（{len(copies)} 份，原文件未改动）")
    _name(table, "部门", 10)
    _fixed(table, "错误", 4, right=True)
    _fixed(table, "警告", 4, right=True)
    _fixed(table, "标注单元格", 10, right=True)
    _file_column(table, "副本")
    for copy in copies:
        table.add_row(
            _cell(copy.department),
            str(copy.errors),
            str(copy.problems - copy.errors),
            str(copy.marked_cells),
            _FileName(copy.copy_path.name),
        )
    console.print(table)
    warned = [copy.copy_path.name for copy in copies if not copy.resend]
    if warned:  # (10 of 11 departments were sent one for 检查内容 left blank: trial 83)
        rest = len(copies) - len(warned)
        must = f"（须改正后重新报送的是其余 {rest} 份）" if rest else ""
        # which, named (“其中 1 份” of five, the clerk could not tell: clerk trial 133)
        which = "、".join(warned[:3]) + (f" 等 {len(warned)} 份" if len(warned) > 3 else " ")
        _wrapped(
            console,
            f"其中 {which}只有提醒核对的警告：副本中写明请部门逐项核对，无需改动的不必重新报送"
            f"{must}。",
        )
    for copy in copies:
        if copy.rows_added:  # (not a row to add, as the problem above says: trial 187 AM10)
            _wrapped(
                console,
                f"{copy.copy_path.name} 中已补上交办问题 {'、'.join(copy.rows_added)} 的行"
                "（部门删去了它），部门在该行填写后重新报送即可",
            )
        if copy.kept is not None:
            _wrapped(
                console,
                f"{copy.copy_path.name} 已被人修改保存过，改过的文件另存为 {copy.kept.name}"
                "（部门改好的，请放入报表文件夹重新汇总）",
            )
    left = list(dict.fromkeys(title for copy in copies for title in copy.not_fixable))
    if left:
        # (quoted: “不含两份报表日期相同” read as a phrase, clerk trial 172 Y1)
        named = "、".join(f"“{title}”" for title in left)
        _wrapped(console, f"错误、警告数不含{named}的问题：这些无需在表中修改，副本中不标注。")
    _wrapped(console, f"副本所在文件夹：{copies[0].copy_path.parent}")


def notices_written(
    items: Sequence[Notice], written: Sequence[Path], as_of: date, ends_on: date | None = None
) -> None:
    """What remind wrote; the campaign's end (`ends_on`) said when `as_of` is after it: run
    in last year's folder, it wrote 催报 dated today without a word (clerk trial 211 BK4)."""
    console = _out()
    console.print(f"统计日期 {chinese_date(as_of)}")
    if not items:
        console.print("没有需要发送通知的部门。")
    for notice in items:
        kinds = "、".join(notice.kinds)
        _wrapped(console, f"{notice.department}（{'本处待办：' if notice.own else ''}{kinds}）")
    if written:
        _wrapped(console, f"已写出 {len(written)} 个文件到 {written[-1].parent}")
    if ends_on is not None and as_of > ends_on:
        _after_the_end(ends_on, as_of, "以上", "活动结束后继续督办的，照常发送；")


def sample_written(
    chosen: Sample, written: Written, everything: bool, requested: int, lost: Sequence[str] = ()
) -> None:
    console = _out()
    out = written.path
    if not everything and requested > chosen.pool:
        _wrapped(
            console, f"要求抽取 {requested} 个，只有 {chosen.pool} 个交办问题可抽，已全部抽取。"
        )
    if everything:
        _wrapped(console, f"共 {len(chosen.findings)} 个交办问题，档案已写入 {out}（每个问题一页）")
    else:
        again = f"--seed {chosen.seed}" + "".join(
            f" --source {as_argument(s)}" for s in (chosen.sources if chosen.chosen_sources else ())
        )
        of = "、".join(chosen.sources)
        if of and not chosen.chosen_sources:
            # the sources campaign.toml marks `sampled`: not the seed plan's words, which
            # named 前6轮 and 四进 to a school that had neither (clerk trial 65)
            of += "（campaign.toml 中标明为督导组抽查范围的来源；其他来源用 --source 指定）"
        if chosen.plan_unlisted:
            of = (
                f"全部来源（交办问题清单中没有督导组抽查范围 {'、'.join(chosen.plan_unlisted)} 的问题；"
                "只抽某些来源的，用 --source 指定）"
            )
        _wrapped(
            console,
            (f"抽取范围：{of}。" if of else "")
            + f"从 {chosen.pool} 个交办问题"
            + (f"（含未分配的 {chosen.unassigned} 个）" if chosen.unassigned else "")
            + f"中随机抽取 {len(chosen.findings)} 个（随机种子 "
            f"{chosen.seed}，用 {again} 可抽到同样的问题）：",
        )
    for finding in chosen.findings:
        _wrapped(console, f"{finding.number}　{finding.source}　{finding.where}", "  ", "    ")
    if not everything:
        _wrapped(console, f"一问题一档案已写入 {out}（每个问题一页）")
    # the clerk's to do, not said on the pages the inspectors read (clerk trial 61)
    _wrapped(console, "请核对所附照片和佐证材料，在每页“佐证材料”中勾选后打印。")
    _photos_lost(lost, "档案页")
    _backed_up(console, written)


def _copied(findings: Sequence[Finding]) -> str:
    """How to copy `found` into the 交办问题清单: its 问题编号 as it is, or — a list's 序号
    alone — one of its source, day and 序号 (copied, 1, 3 and 6 of several inspections
    stood in the list: clerk trial 143)."""
    bare = [f for f in findings if f.number.isdigit()]
    if not bare:
        return "问题编号、来源、发现时间照抄"
    numbers = "、".join(f.number_to_list for f in bare)
    return (
        f"检查组的清单只有序号，问题编号请写 {numbers}（来源、日期加序号，不与其他检查的序号重复）"
        + ("，其余照抄" if len(bare) < len(findings) else "")
        + "；来源、发现时间照抄"
    )


def _numbered(finding: Finding) -> str:
    """A finding's 问题编号 in a sentence (`model.findings.numbered`)."""
    return numbered(finding.number, finding.source)


def review_written(
    count: int,
    written: Written,
    receiver: str,
    failed: int = 0,
    command: str = f"huitoukan collect 回收 {REVIEWS_FOLDER}",
) -> None:
    console = _out()
    waiting = (
        f"另有 {failed} 项复查不合格，等部门重新整改、把销号时间改为重新完成的日期报送后再复查。"
        if failed
        else ""
    )
    if not count:
        _wrapped(
            console,
            f"没有待复查的隐患（部门报“已完成”的隐患都已复查），未写出复查验收表。{waiting}",
        )
        return
    _wrapped(
        console,
        f"复查验收表已写入 {written.path}（{count} 项待复查）：由{receiver}逐项复查，填写复查人、"
        f"复查时间、复查结论（合格/不合格）和复查意见后，放入 {REVIEWS_FOLDER} 文件夹（没有就新建一个），"
        f"与报表一起汇总即可（{command}）。{waiting}",
    )
    _backed_up(console, written, command)


def _command(name: str, given: Sequence[Path] | None) -> str:
    """huitoukan `name` with the register or folders `given` on the command line."""
    return " ".join(["huitoukan", name, *map(as_argument, given or [])])


def crosscheck_forgotten(forgotten: CheckedList) -> None:
    _wrapped(
        _out(),
        f"已撤销 {forgotten.file} 的核查记录（{chinese_date(forgotten.checked_on)} 核查，"
        f"{forgotten.problems} 个问题）：status 和工作汇报不再引用它；台账中据它写的说明，"
        "下次运行 huitoukan collect 后去掉"
        + (f"；已写出的 {forgotten.written} 未删除" if forgotten.written else ""),
    )


def crosscheck_written(
    result: Crosscheck, written: Written, due: date, given: Sequence[Path] | None = None
) -> None:
    console = _out()
    if result.problems:
        problem_list(_err(), result.problems)
    counts = summary(result)
    rare = Conclusion.LISTED_NOT_RECTIFIED.value  # said when there is one
    shown = "，".join(f"{name} {n}" for name, n in counts.items() if n or name != rare)
    _wrapped(console, f"检查发现问题 {len(result.verdicts)} 个：{shown}。")
    for verdict in result.verdicts:
        # (and the rectifications the inspection found not done, counted and named nowhere
        # but in the workbook: clerk trial 177)
        if verdict.conclusion in UNSETTLED or verdict.conclusion is Conclusion.FOUND_NOT_RECTIFIED:
            f = verdict.finding
            extra = f"　追责范围：{verdict.accountable}" if verdict.accountable else ""
            if verdict.conclusion is Conclusion.FOUND_NOT_RECTIFIED and verdict.match:
                extra = (
                    f"　自查：{verdict.match.hazard.department} {verdict.match.hazard.hazard_id}"
                )
            _wrapped(
                console,
                f"  {verdict.conclusion.value}　{_numbered(f)}　{f.where}{extra}",
                "",
                "    ",
            )
    _wrapped(console, f"核查结果已写入 {written.path}（核查结果、漏报清单）")
    _backed_up(console, written)
    if any(v.conclusion is Conclusion.TO_CONFIRM for v in result.verdicts):
        _wrapped(
            console,
            "待确认的问题：请核对后在检查发现问题清单的“对应自查”一列（没有就加一列）填写对应"
            "隐患的隐患编号（核查结果的“说明”列出了相近隐患的编号）或“无”，再运行一次即按所填"
            "结论核查。",
        )
    # reported closed, found still there: rectified again once listed (it stayed 已销号
    # and 清零 everywhere, no advice given: clerk trial 117), the answered problem's row
    # beside it (“不在交办问题清单中” of one the verdict said was listed: clerk trial 141)
    # (one the list may hold under another number is asked of below: told to add it, then
    # not to, the clerk read both: clerk trial 156)
    reopen = [v for v in result.reopen if not v.listed_alike]
    if reopen:
        numbers = "、".join(
            _numbered(v.finding)
            + (f"（交办问题 {v.belied_answer} 报已完成）" * bool(v.belied_answer))
            for v in reopen
        )
        they = "它" if len(reopen) == 1 else "它们"
        kept = "、".join(dict.fromkeys(v.belied_answer for v in reopen if v.belied_answer))
        _wrapped(
            console,
            f"部门报已完成、检查时问题仍在的 {numbers}{'' if numbers.endswith('）') else ' '}"
            "作为这次检查发现的问题还没有列入交办问题清单，"
            f"台账仍按部门所报计：请把{they}作为新的问题加入交办问题清单（{_copied([v.finding for v in reopen])}，"
            "写明责任部门和整改时限"
            + (f"；交办问题 {kept} 那一行保留，不是重复" if kept else "")
            + f"），重新汇总后运行 {_command('issue --followup', given)} 下发，责任部门即按它重新整改。",
        )
    alike = [v for v in result.verdicts if v.listed_alike]
    if alike:  # listed under the school's own number: not to be listed twice (trial 155)
        _wrapped(
            console,
            "；".join(
                f"{_numbered(v.finding)} 与交办问题清单中的 {v.listed_alike} 是同一次检查在同一部门"
                "发现的问题"
                + (
                    f"（清单中的发现时间是 {chinese_date(v.listed_alike_on)}，检查是 "
                    f"{chinese_date(v.finding.found_on)}）"
                    if v.listed_alike_on and v.finding.found_on
                    else ""
                )
                for v in alike
            )
            + "：如就是同一个问题，请把清单中的问题编号改为检查组的编号"
            + ("、发现时间改为检查的日期" if any(v.listed_alike_on for v in alike) else "")
            + "后重新汇总，不要再加一行。",
        )
    if result.review_first:  # failed on review, not listed (clerk trial 143)
        numbers = "、".join(
            _numbered(v.finding)
            + (f"（{'、'.join(v.awaiting_review)}）" if v.awaiting_review else "")
            for v in result.review_first
        )  # (whose, of a problem shared: clerk trial 170 W6)
        _wrapped(
            console,
            f"部门报已完成、检查时问题仍在的 {numbers}{'' if numbers.endswith('）') else ' '}"
            "还在待复查：复查验收时请判为不合格（复查意见"
            "写明检查时问题仍在），重新汇总后部门即按原来的行重新整改，不必另列入交办问题清单。",
        )
    for verdict in result.reopen:  # shared: one's 销号 belied, another's 已完成 unreviewed
        if verdict.awaiting_review:  # (its review was not asked for: clerk trial 169 V2)
            _wrapped(
                console,
                f"{_numbered(verdict.finding)}：{'、'.join(verdict.awaiting_review)}报的已完成"
                "还在待复查，复查验收时请判为不合格（复查意见写明检查时问题仍在）。",
            )
    if result.untracked:  # (a 序号 alone, “自查未发现的 2、SD24-01”, read as a count: trial 122)
        numbers = "、".join(map(_numbered, result.untracked))
        they = "它" if len(result.untracked) == 1 else "它们"
        _wrapped(
            console,
            f"自查未发现的 {numbers} 不在交办问题清单中，没有部门在跟踪整改：请把{they}加入交办问题"
            f"清单（{_copied(result.untracked)}，写明责任部门和整改时限），重新汇总后运行 "
            f"{_command('issue --followup', given)} 下发给责任部门；此后 status、汇报、复查验收表和"
            f"抽查档案才跟踪{they}的整改。",
        )
    if result.untracked:
        # listed, one found by the day the returns were due is the campaign's own problem
        # to the next crosscheck, not a finding to check (`_assigned_themselves`)
        early = [
            _numbered(f) for f in result.untracked if f.found_on is not None and f.found_on <= due
        ]
        if early:
            _wrapped(
                console,
                f"其中 {'、'.join(early)} 的发现时间不晚于报送截止 {chinese_date(due)}，列入交办问题"
                "清单后按交办问题对待，追责核查不再核查：请先打印留存这次的核查结果。",
            )
