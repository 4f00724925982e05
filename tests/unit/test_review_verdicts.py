"""The 复查结论 reviewers write, read as a verdict: never a pass that is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from huitoukan.forms.verdicts import doubts_the_pass, names_no_reviewer, review_verdict
from huitoukan.model.returns import FAILED, PASSED

VERDICTS = Path(__file__).parent.parent / "data" / "review_verdicts.tsv"
READ = {"合格": PASSED, "不合格": FAILED, "问": ""}


def _verdicts() -> list[tuple[str, str, str]]:
    lines = VERDICTS.read_text(encoding="utf-8").splitlines()
    return [
        (phrase, verdict, commonness)
        for phrase, verdict, commonness in (line.split("\t") for line in lines if line[:1] != "#")
    ]


def test_no_verdict_of_the_blind_list_is_misread_to_close_or_reopen() -> None:
    """Trial 217 wrote 1,168 复查结论 blind: none a reviewer meant as 不合格, or that a clerk
    would ask about (基本合格, 合格证过期, 据部门反映已整改), closes a hazard; none meant as
    合格 sends it back. A phrase not understood is asked about (an error on its cell)."""
    misread = [
        (phrase, verdict, review_verdict(phrase))
        for phrase, verdict, _ in _verdicts()
        if review_verdict(phrase) not in ("", READ[verdict])
    ]
    assert misread == []


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("合格，同意销号", PASSED),
        ("整改到位，同意销号", PASSED),
        ("驗收合格", PASSED),  # traditional characters
        ("合格。", PASSED),
        ("（合格）", PASSED),
        ("√", PASSED),
        ("OK", PASSED),  # (trial 219: BQ5)
        ("合各", PASSED),  # a slip of the pinyin input
        ("已整改", PASSED),
        ("未整改到位", FAILED),
        ("不同意销号", FAILED),
        ("×", FAILED),
        ("基本合格", ""),
        ("合格证过期", ""),
        ("同意不销号", ""),
        ("不合格，同意销号", ""),  # a failure and a closing: which?
        ("据部门反映已整改", ""),
    ],
)
def test_verdicts_written_beside_the_drop_down_are_read(typed: str, verdict: str) -> None:
    """整改到位, 合格，同意销号, √ and × were asked about, and a failure typed in words left
    the hazard 待复查, the department not told to redo the work (trial 217 BQ4)."""
    assert review_verdict(typed) == verdict


def test_most_common_clear_verdicts_are_read() -> None:
    """Of the list's common phrasings a reviewer meant as 合格 or 不合格, most are read (the
    rest asked about): the drop-down's two words alone left 95 % of them to the clerk."""
    common = [(p, v) for p, v, c in _verdicts() if c == "common" and v != "问"]
    read = [p for p, v in common if review_verdict(p) == READ[v]]
    assert len(read) >= len(common) // 2, sorted({p for p, _ in common} - set(read))


