"""Rewrite the README's generated sections from the code they document.

    python scripts/readme_tables.py

The list of problem codes sits between `<!-- problem-codes -->` and
`<!-- /problem-codes -->`; tests/test_readme.py fails when it differs from the
catalogue in `huitoukan.model.problems`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from huitoukan.model.problems import catalogue_table  # noqa: E402

SECTION = re.compile(r"(<!-- problem-codes -->\n)(?:.*?\n)?(<!-- /problem-codes -->)", re.S)


def with_tables(readme: str) -> str:
    return SECTION.sub(lambda m: m.group(1) + catalogue_table() + "\n" + m.group(2), readme)


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(with_tables(path.read_text("utf-8")), "utf-8")
