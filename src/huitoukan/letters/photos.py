"""Photos placed on a printed page: two side by side, each scaled to fit its half (one
alone, the whole width), each captioned.

The size comes from the picture's header; a picture whose header gives no size (EMF,
WMF) gets the whole box. A photo far larger than it is shown is embedded shrunk
(`for_print`: the original stays in 佐证材料).
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from huitoukan.returns.pictures import image_info
from huitoukan.xlsx.writer import (
    DEFAULT_ROW_HEIGHT,
    PAGE_FILL,
    Picture,
    Sheet,
    Style,
    cells,
    row_height,
)

ROW_PIXELS = 20
"""A row of the default height (15 points)."""
BOX_HEIGHT = 220
"""The height photos are fitted to (about 5.8 cm)."""
MAX_BOX_HEIGHT = 760
"""The height photos filling a page are fitted to at most (about 20 cm: a phone's upright
photo alone on its page; at 13 cm it left the lower half empty, clerk trial 128)."""


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


@dataclass(frozen=True)
class Photo:
    data: bytes
    """The image file's bytes."""
    caption: str
    """Printed under it: whose it is and where its file is (2-1.jpg in 佐证材料/部门)."""


BEFORE = "（整改前）"
"""After the caption of a photo first sent while its hazard was still open."""


def before_photos(number: str) -> str:
    """What a hazard's photos, all 整改前, are: sent while it was open — or, answering the
    assigned problem `number`, before that was found (`photo_reuse.sent_before_found`)."""
    when = "整改中时或该问题检查发现之前" if number else "整改中时"
    return f"{when}报送的整改前照片"


CAPTION_POINTS = 15.0
GAP_POINTS = 6.0
"""Above each row of pictures: clear of the line or caption above."""


PRINT_SCALE = 3
"""A photo is embedded with up to this many pixels for each pixel it is shown with (about
300 dpi on paper): a phone's 4000 × 3000 photos printed 6 cm wide made a report of 48 MB,
too large to send (clerk trial 43)."""
SHRINK_PIXELS = 60_000_000
"""Larger photos are embedded as they are (decoding one costs more memory than it saves)."""


_TURNED = frozenset({5, 6, 7, 8})
"""EXIF orientations of a picture stored on its side (a phone held upright stores its
photo as landscape pixels and says “turn me”)."""


def orientation(data: bytes) -> int:
    """The EXIF orientation of a picture (1, as stored, when it says none or cannot be read).
    No office suite turns a picture by it: an upright phone photo printed on its side
    (clerk trial 129)."""
    if data[:2] != b"\xff\xd8" and b"Exif" not in data[:4096]:
        return 1
    from PIL import Image

    with contextlib.suppress(Exception), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(io.BytesIO(data)) as image:
            turn = image.getexif().get(0x0112, 1)
            return turn if isinstance(turn, int) and 1 <= turn <= 8 else 1
    return 1


def upright(width: int | None, height: int | None, turn: int) -> tuple[int | None, int | None]:
    """The size a picture of `width` × `height` pixels is seen at, turned as its EXIF says."""
    return (height, width) if turn in _TURNED else (width, height)


