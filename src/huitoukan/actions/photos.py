"""Where the photos of a campaign's hazards are read from, for the pages that show them.

From a register: the library collect filled beside it. From returns read in memory: a
temporary library, gone when the pages are written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from huitoukan.model.returns import HazardRow
from huitoukan.register.evidence import library
from huitoukan.register.layout import REGISTER_FILE
from huitoukan.register.reading import is_register
from huitoukan.returns.photos import PhotoStore, open_store


@contextmanager
def photo_store(sources: Sequence[Path]) -> Iterator[PhotoStore]:
    """The library the photos of `sources` are (or, read from returns, will be) kept in."""
    sources = list(sources) or [Path(REGISTER_FILE)]
    if len(sources) == 1 and sources[0].is_file() and is_register(sources[0]):
        yield open_store(library(sources[0]))
        return
    with tempfile.TemporaryDirectory(prefix="huitoukan-") as folder:
        yield PhotoStore(Path(folder))


def photo_bytes(store: PhotoStore, names: Iterable[str]) -> list[bytes]:
    """The photos named, as kept in `store` (one missing from it is left out)."""
    found = []
    for name in names:
        try:
            found.append((store.folder / name).read_bytes())
        except OSError:
            continue
    return found


def hazards_with_photos(
    store: PhotoStore, hazards: Iterable[HazardRow]
) -> list[tuple[HazardRow, list[bytes]]]:
    return [(h, data) for h in hazards if h.photos if (data := photo_bytes(store, h.photos))]
