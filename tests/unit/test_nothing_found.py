"""存在隐患问题 saying the item was checked and nothing found, told from a hazard."""

from __future__ import annotations

from pathlib import Path

import pytest

from huitoukan.forms.nothing_found import says_nothing_found

TEXTS = Path(__file__).parent.parent / "data" / "hazard_texts.tsv"
WEIGHTS = {"common": 10, "occasional": 3, "rare": 1}


def _texts() -> list[tuple[str, str, str]]:
    lines = TEXTS.read_text(encoding="utf-8").splitlines()
    return [
        (text.replace("\\n", "\n"), reading, commonness)
        for text, reading, commonness in (line.split("\t") for line in lines if line[:1] != "#")
    ]


def test_no_hazard_of_the_blind_list_is_taken_for_nothing_found() -> None:
    """Trial 218 wrote 942 texts blind, 655 of them real hazards (155 beginning 无, 未, 没有,
    暂无: 无灭火器, 未发现登记台账), trial 224 1,096 more (无漏电保护器, 无隐患排查记录): none
    is dropped as a row saying nothing was found."""
    dropped = [
        t for t, reading, _ in _texts() if reading not in ("无", "问") and says_nothing_found(t)
    ]
    assert dropped == []


def test_most_ways_of_saying_nothing_was_found_are_read() -> None:
    """完好, 使用正常, 安全隐患：无, （无）, 经全面排查，本部门暂未发现安全隐患, 无隐患，继续保持:
    counted as open hazards, each sent back asking for its 整改措施 and 责任人 (trial 218 BR1,
    BR2, trial 216 BP3); trial 224's blind list still found a third of its wordings (by
    weight) counted so: 经排查本部门无安全隐患, 教学楼未发现安全隐患, 消防安全：无, 无违规电器,
    未发现安全隐患，今后将持续做好安全检查工作, 为发现安全隐患 (BX1-BX6); trial 231's a fifth
    (用电安全，未发现隐患, 未发现欺凌现象, 本学期无施工项目, 经排查，未发现安全隐患，我校将继续加强
    安全管理，确保师生安全: CE1-CE4). Weighted by how common each is, nearly all are read now."""
    said = [(t, WEIGHTS[c]) for t, reading, c in _texts() if reading == "无"]
    read = sum(w for t, w in said if says_nothing_found(t))
    assert read >= 0.97 * sum(w for _, w in said), [t for t, _ in said if not says_nothing_found(t)]


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("经自查，未发现其他安全隐患", True),  # (trial 216 BP3)
        ("经排查本部门无安全隐患", True),  # a place, a time or the checking before it (BX1, BX2)
        ("教学楼未发现安全隐患", True),
        ("本周未发现新的安全隐患", True),
        ("经排查，办公室、会议室、档案室均未发现安全隐患。", True),
        ("消防安全：无；用电安全：无隐患", True),  # topics (BX3)
        ("电路、门窗、消防器材均正常", True),  # what was checked (BX4)
        ("无私拉乱接电线、违规使用大功率电器现象", True),
        ("无过期灭火器", True),
        ("未发现安全隐患，今后将持续做好安全检查工作。", True),  # a pledge (BX5)
        ("上次检查发现的问题已整改完毕，本次未发现新的安全隐患。", True),
        ("为发现安全隐患", True),  # a slip of the pinyin input (BX6)
        ("没发现", True),
        ("楼梯扶手摇晃其他未发现隐患", False),  # a fault, and nothing else found
        ("灭火器过期、应急灯正常", False),
        ("无漏电保护器", False),  # what must be there, absent
        ("无隐患排查记录", False),
        ("本部门无灭火器", False),
        ("无人值守情况", False),
        ("消防无隐患", True),  # what was checked before it (trial 226 BZ3)
        ("未发现消防安全隐患", True),
        ("消防隐患：无", True),
        ("前期隐患已整改，无新增", True),  # what was done before (BZ4)
        ("2号楼漏水问题已于上周修复，本次检查无隐患", True),
        ("本次未发现隐患，今后将定期检查，发现问题及时上报", True),
        ("护栏牢固，无松动", True),  # what was checked, fine (BZ5)
        ("配电箱已上锁，标识清楚", True),
        ("检查了灭火器、应急灯、疏散通道，均正常", True),
        ("无隐换", True),  # (BZ6)
        ("无漏电开关", False),  # a device named for a fault, absent (BZ1)
        ("宿舍无漏电开关", False),
        ("无漏水报警", False),
        ("无漏电现象", True),
        ("漏电保护器：无", False),  # a thing, then 无: the thing absent (BZ2)
        ("灭火器：无", False),
        ("宿舍：无", True),
        # the checking that found something, not only an earlier check's (review of the change)
        ("检查发现灭火器过期，其他无隐患", False),
        ("排查发现3处插座松动，其余未发现隐患", False),
        ("插座松动已维修，无隐患", False),  # found and put right: still this check's hazard
        ("上次发现的插座松动已维修，目前无隐患", True),
        ("灭火器数量：0", False),  # a thing counted none (trial 228 CB1)
        ("隐患0处", True),  # none counted (CB2)
        ("尚未发现隐患", True),  # (CB3)
        ("本班无", True),
        ("无老化线路", True),  # (CB4)
        ("门卫登记规范，值班到岗", True),
        ("无安全隐患，已做好记录", True),  # (CB5)
        ("无防倾倒链条", False),  # a guard against a fault, absent (clerk trial 229)
        ("无老化测试报告", False),
        ("消防器材完好，未发现隐患", True),
        ("灭火器压力正常", True),
        ("门禁无故障", True),
        ("无（已检查）", True),
        ("未發現隱患", True),
        ("良好\n三楼灭火器过期", False),  # a fault among them
        ("无。应急灯不亮", False),
        ("仅一台正常", False),
        ("灭火器基本完好", False),
        ("无漏电保护器", False),  # a fault said absent ends the clause; this lacks a thing
        ("监控正常，但存储不足", False),
        ("1.灭火器过期\n2.无", False),
        ("1.无 2.无 3.无", True),  # (trial 218 BR10)
    ],
)
def test_a_clause_naming_a_fault_keeps_a_text_a_hazard(text: str, nothing: bool) -> None:
    assert says_nothing_found(text) is nothing
