"""Read and check content/taxonomy.yml: the curated topic tree and the rules that sort papers into it.

Parsing is pure (text in, topics and diagnostics out); every problem names the file and the line of
the key it is about, so a curator fixing a pull request never has to guess where.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from . import yamlfile
from .diagnostics import Diagnostic
from .inventory import id_problem
from .model import SourceRef, Topic
from .saferegex import CuratedRegex, compile_curated

PATH = "taxonomy.yml"
_TOPIC_KEYS = {"id", "title", "parent", "description", "rules"}
_RULE_KEYS = {"phrases", "regex", "require", "exclude", "min_score", "scope", "gate"}
_DEFAULT_KEYS = {"min_score", "max_topics", "keep_ratio", "title_weight", "title_ratio", "signal_score",
                 "strong_score", "strong_ratio"}
_SIGNAL_KEYS = {"phrases", "regex"}


def normalize(text: str) -> str:
    """Lower-case, every run of non-alphanumerics one space, padded: phrases match on word boundaries."""
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


@dataclass(frozen=True, eq=False)
class Rule:
    """One weighted pattern: a phrase (matched on normalized words, plural-tolerant) or a regex.

    Compared by identity (each rule is one line of the taxonomy): rules key per-paper caches, and
    field-by-field hashing was a tenth of assignment time.
    """

    label: str  # what the evidence shows: the phrase, or ``/regex/``
    pattern: re.Pattern[str] | CuratedRegex  # a curator's regex is time-bounded
    weight: float
    line: int
    on_raw: bool  # regexes see the lower-cased raw text; phrases see normalized text
    words: tuple[str, ...] = ()  # a phrase's words: a cheap test before the regex runs


@dataclass(frozen=True)
class TopicRules:
    """Everything that decides whether a paper belongs to one leaf topic."""

    topic: str
    rules: tuple[Rule, ...] = ()
    require: tuple[Rule, ...] = ()  # at least one must match, else the topic is not eligible
    exclude: tuple[Rule, ...] = ()  # any match makes the topic not eligible
    min_score: float | None = None
    gate: bool = False  # an application area: needs the paper's efficiency signal...
    scope: tuple[Rule, ...] = ()  # ...unless the title names one of these

    # the scoring rules split by how they match, worked out once per taxonomy instead of per paper
    @cached_property
    def phrases(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if not rule.on_raw)

    @cached_property
    def regexes(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.on_raw)


@dataclass(frozen=True)
class Settings:
    """Assignment knobs, overridable under ``defaults:`` in the taxonomy."""

    min_score: float = 3.0  # a leaf needs this much evidence
    max_topics: int = 4  # at most this many leaves per paper
    keep_ratio: float = 0.7  # secondary leaves need this fraction of the best leaf's score...
    title_weight: float = 3.0  # ...unless a rule at least this strong matches the title...
    title_ratio: float = 0.0  # ...and the leaf has at least this fraction of the best score
    strong_score: float = 0.0  # a leaf with this much evidence of its own (0: no such rule)...
    strong_ratio: float = 1.0  # ...stays if it has at least this fraction of the best score
    signal_score: float = 3.0  # efficiency evidence (``signals``) a paper needs before a topic may claim it


@dataclass(frozen=True)
class Taxonomy:
    """The parsed tree: topics in file order, their rules, and settings."""

    topics: tuple[Topic, ...] = ()
    rules: dict[str, TopicRules] = field(default_factory=dict)
    settings: Settings = Settings()
    # what shows a paper is about efficiency (cost words, not subject words); None: no gate
    signals: TopicRules | None = None

    def without(self, pattern: object) -> Taxonomy:
        """The taxonomy with every rule that uses ``pattern`` left out (a pattern that ran past its time bound)."""
        def kept(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
            return tuple(r for r in rules if r.pattern is not pattern)

        def keep(rules: TopicRules) -> TopicRules:  # every other field (gate, min_score) stays
            return replace(rules, rules=kept(rules.rules), require=kept(rules.require), exclude=kept(rules.exclude),
                           scope=kept(rules.scope))

        return replace(self, rules={tid: keep(r) for tid, r in self.rules.items()},
                       signals=keep(self.signals) if self.signals is not None else None)


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a regex over normalized text; a trailing ``s``/``es`` is tolerated (cache, caches)."""
    words = normalize(phrase).strip()
    # the leading space is matched, not looked behind: a literal start lets the engine skip ahead (7x faster)
    return re.compile(" " + re.escape(words) + r"(?:e?s)?(?= )")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None  # "1e999" and "nan" are not weights


