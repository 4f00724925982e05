"""One core function per command, composing the stages; the CLI calls these and renders."""
