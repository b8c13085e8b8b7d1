"""Multiplicative factors and percentages in a sentence: what each measures, against what, and whose.

Written against the bundled captures, where LaTeX ``\\times`` arrives glued (``4.5times``) and
ranges come as ``3.7-4.3x``, ``1.8~2.01x``, ``2.36sim 8.02times`` or ``10times-1000times``.

Every value is read from its own clause: the words between it and its neighbours (the previous
value, a comma, "and") say what it measures; a comparison word after it ("over", "than",
"compared to", "vs.") or an "outperforms X by" before it names its baseline. Each search looks at a
bounded window around the value, so a sentence with n values costs O(n), not O(n²).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise

from .text import words

_NUM = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?"
_WORDNUM = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
            "nine": 9.0, "ten": 10.0, "twice": 2.0, "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0,
            "fivefold": 5.0, "tenfold": 10.0, "hundredfold": 100.0}
# the multiplication sign: x/×/X (not followed by a letter or digit: 8xA100, 3x3), glued or spaced
# times ("5times", "300-times", a title's "by 100-200 Times"), fold
_TIMES = r"(?:\s?[x×X](?![A-Za-z0-9])|(?:\s|-)?[tT]imes(?![A-Za-z0-9])|-?\s?fold(?![A-Za-z]))"
# LaTeX writes a range with a double dash ("1.28times--1.63times", "98.36%--104.24%"); its \sim may
# keep its braces ("1.2{sim}1.3times")
_SEP = r"\s?(?:--|-|–|—|~|∼|\{?(?:\\sim|sim)\}?|to)\s?"
# a lower-case word may be glued before the number ("provide25-33X"); an upper-case one is a name (MI250X);
# a number after "^" is an exponent ("by up to R^2times": R squared, not 2x)
_LEFT = r"(?<![A-Z0-9.,_/^])(?<!\d-)(?<!\d\s-)"
FACTOR = re.compile(
    rf"{_LEFT}(?P<low>{_NUM})(?:{_TIMES})?(?:{_SEP}(?P<high>{_NUM}))?(?P<times>{_TIMES})"
    rf"|\bfactor of (?:up to |about |roughly |nearly |over |more than )?(?P<flow>{_NUM})(?![\d%]|\.\d|\s?[x×X%])"
    rf"|\b(?P<word>two|three|four|five|six|seven|eight|nine|ten)(?:\s|-)(?:times|fold)\b"
    rf"|\b(?P<glued>twofold|threefold|fourfold|fivefold|tenfold|hundredfold)\b"
    rf"|\b(?P<twice>twice)(?= (?:as |faster|slower|fewer|less|more|smaller|larger|higher|lower|the\b))"
)
PERCENT = re.compile(
    rf"(?<![\w.])(?:\\?sim|~|∼)?(?P<low>{_NUM})\s?(?:\\?%|percent\b)?(?:{_SEP}(?P<high>{_NUM}))?\s?(?:\\?%|percent\b)p?"
)
# a grid, resolution or kernel: 1024x1024, 3x3, 64times64 (the first number would read as a factor)
_GRID = re.compile(r"\s?(?:[x×X]|times)\s?\d")
_HARDWARE_COUNT = re.compile(r"\s*(?:NVIDIA\s+|Nvidia\s+)?(?:[AHVPTLK]\d{2,3}|MI\d|GPUs?\b|nodes?\b|RTX|TPU|cores?\b)")
# a number right after "compared to" (optionally "a speedup of") is the baseline's, not this paper's
_BASELINE_BEFORE = re.compile(
    r"(?:(?:compared (?:to|with)|versus|vs\.?|relative to|than the)\s+(?:a |the |an )?"
    r"(?:(?:speedup|speed-up|reduction|improvement|factor) of\s+)?|state[- ]of[- ]the[- ]art of\s+)"
    r"(?:only |up to |about |around )?$")
# a clause about what the literature or earlier work does, unless it compares this paper against it
_EARLIER_SUBJECT = re.compile(r"\bliterature\b|\b(?:prior|previous|earlier|existing|recent) (?:works?|methods|"
                              r"approaches|studies)\b(?! by)"
                              # "despite numerous claims that alternative optimizers offer 1.4 to 2x speedup"
                              r"|\b(?:numerous|many|several|prior|previous|earlier|existing|recent) claims\b"
                              # a benchmark's finding about what it evaluated: "with even the strongest methods
                              # suffering drops of more than 10%"
                              r"|\b(?:evaluated|even the strongest|even the best) (?:methods|models|systems|agents|"
                              r"strategies|LLMs)\b", re.IGNORECASE)
# "surpassing LoRA (89.1%) and LoRA+ (90.2%)": the rivals' own scores in brackets after their names
_RIVAL_NAME = r"[\w.+-]+(?:\s[\w.+-]+){0,2}\s?\("
_RIVAL_SCORE = re.compile(r"\b(?:surpass\w*|outperform\w*|beat(?:s|ing)?|exceed\w*|than|vs\.?|versus|compared (?:to|with))\s+"
                          # "surpassing closed-source models such as Claude 3.5 Sonnet (36.0%)"
                          r"(?:(?:[\w-]+\s){0,4}?(?:such\s+as|including|like|e\.g\.,?)\s+)?"
                          rf"(?:{_RIVAL_NAME}[^()]{{1,20}}\)\s?(?:,\s?|and\s|or\s|,\sand\s)\s?)*{_RIVAL_NAME}\s*$",
                          re.IGNORECASE)
_ASIDE = re.compile(r"--[^-]{1,100}--|\s—[^—]{1,100}—")
_COMPARING = re.compile(r"\b(?:unlike|than|over|outperform\w*|compared|vs\.?|versus|against|surpass\w*|beats?)\b", re.IGNORECASE)
# phrases whose words would otherwise read as a kind: "50x and more", "more than 10x", "over 1.5x"
_FILLER = re.compile(r"\b(?:and|or) more\b|\bmore than\b|\bup to\b|\bas much as\b|\bat least\b")
_EARLIER_AFTER = re.compile(r"[^.;]{0,40}?\b(?:achieved|reported|obtained|claimed) by\b|\s*\(prior works?\)")
# numbers leave the keyword windows, except a digit glued to its word ("recall@1", "Skill^2")
_STRIP = re.compile(rf"(?<![@^])(?:{_NUM})(?:{_TIMES}|\s?%)?")

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("compression", re.compile(r"compress(?!ors?$)\w*$")),  # not a compressor (a model that compresses)
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
                            r"exact|pass@1|score|auc|win)(?:@\d+)?$")),  # "recall@1", "acc@5": one word
    ("sparsity", re.compile(r"(?:sparsity|sparse|pruned|pruning|prune|non-zero|zeros?)$")),
    ("utilization", re.compile(r"(?:mfu|utilization|utilisation|efficiency)$")),
    ("reduction", _KINDS[2][1]),
    ("speedup", _KINDS[1][1]),
    ("other", re.compile(r"(?:longer|larger|more|higher|increas\w*|improv\w*|better|gains?|outperform\w*|"
                         r"surpass\w*|retain\w*|recover\w*|preserv\w*|maintain\w*|grows?|coverage|perplexity|error\w*|loss)$")),
]

# What a value measures, most specific first. A noun names the measure ("latency", "memory"); a
# comparative only implies one ("faster": speed, "smaller": model size) and counts only when no
# noun does.
METRICS: list[tuple[str, re.Pattern[str]]] = [
    ("KV cache", re.compile(r"(?:kv|kv-?caches?)$")),  # not a name that starts with kv (KVServe, KVQuant)
    ("latency", re.compile(r"(?:latenc(?:y|ies)|ttft|tbt|tpot|time-to-first-token|time-per-output-token|delays?|"
                           r"slos?)$")),
    ("throughput", re.compile(r"(?:throughputs?|goodput|tokens/s|tokens/sec|qps|requests|tflops/s|flops/s|tops|"
                              r"fps|samples/s)$")),
    ("speed", re.compile(r"speeds?$")),  # "speed improvements of up to 2.8x": the speed is what improved
    ("memory", re.compile(r"(?:memory|footprints?|ram|hbm|vram|storage)$")),
    ("parameters", re.compile(r"(?:parameters?|params|non-zero|weights)$")),
    ("compute", re.compile(r"(?:flops?|tflops|gflops|pflops|macs|m-adds|compute|computations?|gpu-hours|gpu-time|"
                           r"operations|ops|complexity)$")),
    ("energy", re.compile(r"(?:energy|power|watts?|joules?)$")),
    ("bandwidth", re.compile(r"(?:bandwidth|communications?|traffic|transfer)$")),
    ("cost", re.compile(r"(?:costs?|price|prices|dollars|expenses?|budget)$")),
    ("batch size", re.compile(r"batch(?:es)?$")),
    ("steps", re.compile(r"(?:steps?|nfes?|nfe|passes|iterations?|rounds)$")),
    ("tokens", re.compile(r"(?:tokens?|traces|outputs?)$")),  # "30-50% shorter reasoning traces"
    ("context length", re.compile(r"(?:context|contexts|sequences?|lengths?|frames|horizon|extrapolation)$")),
    ("data", re.compile(r"(?:data|dataset|datasets|samples|examples|labels|annotations|feedback)$")),
    ("time", re.compile(r"(?:time|times|runtime|wall-clock|hours|seconds|minutes|days)$")),
    ("perplexity", re.compile(r"(?:perplexity|ppl)$")),
    ("error", re.compile(r"(?:errors?|wer|cer|hallucinations?)$")),
    ("quality", re.compile(r"(?:fid|fvd|psnr|ssim|lpips|quality|fidelity|clip-score|clipscore)$")),
    ("accuracy", re.compile(r"(?:accuracy|accuracies|acc|top-1|top-5|top1|map|ap|miou|f1|bleu|rouge\w*|pass@\d+|"
                            r"scores?|auc|auroc|auprc|ndcg|ndcg@\d+|win-rates?|success|completion|recall|precision|coverage|solved|"
                            r"capabilit(?:y|ies)|rewards?|metrics)(?:@\d+)?$")),
    ("sparsity", re.compile(r"(?:sparsity|pruning|pruned|sparse)$")),
    ("utilization", re.compile(r"(?:mfu|utilization|utilisation|peak|maximum)$")),
    ("model size", re.compile(r"(?:model-size|sizes?)$")),
]
_IMPLIED: list[tuple[str, re.Pattern[str]]] = [
    # "ran approximately four times as fast as ConvNeXt"
    ("speed", re.compile(r"(?:faster|fast|quicker|speedups?|speed-ups?|speeds?|accelerat\w*|slower|convergence)$")),
    ("model size", re.compile(r"(?:smaller|larger|lighter|bigger|compact)$")),
    ("accuracy", re.compile(r"(?:performance|improv(?:ements?|ing|es|ed)|accurate|gains?)$")),
    ("cost", re.compile(r"(?:cheaper|costlier|pricier)$")),  # "26x cheaper than reinforcement learning"
    ("tokens", re.compile(r"(?:concise|verbose)$")),  # "4.6times more concise": what is written is shorter
    ("context length", re.compile(r"longer$")),  # "enables video generation up to 4times longer"
]
# a head noun that names no measure on its own: "computation costs", "memory usage", "energy consumption"
_HEAD = re.compile(r"(?:costs?|usage|consumption|overheads?|footprints?|requirements?|demands?|savings?|sizes?|"
                   r"budgets?|complexity)$")
# the length of what a model writes is counted in tokens; other lengths (sequence, context) are context
_WRITTEN = frozenset({"output", "outputs", "response", "responses", "answer", "answers", "reasoning", "trace",
                      "traces", "generation", "cot", "chain-of-thought", "character", "word"})
_SYSTEM_WORDS = re.compile(r"(?:inference|training|serving|kernels?|gpus?|systems?|hardware|decoding|runtime)$")
_METRIC_FOR_SIZE = {"dataset": "data", "data": "data", "batch": "batch size", "model": "model size",
                    "context": "context length", "cache": "memory", "vocabulary": "parameters"}
# what the old ``what`` field said (the export keeps it): these measures, nothing finer
LEGACY_WHAT = frozenset({"KV cache", "memory", "model size", "latency", "throughput", "parameters", "compute",
                         "energy", "bandwidth", "cost", "time", "context length", "batch size", "accuracy"})
_COSTS = frozenset({"time", "memory", "compute", "cost", "energy", "steps", "parameters", "data", "tokens",
                    "latency", "KV cache", "model size", "bandwidth"})

_GAIN = re.compile(r"(?:faster|quicker|speedups?|speed-ups?|accelerat\w*|higher|more|larger|bigger|greater|"
                   r"increas\w*|improv\w*|boost\w*|gains?|outperform\w*|surpass\w*|exceed\w*|better|longer|extend\w*|jump|"
                   r"enhanc\w*|augment\w*|expand\w*|extrapolat\w*|uparrow)$")  # LaTeX's \uparrow arrives as a word
_LOSS = re.compile(r"(?:less|lower|fewer|reduc\w*|smaller|shorter|sav\w*|cuts?|cheaper|drop\w*|decreas\w*|shrink\w*|"
                   r"lighter|compress\w*|degrad\w*|slower|tighter|minimi[sz]\w*|remov\w*|eliminat\w*|downarrow)$")
_SHARE_BEFORE = re.compile(r"(?:\bonly|\bjust|\bmere(?:ly)?|\bless than|\bat most|\bfraction of|\bto)\s+(?:\w+ing\s+)?"
                           r"(?:about |around |approximately |roughly |~)?$", re.IGNORECASE)

# ---- clauses and windows -------------------------------------------------------------------------

_STOP = re.compile(r";|:(?=\s)|,\s(?:while|but|which|respectively)\b|\.(?:\s|$)|\bwhile\b|\bwhereas\b|\s--\s|\s—\s")
# where a value's own words end: the next list item, a comparison, another clause
_CUT_AFTER = re.compile(r"[,;(]|\s(?:and|or|while|whereas|but|than|over|compared|relative(?=\s+to\b)|versus|vs\.?|against|"
                        r"respectively|which|when|where|achieving|reaching|using|making|leading|resulting|to|with|"
                        r"on|at|per|without|for)\b")
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


_SPEED_NOUN = re.compile(r"(?:throughput|speed|performance|requests|tflops|fps|flops/s)$")


# ---- what a value measures -----------------------------------------------------------------------


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
    after = s.text[end:min(right, hi)]
    stop = _CUT_AFTER.search(after)
    if stop:
        after = after[:stop.start()]
    clause = _FILLER.sub(" ", s.text[left:start])
    return (_Words(words(_FILLER.sub(" ", before))[-_BEFORE_WORDS:], words(_FILLER.sub(" ", after))[:_NEAR_WORDS],
                   words(clause)[-25:]))


def _nouns(side: list[str], order: range, units: bool = False) -> tuple[int, str] | None:
    """The first measure noun met walking ``order`` through ``side``: (distance, measure); with ``units``,
    a number before the noun is counted in it ("(1817.2 vs. 4.34 TFLOPs)"), not a quantity that sets it up."""
    for distance, index in enumerate(order):
        label = _measure(side[index]) or _score_rate(side, index) or _efficiency(side, index)
        if label is None:
            continue
        if not units and any(_quantity(side[i]) for i in range(max(0, index - 2), index)):
            continue  # "with 250 samples", "across 9 diverse datasets": a quantity that sets up the result
        if {"under", "within", "at"} & set(side[max(0, index - 4):index]):
            continue  # "success on LIBERO-Pro under our current rollout budget, reaching 90.8%", "at equivalent latency"
        after = side[index + 1] if index + 1 < len(side) else ""
        qualified = _measure(after) if label == "utilization" and after else None
        if label == "utilization" and _SPEEDUP_NOUN.match(after):
            return distance, "speed"  # "with peak speedups reaching x449": the largest speedup (set F: CUDA-L1)
        if label == "utilization" and qualified in (None, "compute", "throughput", "utilization"):
            return distance, label  # "the theoretical maximum FLOPs/s", "A6000 peak"
        # "4x reduction in peak memory usage": the peak of a measure is that measure
        # "model FLOPs utilization", "memory bandwidth": a compound is named by its last noun
        nxt = index + 1
        while nxt < len(side) and (following := _measure(side[nxt])) is not None and not _HEAD.match(side[nxt]):
            label, index, nxt = following, nxt, nxt + 1
        return distance, _refine(label, side[index], side, index)
    return None


# "a 95% discovery rate for high-priority incidents" (set F: TingIS): the share found is a score
_SCORED = frozenset({"pass", "success", "win", "hit", "resolve", "resolved", "solve", "solved", "discovery",
                     "detection", "recognition", "identification"})


def _score_rate(side: list[str], index: int) -> str | None:
    """"pass rate", "success rate": a score; other rates (learning, compression, acceptance) are not;
    "false speech detections", "false positives": errors."""
    if side[index] in ("rate", "rates") and index and side[index - 1] in _SCORED:
        return "error" if side[max(0, index - 2)] == "false" else "accuracy"  # a "false detection rate" errs
    if _FALSE_FINDINGS.match(side[index]) and "false" in side[max(0, index - 2):index]:
        return "error"
    return None


_FALSE_FINDINGS = re.compile(r"(?:positives?|negatives?|detections?|alarms?|rejections?|refusals?)$")


# "21.74% better training efficiency than Adam": the efficiency of what, as a measure
_EFFICIENCY_OF = {"training": "speed", "inference": "speed", "decoding": "speed", "computational": "compute",
                  "sample": "data", "parameter": "parameters", "token": "tokens"}


def _efficiency(side: list[str], index: int) -> str | None:
    if side[index] in ("efficiency", "efficiencies") and index:
        return _EFFICIENCY_OF.get(side[index - 1])
    return None


def _quantity(word: str) -> bool:
    return word[:1].isdigit() or word in _WORDNUM or word == "one"


def _measure(word: str) -> str | None:
    for label, rx in METRICS:
        if rx.match(word):
            return label
    return None


def _metric(w: _Words) -> tuple[str | None, str | None]:
    """(measure, how it was found): a noun after the value, a comparative after it, a noun before it."""
    after = _nouns(w.after, range(len(w.after)))
    implied = _nearest([], w.after, _IMPLIED)
    if after is not None:
        if after[1] == "compute" and implied is not None and implied[0] == "speed" and implied[1] < after[0]:
            return "speed", "noun"  # "13.5x acceleration in attention computation": the computation is what got faster
        return after[1], "noun"
    before = _nouns(w.before, range(len(w.before) - 1, -1, -1))
    # "maintaining inference times twice faster than beam search": a time right before the value is what is faster
    if implied is not None and (before is None or (implied[0] == "speed" and not (
            before[0] == 0 and before[1] in ("time", "latency", "throughput")))):
        label = _implied(implied[0], w)
        return label, "implied" if label else None
    if before is not None:
        return before[1], "noun"
    implied = _nearest(w.before, [], _IMPLIED)
    overhead = next((d + 1 for d, x in enumerate(reversed(w.before)) if _OVERHEAD.match(x)), None)
    if implied is not None and overhead is not None and overhead < implied[1]:
        return None, None  # "faster training ... with marginal overhead (<10%)": the overhead's, read later
    if implied is not None:
        label = _implied(implied[0], w)
        return label, "implied" if label else None
    return None, None


_PAREN_AFTER = re.compile(r"[^(]{0,40}?\(([^()]{1,80})\)")
_CONDITION = re.compile(r"\s*(?:with|without|at|under|when|using|given|for)\b", re.IGNORECASE)
# "72.4% on Video-MME", "66.2% SR on R2R-CE" (a score's abbreviation between the value and its benchmark)
_BENCHMARK_AFTER = re.compile(r"\s*(?:accuracy\s+|[A-Z][A-Z\d@-]{1,6}\s+)?(?:(?:on|in)\s+(?:the\s+)?(?:[A-Z][\w.-]*[A-Z0-9]|[a-z]+\d[\w.]*-[A-Z][\w.-]*)|"
                              r"(?:gains?\s+|improvements?\s+)?(?:on|in|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                              r"(?:benchmarks|evaluation suites|tasks\s+and\s+benchmarks)\b)")
# "pass@1 on the HumanEval benchmark (90.9% vs. 90.2%)", "on MMLU (72.4%)": a score in brackets
# "gains on various IF benchmarks, such as MM-IFEval (+10.2%)": the first of the benchmarks a list names
_BENCHMARK_BEFORE = re.compile(r"(?:\bpass@\d+\b[^.;()]{0,60}|\bbenchmarks?(?:\s+tests?)?\s*|\s(?:on|in)\s+"
                               r"(?:the\s+)?[A-Z][\w.-]*[A-Z0-9]\s*|\bbenchmarks?,?\s+(?:such\s+as|e\.g\.,?|including)\s+"
                               r"[A-Z][\w.-]*[A-Za-z0-9]\s*)\(\s*\+?$")
# "(VBench: 1%downarrow and 0.01%downarrow)", "(MMLU: 72.1%)": a benchmark's name and a colon in a bracket
_BENCHMARK_COLON = re.compile(r"\(\s*(?:e\.g\.,?\s*)?[A-Z][\w.-]*[A-Za-z0-9]\s*:\s*$")
# "On the MATH benchmark, it improves Qwen2.5-Math-7B from 58.8% to 90.0%"
# "Across mathematics and science benchmarks, PRISM ... reaching 90.0%"
# "On MLE-Bench Lite under a 12-hour per-task budget, ... improves Medal Average from 39.39% to 60.61%"
_BENCHMARK_LEAD = re.compile(r"\s*(?:On|In|Across)\s+(?:the\s+)?(?:[\w.-]+(?:\s+[\w.-]+){0,3}?\s+benchmarks?\b|"
                             r"(?:[\w.-]+\s+){0,2}?[\w.-]*[Bb]ench\b)")
_BEATS_BY = re.compile(r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|improv\w*\s+(?:over|on|upon))\b(?:[^.;:]|\.\d){0,80}\bby\s+(?:up to |over |about |"
                       r"nearly |around |more than |as much as |an average of |on average )?$", re.IGNORECASE)


# "a 0.09% drop on VBench", "a 0.4% drop in VBench total score": a benchmark score changed by the value
_SCORE_CHANGE_AFTER = re.compile(r"\s*(?:absolute\s+)?(?:drop|degradation|decline|loss|decrease)\s+(?:on|in)\s+"
                                 r"(?:the\s+)?[A-Z][\w.-]*[A-Z0-9]")
# benchmarks that score what a generative model makes: their scores are quality, not accuracy
_QUALITY_BENCHMARK = re.compile(r"\b(?:VBench|ImageReward|HPSv?2?|EvalCrafter|"
                                r"CLIP[- ]?[Ss]core|FID|FVD)\b")


# a model's name (a capital, then a digit somewhere: "Qwen3-32B", "GPT-5", "DeepSeek-R1") and a bracket
_MODEL_BEFORE = re.compile(r"(?<![\w.-])[A-Z][A-Za-z]*(?:[\w.]*-)*[\w.]*\d[\w.-]*\s*\(\s*$")
_OVERALL_AFTER = re.compile(r"\s+overall\b")
_TASKS_AFTER = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:sub-?)?tasks|problems|questions|issues|"
                          r"competitions|puzzles|test cases|instances|challenges)\b")
_POINTS_BEFORE = re.compile(r"\d\s*(?:percentage\s+|absolute\s+)?points?\s*\(\s*(?:[<>≈]=?|over\s+|about\s+)?\s*$",
                            re.IGNORECASE)
_GAINS_OF = re.compile(r"\b(?:average\s+)?(?:gains?|improvements?)\s+of\s+(?:up to |about |around |over |nearly |"
                       r"approximately |roughly |more than |as much as )?\+?$", re.IGNORECASE)


def _metric_nearby(s: Sentence, start: int, end: int, bounds: tuple[int, int],
                   unit: str) -> tuple[str | None, str | None]:
    """When a value's own words name no measure: a parenthetical right after it ("523x more efficient
    (1817.2 vs. 4.34 TFLOPs)"), a benchmark it is reported on ("72.4% on Video-MME": a score), or a
    verb that beats a baseline by it ("surpasses WandA and FLAP by over 20%": task performance)."""
    paren = _PAREN_AFTER.match(s.text, end, min(bounds[1] + 90, len(s.text)))
    # not a bracket that belongs to the next value, nor a condition ("69.0% on BrowseComp (with context management)")
    if paren and paren.start(1) <= bounds[1] and not _CONDITION.match(paren.group(1)):
        inner = words(paren.group(1))
        found = _nouns(inner, range(len(inner)), units=True)
        if found is not None:
            return found[1], "noun"
    if unit == "%" and (_BENCHMARK_AFTER.match(s.text, end) or _BENCHMARK_BEFORE.search(s.text, max(0, start - 80), start)
                        or _BENCHMARK_COLON.search(s.text, max(0, start - 40), start)
                        or _BENCHMARK_LEAD.match(s.text)):
        return "accuracy", "implied"
    if unit == "%" and _MODEL_BEFORE.search(s.text, max(0, start - 40), start) and s.text[end:end + 2].strip()[:1] == ")":
        return "accuracy", "implied"  # "top performers DeepSeek-R1 (65.3%), Qwen3-32B (64.1%)": models' scores
    if unit == "%" and _OVERALL_AFTER.match(s.text, end):
        return "accuracy", "implied"  # "no model exceeds 66% overall": a leaderboard's overall score
    if unit == "%" and _TASKS_AFTER.match(s.text, end):
        return "accuracy", "implied"  # "completes only 26.5% of sub-tasks", "a medal in 16.9% of competitions"
    if unit == "%" and _POINTS_BEFORE.search(s.text, max(0, start - 40), start):
        return "accuracy", "implied"  # "by 12.4 points (>20% relative)": a score's gain, restated relative
    if unit == "%" and _GAINS_OF.search(s.text, max(0, start - 40), start):
        return "accuracy", "implied"  # "achieving average gains of 12.1% in supervised fine-tuning"
    if unit == "%" and _BEATS_BY.search(s.text, max(0, start - 120), start):
        # systems papers beat baselines on speed ("outperforms the GEMM-based algorithm by up to 62%")
        return ("speed" if _about_systems(s.text) else "accuracy"), "implied"
    return None, None


_SYSTEM_CONTEXT = re.compile(r"(?:kernels?|gemm|cuda|gpus?|convolutions?|implementations?|compilers?|runtime|"
                             r"inference|latency|throughput|backwards?|algorithms?)$")


def _about_systems(text: str) -> bool:
    """A sentence about kernels, GPUs or inference: its unnamed gains are speed, not scores."""
    return any(_SYSTEM_CONTEXT.match(w) for w in words(text))


def _implied(label: str, w: _Words) -> str | None:
    if label == "context length" and {"take", "takes", "took", "taking", "lasts", "runs"} & set(w.before[-4:]):
        return "time"  # "training takes 2x longer": time, not a length
    if label == "accuracy" and any(_SYSTEM_WORDS.match(x) for x in w.before[-5:] + w.after[:3]):
        # "inference performance" is speed, "performance on MMLU" accuracy; a system word further away
        # ("RL training with 128k-token outputs improves the model's performance on AIME") is not its own
        return "speed"
    if label == "accuracy" and any(x.startswith("efficien") for x in w.before + w.after):
        return None  # "an improvement in area efficiency of 8.7%": an efficiency the list does not name
    return label


def _refine(label: str, word: str, side: list[str], index: int) -> str:
    """A head noun takes its measure from the word before it: "computation costs", "dataset size"."""
    previous = side[index - 1] if index > 0 else ""
    if _HEAD.match(word):
        if word.startswith("size"):
            if previous == "cache" and index > 1 and side[index - 2] in ("kv", "key-value"):
                return "KV cache"  # "reduce the KV cache size by 50%"
            return _METRIC_FOR_SIZE.get(previous, "model size")
        found = _measure(previous)
        if found is not None and not _HEAD.match(previous):
            return found
    if label == "context length" and word.startswith("length") and previous in _WRITTEN:
        return "tokens"  # "8.6-21.0% of their original character length", "output length"
    if label == "tokens" and word.startswith("token") and "time" in side[max(0, index - 3):index]:
        return "latency"  # "reduces time per output token by up to 19%" (set F: FlashSampling): TPOT, TTFT spelled out
    if label == "memory" and previous in ("kv", "kv-cache", "key-value"):
        return "KV cache"
    if label == "compute" and index + 1 < len(side) and side[index + 1] in ("/s", "per"):
        return "throughput"
    return label


def _direction(w: _Words, s: Sentence, start: int, end: int, unit: str, metric: str | None,
               kind_direction: str | None = None) -> str | None:
    """Gain or reduction, as the value's own words say; a share of a cost is a reduction."""
    if s.text[max(0, start - 1):start] == "+":
        return "gain"
    found = _nearest(w.before[-_NEAR_WORDS:], w.after, _DIRECTIONS)
    if found is not None:
        return found[0]
    # "using only 34.76% of the training FLOPs", "reduces evaluation time to 10% of ...": a share of a cost
    if unit == "%" and metric in _COSTS and (_SHARE_BEFORE.search(s.text, max(0, start - 40), start)
                                            or _OF_AFTER.match(s.text, end)):
        return "reduction"
    if kind_direction is not None:
        return kind_direction  # "with only a 0.4% drop ..., X achieves 1.69x and 2.27x speedups": a speedup gains
    # "outperform the current SOTA method DualPrompt on established benchmarks by 4.5%": the clause's verb
    found = _nearest(w.clause, [], _DIRECTIONS)
    if found is not None and found[1] <= _BEFORE_WORDS:
        return found[0]
    # "improves over the provided baselines from the repository in just 1 of 15 evaluations (6.7%) by 11.5%"
    beats = _BEATS_BY.search(s.text, max(0, start - 120), start) or _beaten_in_bracket(s, start, end)
    return "gain" if beats else None


