"""Print-quality checker for xlsx workbooks, as a reader of the printed A4 pages would see them.

    python scripts/printcheck.py FILE.xlsx [FILE.xlsx ...] [--json] [--keep DIR]

Every workbook is converted to PDF by LibreOffice (headless, a throw-away zh-CN profile that maps
the forms' fonts to Chinese fonts, as huitoukan's scripts/render_pages.py does). Each page is then
read twice with poppler:

* ``pdftotext -bbox-layout``: the words and lines with their boxes (what text is where);
* ``pdftocairo -svg``: every glyph's outline (so its *ink* box, not the font's line box), every
  clip rectangle that actually cuts something (cairo drops clips that cut nothing), and every
  non-text drawing (cell borders, chart shapes, images).

Defects found (``Defect.kind``):

* ``overlap``: the ink of two text lines from different lines/cells overlaps (text running
  over the next row or the header row, a page header printed over the table).
* ``text-over-border``: a cell border runs through the middle of a text line (a wrapped text
  taller than its row, a text wider than its column).
* ``cut-footer`` / ``cut-header``: the page footer (header) is clipped: LibreOffice draws it in
  a footer (header) area lower than the text, so the glyphs lose their bottom part.
* ``footer-tight`` / ``header-tight``: it prints whole, with less than 1pt to spare (a
  warning: LibreOffice sets the page number against the edge of its area by the font's own
  metrics, so with Excel's margins any size of footer ends 0.3-0.5pt from that edge; it is
  cut only when the area is smaller than the text, which ``cut-footer`` finds).
* ``clipped-text``: body glyphs cut by a clip (a row with a fixed height, the print range).
* ``hidden-text``: text in the PDF that a clip hides entirely (a merged cell split by a page
  break); inside a cut drawing it is folded into ``graphic-cut``.
* ``footer-off-page``, ``footer-near-edge``, ``header-near-edge``, ``missing-footer``,
  ``footer-overlaps-body``: where the footer is against the paper and the body.
* ``graphic-cut``: a drawing (chart) cut at the edge of the printable area; ``graphic-split``:
  cut at the bottom of page n and continued at the top of page n+1; ``chart-split``: a chart's
  title and its legend print on different pages; ``graphic-over-footer``: a drawing reaches
  into the footer band.
* ``broken-wrap``: a short label wrapped so that one character stands alone on the next line
  (整改完成情/况, 2023年12月20/日).
* ``number-overflow``: a number or date wider than its column, printed as ``###`` (LibreOffice)
  or ``#####`` (Excel) instead of its value.
* ``tight-fit`` (a warning): a one-line label that fills its cell to within 0.8 of a
  character: it fits in LibreOffice but Excel/WPS, with other fonts and width rounding, may
  wrap it.
* ``no-title``: a sheet's first page starts with a table header row: nothing on paper says what
  the table is. ``no-repeated-header``: a continuation page starts neither with the header
  row nor with a title of its own.

The API: :func:`check_workbook`, :func:`check_workbooks` (LibreOffice runs for many files at
once, one per core), :func:`check_pdf` (a PDF already made), :func:`render_to_pdf`. Results
are dataclasses: :class:`FileReport` > :class:`PageReport` > :class:`Defect` (with :class:`Box`
in PDF points, origin top-left, as pdftotext reports them); ``FileReport.errors`` leaves out
the warnings. The command exits with 1 when a page has a defect that is not a warning.

Needs LibreOffice (``soffice``), poppler-utils (``pdftotext``, ``pdftocairo``, ``pdfinfo``) and
the Chinese fonts of scripts/lo-profile.xcu; tests/interop/test_printcheck.py shows each
defect on a workbook made for it, tests/interop/test_printed_pages.py runs it on a campaign.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROFILE_XCU = HERE / "lo-profile.xcu"

#: points per inch
PT = 72.0
#: paper sizes (portrait, points) recognised in reports
PAPER_SIZES = {
    "A4": (595.3, 841.9),
    "A3": (841.9, 1190.6),
    "A5": (419.5, 595.3),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}
#: a footer or header closer than this to the paper edge falls into most printers' unprintable
#: margin (about 4.2 mm)
PRINTER_EDGE = 12.0

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

#: ink of two lines overlapping by more than this (points) is reported. Lines wrapped in one cell
#: keep ≥0.38pt apart in LibreOffice's output (measured on the register, UMing 7-8pt); rows of
#: text running into each other overlap by 0.37-0.76pt (本部门检查项目).
OVERLAP_MIN = 0.3

PAGE_NUMBER_RE = re.compile(
    r"(第\d+页)|(共\d+页)|(^-?\d+-?$)|(^page\d+(of\d+)?$)|(^\d+/\d+$)", re.IGNORECASE
)


# --------------------------------------------------------------------------------------------
# Geometry


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, origin at the page's top-left corner (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    def intersect(self, other: Box) -> Box | None:
        x0, y0 = max(self.x0, other.x0), max(self.y0, other.y0)
        x1, y1 = min(self.x1, other.x1), min(self.y1, other.y1)
        if x1 <= x0 or y1 <= y0:
            return None
        return Box(x0, y0, x1, y1)

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def inset(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 - dx, self.y1 - dy)

    def rounded(self) -> list[float]:
        return [round(self.x0, 1), round(self.y0, 1), round(self.x1, 1), round(self.y1, 1)]

    def __str__(self) -> str:
        return f"({self.x0:.1f},{self.y0:.1f})-({self.x1:.1f},{self.y1:.1f})"


def union_all(boxes: Iterable[Box]) -> Box | None:
    result: Box | None = None
    for box in boxes:
        result = box if result is None else result.union(box)
    return result


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mat_mul(m: Matrix, n: Matrix) -> Matrix:
    """The product m·n: n applied first, then m (a parent's CTM times a child's transform)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def mat_apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def mat_box(m: Matrix, box: Box) -> Box:
    pts = [mat_apply(m, x, y) for x in (box.x0, box.x1) for y in (box.y0, box.y1)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Box(min(xs), min(ys), max(xs), max(ys))


def mat_scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0


_TRANSFORM_RE = re.compile(r"(matrix|translate|scale|rotate)\s*\(([^)]*)\)")
_NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def parse_transform(text: str | None) -> Matrix:
    result = IDENTITY
    if not text:
        return result
    for name, args in _TRANSFORM_RE.findall(text):
        v = [float(n) for n in _NUMBER_RE.findall(args)]
        if name == "matrix" and len(v) == 6:
            m: Matrix = (v[0], v[1], v[2], v[3], v[4], v[5])
        elif name == "translate":
            m = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale":
            m = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif name == "rotate" and v:
            r = math.radians(v[0])
            m = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)
        else:
            continue
        result = mat_mul(result, m)
    return result


_ABSOLUTE_PATH = re.compile(r"[MLCQZ0-9eE.+\-\s,]*")


def path_box(d: str) -> Box | None:
    """Bounding box of an SVG path's points (control points included: a slight overestimate).

    cairo writes absolute M/L/C/Z only; H/V and relative commands are handled approximately.
    """
    if _ABSOLUTE_PATH.fullmatch(d):  # cairo's paths: every number a point's x or y, in turn
        nums = [float(n) for n in _NUMBER_RE.findall(d)]
        if len(nums) < 2:
            return None
        xs_, ys_ = nums[0::2], nums[1::2]
        return Box(min(xs_), min(ys_), max(xs_), max(ys_))
    xs: list[float] = []
    ys: list[float] = []
    cx = cy = 0.0
    for cmd, args in re.findall(r"([MLCQHVZAmlcqhvza])([^MLCQHVZAmlcqhvza]*)", d):
        nums = [float(n) for n in _NUMBER_RE.findall(args)]
        if cmd in "MLCQ":
            for i in range(0, len(nums) - 1, 2):
                cx, cy = nums[i], nums[i + 1]
                xs.append(cx)
                ys.append(cy)
        elif cmd in "mlcq":
            for i in range(0, len(nums) - 1, 2):
                xs.append(cx + nums[i])
                ys.append(cy + nums[i + 1])
            if len(nums) >= 2:
                cx, cy = xs[-1], ys[-1]
        elif cmd == "H" and nums:
            cx = nums[-1]
            xs.append(cx)
            ys.append(cy)
        elif cmd == "V" and nums:
            cy = nums[-1]
            xs.append(cx)
            ys.append(cy)
    if not xs:
        return None
    return Box(min(xs), min(ys), max(xs), max(ys))


# --------------------------------------------------------------------------------------------
# Results


#: kinds that print whole today and only warn of what another suite or font might do
WARNINGS = frozenset({"tight-fit", "footer-tight", "header-tight"})


