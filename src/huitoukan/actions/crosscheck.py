"""`crosscheck`: an inspection's findings against the self-check register (追责)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError
from huitoukan.files import given_input, near_names, xlsx_name
from huitoukan.findings.crosscheck import Crosscheck, crosscheck
from huitoukan.findings.reading import read_findings
from huitoukan.letters.accountability import write_crosscheck
from huitoukan.model.problems import Code
from huitoukan.register.store import Written, replace_output


def run_crosscheck(
    campaign: Campaign, findings: Path, sources: Sequence[Path], out: Path, as_of: date
) -> tuple[Crosscheck, Written]:
    """Every finding of the list at `findings` with its 结论, written to `out`."""
    findings = given_input(findings)
    if not findings.is_file():
        hint = near_names(findings) or "请检查文件名和所在文件夹"
        raise InputError(f"找不到检查发现问题清单 {findings}：{hint}")
    listed = read_findings(findings, campaign)
    state = load_state(campaign, sources, as_of)
    result = crosscheck(campaign, listed.findings, state.hazards, state.findings)
    # an inspection's list names no department for many findings: not a fault of it
    result.problems[:0] = [p for p in listed.problems if p.code is not Code.FINDING_UNASSIGNED]
    out = xlsx_name(out)
    day = chinese_date(as_of)
    return result, replace_output(out, lambda tmp: write_crosscheck(tmp, campaign, result, day))