def _beaten_in_bracket(s: Sentence, start: int, end: int) -> re.Match[str] | None:
    """"to surpass GPT-4 Turbo (April 2024) and GPT-4o in pass@1 on the Human Eval benchmark test (90.9% vs.
    90.2%)": the first of a bracketed pair is ours, against what the clause's verb beats."""
    if not (_VS_NEXT.match(s.text, end) and s.text[:start].rstrip().endswith("(")):
        return None
    left, _right = s.clause(start, end)
    verb = None
    for verb in _BASE_VERB.finditer(s.text, max(left, start - 150), start):  # noqa: B007 - the last is wanted
        pass
    return verb


_VS_NEXT = re.compile(r"\s*(?:vs\.?|versus)\s*\d")


_DIRECTIONS = [("gain", _GAIN), ("reduction", _LOSS)]
_CHANGE_BEFORE = re.compile(r"\b(?:by|sav\w*|reduc\w*|cut\w*|remov\w*|eliminat\w*|lower\w*|decreas\w*|"
                            r"improv\w*|increas\w*)\s+(?:up to |about |around |over |nearly |approximately |"
                            r"roughly |more than |as much as )?(?:\\?sim|~)?$", re.IGNORECASE)


def _is_share(s: Sentence, start: int, end: int) -> bool:
    """"only 6.3% training time", "reduces it to 64% of that", "59% to 72% of optimal throughput":
    the value is what remains of a whole, not how much it changed ("reduces memory by 62%")."""
    if _CHANGE_BEFORE.search(s.text, max(0, start - 40), start):
        return False
    return bool(_SHARE_BEFORE.search(s.text, max(0, start - 40), start) or _OF_AFTER.match(s.text, end))
