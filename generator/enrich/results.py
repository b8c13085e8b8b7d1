"""What abstracts report: factors and percentages as Results, formats/hardware/datasets/models as Facts.

Every value keeps the sentence it came from (``quote``), an exact substring of the title or abstract,
so a table cell can link to the words that state it. Vocabularies are curated data in content/vocab/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from .. import beside
from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..extract.numbers import SPEED_MEASURES, numbers
from ..extract.text import mask_urls, sentences
from ..extract.vocab import FILES as VOCAB_FILES
from ..extract.vocab import Vocab, load_vocab
from ..memo import Memo, as_flag, as_number, as_optional, as_text, decoded, digest
from ..model import Corpus, Fact, Paper, Result
from ..saferegex import RegexTimeout, timeout_diagnostic
from .methods import title_methods

__all__ = ["COLUMNS", "Cell", "Extraction", "enrich", "extract", "load_vocab", "table_cells"]

FACT_KINDS = ("bits", "hardware", "dataset", "model")
# Topic-table columns. Factors and percentages never share a column, so each sorts on one scale.
COLUMNS = ("Speedup ×", "Speedup %", "Memory ×", "Memory %", "Accuracy", "Bits", "Hardware", "Datasets")
_SPEED = SPEED_MEASURES
_MEMORY = {"memory", "KV cache", "model size", "parameters"}
_QUALITY = {"accuracy", "error", "perplexity", "quality"}
@dataclass(frozen=True)
class Extraction:
    """What one title and abstract report, in order of appearance."""

    results: tuple[Result, ...] = ()
    facts: tuple[Fact, ...] = ()


def _method_name(title: str) -> str | None:
    """The name a title introduces before its colon (``GaLore: ...``), if any."""
    head, sep, _rest = title.partition(":")
    return head.strip().lower() if sep and len(head) <= 40 else None


# a sentence about the paper's own work; the ones before the first of them set out the problem
_OWN_SENTENCE = re.compile(r"\b(?:we|our|us|this (?:paper|work|study|report|article|technical report)|here|"
                           r"the proposed|proposed)\b", re.IGNORECASE)


# "However, the 5-to-10-fold increase in computation cost associated with SE computation hinders practical adoption.
# To address this, we propose SEPs" (set N: Semantic Entropy Probes): the sentence the paper then sets out to fix
# states the problem, so its values are someone else's even after the paper has spoken of itself
_ADDRESSES_IT = re.compile(r"(?:To|In order to)\s+(?:address|tackle|overcome|solve|remedy|mitigate|alleviate|resolve|"
                           r"circumvent|avoid)\s+(?:this|these|that|those|such|the\s+(?:above|aforementioned))\b"
                           r"[^.]{0,60}?,\s+(?:we|this\s+(?:paper|work))\b", re.IGNORECASE)
# ... a sentence that says what is wrong, not "ClawTrojan reaches a 95.5% attack success rate" (set I: the benchmark the
# paper introduced, before "To address this threat, we propose DASGuard")
_PROBLEM_WORD = re.compile(r"\b(?:hinder|limit|prohibit|bottleneck|impractical|costly|expensive|overhead|suffer|"
                           r"struggl|fail|obstacle|barrier|impede|restrict|prevent)\w*", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w.+-]*[A-Z][\w.+-]*")


def _states_problem(sentence: str, following: str, text: str, names: list[str]) -> bool:
    """A sentence of the problem the next one sets out to address, naming nothing the paper introduces."""
    if _ADDRESSES_IT.match(following) is None or _PROBLEM_WORD.search(sentence) is None \
            or _OWN_SENTENCE.search(sentence) or any(n in sentence for n in names):
        return False
    return not any(re.search(rf"\bwe\s+(?:\w+\s+)?(?:propos|present|introduc|develop)\w*\s[^.,]{{0,60}}\b"
                             rf"{re.escape(m.group(0))}(?![\w.+-])", text) for m in _NAME.finditer(sentence))
# "We benchmark 20 representative VOS methods under 5 different settings" (set M: MOSEv2): the paper scores others
_EVALUATES_OTHERS = re.compile(r"\bwe\s+(?:\w+ly\s+|further\s+|also\s+|then\s+)?(?:benchmark|evaluat|assess|test)\w*\s+"
                               # not "We evaluate DiTFlow against recently published methods" (set A): its own
                               r"(?:(?!(?:our|on|in|it|with|whether|how|against|across|over|versus|vs)\b)[\w-]+\s+){0,5}?"
                               r"(?:methods|models|systems|agents|LLMs|MLLMs|VLMs|trackers|approaches|baselines)\b",
                               re.IGNORECASE)
# "Evaluated upon 20 recent multi-modal LLMs, our results reveal ..." (set O: MuirBench): the same, said passively
_EVALUATED_UPON = re.compile(r"\b(?:evaluated|tested|benchmarked|assessed)\s+(?:up)?on\s+(?:\d+|over\s+\d+|a\s+"
                             r"(?:wide\s+)?range\s+of|dozens\s+of)\s+(?:[\w-]+\s+){0,3}?(?:methods|models|systems|agents|"
                             r"LLMs|MLLMs|VLMs|LVLMs)\b", re.IGNORECASE)
# "We introduce a matched execution-layer benchmark of 440 desktop tasks ..., where screen-only GUI agents and
# skill-mediated CLI agents receive identical goals" (set Q: GUI vs. CLI): a paper that announces a benchmark or
# dataset is there to score others' models on it, as much as one that says "we evaluate 20 models"
_ANNOUNCES_BENCHMARK = re.compile(r"\bwe\s+(?:\w+ly\s+|also\s+|further\s+)?(?:introduce|present|propose|release|"
                                  r"construct|build|curate)[sd]?\s+(?:[\w-]+\s+){0,6}?(?:benchmark|testbed)s?\b",
                                  re.IGNORECASE)
# "Open-source multimodal LLMs trained on single images can hardly generalize to multi-image questions, hovering below
# 33.3% in accuracy" (set O: MuirBench): in a paper that evaluates others, a sentence led by a class of models
_CLASS_SUBJECT = re.compile(r"(?:(?:even|most|many|all|existing|current)\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:models|LLMs|MLLMs|VLMs|LVLMs|systems|agents|methods)\s+(?!(?:we|that\s+we)\b)",
                            re.IGNORECASE)
# "For example, SAM2 drops from 76.4% on MOSEv1 to only 50.9% on MOSEv2.": a sentence led by a named model
_NAMED_SUBJECT = re.compile(r"(?:(?:for example|for instance|e\.g\.|notably|in particular|specifically|however),?\s+)?"
                            r"(?:even\s+)?(?P<who>[A-Z][\w.+-]*)\s+(?:only\s+|still\s+)?(?:drops?|falls?|declines?|"
                            r"degrades?|achieves|scores|reaches|attains|obtains)\b", re.IGNORECASE)

# the field's best, and the models a sentence names after them ("like GPT-4o", "(GPT-5, Gemini 2.5 Pro)")
_BEST_WORDS = r"(?:best|strongest|top|top-performing|best-performing|leading|state-of-the-art|SOTA|frontier|" \
              r"most\s+(?:capable|advanced))"
_NAMED_AFTER = r"(?:(?:like|such\s+as|including|e\.g\.,?)\s+(?:[^.;:]|(?<=\d)\.(?=\d)){1,60}?\s+|\([^()]{1,80}\)\s+)?"
# "Extensive experiments on 28 LVLMs reveal a significant challenge: the best model achieves an overall score of only
# 36.35%, as functional correctness (24.39% IFS) lags significantly behind visual fidelity (64.25% VFS)" (set N:
# IWR-Bench): the best of the many models a paper evaluates is one of them, and the sentence reports its scores
_BEST_OF_THEM = re.compile(r"\b(?:the|even the|even)\s+" + _BEST_WORDS + r"\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:models?|systems?|agents?|methods?|LLMs?|MLLMs?|VLMs?|LVLMs?)\s+"
                           # "even the best-performing models like GPT-4o and Gemini Pro find it challenging to solve
                           # MuirBench, achieving 68.0% and 49.3% in accuracy" (set O: MuirBench): the models named,
                           # or in brackets ("even state-of-the-art models (GPT-5, Gemini 2.5 Pro) achieve under 50%")
                           + _NAMED_AFTER +
                           r"(?:only\s+|still\s+)?(?:achieves|scores|reaches|attains|obtains|gets|solves|achieve|score|"
                           r"reach|attain|obtain|get|solve|find|finds|struggle|struggles|fail|fails|achieving|scoring|"
                           r"reaching|attaining|obtaining)\b")
# "ProfBench poses significant challenges even for state-of-the-art LLMs, with top-performing models like GPT-5-high
# achieving only 65.9%" (set G): the field's best models, named after "even", are others' whatever the sentence's
# subject (the paper's benchmark that challenges them); so are "the top-performing models" of such a sentence
_EVEN_THE_BEST = re.compile(r"\beven\s+(?:for\s+|the\s+)*" + _BEST_WORDS + r"\b", re.IGNORECASE)
_BEST_OF_FIELD = re.compile(r"\b(?:top|top-performing|best-performing|leading|state-of-the-art|SOTA|frontier)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:models?|systems?|agents?|LLMs?|MLLMs?|VLMs?|LVLMs?)\s+"
                            + _NAMED_AFTER +
                            r"(?:only\s+|still\s+)?(?:achieves|scores|reaches|attains|achieve|score|reach|attain|"
                            r"achieving|scoring|reaching|attaining)\b")
# "suggesting the great challenge of our benchmark" (set I: GenExam): the paper's benchmark as what others are scored
# on does not make the sentence its own result
_OUR_TESTBED = re.compile(r"\b(?:of|on|in|by|for|to|with)\s+our\s+(?:new\s+|proposed\s+)?(?:benchmarks?|datasets?|"
                          r"suites?|tasks?|exams?|tests?)\b", re.IGNORECASE)
# "Experiments on ten leading LLMs show that ...: while GPT-5.4 achieves 51.90% accuracy" (set Q: PlanBench-XL): the
# sentence that says it evaluates many models may itself name one of them as a subject
_EXPERIMENTS_ON_MANY = re.compile(r"\b(?:experiments|evaluations?|results)\s+(?:on|of|with|across)\s+(?:\d+|two|three|"
                                  r"four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?"
                                  r"(?:models|systems|agents|methods|LLMs|MLLMs|VLMs|LVLMs)\b", re.IGNORECASE)
_MANY_EVALUATED = re.compile(r"\b\d+\s+(?:[\w-]+\s+){0,2}?(?:models|systems|agents|methods|LLMs|MLLMs|VLMs|LVLMs)\b")


# "the strongest GUI agent reaches a 59.1% full pass rate ...; however, verifier-guided skill augmentation raises CLI
# success to 69.3%" (set Q: GUI vs. CLI): a clause that turns after a semicolon has a subject of its own
_TURN = re.compile(r";\s+(?:however|but|whereas|yet|in\s+contrast)\b", re.IGNORECASE)


# "it retains at least 64.8% of the gains from in-context learning across both domains, whereas direct supervised
# fine-tuning on the collected experience recovers only 3.8%" (set Q: Sample-Efficient Learning): the clause a
# "whereas" sets against the paper's claim has a subject of its own
_WHEREAS = re.compile(r"\bwhereas\s+", re.IGNORECASE)
_CLAUSE_OPENS = re.compile(r"[:;]\s+(?:(?:while|whereas|although|though)\s+)?", re.IGNORECASE)


# "our results reveal that ...", "we find that ...": the paper reports what it saw; the clause after says whose
_REPORTING = re.compile(r"\b(?:our\s+(?:results|experiments|evaluations?|analys[ie]s|findings|study)\s+(?:\w+\s+)?"
                        r"(?:reveal|show|demonstrate|indicate|suggest|find)s?|we\s+(?:\w+\s+)?(?:find|observe|show|"
                        r"reveal|note)s?)\s+that\b", re.IGNORECASE)
# ... "find it challenging to solve MuirBench": the paper's benchmark as what the others are scored on
_SCORED_ON = re.compile(r"\b(?:on|in|of|solve|solving)\s+$")


def _best_of_them(sentence: str, evaluated: bool, names: list[str]) -> bool:
    """A sentence whose subject is the best of the many models a paper evaluates, not the paper's own."""
    even = _EVEN_THE_BEST.search(sentence)
    best = _BEST_OF_THEM.search(sentence) or (_BEST_OF_FIELD.search(sentence, even.end()) if even else None)
    if best is None or not (evaluated or even or _MANY_EVALUATED.search(sentence) is not None) \
            or _OWN_SENTENCE.search(_OUR_TESTBED.sub("", _REPORTING.sub("", sentence))):
        return False
    start = even.start() if even and even.start() < best.start() else 0  # what challenges the field's best comes before
    return not any(n in sentence[start:best.end()] or any(_SCORED_ON.search(sentence, 0, m.start()) is None
                                                           for m in re.compile(re.escape(n)).finditer(sentence, best.end()))
                   for n in names)


