"""Reading the 交办问题清单 (or an inspection's list of findings), with a return's tolerance.

The header is found by name on any sheet, columns in any order; text dates, merged
cells, .xlsx/.xls/.ods as everywhere. 问题来源 is one of the campaign's sources (aliases
resolved); 责任部门 may name several departments (separated by 、，, spaces or new
lines; aliases, and 各二级学院 for the named colleges); a blank 问题编号 is given one
derived from source and content, the same on every run. A list with errors is refused
as a whole (`FindingsError`, exit 2) before anything is issued.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from huitoukan.campaign import Campaign, Source, Unit
from huitoukan.campaign.model import authority_level
from huitoukan.cells import cell_ref, cell_text, sheet_named
from huitoukan.dates import (
    DateNotUnderstood,
    by_day,
    chinese_date,
    parse_date,
    term_deadline,
    typed_as_number,
)
from huitoukan.errors import HuitoukanError
from huitoukan.files import display_name, read_reason
from huitoukan.findings.similarity import MATCH, Hazard, Register
from huitoukan.forms.findings_layout import CHOICES_SHEET, EXAMPLE_NUMBER, LIST_COLUMNS, REQUIRED
from huitoukan.forms.layout import (
    HEADER_SEARCH_ROWS,
    HeaderMatch,
    column_keys,
    find_header,
    locate_header,
)
from huitoukan.model.documents import CROSSCHECK_TITLE, FINDINGS_TITLE
from huitoukan.model.findings import Finding, FoundAgain, number_key
from huitoukan.model.problems import (
    Code,
    Problem,
    Severity,
    date_example,
    problem,
    said_again,
)
from huitoukan.returns.workbooks import (
    SheetGrid,
    UnreadableWorkbook,
    WorkbookContent,
    read_csv,
    read_workbook,
)
from huitoukan.text import fingerprint, normalize_key

_BY_KEY = column_keys(LIST_COLUMNS)
_HEADERS = {c.field: c.header for c in LIST_COLUMNS}
_SEPARATORS = re.compile(r"[、，,;；/\s]+")
_REMARK = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
"""A note in brackets beside a department's name (学工处（牵头）)."""


def _in_order_typed(text: str, campaign: Campaign) -> list[str]:
    """The departments `text` names, in the order it names them."""
    key = normalize_key(text)

    def at(unit: Unit) -> int:
        return min(
            (i for n in (unit.name, *unit.other_names) if (i := key.find(normalize_key(n))) >= 0),
            default=len(key),
        )

    return [u.name for u in sorted(campaign.units_in(text), key=at)]


class FindingsError(HuitoukanError):
    """The list cannot be used: its problems say where and why (rendered at the edge)."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass
class FindingsList:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Warnings (a derived 编号, an example row left in, a problem no one could be given)."""


def derived_number(source: str, location: str, description: str) -> str:
    """A 问题编号 for a row that has none: from its source and content, not its position,
    so the same row gets the same number on every run wherever it moves in the list."""
    digest = hashlib.sha256(f"{source}|{fingerprint(location)}|{fingerprint(description)}".encode())
    # (no source: the digits alone, not “-565D24”: clerk trial 104)
    return "-".join(filter(None, (source, digest.hexdigest()[:6].upper())))


_DECISIONS_GO_IN_THE_LIST = (
    "。核对结论不填在核查结果中（每次运行都重新写出）：请填写在检查发现问题清单"
    "的“对应自查”一栏（没有就加一列），再用那份清单运行 huitoukan crosscheck"
)
"""Said to a clerk who gives the 追责核查 back, its decisions typed in (clerk trial 113)."""

LONG_AGO_YEARS = 3
"""A problem found this many years before the campaign was issued is asked about (a year
typed wrong, 2014 for 2024): 回头看 looks back, but rarely that far."""


def _restating(earlier: Finding, later: Finding, score: int) -> dict[str, Any]:
    """The params of `FINDING_RESTATED` said of `later`, restating `earlier`."""
    return {
        "first_row": earlier.row,
        "first_at": sheet_named(earlier.sheet, later.sheet),
        "number": earlier.number,
        "source": earlier.source,
        "found": chinese_date(earlier.found_on) if earlier.found_on else "",
        "score": score,
    }


