"""The curated inputs as text: ``io`` reads them, every other stage parses them purely."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines as editors and YAML number them: split at CR, LF and CRLF only.

    ``str.splitlines`` also splits at form feeds, U+2028 and other separators a scraped abstract
    may hold, which made one paper three and shifted every later line number.
    """
    if not text:
        return []
    if keepends:
        return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    lines = _LINE_END.split(text)
    return lines[:-1] if lines[-1] == "" else lines


@dataclass(frozen=True)
class ContentFiles(Mapping[str, str]):
    """Relative path (POSIX, e.g. ``taxonomy.yml``, ``notes/x.md``) -> text, for every file in content/.

    ``refused`` lists paths that were present but not read (symlinks, oversize files, bad encoding),
    each with the reason, so the stages that own those paths can report them.
    """

    files: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    root: str = "content"

    def __getitem__(self, key: str) -> str:
        return self.files[key]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.files))

    def __len__(self) -> int:
        return len(self.files)

    def under(self, folder: str) -> list[str]:
        """Sorted paths inside ``folder`` (no trailing slash needed)."""
        prefix = folder.rstrip("/") + "/"
        return sorted(p for p in self.files if p.startswith(prefix))

    def display(self, path: str) -> str:
        """The path as a user should see it in a diagnostic: ``content/notes/x.md``."""
        return f"{self.root}/{path}" if self.root else path
