"""What the 附件2 form is made of: its columns, header and footer labels, status words.

Reading finds everything by these names (never by cell position), so a
department can move, reorder or re-space them; issuing uses the same names to
find the cells it fills in a template the office may have edited.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest

from huitoukan.model.returns import FORM_SHEET_NAME
from huitoukan.text import normalize_key

FORM_SHEET = FORM_SHEET_NAME
ITEMS_SHEET = "本部门检查项目"
CHECKLIST_SHEET = "项目清单"
ASSIGNED_SHEET = "交办问题清单"
"""The issued form's sheet listing the problems assigned to the department in full."""


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    synonyms: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        return _keys(self)

    def matches(self, text: str) -> bool:
        return normalize_key(text) in _keys(self)

    def rank(self, key: str) -> int:
        """How plainly normalised header text `key` names this column: 0 for its header,
        then its synonyms in order (a list's 问题编号 over its 序号, whichever comes first)."""
        return _ranks(self).get(key, len(self.synonyms) + 1)


@functools.cache
def _keys(column: Column) -> frozenset[str]:
    """A column's header and synonyms as `normalize_key` gives them (made once: every row
    of a return is asked whether it repeats the header)."""
    return frozenset(normalize_key(t) for t in (column.header, *column.synonyms))


@functools.cache
def _ranks(column: Column) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for n, text in enumerate((column.header, *column.synonyms)):
        ranks.setdefault(normalize_key(text), n)
    return ranks


DEADLINE_SAID_SHORT = (
    "时限",
    "限期",
    "整改限期",
    "期限",
    "整改截止日期",
    "截止日期",
    "限期整改",
    "时限要求",
    "期限要求",
    "办结期限",
    "应完成时间",
    "应完成日期",
    "最迟完成时间",
    "最迟完成日期",
    "计划完成日期",
    "要求完成日期",
)
"""整改时限 as returns and 交办问题清单 both head it, in the fewest words or as the day it is
due by (its dates became the default's: clerk trials 97–99; 应完成时间, 最迟完成日期:
the warning's list, session 23)."""

LIST_STYLE_HAZARD = (
    "问题描述",
    "隐患内容",
    "问题内容",
    "发现问题",
    "发现的问题",
    "检查发现问题",
    "问题",
)
"""Words for 存在隐患问题 that a 交办问题清单 uses too: a table heading it so is a return only
with a column no list has (整改完成情况, 销号时间; `find_header`)."""
_RETURN_ONLY = frozenset({"progress", "closed_on"})

# The seed's ten columns in its order, with 整改时限 added right after 整改措施, and the
# assigned problem's 编号 and 来源 after 序号 (blank or 自查 for what a department finds).
COLUMNS: tuple[Column, ...] = (
    Column("seq", "序号", ("编号",)),
    Column("number", "问题编号", ("交办编号", "交办问题编号", "问题序号")),
    Column("source", "问题来源", ("来源", "交办来源", "问题出处")),
    Column(
        "location",
        "部位",
        (
            "隐患部位",
            "检查部位",
            "部位名称",
            "地点",
            "具体部位",
            "位置",
            "具体位置",
            "区域",
            "场所",
            "单位部位",
            "隐患位置",
            "隐患地点",
            "问题部位",
            "点位",
        ),
    ),
    Column("item", "检查内容", ("检查项目", "督查内容", "检查事项")),
    Column(
        "hazard",
        "存在隐患问题",
        (
            "存在问题",
            "隐患问题",
            "存在的隐患问题",
            "存在的问题",
            "问题隐患",
            "隐患描述",
            "存在安全隐患问题",
            "存在安全隐患",
            "存在的安全隐患",
            "安全隐患问题",
            "安全隐患描述",
            "安全隐患",
            "隐患问题描述",
            "隐患内容描述",
            "隐患情况",
            "隐患名称",
            "主要问题",
            "隐患",
            *LIST_STYLE_HAZARD,
        ),
    ),
    Column(
        "measures",
        "整改措施",
        ("整改方案", "措施", "处理措施", "整改意见", "防范措施", "整改建议", "整改要求"),
    ),
    Column(
        "deadline",
        "整改时限",
        (
            "整改期限",
            "完成时限",
            "整改时间",
            "计划完成时间",
            "完成期限",
            "整改完成时限",
            *DEADLINE_SAID_SHORT,
        ),
    ),
    Column(
        "progress",
        "整改完成情况",
        (
            "完成情况",
            "整改情况",
            "整改进度",
            "整改状态",
            "是否整改完成",
            "是否完成",
            "整改情况说明",
        ),
    ),
    Column(
        "owner",
        "责任人",
        ("整改责任人", "负责人", "具体责任人", "整改负责人", "负责人姓名", "责任人姓名"),
    ),
    Column(
        "checked_on",
        "检查时间",
        ("检查日期", "排查时间", "排查日期", "发现时间", "发现日期"),
    ),
    Column(
        "closed_on",
        "销号时间",
        (
            "销号日期",
            "完成时间",
            "整改完成时间",
            "实际完成时间",
            "完成日期",
            "实际完成日期",
            "验收时间",
            "销号",
        ),
    ),
    Column("remarks", "备注", ("说明",)),
)
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}
_COLUMN_BY_KEY = {key: c for c in reversed(COLUMNS) for key in c.keys()}  # see column_keys
DATE_FIELDS = ("deadline", "checked_on", "closed_on")

REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("seq", "序号"),
    Column("hazard_id", "隐患编号", ("隐患标识",)),
    Column("number", "问题编号", ("交办问题编号",)),
    Column("department", "部门", ("责任部门",)),
    Column("location", "部位"),
    Column("hazard", "存在隐患问题", ("问题描述",)),
    Column("measures", "整改措施"),
    Column("closed_on", "销号时间"),
    Column("reviewer", "复查人", ("验收人", "复查人员", "验收人员", "复核人", "复查人姓名")),
    Column("reviewed_on", "复查时间", ("验收时间", "复查日期", "验收日期", "复核时间", "复核日期")),
    Column("result", "复查结论", ("验收结论", "复查结果", "验收结果", "复核结论", "复核结果")),
    Column("note", "复查意见", ("验收意见", "复核意见")),
    Column("earlier", "此前复查"),
    Column("remarks", "备注"),
    Column("deadline", "整改时限"),
    Column("photos", "照片"),
    Column("issued", "生成时的销号时间"),
)
"""The columns of the 复查验收表 (`forms.review` writes it, collect reads it back; 问题编号
only when a hazard on it answers an assigned problem; 备注 (the department's) only when
one has any; 此前复查 only when one was reviewed before (不合格, or 合格 and closed again
since) — these two after the columns written by hand, which stay where they were from one
form to the next (a clerk typing by habit wrote names over 此前复查: clerk trial 186 AL7);
整改时限 and 照片, for the reviewer: whether it was done in time (the form did not
say: clerk trial 56) and what the department sent to prove it; none of these read back
by anyone; then, hidden, the 销号时间 as written, which collect compares with
the 销号时间 cell: the closure a verdict is about is the one the form was made with)."""
REVIEW_REQUIRED = frozenset({"hazard_id", "result"})
REVIEW_FILE = "复查验收表.xlsx"
"""Where `review` writes the 复查验收表 by default (the working folder)."""
REVIEWS_FOLDER = "复查"
"""Where the filled 复查验收表 are put, to be collected with the returns."""
REVIEW_MADE_ON = "生成日期："
"""How the 复查验收表 says, below its table, the day it was written (a verdict dated before
it is doubted when read back)."""


@dataclass(frozen=True)
class Label:
    field: str
    text: str
    synonyms: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return tuple(normalize_key(t) for t in (self.text, *self.synonyms))


HEADER_LABELS: tuple[Label, ...] = (
    Label("department", "部门（章）", ("部门", "单位", "单位（章）", "填报部门", "填报单位")),
    Label("head", "主要负责人", ("负责人", "部门负责人", "主要领导")),
    Label("form_date", "日期", ("填报日期", "报送日期", "填表日期")),
)
FOOTER_LABELS: tuple[Label, ...] = (
    Label("reporter", "上报人", ("填报人", "报送人", "填表人")),
    Label("phone", "联系方式", ("联系电话", "电话")),
)

_BLANK_BELOW = re.compile(
    r"^(?:本页|此页)?(?:以下|下面|此栏|此处|本栏|本表|下)(?:为|均为)?"
    r"(?:空白|空|无内容|无正文|无数据|无记录|无)(?:完|止)?$"
)
_PUNCTUATION = re.compile(r"[\s\W_—－]+")


def says_blank_below(text: str) -> bool:
    """`text` is how a paper form is closed: 以下空白, 此栏空白, ——以下无内容—— …"""
    return len(text) <= 20 and bool(_BLANK_BELOW.match(_PUNCTUATION.sub("", text)))


