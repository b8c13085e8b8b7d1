"""Generated texts kept between runs by a digest of their inputs: a page kind renders only what changed.

Each page kind that uses it keeps one memo object (``memo.py``), ``{digest: text}``, holding the
texts this run produced, so texts no longer produced go away. A digest covers the code (through
the memo's key), the templates, the survey's title and description, what the kind declares as
common to all its texts, and what each text declares as its own inputs: a hit is exactly the
text rendering would give.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zlib

from ..model import Paper
from ..render import Site


def flat(value: object) -> bytes:
    """``value`` as bytes that depend only on what it holds (pickle without its memo: no object identity)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: two equal values give the same bytes however their objects are shared
    pickler.dump(value)
    return buffer.getvalue()


def paper_digest(paper: Paper) -> bytes:
    """A paper's every field, hashed: what a text that shows the paper depends on."""
    return hashlib.blake2b(flat(paper), digest_size=16).digest()


class Remembered:
    """The texts of one page kind from the last run, by digest; without a memo, every lookup misses.

    Texts are kept as compressed UTF-8: the last run's texts and this run's are both held until
    ``save``, and at 30,000 papers two copies of every paper page as ``str`` would be half a gigabyte.
    """

    def __init__(self, site: Site, name: str, common: object) -> None:
        self.memo = site.memo
        self.name = name
        self.old: dict[str, bytes] = {}
        self.new: dict[str, bytes] = {}
        self.common = b""
        if self.memo is not None:
            stored = self.memo.get_object(name, self.memo.key(name))
            self.old = stored if isinstance(stored, dict) else {}
            self.common = flat((name, sorted(site.templates.items()), site.title, site.description, common))

    def key(self, inputs: object) -> str:
        if self.memo is None:
            return ""
        return hashlib.blake2b(self.common + flat(inputs), digest_size=16).hexdigest()

    def get(self, key: str) -> str | None:
        data = self.old.get(key) if key else None
        if not isinstance(data, bytes):
            return None
        try:
            text = zlib.decompress(data).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):  # a damaged entry: render it again
            return None
        self.new[key] = data
        return text

    def put(self, key: str, text: str) -> str:
        if key:
            self.new[key] = zlib.compress(text.encode("utf-8"), 1)
        return text

    def save(self) -> None:
        if self.memo is not None:
            self.memo.put_object(self.name, self.memo.key(self.name), self.new)
