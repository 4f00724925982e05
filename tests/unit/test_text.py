"""Cleaning typed text: the quick test that skips the search must never skip a character
the search would remove."""

from __future__ import annotations

import sys

import pytest

from huitoukan.text import (
    _INVISIBLE,
    _UNWANTED,
    clean_cell_text,
    fingerprint,
    listed_parts,
    numbered_parts,
    printed_figures,
    seq_number,
)


def test_every_unwanted_character_fails_the_quick_test() -> None:
    unwanted = [chr(c) for c in range(sys.maxunicode + 1) if _UNWANTED.match(chr(c))]
    assert len(unwanted) > 40
    assert [ch for ch in unwanted if f"灭火器{ch}过期".isprintable()] == []


def test_every_invisible_character_fails_the_quick_test() -> None:
    """strip_invisible (under every hazard's key) returns printable text as it is."""
    assert [chr(c) for c in _INVISIBLE if f"灭火器{chr(c)}过期".isprintable()] == []


@pytest.mark.parametrize("invisible", [chr(c) for c in _INVISIBLE])
def test_a_hazard_pasted_with_an_invisible_character_keeps_its_key(invisible: str) -> None:
    key = fingerprint("3号楼灭火器过期")
    assert fingerprint(f"3号楼{invisible}灭火器过期") == key
    assert fingerprint(f"3号楼{invisible}灭火器\n过期") == key  # with a line break too


def test_cleaning() -> None:
    assert clean_cell_text("  灭火器过期 ") == "灭火器过期"
    assert clean_cell_text("灭火\u200b器\x07过期") == "灭火器过期"
    assert clean_cell_text("第一行\n第二行") == "第一行\n第二行"
    assert clean_cell_text("\u3000北围墙\u3000") == "北围墙"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1.灭火器过期；2.疏散通道堵塞", 2),
        ("1、灭火器过期\n2、通道堵塞\n3、指示灯不亮", 3),
        ("1. 灭火器过期 2. 通道堵塞", 2),
        ("1）灭火器过期；2）通道堵塞", 2),
        ("（1）灭火器过期（2）通道堵塞", 2),
        ("(1)灭火器过期 (2)通道堵塞", 2),
        ("一、灭火器过期 二、通道堵塞", 2),
        ("①灭火器过期②通道堵塞", 2),
        ("1.灭火器过期 2.通道堵塞 4.门锁损坏", 2),  # counted in order from the first
        ("1.灭火器过期", 1),
        ("灭火器过期", 0),
        ("1号楼灭火器过期", 0),
        ("1、2号楼消防通道堵塞", 0),
        ("护栏高度仅0.9米，低于1.05米", 0),
        ("一、二楼走廊灯不亮", 1),
        ("楼道一、二层灯不亮", 0),
        ("2023.12.5检查发现1.灭火器过期", 0),
        ("2.灭火器过期 3.通道堵塞", 0),  # no first item: not a list of this row's own
        ("依据第1.2条", 0),
        ("灭火器过期。2.通道堵塞", 0),
        ("高一(1)、(2)、(3)班应急灯不亮", 0),  # classes, not items (trial 218 BR9)
        ("高二（1）班教室插线板串接", 0),
        ("（1）号楼灭火器过期", 0),
    ],
)
def test_numbered_items(text: str, items: int) -> None:
    assert len(numbered_parts(text)) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # (one hazard, without a word: clerk trial 177 AD4)
        ("通风橱故障；洗眼器无水；危废桶未加盖", 3),
        ("通风橱故障;洗眼器无水;危废桶未加盖", 3),
        ("通风橱故障\n洗眼器无水\n危废桶未加盖", 3),
        ("二楼灭火器过期\n三楼疏散通道堵塞", 2),
        ("二楼灭火器过期；三楼疏散通道堵塞", 0),  # two apart by ；: too often one hazard
        ("防冲撞隔离桩缺失；已设临时围挡；待采购", 0),  # what was done
        ("消防通道堵塞；影响疏散；存在隐患", 0),
        ("消防通道堵塞\n已清理一半", 0),
        ("灭火器过期", 0),
        ("门锁坏；灯不亮；窗破", 0),  # too short to be told from a note
        # a hazard, its cause and its consequence (clerk trial 178 AE7)
        ("宿舍楼安全出口门锁闭；夜间值班人员无钥匙；无法及时开启", 0),
        ("配电箱未上锁；线路裸露；容易触电", 0),
        # one hazard wrapped onto two lines (Alt+Enter): not a list (trial 213 BM2)
        ("展柜灯具\n发热严重", 0),
        ("二楼东侧走廊的灭火器箱内\n两具灭火器压力不足", 0),
        ("疏散通道\n被书架堵塞", 0),
        ("舞台灯光控制柜的电源线\n老化破损", 0),
        ("配电箱门未上锁，\n箱前堆放杂物", 0),
        ("团委办公室插线板\n串接使用", 0),
        ("配电箱未上锁\n插线板串接使用", 2),
        ("消防栓无水\n应急灯不亮\n展柜灯具", 3),
        ("监控画面模糊\n门卫未登记", 2),  # (trial 214 BN6)
        ("没有灭火器\n（实训室内）", 0),
    ],
)
def test_listed_items(text: str, items: int) -> None:
    assert len(listed_parts(text)) == items


