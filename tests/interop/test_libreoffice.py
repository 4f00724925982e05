"""Forms through a real office suite nobody on the team wrote: LibreOffice Calc, headless.

A department's form is filled through UNO (dates typed the way people type them,
statuses from the drop-down values, a row inserted in the middle, a long text),
saved as .xlsx, .xls and .ods, and collected back; the issued form's validations,
merged title and print setup survive the round trip; the forms, 附件1 and the
register print on A4 landscape, one page wide, in Simplified Chinese glyphs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from huitoukan.actions.collect import collect_to_register
from huitoukan.campaign import Campaign
from huitoukan.cells import column_letter
from huitoukan.forms.checklist import CHECKLIST_FILE
from huitoukan.forms.issuing import form_file_name, issue_forms
from huitoukan.forms.layout import COLUMNS, FORM_SHEET
from huitoukan.model.problems import Code, Severity
from huitoukan.model.returns import XLS_NO_PHOTO_HINT, XLS_PHOTO_HINT
from scripts.render_pages import to_pdf
from tests.helpers import (
    closed,
    filled_form,
    hazard,
    header_position,
    input_cell,
    label_cell,
    marks,
    read_form,
)
from tests.photo_forms import paste_photos
from tests.picture_builders import png
from tests.test_photos import _cell, photo_campaign

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("lo_driver.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _libreoffice_missing() -> str | None:
    if shutil.which("soffice") is None:
        return "soffice not found (apt-get install libreoffice-calc python3-uno)"
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    if "UMing" not in fonts or "WenQuanYi" not in fonts:
        return "Chinese fonts missing (apt-get install fonts-arphic-uming fonts-wqy-zenhei)"
    if (
        not SYSTEM_PYTHON.exists()
        or subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True).returncode
    ):
        return "Debian's /usr/bin/python3 cannot import uno (apt-get install python3-uno)"
    if shutil.which("pdfinfo") is None:
        return "pdfinfo not found (apt-get install poppler-utils)"
    return None


@pytest.fixture(scope="module")
def libreoffice() -> None:
    missing = _libreoffice_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"LibreOffice interop tests cannot run in CI: {missing}")
        pytest.skip(f"LOUD SKIP: {missing}")


def drive(job: dict[str, object], tmp: Path) -> None:
    spec = tmp / "job.json"
    spec.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [str(SYSTEM_PYTHON), str(DRIVER), str(spec)], capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 0, run.stderr[-3000:]


def cell(ws: object, row: int, col: int) -> str:
    return f"{ws.cell(row, col).column_letter}{row}"  # type: ignore[attr-defined]


LONG = "实训楼配电室内堆放大量纸箱和废旧桌椅，距离配电柜不足一米，存在严重火灾隐患，" * 2
TYPED_DATES = ["2023/12/10", "2023-12-10", "2023年12月10日", "2023.12.10"]


@pytest.fixture(scope="module")
def round_trip(
    libreoffice: None, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Campaign, dict[str, Path], Path]:
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    tmp = tmp_path_factory.mktemp("huitoukan-lo-")
    issue_forms(campaign, tmp / "发放", ["总务基建处"])
    issued = tmp / "发放" / form_file_name("总务基建处")
    ws = load_workbook(issued)[FORM_SHEET]
    header_row, columns = header_position(ws)
    inserted = header_row + 2  # 1-based row of the row inserted in the middle of the table
    typed: list[list[str]] = []

    def right_of(label: str, shift: int = 0) -> str:
        row, col = label_cell(ws, label)
        for merged in ws.merged_cells.ranges:
            if ws.cell(row, col).coordinate in merged:
                col = merged.max_col
        return cell(ws, row + shift, col + 1)

    typed += [
        [FORM_SHEET, right_of("主要负责人"), "周德海"],
        [FORM_SHEET, right_of("日期"), "2023年12月14日"],
        [FORM_SHEET, right_of("上报人", 1), "孙立"],
        [FORM_SHEET, right_of("联系方式", 1), "13800000000"],
    ]
    statuses = ["已完成", "整改中", "未整改", "已完成"]
    for n, (day, status) in enumerate(zip(TYPED_DATES, statuses, strict=True)):
        row = header_row + 1 + n  # rows 1, 2, the inserted one, then 4
        values = {
            "部位": f"部位{n}",
            "检查内容": "食品安全工作情况",
            "存在隐患问题": LONG if n == 1 else f"隐患{n}",
            "整改措施": f"措施{n}",
            "整改时限": "2023/12/20",
            "整改完成情况": status,
            "责任人": f"责任人{n}",
            "检查时间": day,
        }
        if status == "已完成":
            values["销号时间"] = "2023-12-12"
        typed += [[FORM_SHEET, cell(ws, row, columns[h]), v] for h, v in values.items()]
    outputs = {kind: str(tmp / f"总务基建处.{kind}") for kind in ("xlsx", "xls", "ods")}
    drive(
        {
            "input": str(issued),
            "outputs": outputs,
            "typed": typed,
            "insert_rows": [[FORM_SHEET, inserted - 1]],
        },
        tmp,
    )
    return campaign, {k: Path(v) for k, v in outputs.items()}, issued


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_form_filled_in_libreoffice_reads_back(
    round_trip: tuple[Campaign, dict[str, Path], Path], kind: str
) -> None:
    campaign, outputs, _ = round_trip
    form = read_form(outputs[kind], campaign)
    assert form.readable, form.reason
    assert (form.department, form.head, form.form_date) == (
        "总务基建处",
        "周德海",
        date(2023, 12, 14),
    )
    assert (form.reporter, form.phone) == ("孙立", "13800000000")
    assert [p.code for p in form.problems] == []
    assert [h.location for h in form.hazards] == ["部位0", "部位1", "部位2", "部位3"]
    assert [h.checked_on for h in form.hazards] == [date(2023, 12, 10)] * 4
    assert [h.deadline for h in form.hazards] == [date(2023, 12, 20)] * 4
    assert [h.progress for h in form.hazards] == ["已完成", "整改中", "未整改", "已完成"]
    assert [h.closed_on for h in form.hazards] == [
        date(2023, 12, 12),
        None,
        None,
        date(2023, 12, 12),
    ]
    assert form.hazards[1].hazard == LONG


def test_issued_form_survives_a_libreoffice_save(
    round_trip: tuple[Campaign, dict[str, Path], Path],
) -> None:
    _, outputs, issued = round_trip
    before = load_workbook(issued)[FORM_SHEET]
    after = load_workbook(outputs["xlsx"])[FORM_SHEET]
    kinds = sorted(
        (dv.type or "", dv.formula1 or "") for dv in after.data_validations.dataValidation
    )
    assert ("list", '"已完成,整改中,未整改"') in kinds
    assert any(t == "list" and "本部门检查项目" in f for t, f in kinds)
    assert sum(t == "date" for t, _ in kinds) == 3
    last = column_letter(len(COLUMNS) - 1)
    assert f"A2:{last}2" in {str(m) for m in after.merged_cells.ranges}
    assert after.print_title_rows == before.print_title_rows
    assert after.page_setup.orientation == "landscape" and int(after.page_setup.paperSize) == 9
    assert after.sheet_properties.pageSetUpPr.fitToPage and after.page_setup.fitToWidth == 1


def pdf_facts(pdf: Path) -> tuple[int, set[str], str]:
    info = subprocess.run(
        ["pdfinfo", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    sizes = set(re.findall(r"Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", info))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    return pages, sizes, fonts


def test_forms_checklist_and_register_print_on_a4_landscape(
    libreoffice: None, tmp_path: Path
) -> None:
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    issue_forms(campaign, tmp_path / "发放")
    collect_to_register(
        campaign, [ROOT / "examples" / "回收"], tmp_path / "全校隐患台账.xlsx", date(2023, 12, 20)
    )
    files = sorted((tmp_path / "发放").glob("*清单.xlsx")) + [tmp_path / "全校隐患台账.xlsx"]
    files = [f for f in files if f.name != "发放清单.xlsx"]
    out = tmp_path / "pdf"
    to_pdf(files, out)
    for file in files:
        pages, sizes, fonts = pdf_facts(out / f"{file.stem}.pdf")
        assert sizes == {"841.89 x 595.276"} or sizes == {"841.89 x 595.304"}, (file.name, sizes)
        assert "UMingCN" in fonts, fonts  # 宋体 → AR PL UMing CN (scripts/lo-profile.xcu)
        assert "jp" not in fonts.lower().replace("jpeg", ""), fonts  # no Japanese glyph shapes
        if file.name.endswith("自查整改清单.xlsx"):
            # the form on one page, its items (rows as tall as their text) after it
            assert pages in (2, 3), (file.name, pages)
        elif file.name == CHECKLIST_FILE:
            # 14 items in three categories, header row repeated: a category that would not
            # end on the page it starts on begins a page (its merged name prints whole)
            assert pages == 3, pages
        else:
            assert pages >= 9  # one or more pages per register sheet


@pytest.mark.parametrize("items", [13, 27])
def test_the_checklists_remark_row_is_not_alone_on_its_last_page(
    libreoffice: None, tmp_path: Path, items: int
) -> None:
    """附件1 of 13 or 27 items printed its 备注 row alone on a last page, under the repeated
    header (clerk trial 48): the last category goes over with it."""
    from huitoukan.campaign import default_campaign
    from huitoukan.forms.checklist import fill_checklist

    campaign = default_campaign()
    given = campaign.checklist
    checklist = tuple(
        given[i % len(given)].model_copy(update={"number": i + 1}) for i in range(items)
    )
    workbook = fill_checklist(
        campaign.model_copy(update={"checklist": checklist}), ROOT / "templates" / "附件1.xlsx"
    )
    workbook.save(tmp_path / "附件1.xlsx")
    to_pdf([tmp_path / "附件1.xlsx"], tmp_path / "pdf")
    pdf = tmp_path / "pdf" / "附件1.pdf"
    pages, _, _ = pdf_facts(pdf)
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "备注" in last and str(items) in last.split(), last


def test_photos_print_on_the_report_and_archive_pages(libreoffice: None, tmp_path: Path) -> None:
    """report --photos: LibreOffice renders each photo, scaled, on its hazard's page."""
    from huitoukan.actions.letters import report
    from tests.test_photos import department_form, photo_campaign

    campaign = photo_campaign()
    department_form(campaign, tmp_path / "回收" / "安全保卫处.xlsx")
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 20))
    _, report_file, _, _ = report(
        campaign, [register], date(2023, 12, 20), tmp_path / "汇报.xlsx", photos=True
    )
    out = tmp_path / "pdf"
    to_pdf([report_file.path], out)
    pdf = out / f"{report_file.path.stem}.pdf"
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    pages = sorted({int(line.split()[0]) for line in images})
    assert len(images) >= 5, images
    assert len(pages) == 4, pages  # a page for each of the four hazards with photos