def restated_as_they_stand(
    said: Sequence[Problem], findings: Sequence[Finding], closed: Callable[[Finding], bool]
) -> list[Problem]:
    """`said`, the list's problems, each `FINDING_RESTATED` in the words of what the register
    knows of the problem restated: 销号 (`closed`) or not — it gave both cases, of a problem
    the register had closed (clerk trial 186 AL13)."""
    at = {(f.sheet, f.row): f for f in findings}
    restated = {number_key(a.number): (f, a) for f in findings for a in f.found_again}
    out = []
    for p in said:
        later = at.get((p.sheet, p.row or 0)) if p.code is Code.FINDING_RESTATED else None
        pair = restated.get(number_key(later.number)) if later is not None else None
        if later is None or pair is None:
            out.append(p)
            continue
        earlier, again = pair
        variant = "closed" if closed(earlier) else "open"
        out.append(said_again(p, variant, **_restating(earlier, later, again.score)))
    return out


def read_findings(path: Path, campaign: Campaign, inspection: bool = False) -> FindingsList:
    """The list at `path`; FindingsError listing every problem when any is an error.
    `inspection`: the list of what an inspection found, to cross-check — its inspectors'
    name for a department the campaign does not know is theirs to use (one such name
    stopped the whole 追责核查: clerk trial 66), said and read as no department."""
    shown = display_name(path)
    try:
        content = read_csv(path) if path.suffix.lower() == ".csv" else read_workbook(path)
    except UnreadableWorkbook as exc:
        raise HuitoukanError(f"无法读取问题清单 {shown}：{exc.reason}") from None
    except OSError as exc:
        raise HuitoukanError(f"无法打开问题清单 {shown}：{read_reason(exc)}") from None
    made = content.made.not_a_return
    if made and made != FINDINGS_TITLE:
        raise HuitoukanError(
            f"{shown} 是本工具生成的“{made}”，不是问题清单：请给出交办问题清单"
            "（或检查发现问题清单）的文件"
            + (_DECISIONS_GO_IN_THE_LIST if made == CROSSCHECK_TITLE else "")
        )
    tables: list[tuple[SheetGrid, HeaderMatch]] = []
    examples: list[tuple[SheetGrid, HeaderMatch]] = []
    result = FindingsList()
    for grid in content.sheets:
        header = locate_header(grid.rows, _BY_KEY, REQUIRED, 4)
        if header is None:
            continue
        if not _has_problems(grid, header):  # a cover sheet showing an example row, read
            examples.append((grid, header))  # only when there is no other (the blank list
            continue  # init writes): it stopped the whole list (clerk trial 86)
        form = find_header(grid.rows)
        if form is not None and form.row == header.row and "progress" in form.columns:
            raise HuitoukanError(
                f"{shown} 是部门报回的自查整改清单，不是问题清单：请给出交办问题清单"
                "（或检查发现问题清单）的文件"
            )
        tables.append((grid, header))  # every sheet: one a source (only the first was read,
        # the others' problems lost without a word: clerk trial 85)
    # hidden sheets last: read, and said (an office hides a sheet it is done with, or by
    # mistake: its problems went unread without a word, clerk trial 86) — but one repeating
    # the numbers read already is an old draft, left out (it stopped the list: trial 88)
    tables = sorted(tables or examples[:1], key=lambda table: not table[0].visible)
    if not tables:
        raise HuitoukanError(f"{shown} 中找不到问题清单的表头{_why_no_header(content)}")
    seen: dict[str, Finding] = {}
    columns_of: dict[str, dict[str, int]] = {}
    offered = _offered_departments(content.sheets, campaign)
    for grid, header in tables:
        if not grid.visible:
            draft = _numbers_of(grid, header) & seen.keys()
            result.problems.append(
                problem(
                    Code.FINDING_HIDDEN_SHEET,
                    shown,
                    sheet=grid.name,
                    variant="draft" if draft else "",
                    number=next(iter(sorted(draft)), ""),
                )
            )
            if draft:
                continue
        columns_of[grid.name] = header.columns
        sheet_source = None
        _row_numbers_said(shown, grid, header, result.problems)
        if not inspection:  # what the office added (a 备注) went nowhere without a word
            _unread_columns_said(shown, grid, header, result.problems)  # (clerk trial 111)
        if "deadline" not in header.columns and not inspection:  # each problem's then the
            # default, without a word (a list's 要求完成时间 was not read: clerk trial 99)
            result.problems.append(
                problem(
                    Code.FINDING_NO_DEADLINE_COLUMN,
                    shown,
                    sheet=grid.name,
                    row=header.row + 1,
                    default=campaign.info.default_deadline,
                )
            )
        if "source" not in header.columns:
            sheet_source = _sheet_source(shown, grid, header, path, campaign, result.problems)
            if sheet_source is None:
                continue  # said once for the sheet, not on every row
        sheet_found = None
        if "found_on" not in header.columns:
            sheet_found = _sheet_found_on(shown, grid, header, campaign, result.problems)
        for r in range(header.row + 1, len(grid.rows)):
            line = _Line(shown, grid.name, r, header.columns, grid.rows[r], result.problems)
            if not any(line.texts.values()) or _not_a_problem(line, grid.rows[r]):
                continue
            finding = _finding(line, campaign, inspection, sheet_source, sheet_found, offered)
            if finding is None:
                continue
            key = normalize_key(finding.number)
            if key in seen:
                first = seen[key]
                listed_twice = (first.source, first.where) == (finding.source, finding.where)
                # one problem, a row per department: a joint rectification typed as the form
                # of a return would have it (told only to delete a row, a department was lost)
                joint = listed_twice and first.departments != finding.departments
                if joint and first.deadline != finding.deadline:  # merged, one would be lost
                    variant = "joint-deadlines"
                else:
                    variant = "joint" if joint else "twice" if listed_twice else ""
                line.add(
                    Code.FINDING_DUPLICATE_NUMBER,
                    "number",
                    variant,
                    first_row=first.row,
                    first_at=sheet_named(first.sheet, grid.name),
                    both="、".join(dict.fromkeys([*first.departments, *finding.departments])),
                )
                continue
            seen[key] = finding
            result.findings.append(finding)

    def about(later: Finding, code: Code, name: str, value: str, **params: Any) -> Problem:
        """A problem of the row of `later`, on its cell of column `name`."""
        column = columns_of[later.sheet].get(name)
        return problem(
            code,
            shown,
            sheet=later.sheet,
            cell=cell_ref(later.row - 1, column) if column is not None else "",
            row=later.row,
            field=_HEADERS[name],
            value=value,
            **params,
        )

    again: dict[int, list[FoundAgain]] = {}
    for later, earlier, alike in _restated(result.findings):
        said = FoundAgain(
            number=later.number, source=later.source, found_on=later.found_on, score=round(alike)
        )
        again.setdefault(id(earlier), []).append(said)
        result.problems.append(
            about(
                later,
                Code.FINDING_RESTATED,
                "description",
                later.description,
                **_restating(earlier, later, said.score),
            )
        )
    result.findings = [
        f.model_copy(update={"found_again": tuple(again[id(f)])}) if id(f) in again else f
        for f in result.findings
    ]
    for later, earlier in _same_elsewhere(result.findings):
        result.problems.append(
            about(
                later,
                Code.FINDING_SAME_ELSEWHERE,
                "departments",
                "、".join(later.departments),
                first_row=earlier.row,
                first_at=sheet_named(earlier.sheet, later.sheet),
                number=earlier.number,
                departments="、".join(earlier.departments),
            )
        )
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if errors:
        raise FindingsError(
            f"问题清单 {shown} 有 {len(errors)} 处错误，请改正后再运行（未做任何改动）",
            result.problems,
        )
    return result


