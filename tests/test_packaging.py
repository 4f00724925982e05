"""The wheel carries the templates: a fresh environment can issue forms from any folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]


def _python_in(env_dir: Path) -> tuple[Path, Path]:
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    return bindir, bindir / ("python.exe" if sys.platform == "win32" else "python")


def test_installed_wheel_issues_forms_from_any_folder(tmp_path: Path) -> None:
    """Built and installed the way a user's `pip install .` does, in a new virtual
    environment, whether the tests themselves run inside a virtual environment or not.

    The dependencies come from the environment running the tests (a .pth file puts its
    site-packages after the new environment's own), so no network is needed; the
    project itself comes only from the freshly built wheel."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("huitoukan-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir, python = _python_in(env_dir)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "outer-dependencies.pth").write_text("\n".join(sorted(outer)) + "\n")
    subprocess.run(  # --ignore-installed: the outer environment may hold huitoukan too
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "其他文件夹"
    elsewhere.mkdir()
    located = subprocess.run(
        [str(python), "-c", "import huitoukan; print(huitoukan.__file__)"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    assert Path(located.stdout.strip()).is_relative_to(env_dir)
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
