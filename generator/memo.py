"""Results of pure, costly work remembered between runs under ``<build>/.cache/``, keyed by content hash.

A key is the hash of everything a value depends on: the generator's own code (``code``), the
curated files the work reads (taxonomy, vocabularies) and the paper's text or the chart's spec.
So a hit is exactly what recomputing would give, and the output is the same bytes with or
without a cache. The cache is plain JSON, one file per table; a file that does not parse, or was
written by other code, is ignored (a cold run), never an error. Only the entries a run used are
written back, so stale ones go away; a table the run used as it was is not written at all.

Besides tables, a run may keep a few whole objects under one key each (``get_object``): the
merged corpus of an unchanged source set, say, which would take seconds to rebuild from JSON.
They are pickled (``<name>.pickle``) and read back by an unpickler that only builds the model's
own classes and plain containers, so a tampered file fails to load (a cold run) rather than
running code; like Sphinx's pickled environment, it is still not meant to be shared.

The cache is as trusted as the rest of build/ (a chart's SVG goes into pages as it is stored):
never restore it from somewhere a stranger can write, as for build/docs/.

This module does no I/O: the pipeline reads the files with ``io`` and writes ``files()`` with ``io``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from io import BytesIO
from typing import Any, TypeVar

from .buildconfig import CACHE

T = TypeVar("T")

FOLDER = CACHE  # the build folder's cache, shared with the HTML step's html.sqlite
_FORMAT = 1  # the layout of a table file
CHECKS = "object-checks"  # table: name of an object kept as its bare pickle -> CRC-32 of those bytes
_PICKLE = b"\x80"  # a pickle's first byte (its protocol opcode); zlib's data never starts with it


def digest(*parts: object) -> str:
    """A short, stable hash of JSON-able parts (strings, numbers, lists): a cache key.

    Parts that are all strings (a paper's title and abstract, 30,000 keys a 10k run) are hashed as
    length-prefixed UTF-8, without going through JSON; other parts as their JSON. The two forms
    start with different tags, so they never give the same key.
    """
    if all(type(part) is str for part in parts):
        hasher = hashlib.blake2b(b"s", digest_size=16)
        for part in parts:
            data = str(part).encode("utf-8", "surrogatepass")
            hasher.update(len(data).to_bytes(8, "little"))
            hasher.update(data)
        return hasher.hexdigest()
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(b"j" + text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def digest_each(rows: Iterable[Sequence[str]]) -> list[str]:
    """The ``digest`` of each row of strings, for a key over every paper's text: each text's bytes are
    hashed as they are, where one JSON of all the papers first copies every abstract into JSON. A row
    whose length varies must say where each part ends (a count before a list, a list only last)."""
    return [digest(*row) for row in rows]


def code_digest(sources: Mapping[str, bytes]) -> str:
    """The hash of the generator's own files: any change to the code empties every table."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(sources):
        h.update(path.encode("utf-8") + b"\0" + sources[path] + b"\0")
    return h.hexdigest()


# What a pickled object may be made of: plain containers and the generator's frozen dataclasses.
_SAFE_MODULES = ("generator.model", "generator.precedence", "generator.diagnostics")
_SAFE_BUILTINS = {"tuple", "list", "dict", "set", "frozenset", "str", "bytes", "int", "float", "bool",
                  "complex", "NoneType"}


class _Unpickler(pickle.Unpickler):
    """Builds only the model's classes and builtin containers: anything else means the file is not ours."""

    def find_class(self, module: str, name: str) -> Any:
        if (module in _SAFE_MODULES and not name.startswith("_")) or (module == "builtins" and name in _SAFE_BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the build cache")


def _unpickle(data: bytes) -> Any:
    return _Unpickler(BytesIO(data)).load()


class Memo:
    """Tables of key -> JSON value, and whole objects by name: read from the last run, filled by this one."""

    def __init__(self, code: str = "", tables: Mapping[str, dict[str, Any]] | None = None,
                 objects: Mapping[str, bytes] | None = None) -> None:
        self.code = code
        self._old: dict[str, dict[str, Any]] = {name: dict(t) for name, t in (tables or {}).items()}
        self._used: dict[str, dict[str, Any]] = {}
        self._old_objects: dict[str, bytes] = dict(objects or {})
        self._objects: dict[str, bytes] = {}  # name -> the file's bytes, for this run's files()

    @classmethod
    def load(cls, code: str, files: Mapping[str, bytes]) -> Memo:
        """The tables and objects in ``files`` (file name -> bytes) that this code wrote; the others are left out."""
        tables: dict[str, dict[str, Any]] = {}
        objects: dict[str, bytes] = {}
        for name, data in files.items():
            if name.endswith(".pickle") and "/" not in name:
                objects[name[: -len(".pickle")]] = data  # checked when asked for: unpickling is the cost
                continue
            if not name.endswith(".json") or "/" in name:
                continue
            try:
                table = json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                continue  # a torn or edited file: recompute
            if (isinstance(table, dict) and table.get("format") == _FORMAT and table.get("code") == code
                    and isinstance(table.get("entries"), dict)):
                tables[name[: -len(".json")]] = table["entries"]
        return cls(code, tables, objects)

    def key(self, *parts: object) -> str:
        """A key that also changes when the generator's code does."""
        return digest(self.code, *parts)

    def had(self, table: str) -> bool:
        """Whether the last run left any entry in ``table`` (a cold run, or new code, leaves none)."""
        return bool(self._old.get(table))

    def get(self, table: str, key: str) -> Any | None:
        """The value stored under ``key``, or None; a value read is kept for the next run."""
        used = self._used.get(table)
        if used is not None and key in used:
            return used[key]
        value = self._old.get(table, {}).get(key)
        if value is not None:
            self._used.setdefault(table, {})[key] = value
        return value

    def put(self, table: str, key: str, value: Any) -> None:
        self._used.setdefault(table, {})[key] = value

    def get_object(self, name: str, key: str, keep: bool = True) -> Any | None:
        """The object the last run kept as ``name`` if it kept it under ``key`` (a ``key()``), else None.

        A hit is kept for the next run as the same bytes (no pickling again), unless ``keep`` is
        false: the caller then puts a new value. The last run's bytes are let go once read.
        """
        data = self._objects.get(name)
        if data is None:
            data = self._old_objects.pop(name, None)
        if data is None:
            return None
        try:
            if data[:1] == _PICKLE:  # kept uncompressed (``put_object`` at level 0): good only with its checksum
                if self.get(CHECKS, name) != zlib.crc32(data):
                    return None
                stored = _unpickle(data)
            else:
                stored = _unpickle(zlib.decompress(data))
        except Exception:  # torn, foreign or tampered (any unpickling error): recompute
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == _FORMAT and stored[1] == key):
            return None
        if keep:
            self._objects[name] = data
        return stored[2]

    def put_object(self, name: str, key: str, value: Any, level: int = 1) -> None:
        """Keep ``value`` (the model's dataclasses and plain containers only) as ``name`` under ``key``.

        Compressed: the merged corpus of 30,000 papers is held as these bytes until the build folder
        is written, and they were a tenth of ``survey generate``'s peak there. An object that holds
        compressed bytes already (remembered pages) is stored at ``level`` 0: as its pickle, with a
        CRC-32 in the ``CHECKS`` table, so no second copy is made (zlib's level 0 still copies: at
        30,000 papers the remembered downloads are about 160 MB).
        """
        data = pickle.dumps((_FORMAT, key, value), protocol=pickle.HIGHEST_PROTOCOL)
        if level == 0:
            self.put(CHECKS, name, zlib.crc32(data))
            self._objects[name] = data
        else:
            self._objects[name] = zlib.compress(data, level)

    def files(self) -> dict[str, str | bytes]:
        """Every table and object this run used, as ``.cache/<table>.json`` text and ``.cache/<name>.pickle``.

        Tables are sorted, so the same run gives the same bytes. A table whose entries are exactly
        those the last run left is not encoded again: its file stays as it is (the build folder's
        cache is never cleared by the writer), which saved 2 s of JSON after a one-note edit at 10k.
        """
        out: dict[str, str | bytes] = {
            f"{FOLDER}/{name}.json": json.dumps({"format": _FORMAT, "code": self.code, "entries": entries},
                                                ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
            for name, entries in sorted(self._used.items()) if entries != self._old.get(name)}
        out.update({f"{FOLDER}/{name}.pickle": data for name, data in sorted(self._objects.items())})
        return out


def flat(value: object) -> bytes:
    """``value`` as bytes that depend only on what it holds (pickle without its memo: no object identity)."""
    buffer = BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: two equal values give the same bytes however their objects are shared
    pickler.dump(value)
    return buffer.getvalue()


def fingerprint(value: object) -> bytes:
    """A short hash of everything ``value`` holds (``flat``): a key part for values that are not JSON."""
    return hashlib.blake2b(flat(value), digest_size=16).digest()


def decoded(decode: Callable[..., T], value: Any, *args: Any) -> T | None:
    """``decode(value, *args)``, or None when there is no value or it is not what ``decode`` expects."""
    if value is None:
        return None
    try:
        return decode(value, *args)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None  # written by a hand or a bug, not by this code: recompute


def as_text(value: Any) -> str:
    """A stored string, checked."""
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def as_number(value: Any) -> int | float:
    """A stored number, checked and kept as stored (an int stays an int: it renders without ".0")."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("not a number")
    return value


def as_flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a boolean")
    return value


def as_optional(value: Any) -> str | None:
    return None if value is None else as_text(value)
