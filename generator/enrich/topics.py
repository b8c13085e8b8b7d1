"""Sort papers into the curated topic tree, keeping the evidence for every assignment.

Each leaf topic's weighted phrases are matched against a paper's title and abstract; a leaf whose
evidence reaches the threshold is assigned, best first, at most ``max_topics`` of them. Parents are
never assigned directly: they aggregate their descendants (``papers_in``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..content import ContentFiles, split_lines
from ..diagnostics import Diagnostic
from ..extract.vocab import Pattern, needles
from ..memo import Memo, as_number, as_text, digest
from ..memo import decoded as _decoded
from ..model import Corpus, Evidence, Paper, Topic, TopicAssignment
from ..saferegex import RegexTimeout, timeout_diagnostic
from ..sanitize import render_curated
from ..taxonomy import PATH, Rule, Settings, Taxonomy, TopicRules, normalize, parse

TOPICS_DIR = "topics"


@dataclass(frozen=True)
class RuleIndex:
    """Phrase rules by their first word, so a paper looks up the few rules its words can match."""

    by_word: Mapping[str, list[tuple[Rule, frozenset[str], tuple[str, ...]]]]  # with what else it needs
    scoring_topic: Mapping[Rule, str]  # a scoring phrase rule -> its topic
    always: frozenset[str]  # topics with regex rules: always scored


def _needs(rule: Rule) -> tuple[Rule, frozenset[str], tuple[str, ...]]:
    """A phrase rule with the words it needs besides its last, and its last word's accepted forms:
    the same test as ``_Text._words_present``, as set operations done once per rule."""
    *head, last = rule.words
    return rule, frozenset(head), (last, last + "s", last + "es")


def rule_index(taxonomy: Taxonomy) -> RuleIndex:
    by_word: dict[str, list[tuple[Rule, frozenset[str], tuple[str, ...]]]] = defaultdict(list)
    scoring: dict[Rule, str] = {}
    always: set[str] = set()
    for rule in taxonomy.signals.rules if taxonomy.signals else ():
        if rule.words and not rule.on_raw:
            by_word[rule.words[0]].append(_needs(rule))
    for topic_id, rules in taxonomy.rules.items():
        for rule in (*rules.scope, *rules.rules, *rules.require, *rules.exclude):
            if rule.on_raw or not rule.words:
                always.add(topic_id)
            else:
                by_word[rule.words[0]].append(_needs(rule))
        scoring.update((rule, topic_id) for rule in rules.rules if rule.words and not rule.on_raw)
    return RuleIndex(by_word, scoring, frozenset(always))


class _Text:
    """A paper's title and abstract, prepared once for every rule."""

    def __init__(self, paper: Paper, index: RuleIndex | None = None) -> None:
        self.title = normalize(paper.title)
        self.abstract = normalize(paper.abstract or "")
        self.raw_title = paper.title.lower()
        self.raw_abstract = (paper.abstract or "").lower()
        self.words = set(self.title.split()) | set(self.abstract.split())
        # With an index, the phrase rules whose words all occur, found from the paper's words
        # (singular forms included) instead of testing every rule of every topic.
        self.live: set[Rule] | None = None
        self.topics: frozenset[str] | set[str] = frozenset()
        # where each pattern matched (title, abstract): signals, scopes and topics share phrases
        self._found: dict[tuple[Pattern, bool], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        if index is not None:
            keys = self.words | {w[:-1] for w in self.words if w.endswith("s")} | {
                w[:-2] for w in self.words if w.endswith("es")}
            words = self.words
            self.live = {rule for w in keys for rule, head, lasts in index.by_word.get(w, ())
                         if head <= words and not words.isdisjoint(lasts)}
            # topics worth scoring: a scoring phrase occurs, or they have rules the index cannot judge
            self.topics = index.always | {index.scoring_topic[r] for r in self.live if r in index.scoring_topic}

    def may_match(self, rule: Rule) -> bool:
        """False when a phrase's words are not all in the text: most rules fail this cheap test."""
        if rule.on_raw or not rule.words:
            return True
        if self.live is not None:
            return rule in self.live
        return self._words_present(rule)

    def _words_present(self, rule: Rule) -> bool:
        *head, last = rule.words
        return all(w in self.words for w in head) and (
            last in self.words or last + "s" in self.words or last + "es" in self.words)

    def spans(self, rule: Rule) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Where ``rule`` matches the title and the abstract (computed once per pattern and paper)."""
        found = self._found.get((rule.pattern, rule.on_raw))
        if found is None:
            title, abstract = (self.raw_title, self.raw_abstract) if rule.on_raw else (self.title, self.abstract)
            hints = needles(rule.pattern) if rule.on_raw else None
            if hints is not None and not any(h in title or h in abstract for h in hints):
                found = ([], [])  # a literal every match needs is absent: no regex scan
            else:
                found = ([m.span() for m in rule.pattern.finditer(title)],
                         [m.span() for m in rule.pattern.finditer(abstract)])
            self._found[(rule.pattern, rule.on_raw)] = found
        return found

    def counts(self, rule: Rule) -> tuple[int, int]:
        """How often ``rule`` matches the title and the abstract."""
        if not self.may_match(rule):
            return 0, 0
        title, abstract = self.spans(rule)
        return len(title), len(abstract)

    def matches(self, rule: Rule) -> bool:
        title, abstract = self.counts(rule)
        return bool(title or abstract)

    def phrase_counts(self, rules: Iterable[Rule]) -> dict[Rule, tuple[int, int]]:
        """Counts for a topic's phrases where the longest phrase claims the words it covers.

        Without this, "kv cache" would also score as "kv" and as "cache", and "tensor cores" as
        "tensor core": one mention would count two or three times.
        """
        return {rule: (len(title), len(abstract)) for rule, (title, abstract) in self.phrase_spans(rules).items()}

    def phrase_spans(self, rules: Iterable[Rule]) -> dict[Rule, tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        """Where each phrase matches the title and the abstract, the longest phrase claiming its words.

        Longest in words; of two as long, the heavier claims first: in "sparse attention mechanism" the
        words are "sparse attention" (a technique), not "attention mechanism" (every transformer's).
        """
        live = self.live
        present = [r for r in rules if r in live] if live is not None else [r for r in rules if self.may_match(r)]
        ordered = sorted(present, key=_claim_order)
        out: dict[Rule, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        claimed: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
        for rule in ordered:
            found = []
            for spans, taken in zip(self.spans(rule), claimed, strict=True):
                free = [sp for sp in spans if not any(sp[0] < end and start < sp[1] for start, end in taken)]
                taken.extend(free)
                found.append(free)
            out[rule] = (found[0], found[1])
        return out


@cache
def _claim_order(rule: Rule) -> tuple[int, float, int, str]:
    """Which phrase claims shared words first: the longest in words, then the heaviest (per rule, once)."""
    return -len(rule.label.split()), -rule.weight, -len(rule.label), rule.label


def contribution(weight: float, in_title: int, in_abstract: int) -> float:
    """A rule's share of a score: its weight once, again if the title says it, a little more on repetition.

    A title is the author's own summary, so a phrase there counts double; repeated use in the abstract
    separates a paper *about* a technique from one that mentions it in passing.
    """
    if not (in_title or in_abstract):
        return 0.0
    value = weight
    if in_title:
        value += weight
    if in_abstract > 1:
        value += weight * 0.25 * min(in_abstract - 1, 2)
    return value


def score(text: _Text, rules: TopicRules, title_weight: float = 3.0) -> tuple[float, tuple[Evidence, ...], bool]:
    """The evidence a paper's text gives for one topic, and whether a strong rule matched its title.

    ``(0, (), False)`` when an excluded term appears or no required term does.
    """
    if any(text.matches(rule) for rule in rules.exclude):
        return 0.0, (), False
    if rules.require and not any(text.matches(rule) for rule in rules.require):
        return 0.0, (), False
    evidence = []
    titled = False
    phrases = text.phrase_spans(rules.phrases)
    defined = _defined_abbreviations(phrases)
    # only rules that occur can add evidence (a phrase absent from ``phrases`` scores 0); the order
    # does not matter, the evidence is sorted below
    found = [(rule, *text.counts(rule)) for rule in rules.regexes]
    found += [(rule, len(title) - defined[rule][0], len(abstract) - defined[rule][1])
              for rule, (title, abstract) in phrases.items()]
    for rule, in_title, in_abstract in found:
        value = contribution(rule.weight, in_title, in_abstract)
        titled = titled or bool(in_title and rule.weight >= title_weight)
        if value:
            evidence.append(Evidence(rule.label, round(value, 2)))
    evidence.sort(key=lambda e: (-e.weight, e.phrase))
    return round(sum(e.weight for e in evidence), 2), tuple(evidence), titled


# Weak cost words (weight under 2: "efficient", "scalable", "faster") add at most this much from an
# abstract to a paper's signal: every abstract calls its method efficient, a paper about cost names
# what it saves. In a title they count in full ("Faster Diffusion", "... for Accelerating MoE").
_WEAK_SIGNAL = 2.0
_WEAK_CAP = 1.5


def signal(text: _Text, taxonomy: Taxonomy) -> float:
    """How strongly a paper's title and abstract speak of cost (speed, memory, energy, size...)."""
    if taxonomy.signals is None:
        return 0.0
    strong = weak = 0.0
    phrases = text.phrase_counts(taxonomy.signals.phrases)
    for rule in taxonomy.signals.rules:  # in file order: the sums below are of floats
        if not rule.on_raw and rule not in phrases:
            continue  # not in the text: adds nothing
        in_title, in_abstract = phrases[rule] if not rule.on_raw else text.counts(rule)
        if rule.weight >= _WEAK_SIGNAL:
            strong += contribution(rule.weight, in_title, in_abstract)
        else:
            strong += contribution(rule.weight, in_title, 0) if in_title else 0.0
            weak += contribution(rule.weight, 0, in_abstract)
    return round(strong + min(weak, _WEAK_CAP), 2)


def in_scope(text: _Text, rules: TopicRules) -> bool:
    """The paper is about the topic's subject itself (``scope``), whatever it says of cost: the title
    names it, or the abstract names two different scope phrases ("continual learning ... catastrophic
    forgetting"); one word repeated ("relation LoRA triplet") is a tool, not the subject, and so is
    one term spelled out and abbreviated ("Mixture-of-Experts (MoE)")."""
    phrases = text.phrase_counts(r for r in rules.scope if not r.on_raw)
    named: dict[str, str] = {}
    for rule in rules.scope:
        title, abstract = phrases.get(rule, (0, 0)) if not rule.on_raw else text.counts(rule)
        if title:
            return True
        if abstract:  # "optimizer" and "optimizers" both match "optimizers": one phrase, not two
            named[_singular(rule.label)] = rule.label
    # an abbreviation of another phrase named ("moe" beside "mixture of experts", "lora" beside "low rank
    # adaptation") is that phrase again
    longs = [label for label in named.values() if " " in label]
    return len([label for label in named.values() if not any(_abbreviates(label, long) for long in longs)]) >= 2


def _defined_abbreviations(phrases: Mapping[Rule, tuple[list[tuple[int, int]], list[tuple[int, int]]]]
                           ) -> defaultdict[Rule, tuple[int, int]]:
    """How often each phrase is only the abbreviation of the phrase just before it, in the title and
    the abstract: "parameter-efficient fine-tuning (PEFT)" names one thing once, not twice."""
    out: defaultdict[Rule, tuple[int, int]] = defaultdict(lambda: (0, 0))
    long_forms = [rule for rule in phrases if " " in rule.label]
    for rule, (title, abstract) in phrases.items():
        forms = [form for form in long_forms if _abbreviates(rule.label, form.label)] if " " not in rule.label else []
        if not forms:
            continue
        counts = []
        for place, spans in enumerate((title, abstract)):
            ends = {end for form in forms for _start, end in phrases[form][place]}
            counts.append(sum(start in ends for start, _end in spans))
        out[rule] = (counts[0], counts[1])
    return out


def _singular(label: str) -> str:
    return label.removesuffix("s")


@cache  # pure on two labels, and asked for every paper and topic with the same few pairs
def _abbreviates(short: str, long: str) -> bool:
    """Whether one word abbreviates a phrase: its letters are the beginnings of the phrase's words, in
    order, each word giving at least its first letter. "moe" is "mixture of experts" (initials), and so
    is "lora" "low rank adaptation" (lo-r-a) and "vit" "vision transformer" (vi-t)."""
    def spells(letters: str, rest: list[str]) -> bool:
        if not rest:
            return not letters
        word, *after = rest
        return any(letters[:k] == word[:k] and spells(letters[k:], after)
                   for k in range(1, min(len(word), len(letters) - len(after)) + 1))

    # either may be plural ("moes", "mixture of experts"; "nas", "neural architecture search")
    return " " not in short and any(spells(s, long_form.split()) for s in {short, _singular(short)}
                                    for long_form in {long, _singular(long)})


def assign(paper: Paper, taxonomy: Taxonomy, text: _Text | None = None) -> tuple[TopicAssignment, ...]:
    """A paper's best leaf topics, best first (ties in taxonomy order).

    An application-area topic (``gate: true``) may claim a paper only when the paper speaks of
    efficiency (its ``signals`` reach ``signal_score``) or its title names the topic's ``scope``:
    "video generation" or "mobile devices" alone do not make a paper part of an efficiency survey.
    """
    text = text if text is not None else _Text(paper)
    settings: Settings = taxonomy.settings
    order = {t.id: i for i, t in enumerate(taxonomy.topics)}
    found = []
    titled: set[str] = set()
    efficient = taxonomy.signals is None or signal(text, taxonomy) >= settings.signal_score
    for topic_id, rules in taxonomy.rules.items():
        if text.live is not None and topic_id not in text.topics:
            continue  # no phrase of this topic occurs in the paper: its score is 0
        scoped = efficient or in_scope(text, rules)
        if rules.gate and not scoped:
            continue
        value, evidence, in_title = score(text, rules, settings.title_weight)
        threshold = settings.min_score if rules.min_score is None else rules.min_score
        if not scoped:
            threshold *= 2  # a technique word in a paper that says nothing of cost: one mention is not enough
        if value > 0 and value >= threshold:
            found.append(TopicAssignment(topic_id, value, evidence))
            if in_title:
                titled.add(topic_id)
    found.sort(key=lambda a: (-a.score, order.get(a.topic, 0)))
    if not found:
        return ()
    # a weaker topic stays if it is close to the best one, if the title itself names it and it is
    # not far behind ("4-bit Shampoo for Memory-Efficient Network Training": quantization as well),
    # or if the paper discusses it at length on its own ("DreamLite: A Lightweight On-Device Unified
    # Model for Image Generation": on-device first, but its diffusion model is a subject too)
    best = found[0].score
    floor = best * settings.keep_ratio
    titled_floor = best * settings.title_ratio
    strong = settings.strong_score or float("inf")
    kept = [a for a in found if a.score >= floor or (a.topic in titled and a.score >= titled_floor)
            or (a.score >= strong and a.score >= best * settings.strong_ratio)]
    if len(kept) > settings.max_topics:
        # more topics than room: the techniques the title names go first ("Unified Quantization and Low-rank
        # Compression for ... Edge LLMs" keeps low-rank over the architectures its abstract lists), then best
        # first; an application or recipe in a title ("..., and Reinforcement Learning") takes no precedence
        first = {t for t in titled if not taxonomy.rules[t].gate}
        ranked = sorted(kept, key=lambda a: (a.topic not in first, -a.score, order.get(a.topic, 0)))
        chosen = {a.topic for a in ranked[: settings.max_topics]}
        kept = [a for a in kept if a.topic in chosen]
    return tuple(kept)


def strip_front_matter(text: str) -> str:
    """The Markdown body of an intro file, without an optional leading ``---`` YAML block."""
    lines = split_lines(text, keepends=True)
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "".join(lines[i + 1 :]).strip("\n") + "\n"
    return text.strip("\n") + "\n"


def _intros(topics: tuple[Topic, ...], content: ContentFiles) -> tuple[dict[str, str], list[Diagnostic]]:
    known = {t.id for t in topics}
    intros: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for path in content.under(TOPICS_DIR):
        name = path[len(TOPICS_DIR) + 1 :]
        if not name.endswith(".md"):
            diags.append(Diagnostic(content.display(path), 1, "warning", "unexpected-file",
                                    "only <topic-id>.md intro files belong in topics/; this file is ignored"))
            continue
        topic_id = name[: -len(".md")]
        if topic_id not in known:
            diags.append(Diagnostic(content.display(path), 1, "warning", "unknown-topic",
                                    f"intro for unknown topic {topic_id!r}: no topic with that id in "
                                    f"{content.display(PATH)}"))
            continue
        intro = strip_front_matter(content[path])
        _html, problem = render_curated(intro)
        if problem:
            diags.append(Diagnostic(content.display(path), 1, "error", "intro-markdown", f"intro left out: {problem}"))
            continue
        intros[topic_id] = intro
    return intros, diags


class _Unmatched:
    """Rules no paper matches yet: a typo, dead weight, or a rule written ahead of its papers.

    Notes (``survey check --verbose``), not warnings: a living survey's taxonomy names the phrases
    of a technique before its first paper arrives ("overthinking" for efficient reasoning), and a
    strict build must not fail until one does. Papers are shown one at a time (``see``), so no
    paper's prepared text outlives its own sorting: holding all of them for this check cost
    210 MB at 10,000 papers.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        # weight-0 phrases only guard words against a shorter phrase; matching nothing is fine
        self.order = [(topic_id, rule) for topic_id, rules in taxonomy.rules.items()
                      for rule in (*(r for r in rules.rules if r.weight), *rules.require)]
        # a phrase can match only a text whose words hold it (``_Text.live``), so a paper is asked
        # only about the unmatched phrases among its live ones; patterns are asked of every paper
        self.phrases = {rule for _, rule in self.order if rule.words and not rule.on_raw}
        self.patterns = list(dict.fromkeys(rule for _, rule in self.order if rule.on_raw or not rule.words))

    def see(self, text: _Text) -> None:
        """Cross off the rules ``text`` matches."""
        live = text.live
        phrases = self.phrases & live if live is not None else {r for r in self.phrases if text.may_match(r)}
        self.phrases -= {rule for rule in phrases if text.matches(rule)}
        if self.patterns:
            self.patterns = [rule for rule in self.patterns if not text.matches(rule)]

    def diagnostics(self, display: str) -> list[Diagnostic]:
        left = self.phrases | set(self.patterns)
        return [Diagnostic(display, rule.line, "info", "unmatched-rule",
                           f"rule {rule.label!r} of topic {topic_id!r} matches no paper yet")
                for topic_id, rule in self.order if rule in left]


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Corpus.topics`` (parents before children) and each paper's best 1–4 leaf topics.

    With a ``memo``, a paper whose title and abstract were sorted before under the same taxonomy
    takes its topics from there; the unmatched-rule check reruns only when some paper changed.
    """
    display = content.display(PATH)
    if PATH not in content:
        return corpus, [Diagnostic(display, 0, "info", "no-taxonomy", "no taxonomy: papers are not sorted into topics")]
    taxonomy, diags = parse(content[PATH], display)
    intros, found = _intros(taxonomy.topics, content)
    diags.extend(found)
    topics = tuple(replace(t, intro=intros.get(t.id)) for t in taxonomy.topics)
    memo = memo if memo is not None else Memo()
    dropped: list[str] = []  # patterns left out after a timeout: part of what a cached value depends on
    while True:
        try:
            papers, unused = _sorted(corpus.papers, taxonomy, display, memo, memo.key(content[PATH], dropped))
        except RegexTimeout as exc:  # left out for every paper, so no assignment depends on the clock
            diags.append(timeout_diagnostic(exc))
            taxonomy = taxonomy.without(exc.bounded)
            dropped.append(exc.bounded.pattern)
            continue
        return replace(corpus, topics=topics, papers=papers), diags + unused


def _sorted(papers: tuple[Paper, ...], taxonomy: Taxonomy, display: str, memo: Memo,
            version: str) -> tuple[tuple[Paper, ...], list[Diagnostic]]:
    """Every paper with its topics, and the rules no paper matches; from ``memo`` where it knows them."""
    index = rule_index(taxonomy)
    keys = [digest(version, p.title, p.abstract) for p in papers]
    unused_key = digest(version, keys)
    unused = _decoded(_unused_from, memo.get("topics-unused", unused_key), display)
    check = _Unmatched(taxonomy) if unused is None else None
    assigned = []
    for paper, key in zip(papers, keys, strict=True):
        found = _decoded(_assignments_from, memo.get("topics", key))
        if found is None or check is not None:
            text = _Text(paper, index)  # one paper's at a time; its pattern matches serve both uses
            if check is not None:
                check.see(text)
            if found is None:
                found = assign(paper, taxonomy, text)
                memo.put("topics", key, [[a.topic, a.score, [[e.phrase, e.weight] for e in a.evidence]] for a in found])
        assigned.append(replace(paper, topics=found))
    if unused is None:
        unused = check.diagnostics(display) if check is not None else []
        memo.put("topics-unused", unused_key, [[d.line, d.message] for d in unused])
    return tuple(assigned), unused


def _assignments_from(value: Any) -> tuple[TopicAssignment, ...]:
    # numbers as stored: a weight read as 2 renders as "2", as 2.0 it would render "2.0"
    return tuple(TopicAssignment(as_text(topic), as_number(score), tuple(Evidence(as_text(p), as_number(w)) for p, w in evidence))
                 for topic, score, evidence in value)


def _unused_from(value: Any, display: str) -> list[Diagnostic]:
    return [Diagnostic(display, int(as_number(line)), "info", "unmatched-rule", as_text(message)) for line, message in value]


# ---- helpers for the renderer, `survey check` and the maintainers page ----------------------------


def roots(topics: Iterable[Topic]) -> list[Topic]:
    """Top-level topics, in taxonomy order."""
    return [t for t in topics if t.parent is None]


def children(topics: Iterable[Topic], topic_id: str) -> list[Topic]:
    """Direct children of ``topic_id``, in taxonomy order."""
    return [t for t in topics if t.parent == topic_id]


def descendants(topics: Iterable[Topic], topic_id: str) -> list[str]:
    """Ids of every topic below ``topic_id`` (not itself), parents before children."""
    topics = list(topics)
    out: list[str] = []
    frontier = [topic_id]
    while frontier:
        here = frontier.pop(0)
        for child in children(topics, here):
            if child.id not in out and child.id != topic_id:  # a cycle never reaches here, but stay finite
                out.append(child.id)
                frontier.append(child.id)
    order = {t.id: i for i, t in enumerate(topics)}
    return sorted(out, key=lambda t: order[t])


def papers_in(corpus: Corpus, topic_id: str) -> list[Paper]:
    """Papers assigned to ``topic_id`` or any topic below it, in corpus order; parents aggregate children."""
    wanted = {topic_id, *descendants(corpus.topics, topic_id)}
    return [p for p in corpus.papers if any(a.topic in wanted for a in p.topics)]


def leaves(topics: Iterable[Topic]) -> list[Topic]:
    """Topics with no children, in taxonomy order: the only ones papers are assigned to."""
    topics = list(topics)
    parents = {t.parent for t in topics}
    return [t for t in topics if t.id not in parents]


def unsorted(corpus: Corpus) -> list[Paper]:
    """Papers no topic claims, in corpus order: the maintainers page lists them, `survey check` counts them."""
    return [p for p in corpus.papers if not p.topics]
