"""The factors and percentages of one sentence, each read by the rules of the sibling modules."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..text import words
from .baselines import _BASE_AFTER, _baseline, _earlier, _phrase, within_of
from .measures import (
    _CHANGE_VERBS,
    _COSTS,
    _DIRECTIONS,
    _IMPLIED,
    _PCT_KINDS,
    _QUALITY_BENCHMARK,
    _SCORE_CHANGE_AFTER,
    _SPEEDUP,
    LEGACY_WHAT,
    SPEED_MEASURES,
    _about_systems,
    _direction,
    _factor_kind,
    _is_share,
    _lead_in,
    _measure,
    _metric,
    _metric_nearby,
    _nouns,
    lead_direction,
)
from .neighbours import _coordinated, _from_afar, _lists, _restated, _said_again
from .sentence import _NUM, _TIMES, _WORDNUM, Number, Sentence, _nearest, _own_words, _value, _window

# LaTeX writes a range with a double dash ("1.28times--1.63times", "98.36%--104.24%"); its \sim may
# keep its braces ("1.2{sim}1.3times")
# "the 5-to-10-fold increase" (set N: Semantic Entropy Probes) joins the range with hyphens
# "the efficiency saving of GPU hours from 22\% up to 43\%" (set N: TreePO) spans a range with "up to"
_SEP = r"\s?(?:--|-to-|-|–|—|~|∼|\{?(?:\\sim|sim)\}?|(?:up\s)?to)\s?"
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
# a spread after the value ("69.8 pm 0.5% GSM8K pass@1", "72.1 ± 0.4%"): the value is the first number, not
# the spread the percent sign follows
_SPREAD = rf"(?:\s?(?:±|\+/-|\\pm\b|\bpm\b)\s?(?:{_NUM}))"
PERCENT = re.compile(
    rf"(?<![\w.])(?:\\?sim|~|∼)?(?P<low>{_NUM})\s?(?:\\?%|percent\b)?{_SPREAD}?(?:{_SEP}(?P<high>{_NUM}))?\s?"
    r"(?:\\?%|percent\b)p?"
)
# a grid, resolution or kernel: 1024x1024, 3x3, 64times64 (the first number would read as a factor)
_GRID = re.compile(r"\s?(?:[x×X]|times)\s?\d")
_HARDWARE_COUNT = re.compile(r"\s*(?:NVIDIA\s+|Nvidia\s+)?(?:[AHVPTLK]\d{2,3}|MI\d|GPUs?\b|nodes?\b|RTX|TPU|cores?\b)")



# a spelled-out factor must say what it multiplies: not "threefold advantages", "three times closer"
_WORD_FACTOR_NEXT = re.compile(
    r"\s+(?:\w+[\s-]){0,2}?(?:faster|slower|speed-?ups?|speed|more|less|fewer|larger|smaller|higher|lower|"
    r"increase|reduction|decrease|improvement|gain|acceleration|as\b|cheaper|longer|shorter)", re.IGNORECASE)


_RATE_BEFORE = re.compile(r"\b(?:every|each|per)\s+(?:additional\s+)?$", re.IGNORECASE)
# the sign before the number ("an average speedup of x17.7", "speedups of x17.8 on H100, x19.0 on RTX 3090"):
# read only as the object of a word of speed in the same clause ("of", "reaching", or the next item of its
# list), since "x86", "x264" and a super-resolution "x4" are names and settings (set F: CUDA-L1)
# LaTeX's "\times3.23" arrives as "times3.23" (set H: Token Sparse Attention, "achieving up to times3.23 attention
# speedup at 128K context"): the same sign, read when a word of speed follows within two words
_SIGN_FIRST = re.compile(rf"(?<![\w.])(?:[x×]|times)(?P<low>{_NUM})(?![\w%]|\.\d)")
_SPEED_NEXT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:speed-?ups?|faster|acceleration|higher throughput)\b", re.IGNORECASE)
# the speedup as the subject of a change, the value where it goes: "the speedup of X over Y is lower than claimed
# and decreases with model size to only 1.1x", "decreasing from 1.4x over AdamW ... to merely 1.1x"
_SPEEDUP_LEVEL = re.compile(rf"\b(?:{_SPEEDUP})\b(?P<subject>(?:[^;:.]|\.\d){{0,120}}?)\b(?:decreas|declin|drop|fall|"
                            r"fell|shrink|increas|grow|rise|rising|climb)\w*\b(?:[^;:.]|\.\d){0,80}?\b(?:from|to)\s+"
                            r"(?:only\s+|merely\s+|just\s+|about\s+|around\s+)?$", re.IGNORECASE)
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
        if value > 1.0 and (_SPEED_BEFORE.search(text, max(0, m.start() - 80), m.start())
                            or (m.group(0).startswith("times") and _SPEED_NEXT.match(text, m.end()))):
            out.append((m.start(), m.end(), value, value))
    return sorted(out)


def _spans(sentence: str) -> list[tuple[int, int, str, float, float]]:
    found = [(a, b, "x", low, high) for a, b, low, high in _raw_factors(sentence)]
    taken = [(a, b) for a, b, *_ in found]
    for m in PERCENT.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group(0).endswith("p"):
            continue  # "a +4.3%p top-1 accuracy gain" (set J: Revisiting Residual Connections): percentage points
        low = _value(m.group("low"))
        high = _value(m.group("high")) if m.group("high") else low
        step = _STEP.fullmatch(m.group(0))
        if step and _FROM.search(sentence, max(0, m.start() - 6), m.start()):
            # "(94.0% to 94.8%)", "from 62% to 71%": a change, two values; the first is where it started
            found.append((m.start(), m.start() + step.end("a"), "%", low, low))
            found.append((m.start() + step.start("b"), m.end(), "%", high, high))
        elif low <= high:
            found.append((m.start(), m.end(), "%", low, high))
    return _ranged(sentence, sorted(found))


# "relative improvements ranging from +159% to +316%" (set P: EvoMaster), "Lucky rates range from 0.5% to 23.2%" (set
# G): what ranges from one value to another spans both, as "159-316%" does; it did not move from one to the other
_RANGING_FROM = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s+[+]?$", re.IGNORECASE)
_RANGING_TO = re.compile(r"\s+to\s+[+]?")


def _ranged(sentence: str, spans: list[tuple[int, int, str, float, float]]) -> list[tuple[int, int, str, float, float]]:
    out: list[tuple[int, int, str, float, float]] = []
    for span in spans:
        if out:
            a, _b, unit, low, _high = out[-1]
            if unit == span[2] and low <= span[4] and _RANGING_FROM.search(sentence, max(0, a - 30), a) \
                    and _RANGING_TO.fullmatch(sentence, _b, span[0]):
                out[-1] = (a, span[1], unit, low, span[4])
                continue
        out.append(span)
    return out


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
    reached = False
    led: set[int] = set()  # clauses whose first value took its measure from the words before a colon
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
        if kind == "compression" and metric in ("accuracy", "quality") and how == "noun":
            # "sustains near-full KV accuracy under 4-6x compression" (set P: EpiCache): a compression ratio shrinks
            # something; the score before it is what holds under it, the noun that score qualifies what is compressed
            unscored = [x for x in w.before if _measure(x) not in ("accuracy", "quality")]
            found = _nouns(unscored, range(len(unscored) - 1, -1, -1))
            metric, how = (found[1], "noun") if found else (None, None)
        # "boosting the average percentage of peak throughput from 49% to 61% on Trainium 1 and from 45% to 59% on
        # Trainium 2" (set O: AccelOpt): a level reached, and the next "and from" pair, measure what the first did
        stepped = bool(i) and out and out[-1].start == spans[i - 1][0] and spans[i - 1][2] == unit and (
            spans[i - 1][0] in origins or (start in origins and _AND_FROM.fullmatch(sentence, spans[i - 1][1], start)))
        if stepped and how != "noun" and out[-1].metric is not None and out[-1].confidence == "sure":
            metric, how = out[-1].metric, "noun"
        if metric is None and unit == "%" and _BYTES_BEFORE.search(sentence, max(0, start - 30), start):
            # "The resulting state occupies 1.29 GB, 2.6% of AdamW's" (set M: SkewAdam): a share restating a size in
            # bytes is a share of memory
            metric, how = "memory", "noun"
        if metric is None and s.clause(start, end)[0] in led:
            metric, how = _lead_in(s, start, end, opened=True), "lead"
        if how == "lead":
            led.add(s.clause(start, end)[0])
        if metric == "accuracy" and _QUALITY_BENCHMARK.search(sentence, max(bounds[0], start - 60),
                                                             min(bounds[1], end + 60)):
            metric = "quality"
        if how == "lead" and kind == "other" and metric in SPEED_MEASURES:
            kind = "speedup"  # "throughput gain: 1.69x over dense vLLM" (set I: OasisKV)
        if unit == "x" and metric is None and kind == "speedup":
            metric, how = "speed", "implied"
        if unit == "x" and how == "implied" and metric == "accuracy" and out and out[-1].metric is not None \
                and _WITH_GAIN.fullmatch(sentence, out[-1].end, start):
            # "achieves 34.22% Model FLOPs Utilization (MFU) with a 2.93x improvement over the open-source baseline
            # recipe" (set I: SLAI T-Rex): the improvement is of the measure just reported
            metric, how = out[-1].metric, "noun"
        if unit == "x" and how == "implied" and metric == "accuracy" and _about_systems(sentence):
            # "outperforms ... evolutionary search methods, achieving an average 2.10x improvement and up to a 14.3x
            # gain on complex MoE kernels" (set F: K-Search): a kernel's gain is its speed; read from the whole
            # sentence, so unsure
            metric, how = "speed", "sentence"
            kind = "speedup" if kind == "other" else kind
        # "TokenAdapt typically reduced the overall perplexity ratio significantly compared to ReTok, yielding at least a
        # 2-fold improvement in these aggregate scores" (set O: Achieving Tokenizer Flexibility): "these" points back to
        # the change just described, so its measure and its rival are that clause's
        resulting = _RESULTING.search(sentence, max(bounds[0], start - 60), start)
        pointed_back = resulting is not None and _THESE_AFTER.match(sentence, end) is not None
        if resulting is not None and pointed_back:
            prior = words(sentence[bounds[0]:resulting.start()])
            named_before = _nouns(prior, range(len(prior) - 1, -1, -1))
            if named_before is not None:
                metric, how = named_before[1], "noun"
        # "reduces final perplexity from 13.21 to 10.74, an 18.7% improvement" (set G: Learn-by-Wire): the value
        # restates the change just described, so the measure and the way are that clause's
        restated = _RESTATES.search(sentence, max(0, start - 120), start) if unit == "%" and how != "noun" else None
        # the change's own clause: "For instance, when training on reformulated traces, even the performance ..."
        changed = words(sentence[s.clause(start, end)[0]:restated.start()].rsplit(",", 1)[-1]) if restated else []
        found = _nouns(changed, range(len(changed) - 1, -1, -1)) if changed else None
        way = _nearest(changed, [], _DIRECTIONS) if changed else None
        if found is not None and way is not None:
            metric, how = found[1], "noun"
        elif changed and way is not None and (implied := _nearest(changed, [], _IMPLIED)) is not None:
            # "the performance of a large 32B student model decreases from 54.17 to 46.88 on AIME 2024, corresponding
            # to a 13.5% degradation" (set I: Information-Preserving Reformulation): a performance, so a score (unsure)
            metric, how = implied[0], "implied"
            found = (0, metric)
        # "performance"/"improvement" alone only suggests accuracy: shown, but as unsure
        sure = metric is not None and how != "sentence" and not (how == "implied" and metric in ("accuracy", "quality"))
        # "(compared to 78.2% and 35.3% pass@1)": a value listed right after someone else's is theirs too
        listed_after_theirs = bool(out) and not out[-1].own and out[-1].start not in origins \
            and (_THEIR_LIST.fullmatch(sentence, out[-1].end, start) is not None or _their_bracket(sentence, out[-1], start))
        # "to 69.8 pm 0.5% GSM8K pass@1 (from 48.7% pretrained; ...)": where the value started, in brackets after it
        started = _FROM_BRACKET.search(sentence, max(0, start - 16), start) is not None
        own = not _earlier(s, start, end) and start not in origins and not listed_after_theirs and not started
        direction = _direction(w, s, start, end, unit, metric, _FACTOR_DIRECTION.get(kind) if unit == "x" else None)
        if found is not None and way is not None:
            direction = way[0]
        if how == "lead" and direction is None:
            direction = lead_direction(s, start, end)
        if unit == "x" and kind == "other" and metric in ("throughput", "speed") and direction == "gain":
            # "improves maximum goodput by up to 5.6times" (set K: FlowPrefill), "a token-throughput improvement of
            # 2.7x-3.4x" (set K: UniQL): more of a speed is a speedup
            kind = "speedup"
        # "from 51% to 55%": a level reached, not a share; so is each step of "from 60.3% to 77.2% to 83.2%" (set O:
        # PhoneBuddy)
        reached = bool(i) and (spans[i - 1][0] in origins or (reached and _NEXT_STEP.fullmatch(sentence, spans[i - 1][1], start)
                                                              is not None and spans[i - 1][2] == unit))
        removed = _REMOVED_SHARE.match(sentence, end) if unit == "%" else None
        if removed is not None:
            # "more than 50% of the visual context can be removed with minimal performance loss" (set M: When Less is
            # Enough): the share taken away is the cut itself
            direction = "reduction"
            kind = "reduction" if kind == "other" else kind
        if metric is None and unit == "%" and (reached or start in origins) \
                and _nearest(w.clause[-12:], [], _CHANGE_VERBS) is not None:
            # "increasing correct object mention from 0% to 86%" (set J: Honest Lying): a rate that moved from one
            # level to another, named by nothing the list knows, is a score; unsure ("Lucky rates range from 0.5% to
            # 23.2%", set G, changes nothing)
            metric, sure = "accuracy", False
        if metric in _COSTS and _MORE_EFFICIENT.match(sentence, end):
            direction = "reduction"  # "523x more efficient (1817.2 vs. 4.34 TFLOPs)": less of the cost
        if reached and (verb := _nearest(w.clause, [], _DIRECTIONS)) is not None:
            direction = verb[0]  # "reduces the slowdown ... from 0.26x of QuaRot to merely 0.07x": the verb's way
        # ... nor a gain over a rival: "from 39.39% to 60.61% over its base model" (set E), as in _lists
        baseline = _baseline(s, start, end, bounds, unit == "%" and _is_share(s, start, end), unit == "x") \
            if own and not reached else None
        if baseline is None and own and resulting is not None and pointed_back:
            compared = None
            for compared in _COMPARED_IN.finditer(sentence, bounds[0], resulting.start()):  # noqa: B007 - the last
                pass
            baseline = _phrase(sentence, compared.end(), resulting.start()) if compared else None
        named_rival = _COMPARED_TO_NAME.match(sentence, end) if reached and own else None
        if named_rival:
            # "improving Acc@500m from 8.0% to 22.1% compared to Gemini-3-Pro with Google Search/Map grounded mode"
            # (set I: Thinking with Map): a level reached against a rival named after it; "over its base model" is
            # where it started, no rival (set E)
            baseline = _phrase(sentence, named_rival.end(), min(len(sentence), named_rival.end() + 120))
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
                          unit == "%" and _is_share(s, start, end) and not reached and removed is None, bare))
    # a bare percentage ("5% of us") says nothing, unless a list it is in says what ("scores of 23.3% and 30.2%")
    levels = {n.start for n in out if n.start in origins} | {
        b[0] for a, b in pairwise(spans) if a[0] in origins}  # "from 51% to 55%": neither is against a rival
    out = _from_afar(s, _coordinated(sentence, _lists(sentence, _restated(sentence, out), levels), levels))
    out = _said_again(sentence, out)
    # ... and a restating value takes a measure its first value found only from afar (set J: Ferret)
    out = _restated(sentence, out)
    out = [replace(n, baseline=within_of(s, n.start, n.end, out[i + 1].start if i + 1 < len(out) else len(sentence)))
           if n.own and n.baseline is None and n.start not in levels else n for i, n in enumerate(out)]
    # a context or sequence made shorter has fewer tokens: "reduces the octree token sequence by up to 8x" (set H:
    # Uni-3DAR), "a significant reduction in sequence length (~50%)" (set I: LC-R1), "more than 50% of the visual
    # context can be removed" (set M); a longer one is a context length
    out = [replace(n, metric="tokens", what=None) if n.metric == "context length" and n.direction == "reduction" else n
           for n in out]
    return [n for n in out if not (n.bare and n.metric is None)]


_RESULTING = re.compile(r",\s+(?:yielding|resulting\s+in|leading\s+to|giving|amounting\s+to)\s+(?:at\s+least\s+|up\s+to\s+|"
                        r"about\s+|nearly\s+|over\s+|roughly\s+)?(?:an?\s+)?$")
_THESE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:in|on|of|across)\s+(?:these|those|the\s+same)\b")
_COMPARED_IN = re.compile(r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|than|over)\s+")
_AND_FROM = re.compile(r"[^,;.]{0,60}?\s(?:and|while|but)\s+from\s+")
_NEXT_STEP = re.compile(r"\s?(?:to|->|→)\s?")
_BYTES_BEFORE = re.compile(r"\d\s?(?:[KMGTP]i?B|bytes)\s*,\s*(?:or\s+|i\.e\.,?\s+|about\s+|only\s+|just\s+)?$")
_REMOVED_SHARE = re.compile(r"\s*of\s+(?:the\s+|all\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:can|could|may|might|is|are|"
                            r"was|were|will)\s+(?:be\s+)?(?:safely\s+)?(?:removed|pruned|discarded|dropped|evicted|"
                            r"skipped|eliminated)\b", re.IGNORECASE)
_COMPARED_TO_NAME = re.compile(r"\s*,?\s+(?:compared (?:to|with)|relative to|versus|vs\.?)\s+(?=[A-Z])")
_WITH_GAIN = re.compile(r"[^,;:]{0,60}?\s(?:with|for)\s+(?:an?\s+)?(?:up to\s+|about\s+|nearly\s+|over\s+)?")
_RESTATES = re.compile(r"\bfrom\s+[\d.,]+\s?[^\s,]*\s+to\s+[\d.,]+\s?[^\s,]*(?:\s+(?:on|in)\s+[^,;]{1,30}?)?,\s+"
                       r"(?:(?:corresponding|amounting|equivalent)\s+to\s+|i\.e\.,?\s+)?(?:an?|the)\s+(?:[\w-]+\s+)?$")
_MORE_EFFICIENT = re.compile(r"\s*more\s+efficient\b")  # not "higher energy efficiency", a gain (set E)
_SCORES = frozenset({"accuracy", "error", "perplexity", "quality"})
_THEIR_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:\\?sim|~|∼)?")
# "outperforming HerBERT-PL-Guard (31.55% precision, 4.70% FPR)": inside the rival's brackets each value is
# named by its measure, and the values after the first are the rival's too
_THEIR_BRACKET_LIST = re.compile(r"\s*(?:[A-Za-z][\w@.-]*\s?){1,2},\s*(?:and\s+)?")
_FROM_BRACKET = re.compile(r"\(\s*from\s+(?:only\s+|just\s+|about\s+)?$", re.IGNORECASE)


def _their_bracket(sentence: str, theirs: Number, start: int) -> bool:
    """The value follows a rival's value inside the same brackets, after that value's measure and a comma."""
    opened = sentence.rfind("(", 0, theirs.start)
    return opened > sentence.rfind(")", 0, theirs.start) and ")" not in sentence[theirs.end:start] \
        and _THEIR_BRACKET_LIST.fullmatch(sentence, theirs.end, start) is not None
_AS_SLOW = re.compile(r"\s+as\s+slow\s+as\b")
_SUBJECT = re.compile(r"(?:^|,\s+)(?P<who>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2})\s+(?:is|are|was|runs?)\b[^,]*$")
_FACTOR_DIRECTION = {"speedup": "gain", "reduction": "reduction", "compression": "reduction"}


def factors(sentence: str) -> list[Number]:
    """Every multiplicative factor this sentence claims for the paper's own work."""
    return [n for n in numbers(sentence) if n.unit == "x" and n.own]


def percentages(sentence: str) -> list[Number]:
    """Percentages whose clause says what they measure; bare ones are left out."""
    return [n for n in numbers(sentence) if n.unit == "%" and n.own]
