"""Exceptions for "cannot go on": each carries one Chinese line a clerk can act on.

Problems found inside returned forms are *not* exceptions: they are `Problem`
values collected per file. These classes are for the run itself failing.
"""

INTERRUPTED = 130
"""Exit code of a run stopped with Ctrl-C (128 + SIGINT, as shells report it)."""
INTERRUPTED_MESSAGE = "\n已中断。写出的文件都是整份替换，不会只写一半；需要时重新运行即可。\n"


class HuitoukanError(Exception):
    """Base class: the CLI prints the message in one line and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CampaignError(HuitoukanError):
    """The campaign configuration is missing, unreadable or invalid."""


class OutputExistsError(HuitoukanError):
    """Refusing to overwrite files without --force."""


class TemplateError(HuitoukanError):
    """A template workbook cannot be used (missing, or its header row was removed)."""


class InputError(HuitoukanError):
    """A command-line input (path, date, department) cannot be used."""
