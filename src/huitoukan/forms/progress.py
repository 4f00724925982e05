"""What a department's 整改完成情况 says of the work: 已完成, 整改中 or 未整改, read from
the words departments write (a status word, or clauses: 已完成，但未解决; 整改中→已完成),
or None when a careful clerk could not tell either (the department is asked)."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata

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
            "验收通过",
            "合格",
            "已合格",
            "复查合格",
            "已验收合格",
            "完工",
            "已完工",
            "已好",
            "符合要求",
            "已符合要求",
            "达到要求",
            "已达标",
            "达标",
            "当场整改",
            "√",
            "✓",
            "✔",
            "☑",
            "✅",
            "ok",
            "done",
            "finished",
            "fixed",
            "completed",
            "yes",
            "repaired",
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
            "inprogress",
            "ongoing",
            "长期整改",
            "workinprogress",
            "partiallydone",
        )
    },
    **{
        normalize_key(w): NOT_STARTED
        for w in (
            "未整改",
            "未完成",
            "未开始",
            "尚未整改",
            "待整改",
            "否",
            "没有整改",
            "no",
            "notstarted",
            "notdone",
            "notcompleted",
        )
    },
}


_SHARE = re.compile(r"(\d+(?:\.\d+)?)%")
_RATE = re.compile("进度|完成率|整改率|完成度|回收率|签收率|覆盖率|安装率")
_SHORT_OF = re.compile("未|没|不足|不到|未达|差|尚")
_PART = re.compile(
    "一半|大半|大部分|一部分|其中(?=\\d|[一二两三四五六七八九])|(?<!合格)(?<!到位)(?<!损坏)(?<!破损)部分|过半|分之(?!百)|多数|大多|一些|"
    "(?<![完形组造促建达])(?:[一二三四五六七八九]|\\d)成(?:左右)?(?!功|本|员|品|熟|立|果|绩|效)"
)
"""Words saying part of the work is done (已完成一半, 完成大部分, 已完成八成, 五分之三)."""
_PART_OF = (
    "完成",
    "整改",
    "更换",
    "修",
    "改",
    "处理",
    "解决",
    "清理",
    "拆除",
    "安装",
    "弄",
    "做",
    "搞",
    "换",
    "装",
)
_OPTION = "(已完成|整改中|未整改)"
_TICK = "(?:[☑✅■●√✓✔☒]|[\\[(][xX×√✓✔☑][\\])])"
_BOX = "(?:[□☐○]|[\\[(][\\])])"
_TICKED_BEFORE = re.compile(f"{_TICK}{_OPTION}")
_TICKED_AFTER = re.compile(f"{_OPTION}{_TICK}")
_TICKED_BETWEEN = re.compile(f"{_OPTION}{_TICK}{_OPTION}")
_STATE_WORD = "(已完成|整改中|未整改|未完成|已整改|正在整改)"
_ONE_TICKED = re.compile(f"{_STATE_WORD},?{_TICK}|{_TICK},?{_STATE_WORD}")
_CROSSED = re.compile("[×✗✘Xx],?(?:已完成|已整改)|(?:已完成|已整改),?[×✗✘]")
_TICK_SPACED = re.compile(f"{_OPTION}( ?){_TICK}( ?){_OPTION}")
_UNTICKED = re.compile(f"{_BOX}{_OPTION}|{_OPTION}{_BOX}")
_MARK = re.compile(f"{_TICK}|{_BOX}")
"""A 整改完成情况 typed as the options with one ticked (☑已完成 □整改中 □未整改, [ ]已完成
[x]整改中, 已完成(√) 整改中( ): clerk trial 195 AU7)."""


def _ticked(text: str) -> tuple[bool, Progress | None]:
    """Whether `text` lists the options with their boxes, and the one ticked: before the
    options when a box or a tick comes first (□已完成 ☑整改中), else after them. With ticks
    alone, one between two options is the one it is typed against (已完成√ 整改中), or none
    when it stands as near to both (已完成 √ 整改中 was read 已完成: trial 202 BB21)."""
    key = normalize_key(text).replace("[]", "□").replace("()", "□")
    if not re.search(_BOX, key) and _TICKED_BETWEEN.search(key):
        spaced = _TICK_SPACED.search(" ".join(unicodedata.normalize("NFKC", text).split()))
        if spaced is None or bool(spaced.group(2)) == bool(spaced.group(3)):
            return True, None
        return True, STATUS_SYNONYMS[spaced.group(4) if spaced.group(2) else spaced.group(1)]
    first = _MARK.search(key)
    option = re.search(_OPTION, key)
    if first is None or option is None:
        return False, None
    if not _UNTICKED.search(key) and len(re.findall(_OPTION, key)) < 2:
        return False, None
    marked = _TICKED_BEFORE if first.start() < option.start() else _TICKED_AFTER
    ticked = {STATUS_SYNONYMS[m] for m in marked.findall(key)}
    if not ticked:  # 已完成□: an option not ticked (trial 212 BL28)
        return True, None
    return len(ticked) == 1, ticked.pop() if len(ticked) == 1 else None


_OPTIONS_COPIED = re.compile(
    "(?:是|否|已完成|整改中|未整改)(?:[/、](?:是|否|已完成|整改中|未整改))+"
)
_THREE = ("已完成", "整改中", "未整改")
_LINES = re.compile("[\r\n]+")
_GAPS = re.compile("(?<=[^\\x00-\\x7f])[ \t\u3000]+(?=[^\\x00-\\x7f\\s]|\\d)")
"""A line break, or spaces between words: where one clause ends (已完成⏎剩2处)."""
_TRADITIONAL = (
    "沒没 還还 預预 計计 週周 餘余 處处 畢毕 復复 換换 裝装 進进 維维 題题 經经 驗验 與与 後后 "
    "時时 開开 現现 會会 運运 設设 備备 報报 採采 購购 單单 樓楼 號号 間间 層层 標标 識识 電电 "
    "線线 燈灯 門门 實实 東东 側侧 這这 個个 們们 於于 為为 須须 應应 儘尽 盡尽 劃划 檢检 將将 "
    "無无 點点 達达 內内 確确 認认 總总 護护 欄栏 牆墙 滅灭 隱隐 鎖锁 辦办 發发 繼继 續续 準准 "
    "邊边 舊旧 動动 過过 際际 從从 體体 條条 關关 閉闭 錢钱 費费 資资 場场 況况 問问 務务 斷断 "
    "壞坏 損损 衛卫 響响 擋挡 塊块 貼贴 銷销 決决 齊齐 補补 鋪铺 墊垫 類类 據据 產产 規规 範范 "
    "訂订 業业 幾几 態态 狀状 樣样 別别 暫暂 調调 試试 聯联 網网 絡络 廠厂 員员 師师 學学 級级 "
    "說说 講讲 稱称 聽听 複复 議议 強强 雜杂 暢畅 頓顿 擾扰 築筑 寫写 話话 顯显 請请 專专 臨临 異异 "
    "鬆松 燒烧 濕湿 亂乱 險险 災灾 氣气 庫库 藥药 鐵铁 壓压 陽阳 臺台"
).split()
_SIMPLIFIED = str.maketrans({pair[0]: pair[1] for pair in _TRADITIONAL})


def simplified(text: str) -> str:
    """`text` with the traditional characters of these words in their simplified form."""
    return text.translate(_SIMPLIFIED)


_CN_COUNT = re.compile(
    "(?=[一二两三四五六七八九十])([一二两三四五六七八九]?十?[一二三四五六七八九]?)(?=[处个项台具块盏间条根副把套扇辆栋幢])"
)
"""A count in Chinese numerals (应更换十具，已更换六具: trial 200 AZ2)."""
_ORDINAL = re.compile("第(\\d+)(?=[处个项台具块盏间条根副把套扇辆栋幢层])")
"""An item's number (第1项), which is not a count of the work (1项已完成，第2项: trial 202)."""
_TYPOS = (
    (re.compile("末(?=完|整改|处理|修|开始|动)"), "未"),  # 末完成, 尚末整改
    (re.compile("(?<!自)己"), "已"),  # 己完成, 己整改
    (re.compile("^以(?=(?:全部)?(?:完成|整改|修|更换|处理|解决|落实))"), "已"),
    (re.compile("(?:^|(?<=[尚还仍暂]))为(?=(?:完成|整改|开始|处理)$)"), "未"),  # 为完成 (BD10)
    (re.compile("完城"), "完成"),
    (re.compile("整该"), "整改"),
    (re.compile("完必"), "完毕"),
    (re.compile("修付"), "修复"),
    (re.compile("整改种"), "整改中"),
    (re.compile("^已(?=整改中$)"), ""),  # 已整改中: under way (trial 210 BJ4)
    (re.compile("(?<=[未已])正改"), "整改"),
    (re.compile("正再"), "正在"),
    (re.compile("玩成"), "完成"),
    (re.compile("部份"), "部分"),
)
"""Slips of the pinyin input (己/以 for 已, 末 for 未) read as meant."""