def _class_subject(sentence: str, names: list[str]) -> bool:
    """A sentence led by a class of models (the evaluated ones), naming nothing the paper introduces."""
    led = _CLASS_SUBJECT.match(sentence)
    return led is not None and led.group(0)[:1].isupper() and not _OWN_SENTENCE.search(sentence) \
        and not any(n in sentence for n in names)


# "Evaluating 14 frontier and open-weight models, we find the benchmark genuinely challenging (best score 58.7% from
# Gemini 3.1 Pro)" (set Q: Two-Level Meta-Rubrics): a best score credited to a named model is that model's
_BEST_SCORE_OF = re.compile(r"\b(?:best|highest|top)\s+(?:overall\s+)?(?:score|result|accuracy|performance)\s+"
                            r"(?:of\s+|is\s+|was\s+)?(?:only\s+)?\d[\d.]*\s?%\s+(?:from|by|of)\s+"
                            r"(?P<who>[A-Z][\w.+-]*)")


def _credited(sentence: str, text: str, own: str | None, names: list[str]) -> list[tuple[int, int]]:
    """The spans of best scores credited to a named model the paper does not introduce."""
    ours = {n.lower() for n in names} | ({own} if own else set())
    return [m.span() for m in _BEST_SCORE_OF.finditer(sentence) if m.group("who").lower() not in ours
            and re.search(rf"\b(?:propos|present|introduc|develop|buil)\w*\s[^.]{{0,80}}\b{re.escape(m.group('who'))}\b",
                          text) is None]