def test_a_photo_in_an_xls_return_is_said_unread_not_missing(
    libreoffice: None, tmp_path: Path
) -> None:
    """LibreOffice saves a form with a photo over an 已完成 row as .xls: the photo cannot be
    read from that format, and the department is told to save as .xlsx — not that the
    row has no photo."""
    campaign = photo_campaign(require_photo=True)
    form = filled_form(campaign, "总务基建处", tmp_path / "总务.xlsx", [closed()])
    paste_photos(form, floating=[(_cell(form, 1, "备注"), png(40, 30, (200, 30, 30)))])
    saved = tmp_path / "总务.xls"
    drive({"input": str(form), "outputs": {"xls": str(saved)}}, tmp_path)
    codes = [p.code for p in read_form(form, campaign).problems]
    assert Code.MISSING_PHOTO not in codes  # the .xlsx: the photo is read
    problems = read_form(saved, campaign).problems
    codes = [p.code for p in problems]
    assert Code.PICTURES_NOT_READ in codes and Code.MISSING_PHOTO not in codes
    assert {p.department for p in problems} == {"总务基建处"}  # the file's notes named too
    # the 退回修改 copy (an .xlsx without the photo) may be mended too: where to paste it
    # (told only to save as .xlsx: clerk trial 240 CN1)
    [unread] = [p for p in problems if p.code is Code.PICTURES_NOT_READ]
    assert "或在退回修改副本（.xlsx，不带原表的照片）的各行重新粘贴照片后报回" in unread.message
    # where the photo is asked for, how to send it (it was asked to paste it: trial 43)
    [row] = read_form(saved, campaign).hazards
    assert row.photo_hint == XLS_PHOTO_HINT and "另存为 .xlsx" in row.photo_hint
    # and the reviewer is told it was pasted, not that none was (“未附照片”: trial 142)
    from huitoukan.forms.review import REVIEW_SHEET, review_form

    ws = review_form(campaign, [row], date(2023, 12, 20))[REVIEW_SHEET]
    assert "附的照片未能读取（.xls 格式）" in [c.value for c in ws[3]]


