"""Chinese for everything typer 0.29.2 (and the click copy it vendors) prints.

Use `ChineseTyper` instead of `typer.Typer`; nothing else changes::

    from huitoukan.cli.chinese import ChineseTyper

    app = ChineseTyper(name="huitoukan", help=..., rich_markup_mode=None, ...)

How the strings are reached (see NOTES.md for the full story):

* The vendored click (`typer._click`) does not call gettext at all: "Usage: ", "Error: ",
  "Missing argument", "No such option", "Show this message and exit." ... are plain
  f-strings.  They are reached through public extension points instead:
  `Context.formatter_class` (a help formatter that writes 用法／选项／参数 and measures
  text in terminal columns, so Chinese wraps and aligns), `Command.context_class`,
  `Command.get_params` / `collect_usage_pieces` / `parse_args` / `invoke`, and the
  exceptions' own `format_message` / `show`.
* typer's own strings in `typer/core.py` and `typer/rich_utils.py` do go through
  `gettext.gettext`, but gettext can only be fed from compiled .mo files chosen by the
  LANGUAGE/LC_*/LANG environment variables, which Windows does not set; and
  rich_utils evaluates its strings once at import.  So `_patch_typer_globals` (the only
  place that touches typer's module globals) points `typer.core._` at this table and
  rewrites the rich_utils constants.  `typer_internals_problems()` lists everything
  this module relies on that a typer upgrade could rename; the tests assert it is empty.

Text is measured in terminal columns and wrapped the Chinese way (`wrap_text`): between
Chinese characters, never inside a Latin word, number, date or file name, never before
closing punctuation, a figure kept with its label and a name begun after 、 taken down
whole.  rich breaks lines only at spaces, so `chinese_text` gives rich a `Text` that
wraps the same way; typer's rich help is built of such texts (`_wrap_rich_texts`).

Objects typer creates itself (parameters, the exceptions it raises, sub-commands built
from plain `typer.Typer` apps) are given a Chinese subclass of their own class by
assigning `__class__`; `isinstance` checks and class names are unchanged.
"""

from __future__ import annotations

import functools
import gettext
import inspect
import re
import string
import unicodedata
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

import typer
import typer.core
from typer._click.core import Command, Context, Parameter
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.termui import style
from typer._click.utils import echo
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

if TYPE_CHECKING:  # rich costs 30 ms to import: the plain help never needs it
    from rich.text import Text

__all__ = [
    "MESSAGES",
    "TESTED_TYPER_VERSION",
    "ChineseCommand",
    "ChineseContext",
    "ChineseGroup",
    "ChineseHelpFormatter",
    "ChineseTyper",
    "chinese_text",
    "install_chinese",
    "text_width",
    "translate",
    "translate_type_label",
    "typer_internals_problems",
    "wrap_text",
]

TESTED_TYPER_VERSION = "0.29.2"

# ---------------------------------------------------------------------------------------
# The translation table
# ---------------------------------------------------------------------------------------

#: English msgid → Chinese, for every string typer 0.29.2 can print in help and usage
#: errors.  Keys are written exactly as in typer's source: the gettext msgids of
#: typer/core.py and typer/rich_utils.py verbatim (typer formats them itself, so the
#: `{name!r}` / `{}` placeholders must stay identical), the f-strings of the vendored
#: click with their expressions renamed.  Keys with placeholders double as patterns: a
#: finished English message is matched against them (in this order, so the composite
#: messages come first) and rebuilt in Chinese from the captured pieces.
MESSAGES: dict[str, str] = {
    # --- composite error messages (outer frame first) --------------------------------
    "{message} (Possible options: {possibility_str})": "{message}（可能是：{possibility_str}）",
    "{message}. Did you mean {suggestions}?": "{message}您是不是要输入 {suggestions}？",
    "Invalid value for {hint}: {message}": "{hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Missing {param_type}{param_hint}. {msg}": "缺少{param_type}{param_hint}。{msg}",
    "Missing {param_type}{param_hint}.": "缺少{param_type}{param_hint}。",
    "Could not open file {ui_filename!r}: {message}": "无法打开文件 {ui_filename!r}：{message}",
    # --- typer/core.py gettext msgids ---------------------------------------------
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有名为 {name!r} 的命令。",
    "Aborted!": "已中止！",
    # --- typer/rich_utils.py gettext msgids (module constants) ------------------------
    "(deprecated) ": "（已弃用）",
    "[default: {}]": "[默认：{}]",
    "[env var: {}]": "[环境变量：{}]",
    "[required]": "[必填]",
    "Error": "错误",
    "Aborted.": "已中止。",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "请运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
    ),
    # --- vendored click: help ------------------------------------------------------
    "Usage: ": "用法：",
    "Show this message and exit.": "显示此帮助并退出。",
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "Install completion for the current shell.": "为当前命令行安装自动补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前命令行的自动补全脚本，可复制或自行安装。"
    ),
    "Install completion for the specified shell.": "为指定的命令行安装自动补全。",
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "显示指定命令行的自动补全脚本，可复制或自行安装。"
    ),
    "(DEPRECATED: {deprecated})": "（已弃用：{deprecated}）",
    "(DEPRECATED)": "（已弃用）",
    # --- vendored click: errors ----------------------------------------------------
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "请运行 '{command} {option}' 查看帮助。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option: {option_name}": "没有此选项：{option_name}",
    "No such command {name!r}": "没有名为 {name!r} 的命令",  # after typer's rstrip(".")
    "Got unexpected extra argument(s) ({extra_args})": "多余的参数：{extra_args}",
    "Option {option_name!r} requires an argument.": "选项 {option_name!r} 后面需要一个值。",
    "Option {option_name!r} requires {nargs} arguments.": (
        "选项 {option_name!r} 后面需要 {nargs} 个值。"
    ),
    "Option {opt!r} does not take a value.": "选项 {opt!r} 不接受值。",
    "Argument {dest!r} takes {nargs} values.": "参数 {dest!r} 需要 {nargs} 个值。",
    "Choose from:\n\t{choices_str}": "可选值：\n\t{choices_str}",
    "unknown error": "未知错误",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "弃用警告：命令 {name!r} 已弃用。{extra_message}"
    ),
    # --- typer parameter checks (_coercion.py, _param_types.py, _adapters.py) -------------
    "Value must be an iterable.": "需要提供多个值。",
    "Value {value!r} is not a valid {label}.": "{value!r} 不是有效的{label}。",
    "{value!r} is not one of {choices_str}.": "{value!r} 不是可选值（可选：{choices_str}）。",
    "{label} {filename!r} does not exist.": "{label} {filename!r} 不存在。",
    "{label} {loc} is a file.": "{label} {loc} 是文件，这里需要文件夹。",
    "{label} {loc} is a directory.": "{label} {loc} 是文件夹，这里需要文件。",
    "{label} {loc} is not readable.": "{label} {loc} 没有读取权限。",
    "{label} {loc} is not writable.": "{label} {loc} 没有写入权限。",
    "{value!r} does not match the formats {formats_str}.": (
        "{value!r} 不符合以下格式：{formats_str}。"
    ),
    "{n} values are required, but {m} given.": "需要 {n} 个值，实际给了 {m} 个。",
    "value is not a valid tuple": "值的个数不对",
    "None is not a valid string": "缺少文本",
    "Value error, {message}": "{message}",  # pydantic's prefix for a ValueError
}