def _others_subject(sentence: str, text: str, own: str | None, names: list[str]) -> bool:
    """In a paper that evaluates others' methods, a sentence whose subject is a model it does not introduce (in its
    title, or after "we propose/present/introduce" in the text) reports that model's scores, not the paper's own."""
    # "Experiments on ten leading LLMs show that massive-tool planning remains challenging: while GPT-5.4 achieves
    # 51.90% accuracy" (set Q: PlanBench-XL): the subject may lead the clause after a colon or semicolon
    led = next((m for m in (_NAMED_SUBJECT.match(sentence, start) for start in
                            [0, *(c.end() for c in _CLAUSE_OPENS.finditer(sentence))]) if m is not None), None)
    if led is None or not led.group("who")[:1].isupper():
        return False
    who = led.group("who")
    ours = {n.lower() for n in names} | ({own} if own else set())
    if who.lower() in ours or _OWN_SENTENCE.match(who) or who.lower() in ("it", "this", "they"):
        return False
    return re.search(rf"\b(?:propos|present|introduc|develop|buil)\w*\s[^.]{{0,80}}\b{re.escape(who)}\b", text) is None


def extract(title: str, abstract: str | None, vocab: Vocab) -> Extraction:
    """Results and facts of one paper; pure, deterministic, never raises on odd text."""
    results: list[Result] = []
    facts: list[Fact] = []
    seen_facts: set[tuple[str, str]] = set()
    own = _method_name(title)
    names_in_title = [n for n in title_methods(title) if len(n) >= 3]
    covered: set[tuple[str, str]] = set()
    for is_title, text in ((True, title), (False, abstract or "")):
        masked_text = mask_urls(text)  # same length as ``text``: sentence offsets hold in both
        # vocabulary names are found once per text, then handed to the sentence that holds them
        members = {kind: vocab.find_members(kind, masked_text) for kind in FACT_KINDS}
        names = sorted((start, kind, name) for kind in FACT_KINDS for start, _e, name, _f in members[kind])
        # "an Alveo U280 FPGA": the device is named, the class adds nothing
        covered |= {(kind, family) for kind in FACT_KINDS for *_x, family in members[kind] if family}
        next_name = 0
        background = not is_title  # the abstract's opening sentences, until one speaks of this paper
        evaluated = False  # the paper has said it evaluates others' methods: a benchmark or dataset paper
        split = sentences(text)
        for index, (offset, sentence) in enumerate(split):
            masked = masked_text[offset:offset + len(sentence)]
            if background and (_OWN_SENTENCE.search(sentence) or any(n in sentence for n in names_in_title)):
                background = False
            problem = index + 1 < len(split) and _states_problem(sentence, split[index + 1][1], text, names_in_title)
            theirs = ((evaluated or _EXPERIMENTS_ON_MANY.search(sentence) is not None)
                      and _others_subject(sentence, text, own, names_in_title)) \
                or (evaluated and _class_subject(sentence, names_in_title)) \
                or _best_of_them(sentence, evaluated, names_in_title)
            evaluated = evaluated or _EVALUATES_OTHERS.search(sentence) is not None \
                or _EVALUATED_UPON.search(sentence) is not None\
                or _ANNOUNCES_BENCHMARK.search(sentence) is not None
            # "99%, 99% and 90%" are three claims (one per model), so equal values are all kept
            turn = _TURN.search(sentence)
            credited = _credited(sentence, text, own, names_in_title)
            contrast = _WHEREAS.search(sentence)
            if contrast is not None and not _OWN_SENTENCE.search(sentence, contrast.end()) \
                    and not any(n in sentence[contrast.end():] for n in names_in_title):
                credited.append((contrast.end(), len(sentence)))
            for n in numbers(masked):
                mine = n.own and not background and not problem \
                    and not (theirs and (turn is None or n.start < turn.start())) \
                    and not any(a <= n.start < b for a, b in credited)
                results.append(Result(n.kind, n.low, n.high, n.unit, sentence, what=n.what, metric=n.metric,
                                      baseline=n.baseline if mine else None, own=mine, direction=n.direction,
                                      confidence=n.confidence if mine == n.own else "unsure", share=n.share))
            end = offset + len(sentence)
            while next_name < len(names) and names[next_name][0] < offset:
                next_name += 1
            first = next_name
            while next_name < len(names) and names[next_name][0] < end:
                next_name += 1
            for _start, kind, name in names[first:next_name]:
                # a model named like the paper's own method is the contribution, not a model it evaluates
                family = name.lower().split()[0]
                if kind == "model" and own and (family == own or own.startswith(family + "-")):
                    continue
                if (kind, name) not in seen_facts:
                    seen_facts.add((kind, name))
                    facts.append(Fact(kind, name, sentence))
    return Extraction(tuple(results), tuple(f for f in facts if (f.kind, f.value) not in covered))