def test_a_photo_in_an_xls_return_is_still_unread_after_a_follow_up_answer(
    libreoffice: None, tmp_path: Path
) -> None:
    """The .xls's photo, unread, then the department's answer on the follow-up form (which
    carries no photo, and says the earlier ones are kept): the hazard was said 未附整改后照片
    again (clerk trial 146). It is still a photo pasted and not read."""
    from huitoukan.actions.issue import issue

    campaign = photo_campaign(require_photo=True)
    form = filled_form(campaign, "总务基建处", tmp_path / "总务.xlsx", [closed()])
    paste_photos(form, floating=[(_cell(form, 1, "备注"), png(40, 30, (200, 30, 30)))])
    returns = tmp_path / "回收"
    returns.mkdir()
    drive({"input": str(form), "outputs": {"xls": str(returns / "总务.xls")}}, tmp_path)
    register = tmp_path / "全校隐患台账.xlsx"
    [first] = collect_to_register(
        campaign, [returns], register, date(2023, 12, 20)
    ).status.missing_photos
    assert first.photos_lost
    issue(campaign, tmp_path / "第二轮", ["总务基建处"], False, register, date(2023, 12, 21))
    book = load_workbook(tmp_path / "第二轮" / form_file_name("总务基建处"))
    book.properties.lastModifiedBy = "王干事"  # the department saves it
    book.save(returns / "总务-第二轮.xlsx")
    status = collect_to_register(campaign, [returns], register, date(2023, 12, 22)).status
    assert [(v.location, v.photos_lost) for v in status.missing_photos] == [(first.location, True)]


