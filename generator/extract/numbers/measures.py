"""What a value measures (latency, memory, accuracy...), read from its own words; its kind and which way
it goes (gain or reduction)."""

from __future__ import annotations

import re

from ..text import words
from .baselines import _GAP_BY, _THEIRS, MARGIN_OF, _beaten_in_bracket
from .sentence import _BEFORE_WORDS, _NEAR_WORDS, _WORDNUM, Sentence, _nearest, _Words

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("compression", re.compile(r"compress(?!ors?$)\w*$")),  # not a compressor (a model that compresses)
    ("speedup", re.compile(r"(?:faster|quicker|speedups?|speed-ups?|accelerat\w*|throughput|fps|tflops|"
                           r"tokens/s|speeds?|boost\w*)$")),
    ("reduction", re.compile(r"(?:less|fewer|lower|reduc\w*|smaller|sav\w*|cuts?|cheaper|drops?|decreas\w*|"
                             r"shrink\w*|lighter|compact|mitigat(?:es|ed|ing)|alleviat(?:es|ed|ing))$")),
    ("other", re.compile(r"(?:longer|larger|more|higher|increas\w*|bigger|slower|greater|gains?|extends?)$")),
]
_WEAK = re.compile(r"(?:improv\w*|better|outperform\w*|surpass\w*|beats?|efficien\w*|gains?)$")
_TIME_WORDS = re.compile(r"(?:latency|time|ttft|tbt|tpot|runtime|wall-clock|speed|inference|training|"
                         r"decoding|prefill\w*|iterations?|checkpointing)$")