@pytest.mark.parametrize(
    ("note", "doubted"),
    [
        ("扶手仍然松动", True),  # (trial 219 BS2: 仍未… was caught, 仍然… not)
        ("修了但还是漏水", True),
        ("缺1具灭火器", True),
        ("不同意", True),
        ("退回", True),
        ("没有复查", True),
        ("待验收", True),
        ("暂定合格", True),
        ("部门说已经整改好了", True),
        ("电话询问已整改", True),
        ("照片显示已整改", True),
        ("限期三天整改", True),
        ("已整改到位，建议定期检查", False),
        ("灭火器已更换，压力正常", False),
        ("整改到位，但需注意防潮", False),
        ("已按限期完成整改", False),
        ("已整改，无需再复查", False),
        ("无缺失", False),
        # trial 223's blind list: a step, a stopgap, a check to come, a hedge (BW1-BW8)
        ("已报修", True),
        ("已上报总务处", True),
        ("已临时处理", True),
        ("待核实", True),
        ("需持续观察", True),
        ("如不再漏水可销号", True),
        ("自查合格", True),
        ("线上复查", True),
        ("基本符合要求", True),
        ("经复查已整改，但仍需补贴警示标识", True),
        ("好像改了", True),
        ("合格？", True),
        ("请落实整改", True),
        ("已报修，本周已修好", False),
        # ... and a pass said in words it did not know (BW9-BW12)
        ("整改到位，隐患消除", False),
        ("共3处隐患，已全部整改", False),
        ("经查，已整改", False),
        ("已彻底整改", False),
        ("整改质量高", False),
        ("提醒师生不要私拉电线", False),
        ("如再出现类似问题，请及时上报", False),
        ("无未整改项", False),
        ("已不漏水", False),
        ("原计划暑假整改，现已提前完成", False),
        ("更换插座4个，线路2处，建议加强日常巡查", False),
        ("另发现二楼一处插座松动，已另行登记", False),
        # trial 225's blind list (BY1-BY12)
        ("复查意见：已报修", True),  # a heading before the words
        ("保卫处复查：正在整改", True),
        ("已通知物业", True),
        ("已下发整改通知", True),
        ("建议尽快维修", True),
        ("须于5月20日前整改完毕", True),
        ("同意延期至12月31日", True),
        ("下个月统一更换", True),
        ("初步合格", True),
        ("原则同意", True),
        ("需再观察", True),
        ("通过监控画面查看已整改", True),
        ("周末又有学生使用热得快", True),
        ("已整改到位\n已报修", True),  # a line break ends a clause
        ("已整改到位 下周再查", True),
        ("为整改到位", True),  # 为 for 未, 带 for 待
        ("带复查", True),
        ("2024.5.20复查：栏杆已用铁丝临时绑扎，同意销号。", True),
        ("复查意见：整改到位，同意销号。", False),
        ("已 整 改 到 位", False),
        ("整改及时，态度端正", False),
        ("即知即改，立行立改", False),
        ("首次复查时未整改，本次复查已整改到位", False),
        ("二次复查，已整改到位", False),
        ("排油烟管道已清洗，有清洗记录", False),
        ("培训签到表、照片齐全", False),
        ("原临时措施已改为永久性整改", False),
        ("已整改，需注意防止类似问题再次发生", False),
        ("此前部门称已整改，今日现场核实确已整改", False),
        ("按期完成，未延期", False),
        # harmful remarks found reading the change through
        ("值守人员脱岗", True),
        ("3天后复查", True),
        ("没意见，但需再看看", True),
        ("整改记录未提交", True),
        ("已安排专人24小时值守", False),
        # trial 227's blind list (CA1-CA9)
        ("已交总务处处理", True),  # handed over, nothing said of the work
        ("已通知班主任", True),
        ("复查合格，已电话通知部门负责人", False),  # the pass told
        ("整改工作正在有序推进中", True),
        ("安全出口仍然上锁", True),
        ("若消防部门验收通过，则同意销号", True),
        ("初审同意，待安全办复核", True),
        ("微信发来的照片看已经修好了", True),
        ("将结合校舍改造一并解决", True),
        ("操场松动的足球门已固定，现场推拉无晃动", False),
        ("宿舍大功率电器已清理，复查未再发现", False),
        ("修好了，能用了", False),
        ("没有再出现跳闸情况", False),
        ("整改完毕。若今后再出现渗水，请及时报修。", False),
        ("未发现整改痕迹", True),
        ("经测试，功能正常", False),  # (clerk trial 229 CC1)
        # (trial 238: a part, a promise, a purchase asked, a hedge on the effect, a
        # substitute, a fault at the test, a say-so, materials come)
        ("已加固部分螺栓", True),
        ("先行整改部分及剩余部分均已完成", False),
        ("已更换15处中的11处", True),
        ("以后会认真记录", True),
        ("检测设备已申购", True),
        ("已清洗风机滤网，风量有所改善", True),
        ("风机已装，效果一般，还需增加冷风机", True),
        ("已配发灭火器替代", True),
        ("已更换，复查时按测试按钮无反应", True),
        ("电工师傅讲修好了", True),
        ("材料已到位", True),
        ("材料已到位，护栏已安装牢固", False),
        ("现场抽查10间宿舍，未发现违规电器", False),  # (clerk trial 237 CK5)
        ("现场抽查10间宿舍，发现2间仍有电热毯", True),
    ],
)
def test_a_pass_whose_remarks_doubt_it_is_told(note: str, doubted: bool) -> None:
    """A 合格 beside 复查意见 saying the work is not done, the review not made on site, or the
    closing refused is not adopted; praise and advice beside it are no doubt."""
    assert bool(doubts_the_pass(note)) is doubted


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("灭火器仍未更换", "（读作未整改）"),  # one clause: how it reads
        ("下周复查", "（复查或销号尚待落实）"),
        ("已整改，下周再复查", "（其中“下周再复查”：复查或销号尚待落实）"),
        ("整改效果良好，唯一楼应急灯不亮", "（其中“唯一楼应急灯不亮”不是整改到位的意思）"),
        ("整改到位，已报修", "（其中“已报修”不是整改到位的意思）"),
        # the clause saying what is wrong, not the first unknown one (trial 230 CD50)
        ("修了，但没修好", "（其中“但没修好”不是整改到位的意思）"),
        ("整改了，但是还是有隐患", "（其中“但是还是有隐患”不是整改到位的意思）"),
        # quoted as typed, not as read (trials 230 CD54, 233 CG53)
        ("修了，但沒修好", "（其中“但沒修好”不是整改到位的意思）"),
        ("已整改，B栋侧待加固", "（其中“B栋侧待加固”不是整改到位的意思）"),
    ],
)
def test_the_words_that_doubt_a_pass_are_quoted(note: str, said: str) -> None:
    """A reviewer told only “其中有不是整改到位的内容” of a long remark did not know what to
    change (trial 223 BW13): of several clauses, the one that doubts the pass is quoted."""
    assert doubts_the_pass(note) == said


