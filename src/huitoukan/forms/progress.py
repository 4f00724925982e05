"""What a department's 整改完成情况 says of the work: 已完成, 整改中 or 未整改, read from
the words departments write (a status word, or clauses: 已完成，但未解决; 整改中→已完成),
or None when a careful clerk could not tell either (the department is asked)."""

from __future__ import annotations

import functools
import re

from huitoukan.model.returns import DONE, IN_PROGRESS, NOT_STARTED, Progress
from huitoukan.text import normalize_key

# Status words (整改完成情况) and the three values they normalise to.
STATUS_SYNONYMS: dict[str, Progress] = {
    **{
        normalize_key(w): DONE
        for w in (
            "已完成",
            "完成",
            "已整改",
            "整改完成",
            "已整改完成",
            "已销号",
            "销号",
            "已落实",
            "已解决",
            "已处理",
            "是",
            "整改完毕",
            "整改到位",
            "已到位",
            "完毕",
            "已完毕",
            "已验收",
            "验收合格",
            "√",
            "✓",
            "✔",
        )
    },
    **{
        normalize_key(w): IN_PROGRESS
        for w in (
            "整改中",
            "正在整改",
            "整改进行中",
            "进行中",
            "部分完成",
            "部分整改",
            "推进中",
            "持续整改",
        )
    },
    **{
        normalize_key(w): NOT_STARTED
        for w in ("未整改", "未完成", "未开始", "尚未整改", "待整改", "否", "没有整改")
    },
}


_SHARE = re.compile(r"(\d+(?:\.\d+)?)%")
_PART_WORDS = ("一半", "大半", "大部分", "部分", "过半", "三分之", "四分之")
"""Words saying part of the work is done (已完成一半, 完成大部分)."""
_PART_OF = ("完成", "整改", "更换", "修复", "维修", "处理")


@functools.lru_cache(maxsize=4096)
def normalize_progress(text: str) -> Progress | None:
    """整改完成情况 as typed → 已完成 / 整改中 / 未整改 (None when it says none of them): as a
    whole when it is one of the words, else clause by clause. The last clause that says how
    the work stands decides (隐患复发，已重新整改完毕: 已完成; 已整改，但整改不到位: 整改中 —
    read anywhere in the text, 复发 and 重新 reopened hazards that had passed their review:
    clerk trial 187 AM1, AM7); one saying not done after one saying done, part of it (已完成，
    但未解决). A clause about the 复查验收 or 销号 to come (尚未验收, 正在复查, 未销号), about
    nothing being wrong (没有问题), about how it stood before (之前整改中) or how it was done
    (重新更换) decides nothing against it: read as saying the work was not done, they
    reopened accepted hazards (clerk trial 188 AN1); an acceptance to come alone is done."""
    key = normalize_key(text).rstrip("。.!！;").replace("已经", "已")
    if not key:
        return None
    if key in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[key]
    # a share of the work: done only when all of it is (“已完成50%” was 已完成, and with a
    # 销号时间 the hazard was closed: clerk trial 130)
    share = _SHARE.search(key)
    if share is not None and (_WORK.search(key) or key == share.group(0)):  # (100% alone)
        return DONE if float(share.group(1)) >= 100 else IN_PROGRESS
    # 已完成3/5, 5处已整改3处: a count of the work (read as done: clerk trial 191 AQ3)
    fraction, counted = _FRACTION.search(key), _COUNTED.search(key)
    if fraction is not None and _WORK.search(key):
        return DONE if int(fraction.group(1)) >= int(fraction.group(2)) else IN_PROGRESS
    if counted is not None and _WORK.search(key):
        return DONE if int(counted.group(3)) >= int(counted.group(1)) else IN_PROGRESS
    key = _STATE_TO_STATE.sub(r"\1,", key)  # 整改中-已完成, 整改中 已完成: from one to the next
    said: list[Progress] = []  # what the clauses say of the work, in order
    implied: Progress | None = None  # the last that only implies it (待验收, 重新更换)
    for clause in filter(None, _CLAUSES.split(key)):
        found = _clause_progress(clause)
        if found is None:
            continue
        if found[1]:
            said.append(found[0])
        else:
            implied = found[0]
    if not said:
        return implied
    if said[-1] == NOT_STARTED and any(p != NOT_STARTED for p in said):
        return IN_PROGRESS  # 已完成，但未解决: not all of it
    return said[-1]