_PCT_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("accuracy", re.compile(r"(?:accuracy|acc|top-1|top-5|top1|ap|map|miou|f1|bleu|rouge\w*|recall|precision|"
                            r"exact|pass@1|score|auc|win|correlations?)(?:@\d+)?$")),  # "recall@1", "acc@5": one word
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
    # "reducing uplink payload by 32times" (set K: EdgeDetect): what a message carries is communication
    ("bandwidth", re.compile(r"(?:bandwidth|communications?|traffic|transfer|payloads?)$")),
    ("cost", re.compile(r"(?:costs?|price|prices|dollars|expenses?|budget)$")),
    ("batch size", re.compile(r"batch(?:es)?$")),
    ("steps", re.compile(r"(?:steps?|nfes?|nfe|passes|iterations?|rounds)$")),
    ("tokens", re.compile(r"(?:tokens?|traces|outputs?)$")),  # "30-50% shorter reasoning traces"
    ("context length", re.compile(r"(?:context|contexts|sequences?|lengths?|frames|horizon|extrapolation)$")),
    # "models trained with merely 20% of the demonstration volume" (set O: Adversarial Data Collection)
    ("data", re.compile(r"(?:data|dataset|datasets|samples|examples|labels|annotations|feedback|demonstrations?)$")),
    ("time", re.compile(r"(?:time|times|runtime|wall-clock|hours|seconds|minutes|days)$")),
    ("perplexity", re.compile(r"(?:perplexity|ppl)$")),
    # "by 32.2% in average AbsREL": a depth estimate's absolute relative error, as RMSE and MAE are errors
    ("error", re.compile(r"(?:errors?|deviations?|drifts?|wer|cer|hallucinations?|absrel|abs-rel|rmse|mae)$")),
    ("quality", re.compile(r"(?:fid|fvd|psnr|ssim|lpips|quality|fidelity|clip-score|clipscore)$")),
    # "Pearson/Spearman correlations of 77.55%/77.45%" (set M), "a Composite Similarity Correlation of 89.13%" (set B):
    # agreement with a reference is a score
    ("accuracy", re.compile(r"(?:accuracy|accuracies|acc|correlations?|top-1|top-5|top1|map|ap|miou|f1|bleu|rouge\w*|pass@\d+|"
                            r"scores?|auc|auroc|auprc|ndcg|ndcg@\d+|mrr|reciprocal|win-rates?|success|completion|recall|precision|coverage|solved|"
                            r"capabilit(?:y|ies)|rewards?|metrics|utility)(?:@\d+)?$")),
    ("sparsity", re.compile(r"(?:sparsity|pruning|pruned|sparse)$")),
    ("utilization", re.compile(r"(?:mfu|utilization|utilisation|peak|maximum)$")),
    ("model size", re.compile(r"(?:model-size|sizes?)$")),
]
_IMPLIED: list[tuple[str, re.Pattern[str]]] = [
    # "ran approximately four times as fast as ConvNeXt"
    ("speed", re.compile(r"(?:faster|fast|quicker|speedups?|speed-ups?|speeds?|accelerat\w*|slower|convergence)$")),
    ("model size", re.compile(r"(?:smaller|larger|lighter|bigger|compact)$")),
    # "exhibiting less than 9% degradation when scaling from 16K to 100M tokens" (set O: MSA): a loss of performance
    ("accuracy", re.compile(r"(?:performance|improv(?:ements?|ing|es|ed)|accurate|gains?|degradations?)$")),
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

# the measures of speed (results.py files them under one column)
SPEED_MEASURES = frozenset({"speed", "latency", "throughput", "time"})
# a speedup named as a noun: "speedup", "speed-ups", "acceleration"
_SPEEDUP = r"speed-?ups?|accelerations?"
_SPEEDUP_NOUN = re.compile(rf"(?:{_SPEEDUP})$")  # a word of ``words``: lower case
_OVERHEAD = re.compile(r"overheads?$")
_PROCESS = re.compile(r"(?:generation|inference|decoding|prefill\w*|training|serving|runtime|execution|processing)$")


def _process(word: str) -> bool:
    """A process ("inference"), or a compound of processes ("training--inference")."""
    return any(_PROCESS.match(piece) for piece in re.split(r"-+", word) if piece)


def process_overhead(after: list[str], before: list[str]) -> bool:
    """An overhead right after a value that a process incurs, so a share of time: "4% overhead" after "generation",
    "22%-97% memory processing overhead" (set J: Understand and Accelerate Memory Processing Pipeline), "less than 5%
    worst case overhead" after "an asynchronous training--inference pipeline" (set J: Latent Distilling). A measure
    between ("5% memory overhead") names it instead."""
    at = next((i for i, x in enumerate(after) if _OVERHEAD.match(x)), None)
    if at is None:
        return False
    if at and _process(after[at - 1]):
        return True
    return all(_measure(x) is None for x in after[:at]) and any(_process(x) for x in before)

_GAIN = re.compile(r"(?:faster|quicker|speedups?|speed-ups?|accelerat\w*|higher|more|larger|bigger|greater|"
                   r"increas\w*|improv\w*|boost\w*|gains?|outperform\w*|surpass\w*|exceed\w*|better|longer|extend\w*|jump\w*|"
                   # "rises from 60.3% to 77.2%" (set O: PhoneBuddy), "raises the ... score" (set O: ShortOPD)
                   r"ris(?:es|e|ing)|rose|rais\w*|climb\w*|enhanc\w*|augment\w*|expand\w*|extrapolat\w*|uparrow|efficiency)$")  # LaTeX's \uparrow arrives as a word
_LOSS = re.compile(r"(?:less|lower|fewer|reduc\w*|smaller|shorter|sav\w*|cuts?|cheaper|drop\w*|decreas\w*|shrink\w*|"
                   r"lighter|compress\w*|degrad\w*|slower|tighter|minimi[sz]\w*|remov\w*|eliminat\w*|downarrow|losses|loss|"
                   # "slashes memory usage by around 50%" (set N: CoDe)
                   r"slash(?:es|ed|ing)?|trim(?:s|med|ming)?|curtail\w*|"
                   # "AGL mitigates alignment drift by up to 50%" (set P: AlignGuard-LoRA): what is mitigated shrinks
                   r"mitigat(?:es|ed|ing)|alleviat(?:es|ed|ing))$")
_SHARE_BEFORE = re.compile(r"(?:\bonly|\bjust|\bmere(?:ly)?|\bless than|\bat most|\bfraction of|\bto)\s+(?:\w+ing\s+)?"
                           r"(?:about |around |approximately |roughly |~)?$", re.IGNORECASE)


# "raises the compressed model's score to about 9times its unrecovered value" (set O: ShortOPD): a participle naming
# the model ("the compressed model") says which model, not what the factor changes
_NAMED_BY = re.compile(r"(?:compress|prun|quantiz|distill)ed$")
_MODEL_WORD = re.compile(r"(?:models?|model's|checkpoints?|networks?|llms?|students?)$", re.IGNORECASE)


def _unnamed(side: list[str]) -> list[str]:
    """The words, less each participle that only names a model ("the compressed model")."""
    return [("" if _NAMED_BY.match(x) and i + 1 < len(side) and _MODEL_WORD.match(side[i + 1]) else x)
            for i, x in enumerate(side)]


def _factor_kind(before: list[str], after: list[str], clause: list[str]) -> str:
    before, after, clause = _unnamed(before), _unnamed(after), _unnamed(clause)
    if after[:1] in (["better"], ["worse"]) and {"and", "or"} & set(after):
        # "PIXIE is about 1.46-4.39x better and orders of magnitude faster than test-time optimization methods" (set P:
        # Pixie): the comparative at the value is its own; one after "and" is a further claim, not this value's kind
        after = after[:min(after.index(x) for x in ("and", "or") if x in after)]
    found = _nearest(before, after, _KINDS)
    squeezed = _nearest(before[-12:], after[:4], _KINDS[:1])
    # "achieves 3.24x KV-cache compression ..., runs 1.34x faster than fp16 FlashAttention2" (set I: RoPE-Aware Bit
    # Allocation): a speedup right at the value is not the compression further back
    # "compresses local updates to {+1,-1} representations, reducing uplink payload by 32times" (set K: EdgeDetect): the
    # reduction at the value is what it measures, the compression is the means
    if squeezed is not None and not (found is not None and found[0] in ("speedup", "reduction") and found[1] < squeezed[1]):
        return "compression"
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
        if any(_TIME_WORDS.match(w) for w in before + after):
            return "speedup"
        # "R2R surpasses the average accuracy of R1-7B by 1.6x" (set L): a score outdone is no speed
        scored = any(_PCT_KINDS[0][1].match(w) for w in before[-_NEAR_WORDS:] + after[:_NEAR_WORDS])
        return "speedup" if not scored and any(w.startswith(("outperform", "surpass", "beat")) for w in clause) else "other"
    return found[0] if found else "other"


_SPEED_NOUN = re.compile(r"(?:throughput|speed|performance|requests|tflops|fps|flops/s)$")


_SHARE_NOUN = re.compile(r"(?:percentages?|fractions?|shares?|proportions?)$")


_MODEL_ADJECTIVES = frozenset({"sparse", "pruned", "quantized", "compressed", "distilled"})
_MODEL_KIND = re.compile(r"(?:versions?|variants?|counterparts?)$")


def _nouns(side: list[str], order: range, units: bool = False) -> tuple[int, str] | None:
    """The first measure noun met walking ``order`` through ``side``: (distance, measure); with ``units``,
    a number before the noun is counted in it ("(1817.2 vs. 4.34 TFLOPs)"), not a quantity that sets it up."""
    for distance, index in enumerate(order):
        label = _measure(side[index]) or _score_rate(side, index) or _efficiency(side, index)
        if label is None:
            continue
        if side[index] in _MODEL_ADJECTIVES and index + 1 < len(side) and _MODEL_KIND.match(side[index + 1]):
            continue  # "increases the accuracy of the sparse version of MobileNet-v2 from 73.44%" (bundled DASS): a model
        if not units and any(_quantity(side[i]) for i in range(max(0, index - 2), index)):
            continue  # "with 250 samples", "across 9 diverse datasets": a quantity that sets up the result
        if {"under", "within", "at"} & set(side[max(0, index - 4):index]):
            continue  # "success on LIBERO-Pro under our current rollout budget, reaching 90.8%", "at equivalent latency"
        after = side[index + 1] if index + 1 < len(side) else ""
        qualified = _measure(after) if label == "utilization" and after else None
        if side[index] in ("peak", "maximum") and qualified is None and index + 2 < len(side) \
                and _measure(side[index + 2]) not in (None, "utilization"):
            continue  # "a peak benign utility of 63.6%" (set G: SafeHarbor): the peak of the measure named next
        if label in ("throughput", "compute") and index >= 1 and side[index - 1] in ("peak", "maximum") \
                and _SHARE_NOUN.match(side[index - 3] if index >= 3 else "") and side[index - 2] == "of":
            # "boosting the average percentage of peak throughput from 49% to 61%" (set O: AccelOpt): the share of the
            # peak reached is a utilization
            return distance, "utilization"
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
                     "detection", "recognition", "identification",
                     # "our tuned PaLM2-XS model achieved 85.56% good ratio" (set K: Proofread): the share judged good
                     "good", "correct", "valid"})