def _why_no_header(content: WorkbookContent) -> str:
    """What the clerk is told of a list whose header was not found: the row most like one,
    and the column it lacks (the whole list was refused, naming none: clerk trial 85)."""
    best: tuple[int, str, int, list[str]] = (0, "", 0, [])
    for grid in content.sheets:
        if not grid.visible:
            continue
        for r, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
            named = [
                column.header
                for value in row
                if isinstance(value, str)
                and (column := _BY_KEY.get(normalize_key(value))) is not None
            ]
            if len(set(named)) > best[0]:
                best = (len(set(named)), grid.name, r, list(dict.fromkeys(named)))
    description = next(c for c in LIST_COLUMNS if c.field == "description")
    also = "、".join(description.synonyms[:6])
    if best[0] >= 2 and description.header not in best[3]:
        return (
            f"：工作表“{best[1]}”第 {best[2] + 1} 行像是表头（认出了{'、'.join(best[3])}），"
            f"但没有“问题描述”一列（也可写作{also}等）；请把写问题的那一列的表头改为“问题描述”"
        )
    return (
        "（问题编号、问题来源、发现时间、部位、问题描述、责任部门、整改要求、整改时限，"
        f"至少要有“问题描述”一列，也可写作{also}等）：请检查表头，"
        "或用 huitoukan init --findings 生成的清单填写"
    )