_OF_AFTER = re.compile(r"\s*of\b")


# ---- against what --------------------------------------------------------------------------------

_BASE_AFTER = re.compile(
    r"\b(?:than|over|compared (?:to|with)|compare[sd]? (?:to|with)|relative to|versus|vs\.?|against|"
    r"in comparison (?:to|with)|(?:of|to) that of|(?:performance|accuracy|quality|cost|time|memory|compute|"
    r"flops|size|throughput) of)\s+"
    r"(?!(?:up to|about|around|nearly)\b|time\b|(?:multiple|many|several|all|different|various)\b|"
    r"\d[\d.,]*\s?(?:%|x\b|×|times|-?fold|\\sim|sim))",
    re.IGNORECASE)
_BASE_VERB = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|improv\w* (?:on|over|upon))\s+",
                        re.IGNORECASE)
# "Experimental results show that compared to the teacher model ..., CineMobile achieves a 40x speedup" (set F)
_BASE_LEAD = re.compile(r"\s*(?:[\w\s-]{0,40}?\b(?:show|shows|showed|demonstrate|demonstrates|indicate|indicates|"
                        r"reveal|reveals|confirm|confirms)\s+that,?\s+)?"
                        r"(?:\w+ly,?\s+|(?:for (?:example|instance)|in particular|in addition|moreover|furthermore|"
                        r"specifically|overall|finally),?\s+)?(?:when\s+)?(?:compared (?:to|with)|compare[sd]? (?:to|with)|"
                        r"relative to|in comparison (?:to|with))\s+", re.IGNORECASE)
