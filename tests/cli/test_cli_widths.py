"""Every command's terminal output, in a console 80 and 120 columns wide (issue 17): no line
wider than the console, nothing cut off, no table header broken, and the same figures and
the same text at both widths.

The campaign is examples/ copied to a temporary folder (its campaign.toml, 交办问题清单,
returns with photos, 复查验收表 and 市级抽查问题), with what makes a screen hard added: a
department whose name is longer than any column, and 职教中心学校's return with long places,
hazards, owners and measures, a Latin model number, and more overdue hazards than `status`
shows by default.  What a screen must show whole is read from the commands' own --json and
the files they write, so the examples may change.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len
from typer.testing import CliRunner

from huitoukan.campaign import parse_campaign
from huitoukan.cli import app
from huitoukan.cli import render as render_module
from huitoukan.cli.chinese import chinese_text, line_breaks, wrap_text
from huitoukan.findings.reading import read_findings
from scripts.readme_walkthrough import copy_examples
from tests.helpers import filled_form, hazard, sheet_rows

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WIDTHS = (80, 120)
AS_OF = ["--as-of", "2023-12-20"]

LONG_DEPARTMENT = "继续教育与社会培训学院（老年大学）"
"""Wider (36 columns) than a department column at 80 columns: it has to wrap."""

ZHIJIAO_HAZARDS = [
    hazard(
        部位="实训楼三楼电工电子实训室及配套器材库房",
        存在隐患问题="配电箱内线路老化严重，绝缘层多处破损，长期超负荷使用，存在触电和电气火灾"
        "隐患，雨季配电室地面返潮",
        整改措施="更换配电箱并加锁，重新敷设线路，加装漏电保护器",
        整改时限=date(2023, 12, 16),
        责任人="张建国、李卫东（后勤服务中心）",
    ),
    hazard(
        部位="2号学生公寓B座",
        存在隐患问题="楼道应急照明灯（LED-220V型）12盏中有5盏不亮",
        整改时限=date(2023, 12, 24),
        责任人="王五",
    ),
    hazard(
        部位="东操场看台",
        存在隐患问题="看台护栏锈蚀松动",
        整改时限=date(2024, 6, 30),
        整改措施="设置警戒线，禁止人员上看台；护栏更换列入2024年维修计划，资金已申请",
        备注="历史遗留问题：看台建于1998年，整体改造须报上级审批",
    ),
    *[
        hazard(部位=place, 存在隐患问题=problem, 整改时限=date(2023, 12, day))
        for place, problem, day in (
            ("食堂后厨", "燃气报警器未定期检测", 11),
            ("图书馆三楼", "疏散通道堆放旧书架", 12),
            ("校医室", "药品柜未上锁", 13),
            ("体育馆", "灭火器压力不足", 17),
        )
    ],
]


def _campaign_text(text: str) -> str:
    return text + f'\n[[departments]]\nname = "{LONG_DEPARTMENT}"\naliases = ["继续教育学院"]\n'


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ with the hard cases added, as a clerk's folder before `collect`."""
    folder = tmp_path_factory.mktemp("widths") / "回头看"
    copy_examples(folder)
    toml = folder / "campaign.toml"
    text = _campaign_text(toml.read_text("utf-8"))
    toml.write_text(text, "utf-8")
    campaign = parse_campaign(text, "campaign.toml")
    filled_form(campaign, "职教中心学校", folder / "回收" / "职教中心.xlsx", ZHIJIAO_HAZARDS)
    return folder


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    collected: bool = True
    """Whether the register exists (`collect` ran) before the command."""
    in_new_folder: bool = False


CASES = [
    Case("init", ("init", "--findings"), collected=False, in_new_folder=True),
    Case("issue", ("issue",), collected=False),
    Case("issue --followup", ("issue", "--followup", "全校隐患台账.xlsx", "-o", "跟进")),
    Case("collect", ("collect", "回收", *AS_OF), collected=False),
    Case("collect --feedback", ("collect", "回收", "--feedback", "退回", *AS_OF), collected=False),
    Case("status", ("status", *AS_OF)),
    Case("status --all", ("status", "--all", *AS_OF)),
    Case("status --long-standing", ("status", "--long-standing", *AS_OF)),
    Case("status --department", ("status", "-d", "职教中心", "-d", "继续教育学院", *AS_OF)),
    Case("status, unknown department", ("status", "-d", "财务处", *AS_OF)),
    Case("remind", ("remind", *AS_OF)),
    Case("report", ("report", *AS_OF)),
    Case("report --photos", ("report", "--photos", *AS_OF)),
    Case("sample", ("sample", "--seed", "7", *AS_OF)),
    Case("sample --all", ("sample", "--all", *AS_OF)),
    Case("crosscheck", ("crosscheck", "市级抽查问题.xlsx", *AS_OF)),
    Case("review", ("review", *AS_OF)),
]


