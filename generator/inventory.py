"""Every file in content/ is read by someone or reported: names are checked, nothing is dropped in silence.

``screen`` runs once, before any stage parses content. A file whose name is not a plain name
(control characters, Markdown or HTML syntax, ``CON``/``aux``, over 128 characters) is an error
and is not read: names are shown on pages and in diagnostics, and become collection ids. Files
``io`` refused (symlinks, FIFOs, oversize, not UTF-8) are errors with the reason. A file no stage
reads (an unknown folder under sources/, ``*.TXT``, an unknown vocabulary) is a warning.
"""

from __future__ import annotations

import re

from .content import ContentFiles
from .diagnostics import Diagnostic

# letters, digits, "." "_" "-", starting with a letter or digit: safe as a URL, a file name on every
# system and inside Markdown; "+" and "," are kept out too (they read as list and CSV syntax)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
# device names Windows reserves whatever the extension: a checkout of such a file fails there
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$", re.IGNORECASE)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80
# files at the top of content/ and the folders whose owners report their own strays
_TOP_FILES = {"sources.yml", "survey.yml", "taxonomy.yml", "README.md"}
_OWNED_DIRS = ("notes/", "topics/")


def name_problem(name: str) -> str | None:
    """Why ``name`` (one path component) is not an acceptable content file or folder name, or None."""
    if not _NAME.match(name):
        return "file names use letters, digits, '.', '_' and '-' only, start with a letter or digit, at most 128"
    if _RESERVED.match(name):
        return f"{name.split('.')[0]!r} is a reserved device name on Windows"
    return None


def id_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable id (collection, topic, note, alias), or None."""
    if not ID.match(value) or len(value) > MAX_ID:
        return f"ids are lower-case letters and digits joined by single hyphens, at most {MAX_ID} characters"
    if _RESERVED.match(value):
        return f"{value!r} is a reserved device name on Windows"
    return None


def _source_suffixes() -> dict[str, tuple[str, ...]]:
    from .sources import FORMATS

    return {name: fmt.suffixes for name, fmt in FORMATS.items()}


def _vocab_files() -> set[str]:
    from .extract.vocab import FILES

    return set(FILES)


def _unclaimed(path: str, formats: dict[str, tuple[str, ...]], vocab: set[str]) -> str | None:
    """Why no stage reads ``path``, or None when one does."""
    if path in _TOP_FILES or path.endswith("/README.md") or path.startswith(_OWNED_DIRS):
        return None
    if path.startswith("sources/"):
        parts = path.split("/")
        if len(parts) != 3 or parts[1] not in formats:
            known = ", ".join(f"sources/{name}/" for name in sorted(formats))
            return f"not a source: files go directly in one of {known}"
        suffixes = formats[parts[1]]
        if parts[2].endswith(suffixes):
            return None
        hint = " (rename it with a lower-case suffix)" if parts[2].lower().endswith(suffixes) else ""
        return f"not read: sources/{parts[1]}/ holds {' or '.join(suffixes)} files{hint}"
    if path.startswith("vocab/"):
        return None if path in vocab else f"not read: the vocabularies are {', '.join(sorted(vocab))}"
    return "not read: content/ holds sources/, notes/, topics/, vocab/, sources.yml, survey.yml, taxonomy.yml"


def screen(content: ContentFiles) -> tuple[ContentFiles, list[Diagnostic]]:
    """``content`` without badly named files, and a diagnostic for every file that is not read."""
    diags: list[Diagnostic] = []
    files: dict[str, str] = {}
    refused = dict(content.refused)
    for path, text in content.files.items():
        if any(part.startswith(".") for part in path.split("/")):
            diags.append(Diagnostic(content.display(path), 0, "warning", "unused-file", "hidden file, not read"))
            continue
        problem = next((p for p in map(name_problem, path.split("/")) if p), None)
        if problem is None:
            files[path] = text
        else:
            refused[path] = f"bad file name: {problem}"
    for path, why in sorted(refused.items()):
        if path:
            diags.append(Diagnostic(content.display(path), 0, "error", "refused-file", f"not read: {why}"))
        else:
            diags.append(Diagnostic(content.root, 0, "error", "refused-file", why))
    formats, vocab = _source_suffixes(), _vocab_files()
    for path in sorted(files):
        unread = _unclaimed(path, formats, vocab)
        if unread:
            diags.append(Diagnostic(content.display(path), 0, "warning", "unused-file", unread))
    return ContentFiles(files, refused, content.root), diags
