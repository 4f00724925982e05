"""`review`: the 复查验收表 of every hazard reported 已完成 and not yet reviewed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.collect import verdicts_filled
from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError
from huitoukan.files import xlsx_name
from huitoukan.forms.layout import REVIEWS_FOLDER
from huitoukan.forms.review import write_review_form
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.returns import FAILED, HazardRow, shared_photos
from huitoukan.register.store import Written, replace_output


def review(
    campaign: Campaign, sources: Sequence[Path], out: Path, as_of: date
) -> tuple[list[HazardRow], Written, int]:
    """Write the form for the receiving office; the hazards on it, the file (none written
    when there is nothing to review: a form filled in earlier is not replaced by an empty
    one; one filled in with verdicts is moved into the 复查 folder, any other edited kept as
    a backup) and how many hazards wait,
    reviewed 不合格, for their department to rectify them again."""
    # the register first: run from the folder above a campaign's, where its register is
    # is said (the built-in campaign's 未开启复查验收 was: clerk trial 174 AA7)
    state = load_state(campaign, sources, as_of)
    if not campaign.info.review_required:
        raise InputError(
            "本次活动未开启复查验收：请在 campaign.toml 的 [campaign] 中写 review_required = true，"
            "重新汇总后再生成复查验收表（campaign.toml 不在当前文件夹的，用 --campaign 指定："
            "没有它，按内置默认活动运行）"
        )
    hazards = [h for h in state.hazards if h.unreviewed]
    failed = sum(h.review == FAILED for h in state.hazards)
    out = xlsx_name(out)
    if not hazards:
        return hazards, Written(out), failed
    shared = shared_photos(state.hazards)
    filled = verdicts_filled(out, campaign, as_of)
    moved = _into_reviews_folder(out) if filled else None
    still = _found_still(hazards, state.findings)
    numbered = bool(state.findings) or any(h.number for h in state.hazards)
    written = replace_output(
        out, lambda tmp: write_review_form(tmp, campaign, hazards, as_of, shared, still, numbered)
    )
    if moved is not None:
        written = dataclasses.replace(written, backup=moved, verdicts=filled)
    return hazards, written, failed


def _found_still(hazards: Sequence[HazardRow], findings: Sequence[Finding]) -> dict[str, str]:
    """隐患编号 → what the inspection its row now answers found, of those its department had
    reported closed before (a version sent with a 销号时间 before the problem was found):
    done again, the reviewer read only that the 销号时间 had changed (clerk trial 154)."""
    by_number = {number_key(f.number): f for f in findings}
    said: dict[str, str] = {}
    for hazard in hazards:
        finding = by_number.get(number_key(hazard.number)) if hazard.number else None
        found = finding.found_on if finding is not None else None
        if finding is None or found is None:
            continue
        closed = [c for _, _, c in hazard.history if c is not None and c < found]
        if closed:
            said[hazard.hazard_id] = (
                f"{finding.source}{chinese_date(found)}检查时问题仍在（交办问题 {finding.number}；"
                f"此前报的销号时间 {chinese_date(max(closed))}）"
            )
    return said


def _into_reviews_folder(table: Path) -> Path:
    """Move a 复查验收表 filled in where `review` wrote it into the 复查 folder beside it,
    where collect reads it: kept as a backup beside the new one, its verdicts were not
    collected, and one collected by name was then said missing (clerk trial 125)."""
    folder = table.parent / REVIEWS_FOLDER
    folder.mkdir(exist_ok=True)
    target, n = folder / f"{table.stem}（已填）{table.suffix}", 2
    while target.exists():
        target, n = folder / f"{table.stem}（已填{n}）{table.suffix}", n + 1
    table.replace(target)
    return target