def _names(facts: tuple[Fact, ...], kind: str) -> tuple[str, ...]:
    return tuple(sorted({f.value for f in facts if f.kind == kind}))


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill results, facts, bits, hardware, datasets and models of every paper.

    With a ``memo``, a title and abstract read before with the same vocabularies are not read again.
    """
    vocab, diags = load_vocab(content)
    memo = memo if memo is not None else Memo()
    dropped: list[str] = []  # patterns left out after a timeout: part of what a cached value depends on
    while True:
        version = _version(memo, content, dropped)
        try:
            papers = [_filled(paper, vocab, memo, version) for paper in corpus.papers]
        except RegexTimeout as exc:  # left out for every paper, so no result depends on the clock
            diags.append(timeout_diagnostic(exc))
            vocab = vocab.without(exc.bounded)
            dropped.append(exc.bounded.pattern)
            continue
        return replace(corpus, papers=tuple(papers)), diags


def _version(memo: Memo, content: ContentFiles, dropped: list[str]) -> str:
    """What every cached extraction depends on besides its paper: the code, the vocabularies, the patterns
    left out after a timeout."""
    return memo.key([content.get(path) for path in VOCAB_FILES], dropped)


def _key(version: str, paper: Paper) -> str:
    return digest(version, paper.title, paper.abstract)


def _filled(paper: Paper, vocab: Vocab, memo: Memo, version: str) -> Paper:
    key = _key(version, paper)
    found = decoded(_extraction_from, memo.get("results", key))
    if found is None:
        found = extract(paper.title, paper.abstract, vocab)
        memo.put("results", key, _stored(found))
    return replace(paper, results=found.results, facts=found.facts, bits=_names(found.facts, "bits"),
                   hardware=_names(found.facts, "hardware"), datasets=_names(found.facts, "dataset"),
                   models=_names(found.facts, "model"))


_RESULT_FIELDS = tuple(f.name for f in fields(Result))


def _stored(found: Extraction) -> list[Any]:
    """An extraction as the memo keeps it (JSON)."""
    return [[[getattr(r, f) for f in _RESULT_FIELDS] for r in found.results],
            [[f.kind, f.value, f.quote] for f in found.facts]]


class Ahead:
    """Extraction started before ``enrich`` runs, in a forked child (``beside.Forked``), when the last run
    left none in the memo: a cold run reads its abstracts on a second core while topics are assigned.

    ``store`` puts the child's extractions into the memo under the keys ``enrich`` will look up, so
    ``enrich`` takes them as it takes a last run's: the same values either way. Papers the child did
    not finish (a pattern ran past its time bound) are left to ``enrich``, which handles that as always.
    """

    def __init__(self, corpus: Corpus, content: ContentFiles, memo: Memo) -> None:
        self._memo = memo
        self._child: beside.Forked[dict[str, Any]] | None = None
        # only when the last run left no extraction (a cold build, new code or vocabularies), so every paper
        # is new: a warm run's few new papers are read faster than a process forks
        papers = corpus.papers
        if not beside.wanted(len(papers)) or len(papers) < _AHEAD_FROM or memo.had("results"):
            return
        version = _version(memo, content, [])  # as ``enrich`` before any timeout
        self._child = beside.Forked(lambda: _extract_all(papers, content, version))

    def store(self) -> None:
        """Wait for the child and put what it extracted into the memo."""
        if self._child is None:
            return
        done = self._child.join() or {}
        self._child = None
        for key, value in done.items():
            self._memo.put("results", key, value)

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
            self._child = None


_AHEAD_FROM = 200  # fewer papers than this are read faster than a process forks and hands them back


def _extract_all(papers: tuple[Paper, ...], content: ContentFiles, version: str) -> dict[str, Any]:
    """In the child: each paper's extraction as the memo keeps it, by its key, until a pattern times out."""
    vocab, _diags = load_vocab(content)
    done: dict[str, Any] = {}
    try:
        for paper in papers:
            done[_key(version, paper)] = _stored(extract(paper.title, paper.abstract, vocab))
    except RegexTimeout:
        pass  # the rest is left to ``enrich``, which leaves the pattern out and reports it
    return done


