"""Photos as evidence: pasted into returns the ways departments do, kept beside the
register, counted and linked in it, and shown on the pages people read (issue 16)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import struct
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from huitoukan.actions.collect import collect_to_register
from huitoukan.actions.photos import hazards_with_photos, photo_store
from huitoukan.actions.state import status_of
from huitoukan.campaign import Campaign, default_campaign_text, parse_campaign
from huitoukan.cli import app
from huitoukan.forms.review import review_form
from huitoukan.letters.notices import notices
from huitoukan.model.documents import FEEDBACK_TITLE
from huitoukan.model.problems import Code, Problem
from huitoukan.model.returns import shared_photos
from huitoukan.register.evidence import EVIDENCE_FOLDER, LIBRARY_FOLDER
from huitoukan.register.layout import HAZARD_SHEET
from huitoukan.register.reading import read_register
from huitoukan.register.shrinking import ShrinkingRegister
from tests.helpers import (
    closed,
    filled_form,
    findings_list,
    hazard,
    header_position,
    not_as_issued,
    sheet_rows,
)
from tests.photo_forms import paste_photos
from tests.picture_builders import png, png_claiming, zip_bytes

AS_OF = date(2023, 12, 20)
BEFORE = png(40, 30, (200, 30, 30))
AFTER = png(30, 40, (30, 200, 30))
WPS_PHOTO = png(50, 20, (30, 30, 200))
EXCEL_PHOTO = png(20, 50, (200, 200, 30))
FLOATING_PHOTO = png(60, 45, (30, 200, 200))


LISTED = {
    "问题编号": "XJ-01",
    "问题来源": "县（市、区）普查",
    "发现时间": "2023年11月10日",
    "部位": "3号教学楼",
    "问题描述": "二楼走廊灭火器压力不足",
    "责任部门": "安全保卫处",
    "整改要求": "更换灭火器",
    "整改时限": date(2023, 12, 15),
}


def photo_campaign(require_photo: bool = True) -> Campaign:
    text = default_campaign_text()
    if require_photo:
        text = text.replace("require_photo = false", "require_photo = true")
    return parse_campaign(text, "campaign.toml")


def _cell(path: Path, row_offset: int, header: str) -> str:
    """The A1 name of the cell under `header`, `row_offset` rows below the header row."""
    ws = load_workbook(path).worksheets[0]
    header_row, columns = header_position(ws)
    column = columns[header]
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{header_row + row_offset}"


def department_form(campaign: Campaign, path: Path) -> Path:
    """安全保卫处's return: a WPS in-cell photo in its first row, an Excel in-cell photo in
    the second, a floating photo over the third, two photos in the fourth, none in the
    fifth (reported 已完成)."""
    filled_form(
        campaign,
        "安全保卫处",
        path,
        [
            hazard(序号=1, 部位="一号教学楼", 存在隐患问题="灭火器过期"),
            hazard(序号=2, 部位="二号教学楼", 存在隐患问题="应急灯不亮"),
            closed(序号=3, 部位="食堂", 存在隐患问题="燃气软管老化"),
            closed(序号=4, 部位="宿舍", 存在隐患问题="私拉电线"),
            closed(序号=5, 部位="图书馆", 存在隐患问题="疏散指示牌缺失"),
        ],
    )
    paste_photos(
        path,
        wps={_cell(path, 1, "备注"): WPS_PHOTO},
        excel={_cell(path, 2, "备注"): EXCEL_PHOTO},
        floating=[
            (_cell(path, 3, "整改措施"), FLOATING_PHOTO),
            (_cell(path, 4, "整改措施"), BEFORE),
            (_cell(path, 4, "备注"), AFTER),
        ],
    )
    return path


@pytest.fixture
def collected(tmp_path: Path) -> tuple[Campaign, Path, Path]:
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    register = tmp_path / "台账" / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    return campaign, returns, register


def test_every_photo_lands_byte_identical_under_its_hazard(
    collected: tuple[Campaign, Path, Path],
) -> None:
    _, returns, register = collected
    folder = register.parent / EVIDENCE_FOLDER / "安全保卫处"
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert files == {
        "1-1.png": WPS_PHOTO,
        "2-1.png": EXCEL_PHOTO,
        "3-1.png": FLOATING_PHOTO,
        "4-1.png": BEFORE,
        "4-2.png": AFTER,
    }
    rows = sheet_rows(register, HAZARD_SHEET)
    assert [r["照片"] for r in rows] == [1, 1, 1, 2, None]
    assert not list(returns.rglob("*.png")), "nothing is written into the returns folder"


@pytest.mark.parametrize("content_changed", [True, False])
def test_a_photo_changed_in_place_is_kept_again_as_sent(
    collected: tuple[Campaign, Path, Path],
    content_changed: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A clerk rotated 佐证材料/安全保卫处/4-1.png in a viewer saving in place: every copy of
    it is one file (the library's, hard-linked), so the evidence of every hazard showing it
    changed, and no collect noticed (clerk trial 82). The next collect keeps it again as
    sent and sets the changed file aside; a file only touched (its time, not its bytes)
    is left as it is."""
    campaign, returns, register = collected
    laid = register.parent / EVIDENCE_FOLDER / "安全保卫处" / "4-1.png"
    kept = register.parent / EVIDENCE_FOLDER / LIBRARY_FOLDER
    [original] = [p for p in kept.iterdir() if p.read_bytes() == BEFORE]
    rotated = AFTER[:-8] + b"rotated!" if content_changed else BEFORE
    with laid.open("r+b") as handle:  # in place: the same file
        handle.write(rotated)
        handle.truncate()
    later = laid.stat().st_mtime_ns + 5_000_000_000
    os.utime(laid, ns=(later, later))
    assert original.read_bytes() == rotated  # the library's photo changed with it
    if content_changed:  # printed so before the next collect (clerk trial 87): refused
        shown = CliRunner().invoke(
            app,
            ["report", str(register), "--photos", "--as-of", f"{AS_OF}", "-o",
             str(register.parent / "汇报.xlsx")],
        )  # fmt: skip
        assert shown.exit_code == 2, shown.output
        assert "佐证材料中有1张照片在上次汇总后被改动过（佐证材料/安全保卫处/4-1.png" in "".join(
            shown.output.split()
        )
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.photos_restored == (1 if content_changed else 0)
    assert original.read_bytes() == BEFORE and laid.read_bytes() == BEFORE
    aside = laid.with_name("4-1（原有）.png")
    assert aside.is_file() is content_changed
    if content_changed:
        assert aside.read_bytes() == rotated  # the clerk's work is not lost
        from huitoukan.cli import render

        render.collect_report(result)  # named (said of none, the file another photo: 157)
        said = "".join(capsys.readouterr().err.split())
        assert "改动或替换过的1个文件改名保留：佐证材料/安全保卫处/4-1（原有）.png" in said
    again = collect_to_register(campaign, [returns], register, AS_OF)
    assert again.photos_restored == 0
    assert laid.read_bytes() == BEFORE


def test_a_photo_replaced_in_its_folder_is_put_back_and_said(
    collected: tuple[Campaign, Path, Path],
) -> None:
    """A viewer saving a rotated photo as a new file in 佐证材料/安全保卫处 (the library's
    untouched): put back as sent, the clerk's file kept aside — and said, where nothing
    was (clerk trial 87)."""
    campaign, returns, register = collected
    laid = register.parent / EVIDENCE_FOLDER / "安全保卫处" / "4-1.png"
    edited = laid.with_name("4-1.tmp")
    edited.write_bytes(AFTER[:-8] + b"rotated!")
    os.replace(edited, laid)
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.photos_restored == 0 and laid.read_bytes() == BEFORE
    assert result.evidence is not None
    assert result.evidence.set_aside == [f"{EVIDENCE_FOLDER}/安全保卫处/4-1（原有）.png"]
    again = collect_to_register(campaign, [returns], register, AS_OF)
    assert again.evidence is not None and again.evidence.set_aside == []


def test_no_picture_text_or_error_reaches_the_register(
    collected: tuple[Campaign, Path, Path],
) -> None:
    _, _, register = collected
    with zipfile.ZipFile(register) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert "DISPIMG" not in text
    assert "#VALUE!" not in text
    remarks = [r["备注"] for r in sheet_rows(register, HAZARD_SHEET)]
    assert remarks == [None] * 5


def test_require_photo_warns_on_the_row_reported_done_without_one(
    collected: tuple[Campaign, Path, Path],
) -> None:
    _, _, register = collected
    problems = sheet_rows(register, "校验问题")
    photo_problems = [p for p in problems if "照片" in str(p.values()) or "图片" in str(p)]
    assert len(photo_problems) == 1
    (only,) = photo_problems
    assert "未附整改后照片" in str(only.values())
    form_rows = [h.source_row for h in read_register(register).hazards]
    assert str(form_rows[4]) in str(only.values())


def test_without_require_photo_no_warning(tmp_path: Path) -> None:
    campaign = photo_campaign(require_photo=False)
    department_form(campaign, tmp_path / "回收" / "a.xlsx")
    result = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "全校隐患台账.xlsx", AS_OF
    )
    assert result.collection.problems == []


def test_the_count_links_to_the_department_folder(
    collected: tuple[Campaign, Path, Path],
) -> None:
    _, _, register = collected
    ws = load_workbook(register)[HAZARD_SHEET]
    column = [c.value for c in ws[2]].index("照片") + 1  # row 1: the sheet's title
    links = [ws.cell(r, column).hyperlink for r in range(3, 8)]
    assert [link.target if link else None for link in links] == [
        f"{EVIDENCE_FOLDER}/安全保卫处/"
    ] * 4 + [None]


def test_the_state_record_and_status_carry_the_photos(
    collected: tuple[Campaign, Path, Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, register = collected
    state = read_register(register)
    assert [len(h.photos) for h in state.hazards] == [1, 1, 1, 2, 0]
    library = register.parent / EVIDENCE_FOLDER / LIBRARY_FOLDER
    assert {p.name for p in library.iterdir() if p.is_file() and not p.name.startswith(".")} == {
        n for h in state.hazards for n in h.photos
    }
    monkeypatch.chdir(register.parent)
    result = runner.invoke(app, ["status", "--json", "--as-of", "2024-01-20"])
    overdue = json.loads(result.stdout)["overdue"]
    assert [h["photos"] for h in overdue] == [1, 1]


def test_a_register_changed_by_hand_keeps_its_photos(
    collected: tuple[Campaign, Path, Path],
) -> None:
    """The sheets show a count, not the photos: read back after a person saved the register
    (a typo mended), each hazard keeps the photos collect recorded (by 隐患编号, so a
    mended 部位 keeps them too), and report --photos and sample still place them."""
    _, _, register = collected
    before = read_register(register).hazards
    wb = load_workbook(register)
    ws = wb[HAZARD_SHEET]
    [place] = [c for row in ws.iter_rows(max_row=3) for c in row if c.value == "部位"]
    first = ws.cell(place.row + 1, place.column)
    first.value = f"{first.value}（东侧）"
    wb.save(register)
    after = read_register(register).hazards
    assert after[0].location.endswith("（东侧）")
    assert [h.photos for h in after] == [h.photos for h in before]
    assert sum(map(len, (h.photos for h in after))) == 5


def test_the_same_photo_in_two_versions_is_kept_once(tmp_path: Path) -> None:
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    for name, day in (("v1.xlsx", date(2023, 12, 14)), ("v2.xlsx", date(2023, 12, 16))):
        path = returns / name
        filled_form(campaign, "安全保卫处", path, [hazard(序号=1)], form_date=day)
        paste_photos(path, wps={_cell(path, 1, "备注"): BEFORE})
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    library = register.parent / EVIDENCE_FOLDER / LIBRARY_FOLDER
    (kept,) = [p for p in library.iterdir() if p.is_file() and not p.name.startswith(".")]
    assert read_register(register).hazards[0].photos == (kept.name,)


@pytest.mark.parametrize(
    "reworded", ["楼道应急照明灯不亮", "3楼楼道应急照明灯不亮"], ids=["as-it-was", "reworded"]
)
def test_a_photo_of_an_earlier_version_stays_with_its_hazard(tmp_path: Path, reworded: str) -> None:
    """整改前 in the first return, 整改后 in the second: the hazard keeps both, its wording
    corrected in the second or not."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first = returns / "v1.xlsx"
    row = {"序号": 1, "部位": "学生公寓3号楼", "存在隐患问题": "楼道应急照明灯不亮"}
    filled_form(campaign, "安全保卫处", first, [hazard(**row)], form_date=date(2023, 12, 14))
    paste_photos(first, floating=[(_cell(first, 1, "部位"), BEFORE)])
    second = returns / "v2.xlsx"
    row["存在隐患问题"] = reworded
    filled_form(campaign, "安全保卫处", second, [closed(**row)], form_date=date(2023, 12, 18))
    paste_photos(second, excel={_cell(second, 1, "备注"): AFTER})
    register = tmp_path / "全校隐患台账.xlsx"
    result = collect_to_register(campaign, [returns], register, AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "1-1.png": BEFORE,
        "1-2.png": AFTER,
    }
    [row] = result.collection.hazards
    library = tmp_path / EVIDENCE_FOLDER / LIBRARY_FOLDER
    assert [(library / name).read_bytes() for name in row.before_photos] == [BEFORE]
    [listed] = sheet_rows(register, HAZARD_SHEET)
    assert listed["照片"] == 2 and listed["新版本中消失"] is None


def test_stale_photos_go_and_a_clerks_own_files_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The return written over by one without its photos and rows: the register keeps what
    it held (the evidence with it); only when the clerk replaces the register (--force)
    do the photos no hazard holds go — the clerk's own files stay."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    form = department_form(campaign, returns / "安全保卫处.xlsx")
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    laid = sorted(p.name for p in folder.iterdir())
    (folder / "现场检查记录.docx").write_bytes(b"clerk")
    filled_form(campaign, "安全保卫处", form, [hazard(序号=1)])  # the photos taken out
    collect_to_register(campaign, [returns], register, AS_OF)
    assert sorted(p.name for p in folder.iterdir()) == sorted([*laid, "现场检查记录.docx"])
    rebuilt = collect_to_register(campaign, [returns], register, AS_OF, force=True)
    assert [p.name for p in folder.iterdir()] == ["现场检查记录.docx"]
    from huitoukan.cli import render

    render.collect_report(rebuilt)  # not said to be the department's doing (trial 157)
    said = "".join(capsys.readouterr().err.split())
    assert "按这次的报表重建了台账（--force），被覆盖或移出的旧版本中的照片不再保留" in said
    assert "部门更换或删去了隐患的照片" not in said
    assert sheet_rows(register, HAZARD_SHEET)[0]["照片"] is None
    (folder / "现场检查记录.docx").unlink()  # the clerk's own taken away: the folder is empty
    collect_to_register(campaign, [returns], register, AS_OF)
    assert not folder.exists()  # not left behind, empty (clerk trial 59)


def test_the_photos_of_a_version_taken_out_stay_on_every_collect_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The department sends its form again without the photos (re-saved in an office suite
    that dropped them); the clerk moves the first version out of the folder. The register
    alone holds the photos then: the collect after kept them, the next one, with nothing
    changed, dropped them, and said the department had replaced them (clerk trial 156)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first = department_form(campaign, returns / "安全保卫处.xlsx")
    register = tmp_path / "全校隐患台账.xlsx"
    photos = {h.where: h.photos for h in collect_to_register(
        campaign, [returns], register, AS_OF).collection.hazards}  # fmt: skip
    rows = [
        hazard(序号=1, 部位="一号教学楼", 存在隐患问题="灭火器过期"),
        hazard(序号=2, 部位="二号教学楼", 存在隐患问题="应急灯不亮"),
        closed(序号=3, 部位="食堂", 存在隐患问题="燃气软管老化"),
        closed(序号=4, 部位="宿舍", 存在隐患问题="私拉电线"),
        closed(序号=5, 部位="图书馆", 存在隐患问题="疏散指示牌缺失"),
    ]
    filled_form(campaign, "安全保卫处", returns / "安全保卫处（重报）.xlsx", rows,
                form_date=date(2023, 12, 18))  # fmt: skip
    shutil.move(first, tmp_path / "安全保卫处（旧版）.xlsx")
    laid = sorted(p.name for p in (tmp_path / EVIDENCE_FOLDER / "安全保卫处").iterdir())
    for _ in range(3):
        result = collect_to_register(campaign, [returns], register, AS_OF)
        assert {h.where: h.photos for h in result.collection.hazards} == photos
        assert sorted(p.name for p in (tmp_path / EVIDENCE_FOLDER / "安全保卫处").iterdir()) == laid
        assert result.evidence is not None and not result.evidence.changed
    assert [r["照片"] for r in sheet_rows(register, HAZARD_SHEET)] == [1, 1, 1, 2, None]
    # laid out as copies, no return holding them: one rotated in a viewer that saves in
    # place leaves the library's as sent (it destroyed the only copy: clerk trial 157)
    rotated = tmp_path / EVIDENCE_FOLDER / "安全保卫处" / "1-1.png"
    with rotated.open("r+b") as handle:
        handle.write(b"rotated")
        handle.truncate()
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert {h.where: h.photos for h in result.collection.hazards} == photos
    assert rotated.read_bytes() == WPS_PHOTO
    assert rotated.with_name("1-1（原有）.png").read_bytes() == b"rotated"
    # the evidence folder moved away: those photos are nowhere else, the clerk is told to
    # put it back (told to check the disk and collect again, which could not help: trial 157)
    shutil.move(tmp_path / EVIDENCE_FOLDER, tmp_path / "佐证材料（备份）")
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.library_gone and len(result.evidence.missing) == 5  # type: ignore[union-attr]
    from huitoukan.cli import render

    render.collect_report(result)
    said = "".join(capsys.readouterr().err.split())
    assert "开始汇总时台账旁没有佐证材料/.照片库" in said
    assert "请把原来的佐证材料文件夹放回台账旁后重新运行collect" in said


def test_a_force_undone_by_copying_the_version_before_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clerk regrets a collect --force (it dropped the photos of a version written
    over) and copies the register before it back from the history: that register's records
    come back with it. It was called a hand edit, status and report refused or warned, and
    collect kept the rebuilt register's records, the photos gone (clerk trial 158)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    form = department_form(campaign, returns / "安全保卫处.xlsx")
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    filled_form(
        campaign, "安全保卫处", form, [hazard(序号=1, 部位="一号教学楼", 存在隐患问题="灭火器过期")]
    )
    paste_photos(form, floating=[(_cell(form, 1, "备注"), png(33, 44, (1, 2, 3)))])
    before = collect_to_register(campaign, [returns], register, AS_OF)  # photos kept
    photos = {h.where: h.photos for h in before.collection.hazards}
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    laid = sorted(p.name for p in folder.iterdir())
    collect_to_register(campaign, [returns], register, AS_OF, force=True)
    assert [p.name for p in folder.iterdir()] == ["1-1.png"]  # the re-sent form's photo
    history = sorted((tmp_path / ".全校隐患台账.历史版本").glob("*.xlsx"))
    shutil.copyfile(history[-1], register)
    monkeypatch.chdir(tmp_path)
    said = CliRunner().invoke(app, ["status", "--as-of", AS_OF.isoformat()])
    assert said.exit_code == 0, said.output
    text = "".join(said.output.split())
    assert (
        f"全校隐患台账.xlsx是从历史版本.全校隐患台账.历史版本/{history[-1].name}复制回来的" in text
    )
    assert "被改动过" not in text
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.restored == history[-1]  # (status took the records back already)
    assert result.backup is None  # not a hand edit
    assert {h.where: h.photos for h in result.collection.hazards} == photos
    assert sorted(p.name for p in folder.iterdir()) == laid
    from huitoukan.cli import render

    render.collect_report(result)  # 1-1.png the first form's photo again: not the department's
    said = "".join(capsys.readouterr().err.split())
    assert (
        "台账是从历史版本复制回来的，照片按该版本恢复，佐证材料中1个照片文件（佐证材料/安全保卫处/1-1.png）已换回该版本中的照片"
        in said
    )
    assert "部门更换或删去了隐患的照片" not in said
    assert collect_to_register(campaign, [returns], register, AS_OF).restored is None
    # collect itself takes them back, the records beside the register those of another
    shutil.copyfile(history[-1], tmp_path / "copy.xlsx")
    collect_to_register(campaign, [returns], register, AS_OF, force=True)
    history = sorted((tmp_path / ".全校隐患台账.历史版本").glob("*.xlsx"))
    shutil.copyfile(tmp_path / "copy.xlsx", register)
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.restored is not None and result.backup is None
    assert {h.where: h.photos for h in result.collection.hazards} == photos
    render.collect_report(result)
    assert "复制回来的，已按该版本恢复" in "".join(capsys.readouterr().err.split())


def test_a_register_refused_leaves_the_evidence_as_it_was(tmp_path: Path) -> None:
    """The photos are laid out only once the register is to be replaced: a collect refused
    for losing a department's rows takes none of its photos away."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    form = department_form(campaign, returns / "安全保卫处.xlsx")
    filled_form(campaign, "总务基建处", returns / "总务基建处.xlsx", [hazard(序号=1)])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    evidence = tmp_path / EVIDENCE_FOLDER
    laid = sorted(p.relative_to(evidence) for p in evidence.rglob("*"))
    form.unlink()
    with pytest.raises(ShrinkingRegister):
        collect_to_register(campaign, [returns], register, AS_OF)
    assert sorted(p.relative_to(evidence) for p in evidence.rglob("*")) == laid


def test_a_register_inside_the_returns_folder_does_not_read_its_evidence(tmp_path: Path) -> None:
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    register = returns / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    again = collect_to_register(campaign, [returns], register, AS_OF)
    assert again.collection.skipped == []


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        (b"this is not a picture at all" * 10, "不是"),
        (png_claiming(100_000, 100_000), "像素"),
        (zip_bytes({"a": b"\0" * 1000}), "不是"),
        # zeros deflating 1000 to 1: the whole return was refused as a zip bomb, its
        # hazards missing and the department 未报送 (clerk trial 82)
        (b"\xff\xd8\xff\xe0" + bytes(10 * 1024 * 1024), "压缩炸弹"),
    ],
)
def test_a_hostile_picture_costs_a_warning_not_the_run(
    tmp_path: Path, media: bytes, expected: str
) -> None:
    campaign = photo_campaign(require_photo=False)
    path = tmp_path / "回收" / "a.xlsx"
    filled_form(campaign, "安全保卫处", path, [hazard(序号=1), hazard(序号=2, 部位="食堂")])
    paste_photos(
        path, wps={_cell(path, 1, "备注"): media}, floating=[(_cell(path, 2, "部位"), BEFORE)]
    )
    register = tmp_path / "全校隐患台账.xlsx"
    result = collect_to_register(campaign, [tmp_path / "回收"], register, AS_OF)
    codes = [p.code for p in result.collection.problems]
    assert codes == [Code.PICTURE_SKIPPED]
    assert expected in result.collection.problems[0].message
    assert [len(h.photos) for h in result.collection.hazards] == [0, 1]
    assert "DISPIMG" not in str(sheet_rows(register, HAZARD_SHEET))