# "..., and KnowledgeBank improves over ReasoningBank", "and accelerating inference": a new claim, with its own baseline
_NEW_CLAIM = (r"\s(?:and)\s+(?:(?:[A-Z][\w.-]*|it|they|we)\s+)?(?:also\s+|further\s+)?(?:is|are|uses?|"
              r"(?:achiev|deliver|improv|reduc|outperform|surpass|exceed|yield|attain|obtain|enabl|accelerat|boost|"
              r"increas|lower|cut|speed|provid|complet|solv|scor)\w*)\b")
_BASE_END = re.compile(
    r"[,;!?]|:(?=\s)|\.(?:\s|$)|\s(?:while|which|that|with|when|where|using|at|on|in|for|across|by|under|without|"
    rf"depending|achiev\w*|reach\w*|respectively|as|from|to|is|are|was|were|"
    rf"per|during|if|after|before|via|despite|thanks|such\s+as|like|including)\b|{_NEW_CLAIM}|\s--?\s|\s—|\s\(|$"
    # a number ends the phrase ("vs 1.1s"), one glued to a capital names a model ("explicit 3D baselines")
    r"|\s\d(?![\d.]*[A-Z]\b)")
# the end of the text a comparison word after a value may come from
_BASE_REACH = re.compile(r";|:(?=\s)|\.(?:\s|$)|,\s(?:which|but)\b")
_CLAIM_AFTER = re.compile(rf",?{_NEW_CLAIM}")
_BY = re.compile(r"\s(?:by|with (?:\w+ )?(?:speedups?|speed-ups?|improvements?|gains?|reductions?) of)\s"
                 r"(?:up to |about |around |over |nearly |approximately |as much as |an average of |a factor of )*"
                 r"(?:\\?sim|~|\+)?$")
