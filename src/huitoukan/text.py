"""Normalising text that we match on (headers, labels, department names, hazard keys).

Departments type headers with spaces, line breaks and full-width characters, and
copy text from chat programs that carries zero-width or bidi-control characters.
Matching must see through all of that; the text written to the register keeps
what the department typed.
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from huitoukan.dates import chinese_number

# Zero-width and bidirectional-control characters: invisible, but they break equality.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
    + [0x200E, 0x200F, 0x061C]
)
_SPACE = re.compile(r"\s+")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters an xlsx file cannot hold (XML 1.0 forbids them)."""
_PUNCT_FOR_KEYS = re.compile(r"[\s，,。.、；;：:！!？?（）()【】\[\]“”\"'‘’《》<>·_\-—]+")


def strip_invisible(text: str) -> str:
    """Remove zero-width and bidi-control characters."""
    # none of them is printable: isprintable() (C speed, a tenth of a microsecond) spares
    # ordinary text translate's dictionary lookup per character (four microseconds for a
    # hazard's 30 characters, twice for every hazard's 隐患编号)
    return text if text.isprintable() else text.translate(_INVISIBLE)


@lru_cache(maxsize=1 << 16)
def normalize_key(text: str) -> str:
    """A form of `text` for comparing labels: NFKC, no invisible characters, no whitespace.

    Cached: reading a return asks it of every label-like cell, and the same few hundred
    texts (headers, labels, statuses, department names) recur in every return."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    return _SPACE.sub("", text)


def fingerprint(text: str) -> str:
    """A looser key for recognising the same hazard across versions: punctuation ignored too."""
    text = unicodedata.normalize("NFKC", strip_invisible(text)).lower()
    return _PUNCT_FOR_KEYS.sub("", text)


_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u200b-\u200f\u2060\ufeff\u00ad"
    "\u202a-\u202e\u2066-\u2069\u061c]"
)


def clean_cell_text(text: str) -> str:
    """Trim a value typed into a cell (outer whitespace, invisible and control characters)."""
    # isprintable() (C speed) is true of ordinary text; only text it rejects (line breaks,
    # full-width spaces, format and control characters) needs the expression's search
    if not text.isprintable() and _UNWANTED.search(text):
        text = CONTROL_CHARACTERS.sub("", strip_invisible(text))
    return text.strip()


_CHINESE_NUMBERS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}
_ITEM_MARK = re.compile(
    r"(?=[(（①-⑳⑴-⒇\d一二三四五六七八九十])(?:"
    r"[(（]\s*(?P<paren>\d{1,2}|[一二三四五六七八九十])\s*[)）](?!\s*[、,，]|[班级组号栋层室床]|楼(?!梯|道))"
    r"|(?P<circled>[①-⑳])|(?P<parenthesized>[⑴-⒇])"
    r"|(?:^|(?<=[\s，,。；;：:]))(?:"
    r"(?P<digit>\d{1,2})\s*[.．、)）](?![\d.．])"
    r"|(?P<chinese>[一二三四五六七八九十])\s*(?:、|是|[.．](?!\d)))"
    r"|(?<=[\u4e00-\u9fff])(?P<glued>\d{1,2})[.．、](?=[\u4e00-\u9fff])(?!号)"
    r"|(?<=\n)(?P<line>\d{1,2})\s*[.．、)）])"
)
"""The mark of an item of a list: （1） ① ⑴ anywhere; 1. 1、 1） 一、 一是 一. at the start of
the text or after a space or a punctuation mark (so 3.5米, 1、2号楼 and 楼道一、二层 are not
items); not a class's or a room's number (高一(1)、(2)、(3)班: trial 218 BR9); in a list begun
at the text's start, 2、 right after the item before it (1、足球门未固定2、窨井盖破损: trial 224
BX8), or at the start of a line (⏎2、302教室…)."""


_SEQ = re.compile(
    r"[(（]?\s*(?:(?P<digit>\d{1,4})|(?P<chinese>[一二三四五六七八九]?十[一二三四五六七八九]?"
    r"|[一二三四五六七八九]))"
    r"\s*[)）.．、]?|(?P<circled>[①-⑳])"
)


def seq_number(text: str) -> int | None:
    """The number a 序号 as typed gives (4, 4., 4、, （4）, 一、, 十一、, （二）, ④ → 4 …), None
    when it is no number of its own (blank, 2-1, 甲)."""
    mark = _SEQ.fullmatch(text.strip())
    if mark is None or not (mark["digit"] or mark["chinese"] or mark["circled"]):
        return None
    if mark["circled"]:
        return ord(mark["circled"]) - ord("①") + 1
    if mark["digit"]:
        return int(mark["digit"])
    return chinese_number(mark["chinese"])


def _begins(text: str, mark: re.Match[str]) -> bool:
    """`mark` begins the text, or what follows a heading (共发现3处隐患：1.…)."""
    return mark.start() == 0 or text[mark.start() - 1] in "：:"


def numbered_parts(text: str) -> list[str]:
    """The items `text` numbers in order from the first (1. … 2. …, （1）…（2）…, 一、… 二、…,
    ① … ②), each without its mark; [] when it numbers none, one when only a first."""
    return numbered_split(text)[1]


def numbered_split(text: str) -> tuple[str, list[str]]:
    """What `text` says before its first numbered item, and the items (`numbered_parts`);
    `text` and [] when it numbers none."""
    expected, starts = 1, list[re.Match[str]]()
    for mark in _ITEM_MARK.finditer(text):
        if (mark["glued"] or mark["line"]) and not (starts and _begins(text, starts[0])):
            continue
        value = mark["paren"] or mark["digit"] or mark["chinese"] or mark["glued"] or mark["line"]
        if mark["circled"]:
            number = ord(mark["circled"]) - ord("①") + 1
        elif mark["parenthesized"]:
            number = ord(mark["parenthesized"]) - ord("⑴") + 1
        else:
            number = int(value) if value.isdigit() else _CHINESE_NUMBERS[value]
        if number == expected:
            expected += 1
            starts.append(mark)
    ends = [m.start() for m in starts[1:]] + [len(text)]
    parts = [text[m.end() : end].strip() for m, end in zip(starts, ends, strict=False)]
    return (text[: starts[0].start()] if starts else text), parts


NOT_A_HAZARD = (
    *("已", "正在", "拟", "计划", "临时", "暂", "待", "现已", "目前", "注", "备注"),
    *("影响", "存在", "无法", "不能", "导致", "造成", "容易", "可能", "一旦"),
    *("原因", "措施", "整改措施", "处理"),
)
"""How a part of a 存在隐患问题 begins that says what was done about the hazard, or what
it leads to, not another hazard (“隔离桩缺失；已设临时围挡”, “通道堵塞；影响疏散”, “…锁闭；
夜间值班人员无钥匙；无法及时开启”: clerk trial 178 AE7)."""


def listed_parts(text: str) -> list[str]:
    """The hazards `text` lists unnumbered: three or more parts apart by ；, or two or
    more on lines of their own, each of at least four characters that none of
    `NOT_A_HAZARD` begins (“通风橱故障；洗眼器无水；危废桶未加盖” was one hazard, without a
    word: clerk trial 177 AD4); none otherwise. Two parts apart by ； are often a hazard and its
    consequence or remedy, and are not counted; nor lines of which one but the last says
    nothing wrong or goes on after a comma (a hazard wrapped with Alt+Enter)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    parts = (
        lines
        if len(lines) > 1
        else [part.strip() for part in re.split(r"[；;]", text) if part.strip()]
    )
    enough = 2 if len(lines) > 1 else 3
    if len(parts) < enough or any(len(part) < 4 or part.startswith(NOT_A_HAZARD) for part in parts):
        return []
    if len(lines) > 1 and (
        any(line.endswith(_GOES_ON) or not _SAYS_WHAT_IS_WRONG.search(line) for line in lines[:-1])
        or any(line.startswith(("（", "(")) for line in lines[1:])
    ):
        return []  # one hazard wrapped (展柜灯具⏎发热严重: trial 213 BM2)
    return parts


