"""Keeping the photos pasted into returns: by content, so the same photo is kept once.

A photo is named by its content (`sha256.ext`): the hazard row records those names, and
the reading process writes the bytes once into a store (a folder beside the register,
given by collect) from which the register's evidence folder is laid out (`register.evidence`).
Without a store (status read from returns in memory) the names are still recorded.

The store also remembers, by the return file's sha256, where that file's photos were
(`PictureNotes`, all files' in one file of notes, loaded by `open_store` and written once
a collect by `remember`): collect is run again and again as returns arrive, and a file
read before costs no unzipping or hashing of its photos the next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.errors import HuitoukanError
from huitoukan.files import hide, write_atomically
from huitoukan.model.returns import PictureNotes
from huitoukan.returns.pictures import Picture

EXTENSIONS = {"jpeg": "jpg", "tiff": "tif"}


@dataclass(frozen=True)
class PhotoStore:
    folder: Path
    known: Mapping[str, PictureNotes] = field(default_factory=dict, compare=False, repr=False)
    """The notes of the files read into it before (`open_store` loads them)."""


def photo_name(picture: Picture) -> str:
    """A photo's name: its content's sha256 and its type (the same photo, the same name)."""
    return content_name(picture.data, EXTENSIONS.get(picture.media_type, picture.media_type))


def content_name(data: bytes, extension: str) -> str:
    """The library's name for a file of these bytes (`photo_name`)."""
    return f"{hashlib.sha256(data).hexdigest()}.{extension}"


def keep_photo(picture: Picture, store: PhotoStore | None) -> str:
    """Keep `picture` in `store` (once) and return its name. A photo that cannot be
    written (a full disk, a folder taken away) is not kept, and the return is read all
    the same: the library lacks it, which collect says when it lays the photos out (and
    the file's photos are read again next time, its notes naming one not kept)."""
    name = photo_name(picture)
    if store is None:
        return name
    with contextlib.suppress(OSError):
        _keep(store, name, picture.data)
    return name


_WRITE_NEW = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _keep(store: PhotoStore, name: str, data: bytes) -> None:
    # (os calls on strings: a first collect writes hundreds of photos, and pathlib's
    # objects and a file object around each cost a third of the writing)
    folder = str(store.folder)
    target = os.path.join(folder, name)
    if os.path.exists(target):
        return
    if not os.path.isdir(folder):
        _make_folder(store)
    # a name of this process's own (another worker may write the same photo: same bytes),
    # created as any new file is (0666 less the umask): colleagues sharing the folder open
    # the laid-out photos, which are links to this file
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    handle = os.open(tmp, _WRITE_NEW, 0o666)
    try:
        left = memoryview(data)
        while left:  # (a regular file takes it all in one write, but need not)
            left = left[os.write(handle, left) :]
        os.close(handle)
        handle = -1
        os.replace(tmp, target)
    except BaseException:
        if handle >= 0:
            os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _make_folder(store: PhotoStore) -> None:
    if not store.folder.is_dir():
        store.folder.mkdir(parents=True, exist_ok=True)
        hide(store.folder)


NOTES_FILE = ".按文件.json"
"""The library's notes: for each return file read (by its sha256), where its photos were."""


NOTES_READER = 4
"""Raised when what reading a file's pictures gives changes (a limit, a check, a message):
notes of another reader are not taken, and the files are read again (2: pictures up to 300
million pixels kept, photos cut off skipped; 3: a skipped picture's warning says what to
do; 4: a picture too small to be a photo is not kept)."""


class _Notes(BaseModel):
    reader: int = 1
    files: dict[str, PictureNotes] = {}


def open_store(folder: Path) -> PhotoStore:
    """The library in `folder`, with the notes of the files read into it before (none
    when the notes are missing or cannot be read: the files are read again)."""
    try:
        notes = _Notes.model_validate_json((folder / NOTES_FILE).read_bytes())
    except (OSError, ValidationError):
        notes = _Notes()
    return PhotoStore(folder, notes.files if notes.reader == NOTES_READER else {})


def recall(store: PhotoStore | None, sha256: str) -> PictureNotes | None:
    """The notes kept for the file with this `sha256`, if its photos are all still kept."""
    if store is None or not sha256:
        return None
    notes = store.known.get(sha256)
    if notes is None:
        return None
    names = {name for _, _, kept in notes.rows for name in kept}
    if not all((store.folder / name).is_file() for name in names):
        return None
    return notes


def remember(store: PhotoStore | None, found: Mapping[str, PictureNotes]) -> None:
    """Add the notes of the files just read (`found`, by sha256) to the store's notes, in
    one write (a file of notes per return cost more than reading its photos again). A file
    without pictures is not noted: reading it again costs less than a note does."""
    if store is None:
        return
    found = {k: n for k, n in found.items() if k and (n.rows or n.blank or n.warnings)}
    if not found or all(store.known.get(k) == n for k, n in found.items()):
        return
    notes = _Notes(reader=NOTES_READER, files={**store.known, **found})
    with contextlib.suppress(OSError, HuitoukanError):  # a full disk: read again next time
        _make_folder(store)
        write_atomically(
            store.folder / NOTES_FILE,
            lambda tmp: tmp.write_text(notes.model_dump_json(), "utf-8"),
        )


STAMPS_FILE = ".校验.json"
"""The library's stamps: each photo's size and time of change when it was last laid out,
and where it was laid out."""


class Stamps(BaseModel):
    files: dict[str, tuple[int, int]] = {}
    laid: dict[str, str] = {}
    """Where each photo was laid out last (佐证材料/部门/1-1.png → its name here): a file
    there still showing its photo is the library's, not one a person put there, though
    copied without its hard link (clerk trial 180 AG1)."""


def read_stamps(folder: Path) -> Stamps:
    """The stamps of the library in `folder` (none when missing or unreadable)."""
    try:
        return Stamps.model_validate_json((folder / STAMPS_FILE).read_bytes())
    except (OSError, ValidationError):
        return Stamps()


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def discard_altered(folder: Path) -> int:
    """Take out of the library in `folder` the photos changed since they were laid out,
    and say how many. Every department's copy of a photo is the library's file (a hard
    link): a clerk rotating one in a viewer that saves in place changed the evidence of
    every hazard showing it, and no collect noticed (clerk trial 82). Only a photo whose
    size or time changed is hashed; one no longer what its name says goes, so the returns
    it came from are read again (their notes name a photo no longer kept) and it is kept
    anew, as sent (the changed file laid out is then set aside by `register.evidence`)."""
    altered = 0
    for name, stamped in read_stamps(folder).files.items():
        path = folder / name
        now = _stat(path)
        if now is None or now == stamped:
            continue
        try:
            changed = content_name(path.read_bytes(), name.rpartition(".")[2]) != name
            if changed:
                path.unlink()
        except OSError:
            continue
        altered += changed
    return altered


def stamp(folder: Path, names: Iterable[str], laid: Mapping[str, str], before: Stamps) -> None:
    """Note the size and time of change of the library's photos `names` (those laid out),
    for `discard_altered`, and where they were `laid` out (`Stamps.laid`); the file is
    written only when they differ from what it held (`before`, as `read_stamps` gave it)."""
    now = Stamps(
        files={name: stat for name in names if (stat := _stat(folder / name)) is not None},
        laid=dict(laid),
    )
    if now == before:
        return
    with contextlib.suppress(OSError, HuitoukanError):  # unnoted: not checked next time
        write_atomically(
            folder / STAMPS_FILE, lambda tmp: tmp.write_text(now.model_dump_json(), "utf-8")
        )
