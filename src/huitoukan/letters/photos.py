"""Photos placed on a printed page: two side by side, each scaled to fit its half.

The size comes from the picture's header (never decoded); a picture whose header gives
no size (EMF, WMF) gets the whole box.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from huitoukan.returns.pictures import image_info
from huitoukan.xlsx.writer import Picture, Sheet

ROW_PIXELS = 20
"""A row of the default height (15 points)."""
BOX_HEIGHT = 220


def column_pixels(width: float) -> int:
    """A column of `width` characters on screen and paper, in pixels, at the least: Excel
    gives a character 7 pixels, LibreOffice measures it by the workbook's 宋体 10 and gives
    it a little over 6 (a photo sized by Excel's rule runs past the printed columns there)."""
    return int(width * 6.2 + 5)


def fit(width: int | None, height: int | None, box: tuple[int, int]) -> tuple[int, int]:
    """`width` × `height` scaled down (never up) to fit `box`, its proportions kept."""
    if not width or not height:
        return box
    scale = min(box[0] / width, box[1] / height, 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def place_photos(sheet: Sheet, photos: Sequence[bytes]) -> int:
    """Put `photos` under the last row of `sheet`, two to a row of pictures, adding the
    rows they cover; the number placed (files that are not pictures are left out)."""
    widths = [column_pixels(w) for w in sheet.widths]
    half = len(widths) // 2
    boxes = ((0, sum(widths[:half]) - 8), (half, sum(widths[half:]) - 8))
    rows = math.ceil(BOX_HEIGHT / ROW_PIXELS) + 1
    placed = 0
    for data in photos:
        info = image_info(data)
        if info is None:
            continue
        media_type, width, height = info
        column, box_width = boxes[placed % 2]
        if placed % 2 == 0:
            top = sheet.row_count
            for _ in range(rows):
                sheet.add("")
        shown = fit(width, height, (box_width, BOX_HEIGHT))
        sheet.pictures.append(Picture(top, column, *shown, data, media_type))
        placed += 1
    return placed