@dataclass(frozen=True)
class Screen:
    width: int
    code: int
    output: str
    folder: Path


def _invoke(runner: CliRunner, args: list[str] | tuple[str, ...], width: int) -> tuple[int, str]:
    # NO_COLOR and no FORCE_COLOR: plain text whatever the test machine sets
    env = {"COLUMNS": str(width), "NO_COLOR": "1", "FORCE_COLOR": None, "TTY_COMPATIBLE": None}
    result = runner.invoke(app, list(args), env=env, prog_name="huitoukan")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def _screens(
    case: Case, prepared: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Screen]:
    """The case run at each width, each in a fresh copy of the campaign's folder."""
    for width in WIDTHS:
        folder = tmp_path / str(width)
        shutil.copytree(prepared, folder)
        monkeypatch.chdir(folder)
        if case.collected:
            _invoke(runner, ["collect", "回收", *AS_OF], 200)
        if case.in_new_folder:
            (folder / "新活动").mkdir()
            monkeypatch.chdir(folder / "新活动")
        code, output = _invoke(runner, case.args, width)
        yield Screen(width, code, output, folder)


# --- what every screen must be -------------------------------------------------------

#: Every table header the CLI prints: a header line holds nothing else.
HEADERS = frozenset(
    "序号 部门 文件 检查项目 预填隐患 未销号 表头日期 隐患 错误 警告 处理结果 逾期 剩余 "
    "部位：存在隐患问题 整改时限 责任人 问题来源 交办 已销号 待复查 整改中 未反馈 清零率 报送 "
    "历史遗留 销号率 问题 标注单元格 副本".split()
)
#: A file name, shortened in the middle or not (the one deliberate …: `_FileName`).
FILE_NAME = re.compile(r"[^\s，。、；：？！“”]+\.(?:xlsx|xls|ods|et|toml|txt)")
CLOSING = ("，", "。", "、", "；", "：", "）", "》", "」", "”", "？", "！")
OPENING = ("（", "《", "「", "“")


def check_screen(screen: Screen) -> None:
    output, width = screen.output, screen.width
    assert "\x1b" not in output
    lines = output.splitlines()
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, output
    cut = FILE_NAME.sub("", output).replace("……另有", "")
    assert "…" not in cut, output  # nothing cut off but file names
    for number, line in enumerate(lines):
        if line and set(line) == {"─"}:  # a table's rule: the line above is its header
            header = lines[number - 1].split()
            assert len(header) >= 2 and set(header) <= HEADERS, output
        for segment in re.split(r"\s{2,}", line.strip()):
            assert not segment.startswith(CLOSING), (line, output)
            assert not segment.endswith(OPENING), (line, output)


def _segments(line: str) -> dict[int, str]:
    """The pieces of `line` two or more spaces apart, by the terminal column they start at."""
    return {cell_len(line[: m.start()]): m.group() for m in re.finditer(r"\S+(?: \S+)*", line)}


def shows(output: str, text: str) -> bool:
    """Whether `output` shows `text` whole: on one line, wrapped as a sentence (the lines
    joined), or wrapped inside a table column (its pieces one under another)."""
    if text in output:
        return True
    if re.sub(r"\s", "", text) in re.sub(r"\s", "", output):  # a sentence, wrapped
        return True
    lines = [_segments(line) for line in output.splitlines()]
    for row, pieces in enumerate(lines):
        for column, piece in pieces.items():
            # `text` starts in this cell and goes on below it, in the same column
            tails = [piece[k:] for k in range(len(piece)) if text.startswith(piece[k:])]
            for tail in tails:
                rest = text[len(tail) :]
                for below in lines[row + 1 :]:
                    more = below.get(column, "")
                    if not more or not rest.startswith(more):
                        break
                    rest = rest[len(more) :]
                    if not rest:
                        return True
    return False


def assert_shows(screen: Screen, texts: list[str]) -> None:
    missing = [text for text in texts if not shows(screen.output, text)]
    assert not missing, (missing, screen.output)