#: Placeholders whose captured text is itself a message and is translated recursively,
#: or a word with a fixed translation.  Everything else is user data, copied verbatim.
_NESTED = frozenset({"message", "msg"})
_PLACEHOLDER_RE: dict[str, str] = {
    "param_type": "argument|option|parameter",
    "param_hint": "(?: .+?)?",
    "label": "[A-Za-z_][A-Za-z0-9_]*",
    "nargs": "[0-9]+",
    "n": "[0-9]+",
    "m": "[0-9]+",
}

#: Type names typer shows between angle brackets (`<int>`, `<list[Path]>`, `<int range>`).
TYPE_NAMES: dict[str, str] = {
    "str": "文本",
    "int": "整数",
    "float": "数字",
    "Decimal": "数字",
    "bool": "开关",
    "Path": "路径",
    "PurePath": "路径",
    "path": "路径",
    "file": "文件",
    "dir": "文件夹",
    "datetime": "日期时间",
    "date": "日期",
    "FileText": "文件",
    "FileTextWrite": "文件",
    "FileBinaryRead": "文件",
    "FileBinaryWrite": "文件",
    "bytes": "字节",
}

_WORDS: dict[str, dict[str, str]] = {
    "param_type": {"argument": "参数", "option": "选项", "parameter": "参数"},
    "label": TYPE_NAMES,  # "file"/"dir"/"path" in path checks, a type name in "not a valid"
}

#: pydantic validation error types (stable codes, unlike pydantic's English wording).
#: `{input}` is the value the user typed, shown with quotes; other names come from the
#: error's `ctx`.
PYDANTIC_ERRORS: dict[str, str] = {
    "int_parsing": "{input} 不是有效的整数",
    "int_type": "{input} 不是有效的整数",
    "int_parsing_size": "{input} 超出整数范围",
    "int_from_float": "{input} 不是整数（不能带小数）",
    "float_parsing": "{input} 不是有效的数字",
    "float_type": "{input} 不是有效的数字",
    "decimal_parsing": "{input} 不是有效的数字",
    "finite_number": "{input} 不是有限的数字",
    "bool_parsing": "{input} 不是有效的是/否值",
    "bool_type": "{input} 不是有效的是/否值",
    "greater_than_equal": "{input} 太小，不能小于 {ge}",
    "greater_than": "{input} 太小，必须大于 {gt}",
    "less_than_equal": "{input} 太大，不能大于 {le}",
    "less_than": "{input} 太大，必须小于 {lt}",
    "multiple_of": "{input} 必须是 {multiple_of} 的倍数",
    "datetime_parsing": "{input} 不是有效的日期时间",
    "datetime_from_date_parsing": "{input} 不是有效的日期时间",
    "datetime_type": "{input} 不是有效的日期时间",
    "date_parsing": "{input} 不是有效的日期",
    "date_from_datetime_parsing": "{input} 不是有效的日期",
    "date_type": "{input} 不是有效的日期",
    "time_parsing": "{input} 不是有效的时间",
    "string_type": "{input} 不是文本",
    "string_too_short": "{input} 太短",
    "string_too_long": "{input} 太长",
    "string_pattern_mismatch": "{input} 格式不对",
    "missing": "缺少值",
    "uuid_parsing": "{input} 不是有效的 UUID",
    "uuid_type": "{input} 不是有效的 UUID",
}

# ---------------------------------------------------------------------------------------
# Translating
# ---------------------------------------------------------------------------------------

_FORMATTER = string.Formatter()


def _fields(template: str) -> list[tuple[str, str | None]]:
    """(literal text, field name or None) pairs; positional `{}` fields are named by index."""
    out: list[tuple[str, str | None]] = []
    index = 0
    for literal, field, _spec, _conversion in _FORMATTER.parse(template):
        if field is None:
            out.append((literal, None))
            continue
        if field == "":
            field = str(index)
            index += 1
        out.append((literal, field))
    return out


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, chinese in MESSAGES.items():
        parts = _fields(english)
        if all(field is None for _, field in parts):
            continue
        regex = "".join(
            re.escape(literal) + ("" if field is None else _group(field, parts))
            for literal, field in parts
        )
        compiled.append((re.compile(regex, re.DOTALL), chinese))
    return tuple(compiled)


def _group(field: str, parts: list[tuple[str, str | None]]) -> str:
    if [name for _, name in parts].count(field) > 1:
        raise ValueError(f"placeholder {field!r} repeated")
    return f"(?P<_{field}>{_PLACEHOLDER_RE.get(field, '.+?')})"


def _fill(chinese: str, values: dict[str, str]) -> str:
    """Substitute captured text, ignoring `!r` (the capture already has its quotes)."""
    out = []
    for literal, field in _fields(chinese):
        out.append(literal)
        if field is not None:
            out.append(values[field])
    return "".join(out)