def test_a_photo_asked_of_an_xls_return_says_how_to_send_it(
    libreoffice: None, tmp_path: Path
) -> None:
    """An .xls with no photo, a row 已完成: asked for the photo, the department was told to
    paste it into the row — into the .xls, which cannot carry it — and only then to save
    as .xlsx (clerk trial 70). Asked for, the photo comes with how to send it."""
    campaign = photo_campaign(require_photo=True)
    form = filled_form(campaign, "总务基建处", tmp_path / "总务.xlsx", [closed(), hazard()])
    saved = tmp_path / "总务.xls"
    drive({"input": str(form), "outputs": {"xls": str(saved)}}, tmp_path)
    read = read_form(saved, campaign)
    assert Code.MISSING_PHOTO in [p.code for p in read.problems]  # still asked for
    done, _ = read.hazards
    # it pasted none: told it cannot carry one, not that its photos were lost (trial 82)
    assert done.photo_hint == XLS_NO_PHOTO_HINT


def test_a_wps_et_return_with_nothing_wrong_gets_no_copy_to_correct(
    libreoffice: None, tmp_path: Path
) -> None:
    """A WPS .et return (an .xls inside) filled in correctly: the note to save as .xlsx
    next time is no reason to send back a copy with nothing marked in it (clerk trial 32)."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign
    from huitoukan.letters.feedback import write_feedback

    campaign = default_campaign()
    form = filled_form(campaign, "学院警务室", tmp_path / "警务室.xlsx", [closed()])
    saved = tmp_path / "回收" / "警务室.xls"
    saved.parent.mkdir()
    drive({"input": str(form), "outputs": {"xls": str(saved)}}, tmp_path)
    saved.rename(saved.with_suffix(".et"))
    collection = collect(campaign, [saved.parent], as_of=date(2023, 12, 20))
    assert [p.code for p in collection.problems] == [Code.WPS_ET]
    assert write_feedback(collection, tmp_path / "退回") == []


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_number_typed_into_a_date_cell_is_quoted_as_typed(
    libreoffice: None, tmp_path: Path, kind: str
) -> None:
    """12.19 typed into 销号时间 (for 12月19日) is a number shown as a date of 1900: an .ods
    counts days from 30 December 1899, Excel from 31 December, less its 29 February 1900 —
    the .ods was told “11.19” (clerk trial 52)."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", [closed(部位="东门")])
    ws = load_workbook(form)[FORM_SHEET]
    header_row, columns = header_position(ws)
    closed_on = cell(ws, header_row + 1, columns["销号时间"])
    checked_on = cell(ws, header_row + 1, columns["检查时间"])
    saved = tmp_path / "回收" / f"学工处.{kind}"
    saved.parent.mkdir()
    typed = [[FORM_SHEET, closed_on, "12.19"], [FORM_SHEET, checked_on, "3"]]
    drive({"input": str(form), "outputs": {kind: str(saved)}, "typed": typed}, tmp_path)
    problems = collect(campaign, [saved.parent]).problems
    said = {p.cell: p.value for p in problems if p.code is Code.BAD_DATE}
    assert said == {closed_on: "12.19", checked_on: "3"}


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_percentage_and_a_time_typed_are_read_as_typed(
    libreoffice: None, tmp_path: Path, kind: str
) -> None:
    """100% and 50% typed in Calc are saved as the numbers 1 and 0.5 shown as percentages,
    12:30 as a time: the register said 1, 0.5 and 12:30:00 (clerk trial 74)."""
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    rows = [hazard(部位="东门", 备注=None), hazard(部位="西门", 备注=None)]
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", rows)
    ws = load_workbook(form)[FORM_SHEET]
    header_row, columns = header_position(ws)
    remarks = columns["备注"]
    measures = columns["整改措施"]
    saved = tmp_path / f"学工处.{kind}"
    typed = [
        [FORM_SHEET, cell(ws, header_row + 1, remarks), "100%"],
        [FORM_SHEET, cell(ws, header_row + 1, measures), "50%"],
        [FORM_SHEET, cell(ws, header_row + 2, remarks), "12:30"],
    ]
    drive({"input": str(form), "outputs": {kind: str(saved)}, "entered": typed}, tmp_path)
    first, second = read_form(saved, campaign).hazards
    assert (first.remarks, first.measures, second.remarks) == ("100%", "50%", "12:30")