@dataclass
class LabelValue:
    """A header or footer label found in a sheet, and the value typed for it."""

    text: str
    value: object
    label_ref: str
    value_ref: str


@dataclass(frozen=True)
class HeaderMatch:
    """Where a form's header row is in a sheet (0-based) and which column holds each field."""

    row: int
    columns: dict[str, int]
    extra: dict[int, str]
    """Columns with a header we do not know: kept in 备注 by the reader."""
    texts: tuple[object, ...] = ()
    """The header's cells (of a header of two rows, the lower row's, else the upper's)."""
    numbers_headed_bianhao: bool = False
    """Its 问题编号 column is headed 编号 (`_numbers_headed_bianhao`)."""


HEADER_SEARCH_ROWS = 60
MIN_HEADER_FIELDS = 5


def find_header(rows: list[list[object]], start: int = 0) -> HeaderMatch | None:
    """The first row from `start` (within HEADER_SEARCH_ROWS) that names 存在隐患问题 and
    at least MIN_HEADER_FIELDS form columns; None if there is no 附件2 table there.

    A column whose header repeats one already found (a second 备注) is kept as an extra
    column, like a column with a header the form does not know. Without a 问题编号 column,
    a column headed 编号 holding problem numbers is that column."""
    match = locate_header(rows, _COLUMN_BY_KEY, frozenset({"hazard"}), MIN_HEADER_FIELDS, start)
    if match is None:
        return None
    if not _RETURN_ONLY & match.columns.keys():  # 问题描述 or 责任部门, and no 整改完成情况
        hazard = match.texts[match.columns["hazard"]]  # or 销号时间: a list's
        if _header_key(normalize_key(str(hazard)), _COLUMN_BY_KEY) in _LIST_STYLE_KEYS or any(
            _bare_key(t) in _LIST_ONLY_KEYS for t in match.extra.values()
        ):
            return None
    if "number" in match.columns:
        return match
    return _numbers_headed_bianhao(rows, match)


_BIANHAO = normalize_key("编号")
_LIKE_A_NUMBER = re.compile(r"[A-Za-z\u4e00-\u9fff]")
"""A problem's 编号 (XJ-2023-07, 省督-3), not a 序号 (1, 2, 3)."""


def _numbers_headed_bianhao(rows: list[list[object]], match: HeaderMatch) -> HeaderMatch:
    """`match`, its column headed 编号 (a 序号 in the form's words) made the 问题编号 when most
    of what it holds are problem numbers: a department's own table numbering its answers
    XJ-2023-07 had them in 备注, the problems unanswered (clerk trial 92)."""
    header = match.texts
    headed = [
        c
        for c in (*match.extra, *([match.columns["seq"]] if "seq" in match.columns else []))
        if c < len(header) and isinstance(header[c], str) and normalize_key(header[c]) == _BIANHAO
    ]
    below = rows[match.row + 1 : match.row + 1 + HEADER_SEARCH_ROWS]
    for c in headed:
        values = [str(r[c]).strip() for r in below if c < len(r) and str(r[c] or "").strip()]
        if values and 2 * sum(bool(_LIKE_A_NUMBER.search(v)) for v in values) > len(values):
            columns = {f: col for f, col in match.columns.items() if col != c} | {"number": c}
            extra = {col: t for col, t in match.extra.items() if col != c}
            ordered = dict(sorted(columns.items(), key=lambda i: i[1]))
            return HeaderMatch(match.row, ordered, extra, match.texts, numbers_headed_bianhao=True)
    return match