_TOTAL = re.compile(r"^(?:合计|总计|小计|共计|总共)")
_NOTE = re.compile(
    r"^(?:注|备注|附注|说明|注意|填表说明|填报说明|制表|审核|联系电话|签字|签名|"
    r"检查组|(?:填报|制表|报送|检查)?日期|"
    # whoever signs: 制表人, 检查组长, 带队领导, 检查组成员, 被检查单位负责人（签字）
    r"[\u4e00-\u9fff]{0,10}(?:人|人员|长|领导|成员))"
    r"(?:\((?:签字|签名|盖章|签章)\))?[\d一二三四五六七八九十]*[:：]"
)
"""A note under a list (备注：本清单由…汇总, 注：整改时限以…为准, 制表人：王敏 and 审核人：李强
in two cells, 检查组成员：…): it was read as a problem without a description or a source,
and the list refused (session 23, clerk trial 102)."""
_SIGNER_ALONE = re.compile(
    r"^(?:被检查(?:单位|部门)|检查组?|工作组|督查组|督导组|学校|单位|部门)?"
    r"(?:(?:制表|填表|填报|报送|审核|审批|复核|检查|经办|联系|签收|陪同|记录)(?:人员?|员)|"
    r"负责人|带队领导|副?组长|成员|人员)"
    r"(?:\((?:签字|签名|盖章|签章)\))?$"
)
"""A signer's label alone in its cell, without a colon (检查组长 | 张伟): a label only when
a name or the day follows it (the list refused for a problem sourced 张伟: clerk trial 106)."""
_NAMES = re.compile(r"^[\u4e00-\u9fff·]{2,5}(?:[、，,；;\s]+[\u4e00-\u9fff·]{2,5})*$")
"""One or more people's names (王敏, 赵一、钱二)."""
_DAY = r"\d{2,4}\s*[年./\-]\s*\d{1,2}\s*[月./\-]\s*\d{1,2}\s*日?"
"""A day as a list writes it (2023年11月12日, 2023.11.12, 2023-11-12)."""
_DAY_ALONE = re.compile(f"^{_DAY}$")
"""A date alone in its cell (the day a list was signed, under its sign-offs)."""
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|"
    r"第[一二三四五六七八九十\d]+[部分类项章节组])"
)


def _notes(texts: Sequence[str]) -> bool:
    """Whether a row's texts are notes and sign-offs (制表人：王敏 in one cell, or 制表人：
    and 王敏 in two: read as a problem numbered 王敏, clerk trial 103), or the day signed
    (2023年11月12日 alone, or after 日期：: the list refused, clerk trial 104); a signer's
    label without its colon, a name after it (检查组长 | 张伟, `_SIGNER_ALONE`)."""
    labelled = False  # the text before was a label alone: this is what it labels
    keys = [normalize_key(text) for text in texts]
    for key, after in zip(keys, [*keys[1:], ""], strict=True):
        note = _NOTE.match(key)
        signer = _SIGNER_ALONE.match(key) is not None and bool(
            _NAMES.match(after) or _DAY_ALONE.match(after)
        )
        if note is None and not signer and not labelled and not _DAY_ALONE.match(key):
            return False
        labelled = signer or (note is not None and note.end() == len(key))
    return bool(texts)


def _not_a_problem(line: _Line, row: Sequence[object]) -> bool:
    """Whether the row is a 合计 line, notes (备注：…, 制表人：…) or a group's heading
    (“二、实训及教学场所”, one text across the row): said and skipped (they stopped the
    whole list with errors on their dates and departments: clerk trial 85)."""
    texts = [t for t in (cell_text(v) for v in row) if t]
    if not texts:
        return False
    first = normalize_key(texts[0])
    if _TOTAL.match(first):
        variant = "total"
    elif _notes(texts):
        variant = "note"
    elif len(set(texts)) == 1 and (_HEADING.match(first) or len(texts) > 1):
        variant = ""  # one text: a heading's form, or across the row
    else:
        return False
    line.problems.append(
        problem(
            Code.FINDING_ROW_SKIPPED,
            line.file,
            sheet=line.sheet,
            row=line.index + 1,
            variant=variant,
            text=_quoted(texts[0], 30),
        )
    )
    return True


