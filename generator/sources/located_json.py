"""JSON that remembers where things are: every object and array knows its line and the line of each value.

The standard library's pure-Python decoder calls back into its object and array parsers, so
wrapping them records the offset at which each value starts (no second parser). JSON's quirks
are reported through the reader's output, never fatal: NaN and Infinity (not JSON, though Python
writes them) become ``NonFinite``; a key given twice keeps the last value, as JSON parsers do,
and is reported; numbers with a fraction keep their written form (``2401.10000`` stays text).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# The pure-Python decoder's object, array and scanner builders: undocumented but unchanged since
# Python 2.7, and the one way to learn where the standard parser found each value.
from json.decoder import JSONArray, JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from ..records import ReaderOutput


@dataclass(frozen=True)
class NonFinite:
    """NaN, Infinity or -Infinity where JSON allows no such value."""

    text: str


class JObject(dict[str, Any]):
    """A JSON object that knows its own line and the line of each value."""

    line: int = 1
    lines: dict[str, int]


class JArray(list[Any]):
    """A JSON array that knows its own line and the line of each item."""

    line: int = 1
    lines: list[int]


def line_of(value: Any, default: int) -> int:
    """The line a decoded object or array starts on; ``default`` for anything else."""
    return value.line if isinstance(value, JObject | JArray) else default


def key_line(obj: Any, key: str, default: int) -> int:
    """The line of ``obj[key]`` when ``obj`` is a located object, else ``default``."""
    return obj.lines.get(key, default) if isinstance(obj, JObject) else default


def decode(text: str, out: ReaderOutput) -> tuple[Any] | None:
    """``(value,)`` with located objects and arrays, or None when the text is not JSON (reported as an error)."""
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_at(offset: int) -> int:
        return bisect_right(newlines, offset - 1) + 1

    def tracking(scan_once: Callable[[str, int], Any], starts: list[int]) -> Callable[[str, int], Any]:
        def scan(string: str, idx: int) -> Any:
            starts.append(idx)
            return scan_once(string, idx)
        return scan

    def parse_object(s_and_end: tuple[str, int], strict: bool, scan_once: Any, object_hook: Any,
                     object_pairs_hook: Any, memo: Any = None) -> tuple[JObject, int]:
        starts: list[int] = []
        pairs, end = JSONObject(s_and_end, strict, tracking(scan_once, starts), None, list, memo)
        obj = JObject()
        obj.line = line_at(s_and_end[1] - 1)
        obj.lines = {}
        for (key, value), at in zip(pairs, starts, strict=False):
            if key in obj:
                out.report(line_at(at), "duplicate-key", f"key {key!r} is given again in this object (first on "
                                                          f"line {obj.lines[key]}); the last value is used")
            obj[key] = value
            obj.lines[key] = line_at(at)
        return obj, end

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[JArray, int]:
        starts: list[int] = []
        values, end = JSONArray(s_and_end, tracking(scan_once, starts))
        array = JArray(values)
        array.line = line_at(s_and_end[1] - 1)
        array.lines = [line_at(at) for at in starts[: len(values)]]
        return array, end

    decoder: Any = json.JSONDecoder(parse_constant=NonFinite, parse_float=str)
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.scan_once = py_make_scanner(decoder)  # the C scanner would not call the wrappers
    try:
        return (decoder.decode(text),)
    except json.JSONDecodeError as exc:
        out.skip(exc.lineno, "invalid-json", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}); "
                                             "nothing read from this file", severity="error")
    except RecursionError:
        out.skip(1, "invalid-json", "JSON nested too deeply to read; nothing read from this file", severity="error")
    return None