class _Parser:
    def __init__(self, located: yamlfile.Located, display: str) -> None:
        self.doc = located
        self.display = display
        self.diags: list[Diagnostic] = []

    def err(self, line: int, code: str, message: str, severity: str = "error") -> None:
        self.diags.append(Diagnostic(self.display, line, severity, code, message))  # type: ignore[arg-type]

    def terms(self, value: Any, where: tuple[Any, ...], key: str) -> tuple[Rule, ...]:
        """``require``/``exclude``: a list of phrases (or ``/regex/``), each weight 0."""
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            line = self.doc.line(*where, key, i) if isinstance(value, list) else self.doc.line(*where, key)
            rule = self.rule(str(item), 0.0, line, regex=str(item).startswith("/") and str(item).endswith("/"))
            if rule:
                out.append(rule)
        return tuple(out)

    def rule(self, text: str, weight: float, line: int, regex: bool) -> Rule | None:
        if regex:
            source = text[1:-1] if text.startswith("/") and text.endswith("/") and len(text) > 1 else text
            try:
                pattern = compile_curated(source, re.IGNORECASE, (self.display, line))
            except re.error as exc:
                self.err(line, "invalid-regex", f"regular expression {source!r} does not compile: {exc}")
                return None
            return Rule(f"/{source}/", pattern, weight, line, on_raw=True)
        if not normalize(text).strip():
            self.err(line, "empty-phrase", f"phrase {text!r} has no letters or digits to match")
            return None
        return Rule(text, phrase_pattern(text), weight, line, on_raw=False, words=tuple(normalize(text).split()))

    def weighted(self, value: Any, where: tuple[Any, ...], key: str, regex: bool) -> list[Rule]:
        if value is None:
            return []
        if not isinstance(value, dict):
            self.err(self.doc.line(*where, key), "invalid-rules",
                     f"`{key}` must map each {'pattern' if regex else 'phrase'} to a weight")
            return []
        out = []
        for text, raw in value.items():
            line = self.doc.line(*where, key, text)
            weight = _number(raw)
            if weight is None:
                self.err(line, "invalid-weight", f"weight of {text!r} must be a number, got {raw!r}")
                continue
            rule = self.rule(str(text), weight, line, regex)
            if rule:
                out.append(rule)
        return out

    def rules(self, topic_id: str, value: Any, where: tuple[Any, ...]) -> TopicRules | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.err(self.doc.line(*where), "invalid-rules", f"`rules` of topic {topic_id!r} must be a mapping")
            return None
        for key in sorted(set(value) - _RULE_KEYS, key=str):
            self.err(self.doc.line(*where, key), "unknown-key",
                     f"unknown rule key {key!r} (expected one of {', '.join(sorted(_RULE_KEYS))})")
        weighted = self.weighted(value.get("phrases"), where, "phrases", regex=False)
        weighted += self.weighted(value.get("regex"), where, "regex", regex=True)
        min_score = None
        if "min_score" in value:
            min_score = _number(value["min_score"])
            if min_score is None:
                self.err(self.doc.line(*where, "min_score"), "invalid-weight", "`min_score` must be a number")
        raw_gate = value.get("gate", False)
        # this YAML loader keeps plain scalars as text: "true" is a string here
        gate = raw_gate if isinstance(raw_gate, bool) else {"true": True, "false": False}.get(str(raw_gate).lower())
        if gate is None:
            self.err(self.doc.line(*where, "gate"), "invalid-rules", f"`gate` of topic {topic_id!r} must be true or false")
            gate = False
        return TopicRules(topic_id, tuple(weighted), self.terms(value.get("require"), where, "require"),
                          self.terms(value.get("exclude"), where, "exclude"), min_score, gate,
                          self.terms(value.get("scope"), where, "scope"))

    def signals(self, value: Any) -> TopicRules | None:
        """The ``signals:`` block: weighted phrases and regexes, like a topic's rules."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.err(self.doc.line("signals"), "invalid-rules", "`signals` must map `phrases`/`regex` to weights")
            return None
        for key in sorted(set(value) - _SIGNAL_KEYS, key=str):
            self.err(self.doc.line("signals", key), "unknown-key",
                     f"unknown signals key {key!r} (expected one of {', '.join(sorted(_SIGNAL_KEYS))})")
        weighted = self.weighted(value.get("phrases"), ("signals",), "phrases", regex=False)
        weighted += self.weighted(value.get("regex"), ("signals",), "regex", regex=True)
        return TopicRules("signals", tuple(weighted))

    def settings(self, value: Any) -> Settings:
        if value is None:
            return Settings()
        if not isinstance(value, dict):
            self.err(self.doc.line("defaults"), "invalid-defaults", "`defaults` must be a mapping")
            return Settings()
        values: dict[str, float] = {}
        for key, raw in value.items():
            line = self.doc.line("defaults", key)
            number = _number(raw)
            if key not in _DEFAULT_KEYS:
                self.err(line, "unknown-key", f"unknown default {key!r} (expected one of {', '.join(sorted(_DEFAULT_KEYS))})")
            elif number is None or number < 0:
                self.err(line, "invalid-defaults", f"`{key}` must be a non-negative number, got {raw!r}")
            else:
                values[key] = number
        base = Settings()
        return Settings(
            min_score=values.get("min_score", base.min_score),
            max_topics=max(1, int(values.get("max_topics", base.max_topics))),
            keep_ratio=values.get("keep_ratio", base.keep_ratio),
            title_weight=values.get("title_weight", base.title_weight),
            title_ratio=values.get("title_ratio", base.title_ratio),
            signal_score=values.get("signal_score", base.signal_score),
            strong_score=values.get("strong_score", base.strong_score),
            strong_ratio=values.get("strong_ratio", base.strong_ratio),
        )


def parse(text: str, display: str = "content/taxonomy.yml", path: str = PATH) -> tuple[Taxonomy, list[Diagnostic]]:
    """Parse and check the taxonomy; the topics come back in file order, broken ones left out."""
    located, diags = yamlfile.load(text, display)
    if located is None:
        return Taxonomy(), diags
    p = _Parser(located, display)
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        p.err(1, "invalid-taxonomy", "expected a mapping with a `topics:` list")
        return Taxonomy(), diags + p.diags
    for key in sorted(set(data) - {"topics", "defaults", "signals"}, key=str):
        p.err(located.line(key), "unknown-key",
              f"unknown top-level key {key!r} (expected `topics`, `defaults`, `signals`)")
    settings = p.settings(data.get("defaults"))
    signals = p.signals(data.get("signals"))

    topics: dict[str, Topic] = {}
    raw_rules: dict[str, TopicRules | None] = {}
    index_of: dict[str, int] = {}
    for index, item in enumerate(data["topics"]):
        where = ("topics", index)
        line = located.line(*where)
        if not isinstance(item, dict):
            p.err(line, "invalid-topic", "each topic must be a mapping with `id` and `title`")
            continue
        for key in sorted(set(item) - _TOPIC_KEYS, key=str):
            p.err(located.line(*where, key), "unknown-key",
                  f"unknown topic key {key!r} (expected one of {', '.join(sorted(_TOPIC_KEYS))})")
        topic_id, title = item.get("id"), item.get("title")
        if not isinstance(topic_id, str) or id_problem(topic_id):
            p.err(located.line(*where, "id"), "invalid-id",
                  f"topic id {topic_id!r} must be lower-case words joined by hyphens, not a reserved name")
            continue
        if topic_id in topics:
            p.err(located.line(*where, "id"), "duplicate-topic",
                  f"topic id {topic_id!r} is already defined on line {located.line('topics', index_of[topic_id])}")
            continue
        if not isinstance(title, str) or not title.strip():
            p.err(located.line(*where, "title") if "title" in item else line, "missing-title",
                  f"topic {topic_id!r} needs a `title`")
            title = topic_id
        parent = item.get("parent")
        if parent is not None and not isinstance(parent, str):
            p.err(located.line(*where, "parent"), "invalid-parent", f"`parent` of {topic_id!r} must be a topic id")
            parent = None
        description = item.get("description") or ""
        topics[topic_id] = Topic(topic_id, title.strip(), parent, " ".join(str(description).split()),
                                 SourceRef(path, line, "taxonomy"))
        index_of[topic_id] = index
        raw_rules[topic_id] = p.rules(topic_id, item.get("rules"), (*where, "rules"))

    def parent_line(topic: Topic) -> int:
        return located.line("topics", index_of[topic.id], "parent")

    # unknown parents become roots so the rest of the tree still builds
    for topic_id, topic in list(topics.items()):
        if topic.parent is not None and topic.parent not in topics:
            p.err(parent_line(topic), "unknown-parent", f"topic {topic_id!r} has unknown parent {topic.parent!r}")
            topics[topic_id] = Topic(topic.id, topic.title, None, topic.description, topic.source)
    # a cycle is reported once, at its first topic in file order, and cut there
    reported: set[str] = set()
    for topic_id in list(topics):
        seen: list[str] = []
        node: str | None = topic_id
        while node is not None and node not in seen:
            seen.append(node)
            node = topics[node].parent
        if node is not None and node not in reported:
            cycle = seen[seen.index(node):]
            reported.update(cycle)
            cut = min(cycle, key=lambda c: index_of[c])
            p.err(parent_line(topics[cut]), "topic-cycle", f"topics form a cycle: {' -> '.join([*cycle, cycle[0]])}")
            broken = topics[cut]
            topics[cut] = Topic(broken.id, broken.title, None, broken.description, broken.source)

    parents = {t.parent for t in topics.values() if t.parent}
    rules: dict[str, TopicRules] = {}
    for topic_id, topic in topics.items():
        found = raw_rules.get(topic_id)
        line = topic.source.line if topic.source else 1
        if topic_id in parents:
            if found is not None and found.rules:
                p.err(line, "rules-on-parent", f"topic {topic_id!r} has children; its rules are ignored "
                      "(papers are assigned to leaf topics, parents aggregate them)", "warning")
            continue
        if found is None or not found.rules:
            p.err(line, "no-rules", f"leaf topic {topic_id!r} has no `rules.phrases` or `rules.regex`: "
                  "no paper can ever be assigned to it")
            continue
        rules[topic_id] = found
    return Taxonomy(_tree_order(list(topics.values())), rules, settings, signals), diags + p.diags


def _tree_order(topics: list[Topic]) -> tuple[Topic, ...]:
    """Parents before children: depth-first over roots in file order, children in file order."""
    kids: dict[str | None, list[Topic]] = {}
    for topic in topics:
        kids.setdefault(topic.parent, []).append(topic)
    out: list[Topic] = []

    def visit(topic: Topic) -> None:
        out.append(topic)
        for child in kids.get(topic.id, []):
            visit(child)

    for root in kids.get(None, []):
        visit(root)
    return tuple(out)
