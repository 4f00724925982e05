"""Run the README's walkthrough and put each command's real output under it.

    python scripts/readme_walkthrough.py          # rewrite README.md's output blocks
    python scripts/readme_walkthrough.py --check  # exit 1 when README.md is not up to date

Between `<!-- walkthrough -->` and `<!-- /walkthrough -->`, every ```bash block is run
in order, in a copy of examples/ made in a temporary folder, as a clerk would type it
in a terminal 80 columns wide: `cd 文件夹` changes folder, every other line is a
`huitoukan ...` command. A ```text block right after a bash block is the output of that
block's last command (stdout and stderr, as a terminal shows them). tests/test_readme.py
checks that the README says exactly what the commands print.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START, END = "<!-- walkthrough -->", "<!-- /walkthrough -->"
WIDTH = 80
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)


class WalkthroughError(Exception):
    pass


def run_command(line: str, cwd: Path) -> tuple[str, int]:
    """One `huitoukan ...` line run as a terminal of WIDTH columns would show it."""
    words = shlex.split(line, comments=True)
    if not words or words[0] != "huitoukan":
        raise WalkthroughError(f"the walkthrough runs only huitoukan commands and cd: {line}")
    env = dict(os.environ, COLUMNS=str(WIDTH), PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
    env.pop("FORCE_COLOR", None)
    env["NO_COLOR"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "huitoukan", *words[1:]],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    if result.returncode not in (0, 1):
        raise WalkthroughError(f"{line} exited {result.returncode}:\n{result.stdout}")
    lines = [text.rstrip() for text in result.stdout.rstrip("\n").split("\n")]
    return "\n".join(lines) + "\n", result.returncode


def walk(text: str, workdir: Path) -> str:
    """`text` (the whole README) with every output block of its walkthrough replaced by
    what the commands print, run in `workdir` (which holds a copy of examples/)."""
    start, end = text.index(START), text.index(END)
    section = text[start:end]
    cwd = workdir
    pieces: list[str] = []
    position = 0
    last_output: str | None = None
    for match in _FENCE.finditer(section):
        kind, body = match.group(1), match.group(2)
        between = section[position : match.start()]
        pieces.append(between)
        if kind == "bash":
            last_output = None
            for line in body.splitlines():
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("cd "):
                    cwd = (cwd / line[3:].strip()).resolve()
                    continue
                last_output, _ = run_command(line, cwd)
            pieces.append(match.group(0))
        elif kind == "text" and last_output is not None and not between.strip():
            pieces.append(f"```text\n{last_output}```\n")
            last_output = None
        else:
            last_output = None
            pieces.append(match.group(0))
        position = match.end()
    pieces.append(section[position:])
    return text[:start] + "".join(pieces) + text[end:]


def walked_readme(text: str) -> str:
    with tempfile.TemporaryDirectory(prefix="huitoukan-readme-") as folder:
        work = Path(folder)
        copy_examples(work / "examples")
        return walk(text, work)


def example_files() -> list[Path]:
    """The files of examples/ (relative to it) as the repository holds them: not what a
    clerk's run of the walkthrough in it left there (发放/, the register …), which would
    change what the commands print. Outside a git checkout, every file there."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "examples"], cwd=ROOT, capture_output=True, check=True
        ).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        listed = ""
    names = [Path(name).relative_to("examples") for name in listed.split("\0") if name]
    examples = ROOT / "examples"
    return names or [p.relative_to(examples) for p in examples.rglob("*") if p.is_file()]


def copy_examples(target: Path) -> Path:
    """`example_files` copied into `target`."""
    for name in example_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "examples" / name, destination)
    return target


def main() -> None:
    text = README.read_text("utf-8")
    walked = walked_readme(text)
    if "--check" in sys.argv:
        raise SystemExit(0 if walked == text else 1)
    README.write_text(walked, "utf-8")


if __name__ == "__main__":
    main()