def test_a_photo_that_could_not_be_read_is_named_where_the_photo_is_asked_for(
    tmp_path: Path,
) -> None:
    """require_photo asks 安全保卫处 for the photo of its 已完成 row; the department did
    paste one, which could not be read: the status screen and the 补充照片 notice say so
    (it was told only to paste a photo, which it had done), the row that lost nothing not."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    path = returns / "安全保卫处.xlsx"
    rows = [closed(序号=1, 部位="食堂"), closed(序号=2, 部位="宿舍")]
    filled_form(campaign, "安全保卫处", path, rows)
    paste_photos(path, wps={_cell(path, 1, "备注"): b"this is not a picture at all" * 10})
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    report = status_of(campaign, [register], AS_OF)
    unread = {view.location: view.photos_unread for view in report.missing_photos}
    assert unread.keys() == {"食堂", "宿舍"}
    assert "不是有效的图片文件" in unread["食堂"] and "第 " in unread["食堂"]
    assert unread["宿舍"] == ""
    [notice] = [n for n in notices(campaign, report) if "补充照片" in n.kinds]
    canteen, dormitory = (line for line in notice.text.splitlines() if line.startswith("  "))
    assert "食堂" in canteen and "表中粘贴的照片未能读取：" in canteen
    assert "宿舍" in dormitory and "未能读取" not in dormitory
    toml = tmp_path / "campaign.toml"
    toml.write_text(
        default_campaign_text().replace("require_photo = false", "require_photo = true")
    )
    shown = CliRunner().invoke(
        app, ["status", str(register), "--all", "-c", str(toml), "--as-of", f"{AS_OF}"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert "食堂：楼道灭火器过期（粘贴的照片未能读取）" in shown.output
    assert "宿舍：楼道灭火器过期\n" in shown.output


def test_feedback_copy_names_the_missing_photo(tmp_path: Path) -> None:
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    (copy,) = result.feedback or []
    workbook = load_workbook(copy.copy_path)
    form = workbook.worksheets[1]
    comments = [c.comment.text for row in form.iter_rows() for c in row if c.comment]
    assert len(comments) == 1
    assert "没有附整改后照片" in comments[0]
    summary = str([c.value for row in workbook.worksheets[0].iter_rows() for c in row])
    assert "照片已收入全校隐患台账的佐证材料" in summary


def test_feedback_copy_says_which_photos_were_not_received(tmp_path: Path) -> None:
    """A copy sent back told the department every photo pasted in its rows was received,
    below the warnings that some could not be read (clerk trial 152)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    form = filled_form(campaign, "附属医院", returns / "医院.xlsx", [closed(), closed(部位="食堂")])
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER, _cell(form, 2, "备注"): png(8, 8)})
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    (copy,) = result.feedback or []
    summary = [str(c.value) for row in load_workbook(copy.copy_path).worksheets[0].iter_rows()
               for c in row if c.value]  # fmt: skip
    assert "原表中粘贴在隐患所在行的照片，除以上未能读取的图片外，已收入全校隐患台账的佐证材料" in (
        "".join(summary)
    )
    assert not any(t.startswith("原表中粘贴在隐患所在行的照片已收入") for t in summary)


def test_a_corrected_copy_without_the_photos_keeps_them_and_loses_the_warning(
    tmp_path: Path,
) -> None:
    """The department corrects its 退回修改 copy (which cannot carry the photos) and returns
    it: the photos of the first return stay with their hazards, warnings are not repeated."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first = returns / "v1.xlsx"
    filled_form(campaign, "安全保卫处", first, [closed(序号=1), closed(序号=2, 部位="食堂")])
    paste_photos(first, wps={_cell(first, 1, "备注"): AFTER})
    filled_form(
        campaign,
        "安全保卫处",
        returns / "v2.xlsx",
        [closed(序号=1), closed(序号=2, 部位="食堂")],
        form_date=date(2023, 12, 16),
    )
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert [len(h.photos) for h in result.collection.hazards] == [1, 0]
    assert [h.warnings for h in result.collection.hazards] == [0, 1]
    assert [(p.code, p.row) for p in result.collection.problems] == [
        (Code.MISSING_PHOTO, result.collection.hazards[1].source_row)
    ]


def test_a_photo_on_a_row_numbered_as_another_departments_problem_is_not_its_evidence(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """附属医院 writes XJ-01 (安全保卫处's problem) on a row of its own, with a photo: the
    row is no answer to XJ-01 (collect says so), and XJ-01's 一问题一档案 showed the
    hospital's version and photo as its evidence (clerk trial 34)."""
    monkeypatch.chdir(tmp_path)
    findings_list(Path("清单.xlsx"), [LISTED])
    form = filled_form(
        photo_campaign(),
        "附属医院",
        Path("回收") / "医院.xlsx",
        [closed(问题编号="XJ-01", 部位="门诊楼")],
    )
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    args = ["--as-of", "2023-12-20", "--findings", "清单.xlsx"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code in (0, 1)
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *args]).exit_code == 0
    with zipfile.ZipFile("档案.xlsx") as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/media/")]
    texts = [str(c.value) for row in load_workbook("档案.xlsx")["XJ-01"].iter_rows() for c in row]
    assert not any("医院.xlsx" in t for t in texts)


LATER = date(2023, 12, 15)
"""A 销号时间 after the 日期 (12月14日) of a version that reported the row 整改中 (one before
it is warned closed-while-open)."""


def test_a_photo_sent_while_in_progress_is_not_the_after_photo(tmp_path: Path) -> None:
    """A photo pasted while the row was 整改中 (整改前), then 已完成 without a new one: the
    row lacks its 整改后 photo (clerk trial 34: the warning was dropped); the photo stays
    with the hazard."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first = returns / "v1.xlsx"
    filled_form(campaign, "安全保卫处", first, [hazard(序号=1)])
    paste_photos(first, wps={_cell(first, 1, "备注"): BEFORE})
    done = closed(序号=1, 销号时间=LATER)
    filled_form(campaign, "安全保卫处", returns / "v2.xlsx", [done], form_date=date(2023, 12, 16))
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    [row] = result.collection.hazards
    assert len(row.photos) == 1 and row.warnings == 1
    assert [p.code for p in result.collection.problems] == [Code.MISSING_PHOTO]
    # status and remind ask for it as collect does (they took the hazard as proven: trial 35)
    assert [h.location for h in result.status.missing_photos] == [row.location]
    again = status_of(campaign, [tmp_path / "台账.xlsx"], AS_OF)
    assert [h.location for h in again.missing_photos] == [row.location]


def test_the_before_photo_left_in_the_row_is_not_the_after_photo(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 整改中 row's photo left in the row when the department marks it 已完成 (the same
    bytes): no 整改后 photo either — said on the row, with where it was sent first; without
    require_photo nothing is said, and the report's photo page says they are 整改前."""
    returns = tmp_path / "回收"
    first, second = returns / "v1.xlsx", returns / "v2.xlsx"
    filled_form(
        photo_campaign(), "安全保卫处", first, [hazard(序号=1), hazard(序号=2, 部位="食堂")]
    )
    paste_photos(
        first, floating=[(_cell(first, 1, "备注"), BEFORE), (_cell(first, 2, "备注"), AFTER)]
    )
    filled_form(
        photo_campaign(),
        "安全保卫处",
        second,
        [closed(序号=1, 销号时间=LATER), closed(序号=2, 部位="食堂", 销号时间=LATER)],
        form_date=date(2023, 12, 16),
    )
    paste_photos(
        second,
        floating=[(_cell(second, 1, "备注"), BEFORE), (_cell(second, 2, "备注"), FLOATING_PHOTO)],
    )
    for require in (True, False):
        register = tmp_path / f"台账{require}.xlsx"
        result = collect_to_register(photo_campaign(require), [returns], register, AS_OF)
        one, two = result.collection.hazards
        assert one.before_photos_only and not two.before_photos_only
        # the register and --json say so too: a bare 1 read as evidence (clerk trial 77)
        sheet = load_workbook(register)["隐患台账"]
        column = [c.value for c in sheet[2]].index("照片")
        shown = [r[column] for r in sheet.iter_rows(min_row=3, max_row=4, values_only=True)]
        assert shown == ["1（仅整改前）", 2]
        assert read_register(register).hazards[0].photos == one.photos  # read back whole
        views = {v.location: v for v in result.status.missing_photos}
        if require:
            assert views[one.location].photos_before_only
            # the 补充照片 notice says why a row with a photo is asked for one (trial 87)
            [notice] = [n for n in notices(photo_campaign(require), result.status) if n.own]
            assert "（销号时间 2023年12月" in notice.text
            assert "，所附照片是整改中时报送的整改前照片" in notice.text
        said = [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
        if not require:
            assert not said and not result.status.missing_photos
            monkeypatch.chdir(tmp_path)
            args = ["report", register.name, "--photos", "-o", "汇报.xlsx", "--as-of", "2023-12-20"]
            assert runner.invoke(app, args).exit_code == 0
            ws = load_workbook("汇报.xlsx")["整改照片"]
            texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
            assert texts.count("下列照片都是整改中时报送的整改前照片，尚未附整改后照片") == 1
            continue
        [warning] = said
        assert (Path(warning.file).name, warning.row) == ("v2.xlsx", one.source_row)
        assert (
            f"整改中时已报送过的（{returns / 'v1.xlsx'} 第 {one.source_row} 行）" in warning.message
        )
        assert (one.warnings, two.warnings) == (1, 0)
        assert [h.location for h in result.status.missing_photos] == [one.location]


def test_another_hazards_before_photo_is_not_the_after_photo(tmp_path: Path) -> None:
    """门锁's 整改前 photo pasted on 围栏 when both are reported 已完成 (门锁 with a new one):
    围栏's photos were all 整改前, as its caption said, yet it counted as proven — no word,
    and status dropped it from 未附整改后照片 (clerk trial 51)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first, second = returns / "v1.xlsx", returns / "v2.xlsx"
    rows = [hazard(序号=1, 部位="岗亭", 存在隐患问题="门锁损坏"), hazard(序号=2, 部位="围栏")]
    filled_form(campaign, "安全保卫处", first, rows)
    paste_photos(
        first, floating=[(_cell(first, 1, "备注"), BEFORE), (_cell(first, 2, "备注"), AFTER)]
    )
    done = [closed(**{k: v for k, v in r.items() if k != "整改完成情况"}) for r in rows]
    filled_form(campaign, "安全保卫处", second, done, form_date=date(2023, 12, 16))
    paste_photos(
        second,
        floating=[(_cell(second, 1, "备注"), FLOATING_PHOTO), (_cell(second, 2, "备注"), BEFORE)],
    )
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    lock, fence = result.collection.hazards
    assert fence.before_photos_only and not lock.before_photos_only
    [warning] = [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
    assert (Path(warning.file).name, warning.row) == ("v2.xlsx", fence.source_row)
    assert f"整改中时已报送过的（{first} 第 {lock.source_row} 行）" in warning.message
    assert warning.value == "已完成"  # as the warning beside it quotes it (trial 55)
    assert [h.location for h in result.status.missing_photos] == ["围栏"]


@pytest.mark.parametrize("how", ["at-once", "collect-each-time", "written-over"])
def test_a_before_photo_stays_one_when_the_version_is_sent_again(tmp_path: Path, how: str) -> None:
    """整改中 with its 整改前 photo, then 已完成 with that photo only, then the same sent again
    (a later 日期): the photo is still no 整改后 one (clerk trial 37: sent again, it had
    become one — first sent on a 已完成 row, by the second version). Each version saved
    over the last under one name, the register remembers which photo was 整改前."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    register = tmp_path / "台账.xlsx"
    for n, (row, day) in enumerate(
        [
            (hazard(序号=1), date(2023, 12, 12)),
            (closed(序号=1), date(2023, 12, 14)),
            (closed(序号=1), date(2023, 12, 16)),
        ],
        start=1,
    ):
        name = "保卫处.xlsx" if how == "written-over" else f"v{n}.xlsx"
        path = filled_form(campaign, "安全保卫处", returns / name, [row], form_date=day)
        paste_photos(path, floating=[(_cell(path, 1, "备注"), BEFORE)])
        if how != "at-once":
            result = collect_to_register(campaign, [returns], register, AS_OF)
    if how == "at-once":
        result = collect_to_register(campaign, [returns], register, AS_OF)
    [row] = result.collection.hazards
    assert row.before_photos_only
    [said] = [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
    if how != "written-over":  # (else no file tells where it was sent first)
        assert Path(said.file).name == "v3.xlsx" and "v1.xlsx 第" in said.message
    assert [h.location for h in result.status.missing_photos] == [row.location]


def test_a_photo_sent_with_done_but_no_closing_date_is_an_after_photo(tmp_path: Path) -> None:
    """已完成 with its photo but no 销号时间 (an error of its own), the date given in the next
    version, which carries the photo over or shows it again: the photo was sent as the
    整改后 one."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first, second = returns / "v1.xlsx", returns / "v2.xlsx"
    filled_form(campaign, "安全保卫处", first, [hazard(序号=1, 整改完成情况="已完成")])
    paste_photos(first, floating=[(_cell(first, 1, "备注"), AFTER)])
    filled_form(campaign, "安全保卫处", second, [closed(序号=1)], form_date=date(2023, 12, 16))
    for again in (False, True):
        if again:
            paste_photos(second, floating=[(_cell(second, 1, "备注"), AFTER)])
        result = collect_to_register(campaign, [returns], tmp_path / f"{again}.xlsx", AS_OF)
        [row] = result.collection.hazards
        assert row.photos and not row.before_photos_only
        assert not [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
        assert not result.status.missing_photos


def test_a_version_of_the_register_is_read_without_records_of_its_own(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register with photos whose records are gone is refused (trial 158); a version the
    history keeps, or one copied out of it, has none of its own and is read as before (the
    README sends the clerk there for a past day's register)."""
    monkeypatch.chdir(tmp_path)
    form = filled_form(photo_campaign(), "安全保卫处", Path("回收") / "保卫处.xlsx", [closed()])
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    for day in ("2023-12-19", "2023-12-20"):
        assert runner.invoke(app, ["collect", "回收", "--as-of", day]).exit_code == 0
    [kept] = Path(".全校隐患台账.历史版本").glob("全校隐患台账.*.xlsx")
    Path("归档").mkdir()
    copied = shutil.copy2(kept, Path("归档") / "台账-12月19日.xlsx")
    for version in (kept, copied):
        said = runner.invoke(app, ["status", str(version), "--as-of", "2023-12-19"])
        assert said.exit_code == 0, said.output


def test_a_photo_the_report_cannot_find_is_said(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One hazard's photo gone from 佐证材料 (its folder moved, the departments' forms sent
    again without it): report --photos printed the others' pages and left that one out
    without a word (clerk trials 158, 159)."""
    monkeypatch.chdir(tmp_path)
    department_form(photo_campaign(), Path("回收") / "安全保卫处.xlsx")
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    library = Path(EVIDENCE_FOLDER) / LIBRARY_FOLDER
    (library / f"{hashlib.sha256(WPS_PHOTO).hexdigest()}.png").unlink()
    (Path(EVIDENCE_FOLDER) / "安全保卫处" / "1-1.png").unlink()
    said = runner.invoke(app, ["report", "--photos", "-o", "汇报.xlsx", *args])
    assert said.exit_code == 0, said.output
    text = "".join(said.output.split())
    assert "附有照片的隐患3项" in text
    assert "注意：台账记录的照片中有1张（佐证材料/安全保卫处/1-1.png）在佐证材料中找不到" in text


def test_a_photo_the_archive_cannot_find_is_said(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sample left a problem's photo it could not find off its page without a word (clerk
    trial 159, as report did)."""
    monkeypatch.chdir(tmp_path)
    findings_list(Path("清单.xlsx"), [LISTED])
    rows = [closed(问题编号="XJ-01"), hazard(部位="东门")]  # (one photo left: not all gone)
    form = filled_form(photo_campaign(), "安全保卫处", Path("回收") / "保卫处.xlsx", rows)
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER, _cell(form, 2, "备注"): BEFORE})
    args = ["--as-of", "2023-12-20", "--findings", "清单.xlsx"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    (Path(EVIDENCE_FOLDER) / LIBRARY_FOLDER / f"{hashlib.sha256(AFTER).hexdigest()}.png").unlink()
    (Path(EVIDENCE_FOLDER) / "安全保卫处" / "1-1.png").unlink()
    said = runner.invoke(app, ["sample", "--all", *args])
    assert said.exit_code == 0, said.output
    text = "".join(said.output.split())
    assert (
        "注意：台账记录的照片中有1张（佐证材料/安全保卫处/1-1.png）在佐证材料中找不到，档案页中没有它们"
        in text
    )


def test_a_photo_of_another_hazard_of_the_same_department_is_no_evidence_of_this_one(
    tmp_path: Path,
) -> None:
    """总务处 pasted its 图书馆 photo, sent before, on its redone 3号教学楼 row too: warned
    (reused), but counted as that hazard's own evidence — across departments it was not
    (trial 221 BV4). It lacks its own photo in status and its notice alike."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    library = closed(部位="图书馆", 存在隐患问题="应急灯不亮")
    first = filled_form(
        campaign, "总务基建处", returns / "总务.xlsx", [library], form_date=date(2023, 12, 10)
    )
    paste_photos(first, wps={_cell(first, 1, "备注"): AFTER})
    redone = closed(部位="3号教学楼", 存在隐患问题="楼梯扶手松动")
    second = filled_form(
        campaign,
        "总务基建处",
        returns / "总务-第二版.xlsx",
        [library, redone],
        form_date=date(2023, 12, 16),
    )
    paste_photos(second, wps={_cell(second, 1, "备注"): AFTER, _cell(second, 2, "备注"): AFTER})
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    assert [p.row for p in said] == [int(_cell(second, 2, "备注")[1:])]
    lacking = {h.location: h.photos_of_others for h in result.status.missing_photos}
    assert lacking == {"3号教学楼": "本部门为另一项隐患（图书馆：应急灯不亮）"}
    from huitoukan.letters.notices import notices

    [letter] = [n for n in notices(campaign, result.status) if n.department == "总务基建处"]
    assert (
        "，所附照片是本部门为另一项隐患（图书馆：应急灯不亮）报送的，不是这项隐患自己的整改照片"
        in (letter.text)
    )


def test_a_register_copied_without_its_photos_writes_no_page_saying_there_are_none(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register taken elsewhere without 佐证材料: report --photos and sample said 没有附
    照片 on every page and exited 0 (clerk trial 36); they refuse, saying what to copy."""
    monkeypatch.chdir(tmp_path)
    findings_list(Path("清单.xlsx"), [LISTED])
    form = filled_form(
        photo_campaign(), "安全保卫处", Path("回收") / "保卫处.xlsx", [closed(问题编号="XJ-01")]
    )
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    args = ["--as-of", "2023-12-20", "--findings", "清单.xlsx"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    # the library alone gone, the photos laid out per department still there: taken from
    # those (clerk trial 37: 一张也找不到, beside the photos)
    shutil.rmtree(Path(EVIDENCE_FOLDER) / LIBRARY_FOLDER)
    assert runner.invoke(app, ["report", "--photos", "-o", "汇报.xlsx", *args]).exit_code == 0
    with zipfile.ZipFile("汇报.xlsx") as archive:
        assert [archive.read(n) for n in archive.namelist() if n.startswith("xl/media/")] == [AFTER]
    Path("汇报.xlsx").unlink()

    def refused(*expected: str) -> None:
        for command in (
            ["report", "--photos", "-o", "汇报.xlsx"],
            ["sample", "--all", "-o", "档案.xlsx"],
        ):
            result = runner.invoke(app, [*command, *args])
            said = "".join(result.output.split())
            assert result.exit_code == 2, result.output
            assert all(text in said for text in expected), said
            assert not Path(command[-1]).exists()

    shutil.move(EVIDENCE_FOLDER, "别处")
    refused("台账记录了1张照片", "请连同“佐证材料”文件夹一起复制")
    # the register alone copied (a USB stick shows no hidden file): its 照片 column counts
    # photos nobody can say are whose (clerk trial 37: 没有附照片 on every page, exit 0)
    for record in Path().glob(".全校隐患台账.xlsx.*"):
        record.unlink()
    refused("旁没有上次汇总留下的记录文件（是隐藏文件：.全校隐患台账.xlsx.huitoukan、", "或复制整个文件夹",
            # (whether rounds were issued the records alone say: named at once, trial 159)
            "；发过跟进轮的，还有.全校隐患台账.xlsx.rounds.json）")  # fmt: skip
    # collect says the records are missing (what they alone hold would be lost: clerk
    # trial 157); the returns still there, --force takes the photos out again
    said = runner.invoke(app, ["collect", "回收", *args])
    assert said.exit_code == 2
    assert "旁没有上次汇总留下的记录文件（是隐藏文件：.全校隐患台账.xlsx.huitoukan、" in "".join(
        said.output.split()
    )
    assert runner.invoke(app, ["collect", "回收", "--force", *args]).exit_code == 0
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *args]).exit_code == 0


