"""The 交办问题清单 a command works with: `--findings FILE`, else campaign.toml's [findings]."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from huitoukan.campaign import Campaign
from huitoukan.errors import InputError
from huitoukan.files import given_input, near_names, sha256_of
from huitoukan.findings.reading import FindingsList, read_findings
from huitoukan.forms.findings_layout import LIST_FILE

if TYPE_CHECKING:
    from huitoukan.register.record import Coverage


def findings_path(campaign: Campaign, override: Path | None = None) -> Path | None:
    """The list named on the command line or in campaign.toml (None when there is none);
    InputError (exit 2) when there is no such file."""
    path = override or campaign.findings.file
    if path is None:
        return None
    path = given_input(path)
    if not path.is_file():
        hint = near_names(path) or "请检查文件名，或运行 huitoukan init --findings 生成空白清单"
        raise InputError(f"找不到交办问题清单 {path}：{hint}")
    return path


def load_findings(campaign: Campaign, override: Path | None = None) -> FindingsList | None:
    """The list named on the command line or in campaign.toml, read (None when there is
    none); InputError when the file is missing, FindingsError (exit 2) when it has errors."""
    path = findings_path(campaign, override)
    return None if path is None else read_findings(path, campaign)


def unnamed_list(campaign: Campaign, override: Path | None = None) -> str | None:
    """交办问题清单.xlsx, when it is in the working folder but neither `override` (--findings)
    nor campaign.toml names a list: its problems were neither issued nor tracked, without a
    word (clerk trials 110, 111)."""
    if override is not None or campaign.findings.file is not None:
        return None
    return LIST_FILE if Path(LIST_FILE).is_file() else None


def list_changed_since(
    listed: Path, register: Path, recorded: Coverage | None, sha256: str | None = None
) -> bool:
    """Whether the list `listed` (of `sha256`, read when not given) was changed since
    `register` was written: by its content when `recorded` (what the register covers) says
    what it was — a copy of an older file time, from a USB stick, went unsaid, the report's
    交办 figures not the register's (clerk trial 120) — else by its file's time."""
    try:
        if recorded is not None and recorded.list_sha256:
            return (sha256_of(listed) if sha256 is None else sha256) != recorded.list_sha256
        return listed.stat().st_mtime > register.stat().st_mtime
    except OSError:
        return False