def _progress_key(text: str) -> str:
    """`text` as the words below are written: clauses parted where a line or a space parts
    them (not 整 改 中), simplified characters, typing slips mended, no closing full stop
    or 了."""
    lines = _LINES.split(text.strip())
    if all(len(word) > 1 for line in lines for word in line.split()):
        lines = [_GAPS.sub(",", line) for line in lines]
    key = normalize_key(",".join(lines)).lower().translate(_SIMPLIFIED)
    key = key.strip("。.!！;了啦啊呀[]【】“”\"'「」『』<>《》")
    for typo, meant in _TYPOS:
        key = typo.sub(meant, key)
    key = _CN_COUNT.sub(lambda m: str(_cn_number(m.group(1))), key)  # 十具 → 10具
    key = _ORDINAL.sub(r"第\1号", key)  # 第一项：已完成 第二项：整改中: items, not counts (BB12)
    # (计划内项目已全部完成: the planned items, not a plan: trial 202 BB27)
    return key.replace("已经", "已").replace("计划内", "规划内")


def _cn_number(text: str) -> int:
    """一 … 九十九 as a number (两 for 二)."""
    tens, _, ones = text.replace("两", "二").rpartition("十")
    digit = "一二三四五六七八九".find
    if "十" not in text:
        return digit(ones) + 1
    return (digit(tens) + 1 if tens else 1) * 10 + (digit(ones) + 1 if ones else 0)


@functools.lru_cache(maxsize=4096)
def normalize_progress(text: str) -> Progress | None:
    """整改完成情况 as typed → 已完成 / 整改中 / 未整改 (None when it says none of them): as a
    whole when it is one of the words, else clause by clause. The last clause that says how
    the work stands decides (隐患复发，已重新整改完毕: 已完成; 已整改，但整改不到位: 整改中 —
    read anywhere in the text, 复发 and 重新 reopened hazards that had passed their review:
    clerk trial 187 AM1, AM7); one saying not done after one saying done, part of it (已完成，
    但未解决), and so is a part done after the work said not done (未整改，警戒线已到位). A
    clause about the 复查验收 or 销号 to come (尚未验收, 正在复查, 未销号), about nothing being
    wrong (没有问题, 未再次发生), about how it stood before (之前整改中), about the papers
    (正在补充照片, 还差签字), about what is to come (下周完成) or how it was done (重新更换)
    decides nothing against it: read as saying the work was not done, they reopened
    accepted hazards (clerk trial 188 AN1); an acceptance to come alone is done. Done is
    never read past a clause not understood that doubts it (已完成，2号楼没动; 已修好，但下
    大雨时还会渗水): the department is asked (closed, they were hazards still there:
    clerk trial 193 AS1–AS6)."""
    key = _progress_key(text)
    if not key:
        return None
    if key in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[key]
    if _OPTIONS_COPIED.fullmatch(key) or "?" in key or key.endswith(("吧", "吗")):
        # 是/否: none chosen; 已完成？, 已完成吧: asked (trial 208 BH24)
        return None
    if sorted(key.split(",")) == sorted(_THREE):  # 已完成 整改中 未整改, copied (AY14)
        return None
    options, ticked = _ticked(text)
    if options:
        return ticked
    if (one := _ONE_TICKED.fullmatch(key)) is not None:  # 整改中（√） (trial 206 BF1)
        return STATUS_SYNONYMS[one.group(1) or one.group(2)]
    if _CROSSED.search(key):  # ×已完成, 已完成 ✗: crossed out, or ticked? (BF8-BF10)
        return None
    if _COUNT_ALONE.fullmatch(key):  # 已完成一处: of how many? (trial 202 BB13)
        return None
    counted, reading = _counted_progress(key)
    if counted:
        return reading
    key = _STATE_TO_STATE.sub(r"\1,", key)  # 整改中-已完成, 整改中 已完成: from one to the next
    said: list[tuple[Progress, bool]] = []  # what the clauses say of the work, and of a part
    implied: Progress | None = None  # the last that only implies it (待验收, 已报修)
    stepped = False  # work under way implied before the last clause said (已采购，未安装)
    doubted = False  # a clause not understood that doubts the work is done (2号楼没动)
    planned = False  # a clause saying when the work is to be done (下周完成)
    more = False  # ... naming work (预计寒假完工; not 计划每月检查一次)
    stopgap = False  # a stopgap said (已拉警戒线)
    temporary = False  # ... said temporary (用木板临时封堵)
    signs = 0  # clauses saying a warning sign was put up
    for clause in filter(None, _CLAUSES.split(key)):
        found = _clause_progress(clause)
        if found is None:
            # (not the hazard restated before what was done: 应急灯损坏，物业已更换新灯)
            restated = not said and implied is None and _RESTATED.fullmatch(clause)
            doubted = doubted or (_doubts(clause) and not restated)
        elif found[1] in (_Says.DOUBT, _Says.PLAN):
            doubted = True
            planned = planned or found[1] is _Says.PLAN
            more = more or (found[1] is _Says.PLAN and bool(_PLANNED_WORK.search(clause)))
        elif found[0] is None:  # (about something else)
            continue
        elif found[1] is _Says.STOPGAP:
            stopgap = True
            # (not one made permanent since: 临时措施已改为永久整改，已完成, trial 202)
            temporary = temporary or bool(
                _TEMPORARY.search(clause) and not _MADE_LASTING.search(key)
            )
        elif (
            found[1] is _Says.IMPLIED
            and found[0] == IN_PROGRESS
            and said
            and _pending(clause, said[-1][1])
        ):
            said.append((IN_PROGRESS, True))  # 灭火器已更换，应急灯已报修 (trial 199 AY1)
        elif found[1] is _Says.IMPLIED:
            # (a test awaited after a step, 已报厂家，等待上门检测: under way, trial 196 AV3)
            implied = IN_PROGRESS if implied == IN_PROGRESS and not said else found[0]
        elif implied == IN_PROGRESS and found[0] == DONE and _SIGN.search(clause):
            stopgap = True  # 已报修，已挂警示牌: a sign till the work is done (alone, the fix)
        else:
            stepped = implied == IN_PROGRESS
            said.append((found[0], found[1] is _Says.PART))
            signs += found[0] == DONE and bool(_SIGN.search(clause))
            if said[-1][0] == DONE and not _COUNT.search(clause):  # (a cell grown over
                doubted = False  # the rounds: what it said before the work was done, AX1)
    if said and (implied == IN_PROGRESS or stopgap) and all(p == DONE for p, _ in said):
        if signs == len(said):  # 已设置警示牌，已报修; 已挂警示牌，已停用 (trial 200 AZ1)
            return IN_PROGRESS
        if temporary:  # 已清理碎玻璃，用木板临时封堵: the rest a stopgap (trial 208 BH4)
            return IN_PROGRESS
    if not said:  # (what is to be done, alone: under way, not asked: trial 195 AU17)
        reading = implied or (IN_PROGRESS if planned or stopgap else None)
    elif said[-1][0] == NOT_STARTED and (
        any(p != NOT_STARTED for p, _ in said) or stepped or stopgap
    ):
        reading = IN_PROGRESS  # 已完成，但未解决; 已采购，未安装: not all of it
    elif said[-1] == (DONE, True) and _part_after_open(said):
        reading = IN_PROGRESS  # 整改中，灭火器已更换: a part of it
    else:
        reading = said[-1][0]
    if reading == DONE and _EXCEPT.search(key):  # 除食堂外，其余均已整改 (trial 195 AU6)
        return IN_PROGRESS
    if reading == DONE and len(_ITEM.findall(key)) > 1 and any(p != DONE for p, _ in said):
        return IN_PROGRESS  # 1.未整改 2.已整改: items, one not done (trial 199 AY2)
    if reading == DONE and more:  # 已拆除重建，预计寒假完工: more to do
        return IN_PROGRESS
    return None if reading == DONE and doubted else reading


@functools.lru_cache(maxsize=4096)
def progress_said(progress: str | None, text: str) -> str:
    """整改完成情况 as the register and the archive print it: the state read, and the
    department's own words when they say more than a state (整改中（已更换4只，还有2只待
    采购）): printed as the state alone, what the department reported was nowhere in the
    register nor in 一问题一档案 (clerk trial 201 BA2). Not understood: the words alone."""
    if not progress or not text or progress == text:
        return progress or text
    key = _progress_key(text)
    if key in STATUS_SYNONYMS or _ticked(text)[0]:  # (已整改, 完成。, ☑已完成 □整改中)
        return progress
    if key.startswith(progress):  # 整改中（已联系厂家）: not 整改中（整改中（…）） (trial 203 BC2)
        return text
    return f"{progress}（{text}）"