def test_marks_of_a_copy_corrected_in_libreoffice_are_not_kept(
    libreoffice: None, tmp_path: Path
) -> None:
    """A 退回修改 copy corrected in LibreOffice, a row inserted under a marked one, sent back:
    the next copy kept the mended cell red with its old comment (LibreOffice saves comments
    without their author) and the inserted row red (it took the fill): clerk trial 52. Only
    what is still wrong is marked."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign
    from huitoukan.letters.feedback import ERROR_FILL, write_feedback

    campaign = default_campaign()
    rows = [closed(部位="东门", 责任人=None), closed(部位="西门", 责任人=None)]
    form = filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", rows)
    (made,) = write_feedback(collect(campaign, [form.parent]), tmp_path / "退回")
    ws = load_workbook(made.copy_path)[FORM_SHEET]
    header_row, columns = header_position(ws)
    owner = columns["责任人"]
    first, second = header_row + 1, header_row + 2
    assert marks(ws)[cell(ws, first, owner)] == ERROR_FILL.fgColor.rgb
    corrected = tmp_path / "回收" / "学工处.xlsx"  # sent back in place of the first
    drive(
        {
            "input": str(made.copy_path),
            "outputs": {"xlsx": str(corrected)},
            "typed": [[FORM_SHEET, cell(ws, first, owner), "王强"]],
            "insert_rows": [[FORM_SHEET, second - 1]],  # a row under the mended one
        },
        tmp_path,
    )
    (again,) = write_feedback(collect(campaign, [corrected.parent]), tmp_path / "退回2")
    ws = load_workbook(again.copy_path)[FORM_SHEET]
    marked = {
        c.coordinate: bool(c.comment)
        for r in ws.iter_rows()
        for c in r
        if c.coordinate in marks(ws) or c.comment
    }
    left = cell(ws, second + 1, owner)  # 西门, still without its 责任人, one row down
    assert marked == {left: True}, marked


def test_a_mark_of_a_copy_goes_when_libreoffice_types_the_correction(
    libreoffice: None, tmp_path: Path
) -> None:
    """The 退回修改 copy's marks stayed in the corrected return, its mended 日期 printed in
    red (clerk trial 234 CH7). Each is a conditional format, true while its cell holds what
    was marked: LibreOffice computes each condition (as a formula of a sheet added to the
    copy) true before, false for the cells a department corrects, true for those it leaves."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign
    from huitoukan.letters.feedback import write_feedback

    campaign = default_campaign()
    rows = [
        closed(部位="东门", 责任人=None),
        hazard(部位="西门", 整改完成情况='说"差不多"'),
        hazard(部位="南门", 整改完成情况="大概好了"),
    ]
    form = filled_form(
        campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", rows, form_date=12.1
    )
    (made,) = write_feedback(collect(campaign, [form.parent]), tmp_path / "退回")
    wb = load_workbook(made.copy_path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    conditions = [
        (area.coord.split(":")[0], rule.formula[0])
        for formatting in ws.conditional_formatting
        for rule in formatting.rules
        for area in formatting.sqref.ranges
    ]
    date_cell = cell(ws, *input_cell(ws, "日期"))
    owner = cell(ws, header_row + 1, columns["责任人"])
    quoted, vague = (cell(ws, header_row + n, columns["整改完成情况"]) for n in (2, 3))
    assert {date_cell, owner, quoted, vague} <= {ref for ref, _ in conditions}, conditions
    check = wb.create_sheet("检查")
    for n, (_, condition) in enumerate(conditions, start=1):
        check.cell(n, 1, "=" + re.sub(r"(\$[A-Z]+\$\d+)", f"'{FORM_SHEET}'!\\1", condition))
    unchanged = tmp_path / "未改.xlsx"
    wb.save(unchanged)
    corrected = tmp_path / "改后.xlsx"
    for source, out, entered in (
        (unchanged, tmp_path / "原样.xlsx", []),
        (unchanged, corrected, [[FORM_SHEET, owner, "王强"], [FORM_SHEET, date_cell, "2023-12-14"],
                                [FORM_SHEET, quoted, "已完成"]]),
    ):  # fmt: skip
        drive({"input": str(source), "outputs": {"xlsx": str(out)}, "entered": entered}, tmp_path)
        values = load_workbook(out, data_only=True)["检查"]
        still = {ref: values.cell(n, 1).value for n, (ref, _) in enumerate(conditions, start=1)}
        mended = {ref for _, ref, _ in entered}
        assert still == {ref: ref not in mended for ref, _ in conditions}, still
    assert read_form(corrected, campaign).form_date == date(2023, 12, 14)
    # framed as well as filled (a row painted yellow hid a warning: clerk trial 229 CC7);
    # LibreOffice keeps the frame (in black)
    saved = load_workbook(tmp_path / "原样.xlsx")[FORM_SHEET]
    frames = [r.dxf.border.left.style for f in saved.conditional_formatting for r in f.rules]
    assert frames == ["thin"] * len(conditions)


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_returned_xls_or_ods_is_sent_back_printable(
    libreoffice: None, tmp_path: Path, kind: str
) -> None:
    """The 退回修改 copy of a return saved as .xls or .ods (rebuilt as .xlsx) keeps its
    merged title and labels, and prints like the issued form: A4 landscape, one page wide,
    dates shown as dates."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign
    from huitoukan.letters.feedback import write_feedback
    from huitoukan.model.findings import Finding

    campaign = default_campaign()
    rows = [closed(部位=f"部位{n}", 责任人=None) for n in range(3)]  # 责任人 missing: sent back
    assigned = Finding(
        number="XJ-1",
        source="县级普查",
        found_on=date(2023, 12, 5),
        location="学生公寓",
        description="楼道堆放杂物",
        departments=("学生工作处",),
        deadline=date(2023, 12, 15),
    )
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", rows, assigned=[assigned])
    saved = tmp_path / "回收" / f"学工处.{kind}"
    saved.parent.mkdir()
    drive({"input": str(form), "outputs": {kind: str(saved)}}, tmp_path)
    (made,) = write_feedback(collect(campaign, [saved.parent]), tmp_path / "退回")
    ws = load_workbook(made.copy_path)[FORM_SHEET]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:M2", "A4:M4"} <= merged and ws["A4"].alignment.wrap_text  # title, 填报说明
    assert ws["A2"].value.endswith("安全隐患自查整改清单")
    assert ws["B2"].value is None and ws["B3"].value is None  # said once, not in every cell
    header_row, columns = header_position(ws)
    assert ws.column_dimensions["F"].width == 24  # 存在隐患问题, as issued
    date_cell = ws.cell(header_row + 2, columns["检查时间"])  # below the assigned problem
    assert date_cell.is_date and "年" in date_cell.number_format
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    # bordered, its title in the issued form's font: it was bare values (clerk trial 74)
    assert ws["A2"].font.b and ws["A2"].alignment.horizontal == "center"
    table = [ws.cell(header_row + n, c) for n in (0, 3) for c in (1, columns["备注"])]
    assert all(cell.border.left.style == "thin" for cell in table)
    footer, _ = label_cell(ws, "上报人")  # below the table: unbordered, as issued
    assert ws.cell(footer - 1, 1).border.left.style == "thin"
    assert ws.cell(footer, 1).border.left.style is None
    # the lines above the table as tall as issued, and lines to sign on: the title was drawn
    # over the 部门 line, and nothing underlined (clerk trial 122)
    assert [ws.row_dimensions[r].height for r in (2, 3)] == [36, 28]
    assert ws["D3"].border.bottom.style == ws.cell(footer, 4).border.bottom.style == "thin"
    assert ws["A3"].alignment.horizontal == "right" and ws["K3"].alignment.horizontal == "left"
    assert ws.row_dimensions[header_row + 1].height >= 36  # a row as tall as issued
    serial = ws.cell(header_row + 1, columns["序号"])  # (“1XT-01”: trial 177)
    assert serial.value == 1 and serial.alignment.horizontal == "center"
    listed = load_workbook(made.copy_path)["交办问题清单"]  # its dates shown, not ###
    found_on = next(c for row in listed.iter_rows() for c in row if getattr(c, "is_date", 0))
    assert listed.column_dimensions[found_on.column_letter].width >= 14
    # both other sheets' tables bordered, wrapped, each row as tall as its text, the header
    # on every page: printed bare, a long 督查内容 ran over the next row (clerk trial 177 AD3)
    items = load_workbook(made.copy_path)["本部门检查项目"]
    for sheet in (listed, items):
        header = next(r for r in sheet.iter_rows() if sum(c.value is not None for c in r) > 1)
        assert sheet.print_title_rows == f"${header[0].row}:${header[0].row}", sheet.title
        body = [c for r in sheet.iter_rows(min_row=header[0].row) for c in r if c.value]
        assert all(c.border.left.style == "thin" and c.alignment.wrap_text for c in body)
    longest = max(
        (c for r in items.iter_rows() for c in r if isinstance(c.value, str)),
        key=lambda c: len(c.value),
    )
    assert items.row_dimensions[longest.row].height > 30, longest.value
    to_pdf([made.copy_path], tmp_path / "pdf")
    pages, sizes, _ = pdf_facts(tmp_path / "pdf" / f"{made.copy_path.stem}.pdf")
    # the list of problems, the form on one landscape page, the assigned problems, the items
    assert pages == 4 and sizes & {"841.89 x 595.276", "841.89 x 595.304"}, (pages, sizes)


def test_a_long_list_of_problems_typed_into_the_blank_list_prints_whole(
    libreoffice: None, tmp_path: Path
) -> None:
    """The blank 交办问题清单 typed on in Calc past its 50 bordered rows: every problem is
    read, rows as tall as their text (20 pt rows cut long descriptions off), dates shown
    as dates below the bordered rows too, and the printed pages hold all of them (trial 46)."""
    from huitoukan.campaign import default_campaign
    from huitoukan.findings.reading import read_findings
    from huitoukan.findings.template import blank_list

    blank = tmp_path / "交办问题清单.xlsx"
    blank_list(default_campaign()).save(blank)
    long = "二楼走廊灭火器压力不足，" * 10
    typed = []
    for n in range(1, 71):
        row = str(3 + n)  # the example row deleted by typing over it
        values = [f"SJ-{n:02d}", "市级抽查", "2023-11-20", "3号楼", long if n % 2 else "门锁坏",
                  "安全保卫处", "更换", "2023-12-30"]  # fmt: skip
        typed += [
            ["交办问题清单", f"{letter}{row}", v]
            for letter, v in zip("ABCDEFGH", values, strict=True)
        ]
    saved = tmp_path / "typed.xlsx"
    drive({"input": str(blank), "outputs": {"xlsx": str(saved), "pdf": str(tmp_path / "typed.pdf")},
           "typed": typed}, tmp_path)  # fmt: skip
    read = read_findings(saved, default_campaign())
    assert [f.number for f in read.findings] == [f"SJ-{n:02d}" for n in range(1, 71)]
    assert {f.found_on for f in read.findings} == {date(2023, 11, 20)}
    ws = load_workbook(saved).active
    for row in (4, 60, 72):  # in the bordered rows and below them
        assert ws.cell(row, 5).alignment.wrap_text and ws.cell(row, 5).border.left.style
        assert "年" in ws.cell(row, 3).number_format, row
        assert ws.row_dimensions[row].height > 2.5 * ws.row_dimensions[row + 1].height, row
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "typed.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "SJ-70" in text and "2023年11月20日" in text


def test_an_ods_names_the_same_cells_as_the_xlsx_it_was_saved_from(
    libreoffice: None, tmp_path: Path
) -> None:
    """上报人 left blank: the value cell beside the merged label (D17), in the .ods too —
    its merged cells are read from content.xml (python-calamine gives none for .ods)."""
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", [closed()], reporter=None)
    saved = tmp_path / "学工处.ods"
    drive({"input": str(form), "outputs": {"ods": str(saved)}}, tmp_path)
    cells = [
        {(p.code, p.cell) for p in read_form(path, campaign).problems} for path in (form, saved)
    ]
    assert cells[0] == cells[1] and any(code == "missing-reporter" for code, _ in cells[1])


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_date_typed_as_today_is_said_to_change_every_day(
    libreoffice: None, tmp_path: Path, kind: str
) -> None:
    """=TODAY() in the form's 日期 and in a 销号时间 (a clerk's shortcut) shows the day the
    file was last opened: the register took it for the day written, and it moves each time
    someone opens and saves the file. The value is read, and the department is told."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", [closed(部位="东门")])
    date_cell = read_form(form, campaign).date_cell
    ws = load_workbook(form)[FORM_SHEET]
    header_row, columns = header_position(ws)
    closed_on = cell(ws, header_row + 1, columns["销号时间"])
    saved = tmp_path / "回收" / f"学工处.{kind}"
    saved.parent.mkdir()
    typed = [[FORM_SHEET, date_cell, "=TODAY()"], [FORM_SHEET, closed_on, "=TODAY()"]]
    drive({"input": str(form), "outputs": {kind: str(saved)}, "typed": typed}, tmp_path)
    collection = collect(campaign, [saved.parent])
    said = {p.cell: p.message for p in collection.problems if p.code is Code.TODAY_FORMULA}
    assert set(said) == {date_cell, closed_on}
    assert "表头日期是公式 =TODAY()" in said[date_cell]
    assert "这个日期是公式 =TODAY()" in said[closed_on]
    (hazard,) = collection.hazards
    assert hazard.closed_on == collection.forms[0].form_date == date.today()


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_formula_errors_and_days_computed_from_today_are_said(
    libreoffice: None, tmp_path: Path, kind: str
) -> None:
    """A 部位 of =D6 whose row was deleted shows #REF!, which readers give as blank: the
    hazard entered the register without its 部位 and nobody was told. A 检查时间 of =K6,
    K6 being =NOW(), moves with every save as K6 does (clerk trial 60)."""
    from huitoukan.actions.collect import collect
    from huitoukan.campaign import default_campaign

    campaign = default_campaign()
    rows = [hazard(部位="东门"), hazard(部位="西门")]
    form = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", rows)
    ws = load_workbook(form)[FORM_SHEET]
    header_row, columns = header_position(ws)
    first, second = header_row + 1, header_row + 2
    checked = cell(ws, first, columns["检查时间"])
    typed = [
        [FORM_SHEET, checked, "=NOW()"],
        [FORM_SHEET, cell(ws, second, columns["检查时间"]), f"={checked}+1"],
        [FORM_SHEET, cell(ws, second, columns["部位"]), "=1/0"],
        [FORM_SHEET, cell(ws, first, columns["备注"]), "=NOSUCHFUNCTION(1)"],
    ]
    saved = tmp_path / "回收" / f"学工处.{kind}"
    saved.parent.mkdir()
    drive({"input": str(form), "outputs": {kind: str(saved)}, "typed": typed}, tmp_path)
    problems = collect(campaign, [saved.parent]).problems
    todays = {p.cell for p in problems if p.code is Code.TODAY_FORMULA}
    assert todays == {checked, cell(ws, second, columns["检查时间"])}
    errors = {
        (p.cell, p.field, p.value, p.severity) for p in problems if p.code is Code.FORMULA_ERROR
    }
    assert errors == {
        (cell(ws, second, columns["部位"]), "部位", "#DIV/0!", Severity.ERROR),
        (cell(ws, first, columns["备注"]), "备注", "#NAME?", Severity.ERROR),
    }


