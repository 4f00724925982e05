"""Loading the campaign: the embedded default (the seed work plan, 枣科职院办〔2023〕15号,
kept as a packaged TOML file) or a `campaign.toml`, with errors that name the line and key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import typing
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from huitoukan.campaign.model import (
    CAMPAIGN_FILE_NAME,
    Campaign,
    FindingsFile,
    PlacedError,
    TemplateFiles,
)
from huitoukan.errors import CampaignError, OutputExistsError
from huitoukan.files import read_reason, with_suffix, write_atomically


def default_campaign_text() -> str:
    """The embedded default campaign.toml, as shipped (Chinese comments included)."""
    return (resources.files("huitoukan.campaign") / "default_campaign.toml").read_text("utf-8")


def write_default_campaign(
    out: Path, force: bool = False, findings_file: str | None = None
) -> Path:
    """Write the embedded campaign.toml to `out` (.toml added when left out) for the office
    to edit, naming `findings_file` as its 交办问题清单 when given; the file written."""
    out = with_suffix(out, ".toml")
    if out.exists() and not force:
        raise OutputExistsError(f"{out} 已存在，未做改动；确需覆盖请加 --force")
    text = default_campaign_text()
    if findings_file is not None:
        text = text.replace(
            '# [findings]\n# file = "交办问题清单.xlsx"',
            f'[findings]\nfile = "{findings_file}"',
        )
    write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return out


def default_campaign() -> Campaign:
    return parse_campaign(default_campaign_text(), "内置默认活动")


def written_over_hint(folder: Path = Path()) -> str:
    """How to undo `init --force` in `folder`, when it kept a copy of the campaign.toml it
    wrote over ('' when none): a campaign refused as another's names its way back (next
    year's begun in this year's folder, the backup named nowhere: clerk trial 178)."""
    copies = sorted(folder.glob(f"{Path(CAMPAIGN_FILE_NAME).stem}.备份-*.toml"))
    if not copies:
        return ""
    return (
        f"；campaign.toml 是被 huitoukan init --force 覆盖的，把覆盖前的 {copies[-1].name} "
        f"改名为 {CAMPAIGN_FILE_NAME} 即可恢复"
    )


def load_campaign(path: Path | None = None, search_dir: Path | None = None) -> Campaign:
    """The campaign from `path`; else `campaign.toml` in `search_dir` (the working folder)
    if there is one; else the embedded default."""
    if path is None:
        # relative to the working folder (not made absolute), so that the files it names
        # are shown as the clerk knows them
        candidate = (search_dir or Path()) / CAMPAIGN_FILE_NAME
        if not candidate.is_file():
            return default_campaign()
        path = candidate
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise CampaignError(f"找不到活动配置文件 {path}") from None
    except UnicodeDecodeError:
        raise CampaignError(f"{path} 不是 UTF-8 编码的文本，请用记事本另存为 UTF-8") from None
    except OSError as exc:
        raise CampaignError(f"无法读取活动配置文件 {path}：{read_reason(exc)}") from None
    campaign = parse_campaign(text, str(path))
    folder = path.parent
    templates = campaign.templates
    findings = campaign.findings.file
    return campaign.model_copy(
        update={
            "templates": TemplateFiles(
                form=folder / templates.form if templates.form else None,
                checklist=folder / templates.checklist if templates.checklist else None,
            ),
            "findings": FindingsFile(file=folder / findings if findings else None),
        }
    )


def parse_campaign(text: str, source: str) -> Campaign:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(f"{source} 格式错误：{_toml_message(str(exc), text)}") from None
    if "sources" not in data:  # written before campaigns named their sources: the seed's
        data["sources"] = tomllib.loads(default_campaign_text())["sources"]
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise CampaignError(_describe_validation_error(exc, text, source)) from None


_NO_SUCH_DAY = "日期不存在（请检查月份和日子，如 2 月没有 30 日）"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_PROBLEMS = {
    "Expected newline or end of document after a statement": "这一行的值后面还有多余的内容",
    "Invalid value": "值的写法不对",
    "Expected '=' after a key in a key/value pair": "键的后面应该是英文等号 =",
    "Expected ']' at the end of a table declaration": "表名的方括号没有闭合",
    "Expected ']]' at the end of an array declaration": "表名的双方括号没有闭合",
    "Unclosed array": "列表的方括号 [ ] 没有闭合",
    "Invalid statement": "这一行不是“键 = 值”的写法",
    "Cannot overwrite a value": "同一个键写了两次",
    "Cannot declare": "同一个表写了两次",
    "Invalid date or datetime": _NO_SUCH_DAY,
    "Illegal character '\\n'": "文字的英文双引号没有闭合",  # "…  and the line ends
    "Illegal character": "这里有不能出现的字符（如制表符等控制字符），请删去",
}
_FIXES = (
    ("＃", "注释要用英文的 # 号（这里是全角的 ＃）"),
    ("＝", "等号要用英文的 =（这里是全角的 ＝）"),
    ("“", '文字要用英文双引号 "…"（这里是中文引号 “…”）'),
    ("”", '文字要用英文双引号 "…"（这里是中文引号 “…”）'),
    ("［", "方括号要用英文的 [ ]（这里是全角的 ［］）"),
    ("，", "列表中的逗号要用英文的 ,（这里是中文逗号 ，）"),
)
_CHINESE_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?")


def _toml_message(message: str, text: str) -> str:
    """tomllib's English message as a Chinese line: where, what, and the usual fix."""
    match = _TOML_POSITION.search(message)
    english = message[: match.start()].strip() if match else message.split(" (")[0]
    what = next((zh for en, zh in _TOML_PROBLEMS.items() if english.startswith(en)), english)
    if match is None:
        return f"{what}（文件末尾；请检查引号、方括号是否成对）"
    line_number, column = (int(g) for g in match.groups())
    lines = text.splitlines()
    line = lines[line_number - 1] if 0 < line_number <= len(lines) else ""
    date = _CHINESE_DATE.search(line)
    if date:
        fix = f"日期要写成 {_iso(date.group())} 这样（不加引号），不能写成 {date.group()}"
    else:
        near = line[max(0, column - 3) : column + 1]  # the character at fault and its neighbours
        fix = next((hint for mark, hint in _FIXES if mark in near), "")
        if not fix and english.startswith("Invalid value"):
            fix = '文字要加英文双引号，例如 "安全保卫处"；日期写作 2023-12-15（不加引号）'
        if _BOOLEAN.search(line):
            fix = "开关的值写作 true 或 false（英文小写，不加引号）"
        elif _FULL_WIDTH_DIGIT.search(line):
            fix = "数字要用英文半角（这一行有全角数字，如 ５）"
        elif _no_such_day(line):  # 2023-12-32: tomllib reads 2023, then -12-32 left over
            what, fix = _NO_SUCH_DAY, ""
        elif english.startswith("Illegal character '\\n'"):
            fix = '请在这一行文字的末尾补上英文双引号 "'
        elif _OTHER_DATE.search(line):
            what = "日期的写法不对"
            fix = "日期要写成 2023-12-15 这样（四位年份、用减号隔开，月和日都写两位，不加引号）"
        elif not (english.startswith("Invalid date") or english.startswith("Cannot overwrite")):
            fix = fix or "请检查引号、等号和方括号"
    key = line.split("=")[0].strip()
    if english.startswith("Cannot overwrite") and key:
        what = f"同一个键 {key} 写了两次，请删去其中一个"
    return f"第 {line_number} 行第 {column} 列：{what}{'。' + fix if fix else ''}"


