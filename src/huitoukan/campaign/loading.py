"""Loading the campaign: the embedded default (the seed work plan, 枣科职院办〔2023〕15号,
kept as a packaged TOML file) or a `campaign.toml`, with errors that name the line and key.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from huitoukan.campaign.model import CAMPAIGN_FILE_NAME, Campaign, TemplateFiles
from huitoukan.errors import CampaignError, OutputExistsError
from huitoukan.files import with_suffix, write_atomically


def default_campaign_text() -> str:
    """The embedded default campaign.toml, as shipped (Chinese comments included)."""
    return (resources.files("huitoukan.campaign") / "default_campaign.toml").read_text("utf-8")


def write_default_campaign(out: Path, force: bool = False) -> Path:
    """Write the embedded campaign.toml to `out` (.toml added when left out) for the office
    to edit; the file written."""
    out = with_suffix(out, ".toml")
    if out.exists() and not force:
        raise OutputExistsError(f"{out} 已存在，未做改动；确需覆盖请加 --force")
    text = default_campaign_text()
    write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return out


def default_campaign() -> Campaign:
    return parse_campaign(default_campaign_text(), "内置默认活动")


def load_campaign(path: Path | None = None, search_dir: Path | None = None) -> Campaign:
    """The campaign from `path`; else `campaign.toml` in `search_dir` (the working folder)
    if there is one; else the embedded default."""
    if path is None:
        candidate = (search_dir or Path.cwd()) / CAMPAIGN_FILE_NAME
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
        raise CampaignError(f"无法读取活动配置文件 {path}：{exc.strerror}") from None
    campaign = parse_campaign(text, str(path))
    folder = path.parent
    templates = campaign.templates
    return campaign.model_copy(
        update={
            "templates": TemplateFiles(
                form=folder / templates.form if templates.form else None,
                checklist=folder / templates.checklist if templates.checklist else None,
            )
        }
    )


def parse_campaign(text: str, source: str) -> Campaign:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(f"{source} 格式错误：{_toml_message(str(exc))}") from None
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise CampaignError(_describe_validation_error(exc, text, source)) from None


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml_message(message: str) -> str:
    match = _TOML_POSITION.search(message)
    if not match:
        return message
    line, column = match.groups()
    what = message[: match.start()].strip()
    return f"第 {line} 行第 {column} 列：{what}（请检查引号、等号和方括号）"


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键（是否拼写错误？）",
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
}


def _describe_validation_error(exc: ValidationError, text: str, source: str) -> str:
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    key = _format_loc(loc)
    if first["type"] == "value_error":
        message = str(first["msg"]).removeprefix("Value error, ")
    else:
        message = _PYDANTIC_MESSAGES.get(first["type"], str(first["msg"]))
    line = _line_of(loc, text) if loc else _line_quoting(message, text)
    where = [f"第 {line} 行"] if line else []
    if loc:
        where.append(key)
    more = f"（另有 {exc.error_count() - 1} 处错误）" if exc.error_count() > 1 else ""
    return f"{source} {'，'.join(where)}：{message}{more}"


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