def column_keys(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Every normalised header text → its column (the first named wins)."""
    return {key: c for c in reversed(columns) for key in c.keys()}


_ANNOTATION = re.compile(r"\([^()]*\)|[*※]")
"""A header's words in brackets (NFKC makes （） ASCII) and its required-field marks."""
_JOINED = re.compile(r"及|和|与|/|、")
"""What joins a header's first words to more (责任人及电话, 存在问题和隐患, 部位/场所)."""


def _bare_key(text: str) -> str:
    return _ANNOTATION.sub("", normalize_key(text))


def _header_key(key: str, by_key: dict[str, Column]) -> str | None:
    """The key of `by_key` a header (its normalised text) names: itself, else said more
    plainly beside it (整改时限（日期）, 部位（具体位置）, 责任人及电话: its deadlines became the
    default's, its 部位 went to 备注, its 存在隐患问题 made the return a list: clerk trials
    94, 95) without its annotation, or by its words before 及, 和 or /."""
    if key in by_key:
        return key
    bare = _ANNOTATION.sub("", key)
    return next((k for k in (bare, _JOINED.split(bare, maxsplit=1)[0]) if k and k in by_key), None)


_LIST_STYLE_KEYS = frozenset(normalize_key(t) for t in LIST_STYLE_HAZARD)
_LIST_ONLY_KEYS = frozenset({"责任部门", "责任单位", "整改责任部门", "整改责任单位"})


def locate_header(
    rows: list[list[object]],
    by_key: dict[str, Column],
    required: frozenset[str],
    min_fields: int,
    start: int = 0,
) -> HeaderMatch | None:
    """The first row from `start` (within HEADER_SEARCH_ROWS) naming every `required` field
    and at least `min_fields` of the columns in `by_key` (normalised header → column). Of
    two headers naming one field, the plainer is its column (`Column.rank`; the first of
    two alike): a list's 序号 was taken for its 问题编号 (clerk trial 85).

    A header of two rows (整改情况 merged over 整改措施, 整改时限 and 责任人 in the row below;
    序号 merged down over both) is read as one, the match on its lower row, when that
    names more columns than either row alone: the columns under a heading were missing
    (clerk trial 95)."""
    end = min(len(rows), start + HEADER_SEARCH_ROWS)
    nothing: tuple[dict[str, int], dict[int, str]] = ({}, {})
    next_fields = _header_fields(rows[start], by_key) if start < end else nothing
    for row_index in range(start, end):
        row = rows[row_index]
        columns, extra = next_fields
        has_next = row_index + 1 < len(rows)
        next_fields = _header_fields(rows[row_index + 1], by_key) if has_next else nothing
        if len(columns) >= 2 and next_fields[0]:  # a heading over columns named beneath it?
            # (the merged headers' text in the cells they cover too, when the reader fills
            # them: the lower row is then the whole header)
            joined = [
                lower if isinstance(lower, str) and lower.strip() else upper
                for upper, lower in zip_longest(row, rows[row_index + 1])
            ]
            both, both_extra = _header_fields(joined, by_key)
            if len(both) > len(columns) and required <= both.keys() and len(both) >= min_fields:
                return HeaderMatch(row_index + 1, both, both_extra, tuple(joined))
        if required <= columns.keys() and len(columns) >= min_fields:
            return HeaderMatch(row_index, columns, extra, tuple(row))
    return None


def _header_fields(
    row: Sequence[object], by_key: dict[str, Column]
) -> tuple[dict[str, int], dict[int, str]]:
    """The columns `row` names as a header (field → column, in the row's order), and those
    it names otherwise (column → its text)."""
    best: dict[str, tuple[int, int]] = {}  # field → (rank, column)
    extra: dict[int, str] = {}
    for col_index, value in enumerate(row):
        if not isinstance(value, str) or not value.strip():
            continue
        key = normalize_key(value)
        named = _header_key(key, by_key)
        if named is None:
            extra[col_index] = value.strip()
            continue
        column = by_key[named]
        rank = column.rank(key) if named == key else len(column.synonyms) + 1 + column.rank(named)
        held = best.get(column.field)
        if held is not None and held[0] <= rank:
            extra[col_index] = value.strip()
            continue
        if held is not None:
            extra[held[1]] = str(row[held[1]]).strip()
        best[column.field] = (rank, col_index)
    columns = {field: col for field, (_, col) in sorted(best.items(), key=lambda b: b[1][1])}
    return columns, dict(sorted(extra.items()))


_LONGEST_LABEL_CELL = 60
"""A label cell holds a label and perhaps a name or date typed after it; longer text is data."""


@functools.cache
def _label_keys(label: Label) -> tuple[str, ...]:
    return label.keys()


def match_label(text: str, labels: tuple[Label, ...]) -> tuple[Label, str] | None:
    """If `text` starts with one of `labels` followed by a colon (or is the label alone),
    return the label and whatever was typed after it in the same cell."""
    if len(text) > _LONGEST_LABEL_CELL:
        return None
    key = normalize_key(text)
    for label in labels:
        for label_key in _label_keys(label):
            if key == label_key or key == label_key + ":":
                return label, ""
            if key.startswith(label_key + ":"):
                rest = text.split("：", 1)[-1] if "：" in text else text.split(":", 1)[-1]
                return label, rest.strip().strip("_").strip()
    return None