def translate(text: str) -> str:
    """The Chinese for one English message, or `text` unchanged when none is known."""
    exact = MESSAGES.get(text)
    if exact is not None and not any(field for _, field in _fields(exact)):
        return exact
    for pattern, chinese in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = {}
        for key, value in match.groupdict(default="").items():
            name = key[1:]  # groups are named "_" + placeholder, so "0" is a valid name
            if name in _NESTED:
                value = translate(value)
            elif name in _WORDS:
                value = _WORDS[name].get(value, value)
            values[name] = value
        return _fill(chinese, values)
    return text


def _zh_gettext(message: str) -> str:
    """Stands in for `gettext.gettext` inside typer.core."""
    return MESSAGES.get(message) or gettext.gettext(message)


def translate_type_label(label: str, *, keep_values: bool = False) -> str:
    """`<list[Path]>` → `<路径，可多个>`, `<int range>` → `<整数>`, `<str>` → `<文本>`.

    With `keep_values` (choices, datetime formats) only the list wrapper is translated.
    """
    if not (label.startswith("<") and label.endswith(">")):
        return label
    return f"<{_type_words(label[1:-1], keep_values)}>"


def _type_words(inner: str, keep_values: bool) -> str:
    if inner.startswith("list[") and inner.endswith("]"):
        return f"{_type_words(inner[5:-1], keep_values)}，可多个"
    if keep_values:
        return inner
    if inner.endswith(" range"):  # the range itself is shown next to it: [x>=0]
        return _type_words(inner[: -len(" range")], keep_values)
    if "," in inner:  # tuple
        return ",".join(_type_words(part, keep_values) for part in inner.split(","))
    return TYPE_NAMES.get(inner, inner)


def _pydantic_message(exc: BaseException, shown: str) -> str | None:
    """Chinese for the first error of a pydantic ValidationError, from its type code, if
    `shown` (the message typer made of it) is that error's text."""
    errors = getattr(exc, "errors", None)
    if type(exc).__name__ != "ValidationError" or not callable(errors):
        return None
    try:
        first = errors()[0]
    except (IndexError, TypeError):
        return None
    if str(first.get("msg")) != shown:  # typer escapes control characters; then keep it
        return None
    kind = str(first.get("type", ""))
    context = dict(first.get("ctx") or {})
    if kind in ("value_error", "assertion_error") and "error" in context:
        return translate(str(context["error"]))
    values = {key: str(value) for key, value in context.items()}
    values["input"] = repr(first.get("input"))
    template = PYDANTIC_ERRORS.get(kind)
    if template is None:
        return f"{values['input']} 无效（{first.get('msg', kind)}）"
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return f"{values['input']} 无效"


# ---------------------------------------------------------------------------------------
# Measuring and wrapping text in terminal columns
# ---------------------------------------------------------------------------------------

_ANSI_RE = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: May not start a line (closing punctuation); glued to what precedes it.
_NO_BREAK_BEFORE = frozenset("，。、；：？！…‥）］｝〕〉》」』】〙〗〟’”｠»・～ー％")
#: May not end a line (opening punctuation); glued to what follows it.
_NO_BREAK_AFTER = frozenset("（［｛〔〈《「『【〘〖〝‘“｟«")
_CJK_PUNCT = _NO_BREAK_BEFORE | _NO_BREAK_AFTER