@pytest.mark.parametrize(
    ("reviewer", "nobody"),
    [
        ("没复查", True),  # (trial 219 BS3)
        ("还未复查", True),
        ("略", True),
        ("王某", True),
        ("张XX", True),
        ("本部门", True),
        ("保卫处", True),
        ("部门负责人", True),
        ("欧阳晓明", False),
        ("陈完成", False),
        ("王五", False),
        ("李处长", False),  # a person, by title
    ],
)
def test_a_reviewer_who_is_no_one_is_told(reviewer: str, nobody: bool) -> None:
    assert bool(names_no_reviewer(reviewer)) is nobody


RAILING = "三楼走廊护栏松动，加固护栏"
"""A hazard and its 整改措施 no sign, watch or talk puts right."""


@pytest.mark.parametrize(
    ("note", "hazard", "doubted"),
    [
        ("已设置警示标志，禁止靠近", RAILING, True),
        ("已放置警示牌，加强巡查", RAILING, True),
        ("已加强巡查", RAILING, True),
        ("已安排专人看守", RAILING, True),
        ("已对学生进行安全教育，提醒注意", RAILING, True),
        ("已锁闭，禁止使用", RAILING, True),
        ("已封存", "实验室过期试剂未处理，交有资质单位回收", True),
        # the work itself said beside the control
        ("护栏已加固，并设置警示标志", RAILING, False),
        ("整改到位，已加强巡查", RAILING, False),
        ("复查合格，今后加强巡查", RAILING, False),
        ("值班记录已补齐", RAILING, False),  # a record, not a control
        # the hazard, or the measures planned, were about that control
        ("已张贴警示标识", "配电房门口缺少警示标识，张贴警示标识", False),
        ("已安排专人值守", "夜间无人值守，安排专人值守", False),
        ("已对学生进行安全教育", "学生课间追逐打闹，加强安全教育", False),
        ("已设置警示标志，禁止靠近", "池塘边无护栏，设置警示标志并安排巡查", False),
        # …unless a repair is planned beside it (clerk trial 237 CK4)
        ("已设置警示标志", "楼顶平台护栏松动，已设置警示标志，联系施工单位加固", True),
        ("已设置警示牌", "校园池塘无防护栏，安装护栏和警示牌", True),
        ("已安装护栏和警示牌", "校园池塘无防护栏，安装护栏和警示牌", False),
        ("已张贴警示标识", "配电房门口缺少警示标识，补齐警示标识", False),
        # no hazard given (a form without its column): the remark is about its own
        ("已张贴警示标识", "", False),
    ],
)
def test_a_control_alone_does_not_close_a_hazard_it_does_not_put_right(
    note: str, hazard: str, doubted: bool
) -> None:
    """Trial 230's blind list: 已设置警示标志，禁止靠近 and 已加强巡查 (common) closed hazards a
    sign or a patrol does not put right — a quarter of its harm. Read against the hazard and
    its 整改措施 as issued: the control is the rectification only when that is what was asked."""
    said = doubts_the_pass(note, hazard)
    assert bool(said) is doubted
    if doubted:
        assert "管控措施，没有说隐患本身已整改" in said


def test_a_signature_a_date_and_list_numbers_are_no_doubt() -> None:
    """“其中“刘明”不是整改到位的意思” (trial 230 CD51): the reviewer's name, the day and the
    numbers of a list are no words of the review; 为 for 未 before work at a clause's end is
    read as 未, and is not when it means “to” (为解决漏水问题，已更换水管)."""
    for note in (
        "已整改到位。王建国 3月12日",
        "已整改，张伟，2024.3.15",
        "复查人：刘明，已整改到位",
        "已整改到位（复查人：李）",
        "(1)已整改 (2)符合要求",
        "（一）已整改到位",
        "为解决漏水问题，已更换水管",
    ):
        assert doubts_the_pass(note) == "", note
    for note in (
        "问题为解决",
        "隐患为消除",
        "已整改，但标识为张贴",
        "本人意见同意，需校长签字确认",
    ):
        assert doubts_the_pass(note), note


REMARKS = Path(__file__).parent.parent / "data" / "review_remarks.tsv"
WEIGHTS = {"common": 10, "occasional": 3, "rare": 1}


