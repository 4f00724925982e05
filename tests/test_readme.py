"""The README documents what the code does: its generated sections equal the code's own,
and its walkthrough prints, command by command, exactly what the README shows."""

from __future__ import annotations

from pathlib import Path

from huitoukan.model.problems import CATALOGUE, Code
from scripts.readme_tables import with_tables
from scripts.readme_walkthrough import END, START, walked_readme

README = Path(__file__).resolve().parents[1] / "README.md"


def test_problem_codes_listed_as_the_catalogue_says() -> None:
    text = README.read_text("utf-8")
    assert "<!-- problem-codes -->" in text
    assert with_tables(text) == text, "run: python scripts/readme_tables.py"
    for code in Code:
        assert f"`{code.value}`" in text
    assert set(CATALOGUE) == set(Code)


def test_the_walkthrough_prints_what_the_readme_shows() -> None:
    """Every command of the walkthrough, run in order on a copy of examples/ at 80 columns,
    prints what the README shows under it (python scripts/readme_walkthrough.py updates it)."""
    text = README.read_text("utf-8")
    walked = walked_readme(text)
    assert walked == text, "run: python scripts/readme_walkthrough.py"
    section = text[text.index(START) : text.index(END)]
    assert section.count("```text\n```") == 0, "an output block left empty"
    assert section.count("```bash") >= 12


def test_the_readme_starts_with_the_two_setup_commands() -> None:
    text = README.read_text("utf-8")
    first = text.index("```bash\n")
    block = text[first + len("```bash\n") : text.index("```", first + 3)]
    assert block.splitlines() == [
        "pip install -c constraints.txt . && huitoukan issue",
        'pip install -c constraints.txt ".[dev]" && python -m pytest',
    ]
    ci = (README.parent / ".ci" / "run").read_text("utf-8")
    assert block.splitlines()[1] in ci


def test_every_key_of_status_json_is_listed() -> None:
    """A program reading status --json had no list of its keys (clerk trial 84): the
    README's table names every one, and none the model lacks."""
    import re

    from huitoukan.register.status import StatusReport

    text = README.read_text("utf-8")
    table = text[text.index("## JSON 输出") : text.index("## 退出码")]
    listed = {
        key
        for row in table.splitlines()
        if row.startswith("| `")
        for key in re.findall(r"`(\w+)`", row.split("|")[1])
    }
    assert listed == set(StatusReport.model_fields)
