"""One sentence: its clause boundaries, the words that belong to each value, and the value record.

Every search looks at a bounded window around a value, so a sentence with n values costs O(n).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text import words

_NUM = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?"
_WORDNUM = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
            "nine": 9.0, "ten": 10.0, "twice": 2.0, "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0,
            "fivefold": 5.0, "tenfold": 10.0, "hundredfold": 100.0}
# the multiplication sign: x/×/X (not followed by a letter or digit: 8xA100, 3x3), glued or spaced
# times ("5times", "300-times", a title's "by 100-200 Times"), fold
_TIMES = r"(?:\s?[x×X](?![A-Za-z0-9])|(?:\s|-)?[tT]imes(?![A-Za-z0-9])|-?\s?fold(?![A-Za-z]))"
# phrases whose words would otherwise read as a kind: "50x and more", "more than 10x", "over 1.5x"
_FILLER = re.compile(r"\b(?:and|or) more\b|\bmore than\b|\bup to\b|\bas much as\b|\bat least\b")
# numbers leave the keyword windows, except a digit glued to its word ("recall@1", "Skill^2")
_STRIP = re.compile(rf"(?<![@^])(?:{_NUM})(?:{_TIMES}|\s?%)?")


_STOP = re.compile(r";|:(?=\s)|,\s(?:while|but|which|respectively)\b|\.(?:\s|$)|\bwhile\b|\bwhereas\b|\s--\s|\s—\s")
# where a value's own words end: the next list item, a comparison, another clause
_CUT_AFTER = re.compile(r"[,;(]|\s(?:and|or|while|whereas|but|than|over|compared|relative(?=\s+to\b)|versus|vs\.?|against|"
                        r"respectively|which|when|where|achieving|reaching|using|making|leading|resulting|to|with|"
                        r"on|at|per|without|for)\b")
# "end to end", "peer to peer": one word on both sides of "to" is a compound (its hyphens lost), no cut
_SAME_TO = re.compile(r"\b([a-z]+) to \1\b")
_CUT_BEFORE = re.compile(r"[,;)]|\s(?:and|or|while|whereas|but|which)\s")
_BACK = 240  # characters a window may reach before a value
_AHEAD = 160  # ...and after it
_NEAR_WORDS = 6
_BEFORE_WORDS = 12


class Sentence:
    """One sentence with its clause boundaries found once, so every value's lookups stay bounded."""

    def __init__(self, text: str) -> None:
        self.text = text
        stops = [(m.start(), m.end()) for m in _STOP.finditer(text)]
        self._starts = [s for s, _e in stops]
        self._ends = [e for _s, e in stops]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``text[start:end]``, clipped to the window a value may read."""
        i = bisect_right(self._ends, start)
        left = self._ends[i - 1] if i else 0
        j = bisect_left(self._starts, end)
        right = self._starts[j] if j < len(self._starts) else len(self.text)
        return max(left, start - _BACK), min(right, end + _AHEAD)


@dataclass(frozen=True)
class Number:
    """One reported number: its span in the sentence, what it is, and what the sentence says about it."""

    start: int
    end: int
    kind: str
    low: float
    high: float
    unit: str
    what: str | None  # the old, coarser measure (export compatibility)
    metric: str | None = None
    baseline: str | None = None
    own: bool = True
    direction: str | None = None  # "gain" | "reduction"
    confidence: str = "sure"  # "sure" | "unsure"
    share: bool = False  # a percentage that is a fraction of the baseline ("only 6.3% of the time")
    bare: bool = False  # nothing near it says what it is; kept only if a list gives it a measure


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def _window(s: Sentence, start: int, end: int) -> tuple[list[str], list[str], list[str]]:
    """Words before (nearest last) and after (nearest first) a span within its clause, and the clause before it."""
    left, right = s.clause(start, end)
    before, after = s.text[left:start], s.text[end:right]
    clause = words(before)
    before, after = _FILLER.sub(" ", _STRIP.sub(" ", before)), _FILLER.sub(" ", _STRIP.sub(" ", after))
    return words(before)[-10:], words(after)[:8], clause


def _nearest(before: list[str], after: list[str], table: list[tuple[str, re.Pattern[str]]]) -> tuple[str, int] | None:
    """The first label in ``table`` order among the nearest matching words; after wins ties."""
    best: tuple[int, int, str] | None = None
    for distance, word in enumerate(after):
        for rank, (label, rx) in enumerate(table):
            if rx.match(word) and (best is None or (distance, rank) < best[:2]):
                best = (distance, rank, label)
    for distance, word in enumerate(reversed(before)):
        for rank, (label, rx) in enumerate(table):
            if rx.match(word) and (best is None or (distance + 1, rank) < best[:2]):
                best = (distance + 1, rank, label)
    return (best[2], best[0]) if best else None




@dataclass(frozen=True)
class _Words:
    """The words that belong to one value (up to its neighbours, a comma, "and", a comparison)."""

    before: list[str]  # nearest last
    after: list[str]  # nearest first
    clause: list[str]  # the clause before the value, nearest last


def _own_words(s: Sentence, start: int, end: int, bounds: tuple[int, int]) -> _Words:
    lo, hi = bounds
    left, right = s.clause(start, end)
    before = s.text[max(left, lo):start]
    cut = None
    for cut in _CUT_BEFORE.finditer(before):  # noqa: B007 - the last cut is wanted
        pass
    if cut is not None:
        before = before[cut.end():]
    after = _SAME_TO.sub(r"\1-to-\1", s.text[end:min(right, hi)])  # same length: positions hold
    stop = _CUT_AFTER.search(after)
    if stop:
        after = after[:stop.start()]
    clause = _FILLER.sub(" ", s.text[left:start])
    return (_Words(words(_FILLER.sub(" ", before))[-_BEFORE_WORDS:], words(_FILLER.sub(" ", after))[:_NEAR_WORDS],
                   words(clause)[-25:]))