def _figures(output: str) -> Counter[str]:
    return Counter(re.findall(r"\d+(?:\.\d+)?%?", FILE_NAME.sub("", output)))


def _characters(output: str) -> Counter[str]:
    """Everything shown but layout: rules, spaces and file names (shortened at 80)."""
    return Counter(c for c in FILE_NAME.sub("", output) if not c.isspace() and c != "─")


def check_same_at_every_width(screens: list[Screen]) -> None:
    narrow, wide = screens
    assert narrow.code == wide.code, (narrow.output, wide.output)
    assert _figures(narrow.output) == _figures(wide.output), (narrow.output, wide.output)
    assert _characters(narrow.output) == _characters(wide.output), (narrow.output, wide.output)


# --- what each screen must show ------------------------------------------------------


def _status_json(runner: CliRunner, *args: str) -> Any:
    code, output = _invoke(runner, ["status", "--json", *AS_OF, *args], 200)
    assert code in (0, 1), output
    return json.loads(output)


def _where(view: Any) -> str:
    return f"{view['location']}：{view['hazard']}" if view["location"] else str(view["hazard"])


def _findings(folder: Path) -> dict[str, str]:
    """The campaign's 交办问题: 编号 → 部位：问题描述, as `sample` lists them."""
    campaign = parse_campaign((folder / "campaign.toml").read_text("utf-8"), "campaign.toml")
    assert campaign.findings.file is not None
    listed = read_findings(folder / campaign.findings.file, campaign)
    return {f.number: f.where for f in listed.findings}


