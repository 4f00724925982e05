"""Keeping the photos pasted into returns: by content, so the same photo is kept once.

A photo is named by its content (`sha256.ext`): the hazard row records those names, and
the reading process writes the bytes once into a store (a folder beside the register,
given by collect) from which the register's evidence folder is laid out (`register.evidence`).
Without a store (status read from returns in memory) the names are still recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
    store.folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=store.folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(picture.data)
        os.replace(tmp, target)  # another worker may have written the same photo: same bytes
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return name