def char_width(char: str) -> int:
    """Terminal columns of one character: 2 for East Asian wide/fullwidth, else 1 (or 0).

    Ambiguous-width characters (“ ” … ·) count as 1, like rich, wcwidth and Windows
    Terminal; the legacy Windows console with a Chinese font draws them 2 wide.
    """
    if char in _ZERO_WIDTH or unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal columns `text` occupies (ANSI colour codes take none)."""
    return sum(char_width(char) for char in _ANSI_RE.sub("", text))


def _is_cjk(char: str) -> bool:
    return char_width(char) == 2 or char in _CJK_PUNCT


def _break_units(word: str) -> list[str]:
    """Split a whitespace-free run where a line may break: between CJK characters, but
    not before closing or after opening punctuation, and never inside a Latin word,
    number, path or option name."""
    units: list[str] = []
    latin = ""
    for char in word:
        if _is_cjk(char):
            if latin:
                units.append(latin)
                latin = ""
            units.append(char)
        else:
            latin += char
    if latin:
        units.append(latin)
    glued: list[str] = []
    opening = ""
    for unit in units:
        if glued and not opening and (unit[0] in _NO_BREAK_BEFORE or unit[0] in ".,;:!?)]}%"):
            glued[-1] += unit
        elif unit in _NO_BREAK_AFTER:
            opening += unit
        else:
            glued.append(opening + unit)
            opening = ""
    if opening:
        glued.append(opening)
    figures: list[str] = []
    for unit in glued:
        if figures and (
            (unit[0] in _DIGITS and _is_ideograph(figures[-1][-1]))
            or (_is_measure(unit) and figures[-1][-1] in _DIGITS + "%")
        ):
            figures[-1] += unit  # 2023年12月18日, 附件1, 15米, 6号: never apart
        elif unit[0] == "-" and len(unit) > 1 and figures and _is_ideograph_unit(figures[-1]):
            # a 问题编号 made of a source and a code (四进巡查-569AE3): one unit, as it is copied
            start = len(figures) - 1
            while start and _is_ideograph_unit(figures[start - 1]) and len(figures) - start < 8:
                start -= 1
            figures[start:] = ["".join(figures[start:]) + unit]
        else:
            figures.append(unit)
    return _keep_quoted(_keep_file_names(figures))


_QUOTED_UNITS = 12
"""Units at most that a value in ASCII quotes holds together (a stray quote glues no more)."""


def _keep_quoted(units: list[str]) -> list[str]:
    """formerly = "旧名称": a value in ASCII quotes, as it is typed into campaign.toml, is one
    unit (a line broke between 旧名称 and its closing quote: clerk trial 128)."""
    kept: list[str] = []
    held = 0  # units joined to the one the open quote is in; 0: none open
    for unit in units:
        if held and held < _QUOTED_UNITS:
            kept[-1] += unit
            held += 1
        else:
            kept.append(unit)
            held = 0
        if unit.count('"') % 2:
            held = 0 if held else 1
    return kept


#: A file's extension, which ends a file name that no line breaks inside.
_EXTENSION_RE = re.compile(r"\.(xlsx|xlsm|xls|et|ods|csv|toml|txt|docx?|pdf|zip)\b", re.IGNORECASE)
#: Punctuation that is no part of a file name, so starts one after it.
_NOT_IN_NAMES = frozenset("，。、；：？！“”‘’《》「」『』【】")


def _keep_file_names(units: list[str]) -> list[str]:
    """全校隐患台账.xlsx, 回收/总务基建处-安全隐患自查整改清单.xlsx: a file name is one unit,
    from its extension back to the start of the word or to punctuation before it."""
    kept: list[str] = []
    for unit in units:
        found = _EXTENSION_RE.search(unit)
        if kept and found and not _EXTENSION_RE.search(kept[-1]):
            popped: list[str] = []
            while kept and not _NOT_IN_NAMES.intersection(kept[-1]):
                popped.insert(0, kept.pop())
            # an opening bracket still open at the extension is none of the name's (“改动了
            # 1 个文件（学院警务室.xlsx）” was one unit from 个 on, and broke after 1: clerk
            # trial 177 AD8); one closed before it is (清单（修改后）.xlsx)
            for start in range(len(popped)):
                name = "".join(popped[start:]) + unit[: found.start()]
                if name.startswith("（") and name.count("（") > name.count("）"):
                    kept.extend(popped[:start])
                    popped = popped[start:]
                    break
            unit = "".join(popped) + unit
        kept.append(unit)
    return kept


_DIGITS = "0123456789"


def _is_measure(unit: str) -> bool:
    """One Chinese character (项, 个, 天, 月), maybe with closing punctuation after it."""
    bare = unit.rstrip("".join(_NO_BREAK_BEFORE))
    return len(bare) == 1 and _is_ideograph(bare)


def _chop(unit: str, width: int) -> Iterator[str]:
    """Cut a unit wider than a whole line into pieces of at most `width` columns."""
    piece, used = "", 0
    for char in unit:
        w = char_width(char)
        if piece and used + w > width:
            carry = piece[-1] if char in _NO_BREAK_BEFORE and len(piece) > 1 else ""
            yield piece[: len(piece) - len(carry)]
            piece, used = carry, text_width(carry)
        piece += char
        used += w
    if piece:
        yield piece


def _is_ideograph(char: str) -> bool:
    return char_width(char) == 2 and char not in _CJK_PUNCT


_LABEL = 4
"""A label glued to its figure ("已销号 4", "全校隐患 12") is at most this many characters."""


def _label_start(text: str, spans: list[tuple[int, int]]) -> int:
    """Index in `spans` of the first unit of the label the last unit ends: the Chinese
    characters since the last punctuation or space if at most `_LABEL`, else the last two
    (a longer run holds more than one word, and a word is mostly two characters)."""
    last = first = len(spans) - 1
    if not _is_ideograph_unit(text[slice(*spans[last])]):
        return last
    while first > 0 and spans[first - 1][1] == spans[first][0]:
        before = text[slice(*spans[first - 1])]
        if not _is_ideograph_unit(before.lstrip("".join(_NO_BREAK_AFTER))):
            return first
        if last - first + 1 == _LABEL:
            return last - 1
        first -= 1
        if before[0] in _NO_BREAK_AFTER:  # "（逾期 3 天）": the label starts at the bracket
            return first
    return first


def _is_ideograph_unit(unit: str) -> bool:
    return len(unit) == 1 and _is_ideograph(unit)


_RUNS = re.compile(r'"[^"\n]{1,60}"\S*|\S+')
"""The runs a line breaks between: words, and a name in ASCII quotes, spaces and all
(huitoukan collect "第二轮 回收" broke inside the quotes, pasted as two: clerk trial 131)."""


_PATH_SEPARATORS = frozenset("/\\")


def _units(text: str, cjk_breaks: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each unit of `text` no line may break inside, in order; between
    two units lies whitespace or nothing.  A figure stays with its label and its measure
    word: "错误 1，" and "隐患 12 项" never break at their spaces (a label ending one line
    and its figure starting the next lose their meaning)."""
    spans: list[tuple[int, int]] = []
    for match in _RUNS.finditer(text):
        start = match.start()
        for unit in _break_units(match.group()) if cjk_breaks else [match.group()]:
            end = start + len(unit)
            space = text[spans[-1][1] : start] if spans else ""
            before = text[slice(*spans[-1])] if spans else ""
            if (
                cjk_breaks
                and space == " "
                and unit[0] in _DIGITS
                and not _PATH_SEPARATORS & set(unit)  # a folder named 2026秋季…: no figure
                and _is_ideograph(before[-1])
            ):
                first = _label_start(text, spans)
                spans[first:] = [(spans[first][0], end)]
            elif cjk_breaks and space == " " and _is_measure(unit) and before[-1] in _DIGITS:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            start = end
    return spans