def read_progress_said(cell: str) -> tuple[Progress | None, str]:
    """What `progress_said` printed, read back: the state and the department's words (a
    state the clerk corrected before the words is taken, when the words say one at all)."""
    said = _SAID.fullmatch(cell)
    if said is not None and normalize_progress(said.group(2)) is not None:
        return STATUS_SYNONYMS[said.group(1)], said.group(2)
    return normalize_progress(cell), cell


_SAID = re.compile("(已完成|整改中|未整改)[（(](.+)[）)]", re.DOTALL)
"""(half-width brackets too: a clerk correcting the state typed them, trial 205 BE3)"""


def _part_after_open(said: list[tuple[Progress, bool]]) -> bool:
    """Parts said done after the work was said not done, and nothing saying all of it is
    since (12月8日施工队进场 … 12月15日完工，警戒线已撤除: done, trial 196)."""
    open_at = [i for i, (progress, _) in enumerate(said) if progress != DONE]
    return bool(open_at) and all(part for _, part in said[open_at[-1] + 1 :])


def _counted_progress(key: str) -> tuple[bool, Progress | None]:
    """What a share or a count of the work says (已完成50%, 已完成3/5, 共5处，其中3处已整改:
    done only when all of it is; “已完成50%” was 已完成, and with a 销号时间 the hazard was
    closed: clerk trial 130): whether `key` gives one, and what it says."""
    share = _SHARE.search(key)
    if share is not None and (_WORK.search(key) or _RATE.search(key) or key == share.group(0)):
        value = float(share.group(1))
        if value < 100:
            return True, IN_PROGRESS if value else NOT_STARTED
        if _SHORT_OF.search(key):  # 未完成100%, 完成率不足100%
            return True, IN_PROGRESS
        return True, None if _FUTURE.search(key) else DONE  # (预计月底100%完成: asked)
    before = _FRACTION_BEFORE.search(key)  # 15/20已完成: 15 of 20 (3/5, 11/28: a day)
    if before is not None and 12 < int(before.group(1)) < int(before.group(2)):
        return True, IN_PROGRESS
    fraction = _FRACTION.search(key)  # 已完成3/5 (not 12/10前完成, 1/2寸: trial 193 AS8)
    if fraction is not None:
        done, whole = (int(n) for n in fraction.groups() if n is not None)
        return True, DONE if done >= whole else (IN_PROGRESS if done else NOT_STARTED)
    if _ALL_DONE.search(key):  # 检查32个配电箱，更换4个，已全部完成 (trial 195 AU10)
        return False, None
    if _CHECKED_COUNT.search(key):  # 检查了20个灭火器，更换3个: 3 of 20? (trial 200 AZ7)
        return False, None
    counted = _COUNTED.search(key)
    if counted is not None and _WORK.search(key):
        return True, DONE if int(counted.group(3)) >= int(counted.group(1)) else IN_PROGRESS
    total = _TOTAL.search(key)
    if total is not None and _WORK.search(key) and not _THE_BROKEN.search(key):
        whole, unit = int(total.group(1) or total.group(3)), total.group(2) or total.group(4)
        counts = [int(n) for n in re.findall(f"(\\d+){unit}", key)]
        counts.remove(whole)
        if any(n < whole for n in counts):  # 已整改3处（共5处）, 其中3处已修复
            return True, IN_PROGRESS
    return False, None


class _Says(enum.Enum):
    """How a clause says the state of the work: of all of it, of a part (灭火器已更换), only
    implying it (待验收: done; 已报修: under way), or nothing (未附照片, 下周完成)."""

    ALL = "all"
    PART = "part"
    IMPLIED = "implied"
    NOTHING = "nothing"
    DOUBT = "doubt"
    """Nothing, but what it says doubts the work is done (月底前完成: or was it?)."""
    STOPGAP = "stopgap"
    """A stopgap: alone, the work not done; beside what is said of it, nothing."""
    PLAN = "plan"
    """When the work is to be done (预计月底完成, 下周完成): not done; alone, under way."""


_NOTHING: tuple[None, _Says] = (None, _Says.NOTHING)
_DOUBTED: tuple[None, _Says] = (None, _Says.DOUBT)
_PLANNED_FOR: tuple[None, _Says] = (None, _Says.PLAN)