def test_no_doubtful_remark_of_the_list_lets_a_pass_close_a_hazard() -> None:
    """Trial 222 wrote 788 复查意见 beside a 合格 blind: 443 a careful clerk would ask about
    (隐患尚未消除, 不符合要求, 没改, 下次复查, 通过视频查看, 整改资料未提交, 暂时合格, 建议继续整改,
    已反弹, 未见整改, 需更换灭火器, 整改效果良好，唯一楼应急灯不亮). A list of doubts let a third
    of them (by weight) close their hazard; read clause by clause, none does, and few of the
    345 that stand beside a pass are asked about. Trial 223's blind list, after it (778 more),
    found 5.4 % harm (已报修, 已临时处理, 待核实) and 8.5 % nuisance (整改到位，隐患消除) in that
    reader; trial 225's, after that, 6.9 % harm (复查意见：已报修, 已通知物业, 同意延期, 初步合格) and
    7.8 % nuisance (态度端正, 有清洗记录, 首次复查时未整改，本次复查已整改到位); trial 230's (1,006,
    after trial 227's), 8.9 % harm (下学期解决, 继续跟踪, 已向区教育局报告, 目前基本正常, 问题为解决; a
    control alone, 已加强巡查: tested above with its hazard) and 4.4 % nuisance (已整改，附整改前后
    照片, 王建国 3月12日, (1)已整改, 经再次复查，已整改到位). None now either way but a few rare passes."""
    lines = REMARKS.read_text(encoding="utf-8").splitlines()
    rows = [line.replace("\\n", "\n").split("\t") for line in lines if line[:1] != "#"]
    closing = [
        remark for remark, reading, _ in rows if reading == "问" and not doubts_the_pass(remark)
    ]
    assert closing == []
    passes = [(remark, WEIGHTS[c]) for remark, reading, c in rows if reading == "销号"]
    asked = sum(w for remark, w in passes if doubts_the_pass(remark))
    assert asked <= 0.03 * sum(w for _, w in passes)


WITH_HAZARDS = Path(__file__).parent.parent / "data" / "review_remarks_with_hazards.tsv"
LIST_238 = Path(__file__).parent.parent / "data" / "review_remarks_238.tsv"


def _mistaken(path: Path) -> tuple[float, float]:
    """Of the list at `path` (hazard, 整改措施, 复查意见, 销号/问, commonness, …), by weight:
    the share of doubtful remarks that close their hazard, and of plain passes asked about."""
    rows = [
        line.replace("\\n", "\n").split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line[:1] != "#"
    ]
    doubted = [
        (reading, WEIGHTS[c], bool(doubts_the_pass(remark, f"{hazard}，{measures}")))
        for hazard, measures, remark, reading, c, _ in rows
    ]
    asked = [(w, d) for reading, w, d in doubted if reading == "问"]
    passes = [(w, d) for reading, w, d in doubted if reading == "销号"]
    return (
        sum(w for w, d in asked if not d) / sum(w for w, _ in asked),
        sum(w for w, d in passes if d) / sum(w for w, _ in passes),
    )


def test_a_blind_list_of_remarks_beside_hazards_as_it_stands() -> None:
    """Trial 238 wrote 540 复查意见 beside their hazards blind, after this reader's mends of
    trials 233 and 236: 18.2 % of the doubtful ones closed their hazard — a part of the work
    (已更换15处中的11处, 已加固部分螺栓), a substitute only the hazard tells (已更换灯泡 for burnt
    wiring, 已重新刷白 over a leak), a control or restriction for a repair (已限速行驶, 已开窗
    通风) — and 12.1 % of the plain passes were asked about (descriptions of the work and of
    the test on site). Mended only for parts, promises, purchases asked, hedges on the effect,
    substitutes said so, faults at the test and say-sos: harm 14.0 %. As it stands, not worse."""
    harm, nuisance = _mistaken(LIST_238)
    assert harm <= 0.15 and nuisance <= 0.125, (harm, nuisance)


def test_remarks_read_beside_their_hazards() -> None:
    """Trial 233 wrote 885 复查意见 blind, each beside the hazard and 整改措施 the form shows:
    12.3 % of the doubtful ones (by weight) closed their hazard — a stopgap's material
    (已用绝缘胶布缠绕, 已换成备胎), a booking (年检已预约下周二), fewer than the hazard counted
    (已更换18具 of 20具), a control beside a hazard it does not put right — and 23 % of the
    plain passes were asked about, for a clause of what was seen on site the reader did not
    know (消火栓前无遮挡, 温度显示2℃). Beside a clause saying it was done, such a clause now
    stands unless it holds a word of doubt (`verdicts._UNSURE`). Trial 236's blind list (519
    more), measured after those mends, found 7.8 % harm (已补4个 of 6, 已用木桩顶撑, 水样已送检,
    下次还得看) and 14.3 % nuisance (用力摇晃不动, 有领用登记, 换了); the rest, as they stand."""
    harm, nuisance = _mistaken(WITH_HAZARDS)
    assert harm <= 0.03 and nuisance <= 0.10, (harm, nuisance)
