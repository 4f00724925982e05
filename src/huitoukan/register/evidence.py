"""The evidence folder beside the register: the photos departments pasted into their returns.

Collect keeps every photo once, named by its content, in `佐证材料/.照片库` (the same
photo in two versions of a return, or under two hazards, is one file), and lays the
current hazards' photos out by department, `佐证材料/部门/序号-n.jpg`, where the
inspectors look for them. The laid-out files are hard links to the library where the
file system allows (no second copy on disk), copies where it does not. A laid-out file
that no longer belongs to a hazard is removed; files a person put in the folders are
left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

from huitoukan.files import output_error, safe_file_name
from huitoukan.model.returns import HazardRow
from huitoukan.returns.photos import content_name, read_stamps, stamp
from huitoukan.text import seq_number

EVIDENCE_FOLDER = "佐证材料"
LIBRARY_FOLDER = ".照片库"
_LAID_OUT = re.compile(r"^(?:\d+|第\d+行|H[0-9A-F]{8})(?:（\d+）)?-\d+\.[A-Za-z0-9]+$")
"""The names `lay_out` gives, and gave (第9行: before hazards were named by 隐患编号), so
that it removes only what it made."""


def evidence_folder(register: Path) -> Path:
    return register.parent / EVIDENCE_FOLDER


def refuse_blocked(register: Path) -> None:
    """The error (before anything is read or written) when a file stands where the
    evidence folder or its library must be: every photo would fail to be kept."""
    for folder in (evidence_folder(register), library(register)):
        if folder.exists() and not folder.is_dir():
            raise output_error(folder, NotADirectoryError(errno.ENOTDIR, "", str(folder)))


def library(register: Path) -> Path:
    """Where collect keeps each photo once, by content."""
    return evidence_folder(register) / LIBRARY_FOLDER


def department_folder(department: str) -> str:
    """The folder of a department's photos, relative to the register (/ between parts)."""
    return f"{EVIDENCE_FOLDER}/{safe_file_name(department) or '未识别部门'}"


@dataclass
class Evidence:
    """What `lay_out` made: the photos the library was missing, and what it could not do."""

    missing: list[str] = field(default_factory=list)
    """The names the photos the library lacks would be laid out under, relative to the
    register (a photo only the register held, its library moved away: trial 157)."""
    set_aside: list[str] = field(default_factory=list)
    """Files found where a photo is laid out that were not it (edited or replaced there),
    moved aside (…（原有）.jpg), relative to the register: said (none was: clerk trial 87)."""
    failed: list[str] = field(default_factory=list)
    """What could not be laid out or taken away (a file in the way, one open elsewhere),
    in Chinese: the rest is laid out all the same."""
    renamed: list[str] = field(default_factory=list)
    """Laid-out files that showed another hazard's photo before, laid out under no other
    name now (a photo of two hazards), relative to the register: a report or archive
    printed before cites them for what they no longer show (clerk trial 154)."""
    moved: list[tuple[str, str]] = field(default_factory=list)
    """(the name a photo was laid out under before, the name it has now, another hazard's),
    relative to the register: a department's 序号 changed (4-1.jpg now 3-1.jpg), the old
    name gone from the folder or showing another photo, though a report or archive printed
    before cites it (clerk trials 154, 156)."""
    put_back: list[str] = field(default_factory=list)
    """Laid-out names found showing another department's photo (copied over by hand: no
    department's 序号 moves a photo into another's folder), laid out again as sent
    (said to be a 序号 changed, to a name that does not exist: clerk trial 158)."""
    changed: list[str] = field(default_factory=list)
    """Laid-out names of a hazard that show another photo of it now, or are gone, its
    photos replaced or taken out (said as a 序号 changed, which none had: clerk trial
    155), relative to the register."""


def _base_names(hazards: Sequence[HazardRow]) -> list[str]:
    """Each hazard's file name stem: its department's 序号 when it is a number (4, 4., 一、:
    `seq_number`; those were named by 隐患编号, which the README says of a blank one only:
    clerk trial 182 AH105) no other hazard of the department with photos shares, else its
    隐患编号 (the register's 隐患编号 column finds it; two versions' rows of one number are
    told apart)."""
    numbers = [seq_number(hazard.seq) for hazard in hazards]
    counts: dict[tuple[str, int | None], int] = {}
    for hazard, number in zip(hazards, numbers, strict=True):
        counts[hazard.department, number] = counts.get((hazard.department, number), 0) + 1
    names: list[str] = []
    used: set[tuple[str, str]] = set()
    for hazard, number in zip(hazards, numbers, strict=True):
        if number is not None and counts[hazard.department, number] == 1:
            name = str(number)
        else:
            name = hazard.hazard_id
        base, n = name, 2
        while (hazard.department, name) in used:  # the same row of two files or sheets
            name, n = f"{base}（{n}）", n + 1
        used.add((hazard.department, name))
        names.append(name)
    return names