_FULL_WIDTH_DIGIT = re.compile("[０-９－．]")
_OTHER_DATE = re.compile(
    r"=\s*(\d{4}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}"
    r"|\d{4}-(\d-\d{1,2}|\d{2}-\d)\b)"  # 2026-12-7: TOML wants two digits
)
_BOOLEAN = re.compile(r"=\s*(True|False|TRUE|FALSE|Yes|No|yes|no|是|否|对|错)\s*(#|$)")


def _no_such_day(line: str) -> bool:
    """Whether the line's value is a date written as TOML wants it that does not exist."""
    typed = re.search(r"=\s*(\d{4}-\d{2}-\d{2})\b", line)
    if typed is None:
        return False
    try:
        date.fromisoformat(typed.group(1))
    except ValueError:
        return True
    return False


def _iso(chinese: str) -> str:
    year, month, day = (int(n) for n in re.findall(r"\d+", chinese))
    return f"{year:04d}-{month:02d}-{day:02d}"


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键",
    "string_type": "应为文本，请加英文双引号",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "date_type": "应为日期，写作 2023-12-15（不加引号）",
    "date_parsing": "应为日期，写作 2023-12-15（不加引号）",
    "date_from_datetime_parsing": "应为日期，写作 2023-12-15（不加引号）",
    "tuple_type": '应为列表，例如 ["甲", "乙"]',
    "list_type": '应为列表，例如 ["甲", "乙"]',
    "too_short": "不能为空",
    "string_too_short": "不能为空",
    "greater_than_equal": "数值太小",
    "model_type": "应为一个表（[名称] 或 [[名称]]）",
    "bool_type": "应为 true 或 false（英文小写，不加引号）",
    "bool_parsing": "应为 true 或 false（英文小写，不加引号）",
    # file = ["a.xlsx", "b.xlsx"] read “Input is not a valid path for <class 'pathlib.Path'>”
    # (clerk trial 85)
    "path_type": '应为一个文件名，加英文双引号（如 "交办问题清单.xlsx"）；只能写一个文件：几个来源的'
    "问题可以放在同一个工作簿的不同工作表中，没有“问题来源”一列的，按工作表名或标题计来源",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "dict_type": "应为一个表（[名称] 或 [[名称]]）",
}


