"""The quick (regular expression) scan of a worksheet for picture cells finds what the
careful (expat) scan finds, or declines and leaves it to the careful one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from huitoukan.returns.pictures import _CellScan, _make_parser, quick_cell_scan

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

_CELLS = st.sampled_from(
    [
        '<c r="{ref}" t="str"><f>_xlfn.DISPIMG(&quot;ID_{n}&quot;,1)</f><v>=DISPIMG(&quot;ID_{n}&quot;,1)</v></c>',
        "<c r='{ref}' t='str'><f>_xlfn.DISPIMG(\"ID_{n}\",1)</f></c>",
        '<c r="{ref}" t="str"><f>dispimg(&apos;ID_{n}&apos;,1)</f></c>',
        '<c r="{ref}" t="e" vm="{n}"><v>#VALUE!</v></c>',
        '<c vm="{n}" s="3" r="{ref}" t="e"><v>#VALUE!</v></c>',
        '<c r="{ref}" t="inlineStr"><is><t>DISPIMG 是一个函数</t></is></c>',
        '<c r="{ref}" t="inlineStr"><is><t>vm="3"</t></is></c>',
        '<c r="{ref}" s="2"/>',
        '<c r="{ref}"><v>12</v></c>',
        '<c t="e" vm="{n}"><v>#VALUE!</v></c>',
        '<x:c r="{ref}" vm="{n}"/>',
        '<c r="{ref}"><f>SUM(A1:A2)</f><v>3</v></c>',
    ]
)


def _careful(xml: bytes) -> tuple[list[tuple[int, int, str | None]], list[tuple[int, int, int]]]:
    parser = _make_parser()
    scan = _CellScan(parser, True, True)
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    try:
        parser.Parse(xml, True)
    except Exception:  # _Stop at </sheetData>
        pass
    return scan.dispimg, scan.vm


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=4), min_size=1, max_size=5))
def test_quick_scan_agrees_with_the_careful_one(rows: list[list[str]]) -> None:
    body = []
    for r, cells in enumerate(rows, start=1):
        row = "".join(
            cell.format(ref=f"{chr(65 + c)}{r}", n=r * 10 + c) for c, cell in enumerate(cells)
        )
        body.append(f'<row r="{r}">{row}</row>')
    xml = (
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}" xmlns:x="{MAIN}">'
        f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    ).encode()
    quick = quick_cell_scan(xml, True, True)
    if quick is None:
        return
    dispimg, vm = _careful(xml)
    assert sorted(quick.dispimg) == sorted(dispimg)
    assert sorted(quick.vm) == sorted(vm)


def test_quick_scan_declines_what_it_cannot_be_sure_of() -> None:
    prefixed = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" vm="1"/>'
        "</x:row></x:sheetData></x:worksheet>"
    ).encode()
    assert quick_cell_scan(prefixed, False, True) is None
    no_ref = f'<worksheet xmlns="{MAIN}"><sheetData><row><c vm="1"/></row></sheetData></worksheet>'
    assert quick_cell_scan(no_ref.encode(), False, True) is None
    doctype = b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData></sheetData></worksheet>'
    assert quick_cell_scan(doctype, True, True) is None
