"""Values that share what their neighbours say: lists, restatements, coordinated claims, "respectively",
and a clause's measure for a value whose own words name none."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..text import words
from .baselines import _BASE_AFTER, _COMPARATIVE_AFTER, _NEW_CLAIM, _phrase
from .measures import _OVERHEAD, _SPEEDUP_NOUN, LEGACY_WHAT, _nouns, _process
from .sentence import _NEAR_WORDS, _NUM, Number, Sentence, _own_words

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
# "GSM8K (90.8%) and MATH 500 (77.4%)": the names' brackets around each value
_LIST_GAP = re.compile(r"[\s,]*(?:and|or|/|&|to)?[\s,]*(?:in|on|for|of)?[\w\s.-]{0,30}?[\s,]*(?:and|or|to)?\s*[+~∼-]?$"
                       r"|\)[\s,]*(?:and|or)?\s+[\w\s.-]{1,30}?\s*\(\s*[+~∼-]?$")
# "outperforms M3-Agent with an average 2.4% accuracy gain, a 12.1times speedup, and a 2.6times improvement" (set N:
# Light-Omni): items each led by an article share the rival named before the first; a rival after a later item is
# that item's alone ("up to 41% speedup in the training phase, and a 16% end-to-end speedup over BF16 training", set B)
_ARTICLE_GAP = re.compile(r"\s[\w\s.-]{0,30}?,\s*(?:and\s+)?an?\s+$")
# "by 50% on language modelling and needle-in-a-haystack tasks and 90% on passkey retrieval tasks"
# "by up to 7.4% on Wan2.1-1.3B, and by 4.9% and 5.5% on 5B and 14B models"
# "an increase of up to 9.1% in Mean Reciprocal Rank (MRR) for Code2Code search, and up to 86.69% for Text2Code search
# tasks" (set K: LoRACode): a bracketed abbreviation and "up to" change nothing
_PER_TASK_GAP = re.compile(r"\s+(?:on|in|for)\s+[\w\s.()-]{1,70}?,?\s+and\s+(?:by\s+)?(?:up\s+to\s+|about\s+|nearly\s+)?$")
# "increases the overall action accuracy by up to 19% compared to fine-tuned VLMs, and up to 42% compared to
# prompt-engineering baselines" (set K: Lightweight Neural App Control): the same claim against each rival in turn
_PER_RIVAL_GAP = re.compile(r"\s+(?:compared\s+(?:to|with)|relative\s+to|over|versus|vs\.?|against)\s+[^,;:()]{1,60}?,?"
                            r"\s+and\s+(?:by\s+)?(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?$")

# "a 29.2% absolute improvement over the base model on GSM8K (+2.9 pp vs. instruction-tuned, ...), 8.7% on MATH,
# 13.1% on GPQA" (set I: Synthetic Data RL): the claim, then the same claim on each further benchmark
_PER_BENCHMARK_GAP = re.compile(r"[^;:]{0,80}?\s(?:on|in|for)\s+[\w.+-]+(?:\s[\w.+-]+){0,2}\s*(?:\([^()]{0,80}\))?"
                                r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
_ON_NAME_AFTER = re.compile(r"\s+(?:on|in|for)\s+(?:the\s+)?[A-Z]")


# "a 15.5% FID improvement over the FP16 4-step Latent Consistency Model and a 16.6% improvement over the FP16 8-step
# Phased Consistency Model" (set O: Q-Sched): the same claim against the next rival, its noun said once in full
_AGAIN_GAP = re.compile(r"\s+(?:[\w@-]+\s+){1,3}?(?P<head>improvements?|gains?|reductions?|increases?|decreases?|drops?)\s+"
                        r"(?:over|compared\s+(?:to|with)|relative\s+to|versus|vs\.?|against)\s+[^,;:()]{1,80}?,?\s+and\s+"
                        r"(?:an?\s+)?(?:up\s+to\s+|about\s+|nearly\s+|over\s+)?$")


def _said_again(sentence: str, out: list[Number]) -> list[Number]:
    """A claim repeated against another rival, its measure left out, measures what the first named."""
    result = list(out)
    for i in range(1, len(result)):
        first, n = result[i - 1], result[i]
        again = _AGAIN_GAP.fullmatch(sentence, first.end, n.start)
        if again is None or n.unit != first.unit or first.metric is None or first.confidence != "sure" \
                or n.confidence == "sure":
            continue
        if re.match(rf"\s*{re.escape(again.group('head'))}\b", sentence[n.end:]):
            result[i] = replace(n, metric=first.metric, what=first.what, confidence="sure", bare=False)
    return result


def _lists(sentence: str, out: list[Number], levels: frozenset[int] | set[int] = frozenset()) -> list[Number]:
    """Values listed together share what one of them says: "3x, 2.4x and 1.6x throughput"."""
    if len(out) < 2:
        return out
    runs: list[list[int]] = [[0]]
    forward = set()  # items joined by an article: the rival passes only forward
    for i in range(1, len(out)):
        gap = sentence[out[i - 1].end:out[i].start]
        listed = "," in gap or "/" in gap or re.search(r"\b(?:and|or|to)\b", gap)
        condition = re.search(r"\b(?:at|with|under|when)\b", gap)  # "by over 20%, and at 20% pruning"
        per_benchmark = _PER_BENCHMARK_GAP.fullmatch(gap) and _ON_NAME_AFTER.match(sentence, out[i].end)
        # "to 95%, which is 46% higher than Rainbow Teaming" (set J: Ferret): the second restates the first against a
        # rival; the first is a level, not an item of a list sharing that rival
        if _WHICH_IS.fullmatch(gap):
            runs.append([i])
        elif not condition and ((len(gap) <= 40 and listed and _LIST_GAP.fullmatch(gap)) or _PER_TASK_GAP.fullmatch(gap)
                              or per_benchmark or _PER_RIVAL_GAP.fullmatch(gap)):
            runs[-1].append(i)
        elif not condition and _ARTICLE_GAP.fullmatch(gap):
            runs[-1].append(i)
            forward.add(i)
        else:
            runs.append([i])
    result = list(out)
    for run in runs:
        if len(run) < 2:
            continue
        _respectively(sentence, result, run)
        _measures_in_order(sentence, result, run)
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
            donors = [k for k in with_base if k < i or not any(j in forward for j in range(i + 1, k + 1))]
            if not n.baseline and donors and n.own and n.start not in levels and not claimed:
                n = replace(n, baseline=result[donors[-1]].baseline)
            result[i] = n
    return result


_COORDINATION = re.compile(r"[^,;:]{0,80}?\s(?:and|or|(?P<with>with))\s[^,;:]{0,80}")  # two claims; a comma list is _lists'
_COMPARED = re.compile(r"\b(?:than|over|compared|relative|versus|vs\.?|against)\b")
# "achieves a 99\\% reduction in token usage and improves macro-averaged AUC by up to 7\\% over traditional ICL" (set O:
# Distilling Examples into Task Instructions): a second claim with a verb of its own is compared on its own, unless
# both are comparatives sharing one "than" ("runs 4.8x faster, and achieves 20.7% higher top-1 accuracy than DeiT-T",
# bundled ViG)
_OWN_VERB = re.compile(r"\s(?:and|or)\s+(?:also\s+|further\s+|even\s+)?(?:improv|reduc|increas|boost|achiev|attain|lower|"
                       r"cut|yield|deliver|accelerat|rais|decreas|enhanc|outperform|surpass|speed)\w*s\b")
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
        joined = _COORDINATION.fullmatch(gap)
        # "achieves up to 1.6times speedup with nearly 5\\% improvement in downstream task accuracy compared to standard
        # training" (set O: Late-to-Early Training): a change "with" another shares its rival; a level does not ("34.22%
        # MFU with a 2.93x improvement over the open-source baseline recipe", set I: SLAI T-Rex)
        if joined is not None and joined.group("with") is not None and n.direction is None:
            joined = None
        if len(gap) <= 120 and (joined or comparatives) and not _NOT_COORDINATED.search(gap) \
                and _COMPARED.search(sentence, nxt.end, named) \
                and (comparatives or not _OWN_VERB.search(gap)):
            result[i] = replace(n, baseline=nxt.baseline)
    # "the fused implementation is 1.5-2.0x faster than Hugging Face PEFT's DoRA implementation for inference and
    # 1.5-1.9x faster for gradient computation" (set I: Scaling DoRA): the same comparative again, with no "than" of
    # its own, is against the same rival
    for i in range(1, len(result)):
        prev, n = result[i - 1], result[i]
        if n.baseline or not prev.baseline or not n.own or not prev.own or n.start in levels or n.unit != prev.unit:
            continue
        first, again = _COMPARATIVE_AFTER.match(sentence, prev.end), _COMPARATIVE_AFTER.match(sentence, n.end)
        if first and again and first.group(0).strip().lower() == again.group(0).strip().lower() \
                and _SAME_COMPARISON.fullmatch(sentence, first.end(), n.start) \
                and not _COMPARED.search(sentence, again.end(), again.end() + 40):
            result[i] = replace(n, baseline=prev.baseline)
    return result


_SAME_COMPARISON = re.compile(r"\s+than\s+[^,;:]{1,100}?\s+and\s+(?:up to\s+|about\s+|nearly\s+)?")


def _respectively(sentence: str, result: list[Number], run: list[int]) -> None:
    """"15x, 46x and 108x faster than FlowVid, CoDeF and Rerender, respectively": one baseline (or measure) each."""
    last = result[run[-1]]
    tail = sentence[last.end:last.end + 300]
    stop = tail.find("respectively")
    if stop < 0:
        return
    shared_base = {result[i].baseline for i in run} - {None}  # the first value's, the others take it later
    if not tail[:stop].strip(" ,") and len(shared_base) == 1 and (joined := shared_base.pop()):
        # "it outperforms MMS 1B and w2v-BERT 2.0 v2 by 0.8% and 4.4% respectively" (set L: XEUS): the rivals
        # named before the values, one each
        rivals = [n.strip(" ,") for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", joined) if n.strip(" ,")]
        if len(rivals) == len(run):
            for i, rival in zip(run, rivals, strict=True):
                result[i] = replace(result[i], baseline=rival)
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


# "reduces latency and memory by up to 2.4x and 3.5x" (set P: EpiCache): as many measures joined before "by" as values
# joined after it name one value each, in order, "respectively" or not
_MEASURES_BY = re.compile(r"(?P<names>(?:[\w-]+\s+){0,3}?[\w-]+(?:\s*,\s*(?:[\w-]+\s+){0,3}?[\w-]+)*,?\s+and\s+"
                          r"(?:[\w-]+\s+){0,3}?[\w-]+)\s+by\s+(?:up\s+to\s+|about\s+|nearly\s+|over\s+|around\s+)?$")


_CHANGE_VERB = re.compile(r"\s*(?:reduc|improv|lower|cut|increas|boost|decreas|rais|accelerat|enhanc|shrink)\w*\s")


def _measures_in_order(sentence: str, result: list[Number], run: list[int]) -> None:
    first = result[run[0]]
    before = _MEASURES_BY.search(sentence[max(0, first.start - 120):first.start])
    if before is None or any(not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", sentence[result[a].end:result[b].start])
                             for a, b in pairwise(run)):
        return
    names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", before.group("names")) if n.strip()]
    if len(names) > len(run) and _CHANGE_VERB.match(names[-len(run)]):
        names = names[-len(run):]  # "..., and reduces latency and memory by": the verb starts the list
    measures = [_nouns(words(n), range(len(words(n)) - 1, -1, -1)) for n in names]
    labels = [m[1] for m in measures if m is not None]
    if len(labels) != len(run) or len(names) != len(run) or len(set(labels)) != len(labels):
        return
    lead = result[run[0]]  # the one verb ("reduces") sets the kind and the way of every value
    for i, metric in zip(run, labels, strict=True):
        result[i] = replace(result[i], metric=metric, what=metric if metric in LEGACY_WHAT else None,
                            confidence="sure", kind=lead.kind, direction=lead.direction or result[i].direction)


_CONDITION_IN_NAME = re.compile(r"\s(?:at|on|in|for|under|with|using)\s")
_VALUE_IN = re.compile(rf"(?:{_NUM})\s?(?:%|[x×](?![A-Za-z0-9])|times\b)")


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
                    # "with less than 5% worst case overhead (1.2% in the optimized release)" after "an asynchronous
                    # training--inference pipeline" (set J: Latent Distilling): a process's overhead is time
                    clause = words(s.text[clause_left:n.start])
                    measure = "time" if any(_process(x) for x in clause) else "cost"
                    n = replace(n, metric=measure, what=measure, confidence="unsure")
        else:
            afar = None
        result.append(n)
        previous_end = n.end
        previous_factor_end = n.end if n.unit == "x" else previous_factor_end
    return result