@dataclass
class Defect:
    page: int
    kind: str
    message: str
    texts: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    sheet: str | None = None

    @property
    def warning(self) -> bool:
        return self.kind in WARNINGS

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "sheet": self.sheet,
            "kind": self.kind,
            "message": self.message,
            "texts": self.texts,
            "boxes": [b.rounded() for b in self.boxes],
        }


@dataclass
class PageReport:
    number: int
    width: float
    height: float
    paper: str
    orientation: str
    sheet: str | None = None
    first_line: str = ""
    last_lines: list[str] = field(default_factory=list)
    """The texts of the page's last two lines of body text (a heading left at its foot)."""
    footer: str | None = None
    header: str | None = None
    defects: list[Defect] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "defects"}
        d["defects"] = [x.to_dict() for x in self.defects]
        return d


@dataclass
class FileReport:
    path: Path
    pdf: Path | None
    pages: list[PageReport] = field(default_factory=list)
    sheets: dict[str, list[int]] = field(default_factory=dict)
    render_seconds: float = 0.0
    check_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def defects(self) -> list[Defect]:
        return [d for page in self.pages for d in page.defects]

    @property
    def errors(self) -> list[Defect]:
        """The defects that are not warnings: what a reader of the printed page sees wrong."""
        return [d for d in self.defects if not d.warning]

    @property
    def seconds(self) -> float:
        return self.render_seconds + self.check_seconds

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "pdf": str(self.pdf) if self.pdf else None,
            "sheets": self.sheets,
            "render_seconds": round(self.render_seconds, 2),
            "check_seconds": round(self.check_seconds, 2),
            "notes": self.notes,
            "pages": [p.to_dict() for p in self.pages],
        }


# --------------------------------------------------------------------------------------------
# What the workbook says (openpyxl): per sheet the header/footer texts, charts, cell texts


@dataclass
class ChartInfo:
    title: str
    series: list[str]


@dataclass
class SheetInfo:
    name: str
    visible: bool
    header: str | None = None  # regex of the header's rendered text (whitespace removed)
    footer: str | None = None
    header_text: str = ""
    footer_text: str = ""
    margins: dict[str, float] = field(default_factory=dict)
    print_title_rows: str | None = None
    charts: list[ChartInfo] = field(default_factory=list)
    cell_texts: set[str] = field(default_factory=set)


_HF_CODE_RE = re.compile(
    r'&"[^"]*"|&K[0-9A-Fa-f]{6}|&K\d{2}[-+]\d{3}|&\d+|&[BIUSEXYOH]|&&|&[PNDTFAZ]'
)


def header_footer_pattern(text: str) -> str | None:
    """A regex for the printed form of an Excel header/footer section (whitespace removed)."""
    if not text:
        return None
    parts: list[str] = []
    pos = 0
    for m in _HF_CODE_RE.finditer(text):
        parts.append(re.escape(re.sub(r"\s+", "", text[pos : m.start()])))
        code = m.group()
        if code == "&&":
            parts.append("&")
        elif code in ("&P", "&N"):
            parts.append(r"\d+")
        elif code in ("&D", "&T", "&F", "&A", "&Z"):
            parts.append(r".*?")
        pos = m.end()
    parts.append(re.escape(re.sub(r"\s+", "", text[pos:])))
    pattern = "".join(parts)
    return pattern or None


def _hf_sections(hf: Any) -> list[str]:
    texts = []
    for part in ("left", "center", "right"):
        section = getattr(hf, part, None)
        if section is not None and section.text:
            texts.append(str(section.text))
    return texts


def _chart_title(chart: Any) -> str:
    title = getattr(chart, "title", None)
    if title is None:
        return ""
    if isinstance(title, str):
        return title
    texts: list[str] = []
    rich = getattr(getattr(title, "tx", None), "rich", None)
    for para in getattr(rich, "p", None) or []:
        for run in getattr(para, "r", None) or []:
            texts.append(str(getattr(run, "t", "") or ""))
    return "".join(texts)


def read_sheet_infos(path: Path) -> list[SheetInfo]:
    """Header/footer, margins, charts and cell texts of every sheet (empty if unreadable)."""
    try:
        import openpyxl  # noqa: PLC0415 - optional: only used to label and refine results
    except ImportError:
        return []
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # noqa: BLE001 - .xls/.ods or a damaged file: checks still run without it
        return []
    infos: list[SheetInfo] = []
    for ws in wb.worksheets:
        info = SheetInfo(name=ws.title, visible=ws.sheet_state == "visible")
        headers = _hf_sections(ws.oddHeader)
        footers = _hf_sections(ws.oddFooter)
        info.header_text = " / ".join(headers)
        info.footer_text = " / ".join(footers)
        pats = [p for p in (header_footer_pattern(t) for t in headers) if p]
        info.header = "|".join(f"(?:{p})" for p in pats) or None
        pats = [p for p in (header_footer_pattern(t) for t in footers) if p]
        info.footer = "|".join(f"(?:{p})" for p in pats) or None
        m = ws.page_margins
        info.margins = {
            k: float(getattr(m, k)) for k in ("left", "right", "top", "bottom", "header", "footer")
        }
        info.print_title_rows = ws.print_title_rows
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    text = re.sub(r"\s+", "", str(cell.value))
                    if text:
                        info.cell_texts.add(text)
        for chart in getattr(ws, "_charts", []):
            series: list[str] = []
            for s in getattr(chart, "series", []) or []:
                name = _series_name(wb, s)
                if name:
                    series.append(name)
            info.charts.append(ChartInfo(title=_chart_title(chart), series=series))
        infos.append(info)
    return infos


def _series_name(wb: Any, series: Any) -> str:
    tx = getattr(series, "tx", None)
    if tx is None:
        return ""
    if getattr(tx, "v", None):
        return str(tx.v)
    ref = getattr(getattr(tx, "strRef", None), "f", None)
    if not ref:
        return ""
    m = re.match(r"^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$", str(ref))
    if not m or m.group(1) not in wb.sheetnames:
        return ""
    value = wb[m.group(1)][f"{m.group(2)}{m.group(3)}"].value
    return "" if value is None else str(value)


# --------------------------------------------------------------------------------------------
# Rendering with LibreOffice


def prepare_profile(profile: Path, xcu: Path | None = None) -> None:
    """A throw-away LibreOffice profile: zh-CN, the forms' fonts mapped to Chinese fonts."""
    (profile / "user").mkdir(parents=True, exist_ok=True)
    source = xcu or PROFILE_XCU
    if source.exists():
        shutil.copyfile(source, profile / "user" / "registrymodifications.xcu")