_JOINT = re.compile(r"[\s,]*(?:and|or)?\s+")
_COMPARISON_WORDS = frozenset({"than", "over", "compared", "compare", "compares", "relative", "versus",
                               "vs", "vs.", "against", "in", "to", "of"})
_GENERIC_BASE = frozenset({"speedup", "speed-up", "reduction", "improvement", "factor"})
_BASE_WORDS = 7


def _phrase(text: str, start: int, limit: int) -> str | None:
    """The noun phrase that starts at ``text[start:]``: a few words up to a clause word or punctuation."""
    stop = min(limit, start + 120)
    end = _BASE_END.search(text, start, stop)
    if end is None and stop < len(text) and text[stop - 1:stop + 1].isalnum():
        stop = text.rfind(" ", start, stop) if " " in text[start:stop] else start  # never half a word
    chunk = text[start:end.start() if end else stop].strip()
    found = chunk.split()[:_BASE_WORDS]
    while found and found[-1].lower() in ("the", "a", "an", "of", "and", "or", "all", "both"):
        found.pop()
    while found and found[0].lower() in ("the", "a", "an", "both", "all", "those", "that", "of", "its", "their"):
        found = found[1:]
    phrase = " ".join(found).strip(" ,")
    if phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1].rstrip(" ,")  # "15x faster than comparable SOTA)": the bracket closes before
    if not phrase or re.fullmatch(r"[\d.,]+", found[0]) or not any(c.isalpha() for c in phrase) \
            or phrase.lower() in _GENERIC_BASE or _NOT_A_NAME.fullmatch(found[0]):
        return None  # "over 16 and 2,048 GPUs", "vs 1.1s", "than what is needed": not a baseline
    return phrase


_NOT_A_NAME = re.compile(r"(?i:what|which|that|those|these|this|it|its|them|they|we|our|\d[\d.,]*(?:m?s|h|gb|mb|"
                         r"tflops?|fps|ms|%)?)")


def _baseline(s: Sentence, start: int, end: int, bounds: tuple[int, int], share: bool = False,
              factor: bool = False) -> str | None:
    left, _right = s.clause(start, end)
    # "improvements over the vanilla SFT (+12% on RoboSpatial) and RL (+16% on RoboSpatial) baselines"
    bracket = _BRACKET_RIVAL.search(s.text, max(0, start - 150), start)
    if bracket:
        return bracket.group("who")
    beaten = _beaten_in_bracket(s, start, end)
    if beaten is not None:
        return _phrase(s.text, beaten.end(), start)
    reach = _BASE_REACH.search(s.text, end, min(len(s.text), end + 120))
    limit = min(bounds[1], reach.start() if reach else len(s.text), end + 120)
    claim = _CLAIM_AFTER.search(s.text, end, limit)
    for after in _BASE_AFTER.finditer(s.text, end, limit):
        if after.group(0)[:1].isalpha() and after.group(0).split()[0].lower() not in _COMPARISON_WORDS \
                and after.start() - end > 30:
            continue  # "..., demonstrating the efficiency and performance of OSP-Next": no longer about the value
        if claim and claim.start() < after.start() and s.text[max(0, after.start() - 2):after.start()] != ", ":
            break  # "..., and KnowledgeBank improves over ReasoningBank": the next claim's own rival
        if after.group(0).lower().startswith("than") and not _COMPARATIVE_AFTER.match(s.text, end) \
                and _OTHER_COMPARATIVE.search(s.text, end, after.start()):
            break  # "the best agent's accuracy being 25%, and many having worse Brier skill score than ...": theirs
        phrase = _phrase(s.text, after.end(), limit)
        if phrase:
            # "than the leading reasoning model, OpenAI O1.": a description, then the name
            apposed = _APPOSITION.match(s.text, s.text.find(phrase, after.end()) + len(phrase))
            return apposed.group("name").rstrip(".") if apposed and phrase.islower() else phrase
    # "outperforms the GEMM-based algorithm by up to 62%", "surpassing the prior LISA-7B by 18%"
    verb = None
    doing = bounds[0] > 0 and _WHILE_DOING.match(s.text, bounds[0]) is not None  # "... while increasing X by N"
    for verb in _BASE_VERB.finditer(s.text, max(0 if doing else left, start - (200 if doing else 150)), start):  # noqa: B007
        pass
    if verb is not None:
        by = _BY.search(s.text, verb.end(), start)
        # "improves over the MV-SAM3D baseline by reducing CD and LPIPS by 2.20% and 2.02% while increasing PSNR
        # and SSIM by 2.36%": every "by <verb>ing" clause is a way of improving over the same rival
        gerunds = doing and by is not None and _BY_DOING.search(s.text, verb.end(), by.start()) is not None
        if by is not None and (by.start() - verb.end() < 90 or (gerunds and by.start() - verb.end() < 200)):
            # "outperforms W2 by 1.26times and 2:4 pruning by 2.35times": each value's own object
            begin = verb.end()
            if bounds[0] > begin and not gerunds:
                joint = _JOINT.search(s.text, bounds[0], by.start())
                begin = joint.end() if joint else begin
            return _phrase(s.text[:by.start()], begin, by.start())
    # "perform favorably over original SAM with ~20x speedup": the rival named just before "with"
    rival_with = _RIVAL_WITH.search(s.text, max(left, bounds[0], start - 150), start)
    # a factor an "achieving" reaches is a multiple of the rival's; a percentage may be a level of its own
    # ("compared to other unified models, achieving 74% on GenEval")
    if rival_with and (factor or not rival_with.group("gerund")):
        return _phrase(s.text, rival_with.start("who"), rival_with.end("who"))
    # "attaining more than 2.5x the average relative held-out gain of Codex and Claude Code": a multiple of theirs
    multiple = _MULTIPLE_OF.match(s.text, end)
    if multiple:
        return _phrase(s.text, multiple.end(), min(len(s.text), multiple.end() + 80))
    # "outperforms the 300-times larger Idefics-80B model": the rival the factor describes
    if _RIVAL_BEFORE.search(s.text, max(0, start - 40), start):
        described = _DESCRIBED.match(s.text, end)
        named = _phrase(s.text, described.end(), min(len(s.text), described.end() + 80)) if described else None
        if named and re.search(r"[A-Z0-9]", named):  # a name, not "a 14x larger model"
            return named
    # "with only about 60% of the NFE, eMIGM outperforms the state-of-the-art continuous diffusion models"
    if _WITH_SHARE.search(s.text, max(0, start - 40), start) and (main := _MAIN_RIVAL.match(s.text, end)):
        return _phrase(s.text, main.end(), min(len(s.text), main.end() + 80))
    # "reduces evaluation time to 10% of traditional methods": a share of a rival is against it
    share_of = _SHARE_OF.match(s.text, end, limit)
    if share_of:
        return share_of.group("who")
    # "requires only about 19.3% of the training compute used by Z-Image": a share of what a rival spends
    used_by = _USED_BY.match(s.text, end, limit)
    if used_by:
        return _phrase(s.text, used_by.end(), limit)
    # "Compared to LLaVa-OneVision at the highest resolution, FastVLM achieves ... 85times faster TTFT"
    lead = _BASE_LEAD.match(s.text)
    if lead and lead.end() < start:
        return _phrase(s.text, lead.end(), start)
    # "... surpasses the state-of-the-art NeRF-based method by 3.84 dB while enjoying 1000x inference speed",
    # "performance comparable to X while requiring less than 40% of the NFE": across a "while"
    joint = _WHILE_BEFORE.search(s.text, max(0, start - 90), start)
    if joint:
        rival = None
        for rival in _RIVAL.finditer(s.text, max(0, joint.start() - 200), joint.start()):  # noqa: B007 - the last
            pass
        # "matches DeiT-B's accuracy while using only 27% of the parameters": a share of what it matched; but
        # "matches Full Attention reasoning accuracy while achieving 2.5x higher throughput" beats no one (set B)
        if rival is not None and (not rival.group(0).lower().startswith("match") or share):
            return _phrase(s.text, rival.end(), joint.start())
    return None


_RIVAL_BEFORE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|rival(?:s|ing)?|match(?:es|ing)?)\s+"
                           r"(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_DESCRIBED = re.compile(r"\s*(?:larger|bigger|smaller|slower|faster|more expensive|costlier)\s+")
_WITH_SHARE = re.compile(r"\bwith\s+(?:only\s+|just\s+|merely\s+)?(?:about\s+|around\s+|roughly\s+|approximately\s+|~)?$",
                         re.IGNORECASE)
_MAIN_RIVAL = re.compile(r"[^,;.]{0,60},\s+(?:[\w.-]+\s+){1,3}?(?:outperform\w*|surpass\w*|beat(?:s|ing)?|"
                         r"rival(?:s|ing)?|match(?:es|ing)?|exceed\w*)\s+")
