"""Work done in a forked copy of this process while this process does something else.

Collect's tail (building the register after the returns are read) runs on one core
while the other idles. Parts of it that need nothing but what is already in memory —
a sheet of 20,000 交办问题, say — can be built in a copy of the process made by `fork`,
which shares every object without pickling it: only the result comes back, pickled,
through a pipe.

Where there is no fork (Windows), where this process runs other threads (a copy of a
process forked while another thread holds a lock can deadlock on it), or when the copy
fails in any way, the work is done here instead, when its result is asked for: the
result is the same, only later. An exception the work raises in the copy is raised here,
as it would have been: the work is not done again over what the copy had done of it
(laying photos out a second time, the notices of the first were lost).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Pending(Generic[T]):
    """Work started by `in_background`: `result()` waits for it (or does it here)."""

    def __init__(self, work: Callable[[], T], pid: int = 0, pipe: int = -1) -> None:
        self._work = work
        self._pid = pid
        self._pipe = pipe

    def result(self) -> T:
        if self._pid:
            pid, self._pid = self._pid, 0
            try:
                with os.fdopen(self._pipe, "rb") as pipe:
                    data = pipe.read()
                _, status = os.waitpid(pid, 0)
                if os.waitstatus_to_exitcode(status) == 0:
                    done, value = pickle.loads(data)
                    if not done:
                        raise _Raised(value)
                    return cast(T, value)
            except _Raised as raised:
                raise raised.error from None
            except Exception:  # the copy died, or sent something that cannot be read
                _reap(pid)
        return self._work()

    def cancel(self) -> None:
        """Stop the copy (its result is not wanted)."""
        if self._pid:
            pid, self._pid = self._pid, 0
            os.close(self._pipe)
            _reap(pid)


def in_background(work: Callable[[], T]) -> Pending[T]:
    """Start `work` (its result picklable) in a forked copy of this process, where that is
    safe: `result()` of what this returns gives its result, done here if the copy could
    not be made or gave none. Call `result()` or `cancel()` once."""
    if not _can_fork():
        return Pending(work)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Pending(work)
    if pid == 0:  # the copy: do the work, send the result, leave without any clean-up
        code = 1
        try:
            gc.disable()  # collecting would touch (and so copy) every page it shares
            os.close(read_end)
            try:
                outcome: tuple[bool, object] = (True, work())
            except Exception as error:  # raised where the result is asked for
                outcome = (False, error)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(outcome, out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return Pending(work, pid, read_end)


class _Raised(Exception):
    """The exception the work raised in the copy, carried to `result()`."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")  # macOS: fork is unsafe with its system libraries
        and threading.active_count() == 1
    )


def _reap(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
