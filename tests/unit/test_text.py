"""Cleaning typed text: the quick test that skips the search must never skip a character
the search would remove."""

from __future__ import annotations

import sys

from huitoukan.text import _UNWANTED, clean_cell_text


def test_every_unwanted_character_fails_the_quick_test() -> None:
    unwanted = [chr(c) for c in range(sys.maxunicode + 1) if _UNWANTED.match(chr(c))]
    assert len(unwanted) > 40
    assert [ch for ch in unwanted if f"灭火器{ch}过期".isprintable()] == []


def test_cleaning() -> None:
    assert clean_cell_text("  灭火器过期 ") == "灭火器过期"
    assert clean_cell_text("灭火\u200b器\x07过期") == "灭火器过期"
    assert clean_cell_text("第一行\n第二行") == "第一行\n第二行"
    assert clean_cell_text("\u3000北围墙\u3000") == "北围墙"