_OTHERS_SHOWN = 5
"""How many mistakes after the first an error message lists (each was found one run at
a time, “另有 4 处错误” naming none: clerk trial 124)."""


def _describe_validation_error(exc: ValidationError, text: str, source: str) -> str:
    errors = exc.errors()
    # A misspelt key shows as an unknown key and a missing one: name the one typed first,
    # and the key it stands for, reported missing, is the same mistake: not “另有 1 处错误”
    # that the clerk looked for once this one was right (clerk trial 83)
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    guesses = {
        id(e): _did_you_mean(tuple(e["loc"]), errors)
        for e in errors
        if e["type"] == "extra_forbidden"
    }
    meant = {
        tuple(e["loc"])
        for e in errors
        for guess in guesses.values()
        if e["type"] == "missing" and f"是不是 {e['loc'][-1]}？" in guess
    }
    # (a list whose items are all wrong is also said too short: one mistake, said of them)
    within = {tuple(e["loc"])[:n] for e in errors for n in range(len(e["loc"]))}
    said = [
        _describe(e, text, guesses.get(id(e), ""))
        for e in [first, *(e for e in errors if e is not first)]
        if not (e["type"] == "missing" and tuple(e["loc"]) in meant)
        and not (e is not first and tuple(e["loc"]) in within)
    ]
    others = said[1 : 1 + _OTHERS_SHOWN]
    more = f"（另有 {len(said) - 1} 处错误：{'；'.join(others)}{'……' if len(said) > 1 + _OTHERS_SHOWN else ''}）"
    return f"{source} {said[0]}{more if others else ''}"


def _describe(error: Any, text: str, guess: str) -> str:
    """One mistake: “第 12 行，campaign.returns_due：应为日期……”."""
    loc = tuple(error["loc"])
    placed = (error.get("ctx") or {}).get("error")
    if isinstance(placed, PlacedError):  # a check of the whole file that knows the place
        loc = placed.loc
    if error["type"] == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
    else:
        message = _PYDANTIC_MESSAGES.get(error["type"], f"填写有误（{error['msg']}）") + guess
    line = _line_of(loc, text) if loc else _line_quoting(message, text)
    where = [f"第 {line} 行"] if line else []
    if loc:
        where.append(_format_loc(loc))
    return f"{'，'.join(where)}：{message}"


def _did_you_mean(loc: tuple[Any, ...], errors: list[Any]) -> str:
    """For an unknown key: the known key it is closest to (one reported missing first)."""
    typed = str(loc[-1])
    siblings = [
        e["loc"][-1] for e in errors if e["type"] == "missing" and e["loc"][:-1] == loc[:-1]
    ]
    model = _model_at(loc[:-1])
    known = [str(s) for s in siblings] + list(model.model_fields if model else {})
    close = difflib.get_close_matches(typed, known, n=1, cutoff=0.6)
    return f"，是不是 {close[0]}？" if close else "（是否拼写错误？）"


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model a location's keys belong to (Campaign, CampaignInfo, Unit …)."""
    model: type[BaseModel] | None = Campaign
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        annotation: Any = getattr(field, "annotation", None)
        options: list[Any] = [*typing.get_args(annotation), annotation]
        model = next((a for a in options if isinstance(a, type) and issubclass(a, BaseModel)), None)
    return model


def _format_loc(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _line_of(loc: tuple[Any, ...], text: str) -> int | None:
    """Best-effort line number of a validation error's location in the TOML text."""
    lines = text.splitlines()
    start = 0
    table: str | None = None
    for index, part in enumerate(loc):
        if isinstance(part, str) and index == 0:
            table = part
            header = re.compile(rf"^\s*\[\[?\s*{re.escape(part)}\s*\]\]?\s*(#.*)?$")
            hit = _find(lines, header, start)
            if hit is None:
                key_line = _find(lines, re.compile(rf"^\s*{re.escape(part)}\s*="), start)
                return None if key_line is None else key_line + 1
            start = hit
        elif isinstance(part, int) and table is not None:
            header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
            hits = [i for i, line in enumerate(lines) if header.match(line)]
            if part < len(hits):
                start = hits[part]
        elif isinstance(part, str):
            hit = _find(lines, re.compile(rf"^\s*{re.escape(part)}\s*="), start)
            if hit is not None:
                return hit + 1
    return start + 1 if loc else None


def _line_quoting(message: str, text: str) -> int | None:
    """For whole-file checks: the first line holding the last value the message quotes."""
    quoted = re.findall(r"“([^”]+)”", message)
    for value in reversed(quoted):
        for index, line in enumerate(text.splitlines()):
            if f'"{value}"' in line:
                return index + 1
    return None


def _find(lines: list[str], pattern: re.Pattern[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if pattern.match(lines[index]):
            return index
    return None