def render_to_pdf(
    files: Sequence[Path],
    out_dir: Path,
    *,
    xcu: Path | None = None,
    timeout: int = 600,
    jobs: int | None = None,
) -> list[Path | None]:
    """Convert workbooks to PDF with headless LibreOffice; None where no PDF came out.

    The files are shared out between `jobs` LibreOffice runs at once (one per core by
    default, each with its own throw-away profile). The PDF of ``a/b.xlsx`` is
    ``out_dir/b.pdf``: give files distinct stems.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("soffice not found: apt-get install libreoffice-calc")
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))

    def convert(part: Sequence[Path]) -> None:
        with tempfile.TemporaryDirectory(prefix="printcheck-lo-") as profile:
            prepare_profile(Path(profile), xcu)
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out_dir),
                    *map(str, part),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for done in [pool.submit(convert, files[k::jobs]) for k in range(jobs)]:
            done.result()
    pdfs: list[Path | None] = []
    for file in files:
        pdf = out_dir / f"{file.stem}.pdf"
        pdfs.append(pdf if pdf.exists() else None)
    return pdfs


def one_sheet_variant(src: Path, dst: Path, keep: int) -> bool:
    """Copy an xlsx with every sheet but the ``keep``-th (0-based) hidden; False if not xlsx.

    LibreOffice prints no page for a hidden sheet, so the variant's page count is the sheet's.
    Only workbook.xml changes: charts, images and styles stay as they are.
    """
    try:
        with zipfile.ZipFile(src) as zin:
            names = zin.namelist()
            if "xl/workbook.xml" not in names:
                return False
            xml = zin.read("xl/workbook.xml").decode("utf-8")
            index = -1

            def retag(m: re.Match[str]) -> str:
                nonlocal index
                index += 1
                tag = re.sub(r'\sstate="[^"]*"', "", m.group(1))
                if index == keep:
                    return tag + m.group(2)
                return f'{tag} state="hidden"{m.group(2)}'

            xml = re.sub(r"(<(?:\w+:)?sheet\s[^>]*?)(\s*/>)", retag, xml)

            def drop_print_names(m: re.Match[str]) -> str:
                # LibreOffice prints a hidden sheet's print range: drop the other sheets' ones
                return m.group() if m.group(1) == str(keep) else ""

            xml = re.sub(
                r'<(?:\w+:)?definedName\s[^>]*?name="_xlnm\.Print_(?:Area|Titles)"'
                r'[^>]*?localSheetId="(\d+)"[^>]*>.*?</(?:\w+:)?definedName>',
                drop_print_names,
                xml,
                flags=re.S,
            )
            xml = re.sub(
                r'<(?:\w+:)?definedName\s[^>]*?localSheetId="(\d+)"[^>]*?'
                r'name="_xlnm\.Print_(?:Area|Titles)"[^>]*>.*?</(?:\w+:)?definedName>',
                drop_print_names,
                xml,
                flags=re.S,
            )
            # the active sheet is shown (and printed) even when hidden: make the kept one active
            xml = re.sub(r'\s(?:activeTab|firstSheet)="\d+"', "", xml)
            xml = re.sub(
                r"<((?:\w+:)?workbookView)\b", rf'<\1 activeTab="{keep}" firstSheet="{keep}"', xml
            )
            # LibreOffice also prints a hidden sheet's charts and pictures: drop its drawing links
            rels = zin.read("xl/_rels/workbook.xml.rels").decode("utf-8")
            targets = {
                m.group(1): m.group(2)
                for m in re.finditer(
                    r'<Relationship\s[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels
                )
            }
            targets.update(
                {
                    m.group(2): m.group(1)
                    for m in re.finditer(
                        r'<Relationship\s[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels
                    )
                }
            )
            sheet_ids = re.findall(r'<(?:\w+:)?sheet\s[^>]*?r:id="([^"]+)"', xml)
            strip: set[str] = set()
            for k, rid in enumerate(sheet_ids):
                if k != keep and rid in targets:
                    target = targets[rid].lstrip("/")
                    strip.add(target if target.startswith("xl/") else f"xl/{target}")
            with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == "xl/workbook.xml":
                        data = xml.encode("utf-8")
                    elif item.filename in strip:
                        data = re.sub(
                            rb"<(?:\w+:)?(?:drawing|legacyDrawing|picture)\s[^>]*/>", b"", data
                        )
                    zout.writestr(item, data)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return False
    return True


def pdf_page_count(pdf: Path | None) -> int:
    if pdf is None or not pdf.exists():
        return 0
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    m = re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE)
    return int(m.group(1)) if m else 0


# --------------------------------------------------------------------------------------------
# Reading a page: pdftotext words/lines, cairo SVG glyphs/clips/drawings


@dataclass
class Glyph:
    ink: Box
    origin: tuple[float, float]
    clip: Box | None

    @property
    def visible(self) -> Box | None:
        if self.ink.area <= 0:
            return None
        return self.ink if self.clip is None else self.ink.intersect(self.clip)

    @property
    def blank(self) -> bool:
        """A glyph without outline (a space); it only shows that the text was drawn."""
        return self.ink.area <= 0


@dataclass
class Graphic:
    box: Box
    clip: Box | None
    kind: str  # "hline", "vline", "rect", "path", "image"
    stroked: bool = False
    filled: bool = False

    @property
    def visible(self) -> Box | None:
        return self.box if self.clip is None else self.box.intersect(self.clip)


@dataclass
class Word:
    text: str
    box: Box
    line: int
    glyphs: list[Glyph] = field(default_factory=list)
    #: True when the PDF has the text but nothing of it is drawn (cut away by a clip)
    hidden: bool = False

    @cached_property
    def ink(self) -> Box:
        """The glyphs' visible ink; without glyphs the line box less the font's leading (read
        once the page's glyphs are attached, see `attach_glyphs`)."""
        visible = [g.visible for g in self.glyphs]
        box = union_all(v for v in visible if v is not None)
        if box is not None:
            return box
        return self.box.inset(0, self.box.height * 0.15)


@dataclass
class Line:
    index: int
    block: int
    text: str
    box: Box
    words: list[Word] = field(default_factory=list)
    zone: str = "body"  # "body", "header", "footer"

    @cached_property
    def shown(self) -> list[Word]:
        return [w for w in self.words if not w.hidden]

    @property
    def hidden(self) -> bool:
        return all(w.hidden for w in self.words)

    @cached_property
    def ink(self) -> Box:
        return union_all(w.ink for w in self.shown) or self.box

    @cached_property
    def glyph_height(self) -> float:
        heights = [g.ink.height for w in self.shown for g in w.glyphs if g.ink.height > 0]
        return statistics.median(heights) if heights else self.box.height * 0.7


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    glyphs: list[Glyph] = field(default_factory=list)
    graphics: list[Graphic] = field(default_factory=list)

    @property
    def words(self) -> Iterator[Word]:
        for line in self.lines:
            yield from line.words


def read_text_pages(pdf: Path) -> list[Page]:
    """Pages, lines and words from ``pdftotext -bbox-layout``."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = ET.fromstring(out)
    pages: list[Page] = []
    for n, page_el in enumerate(root.iter(f"{XHTML}page"), start=1):
        page = Page(n, float(page_el.get("width", 0)), float(page_el.get("height", 0)))
        block_no = 0
        for block_el in page_el.iter(f"{XHTML}block"):
            block_no += 1
            for line_el in block_el.iter(f"{XHTML}line"):
                index = len(page.lines)
                words = [Word(w.text or "", _box(w), index) for w in line_el.iter(f"{XHTML}word")]
                words = [w for w in words if w.text.strip()]
                if not words:
                    continue
                text = "".join(_join_words(words))
                page.lines.append(Line(index, block_no, text, _box(line_el), words))
        pages.append(page)
    return pages


def _box(el: ET.Element) -> Box:
    return Box(
        float(el.get("xMin", 0)),
        float(el.get("yMin", 0)),
        float(el.get("xMax", 0)),
        float(el.get("yMax", 0)),
    )


def _join_words(words: list[Word]) -> Iterator[str]:
    for i, word in enumerate(words):
        if i and (word.box.x0 - words[i - 1].box.x1) > 0.25 * word.box.height:
            yield " "
        yield word.text


def read_svg_page(pdf: Path, number: int, workdir: Path) -> tuple[list[Glyph], list[Graphic]]:
    """Glyph ink boxes and drawings of one page, each with the clip rectangle that cuts it."""
    svg = workdir / f"page-{number}.svg"
    subprocess.run(
        ["pdftocairo", "-svg", "-f", str(number), "-l", str(number), str(pdf), str(svg)],
        check=True,
        capture_output=True,
    )
    try:
        root = ET.parse(svg).getroot()
    finally:
        svg.unlink(missing_ok=True)
    symbols: dict[str, Box | None] = {}
    images: dict[str, Box] = {}
    clips_el: dict[str, ET.Element] = {}
    for el in root.iter():
        el_id = el.get("id")
        if not el_id:
            continue
        if el.tag == f"{SVG}symbol":
            boxes = [path_box(p.get("d", "")) for p in el.iter(f"{SVG}path")]
            symbols[el_id] = union_all(b for b in boxes if b is not None)
        elif el.tag == f"{SVG}clipPath":
            clips_el[el_id] = el
        elif el.tag == f"{SVG}image":
            images[el_id] = Box(0, 0, float(el.get("width", 0)), float(el.get("height", 0)))
    glyphs: list[Glyph] = []
    graphics: list[Graphic] = []
    clip_cache: dict[tuple[str, Matrix], Box | None] = {}

    def clip_box(ref: str, ctm: Matrix) -> Box | None:
        key = (ref, ctm)
        if key not in clip_cache:
            el = clips_el.get(ref)
            box = None
            if el is not None:
                parts = []
                for child in el:
                    m = mat_mul(ctm, parse_transform(child.get("transform")))
                    if child.tag == f"{SVG}path":
                        b = path_box(child.get("d", ""))
                    elif child.tag == f"{SVG}rect":
                        x, y = float(child.get("x", 0)), float(child.get("y", 0))
                        b = Box(
                            x,
                            y,
                            x + float(child.get("width", 0)),
                            y + float(child.get("height", 0)),
                        )
                    else:
                        b = None
                    if b is not None:
                        parts.append(mat_box(m, b))
                box = union_all(parts)
                inner = el.get("clip-path")
                if box is not None and inner:
                    other = clip_box(inner[5:-1], ctm)
                    box = box.intersect(other) if other is not None else box
            clip_cache[key] = box
        return clip_cache[key]

    def walk(el: ET.Element, ctm: Matrix, clip: Box | None) -> None:
        tag = el.tag
        if tag in (f"{SVG}defs", f"{SVG}clipPath", f"{SVG}symbol", f"{SVG}mask", f"{SVG}pattern"):
            return
        ctm = mat_mul(ctm, parse_transform(el.get("transform")))
        ref = el.get("clip-path")
        if ref and ref.startswith("url(#"):
            own = clip_box(ref[5:-1], ctm)
            if own is not None:
                clip = own if clip is None else (clip.intersect(own) or Box(0, 0, 0, 0))
        if tag == f"{SVG}use":
            href = (el.get(XLINK_HREF) or el.get("href") or "").lstrip("#")
            x, y = float(el.get("x", 0)), float(el.get("y", 0))
            m = mat_mul(ctm, (1.0, 0.0, 0.0, 1.0, x, y))
            if href in symbols:
                ink = symbols[href]
                ox, oy = mat_apply(m, 0, 0)
                box = mat_box(m, ink) if ink is not None else Box(ox, oy, ox, oy)
                glyphs.append(Glyph(box, (ox, oy), clip))
            elif href in images:
                graphics.append(Graphic(mat_box(m, images[href]), clip, "image", filled=True))
        elif tag == f"{SVG}path":
            outline = path_box(el.get("d", ""))
            if outline is not None:
                style = el.get("style", "")
                stroked = "stroke:none" not in style and "stroke:" in style
                filled = "fill:none" not in style
                width = 0.0
                found = re.search(r"stroke-width:([\d.]+)", style)
                if stroked and found:
                    width = float(found.group(1)) / 2
                o = outline
                box = mat_box(ctm, Box(o.x0 - width, o.y0 - width, o.x1 + width, o.y1 + width))
                kind = "path"
                d = el.get("d", "")
                straight = "C" not in d and "Q" not in d and d.count("M") == 1
                white = re.search(r"stroke:rgb\(100%,100%,100%\)", style) is not None
                if stroked and not filled and straight and not white:
                    if box.height <= 2.5 and box.width > 3:
                        kind = "hline"
                    elif box.width <= 2.5 and box.height > 3:
                        kind = "vline"
                elif filled and straight and d.count("L") <= 4:
                    kind = "rect"
                graphics.append(Graphic(box, clip, kind, stroked, filled))
        elif tag == f"{SVG}image":
            x, y = float(el.get("x", 0)), float(el.get("y", 0))
            b = Box(x, y, x + float(el.get("width", 0)), y + float(el.get("height", 0)))
            graphics.append(Graphic(mat_box(ctm, b), clip, "image", filled=True))
        for child in el:
            walk(child, ctm, clip)

    walk(root, IDENTITY, None)
    return glyphs, graphics


def attach_glyphs(page: Page) -> None:
    """Give every word the glyphs whose origin (pen position on the baseline) lies in its box."""
    buckets: dict[int, list[Word]] = {}
    for word in page.words:
        for k in range(int(word.box.y0 // 10), int(word.box.y1 // 10) + 1):
            buckets.setdefault(k, []).append(word)
    for glyph in page.glyphs:
        gx, gy = glyph.origin
        ink_cx = glyph.ink.cx if not glyph.blank else gx
        best: Word | None = None
        best_d = 1e9
        for word in buckets.get(int(gy // 10), []):
            b = word.box
            if not (b.y0 - 0.5 <= gy <= b.y1 + 0.5 and b.x0 - 1.0 <= ink_cx <= b.x1 + 1.0):
                continue
            # prefer the word whose baseline zone (lower part of its box) holds the origin
            d = abs(gy - (b.y0 + 0.78 * b.height)) + (0 if b.x0 - 0.5 <= gx <= b.x1 else 2)
            if d < best_d:
                best, best_d = word, d
        if best is not None:
            best.glyphs.append(glyph)
    if page.glyphs:
        # text drawn as outlines (fake bold, some fonts) has no glyphs but a filled path
        shapes = [g.visible for g in page.graphics if g.kind == "path" and g.visible is not None]
        for word in page.words:
            # cairo leaves out what a clip hides entirely: text in the PDF that never prints
            if word.glyphs:
                word.hidden = all(g.visible is None for g in word.glyphs if not g.blank) and any(
                    not g.blank for g in word.glyphs
                )
            else:
                core = word.box.inset(word.box.width * 0.2, word.box.height * 0.3)
                word.hidden = not any(v.intersect(core) for v in shapes)


def read_pages(pdf: Path, workdir: Path | None = None) -> list[Page]:
    pages = read_text_pages(pdf)
    with tempfile.TemporaryDirectory(prefix="printcheck-svg-") as tmp:
        for page in pages:
            page.glyphs, page.graphics = read_svg_page(pdf, page.number, workdir or Path(tmp))
            attach_glyphs(page)
    return pages


# --------------------------------------------------------------------------------------------
# Checks


def paper_name(width: float, height: float) -> tuple[str, str]:
    orientation = "landscape" if width > height else "portrait"
    short, long_ = sorted((width, height))
    for name, (w, h) in PAPER_SIZES.items():
        if abs(short - w) < 3 and abs(long_ - h) < 3:
            return name, orientation
    return f"{width / PT * 25.4:.0f}x{height / PT * 25.4:.0f}mm", orientation


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def classify_zones(page: Page, sheet: SheetInfo | None) -> tuple[Line | None, Line | None]:
    """Mark the page-header and page-footer lines; return the (header, footer) lines.

    With the sheet's own header/footer texts (from the xlsx) those are looked for; without them
    a page-number line ("第 1 页，共 3 页", "1/3", "Page 1", "- 1 -") low or high on the page.
    """
    footer_re = re.compile(sheet.footer) if sheet and sheet.footer else None
    header_re = re.compile(sheet.header) if sheet and sheet.header else None
    footer: Line | None = None
    header: Line | None = None
    lowest = max((ln.box.y1 for ln in page.lines), default=0.0)
    highest = min((ln.box.y0 for ln in page.lines), default=0.0)
    for line in page.lines:
        text = _norm(line.text)
        low = line.box.y0 > page.height * 0.8
        high = line.box.y1 < page.height * 0.2
        is_footer = is_header = False
        if footer_re is not None:
            is_footer = low and footer_re.fullmatch(text) is not None
        elif low and PAGE_NUMBER_RE.search(text):
            # a bare number only when it is the lowest text of the page (not a chart label)
            is_footer = not text.isdigit() or line.box.y1 >= lowest - 0.5
        if header_re is not None:
            is_header = high and header_re.fullmatch(text) is not None
        elif high and PAGE_NUMBER_RE.search(text) and not is_footer:
            is_header = not text.isdigit() or line.box.y0 <= highest + 0.5
        if is_footer:
            line.zone = "footer"
            if footer is None or line.box.y0 > footer.box.y0:
                footer = line
        elif is_header:
            line.zone = "header"
            if header is None or line.box.y0 < header.box.y0:
                header = line
    return header, footer


def _glyph_cuts(glyph: Glyph, paper: Box) -> dict[str, float]:
    """How far (points) a glyph's ink reaches past its clip (and the paper) on each side."""
    ink = glyph.ink
    clip = glyph.clip.intersect(paper) if glyph.clip is not None else paper
    clip = clip or Box(ink.x0, ink.y0, ink.x0, ink.y0)
    return {
        "bottom": ink.y1 - clip.y1,
        "top": clip.y0 - ink.y0,
        "right": ink.x1 - clip.x1,
        "left": clip.x0 - ink.x0,
    }


def check_clipped_text(page: Page, sheet: str | None) -> list[Defect]:
    """Words whose glyphs are cut by a clip rectangle or the paper edge, or not drawn at all."""
    paper = Box(0, 0, page.width, page.height)
    defects: list[Defect] = []
    by_line: dict[int, list[tuple[Word, float, str]]] = {}
    for word in page.words:
        if word.hidden:
            by_line.setdefault(word.line, []).append((word, 1.0, "all"))
            continue
        worst = 0.0
        side = ""
        for glyph in word.glyphs:
            ink = glyph.ink
            if glyph.blank:
                continue
            for where, amount in _glyph_cuts(glyph, paper).items():
                size = ink.height if where in ("top", "bottom") else ink.width
                frac = min(1.0, amount / size) if size else 0.0
                if amount > max(0.6, 0.12 * size) and frac > worst:
                    worst, side = frac, where
        if worst > 0:
            by_line.setdefault(word.line, []).append((word, worst, side))
    for index, items in by_line.items():
        line = page.lines[index]
        glyphs = [g for w, _, _ in items for g in w.glyphs if not g.blank]
        total = sum(g.ink.area for g in glyphs)
        shown = sum((g.visible.area if g.visible else 0.0) for g in glyphs)
        hidden = 1.0 - shown / total if total > 0 else 1.0
        sides = sorted({side for _, _, side in items})
        clips = union_all(g.clip for g in glyphs if g.clip is not None)
        texts = " ".join(w.text for w, _, _ in items)
        if line.zone in ("footer", "header"):
            kind = f"cut-{line.zone}"
            what = f"page {line.zone} '{line.text}'"
        elif all(w.hidden for w, _, _ in items) and len(items) == len(line.words):
            kind, what = "hidden-text", f"text '{_short(line.text, 60)}'"
        else:
            kind, what = "clipped-text", f"text '{_short(texts, 60)}'"
        under = ""
        if line.zone in ("footer", "header"):
            full = union_all(g.ink for g in glyphs)
            others = [
                ln
                for ln in page.lines
                if ln.zone == "body"
                and not ln.hidden
                and full is not None
                and ln.ink.intersect(full) is not None
            ]
            if others:
                under = f"; uncut it would overlap '{_short(others[0].text, 30)}'"
        if sides == ["all"]:
            msg = f"{what} is in the PDF but not printed: a clip (page break, cell) hides it all"
        else:
            n = sum(1 for w, f, _ in items for g in w.glyphs if not g.blank)
            msg = (
                f"{what} is cut at the {'/'.join(s for s in sides if s != 'all')}: {n} "
                f"glyph(s), {hidden:.0%} of their ink hidden, visible area "
                f"{clips or 'outside the paper'}{under}"
            )
        defects.append(
            Defect(
                page.number, kind, msg, [line.text], [line.box] + ([clips] if clips else []), sheet
            )
        )
    return defects


def check_overlaps(page: Page, sheet: str | None) -> list[Defect]:
    """Ink of words from different lines overlapping (and same-line words printed on each other)."""
    words = [w for w in page.words if not w.hidden and w.ink.area > 0]
    words.sort(key=lambda w: w.ink.y0)
    pairs: dict[tuple[int, int], list[Box]] = {}
    for i, a in enumerate(words):
        ia = a.ink
        for b in words[i + 1 :]:
            ib = b.ink
            if ib.y0 >= ia.y1:
                break
            inter = ia.intersect(ib)
            if inter is None:
                continue
            if a.line == b.line:
                if inter.width < 0.3 * min(ia.width, ib.width) or inter.width < 1.0:
                    continue
            elif inter.width < 2.0 or inter.height < OVERLAP_MIN:
                continue
            key = (min(a.line, b.line), max(a.line, b.line))
            pairs.setdefault(key, []).append(inter)
    # Text set on (nearly) the same baseline as other text: the glyphs of the two are mixed up
    # when attached to words (see attach_glyphs), so compare the font boxes pdftotext gives:
    # lines wrapped in one cell overlap by a fifth of their height at most.
    boxes = sorted((w for w in page.words if not w.hidden), key=lambda w: w.box.y0)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b.box.y0 >= a.box.y1:
                break
            inter = a.box.intersect(b.box)
            if (
                a.line != b.line
                and inter is not None
                and inter.width > 2.0
                and inter.height > 0.5 * min(a.box.height, b.box.height)
            ):
                key = (min(a.line, b.line), max(a.line, b.line))
                pairs.setdefault(key, []).append(inter)
    defects: list[Defect] = []
    for (la, lb), boxes_ in sorted(pairs.items()):
        first, second = page.lines[la], page.lines[lb]
        where = union_all(boxes_) or first.box
        zones = {first.zone, second.zone} - {"body"}
        what = "text overlaps text"
        if zones:
            what = f"page {'/'.join(sorted(zones))} overlaps body text"
        msg = (
            f"{what}: '{_short(first.text)}' and '{_short(second.text)}' overlap by "
            f"{where.height:.1f}pt at {where}"
        )
        defects.append(
            Defect(
                page.number,
                "overlap",
                msg,
                [first.text, second.text],
                [first.ink, second.ink, where],
                sheet,
            )
        )
    return defects


def check_text_over_borders(page: Page, sheet: str | None) -> list[Defect]:
    """A cell border drawn through the middle of a text line: text outgrew its cell."""
    hlines = [g.visible for g in page.graphics if g.kind == "hline" and g.visible is not None]
    vlines = [g.visible for g in page.graphics if g.kind == "vline" and g.visible is not None]
    per_line: dict[int, list[Box]] = {}
    for word in page.words:
        if word.hidden or not word.glyphs:
            continue
        ink = word.ink
        inner = ink.inset(min(1.5, ink.width * 0.2), max(0.25 * ink.height, 0.8))
        if inner.height > 0 and inner.width > 0:
            for v in hlines:
                y = v.cy
                if inner.y0 < y < inner.y1 and min(v.x1, inner.x1) - max(v.x0, inner.x0) > 2.0:
                    per_line.setdefault(word.line, []).append(
                        Box(max(v.x0, ink.x0), y, min(v.x1, ink.x1), y)
                    )
        inner = ink.inset(max(0.25 * min(ink.width, ink.height), 0.8), min(1.5, ink.height * 0.2))
        if inner.height > 0 and inner.width > 0:
            for v in vlines:
                x = v.cx
                if inner.x0 < x < inner.x1 and min(v.y1, inner.y1) - max(v.y0, inner.y0) > 2.0:
                    per_line.setdefault(word.line, []).append(
                        Box(x, max(v.y0, ink.y0), x, min(v.y1, ink.y1))
                    )
    defects = []
    for index, crossings in sorted(per_line.items()):
        line = page.lines[index]
        direction = "horizontal" if crossings[0].height == 0 else "vertical"
        msg = (
            f"a {direction} cell border runs through the text '{_short(line.text)}' "
            f"at {crossings[0]}: the text does not fit its cell"
        )
        defects.append(
            Defect(
                page.number, "text-over-border", msg, [line.text], [line.ink, *crossings[:4]], sheet
            )
        )
    return defects


#: a footer whose ink ends closer than this (points) to the edge of its clip is reported as tight
TIGHT_FOOTER = 1.0


def check_footer(
    page: Page, header: Line | None, footer: Line | None, sheet: SheetInfo | None
) -> list[Defect]:
    name = sheet.name if sheet else None
    defects: list[Defect] = []
    if footer is None:
        if sheet is not None and sheet.footer:
            defects.append(
                Defect(
                    page.number,
                    "missing-footer",
                    f"no page footer matching '{sheet.footer_text}' on the page",
                    [sheet.footer_text],
                    [],
                    name,
                )
            )
    else:
        box = footer.box
        if box.y1 > page.height + 0.5 or box.y0 < 0:
            defects.append(
                Defect(
                    page.number,
                    "footer-off-page",
                    f"footer '{footer.text}' {box} extends past the paper "
                    f"(height {page.height:.1f})",
                    [footer.text],
                    [box],
                    name,
                )
            )
        elif box.y1 > page.height - PRINTER_EDGE:
            defects.append(
                Defect(
                    page.number,
                    "footer-near-edge",
                    f"footer '{footer.text}' ends {page.height - box.y1:.1f}pt from "
                    "the paper edge: most printers cannot print there",
                    [footer.text],
                    [box],
                    name,
                )
            )
        body = [ln.ink for ln in page.lines if ln.zone == "body" and not ln.hidden]
        below = [
            b
            for b in body
            if b.y1 > footer.ink.y0 - 0.5 and min(b.x1, page.width) - max(b.x0, 0) > 0
        ]
        if below:
            lowest = max(below, key=lambda b: b.y1)
            defects.append(
                Defect(
                    page.number,
                    "footer-overlaps-body",
                    f"body text reaches y={lowest.y1:.1f}, below the footer's top "
                    f"y={footer.ink.y0:.1f}",
                    [footer.text],
                    [footer.box, lowest],
                    name,
                )
            )
        defects += _tight(page, footer, "bottom", name)
    if header is not None:
        if header.box.y0 < PRINTER_EDGE:
            defects.append(
                Defect(
                    page.number,
                    "header-near-edge",
                    f"header '{header.text}' starts {header.box.y0:.1f}pt from the "
                    "paper edge: most printers cannot print there",
                    [header.text],
                    [header.box],
                    name,
                )
            )
        defects += _tight(page, header, "top", name)
    return defects


def _tight(page: Page, line: Line, side: str, sheet: str | None) -> list[Defect]:
    """A header/footer that prints whole, but with its ink within TIGHT_FOOTER of its clip.

    cairo keeps a clip only where it touches the drawing, and rounds the drawing's extents to
    whole points: a clip edge at a fractional position is LibreOffice's header/footer area.
    """
    paper = Box(0, 0, page.width, page.height)
    spare: float | None = None
    clip_edge = 0.0
    for word in line.words:
        for g in word.glyphs:
            if g.blank or g.clip is None:
                continue
            edge = g.clip.y1 if side == "bottom" else g.clip.y0
            if abs(edge - round(edge)) < 0.01:
                continue
            room = -_glyph_cuts(g, paper)[side]
            if room >= 0 and (spare is None or room < spare):
                spare, clip_edge = room, edge
    if spare is None or spare >= TIGHT_FOOTER:
        return []
    zone = "footer" if side == "bottom" else "header"
    msg = (
        f"page {zone} '{line.text}' prints whole but its ink ends {spare:.2f}pt from the "
        f"edge of LibreOffice's {zone} area (y={clip_edge:.1f}): a font with a deeper "
        f"descender or a slightly larger size will be cut"
    )
    return [Defect(page.number, f"{zone}-tight", msg, [line.text], [line.ink], sheet)]


def check_graphics(page: Page, footer: Line | None, sheet: str | None) -> list[Defect]:
    """Drawings cut by a clip (a chart continuing on another page) or reaching the footer."""
    defects: list[Defect] = []
    cut: dict[Box, list[Graphic]] = {}
    for g in page.graphics:
        if g.clip is None or g.box.area <= 0:
            continue
        v = g.visible
        lost = (g.box.height - (v.height if v else 0)) + (g.box.width - (v.width if v else 0))
        if lost > 2.0:
            cut.setdefault(g.clip, []).append(g)
    # one defect per side of the page: a chart is many drawing elements, each clipped
    by_side: dict[str, list[tuple[Box, Graphic]]] = {}
    for clip, items in cut.items():
        for g in items:
            for side, outside in (
                ("bottom", g.box.y1 - clip.y1),
                ("top", clip.y0 - g.box.y0),
                ("right", g.box.x1 - clip.x1),
                ("left", clip.x0 - g.box.x0),
            ):
                if outside > 2:
                    by_side.setdefault(side, []).append((clip, g))
                    break
    for side, pairs in by_side.items():
        clip_box = union_all(c for c, _ in pairs)
        drawn = union_all(g.box for _, g in pairs)
        assert clip_box is not None and drawn is not None
        edge = {
            "bottom": clip_box.y1,
            "top": clip_box.y0,
            "right": clip_box.x1,
            "left": clip_box.x0,
        }[side]
        hidden = [ln.text for ln in page.lines if ln.hidden and ln.box.intersect(drawn)]
        msg = (
            f"a drawing (chart?) of {len(pairs)} element(s) is cut at the {side} of the "
            f"printable area ({'y' if side in ('top', 'bottom') else 'x'}={edge:.1f}) and "
            f"continues beyond this page; drawn {drawn}"
            + (f"; its texts {', '.join(hidden[:8])} are not printed here" if hidden else "")
        )
        defects.append(Defect(page.number, "graphic-cut", msg, hidden, [clip_box, drawn], sheet))
    if footer is not None:
        band = Box(0, footer.ink.y0 - 1.0, page.width, page.height)
        hits = [
            g.visible
            for g in page.graphics
            if g.visible is not None
            and g.visible.intersect(band) is not None
            and g.visible.area > 0
        ]
        reach = union_all(h for h in hits if h is not None)
        if reach is not None:
            msg = f"drawings reach into the footer band below y={band.y0:.1f}: {reach}"
            defects.append(
                Defect(
                    page.number,
                    "graphic-over-footer",
                    msg,
                    [footer.text],
                    [reach, footer.box],
                    sheet,
                )
            )
    return defects


_CJK = re.compile(r"[\u3400-\u9fff]")
_PUNCT = "。，、；：！？）」』】”’.,;:!?)"

#: a wrapped cell text is "broken" when its last line is a single character and the text is a
#: label (at most this many characters): 整改完成情/况, 2023年12月20/日, 高级技工学/校
BROKEN_WRAP_MAX = 12


def check_broken_wraps(page: Page, sheet: SheetInfo | None) -> list[Defect]:
    """One character wrapped alone under a short label in the same cell (整改完成情/况).

    Works on words: pdftotext joins the first lines of neighbouring header cells that share a
    baseline into one line ("安全保卫 总务基建 学生工作"), but keeps them separate words.
    """
    defects: list[Defect] = []
    body = [ln for ln in page.lines if ln.zone == "body" and not ln.hidden]
    words = [(w, ln) for ln in body for w in ln.shown if w.glyphs]

    def height(word: Word) -> float:
        heights = [g.ink.height for g in word.glyphs if not g.blank]
        return statistics.median(heights) if heights else word.box.height * 0.7

    for tail, tail_line in words:
        tail_text = _norm(tail.text).rstrip(_PUNCT)
        if len(tail_text) != 1 or len(tail_line.shown) != 1:
            continue
        # the character's own height (a full stop after it is lower)
        th = max((g.ink.height for g in tail.glyphs if not g.blank), default=height(tail))
        ti = tail.ink
        for head, head_line in words:
            if head is tail:
                continue
            head_text = _norm(head.text)
            if not 2 <= len(head_text) <= BROKEN_WRAP_MAX:
                continue
            hi = head.ink
            gap = ti.y0 - hi.y1
            pitch = ti.y0 - hi.y0
            if not (-0.5 < gap < 0.6 * th and 0 < pitch < 2.0 * th):
                continue
            if abs(height(head) - th) > 0.35 * th:
                continue
            # the tail lies under the head: centred under it or starting where it starts
            if not (hi.x0 - 1 <= ti.x0 and ti.x1 <= hi.x1 + 1):
                continue
            centred = abs(hi.cx - ti.cx) < 0.6 * th
            left = abs(hi.x0 - ti.x0) < 0.6 * th
            if not (centred or left):
                continue
            if len(head_text) + _chars_above(head, words, th) > BROKEN_WRAP_MAX:
                break  # the end of a paragraph, not a label: a short last line is normal
            joined = head_text + _norm(tail.text)
            known = sheet is not None and joined in sheet.cell_texts
            same_block = head_line.block == tail_line.block
            if not (known or (same_block and (_CJK.search(tail_text) or tail_text.isdigit()))):
                continue
            msg = (
                f"'{joined}' wraps as '{head_text}/{_norm(tail.text)}': the column is a "
                "little too narrow, one character stands alone on a second line"
            )
            defects.append(
                Defect(
                    page.number,
                    "broken-wrap",
                    msg,
                    [head.text, tail.text],
                    [hi, ti],
                    sheet.name if sheet else None,
                )
            )
            break
    return defects


_HASHES = re.compile(r"#{2,}")


def check_number_overflow(page: Page, sheet: str | None) -> list[Defect]:
    """A number or date too wide for its column: office suites print ### in its place."""
    defects: list[Defect] = []
    for line in body_lines(page):
        for word in line.shown:
            if _HASHES.fullmatch(_norm(word.text)):
                msg = (
                    f"a number or date prints as '{word.text}' at {word.box}: its column is "
                    f"too narrow for it (line '{_short(line.text, 50)}')"
                )
                defects.append(
                    Defect(page.number, "number-overflow", msg, [line.text], [word.box], sheet)
                )
    return defects


def _chars_above(head: Word, words: list[tuple[Word, Line]], height: float) -> int:
    """Characters on the lines stacked right above `head` in its cell (earlier lines of the
    same wrapped text)."""
    count = 0
    current = head.ink
    while True:
        above = [
            w
            for w, _ in words
            if 0 <= current.y0 - w.ink.y1 < 0.6 * height
            and min(w.ink.x1, current.x1) - max(w.ink.x0, current.x0) > 0.5 * height
            and abs(w.ink.height - current.height) < 0.5 * height
        ]
        if not above:
            return count
        word = max(above, key=lambda w: w.ink.y1)
        count += len(_norm(word.text))
        current = word.ink


#: a short label (at most BROKEN_WRAP_MAX characters) with less than this share of an em left
#: in its bordered cell fits in LibreOffice but may wrap in Excel/WPS (other fonts and column
#: width rounding): 整改完成情况 in a 49pt cell with 4.7pt to spare prints 整改完成情/况 there
TIGHT_FIT_EM = 0.8


def check_tight_cells(page: Page, sheet: str | None) -> list[Defect]:
    """One-line labels that fill their bordered cell to within TIGHT_FIT_EM of a character."""
    vlines = [g.visible for g in page.graphics if g.kind == "vline" and g.visible is not None]
    if not vlines:
        return []
    body = body_lines(page)
    defects: list[Defect] = []
    for line in body:
        cy = line.ink.cy
        borders = sorted(v.cx for v in vlines if v.y0 <= cy <= v.y1)
        # the line's words split into cells at the borders between them
        cells: dict[tuple[float, float], list[Word]] = {}
        for word in line.shown:
            ink = word.ink
            left = [x for x in borders if x <= ink.x0 + 0.5]
            right = [x for x in borders if x >= ink.x1 - 0.5]
            if left and right:
                cells.setdefault((left[-1], right[0]), []).append(word)
        for (x0, x1), words in cells.items():
            text = "".join(_norm(w.text) for w in words)
            glyphs = sorted(
                (g for w in words for g in w.glyphs if not g.blank), key=lambda g: g.origin[0]
            )
            if not 2 <= len(text) <= BROKEN_WRAP_MAX or len(glyphs) < 2:
                continue
            cell_ink = union_all(w.ink for w in words)
            assert cell_ink is not None
            ink = cell_ink
            wrapped = any(
                other is not line
                and min(other.ink.x1, x1) > max(other.ink.x0, x0)
                and -0.5 * ink.height
                < max(other.ink.y0 - ink.y1, ink.y0 - other.ink.y1)
                < 0.6 * ink.height
                for other in body
            )
            if wrapped:
                continue
            em = max(b.origin[0] - a.origin[0] for a, b in zip(glyphs, glyphs[1:], strict=False))
            spare = (x1 - x0) - ink.width
            if em > 0 and spare < TIGHT_FIT_EM * em:
                msg = (
                    f"'{text}' fills its cell: {spare:.1f}pt to spare in {x1 - x0:.1f}pt "
                    f"(one character is {em:.1f}pt); LibreOffice fits it on one line, "
                    "Excel/WPS may wrap it"
                )
                defects.append(
                    Defect(
                        page.number,
                        "tight-fit",
                        msg,
                        [text],
                        [ink, Box(x0, ink.y0, x1, ink.y1)],
                        sheet,
                    )
                )
    return defects


# ----- pages of a sheet: titles and repeated header rows


def bands(lines: list[Line]) -> list[list[Line]]:
    """Body lines grouped into horizontal bands: the rows of the printed table.

    A line joins the band above when their ink overlaps vertically (the lines of a two-line
    header cell and the one-line cells centred beside them form one band; separate rows never
    overlap in LibreOffice's output unless text runs over, see OVERLAP_MIN).
    """
    result: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.ink.y0):
        ink = line.ink
        if result:
            seed = result[-1]
            bottom = max(x.ink.y1 for x in seed)
            if bottom - ink.y0 > max(0.5, 0.2 * ink.height):
                seed.append(line)
                continue
        result.append([line])
    for band in result:
        band.sort(key=lambda ln: ln.ink.x0)
    return result


