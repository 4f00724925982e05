"""追责核查.xlsx: every finding of an inspection with its 结论, and the list of what the
self-check missed (漏报清单), by department, to print."""

from __future__ import annotations

from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.cells import cell_ref, cell_text
from huitoukan.dates import chinese_date
from huitoukan.findings.crosscheck import Conclusion, Crosscheck, Verdict, state_then
from huitoukan.findings.similarity import MATCH
from huitoukan.model.documents import CROSSCHECK_TITLE
from huitoukan.model.findings import Finding
from huitoukan.returns.workbooks import UnreadableWorkbook, read_workbook
from huitoukan.xlsx.writer import (
    Sheet,
    Style,
    Value,
    cells,
    row_height,
    title_height,
    write_workbook,
)

CROSSCHECK_FILE = "追责核查.xlsx"
RESULT_SHEET = "核查结果"
DECISION_HEADING = "对应自查隐患编号"
RESULT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("问题编号", 12),
    ("问题来源", 10),
    ("部位", 14),
    ("问题描述", 24),
    ("责任部门", 14),
    ("结论", 14),
    (DECISION_HEADING, 11),
    ("自查部门", 12),
    ("自查发现的隐患", 22),
    ("追责范围", 22),
    ("说明", 36),  # the longest texts (rows ten lines high in 28: clerk trial 181 AH6)
    ("检查发现时间", 16),  # the inspection's day, and the self-check's (both 检查: said apart)
    ("自查检查时间", 16),
    ("检查时状态", 10),
    ("相似度", 8),
)
PRINTED_RESULT_COLUMNS = 12
"""核查结果 prints the finding, the conclusion and what it rests on at a legible size (16
columns fit to A4 printed at 5 pt); the dates, the hazard's state and the similarity are
on screen, the 说明 says what they decided."""
MISSED_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("本校应查出的部门", 18),
    ("问题编号", 12),
    ("问题来源", 10),
    ("发现时间", 16),
    ("部位", 14),
    ("问题描述", 34),
    ("追责范围", 34),
)


def typed_decisions(path: Path) -> dict[str, tuple[str, str, tuple[str, str]]]:
    """What the 核查结果 of the 追责核查 at `path` shows in 对应自查隐患编号, by 问题编号:
    (the cell, its text, the 自查部门 and 自查发现的隐患 beside it). A clerk types decisions
    there, which the next run writes over (clerk trial 113): the caller says those it did
    not write. Nothing for a file that cannot be read or is not laid out so."""
    try:
        content = read_workbook(path, only=[RESULT_SHEET], inspect=False)
    except (UnreadableWorkbook, OSError):
        return {}
    typed: dict[str, tuple[str, str, tuple[str, str]]] = {}
    for grid in content.sheets:
        texts = [[cell_text(v) for v in row] for row in grid.rows]
        head = next((n for n, row in enumerate(texts[:5]) if DECISION_HEADING in row), None)
        if head is None or "问题编号" not in texts[head]:
            continue
        number, decision = texts[head].index("问题编号"), texts[head].index(DECISION_HEADING)
        for n, row in enumerate(texts[head + 1 :], start=head + 1):
            if len(row) > max(number, decision) and row[number] and row[decision]:
                department, where = (row[decision + 1 : decision + 3] + ["", ""])[:2]
                place = cell_ref(n, decision)
                typed.setdefault(row[number], (place, row[decision], (department, where)))
    return typed


def _sheet(
    name: str, title: str, columns: tuple[tuple[str, float], ...], printed: int | None = None
) -> Sheet:
    widths = [w for _, w in columns]
    sheet = Sheet(name, widths, header_row=1, title_rows=1, print_columns=printed)
    # (its height for its lines: a title naming the inspection days wrapped, cut on paper)
    sheet.add(
        cells([title], Style.TITLE),
        height=max(28, title_height(title, sum(widths[: printed or len(columns)]))),
    )
    sheet.merge(0, 0, (printed or len(columns)) - 1)
    sheet.add(cells([h for h, _ in columns], Style.HEAD), height=30)
    return sheet


def _candidates(verdict: Verdict) -> str:
    """The register rows the clerk should see beside the conclusion: the close ones when
    none was taken; when one was, the same hazard in other departments' registers (a
    problem assigned to two, found by both)."""
    match = verdict.match
    if match is not None:
        also = [
            c
            for c in verdict.candidates
            if c.score >= MATCH and c.hazard.department != match.hazard.department
        ]
        shown = "；".join(f"{c.hazard.department} {c.hazard.hazard_id}" for c in also)
        return f"其他部门也已自查发现：{shown}" if also else ""
    return "；".join(
        f"{c.hazard.hazard_id} {c.hazard.department}：{c.hazard.where}（相似度 {c.score:.0f}）"
        for c in verdict.candidates
    )


