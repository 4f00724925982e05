"""The wheel carries the templates: a fresh environment can issue forms from any folder."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_issues_forms_from_any_folder(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # System site-packages supply the dependencies; the project itself is installed
    # from a freshly built wheel, so the templates must come from inside it.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(ROOT)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "其他文件夹"
    elsewhere.mkdir()
    located = subprocess.run(
        [str(python), "-c", "import huitoukan, sys; print(huitoukan.__file__)"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    assert str(env_dir) in located.stdout
    run = subprocess.run(
        [str(bindir / "huitoukan"), "issue", "--out", "D"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert run.returncode == 0, run.stderr
    out = elsewhere / "D"
    assert len(list(out.glob("*-安全隐患自查整改清单.xlsx"))) == 8
    assert (out / "附件1-项目清单.xlsx").is_file() and (out / "发放清单.xlsx").is_file()
    assert load_workbook(out / "附件1-项目清单.xlsx").worksheets[0]["A2"].value
    module = subprocess.run(
        [str(python), "-m", "huitoukan", "--help"],
        cwd=elsewhere,
        capture_output=True,
    )
    assert module.returncode == 0
