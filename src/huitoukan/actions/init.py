"""`init`: an editable campaign.toml, and with `--findings` a blank 交办问题清单 beside it."""

from __future__ import annotations

from pathlib import Path

from huitoukan.campaign import default_campaign, write_default_campaign
from huitoukan.errors import OutputExistsError
from huitoukan.files import write_atomically
from huitoukan.forms.findings_layout import LIST_FILE


def init(out: Path, force: bool = False, findings: bool = False) -> list[Path]:
    """Write campaign.toml (and the blank list, named in it); the files written."""
    written: list[Path] = []
    if findings:
        target = out.parent / LIST_FILE
        if target.exists() and not force:
            raise OutputExistsError(f"{target} 已存在，未做改动；确需覆盖请加 --force")
        from huitoukan.findings.template import blank_list  # openpyxl: only for this

        workbook = blank_list(default_campaign())
        write_atomically(target, workbook.save)
        written.append(target)
    written.insert(0, write_default_campaign(out, force, LIST_FILE if findings else None))
    return written