def expected(case: Case, screen: Screen, runner: CliRunner) -> list[str]:
    """What `screen` has to show whole, from the commands' JSON and the files written."""
    name, folder = case.name, screen.folder
    if name == "init":
        return ["campaign.toml", "交办问题清单.xlsx"]
    if name.startswith("issue"):
        departments = _status_json(runner, "回收")["departments"]
        return [d["department"] for d in departments] + ["发放清单.xlsx"]
    if name.startswith("collect"):
        _, raw = _invoke(runner, ["collect", "回收", "--json", "-o", "另.xlsx", *AS_OF], 200)
        payload = json.loads(raw)
        texts = [f["department"] for f in payload["files"]]
        texts += [p["message"] for p in payload["problems"]]
        return texts + payload["status"]["not_returned"]
    if name == "status, unknown department":
        departments = _status_json(runner)["departments"]  # the error lists them all
        return ["财务处", *[d["department"] for d in departments]]
    if name.startswith("status"):
        payload = _status_json(runner, *case.args[1:])
        if name == "status --long-standing":
            views = payload["long_standing"]
            return [_where(v) for v in views] + [v["measures"] for v in views]
        everything = name == "status --all"
        views = payload["overdue"][: None if everything else render_module.SCREEN_OVERDUE]
        views += payload["due_soon"][: None if everything else render_module.SCREEN_DUE_SOON]
        texts = [_where(v) for v in views] + [v["owner"] or "未填写" for v in views]
        texts += [v["department"] for v in views] + payload["not_returned"]
        if everything:
            texts += [d["department"] for d in payload["departments"]]
            texts += [s["source"] for s in payload["assigned"]]
        return texts
    if name == "remind":
        return [p.name.removesuffix("-通知.txt") for p in (folder / "通知").glob("*-通知.txt")]
    if name.startswith("report"):
        return ["回头看工作汇报.xlsx"]
    if name.startswith("sample"):
        archive = "抽查档案（全部）.xlsx" if "--all" in name else "抽查档案.xlsx"
        chosen = load_workbook(folder / archive, read_only=True).sheetnames
        where = _findings(folder)
        return chosen + [where[number] for number in chosen]
    if name == "crosscheck":
        *missed, _signed = sheet_rows(folder / "追责核查.xlsx", "漏报清单", header_row=2)
        return [f"{r['部位']}：{r['问题描述']}" for r in missed] + [r["追责范围"] for r in missed]
    if name == "review":
        return ["复查验收表.xlsx"]
    raise AssertionError(name)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_command_fits_80_and_120_columns_and_loses_nothing(
    case: Case,
    prepared: Path,
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screens = []
    for screen in _screens(case, prepared, tmp_path, runner, monkeypatch):
        check_screen(screen)
        assert_shows(screen, expected(case, screen, runner))
        screens.append(screen)
    check_same_at_every_width(screens)


def test_the_hard_cases_are_on_the_screens(
    prepared: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The added cases do reach the screens, wrapped at 80 columns: the long department,
    hazard and owner inside their columns, more overdue hazards than one screen shows."""
    [narrow, wide] = _screens(
        Case("status --all", ("status", "--all", *AS_OF)), prepared, tmp_path, runner, monkeypatch
    )
    for screen in (narrow, wide):
        assert shows(screen.output, LONG_DEPARTMENT)
        assert shows(screen.output, "张建国、李卫东（后勤服务中心）")
        assert shows(screen.output, "楼道应急照明灯（LED-220V型）12盏中有5盏不亮")
    status = Case("status", ("status", *AS_OF))
    [default, _] = _screens(status, prepared, tmp_path / "default", runner, monkeypatch)
    assert len(_status_json(runner)["overdue"]) > render_module.SCREEN_OVERDUE
    assert "huitoukan status --all" in default.output


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [
        [],
        *[
            [name]
            for name in (
                "init",
                "issue",
                "collect",
                "status",
                "remind",
                "report",
                "sample",
                "crosscheck",
                "review",
            )
        ],
    ],
    ids=lambda args: " ".join(args) or "huitoukan",
)
def test_help_fits_and_keeps_every_word(runner: CliRunner, width: int, args: list[str]) -> None:
    """Every --help: within the console, no line starting with closing punctuation, file
    names, option names and dates never broken, and every help text shown whole."""
    code, output = _invoke(runner, [*args, "--help"], width)
    assert code == 0, output
    check_screen(Screen(width, code, output, Path()))
    import typer.main

    group = typer.main.get_command(app)
    command = group if not args else group.commands[args[0]]  # type: ignore[attr-defined]
    texts = [command.help or ""] + [str(getattr(p, "help", "") or "") for p in command.params]
    texts += [sub.get_short_help_str() for sub in getattr(command, "commands", {}).values()]
    flat = re.sub(r"\s", "", output)
    for text in texts:
        # (\b before a paragraph click prints as it stands: the examples, a line each)
        assert re.sub(r"[\s\b]", "", text) in flat, (text, output)
        for word in re.findall(
            r"[\w.-]+\.toml|[^\s，。、；：（）“”]+\.xlsx|--[a-z-]+|\d{4}-\d{2}-\d{2}", text
        ):
            assert word in output, (word, output)


# --- the wrapping itself -------------------------------------------------------------


def test_a_figure_stays_with_its_label_and_a_file_name_whole() -> None:
    text = (
        "已报送 6/8 个部门；隐患 12 项，已销号 4，未销号 8，逾期 4，销号率 33.3%；错误 1，"
        "警告 2。旧版本 回收/总务基建处-安全隐患自查整改清单（修改后）.xlsx 第 6 行的表头日期 "
        "2023年12月18日 晚于报送截止日期 2023年12月15日（逾期 3 天）"
    )
    glued = [
        "已报送 6/8 个",
        "隐患 12 项，",
        "已销号 4，",
        "销号率 33.3%；",
        "错误 1，",
        "警告 2。",
        "回收/总务基建处-安全隐患自查整改清单（修改后）.xlsx",
        "第 6 行",
        "2023年12月18日",
        "日期 2023年12月15日",
        "（逾期 3 天）",
    ]
    for width in range(24, 100):
        lines = wrap_text(text, width).splitlines()
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        for piece in glued:
            if cell_len(piece) <= width:
                assert any(piece in line for line in lines), (width, piece, lines)


def test_a_path_beginning_with_a_figure_takes_no_label_with_it() -> None:
    """A folder named 2026秋季回头看 was taken for a figure and its label (the 账在 before it)
    went down with it: 台|账 split, the first line 44 columns of 80 (clerk trial 234 CH9).
    The line breaks at the space before the path."""
    text = (
        "错误：找不到 全校隐患台账.xlsx：本次活动的台账在 2026秋季回头看/全校隐患台账.xlsx"
        "（此前汇总到那里），旁边有它的活动配置 campaign.toml"
    )
    lines = wrap_text(text, 79, subsequent_indent="  ").splitlines()
    assert lines[0] == "错误：找不到 全校隐患台账.xlsx：本次活动的台账在", lines


def test_a_measure_word_before_a_bracketed_file_name_stays_with_its_figure() -> None:
    """“改动了 1 个文件（a.xlsx）”: the bracket before the file name made one unit from 个
    to the name's end, and the line broke between 1 and 个 (clerk trial 177 AD8); the name
    is still one unit, with its own brackets (清单（修改后）.xlsx)."""
    text = (
        "提示：全校隐患台账.xlsx 写出之后，回收 中又放入或改动了 1 个文件（学院警务室-安全隐患"
        "自查整改清单.xlsx），以下不含它们：请先运行 huitoukan collect 回收 重新汇总；"
        "另见（回收/总务基建处-安全隐患自查整改清单（修改后）.xlsx）"
    )
    for width in range(30, 120):
        lines = wrap_text(text, width).splitlines()
        assert not any(line.endswith(" 1") for line in lines), (width, lines)
        assert any("1 个" in line for line in lines), (width, lines)
        for name in (
            "（学院警务室-安全隐患自查整改清单.xlsx），",
            "（回收/总务基建处-安全隐患自查整改清单（修改后）.xlsx）",
        ):
            if cell_len(name) <= width:
                assert any(name in line for line in lines), (width, name, lines)


def test_rich_text_wraps_where_wrap_text_does() -> None:
    """`chinese_text` printed, in a table cell or alone, breaks where `wrap_text` does."""
    from rich.console import Console
    from rich.table import Table

    text = "锅炉房：锅炉房通风不良，一氧化碳报警器失灵，已于12月14日报修 2 次（campaign.toml）"
    for width in range(12, 60):
        wrapped = wrap_text(text, width).splitlines()
        starts = [0, *line_breaks(text, width)]
        assert [
            text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
        ] == wrapped
        console = Console(width=width, record=True, color_system=None)
        console.print(chinese_text(text))
        table = Table(show_header=False, box=None, padding=0, expand=True)
        table.add_column()
        table.add_row(chinese_text(text))
        console.print(table)
        shown = [line.rstrip() for line in console.export_text().splitlines()]
        assert shown == wrapped + wrapped, width


def test_file_names_are_shortened_in_the_middle_to_their_room() -> None:
    name = "总务基建处-安全隐患自查整改清单（修改后）.xlsx"
    for width in range(12, 50):
        short = render_module._middle(name, width)
        assert cell_len(short) <= width
        if short != name:
            assert short.startswith("总务") and short.endswith(".xlsx") and "…" in short
    first = name.replace("（修改后）", "")
    for width in range(16, 50):  # the two versions stay apart
        assert render_module._middle(name, width) != render_module._middle(first, width)
    # a file in an archive: never “…p/全部.xlsx”, the end of “.zip” (clerk trial 130)
    member = "职教中心学校.zip/全部.xlsx"
    for width in range(10, 30):
        short = render_module._middle(member, width)
        after = short.rpartition("…")[2]
        assert cell_len(short) <= width
        assert short == member or "/" not in after or after.startswith("/"), short


NAMES = [
    "安全保卫处",
    "总务基建处",
    "学生工作处",
    "各二级学院",
    "高级技工学校",
    "职教中心学校",
    "附属医院",
    "学院警务室",
    LONG_DEPARTMENT,
]


@pytest.mark.parametrize(
    "label",
    # and a label wider than the line (it ran off the screen: clerk trial 142)
    [
        "逾期未报送：",
        "推迟了整改时限的隐患 3 项（其中原时限已过才推迟、按新时限未计入逾期的 2 项）：",
    ],
)
def test_a_list_of_departments_breaks_between_names(label: str) -> None:
    from rich.console import Console

    for width in range(20, 100):
        console = Console(width=width, record=True, color_system=None)
        render_module._listed(console, label, NAMES)
        lines = console.export_text().splitlines()
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        for name in NAMES:
            if cell_len(name) + 2 < width:
                assert any(name in line for line in lines), (width, name, lines)
        assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", label) + "、".join(NAMES)


def test_a_name_begun_after_a_comma_goes_down_whole() -> None:
    text = "错误：没有名为“财务处”的部门。可用的部门：" + "、".join(NAMES)
    for width in range(30, 100):
        lines = wrap_text(text, width, subsequent_indent="  ").splitlines()
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        for name in NAMES[:-1]:  # five characters or fewer, or six in a line of 36
            if len(name) <= 5 or width >= 36:
                assert any(name in line for line in lines), (width, name, lines)


@pytest.mark.parametrize("files", [4, 5])
def test_a_long_list_of_problems_says_a_warning_of_many_files_once(files: int) -> None:
    """At 200 departments collect printed 887 lines of problems, its 21 errors among 133
    entries of one warning (未填检查内容, clerk trial 94). Past a screen, a warning said of
    five files or more is one line naming them after the rest; errors are all listed."""
    from rich.console import Console

    from huitoukan.model.problems import Code, Problem, Severity

    def said(code: Code, severity: Severity, n: int, message: str) -> Problem:
        return Problem(severity=severity, code=code, file=f"回收/部门{n:03d}.xlsx", message=message)

    problems = [said(Code.NO_ITEMS, Severity.WARNING, n, "没有填写检查内容") for n in range(files)]
    problems += [
        said(Code.MISSING_HEAD, Severity.ERROR, 100 + n, f"第 {n} 份没有填写主要负责人")
        for n in range(render_module.TERMINAL_ROWS + 1 - files)
    ]
    console = Console(record=True, width=100)
    render_module.problem_list(console, problems)
    shown = console.export_text()
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert all(p.message in shown for p in errors)
    joined = "".join(shown.split())
    summary = f"警告未填检查内容：{files}份报表（部门000.xlsx、部门001.xlsx"
    if files < 5:
        assert summary not in joined and shown.count("没有填写检查内容") == files
    else:
        assert summary in joined and "没有填写检查内容" not in shown
        # under a heading of its own, not the last file's (clerk trial 95)
        assert f"多份报表都有的警告{summary}" in joined
        assert "逐项见台账“校验问题”工作表" in joined


def test_a_value_in_quotes_is_never_broken() -> None:
    """formerly = "旧名称" broke between 旧名称 and its closing quote (clerk trial 128)."""
    text = '部门改了名的，请在 campaign.toml 新名称的部门下写明旧名（formerly = "学生工作处"），其报表和隐患编号即照旧'
    for width in range(20, 90):
        lines = wrap_text(text, width).splitlines()
        assert any('"学生工作处"），' in line for line in lines), (width, lines)


def test_a_quoted_name_with_spaces_is_never_broken() -> None:
    """huitoukan collect "回收 首轮" "第二轮 回收": broken inside the quotes, the command
    pasted was wrong (clerk trial 131)."""
    text = '请先运行 huitoukan collect "回收 首轮" "第二轮 回收" "第三轮 回收" 复查 重新汇总。'
    for width in range(24, 90):
        lines = wrap_text(text, width).splitlines()
        for name in ('"回收 首轮"', '"第二轮 回收"', '"第三轮 回收"'):
            assert any(name in line for line in lines), (width, lines)


def test_a_listed_name_wider_than_a_line_keeps_its_hang() -> None:
    """“未反馈：” and a problem too long for the rest of the line: its first line began at
    column 0, the lines after it indented (clerk trial 140)."""
    import io

    from rich.console import Console

    from huitoukan.cli.render import _listed

    out = io.StringIO()
    console = Console(file=out, width=40, color_system=None)
    _listed(console, "未反馈：", ["XN-2023-14（学院警务室，" + "消防通道堆放杂物" * 6 + "）"], "；")
    first, *rest = out.getvalue().splitlines()
    assert first == "未反馈：" and len(rest) > 1
    assert all(line.startswith("  ") and not line.startswith("   ") for line in rest), rest


def test_a_files_problems_are_said_under_one_heading() -> None:
    """A warning collect adds after merging (a list's change, a round's date kept) came
    under a second heading of a file already said (clerk trial 140)."""
    import io

    from rich.console import Console

    from huitoukan.cli.render import problem_list
    from huitoukan.model.problems import Code, problem

    said = [
        problem(Code.MISSING_OWNER, "第二轮/保卫处.xlsx", row=7, department="安全保卫处"),
        problem(Code.MISSING_OWNER, "第二轮/学工处.xlsx", row=7, department="学生工作处"),
        problem(Code.MISSING_MEASURES, "第二轮/保卫处.xlsx", row=8, department="安全保卫处"),
    ]
    out = io.StringIO()
    problem_list(Console(file=out, width=100, color_system=None), said)
    lines = out.getvalue().splitlines()
    headings = [line for line in lines if line.startswith("第二轮/")]
    assert headings == ["第二轮/保卫处.xlsx（安全保卫处）", "第二轮/学工处.xlsx（学生工作处）"]
    assert lines.index(headings[1]) == len(lines) - 2  # its one problem after it