def test_one_photo_two_departments_sent_for_their_shared_problem_is_shown_once(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A problem handed to two departments, each answering with the same photo: its
    一问题一档案 page shows it once (clerk trial 36: twice), labelled 整改后 (sent 已完成);
    the report's photo page of an answer names its problem."""
    monkeypatch.chdir(tmp_path)
    findings_list(Path("清单.xlsx"), [{**LISTED, "责任部门": "安全保卫处、总务基建处"}])
    for department in ("安全保卫处", "总务基建处"):
        form = filled_form(
            photo_campaign(),
            department,
            Path("回收") / f"{department}.xlsx",
            [closed(问题编号="XJ-01")],
        )
        paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    args = ["--as-of", "2023-12-20", "--findings", "清单.xlsx"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *args]).exit_code == 0
    with zipfile.ZipFile("档案.xlsx") as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/media/")]) == 1
    texts = [str(c.value) for row in load_workbook("档案.xlsx")["XJ-01"].iter_rows() for c in row]
    assert any(
        "附有照片 1 张（见下，按报送时该隐患的整改完成情况注明整改前或整改后" in t for t in texts
    )
    assert any(t.endswith("1-1.png（整改后）") for t in texts)
    assert runner.invoke(app, ["report", "--photos", "-o", "汇报.xlsx", *args]).exit_code == 0
    ws = load_workbook("汇报.xlsx")["整改照片"]
    assert [c.value for row in ws.iter_rows() for c in row].count("交办问题：XJ-01") == 2


def test_an_archive_page_says_an_answers_photo_could_not_be_read(tmp_path: Path) -> None:
    """安全保卫处 answered SD-1 with a photo pasted that could not be read (as in a .xls):
    its 一问题一档案 page said “（报送的表格中没有附照片）” where every other paper said the
    photo was lost (clerk trial 144). Said so, naming the department."""
    from huitoukan.actions.sample import sample
    from huitoukan.findings.reading import read_findings
    from tests.helpers import answer

    campaign = photo_campaign()
    problem = {"问题编号": "SD-1", "问题来源": "省级督查", "发现时间": "2023-11-20", "部位": "东门",
               "问题描述": "防冲撞设施不全", "责任部门": "安全保卫处", "整改时限": "2023-12-30"}  # fmt: skip
    listed = findings_list(tmp_path / "交办问题清单.xlsx", [problem])
    returns = tmp_path / "回收"
    path = returns / "安全保卫处.xlsx"
    filled_form(campaign, "安全保卫处", path, [], assigned=read_findings(listed, campaign).findings,
                answers={"SD-1": answer()})  # fmt: skip
    paste_photos(path, wps={_cell(path, 1, "备注"): b"this is not a picture at all" * 10})
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
    out = tmp_path / "抽查档案.xlsx"
    sample(campaign, [register], out, None, None, ["省级督查"], AS_OF, listed)
    texts = [str(c.value) for ws in load_workbook(out) for row in ws.iter_rows() for c in row]
    assert (
        "（安全保卫处报送的表格中附的照片未能读取：请其重新粘贴照片后报送；.xls 格式的表格读不出"
        "照片，请另存为 .xlsx）" in texts
    )
    assert "（报送的表格中没有附照片）" not in texts