def _extraction_from(value: Any) -> Extraction:
    stored_results, stored_facts = value
    results = []
    for stored in stored_results:
        if len(stored) != len(_RESULT_FIELDS):
            raise ValueError("a result of another shape")
        kind, low, high, unit, quote, verified, what, metric, baseline, own, direction, confidence, share = stored
        results.append(Result(as_text(kind), as_number(low), as_number(high), as_text(unit), as_text(quote),
                              as_flag(verified), as_optional(what), as_optional(metric), as_optional(baseline),
                              as_flag(own), as_optional(direction), as_text(confidence), as_flag(share)))
    return Extraction(tuple(results), tuple(Fact(as_text(k), as_text(v), as_text(q)) for k, v, q in stored_facts))


@dataclass(frozen=True)
class Cell:
    """One value in a comparison-table cell, linking to its evidence on the paper page."""

    text: str
    sort: float
    index: int  # 1-based into paper.results (source "result") or paper.facts (source "fact")
    source: str

    @property
    def anchor(self) -> str:
        return f"{self.source}-{self.index}"


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def result_text(result: Result) -> str:
    """``3.7–4.3×``, ``2×``, ``62%`` or ``10–40%``."""
    unit = "×" if result.unit == "x" else "%"
    if result.low == result.high:
        return f"{_number(result.low)}{unit}"
    return f"{_number(result.low)}–{_number(result.high)}{unit}"


