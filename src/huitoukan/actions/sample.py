"""`sample`: rehearse the 督导组's random pick and write 一问题一档案 for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from huitoukan.actions.findings import load_findings
from huitoukan.actions.photos import hazards_with_photos, photo_store
from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.errors import InputError
from huitoukan.files import safe_file_name, xlsx_name
from huitoukan.findings.sampling import PLAN_LEVEL, Sample, pick
from huitoukan.letters.archive import ARCHIVE_FILE, write_archive
from huitoukan.letters.photos import Photo
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.returns import HazardRow
from huitoukan.register.crosschecks import belied
from huitoukan.register.evidence import laid_out_paths
from huitoukan.register.status import build_status
from huitoukan.register.store import Written, replace_output


def default_archive(
    from_sources: Sequence[str], every: bool = False, campaign: Campaign | None = None
) -> Path:
    """Where `sample` writes by default: 抽查档案.xlsx, and a file of its own for the problems
    of some sources (抽查档案（县级普查）.xlsx) or for all of them (抽查档案（全部）.xlsx,
    抽查档案（县级普查，全部）.xlsx): a run with --source or --all wrote over the 督导组's pick
    without a word (clerk trial 184 AJ7). A source is named as `campaign` names it, not by
    the alias typed (区级普查 and 县级普查 wrote two files of one source: trial 186 AL15),
    nor by a level that is one source's (县级: trial 187 AM11)."""
    names = [_source_name(name, campaign) for name in from_sources]
    named = [safe_file_name("、".join(dict.fromkeys(names)))] if names else []
    if every:
        named.append("全部")
    if named:
        return Path(f"抽查档案（{'，'.join(named)}）.xlsx")
    return Path(ARCHIVE_FILE)


def _source_name(name: str, campaign: Campaign | None) -> str:
    """The source `name` names (an alias, or a level of one source), as `campaign` names it."""
    source = campaign.find_source(name) if campaign else None
    if source is not None:
        return source.name
    of_level = _of_level(campaign, name) if campaign else []
    return of_level[0] if len(of_level) == 1 else name.strip()


def _of_level(campaign: Campaign, level: str) -> list[str]:
    """The names of `campaign`'s sources of `level` (县级) as typed."""
    return [s.name for s in campaign.sources if s.level and s.level == level.strip()]


def sample(
    campaign: Campaign,
    sources: Sequence[Path],
    out: Path,
    count: int | None,
    seed: int | None,
    from_sources: Sequence[str],
    as_of: date,
    findings_file: Path | None = None,
) -> tuple[Sample, Written, list[str]]:
    """Pick `count` assigned problems (all with None) of `from_sources` (names or levels:
    省级; by default, as the plan's 督导组 does, those of the provincial checks when there
    are any) and write their archive pages to `out` (.xlsx added when left out); the pick
    and the file, and the photos of its pages that could not be found (left off without a
    word: clerk trial 159)."""
    wanted: list[str] = []
    for name in from_sources:
        source = campaign.find_source(name)
        of_level = _of_level(campaign, name)
        if source is None and not of_level:
            known = "、".join(s.name for s in campaign.sources)
            levels = "、".join(dict.fromkeys(s.level for s in campaign.sources if s.level))
            raise InputError(
                f"没有名为“{name}”的问题来源。可用的来源：{known}；也可写级别：{levels}"
            )
        wanted.extend([source.name] if source else of_level)
    wanted = list(dict.fromkeys(wanted))
    listed = load_findings(campaign, findings_file)
    out = xlsx_name(out)
    with photo_store(sources) as store:
        state = load_state(campaign, sources, as_of, listed.findings if listed else None, store)
        if not state.findings:
            raise InputError(
                "没有交办问题：请在 campaign.toml 的 [findings] 中写明问题清单，或用 --findings 指定"
            )
        default = not wanted and count is not None
        if default:  # the plan's pick: what the provincial checks found, if any is listed
            plan = {s.name for s in campaign.sources if s.sampled} or {
                s.name for s in campaign.sources if s.level == PLAN_LEVEL
            }
            wanted = [s for s in dict.fromkeys(f.source for f in state.findings) if s in plan]
        chosen = pick(state.findings, count, seed, wanted)
        chosen = replace(chosen, chosen_sources=not default)
        if default and not wanted:
            in_order = [s.name for s in campaign.sources if s.name in plan]
            chosen = replace(chosen, plan_unlisted=tuple(in_order))
        if not chosen.pool:
            raise InputError(
                f"来源“{'、'.join(wanted)}”没有交办问题可抽。"
                f"有交办问题的来源：{'、'.join(dict.fromkeys(f.source for f in state.findings))}"
            )
        status = build_status(
            campaign,
            state.hazards,
            state.returned,
            as_of,
            findings=chosen.findings,
            assigned_on=state.assigned_on,
            away=state.away,
        )
        by_number = {number_key(f.number): f for f in state.findings}
        # a department the problem was taken from: its answers are on the page (报送记录),
        # their photos too (“没有附照片” beside them: clerk trial 139)
        answered = {(number_key(m.number), m.department) for m in state.mentions}

        def answering(hazard: HazardRow) -> Finding | None:
            """The problem `hazard` is an answer to, on its page (not another's row)."""
            sent_as = hazard.number or (hazard.answered_as[0] if hazard.answered_as else "")
            finding = by_number.get(number_key(sent_as)) if sent_as else None
            if finding is not None and (
                hazard.department in finding.departments
                or (number_key(sent_as), hazard.department) in answered
            ):
                return finding
            return None

        photos: dict[str, list[Photo]] = {}
        answers = [*state.hazards, *state.handed_over]  # (handed over since: on its page)
        lost: list[str] = []
        for hazard, data in hazards_with_photos(store, answers, lost):
            if (finding := answering(hazard)) is not None:
                shown = photos.setdefault(finding.number, [])
                seen = {photo.data for photo in shown}  # two departments sent one photo
                shown.extend(photo for photo in data if photo.data not in seen)
        # pasted and not read (a .xls): “没有附照片” on the page (clerk trial 144)
        unread: dict[str, list[str]] = {}
        for hazard in answers:
            if (
                hazard.photos_lost
                and not hazard.photos
                and (finding := answering(hazard)) is not None
            ):
                unread.setdefault(finding.number, []).append(hazard.department)
        handed: dict[str, list[HazardRow]] = {}
        for hazard in state.handed_over:
            if (finding := answering(hazard)) is not None:
                handed.setdefault(finding.number, []).append(hazard)
        written = replace_output(
            out,
            lambda tmp: write_archive(
                tmp,
                campaign,
                as_of,
                chosen.findings,
                status.parts,
                state.mentions,
                photos,
                state.assigned_on,
                unread,
                belied(state.crosschecks),
                handed,
                state.handed_written,
                state.away,
            ),
        )
    picked = {f.number for f in chosen.findings}
    on_pages = {
        path
        for hazard, paths in laid_out_paths(answers)
        if (finding := answering(hazard)) is not None and finding.number in picked
        for path in paths
    }
    return chosen, written, [path for path in lost if path in on_pages]