def _score_rate(side: list[str], index: int) -> str | None:
    """"pass rate", "success rate": a score; other rates (learning, compression, acceptance) are not;
    "false speech detections", "false positives": errors."""
    if side[index] in ("rate", "rates", "ratio", "ratios") and index and side[index - 1] in _SCORED:
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
    # "between 16 to 32 times more computationally efficient" (set J: Fast Best-of-N): efficient in compute
    if side[index] == "efficient" and index and side[index - 1] == "computationally":
        return "compute"
    return None


def _quantity(word: str) -> bool:
    return word[:1].isdigit() or word in _WORDNUM or word == "one"


def _measure(word: str) -> str | None:
    for label, rx in METRICS:
        if rx.match(word):
            return label
    # "a token-throughput improvement of 2.7x-3.4x" (set K: UniQL): a hyphenated compound is named by its last piece,
    # when that piece can only be a measure (not "real-time", "long-context", "high-quality")
    head = word.rsplit("-", 1)[-1] if "-" in word else None
    found = _measure(head) if head else None
    return found if found in _COMPOUND_HEADS else None


_COMPOUND_HEADS = frozenset({"throughput", "latency", "memory", "bandwidth", "energy"})


def _metric(w: _Words) -> tuple[str | None, str | None]:
    """(measure, how it was found): a noun after the value, a comparative after it, a noun before it."""
    if process_overhead(w.after[:4], w.before + w.clause):
        return "time", "noun"  # "single-batch generation incurs le 4% overhead" (set G: Jet-Long): a process's overhead is time
    after = _nouns(w.after, range(len(w.after)))
    implied = _nearest([], w.after, _IMPLIED)
    # "The pretrained language models fine-tuned on the synthetic data outperform the base models by 16.47%" (set K:
    # DiaSynth): the words before the verb that beats a rival are its subject, not what the value measures
    # (only a margin "by" the value: in "91.3% accuracy - surpassing LoRA (89.1%)" the accuracy before is the rival's too)
    beat = next((i for i in range(len(w.before) - 1, -1, -1) if _BEATS.match(w.before[i])), None)
    if beat is not None and w.before[-1:] == ["by"]:
        w = _Words(w.before[beat + 1:], w.after, w.clause)
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
    if before is not None and before[0] >= _NEAR_WORDS and "performance" in w.before[-3:]:
        # "Our experiments across diverse models and datasets demonstrate that QuaDMix achieves an average performance
        # improvement of 7.2%" (set J: QuaDMix): a performance right at the value outranks a noun far back
        label = _implied("accuracy", w)
        return label, "implied" if label else None
    if before is not None:
        # "a sparse decoding kernel that achieves near-theoretical speedups of up to 9x" (set G: SeerAttention-R):
        # a speedup nearer the value than any measure is what the value is; the noun further back describes
        # the thing that got faster. "latency speedups of 2x": the noun right before it still names the measure
        speedup = next((d for d, x in enumerate(reversed(w.before)) if _SPEEDUP_NOUN.match(x)), None)
        if speedup is not None and speedup < before[0] and before[1] not in SPEED_MEASURES and (
                speedup + 1 >= len(w.before) or _measure(w.before[-speedup - 2]) is None):
            return "speed", "noun"
        return before[1], "noun"
    implied = _nearest(w.before, [], _IMPLIED)
    overhead = next((d + 1 for d, x in enumerate(reversed(w.before)) if _OVERHEAD.match(x)), None)
    if implied is not None and overhead is not None and overhead < implied[1]:
        return None, None  # "faster training ... with marginal overhead (<10%)": the overhead's, read later
    if implied is not None:
        label = _implied(implied[0], w)
        return label, "implied" if label else None
    return None, None


