"""How many hazards one 存在隐患问题 lists.

A department pastes several hazards into one row (灭火器过期，应急灯不亮; 1.…2.…3.…); each
should be a row of its own, with its own 整改措施, 责任人 and 销号. Counted: the items of a
numbered list, but those saying nothing was found (1.灭火器过期⏎2.无 is one); else parts
on lines of their own or three apart by ； (`text.listed_items`); else the statements of a
fault apart by punctuation, a space or 和/及 — a thing and what is wrong with it (灭火器过期,
无应急灯, 私拉乱接电线) — not what it leads to (堵塞消防通道, 有坠落风险, 停电时无法照明), what
was done (已报修), a cause before its effect said of no new thing, nor an attribute (电线老化、
裸露).
"""

from __future__ import annotations

import re

from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.forms.progress import simplified
from huitoukan.text import NOT_A_HAZARD, listed_items, numbered_parts

_PARTS = re.compile(r"[，,；;。、：:\s]+|和|以及|及(?!时|格)|另外|同时|并且")
_FAULT = re.compile(
    "未|没有?|无(?!线|人机)|不(?!锈)|缺|坏|损|过期|失效|故障|堵|占用|堆放|堆积|老化|破|裂|漏|渗|积水"
    "|松动|脱落|锈|超|违规|违章|乱|私拉|私接|私用|私藏|杂乱|湿滑|倾斜|遮挡|闲置|模糊|充电|吸烟|脱岗"
    "|待机|通电|常开|锁闭|枯枝|老鼠|油污|拥堵|大功率|违规电器|热得快|电热毯|闪烁|杂草|丛生|串联|串接|杂物"
    "|裸露"
)
"""What is wrong with a thing (its subject before it: 灭火器过期)."""
_ABSENT = re.compile("(?:无|未|没有|缺少|缺乏)(?!法)..|(?:私拉|私接|乱拉|乱接|违规)..")
"""A statement of its own with no subject before its fault: a thing absent (无灭火器,
未配备应急灯), a wrong-doing (私拉乱接电线)."""
_ASIDE = re.compile(
    "^(?:[^，]{0,6}?(?:时|天|季|间))?(?:有|存在|易|容易|可能|会)[^，]{0,8}风险|可能|容易|导致|造成|影响"
    "|整改|已|建议|请|时(?:无法|不能)|等(?:杂物|物品|电器|大功率电器|违规电器)$"
    "|^(?:雨天|雨季|下雨时?|夜间|晚上|冬季|夏季|平时|停电时?)"
    "|(?:无|没有|未发现)(?:明显|安全|其他|大|重大|较大)?(?:隐患|问题)"
)
"""A part saying what a fault leads to (有坠落风险, 停电时无法照明), when it shows (雨天积水),
what was or is to be done (已报修, 建议更换), the last of things listed (纸箱、拖把等杂物), or
that nothing else was found (其他无隐患)."""


def hazards_in(text: str) -> int:
    """How many hazards a 存在隐患问题 lists: 0 or 1 when one."""
    parts = numbered_parts(text)
    if len(parts) > 1:
        return sum(not says_nothing_found(part) for part in parts)
    if parts:
        return 1
    if listed := listed_items(text):
        return listed
    said = _statements(simplified(text))
    return said if said > 1 else 0


def _statements(text: str) -> int:
    """How many parts of `text` state a fault of a thing of their own."""
    parts = [part for part in _PARTS.split(text) if part]
    if len(parts) < 2:
        return 0
    return sum(
        bool(_ABSENT.match(part) or any(m.start() >= 2 for m in _FAULT.finditer(part)))
        and not (part.startswith(NOT_A_HAZARD) or _ASIDE.search(part))
        and not says_nothing_found(part)
        for part in parts
    )
