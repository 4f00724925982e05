"""What a department writes in 存在隐患问题 when it checked and found nothing.

A row saying 无, 未发现明显隐患 or 经自查，本部门暂未发现安全隐患 is an item checked, not a
hazard: counted as one, it was sent back asking for its 整改措施 and 责任人. A real hazard
may begin with the same words (没有灭火器, 暂无应急照明, 无人管理的配电箱门敞开) and must never
be taken for one: a text says nothing was found only when every clause of it does, or
says what is fine (消防通道畅通), or is a checking's preamble or a closing pledge
(经全面排查, 继续保持) — one clause naming a fault (良好⏎三楼灭火器过期) keeps it a hazard.
"""

from __future__ import annotations

import functools
import re

from huitoukan.forms.progress import simplified
from huitoukan.text import normalize_key, numbered_split

NOTHING_FOUND_WORDS = frozenset(
    normalize_key(w)
    for w in (
        "无",
        "没有",
        "暂无",
        "未发现",
        "未发现隐患",
        "未发现问题",
        "未发现安全隐患",
        "未发现隐患问题",
        "无隐患",
        "无问题",
        "无安全隐患",
        "未查出",
        "未查出隐患",
        "未查出问题",
        "没有发现问题",
        "没有发现隐患",
        "正常",
        "/",
        "—",
        "-",
        "无异常",
        # (counted as open hazards, their 整改措施 and 责任人 asked for: trial 213 BM3)
        "没有隐患",
        "没有问题",
        "没有安全隐患",
        "暂无隐患",
        "暂无问题",
        "暂无安全隐患",
        "暂未发现",
        "暂未发现隐患",
        "暂未发现问题",
        "暂未发现安全隐患",
        "没有发现安全隐患",
        "未发现异常",
        "一切正常",
        # (trial 214 BN4: 未发现明显隐患 the commonest of all)
        "无明显隐患",
        "无明显问题",
        "无明显安全隐患",
        "未发现明显隐患",
        "未发现明显问题",
        "未发现明显安全隐患",
        "未见异常",
        "未见隐患",
        "未见明显隐患",
        "未见明显问题",
        "未见明显安全隐患",
        "良好",
        "情况良好",
        "状态良好",
        "状况良好",
        "符合要求",
        "均符合要求",
        "均正常",
        "运行正常",
        # (trial 218 BR1, BR2)
        "——",
        "--",
        "完好",
        "完好无损",
        "使用正常",
        "正常使用",
        "全部正常",
        "各项正常",
        "都正常",
        "合格",
        "达标",
        "符合标准",
        "符合规定",
        "安全",
        "安全无隐患",
        "没问题",
        "没发现问题",
        "不涉及",
        "不适用",
        "均无",
        "均未发现",
        "不存在隐患",
        "不存在安全隐患",
        "不存在问题",
        "未存在隐患",
        "没有存在隐患",
        "无此情况",
        "无此项",
        "无需整改",
        "无隐患点",
        "无隐患问题",
        "无安全隐患问题",
        "暂无发现",
        "暂无发现问题",
        "暂时没有",
        "未查到隐患",
        "未检查出问题",
        "查无隐患",
        "n/a",
        "na",
        "none",
        "nil",
        "ok",
        # (trial 224 BX6)
        "没发现",
        "没查出",
        "好",
        "一切都好",
        "都挺好",
        "挺好",
        "都挺好的",
        "0",
        # (trial 226 BZ4, BZ6)
        "没有发现",
        "无发现",
        "无新增",
        "暂无新增",
        "没有新增",
        "无相关隐患",
        "无整改事项",
        "无需整改事项",
        "不需要整改",
        "空",
        "\\",
        "无无",
        "啥隐患也没有",
        "啥也没有",
        # (trial 228 CB2, CB3)
        "√",
        "✓",
        "尚未发现",
        "尚未发现隐患",
        "尚未发现问题",
        "尚未发现安全隐患",
    )
)
"""What departments write in 存在隐患问题 when the item was checked and nothing was found."""