def body_lines(page: Page) -> list[Line]:
    return [ln for ln in page.lines if ln.zone == "body" and not ln.hidden]


def columns(band: list[Line]) -> list[list[Line]]:
    """The lines of a band grouped into cells: lines whose ink overlaps horizontally."""
    cells: list[list[Line]] = []
    for line in sorted(band, key=lambda ln: ln.ink.x0):
        if cells and line.ink.x0 < max(x.ink.x1 for x in cells[-1]) - 0.5:
            cells[-1].append(line)
        else:
            cells.append([line])
    return [sorted(cell, key=lambda ln: ln.ink.y0) for cell in cells]


def band_text(band: list[Line]) -> str:
    """'序号 | 部门 | 整改完成/情况 | …': cells left to right, a cell's lines joined by '/'."""
    return " | ".join("/".join(ln.text for ln in cell) for cell in columns(band))


def _cell_text(cell: list[Line]) -> str:
    return "".join(_norm(ln.text) for ln in cell)


def segments(band: list[Line]) -> int:
    """Separate texts in a band: cells more than two characters apart."""
    count = 0
    right = -1e9
    for cell in columns(band):
        x0 = min(ln.ink.x0 for ln in cell)
        height = max(ln.glyph_height for ln in cell)
        if x0 - right > 2.0 * height:
            count += 1
        right = max(right, max(ln.ink.x1 for ln in cell))
    return count