def _numbers_of(grid: SheetGrid, header: HeaderMatch) -> set[str]:
    """The 问题编号 (as compared) a sheet's rows give."""
    column = header.columns.get("number")
    if column is None:
        return set()
    return {
        normalize_key(cell_text(row[column]))
        for row in grid.rows[header.row + 1 :]
        if column < len(row) and cell_text(row[column])
    }


def _has_problems(grid: SheetGrid, header: HeaderMatch) -> bool:
    """Whether a sheet with a list's header has a row below it other than the example one
    (a cover sheet showing how to fill the list in is no list)."""
    number = header.columns.get("number")
    for row in grid.rows[header.row + 1 :]:
        if not any(cell_text(v) for v in row):
            continue
        typed = cell_text(row[number]) if number is not None and number < len(row) else ""
        if not typed.startswith(EXAMPLE_NUMBER):
            return True
    return False


def _row_numbers_said(
    shown: str, grid: SheetGrid, header: HeaderMatch, problems: list[Problem]
) -> None:
    """A warning when the sheet's 问题编号 are its 序号, 1, 2, 3: a list corrected and sent
    again renumbers them, and the departments' answers no longer match (clerk trial 86)."""
    column = header.columns.get("number")
    if column is None or normalize_key(str(grid.rows[header.row][column])) != "序号":
        return
    described = header.columns["description"]
    typed = [  # the rows stating a problem (not a heading's, a 合计's)
        number
        for row in grid.rows[header.row + 1 :]
        if described < len(row)
        and column < len(row)
        and cell_text(row[described])
        and (number := cell_text(row[column]))
        and not _TOTAL.match(normalize_key(number))
        and not _HEADING.match(number)
    ]
    if typed and all(t.isdigit() for t in typed):
        problems.append(
            problem(Code.FINDING_ROW_NUMBERS, shown, sheet=grid.name, row=header.row + 1)
        )


def _unread_columns_said(
    shown: str, grid: SheetGrid, header: HeaderMatch, problems: list[Problem]
) -> None:
    """A warning on each column with a header the list does not know (备注, 督办情况) and
    something under it: nothing of it reaches the departments' forms or the register. A
    second column of numbers (序号 beside 问题编号) is the list's own count, not said."""
    for column, text in header.extra.items():
        if _BY_KEY["问题编号"].matches(text):
            continue
        if any(column < len(row) and cell_text(row[column]) for row in grid.rows[header.row + 1 :]):
            problems.append(
                problem(
                    Code.FINDING_UNREAD_COLUMN,
                    shown,
                    sheet=grid.name,
                    cell=cell_ref(header.row, column),
                    row=header.row + 1,
                    field=text,  # (and no value: “备注“备注”” said it twice, trial 113)
                )
            )


def _sheet_source(
    shown: str,
    grid: SheetGrid,
    header: HeaderMatch,
    path: Path,
    campaign: Campaign,
    problems: list[Problem],
) -> Source | None:
    """The source of a sheet with no 问题来源 column: the one its name, its title (the rows
    above its header) or the file's name names, said; None (an error said) when none does."""
    # (a merged title's text stands in each of its cells: quoted once, not three times)
    title = " ".join(
        dict.fromkeys(cell_text(v) for row in grid.rows[: header.row] for v in row if v)
    )

    def say(code: Code, **params: Any) -> None:
        problems.append(problem(code, shown, sheet=grid.name, row=header.row + 1, **params))

    for where, named in (("工作表名", grid.name), ("标题", title), ("文件名", path.stem)):
        sources = campaign.sources_in(named) if named else []
        if len(sources) > 1:  # 省级督查及“四进”巡查: each problem's own is not known (all were
            # taken for the first: clerk trial 86)
            names = "、".join(s.name for s in sources)
            say(
                Code.FINDING_NO_SOURCE,
                variant="several",
                where=where,
                named=_quoted(named),
                sources=names,
            )
            return None
        if sources:
            say(
                Code.FINDING_SOURCE_OF_SHEET,
                where=where,
                named=_quoted(named),
                source=sources[0].name,
            )
            return sources[0]
    example = campaign.sources[0].name if campaign.sources else "县级普查"
    known = "、".join(s.name for s in campaign.sources)
    # an authority of a level with several sources (山东省教育厅督导组…: 省级督查, 四进巡查,
    # 审计调查): which of them (clerk trial 181 AH4); of a level the campaign has no source
    # of (枣庄市教育局… in a 小学's campaign without 市级抽查: “看不出是哪一级”, trial 188 AN8)
    for where, named in (("标题", title), ("文件名", path.stem), ("工作表名", grid.name)):
        level = authority_level(named) if named else ""
        of_level = campaign.sources_of_authority(named) if level else []
        if len(of_level) == 1 or not level:
            continue
        say(
            Code.FINDING_NO_SOURCE,
            variant="level" if of_level else "no_level",
            where=where,
            named=_quoted(named),
            level=level,
            sources="、".join(s.name for s in of_level),
            example=of_level[0].name if of_level else example,
            known=known,
        )
        return None
    say(Code.FINDING_NO_SOURCE, known=known, example=example)
    return None