_GOES_ON = ("，", ",", "、", "的")
_SAYS_WHAT_IS_WRONG = re.compile(
    "未|没|无|不|缺|坏|损|过期|失效|故障|堵|占|堆|老化|破|裂|漏|渗|松|脱|锈|超|违|乱|私|"
    "串接|充电|积水|杂物|隐患|问题|风险|错|少|低于|高于|过|差|失|断|歪|倾斜|丢|遮挡|闲置|模糊"
    "|焦|烧|翘|碎|睡"
)
"""Words saying what is wrong: a line without one names a thing, its hazard on the next
line (一行写不下而换行的同一项隐患)."""


_FIGURE_SPACED = re.compile(
    r"(?:(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])|^) ?"
    r"((?:\d{4}年)?\d{1,2}月\d{1,2}日|\d+(?:[.,]\d+)*%?)"
    r" ?(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]|$)"
)


def printed_figures(text: str) -> str:
    """`text` with no space between a figure and the Chinese around it, as a 公文 writes
    them (应报送部门8个, 未销号5项): LibreOffice breaks a printed line at such a space, which
    left a line starting “，其中逾期” or “5” at a line's end and “项” on the next (clerk
    trial 237 CK12); nor beside a date written in Chinese (截止2026年12月4日逾期). A figure
    inside a code or a date written with hyphens keeps its spaces (XJ-2026-02 消防…)."""
    return _FIGURE_SPACED.sub(r"\1", text)


def percent(value: float | None) -> str:
    """A share as a percentage to one decimal, halves rounded up as a spreadsheet's 0.0%
    shows it (9 of 16 closed read 56.2% on the screen and in the report's text, 56.3% in
    the 汇总 sheet and the report's table: clerk trial 129); — for none."""
    if value is None:
        return "—"
    shown = (Decimal(repr(value)) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{shown}%"