def _clause_progress(clause: str) -> tuple[Progress, bool] | None:
    """What one clause of a 整改完成情况 says of the work, and whether it says it (True) or
    only implies it (False); None: nothing."""
    clause = _DATES.sub("", _LEAD.sub("", clause)).removesuffix("了")
    if not clause:
        return None
    if clause in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[clause], True
    if (
        _EARLIER.match(clause)
        or _NOTHING_WRONG.match(clause)
        or _TO_CLOSE.match(clause)
        or _PLANNED.search(clause)
    ):
        return None  # 之前整改中, 没有问题, 未发现复发, 无需重新整改, 未销号, 剩余月底前完成
    if _AWAITING_ACCEPTANCE.match(clause):  # done, its 复查验收 to come (not 未整改: AK5)
        return DONE, False
    if _FIXED_PART.search(clause):  # 不合格处已整改, 未到位的已补齐
        return DONE, True
    if any(w in clause for w in _PART_WORDS) and any(w in clause for w in _PART_OF):
        return IN_PROGRESS, True  # 已整改一半, 大部分已完成
    if clause.startswith(_DONE_FIRST):
        # unless it goes on to say it is not (已整改但整改不到位; 已完成复查不合格需重新整改:
        # they kept an accepted hazard closed, clerk trial 185 AK1)
        return (IN_PROGRESS if _said_undone(_NOT_DONE_AFTER_ALL, clause) else DONE), True
    if _NOT_WHOLLY.match(clause) or _NOT_THERE_YET.match(clause):  # 未完全整改, 未到位
        return IN_PROGRESS, True  # part of it (not 未整改: trial 185 AK1, AK5)
    if _NEGATED_WORK.match(clause):  # 未整改, 尚未维修, 没有彻底解决
        return NOT_STARTED, True
    if _REMAINING.search(clause):  # 剩余2处正在整改, 还剩1个插座没换 (trial 191 AQ1)
        return IN_PROGRESS, True
    if clause.startswith(_NEGATIONS) and not _said_undone(_NOT_DONE, clause):
        # not the work (未经验收, 没有其他问题, 未附照片, 未到期: read as not done, they
        # reopened accepted hazards: trial 190 AP1)
        return None
    if _FUTURE.match(clause):  # 预计月底完成, 计划整改: what is to be done
        return None
    if clause.startswith("正在") and not _WORK.search(clause):  # 正在完善台账: beside the work
        return IN_PROGRESS, False
    if "整改中" in clause or clause.startswith(_UNDER_WAY_FIRST) or _UNDER_WAY.search(clause):
        return IN_PROGRESS, True
    if clause.startswith(("已", "返工", "重新")) and _DONE_AGAIN.search(clause):  # 已返工完成
        return DONE, True
    if _DONE_ANEW.match(clause):  # 已再次清理, 已当场整改 (after 又出现: trial 191 AQ5)
        return DONE, True
    # not done, in other words (整改未完成, 尚在整改, 需重新整改, 返工, 验收不合格): read as none,
    # they kept an earlier 已完成 (clerk trial 183 AI1)
    if _said_undone(_NOT_DONE, clause):
        return IN_PROGRESS, True
    if "重新" in clause:  # done again (复发后已重新整改完成), or how it was (重新更换)
        return (DONE, True) if _DONE_AGAIN.search(clause) else (IN_PROGRESS, False)
    if clause in ("×", "✗", "✘"):
        return NOT_STARTED, True
    if clause.endswith(_DONE_LAST):  # 隐患已消除, 灭火器已更换 (trial 187 AM7)
        return DONE, True
    if clause.endswith(_DONE_END) and not _HEDGED.search(clause):  # 处理完毕, 返工后已完成
        return DONE, True
    return None


def _said_undone(words: re.Pattern[str], key: str) -> bool:
    """`key` holds one of `words` saying the work is not done, not denied just before it
    (防止复发, 未发现复发, 无需重新整改) nor past (复发后, 返工后)."""
    return any(
        not _DENIED.search(key, max(0, m.start() - _DENIAL_REACH), m.start())
        and not key.startswith("后", m.end())
        for m in words.finditer(key)
    )


