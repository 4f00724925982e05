"""How many hazards one 存在隐患问题 lists.

A department pastes several hazards into one row (灭火器过期，应急灯不亮; 1.…2.…3.…); each
should be a row of its own, with its own 整改措施, 责任人 and 销号. Counted: the items of a
numbered list, but those saying nothing was found (1.灭火器过期⏎2.无 is one); else parts
on lines of their own or three apart by ； (`text.listed_parts`); else the statements of a
fault apart by punctuation, a space or 和/及 — a thing and what is wrong with it (灭火器过期,
无应急灯, 私拉乱接电线) — not what it leads to (堵塞消防通道, 有坠落风险, 停电时无法照明), why
(原因是电池老化), what was done (已报修), nor another fault of the same thing or of a part of
it (电线老化、裸露; 灭火器过期、压力不足; 窗户玻璃破损、窗框松动).
"""

from __future__ import annotations

import re

from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.forms.progress import simplified
from huitoukan.text import NOT_A_HAZARD, listed_parts, numbered_parts

_PARTS = re.compile(r"([，,；;。、：:\s（）()/|★☆]+|和|以及|及(?!时|格)|另外|此外|同时|并且|且|与)")
_FAULT = re.compile(
    "开裂|断裂|破裂|未|没有?|无(?!线|人机)|不(?!锈)|缺|坏|损|过期|失效|故障|堵|占用|堆放|堆积|老化|破|裂|漏|渗|积水"
    "|松动|脱落|锈|超|违规|违章|乱|私拉|私接|私用|私藏|杂乱|湿滑|倾斜|遮挡|闲置|模糊|充电|吸烟|脱岗"
    "|待机|通电|常开|锁闭|枯枝|老鼠|油污|拥堵|大功率|违规电器|热得快|电热毯|闪烁|杂草|丛生|串联|串接|杂物"
    "|裸露|混放|混存|摇晃|起翘|停放|已满|过[窄宽高低大小多]|变形|发热|焦糊|(?<!已)上锁|盲区|死角"
    "|翘起|空鼓|失灵|睡岗|碎了|碎石|烧焦|松了|弱口令|摊贩|网吧|游戏厅|高压线"
)
"""What is wrong with a thing (its subject before it: 灭火器过期)."""
_LACKING = re.compile("(?:无|未|没有|缺少|缺乏)(?!法)..")
"""A thing absent, said with no subject (无灭火器, 未配备应急灯)."""
_UNDONE = re.compile("未(?!配备|设置|安装|设)")
"""…or something not done (未及时更换, 未登记): of the thing before, when there is one."""
_DOING = re.compile(
    "(?:私拉|私接|乱拉|乱接|违规|使用)..|吸烟|(?:过期|损坏|不亮|破损|松动|老化|故障|失效)的?[^，]{1,8}\\d+"
)
"""A wrong-doing (私拉乱接电线, 吸烟), or things at fault counted (过期灭火器3具)."""
_HOW_MANY = re.compile("(?:多处|多个|个别|部分|严重|有|也|还|都|均|又|\\d+[处个盏具块只台间扇])+$")
"""How many of it are at fault, after the thing (绝缘层多处破损)."""
_LEAD = re.compile(
    "^[·•\\-*●○◆■□▪★☆]+|^(?:除了?|也|还|又|并且?|另外?|而且|就是|但是?|只是)?(?:有|存在)?(?=..)"
)
"""What leads a part: a bullet, a word joining it to the one before (还有, 另有, 除了)."""
_PLACE = re.compile("^(?:部分|个别)|^.{1,8}?(?:楼|层|室|侧|馆|堂|舍|区|场|门口|内|厕所|走廊)(?=.)")
"""Where a thing is, before it (一楼灭火器, 宿舍门锁): not the thing."""
_A_PLACE = re.compile("[室间房楼层馆旁台边处区场]$")
"""A place (楼梯间, 配电室): not the thing it is named for (楼梯扶手, 配电箱)."""
_ATTRIBUTE = re.compile(
    "压力|压力表|指针|外壳|表面|高度|接口|(?:内部|箱内).*|画面|铅封|喷管|瓶身|把手|底座|螺丝|焊点|插头|面板|箱门|门板"
    "|保险销|软管|水带|水枪|桌面|标识|标签|日期|有效期|(?:安装|放置|摆放)?位置|被.*|绝缘(?:层|皮)?|外皮"
    "|长期|经常|时常|有时|偶尔|多处|多次|严重|距离.*|离.*|轻微|少量|一段|一处|限位器|纱窗|电池|横杠|闭门器|门框|门体|门"
    "|密封条|(?:固定)?螺丝|喷头|油漆|胎压|角度|夜视(?:功能)?|存储|留样量|数量|长度|间距|宽度|(?:线路)?负荷"
    "|功能|刷卡|顶部|底部|药品|使用[中时]|关闭|开启|开关|(?:经测试)?(?:按下)?(?:试验)?按钮"
    "|接头|线头|端子|(?:[白夜早中晚]班|周末|节假日|假期|夜间|晚上|白天)"
)
"""A part of a thing, or a property of it (灭火器过期、压力不足: one hazard, trial 226 BZ7;
线路老化，接头裸露), or a time of it (值班记录不全，夜班漏记: trial 239 CM1)."""
_ASIDE = re.compile(
    "^(?:[^，]{0,6}?(?:时|天|季|间))?(?:有|存在|易|容易|可能|会)[^，]{0,8}风险|可能|容易"
    "|整改|建议|请|时(?:无法|不能)|等(?:杂物|物品|电器|大功率电器|违规电器)$|^原因|^由于|^因为"
    "|^(?:雨天|雨季|下雨时?|夜间|晚上|冬季|夏季|平时|停电时?)"
    "|^(?:学生|师生|人员|行人|车辆)[^，]{0,10}(?:看不清|不便|不方便|无法|不能)"
    "|(?:无|没有|未发现)(?:明显|安全|其他|大|重大|较大)?的?(?:隐患|问题)"
    "|^(?:造成|导致|引起|引发)?(?:交通)?拥堵$|(?:^|时)易[^，]{0,8}$|^基本(?:没|无)(?:什么|啥)?(?:问题|隐患)"
)
"""A part saying what a fault leads to (有坠落风险, 停电时无法照明, 学生…看不清), when it shows
(雨天积水), why (原因是电池老化), what is to be done (建议更换), the last of things listed
(纸箱、拖把等杂物), or that nothing else was found (其他无隐患)."""


