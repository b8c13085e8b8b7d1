"""Regular expressions written by curators (taxonomy ``regex:`` rules, vocabulary ``patterns:``), time-bounded.

A pull request can carry a pattern with catastrophic backtracking (``^(\\w+\\s?)*$`` hung a build
past 300 s). Curated patterns are compiled with the ``regex`` package, whose matching functions
take a ``timeout``: a call that runs past it is tried once more with five times the bound, and
only if it runs past that too does it raise ``RegexTimeout``; the enricher drops that pattern for
the whole corpus (so no paper's result depends on when the clock ran out), reports it at its file
and line, and runs again without it. The second try is what keeps the output the same on a loaded
machine: a sound pattern takes about 2 ms on the longest abstract, so it only ran out of time
because the process was kept off the CPU, and a loaded CI run once dropped a sound signal pattern
that way; a runaway pattern runs past the second bound too (about 1 s, once per pattern and
process: later calls on the same pattern text give up at once).

Why ``regex`` and not RE2 (linear by construction): 20 of the bundled vocabulary patterns, and
the right word edge added to every one, are lookarounds, which RE2 does not have. Measured on
the bundled 444 papers (301 vocabulary patterns over 888 titles and abstracts, every pattern on
every text): ``re`` 2.2 s, ``regex`` 0.5 s, ``regex`` with a timeout 1.4 s; the extractor's
literal prefilter skips most of those calls.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import regex

from .diagnostics import Diagnostic

# Per call: a base plus time for the text's length, so a legitimate pattern on the longest
# text a source may hold (5 MB) is never cut short, while a runaway one stops within a second.
BASE_SECONDS = 0.2
SECONDS_PER_CHAR = 2e-7
CONFIRM_FACTOR = 5  # the second try's bound, as a multiple of the first's

# Curated patterns (text and flags) that ran past both bounds in this process. Several stages compile
# the same curated text (the vocabularies serve results, methods and hardware; `survey export` runs
# the pipeline again), and each would otherwise spend both bounds on it again: about 1 s a stage.
# A fact about the pattern, not about a paper, so what is left out stays the same for every paper.
_RUNAWAY: set[tuple[str, int]] = set()


def timeout_diagnostic(exc: RegexTimeout) -> Diagnostic:
    """The error for a pattern dropped because it ran past its bound."""
    path, line = exc.bounded.where
    return Diagnostic(path, line, "error", "regex-timeout",
                      f"{exc}; the pattern is left out for every paper (rewrite it without nested repetition)")


class RegexTimeout(Exception):
    """A curated pattern ran past its time bound; ``pattern`` is the ``CuratedRegex`` at fault."""

    def __init__(self, pattern: CuratedRegex) -> None:
        super().__init__(f"pattern {pattern.pattern!r} ran past its time limit (catastrophic backtracking?)")
        self.bounded = pattern


class CuratedRegex:
    """A compiled curated pattern with the ``re.Pattern`` methods the enrichers use, each time-bounded."""

    def __init__(self, pattern: str, flags: int = 0, where: tuple[str, int] = ("", 0)) -> None:
        if flags & ~re.IGNORECASE:
            raise ValueError("only re.IGNORECASE is supported for curated patterns")
        self.pattern = pattern
        self.flags = flags
        self.where = where  # the file and line that wrote it, for the diagnostic
        self._compiled = regex.compile(pattern, (regex.IGNORECASE if flags else 0) | regex.V0)
        self.groups: int = self._compiled.groups

    def _timeout(self, text: str) -> float:
        return BASE_SECONDS + SECONDS_PER_CHAR * len(text)

    def _bounded(self, call: Callable[[str, float], Any], text: str) -> Any:
        """``call(text, bound)``; past the bound, once more with a longer one, then ``RegexTimeout``."""
        if (self.pattern, self.flags) in _RUNAWAY:
            raise RegexTimeout(self)
        bound = self._timeout(text)
        try:
            return call(text, bound)
        except TimeoutError:
            pass  # maybe only a stall: the process was kept off the CPU
        try:
            return call(text, bound * CONFIRM_FACTOR)
        except TimeoutError:
            _RUNAWAY.add((self.pattern, self.flags))
            raise RegexTimeout(self) from None

    def finditer(self, text: str) -> Iterator[Any]:
        """All matches, found eagerly so the time bound covers the whole scan."""
        return iter(self._bounded(lambda t, bound: list(self._compiled.finditer(t, timeout=bound)), text))

    def findall(self, text: str) -> list[Any]:
        return self._bounded(lambda t, bound: list(self._compiled.findall(t, timeout=bound)), text)

    def search(self, text: str) -> Any:
        return self._bounded(lambda t, bound: self._compiled.search(t, timeout=bound), text)

    def __repr__(self) -> str:
        return f"CuratedRegex({self.pattern!r})"


def compile_curated(pattern: str, flags: int = 0, where: tuple[str, int] = ("", 0)) -> CuratedRegex:
    """Compile a curated pattern; raises ``re.error`` (Python's dialect is the documented one) if invalid."""
    re.compile(pattern, flags)
    try:
        return CuratedRegex(pattern, flags, where)
    except regex.error as exc:  # valid for re, not for regex: rare, reported the same way
        raise re.error(str(exc)) from None
