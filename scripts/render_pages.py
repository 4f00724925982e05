"""Render workbooks to PDF (LibreOffice headless) and PNG pages (pdftoppm) to look at.

    python scripts/render_pages.py OUT_DIR FILE.xlsx [FILE.xlsx ...]

Needs the Debian packages libreoffice-calc, poppler-utils and fonts-noto-cjk.
Each run uses a throw-away LibreOffice profile, so it never touches a user's
settings and never collides with an open LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def render(files: list[Path], out_dir: Path, dpi: int = 60) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: apt-get install libreoffice-calc")
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: list[Path] = []
    with tempfile.TemporaryDirectory() as profile:
        for file in files:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out_dir),
                    str(file),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            pdf = out_dir / f"{file.stem}.pdf"
            prefix = out_dir / file.stem
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
            pngs.extend(sorted(out_dir.glob(f"{file.stem}-*.png")))
    return pngs


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    for png in render([Path(a) for a in sys.argv[2:]], Path(sys.argv[1])):
        print(png)