def _is_title_band(band: list[Line], median: float) -> bool:
    """A title: a single text in its row, or a text in a clearly larger font than the body's.

    Font size is compared by pdftotext's line boxes (ascent + descent of the font), not by ink:
    digits and Latin letters have less ink height than CJK characters of the same size.
    """
    return segments(band) == 1 or any(ln.box.height >= 1.4 * median for ln in band)


def check_titles(
    pages: list[Page], reports: dict[int, PageReport], sheet: SheetInfo | None
) -> list[Defect]:
    """A sheet's first page needs a title; its later pages need the repeated header row."""
    if not pages:
        return []
    name = sheet.name if sheet else None
    label = f"the sheet {name!r}" if name else "the sheet"
    defects: list[Defect] = []
    first_bands: list[list[Line]] = []
    for i, page in enumerate(pages):
        body = body_lines(page)
        page_bands = bands(body)
        report = reports[page.number]
        has_header_text = any(
            ln.zone == "header" and not ln.hidden and not PAGE_NUMBER_RE.search(_norm(ln.text))
            for ln in page.lines
        )
        if not page_bands:
            continue
        top = page_bands[0]
        top_box = union_all(ln.ink for ln in top) or Box(0, 0, 0, 0)
        if i == 0:
            first_bands = page_bands
            median = statistics.median([ln.box.height for ln in body])
            if not _is_title_band(top, median) and not has_header_text:
                msg = (
                    f"{label} starts with a table header row and no title ({len(pages)} "
                    f"page(s)): nothing on paper says what this table is; first line "
                    f"'{_short(report.first_line, 70)}'"
                )
                defects.append(
                    Defect(page.number, "no-title", msg, [report.first_line], [top_box], name)
                )
            continue
        cells = [_cell_text(c) for c in columns(top)]
        repeated = any(
            sum(c in known for c in cells) >= 0.8 * len(cells)
            for known in ({_cell_text(c) for c in columns(band)} for band in first_bands[:12])
        )
        median = statistics.median([ln.box.height for ln in body])
        titled = any(ln.box.height >= 1.4 * median for ln in top)
        if not repeated and not has_header_text and not titled:
            # (a page starting with a title of its own, as a page per record does, is fine)
            msg = (
                f"continuation page {i + 1} of {label} does not repeat a header row; it "
                f"starts with '{_short(report.first_line, 60)}'"
            )
            defects.append(
                Defect(page.number, "no-repeated-header", msg, [report.first_line], [top_box], name)
            )
    return defects


