"""What a reviewer writes on a returned 复查验收表, read: the verdict (复查结论), whether the
复查人 names anyone, and whether the 复查意见 beside a 合格 doubts it.

The form's drop-down offers 合格 and 不合格; reviewers paste and type over it (整改到位,
合格，同意销号, √), write in 复查人 who did not review (部门自查, 略), and say in 复查意见 what a
合格 does not (灭火器仍未更换, 据部门反映已整改). A verdict is read from a fixed list only: a
word not on it is asked about, never guessed (the progress reader as a fallback closed
hazards on 待验收 and 照片显示已整改: trial 217's blind list).
"""

from __future__ import annotations

import re

from huitoukan.forms.progress import normalize_progress, simplified
from huitoukan.model.returns import FAILED, IN_PROGRESS, NOT_STARTED, PASSED
from huitoukan.text import normalize_key

_CLOSING = ("同意销号", "予以销号", "准予销号", "可以销号")
_VERDICTS = {
    **dict.fromkeys(
        ("合格", "验收合格", "复查合格", "通过", "验收通过", "复查通过", "同意", "同意验收")
        + ("整改到位", "已整改到位", "整改合格", "已整改", "已完成整改", "整改完成", "已整改完成")
        + ("整改已完成", "整改完毕", "已整改完毕", "已完成", "完成", "符合要求", "符合安全要求")
        + ("隐患已消除", "√", "✓", "✔", "☑", *_CLOSING),
        PASSED,
    ),
    **dict.fromkeys(
        ("不合格", "验收不合格", "复查不合格", "不通过", "未通过", "复查未通过", "验收未通过")
        + ("未整改", "未整改到位", "整改不到位", "整改不彻底", "未完成", "未完成整改", "尚未整改")
        + ("没有整改", "正在整改", "整改中", "不同意", "不同意销号", "不予销号", "仍存在隐患")
        + ("隐患仍存在", "不符合要求", "未落实", "重新整改", "需重新整改", "继续整改", "限期整改")
        + ("退回整改", "×", "✗", "✘"),
        FAILED,
    ),
}
"""复查结论 as offices write it (the form's drop-down offers 合格 and 不合格; pasted or typed
over it, 整改到位, 合格，同意销号, √ and × were asked about: trial 217 BQ4)."""
_VERDICT_MARKS = re.compile("[，,、；;。.！!“”\"'（）()【】\\[\\]]")


def review_verdict(typed: str) -> str:
    """The verdict a 复查结论 gives (PASSED, FAILED, '' when not understood): one of
    `_VERDICTS`, in traditional characters too, its punctuation and brackets aside, or a pass
    followed by its closing (合格，同意销号)."""
    key = _VERDICT_MARKS.sub("", simplified(normalize_key(typed)))
    verdict = _VERDICTS.get(key, "")
    if not verdict:
        closing = next((c for c in _CLOSING if key.endswith(c)), "")
        if closing and _VERDICTS.get(key.removesuffix(closing)) == PASSED:
            verdict = PASSED
    return verdict


_NOT_A_NAME = re.compile(r"[\d\s.:/\-年月日时分]+")
"""A 复查人 that is a day or a number: typed into the wrong column."""
_NOBODY = re.compile(
    "[无空?？略]|无人|暂无|没有|不详|未知|未填|待定|.*(?:未|没|没有)(?:复查|签字|检查).*"
    "|无人复查|.*自查.*|.*自报.*|.*自检.*|已?完成|整改中|未整改|已整改|已销号|已处理|已?复查"
    "|签字|见上|[xX×*＊]+|.[xX×*＊]+|某某|.某|本部门|部门|本人|(?:部门|校)?(?:负责人|领导)"
    "|.{0,8}(?:处|科|室|部|中心|办|组|学院|学校)"
)
"""A 复查人 that names no one who reviewed: 部门自查, 没复查, 略, 王某, an office (保卫处:
the department's own review, or no one's); a verdict or a state typed one column off
(trials 217 BQ2, 219 BS3). Not the words the progress reader knows: 陈完成 is a name."""


def names_no_reviewer(typed: str) -> str:
    """Why a 复查人 as typed names no reviewer: "not-a-name" (a day or a number, typed one
    column off), "nobody" (无, 未复查, 部门自查, a verdict), '' (a name)."""
    if _NOT_A_NAME.fullmatch(typed):
        return "not-a-name"
    key = simplified(normalize_key(typed))
    if _NOBODY.fullmatch(key) or review_verdict(key):
        return "nobody"
    return ""


_REVIEW_DOUBTS = re.compile(
    "(?:不同意|不予|暂不|暂缓|不能|不宜)销号|^(?:不同意|退回|驳回|不予认可|不认可)"
    "|(?:未|没|没有|未能)(?:到|去|进入|进|赴)?现场|未(?:实地|现场)(?:查看|核实|核查|复查)"
    "|(?:下周|择日|改日|另行|二次|(?<![无不])需|待|未|没|没有|还未|尚未)(?:再次?)?(?:复查|复核|验收)"
    "|据.{0,10}(?:反映|反馈|说|称|介绍|自述|报告)|(?:部门|对方|负责人|他们)(?:说|称)"
    "|电话(?:询问|确认|核实|告知|说)|微信(?:确认|核实|告知|照片)|口头(?:答复|告知|说)"
    "|照片(?:显示|核实|看)|看(?:了)?照片|代签"
    "|暂定|有条件|(?:仍然|依然|依旧|还是)(?!要|需|应)|(?<![无不未没])缺\\d"
    "|(?<!按)限期|请于.{0,12}(?:前|之前)(?:完成|整改)"
)
"""What a 复查意见 says of a review not done, or of a closing refused."""


def doubts_the_pass(note: str) -> str:
    """How a 复查意见 doubts the 合格 beside it: its reading as the state of the work
    (整改中, 未整改), or a review not done or a closing refused (下周复查, 未到现场,
    据部门反映, 暂不销号); '' when it does not. A 合格 with 灭火器仍未更换 in its 复查意见
    closed the hazard without a word (trial 217 BQ1)."""
    if not note:
        return ""
    reading = normalize_progress(note)
    if reading in (IN_PROGRESS, NOT_STARTED):
        return f"（读作{reading}）"
    return (
        "（复查或销号尚待落实）" if _REVIEW_DOUBTS.search(simplified(normalize_key(note))) else ""
    )