def laid_out_paths(hazards: Iterable[HazardRow]) -> list[tuple[HazardRow, list[str]]]:
    """Each hazard with photos and where `lay_out` puts them, relative to the register
    (佐证材料/部门/序号-n.jpg, in the order of its photos)."""
    with_photos = [h for h in hazards if h.photos]
    return [
        (
            hazard,
            [
                f"{department_folder(hazard.department)}/{base}-{n}{Path(photo).suffix}"
                for n, photo in enumerate(hazard.photos, start=1)
            ],
        )
        for hazard, base in zip(with_photos, _base_names(with_photos), strict=True)
    ]


def lay_out(
    register: Path, hazards: Sequence[HazardRow], apart: Set[str] = frozenset()
) -> Evidence:
    """Lay the photos of `hazards` out beside `register` from its library: each a link to
    the library's file, but those `apart` (no return here holds them any more) a copy: a
    clerk rotating one in a viewer that saves in place changed the library's file too, and
    no return could give it back (clerk trial 157)."""
    store = library(register)
    evidence = Evidence()
    wanted: dict[Path, set[str]] = {}
    blocked: set[Path] = set()
    laid: dict[str, list[str]] = {}  # the library's name → where its photo is laid out now
    placed: dict[str, str] = {}  # where each photo is, as the stamps say next time
    stamps = read_stamps(store)
    shown_by: dict[str, set[str]] = {}  # the library's name → the hazards (`_hazard_of`)
    # a name laid out anew, the photo it showed, and whether as laid out (the library's own
    # file, linked: not a file a person put there)
    before: list[tuple[str, str, bool]] = []
    # what the library and each folder hold, listed once: a first collect laid out 600
    # photos with six calls on the disk each, to learn that nothing was there yet
    kept = _names_in(store, files=True)
    present: dict[Path, set[str] | None] = {}
    for hazard, paths in laid_out_paths(hazards):
        folder = register.parent / department_folder(hazard.department)
        if folder in blocked:
            continue
        if folder not in wanted:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                blocked.add(folder)
                evidence.failed.append(str(output_error(folder, exc)))
                continue
            present[folder] = _names_in(folder)
        names = wanted.setdefault(folder, set())
        for photo, path in zip(hazard.photos, paths, strict=True):
            source = store / photo
            if (kept is None or photo not in kept) and not source.is_file():
                evidence.missing.append(path)
                continue
            name = path.rpartition("/")[2]
            names.add(name)  # not taken away as stale, whatever happens
            laid.setdefault(photo, []).append(path)
            shown_by.setdefault(photo, set()).add(_hazard_of(path))
            target = folder / name
            if (listed := present[folder]) is not None and name not in listed:  # laid out at once
                try:
                    _place(source, target, False, photo in apart)
                except OSError as exc:
                    evidence.failed.append(str(output_error(target, exc)))
                    continue
                placed[path] = photo
                continue
            linked = photo in apart and _linked(source, target)  # to be a copy now
            if not linked and _same_file(source, target):
                placed[path] = photo
                continue  # laid out already
            there = target.is_file()
            shown = photo if linked else _library_name(target, store) if there else None
            # (its link lost when the folder was copied: laid out there before all the same)
            as_laid = shown is not None and (
                _linked(store / shown, target) or stamps.laid.get(path) == shown
            )
            try:  # (one of the clerk's own is set aside)
                aside = _place(source, target, there and shown is None, photo in apart)
            except OSError as exc:
                evidence.failed.append(str(output_error(target, exc)))
                continue
            placed[path] = photo
            if aside is not None:
                evidence.set_aside.append(f"{department_folder(hazard.department)}/{aside.name}")
            elif shown is not None and shown != photo:  # the library's other photo, laid
                before.append((path, shown, as_laid))  # out here before
    for path, shown, as_laid in before:  # another hazard's photo, or this one's replaced
        # where it is laid out now in this folder (a photo two departments show: the
        # other's file was named, trial 178 AE5)
        here = _beside(path, laid.get(shown, ()))
        if not _elsewhere(shown_by, shown, path):
            evidence.changed.append(path)
        elif not here:  # another department's photo: put there by a person, or, the file
            # laid out as the library's own, replaced by this one's own as it was asked (not
            # “换成了其他部门隐患的照片”: clerk trial 179 AF1)
            (evidence.changed if as_laid else evidence.put_back).append(path)
        elif path not in here:  # its photo laid out under another name now (in a chain
            # 2→4→11, 4→11 went unsaid: trial 156) — unless it was laid out there before
            # too, one photo of two hazards, replaced on this one (trial 187 AM8)
            if _laid_before(here, shown, stamps.laid):
                evidence.changed.append(path)
            else:
                evidence.moved.append((path, here[0]))
        else:
            evidence.renamed.append(path)
    stamp(store, {photo for hazard in hazards for photo in hazard.photos}, placed, stamps)
    root = evidence_folder(register)
    try:
        folders = [p for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    except OSError as exc:
        evidence.failed.append(str(output_error(root, exc)))
        folders = []
    for folder in folders:
        if folder.name != LIBRARY_FOLDER:
            removed, failed = _remove_stale(folder, wanted.get(folder, set()), store)
            evidence.failed += failed
            for name, photo in removed:
                path = f"{EVIDENCE_FOLDER}/{folder.name}/{name}"
                # in this folder under another name; shown in another department's alone,
                # it was replaced here (“改为 1-1.png”, the other's file: trial 179 AF2)
                mine = _beside(path, laid.get(photo, ()))
                if (
                    _elsewhere(shown_by, photo, path)
                    and mine
                    and not _laid_before(mine, photo, stamps.laid)
                ):
                    evidence.moved.append((path, mine[0]))
                else:  # taken out of its hazard, or another name of it now
                    evidence.changed.append(path)
            if folder not in wanted:  # a department no longer with photos: its folder goes
                with contextlib.suppress(OSError):  # when empty (a file of the clerk's stays)
                    folder.rmdir()  # (an empty 附属医院/ stayed after --force: trial 59)
    return evidence


def _names_in(folder: Path, files: bool = False) -> set[str] | None:
    """The names in `folder`, of its files alone when `files` (None when it cannot be
    listed: each is then looked at)."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if not files or e.is_file()}
    except OSError:
        return None


def _hazard_of(path: str) -> str:
    """The hazard a laid-out name is of: 佐证材料/部门/3 of 佐证材料/部门/3-2.jpg."""
    return path.rpartition("-")[0]


def _beside(path: str, paths: Iterable[str]) -> list[str]:
    """The `paths` (as laid out: 佐证材料/部门/名称) in the folder of `path`."""
    folder = path.rpartition("/")[0]
    return [p for p in paths if p.rpartition("/")[0] == folder]


def _laid_before(paths: Sequence[str], photo: str, stamped: Mapping[str, str]) -> bool:
    """Whether `photo` was laid out under one of `paths` at the last collect too (as the
    library's stamps say): its file there is no new name for another one of it."""
    return any(stamped.get(path) == photo for path in paths)


def _elsewhere(shown_by: dict[str, set[str]], photo: str, path: str) -> bool:
    """Whether `photo`, laid out under `path` before, is laid out now for another hazard
    (`shown_by`: each photo's hazards, `_hazard_of`) than the one `path` is of."""
    return bool(shown_by.get(photo, set()) - {_hazard_of(path)})


def _place(source: Path, target: Path, clerks: bool, copy: bool = False) -> Path | None:
    """`target` (in a folder that exists, not `source` yet: `_same_file`) made the same
    file as `source` (a hard link, else, or when `copy`, a copy). A file of the clerk's own
    under that name (`clerks`: a photo edited or replaced there, not the library's) is
    moved aside (to a name `lay_out` never gives), not written over: where it went is
    returned."""
    aside = None
    if clerks:
        aside = _free_name(target)
        os.replace(target, aside)
    if not copy:
        with contextlib.suppress(OSError):  # a new name: linked at once (whole or absent)
            os.link(source, target)
            return aside
    temporary = target.with_name(f".{target.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        if copy:
            shutil.copyfile(source, temporary)
        else:
            try:
                os.link(source, temporary)
            except OSError:  # another drive, a file system without links
                shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return aside


def _linked(source: Path, target: Path) -> bool:
    """`target` is `source` itself (its hard link)."""
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False


def _same_file(source: Path, target: Path) -> bool:
    """`target` is `source` (its link, or a copy of the same bytes)."""
    if _linked(source, target):
        return True
    try:
        return target.stat().st_size == source.stat().st_size and _same_bytes(source, target)
    except OSError:
        return False


def _same_bytes(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def _library_name(path: Path, store: Path) -> str | None:
    """The library's name of the photo `path` shows (laid out before), None when it is
    not one of the library's."""
    try:
        name = content_name(path.read_bytes(), path.suffix.lower().lstrip("."))
    except OSError:
        return None
    return name if (store / name).is_file() else None


def _free_name(path: Path) -> Path:
    """`path` renamed as a file of the clerk's own (3-1（原有）.jpg, then （原有2） …)."""
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}（原有{n if n > 1 else ''}）{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _remove_stale(
    folder: Path, keep: set[str], store: Path
) -> tuple[list[tuple[str, str]], list[str]]:
    """Remove the photos laid out before that no hazard has now; a file of the clerk's own
    (whatever its name: 3-2.jpg too) stays. What was removed (its name, the library's name
    of its photo); what could not be, said."""
    removed: list[tuple[str, str]] = []
    failed: list[str] = []
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        return [], [str(output_error(folder, exc))]
    for entry in entries:
        if entry.name in keep or not _LAID_OUT.match(entry.name) or not entry.is_file():
            continue
        photo = _library_name(entry, store)
        if photo is None:
            continue
        try:
            entry.unlink()
        except OSError as exc:
            failed.append(str(output_error(entry, exc)))
        else:
            removed.append((entry.name, photo))
    return removed, failed
