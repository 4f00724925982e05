"""`sample`: rehearse the 督导组's random pick and write 一问题一档案 for it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.findings import load_findings
from huitoukan.actions.photos import hazards_with_photos, photo_store
from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.errors import InputError
from huitoukan.files import xlsx_name
from huitoukan.findings.sampling import Sample, pick
from huitoukan.letters.archive import write_archive
from huitoukan.letters.photos import Photo
from huitoukan.register.status import build_status
from huitoukan.register.store import Written, replace_output


def sample(
    campaign: Campaign,
    sources: Sequence[Path],
    out: Path,
    count: int | None,
    seed: int | None,
    from_sources: Sequence[str],
    as_of: date,
    findings_file: Path | None = None,
) -> tuple[Sample, Written]:
    """Pick `count` assigned problems (all with None) of `from_sources` and write their
    archive pages to `out` (.xlsx added when left out); the pick and the file."""
    wanted = []
    for name in from_sources:
        source = campaign.find_source(name)
        if source is None:
            known = "、".join(s.name for s in campaign.sources)
            raise InputError(f"没有名为“{name}”的问题来源。可用的来源：{known}")
        wanted.append(source.name)
    listed = load_findings(campaign, findings_file)
    out = xlsx_name(out)
    with photo_store(sources) as store:
        state = load_state(campaign, sources, as_of, listed.findings if listed else None, store)
        if not state.findings:
            raise InputError(
                "没有交办问题：请在 campaign.toml 的 [findings] 中写明问题清单，或用 --findings 指定"
            )
        chosen = pick(state.findings, count, seed, wanted)
        if not chosen.pool:
            raise InputError(
                f"来源“{'、'.join(wanted)}”没有交办问题可抽。"
                f"有交办问题的来源：{'、'.join(dict.fromkeys(f.source for f in state.findings))}"
            )
        status = build_status(
            campaign, state.hazards, state.returned, as_of, findings=chosen.findings
        )
        photos: dict[str, list[Photo]] = {}
        for hazard, data in hazards_with_photos(store, state.hazards):
            if hazard.number:
                photos.setdefault(hazard.number, []).extend(data)
        written = replace_output(
            out,
            lambda tmp: write_archive(
                tmp, campaign, chosen.findings, status.parts, state.mentions, photos
            ),
        )
    return chosen, written
