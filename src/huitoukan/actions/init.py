"""`init`: an editable campaign.toml, and with `--findings` a blank 交办问题清单 beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from huitoukan.campaign import (
    Campaign,
    default_campaign,
    default_campaign_text,
    load_campaign,
    write_default_campaign,
)
from huitoukan.errors import OutputExistsError
from huitoukan.files import keep_a_copy, with_suffix, write_atomically
from huitoukan.forms.findings_layout import LIST_FILE

_COMMENTED = '# [findings]\n# file = "交办问题清单.xlsx"'
"""How the shipped campaign.toml leaves the list out (`write_default_campaign`)."""


@dataclass(frozen=True)
class Initialized:
    campaign: Path
    written: bool
    """campaign.toml written (False: it was there, and only named the list, if at all)."""
    named: bool = False
    """The list named in a campaign.toml that was already there."""
    named_before: bool = False
    """That campaign.toml named the list already: not changed (“已在其中写明” said of a file
    left as it was: trial 216 BP8)."""
    findings: Path | None = None
    existing: Path | None = None
    """The list already beside campaign.toml, named in it as it stands (not written)."""
    kept: tuple[tuple[Path, Path], ...] = ()
    """(file, its copy) of each file `--force` wrote over: the office's edits are not lost."""
    below: tuple[Path, ...] = ()
    """The campaign.toml of other campaigns in the folders below (init run in the folder above
    a campaign's wrote a second one without a word: clerk trial 175 AB4)."""
    register: Path | None = None
    """The campaign's register beside what `--force` wrote over: that campaign's settings or
    list were changed under it (next year's begun in this year's folder: clerk trial 178)."""


def init(out: Path, force: bool = False, findings: bool = False) -> Initialized:
    """Write campaign.toml (and the blank list, named in it). With `findings`, a campaign.toml
    already there is kept, `force` or not (the office's edits: `force` is for the list; a
    campaign.toml is written over by `init --force`): the list is made for its campaign (its
    year, departments and sources) and named in it."""
    out = with_suffix(out, ".toml")
    kept: list[tuple[Path, Path]] = []
    if findings and out.exists():
        campaign = load_campaign(out)
        named_list = campaign.findings.file
        if named_list is not None:
            if named_list.exists() and not force:
                raise OutputExistsError(
                    f"{out} 已指定交办问题清单 {named_list.name}，未做改动；确需另写一份空白清单"
                    "请加 --force（覆盖清单，覆盖前的内容另存备份；campaign.toml 不变）"
                )
            target = _blank_list(named_list, campaign, force, kept)
            return Initialized(
                out,
                written=False,
                named_before=True,
                findings=target,
                kept=tuple(kept),
                register=_register_beside(out, kept),
            )
        beside = out.parent / LIST_FILE
        # the clerk's own list there: named, not refused (“已存在，未做改动”, campaign.toml
        # left without it: clerk trial 150), and not written over without --force
        existing = beside if beside.exists() and not force else None
        blank = None if existing else _blank_list(beside, campaign, force, kept)
        text = out.read_text("utf-8-sig")
        named = f'[findings]\nfile = "{LIST_FILE}"'
        text = text.replace(_COMMENTED, named) if _COMMENTED in text else f"{text}\n{named}\n"
        write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        return Initialized(
            out,
            written=False,
            named=True,
            findings=blank,
            existing=existing,
            kept=tuple(kept),
            register=_register_beside(out, kept),
        )
    listed = None
    if findings:
        listed = _blank_list(out.parent / LIST_FILE, default_campaign(), force, kept)
    shipped = default_campaign_text()
    as_shipped = (shipped, shipped.replace(_COMMENTED, f'[findings]\nfile = "{LIST_FILE}"'))
    if force and out.exists() and out.read_text("utf-8-sig") not in as_shipped:
        kept.append((out, keep_a_copy(out)))
    written = write_default_campaign(out, force, LIST_FILE if findings else None)
    below = [*out.parent.glob(f"*/{out.name}"), *out.parent.glob(f"*/*/{out.name}")]
    return Initialized(
        written,
        written=True,
        findings=listed,
        kept=tuple(kept),
        below=tuple(sorted(below)),
        register=_register_beside(out, kept),
    )


def _register_beside(out: Path, kept: list[tuple[Path, Path]]) -> Path | None:
    """The register in campaign.toml's folder, when something was written over there."""
    from huitoukan.register.layout import REGISTER_FILE

    register = out.parent / REGISTER_FILE
    return register if kept and register.is_file() else None


def _blank_list(
    target: Path, campaign: Campaign, force: bool, kept: list[tuple[Path, Path]] | None = None
) -> Path:
    if target.exists() and not force:
        raise OutputExistsError(f"{target} 已存在，未做改动；确需覆盖请加 --force")
    from huitoukan.findings.template import blank_list  # openpyxl: only for this

    if target.exists() and kept is not None and _filled_in(target, campaign):
        kept.append((target, keep_a_copy(target)))
    write_atomically(target, blank_list(campaign).save)
    return target


def _filled_in(path: Path, campaign: Campaign) -> bool:
    """Whether the list at `path` holds a problem (a blank one need not be kept; one that
    cannot be read as a list is kept, to be safe)."""
    from huitoukan.errors import HuitoukanError
    from huitoukan.findings.reading import read_findings

    try:
        return bool(read_findings(path, campaign).findings)
    except HuitoukanError:
        return True
