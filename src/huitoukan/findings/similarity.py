"""Does an inspection finding repeat a hazard that the school's self-check register already has?

After a provincial, city or county inspection the clerk must say, for every finding
(部位 + 问题描述), whether the self-check register (部位 + 存在隐患问题) already held the
same hazard. This module scores a finding against register rows from 0 to 100:

* ``score >= MATCH``               -> 自查已发现 (the same hazard)
* ``CANDIDATE <= score < MATCH``   -> 待确认 (the clerk decides; never counted either way)
* ``score < CANDIDATE``            -> 自查未发现 (no candidate)

How a score is made (see NOTES.md for the measurements behind each choice):

1. `normalize` brings both sides to one spelling: NFKC, lower case, no punctuation or
   invisible characters, Chinese numerals in place names and counts as Arabic digits
   (三号楼 -> 3号楼 -> 3栋, 二楼 -> 2层), building words to one form (3号楼 / 3栋 / 3幢 /
   3座 / 3#楼 -> 3栋), and a small table of synonyms (灭火器超期/失效 -> 过期, 安全出口指示灯
   -> 疏散指示, 破损/坏了/不亮 -> 损坏 ...).
2. Location and description are compared separately, each by the mean of the Dice and
   the overlap coefficients of their characters + character bigrams (order tolerant, no
   word segmentation). A location also counts as alike when each side's location is found
   in the other's whole text (RapidFuzz ``partial_ratio``): clerks write 2楼卫生间 into
   either field. The base score is sqrt(location x description): both must be alike.
3. Facts that a fuzzy score cannot see lower the score: different building, floor, room
   or class numbers (3号楼 vs 5号楼), opposite sides or groups (东侧 vs 西侧, 男 vs 女,
   初中 vs 高中), different hazard objects (灭火器 vs 灭火毯) or different defects of
   the same object (过期 vs 压力不足). A plain contradiction pushes the score under
   CANDIDATE; a partial one (2、3楼 vs 3楼) or a missing location keeps it under MATCH, so
   the clerk sees it.

`best_matches` finds the best register rows for a finding; `decide` turns them into the
conclusion, and sends the finding to the clerk when two different register hazards both
reach MATCH (a vague finding: 3号楼 灭火器过期 against 3号楼2楼 and 3号楼4楼). For large
registers both first keep the rows sharing the most characters and bigrams with the
finding (an inverted index), then score those in full; build a `Register`
once to search it many times.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from rapidfuzz import fuzz

from huitoukan.text import strip_invisible

MATCH: Final = 80.0
"""Scores at or above this: the same hazard (自查已发现)."""
CANDIDATE: Final = 60.0
"""Scores at or above this but under MATCH: the clerk decides (待确认)."""

FOUND: Final = "自查已发现"
TO_CONFIRM: Final = "待确认"
NOT_FOUND: Final = "自查未发现"
Conclusion = Literal["自查已发现", "待确认", "自查未发现"]

# A contradiction (3号楼 vs 5号楼) keeps this share of the score (for ordering) and is put
# under CANDIDATE; a doubt (2、3楼 vs 3楼; a blank field; 洗衣房 vs 开水房) is put under MATCH.
_CONTRADICTION_FACTOR: Final = 0.6
_BELOW: Final = 0.5
# Each side has at least this many characters (or whole numbers) the other lacks: words
# were substituted (洗衣房 / 开水房, 走廊 / 305室).
_SUBSTITUTED: Final = 2

# ---------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------

# canonical form <- variants. Applied once, longest variant first, before numerals.
# Keep it small: every entry must be a paraphrase a clerk would accept without thinking.
SYNONYMS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    # places
    ("食堂", ("餐厅", "饭堂")),
    ("厨房", ("后厨", "操作间", "操作室")),
    ("宿舍", ("寝室", "公寓")),
    ("配电室", ("配电房", "配电间", "变配电室")),
    ("锅炉房", ("锅炉间", "锅炉室")),
    ("卫生间", ("厕所", "洗手间")),
    ("男卫生间", ("男厕所", "男厕")),
    ("女卫生间", ("女厕所", "女厕")),
    ("门卫室", ("传达室", "门岗", "保安室", "警卫室")),
    ("校门", ("学校大门", "校园大门")),
    ("东门", ("东校门", "东大门")),
    ("西门", ("西校门", "西大门")),
    ("南门", ("南校门", "南大门")),
    ("北门", ("北校门", "北大门")),
    ("围墙", ("院墙",)),
    ("走廊", ("楼道", "过道", "走道")),
    ("疏散通道", ("安全通道", "逃生通道", "疏散走道")),
    # things
    (
        "疏散指示",
        (
            "安全出口指示灯",
            "安全出口指示标志",
            "安全出口指示牌",
            "安全出口标志灯",
            "安全出口标志",
            "安全出口灯",
            "疏散指示标志灯",
            "疏散指示标志",
            "疏散指示灯",
            "疏散指示牌",
            "疏散标志",
            "出口指示灯",
        ),
    ),
    ("应急照明", ("应急照明灯具", "应急照明灯", "应急灯具", "应急灯")),
    ("消火栓", ("消防栓",)),
    (
        "监控",
        (
            "视频监控探头",
            "视频监控摄像头",
            "监控摄像头",
            "监控摄像机",
            "监控探头",
            "视频监控",
            "摄像头",
            "摄像机",
        ),
    ),
    (
        "一键报警",
        (
            "一键式紧急报警按钮",
            "一键式紧急报警装置",
            "一键式紧急报警",
            "一键式报警装置",
            "一键式报警",
            "一键报警装置",
            "一键报警按钮",
            "紧急报警按钮",
            "紧急报警装置",
        ),
    ),
    (
        "防冲撞",
        (
            "防冲撞隔离桩",
            "防冲撞隔离墩",
            "防冲撞设施",
            "防冲撞装置",
            "防冲撞设备",
            "防冲撞桩",
            "防撞设施",
            "防撞装置",
            "防撞桩",
            "防撞柱",
            "防撞墩",
            "隔离桩",
            "隔离墩",
            "阻车桩",
            "阻车装置",
            "升降柱",
        ),
    ),
    ("护栏", ("防坠护栏", "防护栏杆", "防护栏", "栏杆")),
    ("井盖", ("窨井盖", "下水道井盖", "检查井盖")),
    (
        "一氧化碳报警器",
        (
            "一氧化碳报警装置",
            "一氧化碳探测器",
            "一氧化碳检测报警器",
            "一氧化碳浓度报警器",
            "co报警装置",
            "co探测器",
            "co报警器",
        ),
    ),
    (
        "燃气报警器",
        (
            "可燃气体泄漏报警装置",
            "可燃气体泄漏报警器",
            "可燃气体报警装置",
            "可燃气体报警器",
            "可燃气体探测器",
            "燃气泄漏报警装置",
            "燃气泄漏报警器",
            "燃气报警装置",
            "燃气探测器",
        ),
    ),
    ("燃气管道", ("燃气管线", "煤气管道", "天然气管道")),
    ("液化气瓶", ("液化气钢瓶", "液化石油气瓶", "液化气罐", "煤气罐")),
    ("危化品", ("危险化学品", "危化药品", "危险化学试剂", "危化试剂")),
    ("违规电器", ("大功率用电器", "大功率电器", "违章电器", "违规用电器", "违禁电器")),
    ("插线板", ("拖线板", "接线板", "插排", "排插")),
    ("体育器材", ("运动器材", "体育器械", "健身器材")),
    # defects
    (
        "过期",
        (
            "超过有效期限",
            "超过有效期",
            "超出有效期",
            "超有效期",
            "过有效期",
            "超期",
            "失效",
            "逾期",
        ),
    ),
    (
        "压力不足",
        (
            "压力表指针在红区",
            "压力表指针处于红区",
            "压力表指针指向红区",
            "指针在红区",
            "指针处于红区",
            "指针指向红区",
            "压力不够",
            "压力偏低",
            "压力过低",
            "欠压",
            "失压",
        ),
    ),
    (
        "损坏",
        (
            "不能正常使用",
            "无法正常使用",
            "不能正常工作",
            "无法正常工作",
            "不能使用",
            "无法使用",
            "不工作",
            "损毁",
            "毁坏",
            "破损",
            "坏了",
            "坏损",
            "破裂",
            "失灵",
            "故障",
            "不亮",
        ),
    ),
    (
        "缺失",
        (
            "未按要求配备",
            "未按规定配备",
            "没有安装",
            "没有配备",
            "没有设置",
            "配备不足",
            "配备不全",
            "数量不足",
            "未配备",
            "未配置",
            "未配齐",
            "不齐全",
            "不全",
            "不齐",
            "未设置",
            "未安装",
            "缺少",
            "丢失",
            "遗失",
        ),
    ),
    ("护栏高度不足", ("护栏高度不够", "护栏偏低", "护栏过低")),
    ("堵塞", ("堵占", "占堵", "阻塞", "占用", "堵住", "不畅通")),
    (
        "堆放杂物",
        (
            "杂物堆放",
            "堆满杂物",
            "堆积杂物",
            "乱堆杂物",
            "堆放物品",
            "堆有杂物",
            "存放杂物",
            "放置杂物",
        ),
    ),
    ("锁闭", ("上锁", "锁死", "锁住", "加锁")),
    (
        "私拉乱接",
        (
            "电线私拉乱接",
            "私拉乱接电线",
            "电线乱拉乱接",
            "乱拉乱接电线",
            "乱拉乱接",
            "私拉乱扯",
            "乱拉乱扯",
            "私拉电线",
            "乱拉电线",
            "私接电线",
            "乱接电线",
            "私搭乱接",
            "飞线",
        ),
    ),
    ("老化", ("老旧", "陈旧")),
    ("松动", ("固定不牢", "不牢固", "不稳固", "松脱", "晃动", "摇晃")),
    ("锈蚀", ("锈迹斑斑", "生锈", "锈烂")),
    ("裸露", ("外露", "裸漏")),
    (
        "未检测",
        ("未按期检测", "未定期检测", "未按时检测", "未按期检验", "未定期检验", "未年检", "未检验"),
    ),
    ("使用", ("违规使用", "违章使用", "私自使用", "擅自使用")),
    ("串接", ("串联",)),
    ("遮挡", ("遮蔽", "挡住")),
    ("未", ("没有", "尚未")),
)

# Hazard objects and defects among the canonical words above (plus a few that need no
# synonym). When both sides name objects but none in common, or defects but none in common,
# they describe different hazards even if the text looks alike (灭火器过期 / 灭火毯过期).
OBJECTS: Final = frozenset(
    {
        "灭火器",
        "灭火毯",
        "消火栓",
        "水带",
        "疏散指示",
        "应急照明",
        "应急广播",
        "照明灯",
        "监控",
        "一键报警",
        "防冲撞",
        "护栏",
        "扶手",
        "井盖",
        "一氧化碳报警器",
        "燃气报警器",
        "燃气管道",
        "液化气瓶",
        "危化品",
        "违规电器",
        "电热毯",
        "热得快",
        "插线板",
        "插座",
        "配电箱",
        "电线",
        "体育器材",
        "篮球架",
        "单杠",
        "安全出口",
        "疏散通道",
        "限位器",
        "洗眼器",
        "通风橱",
        "绝缘垫",
        "安全阀",
        "排烟罩",
        "电动车",
        "防暴器材",
        "避雷",
        "吊扇",
    }
)
DEFECTS: Final = frozenset(
    {
        "过期",
        "压力不足",
        "损坏",
        "缺失",
        "堵塞",
        "堆放杂物",
        "锁闭",
        "私拉乱接",
        "老化",
        "松动",
        "锈蚀",
        "裸露",
        "未检测",
        "遮挡",
        "高度不足",
        "宽度不足",
        "串接",
        "开裂",
        "坍塌",
        "倾斜",
        "漏电",
        "漏气",
        "联网",
        "联动",
        "盲区",
        "无证",
        "通风不良",
        "充电",
        "未固定",
        "油污",
        "台账",
        "双人双锁",
        "存储",
    }
)
# Defects that may name the same hazard (杂物 in a passage is what blocks it).
_COMPATIBLE_DEFECTS: Final = (frozenset({"堵塞", "堆放杂物", "遮挡"}),)


def _variant_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for canonical, variants in SYNONYMS:
        for variant in variants:
            if variant in table:
                raise ValueError(f"synonym {variant!r} listed twice")
            table[variant] = canonical
    ordered = sorted(table, key=lambda v: (-len(v), v))
    return re.compile("|".join(map(re.escape, ordered))), table


_VARIANTS, _VARIANT_TABLE = _variant_pattern()

_CN_DIGIT: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT: Final = {"十": 10, "百": 100, "千": 1000}
# Words that make a Chinese numeral in front of them a number (楼层、楼栋、房间、数量).
_NUMBER_FOLLOWERS: Final = (
    "号|栋|幢|座|楼|层|室|班|单元|年级|个|处|只|台|具|盏|块|根|名|间|扇|道|组|排|#|f(?![a-z])"
)
_CN_NUMERAL: Final = re.compile(
    r"(第|初|高)?([零〇一二两三四五六七八九十百千]+)(?=(" + _NUMBER_FOLLOWERS + r"))?"
)


def _cn_to_int(run: str) -> str:
    """三 -> 3, 十二 -> 12, 二十三 -> 23, 三百零二 -> 302; 三零二 -> 302 (read digit by digit)."""
    if not any(ch in _CN_UNIT for ch in run):
        digits = [str(_CN_DIGIT[ch]) for ch in run]
        if len(digits) == 2 and "0" not in digits:
            return "、".join(digits)  # 一二楼: the first and second floors
        return "".join(digits)
    total = current = 0
    for ch in run:
        if ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        else:
            current = _CN_DIGIT[ch]
    return str(total + current)


def _numeral(match: re.Match[str]) -> str:
    prefix, run, follower = match.group(1), match.group(2), match.group(3)
    unconditional = len(run) >= 3 or "零" in run or "〇" in run
    if not (prefix or follower is not None or unconditional):
        return match.group(0)
    number = _cn_to_int(run)
    if prefix == "第":
        return number if follower is not None else number + "号"
    return (prefix or "") + number


_ID: Final = r"(\d+|(?<![a-z])[a-z](?![a-z]))"
_TYPE: Final = (
    r"(?:学生宿舍|男生宿舍|女生宿舍|教师宿舍|宿舍|教学|实验|行政|综合|办公|科技|艺术|图书|学生)"
)
_BUILDING_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"第(\d+)(?=号|栋|幢|座|楼|层|室|班|单元|年级)"), r"\1"),
    (re.compile(r"第(\d+)"), r"\1号"),
    (re.compile(_ID + r"#"), r"\1号"),
    # 教学楼1栋, 科技楼b座, 学生宿舍2栋 -> 1栋教学楼 ...
    (re.compile(r"(" + _TYPE + r"楼?)" + _ID + r"(?:号楼(?!梯)|栋|幢|座)"), r"\2栋\1"),
    (re.compile(_ID + r"号?(?:栋|幢|座)"), r"\1栋"),
    (re.compile(_ID + r"号楼(?!梯)"), r"\1栋"),
    (re.compile(_ID + r"号?(" + _TYPE + r"楼)"), r"\1栋\2"),
    (re.compile(_ID + r"号(" + _TYPE + r"|食堂)"), r"\1栋\2"),
    # what is left of "N楼" is a floor: 2楼 / 二楼 / 2F / 第二层 -> 2层
    (re.compile(r"(\d+)(?:楼层|楼|层|f(?![a-z]))"), r"\1层"),
)

_BETWEEN_DIGITS: Final = re.compile(r"(?<=\d)[^\w.]+(?=\d)")
_NOT_WORD: Final = re.compile(r"[^\w.]+|_")
_STRAY_POINT: Final = re.compile(r"(?<!\d)\.|\.(?!\d)")
_FILLERS: Final = re.compile(
    "存在安全隐患|安全隐患|存在|发现|个别|部分|现场|隐患|问题|情况|现象|的|了|被|已|等|均"
)


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """One spelling for comparing hazard texts (never shown to anyone).

    >>> normalize("三号楼 二楼走廊：灭火器超期！")
    '3栋2层走廊灭火器过期'
    """
    text = unicodedata.normalize("NFKC", strip_invisible(text)).lower()
    text = _VARIANTS.sub(lambda m: _VARIANT_TABLE[m.group(0)], text)
    text = _CN_NUMERAL.sub(_numeral, text)
    for pattern, replacement in _BUILDING_RULES:
        text = pattern.sub(replacement, text)
    text = _BETWEEN_DIGITS.sub("_", text)  # 高2(3)班 -> 高2_3班, 312、315 -> 312_315
    text = _NOT_WORD.sub(lambda m: "_" if m.group(0) == "_" else "", text)
    text = _STRAY_POINT.sub("", text)
    return _FILLERS.sub("", text)


# ---------------------------------------------------------------------------------------
# Facts that decide against a match
# ---------------------------------------------------------------------------------------

# Numbers followed by these are counts, sizes or dates, not places.
_COUNT_WORDS: Final = frozenset("个处只台具盏块根名人次年月日天米元件套把张条项小分秒kmgl%")
_NUMBER_CHAIN: Final = re.compile(r"(?<![\d.])(\d+(?:_\d+)*)(?![\d.])")
_LETTER_ID: Final = re.compile(r"(?<![a-z])([a-z])(栋|区)")  # A栋 / B区
# Mutually exclusive words about where: a hazard 东侧 is not the one 西侧.
# (name, pattern, split the hit into characters: 东北角 -> {东, 北})
_EXCLUSIVE: Final[tuple[tuple[str, re.Pattern[str], bool], ...]] = (
    ("方位", re.compile(r"([东西南北]{1,2})(?=[侧面边头门端区部角楼院墙梯围])"), True),
    ("男女", re.compile(r"([男女])(?=[生卫更浴宿教])"), True),
    ("学段", re.compile(r"(小学|初中|高中|幼儿园)"), False),
    ("学科", re.compile(r"(化学|物理|生物|科学)(?=实验)"), False),
    ("前后门", re.compile(r"([前后])(?=门)"), True),
)
_NOT_CONTENT: Final = frozenset("0123456789_.")
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")


def _place_numbers(text: str) -> dict[str, frozenset[str]]:
    """Numbers that name a place, by kind: 3栋 -> 栋:{3}, 2层 -> 层:{2}, 302 -> 室:{302}.

    Counts and sizes (2具, 1.1米, 30天) are left out; so are 1- and 2-digit numbers that
    no word says what they number.
    """
    found: dict[str, set[str]] = {}
    for match in _NUMBER_CHAIN.finditer(text):
        numbers = match.group(1).split("_")
        after = text[match.end() : match.end() + 2]
        before = text[match.start() - 1 : match.start()]
        if after[:1] in _COUNT_WORDS and after != "年级":
            continue
        if before in ("初", "高"):  # 初2 / 高2_3班: the first number is the grade
            found.setdefault("年级", set()).add(numbers.pop(0))
        if after == "年级":
            kind = "年级"
        elif after[:1] in ("栋", "层", "班", "号", "单"):
            kind = after[:1]
        else:
            kind = ""
        for number in numbers:
            found.setdefault("室" if kind == "" and len(number) >= 3 else kind, set()).add(number)
    found.pop("", None)
    for letter, kind in _LETTER_ID.findall(text):
        found.setdefault(kind, set()).add(letter)
    return {kind: frozenset(values) for kind, values in found.items()}


def _exclusive(text: str) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for name, pattern, by_character in _EXCLUSIVE:
        hits = pattern.findall(text)
        values = frozenset("".join(hits)) if by_character else frozenset(hits)
        if values:
            found[name] = values
    return found


def _words(text: str, vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(word for word in vocabulary if word in text)


def _grams(text: str) -> frozenset[str]:
    """Characters and character bigrams: order-tolerant features without word segmentation."""
    return frozenset(text) | frozenset(text[i : i + 2] for i in range(len(text) - 1))


@dataclass(frozen=True, slots=True)
class _Prepared:
    location: str
    text: str
    full: str
    location_grams: frozenset[str]
    text_grams: frozenset[str]
    full_grams: frozenset[str]
    content: frozenset[str]
    numbers: dict[str, frozenset[str]]
    exclusive: dict[str, frozenset[str]]
    objects: frozenset[str]
    defects: frozenset[str]


@lru_cache(maxsize=1 << 16)
def _prepare(location: str, text: str) -> _Prepared:
    loc, desc = normalize(location), normalize(text)
    full = loc + desc
    return _Prepared(
        location=loc,
        text=desc,
        full=full,
        location_grams=_grams(loc),
        text_grams=_grams(desc),
        full_grams=_grams(full),
        content=(frozenset(full) - _NOT_CONTENT) | frozenset(_NUMBER.findall(full)),
        numbers=_place_numbers(loc + "_" + desc),
        exclusive=_exclusive(full),
        objects=_words(desc, OBJECTS),
        defects=_words(desc, DEFECTS),
    )


# ---------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------


def _similar(x: str, y: str, x_grams: frozenset[str], y_grams: frozenset[str]) -> float:
    """0..100: mean of the Dice and the overlap coefficients of characters + bigrams.

    Dice rewards two texts saying the same; overlap rewards one text containing the other
    (the register often adds 已报修、共2处 ...). Both ignore word order.
    """
    if not x or not y:
        return 0.0
    if x == y:
        return 100.0
    shared = len(x_grams & y_grams)
    dice = 2.0 * shared / (len(x_grams) + len(y_grams))
    overlap = shared / min(len(x_grams), len(y_grams))
    return 50.0 * (dice + overlap)


def _location_similarity(a: _Prepared, b: _Prepared) -> float:
    """Locations alike, or each found in the other's whole text (部位 written into 问题描述)."""
    direct = _similar(a.location, b.location, a.location_grams, b.location_grams)
    if not a.location or not b.location:
        return direct
    found = (fuzz.partial_ratio(a.location, b.full) + fuzz.partial_ratio(b.location, a.full)) / 2
    return max(direct, found)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A score with its parts, and why it was lowered (to show the clerk)."""

    score: float
    """The final score, 0..100."""
    base: float
    """The score before the rules: sqrt(location x description)."""
    location: float
    description: float
    contradictions: tuple[str, ...]
    """Facts that say these are different hazards (3号楼 ≠ 5号楼): score < CANDIDATE."""
    doubts: tuple[str, ...]
    """Facts that leave the decision to the clerk (2、3楼 vs 3楼): score < MATCH."""

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.contradictions + self.doubts

    @property
    def conclusion(self) -> Conclusion:
        return conclude(self.score)


def apply_rules(
    base: float,
    contradicted: bool,
    doubtful: bool,
    match: float = MATCH,
    candidate: float = CANDIDATE,
) -> float:
    """The final score from the base score and the facts found (thresholds as parameters
    so that evaluate.py can tune them; everything else uses MATCH and CANDIDATE)."""
    if contradicted:
        return min(base * _CONTRADICTION_FACTOR, candidate - _BELOW)
    if doubtful:
        return min(base, match - _BELOW)
    return base


def _shown(values: frozenset[str]) -> str:
    return "/".join(sorted(values))


_KIND_NAMES: Final = {
    "栋": "楼栋",
    "层": "楼层",
    "室": "房间号",
    "班": "班级",
    "号": "编号",
    "年级": "年级",
    "单": "单元",
    "区": "区号",
}


def _compare_facts(
    a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]
) -> tuple[list[str], list[str]]:
    """Kinds both sides state: differing values contradict, partly shared ones leave a doubt."""
    contradictions: list[str] = []
    doubts: list[str] = []
    for kind in sorted(a.keys() & b.keys()):
        if a[kind] != b[kind]:
            name = _KIND_NAMES.get(kind, kind)
            reason = f"{name}不同: {_shown(a[kind])} ≠ {_shown(b[kind])}"
            (doubts if a[kind] & b[kind] else contradictions).append(reason)
    return contradictions, doubts


def _defects_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b) or any(a & group and b & group for group in _COMPATIBLE_DEFECTS)


def _compare(a: _Prepared, b: _Prepared) -> Comparison:
    if not a.full or not b.full:
        return Comparison(0.0, 0.0, 0.0, 0.0, (), ("部位和问题描述都空白",))
    location = _location_similarity(a, b)
    description = _similar(a.text, b.text, a.text_grams, b.text_grams)
    doubts: list[str] = []
    if a.location and b.location and a.text and b.text:
        base = math.sqrt(location * description)
    else:  # something is blank: compare what there is, never conclude without the clerk
        base = _similar(a.full, b.full, a.full_grams, b.full_grams)
        doubts.append("部位或问题描述空白")

    contradictions, more = _compare_facts(a.numbers, b.numbers)
    doubts += more
    found, more = _compare_facts(a.exclusive, b.exclusive)
    contradictions += found
    doubts += more
    if a.objects and b.objects and not a.objects & b.objects:
        contradictions.append(f"隐患对象不同: {_shown(a.objects)} ≠ {_shown(b.objects)}")
    if a.defects and b.defects and not _defects_compatible(a.defects, b.defects):
        contradictions.append(f"问题不同: {_shown(a.defects)} ≠ {_shown(b.defects)}")
    # the same place and the same hazard object, nothing contradicting: never below the
    # clerk's eyes, however else it is worded (“校门口防冲撞设施不全” beside “防冲撞隔离桩
    # 缺失2处” at the same gate was 自查未发现, 追责 named: clerk trial 177 AD1)
    if location >= MATCH and a.objects & b.objects and not contradictions:
        base = max(base, CANDIDATE)
    only_a, only_b = a.content - b.content, b.content - a.content
    if len(only_a) >= _SUBSTITUTED and len(only_b) >= _SUBSTITUTED:
        doubts.append(f"各有对方没有的内容: {_shown(only_a)} / {_shown(only_b)}")

    return Comparison(
        score=round(apply_rules(base, bool(contradictions), bool(doubts)), 2),
        base=round(base, 2),
        location=round(location, 2),
        description=round(description, 2),
        contradictions=tuple(contradictions),
        doubts=tuple(doubts),
    )


def compare(location_a: str, text_a: str, location_b: str, text_b: str) -> Comparison:
    """Score two hazards (部位, 问题描述) and say why the score was lowered."""
    return _compare(_prepare(location_a, text_a), _prepare(location_b, text_b))


def score(location_a: str, text_a: str, location_b: str, text_b: str) -> float:
    """0..100: how surely hazard a (部位, 问题描述) is hazard b. Symmetric and deterministic."""
    return compare(location_a, text_a, location_b, text_b).score


def conclude(value: float) -> Conclusion:
    """The conclusion for a finding whose best register row scored `value`."""
    if value >= MATCH:
        return "自查已发现"
    if value >= CANDIDATE:
        return "待确认"
    return "自查未发现"


# ---------------------------------------------------------------------------------------
# Searching a register
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hazard:
    """One row: 部位 and 问题描述 (finding) or 存在隐患问题 (register)."""

    location: str
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A register row (by its position in the list given) that may be the finding."""

    index: int
    score: float
    comparison: Comparison

    @property
    def conclusion(self) -> Conclusion:
        return conclude(self.score)