def _clause_progress(clause: str) -> tuple[Progress | None, _Says] | None:
    """What one clause of a 整改完成情况 says of the work, and how (`_Says`); None: not
    understood."""
    dated = _DATES.sub("", _LEAD.sub("", clause)).removesuffix("了")
    if not dated:
        return _NOTHING
    if (
        dated != clause and dated.removeprefix("重新").removeprefix("完成") in _BARE_DONE
    ):  # 12.05 更换: done that day
        return DONE, _Says.ALL
    clause = dated
    if _WHEN_UNSURE.match(clause):  # 6月完成: done in June, or to be? (trial 202 BB1)
        return _DOUBTED
    if clause in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[clause], _Says.ALL
    if _TO_BE_DONE.fullmatch(clause):  # 需要整改, 需更换: said to be done, not begun (BL)
        return NOT_STARTED, _Says.ALL
    if clause[0] in "□☐":  # √已报修 √已到货 □已安装: not done (trial 196)
        return _NOTHING
    clause = clause.lstrip("√☑✓✔")
    if not clause:
        return _NOTHING
    if (
        _EARLIER.match(clause)
        or _NOTHING_WRONG.match(clause)
        or _TO_CLOSE.match(clause)
        or _PREVENTED.search(clause)
        or _LATE.match(clause)
    ):
        return _NOTHING  # 之前整改中, 没有问题, 无需重新整改, 未销号, 以防再次发生, 未按期
    if _RESTORED.search(clause) or _PASSED.search(clause):  # 已恢复正常使用, 经消防大队验收合格
        return DONE, _Says.ALL
    if _EXCEPT.search(clause):  # 除3号楼外均已整改 (trial 195 AU6)
        return IN_PROGRESS, _Says.ALL
    if _ASKS_CLOSING.match(clause):  # 申请销号, 待销号: done, to be closed (AU13)
        return DONE, _Says.IMPLIED
    if (closing := _CLOSING_AFTER.search(clause)) is not None:  # 整改完毕待销号 (AV17)
        clause = clause[: closing.start()]
    if _AWAITING_ACCEPTANCE.match(clause) or _ACCEPTANCE_NOT_YET.match(clause):
        # done, its 复查验收 to come (not 未整改: AK5); a test to come, under way unless
        # the work is said done (等待厂家检测, 已送检，等待检测报告: trial 196)
        tested = _TESTS.search(clause) and not _ACCEPTANCE.search(clause)
        return (IN_PROGRESS if tested else DONE), _Says.IMPLIED
    if _ELSEWHERE.search(clause):
        return _NOTHING
    if _PLACED.match(clause):  # 已购置灭火毯2条，放置于厨房门口 (trial 199 AY10)
        return DONE, _Says.PART
    if _CHECKED_ONLY.match(clause):  # 已完成自查, 心理健康普查已完成: the hazard's work? (AX8)
        return None
    if _PAPERS.search(clause) and not _PHYSICAL.search(clause) and not _AGAIN.search(clause):
        if _PAPERS_UNDONE.search(clause):  # 查寝记录还在补, 个别班级仍需加强 (trials 203, 204)
            return _DOUBTED
        # 正在补充照片, 还差签字, 仍在保修期 (trial 193 AS16, AS17); 已建立台账: a thing done
        if (
            clause.startswith("已")
            and _RECORDS.search(clause)
            and "拍照" not in clause
            and not _DOUBT.search(clause)
        ):
            return DONE, _Says.PART
        return _NOTHING
    if _UNDONE_ONES_DONE.match(clause):  # 未上锁的配电箱已全部上锁 (trial 199)
        return DONE, _Says.ALL
    part, fixed = _PART.search(clause), _FIXED_PART.search(clause)
    if part and any(w in clause for w in _PART_OF) and not (part.group() == "部分" and fixed):
        return IN_PROGRESS, _Says.ALL  # 已整改一半, 大部分已完成, 已完成八成, 问题已处理一半
    if fixed:  # 不合格处已整改, 未到位的已补齐, 未整改部分已完成
        return DONE, _Says.ALL
    if _STAGE.search(clause):  # 已完成第一阶段, 已完成初步整改
        return IN_PROGRESS, _Says.ALL
    if clause in ("临时", "临时措施", "临时处理"):  # 已整改（临时）: the work not done
        return IN_PROGRESS, _Says.ALL
    if _SIGN.search(clause) and _WATCHED.search(clause) and not _MENDED.search(clause):
        return IN_PROGRESS, _Says.STOPGAP  # 已设置警示标志并安排专人巡查 (trial 215 BO1)
    if (
        _STOPGAP.search(clause)
        and not _TAKEN_AWAY.search(clause)
        and not _said_undone(clause)
        and not _NO_STOPGAP.search(clause)  # 未有效隔离: the hazard, not a measure (BJ24)
    ):
        return IN_PROGRESS, _Says.STOPGAP  # 临时措施已到位, 已停用 (not 还差一块警示牌)
    if _ALMOST.match(clause):  # 快完成了, 差不多完成了 (AS1)
        return IN_PROGRESS, _Says.ALL
    if _NOT_WHOLLY.match(clause) or _NOT_THERE_YET.match(clause):  # 未完全整改, 未到位
        return IN_PROGRESS, _Says.ALL  # part of it (not 未整改: trial 185 AK1, AK5)
    if _NOT_YET_DONE.match(clause):  # 还没完成, 暂未完成: under way
        return IN_PROGRESS, _Says.ALL
    if _CANNOT.search(clause) or _NOT_BEGUN.match(clause):  # 无力解决, 整改未开始 (BD18)
        return NOT_STARTED, _Says.ALL
    if _LATER_TOGETHER.search(clause):  # 随新校区建设一并解决 (trial 204 BD19, BD20)
        return _PLANNED_FOR
    if _NO_MEANS.match(clause):  # 资金未到位: the work not begun (trial 204)
        return NOT_STARTED, _Says.IMPLIED
    if _NEGATED_WORK.match(clause) or _PUT_OFF.search(clause):  # 未整改, 还没动, 暂缓整改
        return NOT_STARTED, _Says.ALL
    subject = _SUBJECT_DENIED.match(clause)  # 应急灯未安装, 2号楼没动 (AS3)
    if subject is not None and not _WHOLE.search(subject.group()):  # (not 整改未完成)
        if _NEGATED_WORK.match(clause, subject.end()):
            return NOT_STARTED, _Says.PART
        if _WAITING.match(clause, subject.end()):  # 1台待修
            return IN_PROGRESS, _Says.PART
    if _REMAINING.search(clause):  # 剩余2处正在整改, 还剩1个插座没换 (trial 191 AQ1)
        return IN_PROGRESS, _Says.ALL
    if _AFTERWARDS.match(clause):  # 后续计划加装监控: beyond the hazard (trial 192 AR2)
        return _NOTHING
    if _ASKED_TO_SEE.fullmatch(clause):  # 已请维修公司处理: asked, not said done (trial 222)
        return IN_PROGRESS, _Says.IMPLIED
    step = _STEP.search(clause, 0, _STEP_REACH)  # (what leads the clause)
    if step is not None and step.group() == "要求" and "按" in clause[: step.start()]:
        step = None  # 已按照学校要求完成整改 (trial 196 AV9)
    if step is not None and (before := _DONE_SAID.match(clause[: step.start()])) is not None:
        if (
            before.end() < step.start() - 1
            and not clause.startswith("完成", before.end() - 2)
            and step.group() not in _PENDING  # (已设置警示牌并报修: trial 200 AZ1)
        ):
            step = None  # 收缴物品已登记造册并通知家长领回: done, then told (trial 196)
    if step is not None and (
        not (_PHYSICAL.search(clause, step.end()) or clause.endswith("到位"))
        if step.group() in _PURCHASES
        else _STEP_DONE.match(clause, step.end()) or not _WORK_DONE.search(clause, step.end())
    ):  # 已报修, 已完成采购, 施工队已进场 (AS2, AS21)
        # the rest left (另2具已订购), or to do (UPS需另行申请经费): said
        left = clause.startswith("另") or _STILL_NEEDED.search(clause, 0, step.start())
        return IN_PROGRESS, _Says.ALL if left else _Says.IMPLIED
    if clause.startswith(_DONE_FIRST):
        # unless it goes on to say it is not (已整改但整改不到位; 已完成复查不合格需重新整改:
        # they kept an accepted hazard closed, clerk trial 185 AK1); a count alone, a part
        # (整改中-已完成3处: trial 212 BL32)
        if _said_undone(clause):
            return IN_PROGRESS, _Says.ALL
        return DONE, _Says.PART if _COUNT_ALONE.fullmatch(clause) else _Says.ALL
    if clause.startswith(_DENYING) and _NOT_THE_WORK.search(clause) and not _FAILED.search(clause):
        # not the work (未经验收, 没有其他问题, 未附照片, 未到期, 不影响使用: read as not
        # done, they reopened accepted hazards: trial 190 AP1)
        return _NOTHING
    if _WAITING.match(clause):  # 等配件, 待资金到位后整改
        return IN_PROGRESS, _Says.ALL
    if _PLAN_OF_A_PART.match(clause):  # 二楼计划下周完成 (after 已完成一楼)
        return IN_PROGRESS, _Says.PART
    if (
        clause.startswith("正在")
        and not _WORK.search(clause)
        and not _FINISHING.search(clause)
        and clause != "正在进行"
    ):
        # 正在跟进后续: beside the work
        return IN_PROGRESS, _Says.IMPLIED
    if "整改中" in clause or clause.startswith(_UNDER_WAY_FIRST) or _UNDER_WAY.search(clause):
        return IN_PROGRESS, _Says.ALL
    if clause.startswith(("已", "返工", "重新")) and _DONE_AGAIN.search(clause):  # 已返工完成
        return DONE, _Says.ALL
    if _DONE_ANEW.match(clause):  # 已再次清理, 已当场整改 (after 又出现: trial 191 AQ5)
        return DONE, _Says.ALL
    # not done, in other words (整改未完成, 尚在整改, 需重新整改, 返工, 验收不合格): read as none,
    # they kept an earlier 已完成 (clerk trial 183 AI1)
    if _said_undone(clause):
        return IN_PROGRESS, _Says.ALL
    if _FUTURE.match(clause) or (_TO_COME.search(clause) and "已" not in clause):
        return _PLANNED_FOR  # 预计月底完成, 下周完成: what is to be done (AS1)
    if _PLANNED.search(clause):  # 月底前完成: to be, or done by then
        return _DOUBTED
    if "重新" in clause:  # done again (复发后已重新整改完成), or how it was (重新更换)
        if _DONE_AGAIN.search(clause) or _DONE_ANEW_NAMED.search(clause):
            return DONE, _Says.ALL  # 危化品已重新入柜, 已请电工重新接线 (trial 199 AY8)
        return IN_PROGRESS, _Says.IMPLIED
    if clause in ("×", "✗", "✘"):
        return NOT_STARTED, _Says.ALL
    if _doubts(clause):
        return None
    done = _DONE_SAID.match(clause)  # 隐患已消除, 灭火器已更换, 已加装护栏 (AM7, AS20)
    if done is None and not clause.endswith(_DONE_END):
        return None
    named = clause[: clause.find("已")] if "已" in clause else ""
    # all of the work only when it says so (整改中，已更换3个; 未整改，警戒线已到位; 2处未整改，
    # 3处已整改: clerk trial 193 AS3, AS5)
    if _COUNT.search(clause) or clause.startswith(_THE_OTHERS):
        return DONE, _Says.PART  # 3处已整改; 其他都修好了 (after 还有2处没修: trial 200 AZ3)
    if _WHOLE.search(named) or _ALL_OF_IT.search(clause):
        return DONE, _Says.ALL  # 隐患已消除, 灭火器均已更换 (not 二楼已整改: trial 199 AY2)
    if _AGENT.search(named):
        return DONE, _Says.ALL  # 维修工已修好, 电工已更换应急灯: who did the work
    if clause.endswith(_DONE_END) and not named:
        return DONE, _Says.ALL  # 处理完毕, 已修好 (not 防护措施已到位, 女生宿舍已完成)
    if not named and clause.endswith(_BARE_DONE):
        return DONE, _Says.ALL  # 已修复 (not 已设置警示牌, a thing done)
    return DONE, _Says.PART


def _pending(clause: str, after_part: bool) -> bool:
    """`clause` is a step taken for another part than one said done before (应急灯已报修;
    after 空调已维修, 已申请更换)."""
    step = _STEP.search(clause)
    named = after_part or bool(_NAMED_STEP.match(clause))
    if step is not None and step.group() == "报":  # 已报后勤更换 (trial 210 BJ3)
        return named and bool(_PHYSICAL.search(clause, step.end()))
    return named and step is not None and step.group() in _PENDING


def _doubts(clause: str) -> bool:
    """`clause` doubts the work is done (还会渗水, 2号楼下周; not 暑假期间已完成)."""
    return bool(_DOUBT.search(clause) or (_TO_COME.search(clause) and "已" not in clause))