def for_print(
    data: bytes, media_type: str, size: tuple[int, int], shown: tuple[int, int], turn: int = 1
) -> tuple[bytes, str]:
    """`data` (a picture of `size` pixels as seen, turned as its EXIF orientation `turn`
    says) shrunk to PRINT_SCALE × `shown`, and its type: a JPEG or PNG keeps its type; a
    BMP, TIFF or WebP is embedded as a JPEG (a PNG when it is no colour photo) whatever its
    size (a 4000 × 3000 BMP made a report of 36 MB: clerk trial 82); one stored on its side
    is turned upright whatever its size, its orientation tag dropped (office suites ignore
    it). As it is when it is small enough and upright, of another type, or cannot be
    decoded (Pillow)."""
    box = (shown[0] * PRINT_SCALE, shown[1] * PRINT_SCALE)
    converted = media_type in CONVERTED
    fits = size[0] <= box[0] and size[1] <= box[1]
    if turn == 1 and not converted and (media_type not in ("jpeg", "png") or fits):
        return data, media_type
    if size[0] * size[1] > SHRINK_PIXELS:
        return data, media_type
    from PIL import Image, ImageOps

    out = io.BytesIO()
    kind = media_type
    with contextlib.suppress(Exception), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (a decoder's own warnings: the original is kept)
        with Image.open(io.BytesIO(data)) as opened:
            stored = upright(*box, turn)  # the box as the pixels are stored
            opened.draft(opened.mode, (stored[0] or box[0], stored[1] or box[1]))
            image = ImageOps.exif_transpose(opened) if turn != 1 else opened
            exif = image.getexif()
            exif.pop(0x0112, None)
            image.thumbnail(box)
            if converted:
                kind = "jpeg" if image.mode in ("L", "RGB", "CMYK") else "png"
            if kind == "jpeg":
                kept = image if image.mode in ("L", "RGB", "CMYK") else image.convert("RGB")
                kept.save(out, "JPEG", quality=85, **({"exif": exif.tobytes()} if exif else {}))
            else:
                png = ("1", "L", "LA", "P", "RGB", "RGBA")
                (image if image.mode in png else image.convert("RGBA")).save(out, "PNG")
        smaller = out.getvalue()
        if smaller and (converted or turn != 1 or len(smaller) < len(data)):
            return smaller, kind
    return data, media_type


CONVERTED = ("bmp", "tiff", "webp")
"""Picture types embedded as JPEG or PNG: uncompressed (BMP, most TIFF), or not shown by
every suite (WebP)."""


Placed = tuple[Photo, str, tuple[int, int], int, tuple[int | None, int | None, int]]
"""A photo in a row of pictures: its type, the size it is shown at, its column, its size as
seen and its EXIF orientation."""


def place_photos(
    sheet: Sheet,
    photos: Sequence[Photo],
    on_new_page: Callable[[], object] | None = None,
    fill_page: bool = False,
) -> int:
    """Put `photos` under the last row of `sheet`, two to a row of pictures (one alone
    across the whole width) with their captions below, adding the rows they cover; the
    number placed (files that are not pictures are left out). With `on_new_page`, a row
    of pictures that would not fit on the rest of the printed page starts the next one,
    under what `on_new_page` adds (a heading saying whose photos continue): a page break
    through a photo prints half of it on each page.

    With `fill_page`, the photos are as large as the rest of the page lets up to two rows
    of them be, and two photos shown larger one above the other than side by side (those
    wider than tall) are put so: a page of its own for each hazard's photos printed its
    整改前 and 整改后 photos 6.6 cm wide above half a page left empty (clerk trial 61)."""
    widths = [column_pixels(w) for w in sheet.widths]
    half = len(widths) // 2
    last = len(widths) - 1
    boxes = ((0, sum(widths[:half]) - 8), (half, sum(widths[half:]) - 8))
    whole = ((0, sum(widths) - 8),)
    shown = [
        (photo, (info[0], *upright(info[1], info[2], turn), turn))
        for photo in photos
        if (info := image_info(photo.data)) is not None
        for turn in [orientation(photo.data)]
    ]

    def laid_out(start: int, count: int, box_height: int) -> list[Placed]:
        """The row of `count` pictures from `start`, fitted to `box_height`."""
        group = shown[start : start + count]
        return [
            (
                photo,
                kind,
                fit(width, height, (box_width, box_height)),
                column,
                (width, height, turn),
            )
            for (photo, (kind, width, height, turn)), (column, box_width) in zip(
                group, boxes if len(group) > 1 else whole, strict=False
            )
        ]

    def plan(start: int) -> tuple[int, int]:
        """Photos to a row and the height they are fitted to, from `start` to the end of
        the page."""
        if not fill_page:
            return 2, BOX_HEIGHT
        left = len(shown) - start
        room = sheet.page_room()
        side_by_side = _filling(room, math.ceil(left / 2))
        pair = laid_out(start, 2, side_by_side)
        if len(pair) == 2:
            one_above_other = _filling(room, left)
            alone = [laid_out(start + n, 1, one_above_other)[0] for n in (0, 1)]
            if _smallest(alone) > _smallest(pair):
                return 1, one_above_other
        return 2, side_by_side

    start = 0
    count, box_height = plan(start)
    while start < len(shown):
        pair = laid_out(start, count, box_height)
        rows = _rows(pair)
        if on_new_page is not None and start:
            if sheet.page_room() < (rows + 1) * DEFAULT_ROW_HEIGHT + CAPTION_POINTS:
                sheet.break_page()
                on_new_page()
                count, box_height = plan(start)
                pair = laid_out(start, count, box_height)
                rows = _rows(pair)
        start += len(pair)
        sheet.add("", GAP_POINTS)
        top = sheet.row_count
        for _ in range(rows):
            sheet.add("")
        for photo, media_type, size, column, (width, height, turn) in pair:
            data = photo.data
            if width and height:
                data, media_type = for_print(data, media_type, (width, height), size, turn)
            sheet.pictures.append(Picture(top, column, *size, data, media_type))
        captions = [photo.caption for photo, *_ in pair]
        spans = (
            [sum(sheet.widths[:half]), sum(sheet.widths[half:])]
            if len(pair) > 1
            else [sum(sheet.widths)]
        )  # a caption saying whose photo it is as well takes two lines beside another
        tall = max(CAPTION_POINTS, row_height(captions, spans) or 0)
        row = sheet.add(cells([captions[0], *[""] * (half - 1), *captions[1:2]], Style.NOTE), tall)
        if len(pair) > 1:
            sheet.merge(row, 0, half - 1)
            sheet.merge(row, half, last)
        else:
            sheet.merge(row, 0, last)
    return len(shown)


def _rows(pictures: list[Placed]) -> int:
    """The sheet rows a row of pictures covers."""
    return math.ceil(max(size[1] for _, _, size, _, _ in pictures) / ROW_PIXELS)


def _smallest(pictures: list[Placed]) -> int:
    """The area of the smallest of `pictures` as shown."""
    return min(size[0] * size[1] for _, _, size, _, _ in pictures)


def _filling(room: float, rows: int) -> int:
    """The height (pixels) of up to two rows of pictures sharing `room` points of a page,
    each with its gap and caption; BOX_HEIGHT to MAX_BOX_HEIGHT."""
    rows = min(max(rows, 1), 2)  # (none: no photo a picture)
    points = room * PAGE_FILL / rows - GAP_POINTS - CAPTION_POINTS - DEFAULT_ROW_HEIGHT
    pixels = int(points * ROW_PIXELS / DEFAULT_ROW_HEIGHT)
    return max(BOX_HEIGHT, min(MAX_BOX_HEIGHT, pixels))
