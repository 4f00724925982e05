"""Every page huitoukan prints, printed: a whole campaign on examples/, checked page by page.

The commands run as a clerk runs them (through the CLI, in a copy of examples/ with its
campaign.toml: 复查验收 required, the 交办问题清单 named): issue, collect, review, collect
with the filled 复查验收表 and --feedback, remind, report (with and without --photos),
crosscheck, sample and the follow-up round. Every workbook they write goes through
scripts/printcheck.py in one LibreOffice run: no text over text, over a border or cut off,
no page number or header cut, no drawing split between pages, no number printed as ###, no
label with one character alone on its last line, and a title on the first page of every
printed sheet. (The notices of remind are text files, pasted into messages: not printed here.)

What is exempt is what the departments wrote, not huitoukan: see `department_text`.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from huitoukan.campaign.loading import load_campaign
from huitoukan.cli import app
from huitoukan.letters.feedback import SUMMARY_SHEET as FEEDBACK_SHEET
from huitoukan.returns.workbooks import read_workbook
from scripts import printcheck as pc
from scripts.readme_walkthrough import copy_examples, example_files

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2023-12-20"
PAGE_FURNITURE = {
    "cut-footer",
    "cut-header",
    "missing-footer",
    "footer-off-page",
    "footer-near-edge",
    "header-near-edge",
    "footer-overlaps-body",
}
"""What huitoukan sets even on a department's own sheets in a 退回修改 copy: the margins
the page number and header print in."""


def run(*args: str, codes: tuple[int, ...] = (0,)) -> None:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in codes, (args, result.output)


@pytest.fixture(scope="module")
def campaign_folder(
    libreoffice: None, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, float]:
    """A copy of examples/ after a whole campaign; and the seconds the commands took."""
    work = tmp_path_factory.mktemp("campaign") / "examples"
    copy_examples(work)  # as the repository holds it (not a walkthrough's outputs)
    started = time.perf_counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        patch.setenv("COLUMNS", "200")
        run("issue")
        run("collect", "回收", "--as-of", AS_OF, codes=(0, 1))
        run("review", "--as-of", AS_OF)
        run("collect", "回收", "复查", "--feedback", "退回", "--as-of", AS_OF, codes=(0, 1))
        run("remind", "--as-of", AS_OF)
        run("report", "--as-of", AS_OF)
        run("report", "--photos", "--as-of", AS_OF, "-o", "回头看工作汇报（附照片）.xlsx")
        run("crosscheck", "市级抽查问题.xlsx", "--as-of", AS_OF, codes=(0, 1))
        run("sample", "--all", "--as-of", AS_OF)
        run("issue", "--followup", "全校隐患台账.xlsx", "-o", "第二轮", "--date", AS_OF)
    return work, time.perf_counter() - started


INPUT_FOLDERS = ("回收", "复查")


def inputs(work: Path) -> list[Path]:
    """What the campaign was given: the returns, the filled review form, the problem lists."""
    given = [p for folder in INPUT_FOLDERS for p in (work / folder).rglob("*") if p.is_file()]
    lists = {str(name) for name in example_files() if name.suffix == ".xlsx"}
    return given + [p for p in work.glob("*.xlsx") if p.name in lists]


def outputs(work: Path) -> list[Path]:
    """The workbooks the campaign wrote (not those in hidden folders: the register's earlier
    versions, kept as they were, and the photo library)."""
    given = set(inputs(work))
    return sorted(
        p
        for p in work.rglob("*.xlsx")
        if p not in given and not any(part.startswith(".") for part in p.relative_to(work).parts)
    )


def texts(paths: list[Path]) -> set[str]:
    found = set()
    for path in paths:
        for grid in read_workbook(path).sheets:
            found |= {v for row in grid.rows for v in row if isinstance(v, str) and v}
    return found


def typed_texts(work: Path) -> list[str]:
    """Every text the departments (and the clerk, in the problem lists) typed: the texts of
    what the campaign was given less huitoukan's own on the forms it issued (their labels,
    headers and 附件1 items, not the assigned problems copied from the clerk's lists)."""
    given = inputs(work)
    lists = [p for p in given if p.parent == work]
    issued = [*sorted((work / "发放").glob("*.xlsx")), work / "复查验收表.xlsx"]
    return sorted(texts(given) - (texts(issued) - texts(lists)))


