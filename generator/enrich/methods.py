"""Method names a paper introduces: a title's name before the colon, a name ending the title, and
what the abstract says it proposes (``we propose X``, ``called X``). Fills ``Paper.methods``.

Also holds the name spelling rules (``canon``) that mentions use, so both sides agree on what
counts as the same name: case, hyphen or space (``DeepSpeed-Ulysses`` = ``DeepSpeed Ulysses``) and
letter/digit joins (``FlashAttention2`` = ``FlashAttention-2``) are ignored; digits are kept, so
versions stay apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..memo import Memo, as_text, decoded, digest
from ..model import Corpus, Paper

_SEPARATOR_RUN = re.compile(r"[-_/\s]+")
_DROPPED_RUN = re.compile(r"[\^{}$\\]+")  # LaTeX leftovers (S^{2}FT, R^{n}): they separate like a space
_DIGITS = re.compile(r"\d+")
TOKEN = re.compile(r"[^\W\d_]+|\d+")  # what canon keeps in order: letter runs and digit runs
_FUNCTION_TEXT = (
    "a an the of to for in on at by with via and or is are be all you need from when then than "
    "how what why towards toward beyond into over under your our its it not one"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Words that follow a title's colon-less name and are not part of it: "SageAttention2 Technical Report".
_TRAILING_NOISE = re.compile(r"\s+(?:technical report|tech report)$", re.I)
_ACRONYM_IN_PARENS = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]{2,12})\)$")
_TITLE_END = re.compile(r"\b(?:using|with)\s+(?P<name>[^\s:]+)\s*$", re.I)
_TRIGGER = re.compile(
    r"\b(?:[Ww]e\s+(?:propose|present|introduce|develop|design|build|describe|term|call|dub|name)"
    r"(?:\s+(?:here|a\s+(?:new|novel)\s+\w+\s+called))?"
    r"|(?:[Tt]his|[Oo]ur|[Tt]he)\s+(?:paper|work|study|report|technical\s+report|article)\s+"
    r"(?:proposes|presents|introduces|describes)"
    # "Our method, MobileQuant, ...", "Our model, coined as MobileVD, ...": the name in apposition
    r"|[Oo]ur\s+(?:new\s+|proposed\s+)?(?:method|approach|model|framework|system|algorithm|technique|solution|"
    r"architecture|pipeline|tool|library|agent),?"
    r"|called|namely|dubbed(?:\s+as)?|named(?:\s+as)?|termed|coined(?:\s+as)?|referred\s+to\s+as)\s+"
)
# a name word starts with a capital or digit, or is a lower-case-first coinage ("eMIGM", "zip2zip")
_NAME_WORD = r"(?:[A-Z0-9]|[a-z](?=[a-z]*[A-Z0-9]))[\w^{}$+*.ε-]*[\w+*}]|[A-Z0-9]"
_NAME_RUN = re.compile(rf"(?P<run>(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}})(?P<after>\s*\((?P<acr>[^()\s]{{2,12}})\)|[,:;.]|\s+-)?")
_WEAK = frozenset({"called", "namely", "named", "dubbed", "termed", "coined", "referred"})
# A weak trigger names someone else's thing unless the sentence says the work is the paper's own.
_OWN_WORK = re.compile(r"\b(?:we|our|this (?:paper|work)|novel|new)\b", re.I)
_LIST_NEXT = re.compile(r"\s*[A-Z][\w-]*(?:,|\s+and\b)")
_LEADING_NOISE = frozenset({"A", "An", "The", "Our", "This", "These", "In", "To", "It", "We"})


_SCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹", "01234567890123456789")


def canon(text: str, fold: bool = True) -> str:
    """``text`` in matching form: separators collapse to one space, LaTeX braces go, digit runs stand
    apart (``FlashAttention2`` = ``FlashAttention-2``), case folds. Word tokens (``TOKEN``) stay in order, one for one."""
    # spacing every digit run is one C-level pass; a lookaround for letter/digit joins is ten times slower
    text = text.translate(_SCRIPT_DIGITS)  # H₂O is H2O; one character for one, so spans still map back
    text = _SEPARATOR_RUN.sub(" ", _DIGITS.sub(r" \g<0> ", _DROPPED_RUN.sub(" ", text))).strip()
    return text.casefold() if fold else text


def key(name: str) -> str:
    """The identity of a name: ``DeepSpeed-Ulysses`` and ``deepspeed ulysses`` share one."""
    return canon(name)


def is_distinctive(word: str) -> bool:
    """A word that reads as a coined name: inner capitals (GaLore, DSP), or letters with digits (C4)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in word):
        return True
    return any(c.isupper() for c in word[1:] if c.isalpha())


def _clean(name: str) -> str:
    name = _TRAILING_NOISE.sub("", name.strip())
    return name.strip(" .,;:-")


