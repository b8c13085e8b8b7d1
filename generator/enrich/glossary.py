"""Abbreviations defined in abstracts (``key-value (KV) cache``) collected into a glossary.

Fills ``Corpus.terms`` (sorted by abbreviation) and ``Paper.terms``. A definition counts only when the
abbreviation's letters can be read off the words before it (Schwartz & Hearst's test, first letter at a
word start), so ``(e.g., ...)`` or ``(see Fig. 2)`` never become terms. When papers expand an
abbreviation differently, the most common expansion wins, ties to the alphabetically first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..model import Corpus, Paper, Term

_DEFINITION = re.compile(r"\((?P<abbr>[A-Za-z][A-Za-z0-9-]{1,11})\)")
_WORDS_BEFORE = re.compile(r"[^\s()]+")
_STOP_START = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "by", "as", "our", "we"})
_MIN_USERS = 2  # an abbreviation several papers define is shared vocabulary; one paper's coinage is not


def _abbr_letters(abbr: str) -> str:
    """The letters an expansion must supply: ``TTMs`` -> ``ttm``, ``MoE`` -> ``moe``."""
    core = abbr[:-1] if abbr.endswith("s") and sum(c.isupper() for c in abbr) >= 2 else abbr
    return "".join(c.casefold() for c in core if c.isalnum())


def normalize_abbr(abbr: str) -> str:
    """One spelling per abbreviation: a plural ``s`` after capitals goes (``DNNs`` -> ``DNN``)."""
    return abbr[:-1] if abbr.endswith("s") and sum(c.isupper() for c in abbr) >= 2 else abbr


def _by_initials(letters: str, words: list[str]) -> str | None:
    """Words whose first letters spell ``letters`` exactly (small words may be skipped): the best reading."""
    parts = [w for word in words for w in word.split("-") if w]
    s = len(letters) - 1
    for j in range(len(parts) - 1, -1, -1):
        if s >= 0 and parts[j][0].casefold() == letters[s]:
            s -= 1
            if s < 0:
                tail = parts[j:]
                joined = " ".join(words)
                # report the words as written (with their hyphens) from the word holding parts[j]
                n = len(tail)
                k = len(joined)
                for _ in range(n):
                    k = max(joined.rfind(" ", 0, k), joined.rfind("-", 0, k))
                return joined[k + 1:]
        elif parts[j].casefold() not in _STOP_START:
            return None
    return None


def long_form(abbr: str, before: str) -> str | None:
    """The shortest tail of ``before`` whose letters spell ``abbr`` in order, starting at a word."""
    letters = _abbr_letters(abbr)
    if len(letters) < 2 or sum(c.isupper() for c in abbr) < 2 or letters.isdigit():
        return None
    words = [w.strip(",;:~") for w in _WORDS_BEFORE.findall(before)[-(len(letters) + 3):]]
    words = [w for w in words if w]
    exact = _by_initials(letters, words)
    if exact and len(re.split(r"[\s-]+", exact)) >= 2 and exact.split()[0].casefold() not in _STOP_START:
        return exact
    text = " ".join(words)
    s, i = len(letters) - 1, len(text) - 1
    while s >= 0:
        c = letters[s]
        # the first letter must open a word; the others may sit inside one ("Mixture-of-Experts")
        while i >= 0 and (text[i].casefold() != c or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(text.rfind(" ", 0, i + 1) + 1, 0)
    expansion = text[start:].strip(" ,;:-")
    exp_words = expansion.split()
    if len(re.split(r"[\s-]+", expansion)) < 2 and not any(c.isupper() for c in expansion[1:]):
        return None  # "detectors (DETR)": letters found inside one plain word are a coincidence
    if not exp_words or exp_words[0].casefold() in _STOP_START or len(exp_words) > len(letters) + 2:
        return None
    if expansion.casefold().replace("-", "") == letters or not any(c.isalpha() for c in expansion):
        return None
    # every long word should begin with a letter of the abbreviation, else the match wandered off
    initials = {w[0].casefold() for w in re.split(r"[\s-]+", expansion) if w}
    if not initials <= set(letters) | {c for c in "aotf"}:
        return None
    return expansion


def definitions(text: str) -> list[tuple[str, str]]:
    """``(abbr, expansion)`` for every abbreviation ``text`` defines, in order."""
    found: list[tuple[str, str]] = []
    for m in _DEFINITION.finditer(text):
        expansion = long_form(m.group("abbr"), text[max(0, m.start() - 200):m.start()])
        if expansion:
            found.append((normalize_abbr(m.group("abbr")), expansion))
    return found


def _expansion_key(expansion: str) -> str:
    words = re.split(r"[\s-]+", expansion.casefold())
    if words and words[-1].endswith("s") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]  # "deep neural networks" = "deep neural network"
    return " ".join(words)


_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][\w-]*[A-Za-z0-9]")


def _abbrs_used(text: str) -> set[str]:
    """Every abbreviation-shaped token of ``text``, plural ``s`` removed: one pass per paper."""
    return {normalize_abbr(t) for t in _TOKEN.findall(text) if sum(c.isupper() for c in t) >= 2}


def build_terms(papers: tuple[Paper, ...]) -> tuple[tuple[Term, ...], dict[str, tuple[str, ...]]]:
    """The glossary, and for each paper id the abbreviations it uses."""
    defined: dict[str, dict[str, str]] = defaultdict(dict)  # abbr -> paper id -> expansion key
    spellings: dict[str, Counter[str]] = defaultdict(Counter)  # expansion key -> raw forms
    for p in papers:
        for abbr, expansion in definitions(p.abstract or ""):
            k = _expansion_key(expansion)
            defined[abbr].setdefault(p.id, k)
            spellings[k][expansion] += 1
    terms: list[Term] = []
    per_paper: dict[str, set[str]] = defaultdict(set)
    shared = {abbr for abbr, by in defined.items() if len(by) >= _MIN_USERS}
    used_by: dict[str, set[str]] = defaultdict(set)
    for p in papers:
        for abbr in _abbrs_used(f"{p.title} {p.abstract or ''}") & shared:
            used_by[abbr].add(p.id)
    for abbr in sorted(defined):
        votes = Counter(defined[abbr].values())
        winner = min(votes, key=lambda k: (-votes[k], k))
        users = {pid for pid, k in defined[abbr].items() if k == winner}
        if len(defined[abbr]) >= _MIN_USERS:
            # shared vocabulary: papers using it without defining it (differently) use it too
            users |= used_by[abbr] - set(defined[abbr])
        forms = spellings[winner]
        display = min(forms, key=lambda f: (-forms[f], f))
        terms.append(Term(abbr, display, tuple(sorted(users))))
        for pid in users:
            per_paper[pid].add(abbr)
    return tuple(terms), {p.id: tuple(sorted(per_paper.get(p.id, ()))) for p in papers}


def enrich(corpus: Corpus, content: ContentFiles) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Corpus.terms`` and ``Paper.terms``."""
    terms, per_paper = build_terms(corpus.papers)
    papers = tuple(replace(p, terms=per_paper[p.id]) for p in corpus.papers)
    return replace(corpus, papers=papers, terms=terms), []