_CLAUSES = re.compile(
    r"[,;，；。:：、!！?？()（）\s→]+|->|=>|(?:但是?|然而|不过|目前)(?=.)|(?:改为|变为|转为)(?=.)"
)
"""Where a 整改完成情况 goes on to another clause (after NFKC: ，→, ；→;), or to the state
it went to (整改中→已完成)."""
_LEAD = re.compile(
    "^(?:现在?(?=已|又|全)|本次|这次|当前|均|都|全都|经(?:复查|检查|验收|复核)|后来?|之后|随后)"
)
"""Words before a clause that say nothing of the work (现已完成, 均已整改, 经复查未发现复发)."""
_DATES = re.compile(r"于?(?:\d{2,4}年)?\d{1,2}月\d{1,2}[日号]?|于?\d{4}[-./]\d{1,2}[-./]\d{1,2}")
"""A day in a clause (12月20日已完成, 已于12月20日更换): not the work."""
_DONE_FIRST = ("已完成", "已整改", "完成整改", "已销号", "已全部完成", "全部完成", "已重新")
_EARLIER = re.compile(
    "^(?:之前|此前|原为|原报|原来|原先|原已|原本|原不合格|原未|原(?=整改|未)|上次|上回|上一?轮|"
    "第[一二三四五六七八九十\\d]+轮|前期|先前|以前|起初|最初|早前|曾经?|开始(?=未|没|时)|"
    "由(?=整改中|未整改))"
)
"""How the hazard stood before (已完成，之前整改中; 之前整改中，现已完成)."""
_NOTHING_WRONG = re.compile(
    "^(?:(?:没有|没|无|不存在|再无|再没有?|未见|未发现|没有?发现|未再|不再)(?:发现|出现)?新?的?"
    "(?:问题|异常|隐患|不到位|不合格|未完成|复发|反弹|返工|此类|类似)"
    "|(?:未|没有?|无)(?:复发|反弹)|无需|不需要?|不用)"
)
"""Nothing wrong with the work (已完成，没有问题; 已整改，没有不到位; 无需重新整改)."""
_TO_CLOSE = re.compile("^(?:尚未|还未|还没有?|未|没有?|待)销号$")
"""Not yet closed (已完成，未销号): the 销号时间 says when; alone, asked."""
_AWAITING_ACCEPTANCE = re.compile(
    "^(?:尚未|还未|还没有?|未|没有?|待|等待|正在|在)?(?:复查|验收|复核|复查验收|检查验收)(?:中)?"
    "(?:后销号)?$"
)
"""The 复查验收 to come (待验收, 尚未复查, 正在验收, 验收中)."""
_FIXED_PART = re.compile(
    "(?:处|的|项|之处|(?<=[^大小一少])部分|问题|隐患|(?:不合格|不到位|未到位|损坏|破损|过期)\\w{0,6}?)"
    "(?:均|都|也)?已(?:全部|重新)?(?:整改|完成|补齐|补全|修复|更换|处理|消除|解决|落实|返工|排除)"
)
"""What was wrong, fixed (不合格处已整改, 未到位的已补齐, 隐患已消除)."""
_FUTURE = re.compile("^(?:预计|计划|拟|将于|将|争取|力争|准备|打算)")
_UNDER_WAY_FIRST = ("正在", "部分", "即将", "接近", "快要")
_DONE_LAST = (
    "已消除",
    "已排除",
    "已修复",
    "已修好",
    "已维修",
    "已更换",
    "已整改",
    "已完成",
    "已拆除",
    "已清理",
    "已清除",
    "已加固",
    "已安装",
    "已配备",
    "已补齐",
    "已补充",
    "已完善",
)
_DONE_END = ("完毕", "完成", "结束", "解决", "到位", "处理好", "修好", "弄好", "搞定", "整改好")
"""How a clause that says the work is over ends (处理完毕, 整改结束, 返工后已完成)."""
_HEDGED = re.compile("未|没|不|无法|尚|待|需|仍")
_DONE_AGAIN = re.compile("(?:重新|返工).*(?:完成|完毕|到位)")
_UNDONE = (
    "未完|未到位|不到位|不合格|未合格|尚在|尚需|仍在(?!正常|使用|运行)|仍有|仍存在|还存在|依然存在|依旧|"
    "还有问题|还有隐患|还差|尚差|未通过|没通过|不通过|效果不|继续整改|返工|复发|未整改|没完|未结束|"
    "不彻底|未彻底|没有?彻底|基本(?:上)?(?:已)?(?:完成|整改|解决|到位|修复|处理|结束|完毕|落实)|"
    "还有(?!照片|附件|图片)|又被|(?:有)?待(?:进一步)?(?:完善|整改|处理|维修|更换|修复|解决|落实|施工)|"
    "正在(?:进行|整改|施工|维修|处理|更换|安装|采购)|(?<=.)(?:计划|预计|拟于|准备)|"
    "(?:又|再次)(?:出现|发现|发生|跳闸|漏|损坏|坏|故障|堆放)|仍(?:漏|坏|不|未|没)|"
    "(?:问题|隐患|故障)(?:还|仍|依然)(?:在|存在|有)|(?:还|仍|尚|另)需(?:要)?(?:进一步)?"
    "(?:完善|整改|处理|维修|更换|修复|解决|落实|补充|采购|施工)"
)
_NOT_DONE = re.compile(f"{_UNDONE}|(?:需|需要|要|待|仍需|还需)重新")
"""Words saying that the work is not done, anywhere in a clause of a 整改完成情况 (没完成,
整改未结束 and 基本完成 kept an accepted hazard closed: clerk trial 185 AK3; 但仍有问题,
复查未通过: trial 188 AN2)."""
_NOT_DONE_AFTER_ALL = re.compile(f"{_UNDONE}|(?:需|需要|要|待|仍需|还需)重新")
"""`_NOT_DONE` after 已完成 or 已整改 in one clause (已整改但整改不到位): but a bare 重新, which
says it was done again (已完成已重新更换)."""
_DENIED = re.compile("防止|预防|避免|杜绝|未发现|没有发现|未见|无需|不需|不再|无|没有|不存在")
_DENIAL_REACH = 6
"""Characters before a not-done word searched for a word denying it (建立长效机制防止隐患复发)."""
_UNDER_WAY = re.compile(
    "(?:维修|施工|报修|处理|采购|安装|协调|联系|推进|办理|审批|招标|改造|更换|维护|落实|返工)中"
)
"""Work under way in other words (维修中, 施工中, 报修中: clerk trial 185 AK3)."""
_NOT_WHOLLY = re.compile("(?:未|尚未|没有|没)(?:完全|全部)")
_NEGATIONS = ("未", "尚未", "没有", "没发现", "没见")
"""How a clause denying something begins (没完成, 还没完成, 暂未完成 are 整改中 below)."""
_WORK = re.compile(
    "整改|完成|动工|施工|处理|维修|修复|解决|落实|更换|安装|拆除|清理|清除|采购|实施|改造|处置|加固|返工|"
    "张贴|粘贴|设置|悬挂|配备|配置|补充|补齐|建立|购置|增设|结束|修"
)
"""The work a 整改完成情况 says is done or not (not its 验收, its photos, its deadline)."""
_NEGATED_WORK = re.compile(
    "^(?:未|尚未|没有)(?:能|有)?(?![按如及]时|按期|如期)(?:彻底|完全|全部)?"
    f"(?:开始|开展|进行|组织)?(?:{_WORK.pattern})"
)
"""Not done, the work named (未整改, 尚未维修, 没有彻底解决): not another thing denied."""
_STATE_TO_STATE = re.compile("(整改中|未整改)[-—~～至]*(?=已?(?:完成|整改完))")
_PLANNED = re.compile("^(?!.*提前)[^已]*(?:前|底|内)(?:完成|整改完|完毕)$")
"""When what is left is to be done (月底前完成): not the work done."""
_REMAINING = re.compile(
    "(?:剩余|剩下|还剩|其余|余下|尚余)(?![^,;]*?(?:也|均|都)?已(?:全部)?(?:完成|整改|更换|修复|处理))"
)
"""Work left (剩余部分寒假施工), unless it says that is done too (剩余部分已完成)."""
_DONE_ANEW = re.compile(
    "^已(?:再次|重新|当场|立即|及时)(?:清理|整改|更换|修复|维修|拆除|清除|处理|加固|安装|补齐)"
)
_FRACTION = re.compile(r"(\d+)/(\d+)")
_COUNTED = re.compile(
    r"(\d+)([处个项台具块盏间条根])[^\d]*?(?:已|完成|整改|更换|修复)[^\d]*?(\d+)\2"
)
"""5处已整改3处: the work's count, and how much of it is done."""
_NOT_THERE_YET = re.compile("(?:未|尚未|没有|没)到位")