_FOUND_SAID = re.compile(
    rf"(?:检查|督查|抽查|巡查|普查|审计|调查|发现)(?:时间|日期)\s*[:：]\s*({_DAY})"
)
"""The day an inspection gives in its list's title rows (检查时间：2023年12月18日)."""


def _sheet_found_on(
    shown: str, grid: SheetGrid, header: HeaderMatch, campaign: Campaign, problems: list[Problem]
) -> date | None:
    """The 发现时间 of the problems of a sheet with no such column: the day its title rows
    give as the inspection's (检查时间：…), said. Each problem was without one, and the
    追责核查 judged the school's rows against none, its conclusions flipped (clerk trial
    102)."""
    for index, row in enumerate(grid.rows[: header.row]):
        for value in dict.fromkeys(cell_text(v) for v in row if v):
            said = _FOUND_SAID.search(value)
            if said is None:
                continue
            try:
                day = parse_date(said.group(1), campaign.info.issued_on)
            except DateNotUnderstood:
                continue
            if day is None:
                continue
            problems.append(
                problem(
                    Code.FINDING_FOUND_OF_SHEET,
                    shown,
                    sheet=grid.name,
                    row=index + 1,
                    named=_quoted(said.group(0)),
                    found=day,
                )
            )
            return day
    return None


