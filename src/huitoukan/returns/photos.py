"""Keeping the photos pasted into returns: by content, so the same photo is kept once.

A photo is named by its content (`sha256.ext`): the hazard row records those names, and
the reading process writes the bytes once into a store (a folder beside the register,
given by collect) from which the register's evidence folder is laid out (`register.evidence`).
Without a store (status read from returns in memory) the names are still recorded.

The store also remembers, by the return file's sha256, where that file's photos were
(`PictureNotes`): collect is run again and again as returns arrive, and a file read
before costs no unzipping or hashing of its photos the next time. A file without any
picture is not noted: reading it again costs less than writing a note did.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.files import hide, write_atomically
from huitoukan.returns.pictures import Picture

EXTENSIONS = {"jpeg": "jpg", "tiff": "tif"}


@dataclass(frozen=True)
class PhotoStore:
    folder: Path


def photo_name(picture: Picture) -> str:
    """A photo's name: its content's sha256 and its type (the same photo, the same name)."""
    extension = EXTENSIONS.get(picture.media_type, picture.media_type)
    return f"{hashlib.sha256(picture.data).hexdigest()}.{extension}"


def keep_photo(picture: Picture, store: PhotoStore | None) -> str:
    """Keep `picture` in `store` (once) and return its name."""
    name = photo_name(picture)
    if store is None:
        return name
    target = store.folder / name
    if target.exists():
        return name
    if not store.folder.is_dir():
        store.folder.mkdir(parents=True, exist_ok=True)
        hide(store.folder)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=store.folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(picture.data)
        os.replace(tmp, target)  # another worker may have written the same photo: same bytes
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return name


class PictureNotes(BaseModel):
    """What reading one return's pictures gave: the photos by (sheet, 0-based row), the
    picture cells to blank (sheet, row, column), the warnings (sheet, row, message)."""

    rows: list[tuple[str, int, list[str]]] = []
    blank: list[tuple[str, int, int]] = []
    warnings: list[tuple[str, int, str]] = []


def _notes_path(store: PhotoStore, sha256: str) -> Path:
    return store.folder / ".按文件" / f"{sha256}.json"


def recall(store: PhotoStore | None, sha256: str) -> PictureNotes | None:
    """The notes kept for the file with this `sha256`, if its photos are all still kept."""
    if store is None or not sha256:
        return None
    try:
        notes = PictureNotes.model_validate_json(_notes_path(store, sha256).read_bytes())
    except (OSError, ValidationError):
        return None
    names = {name for _, _, kept in notes.rows for name in kept}
    if not all((store.folder / name).is_file() for name in names):
        return None
    return notes


def remember(store: PhotoStore | None, sha256: str, notes: PictureNotes) -> None:
    if store is None or not sha256 or not (notes.rows or notes.blank or notes.warnings):
        return
    path = _notes_path(store, sha256)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda tmp: tmp.write_text(notes.model_dump_json(), "utf-8"))