def test_sample_and_report_place_the_photos(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    monkeypatch.chdir(tmp_path)
    Path("campaign.toml").write_text(
        default_campaign_text().replace("require_photo = false", "require_photo = true"),
        encoding="utf-8",
    )
    collected = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert collected.exit_code == 0
    said = "".join(collected.output.split())
    assert "整改照片5张（4项隐患）按部门放在佐证材料文件夹中" in said
    # status names the hazard lacking its photo when asked for a department or for all
    for asked in (["--all"], ["-d", "安全保卫处"], []):
        shown = runner.invoke(app, ["status", *asked, "--as-of", "2023-12-20"]).output
        assert ("安全保卫处　图书馆：疏散指示牌缺失" in shown) is bool(asked), shown
    result = runner.invoke(app, ["report", "--photos", "--as-of", "2023-12-20"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile("回头看工作汇报.xlsx") as archive:
        media = sorted(archive.read(n) for n in archive.namelist() if n.startswith("xl/media/"))
        names = archive.read("xl/workbook.xml").decode()
    assert media == sorted([WPS_PHOTO, EXCEL_PHOTO, FLOATING_PHOTO, BEFORE, AFTER])
    assert "整改照片" in names
    assert "另附“整改照片”：附有照片的隐患4项" in "".join(result.output.split())
    # from the returns folder (no register): the same photos, read into a temporary library
    result = runner.invoke(
        app, ["report", "回收", "--photos", "-o", "二.xlsx", "--as-of", "2023-12-20"]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile("二.xlsx") as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/media/")]) == 5
    ws = load_workbook("二.xlsx")["整改照片"]
    titles = [c.value for row in ws.iter_rows() for c in row if "整改照片（" in str(c.value)]
    assert len(titles) == 4  # a page for each hazard with photos
    assert len(ws.row_breaks.brk) == 3
    # each photo captioned: with the file it is laid out as beside the register, or (read
    # from the returns, nothing laid out) with its department and number; and whether it
    # was sent while the hazard was open (整改前) or 已完成 (整改后; two sent together with
    # 已完成 are a before and an after as likely: both were 整改后, clerk trial 51)
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "安全保卫处　照片 2（已完成时报送）" in texts
    ws = load_workbook("回头看工作汇报.xlsx")["整改照片"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert [t for t in texts if t.startswith(EVIDENCE_FOLDER)] == [
        f"{EVIDENCE_FOLDER}/安全保卫处/{name}"
        for name in (
            "1-1.png（整改前）",
            "2-1.png（整改前）",
            "3-1.png（整改后）",
            "4-1.png（已完成时报送）",
            "4-2.png（已完成时报送）",
        )
    ]


@pytest.mark.parametrize(
    ("progress", "review", "before", "said"),
    [
        ("已完成", "", (), "（整改后）"),
        ("整改中", "", ("a.png",), "（整改前）"),
        ("已完成", "不合格", (), "（报已完成时报送，复查不合格）"),
        ("整改中", "", (), ""),
    ],
)
def test_a_photo_is_captioned_by_how_its_row_stood_when_sent(
    progress: str, review: str, before: tuple[str, ...], said: str
) -> None:
    """A photo sent with the row 已完成, the review failed since: captioned with its file
    alone, while the same return's other photo read （已完成时报送） (clerk trial 151)."""
    from huitoukan.actions.photos import _when_sent
    from huitoukan.model.returns import HazardRow

    row = HazardRow("总务基建处", "a.xlsx", "附件2", 5, location="配电室", hazard="堆放杂物")
    row = row._replace(progress=progress, review=review, photos=("a.png",), before_photos=before)
    assert _when_sent(row, "a.png") == said


def test_a_phone_photo_is_embedded_at_the_size_it_prints(tmp_path: Path) -> None:
    """A 3000 × 2000 phone photo (EXIF: taken turned) printed 6 cm wide made a report of
    megabytes a photo (clerk trial 43: 48 MB): it is embedded at three pixels a pixel
    shown, a JPEG still, turned as its EXIF says (no office suite does: trial 129); a small
    photo and one no decoder can read as it is. The original stays byte-identical where
    the evidence is kept."""
    import io

    from PIL import Image

    from huitoukan.letters.photos import PRINT_SCALE, Photo, place_photos
    from huitoukan.xlsx.writer import Sheet

    image = Image.effect_noise((3000, 2000), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotated 90° clockwise
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif)
    phone = buffer.getvalue()
    damaged = phone[:2000] + b"\0" * 5000  # a header that says 3000 × 2000, then nothing
    small = png(40, 30)
    sheet = Sheet("照片", [14, 26, 14, 26], portrait=True)
    photos = [Photo(phone, "手机照片"), Photo(damaged, "损坏"), Photo(small, "小图")]
    assert place_photos(sheet, photos) == 3
    embedded = [picture.data for picture in sheet.pictures]
    assert embedded[1:] == [damaged, small]
    assert len(embedded[0]) < len(phone) / 5
    with Image.open(io.BytesIO(embedded[0])) as shrunk:
        shown = sheet.pictures[0]
        assert shrunk.format == "JPEG" and shrunk.getexif().get(0x0112, 1) == 1
        assert shrunk.height > shrunk.width  # 3000 × 2000 stored, upright 2000 × 3000
        assert shown.width * PRINT_SCALE >= shrunk.width >= shown.width * PRINT_SCALE * 0.9


@pytest.mark.parametrize(
    ("kind", "mode", "embedded"),
    [
        ("BMP", "RGB", "jpeg"),
        ("TIFF", "RGB", "jpeg"),
        ("WEBP", "RGB", "jpeg"),
        ("TIFF", "RGBA", "png"),
        ("BMP", "RGB-small", "jpeg"),
    ],
)
def test_a_bmp_tiff_or_webp_photo_is_embedded_as_a_jpeg_or_png(
    kind: str, mode: str, embedded: str
) -> None:
    """A 4000 × 3000 BMP pasted into a form went into the report as it was: 36 MB for one
    photo (clerk trial 82). BMP, TIFF and WebP (which not every suite shows) are embedded
    at the size they print as a JPEG, or a PNG when no colour photo; small ones too (a BMP
    is uncompressed whatever its size)."""
    import io

    from PIL import Image

    from huitoukan.letters.photos import Photo, place_photos
    from huitoukan.xlsx.writer import Sheet

    side = (200, 150) if mode.endswith("small") else (2400, 1800)
    image = Image.effect_noise(side, 60).convert(mode.removesuffix("-small"))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    original = buffer.getvalue()
    sheet = Sheet("照片", [14, 26, 14, 26], portrait=True)
    assert place_photos(sheet, [Photo(original, "照片")]) == 1
    [picture] = sheet.pictures
    assert picture.extension == embedded
    with Image.open(io.BytesIO(picture.data)) as shown:
        assert shown.format == embedded.upper()
    assert len(picture.data) < len(original) / 3


def test_a_row_of_photos_never_straddles_a_printed_page() -> None:
    """Ten photos of one hazard: a row of them that would not fit on the rest of the page
    starts the next, under a heading saying whose photos go on (a page break through a
    photo printed half of it on each page)."""
    from huitoukan.letters.photos import ROW_PIXELS, Photo, place_photos
    from huitoukan.xlsx.writer import Sheet

    sheet = Sheet("照片", [14, 26, 14, 26], portrait=True)
    for _ in range(8):
        sheet.add("")
    headings: list[int] = []
    photos = [Photo(png(400, 300), f"照片 {n}") for n in range(1, 11)]
    assert place_photos(sheet, photos, lambda: headings.append(sheet.add("续"))) == 10
    assert len(sheet.page_breaks) == len(headings) >= 1
    assert headings == sheet.page_breaks  # the heading first on its page
    for picture in sheet.pictures:
        last_row = picture.row + -(-picture.height // ROW_PIXELS) - 1
        assert not any(picture.row < b <= last_row for b in sheet.page_breaks)


@pytest.mark.parametrize("fill_page", [False, True])
def test_photos_filling_a_page_are_larger_and_never_straddle_it(fill_page: bool) -> None:
    """report --photos gives each hazard's photos a page: filling it, a photo alone spans
    the page's width and two wider than tall stand one above the other, the same size, each
    larger than side by side (they printed 6.6 cm wide above half a page left empty, clerk
    trial 61); two taller than wide stay side by side, taller than before. Never larger
    than the page, and never split by a page break."""
    from huitoukan.letters.photos import BOX_HEIGHT, ROW_PIXELS, Photo, place_photos
    from huitoukan.xlsx.writer import PAGE_HEIGHT, Sheet

    def placed(*sizes: tuple[int, int]) -> tuple[Sheet, list[tuple[int, int, int, int]]]:
        sheet = Sheet("照片", [14, 26, 14, 26], portrait=True)
        for _ in range(8):  # the hazard's particulars
            sheet.add("")
        photos = [Photo(png(*size), f"照片 {n}") for n, size in enumerate(sizes)]
        place_photos(sheet, photos, lambda: sheet.add("续"), fill_page=fill_page)
        shown = [(p.row, p.column, p.width, p.height) for p in sheet.pictures]
        return sheet, shown

    _, [alone] = placed((1600, 1200))
    _, [first, second] = placed((1600, 1200), (1600, 1200))
    _, [left, right] = placed((900, 1200), (900, 1200))
    assert (left[0], left[1]) == (right[0], right[1] - 2)  # side by side
    if not fill_page:  # as before: fitted to BOX_HEIGHT, two to a row, each in its half
        assert alone[3] == left[3] == BOX_HEIGHT and first[0] == second[0]
        assert first[2] < alone[2] and first[3] < BOX_HEIGHT
        return
    assert alone[3] > 1.5 * BOX_HEIGHT
    # a phone's upright photo alone as tall as the page lets it be, not 13 cm (its page
    # left half empty: clerk trial 128)
    sheet, [upright] = placed((3000, 4000))
    assert upright[3] > 600 and (upright[0] + upright[3] / ROW_PIXELS) * 15 < PAGE_HEIGHT[True]
    assert first[1] == second[1] == 0 and second[0] > first[0]  # one above the other
    assert first[2:] == second[2:] and first[3] > 1.4 * BOX_HEIGHT
    assert left[3] > 1.4 * BOX_HEIGHT
    sheet, shown = placed(*[(1600, 1200)] * 5)
    page_rows = PAGE_HEIGHT[True] / 15
    for row, _, _, height in shown:
        assert height / ROW_PIXELS < page_rows
        last_row = row + -(-height // ROW_PIXELS) - 1
        assert not any(row < b <= last_row for b in sheet.page_breaks)


def test_a_file_read_before_is_answered_from_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """collect runs again and again as returns arrive: the photos of a file already read
    are not unzipped again, unless the library lost one of them. The notes of all files
    are one file, written once a run."""
    from huitoukan.returns import form_reading
    from huitoukan.returns.batch import as_return_file, read_returns
    from huitoukan.returns.photos import NOTES_FILE, open_store

    campaign = photo_campaign()
    path = department_form(campaign, tmp_path / "a.xlsx")
    library = tmp_path / "library"
    first = read_returns([as_return_file(path)], campaign, AS_OF, photos=open_store(library))
    assert first[0].picture_notes is not None
    written = (library / NOTES_FILE).stat().st_mtime_ns

    def fail(*args: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(form_reading, "read_pictures", fail)
    store = open_store(library)
    again = form_reading.read_return(as_return_file(path), campaign, AS_OF, store)
    assert [h.photos for h in again[0].hazards] == [h.photos for h in first[0].hazards]
    assert again[0].problems == first[0].problems
    assert [h.remarks for h in again[0].hazards] == [""] * 5  # the picture cells blanked
    assert again[0].picture_notes is None
    read_returns([as_return_file(path)], campaign, AS_OF, photos=store)
    assert (library / NOTES_FILE).stat().st_mtime_ns == written  # nothing new to note
    (store.folder / first[0].hazards[0].photos[0]).unlink()
    with pytest.raises(AssertionError, match="read again"):
        form_reading.read_return(as_return_file(path), campaign, AS_OF, store)


def test_notes_that_cannot_be_read_cost_a_reading(tmp_path: Path) -> None:
    """A damaged notes file is no notes: every file is read again, and the notes are
    written anew."""
    from huitoukan.returns.batch import as_return_file, read_returns
    from huitoukan.returns.photos import NOTES_FILE, open_store

    campaign = photo_campaign()
    path = department_form(campaign, tmp_path / "a.xlsx")
    library = tmp_path / "library"
    library.mkdir()
    (library / NOTES_FILE).write_text('{"files": {"abc": 1', "utf-8")
    assert open_store(library).known == {}
    forms = read_returns([as_return_file(path)], campaign, AS_OF, photos=open_store(library))
    assert list(open_store(library).known) == [forms[0].sha256]


def test_a_file_without_pictures_leaves_no_note(tmp_path: Path) -> None:
    """Reading a picture-less return again costs less than a note: none is written."""
    from huitoukan.returns.batch import as_return_file, read_returns
    from huitoukan.returns.photos import NOTES_FILE, open_store

    campaign = photo_campaign()
    plain = filled_form(campaign, "保卫处", tmp_path / "plain.xlsx", [hazard(部位="东门")])
    library = tmp_path / "library"
    read_returns([as_return_file(plain)], campaign, AS_OF, photos=open_store(library))
    assert not (library / NOTES_FILE).exists()
    photos = department_form(campaign, tmp_path / "a.xlsx")
    both = [as_return_file(plain), as_return_file(photos)]
    forms = read_returns(both, campaign, AS_OF, photos=open_store(library))
    assert list(open_store(library).known) == [forms[1].sha256]


def test_photos_of_rows_sharing_a_number_are_named_by_their_hazard(tmp_path: Path) -> None:
    """Two rows numbered 1 (a department that restarted its numbering), each with a photo:
    their files are named by 隐患编号, which the register lists beside each hazard."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    form = returns / "保卫处.xlsx"
    rows = [hazard(序号=1, 部位="东门"), hazard(序号=1, 部位="西门")]
    filled_form(campaign, "安全保卫处", form, rows)
    paste_photos(form, floating=[(_cell(form, 1, "部位"), BEFORE), (_cell(form, 2, "部位"), AFTER)])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    ids = {r["部位"]: r["隐患编号"] for r in sheet_rows(register, HAZARD_SHEET)}
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        f"{ids['东门']}-1.png": BEFORE,
        f"{ids['西门']}-1.png": AFTER,
    }


def test_photos_of_rows_numbered_as_wps_numbers_them_are_named_by_the_number(
    tmp_path: Path,
) -> None:
    """序号 typed 一、, （二）, 4.: the photos were named by 隐患编号 (H59F09F1C-1.png), which
    the README says of a blank or repeated 序号 only (clerk trial 182 AH105)."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    form = returns / "保卫处.xlsx"
    rows = [hazard(序号="一、", 部位="东门"), hazard(序号="（二）", 部位="西门"),
            hazard(序号="4.", 部位="北门")]  # fmt: skip
    filled_form(campaign, "安全保卫处", form, rows)
    paste_photos(
        form,
        floating=[
            (_cell(form, 1, "部位"), BEFORE),
            (_cell(form, 2, "部位"), AFTER),
            (_cell(form, 3, "部位"), FLOATING_PHOTO),
        ],
    )
    collect_to_register(campaign, [returns], tmp_path / "全校隐患台账.xlsx", AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "1-1.png": BEFORE,
        "2-1.png": AFTER,
        "4-1.png": FLOATING_PHOTO,
    }


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_kept_photos_are_readable_by_whom_new_files_are(tmp_path: Path) -> None:
    """A shared office folder: the laid-out photos open for colleagues as any new file does
    (0666 less the umask), not for their owner only."""
    campaign = photo_campaign(require_photo=False)
    department_form(campaign, tmp_path / "回收" / "安全保卫处.xlsx")
    mask = os.umask(0o022)
    try:
        collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "全校隐患台账.xlsx", AS_OF)
    finally:
        os.umask(mask)
    photos = list((tmp_path / EVIDENCE_FOLDER / "安全保卫处").iterdir())
    assert photos and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in photos)


@pytest.mark.parametrize("failing", ["open", "write"])
def test_a_photo_that_cannot_be_written_costs_the_photo_not_the_return(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A full disk under the library: the photo is not kept, and nothing is raised (the
    return was reported unreadable, as if the department's file were damaged); no half
    written file is left behind (it would stand for the photo the next time)."""
    from huitoukan.returns import photos
    from huitoukan.returns.pictures import Picture

    picture = Picture(
        "自查整改清单", 5, 12, "floating", "xl/media/image1.png", "png", 40, 30, BEFORE
    )
    store = photos.PhotoStore(tmp_path / "library")

    def disk_full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(photos.os, failing, disk_full)
    assert photos.keep_photo(picture, store) == photos.photo_name(picture)
    monkeypatch.undo()
    assert not list(store.folder.iterdir())
    assert photos.keep_photo(picture, store) == photos.photo_name(picture)
    assert (store.folder / photos.photo_name(picture)).read_bytes() == BEFORE


def test_photos_missing_from_the_library_are_said(tmp_path: Path, runner: CliRunner) -> None:
    """A photo the library could not keep is said once the photos are laid out; the
    return is read and the register counts the photo."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    library = tmp_path / EVIDENCE_FOLDER / LIBRARY_FOLDER
    blocked = read_register(register).hazards[0].photos[0]
    shutil.rmtree(library)
    (library / blocked).mkdir(parents=True)  # a name the photo cannot be written under
    result = runner.invoke(
        app,
        [
            "collect",
            str(returns),
            "-o",
            str(register),
            "--as-of",
            "2023-12-20",
            "--campaign",
            str(tmp_path / "campaign.toml"),
        ],
    )
    said = "".join(result.output.split())
    assert "有1张照片（佐证材料/安全保卫处/1-1.png）在佐证材料/.照片库中找不到" in said
    assert "照片未能保存，或已被删除，或佐证材料文件夹曾被移动、改名" in said
    assert [r["照片"] for r in sheet_rows(register, HAZARD_SHEET)] == [1, 1, 1, 2, None]
    # laid out by the first collect, no longer the library's: left, as a file of the clerk's
    assert (tmp_path / EVIDENCE_FOLDER / "安全保卫处" / "1-1.png").read_bytes() == WPS_PHOTO
    assert (tmp_path / EVIDENCE_FOLDER / "安全保卫处" / "2-1.png").read_bytes() == EXCEL_PHOTO


@pytest.mark.parametrize("blocked", [EVIDENCE_FOLDER, f"{EVIDENCE_FOLDER}/{LIBRARY_FOLDER}"])
def test_a_file_where_the_evidence_folder_goes_is_refused_before_reading(
    tmp_path: Path, runner: CliRunner, blocked: str
) -> None:
    """Every photo would fail to be kept: the clerk is told which file is in the way, and
    nothing is written (the returns with photos were listed as unreadable, the register
    written without them)."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    out = tmp_path / "汇总"
    (out / blocked).parent.mkdir(parents=True, exist_ok=True)
    (out / blocked).write_text("x", "utf-8")
    result = runner.invoke(
        app,
        [
            "collect",
            str(returns),
            "-o",
            str(out / "全校隐患台账.xlsx"),
            "--as-of",
            "2023-12-20",
            "--campaign",
            str(tmp_path / "campaign.toml"),
        ],
    )
    assert result.exit_code == 2
    assert "是一个文件，这里需要的是文件夹" in "".join(result.output.split())
    assert not (out / "全校隐患台账.xlsx").exists()


def _damage(path: Path, member: str) -> None:
    """Overwrite bytes early in `member`'s deflated data, as a bad disk or a broken
    download does (its zip directory still whole)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    start = info.header_offset + 30 + name_length + extra_length
    data[start + 2 : start + 40] = b"\xff" * 38
    path.write_bytes(bytes(data))


def test_a_damaged_photo_costs_that_photo_not_the_return(tmp_path: Path) -> None:
    campaign = photo_campaign(require_photo=False)
    path = tmp_path / "回收" / "附属医院.xlsx"
    filled_form(campaign, "附属医院", path, [hazard(序号=1), hazard(序号=2, 部位="食堂")])
    big = png(300, 200, (10, 120, 240))  # a few KB: deflated past the damage
    paste_photos(path, floating=[(_cell(path, 1, "备注"), big), (_cell(path, 2, "备注"), AFTER)])
    with zipfile.ZipFile(path) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("xl/media/"))
    _damage(path, media[0])
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    assert list(result.collection.returned()) == ["附属医院"]
    assert [len(h.photos) for h in result.collection.hazards] == [0, 1]
    [warning] = result.collection.problems
    assert warning.code is Code.PICTURE_SKIPPED
    assert "的图片已损坏，无法读取，已跳过" in warning.message


def test_photos_the_newest_version_moved_leave_the_row_they_were_on(tmp_path: Path) -> None:
    """A department pasted the after-photo on the wrong row and moves it in its next
    version: it leaves the first row; the photo it shows instead of the one the second row
    had when 已完成 replaces that one (clerk trial 36: a replaced photo printed beside)."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="北围墙"), closed(序号=2, 部位="东校门")]
    for name, day, photos in (
        ("v1.xlsx", date(2023, 12, 14), {1: AFTER, 2: BEFORE}),
        ("v2.xlsx", date(2023, 12, 16), {2: AFTER}),
    ):
        filled_form(campaign, "安全保卫处", returns / name, rows, form_date=day)
        path = returns / name
        paste_photos(path, floating=[(_cell(path, r, "备注"), p) for r, p in photos.items()])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    moved = {"2-1.png": AFTER}
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == moved
    assert [len(h.photos) for h in result.collection.hazards] == [0, 1]
    # then its corrected 退回修改 copy, which carries no photos: they stay where they went
    filled_form(campaign, "安全保卫处", returns / "v3.xlsx", rows, form_date=date(2023, 12, 18))
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == moved
    assert [len(h.photos) for h in result.collection.hazards] == [0, 1]


def _both_keep_the_photo(campaign: Campaign, returns: Path, tmp_path: Path, whose: str) -> None:
    """Collected, each of the department's two hazards keeps the one 整改后 photo."""
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert [len(h.photos) for h in result.collection.hazards] == [1, 1]
    assert not [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
    folder = tmp_path / EVIDENCE_FOLDER / whose
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "1-1.png": AFTER,
        "2-1.png": AFTER,
    }


@pytest.mark.parametrize("then", ["newest", "then-another"])
def test_a_photo_pasted_on_another_row_of_a_copy_stays_where_it_was_too(
    tmp_path: Path, then: str
) -> None:
    """The 退回修改 copy holds none of the earlier photos: the department pasted the photo
    of 北围墙 into 东校门's row as well, and 北围墙 lost it, was told it had no 整改后照片
    and its 1-1 went (clerk trial 43; the copy says the photos sent are kept). Both keep
    it, also once a later version (the copy again, corrected) follows."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="北围墙"), closed(序号=2, 部位="东校门")]
    first = filled_form(campaign, "安全保卫处", returns / "v1.xlsx", rows)
    paste_photos(first, floating=[(_cell(first, 1, "备注"), AFTER)])
    copy = filled_form(
        campaign, "安全保卫处", returns / "v2.xlsx", rows, form_date=date(2023, 12, 16)
    )
    _as_a_copy(copy)
    paste_photos(copy, floating=[(_cell(copy, 2, "备注"), AFTER)])
    if then == "then-another":
        filled_form(campaign, "安全保卫处", returns / "v3.xlsx", rows, form_date=date(2023, 12, 18))
    _both_keep_the_photo(campaign, returns, tmp_path, "安全保卫处")


def test_a_closed_hazard_taken_out_keeps_its_before_and_after_photos(tmp_path: Path) -> None:
    """整改中 with its 整改前 photo, then 已完成 with the 整改后 one in its place, then a
    version without the row (closed, kept as 已销号): it kept only the photo of the version
    before, and lost its 整改前 photo (clerk trial 44)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    other = hazard(序号=2, 部位="食堂")
    for name, row, day, photo in (
        ("v1.xlsx", hazard(序号=1), date(2023, 12, 12), BEFORE),
        ("v2.xlsx", closed(序号=1), date(2023, 12, 14), AFTER),
    ):
        path = filled_form(campaign, "安全保卫处", returns / name, [row, other], form_date=day)
        paste_photos(path, floating=[(_cell(path, 1, "备注"), photo)])
    filled_form(campaign, "安全保卫处", returns / "v3.xlsx", [other], form_date=date(2023, 12, 16))
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    [gone] = [h for h in result.collection.hazards if h.vanished_from]
    library = tmp_path / EVIDENCE_FOLDER / LIBRARY_FOLDER
    assert [(library / name).read_bytes() for name in gone.photos] == [BEFORE, AFTER]
    assert [(library / name).read_bytes() for name in gone.before_photos] == [BEFORE]
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([BEFORE, AFTER])


@pytest.mark.parametrize("changed", [True, False])
def test_a_hazard_changed_after_it_passed_its_review_is_said_and_keeps_its_photos(
    tmp_path: Path, changed: bool
) -> None:
    """Reviewed 合格 on 12月10日; the department's next version rewrote its 整改措施, moved
    its 销号时间 on a day (still before the review) and pasted another photo in place of
    the one the reviewer saw: the 合格 and the archive showed what no review saw, without
    a word (clerk trial 44). The 合格 holds, the photo it accepted stays, and the change is
    said. Sent again unchanged: nothing said."""
    from huitoukan.forms.review import REVIEW_SHEET, review_form

    text = default_campaign_text().replace("review_required = false", "review_required = true")
    campaign = parse_campaign(text, "campaign.toml")
    returns = tmp_path / "回收"
    first = closed(
        序号=1, 整改措施="更换灭火器", 检查时间=date(2023, 12, 1), 销号时间=date(2023, 12, 8)
    )
    path = filled_form(
        campaign, "安全保卫处", returns / "v1.xlsx", [first], form_date=date(2023, 12, 8)
    )
    paste_photos(path, floating=[(_cell(path, 1, "备注"), AFTER)])
    [door] = collect_to_register(campaign, [returns], None, AS_OF).collection.hazards
    book = review_form(campaign, [door], AS_OF)
    ws = book[REVIEW_SHEET]
    columns = {cell.value: cell.column for cell in ws[2]}
    for header, value in (("复查时间", "2023-12-10"), ("复查结论", "合格"), ("复查人", "王磊")):
        ws.cell(3, columns[header]).value = value
    book.save(returns / "复查.xlsx")
    later = (
        closed(
            序号=1,
            整改措施="更换灭火器并张贴月检卡",
            检查时间=date(2023, 12, 1),
            销号时间=date(2023, 12, 9),
        )
        if changed
        else first
    )
    path = filled_form(
        campaign, "安全保卫处", returns / "v2.xlsx", [later], form_date=date(2023, 12, 12)
    )
    paste_photos(path, floating=[(_cell(path, 1, "备注"), FLOATING_PHOTO if changed else AFTER)])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    [now] = result.collection.hazards
    assert now.closed and now.review == "合格"
    said = [p for p in result.collection.problems if p.code is Code.CHANGED_AFTER_PASSED]
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    if not changed:
        assert not said and len(now.photos) == 1
        return
    [warning] = said
    assert warning.file.endswith("v2.xlsx")
    assert "改动了整改措施（复查时为“更换灭火器”）" in warning.message
    assert "把销号时间由 2023年12月8日 改为 2023年12月9日" in warning.message
    assert "换下或删去了复查时的照片 1 张" in warning.message
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([AFTER, FLOATING_PHOTO])


def test_a_file_written_over_with_its_photos_put_right_is_read_alike_twice(
    tmp_path: Path,
) -> None:
    """v1 proves 北围墙 with its 整改后 photo; 保卫处.xlsx pastes it one row off (on 东校门,
    整改中), then is written over with the photo back on 北围墙. The first collect after
    took the register's rows (the file as it was) for where the photo was first sent: a
    整改前 photo, 北围墙 told it had no 整改后 one; the next collect did not (clerk trial 45).
    Collected twice, the same."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    register = tmp_path / "台账.xlsx"
    first = filled_form(
        campaign, "安全保卫处", returns / "v1.xlsx",
        [closed(序号=1, 部位="北围墙"), hazard(序号=2, 部位="东校门")],
    )  # fmt: skip
    paste_photos(first, floating=[(_cell(first, 1, "备注"), AFTER)])
    path = returns / "保卫处.xlsx"
    day = date(2023, 12, 16)
    for offset in (2, 1):  # one row off, then put right in the same file
        rows = [closed(序号=1, 部位="北围墙"), hazard(序号=2, 部位="东校门")]
        filled_form(campaign, "安全保卫处", path, rows, form_date=day)
        paste_photos(path, floating=[(_cell(path, offset, "备注"), AFTER)])
        put_right = collect_to_register(campaign, [returns], register, AS_OF)
    again = collect_to_register(campaign, [returns], register, AS_OF)
    for result in (put_right, again):
        assert not [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
        door, gate = result.collection.hazards
        assert (len(door.photos), door.before_photos, len(gate.photos)) == (1, (), 0)


def test_one_photo_for_two_hazards_stays_with_both(tmp_path: Path) -> None:
    """The same photo pasted on two rows (one rectification shows both), then a version
    without photos (as the 退回修改 copy asks): each hazard keeps it (clerk trial 36: the
    first lost it, and was told it had no 整改后照片)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="北围墙"), closed(序号=2, 部位="东校门")]
    first = filled_form(campaign, "附属医院", returns / "v1.xlsx", rows)
    paste_photos(first, excel={_cell(first, 1, "备注"): AFTER, _cell(first, 2, "备注"): AFTER})
    filled_form(campaign, "附属医院", returns / "v2.xlsx", rows, form_date=date(2023, 12, 16))
    _both_keep_the_photo(campaign, returns, tmp_path, "附属医院")


@pytest.mark.parametrize(("size", "kept"), [((1, 1), False), ((31, 31), False), ((32, 8), True)])
def test_a_picture_too_small_to_be_a_photo_proves_nothing(
    tmp_path: Path, size: tuple[int, int], kept: bool
) -> None:
    """A 1×1 pixel or a small icon pasted on a row 已完成 silenced 未附整改后照片 and printed as
    an empty frame captioned 整改后 (clerk trial 51): a picture whose longer side is under 32
    pixels is said and not kept; one of 32 is a picture like any other."""
    campaign = photo_campaign()
    form = filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [closed()])
    paste_photos(form, wps={_cell(form, 1, "备注"): png(*size)})
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    [row] = result.collection.hazards
    codes = [p.code for p in result.collection.problems]
    assert bool(row.photos) is kept
    if kept:
        assert codes == []
        return
    assert sorted(codes) == sorted([Code.PICTURE_SKIPPED, Code.MISSING_PHOTO])
    [said] = [p for p in result.collection.problems if p.code is Code.PICTURE_SKIPPED]
    assert (
        f"的图片只有 {size[0]}×{size[1]} 像素，不是照片（像是图标或符号），未收入" in said.message
    )
    assert said.row == row.source_row


def test_one_photo_proving_three_hazards_is_said_on_each_row(tmp_path: Path) -> None:
    """A department proving three rectifications with one picture: nothing was said, and the
    report printed it under each, 整改后 (clerk trial 51). Each row is told which others show
    it; a row with a photo of its own is not."""
    campaign = photo_campaign()
    rows = [
        closed(序号=n, 部位=place, 存在隐患问题=what)
        for n, (place, what) in enumerate(
            [
                ("消防通道", "堆放杂物"),
                ("食堂", "燃气管道锈蚀"),
                ("配电室", "门锁损坏"),
                ("东门", "照明"),
            ],
            start=1,
        )
    ]
    form = filled_form(campaign, "总务基建处", tmp_path / "回收" / "基建处.xlsx", rows)
    paste_photos(
        form,
        floating=[(_cell(form, n, "备注"), AFTER) for n in (1, 2, 3)]
        + [(_cell(form, 4, "备注"), BEFORE)],
    )
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    first = int(_cell(form, 1, "备注")[1:])
    assert [p.row for p in said] == [first, first + 1, first + 2]
    assert f"本表第 {first + 1}、{first + 2} 行隐患的照片是同一张" in said[0].message
    assert said[0].cell == _cell(form, 1, "整改完成情况")
    hazards = result.collection.hazards
    assert [h.warnings for h in hazards] == [1, 1, 1, 0]
    # the copy says how to replace it: pasted on its row there (trials 74, 101, 178 AE2)
    from huitoukan.letters.feedback import PHOTO_STILL_KEPT, SUMMARY_SHEET, write_feedback

    (copy,) = write_feedback(result.collection, tmp_path / "退回")
    summary = load_workbook(copy.copy_path)[SUMMARY_SHEET]
    assert PHOTO_STILL_KEPT in [c.value for row in summary.iter_rows() for c in row]


def test_another_departments_before_photo_is_no_after_photo_either(tmp_path: Path) -> None:
    """学生工作处 proving 灭火器过期 done with the photo 安全保卫处 sent of its 东校门 while still
    整改中: captioned 整改后, and not told it lacks its 整改后 photo (clerk trial 53)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    mine = filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [hazard(部位="东校门")],
        form_date=date(2023, 12, 10),
    )
    theirs = filled_form(
        campaign,
        "学生工作处",
        returns / "学工处.xlsx",
        [closed(部位="3号楼", 存在隐患问题="楼道灭火器过期")],
        form_date=date(2023, 12, 14),
    )
    for form in (mine, theirs):
        paste_photos(form, wps={_cell(form, 1, "备注"): BEFORE})
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    gate, stairs = result.collection.hazards
    assert stairs.before_photos_only and stairs.before_photos == stairs.photos
    assert not gate.before_photos_only
    said = {p.code: p for p in result.collection.problems if p.department == "学生工作处"}
    assert set(said) == {Code.PHOTO_REUSED, Code.MISSING_PHOTO}
    # whose photo it is, not as if this department's own earlier version (trial 82)
    assert (
        f"这一行的照片都是安全保卫处在其隐患尚未整改时报送的（{mine} 第 {gate.source_row} 行："
        "东校门：" in said[Code.MISSING_PHOTO].message
    )
    assert [h.location for h in result.status.missing_photos] == ["3号楼"]


def test_the_row_a_photo_was_first_sent_for_keeps_it_without_a_word(tmp_path: Path) -> None:
    """岗亭's 整改前 photo, sent in the first version, pasted on 围栏 too in the second: 围栏 is
    told; 岗亭, whose photo it is, was asked to replace it (clerk trial 53)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first, second = returns / "v1.xlsx", returns / "v2.xlsx"
    rows = [hazard(序号=1, 部位="岗亭"), hazard(序号=2, 部位="围栏")]
    filled_form(campaign, "安全保卫处", first, rows)
    paste_photos(first, floating=[(_cell(first, 1, "备注"), BEFORE)])
    done = [closed(序号=1, 部位="岗亭"), closed(序号=2, 部位="围栏")]
    filled_form(campaign, "安全保卫处", second, done, form_date=date(2023, 12, 16))
    paste_photos(
        second,
        floating=[
            (_cell(second, 1, "备注"), BEFORE),
            (_cell(second, 1, "整改措施"), AFTER),
            (_cell(second, 2, "备注"), BEFORE),
        ],
    )
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    booth, fence = result.collection.hazards
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    assert [p.row for p in said] == [fence.source_row]
    assert f"与本表第 {booth.source_row} 行隐患的照片是同一张" in said[0].message


def test_a_photo_sent_before_a_follow_up_round_on_another_row_says_where_it_was(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """东门's photo, sent in the first return, pasted on 图书馆 in the follow-up round's
    form, where 东门 shows a new one: 图书馆 is told, naming the return 东门 showed it in —
    “本表第 N 行隐患的照片” named a row of this form showing another photo (trial 144)."""
    monkeypatch.chdir(tmp_path)
    Path("campaign.toml").write_text(default_campaign_text(), encoding="utf-8")
    rows = [hazard(序号=1, 部位="东门"), hazard(序号=2, 部位="图书馆")]
    first = filled_form(photo_campaign(False), "安全保卫处", Path("回收") / "保卫处.xlsx", rows)
    paste_photos(first, floating=[(_cell(first, 1, "备注"), BEFORE)])
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code in (0, 1)
    result = runner.invoke(app, ["issue", "--followup", "全校隐患台账.xlsx", "-o", "第二轮"])
    assert result.exit_code == 0, result.output
    [form] = Path("第二轮").glob("*安全保卫处*.xlsx")
    answer = Path("第二轮回收") / "保卫处-第二轮.xlsx"
    answer.parent.mkdir()
    book = load_workbook(form)
    for offset in (1, 2):  # both done
        book.worksheets[0][_cell(form, offset, "整改完成情况")] = "已完成"
        book.worksheets[0][_cell(form, offset, "销号时间")] = date(2023, 12, 18)
    book.properties.lastModifiedBy = "王干事"  # the department saves it
    book.save(answer)
    gate, library = (_cell(answer, offset, "备注") for offset in (1, 2))
    assert book.worksheets[0][_cell(answer, 1, "部位")].value == "东门"
    paste_photos(answer, floating=[(gate, AFTER), (library, BEFORE)])
    result = runner.invoke(app, ["collect", "回收", "第二轮回收", *args, "--json"])
    said = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "photo-reused"]
    assert [(p["file"], p["row"]) for p in said] == [
        ("第二轮回收/保卫处-第二轮.xlsx", int(library[1:]))
    ]
    assert (
        f"与本表第 {gate[1:]} 行隐患在之前报送的 回收/保卫处.xlsx 中所附的照片是同一张"
        in said[0]["message"]
    )


def test_another_departments_photo_sent_before_a_follow_up_round_is_still_said(
    tmp_path: Path,
) -> None:
    """保卫处 sent its 东校门 photo in its first return; its answer to the follow-up round (a
    form without photos) is the version used. 附属医院 pasting that photo was not told: only
    the used versions' own photos were compared (clerk trial 68)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    gate = closed(部位="东校门", 存在隐患问题="摄像头损坏")
    first = filled_form(
        campaign, "安全保卫处", returns / "保卫处.xlsx", [gate], form_date=date(2023, 12, 10)
    )
    paste_photos(first, wps={_cell(first, 1, "备注"): AFTER})
    filled_form(
        campaign, "安全保卫处", returns / "保卫处-第二轮.xlsx", [gate], form_date=date(2023, 12, 16)
    )
    theirs = filled_form(
        campaign,
        "附属医院",
        returns / "医院.xlsx",
        [closed(部位="门诊楼", 存在隐患问题="灭火器过期")],
        form_date=date(2023, 12, 14),
    )
    paste_photos(theirs, wps={_cell(theirs, 1, "备注"): AFTER})
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    assert [(p.department, Path(p.file).name) for p in said] == [("附属医院", "医院.xlsx")]
    assert "与安全保卫处报送的照片是同一张" in said[0].message
    # ... and, the campaign asking for a photo, its hazard counts as lacking its own: asked
    # in status and its notice, not in its 退回修改 copy alone (clerk trial 112)
    from huitoukan.letters.notices import notices

    lacking = [(h.department, h.photos_of_others) for h in result.status.missing_photos]
    assert lacking == [("附属医院", "安全保卫处")]
    [letter] = [n for n in notices(campaign, result.status) if n.department == "附属医院"]
    assert "门诊楼：灭火器过期（销号时间 " in letter.text
    assert "，所附照片是安全保卫处报送的，不是这项隐患自己的整改照片" in letter.text


@pytest.mark.parametrize("shared_problem", [False, True])
def test_another_departments_photo_is_said_to_the_one_that_sent_it_later(
    tmp_path: Path, shared_problem: bool
) -> None:
    """学生工作处 proving 楼道灭火器过期 with 保卫处's photo of a camera (clerk trial 51): said
    to 学生工作处, naming where 保卫处 sent it; not to 保卫处, which sent it first. Two
    departments answering one assigned problem with one photo are not told."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    number = {"问题编号": "XJ-01"} if shared_problem else {}
    mine = filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [closed(部位="东校门", 存在隐患问题="摄像头损坏", 责任人=None, **number)],
        form_date=date(2023, 12, 10),
    )
    theirs = filled_form(
        campaign,
        "学生工作处",
        returns / "学工处.xlsx",
        [closed(部位="3号楼", 存在隐患问题="楼道灭火器过期", 责任人=None, **number)],
        form_date=date(2023, 12, 14),
    )
    for form in (mine, theirs):
        paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    listed = None
    if shared_problem:
        listed = tmp_path / "清单.xlsx"
        findings_list(listed, [{**LISTED, "责任部门": "安全保卫处、学生工作处"}])
    register = tmp_path / "台账.xlsx"
    result = collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    # a file's problems together (the screen named a file twice: trial 53), in the order of
    # the files' table, row by row (trial 55)
    files = [p.file for p in result.collection.problems]
    assert files == sorted(files, key=files.index)
    assert [Path(f).name for f in dict.fromkeys(files)] == ["保卫处.xlsx", "学工处.xlsx"]
    # the pages the photos are shown on say it too: the report's photo pages printed
    # 保卫处's camera as the proof of 学工处's 灭火器, and the 复查验收表 read “1 张” (trial 65)
    with photo_store([register]) as store:
        captions = {
            h.location: [p.caption for p in photos]
            for h, photos in hazards_with_photos(store, result.collection.hazards)
        }
    form = review_form(
        campaign, result.collection.hazards, AS_OF, shared_photos(result.collection.hazards)
    )
    counted = [
        c.value
        for c in form.active[next(c for c in form.active[2] if c.value == "照片").column_letter]
    ]
    lacking = [h.department for h in result.status.missing_photos]
    if shared_problem:
        assert said == []
        assert not any("同一张" in c for cs in captions.values() for c in cs)
        assert "1 张" in counted
        assert lacking == []  # its own photo, shared rightly (not another's: trial 112)
        return
    assert lacking == ["学生工作处"]
    [one] = said
    assert (one.department, Path(one.file).name) == ("学生工作处", "学工处.xlsx")
    assert (
        f"与安全保卫处报送的照片是同一张（{mine} 第 {int(_cell(mine, 1, '备注')[1:])} 行，"
        "东校门：摄像头损坏）" in one.message
    )
    assert captions["3号楼"][0].endswith("（与安全保卫处“东校门：摄像头损坏”的照片是同一张）")
    assert captions["东校门"][0].endswith("（与学生工作处“3号楼：楼道灭火器过期”的照片是同一张）")
    assert "1 张（与安全保卫处“东校门：摄像头损坏”的照片是同一张）" in counted


def _as_a_copy(path: Path) -> None:
    """Mark the return at `path` as a 退回修改 copy or follow-up form huitoukan wrote (its
    title), which holds none of the photos sent before."""
    book = load_workbook(path)
    book.properties.title = FEEDBACK_TITLE
    book.save(path)


def _one_photo_two_departments(tmp_path: Path) -> tuple[Campaign, Path]:
    """安全保卫处's 东校门 (12月13日) and 学生工作处's 3号楼 (12月14日), both 已完成, in 回收,
    with one photo pasted in each: the campaign (no photo required) and the folder."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    for department, name, place in (
        ("安全保卫处", "保卫处", "东校门"),
        ("学生工作处", "学工处", "3号楼"),
    ):
        form = filled_form(
            campaign, department, returns / f"{name}.xlsx", [closed(部位=place)],
            form_date=date(2023, 12, 13 if name == "保卫处" else 14),
        )  # fmt: skip
        paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    return campaign, returns


def test_a_copy_asked_to_replace_another_departments_photo_asks_for_the_return_again(
    tmp_path: Path,
) -> None:
    """学生工作处 proving its 灭火器 with 保卫处's photo, no photo required by the campaign:
    its 退回修改 copy, told to put its own photo in, said it need not be sent again unless
    something needed changing (clerk trial 146)."""
    from huitoukan.letters.feedback import write_feedback

    campaign, returns = _one_photo_two_departments(tmp_path)
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    said = {p.department: p.code for p in result.collection.problems}
    assert said == {"学生工作处": Code.PHOTO_REUSED}
    copies = write_feedback(result.collection, tmp_path / "退回")
    assert {c.department: c.resend for c in copies} == {"学生工作处": True}


@pytest.mark.parametrize("review", [False, True])
def test_a_reused_photo_can_be_replaced_on_a_copy_and_is_moot_once_passed(
    tmp_path: Path, review: bool
) -> None:
    """One photo proving two rows, told 照片重复使用 (请换上各自的整改照片). On the follow-up
    form, which shows none of the earlier photos, the department pasted a new photo on
    one row: it was added, the reused one stayed, and the warning came back every round
    (clerk trial 101). It replaces the reused one there. And a row the receiving office
    passed on review as it stood is not asked to replace its photo."""
    from huitoukan.forms.review import REVIEW_SHEET, review_form

    text = default_campaign_text()
    if review:
        text = text.replace("review_required = false", "review_required = true")
    campaign = parse_campaign(text, "campaign.toml")
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="东门"), closed(序号=2, 部位="西门")]
    first = filled_form(campaign, "安全保卫处", returns / "v1.xlsx", rows)
    paste_photos(
        first, floating=[(_cell(first, 1, "备注"), AFTER), (_cell(first, 2, "备注"), AFTER)]
    )
    said = collect_to_register(campaign, [returns], None, AS_OF).collection
    assert len([p for p in said.problems if p.code is Code.PHOTO_REUSED]) == 2
    if review:  # 东门 passed as it stood: only 西门 is still asked
        book = review_form(campaign, said.hazards[:1], AS_OF)
        ws = book[REVIEW_SHEET]
        columns = {cell.value: cell.column for cell in ws[2]}
        for header, value in (("复查时间", "2023-12-13"), ("复查结论", "合格"), ("复查人", "王磊")):
            ws.cell(3, columns[header]).value = value
        book.save(returns / "复查.xlsx")
        reviewed = collect_to_register(campaign, [returns], None, AS_OF).collection
        reused = [p for p in reviewed.problems if p.code is Code.PHOTO_REUSED]
        assert [p.row for p in reused] == [int(_cell(first, 2, "备注")[1:])]
    second = filled_form(
        campaign, "安全保卫处", returns / "v2.xlsx", rows, form_date=date(2023, 12, 16)
    )
    _as_a_copy(second)
    paste_photos(second, floating=[(_cell(second, 2, "备注"), FLOATING_PHOTO)])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert not [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    east, west = result.collection.hazards
    assert (len(east.photos), len(west.photos)) == (1, 1)
    laid = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert {p.name: p.read_bytes() for p in laid.iterdir()} == {
        "1-1.png": AFTER,
        "2-1.png": FLOATING_PHOTO,
    }


@pytest.mark.parametrize("copied", [False, True])
def test_another_departments_photo_is_replaced_on_a_copy_as_the_form_says(
    tmp_path: Path, copied: bool
) -> None:
    """学生工作处 proved its 3号楼 with 保卫处's photo, told 照片重复使用. Its follow-up form
    says a photo pasted on a row told so replaces that one; the new photo was added beside
    it, the warning came back, and the report showed 保卫处's photo as 3号楼's evidence
    (clerk trial 178 AE2: only a photo two of a department's own rows shared was replaced).
    保卫处's own row keeps its photo. The folder `copied` as Windows or a USB stick copies
    it (no hard links to the library left), it is still the department's doing (trial 180
    AG1)."""
    campaign, returns = _one_photo_two_departments(tmp_path)
    first = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert [p.department for p in first.collection.problems if p.code is Code.PHOTO_REUSED] == [
        "学生工作处"
    ]
    if copied:
        for laid_out in (tmp_path / EVIDENCE_FOLDER).glob("[!.]*/*"):
            content = laid_out.read_bytes()
            laid_out.unlink()
            laid_out.write_bytes(content)
    again = filled_form(campaign, "学生工作处", returns / "学工处（第二轮）.xlsx",
                        [closed(部位="3号楼")], form_date=date(2023, 12, 16))  # fmt: skip
    _as_a_copy(again)
    paste_photos(again, floating=[(_cell(again, 1, "备注"), FLOATING_PHOTO)])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    assert not [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    photos = {h.department: h.photos for h in result.collection.hazards}
    assert len(photos["学生工作处"]) == len(photos["安全保卫处"]) == 1
    assert photos["学生工作处"] != photos["安全保卫处"]
    laid = tmp_path / EVIDENCE_FOLDER / "学生工作处"
    assert [p.read_bytes() for p in laid.iterdir()] == [FLOATING_PHOTO]
    # the department's doing, not a file “换成了其他部门隐患的照片” put back (trial 179 AF1)
    assert result.evidence is not None and result.evidence.put_back == []
    assert result.evidence.changed == ["佐证材料/学生工作处/1-1.png"]


def test_a_photo_its_first_sender_replaced_is_said_to_be_that_senders(tmp_path: Path) -> None:
    """保卫处 sent a photo, then replaced it with another; 学工处 and 附属医院 both pasted the
    first one. Each was told it is 保卫处's photo, but the file and row named were the
    other one's (noticed in session 22): 保卫处's own rows no longer show it."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    gate = closed(部位="东校门", 存在隐患问题="摄像头损坏")
    first = filled_form(
        campaign, "安全保卫处", returns / "保卫处.xlsx", [gate], form_date=date(2023, 12, 10)
    )
    paste_photos(first, floating=[(_cell(first, 1, "备注"), BEFORE)])
    second = filled_form(
        campaign, "安全保卫处", returns / "保卫处-改.xlsx", [gate], form_date=date(2023, 12, 12)
    )
    paste_photos(second, floating=[(_cell(second, 1, "备注"), AFTER)])
    for name, where in (("学生工作处", "3号楼"), ("附属医院", "门诊楼")):
        theirs = filled_form(
            campaign,
            name,
            returns / f"{name}.xlsx",
            [closed(部位=where, 存在隐患问题="灭火器过期")],
            form_date=date(2023, 12, 14),
        )
        paste_photos(theirs, floating=[(_cell(theirs, 1, "备注"), BEFORE)])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    said = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    assert sorted(p.department for p in said) == ["学生工作处", "附属医院"]
    row = int(_cell(first, 1, "备注")[1:])
    for p in said:
        assert f"与安全保卫处报送的照片是同一张（{first} 第 {row} 行，东校门：摄像头损坏）" in (
            p.message
        )


def test_a_photo_reused_from_a_department_whose_newer_form_holds_none_names_where_it_was(
    tmp_path: Path,
) -> None:
    """保卫处 sent a photo, then answered with a follow-up form, which carries none of the
    photos sent before; 学工处 pasted the photo. 学工处 was told it was 保卫处's, in the
    follow-up file — which holds no picture (clerk trial 114): the file it was sent in is
    named."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    gate = closed(部位="东校门", 存在隐患问题="摄像头损坏")
    first = filled_form(
        campaign, "安全保卫处", returns / "保卫处.xlsx", [gate], form_date=date(2023, 12, 10)
    )
    paste_photos(first, floating=[(_cell(first, 1, "备注"), BEFORE)])
    second = filled_form(
        campaign, "安全保卫处", returns / "保卫处-跟进.xlsx", [gate], form_date=date(2023, 12, 12)
    )
    _as_a_copy(second)
    theirs = filled_form(
        campaign, "学生工作处", returns / "学工处.xlsx",
        [closed(部位="3号楼", 存在隐患问题="灭火器过期")], form_date=date(2023, 12, 14),
    )  # fmt: skip
    paste_photos(theirs, floating=[(_cell(theirs, 1, "备注"), BEFORE)])
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    [said] = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    row = int(_cell(first, 1, "备注")[1:])
    assert f"与安全保卫处报送的照片是同一张（{first} 第 {row} 行，" in said.message
    assert str(second) not in said.message


@pytest.mark.parametrize("copy", [False, True], ids=["own-file", "feedback-copy"])
def test_a_replaced_after_photo_goes(tmp_path: Path, copy: bool) -> None:
    """已完成 with a wrong photo, then the department's next version shows the right one in
    its place: the wrong one goes (clerk trial 36: both printed, the wrong one first). In a
    退回修改 copy, which holds none of the earlier photos, one pasted is added; the 整改前
    photo of a row stays whatever the newer version shows."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    first = filled_form(
        campaign, "安全保卫处", returns / "v1.xlsx", [closed(序号=1), hazard(序号=2, 部位="食堂")]
    )
    paste_photos(
        first, floating=[(_cell(first, 1, "备注"), BEFORE), (_cell(first, 2, "备注"), WPS_PHOTO)]
    )
    second = returns / "v2.xlsx"
    filled_form(
        campaign,
        "安全保卫处",
        second,
        [closed(序号=1), closed(序号=2, 部位="食堂")],
        form_date=date(2023, 12, 16),
    )
    if copy:  # saved by the department: the copy's title stays
        _as_a_copy(second)
    paste_photos(
        second,
        floating=[(_cell(second, 1, "备注"), AFTER), (_cell(second, 2, "备注"), FLOATING_PHOTO)],
    )
    result = collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF)
    one, two = result.collection.hazards
    kept = {"1-1.png": BEFORE, "1-2.png": AFTER} if copy else {"1-1.png": AFTER}
    assert [len(one.photos), len(two.photos)] == [len(kept), 2]
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    laid = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert laid == {**kept, "2-1.png": WPS_PHOTO, "2-2.png": FLOATING_PHOTO}


def test_photos_the_register_holds_of_a_file_written_over_are_not_taken_as_replaced(
    tmp_path: Path,
) -> None:
    """One file name, written over at each return: 整改中 with its 整改前 photo, then 已完成
    with its 整改后 photo, then sent again with that photo. The register held both (it does
    not know which came first): the 整改前 photo is not taken as replaced."""
    campaign = photo_campaign()
    register = tmp_path / "台账.xlsx"
    path = tmp_path / "回收" / "保卫处.xlsx"
    for row, photo, day in (
        (hazard(序号=1), BEFORE, date(2023, 12, 12)),
        (closed(序号=1), AFTER, date(2023, 12, 14)),
        (closed(序号=1, 备注="已更换"), AFTER, date(2023, 12, 16)),
    ):
        filled_form(campaign, "安全保卫处", path, [row], form_date=day)
        paste_photos(path, floating=[(_cell(path, 1, "整改措施"), photo)])
        result = collect_to_register(campaign, [path.parent], register, AS_OF)
    [kept] = result.collection.hazards
    assert len(kept.photos) == 2 and not kept.before_photos_only
    library = tmp_path / EVIDENCE_FOLDER / LIBRARY_FOLDER  # which is which, from the record
    assert [(library / name).read_bytes() for name in kept.before_photos] == [BEFORE]
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([BEFORE, AFTER])


def test_a_photo_pasted_into_a_follow_up_form_adds_to_the_photos_sent_before(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A follow-up round's form carries the department's rows, not its photos (its 填报说明
    says they are kept): a photo pasted into a row of it is one more, not a replacement
    (clerk trial 37: the accepted 整改后 photo went, with no word)."""
    monkeypatch.chdir(tmp_path)
    Path("campaign.toml").write_text(default_campaign_text(), encoding="utf-8")
    first = filled_form(
        photo_campaign(False), "安全保卫处", Path("回收") / "保卫处.xlsx", [closed(序号=1)]
    )
    paste_photos(first, floating=[(_cell(first, 1, "备注"), AFTER)])
    filled_form(photo_campaign(False), "附属医院", Path("回收") / "医院.xlsx", [hazard()])
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    result = runner.invoke(app, ["issue", "--followup", "全校隐患台账.xlsx", "-o", "第二轮"])
    assert result.exit_code == 0, result.output
    [form] = Path("第二轮").glob("*安全保卫处*.xlsx")
    book = load_workbook(form)
    assert book.properties.title.endswith("（跟进轮）")
    texts = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value]
    assert any("此前报送的照片均已收存，无需重新粘贴" in t for t in texts)
    # not to a department that never sent anything (clerk trial 72)
    # nor to one that sent none (trial 104)
    for name in ("学院警务室", "附属医院"):
        [never] = Path("第二轮").glob(f"*{name}*.xlsx")
        sheet = load_workbook(never).worksheets[0]
        assert not [c for row in sheet.iter_rows() for c in row if "照片均已收存" in str(c.value)]
    book.properties.lastModifiedBy = "王干事"  # the department saves it
    answer = Path("回收") / "保卫处-第二轮.xlsx"
    book.save(answer)
    paste_photos(answer, floating=[(_cell(answer, 1, "备注"), FLOATING_PHOTO)])
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code in (0, 1)  # (主要负责人 …)
    folder = Path(EVIDENCE_FOLDER) / "安全保卫处"
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([AFTER, FLOATING_PHOTO])


def test_files_of_the_clerks_own_in_a_photo_folder_stay(tmp_path: Path) -> None:
    """A photo the clerk puts into a department's folder under a name like the tool's
    (3-2.png) is not removed as stale; one under the very name a photo is laid out as is
    moved aside, not written over."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER / "安全保卫处"
    mine, other = png(7, 7, (1, 2, 3)), png(9, 9, (3, 2, 1))
    (folder / "3-2.png").write_bytes(mine)
    (folder / "2-1.png").unlink()
    (folder / "2-1.png").write_bytes(other)
    collect_to_register(campaign, [returns], register, AS_OF)
    assert (folder / "3-2.png").read_bytes() == mine
    assert (folder / "2-1.png").read_bytes() == EXCEL_PHOTO
    assert (folder / "2-1（原有）.png").read_bytes() == other
    (folder / "4-2.png").unlink()  # the clerk deletes a laid-out photo: laid out again
    (folder / "5-1.png").write_bytes(BEFORE)  # a copy of a photo of another hazard: stale
    collect_to_register(campaign, [returns], register, AS_OF)
    assert (folder / "4-2.png").read_bytes() == AFTER
    assert not (folder / "5-1.png").exists()


def test_the_feedback_copy_never_opens_the_pictures(
    collected: tuple[Campaign, Path, Path], tmp_path: Path
) -> None:
    """A picture of 400 million pixels (a decoder would refuse it as a bomb) in a return
    to mark: the copy is written, without pictures and without the cells that stood for
    them (=DISPIMG(…) of WPS, #VALUE! of Excel), and no library warning reaches the
    clerk's screen."""
    campaign, returns, _ = collected
    path = returns / "安全保卫处.xlsx"
    stand_ins = [_cell(path, offset, "备注") for offset in (1, 2)]  # the WPS and Excel photo
    paste_photos(path, floating=[(_cell(path, 5, "部位"), png_claiming(20000, 20000))])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = collect_to_register(
            campaign,
            [returns],
            tmp_path / "二" / "台账.xlsx",
            AS_OF,
            feedback_dir=tmp_path / "退回",
        )
    (copy,) = result.feedback or []
    workbook = load_workbook(copy.copy_path)
    form = workbook.worksheets[1]
    assert form._images == []
    assert [form[cell].value for cell in stand_ins] == [None, None]
    summary = "".join(str(c.value) for row in workbook.worksheets[0].iter_rows() for c in row)
    assert "尺寸异常" in summary


def test_a_photo_off_the_hazard_rows_is_the_departments_and_the_copy_says_it_was_not_kept(
    tmp_path: Path,
) -> None:
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    path = returns / "二级学院.xlsx"
    filled_form(campaign, "各二级学院", path, [hazard(序号=1)])
    paste_photos(path, floating=[(_cell(path, 1, "备注"), AFTER), (_cell(path, 3, "备注"), BEFORE)])
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    [off] = result.collection.problems
    assert (off.code, off.department) == (Code.PHOTO_NOT_ON_HAZARD, "各二级学院")
    (copy,) = result.feedback or []
    summary = [
        c.value for row in load_workbook(copy.copy_path).worksheets[0].iter_rows() for c in row
    ]
    assert any("粘贴在隐患所在行的照片已收入" in str(v) for v in summary)
    assert any("不在隐患所在行的照片没有收入" in str(v) for v in summary)


def test_a_photo_off_the_hazard_rows_is_named_where_the_photo_is_asked_for(
    tmp_path: Path,
) -> None:
    """The after-photo of row 1 slipped onto the blank row below the last hazard: collect
    warned, but the 补充照片 notice only asked for a photo, and the department would take
    a new one instead of moving the one it sent (clerk trial 43)."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    path = returns / "二级学院.xlsx"
    filled_form(campaign, "各二级学院", path, [closed(序号=1, 部位="食堂"), closed(序号=2)])
    paste_photos(path, floating=[(_cell(path, 2, "备注"), BEFORE), (_cell(path, 3, "备注"), AFTER)])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    report = status_of(campaign, [register], AS_OF)
    [view] = report.missing_photos
    stray = _cell(path, 3, "备注")[1:]  # the row number of the cell
    assert view.location == "食堂" and view.photo_hint == (
        f"表中第 {stray} 行的照片不在任何隐患所在的行，如是这一项的照片，请移到这一项所在的行"
    )
    [notice] = [n for n in notices(campaign, report) if "补充照片" in n.kinds]
    assert [line for line in notice.text.splitlines() if "食堂" in line and view.photo_hint in line]


def test_status_and_remind_ask_for_the_missing_photo(
    collected: tuple[Campaign, Path, Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """require_photo: the hazard reported 已完成 without a photo is listed by status and its
    department asked for the photo by remind (as the 退回修改 copy asks)."""
    _, _, register = collected
    text = default_campaign_text().replace("require_photo = false", "require_photo = true")
    (register.parent / "campaign.toml").write_text(text, "utf-8")
    monkeypatch.chdir(register.parent)
    result = runner.invoke(app, ["status", "--json", "--as-of", "2023-12-20"])
    missing = json.loads(result.stdout)["missing_photos"]
    assert [(h["department"], h["location"]) for h in missing] == [("安全保卫处", "图书馆")]
    shown = runner.invoke(app, ["status", "--as-of", "2023-12-20"]).stdout
    assert "报已完成但未附整改后照片的隐患 1 项：安全保卫处" in shown
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20", "-o", "通知"]).exit_code == 0
    text = (register.parent / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig")
    assert "补充照片" in text or "未附整改后照片" in text
    assert "图书馆：疏散指示牌缺失" in text
    # and the report to the leadership counts them (clerk trial 43)
    assert runner.invoke(app, ["report", "--as-of", "2023-12-20"]).exit_code == 0
    ws = load_workbook(register.parent / "回头看工作汇报.xlsx").worksheets[0]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert [t for t in texts if "报已完成但未附整改后照片的1项" in t]


def test_copies_of_two_departments_returns_named_alike_are_both_written(tmp_path: Path) -> None:
    """回收/学院警务室/自查整改清单.xlsx and 回收/附属医院/自查整改清单.xlsx: two copies, not one
    written over by the other (a department would have been sent the other's)."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    for department in ("学院警务室", "附属医院"):
        form = returns / department / "自查整改清单.xlsx"
        filled_form(campaign, department, form, [hazard(检查时间=None)])
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    copies = {c.department: c.copy_path.name for c in result.feedback or []}
    assert copies == {  # both named by department: the same names every week
        "学院警务室": "学院警务室-自查整改清单-退回修改.xlsx",
        "附属医院": "附属医院-自查整改清单-退回修改.xlsx",
    }
    for department, name in copies.items():
        title = load_workbook(tmp_path / "退回" / name).worksheets[0]["A1"].value
        assert department in str(title)


def test_copies_of_returns_named_after_the_form_name_their_department(tmp_path: Path) -> None:
    """Two e-mail attachments saved as “附件2 安全隐患自查整改清单(1).xlsx” and “(2)”: their
    copies were told apart by (1) and (2) alone (clerk trial 124); a return named after its
    department keeps its name."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    named = {
        "学院警务室": "附件2 安全隐患自查整改清单(1).xlsx",
        "附属医院": "附件2 安全隐患自查整改清单(2).xlsx",
        "学生工作处": "学生工作处.xlsx",
    }
    for department, name in named.items():
        filled_form(campaign, department, returns / name, [hazard(检查时间=None)])
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    copies = {c.department: c.copy_path.name for c in result.feedback or []}
    assert copies == {
        "学院警务室": "学院警务室-附件2 安全隐患自查整改清单(1)-退回修改.xlsx",
        "附属医院": "附属医院-附件2 安全隐患自查整改清单(2)-退回修改.xlsx",
        "学生工作处": "学生工作处-退回修改.xlsx",
    }


def test_notes_of_an_earlier_reader_are_not_taken(tmp_path: Path) -> None:
    """The notes say what reading a file's pictures gave: after an upgrade that reads them
    otherwise (a limit raised, a check added), files are read again, not answered from
    notes that would replay the old verdict."""
    from huitoukan.returns.batch import as_return_file, read_returns
    from huitoukan.returns.photos import NOTES_FILE, open_store

    campaign = photo_campaign(require_photo=False)
    path = department_form(campaign, tmp_path / "a.xlsx")
    library = tmp_path / "library"
    forms = read_returns([as_return_file(path)], campaign, AS_OF, photos=open_store(library))
    assert forms[0].sha256 in open_store(library).known
    notes = json.loads((library / NOTES_FILE).read_text("utf-8"))
    notes.pop("reader")
    (library / NOTES_FILE).write_text(json.dumps(notes), "utf-8")
    assert open_store(library).known == {}


def test_what_cannot_be_laid_out_is_said_and_the_rest_is_laid_out(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A folder standing where a photo is laid out, a file where a department's folder
    goes: collect says so and lays out the rest (it stopped with an error after writing
    the register: no copies, no summary)."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    department_form(campaign, returns / "安全保卫处.xlsx")
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()])
    paste_photos(returns / "医院.xlsx", floating=[(_cell(returns / "医院.xlsx", 1, "备注"), AFTER)])
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    evidence = tmp_path / EVIDENCE_FOLDER
    (evidence / "安全保卫处" / "2-1.png").mkdir(parents=True)
    (evidence / "附属医院").write_text("x", "utf-8")
    result = runner.invoke(
        app,
        [
            "collect",
            str(returns),
            "-o",
            str(tmp_path / "全校隐患台账.xlsx"),
            "--as-of",
            "2023-12-20",
            "--campaign",
            str(tmp_path / "campaign.toml"),
        ],
    )
    assert result.exit_code == 0, result.output
    said = "".join(result.output.split())
    assert "有2处照片未能放好或清理（其余照片已放好）" in said
    assert (evidence / "安全保卫处" / "1-1.png").read_bytes() == WPS_PHOTO
    assert not list((evidence / "安全保卫处").glob(".*.tmp"))


def test_a_damaged_drawing_costs_its_pictures_not_the_return(tmp_path: Path) -> None:
    """The part saying where floating pictures sit is damaged: the form is read (it does
    not need that part), the pictures are said to be unread, and the 退回修改 copy is
    rebuilt from what was read (openpyxl cannot load the workbook)."""
    campaign = photo_campaign(require_photo=False)
    path = tmp_path / "回收" / "附属医院.xlsx"
    filled_form(campaign, "附属医院", path, [hazard(序号=1, 检查时间=None), hazard(序号=2)])
    paste_photos(path, floating=[(_cell(path, 1, "备注"), AFTER), (_cell(path, 2, "备注"), BEFORE)])
    _damage(path, "xl/drawings/drawing9.xml")
    result = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    assert list(result.collection.returned()) == ["附属医院"]
    assert [len(h.photos) for h in result.collection.hazards] == [0, 0]
    assert any("图片未读取" in p.message for p in result.collection.problems)
    (copy,) = result.feedback or []
    assert load_workbook(copy.copy_path).worksheets[1].max_row >= 7


def test_a_seal_or_a_signature_around_the_table_is_no_misplaced_photo(tmp_path: Path) -> None:
    """A picture of the department's seal by 部门（章）, or of a signature by 上报人, is not
    a photo of a hazard put on the wrong row: nothing is said of it. One on the header row
    is (clerk trial 36: a photo put a little high was dropped without a word)."""
    campaign = photo_campaign(require_photo=False)
    path = tmp_path / "回收" / "二级学院.xlsx"
    filled_form(campaign, "各二级学院", path, [hazard(序号=1)])
    ws = load_workbook(path).worksheets[0]
    header_row, _ = header_position(ws)
    footer = next(
        c.coordinate
        for row in ws.iter_rows(min_row=header_row)
        for c in row
        if str(c.value or "").startswith("上报人")
    )
    paste_photos(path, floating=[("E3", BEFORE), (footer, AFTER)])
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    assert result.collection.problems == []
    assert [h.photos for h in result.collection.hazards] == [()]
    paste_photos(path, floating=[(f"M{header_row}", BEFORE)])
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    [said] = result.collection.problems
    assert said.code is Code.PHOTO_NOT_ON_HAZARD and f"第 {header_row} 行的照片" in said.message
    # on the title or the 填报说明 above the header: no seal goes there (clerk trial 37)
    filled_form(campaign, "各二级学院", path, [hazard(序号=1)])
    paste_photos(path, floating=[("K1", BEFORE), (f"M{header_row - 1}", AFTER), ("E3", BEFORE)])
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    [said] = result.collection.problems
    assert f"第 1、{header_row - 1} 行的照片" in said.message


def test_a_wps_cell_picture_lost_in_a_save_by_excel_is_said_and_its_formula_kept_out(
    tmp_path: Path,
) -> None:
    """A WPS return saved again by Excel keeps =DISPIMG(…) in the cell but drops the
    picture: the cell's text never reaches the register, and the department is told the
    picture was lost and how to put it back."""
    campaign = photo_campaign(require_photo=False)
    path = tmp_path / "回收" / "总务.xlsx"
    filled_form(campaign, "总务基建处", path, [hazard(序号=1)])
    cell = _cell(path, 1, "备注")
    paste_photos(path, wps={cell: AFTER})
    with zipfile.ZipFile(path) as archive:
        parts = {
            n: archive.read(n)
            for n in archive.namelist()
            if "cellimages" not in n and not n.startswith("xl/media/")
        }
    path.write_bytes(zip_bytes(parts))
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    [lost] = result.collection.problems
    assert lost.code is Code.PICTURE_SKIPPED
    assert f"（{cell}）的单元格图片在文件中找不到" in lost.message
    assert "DISPIMG" not in str(sheet_rows(tmp_path / "台账.xlsx", HAZARD_SHEET))


@pytest.mark.parametrize("across", ["right", "down"])
def test_a_wps_cell_picture_in_merged_cells_is_not_said_lost(tmp_path: Path, across: str) -> None:
    """A WPS cell picture in merged cells (销号时间 with 备注, 备注 with the one below): the photo was
    read and kept, and the merged cells, holding its =DISPIMG(…) text as the reader fills a
    merge, were each said to have lost their picture, naming the wrong cell (trial 94)."""
    from openpyxl.utils import get_column_letter

    campaign = photo_campaign()
    path = tmp_path / "回收" / "保卫处.xlsx"
    filled_form(campaign, "安全保卫处", path, [hazard(序号=1), hazard(序号=2, 部位="北门")])
    ref = _cell(path, 1, "销号时间" if across == "right" else "备注")
    wb = load_workbook(path)
    ws = wb.active
    cell = ws[ref]
    end = (
        f"{get_column_letter(cell.column + 1)}{cell.row}"  # over 备注, as in trial 94
        if across == "right"
        else f"{cell.column_letter}{cell.row + 1}"
    )
    ws.merge_cells(f"{ref}:{end}")
    wb.save(path)
    paste_photos(path, wps={ref: BEFORE})
    result = collect_to_register(campaign, [path.parent], tmp_path / "台账.xlsx", AS_OF)
    assert [len(h.photos) for h in result.collection.hazards] == [1, 0]
    assert Code.PICTURE_SKIPPED not in {p.code for p in result.collection.problems}
    assert "DISPIMG" not in "".join(h.remarks for h in result.collection.hazards)


def _the_problem(campaign: Campaign, path: Path, code: Code) -> Problem:
    """The one problem of `code` collecting the folder of `path` says."""
    collection = collect_to_register(campaign, [path.parent], None, AS_OF).collection
    [said] = [p for p in collection.problems if p.code is code]
    return said


@pytest.mark.parametrize("pasted", ["floating", "wps"])
def test_a_signature_pasted_as_a_picture_is_asked_for_the_name_beside_it(
    tmp_path: Path, pasted: str
) -> None:
    """主要负责人 signed with a picture pasted in its cell (WPS) or floating over it: told 没有
    填写 and asked to sign, the department had signed (clerk trials 94, 96); it is asked for
    the name as well (one floating is not told to float)."""
    campaign = photo_campaign()
    path = tmp_path / "回收" / "保卫处.xlsx"
    filled_form(campaign, "安全保卫处", path, [hazard(序号=1)], head=None)
    unsigned = _the_problem(campaign, path, Code.MISSING_HEAD)
    assert unsigned.message.startswith("没有填写主要负责人")
    if pasted == "floating":
        paste_photos(path, floating=[(unsigned.cell, BEFORE)])
    else:
        paste_photos(path, wps={unsigned.cell: BEFORE})
    signed = _the_problem(campaign, path, Code.MISSING_HEAD)
    assert signed.cell == unsigned.cell
    if pasted == "floating":
        assert signed.message.startswith(
            "主要负责人一栏是空的，这一行只有浮动的图片（如签名或印章）"
        )
        assert "浮动在单元格上方" not in signed.message
    else:
        assert signed.message.startswith("主要负责人一栏只有图片（签名或印章），台账中记不下姓名")


@pytest.mark.parametrize("pasted", ["floating", "wps"])
def test_a_seal_pasted_as_a_picture_is_asked_for_the_departments_name(
    tmp_path: Path, pasted: str
) -> None:
    """部门（章） given only as a seal's picture (floating over it, or in its cell) in a file
    named for no department: told 无法识别报送部门, as if nothing were there (clerk trial 94);
    now told the picture cannot be read as a name, and that the file's name would do."""
    campaign = photo_campaign()
    path = tmp_path / "回收" / "自查整改清单（已盖章）.xlsx"
    not_as_issued(filled_form(campaign, "安全保卫处", path, [hazard(序号=1)], department_text=""))
    blank = _the_problem(campaign, path, Code.UNKNOWN_DEPARTMENT)
    assert blank.message.endswith("（或把文件名改为本部门名称后再次汇总）")
    if pasted == "floating":
        paste_photos(path, floating=[(blank.cell, BEFORE)])
    else:
        paste_photos(path, wps={blank.cell: BEFORE})
    sealed = _the_problem(campaign, path, Code.UNKNOWN_DEPARTMENT)
    assert sealed.message.startswith(
        "表头“部门（章）”一栏是空的，这一行只有浮动的图片（如印章），读不出是哪个部门"
        if pasted == "floating"
        else "表头“部门（章）”只有图片（印章），读不出是哪个部门"
    )


@pytest.mark.parametrize("pasted", ["floating", "wps"])
def test_a_seal_beside_a_files_name_is_no_blank_header(tmp_path: Path, pasted: str) -> None:
    """部门（章） blank in a file named for the department is warned of (clerk trial 153);
    given as the seal's picture, it is not blank: nothing is said."""
    campaign = photo_campaign()
    path = tmp_path / "回收" / "安全保卫处.xlsx"
    filled_form(campaign, "安全保卫处", path, [hazard(序号=1)], department_text="")
    blank = _the_problem(campaign, path, Code.DEPARTMENT_BLANK)
    if pasted == "floating":
        paste_photos(path, floating=[(blank.cell, BEFORE)])
    else:
        paste_photos(path, wps={blank.cell: BEFORE})
    collection = collect_to_register(campaign, [path.parent], None, AS_OF).collection
    assert list(collection.current) == ["安全保卫处"]
    assert not [p for p in collection.problems if p.code is Code.DEPARTMENT_BLANK]


def test_two_assigned_problems_stated_alike_share_their_rows_photo_unblamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 交办问题清单 holds one problem twice (县级普查 XJ-01 and 学校通报 XT-03, found by
    both): the department's form came with both rows, locked, and it answered both with
    one photo — then was told it pasted a row twice and reused a photo (clerk trial 122).
    Neither is said; each row keeps a 隐患编号 of its own."""
    campaign = photo_campaign()
    alike = {"部位": "3号教学楼", "存在隐患问题": "二楼走廊灭火器压力不足"}
    rows = [
        closed(序号=1, 问题编号="XJ-01", 问题来源="县级普查", **alike),
        closed(序号=2, 问题编号="XT-03", 问题来源="市级抽查", **alike),
    ]
    form = filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", rows)
    paste_photos(form, floating=[(_cell(form, n, "备注"), AFTER) for n in (1, 2)])
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    said = {p.code for p in result.collection.problems}
    assert not {Code.REPEATED_HAZARD, Code.PHOTO_REUSED} & said
    first, second = result.collection.hazards
    assert first.hazard_id != second.hazard_id
    assert first.photos == second.photos and len(first.photos) == 1
    from huitoukan.cli import render  # one photo, said once (“2 张”: clerk trial 123)

    render.collect_report(result)
    assert "整改照片1张（2项隐患）" in "".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("turn", [1, 6, 8])
def test_a_phone_photo_stored_on_its_side_is_printed_upright(turn: int) -> None:
    """A phone held upright stores 4032×3024 pixels and an EXIF orientation saying “turn me”,
    which no office suite follows: report --photos and the 一问题一档案 printed it on its
    side, in a landscape frame (clerk trial 129). Turned, the frame is upright and the
    pixels embedded are too, the tag gone; a photo stored upright is left as it is."""
    import io

    from PIL import Image

    from huitoukan.letters.photos import Photo, place_photos
    from huitoukan.xlsx.writer import Sheet

    stored = Image.new("RGB", (400, 300), "white")
    stored.paste((200, 0, 0), (0, 0, 400, 40))  # a red band along the stored top edge
    exif = Image.Exif()
    exif[0x0112] = turn
    data = io.BytesIO()
    stored.save(data, "JPEG", exif=exif.tobytes())
    sheet = Sheet("照片", [14, 26, 14, 26], portrait=True)
    place_photos(sheet, [Photo(data.getvalue(), "照片 1")], fill_page=True)
    [picture] = sheet.pictures
    embedded = Image.open(io.BytesIO(picture.data))
    if turn == 1:
        assert picture.width > picture.height and picture.data == data.getvalue()
        return
    assert picture.height > picture.width and embedded.size == (300, 400)
    assert embedded.getexif().get(0x0112, 1) == 1
    # turned the way the tag says: 6 puts the stored top on the right, 8 on the left
    red = embedded.convert("RGB").getpixel((295 if turn == 6 else 4, 200))
    assert red[0] > 150 and red[1] < 80, red


@pytest.mark.parametrize(
    ("found", "before"),
    [(date(2023, 12, 9), True), (date(2023, 12, 8), False), (date(2023, 12, 7), False)],
)
def test_a_photo_sent_before_the_problem_was_found_proves_no_closing_of_it(
    tmp_path: Path, found: date, before: bool
) -> None:
    """东校门 摄像头损坏, reported closed with a photo on 12月8日; the 省级督查 finds it still
    there, and the list gives it as SD-2; the department closes it again without a new
    photo. The old 整改后 photo stood as the proof of the new closing, nothing asked (clerk
    trial 153): sent before the problem was found, it is 整改前, and the row is told. Sent
    the day it was found, or after, it may show the work done since: as before."""
    campaign = photo_campaign()
    returns = tmp_path / "回收"
    camera = {"部位": "东校门", "存在隐患问题": "摄像头损坏", "检查时间": date(2023, 12, 1)}
    first = filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [closed(**camera, 销号时间=date(2023, 12, 7))],
        form_date=date(2023, 12, 8),
    )
    paste_photos(first, wps={_cell(first, 1, "备注"): AFTER})
    listed = tmp_path / "清单.xlsx"
    problem = {"问题编号": "SD-2", "问题来源": "省级督查", "发现时间": found, "部位": "东校门",
               "问题描述": "摄像头损坏", "责任部门": "安全保卫处", "整改时限": date(2023, 12, 27)}  # fmt: skip
    findings_list(listed, [problem])
    again = closed(**camera, 问题编号="SD-2", 问题来源="省级督查", 销号时间=date(2023, 12, 18))
    filled_form(
        campaign, "安全保卫处", returns / "保卫处-跟进.xlsx", [again], form_date=date(2023, 12, 19)
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [hazard] = result.collection.hazards
    assert (hazard.number, len(hazard.photos)) == ("SD-2", 1)
    assert hazard.before_photos_only is before
    assert (hazard.before_photos == hazard.photos) is before
    said = [p for p in result.collection.problems if p.code is Code.MISSING_PHOTO]
    assert [p.message for p in said] == (
        [
            "整改完成情况为“已完成”，但这一行的照片都是在省级督查发现 SD-2（2023年12月9日）之前报送的，"
            "不能证明此后已整改到位，请把整改后照片粘贴在该行后重新报送"
        ]
        if before
        else []
    )


@pytest.mark.parametrize("listed_again", [False, True])
def test_a_photo_page_says_the_problem_was_found_still_there(
    tmp_path: Path, listed_again: bool
) -> None:
    """XJ-01, answered closed with its 整改后 photo; the 市级抽查 finds it still there: its
    photo page in the leaders' report read 已销号 beside the photo, with no word of it,
    while the register and the archive said so (clerk trial 153). Said; once listed again,
    that it was found again."""
    from huitoukan.actions.crosscheck import run_crosscheck
    from huitoukan.actions.letters import report

    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    listed = findings_list(tmp_path / "清单.xlsx", [LISTED])
    answer = closed(问题编号="XJ-01", 部位=LISTED["部位"], 存在隐患问题=LISTED["问题描述"],
                    检查时间=date(2023, 11, 10), 销号时间=date(2023, 12, 8))  # fmt: skip
    form = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [answer],
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
    city = {**LISTED, "问题编号": "SJ-9", "问题来源": "市级抽查", "发现时间": "2023-12-09"}
    inspected = findings_list(tmp_path / "市级抽查.xlsx", [city])
    run_crosscheck(campaign, inspected, [register], tmp_path / "追责核查.xlsx", AS_OF)
    if listed_again:
        findings_list(listed, [LISTED, {**city, "整改时限": "2023-12-31"}])
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
    out = tmp_path / "汇报.xlsx"
    report(campaign, [register], AS_OF, out, findings_file=listed, photos=True)
    sheet = load_workbook(out)["整改照片"]
    page = "".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    said = (
        "（此后再次发现：SJ-9）"
        if listed_again
        else "（检查时问题仍在：SJ-9（市级抽查，2023年12月9日发现））"
    )
    assert f"交办问题：XJ-01{said}" in page


def test_a_photo_page_says_a_hazard_found_by_its_department_was_found_still_there(
    tmp_path: Path,
) -> None:
    """安全保卫处's own hazard, closed with its 整改后 photo; the 市级抽查 finds it still
    there (自查已发现但未整改到位): its photo page read 已销号 beside the photo, with no
    word of it, while a 交办问题's said so (clerk trial 239 CM4). Said as that one is."""
    from huitoukan.actions.crosscheck import run_crosscheck
    from huitoukan.actions.letters import report

    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    own = closed(部位=LISTED["部位"], 存在隐患问题=LISTED["问题描述"],
                 检查时间=date(2023, 11, 10), 销号时间=date(2023, 12, 8))  # fmt: skip
    form = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [own],
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    city = {**LISTED, "问题编号": "SJ-9", "问题来源": "市级抽查", "发现时间": "2023-12-09"}
    inspected = findings_list(tmp_path / "市级抽查.xlsx", [city])
    run_crosscheck(campaign, inspected, [register], tmp_path / "追责核查.xlsx", AS_OF)
    out = tmp_path / "汇报.xlsx"
    report(campaign, [register], AS_OF, out, photos=True)
    sheet = load_workbook(out)["整改照片"]
    page = "".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "上级检查：SJ-9（市级抽查，2023年12月9日发现）检查时问题仍在，整改未到位" in page
    text = "".join(
        str(c.value) for row in load_workbook(out).worksheets[0].iter_rows() for c in row if c.value
    )
    assert f"自查已发现但未整改到位的问题：SJ-9（{LISTED['部位']}：{LISTED['问题描述']}）。" in text


def test_a_photos_file_name_given_to_another_hazard_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """安全保卫处 sends its return again with two rows' 序号 swapped: 佐证材料/安全保卫处/1-1.png,
    cited on pages printed before, now showed the other hazard's photo, and collect said
    nothing (clerk trial 154). Said; collecting again, nothing changes, nothing is."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    rows = [hazard(序号=1, 部位="东门"), hazard(序号=2, 部位="西门")]
    form = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", rows,
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, wps={_cell(form, 1, "备注"): BEFORE, _cell(form, 2, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    first = collect_to_register(campaign, [returns], register, AS_OF)
    assert first.evidence is not None and first.evidence.renamed == []
    swapped = [hazard(序号=2, 部位="东门"), hazard(序号=1, 部位="西门")]
    again = filled_form(campaign, "安全保卫处", returns / "保卫处-改.xlsx", swapped,
                        form_date=date(2023, 12, 10))  # fmt: skip
    paste_photos(again, wps={_cell(again, 1, "备注"): BEFORE, _cell(again, 2, "备注"): AFTER})
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None
    folder = "佐证材料/安全保卫处"
    assert sorted(second.evidence.moved) == [
        (f"{folder}/1-1.png", f"{folder}/2-1.png"),
        (f"{folder}/2-1.png", f"{folder}/1-1.png"),
    ]
    from huitoukan.cli import render

    render.collect_report(second)
    said = "".join(capsys.readouterr().err.split())
    assert "部门调整了隐患的序号，佐证材料中2张照片改了文件名（" in said
    assert "1-1.png改为2-1.png" in said and "2-1.png改为1-1.png" in said
    third = collect_to_register(campaign, [returns], register, AS_OF)
    assert third.evidence is not None and (third.evidence.renamed, third.evidence.moved) == ([], [])


def test_a_deleted_rows_photo_left_on_the_next_row_stays_its_hazards(
    tmp_path: Path,
) -> None:
    """学生工作处 deletes its 6号公寓 row (整改中, its 整改前 photo) in LibreOffice, which
    leaves the picture on the row that moves up, 交通安全教育's (已完成): the photo became
    that hazard's without a word, and when its photos were replaced the open 6号公寓 hazard
    had lost its only photo (clerk trial 155). The row is told; the photo stays 6号公寓's
    alone (it was still shown as 交通安全教育's 整改前 photo: trial 156)"""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    dorm = hazard(序号=1, 部位="6号学生公寓", 存在隐患问题="楼道堆放杂物")
    lesson = closed(序号=2, 部位="全校", 存在隐患问题="冬季交通安全教育未覆盖新生")
    first = filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [dorm, lesson],
                        form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(
        first, floating=[(_cell(first, 1, "备注"), BEFORE), (_cell(first, 2, "备注"), AFTER)]
    )
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    second = filled_form(campaign, "学生工作处", returns / "学工处（改）.xlsx", [lesson],
                         form_date=date(2023, 12, 10))  # fmt: skip
    left = [(_cell(second, 1, "备注"), AFTER), (_cell(second, 1, "备注"), BEFORE)]
    paste_photos(second, floating=left)
    result = collect_to_register(campaign, [returns], register, AS_OF)
    [told] = [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]
    assert told.message.startswith("这一行的照片是之前报送的 ")
    assert "第 6 行隐患（6号学生公寓：楼道堆放杂物）的照片，那一行已从表中删除" in told.message
    by_place = {h.location: h for h in result.collection.hazards}
    assert len(by_place["6号学生公寓"].photos) == 1
    # nor is it shown as 交通安全教育's 整改前 photo in the register, the report or the
    # 复查验收表 (it was: clerk trial 156)
    library = tmp_path / EVIDENCE_FOLDER / LIBRARY_FOLDER
    assert [(library / n).read_bytes() for n in by_place["全校"].photos] == [AFTER]
    assert by_place["全校"].before_photos == ()
    folder = tmp_path / EVIDENCE_FOLDER / "学生工作处"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "1-1.png": BEFORE,
        "2-1.png": AFTER,
    }
    third = filled_form(campaign, "学生工作处", returns / "学工处（再改）.xlsx", [lesson],
                        form_date=date(2023, 12, 12))  # fmt: skip
    paste_photos(third, floating=[(_cell(third, 1, "备注"), WPS_PHOTO)])
    result = collect_to_register(campaign, [returns], register, AS_OF)
    by_place = {h.location: h for h in result.collection.hazards}
    kept = by_place["6号学生公寓"].photos
    assert len(kept) == 1 and kept[0] not in by_place["全校"].photos
    assert not [p for p in result.collection.problems if p.code is Code.PHOTO_REUSED]


@pytest.mark.parametrize("taken_out", [False, True])
def test_a_reused_photo_replaced_on_one_row_is_not_said_to_have_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], taken_out: bool
) -> None:
    """校医室 proved two rows with one photo (照片重复使用), laid out as 1-1 and 2-1; its next
    version gives row 2 a photo of its own. collect said 部门调整了隐患的序号…2-1 改为 1-1 —
    the photo had been 1-1 all along (clerk trial 187 AM8). Said as replaced; and the photo
    taken off row 2, as taken out."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="药房"), closed(序号=2, 部位="诊室")]
    form = filled_form(campaign, "安全保卫处", returns / "v1.xlsx", rows,
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, floating=[(_cell(form, 1, "备注"), AFTER), (_cell(form, 2, "备注"), AFTER)])
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    again = filled_form(campaign, "安全保卫处", returns / "v2.xlsx", rows,
                        form_date=date(2023, 12, 10))  # fmt: skip
    pasted = [(_cell(again, 1, "备注"), AFTER), (_cell(again, 2, "备注"), BEFORE)]
    paste_photos(again, floating=pasted[: 1 if taken_out else 2])
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None
    assert (second.evidence.renamed, second.evidence.moved) == ([], [])
    assert second.evidence.changed == ["佐证材料/安全保卫处/2-1.png"]
    laid = tmp_path / "佐证材料" / "安全保卫处"
    assert {p.name: p.read_bytes() for p in laid.iterdir()} == (
        {"1-1.png": AFTER} if taken_out else {"1-1.png": AFTER, "2-1.png": BEFORE}
    )
    from huitoukan.cli import render

    render.collect_report(second)
    assert "序号" not in "".join(capsys.readouterr().err.split())


def test_a_hazards_photo_replaced_is_not_said_to_be_another_hazards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """安全保卫处 replaces the 整改后 photo of its row 1, 序号 unchanged: 1-1.png shows the
    new one, and collect said 部门调整了隐患的序号…现在是另一项隐患的照片 — of a 序号 no one
    changed (clerk trial 155). Said as replaced."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    rows = [closed(序号=1, 部位="东门"), hazard(序号=2, 部位="西门")]
    form = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", rows,
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, wps={_cell(form, 1, "备注"): AFTER, _cell(form, 2, "备注"): BEFORE})
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    again = filled_form(campaign, "安全保卫处", returns / "保卫处-改.xlsx", rows,
                        form_date=date(2023, 12, 10))  # fmt: skip
    paste_photos(again, wps={_cell(again, 1, "备注"): WPS_PHOTO, _cell(again, 2, "备注"): BEFORE})
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None
    assert (second.evidence.renamed, second.evidence.moved) == ([], [])
    assert second.evidence.changed == ["佐证材料/安全保卫处/1-1.png"]
    assert (tmp_path / "佐证材料" / "安全保卫处" / "1-1.png").read_bytes() == WPS_PHOTO
    from huitoukan.cli import render

    render.collect_report(second)
    said = "".join(capsys.readouterr().err.split())
    assert "序号" not in said
    assert (
        "部门更换或删去了隐患的照片，佐证材料中1个照片文件（佐证材料/安全保卫处/1-1.png）已不是原来的"
        "照片或已不在" in said
    )