def test_a_date_with_a_time_is_quoted_to_the_minute() -> None:
    """=NOW()'s value was quoted “2026-12-01 13:17:30.282000” (clerk trial 60)."""
    from datetime import datetime

    from huitoukan.cells import cell_text

    assert cell_text(datetime(2026, 12, 1, 13, 17, 30, 282000)) == "2026-12-01 13:17"
    assert cell_text(datetime(2026, 12, 1)) == "2026-12-01"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (13800138000.0, "13800138000"),  # a mobile number: every digit kept
        (999999999999999.0, "999999999999999"),  # 15 digits: kept
        (370402199001011234.0, "3.70402199001011E+17"),  # an ID: its last digits lost
        (1e15, "1E+15"),
        (0.125, "0.125"),
    ],
)
def test_a_number_is_given_with_the_digits_it_kept(value: float, shown: str) -> None:
    """An 18-digit ID typed as a number keeps 15 digits: the register showed it with made-up
    last digits (370402199001011008), as if exact (clerk trial 76)."""
    from huitoukan.cells import cell_text

    assert cell_text(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (9 / 16, "56.3%"),  # a half: up, as the spreadsheet's 0.0% shows it (clerk trial 129)
        (0.56249, "56.2%"),  # just under
        (0.56251, "56.3%"),  # just over
        (15 / 19, "78.9%"),
        (1.0, "100.0%"),
        (None, "—"),
    ],
)
def test_a_share_is_shown_as_the_spreadsheet_shows_it(value: float | None, shown: str) -> None:
    from huitoukan.text import percent

    assert percent(value) == shown


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        *(("4", 4), ("4.", 4), ("4、", 4), ("（4）", 4), ("(4)", 4), ("4）", 4), ("１２", 12)),
        *(("一、", 1), ("（二）", 2), ("十", 10), ("④", 4)),
        *(("十一、", 11), ("二十三", 23), ("（十五）", 15), ("十十", None), ("二二", None)),
        *(("", None), ("2-1", None), ("甲", None), ("4.1", None), ("第4项", None)),
    ],
)
def test_seq_number(typed: str, number: int | None) -> None:
    assert seq_number(typed) == number


@pytest.mark.parametrize(
    ("given", "printed"),
    [
        (
            "../共享盘/回头看2026/第二轮/北河小学-安全隐患自查整改清单.xlsx",
            "第二轮/北河小学-安全隐患自查整改清单.xlsx",
        ),
        ("回收/保卫处.xlsx", "回收/保卫处.xlsx"),
        ("保卫处.xlsx", "保卫处.xlsx"),
        ("..\\共享盘\\回收\\保卫处.xlsx", "回收/保卫处.xlsx"),
    ],
)
def test_a_returned_file_is_named_on_paper_by_its_folder_and_name(given: str, printed: str) -> None:
    """The archive and the photo pages printed a file given from another folder as a path
    of three lines (../共享盘/…: clerk trial 207 BG10)."""
    from huitoukan.files import on_paper

    assert on_paper(given) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "应报送部门 8 个，已报送 8 个（其中逾期报送 0 个）",
            "应报送部门8个，已报送8个（其中逾期报送0个）",
        ),
        ("未销号 5 项", "未销号5项"),
        ("清零率 85.7%；尚未反馈 0 个。", "清零率85.7%；尚未反馈0个。"),
        ("8 个部门", "8个部门"),
        ("已销号 17，逾期 1", "已销号17，逾期1"),
        ("共 1,200 项", "共1,200项"),
        ("XJ-2026-02 消防通道", "XJ-2026-02 消防通道"),  # a code keeps its space
        ("编号 3A 不变", "编号 3A 不变"),
        ("依据 2026-12-06 通知", "依据 2026-12-06 通知"),
        ("2026年12月6日", "2026年12月6日"),
        ("按原定截止 2026年12月4日 逾期的 1 个", "按原定截止2026年12月4日逾期的1个"),
        ("（12月4日 下发）", "（12月4日下发）"),
    ],
)
def test_a_printed_figure_has_no_space_beside_chinese(text: str, printed: str) -> None:
    """“未销号 5 项” printed “5” at a line's end and “项” on the next (clerk trial 237 CK12)."""
    assert printed_figures(text) == printed