@dataclass(frozen=True, slots=True)
class Decision:
    """What to write for a finding, the candidates to show the clerk, and why."""

    conclusion: Conclusion
    candidates: tuple[Candidate, ...]
    reason: str


PREFILTER_SIZE: Final = 400
"""How many rows, sharing the most bigrams with a finding, are scored in full."""


class Register:
    """Register rows prepared once for many `best_matches` calls."""

    def __init__(self, hazards: Iterable[Hazard]) -> None:
        self.hazards: tuple[Hazard, ...] = tuple(hazards)
        self._prepared = [_prepare(h.location, h.text) for h in self.hazards]
        gram_ids: dict[str, int] = {}
        rows: list[list[int]] = []
        for prepared in self._prepared:
            rows.append([gram_ids.setdefault(g, len(gram_ids)) for g in prepared.full_grams])
        self._gram_ids = gram_ids
        postings: list[list[int]] = [[] for _ in gram_ids]
        for row, ids in enumerate(rows):
            for gram in ids:
                postings[gram].append(row)
        self._postings = postings
        self._sizes = [len(ids) for ids in rows]

    def __len__(self) -> int:
        return len(self.hazards)

    def _shortlist(self, finding: _Prepared, size: int) -> list[int]:
        if len(self.hazards) <= size:
            return list(range(len(self.hazards)))
        hits = [
            self._postings[i]
            for g in finding.full_grams
            if (i := self._gram_ids.get(g)) is not None
        ]
        if not hits:
            return []
        shared: Counter[int] = Counter()
        for ids in hits:
            shared.update(ids)  # counted in C
        grams = len(finding.full_grams)
        sizes = self._sizes
        return heapq.nlargest(size, shared, key=lambda i: shared[i] / (sizes[i] + grams))

    def best_matches(
        self,
        finding: Hazard,
        limit: int = 3,
        min_score: float = 0.0,
        shortlist: int = PREFILTER_SIZE,
    ) -> list[Candidate]:
        """The `limit` best-scoring rows (at least `min_score`), best first, ties by row,
        among the `shortlist` rows sharing the most characters and bigrams with it."""
        prepared = _prepare(finding.location, finding.text)
        scored: list[Candidate] = []
        for index in self._shortlist(prepared, shortlist):
            comparison = _compare(prepared, self._prepared[index])
            if comparison.score >= min_score:
                scored.append(Candidate(index, comparison.score, comparison))
        scored.sort(key=lambda c: (-c.score, c.index))
        return scored[:limit]

    def decide(self, finding: Hazard, limit: int = 3) -> Decision:
        """The conclusion for a finding, with the candidates (>= CANDIDATE) behind it.

        自查已发现 needs a row >= MATCH and no other row >= MATCH that is a different
        hazard from it (3号楼 against 3号楼2楼 and 3号楼4楼): then the clerk decides.
        """
        candidates = tuple(self.best_matches(finding, limit=limit, min_score=CANDIDATE))
        if not candidates:
            return Decision(NOT_FOUND, (), "台账中没有相近的隐患")
        top = candidates[0]
        if top.score < MATCH:
            return Decision(TO_CONFIRM, candidates, "台账中只有相近的隐患，请核对")
        rivals = [
            c.index
            for c in candidates[1:]
            if c.score >= MATCH
            and _compare(self._prepared[top.index], self._prepared[c.index]).score < MATCH
        ]
        if rivals:
            rows = "、".join(str(i) for i in [top.index, *rivals])
            return Decision(
                TO_CONFIRM, candidates, f"台账中不止一条不同的隐患相符（{rows}），请核对"
            )
        return Decision(FOUND, candidates, "")


def best_matches(
    finding: Hazard,
    hazards: Sequence[Hazard] | Register,
    limit: int = 3,
    min_score: float = 0.0,
) -> list[Candidate]:
    """The best register rows for a finding. Pass a `Register` when searching many times."""
    register = hazards if isinstance(hazards, Register) else Register(hazards)
    return register.best_matches(finding, limit=limit, min_score=min_score)


def decide(finding: Hazard, hazards: Sequence[Hazard] | Register, limit: int = 3) -> Decision:
    """The conclusion for a finding (see `Register.decide`)."""
    register = hazards if isinstance(hazards, Register) else Register(hazards)
    return register.decide(finding, limit=limit)