_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,3})\s*(?:[.;)]|$)")
_BY_DOING = re.compile(r"\bby\s+\w+ing\b")
_WHILE_DOING = re.compile(r"\s*,?\s*(?:while|and)\s+\w+ing\b")
_MULTIPLE_OF = re.compile(r"\s*(?:[x×]|times)?\s+the\s+(?:[\w-]+\s+){0,4}?(?:gains?|improvements?|performance|accuracy|speed|"
                          r"throughput|scores?)\s+of\s+")
_BRACKET_RIVAL = re.compile(r"\b(?:over|than|compared (?:to|with)|relative to|versus|vs\.?|against)\s+(?:the\s+)?"
                            rf"(?:{_RIVAL_NAME}[^()]{{1,40}}\)\s?(?:,\s?|and\s|or\s|,\sand\s)\s?)*"
                            r"(?P<who>[\w.+-]+(?:\s[\w.+-]+){0,2})\s?\(\s?\+$", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s*of\s+(?:the\s+)?(?P<who>(?:(?!(?:our|their|its|this)\b)[\w-]+\s+){0,3}?"
                       r"(?:methods|baselines|approaches|counterparts|(?:baseline|standard|conventional|traditional|"
                       # "retaining 99.8-100% of the baseline score" (set F): what is kept of a score, no rival
                       r"vanilla|existing)\s+(?!(?:scores?|accuracy|performance|quality)\b)\w+"
                       r"(?:\s+(?:models?|methods?|approach|attention))?))\b")
_RIVAL_WITH = re.compile(r"\b(?:over|than|compared (?:to|with)|relative to|versus|vs\.?|against|"
                         r"comparabl[ey] (?:to|with)|on par with|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?|"
                         r"match(?:es|ing|ed)?|rival(?:s|ing)?|beat(?:s|ing)?)\s+(?P<who>[^,;:]{1,60}?)"
                         # "outperforms state-of-the-art evolutionary search methods, achieving an average 2.10x"
                         r"(?:,?\s+with|,\s+(?P<gerund>achieving|delivering|yielding))\s+"
                         r"(?:(?:a|an|up to|about|around|nearly|over|approximately|roughly|average)\s+)*(?:~|∼|\\?sim\s?)?$",
                         re.IGNORECASE)
_USED_BY = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:used|required|needed|consumed|spent|incurred|"
                      r"taken)\s+by\s+", re.IGNORECASE)
_WHILE_BEFORE = re.compile(r"\bwhile\b[^,;:]{0,80}$")
# "competitive QA performance compared to advanced RAG baselines while consuming 3x to 10x fewer" (set F)
_RIVAL = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|comparable (?:to|with)|on par with|"
                    r"compared (?:to|with)|match(?:es|ing)?)\s+", re.IGNORECASE)


# ---- the values of one sentence ------------------------------------------------------------------

# a spelled-out factor must say what it multiplies: not "threefold advantages", "three times closer"
_WORD_FACTOR_NEXT = re.compile(
    r"\s+(?:\w+[\s-]){0,2}?(?:faster|slower|speed-?ups?|speed|more|less|fewer|larger|smaller|higher|lower|"
    r"increase|reduction|decrease|improvement|gain|acceleration|as\b|cheaper|longer|shorter)", re.IGNORECASE)


_RATE_BEFORE = re.compile(r"\b(?:every|each|per)\s+(?:additional\s+)?$", re.IGNORECASE)
# the sign before the number ("an average speedup of x17.7", "speedups of x17.8 on H100, x19.0 on RTX 3090"):
# read only as the object of a word of speed in the same clause ("of", "reaching", or the next item of its
# list), since "x86", "x264" and a super-resolution "x4" are names and settings (set F: CUDA-L1)
_SIGN_FIRST = re.compile(rf"(?<![\w.])[x×](?P<low>{_NUM})(?![\w%]|\.\d)")
_SPEEDUP = r"speed-?ups?|accelerations?"
_SPEEDUP_NOUN = re.compile(rf"(?:{_SPEEDUP})$")  # a word of ``words``: lower case
# the speedup as the subject of a change, the value where it goes: "the speedup of X over Y is lower than claimed
# and decreases with model size to only 1.1x", "decreasing from 1.4x over AdamW ... to merely 1.1x"
_SPEEDUP_LEVEL = re.compile(rf"\b(?:{_SPEEDUP})\b(?P<subject>(?:[^;:.]|\.\d){{0,120}}?)\b(?:decreas|declin|drop|fall|"
                            r"fell|shrink|increas|grow|rise|rising|climb)\w*\b(?:[^;:.]|\.\d){0,80}?\b(?:from|to)\s+"
                            r"(?:only\s+|merely\s+|just\s+|about\s+|around\s+)?$", re.IGNORECASE)
# the measures of speed (results.py files them under one column)
SPEED_MEASURES = frozenset({"speed", "latency", "throughput", "time"})
_SPEED_BEFORE = re.compile(rf"\b(?:{_SPEEDUP})\b(?:[^.;:()]|\.(?=\d)){{0,80}}"
                           r"(?:\b(?:of|reaching|reaches|by|is|are|and)\s+|,\s*)$", re.IGNORECASE)


def _raw_factors(text: str) -> list[tuple[int, int, float, float]]:
    out = []
    for m in FACTOR.finditer(text):
        spelled = m.group("word") or m.group("glued") or m.group("twice")
        if spelled:
            # "ten-fold throughput" names a measure; "roughly three times closer to X than Y" none (set C)
            if not _WORD_FACTOR_NEXT.match(text, m.end()) \
                    and not any(_measure(w) for w in words(text[m.end():m.end() + 40])[:2]):
                continue
            low = high = _WORDNUM[spelled.lower()]
        else:
            low = _value(m.group("low") or m.group("flow"))
            high = _value(m.group("high")) if m.group("high") else low
        if m.group("times") and (_GRID.match(text, m.end() - len(m.group("times")))
                                 or _HARDWARE_COUNT.match(text, m.end())):
            continue
        if low > high or low <= 0 or (low == high == 1.0):
            continue
        if _RATE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "grows by 28 percentage points for every tenfold increase": the step of a rate, no result
        out.append((m.start(), m.end(), low, high))
    for m in _SIGN_FIRST.finditer(text):
        value = _value(m.group("low"))
        if value > 1.0 and _SPEED_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            out.append((m.start(), m.end(), value, value))
    return sorted(out)


def _earlier(s: Sentence, start: int, end: int) -> bool:
    """A value that belongs to someone else: "compared to 2.32x achieved by DistriFusion", "the literature (5-10x)",
    "surpassing LoRA (89.1%) and LoRA+ (90.2%)"."""
    if _BASELINE_BEFORE.search(s.text, max(0, start - 80), start) or _EARLIER_AFTER.match(s.text, end) \
            or _RIVAL_SCORE.search(s.text, max(0, start - 120), start):
        return True
    left, _right = s.clause(start, end)
    # "--a feat infeasible for previous methods--": an aside between dashes is not the value's subject
    clause = _ASIDE.sub(" ", s.text[left:start])
    # "drops of more than 10%": "more than" bounds the value, it compares nothing
    return bool(_EARLIER_SUBJECT.search(clause)) and not _COMPARING.search(_FILLER.sub(" ", clause))


def _spans(sentence: str) -> list[tuple[int, int, str, float, float]]:
    found = [(a, b, "x", low, high) for a, b, low, high in _raw_factors(sentence)]
    taken = [(a, b) for a, b, *_ in found]
    for m in PERCENT.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        low = _value(m.group("low"))
        high = _value(m.group("high")) if m.group("high") else low
        step = _STEP.fullmatch(m.group(0))
        if step and _FROM.search(sentence, max(0, m.start() - 6), m.start()):
            # "(94.0% to 94.8%)", "from 62% to 71%": a change, two values; the first is where it started
            found.append((m.start(), m.start() + step.end("a"), "%", low, low))
            found.append((m.start() + step.start("b"), m.end(), "%", high, high))
        elif low <= high:
            found.append((m.start(), m.end(), "%", low, high))
    return sorted(found)


_MAYBE = re.compile(r"\d|twice|fold|times")
_STEP = re.compile(rf"(?P<a>(?:\\?sim|~|∼)?(?:{_NUM})\s?(?:\\?%|percent\b))\s?(?:to|->|→)\s?(?P<b>.*)")
_FROM = re.compile(r"(?:\bfrom\s|\()$")


def _starting_points(sentence: str, spans: list[tuple[int, int, str, float, float]]) -> set[int]:
    """The first value of "from 62% to 71%" / "(94.0% to 94.8%)" is a starting point, not a result."""
    return {a for (a, b, unit, _l, _h), nxt in pairwise(spans)
            if unit == nxt[2] and _FROM.search(sentence, max(0, a - 6), a)
            and (re.fullmatch(r"\s?(?:to|->|→)\s?", sentence[b:nxt[0]])
                 or (unit == "x" and _FACTOR_STEP.fullmatch(sentence, b, nxt[0])))}