def _bits_value(name: str) -> float:
    """A sort key for a format: its bit-width (ternary ~1.58, binary 1), formats without one last."""
    if name == "binary":
        return 1.0
    if name == "ternary":
        return 1.58
    m = re.search(r"\d+(?:\.\d+)?", name)
    return float(m.group(0)) if m else 99.0


def _saved(r: Result) -> float:
    """A percentage as the share of a cost saved, whatever its wording: "29% faster" saves 22.5% of the
    time, "only 6.3% of the time" saves 93.7%, "62% less memory" saves 62%. One scale for sorting."""
    if r.share:
        return 100.0 - r.high
    if r.direction == "gain" and r.metric in ("speed", "throughput"):
        return 100.0 * (1.0 - 1.0 / (1.0 + r.high / 100.0))
    if r.direction == "gain":
        return -r.high  # more of a cost
    return r.high


_METRIC_WORDS = {"speed": "", "KV cache": "KV cache", "model size": "size"}


def _qualifier(r: Result, implied: str) -> str:
    """What to add to a bare number in a column that already says what it measures."""
    metric = r.metric or ""
    word = _METRIC_WORDS.get(metric, metric)
    return "" if not word or metric == implied else " " + word


def cell_text(r: Result) -> str:
    """How a value reads in a topic table: "3.2× latency", "62% less", "6.3% of", "+2.9% accuracy"."""
    text = result_text(r)
    if r.unit == "%" and r.metric in _QUALITY:
        sign = {"gain": "+", "reduction": "−"}.get(r.direction or "", "")
        text = f"{sign}{text}{_qualifier(r, 'accuracy')}"
    elif r.unit == "%":
        word = " of" if r.share else {"gain": " more", "reduction": " less"}.get(r.direction or "", "")
        if r.direction == "gain" and r.metric in ("speed", "throughput"):
            word = " faster" if r.metric == "speed" else " more throughput"
        text += word + ("" if word.endswith(("faster", "throughput")) else _qualifier(r, "memory"))
    else:
        text += _qualifier(r, "speed" if r.metric in _SPEED else "memory")
    return text + ("?" if r.confidence == "unsure" else "")