def _quoted(text: str, limit: int = 40) -> str:
    """A title, name or row as a message quotes it: cut at `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _restated(findings: Sequence[Finding]) -> list[tuple[Finding, Finding, float]]:
    """Each problem stating again one listed before it (found earlier, or on the same day
    on a row above) for a department of both, at the 追责 score's MATCH, with that one and
    the score: a 省级督查 finding again what the 省第六轮督查 had, copied in under a new
    编号, had its department answer it twice, its one photo then “reused” (trial 66)."""
    by_department: dict[str, list[Finding]] = {}
    for finding in findings:
        for department in finding.departments:
            by_department.setdefault(department, []).append(finding)
    said: dict[int, tuple[Finding, Finding, float]] = {}
    for listed in by_department.values():
        if len(listed) < 2:
            continue
        register = Register(Hazard(f.location, f.description) for f in listed)
        for finding in listed:
            if finding.row in said:
                continue
            whats = Hazard(finding.location, finding.description)
            for match in register.best_matches(whats, limit=4, min_score=MATCH):
                earlier = listed[match.index]
                if _order(earlier) < _order(finding):
                    said[finding.row] = (finding, earlier, match.score)
                    break
    return [said[row] for row in sorted(said)]


def _same_elsewhere(findings: Sequence[Finding]) -> list[tuple[Finding, Finding]]:
    """Each problem worded as one listed above it, word for word (punctuation and spaces
    aside), given to other departments: the same problem handed out twice under two 编号,
    each department answering its own half, or each its own problem written alike (trial
    73: not said, `_restated` compares a department's problems only)."""
    first: dict[str, Finding] = {}
    said: list[tuple[Finding, Finding]] = []
    for finding in sorted(findings, key=_order):
        if not finding.departments or not fingerprint(finding.description):
            continue
        key = f"{fingerprint(finding.location)}|{fingerprint(finding.description)}"
        earlier = first.setdefault(key, finding)
        if earlier is not finding and not set(earlier.departments) & set(finding.departments):
            said.append((finding, earlier))
    return sorted(said, key=lambda pair: pair[0].row)


def _order(finding: Finding) -> tuple[date, int]:
    return finding.found_on or date.min, finding.row


@dataclass
class _Line:
    """One row of the list, and where its problems go."""

    file: str
    sheet: str
    index: int
    columns: dict[str, int]
    row: list[object]
    problems: list[Problem]

    def __post_init__(self) -> None:
        self.cells = {n: self.row[c] for n, c in self.columns.items() if c < len(self.row)}
        self.texts = {name: cell_text(value) for name, value in self.cells.items()}

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    def ref(self, name: str) -> str:
        """The A1 reference of the row's cell in `name`'s column ('' when the list has none)."""
        column = self.columns.get(name)
        return cell_ref(self.index, column) if column is not None else ""

    def add(self, code: Code, name: str, variant: str = "", **params: Any) -> None:
        self.problems.append(
            problem(
                code,
                self.file,
                sheet=self.sheet,
                cell=self.ref(name),
                row=self.index + 1,
                field=_HEADERS[name],
                value=self.text(name),
                variant=variant,
                **params,
            )
        )


_STALE_CHOICE = (
    "（它来自清单的下拉列表：下拉列表是生成清单时 campaign.toml 中的部门名单，之后名单改过，"
    "下拉中还是原来的名称；清单还没填的，删除后运行 huitoukan init --findings 即按现在的名单"
    "重新生成）"
)


def _offered_departments(sheets: Sequence[SheetGrid], campaign: Campaign) -> frozenset[str]:
    """The departments the drop-down of a list `init --findings` wrote offers (its hidden
    可选值 sheet) that the campaign has no longer: chosen from it after campaign.toml's
    departments were edited, 总务基建处 was refused without a word of where it came from
    (clerk trial 141)."""
    known = {u.name for u in campaign.units}
    return frozenset(
        text
        for grid in sheets
        if grid.name == CHOICES_SHEET and not grid.visible
        for row in grid.rows
        if len(row) > 1 and (text := cell_text(row[1])) and text not in known
    )


def _finding(
    line: _Line,
    campaign: Campaign,
    inspection: bool = False,
    sheet_source: Source | None = None,
    sheet_found: date | None = None,
    offered: frozenset[str] = frozenset(),
) -> Finding | None:
    """The problem a row of the list states (None for the example row; `inspection`: as
    for `read_findings`; `sheet_source`, `sheet_found`: the source and 发现时间 of a sheet
    without the column; `offered`: names its drop-down offers that are no department's
    now, `_offered_departments`)."""
    if line.text("number").startswith(EXAMPLE_NUMBER):
        line.add(Code.FINDING_EXAMPLE_ROW, "number")
        return None
    # by name or alias, or the one source it names within it (市教育局 → 市级抽查, as a title
    # and a department's 问题来源 are read: clerk trial 179 AF11)
    source = sheet_source or campaign.named_source(line.text("source"))
    if source is None:
        known = "、".join(s.name for s in campaign.sources) or (
            "（campaign.toml 中还没有 [[sources]]：运行 huitoukan init 写出新的 campaign.toml，"
            "把其中的 [[sources]] 各段复制过来）"
        )
        # an authority whose level the campaign has several sources of (省教育厅: 省级督查,
        # 四进巡查, 审计调查) is for the clerk to say which (clerk trial 180 AG3)
        of_level = campaign.sources_of_authority(line.text("source"))
        line.add(
            Code.FINDING_UNKNOWN_SOURCE,
            "source",
            "blank" if not line.text("source") else "level" if len(of_level) > 1 else "",
            known=known,
            level=of_level[0].level if of_level else "",
            several="、".join(s.name for s in of_level),
        )
    if not line.text("description"):
        line.add(Code.FINDING_MISSING_DESCRIPTION, "description")
    dates: dict[str, date | None] = {}
    typed_as_date = True  # 整改时限 written as a date (not 一周内, 12月20日前)
    issued = campaign.info.issued_on
    for name in ("found_on", "deadline"):
        if name == "found_on" and sheet_found is not None:
            dates[name] = sheet_found
            continue
        try:
            dates[name] = parse_date(line.cells.get(name), issued)
        except DateNotUnderstood:
            typed_as_date = typed_as_date and name != "deadline"
            # 11月15日前, copied from a county notice: that day, as a return's 整改时限 reads
            # (an error here, clerk trial 65)
            day = by_day(line.cells.get(name), issued) if name == "deadline" else None
            dates[name] = day
            if day is not None:
                continue
            # 立即, 一周内, 年底前: counted from the 发现时间, as a return's from its 检查时间
            # (refused, they stopped issue: clerk trial 71), said
            found = dates["found_on"]
            day = (
                term_deadline(line.cells.get(name), found) if name == "deadline" and found else None
            )
            if day is not None:
                dates[name] = day
                line.add(Code.DEADLINE_AS_TERM, name, since="发现时间", start=found, day=day)
                continue
            # a term with nothing to count it from: said so (not “无法识别为日期”: trial 72)
            term = name == "deadline" and not found and term_deadline(line.cells.get(name), issued)
            # (its 发现时间 typed, not understood: not “没有填写”, clerk trial 184 AJ6)
            unread = bool(line.text("found_on"))
            variant = ("term_found_unread" if unread else "term_without_found") if term else ""
            if not variant and typed_as_number(line.cells.get(name)):  # (12.18: trial 185 AK6)
                variant = "number"
            line.add(Code.BAD_DATE, name, variant, header=_HEADERS[name], **date_example(issued))
    found, deadline = dates["found_on"], dates["deadline"]
    if found is None and not line.text("found_on"):  # accepted without a word, it judged
        # nothing (trial 69)
        line.add(Code.FINDING_NO_FOUND_DATE, "found_on")
    if found and deadline and deadline < found:
        line.add(Code.FINDING_DEADLINE_BEFORE_FOUND, "deadline", deadline=deadline, found=found)
    if found and found < campaign.info.issued_on - timedelta(days=LONG_AGO_YEARS * 366):
        line.add(Code.FINDING_LONG_AGO, "found_on", found=found, years=LONG_AGO_YEARS)
    units = _departments(line.text("departments"), campaign)
    for unknown in units.unknown:
        known = "、".join(u.name for u in campaign.units)
        hint = campaign.unit_hint(unknown)  # 信息化中心 for 信息中心 (clerk trial 65)
        if unknown in offered:
            hint += _STALE_CHOICE
        code = Code.INSPECTION_UNKNOWN_DEPARTMENT if inspection else Code.FINDING_UNKNOWN_DEPARTMENT
        bare = _REMARK.sub("", unknown)
        if (
            code is Code.FINDING_UNKNOWN_DEPARTMENT
            and bare != unknown
            and (named := campaign.named_unit(bare))
        ):
            # 学工处（牵头）: it was told to add that as a department of its own (trial 151)
            remark = unknown.replace(bare, "", 1)
            line.add(code, "departments", "remark", typed=unknown, remark=remark, unit=named.name)
            continue
        joined = _in_order_typed(unknown, campaign)
        if code is Code.FINDING_UNKNOWN_DEPARTMENT and len(joined) > 1:
            # 学工处及各二级学院: told to add it as a department of its own (clerk trial 150)
            line.add(code, "departments", "joined", typed=unknown, joined="、".join(joined))
            continue
        line.add(code, "departments", typed=unknown, known=known, hint=hint)
    if not units.names and not units.unknown:
        line.add(Code.FINDING_UNASSIGNED, "departments")
    source_name = source.name if source else line.text("source")
    number = line.text("number")
    if not number:
        number = derived_number(source_name, line.text("location"), line.text("description"))
        line.add(Code.FINDING_NUMBER_DERIVED, "number", number_given=number)
    return Finding(
        number=number,
        number_given=bool(line.text("number")),
        source=source_name,
        found_on=dates["found_on"],
        location=line.text("location"),
        description=line.text("description"),
        departments=units.names,
        unknown_departments=tuple(units.unknown),
        requirement=line.text("requirement"),
        deadline=dates["deadline"],
        deadline_typed="" if deadline is None or typed_as_date else line.text("deadline"),
        decision=line.text("decision"),
        decision_cell=line.ref("decision"),
        file=line.file,
        sheet=line.sheet,
        row=line.index + 1,
    )


@dataclass
class _Departments:
    names: tuple[str, ...]
    unknown: list[str]


def _departments(text: str, campaign: Campaign) -> _Departments:
    """The units a 责任部门 cell names: each part by name or alias, 各二级学院 for the named
    colleges when there are some."""
    names: list[str] = []
    unknown: list[str] = []
    for part in _SEPARATORS.split(text):
        if not part:
            continue
        if campaign.names_colleges(part):
            names.extend(c.name for c in campaign.colleges)
            continue
        unit = campaign.named_unit(part)
        if unit is None:
            unknown.append(part)
        elif unit.name not in names:
            names.append(unit.name)
    return _Departments(tuple(dict.fromkeys(names)), unknown)
