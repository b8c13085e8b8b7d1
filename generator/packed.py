"""Generated files held compactly between rendering and writing: UTF-8 bytes, compressed when large.

Everything under build/ is rendered before anything is written (the pipeline's rule), so every
page is in memory at once. As Python strings they take one to four bytes a character for the whole
string (one ``·`` or ``é`` makes a page two bytes a character): at 30k papers the pages took
1.5 GB, half of ``survey generate``'s peak. Here a text is kept as its UTF-8 bytes, compressed
(zlib, fastest level) from ``COMPRESS_FROM`` bytes on: the downloads and topic pages that are most
of the volume shrink about four times, and small pages are not worth the time. Reading a value
gives back exactly what was put in, ``str`` or ``bytes``.

A text remembered from an earlier run (``pages/remember.py``) comes as ``Zipped``: compressed
already, and checked when it was rendered. It is kept as those bytes (not compressed again) and
reads back as its text; ``unchecked`` leaves it out of what the pipeline checks.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass

COMPRESS_FROM = 16 * 1024  # bytes of UTF-8

_TEXT, _TEXT_Z, _BYTES, _CHECKED = 0, 1, 2, 3  # how a value is stored; _CHECKED: a Zipped text
_ZIPPED = (_TEXT_Z, _CHECKED)


@dataclass(frozen=True)
class Zipped:
    """A page's text as ``zlib.compress(text.encode("utf-8"), 1)``, already checked (``render.front_matter_problem``)."""

    data: bytes

    @classmethod
    def of(cls, text: str) -> Zipped:
        return cls(zlib.compress(text.encode("utf-8"), 1))

    def text(self) -> str:
        return zlib.decompress(self.data).decode("utf-8")


class Packed(MutableMapping[str, "str | bytes"]):
    """``{path: text or bytes}`` that stores each value packed; values come back as they went in."""

    __slots__ = ("_data",)

    def __init__(self) -> None:
        self._data: dict[str, tuple[int, bytes]] = {}

    def __setitem__(self, path: str, value: str | bytes | Zipped) -> None:
        if isinstance(value, Zipped):
            self._data[path] = (_CHECKED, value.data)
        elif isinstance(value, str):
            data = value.encode("utf-8")
            self._data[path] = (_TEXT_Z, zlib.compress(data, 1)) if len(data) >= COMPRESS_FROM else (_TEXT, data)
        else:
            self._data[path] = (_BYTES, bytes(value))

    def __getitem__(self, path: str) -> str | bytes:
        how, data = self._data[path]
        if how == _BYTES:
            return data
        return (zlib.decompress(data) if how in _ZIPPED else data).decode("utf-8")

    def __delitem__(self, path: str) -> None:
        del self._data[path]

    def __contains__(self, path: object) -> bool:
        return path in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Packed({len(self._data)} files)"

    def renamed(self, prefix: str = "", in_order: bool = False) -> Packed:
        """The same values under ``prefix + path`` (sorted by path if ``in_order``), without unpacking them."""
        out = Packed()
        items = sorted(self._data.items()) if in_order else self._data.items()
        out._data = {prefix + path: value for path, value in items}
        return out

    def unchecked(self) -> Mapping[str, str | bytes]:
        """The files that did not come in as ``Zipped``: those a check of the rendered pages still has to read."""
        return _Unchecked(self)

    def encoded(self, besides: Mapping[str, str | bytes] | None = None) -> Encoded:
        """These files and ``besides`` (which win), text as its UTF-8 bytes: what is written, never made into ``str``."""
        return Encoded(self._data, besides or {})

    def stored_size(self) -> int:
        """Bytes the values take packed (for measurements)."""
        return sum(len(data) for _how, data in self._data.values())


class Encoded(Mapping[str, bytes]):
    """``Packed.encoded``: a view, each value unpacked only when it is read."""

    __slots__ = ("_besides", "_data")

    def __init__(self, data: dict[str, tuple[int, bytes]], besides: Mapping[str, str | bytes]) -> None:
        self._data = data
        self._besides = besides

    def __getitem__(self, path: str) -> bytes:
        if path in self._besides:
            value = self._besides[path]  # the memo's tables (text) and objects (pickled bytes)
            return value.encode("utf-8") if isinstance(value, str) else value
        how, data = self._data[path]
        return zlib.decompress(data) if how in _ZIPPED else data

    def token(self, path: str) -> bytes:
        """A digest of the value as it is kept, without unpacking it: equal tokens, equal bytes.

        Equal bytes may still differ in token (one text kept compressed, the other not); a caller
        that finds tokens differ compares the bytes themselves (``io.write_tree``).
        """
        if path in self._besides:
            value = self._besides[path]
            return _digest(b"r", value.encode("utf-8") if isinstance(value, str) else value)
        how, data = self._data[path]
        return _digest(b"z" if how in _ZIPPED else b"r", data)  # one zlib level for both: same text, same bytes

    def __contains__(self, path: object) -> bool:
        return path in self._besides or path in self._data

    def __iter__(self) -> Iterator[str]:
        yield from self._besides
        yield from (path for path in self._data if path not in self._besides)

    def __len__(self) -> int:
        return sum(1 for _path in self)


def _digest(tag: bytes, data: bytes) -> bytes:
    hasher = hashlib.blake2b(tag, digest_size=16)
    hasher.update(data)
    return hasher.digest()


class _Unchecked(Mapping[str, "str | bytes"]):
    """``Packed.unchecked``: a view, without the ``Zipped`` texts."""

    __slots__ = ("_packed",)

    def __init__(self, packed: Packed) -> None:
        self._packed = packed

    def __getitem__(self, path: str) -> str | bytes:
        if self._packed._data[path][0] == _CHECKED:
            raise KeyError(path)
        return self._packed[path]

    def __iter__(self) -> Iterator[str]:
        return (path for path, (how, _data) in self._packed._data.items() if how != _CHECKED)

    def __len__(self) -> int:
        return sum(1 for _path in self)
