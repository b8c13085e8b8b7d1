"""Sentences with their offsets, so every quote is an exact substring of the text it came from."""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and an upper-case letter, digit or bracket; the
# abbreviations below end in a period without ending the sentence.
_END = re.compile(r"[.!?](?=\s+[A-Z0-9(\[\"'])")
_ABBREV = ("e.g.", "i.e.", "et al.", "vs.", "etc.", "Fig.", "resp.", "approx.", "cf.", "w.r.t.", "No.", "ca.")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split ``text`` into (start offset, sentence) pairs; each sentence is ``text[start:start+len]``."""
    spans: list[tuple[int, str]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if any(text[max(0, end - len(a)):end] == a for a in _ABBREV):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, str]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        spans.append((start + piece.index(stripped), stripped))


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds position ``pos`` (the same split as ``sentences``)."""
    found = ""
    for start, sentence in sentences(text):
        if start > pos:
            break
        found = sentence
    return found


# URLs name repositories and pages, not methods, hardware or results: blanked before matching.
_URL = re.compile(r"(?:https?://|www\.|github\.com/|huggingface\.co/)\S+", re.IGNORECASE)


def mask_urls(text: str) -> str:
    """``text`` with each URL blanked out, same length, so offsets still point into the original."""
    if "http" not in text and "www." not in text and "github.com" not in text and "huggingface.co" not in text:
        return text  # most abstracts: skip the regex scan
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, digits, hyphens) for keyword windows; a possessive "'s" is
    part of its word ("the model's training data" is four words, not five); "pass@1" and "Skill^2-Bench"
    are one word each (their digit is no count of what follows)."""
    return _WORD.findall(_POSSESSIVE.sub("", text.lower()))


_WORD = re.compile(r"[a-z][a-z0-9\-/@^]*|\d[\w.]*")
_POSSESSIVE = re.compile(r"(?<=[a-z0-9])['’]s\b")