def check_charts(pages: list[Page], sheet: SheetInfo | None) -> list[Defect]:
    """A chart's title on one page and its legend (series names) on another.

    The legend is looked for as words equal to a series name in a row of at most three texts
    (the same names in a table header row, with many cells, are not the legend).
    """
    if sheet is None or not sheet.charts:
        return []
    defects: list[Defect] = []
    for chart in sheet.charts:
        title_pages = [
            p.number
            for p in pages
            if chart.title and any(_norm(chart.title) in _norm(ln.text) for ln in body_lines(p))
        ]
        names = {_norm(s) for s in chart.series if s}
        legend_pages: list[int] = []
        for p in pages:
            for band in bands(body_lines(p)):
                if segments(band) > 3:
                    continue
                if any(_norm(w.text) in names for ln in band for w in ln.shown):
                    legend_pages.append(p.number)
                    break
        if title_pages and legend_pages and set(legend_pages) != set(title_pages):
            msg = (
                f"chart '{chart.title}' is split across pages: its title prints on page "
                f"{','.join(map(str, title_pages))}, its legend "
                f"({', '.join(chart.series)}) on page {','.join(map(str, legend_pages))}"
            )
            defects.append(
                Defect(
                    min(title_pages),
                    "chart-split",
                    msg,
                    [chart.title, *chart.series],
                    [],
                    sheet.name,
                )
            )
    return defects


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------------------------
# Putting it together


