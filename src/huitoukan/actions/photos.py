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
from huitoukan.letters.photos import BEFORE, Photo
from huitoukan.model.returns import DONE, FAILED, HazardRow, photo_also_on, shared_photos
from huitoukan.register.evidence import EVIDENCE_FOLDER, laid_out_paths, library
from huitoukan.register.layout import REGISTER_FILE
from huitoukan.register.reading import is_register
from huitoukan.returns.photos import PhotoStore, content_name, open_store


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
    """（整改前） for a photo first sent while the hazard was open, （整改后） for the one first
    sent with it 已完成; （已完成时报送） for each of several sent so (a department that did
    the work within the round pastes its before and after photos at once: both were printed
    整改后, clerk trial 51); （报已完成时报送，复查不合格） for one sent 已完成 before its
    review failed (it was captioned with its file alone: clerk trial 151); nothing when
    that is not known (an open hazard's photo of a register written before it was recorded)."""
    if photo in hazard.before_photos:
        return BEFORE
    if hazard.review == FAILED:
        return "（报已完成时报送，复查不合格）"
    if hazard.progress != DONE:
        return ""
    sent_done = [p for p in hazard.photos if p not in hazard.before_photos]
    return "（整改后）" if len(sent_done) == 1 else "（已完成时报送）"


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _kept(path: Path, name: str) -> bytes | None:
    """The photo called `name` from `path` (the library's file, or the one laid out from
    it) if that file still is the photo: its content's sha256 is the name."""
    data = _read(path)
    if data is None or content_name(data, Path(name).suffix.lstrip(".")) != name:
        return None
    return data


def hazards_with_photos(
    store: PhotoStore, hazards: Iterable[HazardRow], lost: list[str] | None = None
) -> list[tuple[HazardRow, list[Photo]]]:
    """Each hazard with the photos `store` keeps of it (one missing from it left out, its
    file named in `lost`, given), captioned with the file it is laid out as beside the
    register (佐证材料/部门/2-1.jpg), or, read from returns (nothing laid out), with its
    department and number (a register copied without its records, which say whose they
    are, is refused: `load_state`)."""
    register_folder = store.folder.parent.parent  # a register's library: 佐证材料/.照片库
    found = []
    missing = 0
    hazards = list(hazards)
    shared = shared_photos(hazards)
    altered: list[str] = []
    for hazard, paths in laid_out_paths(hazards):
        photos = []
        for n, (name, path) in enumerate(zip(hazard.photos, paths, strict=True), start=1):
            data = _kept(store.folder / name, name) or _kept(register_folder / path, name)
            if data is None:
                if (store.folder / name).is_file():  # changed since it was kept (rotated in a
                    altered.append(path)  # viewer saving in place: printed so, trial 87)
                missing += 1
                if lost is not None:
                    lost.append(path)
                continue
            laid_out = (register_folder / path).is_file()
            caption = path if laid_out else f"{hazard.department}　照片 {n}"
            also = photo_also_on(hazard, name, shared)
            photos.append(Photo(data, caption + _when_sent(hazard, name) + also))
        if photos:
            found.append((hazard, photos))
    if altered:
        raise InputError(
            f"{EVIDENCE_FOLDER} 中有 {len(altered)} 张照片在上次汇总后被改动过（{'、'.join(altered[:3])}"
            f"{' 等' if len(altered) > 3 else ''}；如用看图软件旋转后直接保存），照片页会印出改动后的"
            "照片，未写出任何文件：请先运行 huitoukan collect，按报回表格中的原样恢复"
        )
    if missing and not found:  # a register copied without its folder: no page says 无照片
        raise InputError(
            f"台账记录了 {missing} 张照片，但台账旁边的“{EVIDENCE_FOLDER}”中一张也找不到"
            f"（{display_name(store.folder)}），未写出任何文件：复制或移动台账时，请连同“"
            f"{EVIDENCE_FOLDER}”文件夹一起复制；报回的表格还在的，在台账所在文件夹重新运行 "
            "huitoukan collect 即可重新取出照片"
        )
    return found
