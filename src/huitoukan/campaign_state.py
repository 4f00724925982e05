"""Where the campaign stands: hazards and returned departments, from a register or from returns.

`status` and `issue --followup` accept either the register collect wrote or the
folder of returns itself; both give the same state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from huitoukan.campaign import Campaign
from huitoukan.errors import InputError
from huitoukan.models import HazardRow
from huitoukan.register_reading import is_register, read_register

if TYPE_CHECKING:  # openpyxl and the readers load only when a command needs them
    from huitoukan.issuing import FollowUp


@dataclass(frozen=True)
class CampaignState:
    hazards: list[HazardRow]
    returned: dict[str, date | None]
    """Department → 日期 of its first return."""
    from_register: bool


def load_state(campaign: Campaign, sources: Sequence[Path]) -> CampaignState:
    """From one register, or by collecting (in memory) the returns in `sources`."""
    for source in sources:
        if not source.exists():
            raise InputError(
                f"找不到 {source}：请先运行 huitoukan collect 生成台账，或指定报回表格所在的文件夹"
            )
    if len(sources) == 1 and sources[0].is_file() and is_register(sources[0]):
        content = read_register(sources[0])
        return CampaignState(content.hazards, content.returned, True)
    from huitoukan.collecting import collect

    collection = collect(campaign, sources)
    return CampaignState(collection.hazards, collection.returned(), False)


def followup_round(state: CampaignState, form_date: date, due: date, only_open: bool) -> FollowUp:
    """Each department's hazards as last returned, in their order, for `issue --followup`."""
    from huitoukan.issuing import FollowUp

    rows: dict[str, list[HazardRow]] = {}
    for hazard in state.hazards:
        rows.setdefault(hazard.department, []).append(hazard)
    return FollowUp(rows=rows, form_date=form_date, due=due, only_open=only_open)
