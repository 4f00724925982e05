"""Where the photos of a campaign's hazards are read from, for the pages that show them.

From a register: the library collect filled beside it. From returns read in memory: a
temporary library, gone when the pages are written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from huitoukan.errors import InputError
from huitoukan.files import display_name
from huitoukan.letters.photos import Photo
from huitoukan.model.returns import DONE, HazardRow
from huitoukan.register.evidence import EVIDENCE_FOLDER, laid_out_paths, library
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


def _when_sent(hazard: HazardRow, photo: str) -> str:
    """（整改前） for a photo first sent while the hazard was open, （整改后） for one first
    sent with it 已完成; nothing when that is not known (an open hazard's photo of a
    register written before it was recorded, or one sent 已完成 before a review failed)."""
    if photo in hazard.before_photos:
        return "（整改前）"
    return "（整改后）" if hazard.progress == DONE else ""


def hazards_with_photos(
    store: PhotoStore, hazards: Iterable[HazardRow]
) -> list[tuple[HazardRow, list[Photo]]]:
    """Each hazard with the photos `store` keeps of it (one missing from it left out),
    captioned with the file it is laid out as beside the register (佐证材料/部门/2-1.jpg),
    or, read from returns (nothing laid out), with its department and number."""
    register_folder = store.folder.parent.parent  # a register's library: 佐证材料/.照片库
    found = []
    missing: set[str] = set()
    for hazard, paths in laid_out_paths(hazards):
        photos = []
        for n, (name, path) in enumerate(zip(hazard.photos, paths, strict=True), start=1):
            try:
                data = (store.folder / name).read_bytes()
            except OSError:
                missing.add(name)
                continue
            laid_out = (register_folder / path).is_file()
            caption = path if laid_out else f"{hazard.department}　照片 {n}"
            photos.append(Photo(data, caption + _when_sent(hazard, name)))
        if photos:
            found.append((hazard, photos))
    if missing and not found:  # a register copied without its folder: no page says 无照片
        raise InputError(
            f"台账记录了 {len(missing)} 张照片，但台账旁边的“{EVIDENCE_FOLDER}”中一张也找不到"
            f"（{display_name(store.folder)}），未写出任何文件：复制或移动台账时，请连同“"
            f"{EVIDENCE_FOLDER}”文件夹一起复制；报回的表格还在的，在台账所在文件夹重新运行 "
            "huitoukan collect 即可重新取出照片"
        )
    return found
