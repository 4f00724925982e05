"""issue → fill as departments do → collect → the register holds every hazard, right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from huitoukan.cli import app
from huitoukan.forms.issuing import form_file_name
from huitoukan.forms.layout import FORM_SHEET
from huitoukan.register.layout import HAZARD_SHEET, SUMMARY_SHEET
from tests.helpers import closed, hazard, header_position, set_label, sheet_rows, write_rows


def fill(path: Path, out: Path, rows: list[dict[str, object]], **changes: object) -> None:
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    set_label(ws, "主要负责人", "部门负责人")
    set_label(ws, "日期", changes.get("form_date", "2023年12月14日"))
    set_label(ws, "上报人", "填表人")
    set_label(ws, "联系方式", "13800000000")
    write_rows(ws, rows)
    if changes.get("insert_row"):
        header_row, _ = header_position(ws)
        ws.insert_rows(header_row + 2)  # a row inserted in the middle of the table, left empty
    if changes.get("header_down"):
        for merged in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(merged))
        ws.insert_rows(1, 3)
    if changes.get("swap_columns"):
        header_row, columns = header_position(ws)
        a, b = columns["部位"], columns["备注"]
        for r in range(header_row, header_row + 11):
            ws.cell(r, a).value, ws.cell(r, b).value = ws.cell(r, b).value, ws.cell(r, a).value
    if changes.get("rename"):
        ws.title = "Sheet1"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)


def test_whole_round_trip(tmp_path: Path, monkeypatch: object) -> None:
    runner = CliRunner()
    issued = tmp_path / "发放"
    assert runner.invoke(app, ["issue", "-o", str(issued)]).exit_code == 0
    back = tmp_path / "回收"
    text_dates = [
        "2023-12-10",
        "2023/12/10",
        "2023.12.10",
        "2023年12月10日",
        "20231210",
        "12月10日",
    ]
    fill(
        issued / form_file_name("安全保卫处"),
        back / "保卫处.xlsx",
        [hazard(部位=f"东门{n}", 检查时间=d) for n, d in enumerate(text_dates)]
        + [closed(部位="南门", 检查时间=date(2023, 12, 10), 销号时间="2023年12月11日")],
        insert_row=True,
    )
    fill(
        issued / form_file_name("总务基建处"),
        back / "总务基建处.xlsx",
        [hazard(部位="锅炉房", 整改时限="2023.12.18"), closed(部位="食堂")],
        header_down=True,
    )
    fill(
        issued / form_file_name("学生工作处"),
        back / "学工.xlsx",
        [hazard(部位="宿舍", 整改完成情况="正在整改")],
        swap_columns=True,
        rename=True,
    )
    fill(
        issued / form_file_name("附属医院"),
        back / "医院.xlsx",
        [{"检查内容": "预防流行病", "存在隐患问题": "未发现问题"}],
    )
    out = tmp_path / "全校隐患台账.xlsx"
    result = runner.invoke(
        app, ["collect", str(back), "-o", str(out), "--as-of", "2023-12-20"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    rows = sheet_rows(out, HAZARD_SHEET)
    by_place = {r["部位"]: r for r in rows}
    assert len(rows) == 10
    for n in range(6):
        assert by_place[f"东门{n}"]["检查时间"].date() == date(2023, 12, 10)  # type: ignore[union-attr]
        assert by_place[f"东门{n}"]["部门"] == "安全保卫处"
    assert by_place["南门"]["状态"] == "已销号"
    assert by_place["南门"]["销号时间"].date() == date(2023, 12, 11)  # type: ignore[union-attr]
    assert by_place["锅炉房"]["部门"] == "总务基建处" and by_place["锅炉房"]["状态"] == "逾期"
    assert by_place["锅炉房"]["逾期天数"] == 2
    assert by_place["宿舍"]["部门"] == "学生工作处"
    assert by_place["宿舍"]["整改完成情况"] == "整改中"
    assert by_place["宿舍"]["来源工作表"] == "Sheet1"
    summary = {r["部门"]: r for r in sheet_rows(out, SUMMARY_SHEET, header_row=4)}
    assert summary["合计"]["隐患数"] == 10
    assert summary["安全保卫处"]["已销号"] == 1 and summary["总务基建处"]["逾期"] == 1
    assert summary["附属医院"]["报送情况"] == "已报送" and summary["附属医院"]["隐患数"] == 0
    assert summary["学院警务室"]["报送情况"] == "未报送"
    assert summary["合计"]["报送情况"] == "4/8"


def test_a_departments_own_words_of_its_progress_reach_the_register(
    tmp_path: Path, monkeypatch: object
) -> None:
    """What a department typed in 整改完成情况 beyond a state (已更换4只，还有2只待采购) was
    printed as 整改中 alone: its words were nowhere in the register nor the archive (clerk
    trial 201 BA2). The register prints the state and the words; read back from its sheets
    (as when it was changed by hand), both are taken again."""
    from huitoukan.register.reading import read_register_sheets

    runner = CliRunner()
    issued = tmp_path / "发放"
    assert runner.invoke(app, ["issue", "-o", str(issued)]).exit_code == 0
    fill(
        issued / form_file_name("总务基建处"),
        tmp_path / "回收" / "总务基建处.xlsx",
        [
            hazard(部位="西区3号公寓", 整改完成情况="已更换4只，还有2只待采购"),
            closed(部位="食堂", 整改完成情况="风机已更换，排风正常"),
            closed(部位="锅炉房", 整改完成情况="已整改"),
            hazard(部位="车库", 整改完成情况="好了"),
        ],
    )
    register = tmp_path / "全校隐患台账.xlsx"
    result = runner.invoke(
        app,
        ["collect", str(tmp_path / "回收"), "-o", str(register), "--as-of", "2023-12-15"],
    )
    assert result.exit_code in (0, 1), result.output
    printed = {r["部位"]: r["整改完成情况"] for r in sheet_rows(register, HAZARD_SHEET)}
    assert printed == {
        "西区3号公寓": "整改中（已更换4只，还有2只待采购）",
        "食堂": "已完成（风机已更换，排风正常）",
        "锅炉房": "已完成",
        "车库": "好了",
    }
    read = {
        h.location: (h.progress, h.progress_text) for h in read_register_sheets(register).hazards
    }
    assert read == {
        "西区3号公寓": ("整改中", "已更换4只，还有2只待采购"),
        "食堂": ("已完成", "风机已更换，排风正常"),
        "锅炉房": ("已完成", "已完成"),
        "车库": (None, "好了"),
    }