def _said_undone(clause: str) -> bool:
    """`clause` holds words saying the work is not done (`_NOT_DONE`), not denied just
    before them (防止复发, 未发现复发, 无需重新整改) nor past (复发后, 返工后)."""
    return any(
        not _DENIED.search(clause, max(0, m.start() - _DENIAL_REACH), m.start())
        and not _PAST.match(clause, m.end())
        for m in _NOT_DONE.finditer(clause)
    )


_CLAUSES = re.compile(
    r"[,;，；。:：、!！?？()（）\s→]+|(?<!\d)/|/(?!\d)|->|=>|(?:但是?|然而|不过|目前)(?=.)|(?:改为|变为|转为|变更为|更改为)(?=.)"
)
"""Where a 整改完成情况 goes on to another clause (after NFKC: ，→, ；→;), or to the state
it went to (整改中→已完成)."""
_LEAD = re.compile(
    "^(?:\\d{1,2}[.、)](?!\\d)|[①②③④⑤⑥⑦⑧⑨⑩])?(?:现在?(?=已|又|全)|本次|这次|当前|均|都|全都|"
    "全部(?=未|没|尚)|(?:由于|因为|因)[^,未没已]{1,10}?(?=(?:暂|尚|还|仍)?(?:未|没))|"
    "经(?:复查|检查|验收|复核)|后来?(?!续)|之后|随后)?"
)
"""Words before a clause that say nothing of the work (现已完成, 均已整改, 经复查未发现复发)."""
_DATES = re.compile(
    r"于?(?:\d{2,4}年)?\d{1,2}月\d{1,2}[日号]?|于?\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|于?\d{1,2}[./-]\d{1,2}[日号]?(?![\d%])"
    r"|(?<=已)于(?:\d{1,2}月份?(?:初|中旬|上旬|下旬|底)?|本周|上周|近日|日前|昨天|今天|上月|本月)"
    r"(?![\d一二三四五六七日天号])"
)
"""A day in a clause (12月20日已完成, 已于12月20日更换, 12/15完成, 12.10已完成): not the
work (12/15 read as a share of it: clerk trial 193 AS8)."""
_WHEN_UNSURE = re.compile(
    "(?:于|在)?(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:初|中|中旬|上旬|下旬|份)?(?:前|内)?(?:完成|完工|整改|修|更换)"
    "|(?:今天|今日|本周|这周|[qQ][1-4]|第?[一二三四1-4]季度)(?:上午|下午|晚上)?(?:完成|完工|修好|整改)"
)
_DONE_FIRST = ("已完成", "已整改", "完成整改", "已销号", "已全部完成", "全部完成", "已重新")
_EARLIER = re.compile(
    "^(?:之前|此前|原为|原报|原来|原先|原已|原本|原不合格|原未|原计划|原(?=整改|未)|上次|上回|上一?轮|"
    "第[一二三四五六七八九十\\d]+轮(?=报|为|是)|第[一1]次|前期|先前|以前|起初|最初|早前|曾经?|开始(?=未|没|时)|"
    "由(?=整改中|未整改)|(?:前次|上期|上周|上月|首次)(?!.*已)|\\d+月份?(?:报|检查|督查|巡查)|"
    "(?:检查|督查|巡查|复查|自查)时(?=未|整改中|为|尚)|所?报的?(?=整改中|未整改|是))"
)
"""How the hazard stood before (已完成，之前整改中; 之前整改中，现已完成)."""
_NOTHING_WRONG = re.compile(
    "^(?:经?(?:复查|验收|检查)(?:时|中|后)?)?(?:其他|其它|其余|现在|目前|已|均|都)?(?:(?:没有|没|无|不存在|再无|再没有?|未见|未发现|没有?发现|未再|不再)(?:发现|出现)?新?的?"
    "(?:问题|异常|隐患|不到位|不合格|未完成|未整改|复发|反弹|返工|此类|类似)"
    "|(?:未|没有?|无)(?:复发|反弹)|无需|不需要?|不用|(?:无|没有?)剩余|暂(?:无(?!法)|未发现|没有)"
    "|.{0,4}(?:问题|隐患)(?:已|均)?(?:不再|不)存在|(?:无|没有?|未见|不再)(?:渗漏|漏水|积水|渗水|杂物|异味|堆放|堆物))"
)
"""Nothing wrong with the work (已完成，没有问题; 已整改，没有不到位; 无需重新整改)."""
_TO_CLOSE = re.compile("^(?:尚未|还未|还没有?|未|没有?)销号$")
"""Not yet closed (已完成，未销号): the 销号时间 says when; alone, asked."""
_AWAITING_ACCEPTANCE = re.compile(
    "^(?:尚未|还未|还没有?|未|没有?|有?待|等待|正在|在|还差|还剩|剩下|剩余|只差|就差|尚需|还需|需要?|"
    "尚在)?(?:(?!通过|合格|不|未|已|完)[^整改修换装]){0,6}?(?:复查|验收|复核|复查验收|检查验收|检测|检验|评估|鉴定)"
    "(?:中|手续|报告)?"
    "(?:后销号)?$"
)
"""The 复查验收 to come (待验收, 尚未复查, 正在验收, 验收中)."""
_FIXED_PART = re.compile(
    "(?:(?<![\\d号])处|的|(?<![\\d号])项|之处|(?<=[^大小一少])部分|问题|隐患|(?:不合格|不到位|未到位|损坏|破损|过期|未整改|未完成)\\w{0,6}?)"
    "(?:均|都|也)?已(?:全部|重新)?(?:整改|完成|补齐|补全|修复|更换|换|处理|消除|解决|落实|返工|排除)"
)
"""What was wrong, fixed (不合格处已整改, 未到位的已补齐, 隐患已消除)."""
_UNDONE_ONES_DONE = re.compile("(?:未|没有?)[^,的]{1,6}的[^,]{0,8}?(?:均|都|也)?已全部")
"""Those not done, all done since (未上锁的配电箱已全部上锁): not the work denied."""
_FUTURE = re.compile("^(?:预计|计划|拟|将于|将|争取|力争|准备|打算|确保|保证)")
_ITEM = re.compile("(?:^|,)(?:\\d{1,2}[.、)](?!\\d)|[①②③④⑤⑥⑦⑧⑨⑩])")
_PLANNED_WORK = re.compile("完成|完工|整改|维修|更换|安装|施工|修")
_AFTERWARDS = re.compile("后续|下一步|今后|以后|日后|将来")
_ASKED_TO_SEE = re.compile(
    "[^,已未没不]{0,12}?已(?:经)?请(?!示)[^,已未没不并]{1,10}?(?:上门|来校|到校|到场|来)?"
    "(?:处理|维修|检修|修理|查看|察看|检查|看看|鉴定|评估|检测)"
)
"""Someone asked to see to it (已请维修公司处理, 已请厂家检修), nothing said of it done since
(not 已请电工更换, 已请物业维修完毕: the work done by them)."""
_PLAN_OF_A_PART = re.compile(
    "[^已未没]{1,8}?(?<!按)(?<!原)(?<!比)(?<!较)(?:计划|预计|拟|准备|将于)(?!.*已)"
)
_UNDER_WAY_FIRST = ("正在", "部分", "即将", "接近", "快要")
_DONE_END = (
    "完毕",
    "完成",
    "结束",
    "解决",
    "到位",
    "处理好",
    "修好",
    "弄好",
    "搞定",
    "整改好",
    "完成整改",
    "换好",
    "换完",
    "装好",
    "修完",
    "弄完",
    "整好",
    "整完",
    "改好",
    "整改完",
    "做好",
    "搞好",
    "牢固",
    "备案",
)
"""How a clause that says the work is over ends (处理完毕, 整改结束, 返工后已完成)."""
_DONE_AGAIN = re.compile("(?:重新|返工).*(?:完成|完毕|到位)")
_UNDONE = (
    "未完|未到位|不到位|不合格|未合格|尚在|尚需|仍在(?!正常|使用|运行|用|保修|有效|观察)|仍有|仍存在|还存在|依然存在|依旧|"
    "还有问题|还有隐患|还差|尚差|未通过|没通过|不通过|效果不(?!错)|继续整改|返工|复发|未整改|没完|未结束|"
    "不彻底|未彻底|没有?彻底|基本(?:上)?(?:已)?.{0,3}?(?:完成|整改|解决|到位|修复|处理|结束|完毕|落实|"
    "杜绝|消除|排除|清除|遏制|控制|清理|改善|规范|清零|改正|纠正)|"
    "还有(?!照片|附件|图片|保修|质保|备用|专人)|又被|(?:有)?待(?:进一步)?(?:完善|整改|处理|维修|更换|修复|解决|落实|施工)|"
    "(?<!不)正在|(?<=.)(?<!按)(?<!原)(?<!于)(?<!按整改)(?<!按照)(?<!比)(?<!较)(?:计划|预计|拟于|准备)|"
    "(?:又|再次)(?:出现|发现|发生|跳闸|漏|损坏|坏|故障|堆放)|仍(?:漏|坏|不|未|没)|"
    "缺货|缺件|断货|反复(?:出现|发生)|也(?:是)?(?:过期|坏|损坏|不合格)|(?:问题|隐患|故障)(?:还|仍|依然)(?:在|存在|有)|(?:还|仍|尚|另)需(?:要)?(?:进一步)?"
    "(?:完善|整改|处理|维修|更换|修复|解决|落实|补充|采购|施工)"
)
_NOT_DONE = re.compile(f"{_UNDONE}|(?:需|需要|要|待|仍需|还需)重新")
"""Words saying that the work is not done, anywhere in a clause of a 整改完成情况 (没完成,
整改未结束 and 基本完成 kept an accepted hazard closed: clerk trial 185 AK3; 但仍有问题,
复查未通过: trial 188 AN2; after 已完成 in one clause too, 已整改但整改不到位), but a bare 重新,
which says it was done again (已完成已重新更换)."""
_DENIED = re.compile("防止|预防|避免|杜绝|未发现|没有发现|未见|无需|不需|不再|无|没有|不存在")
_DENIAL_REACH = 6
_PAST = re.compile("(?:一次|两次|\\d+次)?后")
"""After a not-done word: it is past (复发后, 返工一次后合格)."""
"""Characters before a not-done word searched for a word denying it (建立长效机制防止隐患复发)."""
_UNDER_WAY = re.compile(
    "(?:维修|施工|报修|处理|采购|安装|协调|联系|推进|办理|审批|招标|改造|更换|维护|落实|返工|进行|修理|整修|"
    "检修|调试|联调|加工|制作|收尾|处置|对接|联网|回收|审核|报批|申请|定制)中(?!控|心|间|庭|厅|央|转|层|门)|收尾阶段"
    "|(?<![其集期途空心之当高初程楼室家手院校网水火眼盒箱柜])[\u4e00-\u9fff]{2}中$"
    "|^(?:还|仍|正|已)?在(?:修|弄|整改|维修|施工|处理|换|进行)|(?<![存所现实自])在(?:修|维修|施工)$"
    "|^(?:还|仍)?在等"
)
"""Work under way in other words (维修中, 施工中, 报修中: clerk trial 185 AK3)."""
_NOT_WHOLLY = re.compile("(?:还|仍|暂|尚|目前)?(?:未|尚未|没有|没)(?:完全|全部|彻底)")
_DENYING = ("未", "尚未", "没", "不", "无", "暂未", "还未", "还没")
"""How a clause denying something begins."""
_FAILED = re.compile("(?:未|不|没)(?:通过|合格)")
"""Failed (未通过验收): the work not done, not the acceptance to come (trial 196 AV1)."""
_NOT_THE_WORK = re.compile(
    "照片|图片|附件|验收|复查|复核|销号|到期|逾期|超期|期限|影响|造成|伤|损失|事故|其他|其它|任何|"
    "费用|花费|经|办理|组织|发现|发生|出现|复发|反弹|再|投诉|安全隐患|问题|隐患|异常|拍照|照"
)
"""What a clause may deny besides the work (未附照片, 没有逾期, 不影响使用: read as not done,
they reopened accepted hazards: clerk trial 190 AP1)."""
_WORK = re.compile(
    "整改|完成|动工|施工|处理|维修|修复|解决|落实|更换|安装|拆除|清理|清除|采购|实施|改造|处置|加固|返工|"
    "张贴|粘贴|设置|悬挂|配备|配置|补充|补齐|建立|购置|增设|结束|修|换"
)
"""The work a 整改完成情况 says is done or not (not its 验收, its photos, its deadline)."""
_NEGATED_WORK = re.compile(
    "(?:还|仍|暂|尚|目前|暂时)?(?:未|尚未|没有?|还未|还没有?)(?:能|有)?(?![按如及]时|按期|如期)"
    f"(?:彻底|完全|全部)?(?:开始|开展|进行|组织)?(?:重新)?(?:{_WORK.pattern}|动|做|弄|换|装|理|买|通电|"
    "调试|联调|联网|到货|开工|启动|开始|消除|接入|接通|联动|上锁|加装|补建|补装|年检|建档|搬|运走|移走|清走)"
)
"""Not done, the work named (未整改, 尚未维修, 没有彻底解决, 还没动): not another thing
denied."""
_RESTATED = re.compile(
    "[^未没不待需还仍又等暂]*(?:损坏|坏|漏水|漏气|渗水|脱落|塌落|堆放|故障|老化|破损|松动|过期|缺失|不足|"
    "不亮|失灵)[^未没不待需还仍又等暂]*"
)
"""A clause naming the hazard (应急灯损坏, 吊顶因漏水塌落), before what was done about it."""
_PUT_OFF = re.compile("暂(?:缓|不)(?:整改|处理|实施|维修|施工)")
_CANNOT = re.compile(
    "(?:无力|难以|无法|不能|很难|不好|没法|没有能力)(?:彻底)?(?:解决|整改|处理|修复|实施)"
    "|不具备(?:整改)?条件"
)
_NOT_BEGUN = re.compile(
    "[^,已]{0,6}?(?:整改|维修|施工|工程|改造)(?:工作)?(?:还|尚|暂|仍)?(?:未|没有?)(?:开始|启动|动工|开工|实施|开展)$"
)
_LATER_TOGETHER = re.compile(
    "(?:随|结合).{1,12}?(?:一并|统筹|统一)?(?:解决|整改|处理|实施)$|(?:待|等).{1,12}?(?:一并|统筹|统一)"
    "(?:解决|整改|处理|实施)$|(?:统筹|逐步|后期)(?:解决|整改)$"
)
_NO_MEANS = re.compile(
    "(?:资金|经费|款项|预算|拨款)(?:还|尚|暂|仍)?(?:未|没有?)(?:到位|到账|落实|下拨|批复|下达|到)$"
)
_SUBJECT_DENIED = re.compile(
    "[^未没尚还暂仍已待正不无等]{1,10}?(?=(?:还|仍|暂|尚|目前)?(?:未|没|尚未|待))"
)
"""What a clause saying a part is not done names first (应急灯未安装, 2号楼没动)."""
_STATE_TO_STATE = re.compile("(整改中|未整改)(?:[-—~～至]+|(?=已))(?=已?(?:完成|整改完))")
_PLANNED = re.compile("^(?!.*提前)[^已]*(?:前|底|内)(?:完成|整改完毕?|完毕|完成整改)$")
"""When what is left is to be done (月底前完成): not the work done."""
_REMAINING = re.compile(
    "(?<!无)(?<!没有)(?:剩余|剩下|还剩|其余|余下|尚余|(?:仅|只)?剩(?=\\d|[一二两三四五六七八九十]|收尾))(?![^,;]*?(?:(?:(?:也|均|都|全部)已?|已)(?:全部)?"
    "(?:完成|整改|更换|修复|维修|处理|装好|换好|修好|安装|清理)|正常|完好|良好|无问题|没有问题|同上|均无|保护器|电流))"
)
"""Work left (剩余部分寒假施工), unless it says that is done too (剩余部分已完成)."""
_DONE_ANEW = re.compile(
    "^[^未没不]{0,8}?已[^未没不,]{0,10}?(?:再次|重新|当场|立即|及时)(?:清理|整改|更换|修复|维修|拆除|清除|处理|加固|安装|"
    "补齐|敷设|铺设|固定|张贴|粘贴|设置|没收)"
)
_DONE_ANEW_NAMED = re.compile("已[^未没不,]{0,10}?重新[^未没不,]{0,12}$")
_UNIT = "[处个项台具块盏间条根副把套扇只部辆栋幢层]"
"""What the things of the work are counted in (5处, 10具)."""
_FRACTION_BEFORE = re.compile(r"(?<![\d/.-])(\d+)/(\d+)(?=已?(?:完成|整改|修复|更换|处理|修好))")
_FRACTION = re.compile(
    r"^(\d+)/(\d+)$|(?:完成|整改|修复|更换|处理|修好)了?(\d+)/(\d+)(?![\d寸号楼])"
    rf"|(\d+)/(\d+)(?={_UNIT})|(\d+){_UNIT}/(\d+)"
)
_ALL_DONE = re.compile("(?:已|均已|都已)全部(?:完成|整改|到位|更换)|^已完成$|,已完成$")
_CHECKED_COUNT = re.compile("(?:检查|排查|巡查|核查|清点)了\\d")
_COUNTED = re.compile(
    r"(?<!更换)(?<!清理)(?<!整改)(?<!修复)(?<!安装)(?<!维修)(?<!处理)(?<!拆除)(?<!\d)"
    rf"(\d+)({_UNIT})(?:(?!未|没)[^\d;])*?(?:已|完成|整改|更换|(?<!应)换|修复|加固)[^\d;]*?(\d+)\2"
)
"""5处已整改3处: the work's count, and how much of it is done."""
_TOTAL = re.compile(
    f"(?:共|共计|总共|总计|合计|共需要?|总计需要?|需要?|应|要)(?:换|更换|修|维修|整改|处理)?(\\d+)({_UNIT})"
    f"|(?<!\\d)(\\d+)({_UNIT})(?:中的?|之中|(?=[^\\d]*其中))"
)
"""How many there are to do (共5处, 5处中的3处, 5处隐患，其中3处已修复)."""
_THE_BROKEN = re.compile(f"(?:坏|损坏|故障|过期|失效|不亮|破损)的\\d+{_UNIT}")
"""The things of a total the work was about (一共8个灯，坏的3个已换: trial 202 BB25)."""
_TO_COME = re.compile(
    "下周|下星期|下个?月|明天|明日|后天|近日|近期|尽快|寒假|暑假|假期|年后|年底|年前|月底|下学期|周末|本周|"
    "这周|过几天|改天|"
    "下学年|开学|到位后|后即可|就完成|就能|择期|择机"
)
"""When the work is to be done (下周完成, 寒假期间整改完毕: not done, clerk trial 193 AS1)."""
_DOUBT = re.compile(
    "故障(?!已|均已)|未|没(?!收)|不(?!必要|锈)|无法|缺|差|剩(?!余电流)|待|需|仍|还|又|偶尔|(?<![\\d一二两三四五六七八九十几])只|尚|等(?!保|级)|(?<!损)坏(?!的|掉)|"
    "(?<!泄)漏(?!电保护)(?![^,]{0,3}已)|误报|暂|"
    "勉强|难以|很难|反复|时好时坏|反弹|(?:反映|说)(?=已)|时有(?:发生|出现)|听说|据说|听人说|听.{1,6}?说|(?<![根依])据.{1,6}?(?:说|讲)|说是|^应(?=已)|(?<![名职简])称(?=已)|"
    "乱(?!接|拉|扔|放|堆|丢|停|贴|搭|摆)|(?<!按)(?<!原)(?<!于)(?<!按整改)(?<!按照)(?<!比)(?<!较)计划|(?<!按)预计|好像|可能|应该|大概|估计|似乎"
)
"""Words doubting the work is done, in a clause not understood (2号楼没动, 还会渗水)."""
_PREVENTED = re.compile(
    "(?:(?:以免|以防|严防|谨防|防止|避免|杜绝|确保不).{0,8}?|如|若)(?:再次?|重复)?(?:发生|出现|发现|损坏|坏)"
    "|(?:未见|未|不|没有?)(?:再次?)?(?:发生|出现|发现|跳闸|漏水?|渗漏|渗水|积水|复发|损坏|坏)"
)
"""A recurrence denied or guarded against (以防再次发生, 未再次出现漏水: trial 193 AS14)."""
_PAPERS = re.compile(
    "照片|图片|附件|资料|台账|档案|签字|签名|支付|付款|结算|报销|发票|钱|手续|归档|存档|长效机制|"
    "制度|巡查|巡检|观察|记录|保修|质保|有效期|备用|退回|送检|尾款|余款|款项|结账|加强|管理|坚持|"
    "定期|维护|日常|长期|不得|禁止|严禁|教育(?!局|部|厅)|宣传|(?<![不能法])正常|良好|完好|迎接|迎检|回头看|佐证|"
    "整理材料|材料正在整理|易复发|易反弹|关注|其他问题|其它问题|待回收|再检查|复检|回访|跟踪|建议|每月|每周|报告|"
    "每天|每日|每学期|下次检查|下次复查|下一次检查|"
    "效果(?:不错|好|良好|明显)"
)
"""What a clause beside the work is about: its papers and its aftercare (正在补充照片, 还差
签字, 仍在保修期: read as the work not done, they reopened it: trial 193 AS16, AS17)."""
_PHYSICAL = re.compile(
    "更换|换|安装|装|修复|修好|修理|维修|整改|拆除|清理|清除|加固|封堵|张贴|粘贴|设置|悬挂|配备|"
    "配置|补齐|焊接|刷漆|铺设|疏通|移除|搬离|处理|解决|施工|改造|消除|完工|放置|投入使用|"
    "补水|充装|回填|打磨|修剪|收缴|没收|清运|并使用|启用"
)
"""The work itself, on the site (not its papers, nor the steps before it)."""
_STAGE = re.compile(
    "第[一二三四1-4]阶段|(?<![到学])[一二]期|初步|主体|第[一二三四五六七八九十\\d]批|"
    "前期(?:工作|准备|摸底|调研|勘察|设计)|摸底|准备工作|阶段性"
)
"""A stage of the work (已完成第一阶段, 已完成初步整改, 已完成第二批)."""
_MADE_LASTING = re.compile("改为|改成|换成|永久")
_TEMPORARY = re.compile("临时(?!用电|设施|建筑|工棚|宿舍)")
"""Temporary, not a thing so named (临时用电: a site's power supply, trial 210 BJ23)."""
_SIGN = re.compile("警示牌|警示标志|警示标识|提示牌|警示")
_STOPGAP = re.compile(
    "应急处置|应急处理|警戒|(?<!硬质)隔离(?!栏|带|网|墩|桩|门|墙|护)|挂牌|围挡(?!已(?:补齐|修复|加固|更换|恢复))|停用(?!并|后)|暂停使用|停止使用(?!并|后)|暂停运营|停运|断电|封条|贴封|"
    "禁止使用|锥桶|锥形桶|雪糕筒|路锥|(?<!拆除)(?<!清理)(?<!清除)(?<!撤除)(?<!移除)(?<!取消)"
    f"{_TEMPORARY.pattern}(?![^,]*后[^,]*已)"
)
"""A stopgap (已拉警戒线, 临时措施已到位, 已贴封条): alone, the work not done; beside the work
done, kept (防滑垫已铺设，警示牌已放置: trial 198 AX5)."""
_STEP = re.compile(
    "报修|采购|购买|购置|下单|订购|招标|立项|预算|申报|方案|设计|勘查|勘察|上报|审批|(?<!通)报批|请示|"
    "申请|询价|联系|定制|提交|(?<=已)报(?!废|销|账|[^,]{0,8}?备案)|报厂家|报学校|通知|告知(?!书)|督促|(?<!符合)(?<!按)(?<!按照)要求|"
    "落实责任|明确责任|(?:资金|经费|材料|配件|设备)已?到(?:位|货|账)|到货|"
    "责令|(?<!岗已)(?<!岗位已)安排(?![^,]{0,10}?(?:值守|值班)(?!.*(?:修|换|整改|施工)))|"
    "交办|交由|反映|反馈|送修|送厂|报价|订货|派单|"
    "开始|开工|动工|进场|着手|沟通|协调|移交|转交|选址|(?:措施|方案|计划)的?制定"
)
"""A step before the work (已报修, 已完成采购, 已责令整改, 已开工): done, the work is not.
After a purchase or a design the work named (已采购并安装到位) is done; after an order or
a report, the work done is said at the end (已安排维修完毕)."""
_STEP_DONE = re.compile("(?:均|都)?已?(?:完成|完毕|结束)")
"""The step itself done (报修已完成)."""
_PURCHASES = frozenset({"采购", "购买", "购置", "订购", "下单", "方案", "设计"})
_ALMOST = re.compile(
    "^(?:就?快(?!速|递|捷|餐|件)|马上|即将|接近|将近|几近|差不多|已近|近(?!期|日|来))(?=.)"
)
_WAITING = re.compile("(?:等(?!保|级)|等待|等候|待)(?!验收|复查|复核|销号|定)")
_NOT_YET_DONE = re.compile(
    "(?:(?:还|仍|暂|尚|目前|暂时)未|(?:还|仍|暂|尚|目前|暂时)?没有?)(?:能)?完成"
)
_LATE = re.compile("(?:未|没有?)(?:能)?(?:按期|按时|如期|及时)(?:完成)?$")
"""Done late (未按期完成): the 销号时间 says when, not whether."""
_TESTS = re.compile("检测|检验|评估|鉴定")
_ACCEPTANCE = re.compile("复查|验收|复核")
_ACCEPTANCE_NOT_YET = re.compile(
    "(?:整改后的?)?(?:复查|验收|复核|检测)(?:还|尚)?(?:没有?|未)(?:进行|做|组织|开始|安排|完成)?$"
)
_DONE_SAID = re.compile(
    "^(.{0,20}?)已(?:全部|均|都|及时|当场|重新|再次|按要求|按计划|按规范|由.{1,8}?|于.{1,10}?|用.{1,8}?|"
    "对.{1,12}?(?:进行了?)?|[将把在请].{1,10}?|[^,]{0,8}?并)?(?:全面|彻底|认真|集中|统一|单独)?"
    "(?:更换|换|整改|完成|修复|修好|修补|修改|清理|清洗|清淤|清除|清运|安装|装好|装|处理|验收|加装|加固|"
    "加高|落实|拆除|维修|完工|竣工|恢复|消除|排除|张贴|贴|解决|铺设|敷设|复查|建立|搞定|合格|返工|"
    "收缴|没收|做|焊接|封堵|穿管|疏通|报废|销毁|配备|备齐|补齐|补充|补水|闭环|调整|拧紧|固定|关闭|入柜|修理|修缮|"
    "上锁|加锁|弄好|妥善|办结|办理|增设|刷漆|粉刷|改造|分类|打补丁|升级|备份|上传|处置|转移|下架|投入|"
    "开启|试机|清查|重做|规范|设置|悬挂|挂|配置|移除|搬离|撤除|撤掉|断开|粘贴|改正|纠正|整理|完善|"
    "加派|交付|按期|按时|提前|通过|硬化|平整|填平|更新|培训|教育|张挂|贴好|粘好|加盖|盖好|紧固|移出|"
    "移走|搬走|清走|腾空|调试|接入|接通|转运|修妥|配齐|修$|立行立改|开展|存放|储备|检修|组织|补办|年检|"
    "畅通|返回|fix|演练|落地|到岗|撤离|清退|销号|回收|放置|取回|亮|打磨|充装|回填|修剪|年审|"
    "增加|增派|上岗|安排|补装|补设|补建|建档|分开|整修|整治)"
)
"""A clause saying a thing done, by a verb of the work (已加装护栏, 灭火器已全部更换), and what
it names first (not 配件已到, 厂家已来看过, 已签合同: done, they closed hazards, trial 196
AV2)."""
_STEP_REACH = 16
_NAMED_STEP = re.compile("[^已未没不,]{2,10}已")
_PENDING = frozenset(
    {"报修", "申请", "上报", "联系", "采购", "下单", "订购", "送修", "报价", "订货", "购买"}
)
_CHECKED_ONLY = re.compile(
    "(?:已完成(?:隐患)?(?:自查|排查|检查|摸排|巡查|登记|普查|筛查|清点|盘点)|已(?:记录|登记)(?:在案)?|"
    "已?(?:隐患)?(?:自查|排查|检查|摸排|巡查|登记|清点|盘点)"
    "(?:工作)?已?(?:完成|完毕|结束))$"
    "|.{0,8}?(?:普查|筛查)(?:工作)?已?(?:完成|完毕|结束)$"
    "|.{0,10}?(?:安全检查|隐患排查|安全排查|自查|巡查)(?:工作)?已(?:开展|完成|结束)$"
)
"""The looking done, not the work (已完成自查, 排查完毕, 已完成隐患登记, 已清点完毕, 心理健康
普查已完成, 安全检查已开展: trials 198, 202, 204, 208, 210)."""
_NO_STOPGAP = re.compile(
    "(?:未|没有?|无)(?:有效|完全)?(?:隔离|警戒|围挡|断电|停用)|与[^,]{1,10}?隔离|工地[^,]{0,6}?围挡"
)
"""A stopgap denied in the hazard (未有效隔离), or a measure that is the fix: a site kept
apart from the school (与教学区隔离), a building site's 围挡 (trial 212 BL44, BL46)."""
_TO_BE_DONE = re.compile("(?:需要?|须|要|应)(?:整改|维修|更换|修复|处理|修理)")
_FINISHING = re.compile("调试|铺设|试运行|测试|交接|布线|联调")
"""The last of the work, under way (已安装，正在调试: trial 212)."""
_WATCHED = re.compile("巡查|巡逻|值守|看守|盯守|值班|监测|看护")
_MENDED = re.compile(
    "更换|维修|修复|加固|拆除|清理|清除|整改|安装|加装|改造|施工|封堵|治理|搬离|撤离"
)
"""A sign and a watch kept (已设置警示标志并安排专人巡查): a stopgap, unless the clause names
the work done too (已加固并设置警示牌)."""
_TAKEN_AWAY = re.compile("拆除|撤除|撤销|移除|取消|撤掉|收回|解除")
"""A stopgap taken away (警戒线已撤除: the work done, trial 196 AV10)."""
_STILL_NEEDED = re.compile("需|待|要|另行|正在|仍|还")
_PLACED = re.compile(
    "(?:放置|安装|摆放|配备|发放|悬挂|张贴)(?:于|在|到)|^已为.{1,12}?(?:购买|购置|配备|办理)"
)
_ELSEWHERE = re.compile("(?:其他|其它|别的)(?:问题|隐患|部位|工作)|新发现|建议")
"""Other work than the hazard's (已完成，正在整改其他问题: trial 195 AU14)."""
_AGAIN = re.compile("又|反复|再次|重复|告警|报警|故障")
"""A fault come back (已修复，观察期内又出现两次告警: not aftercare, trial 196 AV5)."""
_RECORDS = re.compile("台账|制度|档案|记录|照片|资料|图片|佐证")
_PAPERS_UNDONE = re.compile(
    "记录[^,]{0,4}?(?:还在|正在|尚未|未|待|没)|(?:个别|少数|有的|部分)[^,]*?(?:仍|还|尚)需"
)
"""Records that may be the work itself not done (查寝记录还在补; not 台账未完善), or some not
yet (个别班级仍需加强): not aftercare, a doubt."""
_THE_OTHERS = ("其他", "其它", "其余", "另外", "别的")
_AGENT = re.compile(
    "维修工|师傅|老师|电工|工人|后勤|物业|厂家|学校|总务|保卫|施工队|公司|我处|本部门|保安|宿管|"
    "食堂|部门|人员|单位"
)
"""Who did the work, named before 已 (维修工已修好): all of it, not a part."""
_BARE_DONE = (
    "修复",
    "更换",
    "维修",
    "整改",
    "清理",
    "处理",
    "消除",
    "拆除",
    "安装",
    "排除",
    "调试",
    "处置",
    "加固",
    "焊接",
    "补装",
    "补设",
    "补建",
    "张贴",
    "粘贴",
    "加装",
    "补齐",
    "配备",
    "整修",
    "整治",
)
_WORK_DONE = re.compile(
    f"(?:已|并|后(?!勤)).*(?:{_PHYSICAL.pattern}|完成)|(?:{'|'.join(_DONE_END)})$"
)
"""The work done after the step ordering it (报修后已修复, 已安排维修完毕)."""
_RESTORED = re.compile(
    "^(?:已|现已|(?:现|目前|现在)(?:可|能|可以)?)?(?:恢复(?:正常|使用|供电|供水)|正常使用|投入使用)"
    "|^(?:现|目前|现在)?(?:使用|运行|测试|试运行|调试)正常$"
    "|(?:已|经)(?:调试|测试|检测|试机|试运行)后?(?:运行|使用)?正常$"
)
_PASSED = re.compile("(?:验收|复查|复验|检查|检测|检验|复核)(?:已)?(?:合格|通过|达标)$")
_EXCEPT = re.compile("除.{1,10}?外|除外|^除(?=\\d|[一二三四五六七八九十东西南北])")
_CLOSING_AFTER = re.compile("(?<=[毕成好位])(?:待|等待|申请)销号$")
_ASKS_CLOSING = re.compile("(?:已?申请|已?提交|报请|请予|请求|待|等待)(?:销号|验收|复查)$")
_COUNT = re.compile(f"\\d+{_UNIT}|第\\d+号")
_COUNT_ALONE = re.compile(f"已(?:完成|整改|处理|更换)\\d+{_UNIT}")
"""A count done, all that is said: one part of the work, or all of it?"""
"""A count of things (3处, 6具), or an item (第2号, from 第二项): the clause says a part."""
_WHOLE = re.compile("全部|均|都|所有|问题|隐患|整改|上述|各项|各处|维修|施工|改造|工程|^返工后")
"""Words naming all of the work before 已 (隐患已消除, 维修已完成, 返工后已完成)."""
_ALL_OF_IT = re.compile("全部|均已|都已|所有|各项|各处|消除|排除")
_NOT_THERE_YET = re.compile("(?:未|尚未|没有|没)到位")
