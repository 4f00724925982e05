"""The `huitoukan` command and `python -m huitoukan`: a launcher that imports nothing
before it can answer Ctrl-C in Chinese (typer and rich take a tenth of a second to
import, long enough for an impatient Ctrl-C to print Python's English traceback)."""

import sys

from huitoukan.errors import INTERRUPTED, INTERRUPTED_MESSAGE


def main() -> None:
    """Console-script entry point: UTF-8 output on any console, then the command line."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass
    try:
        from huitoukan.cli.app import main as run_command_line
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED_MESSAGE)
        sys.exit(INTERRUPTED)
    run_command_line()


# The guard matters on Windows: worker processes for parallel reading import the
# parent's __main__ module, which must not run the command line again.
if __name__ == "__main__":
    main()
