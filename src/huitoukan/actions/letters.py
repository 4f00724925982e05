"""`remind` and `report`: the correspondence made from the campaign's status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.findings import load_findings
from huitoukan.actions.photos import hazards_with_photos, photo_store
from huitoukan.actions.state import load_state, status_of_state
from huitoukan.campaign import Campaign
from huitoukan.files import xlsx_name
from huitoukan.letters.notices import Notice, notices, write_notices
from huitoukan.letters.report import has_photo_pages, write_report
from huitoukan.register.layout import kept_elsewhere
from huitoukan.register.status import StatusReport
from huitoukan.register.store import Written, replace_output
from huitoukan.register.writing import found_since


def remind(
    campaign: Campaign,
    sources: Sequence[Path],
    as_of: date,
    out_dir: Path,
    findings_file: Path | None = None,
) -> tuple[list[Notice], list[Path]]:
    """The notices due as of `as_of`, written into `out_dir`; and the files written."""
    listed = load_findings(campaign, findings_file)
    state = load_state(campaign, sources, as_of, listed.findings if listed else None)
    report = status_of_state(campaign, state, as_of)
    items = notices(campaign, report, state.looked_in, kept_elsewhere(state.register_file))
    # (a notice to a department under its former name stayed, to be sent again: trial 90)
    departments = [unit.name for unit in campaign.units] + list(campaign.renamed)
    return items, write_notices(items, out_dir, departments)


def report(
    campaign: Campaign,
    sources: Sequence[Path],
    as_of: date,
    out: Path,
    findings_file: Path | None = None,
    photos: bool = False,
) -> tuple[StatusReport, Written, int | None, list[str]]:
    """The leaders' report written to `out` (.xlsx added when left out), with a page of
    photos for each hazard that has some when `photos`; the status it shows, the file, the
    hazards with photos (None when not asked for; none: no sheet of photos, a whole page
    saying there were none was printed, clerk trial 62) and the photos that could not be
    found (left off their pages without a word: clerk trials 158, 159)."""
    listed = load_findings(campaign, findings_file)
    out = xlsx_name(out)
    with photo_store(sources) as store:
        state = load_state(
            campaign, sources, as_of, listed.findings if listed else None, store if photos else None
        )
        status = status_of_state(campaign, state, as_of)
        lost: list[str] = []
        pages = hazards_with_photos(store, state.hazards, lost) if photos else None
        # a problem found still there since, or again (its photo page read 已销号 alone
        # beside its 整改后 photo: clerk trial 153)
        since = found_since(state.findings, state.crosschecks)
        # one with photo pages is kept, written over by one without (trial 171 X8)
        keep = "“整改照片”页" if not photos and out.is_file() and has_photo_pages(out) else ""
        written = replace_output(
            out, lambda tmp: write_report(tmp, campaign, status, pages or None, since), keep
        )
    return status, written, None if pages is None else len(pages), lost