def write_crosscheck(path: Path, campaign: Campaign, result: Crosscheck, as_of: str) -> None:
    school = campaign.info.school
    # which inspection's: two lists' results printed alike (clerk trial 154)
    sources = "、".join(
        dict.fromkeys(v.finding.source for v in result.verdicts if v.finding.source)
    )
    # the inspection's day too: 检查发现时间 is not printed, and the date was the 核查's
    # alone, read as the inspection's (clerk trial 170 W10)
    inspected = _inspected(result)
    results = _sheet(
        RESULT_SHEET,
        f"{school}追责核查：{sources or '检查'}发现问题与自查台账比对（{inspected}{as_of}核查）",
        RESULT_COLUMNS,
        PRINTED_RESULT_COLUMNS,
    )
    widths = [w for _, w in RESULT_COLUMNS]
    for n, verdict in enumerate(result.verdicts, start=1):
        f, match = verdict.finding, verdict.match
        hazard = match.hazard if match else None
        note = "；".join(x for x in (verdict.note, _candidates(verdict)) if x)
        values: list[Value] = [
            n,
            f.number,
            f.source,
            f.location,
            f.description,
            "、".join(f.departments) or _unknown(f, campaign),
            # 待确认 stays to be confirmed, whoever filled in 对应自查 (“待确认（已核对）”: trial 66)
            verdict.conclusion.value
            + (
                "（已核对）"
                if verdict.decided and verdict.conclusion is not Conclusion.TO_CONFIRM
                else ""
            ),
            match.hazard.hazard_id if match else "",
            hazard.department if hazard else "",
            hazard.where if hazard else "",
            verdict.accountable,
            note,
            f.found_on,
            hazard.checked_on if hazard else None,
            _state_then(verdict, campaign.info.review_required),
            round(match.score)
            if match
            else (round(verdict.candidates[0].score) if verdict.candidates else None),
        ]
        results.add(cells(values), row_height(values, widths))
    _signed(results, PRINTED_RESULT_COLUMNS)
    # (every inspection's printed alike: clerk trial 155)
    found = f"{sources}发现的问题中" if sources else ""
    missed = _sheet(
        "漏报清单",
        f"{school}{found}自查未发现的问题（按部门，{inspected}{as_of}核查）",
        MISSED_COLUMNS,
    )
    missing = [v for v in result.verdicts if v.conclusion is Conclusion.MISSED]
    missing.sort(key=lambda v: ("、".join(v.finding.departments) or "~", v.finding.number))
    widths = [w for _, w in MISSED_COLUMNS]
    for n, verdict in enumerate(missing, start=1):
        f = verdict.finding
        values = [
            n,
            "、".join(f.departments) or _unknown(f, campaign) or "未指明",
            f.number,
            f.source,
            f.found_on,
            f.location,
            f.description,
            verdict.accountable,
        ]
        missed.add(cells(values), row_height(values, widths))
    if not missing:
        none = missed.add(cells(["", _none_missed(result)]))
        missed.merge(none, 1, len(MISSED_COLUMNS) - 1)  # it ran over the cells' borders
    _signed(missed, len(MISSED_COLUMNS))
    write_workbook(path, [results, missed], CROSSCHECK_TITLE, "由 huitoukan crosscheck 生成")


def _inspected(result: Crosscheck) -> str:
    """“X检查，” of the inspections' days, for a title (the 核查's day alone read as the
    inspection's: clerk trial 170 W10): each day, or the first and last of many (16日至19日
    read as one inspection of four days: trial 174 AA6)."""
    days = sorted({v.finding.found_on for v in result.verdicts if v.finding.found_on})
    if not days:
        return ""
    if len(days) <= 4:
        return f"{'、'.join(map(chinese_date, days))}检查，"
    return f"{chinese_date(days[0])}至{chinese_date(days[-1])}间 {len(days)} 天检查，"


def _none_missed(result: Crosscheck) -> str:
    """What the 漏报清单 says when no finding is 自查未发现: that the self-check found them
    all only when it did (a page to be signed said so over two problems 已列入交办清单但未
    整改, which no self-check had found: clerk trial 61)."""
    counts = summary(result)
    others = [
        f"{conclusion.value} {counts[conclusion.value]} 项"
        for conclusion in (Conclusion.LISTED_NOT_RECTIFIED, Conclusion.TO_CONFIRM)
        if counts[conclusion.value]
    ]
    if not others:
        return "（无：检查发现的问题自查都已发现）"
    return f"（无自查未发现的问题；另有{'、'.join(others)}，见“核查结果”）"


def _signed(sheet: Sheet, columns: int) -> None:
    """A line for those who checked and approved it: the page goes to those who answer for
    it (核查结果 had none: clerk trial 61)."""
    sheet.add("")
    line = (
        "核查人（签字）：____________　　审核人（签字）：____________　　日期：______年____月____日"
    )
    signed = sheet.add(cells([line]), 30)
    sheet.merge(signed, 0, columns - 1)


def summary(result: Crosscheck) -> dict[str, int]:
    counts = dict.fromkeys((c.value for c in Conclusion), 0)
    for verdict in result.verdicts:
        counts[verdict.conclusion.value] += 1
    return counts


def _state_then(verdict: Verdict, review_required: bool) -> str:
    """检查时状态: of the self-check's hazard (`state_then`), or of each department's answer
    to a 交办问题 (one not answered then: 未反馈)."""
    found, match = verdict.finding.found_on, verdict.match
    if found is None:
        return match.hazard.progress or "" if match else ""
    if match is not None:
        return state_then(match.hazard, found, review_required) or "尚未报送"
    return "；".join(
        f"{d}：{(state_then(h, found, review_required) if h else '') or '未反馈'}"
        + ("（检查当天交办问题清单改为不由其负责）" if d in verdict.taken_then else "")
        for d, h in verdict.answered_then
    )


def _unknown(finding: Finding, campaign: Campaign) -> str:
    """The 责任部门 the inspectors wrote that is none of the school's, as written (not
    未指明: they named one, only not as the school names it: clerk trial 83), with the
    department it may be (总务基健处 stood alone in the 漏报清单: clerk trial 102) when it is
    close to that one's name or an alias of it (difflib 0.7), not a guess: a sheet signed for 追责 named
    职教中心学校 beside 信息中心, the two sharing only 中心 (clerk trial 150)."""
    return "、".join(
        f"{typed}（不在部门名单中{'，' if hint else ''}{hint}）"
        for typed in finding.unknown_departments
        for hint in [campaign.unit_hint(typed, cutoff=0.7)]
    )