_EDGES = " 。.!！;；,，、~～*“”\"'「」/／"
_ENCLOSED = re.compile(r"^[（(【\[](.*)[）)】\]]$")
_LABEL = re.compile(
    r"^(?:存在(?:的)?(?:安全)?(?:隐患|问题)|(?:安全)?隐患(?:情况)?|(?:检查|自查)(?:结果|情况))[:：]"
)
"""存在问题：无, 隐患情况：暂无, 检查结果：未发现隐患: a label and its answer."""
_CLAUSES = re.compile(r"[，,。；;\s（）()]+")
_PART = re.compile(
    "[^不未没无缺坏损破裂漏渗松脱锈超违乱私堵占堆过差失断歪丢湿滑倒塌烂旧充隐患问题]{1,6}"
)
"""One of things listed (灭火器、应急灯、疏散指示标志均完好), nothing wrong said of it."""
_NUMBERED = re.compile(r"^(?:\d{1,2}[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]是)")
_TOPIC = re.compile(r"^[^不未没无缺:：]{1,8}[:：]")
"""A topic before its answer (消防安全：无隐患, 检查范围：办公室)."""
_BARE_NONE = frozenset(("无", "没有", "暂无", "缺", "无此", "/", "—", "-", "0", "零", "0个", "0具"))
"""An answer that says nothing of what is absent: after a thing (灭火器：无), the thing."""
_TYPOS = (
    ("为发现", "未发现"),
    ("末发现", "未发现"),
    ("发先", "发现"),
    ("陷患", "隐患"),
    ("隐串", "隐患"),
    ("隐惠", "隐患"),
    ("引患", "隐患"),
    ("隐患患", "隐患"),
    ("隐换", "隐患"),
    ("隐忧", "隐患"),
    ("稳患", "隐患"),
    ("未法现", "未发现"),
    ("隐患隐患", "隐患"),
)
"""Slips of the pinyin input (为发现: wei) and of the eye (末发现) in the commonest words."""
_TOPICS = "宿舍|教室|食堂|校园|方面的?|消防|用电|电气|食品|交通|治安|校舍|设施|设备|建筑|燃气|实验室|危化品|网络|心理|火灾|卫生|饮食|体育|特种设备|安全"
"""What a safety check is about (消防安全, 用电): 未发现消防安全隐患, 消防无隐患."""
_NONE = re.compile(
    r"^(?P<where>[^不未没无缺]{0,24}?)(?:均|都|全部|暂|暂时|目前|并)?"
    r"(?:未|没|没有|无|不存在|暂未|暂无|尚未)(?:发现|查出|排查出|检查出|查到|见|再发现)?(?:有|存在)?"
    r"(?:新的?|新增的?|新发现的?|遗留的?|其他|其它|任何|明显的?|重大|较大|什么|啥|此类|类似|相关)?的?"
    rf"(?:{_TOPICS})*(?:不安全)?(?:隐患|问题|异常|漏洞|因素)(?:问题|点)?(?:的?情况)?(?:安全)?$"
)
"""Nothing found, where (教学楼未发现安全隐患, 经排查本部门无安全隐患, 本周未发现新的安全隐患)."""
_NONE_HAPPENED = re.compile(
    r"^(?P<where>[^不未没无缺]{0,12}?)(?:均|都|暂|目前)?(?:未发现|没有发现|未见|无|没有|暂无|未发生|没有发生|不存在)(?:学生|校园|师生)?"
    r"(?:欺凌|霸凌|打架斗殴|斗殴|传染病(?:病例)?|危房|网吧|游戏厅|娱乐场所|施工(?:项目|作业)?|在建工程|超载"
    r"|外来人员随意进出|违规电器|(?:乘坐)?无资质车辆)"
    r"(?:[、和及](?:网吧|游戏厅|娱乐场所|歌舞厅|酒吧))*(?:现象|事件|情况|行为|发生|事件发生|等)*$"
)
"""What must not be there said absent, where (未发现欺凌现象, 本学期无施工项目, 校车无超载现象,
学校周边无网吧、游戏厅): not a thing lacking (无施工围挡: the list is closed)."""
_NONE_COUNTED = re.compile(r"^[^不未没无缺\d]{0,12}?(?:隐患|问题)[^\d]{0,2}0(?:处|项|个|条)$")
"""None, counted (隐患0处, 共排查隐患0项; not 隐患0, a name)."""
_A_PLACE = re.compile(
    "[部门位室处楼馆堂舍房库域区层班级园校边围所周月次前现查均都内里号各院系科队组站厅廊场间心期段日至中地口车寝米]$"
)
_OF_A_TOPIC = re.compile(f"(?:{_TOPICS}|器材|线路|电路|门窗|方面|情况|隐患|问题|其他|其它|其余)$")
"""How the `where` of `_NONE` ends: a place, a time or the checking, not a fault (扶手摇晃);
or what was checked (用电无隐患, 体育器材无隐患)."""
_BAD = (
    "违规|违章|私拉|乱接|乱拉|乱堆|乱放|占用|堵塞|携带|吸烟|脱岗|串岗|超载|过期|大功率|管制刀具|违禁"
    "|进楼充电|私用|私藏|泄漏|漏电|漏水|老化|松动|破损|损坏|裸露|倾倒|倒塌|脱落|开裂|裂缝"
)
"""Something wrong, or faults a device is named for (漏电开关, 漏水报警: `_NEEDED`)."""
_NO_BAD = re.compile(
    rf"^(?P<where>[^不未没无缺]{{0,12}}?)(?:未发现|没有发现|未见|无|没有|不存在|未再发现)"
    rf"(?:(?!解决|排除|消除|根治|处理|修|找到|查明)[^不未没无缺]){{0,16}}?(?:{_BAD})(?P<what>[^不未没无缺]{{0,24}}?)"
    r"(?:现象|情况|行为|等问题|问题|隐患)?$"
)
"""Something wrong said absent, what (无私拉乱接电线现象, 未发现学生携带管制刀具, 无过期灭火器):
not 无人值守 (no wrong-doing in it: a hazard), nor 无漏电保护器 (`_NEEDED`)."""
_NEEDED = re.compile(
    "保护|记录|台账|标志|标识|警示|制度|措施|档案|预案|装置|牌|证|开关|断路器|报警|计划|方案|报告|检测"
    "|测试|登记|管理|机制|责任|专人|人员|设施|设备|工具|探测|切断|阀|喷淋|托盘|处置|监测|挡板|检查表"
    "|记录表|巡查表|收集|监控|限位|限速|限制|仪"
)
"""Things a place must have: their absence is the hazard (无漏电保护器, 无隐患排查记录; and a
guard against the fault, 无防倾倒链条)."""