_LABELS = frozenset(
    ("原因", "原因是", "措施", "整改措施", "处理", "处理情况", "后果", "影响", "备注")
)
"""Labels before a part that is no hazard of its own (问题：…；原因：螺丝脱落；措施：已报修)."""
_LEADS_TO = re.compile("无法|不能|不畅")
_GUARD_LACKING = re.compile("(?:无|没有|缺少|缺乏|未设|未装)防")
_SHORT = re.compile("不全|不足|不齐|短缺|缺失")
_SHORT_OF = re.compile("(?:缺少|缺乏|缺|无|没有)")
"""What a fault stops (录像无法回放; 排风扇故障，漆雾排放不畅: trial 239 CM1), after the
fault."""


_DETAIL = re.compile(r"^(?:位置|地点|部位|区域|等级|级别|类别|类型|时间|检查人|责任人|发现人)[:：]")
"""A label whose part tells of the hazard, no hazard of its own (位置：食堂后厨; 等级：较大)."""


def _a_hazard(part: str) -> bool:
    """A part of a list that is a hazard: not one saying nothing was found, nor a detail."""
    return not _DETAIL.match(part.strip()) and not says_nothing_found(part)


def _same(subject: str, thing: str) -> bool:
    """`subject` names `thing` again, or a part of it (窗户玻璃 … 窗框), not a place named
    for it (楼梯扶手 … 楼梯间)."""
    if _A_PLACE.search(subject) or _A_PLACE.search(thing):
        return False
    return subject[:1] == thing[:1]


def hazards_in(text: str) -> int:
    """How many hazards a 存在隐患问题 lists: 0 or 1 when one."""
    parts = numbered_parts(text)
    if len(parts) > 1:
        return sum(map(_a_hazard, parts))
    if parts:
        return 1
    if listed := listed_parts(text):  # (消防：无；用电：插座松动；食堂：无 is one: trial 231 CE9)
        return sum(map(_a_hazard, listed))
    said = _statements(simplified(text))
    return said if said > 1 else 0


def _statements(text: str) -> int:
    """How many parts of `text` state a fault of a thing of their own: not of a part or a
    property of the thing before (灭火器过期、压力不足; 窗户玻璃破损、窗框松动; 配电箱未上锁，
    无警示标识)."""
    pieces = _PARTS.split(text)
    parts: list[tuple[str, bool]] = []
    depth = 0  # (within brackets: the examples of the part before, 违规用电（使用大功率电器、私拉电线）)
    for i, part in enumerate(pieces):
        if i % 2:
            depth = max(
                0, depth + part.count("（") + part.count("(") - part.count("）") - part.count(")")
            )
        elif part and not (depth and parts):
            parts.append((_LEAD.sub("", part), "、" in pieces[i - 1] if i else False))
    parts = [(part, listed) for part, listed in parts if part]
    if len(parts) < 2:
        return 0
    count = 0
    thing = ""  # the thing the statement before was about
    short = False  # that statement said the thing falls short (器材不全)
    aside = False  # the part after a label saying a cause or a measure (原因：…)
    for part, listed in parts:
        if aside or part in _LABELS:
            aside = part in _LABELS
            continue
        if part.startswith(NOT_A_HAZARD) or _ASIDE.search(part):
            continue
        if thing and _LEADS_TO.search(part):
            continue  # (监控硬盘损坏，近一周录像无法回放)
        fault = next((m for m in _FAULT.finditer(part) if m.start() >= 2), None)
        doing, lacking = _DOING.match(part), _LACKING.match(part)
        if not (fault or doing or lacking) or says_nothing_found(part):  # (costlier: last)
            continue
        if fault is not None and not doing:
            subject = _HOW_MANY.sub("", part[: fault.start()])
            bare = subject.removeprefix("部分").removeprefix("个别").removeprefix("其")
            while (place := _PLACE.match(subject)) is not None:
                subject = subject[place.end() :]
            if thing and (_ATTRIBUTE.fullmatch(bare) or not subject or _same(subject, thing)):
                continue  # (of the thing before)
            thing = subject or "?"  # ("?": a thing not named, told from none)
            short = _SHORT.search(part) is not None
            count += 1
        elif lacking:
            # (氧气瓶未固定，无防倾倒链: the guard lacking is the fault's; 器材不全，缺少防毒面具:
            # what is short: trial 231 CE8, 229 CC4)
            guard = _GUARD_LACKING.match(part) or (short and _SHORT_OF.match(part))
            if thing and thing != "-" and (listed or _UNDONE.match(part) or guard):
                continue  # (配电箱未上锁、无警示标识; 灭火器过期，未及时更换: of the thing before)
            thing = "-"  # (a thing absent: the next absent is another)
            count += 1
        else:  # (doing)
            thing = "?"
            count += 1
    return count