def _is_name(name: str) -> bool:
    """A plausible method name: short, no function words, starts like a name."""
    words = name.split()
    if len(words) == 1 and words[0][0].isdigit() and not any(c.isupper() for c in words[0]):
        return False  # "2-stage", "8-bit": a quantity, not a name
    if not words or len(words) > 4 or not (words[0][0].isupper() or words[0][0].isdigit()
                                           or is_distinctive(words[0])):
        return False
    if any(w.casefold() in FUNCTION_WORDS for w in words):
        return False
    # A gerund opening ("Optimizing ViViT Training", "Boosting ...") describes work, it names nothing.
    if len(words) > 1 and words[0].endswith("ing") and not is_distinctive(words[0]):
        return False
    return len(words) <= 3 or all(w[0].isupper() for w in words)


def title_methods(title: str) -> tuple[str, ...]:
    """The names a title alone introduces: these outrank names claimed only in an abstract."""
    return tuple(_clean(n) for n in _from_title(title))


def initials_match(short: str, long: str) -> bool:
    """``GLA`` abbreviates ``Gated Linear Attention``: the capitals are the words' first letters."""
    caps = [c.casefold() for c in short if c.isupper()]
    firsts = [w[0].casefold() for w in re.split(r"[\s-]+", long) if w and w.casefold() not in FUNCTION_WORDS]
    return bool(caps) and caps == firsts


def _from_title(title: str) -> list[str]:
    names: list[str] = []
    # ": " and not ":" so that "N:M Sparse Training" is no name boundary
    head = title.split(": ", 1)[0] if ": " in title else None
    if head is not None:
        head = _clean(head)
        parens = _ACRONYM_IN_PARENS.match(head)
        if parens:
            long, short = parens.group("long"), parens.group("short")
            if is_distinctive(short):
                names.append(short)
            head = long
        if _is_name(head):
            names.append(head)
        else:
            # "Streaming DiLoCo with overlapping communication": the name is the part before "with"
            before = re.split(r"\s+(?:with|via|for)\s+", head, maxsplit=1)[0]
            if before != head and _is_name(before) and any(is_distinctive(w) for w in before.split()):
                names.append(before)
    for part in (title, head or ""):
        end = _TITLE_END.search(part)
        # "... with GPUs": a plural acronym ending a title is hardware, not a name
        if end and is_distinctive(end.group("name")) and not re.fullmatch(r"[A-Z]+s", end.group("name")):
            names.append(_clean(end.group("name")))
    return names


def _from_abstract(abstract: str) -> list[str]:
    names: list[str] = []
    for trigger in _TRIGGER.finditer(abstract):
        found = _NAME_RUN.match(abstract, trigger.end())
        if not found:
            continue
        if trigger.group(0).split()[0].casefold() in _WEAK:
            sentence_start = max(abstract.rfind(". ", 0, trigger.start()) + 1, 0)
            if not _OWN_WORK.search(abstract, sentence_start, trigger.start()):
                continue  # "Existing works, namely PEFT": not this paper's name
        if found.group("after") == "," and _LIST_NEXT.match(abstract, found.end()):
            continue  # "namely Hopper, Ada, and Ampere": a list of others' names
        words = found.group("run").split()
        while words and words[0] in _LEADING_NOISE:
            words = words[1:]
        if not words:
            continue
        run = " ".join(words).rstrip(".")
        acr = found.group("acr")
        if acr and is_distinctive(acr) and not acr.islower():
            names.append(acr)
            if len(words) > 1 and _is_name(run):
                names.append(run)
            continue
        if found.group("after") is None and len(words) == 1 and not is_distinctive(words[0]):
            continue  # "we propose Dynamic ..." with no name-ending punctuation: a sentence, not a name
        # "Aya 23", "Eagle 2.5": a capitalized word with a version number is a name too
        versioned = len(words) == 2 and re.fullmatch(r"\d+(?:\.\d+)*", words[1]) is not None
        coined = len(words) == 1 or versioned or any(is_distinctive(w) for w in words)
        ended = found.group("after") is not None or is_distinctive(words[-1])
        if coined and ended and _is_name(run):
            names.append(run)
    return names


def extract_methods(title: str, abstract: str | None) -> tuple[str, ...]:
    """Names the paper introduces, title names first, one spelling per name."""
    seen: set[str] = set()
    out: list[str] = []
    for name in [*_from_title(title), *_from_abstract(abstract or "")]:
        name = _clean(name)
        k = key(name)
        if len(k.replace(" ", "")) < 2 or k in seen:
            continue
        seen.add(k)
        out.append(name)
    return tuple(out)


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Paper.methods`` for every paper (from ``memo`` for a title and abstract read before)."""
    memo = memo if memo is not None else Memo()
    version = memo.key("methods")
    papers: list[Paper] = []
    for p in corpus.papers:
        key = digest(version, p.title, p.abstract)
        methods = decoded(_names_from, memo.get("methods", key))
        if methods is None:
            methods = extract_methods(p.title, p.abstract)
            memo.put("methods", key, list(methods))
        papers.append(replace(p, methods=methods))
    return replace(corpus, papers=tuple(papers)), []


def _names_from(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(as_text(v) for v in value)
