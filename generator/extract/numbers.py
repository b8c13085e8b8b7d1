"""Multiplicative factors and percentages in a sentence, with what kind of claim each one is.

Written against the bundled captures, where LaTeX ``\\times`` arrives glued (``4.5times``) and
ranges come as ``3.7-4.3x``, ``1.8~2.01x``, ``2.36sim 8.02times`` or ``10times-1000times``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import words

_NUM = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?"
_WORDNUM = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
            "nine": 9.0, "ten": 10.0, "twice": 2.0}
# the multiplication sign: x/×/X (not followed by a letter or digit: 8xA100, 3x3), glued or spaced times, fold
_TIMES = r"(?:\s?[x×X](?![A-Za-z0-9])|\s?times(?![A-Za-z0-9])|-?\s?fold(?![A-Za-z]))"
_SEP = r"\s?(?:-|–|—|~|∼|\\sim|sim|to)\s?"
# a lower-case word may be glued before the number ("provide25-33X"); an upper-case one is a name (MI250X)
_LEFT = r"(?<![A-Z0-9.,_/])(?<!\d-)(?<!\d\s-)"
FACTOR = re.compile(
    rf"{_LEFT}(?P<low>{_NUM})(?:{_TIMES})?(?:{_SEP}(?P<high>{_NUM}))?(?P<times>{_TIMES})"
    rf"|\bfactor of (?:up to |about |roughly |nearly |over |more than )?(?P<flow>{_NUM})(?![\d%]|\.\d|\s?[x×X%])"
    rf"|\b(?P<word>two|three|four|five|six|seven|eight|nine|ten)(?:\s|-)(?:times|fold)\b"
)
PERCENT = re.compile(
    rf"(?<![\w.])(?P<low>{_NUM})\s?(?:\\?%|percent\b)?(?:{_SEP}(?P<high>{_NUM}))?\s?(?:\\?%|percent\b)p?"
)
# a grid, resolution or kernel: 1024x1024, 3x3, 64times64 (the first number would read as a factor)
_GRID = re.compile(r"^\s?(?:[x×X]|times)\s?\d")
_HARDWARE_COUNT = re.compile(r"^\s*(?:NVIDIA\s+|Nvidia\s+)?(?:[AHVPTLK]\d{2,3}|MI\d|GPUs?\b|nodes?\b|RTX|TPU|cores?\b)")
# a number right after "compared to" (optionally "a speedup of") is the baseline's, not this paper's
_BASELINE_BEFORE = re.compile(
    r"(?:(?:compared (?:to|with)|versus|vs\.?|relative to)\s+(?:a |the |an )?"
    r"(?:(?:speedup|speed-up|reduction|improvement|factor) of\s+)?|state[- ]of[- ]the[- ]art of\s+)"
    r"(?:only |up to |about |around )?$")
# a clause about what the literature or earlier work does, unless it compares this paper against it
_EARLIER_SUBJECT = re.compile(r"\bliterature\b|\b(?:prior|previous|earlier|existing|recent) (?:works?|methods|"
                              r"approaches|studies)\b(?! by)", re.IGNORECASE)
_COMPARING = re.compile(r"\b(?:unlike|than|over|outperform\w*|compared|vs\.?|versus|against|surpass\w*|beats?)\b", re.IGNORECASE)
# phrases whose words would otherwise read as a kind: "50x and more", "more than 10x", "over 1.5x"
_FILLER = re.compile(r"\b(?:and|or) more\b|\bmore than\b|\bup to\b|\bas much as\b|\bat least\b")
_EARLIER_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:achieved|reported|obtained|claimed) by\b|^\s*\(prior works?\)")

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("compression", re.compile(r"compress\w*$")),
    ("speedup", re.compile(r"(?:faster|quicker|speedups?|speed-ups?|accelerat\w*|throughput|fps|tflops|"
                           r"tokens/s|speeds?|boost\w*)$")),
    ("reduction", re.compile(r"(?:less|fewer|lower|reduc\w*|smaller|sav\w*|cuts?|cheaper|drops?|decreas\w*|"
                             r"shrink\w*|lighter|compact)$")),
    ("other", re.compile(r"(?:longer|larger|more|higher|increas\w*|bigger|slower|greater|gains?|extends?)$")),
]
_WEAK = re.compile(r"(?:improv\w*|better|outperform\w*|surpass\w*|beats?|efficien\w*|gains?)$")
_TIME_WORDS = re.compile(r"(?:latency|time|ttft|tbt|tpot|runtime|wall-clock|speed|inference|training|"
                         r"decoding|prefill\w*|iterations?|checkpointing)$")
_PCT_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("accuracy", re.compile(r"(?:accuracy|acc|top-1|top-5|top1|ap|map|miou|f1|bleu|rouge\w*|recall|precision|"
                            r"exact|pass@1|score|auc|win)$")),
    ("sparsity", re.compile(r"(?:sparsity|sparse|pruned|pruning|prune|non-zero|zeros?)$")),
    ("utilization", re.compile(r"(?:mfu|utilization|utilisation|efficiency)$")),
    ("reduction", _KINDS[2][1]),
    ("speedup", _KINDS[1][1]),
    ("other", re.compile(r"(?:longer|larger|more|higher|increas\w*|improv\w*|better|gains?|outperform\w*|"
                         r"surpass\w*|retain\w*|recover\w*|preserv\w*|maintain\w*|grows?|coverage|perplexity|error\w*|loss)$")),
]
_WHAT: list[tuple[str, re.Pattern[str]]] = [
    ("KV cache", re.compile(r"kv(?:-cache)?$")),
    ("memory", re.compile(r"(?:memory|footprint|ram|hbm|storage)$")),
    ("model size", re.compile(r"(?:size|model-size)$")),
    ("latency", re.compile(r"(?:latency|ttft|tbt|tpot|delay)$")),
    ("throughput", re.compile(r"(?:throughput|tflops|fps|requests)$")),
    ("parameters", re.compile(r"(?:parameters|params)$")),
    ("compute", re.compile(r"(?:flops(?:/s)?|compute|computation|macs|gpu-hours)$")),
    ("energy", re.compile(r"(?:energy|power)$")),
    ("bandwidth", re.compile(r"(?:bandwidth|communication|traffic|volume)$")),
    ("cost", re.compile(r"(?:cost|costs|cheaper|price)$")),
    ("time", re.compile(r"(?:time|runtime|wall-clock|hours)$")),
    ("context length", re.compile(r"(?:context|sequence|sequences)$")),
    ("batch size", re.compile(r"(?:batch)$")),
    ("accuracy", re.compile(r"(?:accuracy|top-1|top-5)$")),
]
_STOP = re.compile(r"[;:]|,\s(?:while|but|which|respectively)\b|\.(?:\s|$)|\bwhile\b|\bwhereas\b")
_SPEED_NOUN = re.compile(r"(?:throughput|speed|performance|requests|tflops|fps|flops/s)$")
# How far before and after a number its context is read. Every look at the context is bounded by
# this, so a sentence with n numbers costs O(n), not O(n^2): one 200 KB abstract took 198 s.
_REACH = 400


@dataclass(frozen=True)
class Number:
    """One reported number: its span in the sentence, kind, range, unit and measured thing."""

    start: int
    end: int
    kind: str
    low: float
    high: float
    unit: str
    what: str | None


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def _clause_before(sentence: str, start: int) -> str:
    before = sentence[max(0, start - _REACH):start]
    stops = list(_STOP.finditer(before))
    return before[stops[-1].end():] if stops else before


def _window(sentence: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words before (nearest last) and after (nearest first) a span, within its clause."""
    before = _clause_before(sentence, start)
    after = sentence[end:end + _REACH]
    stop = _STOP.search(after)
    if stop:
        after = after[:stop.start()]
    # other numbers in the window are skipped over: "3times, 2.4times and 1.6times throughput"
    strip = re.compile(rf"(?:{_NUM})(?:{_TIMES}|\s?%)?")
    before, after = _FILLER.sub(" ", strip.sub(" ", before)), _FILLER.sub(" ", strip.sub(" ", after))
    return words(before)[-10:], words(after)[:8]


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


