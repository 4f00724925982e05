"""The free-text readers against trial 232's adversarial lists (`tests/data/adversarial.tsv`):
hazards worded to look like nothing found, and doubtful 复查意见 worded to look like passes.

Its white-box round (written after reading the readers' source) dropped 73 real hazards as
“nothing found” (配电箱内接线欠规范, 灭火器过期无其他问题, 三楼应急灯失效待电工检查，其余正常,
食堂无燃气泄漏探测器, 三楼东侧灭火器过期。⏎1、消防：无⏎2、用电：无) and closed 76 hazards on
doubtful remarks (复查发现应急灯闪烁, 防护栏本周五安装, 部门回复已整改, 已更换4具（共5具）,
没有解决漏水问题). Both readers keep a hazard unless every clause clears it; these lists
are the mixes no blind list wrote."""

from __future__ import annotations

from pathlib import Path

from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.forms.verdicts import doubts_the_pass

LISTS = Path(__file__).parent.parent / "data" / "adversarial.tsv"

READ_OTHERWISE = {
    "已设置警示牌，禁止通行": "a control alone: asked beside a hazard it does not put right",
    "电动车停放需进一步规范": "read as advice, as trials 222-230 read 进一步规范",
    "首次复查尚有一处未整改": "an earlier review's state (首次复查时未整改, trial 225)",
}
"""Remarks the list asks about that the reader lets stand, and why."""


def _rows(reader: str) -> list[tuple[str, str]]:
    lines = LISTS.read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if line[:1] != "#")
    return [(text.replace("\\n", "\n"), reading) for text, who, reading, _ in rows if who == reader]


def test_no_hazard_of_the_adversarial_lists_is_taken_for_nothing_found() -> None:
    dropped = [
        text for text, reading in _rows("hazard") if reading == "keep" and says_nothing_found(text)
    ]
    assert dropped == []
    # (and the nothing-found texts worded to look like hazards are still mostly read)
    nothing = [text for text, reading in _rows("hazard") if reading == "drop"]
    assert sum(map(says_nothing_found, nothing)) >= 0.6 * len(nothing)


def test_no_doubtful_remark_of_the_adversarial_lists_closes_a_hazard() -> None:
    closing = [
        text
        for text, reading in _rows("review")
        if reading == "ask" and not doubts_the_pass(text) and text not in READ_OTHERWISE
    ]
    assert closing == []
    assert all(not doubts_the_pass(text) for text in READ_OTHERWISE)
    passes = [text for text, reading in _rows("review") if reading == "close"]
    assert sum(not doubts_the_pass(text) for text in passes) >= 0.6 * len(passes)