def _rows(
    text: str, width: int, first: int, later: int, cjk_breaks: bool
) -> list[list[tuple[int, int]]]:
    """Greedy layout of one paragraph into rows of units (see `wrap_line`); `first` and
    `later` are the columns the indents take on the first and the following rows."""
    rows: list[list[tuple[int, int]]] = [[]]
    used, previous = first, 0
    for start, end in _units(text, cjk_breaks):
        unit_width = text_width(text[start:end])
        space_width = text_width(text[previous:start]) if rows[-1] else 0
        previous = end
        if rows[-1] and used + space_width + unit_width > width:
            carried = _word_begun(text, rows[-1], start, width // 3) if cjk_breaks else []
            rows.append(carried)
            used, space_width = later + text_width(_render(text, carried)), 0
        if not rows[-1] and used + unit_width > width:
            pieces = list(_chop(text[start:end], max(width - used, 1)))
            for piece in pieces[:-1]:
                rows[-1].append((start, start + len(piece)))
                start += len(piece)
                rows.append([])
                used = later
            unit_width = text_width(text[start:end])
        rows[-1].append((start, end))
        used += space_width + unit_width
    if cjk_breaks:
        _avoid_orphan(text, rows, width - later)
    return rows


_PHRASE_ENDS = "、，；：。！？"
_PHRASE_CARRIED = 5
"""Characters of a word begun after a comma that go down with it rather than be split."""


def _word_begun(
    text: str, row: list[tuple[int, int]], start: int, room: int
) -> list[tuple[int, int]]:
    """The last characters of `row` when they begin the word a line break at `start`
    would split, just after a comma or 、, a space or an opening quote ("…安全保卫处、总务"
    / "基建处"): taken off `row` to start the next line ("…安全保卫处、" / "总务基建处").
    Names listed with 、 stay whole, and the line ends at punctuation, as Chinese type
    prefers.  At most `room` columns go down, so that the line keeps most of its width."""
    if not row or row[-1][1] != start or not _is_ideograph(text[start]):
        return []
    most = min(_PHRASE_CARRIED, len(row) - 1, room // 2)
    for count in range(1, most + 1):
        before, unit = row[-count - 1], text[slice(*row[-count])]
        bare = unit.lstrip("".join(_NO_BREAK_AFTER))
        if not _is_ideograph_unit(bare):
            return []
        if bare != unit or before[1] != row[-count][0] or text[before[1] - 1] in _PHRASE_ENDS:
            carried = row[-count:]  # the word starts after a comma, a space or at a “
            del row[-count:]
            return carried
    return []


def wrap_line(
    text: str,
    width: int,
    initial_indent: str = "",
    subsequent_indent: str = "",
    *,
    cjk_breaks: bool = True,
) -> list[str]:
    """Greedy wrap of one paragraph to `width` terminal columns.

    With `cjk_breaks`, lines may also break between Chinese characters (observing the
    punctuation rules of `_break_units`, and keeping a figure with its label and its
    measure word), and a last line of just one or two characters takes one more unit
    from the line above.
    """
    rows = _rows(text, width, text_width(initial_indent), text_width(subsequent_indent), cjk_breaks)
    return [
        ((initial_indent if i == 0 else subsequent_indent) + _render(text, row)).rstrip()
        for i, row in enumerate(rows)
    ]


def line_breaks(text: str, width: int) -> list[int]:
    """Where `wrap_line` breaks `text` (one paragraph, no indents): the index of the first
    character of every line after the first."""
    return [row[0][0] for row in _rows(text, width, 0, 0, True)[1:] if row]


def widest_unit(text: str) -> int:
    """The columns of the widest part of `text` that `wrap_line` never breaks."""
    return max((text_width(text[start:end]) for start, end in _units(text)), default=0)


def _render(text: str, row: list[tuple[int, int]]) -> str:
    return text[row[0][0] : row[-1][1]] if row else ""


def _avoid_orphan(text: str, rows: list[list[tuple[int, int]]], width: int) -> None:
    """ "…发放清" / "单。" → "…发放" / "清单。": no line of a single Chinese character."""
    if len(rows) < 2 or len(rows[-1]) != 1 or len(rows[-2]) < 3:
        return
    last, moved = text[slice(*rows[-1][0])], text[slice(*rows[-2][-1])]
    if not _is_cjk(last[0]) or text_width(last) > 4 or not _is_cjk(moved[-1]):
        return
    if text_width(_render(text, [rows[-2][-1], *rows[-1]])) <= width:
        rows[-1].insert(0, rows[-2].pop())


def _join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: a space between Latin words, none inside Chinese."""
    joined = ""
    for line in lines:
        line = line.strip()
        if not joined:
            joined = line
        elif line and (_is_cjk(joined[-1]) or _is_cjk(line[0])):
            joined += line
        elif line:
            joined += " " + line
    return joined


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """`typer._click.formatting.wrap_text`, measuring terminal columns and breaking Chinese.

    Paragraphs are separated by blank lines; a paragraph whose first line is ``\\b`` is
    kept as written.
    """
    text = text.expandtabs()
    if not preserve_paragraphs:
        return "\n".join(
            wrap_line(_join_lines(text.splitlines()), width, initial_indent, subsequent_indent)
        )
    paragraphs: list[tuple[int, bool, list[str]]] = []
    buffer: list[str] = []
    indent: int | None = None

    def flush() -> None:
        if buffer:
            raw = buffer[0].strip() == "\b"
            paragraphs.append((indent or 0, raw, buffer[1:] if raw else list(buffer)))
            buffer.clear()

    for line in text.splitlines():
        if not line:
            flush()
            indent = None
            continue
        if indent is None:
            stripped = line.lstrip()
            indent = text_width(line) - text_width(stripped)
            line = stripped
        buffer.append(line)
    flush()
    blocks = []
    for extra, raw, lines in paragraphs:
        pad = " " * extra
        if raw:
            blocks.append(
                "\n".join(
                    (initial_indent if i == 0 else subsequent_indent) + pad + line
                    for i, line in enumerate(lines)
                )
            )
        else:
            blocks.append(
                "\n".join(
                    wrap_line(
                        _join_lines(lines), width, initial_indent + pad, subsequent_indent + pad
                    )
                )
            )
    return "\n\n".join(blocks)


def chinese_text(text: str | Text, style: str = "") -> Text:
    """`text` as a rich `Text` that wraps like `wrap_line`: between Chinese characters,
    never inside a Latin word, number or date, nor before closing punctuation; a part
    wider than the line is cut between characters rather than cut off with "…".

    rich itself breaks lines only at spaces, so a run of Chinese is one "word" to it:
    folded anywhere ("（col" / "lect）"), or ending in "…" in a table cell.  A table
    column of these is as narrow as its widest unbreakable part allows.
    """
    cls = _chinese_text_class()
    if isinstance(text, str):
        return cls(text, style=style)
    copy = cls(
        text.plain,
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    copy.spans = list(text.spans)
    return copy


@functools.cache
def _chinese_text_class() -> type[Text]:
    from rich.console import (
        Console,
        ConsoleOptions,
        JustifyMethod,
        OverflowMethod,
        RenderResult,
    )
    from rich.containers import Lines
    from rich.measure import Measurement
    from rich.text import Text

    class Printed:
        """What `console.print` gets of a `ChineseText`: it would join a bare Text with the
        others into a plain one, and wrap that as rich does."""

        def __init__(self, text: Text) -> None:
            self.text = text

        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            return self.text.__rich_console__(console, options)

        def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
            return self.text.__rich_measure__(console, options)

    class ChineseText(Text):
        def __rich__(self) -> Printed:
            return Printed(self)

        def wrap(
            self,
            console: Console,
            width: int,
            *,
            justify: JustifyMethod | None = None,
            overflow: OverflowMethod | None = None,
            tab_size: int = 8,
            no_wrap: bool | None = None,
        ) -> Lines:
            keep = self.no_wrap if no_wrap is None else no_wrap
            if keep or overflow == "ignore":
                return super().wrap(
                    console,
                    width,
                    justify=justify,
                    overflow=overflow,
                    tab_size=tab_size,
                    no_wrap=no_wrap,
                )
            wrap_justify = justify or self.justify or "default"
            wrap_overflow = overflow or self.overflow or "fold"
            lines = Lines()
            for line in self.split(allow_blank=True):
                if "\t" in line.plain:
                    line.expand_tabs(tab_size)
                pieces = line.divide(line_breaks(line.plain, max(width, 1)))
                for number, piece in enumerate(pieces):
                    if number < len(pieces) - 1:
                        piece.rstrip()  # the space the line breaks at
                    piece.rstrip_end(width)
                pieces.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
                for piece in pieces:
                    piece.truncate(width, overflow=wrap_overflow)
                lines.extend(pieces)
            return lines

        def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
            lines = self.plain.splitlines()
            widest = max((text_width(line) for line in lines), default=0)
            return Measurement(max((widest_unit(line) for line in lines), default=0), widest)

    return ChineseText


def _short_help(help_text: str) -> str:
    """First sentence of the first paragraph (。！？ or ". "), whole; the list wraps it."""
    paragraph = inspect.cleandoc(help_text).partition("\f")[0].split("\n\n")[0]
    lines = paragraph.splitlines()
    if lines and lines[0].strip() == "\b":
        lines = lines[1:]
    text = _join_lines(lines)
    match = re.search(r"[。！？]|\.(?=\s|$)", text)
    return text[: match.end()] if match else text


# ---------------------------------------------------------------------------------------
# Help formatter and context
# ---------------------------------------------------------------------------------------


class ChineseHelpFormatter(HelpFormatter):
    """click's plain help formatter with Chinese headings, measured in terminal columns."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = MESSAGES["Usage: "]
        pad = " " * max(self.current_indent - text_width(prefix), 0)
        usage_prefix = f"{pad}{prefix}{prog} "
        text_columns = self.width - self.current_indent
        prefix_width = text_width(usage_prefix)
        if text_columns >= prefix_width + 20:
            lines = wrap_line(
                args, text_columns, usage_prefix, " " * prefix_width, cjk_breaks=False
            )
        else:
            indent = " " * (max(self.current_indent, text_width(prefix)) + 4)
            lines = [usage_prefix.rstrip()]
            lines += wrap_line(args, text_columns, indent, indent, cjk_breaks=False)
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{translate(heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True))
        self.write("\n")

    def write_dl(
        self,
        rows: Sequence[tuple[str, str]],
        col_max: int = 30,
        col_spacing: int = 2,
    ) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(text_width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        text_columns = max(self.width - self.current_indent - first_col, 10)
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if text_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - text_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _help_lines(second, text_columns)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{' ' * (first_col + self.current_indent)}{line}\n" if line else "\n")


_RANGES = (
    (re.compile(r"^(-?\d+)<=x<=(-?\d+)$"), r"\1 到 \2"),
    (re.compile(r"^x>=(-?\d+)$"), r"不小于 \1"),
    (re.compile(r"^x<=(-?\d+)$"), r"不大于 \1"),
    (re.compile(r"^x>(-?\d+)$"), r"大于 \1"),
    (re.compile(r"^x<(-?\d+)$"), r"小于 \1"),
)


def _range_words(piece: str) -> str:
    """click's `x>=0` for a number option's range, as words: 不小于 0."""
    for pattern, words in _RANGES:
        if pattern.match(piece):
            return pattern.sub(words, piece)
    return piece


def _help_lines(text: str, width: int) -> list[str]:
    """Wrap one option's help; the "[默认：…; 必填]" tail stays in one piece if it can."""
    help_text, extras = text, ""
    if text.endswith("]"):
        cut = text.rfind("  [")
        if cut != -1:
            help_text, extras = text[:cut], text[cut + 2 :]
        elif text.startswith("["):
            help_text, extras = "", text
    if extras:
        pieces = extras[1:-1].split("; ")
        extras = "[" + "；".join(_range_words(translate(piece)) for piece in pieces) + "]"
    lines = wrap_text(help_text, width, preserve_paragraphs=True).splitlines() if help_text else []
    if extras:
        if lines and text_width(lines[-1]) + 2 + text_width(extras) <= width:
            lines[-1] += "  " + extras
        else:
            lines += wrap_line(extras, width)
    return lines or [""]


class ChineseContext(Context):
    """A click context whose help formatter is `ChineseHelpFormatter`."""

    formatter_class = ChineseHelpFormatter


# ---------------------------------------------------------------------------------------
# Chinese subclasses of what typer builds
# ---------------------------------------------------------------------------------------

_LOCALIZED = "_cli_zh_localized"
_T = TypeVar("_T")


def _subclass(cls: type[_T], namespace: dict[str, Any], *bases: type) -> type[_T]:
    """A same-named subclass of `cls` (so isinstance, repr and name checks still hold)."""
    namespace = {
        **namespace,
        _LOCALIZED: True,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    return cast("type[_T]", type(cls.__name__, (*bases, cls), namespace))


SHOWN_ERRORS: list[str] = []
"""The messages of the usage errors shown (unknown options, values out of range…), for a
command asked for machine-readable output to print them there too."""


class _ChineseError(ClickException):
    """Mixed into every click exception the CLI raises: Chinese message and `show`."""

    def format_message(self) -> str:
        original = self.message
        self.message = _chinese_detail(self)
        try:
            frame = super().format_message()
        finally:
            self.message = original
        return translate(frame)

    def show(self, file: IO[Any] | None = None) -> None:
        ctx: Context | None = getattr(self, "ctx", None)
        color = self.show_color if not isinstance(self, UsageError) else None
        if ctx is not None:
            color = ctx.color
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = (
                    _fill(
                        MESSAGES["Try '{command} {option}' for help."],
                        {
                            "command": ctx.command_path,
                            "option": ctx.help_option_names[0],
                        },
                    )
                    + "\n"
                )
            echo(f"{ctx.get_usage()}\n{hint}", file=file, err=file is None, color=color)
        said = self.format_message()
        SHOWN_ERRORS.append(said)
        message = _fill(MESSAGES["Error: {message}"], {"message": said})
        echo(message, file=file, err=file is None, color=color)


def _chinese_detail(error: ClickException) -> str:
    """The inner message in Chinese: from pydantic's error code when typer's value check
    failed (the English text lacks the value the user typed), else from the table."""
    cause = error.__cause__
    if cause is not None:
        detail = _pydantic_message(cause, error.message)
        if detail is not None:
            return detail if detail.endswith(("。", "！", "？", ".", "!", "?")) else detail + "。"
    return translate(error.message)


_ERROR_CLASSES: dict[type[ClickException], type[ClickException]] = {}


def _chinese_error_class(cls: type[ClickException]) -> type[ClickException]:
    if cls not in _ERROR_CLASSES:
        _ERROR_CLASSES[cls] = _subclass(cls, {}, _ChineseError)
    return _ERROR_CLASSES[cls]


def _localize_error(error: ClickException, ctx: Context | None = None) -> None:
    if isinstance(error, UsageError) and error.ctx is None and ctx is not None:
        error.ctx, error.cmd = ctx, ctx.command  # "requires an argument" comes without ctx
    if isinstance(error, NoArgsIsHelpError) or getattr(error, _LOCALIZED, False):
        return
    error.__class__ = _chinese_error_class(type(error))


@functools.cache
def _chinese_param_class(
    cls: type[TyperOption] | type[TyperArgument],
) -> type[TyperOption] | type[TyperArgument]:
    display_type = cls.display_type

    def chinese_display_type(self: Any, ctx: Context) -> str:
        descriptor = self.type_descriptor
        keep = descriptor.is_choice or (
            descriptor.is_datetime and descriptor.parameter_info.formats is not None
        )
        return translate_type_label(display_type(self, ctx), keep_values=keep)

    return _subclass(cls, {"display_type": chinese_display_type})


def _localize_param(param: Parameter) -> None:
    if not isinstance(param, (TyperOption, TyperArgument)):
        return
    if param.help is not None and param.help in MESSAGES:  # --help, completion options
        param.help = MESSAGES[param.help]
    if not getattr(param, _LOCALIZED, False):
        param.__class__ = _chinese_param_class(type(param))


def _ensure_rich_strings(command: Command) -> None:
    if typer.core.HAS_RICH and getattr(command, "rich_markup_mode", None) is not None:
        if not _RICH_PATCHED:
            _patch_typer_globals(rich=True)


class _ChineseCommandMixin(Command):
    """What makes `ChineseCommand` and `ChineseGroup` Chinese."""

    context_class = ChineseContext

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        for param in params:
            _localize_param(param)
        return params

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [MESSAGES.get(piece, piece) for piece in super().collect_usage_pieces(ctx)]

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except ClickException as error:
            _localize_error(error, ctx)
            raise

    def invoke(self, ctx: Context) -> Any:
        try:
            if not self.deprecated:
                return super().invoke(ctx)
            extra = f" {self.deprecated}" if isinstance(self.deprecated, str) else ""
            warning = _fill(
                MESSAGES["DeprecationWarning: The command {name!r} is deprecated.{extra_message}"],
                {"name": repr(self.name), "extra_message": extra},
            )
            echo(style(warning, fg="red"), err=True)
            with _not_deprecated(self):
                return super().invoke(ctx)
        except ClickException as error:
            _localize_error(error, ctx)
            raise

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help:
            text = inspect.cleandoc(self.short_help)
        elif self.help:
            text = _short_help(self.help)
        else:
            text = ""
        if self.deprecated:
            text = f"{text} {_deprecated_note(self.deprecated)}"
        return text.strip()

    def format_help_text(self, ctx: Context, formatter: HelpFormatter) -> None:
        text = inspect.cleandoc(self.help).partition("\f")[0] if self.help is not None else ""
        if self.deprecated:
            text = f"{text} {_deprecated_note(self.deprecated)}"
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        _ensure_rich_strings(self)
        super().format_help(ctx, formatter)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        _ensure_rich_strings(self)  # before anything is parsed, shown or fails
        return super().make_context(info_name, args, parent, **extra)


def _deprecated_note(deprecated: bool | str) -> str:
    if isinstance(deprecated, str):
        return _fill(MESSAGES["(DEPRECATED: {deprecated})"], {"deprecated": deprecated})
    return MESSAGES["(DEPRECATED)"]


@contextmanager
def _not_deprecated(command: Command) -> Iterator[None]:
    """Hide the flag while click's `invoke` runs, so it does not print its English warning."""
    deprecated = command.deprecated
    command.deprecated = False
    try:
        yield
    finally:
        command.deprecated = deprecated


class ChineseCommand(_ChineseCommandMixin, TyperCommand):
    """`typer.core.TyperCommand` speaking Chinese."""


class ChineseGroup(_ChineseCommandMixin, TyperGroup):
    """`typer.core.TyperGroup` speaking Chinese; turns its sub-commands Chinese too."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():
            _localize_command(command)

    def add_command(self, cmd: Command, name: str | None = None) -> None:
        _localize_command(cmd)
        super().add_command(cmd, name)


@functools.cache
def _chinese_command_class(cls: type[Command]) -> type[Command]:
    if issubclass(cls, _ChineseCommandMixin):
        return cls
    if cls is TyperGroup:
        return ChineseGroup
    if cls is TyperCommand:
        return ChineseCommand
    return _subclass(cls, {}, _ChineseCommandMixin)


def _localize_command(command: Command) -> None:
    """Make a command built from a plain `typer.Typer` (e.g. via add_typer) Chinese."""
    if not isinstance(command, _ChineseCommandMixin):
        command.__class__ = _chinese_command_class(type(command))
    commands: MutableMapping[str, Command] | None = getattr(command, "commands", None)
    for sub in (commands or {}).values():
        _localize_command(sub)


class ChineseTyper(typer.Typer):
    """`typer.Typer` whose help, usage and error messages are all Chinese.

    Takes exactly `typer.Typer`'s arguments.  Commands get `ChineseCommand` (or a
    Chinese subclass of the `cls` you pass); the app's group gets `ChineseGroup`.
    """

    def __init__(self, *args: Any, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        install_chinese()
        group_class = _chinese_command_class(cls or TyperGroup)
        assert issubclass(group_class, TyperGroup)
        super().__init__(*args, cls=group_class, **kwargs)

    def command(
        self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        command_class = _chinese_command_class(cls or TyperCommand)
        assert issubclass(command_class, TyperCommand)
        return super().command(*args, cls=command_class, **kwargs)

    def callback(
        self, *args: Any, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        _chinese_cls_argument(kwargs)  # a cls given here outranks the one from __init__
        return super().callback(*args, **kwargs)

    def add_typer(self, typer_instance: typer.Typer, *args: Any, **kwargs: Any) -> None:
        _chinese_cls_argument(kwargs)
        super().add_typer(typer_instance, *args, **kwargs)


def _chinese_cls_argument(kwargs: dict[str, Any]) -> None:
    """Make an explicit `cls=` Chinese; an absent one must stay absent (typer tells an
    unset argument from None, and None would mean plain TyperGroup)."""
    if kwargs.get("cls") is not None:
        kwargs["cls"] = _chinese_command_class(kwargs["cls"])


# ---------------------------------------------------------------------------------------
# The one place that changes typer's module globals
# ---------------------------------------------------------------------------------------

_RICH_PATCHED = False

#: typer.rich_utils constant → its English msgid.
RICH_CONSTANTS: dict[str, str] = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def _patch_typer_globals(*, rich: bool) -> None:
    """Point typer.core's gettext alias at `MESSAGES`; with `rich`, also replace the
    strings typer.rich_utils computed at import.  Anything that is not what typer 0.29.2
    has is left alone (the CLI keeps working, in part English);
    `typer_internals_problems()` reports it so CI fails instead.
    """
    core = vars(typer.core)
    if core.get("_") is gettext.gettext:
        core["_"] = _zh_gettext
    if not rich:
        return
    from typer import rich_utils

    constants = vars(rich_utils)
    for name, msgid in RICH_CONSTANTS.items():
        if constants.get(name) == msgid:
            constants[name] = MESSAGES[msgid]
    _wrap_rich_texts(constants)
    global _RICH_PATCHED
    _RICH_PATCHED = True


def _wrap_rich_texts(constants: dict[str, Any]) -> None:
    """Make the texts typer's rich help is built of wrap Chinese as `chinese_text` does:
    the help of the app, of each command and of each option (`_make_rich_text`), and the
    usage line and error messages (`highlighter`).  Without this, rich folds Chinese
    mid-word and cuts a command's summary off with "…"."""
    make_text = constants.get("_make_rich_text")
    if callable(make_text) and not getattr(make_text, _LOCALIZED, False):

        @functools.wraps(make_text)
        def make_chinese_text(*args: Any, **kwargs: Any) -> Any:
            made = make_text(*args, **kwargs)
            return chinese_text(made) if isinstance(made, _rich_text_type()) else made

        setattr(make_chinese_text, _LOCALIZED, True)
        constants["_make_rich_text"] = make_chinese_text
    highlighter = constants.get("highlighter")
    if callable(highlighter) and not getattr(highlighter, _LOCALIZED, False):
        base = type(highlighter)

        def highlight_chinese(self: Any, text: Any) -> Text:
            return chinese_text(base.__call__(self, text))

        chinese = _subclass(base, {"__call__": highlight_chinese})
        highlighter.__class__ = chinese


def _rich_text_type() -> type[Text]:
    from rich.text import Text

    return Text


def install_chinese() -> None:
    """Route typer's gettext strings through `MESSAGES` (idempotent; `ChineseTyper` calls
    it).  rich's strings are switched lazily, the first time a rich-mode app runs, so a
    plain-help CLI never imports typer.rich_utils."""
    _patch_typer_globals(rich=False)


def typer_internals_problems() -> list[str]:
    """Everything this module relies on that a typer upgrade could break; empty if fine."""
    problems = []
    if typer.__version__ != TESTED_TYPER_VERSION:
        problems.append(f"typer {typer.__version__} is not the tested {TESTED_TYPER_VERSION}")
    if vars(typer.core).get("_") not in (gettext.gettext, _zh_gettext):
        problems.append("typer.core no longer imports `gettext as _`")
    from typer import rich_utils

    for name, msgid in RICH_CONSTANTS.items():
        if vars(rich_utils).get(name) not in (msgid, MESSAGES[msgid]):
            problems.append(f"typer.rich_utils.{name} is not {msgid!r}")
    if not callable(vars(rich_utils).get("_make_rich_text")):
        problems.append("typer.rich_utils._make_rich_text is gone")
    if not callable(getattr(rich_utils, "highlighter", None)):
        problems.append("typer.rich_utils.highlighter is gone")
    required: dict[type, tuple[str, ...]] = {
        Context: ("formatter_class", "make_formatter", "command_path", "get_usage"),
        Command: (
            "context_class",
            "get_params",
            "collect_usage_pieces",
            "parse_args",
            "invoke",
            "get_short_help_str",
            "format_help_text",
            "format_help",
            "get_help_option",
            "main",
        ),
        TyperGroup: ("add_command", "format_commands", "resolve_command"),
        TyperOption: ("display_type", "display_type_rich"),
        TyperArgument: ("display_type", "display_type_rich"),
        HelpFormatter: ("write_usage", "write_heading", "write_text", "write_dl", "indentation"),
        ClickException: ("format_message", "show"),
        UsageError: ("exit_code",),
    }
    for cls, names in required.items():
        problems.extend(
            f"{cls.__module__}.{cls.__qualname__}.{name} is gone"
            for name in names
            if not hasattr(cls, name)
        )
    return problems