def _factor_kind(before: list[str], after: list[str], clause: list[str]) -> str:
    if any(_KINDS[0][1].match(w) for w in before[-12:] + after[:4]):
        return "compression"
    found = _nearest(before, after, _KINDS)
    if found and found[1] <= 5:
        # "1.70x increase in throughput", "10x higher performance": more of a speed is a speedup
        if found[0] == "other" and any(_SPEED_NOUN.match(w) for w in after[:4]):
            return "speedup"
        return found[0]
    # "reduces bandwidth by 3.7-4.3x and the total delay ... by 2.7-3x": the clause's verb governs
    governing = _nearest(clause, [], _KINDS)
    if governing and not found:
        return governing[0]
    # "outperform the strongest baselines by ..., 8times on SSMs, and 14times": the verb governs the list
    if any(_WEAK.match(w) for w in clause + after):
        return "speedup" if any(_TIME_WORDS.match(w) for w in before + after) or any(
            w.startswith(("outperform", "surpass", "beat")) for w in clause) else "other"
    return found[0] if found else "other"


def factors(sentence: str) -> list[Number]:
    """Every multiplicative factor this sentence claims for the paper's own work."""
    out: list[Number] = []
    for m in FACTOR.finditer(sentence):
        if m.group("word"):
            low = high = _WORDNUM[m.group("word")]
        else:
            low = _value(m.group("low") or m.group("flow"))
            high = _value(m.group("high")) if m.group("high") else low
        after_text = sentence[m.end():m.end() + _REACH]
        if m.group("times") and (_GRID.match(sentence[m.end() - len(m.group("times")):m.end() + _REACH])
                                 or _HARDWARE_COUNT.match(after_text)):
            continue
        if _BASELINE_BEFORE.search(sentence[max(0, m.start() - _REACH):m.start()]) or _EARLIER_AFTER.match(after_text):
            continue
        clause = _clause_before(sentence, m.start())
        if _EARLIER_SUBJECT.search(clause) and not _COMPARING.search(clause):
            continue
        if low > high or low <= 0 or (low == high == 1.0):
            continue
        before, after = _window(sentence, m.start(), m.end())
        what = _nearest(before, after, _WHAT)
        out.append(Number(m.start(), m.end(), _factor_kind(before, after, words(clause)), low, high, "x",
                          what[0] if what else None))
    return out


def percentages(sentence: str) -> list[Number]:
    """Percentages whose clause says what they measure; bare ones are left out."""
    out: list[Number] = []
    for m in PERCENT.finditer(sentence):
        low = _value(m.group("low"))
        high = _value(m.group("high")) if m.group("high") else low
        if low > high or _BASELINE_BEFORE.search(sentence[max(0, m.start() - _REACH):m.start()]):
            continue
        before, after = _window(sentence, m.start(), m.end())
        kind = _nearest(before, after, _PCT_KINDS)
        what = _nearest(before, after, _WHAT)
        if kind is None and what is None:
            continue
        out.append(Number(m.start(), m.end(), kind[0] if kind else "other", low, high, "%",
                          what[0] if what else None))
    return out