_SCOPE = re.compile(
    r"^(?:目前|现场|本部门|本处室?|我部门|我处|本区域|所辖区域|以上区域|以上|其他方面|其他|其余"
    r"|本班|我班|本组|我组|本年级|本科室|我科室|本单位|我单位|本校区)?"
    r"(?:均|都|全部)?"
)
_ANY = re.compile(r"(未发现|没有发现|没有|暂未发现|未见|无)(?:其他|其它|任何|存在)")
_CHECKED = re.compile(
    r"^(?:经过?|通过|本次|此次|已)?(?:本部门|本处|我处|我部门)?(?:认真|全面|逐项|逐一)?"
    r"(?:自查|排查|检查)(?:后)?[:：]?"
)
"""How a clause saying nothing was found may begin: 经自查，本次自查, 排查后："""
_PREAMBLE = re.compile(r"^[^不未没无缺]{0,30}?(?:排查|检查|自查|看过了?)(?:后|完毕|完成|结束|中)?$")
"""A clause saying only that the checking was done: 经全面排查, 经组织人员对本部门进行全面排查."""
_PLEDGE = re.compile(
    r"^(?:我校|学校|我们|我部门|本部门|我处|本处|我单位)?(?:请|将|会|今后|以后|后续|下一步)*(?:继续|持续|坚持)?"
    r"(?:保持|跟进|(?:加强|做好|关注|落实|开展|定期|每日|每天|每周)[^不未没无缺]{0,16})$"
    r"|^确保[^不未没无缺]{0,6}安全$|^已对[^不未没无缺]{0,12}(?:教育|培训)$|^[\d年月日号至到\-~—.]+$"
    r"|^(?:我校|学校|我们|我部门|本部门|领导)?高度重视$|^成立了?[^不未没无缺]{0,30}(?:小组|工作组|专班)$"
    r"|^[^不未没无缺]{0,12}?均?已(?:逐一|全面|认真|逐项)?(?:检查|排查|自查|查)$|^已签字确认$|^查了$"
    r"|^(?:我校|学校|我部门|本部门)?(?:严格)?(?:根据|按照|依据|按)[^不未没无缺]{0,30}(?:要求|部署|通知|安排|精神)$"
    r"|^(?:检查人|排查人|检查时间|填报人|负责人|责任人|签字|签名)[:：].{0,12}$|^已做好(?:记录|登记)$|^(?:无需|不需要?|不用)(?:整改|处理)$"
    r"|^(?:本次|此次)?(?:检查|排查)(?:范围|部位|区域|内容|对象)[:：][^不未没无缺]*$"
    r"|^[^不未没无缺]{0,8}?(?:检查|查看|排查)了?[^不未没无缺]{0,30}$|^截[至止][^不未没无缺]{0,10}$"
    r"|^[^不未没无缺]{0,12}?(?:检查|排查)了?[^不未没无缺]{0,8}?\d+[^不未没无缺]{0,8}$"
    r"|^(?:共|合计|共计)[^不未没无缺]{0,8}?\d+[^不未没无缺]{0,8}$"
)
"""A clause promising to keep it so, or saying it was checked: 继续保持, 今后加强巡查 (with no
finding in it: `_FOUND`)."""
_ADVICE = re.compile(
    r"^(?:但|不过)?[^不未没无缺，,]{0,4}?(?:还?需要?|仍需|应|要|建议|请|望|希望)(?:后续|今后)?"
    r"(?:持续|继续|进一步|定期|日常)?(?:加强|做好|关注|注意|落实|开展|完善|提高|重视)(?P<what>[^不未没无缺]{0,16})$"
)
"""Advice beside nothing found, of nothing wrong (但需持续关注雨季防汛工作; not 请关注二楼楼梯扶手
晃动: what it is about holds no fault, `_FAULTY`)."""
_FINE = re.compile(
    r"(?:完好(?:无损)?|正常|良好|畅通(?:无阻)?|齐全(?:有效)?|在有效期内|有效|达标"
    r"|符合(?:安全)?(?:要求|标准|规定)|规范|牢固|稳固|清楚|清晰|醒目|整齐|干净|已上锁|相符|到岗|在岗"
    r"|到位|健全|充足|可靠|(?<=[电舍全园品防])安全|规整|持证上岗|保质期内|平整|(?<!不)合格|正常开展"
    r"|正常(?:使用|运行|工作))$"
)
"""A clause saying what is fine (消防器材完好, 灭火器压力正常, 消防通道畅通)."""
_NOT_FINE = re.compile(
    r"[不未没无缺非仅只差坏损偶待尚请]|部分|基本|个别|一半|大部|少数|时好时坏|尽快|务必|抓紧|^已?(?:整改|维修|修复|更换)$"
)
"""What makes such a clause a fault after all (压力不正常, 仅一台正常, 基本完好)."""
_DEFECTS = (
    "过期|破损|损坏|故障|漏水|渗水|积水|裂缝|松动|老化|堵塞|异常|私拉乱接|乱拉乱接|违规用电"
    "|漏电|堆放杂物|杂物堆放|死角|泄漏|裸露|倾倒|渗漏|异味|杂物|盲区"
)
_NO_DEFECT = re.compile(
    rf"^(?:(?P<where>[^不未没无缺]{{0,10}}?)(?:无|没有|未见)|(?:未发现|没有发现|未见)[^不未没无缺]{{0,8}}?)"
    rf"(?:{_DEFECTS})(?:现象|情况|问题)?$"
)
"""A fault said absent (灭火器无过期, 未发现私拉乱接现象): not 无漏电保护 (a hazard: the
fault must end the clause)."""
_FOUND = re.compile(f"发现|(?:隐患|问题)(?!自查|排查|检查)|{_DEFECTS}|{_BAD}")
"""What a clause of the checking says was found (检查发现灭火器过期: a hazard)."""
_FAULTY = re.compile(
    f"{_FOUND.pattern}|其中|但|只是|不过|可是|然而|却|除|以外|之外|仍|还有|偏|过[高低大小快慢热长短]"
    "|(?<!不)超(?!市)|较差|迟缓|经常|频繁|时常|失灵|失效|异响|异味|痕迹|烧焦|焦|糊|霉|锈|潮湿|晃|倾斜|歪"
    "|坏|断裂|破|裂|渗|松|脱|掉|闪|空鼓|私接|停放|乱|拥堵|待|需|须|(?<![按据照])要(?!求)|应(?!急)|欠|难以"
    "|报修|已报|已通知|已请|闻到|(?<![所没沒])有(?!效|序|关|专人)|较(?!好|为|完善)|(?<=.)其[余他它]"
    "|[修改工理]中|落实[^，,]{0,12}配[备置]|补充|加装|增设|更换"
)
"""Words of something wrong, or not yet right (三楼应急灯失效待电工检查, 有异响但运行正常, 其中
2具超期): what a clause of the checking, a pledge, the place before “none found” or the
thing said fine must not hold (trial 232's white-box list dropped 73 such hazards)."""
_TURN = re.compile("但|只是|不过|可是|然而|却|发现|(?<![所没沒])有(?!效|序|关)|其中|除")
"""A turn to what was found after all (无违规电器但有学生使用电热毯)."""
_CLOSED_BEFORE = re.compile(
    r"^(?:上次|前期|此前|之前|原有|原|上学期|前次|上月|上周|去年)[^不未没无缺]{0,20}?"
    r"(?:隐患|问题|松动|老化|漏水|过期)[^不未没无缺]{0,6}?(?:均|都)?已(?:于[^，]{1,8}?)?(?:由[^，]{1,6}?)?"
    r"(?:全部)?(?:整改|销号|处理|更换|维修|修复|清理)(?:完毕|到位|完成)?$"
    r"|^[^不未没无缺]{0,20}?(?:隐患|问题)(?:均|都)?已于(?:上[周月次]|前期|之前)[^不未没无缺]{0,6}?"
    r"(?:整改|处理|更换|维修|修复|清理)(?:完毕|到位|完成)?$"
    r"|^(?:均|都|全部)?已(?:全部)?(?:整改|销号)(?:完毕|到位|完成)?$"
    r"|^(?:如|若)?发现(?:问题|隐患)(?:将|会)?及时(?:上报|处理|整改)$"
)
"""What an earlier check found, put right since (上次发现的插座松动已维修, 2号楼漏水问题已于上周
修复): not this check's finding; what will be done if one is found (发现问题及时上报)."""


