"""The registers a collect replaced, kept dated in a hidden folder beside the register
(`.全校隐患台账.历史版本/`): the newest `HISTORY_VERSIONS`, and the last of each 统计日期."""

from __future__ import annotations

import contextlib
import re
import shutil
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path

from huitoukan.dates import chinese_date
from huitoukan.files import (
    hide,
    make_folder,
    output_error,
    sha256_of,
    write_atomically,
    write_record,
)
from huitoukan.register.record import (
    Coverage,
    files_read_by,
    record_coverage,
    record_files,
    recorded_coverage,
    records_describe,
    restored_note,
    written_coverage,
)

HISTORY_VERSIONS = 5
"""The registers replaced last that the history keeps, besides the last of each 统计日期
(collect is run several times a day: five alone lost the register of the due date
within a week, clerk trial 40)."""
_JUDGED = re.compile(r"\.统计(\d{4}-\d{2}-\d{2})")
_NTH = re.compile(r"_(\d+)")


def history_folder(register: Path) -> Path:
    return register.with_name(f".{register.stem}.历史版本")


def kept_for(path: Path) -> Path | None:
    """The register `path` is a version of, kept in its history folder (None when it is
    not one): the records beside it are the register's (a report printed from a version
    had no 追责核查, its crosschecks recorded beside the register: clerk trial 155)."""
    folder = path.parent.name
    if not (folder.startswith(".") and folder.endswith(".历史版本")):
        return None
    stem = folder[1 : -len(".历史版本")]
    if not path.name.startswith(f"{stem}."):
        return None
    return path.parent.parent / f"{stem}{path.suffix}"


def copied_from(path: Path, registers: Sequence[Path]) -> Path | None:
    """The one of `registers` a version of which (kept in its history, or itself) `path` is
    a copy of, byte for byte: the records beside it are that register's (a version copied
    out of the history to be printed had no 追责核查: clerk trial 156). None when none is."""
    try:
        size = path.stat().st_size
        here = path.resolve()
    except OSError:
        return None
    digest = ""
    for register in registers:
        history = history_folder(register)
        kept = (
            sorted(history.glob(f"{register.stem}.*{register.suffix}")) if history.is_dir() else []
        )
        for version in (register, *kept):
            try:
                if version.stat().st_size != size or version.resolve() == here:
                    continue
            except OSError:
                continue
            digest = digest or sha256_of(path)
            if sha256_of(version) == digest:
                return register
    return None


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


def keep_version(register: Path, stamp: datetime, coverage: Coverage | None = None) -> None:
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
        # collected again from the same files: the history keeps distinct registers (the
        # last kept without the records it had, by an earlier huitoukan, is this one now)
        if not _kept_records(kept[-1])[0].is_file():
            _keep(register, kept[-1])
        return
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
    _keep(register, target)
    versions = sorted([*kept, target])  # oldest first
    last_of_day = {day.group(1): v for v in versions if (day := _JUDGED.search(v.name))}
    keep = {*versions[-HISTORY_VERSIONS:], *last_of_day.values()}
    for old in versions:
        if old not in keep:
            for path in (old, *_kept_records(old)):
                with contextlib.suppress(OSError):
                    path.unlink()


def first_read_known(register: Path) -> dict[str, date]:
    """The day each file was first read into `register`, as far as its record and those of
    its versions kept tell (`record.files_read_by`), whatever became of it since: deleted
    and collected again, the register knew them all as read that day (a correction keeping
    the 表头日期 of the version it replaced erased its belied 已完成 again: clerk trial 173 Z4)."""
    written = written_coverage(register)  # (carries what the ones before it knew)
    if written is not None:
        return files_read_by(written)
    coverages = []
    folder = history_folder(register)
    if folder.is_dir():
        for version in folder.glob(f"{register.stem}.*{register.suffix}"):
            coverages.append(record_coverage(_kept_records(version)[0]))
    read: dict[str, date] = {}
    for coverage in filter(None, coverages):
        for sha, day in files_read_by(coverage).items():
            read[sha] = min(day, read.get(sha, day))
    return read


def _keep(register: Path, target: Path) -> None:
    """Copy `register` to `target` in its history, with its records when they describe it
    (a register edited by hand has none of its own)."""
    try:
        shutil.copy2(register, target)
        if records_describe(register):
            for record, copy in zip(record_files(register), _kept_records(target), strict=True):
                shutil.copyfile(record, copy)
                hide(copy)
    except OSError as exc:
        raise output_error(target, exc) from None


def _kept_records(version: Path) -> tuple[Path, Path]:
    """Where the history keeps the records of the register `version` is a copy of (named
    apart from a register's own records: a version read is read from its sheets)."""
    return (
        version.with_name(f".{version.name}.record.kept"),
        version.with_name(f".{version.name}.state.kept"),
    )


def restore_records(register: Path) -> Path | None:
    """When `register` is, byte for byte, a version its history keeps the records of (the
    clerk copied it back to undo a collect --force), put those records back beside it and
    return the version: it is the register collect wrote then, not one edited by hand (its
    photos, first returns and verdicts were lost, the rebuilt register's kept: clerk trial
    158). None, changing nothing, otherwise."""
    folder = history_folder(register)
    if not register.is_file() or not folder.is_dir():
        return None
    digest = sha256_of(register)  # (once: a city's register is megabytes)
    if records_describe(register, digest=digest):
        return None
    size = register.stat().st_size
    for version in sorted(folder.glob(f"{register.stem}.*{register.suffix}"), reverse=True):
        kept = _kept_records(version)
        try:
            if version.stat().st_size != size or not kept[0].is_file():
                continue
        except OSError:
            continue
        if not records_describe(register, kept, digest):
            continue
        for copy, record in zip(kept, record_files(register), strict=True):
            write_atomically(record, partial(shutil.copyfile, copy))
            hide(record)
        write_record(restored_note(register), f"{digest} {version.name}")
        return version
    return None


def restored_version(register: Path) -> Path | None:
    """The version of the history `restore_records` took `register`'s records back from,
    while no collect has replaced it since (the photos laid out again as they were then
    were said to be changed by the departments: clerk trial 158)."""
    note = restored_note(register)
    try:
        sha, name = note.read_text("utf-8").split(" ", 1)
    except (OSError, ValueError):
        return None
    if register.is_file() and sha == sha256_of(register):
        return history_folder(register) / name
    return None


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
