"""Print the demo app's help and usage errors the way a terminal shows them.

    python capture.py before|after|project-before|project-after none|rich COLUMNS [case ...]

"project-*" runs the real huitoukan CLI (importable from the venv) instead of demo.py;
its rich_markup_mode is the project's own (None), whatever the second argument says.

Each case runs in a subprocess with COLUMNS set, so typer sizes the help exactly as in
a real terminal (typer's CliRunner forces the plain formatter to 80 columns instead).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CASES: list[list[str]] = [
    ["--help"],
    ["collect", "--help"],
    ["status", "--help"],
    ["remind", "--help"],
    ["collect"],
    ["collect", "r", "--asof", "x"],
    ["status", "--due-within", "七"],
    ["status", "--due-within", "-1"],
    ["issue", "extra"],
    ["xxx"],
    ["colect"],
    ["issue", "--out"],
    ["remind"],
    ["remind", "--template", "/nonexistent.docx"],
    ["status", "-x"],
]

RUN = (
    "import sys; from tests.cli.chinese_demo import make_app; "
    "make_app(chinese={chinese}, rich_markup_mode={mode!r})(args=sys.argv[1:], prog_name='huitoukan')"
)
#: The real huitoukan CLI.
RUN_PROJECT = "import sys; from huitoukan.__main__ import main; sys.argv[0] = 'huitoukan'; main()"
PROJECT_CASES: list[list[str]] = [
    ["--help"],
    ["collect", "--help"],
    ["status", "--help"],
    ["issue", "--help"],
    ["collect"],
    ["collect", "r", "--asof", "x"],
    ["status", "--due-within", "七"],
    ["colect"],
    ["issue", "--out"],
]


def run(
    args: list[str], *, chinese: bool, mode: str | None, columns: int, project: bool = False
) -> tuple[int, str]:
    """Exit code and combined output of `huitoukan ARGS` in a COLUMNS-wide terminal."""
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    code = (RUN_PROJECT if project else RUN).format(chinese=chinese, mode=mode)
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def main() -> None:
    project = sys.argv[1].startswith("project-")
    chinese = sys.argv[1].endswith("after")
    mode = None if sys.argv[2] == "none" else sys.argv[2]
    columns = int(sys.argv[3])
    only = sys.argv[4:]
    for args in PROJECT_CASES if project else CASES:
        if only and " ".join(args) not in only:
            continue
        code, output = run(args, chinese=chinese, mode=mode, columns=columns, project=project)
        print(f"$ huitoukan {' '.join(args)}    # 退出码 {code}")
        print(output.rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
