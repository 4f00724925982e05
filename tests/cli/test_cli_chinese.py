"""Everything typer prints for the demo app is Chinese, fits the terminal and lines up;
and the typer internals cli_zh relies on are still there (fails on a typer upgrade)."""

from __future__ import annotations

import gettext
import re
import string
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import pytest
import typer
import typer.core
from typer._click.core import Command
from typer._click.exceptions import ClickException, UsageError
from typer.testing import CliRunner

from huitoukan.cli import chinese as cli_zh
from huitoukan.cli.chinese import (
    MESSAGES,
    ChineseCommand,
    ChineseGroup,
    ChineseTyper,
    text_width,
    translate,
    translate_type_label,
    wrap_text,
)
from tests.cli.chinese_capture import run
from tests.cli.chinese_demo import make_app
from tests.cli.typer_strings import (
    gettext_msgids,
    modules_importing_gettext,
    string_literals,
    user_facing_templates,
)

MODES: list[typer.core.MarkupMode] = [None, "rich"]
COLUMNS = [80, 120]
HELP_ARGS = [
    ["--help"],
    ["issue", "--help"],
    ["collect", "--help"],
    ["status", "--help"],
    ["remind", "--help"],
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _walk(command: Command) -> Iterator[Command]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def app_words(app: typer.Typer, *extra: str) -> set[str]:
    """Latin words the app itself supplies (names, metavars, help, defaults) or the user
    typed; anything else Latin in the output came from typer."""
    texts = ["huitoukan", *extra]
    for command in _walk(typer.main.get_command(app)):
        texts += [command.name or "", command.help or ""]
        for param in command.params:
            texts += [param.name, *param.opts, *param.secondary_opts, param.metavar or ""]
            texts += [str(getattr(param, "help", "") or ""), str(param.default)]
    return set(re.findall(r"[A-Za-z]+", " ".join(texts))) | {"help"}  # the --help option


def english_leftovers(output: str, allowed: set[str]) -> list[str]:
    return sorted({word for word in re.findall(r"[A-Za-z]{2,}", output) if word not in allowed})


def unfold(output: str, mode: typer.core.MarkupMode) -> str:
    """rich folds a too-long "word" (a run of Chinese with a Latin word in it) anywhere,
    e.g. "（col" / "lect）"; glue its lines back together.  Gluing can only turn English
    into longer unknown words, never hide it."""
    if mode is None:
        return output
    return "".join(line.strip() for line in output.splitlines())


def invoke(runner: CliRunner, app: typer.Typer, args: list[str], columns: int) -> tuple[int, str]:
    result = runner.invoke(app, args, env={"COLUMNS": str(columns)}, prog_name="huitoukan")
    return result.exit_code, result.output


# --- help -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("columns", COLUMNS)
@pytest.mark.parametrize("args", HELP_ARGS, ids=" ".join)
def test_help_is_all_chinese_and_fits(
    runner: CliRunner, mode: typer.core.MarkupMode, columns: int, args: list[str]
) -> None:
    app = make_app(rich_markup_mode=mode)
    code, output = invoke(runner, app, args, columns)
    assert code == 0, output
    assert english_leftovers(unfold(output, mode), app_words(app)) == [], output
    assert "用法：huitoukan" in output and "显示此帮助并退出。" in output
    assert "选项" in output
    too_wide = [line for line in output.splitlines() if text_width(line) > columns]
    assert too_wide == [], output


@pytest.mark.parametrize("mode", MODES)
def test_help_headings_and_defaults(runner: CliRunner, mode: typer.core.MarkupMode) -> None:
    app = make_app(rich_markup_mode=mode)
    _, top = invoke(runner, app, ["--help"], 80)
    assert "命令" in top and "[选项] 命令 [参数]..." in top
    _, collect = invoke(runner, app, ["collect", "--help"], 80)
    assert "参数" in collect and "[必填]" in collect and "<路径，可多个>" in collect
    assert "[默认：全校隐患台账.xlsx]" in collect
    _, status = invoke(runner, app, ["status", "--help"], 80)
    assert "<整数>" in status and "默认：7" in status
    # the range in words in the plain help the app uses; rich mode keeps click's x>=0
    assert ("不小于 0" if mode is None else "x>=0") in status
    _, remind = invoke(runner, app, ["remind", "--help"], 120)
    for label in ("<文件>", "<整数>", "<数字>", "<文本>", "<路径>"):
        assert label in remind


def test_plain_help_headings_use_chinese_colon(runner: CliRunner) -> None:
    _, output = invoke(runner, make_app(), ["collect", "--help"], 80)
    assert [line for line in output.splitlines() if line.endswith("：")] == ["参数：", "选项："]


@pytest.mark.parametrize("args", HELP_ARGS, ids=" ".join)
def test_plain_help_columns_line_up_beside_chinese(runner: CliRunner, args: list[str]) -> None:
    """Each section's descriptions start in one terminal column, Chinese metavars or not."""
    _, output = invoke(runner, make_app(), args, 80)
    for section in output.split("\n\n"):
        lines = section.splitlines()
        if not lines or lines[0] not in ("选项：", "参数：", "命令："):
            continue
        starts = set()
        for line in lines[1:]:
            match = re.match(r"^(  \S.*?\S)  +(\S)", line)
            if match and text_width(match.group(1)) <= 30:
                starts.add(text_width(line[: match.start(2)]))
            elif line.startswith("    "):  # continuation line: indented to the column
                starts.add(len(line) - len(line.lstrip(" ")))
        assert len(starts) == 1, section


def test_plain_help_breaks_chinese_at_the_width_without_splitting_words(
    runner: CliRunner,
) -> None:
    _, output = invoke(runner, make_app(), ["status", "--help"], 80)
    lines = output.splitlines()
    assert max(text_width(line) for line in lines) <= 80
    assert any(text_width(line) > 70 for line in lines)  # it does use the width
    for word in ("campaign.toml", "2023-12-20", "账.xlsx"):
        assert word in output  # never cut inside a Latin word, number or file name
    for line in lines:
        assert not line.lstrip().startswith(("，", "。", "）", "、", "；", "："))
        assert not line.endswith(("（", "《", "“"))


@pytest.mark.parametrize("columns", COLUMNS)
def test_real_terminal_plain_help(columns: int) -> None:
    """In a real terminal click keeps help within 78 columns; so does the Chinese."""
    for args in HELP_ARGS:
        code, output = run(args, chinese=True, mode=None, columns=columns)
        assert code == 0, output
        assert max(text_width(line) for line in output.splitlines()) <= 78, output


@pytest.mark.parametrize("columns", COLUMNS)
def test_real_terminal_rich_help(columns: int) -> None:
    code, output = run(["status", "--help"], chinese=True, mode="rich", columns=columns)
    assert code == 0
    assert "╭─ 选项 ─" in output and "╭─ 参数 ─" in output
    assert max(text_width(line) for line in output.splitlines()) <= columns


@pytest.mark.parametrize("columns", COLUMNS)
@pytest.mark.parametrize("args", HELP_ARGS, ids=" ".join)
def test_rich_help_keeps_all_text(runner: CliRunner, columns: int, args: list[str]) -> None:
    """rich breaks lines only at spaces: by itself it folded Chinese mid-word ("（col" /
    "lect）") and cut a command's summary off with "…".  Its help texts are made to wrap
    like the plain help: between Chinese characters, never inside a Latin word or number,
    never before closing punctuation."""
    app = make_app(rich_markup_mode="rich")
    _, output = invoke(runner, app, args, columns)
    assert "…" not in output, output
    inside = [line.strip(" │") for line in output.splitlines()]
    for line in inside:
        assert not line.startswith(("，", "。", "）", "、", "；", "：")), output
        assert not line.endswith(("（", "《", "“")), output
    flat = re.sub(r"[\s│]", "", "".join(inside))
    group = typer.main.get_command(app)
    shown = group if args == ["--help"] else getattr(group, "commands", {})[args[0]]
    texts = [shown.help or ""]
    texts += [str(getattr(p, "help", "") or "") for p in shown.params if p.name != "help"]
    texts += [sub.help or "" for sub in getattr(shown, "commands", {}).values()]
    for text in texts:
        assert re.sub(r"\s", "", text) in flat, (text, output)
    for word in ("（collect）", "campaign.toml", "2023-12-20", "退出码为 1"):
        if word.replace(" ", "") in flat:
            assert any(word in line for line in inside), (word, output)


def test_no_arguments_shows_chinese_help(runner: CliRunner) -> None:
    app = make_app()
    code, output = invoke(runner, app, [], 80)
    assert code == 2
    assert "用法：" in output and "命令：" in output
    assert english_leftovers(output, app_words(app)) == []


def test_before_translation_the_demo_is_english(runner: CliRunner) -> None:
    """The check above would catch typer's English (the demo really exercises it)."""
    app = make_app(chinese=False)
    _, output = invoke(runner, app, ["collect", "--help"], 80)
    assert {"Usage", "OPTIONS", "Show", "message"} <= set(english_leftovers(output, app_words(app)))


# --- usage errors ---------------------------------------------------------------------

ERRORS: list[tuple[list[str], str]] = [
    (["collect"], "缺少参数 'returns'。"),
    (["collect", "r", "--asof", "x"], "没有此选项：--asof（可能是：--as-of, --json）"),
    (["status", "--due-within", "七"], "'--due-within' 的值无效：'七' 不是有效的整数。"),
    (["status", "--due-within", "-1"], "'--due-within' 的值无效：'-1' 太小，不能小于 0。"),
    (["issue", "extra"], "多余的参数：extra"),
    (["issue", "a", "b"], "多余的参数：a b"),
    (["xxx"], "没有名为 'xxx' 的命令。"),
    (["colect"], "没有名为 'colect' 的命令。您是不是要输入 'collect'？"),
    (["issue", "--out"], "选项 '--out' 后面需要一个值。"),
    (["remind"], "缺少选项 '--template'。"),
    (["remind", "--template", "/nonexistent/模板.docx"], "文件 '/nonexistent/模板.docx' 不存在。"),
    (["remind", "--template", "/"], "文件 '/' 是文件夹，这里需要文件。"),
    (["status", "-x"], "没有此选项：-x"),
    (["status", "--json=yes"], "选项 '--json' 不接受值。"),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("columns", COLUMNS)
@pytest.mark.parametrize(
    ("args", "expected"), ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_usage_errors_are_chinese_and_exit_2(
    runner: CliRunner, mode: typer.core.MarkupMode, columns: int, args: list[str], expected: str
) -> None:
    app = make_app(rich_markup_mode=mode)
    code, output = invoke(runner, app, args, columns)
    assert code == 2, output
    flat = re.sub(r"\s*│\s*", "", output) if mode else output  # rich wraps in a panel
    assert expected in flat and "。。" not in flat, output
    assert "用法：huitoukan" in output and "查看帮助。" in output
    assert ("错误：" if mode is None else "─ 错误 ─") in output
    assert english_leftovers(output, app_words(app, *args)) == [], output


def test_number_out_of_range(runner: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_text("x", encoding="utf-8")
    app = make_app()
    for args, expected in [
        (["--ratio", "2"], "'--ratio' 的值无效：'2' 太大，不能大于 1.0。"),
        (["--copies", "1.5"], "'--copies' 的值无效：'1.5' 不是有效的整数。"),
        (["--ratio", "abc"], "'--ratio' 的值无效：'abc' 不是有效的数字。"),
    ]:
        code, output = invoke(runner, app, ["remind", "--template", str(template), *args], 80)
        assert code == 2 and expected in output, output


def test_valid_command_still_runs(runner: CliRunner) -> None:
    args = ["status", "a", "--due-within", "3", "-d", "教务处"]
    code, output = invoke(runner, make_app(), args, 80)
    assert (code, output) == (0, "status [PosixPath('a')] None 3 ['教务处'] False\n")


def test_callback_errors_are_chinese() -> None:
    """A BadParameter raised by the app's own code gets the Chinese frame, text untouched."""

    def check(value: str) -> str:
        raise typer.BadParameter("只能写部门简称")

    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command()
    def one(name: str = typer.Option("x", "--name", callback=check)) -> None:
        """试试。"""

    code, output = invoke(CliRunner(), app, ["--name", "y"], 80)
    assert code == 2
    assert "错误：'--name' 的值无效：只能写部门简称" in output


def test_completion_options_are_chinese(runner: CliRunner) -> None:
    app = ChineseTyper(rich_markup_mode=None)

    @app.command()
    def one() -> None:
        """一。"""

    @app.command()
    def two() -> None:
        """二。"""

    code, output = invoke(runner, app, ["--help"], 80)
    assert code == 0 and "为当前命令行安装自动补全。" in output
    assert english_leftovers(output, app_words(app)) == [], output


def test_abort_is_chinese() -> None:
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command()
    def one() -> None:
        """试试。"""
        raise typer.Abort()

    code, output = invoke(CliRunner(), app, [], 80)
    assert code == 1 and output.strip() == "已中止！"


def test_deprecated_command_is_chinese(runner: CliRunner) -> None:
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command(deprecated=True)
    def old() -> None:
        """旧的命令。"""

    @app.command()
    def new() -> None:
        """新的命令。"""

    _, listing = invoke(runner, app, ["--help"], 80)
    assert "旧的命令。 （已弃用）" in listing
    _, help_text = invoke(runner, app, ["old", "--help"], 80)
    assert "旧的命令。 （已弃用）" in help_text
    code, output = invoke(runner, app, ["old"], 80)
    assert code == 0 and "弃用警告：命令 'old' 已弃用。" in output
    assert english_leftovers(output + listing + help_text, app_words(app)) == []


def test_plain_typer_sub_app_becomes_chinese(runner: CliRunner) -> None:
    """A sub-app made with plain typer.Typer (add_typer) is converted by ChineseGroup."""
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)
    sub = typer.Typer(rich_markup_mode=None)

    @sub.command()
    def show(count: int = typer.Option(1, min=1, help="几条")) -> None:
        """显示。"""

    @app.command()
    def top() -> None:
        """顶层。"""

    app.add_typer(sub, name="sub", help="子命令组。")
    code, output = invoke(runner, app, ["sub", "show", "--count", "0"], 80)
    assert code == 2 and "'--count' 的值无效：'0' 太小，不能小于 1。" in output
    _, help_text = invoke(runner, app, ["sub", "show", "--help"], 80)
    assert "用法：" in help_text and "<整数>" in help_text and "显示此帮助并退出。" in help_text


def test_single_command_app(runner: CliRunner) -> None:
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command()
    def only(path: Path, days: int = typer.Option(7, min=0, help="天数")) -> None:
        """只有一个命令。"""

    code, output = invoke(runner, app, ["p", "--days", "x"], 80)
    assert code == 2 and "'--days' 的值无效：'x' 不是有效的整数。" in output
    code, output = invoke(runner, app, [], 80)
    assert code == 2 and "缺少参数 'path'。" in output
    _, help_text = invoke(runner, app, ["--help"], 80)
    assert english_leftovers(help_text, app_words(app)) == [], help_text


# --- translation table and helpers ------------------------------------------------------


def _placeholders(template: str) -> list[tuple[str, str | None]]:
    return sorted(
        (field, conversion)
        for _, field, _, conversion in string.Formatter().parse(template)
        if field is not None
    )


@pytest.mark.parametrize("english", list(MESSAGES))
def test_translation_keeps_placeholders(english: str) -> None:
    chinese = MESSAGES[english]
    assert _placeholders(chinese) == _placeholders(english)
    assert re.search(r"[\u4e00-\u9fff]", chinese) or chinese == "{message}"
    assert not re.search(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}|\[/?blue\]", "", chinese))


def test_translate_composite_messages() -> None:
    assert translate("Missing option '--x'. Choose from:\n\ta,\n\tb") == (
        "缺少选项 '--x'。可选值：\n\ta,\n\tb"
    )
    assert translate("Invalid value for 'x': Value 'q' is not a valid Decimal.") == (
        "'x' 的值无效：'q' 不是有效的数字。"
    )
    assert translate("Invalid value: 'a' is not one of 'b', 'c'.") == (
        "值无效：'a' 不是可选值（可选：'b', 'c'）。"
    )
    assert translate("dir '/x' is a file.") == "文件夹 '/x' 是文件，这里需要文件夹。"
    assert translate("Option '-n' requires 2 arguments.") == "选项 '-n' 后面需要 2 个值。"
    assert translate("Missing parameter: name") == "缺少参数：name"
    assert translate("没有改动") == "没有改动"
    assert translate("Something typer never says.") == "Something typer never says."


def test_type_labels() -> None:
    assert translate_type_label("<int range>") == "<整数>"
    assert translate_type_label("<list[Path]>") == "<路径，可多个>"
    assert translate_type_label("<int,str>") == "<整数,文本>"
    assert translate_type_label("<red|blue>", keep_values=True) == "<red|blue>"
    assert translate_type_label("<list[str]>", keep_values=True) == "<str，可多个>"
    assert translate_type_label("部门") == "部门"


class Level(StrEnum):
    high = "高"
    low = "低"


def test_choice_and_datetime_options(runner: CliRunner) -> None:
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command()
    def one(
        level: Level = typer.Option(Level.high, help="等级"),
        when: datetime = typer.Option(datetime(2023, 12, 20), formats=["%Y-%m-%d"], help="日期"),
    ) -> None:
        """试试。"""

    _, help_text = invoke(runner, app, ["--help"], 80)
    assert "<高|低>" in help_text and "<%Y-%m-%d>" in help_text
    code, output = invoke(runner, app, ["--level", "中"], 80)
    assert code == 2 and "'中' 不是可选值（可选：'高', '低'）。\n" in output
    code, output = invoke(runner, app, ["--when", "明天"], 80)
    assert code == 2 and "'明天' 不符合以下格式：'%Y-%m-%d'。\n" in output


def test_wrap_text_measures_columns_and_keeps_punctuation() -> None:
    text = "活动配置文件（默认：当前文件夹的 campaign.toml，没有则用内置默认活动），如 2023-12-20。"
    for width in range(12, 60):
        lines = wrap_text(text, width).splitlines()
        assert all(text_width(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(line.startswith(("，", "）", "。", "：")) for line in lines)
        assert not any(line.endswith("（") for line in lines)


def test_wrap_text_keeps_a_derived_problem_number_whole() -> None:
    """A 问题编号 made of its source and a code is copied by the clerk: never split at the
    hyphen, nor inside the source's name."""
    text = "已为没有编号的问题编号：学校通报-3F2A1B、四进巡查-569AE3（每次运行都相同）"
    for width in range(20, 60):
        lines = wrap_text(text, width).splitlines()
        assert all(line.count("-") <= 2 for line in lines)
        for number in ("学校通报-3F2A1B", "四进巡查-569AE3"):
            assert any(number in line for line in lines), (width, lines)


def test_wrap_text_joins_chinese_lines_without_spaces() -> None:
    assert wrap_text("第一行\n第二行\n\nEnglish\nwords", 40, preserve_paragraphs=True) == (
        "第一行第二行\n\nEnglish words"
    )
    assert wrap_text("\b\n不  重排\n  保留", 40, preserve_paragraphs=True) == "不  重排\n  保留"


def test_long_chinese_summary_is_not_reduced_to_dots(runner: CliRunner) -> None:
    """click's short help counts characters and keeps whole "words": a long Chinese
    sentence became "..."; the Chinese command shows its first sentence, wrapped."""
    long_help = (
        "写出催报、督办通知：" + "未报送的部门、有逾期隐患的部门、逾期报送的部门" * 3 + "。第二句。"
    )
    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.command(help=long_help)
    def a() -> None:
        pass

    @app.command()
    def b() -> None:
        """短。"""

    _, output = invoke(runner, app, ["--help"], 80)
    listing = output.split("命令：\n")[1]
    assert "..." not in listing and "第二句" not in listing
    assert re.sub(r"\s", "", listing).startswith("a" + long_help.split("。")[0] + "。b短。")


def test_no_single_character_last_line() -> None:
    text = "为每个部门生成附件2《安全隐患自查整改清单》，并生成附件1和发放清单。"
    assert wrap_text(text, 67).splitlines()[-1] == "清单。"
    assert wrap_text(text, 80) == text


def test_explicit_group_class_is_made_chinese(runner: CliRunner) -> None:
    class MyGroup(typer.core.TyperGroup):
        pass

    app = ChineseTyper(add_completion=False, rich_markup_mode=None)

    @app.callback(cls=MyGroup)
    def main() -> None:
        """主程序。"""

    @app.command()
    def one() -> None:
        """一。"""

    group = typer.main.get_command(app)
    assert isinstance(group, MyGroup) and isinstance(group, cli_zh._ChineseCommandMixin)
    code, output = invoke(runner, app, ["nope"], 80)
    assert code == 2 and "错误：没有名为 'nope' 的命令。" in output


def test_text_width() -> None:
    assert text_width("选项abc") == 7
    assert text_width("\033[1m粗\033[0m") == 2
    assert text_width("e\u0301") == 1


# --- the typer internals cli_zh depends on (these fail on a typer upgrade) ---------------

#: Every user-facing string template found in typer 0.29.2's runtime modules (see
#: tests/typer_strings.py), and what cli_zh does with it.  A typer upgrade that adds,
#: removes or rewords one fails `test_user_facing_strings_are_all_known`.
KNOWN_TEMPLATES: dict[str, str] = {
    "(DEPRECATED)": "(DEPRECATED)",
    "(DEPRECATED: {})": "(DEPRECATED: {deprecated})",
    "(Possible options: {})": "{message} (Possible options: {possibility_str})",
    "Argument {} takes {} values.": "Argument {dest!r} takes {nargs} values.",
    "COMMAND [ARGS]...": "COMMAND [ARGS]...",
    "Choose from:\n\t{}": "Choose from:\n\t{choices_str}",
    "Could not open file {}: {}": "Could not open file {ui_filename!r}: {message}",
    "DeprecationWarning: The command {} is deprecated.{}": (
        "DeprecationWarning: The command {name!r} is deprecated.{extra_message}"
    ),
    "Error: {}": "Error: {message}",
    "Got unexpected extra argument(s) ({})": "Got unexpected extra argument(s) ({extra_args})",
    "Invalid value for {}: {}": "Invalid value for {hint}: {message}",
    "Invalid value: {}": "Invalid value: {message}",
    "Missing parameter: {}": "Missing parameter: {param_name}",
    "Missing {}{}.": "Missing {param_type}{param_hint}.",
    "Missing {}{}. {}": "Missing {param_type}{param_hint}. {msg}",
    "No such option: {}": "No such option: {option_name}",
    "None is not a valid string": "None is not a valid string",
    "Option {} does not take a value.": "Option {opt!r} does not take a value.",
    "Option {} requires {}": "Option {option_name!r} requires an argument.",
    "an argument.": "Option {option_name!r} requires an argument.",
    "{} arguments.": "Option {option_name!r} requires {nargs} arguments.",
    "Show this message and exit.": "Show this message and exit.",
    "Try '{} {}' for help.\n": "Try '{command} {option}' for help.",
    "Usage: ": "Usage: ",
    "Value must be an iterable.": "Value must be an iterable.",
    "Value {} is not a valid {}.": "Value {value!r} is not a valid {label}.",
    "[OPTIONS]": "[OPTIONS]",
    "unknown error": "unknown error",
    "value is not a valid tuple": "value is not a valid tuple",
    "{} does not match the formats {}.": "{value!r} does not match the formats {formats_str}.",
    "{} is not one of {}.": "{value!r} is not one of {choices_str}.",
    "{} values are required, but {} given.": "{n} values are required, but {m} given.",
    "{} {} does not exist.": "{label} {filename!r} does not exist.",
    "{} {} is a directory.": "{label} {loc} is a directory.",
    "{} {} is a file.": "{label} {loc} is a file.",
    "{} {} is not readable.": "{label} {loc} is not readable.",
    "{} {} is not writable.": "{label} {loc} is not writable.",
    "{}. Did you mean {}?": "{message}. Did you mean {suggestions}?",
    # type labels, rewritten by translate_type_label through the parameters' display_type
    "datetime": "type label",
    "list[{}]": "type label",
    "{} range": "type label",
    # numeric ranges: no words to translate
    "x<={}": "range",
    "x>={}": "range",
    "{}<=x<={}": "range",
    # the operating system's own message (already Chinese on a Chinese Windows)
    "'{}': {}": "OS error text",
    # mistakes in the program itself, raised while the app is being defined
    "Boolean option {} cannot use the same flag for true/false.": "developer error",
    "Expected one list item type, got: {}": "developer error",
    "Invalid start character for option ({})": "developer error",
    "unknown action '{}'": "developer error",
}


def test_user_facing_strings_are_all_known() -> None:
    found = user_facing_templates() - gettext_msgids()
    assert sorted(found - set(KNOWN_TEMPLATES)) == [], "new typer strings: translate them"
    assert sorted(set(KNOWN_TEMPLATES) - found) == [], "typer dropped or reworded these"
    for handled_by in KNOWN_TEMPLATES.values():
        assert handled_by in MESSAGES or handled_by in (
            "type label",
            "range",
            "OS error text",
            "developer error",
        )


def test_gettext_msgids_are_all_translated() -> None:
    assert sorted(gettext_msgids() - set(MESSAGES)) == []
    assert modules_importing_gettext() == ["core.py", "rich_utils.py"], (
        "the vendored click started using gettext: revisit the approach in cli_zh"
    )


EXTERNAL_KEYS = {
    "Value error, {message}": "pydantic's wording of a ValueError",
    "No such command {name!r}": "typer's message after its rstrip('.')",
}


@pytest.mark.parametrize("english", list(MESSAGES))
def test_every_msgid_still_exists_in_typer(english: str) -> None:
    """Each literal piece of each key is still in typer's source (catches rewording)."""
    if english in EXTERNAL_KEYS:
        return
    literals = string_literals()
    for literal, *_ in string.Formatter().parse(english):
        for piece in re.split(r"\{|\}", literal):
            piece = piece.strip()
            if piece in ("an argument.", "") or piece.startswith("requires"):
                continue  # "requires {msg}" + "an argument." / "{nargs} arguments."
            assert any(piece in text for text in literals), (english, piece)


def test_internals_present() -> None:
    assert cli_zh.typer_internals_problems() == []


def test_typer_core_gettext_alias_is_replaced() -> None:
    cli_zh.install_chinese()
    alias = vars(typer.core)["_"]
    assert alias is not gettext.gettext
    assert alias("Options") == "选项" and alias("not in the table") == "not in the table"


def test_rich_constants_are_replaced_when_rich_is_used(runner: CliRunner) -> None:
    invoke(runner, make_app(rich_markup_mode="rich"), ["--help"], 80)
    from typer import rich_utils

    for name, msgid in cli_zh.RICH_CONSTANTS.items():
        assert getattr(rich_utils, name) == MESSAGES[msgid]


def test_instance_attributes_used_exist() -> None:
    """Attributes cli_zh reads or writes on objects typer creates."""
    group = typer.main.get_command(make_app())
    assert isinstance(group, ChineseGroup)
    collect = group.commands["collect"]
    assert isinstance(collect, ChineseCommand)
    ctx = collect.make_context("collect", ["r"])
    assert ctx.help_option_names == ["--help"] and hasattr(ctx, "color")
    for param in collect.get_params(ctx):
        for name in ("help", "type_descriptor", "metavar", "opts", "secondary_opts"):
            assert hasattr(param, name), name
        descriptor = param.type_descriptor  # type: ignore[attr-defined]
        assert hasattr(descriptor, "is_choice") and hasattr(descriptor, "is_datetime")
        assert hasattr(descriptor.parameter_info, "formats")
    error = UsageError("x", ctx)
    assert (error.ctx, error.cmd, error.message) == (ctx, collect, "x")
    assert hasattr(ClickException("x"), "show_color")
    assert {"rich_markup_mode", "deprecated", "short_help", "help"} <= set(vars(collect))


def test_typer_is_the_tested_version() -> None:
    assert typer.__version__ == cli_zh.TESTED_TYPER_VERSION, (
        "typer was upgraded: re-run tests/typer_strings.py, update MESSAGES and "
        "KNOWN_TEMPLATES, then TESTED_TYPER_VERSION"
    )
