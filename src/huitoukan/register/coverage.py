"""项目覆盖: did each responsible department report on each of its 附件1 items?

A department covers an item when one of its rows names it in 检查内容, either as a
hazard or as "checked, nothing found" (存在隐患问题: 无 / 未发现隐患 …) in any version of
its return (the follow-up round's forms carry the hazards, not the 无 rows).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from huitoukan.campaign import Campaign, ChecklistItem
from huitoukan.register.merging import Collection
from huitoukan.text import fingerprint

NOT_RESPONSIBLE = ""
NOT_RETURNED = "未报送"
NOT_REPORTED = "未报告"
NOTHING_FOUND = "已查无隐患"


class CoverageRow(BaseModel):
    item: str
    """e.g. 消防安全-2"""
    content: str
    cells: dict[str, str]
    """Unit → 隐患N / 已查无隐患 / 未报告 / 未报送 / '' (not responsible)."""


class ItemMatcher:
    """Which 附件1 item a 检查内容 text refers to (its content, or a label like 消防安全-2).

    Item fingerprints are computed once per checklist, matches cached per distinct text."""

    _cache: dict[tuple[ChecklistItem, ...], ItemMatcher] = {}

    @classmethod
    def of(cls, items: tuple[ChecklistItem, ...]) -> ItemMatcher:
        if items not in cls._cache:
            cls._cache = {items: cls(items)}
        return cls._cache[items]

    def __init__(self, items: tuple[ChecklistItem, ...]) -> None:
        self.items = items
        self.labels = {
            key: item
            for item in reversed(items)
            for key in (
                fingerprint(item.label),
                fingerprint(f"{item.category}{item.number}"),
                fingerprint(item.short),
            )
        }
        self.contents = [(fingerprint(item.content), item) for item in items]
        self.prefixes = sorted(
            {fingerprint(item.label): item for item in reversed(items)}.items(),
            key=lambda entry: -len(entry[0]),
        )
        """Labels, longest first: a 检查内容 starting with one (the drop-down's words cut
        short, or the department's own words after the label) is that item."""
        self.matches: dict[str, ChecklistItem | None] = {}

    def match(self, text: str) -> ChecklistItem | None:
        if text not in self.matches:
            self.matches[text] = self._match(fingerprint(text))
        return self.matches[text]

    def _match(self, key: str) -> ChecklistItem | None:
        if not key:
            return None
        if key in self.labels:
            return self.labels[key]
        for label, item in self.prefixes:
            if label and key.startswith(label) and not key[len(label) : len(label) + 1].isdigit():
                return item
        for content, item in self.contents:
            if key == content or (len(key) >= 4 and (key in content or content in key)):
                return item
        if re.fullmatch(r"\d+", key) and len(self.items) == 1:
            return self.items[0]
        return None


def coverage(campaign: Campaign, collection: Collection) -> list[CoverageRow]:
    units = [u.name for u in campaign.units]
    reported: dict[tuple[str, str], int] = {}
    checked: set[tuple[str, str]] = set()
    matcher = ItemMatcher.of(campaign.checklist)
    for hazard in collection.hazards:
        item = matcher.match(hazard.item)
        if item is not None:
            key = (hazard.department, item.label)
            reported[key] = reported.get(key, 0) + 1
    for form in collection.forms:  # every version: a follow-up round's form does not
        if form.department not in collection.current or not form.readable:  # repeat 无 rows
            continue
        for statement in form.checked:
            item = matcher.match(statement.item)
            if item is not None:
                checked.add((form.department, item.label))
    rows: list[CoverageRow] = []
    for item in campaign.checklist:
        responsible = set(campaign.responsible_units(item))
        cells: dict[str, str] = {}
        for unit in units:
            key = (unit, item.label)
            if unit not in responsible:
                cells[unit] = NOT_RESPONSIBLE
            elif unit not in collection.current:
                cells[unit] = NOT_RETURNED
            elif key in reported:
                cells[unit] = f"隐患{reported[key]}"
            elif key in checked:
                cells[unit] = NOTHING_FOUND
            else:
                cells[unit] = NOT_REPORTED
        rows.append(CoverageRow(item=item.label, content=item.content, cells=cells))
    return rows
