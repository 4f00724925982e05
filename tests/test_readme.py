"""The README documents what the code does: its generated sections equal the code's own."""

from __future__ import annotations

from pathlib import Path

from huitoukan.model.problems import CATALOGUE, Code
from scripts.readme_tables import with_tables

README = Path(__file__).resolve().parents[1] / "README.md"


def test_problem_codes_listed_as_the_catalogue_says() -> None:
    text = README.read_text("utf-8")
    assert "<!-- problem-codes -->" in text
    assert with_tables(text) == text, "run: python scripts/readme_tables.py"
    for code in Code:
        assert f"`{code.value}`" in text
    assert set(CATALOGUE) == set(Code)