def test_another_departments_photo_copied_over_a_laid_out_one_is_put_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clerk copies 总务基建处's laid-out photo over 安全保卫处/1-1.png: it was said that
    安全保卫处 had changed its 序号, 1-1.png now 1-1.png of another folder's name (clerk trial
    158 N8). Put back as sent, and said so."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    for department, photo in (("安全保卫处", AFTER), ("总务基建处", BEFORE)):
        form = filled_form(campaign, department, returns / f"{department}.xlsx",
                           [hazard(部位=f"{department}门口")])  # fmt: skip
        paste_photos(form, wps={_cell(form, 1, "备注"): photo})
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    folder = tmp_path / EVIDENCE_FOLDER
    shutil.copyfile(folder / "总务基建处" / "1-1.png", folder / "安全保卫处" / "1-1.png")
    result = collect_to_register(campaign, [returns], register, AS_OF)
    assert result.evidence is not None and result.evidence.moved == []
    assert result.evidence.put_back == ["佐证材料/安全保卫处/1-1.png"]
    assert (folder / "安全保卫处" / "1-1.png").read_bytes() == AFTER
    from huitoukan.cli import render

    render.collect_report(result)
    said = "".join(capsys.readouterr().err.split())
    assert "序号" not in said and "部门更换" not in said
    assert (
        "（佐证材料/安全保卫处/1-1.png）被换成了其他部门隐患的照片，已按报回表格中的原样放回"
        in said
    )


