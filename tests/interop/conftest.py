"""What the print tests need: LibreOffice to print, poppler to read the pages, Chinese fonts.

A machine without them skips the tests loudly; CI (CI=true) must have them and fails.
(test_libreoffice.py has its own, stricter fixture: it also drives Calc through UNO.)
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def printing_missing() -> str | None:
    if shutil.which("soffice") is None:
        return "soffice not found (apt-get install libreoffice-calc)"
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    if "UMing" not in fonts or "WenQuanYi" not in fonts:
        return "Chinese fonts missing (apt-get install fonts-arphic-uming fonts-wqy-zenhei)"
    for tool in ("pdfinfo", "pdftotext", "pdftocairo"):
        if shutil.which(tool) is None:
            return f"{tool} not found (apt-get install poppler-utils)"
    return None


@pytest.fixture(scope="module")
def libreoffice() -> None:
    missing = printing_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"LibreOffice print tests cannot run in CI: {missing}")
        pytest.skip(f"LOUD SKIP: {missing}")
