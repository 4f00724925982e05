"""Hostile and broken returns: each has an exact outcome, and none disturbs the good ones."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from huitoukan.actions.collect import collect, collect_to_register
from huitoukan.campaign import Campaign
from huitoukan.cells import column_letter
from huitoukan.forms.layout import COLUMNS
from huitoukan.model.problems import Severity
from huitoukan.model.returns import FileOutcome
from huitoukan.register.layout import HAZARD_SHEET
from tests import hostile
from tests.helpers import read_form, sheet_rows
from tests.picture_builders import png

REFUSED = [
    ("炸弹.xlsx", lambda c, p: hostile.zip_bomb(p), "疑似压缩炸弹"),
    ("实体.xlsx", hostile.entity_bomb, "XML 实体声明"),
    ("外部实体.xlsx", hostile.external_entity, "XML 实体声明"),
    ("长注释实体.xlsx", hostile.entity_after_long_prolog, "XML 实体声明"),
    ("长注释范围.xlsx", hostile.absurd_after_long_prolog, "范围异常"),
    ("坏工作簿.xlsx", hostile.undecodable_part("xl/workbook.xml"), "xl/workbook.xml 无法解压"),
    ("坏工作表.xlsx", hostile.undecodable_part("xl/worksheets/sheet1.xml"), "无法解压"),
    ("编码表.xlsx", hostile.unknown_encoding("xl/worksheets/sheet1.xml"), "无法识别的文字编码"),
    ("编码簿.xlsx", hostile.unknown_encoding("xl/workbook.xml"), "工作簿部件已损坏"),
    ("加密.xlsx", lambda c, p: hostile.encrypted_ooxml(p), "文件设有打开密码"),
    ("截断.xlsx", hostile.truncated, "不完整或已损坏"),
    ("表格.xlsx", lambda c, p: hostile.csv_named_xlsx(p), "文本（CSV）"),
    ("网页.xls", lambda c, p: hostile.html_named_xls(p), "网页（HTML）"),
    ("文档.xlsx", lambda c, p: hostile.docx_named_xlsx(p), "Word 文档"),
    ("照片.xlsx", lambda c, p: p.write_bytes(png(40, 30)), "图片（照片）文件"),  # trial 104
    ("空.xlsx", lambda c, p: hostile.empty(p), "0 字节"),
    ("范围.xlsx", hostile.absurd_extent, "范围异常"),
    ("前缀.xlsx", hostile.prefixed_absurd, "范围异常"),
    ("单引号.xlsx", hostile.single_quoted_absurd, "范围异常"),
    ("空格.xlsx", hostile.spaced_absurd, "范围异常"),
    ("字符引用.xlsx", hostile.character_reference_absurd, "范围异常"),
    ("隐含位置.xlsx", hostile.implicit_positions_absurd, "范围异常"),
    ("别名部件.xlsx", hostile.absurd_sheet_under_another_name, "范围异常"),
    ("重复单元格.ods", lambda c, p: hostile.ods_repeated_bomb(p), "范围异常"),
]


@pytest.mark.parametrize(("name", "build", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_a_reason(
    campaign: Campaign, tmp_path: Path, name: str, build: object, reason: str
) -> None:
    path = tmp_path / name
    build(campaign, path)  # type: ignore[operator]
    started = time.perf_counter()
    form = read_form(path, campaign)
    assert not form.readable
    assert reason in form.reason, form.reason
    assert "读取时出错" not in form.reason
    assert time.perf_counter() - started < 30  # a generous bound against hangs, not a benchmark


def test_renamed_xlsx_is_read_by_content(campaign: Campaign, tmp_path: Path) -> None:
    form = read_form(hostile.renamed(campaign, tmp_path / "医院.xls"), campaign)
    assert form.readable and [h.location for h in form.hazards] == ["门诊楼"]


@pytest.mark.parametrize(
    ("part", "head", "readable"),
    [
        ("xl/media/image1.emf", b"\x01\x00\x00\x00\x6c\x00\x00\x00", True),  # EMF
        ("xl/media/image2.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", True),
        ("xl/worksheets/sheet9.xml", "\n <worksheet/>".encode("utf-16-le"), False),
        ("xl/printerSettings/printerSettings1.bin", b"\x00" * 64, True),  # no printer name
        ("xl/printerSettings/printerSettings2.bin", "HP LaserJet".encode("utf-16-le"), True),
        (
            "xl/worksheets/sheet9.xml",
            '<?xml version="1.0"?><worksheet/>'.encode("utf-16-le"),
            False,
        ),
        (
            "xl/worksheets/sheet9.xml",
            '<?xml version="1.0"?><worksheet/>'.encode("utf-32-be"),
            False,
        ),
    ],
)
def test_a_binary_part_starting_with_zeros_is_no_wide_text(
    campaign: Campaign, tmp_path: Path, part: str, head: bytes, readable: bool
) -> None:
    """A picture pasted from Word (EMF) or the printer settings Excel saves with a page set
    up start with zero bytes: the whole return was refused as 编码异常, the department's
    hazards lost (three real Excel files of the corpus too: clerk trial 80). An XML part in
    UTF-16 or UTF-32 still is."""
    import zipfile

    from tests.helpers import filled_form, hazard

    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊楼")])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(part, head + b"\x00" * 200)
    form = read_form(path, campaign)
    assert form.readable is readable, form.reason
    if readable:
        assert [h.location for h in form.hazards] == ["门诊楼"]
    else:
        assert "编码异常" in form.reason


@pytest.mark.parametrize(
    ("records", "locked"), [(b"", False), (b"\x2f\x00\x06\x00" + b"\x01" * 6, True)]
)
def test_an_xls_encrypted_by_xor_is_said_to_have_a_password(records: bytes, locked: bool) -> None:
    """An .xls protected with a password the XOR way was “已损坏（Cfb error: Codepage D7D4 not
    found）” (clerk trial 80): a FILEPASS record among the first of its workbook stream."""
    from huitoukan.returns.sniffing import Format, Refused, sniff

    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le")
    bof = b"\x09\x08\x10\x00" + b"\x00\x06\x05\x00" + b"\x00" * 12
    write_protected = b"\x86\x00\x00\x00"
    data = header.ljust(512, b"\x00") + bof + write_protected + records + b"\x0a\x00\x00\x00"
    if locked:
        with pytest.raises(Refused, match="文件设有打开密码"):
            sniff(data, ".xls")
    else:
        assert sniff(data, ".xls").format is Format.XLS


def test_part_larger_than_declared_is_not_inflated_past_its_declared_size(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = hostile.size_lie(campaign, tmp_path / "谎报大小.xlsx")
    tracemalloc.start()
    try:
        form = read_form(path, campaign)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not form.readable and "大小与文件目录记录的不符" in form.reason
    assert peak < 8 << 20  # the 32 MB behind the declared size stay compressed


def test_dimension_lie_loses_no_row(campaign: Campaign, tmp_path: Path) -> None:
    form = read_form(hostile.dimension_lie(campaign, tmp_path / "维度.xlsx"), campaign)
    assert form.readable and [h.location for h in form.hazards] == ["门诊楼"]
    assert form.head == "张主任" and form.reporter == "李干事"


def test_styled_empty_rows_cost_nothing(campaign: Campaign, tmp_path: Path) -> None:
    form = read_form(hostile.styled_rows_after_footer(campaign, tmp_path / "样式.xlsx"), campaign)
    assert form.readable and len(form.hazards) == 1 and form.problems == []


def test_formula_without_cached_value_names_the_cell(campaign: Campaign, tmp_path: Path) -> None:
    path, cell = hostile.formula_without_value(campaign, tmp_path / "公式.xlsx")
    form = read_form(path, campaign)
    problems = [(p.code, p.cell, p.severity) for p in form.problems]
    assert ("formula-without-value", cell, Severity.ERROR) in problems
    assert "请用 Excel 打开并保存后重新报送" in form.problems[-1].message
    # on its hazard's row, in its column (said to be in 表头、表尾: clerk trial 139)
    [said] = [p for p in form.problems if p.code == "formula-without-value"]
    [row] = form.hazards
    assert (said.at, said.field) == (row.at, "整改时限")


def test_hidden_sheet_form_is_a_warning_not_merged(campaign: Campaign, tmp_path: Path) -> None:
    form = read_form(hostile.hidden_sheet(campaign, tmp_path / "隐藏.xlsx"), campaign)
    assert [h.location for h in form.hazards] == ["门诊楼"]
    assert [(p.code, p.sheet, p.severity) for p in form.problems] == [
        ("hidden-sheet", "旧版", Severity.WARNING)
    ]


def test_control_characters_removed_with_a_warning(campaign: Campaign, tmp_path: Path) -> None:
    form = read_form(hostile.control_characters(tmp_path / "控制.xlsx"), campaign)
    assert form.readable and form.department == "附属医院"
    assert [h.location for h in form.hazards] == ["门诊楼"]
    location = column_letter([c.field for c in COLUMNS].index("location"))
    assert [(p.code, p.cell) for p in form.problems] == [("control-characters", f"{location}3")]


def test_hostile_files_do_not_disturb_good_returns(campaign: Campaign, tmp_path: Path) -> None:
    clean, mixed = tmp_path / "clean", tmp_path / "mixed"
    for folder in (clean, mixed):
        hostile.good(campaign, folder / "医院.xlsx")
        hostile.good(campaign, folder / "警务室.xlsx", "学院警务室")
    for name, build, _ in REFUSED:
        build(campaign, mixed / name)  # type: ignore[operator]
    hostile.hidden_sheet(campaign, mixed / "隐藏" / "保卫处.xlsx", "安全保卫处")
    expected = collect(campaign, [clean])
    result = collect_to_register(campaign, [mixed], tmp_path / "台账.xlsx", hostile.TODAY)
    got = result.collection
    good_files = {str(mixed / "医院.xlsx"), str(mixed / "警务室.xlsx")}
    assert [h._replace(source_file="") for h in got.hazards if h.source_file in good_files] == [
        h._replace(source_file="") for h in expected.hazards
    ]
    unreadable = {Path(f).name for f, o in got.outcomes.items() if o is FileOutcome.UNREADABLE}
    assert unreadable == {name for name, _, _ in REFUSED}
    reasons = {Path(p.file).name: p.message for p in got.problems if p.code == "unreadable"}
    for name, _, reason in REFUSED:
        assert reason in reasons[name]
    assert result.exit_code == 1
    rows = sheet_rows(tmp_path / "台账.xlsx", HAZARD_SHEET)
    assert sorted(str(r["部门"]) for r in rows) == ["学院警务室", "安全保卫处", "附属医院"]


def test_unexpected_error_is_one_line_or_traceback_with_debug(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.good(campaign, tmp_path / "医院.xlsx")

    def broken(*args: object) -> None:
        raise KeyError("sheet1")

    monkeypatch.setattr("huitoukan.returns.batch.read_return", broken)
    form = read_form(path, campaign)
    assert not form.readable and "\n" not in form.reason
    assert "KeyError" in form.reason and "另存为 .xlsx" in form.reason
    assert "Traceback" in read_form(path, campaign, debug=True).reason