_MAY_SAY = re.compile(
    r"[无無没沒未暂暫不/／\-—－a-zA-Z0好空\\]|发现|正常|良好|完好|到岗|√|✓|牢固|稳固|清楚|清晰|醒目|整齐|干净|上锁|相符|规范|畅通|暢通|齐全|齊全|有效|达标|達標|符合|合格|安全|到位|健全|充足|可靠|规整|持证|保质期|平整"
)
"""Something every text saying nothing was found holds (this runs on every hazard)."""


@functools.lru_cache(maxsize=4096)  # (every row, and every part of a row listing several)
def says_nothing_found(text: str) -> bool:
    """`text` (as `cell_text` gives it) is 无, 未发现隐患, 经自查，未发现安全隐患, （无）,
    安全隐患：无, 消防器材完好，未发现隐患, 教学楼未发现安全隐患…: checked, nothing found. Not
    没有灭火器, not 良好⏎三楼灭火器过期."""
    if not text or not _MAY_SAY.search(text):
        return False
    lead, parts = numbered_split(text)
    if len(parts) > 1:  # 1.无 2.无 3.无 (trial 218 BR10)
        # and what comes before them: a heading (检查情况：), or a hazard (灭火器过期。⏎1、消防：
        # 无⏎2、用电：无 was dropped: trial 232 CF77–CF81)
        before = _before_the_list(lead)
        return all(map(says_nothing_found, parts)) and (not before or says_nothing_found(before))
    key = simplified(normalize_key(text.replace("\n", "，"))).lower()
    for typo, meant in _TYPOS:
        key = key.replace(typo, meant)
    if key in NOTHING_FOUND_WORDS or (key := key.strip(_EDGES)) in NOTHING_FOUND_WORDS:
        return True
    if (enclosed := _ENCLOSED.match(key)) is not None:
        key = enclosed.group(1).strip(_EDGES)
    key = _LABEL.sub("", key, count=1)
    clauses = [_NUMBERED.sub("", c) for c in _CLAUSES.split(key)]
    said = [_said(c) for c in clauses if c]
    # something said absent or fine, and nothing else but the checking and a pledge
    return bool(said) and all(said) and any(s != "aside" for s in said)


