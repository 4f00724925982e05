from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from huitoukan.files import write_atomically


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_new_file_gets_the_usual_permissions_and_a_replaced_file_keeps_its_own(
    tmp_path: Path,
) -> None:
    mask = os.umask(0o022)
    try:
        target = tmp_path / "全校隐患台账.xlsx"
        write_atomically(target, lambda tmp: tmp.write_bytes(b"1"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0600
        target.chmod(0o664)
        write_atomically(target, lambda tmp: tmp.write_bytes(b"2"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.read_bytes() == b"2"
    finally:
        os.umask(mask)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"

    def fail(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)
    assert list(tmp_path.iterdir()) == []


def test_records_are_hidden_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Explorer shows dot files: the register's records get the hidden attribute there."""
    import ctypes
    import sys
    from types import SimpleNamespace

    from huitoukan.files import hide

    calls: list[tuple[str, int]] = []
    kernel = SimpleNamespace(
        GetFileAttributesW=lambda path: 0x20,  # FILE_ATTRIBUTE_ARCHIVE
        SetFileAttributesW=lambda path, attributes: calls.append((path, attributes)),
    )
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel), raising=False)
    hide(tmp_path / ".全校隐患台账.xlsx.state.json")
    assert calls == [(str(tmp_path / ".全校隐患台账.xlsx.state.json"), 0x22)]
