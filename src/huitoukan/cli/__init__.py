"""The command line: `app` (commands and their options) and `render` (rich output).
The only package that knows the terminal."""

from huitoukan.cli.app import app, main

__all__ = ["app", "main"]