def test_a_row_of_an_issued_form_grows_as_a_long_text_is_typed(
    libreoffice: None, tmp_path: Path
) -> None:
    """400 characters typed into a row of the issued form left it 36 points high: two
    lines shown, on screen and on the page the department head signs (clerk trial 149).
    The table's rows open as high as issued (room for handwriting) and grow with what is
    typed into them."""
    from huitoukan.campaign import default_campaign

    issue_forms(default_campaign(), tmp_path / "发放", ["总务基建处"])
    issued = tmp_path / "发放" / form_file_name("总务基建处")
    ws = load_workbook(issued)[FORM_SHEET]
    header_row, columns = header_position(ws)
    first, second = header_row + 1, header_row + 2
    typed = [[FORM_SHEET, cell(ws, first, columns["存在隐患问题"]), "配电室堆放杂物，" * 50]]
    saved = tmp_path / "总务.xlsx"
    drive({"input": str(issued), "outputs": {"xlsx": str(saved)}, "entered": typed}, tmp_path)
    heights = load_workbook(saved)[FORM_SHEET].row_dimensions
    assert heights[first].height > 100, heights[first].height  # about 20 lines
    assert heights[second].height == ws.row_dimensions[second].height  # blank, as issued


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_follow_up_form_saved_as_ods_or_xls_is_known_as_the_tools_form(
    libreoffice: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The 跟进轮 form opened in LibreOffice and kept in its own format (.ods), or saved as
    .xls: answered and saved into a folder the clerk had not collected yet, it was not
    pointed out, and remind wrote the department a 催报; nothing filled in, it was the
    department's answer and the round no longer chased (clerk trial 187 AM5, AM4). The
    properties the tool tells its forms by were read from an .xlsx only; LibreOffice keeps
    them in the .ods's meta.xml and the .xls's summary information."""
    from typer.testing import CliRunner

    from huitoukan.campaign import default_campaign
    from huitoukan.cli import app
    from tests.test_two_rounds import _followup_after

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    form = tmp_path / _followup_after(runner, [hazard(部位="锅炉房")])
    ws = load_workbook(form)[FORM_SHEET]
    header_row, columns = header_position(ws)
    answered = tmp_path / "第二轮回收" / f"总务.{kind}"
    answered.parent.mkdir()
    row = header_row + 1
    typed = [
        [FORM_SHEET, cell(ws, row, columns["整改完成情况"]), "已完成"],
        [FORM_SHEET, cell(ws, row, columns["销号时间"]), "2023-12-26"],
    ]
    drive({"input": str(form), "outputs": {kind: str(answered)}, "typed": typed}, tmp_path)
    assert read_form(answered, default_campaign()).department == "总务基建处"
    register_time = (tmp_path / "全校隐患台账.xlsx").stat().st_mtime
    os.utime(answered, (register_time + 60, register_time + 60))
    status = runner.invoke(app, ["status", "--as-of", "2023-12-28", "--json"])
    assert json.loads(status.stdout)["returns_not_collected"] == [
        str(Path("第二轮回收", answered.name))
    ]
    remind = runner.invoke(app, ["remind", "--as-of", "2023-12-28"])
    assert remind.exit_code == 2, remind.output

    drive({"input": str(form), "outputs": {kind: str(answered)}}, tmp_path)  # nothing typed
    assert read_form(answered, default_campaign()).unchanged  # the table as issued
    said = runner.invoke(app, ["collect", "回收", "第二轮回收", "--as-of", "2023-12-28", "--json"])
    [sent] = [f for f in json.loads(said.stdout)["files"] if f["file"].startswith("第二轮回收")]
    assert sent["outcome"] == "空白表", sent
    shown = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-28", "--json"]).stdout)
    [chased] = [r for r in shown["rounds"] if r["form_date"] == "2023-12-21"]
    assert chased["not_answered"] == ["总务基建处"]
