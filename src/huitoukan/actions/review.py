"""`review`: the 复查验收表 of every hazard reported 已完成 and not yet reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.errors import InputError
from huitoukan.files import xlsx_name
from huitoukan.forms.review import write_review_form
from huitoukan.model.returns import FAILED, HazardRow, shared_photos
from huitoukan.register.store import Written, replace_output


def review(
    campaign: Campaign, sources: Sequence[Path], out: Path, as_of: date
) -> tuple[list[HazardRow], Written, int]:
    """Write the form for the receiving office; the hazards on it, the file (none written
    when there is nothing to review: a form filled in earlier is not replaced by an empty
    one; one filled in and then replaced is kept as a backup) and how many hazards wait,
    reviewed 不合格, for their department to rectify them again."""
    if not campaign.info.review_required:
        raise InputError(
            "本次活动未开启复查验收：请在 campaign.toml 的 [campaign] 中写 review_required = true，"
            "重新汇总后再生成复查验收表（campaign.toml 不在当前文件夹的，用 --campaign 指定："
            "没有它，按内置默认活动运行）"
        )
    state = load_state(campaign, sources, as_of)
    hazards = [h for h in state.hazards if h.unreviewed]
    failed = sum(h.review == FAILED for h in state.hazards)
    out = xlsx_name(out)
    if not hazards:
        return hazards, Written(out), failed
    shared = shared_photos(state.hazards)
    written = replace_output(
        out, lambda tmp: write_review_form(tmp, campaign, hazards, as_of, shared)
    )
    return hazards, written, failed
