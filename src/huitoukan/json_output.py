"""Writing a result model as indented JSON, piece by piece.

`collect --json` on a return of 100,000 rows prints about 65 MB; serialising the
whole model at once held that twice over (pydantic's buffer and the bytes object).
Here long lists are serialised a chunk of items at a time, so memory stays at one
chunk whatever the size. The text equals `model.model_dump_json(indent=2)`.
"""

from __future__ import annotations

import functools
import json
from typing import IO, Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter

from huitoukan.model.problems import Problem

CHUNK = 1000
"""Items of a list serialised in one call."""


class Refusal(BaseModel):
    """What a command asked for --json prints when it cannot go on (exit 2): its error,
    and the problems that stopped it (a 交办问题清单's)."""

    error: str
    exit_code: int
    problems: list[Problem] = []


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    """One adapter per annotation (annotations are hashable types)."""
    return TypeAdapter(annotation)


def write_json(model: BaseModel, out: IO[bytes], indent: int | None = 2) -> None:
    """`model` as JSON to the binary stream `out`: indented and with a final newline, or
    compact (`indent=None`) as `model_dump_json()` writes it."""
    _write_model(model, out, indent, 0)
    if indent is not None:
        out.write(b"\n")


def _newline(indent: int | None, depth: int) -> bytes:
    return b"" if indent is None else b"\n" + b" " * (indent * depth)


def _write_model(model: BaseModel, out: IO[bytes], indent: int | None, depth: int) -> None:
    fields = type(model).model_fields
    inner = _newline(indent, depth + 1)
    colon = b":" if indent is None else b": "
    out.write(b"{")
    for number, (name, field) in enumerate(fields.items()):
        key = json.dumps(name, ensure_ascii=False).encode()
        out.write((b"," if number else b"") + inner + key + colon)
        value = getattr(model, name)
        annotation: Any = field.annotation
        if isinstance(value, BaseModel):
            _write_model(value, out, indent, depth + 1)
        elif isinstance(value, list) and len(value) > CHUNK and get_origin(annotation) is list:
            _write_list(value, get_args(annotation)[0], out, indent, depth + 1)
        else:
            data = _adapter(annotation).dump_json(value, indent=indent)
            out.write(data.replace(b"\n", inner) if indent is not None else data)
    out.write(_newline(indent, depth) + b"}" if fields else b"}")


def _write_list(
    items: list[Any], item: Any, out: IO[bytes], indent: int | None, depth: int
) -> None:
    inner = _newline(indent, depth)
    adapter = _adapter(list[item])
    out.write(b"[")
    for start in range(0, len(items), CHUNK):
        data = adapter.dump_json(items[start : start + CHUNK], indent=indent)
        if indent is None:
            body = data[1:-1]
        else:  # without "[" and "\n]": "\n  {…},\n  {…}", then indented one level further
            body = data[1:-2].replace(b"\n", inner)
        out.write((b"," if start else b"") + body)
    out.write(inner + b"]")