_BEATS = re.compile(r"(?:outperform|surpass|exceed|beat)\w*$")
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
_BEATS_BY = re.compile(rf"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|improv\w*\s+(?:over|on|upon))\b(?:[^.;:]|\.\d){{0,80}}\bby\s+(?:{MARGIN_OF}\s+)?(?:up to |over |about |"
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
_TASKS = r"(?:(?:sub-?)?tasks|problems|questions|issues|competitions|puzzles|test cases|instances|challenges|queries)\b"
_TASKS_AFTER = re.compile(rf"\s*of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_TASKS}")
# "even state-of-the-art models achieve under 50% on the original queries" (set G: What Users Leave Unsaid)
_ACHIEVED_ON = re.compile(rf"\s*on\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_TASKS}")
_ACHIEVE_BEFORE = re.compile(r"\b(?:achiev\w*|scor\w*|reach\w*|attain\w*|obtain\w*)\s+(?:only\s+|under\s+|over\s+|"
                             r"about\s+|around\s+|just\s+|below\s+|above\s+)?$", re.IGNORECASE)
_POINTS_BEFORE = re.compile(r"\d\s*(?:percentage\s+|absolute\s+)?points?\s*\(\s*(?:[<>≈]=?|over\s+|about\s+)?\s*$",
                            re.IGNORECASE)
_GAINS_OF = re.compile(r"\b(?:average\s+)?(?:gains?|improvements?)\s+of\s+(?:up to |about |around |over |nearly |"
                       r"approximately |roughly |more than |as much as )?\+?$", re.IGNORECASE)


def _metric_nearby(s: Sentence, start: int, end: int, bounds: tuple[int, int],
                   unit: str) -> tuple[str | None, str | None]:
    """When a value's own words name no measure: a parenthetical right after it ("523x more efficient
    (1817.2 vs. 4.34 TFLOPs)"), a benchmark it is reported on ("72.4% on Video-MME": a score), or a
    verb that beats a baseline by it ("surpasses WandA and FLAP by over 20%": task performance)."""
    # "This lets OasisKV turn sparsity into throughput gain: 1.69× over dense vLLM ..., and up to 2.1× on multi-GPU
    # long-context serving" (set I): the measure a colon introduces is what the values after it measure
    lead = _lead_in(s, start, end)
    if lead is not None:
        return lead, "lead"
    # "fewer than 10% of the starting AR model's total training token budget" (set G: DiffusionGemma): the
    # measure comes after the rival's possessive, past the words a value's window reads
    theirs = _THEIRS.match(s.text, end, min(len(s.text), end + 160))
    if theirs:
        spent = words(s.text[theirs.start("who"):theirs.end()].split("'s", 1)[-1].split("’s", 1)[-1])
        found = _nouns(spent, range(len(spent) - 1, -1, -1))
        if found is not None:
            return found[1], "noun"
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
    if unit == "%" and (_TASKS_AFTER.match(s.text, end) or (
            _ACHIEVED_ON.match(s.text, end) and _ACHIEVE_BEFORE.search(s.text, max(0, start - 40), start))):
        return "accuracy", "implied"  # "completes only 26.5% of sub-tasks", "a medal in 16.9% of competitions"
    if unit == "%" and _POINTS_BEFORE.search(s.text, max(0, start - 40), start):
        return "accuracy", "implied"  # "by 12.4 points (>20% relative)": a score's gain, restated relative
    if unit == "%" and _GAINS_OF.search(s.text, max(0, start - 40), start):
        return "accuracy", "implied"  # "achieving average gains of 12.1% in supervised fine-tuning"
    if unit == "%" and _GAP_BY.search(s.text, max(0, start - 120), start) and not _about_systems(s.text):
        return "accuracy", "implied"  # "the best LLM trails the best LMM by 23.09%" (set G: MMEvalPro): a score's gap
    if unit == "%" and _BEATS_BY.search(s.text, max(0, start - 120), start):
        # systems papers beat baselines on speed ("outperforms the GEMM-based algorithm by up to 62%"); read in the
        # value's own clause: "improving RaTE and SemScore by 64.33% and 60.58% respectively, while achieving an 8x
        # inference speedup" (set J: ECHO) beats on scores, the inference is the next clause's
        left, right = s.clause(start, end)
        return ("speed" if _about_systems(s.text[left:right]) else "accuracy"), "implied"
    # "Ferret reduces the time needed to achieve a 90% ASR by 15.2%" (set J: Ferret): "by" ties the value to its
    # clause's verb, and the verb's object names what changed, though another value stands between (with none
    # between, the words before the value reach the object: _from_afar)
    left, _right = s.clause(start, end)
    if bounds[0] > left and _BY_BEFORE.search(s.text, max(0, start - 40), start) and not any(
            rx.match(x) for x in words(s.text[bounds[0]:start]) for _way, rx in _CHANGE_VERBS):
        clause = words(s.text[left:bounds[0]])
        verb = next((i for i in range(len(clause) - 1, -1, -1)
                     if any(rx.match(clause[i]) for _way, rx in _CHANGE_VERBS)), None)
        if verb is not None:
            found = _nouns(clause[verb + 1:], range(len(clause) - verb - 1))
            if found is not None:
                return found[1], "noun"
    return None, None


# the last words before a colon: a measure, then at most a word of change ("throughput gain:", "memory savings:")
_COLON_BEFORE = re.compile(r"(?P<lead>(?:[\w-]+\s+){0,2}[\w-]+)\s*:\s*$")
_CHANGE_WORD = re.compile(r"(?:gains?|improvements?|speed-?ups?|reductions?|savings?|increases?|decreases?)$")


def _lead_in(s: Sentence, start: int, end: int, opened: bool = False) -> str | None:
    """The measure the words right before a colon name, for the value that opens the clause after it (or,
    ``opened``, a later value of a clause another value opened: "..., and up to 2.1x on ...")."""
    left, _right = s.clause(start, end)
    if left == 0 or s.text[left - 1] != ":" or (len(words(s.text[left:start])) > 3 and not opened):
        return None
    colon = _COLON_BEFORE.search(s.text, max(0, left - 60), left)
    if colon is None:
        return None
    lead = words(colon.group("lead"))
    if lead and _CHANGE_WORD.match(lead[-1]):
        lead = lead[:-1]
    found = _measure(lead[-1]) if lead else None
    return found if found is not None and found not in ("utilization", "model size") else None


def lead_direction(s: Sentence, start: int, end: int) -> str | None:
    """Gain or reduction, as the words before the colon say ("throughput gain: 1.69x")."""
    left, _right = s.clause(start, end)
    colon = _COLON_BEFORE.search(s.text, max(0, left - 60), left)
    found = _nearest(words(colon.group("lead")), [], _DIRECTIONS) if colon else None
    return found[0] if found else None


_SYSTEM_CONTEXT = re.compile(r"(?:kernels?|gemm|cuda|gpus?|convolutions?|implementations?|compilers?|runtime|"
                             r"inference|latency|throughput|backwards?|algorithms?)$")


def _about_systems(text: str) -> bool:
    """A sentence about kernels, GPUs or inference: its unnamed gains are speed, not scores."""
    return any(_SYSTEM_CONTEXT.match(w) for w in words(text))


def _implied(label: str, w: _Words) -> str | None:
    if label == "context length" and {"take", "takes", "took", "taking", "lasts", "runs"} & set(w.before[-4:]):
        return "time"  # "training takes 2x longer": time, not a length
    before = w.before[-6:]
    near = before + w.after[:3]
    first = 1 if len(before) == 6 else 0  # the sixth word back only tells whether the fifth is governed
    # "diverse sampling during inference improves reasoning reliability by 10--20%" (set P: Reasoning via Video): a
    # process after "during" or "at" says when the gain was measured, not that the gain is a speed
    systems = [x for i, x in enumerate(near)
               if i >= first and _SYSTEM_WORDS.match(x) and (i == 0 or near[i - 1] not in ("during", "at"))]
    if label == "accuracy" and systems:
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
        # "a 3 times smaller visual-token budget" (set I: DistilVDR): a hyphenated compound is named by its last piece
        found = _measure(previous) or (_measure(previous.rsplit("-", 1)[-1]) if "-" in previous else None)
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
    found = _nearest(_unnamed(w.before[-_NEAR_WORDS:]), _unnamed(w.after), _DIRECTIONS)
    if found is not None:
        return found[0]
    # "using only 34.76% of the training FLOPs", "reduces evaluation time to 10% of ...": a share of a cost
    if unit == "%" and metric in _COSTS and (_SHARE_BEFORE.search(s.text, max(0, start - 40), start)
                                            or _OF_AFTER.match(s.text, end)):
        return "reduction"
    if kind_direction is not None:
        return kind_direction  # "with only a 0.4% drop ..., X achieves 1.69x and 2.27x speedups": a speedup gains
    # "outperform the current SOTA method DualPrompt on established benchmarks by 4.5%": the clause's verb
    found = _nearest(_unnamed(w.clause), [], _DIRECTIONS)
    if found is not None and found[1] <= _BEFORE_WORDS:
        return found[0]
    # "which reduces the perplexity of the hybrid quadratic causal self-attention and state space duality by more than
    # 4%" (set I: Wonderful Matrices): "by" ties the value to its clause's verb, however long the object between
    if _BY_BEFORE.search(s.text, max(0, start - 40), start):
        verb = _nearest(w.clause, [], _CHANGE_VERBS)
        if verb is not None:
            return verb[0]
    # "supports a context length of 1 million tokens, 8x the context size of DeepSeek R1" (set J: MiniMax-M1): a
    # multiple of what a rival has is more of it
    if unit == "x" and _TIMES_THE.match(s.text, end):
        return "gain"
    # "improves over the provided baselines from the repository in just 1 of 15 evaluations (6.7%) by 11.5%"
    beats = _BEATS_BY.search(s.text, max(0, start - 120), start) or _beaten_in_bracket(s, start, end)
    return "gain" if beats else None


_DIRECTIONS = [("gain", _GAIN), ("reduction", _LOSS)]
_TIMES_THE = re.compile(r"\s*(?:the\s+(?:[\w-]+\s+){0,3}?|that\s+)of\b")
# verbs only (not "lower latency", "larger models"): what a "by N" after them changes
_CHANGE_VERBS = [("gain", re.compile(r"(?:(?:improv|increas|rais|enhanc|accelerat)(?:es|ed|ing)|"
                                     r"(?:boost|outperform|exceed)(?:s|ed|ing)|surpass(?:es|ed|ing)|"
                                     # "the same progression rises from 60.3% to 77.2% to 83.2%" (set O: PhoneBuddy)
                                     r"ris(?:es|ing)|rose|climb(?:s|ed|ing)|jump(?:s|ed|ing))$")),
                 ("reduction", re.compile(r"(?:(?:reduc|decreas|sav)(?:es|ed|ing)|lower(?:s|ed|ing)|cut(?:s|ting)|"
                                          r"shrink(?:s|ing)|slash(?:es|ed|ing)|trim(?:s|med|ming)|"
                                          r"mitigat(?:es|ed|ing)|alleviat(?:es|ed|ing))$"))]
_BY_BEFORE = re.compile(r"\bby\s+(?:up to |about |around |over |nearly |approximately |roughly |more than |"
                        r"as much as |an average of |on average )?(?:\\?sim|~)?$", re.IGNORECASE)
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