@pytest.mark.parametrize("pasted", [True, False])
def test_a_photos_file_name_gone_with_its_photo_laid_out_anew_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pasted: bool
) -> None:
    """安全保卫处 inserts a row before 西门's: its photo, 2-1.png on pages printed before, is
    laid out as 3-1.png, 2-1.png gone, and nothing was said (clerk trial 154's F2, its other
    half). Said, whether the row has its photo pasted again or keeps the one sent before;
    collecting again, nothing moves, nothing is."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    rows = [hazard(序号=1, 部位="东门"), hazard(序号=2, 部位="西门")]
    form = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", rows,
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(form, wps={_cell(form, 2, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    first = collect_to_register(campaign, [returns], register, AS_OF)
    assert first.evidence is not None and first.evidence.moved == []
    rows = [hazard(序号=1, 部位="东门"), hazard(序号=2, 部位="北门"), hazard(序号=3, 部位="西门")]
    again = filled_form(campaign, "安全保卫处", returns / "保卫处-改.xlsx", rows,
                        form_date=date(2023, 12, 10))  # fmt: skip
    paste_photos(again, wps={_cell(again, 3, "备注"): AFTER} if pasted else {})
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None and second.evidence.renamed == []
    folder = tmp_path / "佐证材料" / "安全保卫处"
    assert second.evidence.moved == [("佐证材料/安全保卫处/2-1.png", "佐证材料/安全保卫处/3-1.png")]
    assert sorted(p.name for p in folder.iterdir()) == ["3-1.png"]
    assert (folder / "3-1.png").read_bytes() == AFTER
    from huitoukan.cli import render

    render.collect_report(second)
    said = "".join(capsys.readouterr().err.split())
    assert (
        "部门调整了隐患的序号，佐证材料中1张照片改了文件名（佐证材料/安全保卫处/2-1.png改为3-1.png）："
        "此前打印或发出的汇报、抽查档案中按文件名引用的照片已对不上" in said
    )
    third = collect_to_register(campaign, [returns], register, AS_OF)
    assert third.evidence is not None and third.evidence.moved == []


def test_a_report_with_photo_pages_written_over_by_one_without_is_kept(
    collected: tuple[Campaign, Path, Path],
) -> None:
    """`report --photos`, then `report` without it (another --as-of typed by mistake):
    the report with its photo pages was written over, no copy kept, as no person had
    changed it (clerk trial 171 X8). It is kept now, and said; one without photo pages, or
    written over by one with them, is not."""
    _, _, register = collected
    folder = register.parent
    report = folder / "汇报.xlsx"

    def run(*more: str) -> str:
        args = ["report", str(register), "-o", str(report), "--as-of", f"{AS_OF}", *more]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        return "".join(result.output.split())

    def copies() -> list[Path]:
        return sorted(folder.glob("汇报.备份-*.xlsx"))

    run("--photos")
    run("--photos")
    assert copies() == []
    said = run()
    [kept] = copies()
    assert f"原{report}附有“整改照片”页，这次没有（未加--photos），原文件已另存为{kept}" in said
    assert "整改照片" in load_workbook(kept).sheetnames
    assert "整改照片" not in load_workbook(report).sheetnames
    run()
    assert copies() == [kept]


def test_a_photo_shared_with_another_department_laid_out_anew_is_named_in_its_own_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """总务基建处's row without a 序号 had its photo, one 安全保卫处 also sent, laid out by
    its 隐患编号; its next version gives the row 序号 2. The notice said the file became
    安全保卫处's 1-1.png, and blamed a 序号 changed (clerk trial 178 AE5): it names the
    file in 总务基建处's own folder, and says the names now follow the 序号."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    ours = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed(序号=1, 部位="东门")],
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(ours, wps={_cell(ours, 1, "备注"): AFTER})
    first_rows = [closed(序号=1, 部位="北门"), closed(序号=None, 部位="锅炉房")]
    theirs = filled_form(campaign, "总务基建处", returns / "总务.xlsx", first_rows,
                         form_date=date(2023, 12, 9))  # fmt: skip
    paste_photos(theirs, wps={_cell(theirs, 2, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    first = collect_to_register(campaign, [returns], register, AS_OF)
    folder = tmp_path / "佐证材料" / "总务基建处"
    [named] = [p.name for p in folder.iterdir()]
    assert not named.startswith("2-"), named  # (by its 隐患编号: no 序号)
    rows = [closed(序号=1, 部位="北门"), closed(序号=2, 部位="锅炉房")]
    again = filled_form(campaign, "总务基建处", returns / "总务-改.xlsx", rows,
                        form_date=date(2023, 12, 10))  # fmt: skip
    paste_photos(again, wps={_cell(again, 2, "备注"): AFTER})
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None and first.evidence is not None
    assert second.evidence.moved == [
        (f"佐证材料/总务基建处/{named}", "佐证材料/总务基建处/2-1.png")
    ], second.evidence.moved
    from huitoukan.cli import render

    capsys.readouterr()
    render.collect_report(second)
    said = "".join(capsys.readouterr().err.split())
    assert (
        f"照片文件改按隐患的序号命名，佐证材料中1张照片改了文件名（佐证材料/总务基建处/{named}改为2-1.png）"
        in said
    )


def test_a_shared_photo_replaced_with_its_file_named_anew_is_not_said_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """总务基建处's row without a 序号 showed a photo 安全保卫处 sent first, laid out by its 隐患
    编号; its 退回修改 copy gives the row 序号 2 and a photo of its own, which replaces the
    shared one. The notice said the old file “改为 1-1.png” — 安全保卫处's file (clerk trial
    179 AF2): the photo was replaced, and is said so."""
    campaign = photo_campaign(require_photo=False)
    returns = tmp_path / "回收"
    ours = filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed(序号=1, 部位="东门")],
                       form_date=date(2023, 12, 8))  # fmt: skip
    paste_photos(ours, wps={_cell(ours, 1, "备注"): AFTER})
    theirs = filled_form(campaign, "总务基建处", returns / "总务.xlsx", [closed(序号=None, 部位="锅炉房")],
                         form_date=date(2023, 12, 9))  # fmt: skip
    paste_photos(theirs, wps={_cell(theirs, 1, "备注"): AFTER})
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    [named] = [p.name for p in (tmp_path / "佐证材料" / "总务基建处").iterdir()]
    again = filled_form(campaign, "总务基建处", returns / "总务-改.xlsx",
                        [closed(序号=2, 部位="锅炉房")], form_date=date(2023, 12, 10))  # fmt: skip
    _as_a_copy(again)
    paste_photos(again, floating=[(_cell(again, 1, "备注"), FLOATING_PHOTO)])
    second = collect_to_register(campaign, [returns], register, AS_OF)
    assert second.evidence is not None
    assert second.evidence.moved == [] and second.evidence.put_back == []
    assert second.evidence.changed == [f"佐证材料/总务基建处/{named}"], second.evidence