def check_pdf(
    pdf: Path, sheets: Sequence[SheetInfo] = (), page_sheets: Sequence[str | None] | None = None
) -> list[PageReport]:
    """Check every page of a PDF; ``page_sheets[i]`` names the sheet printed on page i+1."""
    pages = read_pages(pdf)
    by_name = {s.name: s for s in sheets}
    if page_sheets is None:
        visible = [s for s in sheets if s.visible]
        page_sheets = [visible[0].name if len(visible) == 1 else None] * len(pages)
    reports: dict[int, PageReport] = {}
    groups: dict[str | None, list[Page]] = {}
    for page, sheet_name in zip(pages, page_sheets, strict=False):
        sheet = by_name.get(sheet_name) if sheet_name else None
        paper, orientation = paper_name(page.width, page.height)
        report = PageReport(
            page.number, round(page.width, 1), round(page.height, 1), paper, orientation, sheet_name
        )
        reports[page.number] = report
        header, footer = classify_zones(page, sheet)
        report.header = header.text if header else None
        report.footer = footer.text if footer else None
        report.defects += check_footer(page, header, footer, sheet)
        report.defects += check_clipped_text(page, sheet_name)
        report.defects += check_overlaps(page, sheet_name)
        report.defects += check_text_over_borders(page, sheet_name)
        graphic = check_graphics(page, footer, sheet_name)
        drawn = [d.boxes[1] for d in graphic if d.kind == "graphic-cut"]
        report.defects = [
            d
            for d in report.defects
            if not (d.kind == "hidden-text" and any(d.boxes[0].intersect(b) for b in drawn))
        ]
        report.defects += graphic
        report.defects += check_broken_wraps(page, sheet)
        report.defects += check_number_overflow(page, sheet_name)
        report.defects += check_tight_cells(page, sheet_name)
        page_bands = bands(body_lines(page))
        report.first_line = band_text(page_bands[0]) if page_bands else ""
        report.last_lines = [band_text(band) for band in page_bands[-2:]]
        groups.setdefault(sheet_name, []).append(page)
    for sheet_name, group in groups.items():
        sheet = by_name.get(sheet_name) if sheet_name else None
        if sheet_name is None and len(groups) == 1 and len(sheets) > 1:
            continue  # pages not mapped to sheets: title checks would compare unrelated pages
        for defect in check_titles(group, reports, sheet) + check_charts(group, sheet):
            reports[defect.page].defects.append(defect)
    _link_splits(reports)
    return [reports[n] for n in sorted(reports)]