# "from 0.26x of QuaRot to merely 0.07x": whose the first factor was, then where it went
_FACTOR_STEP = re.compile(r"\s(?:of\s+[\w.+-]+(?:\s[\w.+-]+)?\s)?to\s(?:(?:merely|only|just|about|around|nearly)\s)?")


def numbers(sentence: str) -> list[Number]:
    """Every factor and every percentage that says what it measures, in sentence order."""
    if not _MAYBE.search(sentence):
        return []  # most sentences hold no number at all: skip the clause analysis
    spans = _spans(sentence)
    if not spans:
        return []
    s = Sentence(sentence)
    origins = _starting_points(sentence, spans)
    out: list[Number] = []
    for i, (start, end, unit, low, high) in enumerate(spans):
        bounds = (spans[i - 1][1] if i else 0, spans[i + 1][0] if i + 1 < len(spans) else len(sentence))
        before, after, clause = _window(s, start, end)
        if unit == "x":
            kind = _factor_kind(before, after, clause)
        else:
            pct = _nearest(before, after, _PCT_KINDS)
            kind = pct[0] if pct else "other"
        w = _own_words(s, start, end, bounds)
        metric: str | None
        how: str | None
        if unit == "%" and _SCORE_CHANGE_AFTER.match(sentence, end):
            metric, how = "accuracy", "noun"
        else:
            metric, how = _metric(w)
        if metric is None:
            metric, how = _metric_nearby(s, start, end, bounds, unit)
        if metric == "accuracy" and _QUALITY_BENCHMARK.search(sentence, max(bounds[0], start - 60),
                                                             min(bounds[1], end + 60)):
            metric = "quality"
        if unit == "x" and metric is None and kind == "speedup":
            metric, how = "speed", "implied"
        if unit == "x" and how == "implied" and metric == "accuracy" and _about_systems(sentence):
            # "outperforms ... evolutionary search methods, achieving an average 2.10x improvement and up to a 14.3x
            # gain on complex MoE kernels" (set F: K-Search): a kernel's gain is its speed; read from the whole
            # sentence, so unsure
            metric, how = "speed", "sentence"
            kind = "speedup" if kind == "other" else kind
        # "performance"/"improvement" alone only suggests accuracy: shown, but as unsure
        sure = metric is not None and how != "sentence" and not (how == "implied" and metric in ("accuracy", "quality"))
        # "(compared to 78.2% and 35.3% pass@1)": a value listed right after someone else's is theirs too
        listed_after_theirs = bool(out) and not out[-1].own and out[-1].start not in origins \
            and _THEIR_LIST.fullmatch(sentence, out[-1].end, start) is not None
        own = not _earlier(s, start, end) and start not in origins and not listed_after_theirs
        direction = _direction(w, s, start, end, unit, metric, _FACTOR_DIRECTION.get(kind) if unit == "x" else None)
        reached = bool(i) and spans[i - 1][0] in origins  # "from 51% to 55%": a level reached, not a share
        if metric in _COSTS and _MORE_EFFICIENT.match(sentence, end):
            direction = "reduction"  # "523x more efficient (1817.2 vs. 4.34 TFLOPs)": less of the cost
        if reached and (verb := _nearest(w.clause, [], _DIRECTIONS)) is not None:
            direction = verb[0]  # "reduces the slowdown ... from 0.26x of QuaRot to merely 0.07x": the verb's way
        # ... nor a gain over a rival: "from 39.39% to 60.61% over its base model" (set E), as in _lists
        baseline = _baseline(s, start, end, bounds, unit == "%" and _is_share(s, start, end), unit == "x") \
            if own and not reached else None
        level = _SPEEDUP_LEVEL.search(sentence, max(0, start - 240), start) if unit == "x" else None
        if level is not None:
            # "the actual speedup of many proposed optimizers over well-tuned baselines is lower than claimed and
            # decreases with model size to only 1.1x" (set F): the verb moves the speedup; the value is one
            kind, direction = "speedup", "gain"
            if metric not in SPEED_MEASURES:
                metric, sure = "speed", True
            rival = _BASE_AFTER.search(sentence, level.start(), level.end("subject"))
            if baseline is None and own and rival is not None:
                baseline = _phrase(sentence, rival.end(), level.end("subject"))
        # "three times higher than random guess accuracy"; not "more categories than existing datasets"
        named = _measure(words(baseline)[-1]) if baseline and metric is None and words(baseline) else None
        if named in _SCORES | {"latency", "throughput", "memory", "energy", "cost", "time"}:
            metric, sure = named, True
        slow = _AS_SLOW.match(sentence, end) if unit == "x" else None
        if slow:
            # "PPO is about twice as slow as ReMax per iteration": the subject is the baseline, the gain ours
            left, _right = s.clause(start, end)
            subject = _SUBJECT.search(sentence, left, start)
            kind, direction, baseline = "speedup", "gain", subject.group("who") if subject else None
        bare = unit == "%" and metric is None and kind == "other" and _nearest(before, after, _PCT_KINDS) is None
        out.append(Number(start, end, kind, low, high, unit, metric if metric in LEGACY_WHAT else None, metric,
                          baseline, own, direction, "sure" if sure else "unsure",
                          unit == "%" and _is_share(s, start, end) and not reached, bare))
    # a bare percentage ("5% of us") says nothing, unless a list it is in says what ("scores of 23.3% and 30.2%")
    levels = {n.start for n in out if n.start in origins} | {
        b[0] for a, b in pairwise(spans) if a[0] in origins}  # "from 51% to 55%": neither is against a rival
    out = _from_afar(s, _coordinated(sentence, _lists(sentence, _restated(sentence, out), levels), levels))
    return [n for n in out if not (n.bare and n.metric is None)]


_WHICH_IS = re.compile(r"[^,;]{0,60},\s+which\s+(?:is|are|was|were)\s+(?:only\s+|just\s+|about\s+|nearly\s+)?")


def _restated(sentence: str, out: list[Number]) -> list[Number]:
    """"improving accuracy by 0.8% (94.0% to 94.8%)": the bracket restates the value before it."""
    restating = False
    for i in range(1, len(out)):
        gap = sentence[out[i - 1].end:out[i].start]
        opens = re.fullmatch(r"\s*\(\s*", gap) is not None
        restating = opens or (restating and re.fullmatch(r"\s?(?:to|->|→)\s?", gap) is not None)
        # "achieves a 73.5% accuracy on MathVista, which is only 0.4% lower than ...": the same measure
        which = _WHICH_IS.fullmatch(gap) is not None
        if (restating or which) and out[i].metric is None and out[i - 1].metric is not None \
                and out[i].unit == out[i - 1].unit:
            out[i] = replace(out[i], metric=out[i - 1].metric, what=out[i - 1].what, bare=False,
                             confidence=out[i - 1].confidence if which else out[i].confidence)
    return out


_MORE_EFFICIENT = re.compile(r"\s*more\s+efficient\b")  # not "higher energy efficiency", a gain (set E)
_SCORES = frozenset({"accuracy", "error", "perplexity", "quality"})
_THEIR_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:\\?sim|~|∼)?")
_AS_SLOW = re.compile(r"\s+as\s+slow\s+as\b")
_SUBJECT = re.compile(r"(?:^|,\s+)(?P<who>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2})\s+(?:is|are|was|runs?)\b[^,]*$")
_FACTOR_DIRECTION = {"speedup": "gain", "reduction": "reduction", "compression": "reduction"}
# "GSM8K (90.8%) and MATH 500 (77.4%)": the names' brackets around each value
_LIST_GAP = re.compile(r"[\s,]*(?:and|or|/|&|to)?[\s,]*(?:in|on|for|of)?[\w\s.-]{0,30}?[\s,]*(?:and|or|to)?\s*[+~∼-]?$"
                       r"|\)[\s,]*(?:and|or)?\s+[\w\s.-]{1,30}?\s*\(\s*[+~∼-]?$")
# "by 50% on language modelling and needle-in-a-haystack tasks and 90% on passkey retrieval tasks"
# "by up to 7.4% on Wan2.1-1.3B, and by 4.9% and 5.5% on 5B and 14B models"
_PER_TASK_GAP = re.compile(r"\s+(?:on|in|for)\s+[\w\s.-]{1,70}?,?\s+and\s+(?:by\s+)?$")


