"""Replacing the register on disk safely: the last register is never lost.

- Atomic: the new register is written to a temporary file and renamed over the old one.
- History: the register being replaced is first kept, dated, in a hidden folder beside
  it (`.全校隐患台账.历史版本/`), the newest `HISTORY_VERSIONS` of them.
- Never silently overwrite a person's edits: a register whose bytes differ from what
  huitoukan last wrote (`record`) is also copied to a dated backup beside it, and said so.
- Never silently shrink: a collection that covers fewer departments or returns than the
  register it would replace stops the run (exit 2) unless the clerk confirms (`force`).
- Never replace what may not be replaced: a read-only register is refused; a register
  open in Excel on Windows cannot be renamed over, which is said in Chinese.
- Two runs at once: the second stops (`lock`).

The other workbooks huitoukan writes over and over (the report, 一问题一档案, 追责核查 and
the 复查验收表 a person fills in) get the same protection against losing a person's edits
(`replace_output`).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from huitoukan.dates import chinese_date
from huitoukan.errors import HuitoukanError
from huitoukan.files import (
    display_name,
    hide,
    keep_a_copy,
    make_folder,
    open_in_office,
    output_error,
    write_atomically,
)
from huitoukan.model.returns import ANOTHER_CAMPAIGN, HazardRow
from huitoukan.register.lock import register_lock
from huitoukan.register.record import (
    Coverage,
    RegisterState,
    edited_since_written,
    recorded_coverage,
    write_records,
)
from huitoukan.returns.archives import ARCHIVE_SUFFIXES
from huitoukan.returns.finding import still_there

HISTORY_VERSIONS = 5
"""The registers replaced last that the history keeps, besides the last of each 统计日期
(collect is run several times a day: five alone lost the register of the due date
within a week, clerk trial 40)."""
_JUDGED = re.compile(r"\.统计(\d{4}-\d{2}-\d{2})")
_NTH = re.compile(r"_(\d+)")


def history_folder(register: Path) -> Path:
    return register.with_name(f".{register.stem}.历史版本")


def earlier_registers(register: Path, as_of: date) -> str:
    """Where to look for the register as it was on `as_of`: the latest one the history
    keeps counting a day up to it, when their names tell (统计YYYY-MM-DD); the folder,
    when it keeps registers of an earlier huitoukan (named without their day); '' when
    none can be (it named a version of that day that was never kept: clerk trial 76)."""
    history = history_folder(register)
    kept = list(history.glob(f"{register.stem}.*{register.suffix}")) if history.is_dir() else []
    counted = []
    for path in kept:
        found = _JUDGED.search(path.name)
        if found and (day := date.fromisoformat(found.group(1))) <= as_of:
            counted.append((path.name, day))  # named by the time written first
    if counted:
        name, day = max(counted)  # the latest written
        return (
            f"要看当时的情况，请打开台账旁 {history.name} 文件夹中的 {name}"
            f"（统计日期 {chinese_date(day)}）"
        )
    if any(not _JUDGED.search(path.name) for path in kept):
        return f"要看当时的情况，请打开台账旁 {history.name} 文件夹中当时的台账"
    return ""


class ShrinkingRegister(HuitoukanError):
    """The new collection covers less than the register it would replace."""


def check_not_shrinking(
    register: Path,
    old: Coverage | None,
    new: Coverage,
    now_named: Callable[[str], str | None] = lambda _: None,
    held: Sequence[HazardRow] = (),
) -> None:
    """Refuse to replace a register that covers more departments or returns than `new`;
    `now_named` gives the name a department of the register goes by now, when
    campaign.toml renamed it (its old name an alias of the new); `held`: the hazards the
    new collection holds only from the register (their files gone), which --force drops."""
    if old is None:
        return
    if old.judged_on is not None and new.judged_on is not None and new.judged_on < old.judged_on:
        earlier, later = chinese_date(new.judged_on), chinese_date(old.judged_on)
        # collected as of an earlier day, every closure reported since was voided as 晚于统计
        # 日期, and status, remind and report went on from that register (clerk trial 75)
        look = earlier_registers(register, new.judged_on)
        where = f"{look}，或" if look else "要看那天的情况，请"
        raise ShrinkingRegister(
            f"这次汇总的统计日期 {earlier} 早于现有的 {display_name(register)} 的统计日期 "
            f"{later}，未做任何改动：按较早的日期汇总，{earlier} 以后报来的销号都不算（按未"
            f"销号计），写出的台账就不再是 {later} 的情况。{where}用 --out 写到另一个文件；"
            "确要按这个日期替换台账，请加 --force"
        )
    lost = sorted(set(old.departments) - set(new.departments))
    # a 复查验收表 read before and not now, even when a return came (the 复查 folder left out
    # the day a new return arrived: its verdicts went without a word, clerk trial 119); one
    # renamed (its bytes read under another name) is not gone
    shas = {sha for sha, _ in new.sources.values()}
    reviews = [
        f
        for f in old.reviews
        if f not in new.reviews and old.sources.get(f, ("", ""))[0] not in shas
    ]
    if not lost and new.files >= old.files and not reviews:
        return
    renamed = {d: now for d in lost if (now := now_named(d)) in new.departments}
    if renamed and len(renamed) == len(lost) and new.files >= old.files:
        names = "、".join(f"“{d}”改名为“{now}”" for d, now in renamed.items())
        raise ShrinkingRegister(
            f"campaign.toml 把 {display_name(register)} 中的部门{names}（旧名写在别名中），"
            "未做任何改动：这样改名，这些部门隐患的隐患编号都会改变，已填的复查验收表、"
            "追责核查表按旧编号填写的结论将对应不上。请在 campaign.toml 该部门下写明旧名"
            '（formerly = "旧名"），隐患编号即保持不变；确要重新编号，请加 --force'
        )
    gone = (  # (a file renamed is not: its bytes were read under the new name, trial 120)
        sorted(
            f
            for f in set(old.sources) - set(new.sources) - set(old.reviews)
            if old.sources[f][0] not in shas
        )
        if new.sources
        else []
    )
    gone += reviews
    # what is missing, counted: the totals compared read “部门 7 个……比现有的部门 7 个少”
    # when one department went missing and another came (clerk trial 75)
    fewer = [f"部门 {len(lost)} 个"] if lost else []
    files = len(gone) or old.files - new.files
    fewer += [f"报送文件 {files} 份"] if files > 0 else []

    others = {d for d in lost if ANOTHER_CAMPAIGN in new.unreadable_why.get(d, "")}

    def why(department: str) -> str:
        if department not in new.unreadable:
            return department
        return f"{department}（其文件{'是其他活动的表格' if department in others else '无法读取'}）"

    named = [*map(why, lost), *gone]
    missing = f"：{'、'.join(named[:6])}{'等' if len(named) > 6 else ''}" if named else ""
    # what --force drops, named, and how to tidy old versions away without losing them
    # (an old version moved out, then --force as said: its hazards, photos and a 追责 went
    # with it, nothing listing them: clerk trial 107)
    only = [h for h in held if h.remembered]
    said = "、".join(h.where for h in only[:3]) + ("等" if len(only) > 3 else "")
    only_there = f"其中 {len(only)} 项隐患只有这些文件中有（{said}）。" if only else ""
    # a folder not given (its files still there) is to be given; files taken out, to be
    # kept (“旧版本不要删除” said of 第二轮回收 left out of the command: trial 120)
    there = {f for f in gone if still_there(f)}
    versions = [f for f in gone if f not in reviews and f not in there]
    not_given = sorted({_outside_archives(Path(f).parent) for f in there})
    folder = _outside_archives(Path(versions[0]).parent) if versions else Path()
    tidy = (
        f"被替换的旧版本不要删除或移出，可移到 {folder / '旧版本'} 这样的子文件夹中，"
        "汇总时照样读取，其中的隐患和照片都保留。"
        if versions
        else ""
    )
    if not_given:  # there still: the folder left out of the command
        folders = "、".join(map(str, not_given))
        verdicts = "（少了的复查验收表的复查结论也不再计入）" if reviews else ""
        tidy += f"这些文件还在原处{verdicts}：请把 {folders} 文件夹一并给出（如 huitoukan collect 回收 复查）。"
    if any(f not in there for f in reviews):  # its verdicts would go: no version
        tidy += "少了的复查验收表的复查结论也不再计入：请把它放回原处一并汇总。"
    elsewhere = "，或选了其他活动（如往年）的报表文件夹" if others else ""
    moved = _read_as_another(lost, old, new)
    if moved:  # its returns are all there, now read as another's or no one's: renamed in
        # campaign.toml without its old name, not a folder left out (clerk trial 117)
        names = "、".join(moved)
        under = "；".join(
            f"{d} 的报表现在归“{now}”" if now else f"{d} 的报表现在都无法识别部门"
            for d, now in moved.items()
        )
        formerly = "；".join(f'formerly = "{d}"' for d in moved)
        lose = (
            "这些报表的隐患不归任何部门，该部门按未报送计"
            if "" in moved.values()
            else "隐患编号都会改变，已填的复查验收表、追责核查表对应不上"
        )
        raise ShrinkingRegister(
            f"这次汇总比现有的 {display_name(register)} 少了部门 {names}：它的报表这次都读到了，"
            f"但 campaign.toml 中已没有这个部门名称（{under}），未做任何改动。部门改了名的，"
            f"请在 campaign.toml 新名称的部门下写明旧名（{formerly}），其报表和隐患编号即照旧；"
            f"不要加 --force（按这次的报表重建，{lose}）"
        )
    raise ShrinkingRegister(
        f"这次汇总比现有的 {display_name(register)} 少了{'、'.join(fewer)}{missing}，"
        f"可能漏选了报表文件夹（或复查验收表所在的文件夹）{elsewhere}，未做任何改动。{only_there}{tidy}"
        "确需替换请加 --force（按这次的报表重建：少了的部门和文件中的隐患、照片不再保留），"
        "或用 --out 写到另一个文件"
    )


def _outside_archives(folder: Path) -> Path:
    """`folder`, or, a member's of an archive, the folder the archive is in (a folder inside
    a .zip was suggested: clerk trial 117)."""
    while folder.suffix.lower() in ARCHIVE_SUFFIXES:
        folder = folder.parent
    return folder


def _read_as_another(lost: Sequence[str], old: Coverage, new: Coverage) -> dict[str, str]:
    """Each of the `lost` departments whose files the new collection read all the same, as
    one other department's → its name ('' when as no department's)."""
    moved = {}
    for department in lost:
        files = [f for f, (_, whose) in old.sources.items() if whose == department]
        now = {new.sources[f][1] for f in files if f in new.sources}
        if files and len(now) == 1 and all(f in new.sources for f in files):
            moved[department] = now.pop()
    return moved


def _refuse_read_only(register: Path) -> None:
    try:
        mode = register.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWUSR:
        raise HuitoukanError(
            f"{display_name(register)} 是只读文件，未做改动：请取消只读属性后再运行，"
            "或用 --out 写到另一个文件"
        )


def _keep_version(register: Path, stamp: datetime, coverage: Coverage | None = None) -> None:
    """Copy the register about to be replaced into its history folder, named by when it
    was written (`stamp` when that cannot be known) and its 统计日期 (from `coverage`, what
    it covers, when the shrink check read it already; else from its record); drop the
    oldest."""
    if not register.exists():
        return
    folder = history_folder(register)
    make_folder(folder)
    hide(folder)
    kept = sorted(folder.glob(f"{register.stem}.*{register.suffix}"))
    if kept and _same_file(kept[-1], register):
        return  # collected again from the same files: the history keeps distinct registers
    if coverage is None:
        coverage = recorded_coverage(register)
    judged = coverage.judged_on if coverage is not None else None
    of_day = f".统计{judged:%Y-%m-%d}" if judged else ""  # the day it counts, to be found by
    with contextlib.suppress(OSError, ValueError, OverflowError):
        # the time the register was written, not copied (a copy named 11月30日 held the
        # register of 11月28日: the one looked for by its day was hard to find)
        stamp = datetime.fromtimestamp(register.stat().st_mtime)
    base = f"{register.stem}.{stamp:%Y%m%d-%H%M%S}"
    # two collects in one second: both kept, in order (numbered after the last of that
    # second, whatever day each counts: earlier ones may have been dropped)
    taken = [p.name[len(base) :] for p in kept if p.name.startswith((f"{base}.", f"{base}_"))]
    n = 1 + max((int(m.group(1)) if (m := _NTH.match(t)) else 1 for t in taken), default=0)
    target = folder / f"{base}{'' if n == 1 else f'_{n:03d}'}{of_day}{register.suffix}"
    try:
        shutil.copy2(register, target)
    except OSError as exc:
        raise output_error(target, exc) from None
    versions = sorted([*kept, target])  # oldest first
    last_of_day = {day.group(1): v for v in versions if (day := _JUDGED.search(v.name))}
    keep = {*versions[-HISTORY_VERSIONS:], *last_of_day.values()}
    for old in versions:
        if old not in keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _same_file(a: Path, b: Path) -> bool:
    """The same register: the same parts with the same content (a zip's stored times of
    writing aside)."""
    try:
        with zipfile.ZipFile(a) as first, zipfile.ZipFile(b) as second:
            parts = [
                [(i.filename, i.CRC, i.file_size) for i in z.infolist()] for z in (first, second)
            ]
        return parts[0] == parts[1]
    except (OSError, zipfile.BadZipFile):
        return False


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None = None
    """Where what was at `path` is kept, because a person had changed it since huitoukan
    wrote it (or it was not huitoukan's)."""
    open_elsewhere: bool = False
    """An office suite had `path` open when it was written over: its window shows the old."""


def _keep_edited(path: Path, stamp: datetime) -> Path | None:
    return keep_a_copy(path, stamp) if edited_since_written(path) else None


def replace_output(path: Path, write: Callable[[Path], object]) -> Written:
    """Write a workbook with `write(tmp)` over `path` atomically; one a person changed since
    huitoukan wrote it (a filled-in 复查验收表, comments typed into the report) is copied to a
    dated backup first."""
    backup = _keep_edited(path, datetime.now())
    write_atomically(path, write)
    write_records(path, None)
    return Written(path, backup, open_in_office(path))


def replace_register(
    register: Path,
    write: Callable[[Path], object],
    state: RegisterState | None = None,
    previous: Callable[[Path], Coverage | None] | None = None,
    force: bool = False,
    now_named: Callable[[str], str | None] = lambda _: None,
) -> Path | None:
    """Write a new register with `write(tmp)`; return the backup made of a hand-edited one.

    `previous(register)` gives what the register being replaced covers, for the shrink
    check (skipped with `force`; `now_named` as `check_not_shrinking` has it)."""
    _refuse_read_only(register)
    with register_lock(register):
        old = None
        if previous is not None and state is not None and not force and register.exists():
            old = previous(register)
            check_not_shrinking(register, old, Coverage.of(state), now_named, state.hazards)
        stamp = datetime.now()
        backup = _keep_edited(register, stamp)
        _keep_version(register, stamp, old)
        write_atomically(register, write)
        write_records(register, state)
        return backup
