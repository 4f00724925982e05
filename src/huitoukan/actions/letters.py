"""`remind` and `report`: the correspondence made from the campaign's status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.state import status_of
from huitoukan.campaign import Campaign
from huitoukan.files import write_atomically, xlsx_name
from huitoukan.letters.notices import Notice, notices, write_notices
from huitoukan.letters.report import write_report
from huitoukan.register.status import StatusReport


def remind(
    campaign: Campaign,
    sources: Sequence[Path],
    as_of: date,
    out_dir: Path,
    findings_file: Path | None = None,
) -> tuple[list[Notice], list[Path]]:
    """The notices due as of `as_of`, written into `out_dir`; and the files written."""
    items = notices(campaign, status_of(campaign, sources, as_of, findings_file=findings_file))
    return items, write_notices(items, out_dir)


def report(
    campaign: Campaign,
    sources: Sequence[Path],
    as_of: date,
    out: Path,
    findings_file: Path | None = None,
) -> tuple[StatusReport, Path]:
    """The leaders' report written to `out` (.xlsx added when left out); the status it
    shows and the file written."""
    status = status_of(campaign, sources, as_of, findings_file=findings_file)
    out = xlsx_name(out)
    write_atomically(out, lambda tmp: write_report(tmp, campaign, status))
    return status, out