_HEADING = re.compile(r"[^，,。；;\s（）()]*[：:]\s*$")


def _before_the_list(lead: str) -> str:
    """What a text says before its numbered items, less a heading of them (检查情况：)."""
    heading = _HEADING.search(lead)
    if heading is not None and not _FAULTY.search(heading.group()):
        lead = lead[: heading.start()]
    return lead.strip(_EDGES + "\n")


def _said(clause: str) -> str:
    """What a clause says: "nothing" (found), "fine", "aside" (the checking, a pledge), or
    '' (anything else: a fault, maybe) — as a whole, after its topic (消防安全：无隐患), or of
    things listed (电路、门窗、消防器材均正常; not 灭火器过期、应急灯正常)."""
    if said := _said_plainly(clause):
        return said
    answer = _TOPIC.sub("", clause, count=1)
    if answer and answer != clause and (said := _said_plainly(answer)):
        topic = clause[: len(clause) - len(answer)].rstrip(":：")
        # (漏电保护器：无 — the device absent, a hazard; 消防安全：无, 食堂：无 — none found)
        if answer in _BARE_NONE and not (_A_PLACE.search(topic) or _OF_A_TOPIC.search(topic)):
            return ""
        return said
    *parts, last = [item for item in clause.split("、") if item] or [""]
    if parts and all(
        (_PART.fullmatch(part) and not _FAULTY.search(part)) or _said_plainly(part)
        for part in parts
    ):
        return _said_plainly(last)
    return ""


