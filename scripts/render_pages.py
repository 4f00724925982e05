"""Render workbooks to PDF (LibreOffice headless) and PNG pages (pdftoppm) to look at.

    python scripts/render_pages.py OUT_DIR FILE.xlsx [FILE.xlsx ...]

Needs the Debian packages libreoffice-calc, poppler-utils, fonts-arphic-uming and
fonts-wqy-zenhei. Each run uses a throw-away LibreOffice profile (scripts/lo-profile.xcu:
zh-CN, the forms' fonts replaced by Chinese-only fonts), so it never touches a user's
settings, never collides with an open LibreOffice, and prints Simplified Chinese glyphs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prepare_profile(profile: Path) -> None:
    """A throw-away LibreOffice profile: zh-CN, the forms' fonts mapped to Chinese fonts."""
    (profile / "user").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "lo-profile.xcu", profile / "user" / "registrymodifications.xcu")


def to_pdf(files: list[Path], out_dir: Path, timeout: int = 300) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: apt-get install libreoffice-calc")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        prepare_profile(Path(profile))
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
    return [out_dir / f"{file.stem}.pdf" for file in files]


def render(files: list[Path], out_dir: Path, dpi: int = 60) -> list[Path]:
    pngs: list[Path] = []
    for pdf in to_pdf(files, out_dir):
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / pdf.stem)],
                       check=True)  # fmt: skip
        pngs.extend(sorted(out_dir.glob(f"{pdf.stem}-*.png")))
    return pngs


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    for png in render([Path(a) for a in sys.argv[2:]], Path(sys.argv[1])):
        print(png)
