"""collect on returns with photos, against the same returns without.

    pip install ".[bench]"
    python benchmarks/photos_bench.py --units 300 --rows 20

Generates (once, cached in benchmarks/.cache/) N returns of R rows as collect_bench
does, and copies of them with a photo in the 备注 cell of one row in ten, alternately
floating over the cell and placed in it as Excel 365 does (XlsxWriter's insert_image and
embed_image), every photo a different JPEG:

- "as Excel saves it": 800×600, about 105 KB (Excel and WPS compress a pasted photo
  to the size it is shown at, 220 ppi, unless told not to);
- "full size": 1600×1200, about 280 KB (a photo whose compression was turned off).

Times the collects in alternating turns, into a fresh folder each turn (so every
photo is written to the evidence folder each time, as on a first collect), and prints
the ratios (the aim: 1.3 or less) and the register's size with and without photos
(the photos stay in the evidence folder, so it should not grow).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from collect_bench import (  # noqa: E402
    CACHE,
    LAYOUT,
    Run,
    collect_args,
    dataset,
    show,
    timed_run,
    write_return,
)

from huitoukan.forms.layout import COLUMNS  # noqa: E402  (src/ on the path: collect_bench)

SIZES = {"no photos": (0, 0), "as Excel saves it": (800, 600), "full size": (1600, 1200)}
"""The photos' pixels (the returns without photos go through the same rewriting)."""


def photo(seed: int, size: tuple[int, int]) -> bytes:
    """A JPEG photo: smooth colour with detail, so it compresses like a real one."""
    from PIL import Image

    rng = random.Random(seed)
    small = Image.new("RGB", (80, 60))
    small.putdata(
        [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(4800)]
    )
    image = small.resize(size, Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def add_photos(path: Path, rows: int, seed: int, size: tuple[int, int]) -> None:
    """Rewrite `path` with the same rows and a photo of `size` in one row of ten (none
    when `size` is 0 × 0)."""
    import openpyxl
    import xlsxwriter

    values = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("自查整改清单")
    day = book.add_format({"num_format": 'yyyy"年"m"月"d"日"'})
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value is None:
                continue
            if hasattr(value, "year"):
                ws.write_datetime(r, c, value, day)
            else:
                ws.write(r, c, value)
    # in the 备注 cell of a row without remarks (write_return fills 备注 of one row in
    # five), as the 填报说明 asks: a photo placed over a filled cell would take its value
    # (a picture in the 检查时间 cell cost every return a warning that had nothing to do
    # with photos, and 300 more lines on the screen)
    remarks = next(c for c, column in enumerate(COLUMNS) if column.field == "remarks")
    for i in range(1, rows if size[0] else 0, 10):
        data = io.BytesIO(photo(seed * 1000 + i, size))
        options = {"image_data": data, "x_scale": 80 / size[0], "y_scale": 60 / size[1]}
        if (i // 10) % 2:
            ws.embed_image(5 + i, remarks, f"photo{i}.jpg", options)
        else:
            ws.insert_image(5 + i, remarks, f"photo{i}.jpg", options)
    book.close()


def photo_dataset(units: int, rows: int, size: tuple[int, int]) -> Path:
    folder = CACHE / f"units{units}-rows{rows}-layout{LAYOUT}-photos{size[0]}x{size[1]}-in-remarks"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        started = time.perf_counter()
        for n in range(1, units + 1):
            path = folder / f"单位{n:04d}.xlsx"
            write_return(path, f"单位{n:04d}", rows, n)
            add_photos(path, rows, n, size)
        done.touch()
        print(f"generated {units} returns with photos in {time.perf_counter() - started:.1f} s")
    return folder


def size_mb(path: Path) -> float:
    """Bytes on disk (a file hard-linked twice counted once)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    files = {
        (s.st_dev, s.st_ino): s.st_size for p in path.rglob("*") if p.is_file() for s in [p.stat()]
    }
    return sum(files.values()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _, campaign = dataset(args.units, args.rows)
    folders = {name: photo_dataset(args.units, args.rows, size) for name, size in SIZES.items()}
    print(f"returns: {args.units} x {args.rows} rows, a photo in one row of ten")
    for name, folder in folders.items():
        print(f"  {name:20} {size_mb(folder):6.0f} MB")
    runs: dict[str, list[Run]] = {}
    registers: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        for turn in range(args.repeat):  # alternating turns, the order reversed every other
            order = list(folders.items())
            for name, folder in order if turn % 2 == 0 else reversed(order):
                register = out / f"{turn}-{name}" / "全校隐患台账.xlsx"
                register.parent.mkdir()
                registers[name] = register
                command = collect_args(folder, campaign, register)
                runs.setdefault(f"first collect, {name}", []).append(timed_run(command, out))
                runs.setdefault(f"collect again, {name}", []).append(timed_run(command, out))
        medians = {
            name: (
                statistics.median(f[0] for f in figures),
                max(f[1] for f in figures),
                max(f[2] for f in figures),
            )
            for name, figures in runs.items()
        }
        show("collect (median of turns; the first into a new folder, then again)", medians)
        print()
        base_size = size_mb(registers["no photos"])
        for name in list(SIZES)[1:]:
            for kind in ("first collect", "collect again"):
                aimed = name == "as Excel saves it"  # (the aim: full size is shown)
                ratios(
                    f"{kind}, {name}", runs[f"{kind}, {name}"], runs[f"{kind}, no photos"], aimed
                )
            register = registers[name]
            print(
                f"    register {size_mb(register):.2f} MB ({size_mb(register) / base_size:.2f}x "
                f"the one without photos), evidence folder {size_mb(register.parent / '佐证材料'):.0f} MB"
            )


def ratios(label: str, photos: list[Run], plain: list[Run], aimed: bool) -> None:
    """The time with photos over the time without: of the medians, and turn by turn (the
    two runs of a turn ran side by side, so a slow spell of the machine slows both), by
    wall time and by the CPU time of the process and its workers. The aim is judged on the
    wall time's medians (what the clerk waits for; the CPU time is shown to see where the
    time goes: with the reading on both cores, it grows more than the wall time), of the
    photos as Excel saves them (`aimed`; full-size photos are shown beside)."""
    print(f"  {label}:")
    for kind, pick in (("wall", 0), ("CPU", 3)):
        ratio = statistics.median(r[pick] for r in photos) / statistics.median(
            r[pick] for r in plain
        )
        paired = sorted(a[pick] / b[pick] for a, b in zip(photos, plain, strict=True))
        met = "met" if ratio <= 1.3 else "NOT met"
        aim = f"aim: <= 1.3, {met}" if aimed and kind == "wall" else "shown"
        print(
            f"    {kind:4} {ratio:.2f}x the time without photos; turn by turn median "
            f"{statistics.median(paired):.2f}x, {paired[0]:.2f}-{paired[-1]:.2f}x ({aim})"
        )


if __name__ == "__main__":
    main()