def _link_splits(reports: dict[int, PageReport]) -> None:
    """A drawing cut at the bottom of page n and at the top of page n+1 is one split drawing."""
    for n, report in reports.items():
        following = reports.get(n + 1)
        if following is None:
            continue
        bottom = [
            d for d in report.defects if d.kind == "graphic-cut" and "at the bottom" in d.message
        ]
        top = [
            d for d in following.defects if d.kind == "graphic-cut" and "at the top" in d.message
        ]
        for a in bottom:
            for b in top:
                if min(a.boxes[1].x1, b.boxes[1].x1) - max(a.boxes[1].x0, b.boxes[1].x0) > 5:
                    report.defects.append(
                        Defect(
                            n,
                            "graphic-split",
                            f"a drawing (chart) is split across pages {n}-{n + 1}: cut at the bottom "
                            f"of page {n} at y={a.boxes[0].y1:.1f}, continued at the top of page "
                            f"{n + 1} from y={b.boxes[0].y0:.1f}",
                            [],
                            [a.boxes[1], b.boxes[1]],
                            a.sheet,
                        )
                    )


def check_workbooks(
    paths: Sequence[Path],
    *,
    keep: Path | None = None,
    map_sheets: bool = True,
    xcu: Path | None = None,
) -> list[FileReport]:
    """Render all workbooks in one LibreOffice run (plus one-sheet variants) and check them."""
    results: list[FileReport] = []
    with tempfile.TemporaryDirectory(prefix="printcheck-") as tmp:
        work = Path(tmp)
        inputs: list[Path] = []
        plan: list[tuple[Path, Path, list[SheetInfo], list[Path]]] = []
        for i, path in enumerate(paths):
            path = Path(path)
            suffix = path.suffix.lower() or ".xlsx"
            copy = work / f"f{i:03d}{suffix}"
            shutil.copyfile(path, copy)
            infos = read_sheet_infos(path)
            variants: list[Path] = []
            visible = [k for k, s in enumerate(infos) if s.visible]
            if map_sheets and len(visible) > 1 and suffix in (".xlsx", ".xlsm"):
                for k in visible:
                    variant = work / f"f{i:03d}s{k:03d}{suffix}"
                    if one_sheet_variant(copy, variant, k):
                        variants.append(variant)
                if len(variants) != len(visible):
                    variants = []
            inputs.append(copy)
            inputs.extend(variants)
            plan.append((path, copy, infos, variants))
        out = work / "pdf"
        used: set[str] = set()
        started = time.perf_counter()
        pdfs = dict(zip(inputs, render_to_pdf(inputs, out, xcu=xcu), strict=True))
        render_seconds = (time.perf_counter() - started) / max(1, len(paths))
        reports: list[FileReport] = []
        for path, copy, _, _ in plan:
            pdf = pdfs[copy]
            if keep is not None and pdf is not None:
                keep.mkdir(parents=True, exist_ok=True)
                name = f"{path.stem}.pdf"
                if name in used:
                    name = f"{path.resolve().parent.name}-{name}"
                used.add(name)
                pdf = Path(shutil.copyfile(pdf, keep / name))
            report = FileReport(path, pdf, render_seconds=render_seconds)
            if pdf is None:
                report.notes.append("LibreOffice produced no PDF")
            reports.append(report)

        def check(report: FileReport, infos: list[SheetInfo], variants: list[Path]) -> None:
            started = time.perf_counter()
            assert report.pdf is not None
            page_sheets = _map_pages(report.pdf, infos, [pdfs[v] for v in variants], report)
            report.pages = check_pdf(report.pdf, infos, page_sheets)
            report.check_seconds = time.perf_counter() - started

        # poppler runs once or twice a page: a worker per core keeps them all busy
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            jobs = [
                pool.submit(check, report, infos, variants)
                for report, (_, _, infos, variants) in zip(reports, plan, strict=True)
                if report.pdf is not None
            ]
            for job in jobs:
                job.result()
        results.extend(reports)
    return results


def _map_pages(
    pdf: Path, infos: list[SheetInfo], variant_pdfs: list[Path | None], report: FileReport
) -> list[str | None] | None:
    visible = [s for s in infos if s.visible]
    total = pdf_page_count(pdf)
    if len(visible) == 1:
        report.sheets = {visible[0].name: list(range(1, total + 1))}
        return [visible[0].name] * total
    if not variant_pdfs:
        if len(visible) > 1:
            report.notes.append("pages not mapped to sheets")
        return None
    counts = [pdf_page_count(v) for v in variant_pdfs]
    if sum(counts) != total:
        report.notes.append(
            f"one-sheet renders give {sum(counts)} pages, the workbook {total}: "
            "pages not mapped to sheets"
        )
        return None
    mapping: list[str | None] = []
    for sheet, count in zip(visible, counts, strict=True):
        report.sheets[sheet.name] = list(range(len(mapping) + 1, len(mapping) + count + 1))
        mapping.extend([sheet.name] * count)
    return mapping


def check_workbook(
    path: Path, *, keep: Path | None = None, map_sheets: bool = True, xcu: Path | None = None
) -> FileReport:
    return check_workbooks([path], keep=keep, map_sheets=map_sheets, xcu=xcu)[0]


# --------------------------------------------------------------------------------------------
# CLI


def format_report(report: FileReport, limit: int = 6) -> str:
    lines = [
        f"== {report.path}  ({len(report.pages)} page(s), "
        f"render {report.render_seconds:.1f}s + check {report.check_seconds:.1f}s)"
    ]
    for note in report.notes:
        lines.append(f"   note: {note}")
    if report.sheets:
        lines.append(
            "   sheets: "
            + ", ".join(
                f"{name} p{pages[0]}-{pages[-1]}"
                if len(pages) > 1
                else (f"{name} p{pages[0]}" if pages else f"{name} (no page)")
                for name, pages in report.sheets.items()
            )
        )
    for page in report.pages:
        head = (
            f"   page {page.number} [{page.sheet or '?'}] {page.paper} {page.orientation}; "
            f"first line: {_short(page.first_line, 70)!r}; footer: {page.footer!r}"
        )
        lines.append(head)
        by_kind: dict[str, list[Defect]] = {}
        for d in page.defects:
            by_kind.setdefault(d.kind, []).append(d)
        for kind, items in by_kind.items():
            lines.append(f"     {kind} x{len(items)}" + (" (warning)" if kind in WARNINGS else ""))
            for d in items[:limit]:
                boxes = " ".join(str(b) for b in d.boxes[:2])
                lines.append(f"       - {d.message}  {boxes}")
            if len(items) > limit:
                lines.append(f"       … {len(items) - limit} more")
    errors, warnings = len(report.errors), len(report.defects) - len(report.errors)
    lines.append(
        f"   {errors} defect(s), {warnings} warning(s)" if errors or warnings else "   no defects"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument(
        "--no-sheet-map",
        action="store_true",
        help="skip the one-sheet renders that map pages to sheets",
    )
    parser.add_argument("--limit", type=int, default=6, help="examples shown per defect kind")
    args = parser.parse_args(argv)
    reports = check_workbooks(args.files, keep=args.keep, map_sheets=not args.no_sheet_map)
    if args.json:
        json.dump([r.to_dict() for r in reports], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for report in reports:
            print(format_report(report, args.limit))
    return 1 if any(r.errors for r in reports) else 0


if __name__ == "__main__":
    raise SystemExit(main())