def _said_plainly(clause: str) -> str:
    plain = _ANY.sub(r"\1", _SCOPE.sub("", clause, count=1))
    if (
        plain in NOTHING_FOUND_WORDS
        or _CHECKED.sub("", plain, count=1) in NOTHING_FOUND_WORDS
        or (
            (fine := _NO_DEFECT.match(plain)) is not None
            and not _FAULTY.search(fine["where"] or "")
        )
        or _NONE_COUNTED.match(clause)
        or (
            (bad := _NO_BAD.match(clause)) is not None
            and _placed(bad["where"])
            and not _NEEDED.search(bad["what"])
            and not _TURN.search(bad["what"])
            and "防" not in clause[: bad.start("what")]
        )
        or ((none := _NONE.match(clause)) is not None and _placed(none["where"]))
        or ((none := _NONE_HAPPENED.match(clause)) is not None and _placed(none["where"]))
    ):
        return "nothing"
    # (灭火器过期、应急灯正常: each thing listed said of on its own)
    subject = _FINE.sub("", clause)
    if (
        "、" not in clause
        and _FINE.search(clause)
        and not _NOT_FINE.search(subject)
        and not _FAULTY.search(subject)
    ):
        return "fine"
    if (_PREAMBLE.match(clause) or _PLEDGE.match(clause)) and not _FAULTY.search(clause):
        return "aside"
    if (advice := _ADVICE.match(clause)) is not None and not _FAULTY.search(advice["what"]):
        return "aside"
    if _CLOSED_BEFORE.match(clause):
        return "aside"
    return ""


def _placed(where: str) -> bool:
    """`where` (of `_NONE`) names where or when, or the checking (教学楼, 本周, 经排查本部门),
    not a fault, nor other than one (扶手摇晃其他: a hazard, and nothing else found)."""
    if not where:
        return True
    if re.search("其他|其它|其余|另外|除", where) or _FAULTY.search(where):
        return False
    return bool(_A_PLACE.search(where) or _OF_A_TOPIC.search(where))
