"""Opening a returned workbook of any format departments save in, as plain grids.

python-calamine reads .xlsx/.xlsm/.xls/.ods in one fast pass and gives cached
formula values and real dates for 年月日 formats. Every sheet comes back as a
rectangular grid from A1, with merged cells filled with their top-left value on
every row and column they cover. A file that cannot be read raises
`UnreadableWorkbook` with a one-line Chinese reason; nothing else escapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

Cell = object


@dataclass(frozen=True)
class SheetGrid:
    name: str
    visible: bool
    rows: list[list[Cell]]


class UnreadableWorkbook(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


RESAVE = "请用 Excel 或 WPS 打开后另存为 .xlsx 再重新报送"
UNSUPPORTED_FORMATS = {
    ".et": "WPS 表格格式（.et）无法读取，请在 WPS 中另存为 .xlsx 后重新报送",
    ".ett": "WPS 模板格式（.ett）无法读取，请另存为 .xlsx 后重新报送",
    ".csv": "CSV 文本文件没有表头信息，请使用下发的附件2（.xlsx）填写后重新报送",
    ".xlsb": "Excel 二进制格式（.xlsb）无法读取，请另存为 .xlsx 后重新报送",
    ".numbers": "Numbers 格式无法读取，请在 Numbers 中导出为 Excel（.xlsx）后重新报送",
    ".xltx": "这是 Excel 模板文件，请另存为 .xlsx 后重新报送",
    ".xltm": "这是 Excel 模板文件，请另存为 .xlsx 后重新报送",
    ".xlt": "这是 Excel 模板文件，请另存为 .xlsx 后重新报送",
    ".fods": "平面 ODS 格式（.fods）无法读取，请另存为 .xlsx 后重新报送",
}


def read_sheets(path: Path) -> list[SheetGrid]:
    import python_calamine as calamine

    reason = UNSUPPORTED_FORMATS.get(path.suffix.lower())
    if reason is not None:
        raise UnreadableWorkbook(reason)
    if path.stat().st_size == 0:
        raise UnreadableWorkbook(f"文件是空的（0 字节），{RESAVE}")
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise UnreadableWorkbook("文件设有打开密码，请取消密码后重新报送") from None
    except Exception as exc:  # calamine raises several unrelated types for damaged files
        raise UnreadableWorkbook(f"文件已损坏或格式不对（{_short(exc)}），{RESAVE}") from None
    sheets: list[SheetGrid] = []
    try:
        with workbook:
            for meta in workbook.sheets_metadata:
                if meta.typ is not calamine.SheetTypeEnum.WorkSheet:
                    continue
                sheet = workbook.get_sheet_by_name(meta.name)
                rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
                _fill_merged(rows, sheet.merged_cell_ranges or ())
                visible = meta.visible is calamine.SheetVisibleEnum.Visible
                sheets.append(SheetGrid(meta.name, visible, rows))
    except calamine.PasswordError:
        raise UnreadableWorkbook("文件设有打开密码，请取消密码后重新报送") from None
    except Exception as exc:
        raise UnreadableWorkbook(f"工作表无法读取（{_short(exc)}），{RESAVE}") from None
    return sheets


def _fill_merged(rows: list[list[Cell]], ranges: object) -> None:
    for (top, left), (bottom, right) in ranges:  # type: ignore[attr-defined]
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]
