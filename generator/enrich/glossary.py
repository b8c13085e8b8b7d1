"""Abbreviations defined in abstracts (``key-value (KV) cache``) collected into a glossary.

Fills ``Corpus.terms`` (sorted by abbreviation, then meaning) and ``Paper.terms``. A definition counts
only when the abbreviation's letters can be read off the words before it (Schwartz & Hearst's test,
first letter at a word start), so ``(e.g., ...)`` or ``(see Fig. 2)`` never become terms.

An abbreviation papers expand differently ("SP": sequence parallelism, speculative prefill) has one
glossary entry per meaning. A paper that defines an abbreviation keeps its own meaning; only papers
that use it without defining it take the meaning most papers define, and only when one clearly leads.
So adding a paper changes no other paper's terms, except those using the term undefined.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..memo import Memo, as_text, decoded, digest_each
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


def _whole_word_start(joined: str, k: int) -> int:
    """Back up from a hyphenated piece to the start of its word: "modal" -> "Multi-modal"."""
    return joined.rfind(" ", 0, k + 1) + 1


def _by_initials(letters: str, words: list[str]) -> str | None:
    """Words whose first letters spell ``letters`` exactly (small words may be skipped): the best reading."""
    pieces = [(w, k == 0) for word in words for k, w in enumerate(p for p in word.split("-") if p)]
    parts = [w for w, _first in pieces]
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
                # "Multi-modal Large Language Models (MLLMs)": the hyphenated first word stays whole
                return joined[_whole_word_start(joined, k):]
        elif parts[j].casefold() not in _STOP_START and pieces[j][1]:
            return None  # "dual-gated linear attention (DLA)": a hyphenated word's later pieces may go unread
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
    return list(_definitions(text))


# Mentions, the glossary and each paper's page read the definitions of the same abstracts: each text's
# are found once per process. Bounded, far above any corpus's paper count, so memory stays bounded too.
@functools.lru_cache(maxsize=1 << 16)
def _definitions(text: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for m in _DEFINITION.finditer(text):
        expansion = long_form(m.group("abbr"), text[max(0, m.start() - 200):m.start()])
        if expansion:
            found.append((normalize_abbr(m.group("abbr")), expansion))
    return tuple(found)


# word forms that name the same thing: "Sequence Parallel (SP)" = "sequence parallelism (SP)"
_SAME_WORD = {"parallelism": "parallel", "parallelization": "parallel", "graphical": "graphics"}


def expansion_key(expansion: str) -> str:
    """One spelling per meaning: case, spaces and hyphens ("Multi-Layer" = "Multilayer"), a final plural
    and word forms like Parallel/Parallelism fold."""
    words = re.split(r"[\s-]+", expansion.casefold())
    if words and words[-1].endswith("s") and len(words[-1]) > 3 and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # "deep neural networks" = "deep neural network"
    return "".join(_SAME_WORD.get(w, w) for w in words)


_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][\w-]*[A-Za-z0-9]")


def _abbrs_used(text: str, defined: set[str], written: set[str]) -> set[str]:
    """The abbreviations of ``defined`` that ``text`` writes as abbreviation-shaped tokens, plural ``s``
    removed. ``written`` is every way of writing one (``_written``): other tokens are never looked at."""
    return {normalize_abbr(t) for t in set(_TOKEN.findall(text)) & written
            if not t.islower() and sum(c.isupper() for c in t) >= 2} & defined


def _written(defined: set[str]) -> set[str]:
    """The tokens ``normalize_abbr`` may turn into an abbreviation of ``defined``: itself, or a plural."""
    return defined | {abbr + "s" for abbr in defined}


def build_terms(papers: tuple[Paper, ...]) -> tuple[tuple[Term, ...], dict[str, tuple[str, ...]]]:
    """The glossary (one entry per abbreviation and meaning), and for each paper id the abbreviations it uses."""
    defined: dict[str, dict[str, str]] = defaultdict(dict)  # abbr -> paper id -> meaning key
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (abbr, meaning) -> raw forms
    for p in papers:
        for abbr, expansion in definitions(p.abstract or ""):
            k = expansion_key(expansion)
            defined[abbr].setdefault(p.id, k)  # a paper's first definition is its meaning
            spellings[(abbr, k)][expansion] += 1
    used_by: dict[str, set[str]] = defaultdict(set)
    abbrs = set(defined)
    written = _written(abbrs)
    for p in papers:
        for abbr in _abbrs_used(f"{p.title} {p.abstract or ''}", abbrs, written):
            used_by[abbr].add(p.id)
    terms: list[Term] = []
    per_paper: dict[str, set[str]] = defaultdict(set)
    for abbr in sorted(defined):
        meanings = Counter(defined[abbr].values())
        ranked = sorted(meanings, key=lambda k: (-meanings[k], k))
        lead = ranked[0]
        # shared vocabulary with one clear meaning: papers using it undefined are taken to mean that
        clear = meanings[lead] >= _MIN_USERS and (len(ranked) == 1 or meanings[lead] > meanings[ranked[1]])
        for k in ranked:
            users = {pid for pid, meaning in defined[abbr].items() if meaning == k}
            if k == lead and clear:
                users |= used_by[abbr] - set(defined[abbr])
            forms = spellings[(abbr, k)]
            terms.append(Term(abbr, min(forms, key=lambda f: (-forms[f], f)), tuple(sorted(users))))
            for pid in users:
                per_paper[pid].add(abbr)
    terms.sort(key=lambda t: (t.abbr, expansion_key(t.expansion)))
    return tuple(terms), {p.id: tuple(sorted(per_paper.get(p.id, ()))) for p in papers}


def own_expansions(paper: Paper) -> dict[str, str]:
    """The abbreviations this paper's abstract defines, as it spells them: its own definition wins on its page."""
    out: dict[str, str] = {}
    for abbr, expansion in definitions(paper.abstract or ""):
        out.setdefault(abbr, expansion)
    return out


def meaning_anchor(term: Term) -> str:
    """Anchor of one meaning of an abbreviation: ``term-sp-sequenceparallel``. Made from the meaning's key,
    not its displayed spelling, so it stays put when papers spelling it differently are added."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{term.abbr} {expansion_key(term.expansion)}".lower()).strip("-")
    return "term-" + (slug or "x")


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Corpus.terms`` and ``Paper.terms`` (from ``memo`` when no paper's text changed)."""
    memo = memo if memo is not None else Memo()
    # a missing abstract reads as an empty one here, so the key need not tell them apart
    key = memo.key("glossary", digest_each((p.id, p.title, p.abstract or "") for p in corpus.papers))
    stored = decoded(_terms_from, memo.get("glossary", key))
    if stored is None or set(stored[1]) != {p.id for p in corpus.papers}:
        stored = build_terms(corpus.papers)
        memo.put("glossary", key, [[[t.abbr, t.expansion, list(t.papers)] for t in stored[0]],
                                   {pid: list(abbrs) for pid, abbrs in stored[1].items()}])
    terms, per_paper = stored
    papers = tuple(replace(p, terms=per_paper[p.id]) for p in corpus.papers)
    return replace(corpus, papers=papers, terms=terms), []


def _terms_from(value: Any) -> tuple[tuple[Term, ...], dict[str, tuple[str, ...]]]:
    terms, per_paper = value
    return (tuple(Term(as_text(a), as_text(e), tuple(as_text(p) for p in ps)) for a, e, ps in terms),
            {as_text(pid): tuple(as_text(a) for a in abbrs) for pid, abbrs in per_paper.items()})
