"""Generated texts kept between runs by a digest of their inputs: a page kind renders only what changed.

Each page kind that uses it keeps one memo object (``memo.py``), ``{digest: compressed text}``,
holding the texts this run produced, so texts no longer produced go away. A digest covers the code
(through the memo's key), the libraries that shape the texts (``LIBRARIES``), the templates, the
survey's title and description, what the kind declares as common to all its texts, and what each
text declares as its own inputs: a hit is exactly the text rendering would give.

A text is handed to ``render_site`` as ``Zipped``, the compressed bytes the memo keeps: a hit is
neither decompressed nor compressed again. Only pages that pass the front matter check are kept, so
a hit needs no check either; a page that fails it is handed over as text, for the pipeline to report.
"""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import metadata

from ..memo import fingerprint, flat
from ..model import Paper
from ..packed import Zipped
from ..render import Site, front_matter_problem

__all__ = ["LIBRARIES", "Remembered", "Zipped", "flat", "paper_digest", "survey_wide"]

# Libraries whose output is part of a remembered text: the template engine and its escaping, the
# Markdown and sanitizer behind fragment keys, names behind author links, YAML behind the front matter check.
LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "nameparser", "pyyaml", "mkdocs")


@cache
def versions(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(name, installed version) of each library and of Python: an upgrade empties the remembered texts."""
    found = [("python", platform.python_version())]
    for name in names:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, ""))
    return tuple(found)


def paper_digest(paper: Paper) -> bytes:
    """A paper's every field, hashed (``Views.paper_digest`` leaves the note out and is made once per run)."""
    return fingerprint(paper)


class Remembered:
    """The texts of one page kind from the last run, by digest; without a memo, every lookup misses.

    Texts are kept as compressed UTF-8: the last run's texts and this run's are both held until
    ``save``, and at 30,000 papers two copies of every paper page as ``str`` would be half a gigabyte.
    """

    def __init__(self, site: Site, name: str, common: object, libraries: tuple[str, ...] = ()) -> None:
        self.memo = site.memo
        self.name = name
        self.old: dict[str, bytes] = {}
        self.new: dict[str, bytes] = {}
        self.common = hashlib.blake2b(digest_size=16)  # fed the inputs all texts share, then copied per text
        if self.memo is not None:
            stored = self.memo.get_object(name, self.memo.key(name), keep=False)  # save() puts this run's
            self.old = stored if isinstance(stored, dict) else {}
            self.common.update(flat((name, versions(LIBRARIES + libraries), sorted(site.templates.items()),
                                     site.title, site.description, common)))

    def key(self, inputs: object) -> str:
        if self.memo is None:
            return ""
        hasher = self.common.copy()  # not common + inputs: the templates alone are ~100 KB to copy per page
        hasher.update(flat(inputs))
        return hasher.hexdigest()

    def get(self, key: str) -> Zipped | None:
        """The text the last run rendered from these inputs, or None; a hit is kept for the next run."""
        data = self.old.get(key) if key else None
        if not isinstance(data, bytes):
            return None
        self.new[key] = data
        return Zipped(data)

    def put(self, key: str, path: str, text: str) -> str | Zipped:
        """Keep ``text``, the file ``path`` rendered from the inputs ``key`` is made of; hand it over.

        A page MkDocs would not read back is not kept and is handed over as text: the pipeline
        reports it and leaves it out, on this run and on every later one.
        """
        if not key or (path.endswith(".md") and front_matter_problem(text)):
            return text
        zipped = Zipped.of(text)
        self.new[key] = zipped.data
        return zipped

    def save(self) -> None:
        if self.memo is not None:
            self.memo.put_object(self.name, self.memo.key(self.name), self.new, level=0)


def survey_wide(site: Site, name: str,
                render: Callable[[Site], Mapping[str, str | bytes]]) -> Iterator[tuple[str, str | bytes | Zipped]]:
    """The files of a page kind made from the survey as a whole (``Views.corpus_digest``) and nothing else:
    the last run's texts while the corpus, but for the bodies of notes, is unchanged; else ``render(site)``.

    The list of every paper, a collection's page, the feeds and the glossary each show thousands of
    papers: after a curator edits a note's text, none of them changes, and rendering them was a third
    of rendering the site.
    """
    remembered = Remembered(site, f"{name}-pages", None)
    digest = site.views.corpus_digest() if remembered.memo is not None else b""
    listed_key = remembered.key(("files", digest))
    listed = remembered.get(listed_key)
    paths = [path for path in listed.text().split("\n") if path] if listed is not None else []
    kept = [(path, remembered.get(remembered.key((path, digest)))) for path in paths]
    texts: list[tuple[str, str | bytes | Zipped]] = [(path, text) for path, text in kept if text is not None]
    if listed is None or len(texts) < len(paths):
        remembered.new.clear()
        made = render(site)
        remembered.put(listed_key, "", "\n".join(made))
        texts = [(path, remembered.put(remembered.key((path, digest)), path, text) if isinstance(text, str) else text)
                 for path, text in made.items()]
    remembered.save()
    yield from texts