def department_text(
    report: pc.FileReport, defect: pc.Defect, typed: list[str], units: set[str]
) -> bool:
    """Defects in what a department wrote, which huitoukan prints as it is:

    - in a 退回修改 copy, every sheet but 退回修改说明 is the department's own file (its
      column widths, row heights and fonts, the older form it filled): only the margins of
      the page number and header are huitoukan's there;
    - a department's (or the clerk's) own words wrapped with one character alone, in the
      column widths huitoukan gives that kind of text (部位 医疗废物暂存/间): a free text can
      be of any length, a department's name (or a date, a status) cannot be excused."""
    if report.path.parent.name == "退回" and defect.sheet != FEEDBACK_SHEET:
        return defect.kind not in PAGE_FURNITURE
    if defect.kind == "broken-wrap":
        joined = "".join(re.sub(r"\s+", "", t) for t in defect.texts)
        return joined not in units and any(joined in text for text in typed)
    return False


def test_every_printed_page_is_whole(campaign_folder: tuple[Path, float]) -> None:
    work, commands = campaign_folder
    files = outputs(work)
    names = {str(p.relative_to(work)) for p in files}
    issued = [f"{u}-安全隐患自查整改清单.xlsx" for u in ("安全保卫处", "附属医院", "学院警务室")]
    expected = {f"发放/{n}" for n in [*issued, "附件1-项目清单.xlsx", "发放清单.xlsx"]}
    expected |= {"全校隐患台账.xlsx", "复查验收表.xlsx", "追责核查.xlsx", "抽查档案（全部）.xlsx"}
    expected |= {"回头看工作汇报.xlsx", "回头看工作汇报（附照片）.xlsx"}
    expected |= {"第二轮/附件1-项目清单.xlsx", "第二轮/发放清单.xlsx"}
    assert expected <= names, sorted(expected - names)
    assert len([n for n in names if n.startswith("发放/")]) == 10  # 8 forms, 附件1, 发放清单
    assert any(n.startswith("退回/") for n in names) and any(n.startswith("第二轮/") for n in names)
    assert list((work / "通知").glob("*.txt"))

    started = time.perf_counter()
    reports = pc.check_workbooks(files)
    checking = time.perf_counter() - started
    campaign = load_campaign(work / "campaign.toml")
    units = {u.name for u in campaign.units}
    typed = typed_texts(work)
    failures = []
    for report in reports:
        assert report.pages, (report.path, report.notes)
        assert not report.notes, (report.path, report.notes)  # every page mapped to its sheet
        for defect in report.errors:
            if not department_text(report, defect, typed, units):
                where = f"{report.path.relative_to(work)} p{defect.page} [{defect.sheet}]"
                failures.append(f"{where} {defect.kind}: {defect.message}")
    pages = sum(len(r.pages) for r in reports)
    timing = (
        f"{len(files)} files, {pages} pages; commands {commands:.1f}s, print check {checking:.1f}s"
    )
    assert not failures, "\n".join([timing, *failures])

    by_name = {str(r.path.relative_to(work)): r for r in reports}
    register = by_name["全校隐患台账.xlsx"]
    for sheet in ("隐患台账", "未销号", "逾期", "未报送", "项目覆盖", "报送记录", "校验问题"):
        first = register.pages[register.sheets[sheet][0] - 1].first_line
        assert first.endswith(f"{sheet}（统计日期：2023年12月20日）") or sheet in first, first
    heading = re.compile(r"[一二三四五六七八九十]+、|交办问题整改情况")
    for name in ("回头看工作汇报.xlsx", "回头看工作汇报（附照片）.xlsx"):
        for page in by_name[name].pages[:-1]:  # a section heading never ends a page
            last = page.last_lines
            assert not heading.match(last[-1]), (name, page.number, last)
            assert not (len(last) == 2 and heading.match(last[0]) and "序号" in last[1]), (
                name,
                page.number,
                last,
            )
    photos = by_name["回头看工作汇报（附照片）.xlsx"]
    assert photos.sheets.get("整改照片"), "the examples' photos print on pages of their own"