def _lists(sentence: str, out: list[Number], levels: frozenset[int] | set[int] = frozenset()) -> list[Number]:
    """Values listed together share what one of them says: "3x, 2.4x and 1.6x throughput"."""
    if len(out) < 2:
        return out
    runs: list[list[int]] = [[0]]
    for i in range(1, len(out)):
        gap = sentence[out[i - 1].end:out[i].start]
        listed = "," in gap or "/" in gap or re.search(r"\b(?:and|or|to)\b", gap)
        condition = re.search(r"\b(?:at|with|under|when)\b", gap)  # "by over 20%, and at 20% pruning"
        if not condition and ((len(gap) <= 40 and listed and _LIST_GAP.fullmatch(gap)) or _PER_TASK_GAP.fullmatch(gap)):
            runs[-1].append(i)
        else:
            runs.append([i])
    result = list(out)
    for run in runs:
        if len(run) < 2:
            continue
        _respectively(sentence, result, run)
        with_base = [i for i in run if result[i].baseline]
        for i in run:
            n = result[i]
            alike = [k for k in run if k != i and result[k].unit == n.unit]
            known = [k for k in alike if result[k].metric is not None]
            if n.metric is None and known:
                donor = result[min(known, key=lambda k: (abs(k - i), -k))]
                n = replace(n, metric=donor.metric, what=donor.what, confidence=donor.confidence)
            # "improves over the provided baselines ... by 11.5%, and completes only 26.5% of sub-tasks": a new claim
            # inherits neither the way nor the rival of the one before it
            steer = [k for k in alike if result[k].direction is not None
                     and not (k < i and re.search(_NEW_CLAIM, sentence[result[k].end:n.start]))]
            if n.direction is None and steer:
                donor = result[min(steer, key=lambda k: abs(k - i))]
                # "only 1.88% inference time and 29.30% GPU memory": the list shares "only"
                n = replace(n, direction=donor.direction, share=n.share or donor.share)
            claimed = any(re.search(_NEW_CLAIM, sentence[result[k].end:n.start]) for k in with_base if k < i)
            if not n.baseline and with_base and n.own and n.start not in levels and not claimed:
                n = replace(n, baseline=result[with_base[-1]].baseline)
            result[i] = n
    return result


_COORDINATION = re.compile(r"[^,;:]{0,80}?\s(?:and|or)\s[^,;:]{0,80}")  # two claims; a comma list is _lists'
_COMPARATIVE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower|faster|slower|smaller|larger|bigger|better|"
                                r"cheaper|longer|shorter|greater)\b")
_OTHER_COMPARATIVE = re.compile(r",\s+and\s+[^,;]*\b(?:worse|better|more|less|fewer|higher|lower|faster|slower|smaller|"
                                r"larger|greater|cheaper)\b")
_COMPARED = re.compile(r"\b(?:than|over|compared|relative|versus|vs\.?|against)\b")
_NOT_COORDINATED = re.compile(r"\b(?:while|whereas|but|which|than|over|compared|relative|versus|vs|against|unlike)\b")


def _coordinated(sentence: str, out: list[Number], levels: frozenset[int] | set[int]) -> list[Number]:
    """Claims joined by "and" share the comparison after the last: "improve p95 TTFT by 6.9-15.5% and p95
    end-to-end (E2E) latency by 14.3-30.9% over baseline load-balancing policies"."""
    result = list(out)
    for i in range(len(result) - 2, -1, -1):
        n, nxt = result[i], result[i + 1]
        if n.baseline or not n.own or not nxt.own or not nxt.baseline or n.start in levels or nxt.start in levels:
            continue
        gap = sentence[n.end:nxt.start]
        named = max(nxt.end, sentence.find(nxt.baseline, nxt.end))
        # "is 1.6times more accurate, 4.6times more concise, and conveys 5.5times more bits ... than its 1.5B
        # sibling": comparatives listed with commas share the one "than"
        comparatives = _COMPARATIVE_AFTER.match(sentence, n.end) and _COMPARATIVE_AFTER.match(sentence, nxt.end) \
            and re.search(r"\bthan\b", sentence[nxt.end:named]) and not re.search(r"[;:]", gap)
        if len(gap) <= 120 and (_COORDINATION.fullmatch(gap) or comparatives) and not _NOT_COORDINATED.search(gap) \
                and _COMPARED.search(sentence, nxt.end, named):
            result[i] = replace(n, baseline=nxt.baseline)
    return result


def _respectively(sentence: str, result: list[Number], run: list[int]) -> None:
    """"15x, 46x and 108x faster than FlowVid, CoDeF and Rerender, respectively": one baseline (or measure) each."""
    last = result[run[-1]]
    tail = sentence[last.end:last.end + 300]
    stop = tail.find("respectively")
    if stop < 0:
        return
    marker = _BASE_AFTER.search(tail, 0, stop)
    pieces = tail[marker.end() if marker else 0:stop]
    if not marker:
        lead = re.search(r"\b(?:for|in|on)\s+", pieces)
        pieces = pieces[lead.end():] if lead else ""
    names = [n.strip(" ,") for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", pieces) if n.strip(" ,")]
    condition = _CONDITION_IN_NAME.search(names[0]) if marker and names else None
    shared = _phrase(tail, marker.end(), stop) if condition and marker else None
    if shared and not _VALUE_IN.search(tail, 0, stop):
        # "speedups over FlashAttention-2 at 128K context length under FP8 and BF16 precision, respectively":
        # the list is of conditions; the one baseline holds for every value
        for i in run:
            result[i] = replace(result[i], baseline=shared)
        return
    if len(names) != len(run):
        return
    for i, name in zip(run, names, strict=True):
        if marker:
            result[i] = replace(result[i], baseline=_phrase(name, 0, len(name)) or name)
        else:
            measure = _nouns(words(name), range(len(words(name))))
            if measure is not None:
                metric = measure[1]
                result[i] = replace(result[i], metric=metric, what=metric if metric in LEGACY_WHAT else None,
                                    confidence="sure")


_CONDITION_IN_NAME = re.compile(r"\s(?:at|on|in|for|under|with|using)\s")
_VALUE_IN = re.compile(rf"(?:{_NUM})\s?(?:%|[x×](?![A-Za-z0-9])|times\b)")
_OVERHEAD = re.compile(r"overheads?$")


def _from_afar(s: Sentence, out: list[Number]) -> list[Number]:
    """A value its own words say nothing about takes the clause's measure, flagged unsure:
    "reducing the GPU memory footprint ... from 207 GB to 17 GB, achieving a 92% reduction"."""
    result = []
    previous_end = previous_factor_end = 0
    afar: tuple[int, str] | None = None  # (clause start, measure) the previous value took from afar
    for i, n in enumerate(out):
        if n.metric is None:
            clause_left, _right = s.clause(n.start, n.end)
            left = max(clause_left, previous_end)
            side = words(s.text[left:n.start])[-25:]
            found = _nouns(side, range(len(side) - 1, -1, -1))
            # "yields consistent speedup gains with 99.1-100% performance retention, with up to 2.34times" (set F):
            # a factor looks past a percentage to the speedup its clause is about
            reach = words(s.text[max(clause_left, previous_factor_end):n.start]) if n.unit == "x" else side
            if found is None and any(_SPEEDUP_NOUN.match(x) for x in reach):
                found = (0, "speed")  # "boost the memory-bound speed-up for Llama-3 models ..., specifically by 16%"
                if n.unit == "x" and n.kind == "other":
                    n = replace(n, kind="speedup")
            if found is None and re.search(r"(?:--|—)\s*$", s.text[max(0, clause_left - 4):clause_left]):
                # "reduces the dataset size to just 15M -- over four times fewer than what is typically needed --":
                # an aside measures what the clause it interrupts does
                side = words(s.text[max(previous_end, clause_left - 200):clause_left])[-25:]
                found = _nouns(side, range(len(side) - 1, -1, -1))
            if found is None and afar is not None and afar[0] == clause_left:
                found = (0, afar[1])  # "... (e.g., a 48% reduction compared to DiT and a 35% reduction ...)": both
            if found is not None:
                n = replace(n, metric=found[1], what=found[1] if found[1] in LEGACY_WHAT else None, confidence="unsure")
                afar = (clause_left, found[1])
            else:
                afar = None
                # "reducing 50times offline search overhead": an overhead nothing in the clause names is a cost
                # (a named one takes its measure above: "communication volume and overhead" is bandwidth)
                bounds = (previous_end, out[i + 1].start if i + 1 < len(out) else len(s.text))
                w = _own_words(s, n.start, n.end, bounds)
                if any(_OVERHEAD.match(x) for x in w.before[-_NEAR_WORDS:] + w.after):
                    n = replace(n, metric="cost", what="cost", confidence="unsure")
        else:
            afar = None
        result.append(n)
        previous_end = n.end
        previous_factor_end = n.end if n.unit == "x" else previous_factor_end
    return result


def factors(sentence: str) -> list[Number]:
    """Every multiplicative factor this sentence claims for the paper's own work."""
    return [n for n in numbers(sentence) if n.unit == "x" and n.own]


def percentages(sentence: str) -> list[Number]:
    """Percentages whose clause says what they measure; bare ones are left out."""
    return [n for n in numbers(sentence) if n.unit == "%" and n.own]