_KIND_DIRECTION = {"speedup": "gain", "reduction": "reduction", "compression": "reduction"}
_COSTS = _SPEED | _MEMORY | {"compute", "energy", "cost", "bandwidth", "steps", "tokens", "data"}


def result_label(r: Result) -> str:
    """A value's description on its paper page: "speedup in latency, vs. vLLM", "decrease in accuracy",
    "share of time" (for "only 6.3% of the training time")."""
    metric = r.metric or r.what
    change = {"gain": "increase", "reduction": "decrease"}.get(r.direction or "", "")
    if r.unit == "x":
        word = r.kind if r.kind in ("speedup", "reduction", "compression") else change
    else:
        word = "share" if r.share and metric in _COSTS else change
    if word == "speedup" and metric == "speed":
        label = word
    elif word and metric:
        label = f"{word} {'of' if word == 'share' else 'in'} {metric}"
    else:
        label = word or metric or ""
    if r.baseline:
        label += f", vs. {r.baseline}"
    return label


def table_cells(paper: Paper) -> dict[str, list[Cell]]:
    """Cells for the topic comparison columns; several values ordered by size, no value an empty list.

    Only the paper's own results appear (values it quotes from earlier work stay on its page). Each
    column holds one unit on one scale: factors by their size, speed and memory percentages by the
    share of the cost they save, accuracy by the change it reports (absolute scores sort last).
    """
    cells: dict[str, list[Cell]] = {column: [] for column in COLUMNS}
    shown: dict[str, set[str]] = {column: set() for column in COLUMNS}

    def add(column: str, cell: Cell) -> None:
        if cell.text not in shown[column]:
            shown[column].add(cell.text)
            cells[column].append(cell)

    for i, r in enumerate(paper.results, 1):
        if not r.own:
            continue
        metric = r.metric or ("speed" if r.kind == "speedup" else r.what)  # a curated speedup names no metric
        if r.direction is None or r.metric is None:
            # a curated note's value says only its kind and "what": read the rest from them
            r = replace(r, metric=metric, direction=r.direction or _KIND_DIRECTION.get(r.kind))
        speed = metric in _SPEED
        memory = metric in _MEMORY or r.kind == "compression"
        if r.unit == "x" and speed:
            add("Speedup ×", Cell(cell_text(r), r.high, i, "result"))
        elif r.unit == "x" and memory:
            add("Memory ×", Cell(cell_text(r), r.high, i, "result"))
        elif r.unit == "%" and metric in _QUALITY:
            change = {"gain": r.high, "reduction": -r.high}.get(r.direction or "") if not r.share else None
            add("Accuracy", Cell(cell_text(r), change if change is not None else -1000.0, i, "result"))
        elif r.unit == "%" and speed and r.direction:
            add("Speedup %", Cell(cell_text(r), _saved(r), i, "result"))
        elif r.unit == "%" and memory and (r.direction or r.share):
            add("Memory %", Cell(cell_text(r), _saved(r), i, "result"))
    columns = {"bits": "Bits", "hardware": "Hardware", "dataset": "Datasets"}
    for i, f in enumerate(paper.facts, 1):
        if f.kind in columns:
            add(columns[f.kind], Cell(f.value, _bits_value(f.value) if f.kind == "bits" else 0.0, i, "fact"))
    for column in COLUMNS:
        cells[column].sort(key=lambda c: (c.sort, c.text.lower(), c.index))
    return cells
