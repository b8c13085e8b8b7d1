"""Score topics, results, hardware, methods, mentions and the glossary on the bundled and unseen sets.

Run: .venv/bin/python benchmarks/unseen_quality.py [--errors] [--bundled] [FILE ...]
(default: the bundled set, then every tests/labels/unseen/*.yml, one block of figures each;
--bundled: the bundled set only; FILE: only those unseen sets).

Each set was labelled by hand before the rules were tuned, and the rules are tuned on the bundled
set only (tests/labels/*.yml); see the set's header for how its papers were chosen. The papers of a
set are added to the bundled corpus for mentions and the glossary, exactly as a user dropping new
sources into content/ would. Goals (issue 10) are printed next to each figure.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io, latex  # noqa: E402
from generator.content import ContentFiles  # noqa: E402
from generator.enrich import glossary, mentions, methods, topics  # noqa: E402
from generator.enrich.results import extract, load_vocab  # noqa: E402
from generator.model import Corpus, Paper, Result, SourceRef  # noqa: E402
from generator.normalize import paper_id  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

LABELS = ROOT / "tests" / "labels" / "unseen"
_LEGACY_DIRECTION = {"speedup": "gain", "reduction": "reduction", "compression": "reduction"}
_LEGACY_METRIC_KINDS = {"accuracy", "sparsity", "utilization"}


# ---- reading a label file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    """One labelled value."""

    low: float
    high: float
    unit: str
    kind: str | None
    metrics: tuple[str, ...] | None  # None: the text names no measure from the list
    direction: str | None
    bases: tuple[str | None, ...]  # None: "no baseline" is right too
    own: bool
    in_title: bool
    optional: bool


@dataclass
class Labelled:
    """One paper of a set with its hand labels."""

    paper: Paper
    topics: list[str]
    also: list[str]
    results: list[Gold]
    hardware: list[str]
    hardware_ok: list[str]
    methods: list[str]
    mentions: list[str]
    not_mentions: list[str]
    mentioned_by: list[str] = field(default_factory=list)  # bundled papers that name this paper's method
    scored: frozenset[str] = frozenset({"topics", "results", "hardware", "methods"})


def _value(text: str) -> tuple[float, float, str]:
    unit = "x" if text.endswith("x") else "%"
    low, _, high = text[:-1].partition("-")
    return round(float(low), 3), round(float(high or low), 3), unit


def _gold(item: dict[str, Any]) -> Gold:
    low, high, unit = _value(str(item["v"]))
    metric = item.get("metric")
    metrics = None if metric is None else tuple(metric if isinstance(metric, list) else [metric])
    base = item.get("base") or []
    return Gold(low, high, unit, item.get("kind"), metrics, item.get("dir"), tuple(base),
                bool(item.get("own", True)), item.get("where") == "title", bool(item.get("opt", False)))


def load_set(path: Path) -> tuple[list[Labelled], list[dict[str, str]]]:
    """The labelled papers of one set, as ``Paper``s a source reader would have produced.

    Titles and abstracts are kept as the API gave them, LaTeX included ("Raspberry~Pi~5"), and
    cleaned here as ``normalize.clean`` cleans every source's text, so the rules are scored on
    the text they see in a build.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for row in data["papers"]:
        paper = Paper(id=paper_id(row["title"]), title=latex.to_unicode(row["title"]),
                      abstract=latex.to_unicode(row["abstract"]),
                      sources=(SourceRef(f"unseen/{path.name}", 1, path.stem),), date=row.get("day"))
        out.append(Labelled(paper, list(row.get("topics") or []), list(row.get("also") or []),
                            [_gold(r) for r in row.get("results") or []], list(row.get("hardware") or []),
                            list(row.get("hardware_ok") or []), list(row.get("methods") or []),
                            list(row.get("mentions") or []), list(row.get("not_mentions") or []),
                            list(row.get("mentioned_by") or [])))
    return out, list(data.get("bundled_not_mentions") or [])


def status_of(path: Path) -> str:
    """Whether the rules were tuned on a set, as its file says ("unseen: ...", "tuned on: ...")."""
    status = yaml.safe_load(path.read_text(encoding="utf-8")).get("status")
    return str(status).split(":")[0] if status else "status not stated"


def load_bundled(corpus: Corpus) -> tuple[list[Labelled], list[dict[str, Any]]]:
    """The bundled tuning set: topics.yml, results.yml (hardware) and results_detail.yml (values)."""
    labels = ROOT / "tests" / "labels"
    topic_labels = yaml.safe_load((labels / "topics.yml").read_text(encoding="utf-8"))["papers"]
    hardware = {row["id"]: row.get("hardware") or []
                for row in yaml.safe_load((labels / "results.yml").read_text(encoding="utf-8"))}
    detail = {row["id"]: row.get("results") or []
              for row in yaml.safe_load((labels / "results_detail.yml").read_text(encoding="utf-8"))["papers"]}
    items = []
    for pid in sorted(set(topic_labels) | set(hardware)):
        scored = ({"topics"} if pid in topic_labels else set()) | ({"results", "hardware"} if pid in hardware else set())
        items.append(Labelled(corpus.paper(pid), list(topic_labels.get(pid) or []), [],
                              [_gold(r) for r in detail.get(pid, [])], list(hardware.get(pid, [])), [], [], [], [],
                              scored=frozenset(scored)))
    pairs = yaml.safe_load((labels / "mentions.yml").read_text(encoding="utf-8"))["pairs"]
    return items, pairs


# ---- what the generator says about a value, with fallbacks for the fields it did not have yet -------


def metric_of(r: Result) -> str | None:
    metric = getattr(r, "metric", None)
    if metric is not None or hasattr(r, "metric"):
        return metric
    if r.what:
        return r.what
    if r.kind in _LEGACY_METRIC_KINDS:
        return r.kind
    return "speed" if r.kind == "speedup" else None


def direction_of(r: Result) -> str | None:
    return getattr(r, "direction", None) if hasattr(r, "direction") else _LEGACY_DIRECTION.get(r.kind)


def baseline_of(r: Result) -> str | None:
    return getattr(r, "baseline", None)


def own_of(r: Result) -> bool:
    return bool(getattr(r, "own", True))


def unsure_of(r: Result) -> bool:
    return getattr(r, "confidence", "sure") == "unsure"


def _key(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    kept = [w for w in words if w not in {"the", "a", "an", "of", "state", "art"}]
    return " ".join(kept or words)


def baseline_right(gold: Gold, got: str | None) -> bool:
    if not gold.bases or got is None:
        return got is None and (not gold.bases or None in gold.bases)
    found = _key(got)
    return any(b is not None and _key(b) and (_key(b) in found or found in _key(b)) for b in gold.bases)


def hw_key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name.casefold())


# ---- scoring --------------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts for one set; figures are derived in ``report``."""

    decisions: int = 0
    decisions_right: int = 0
    off_topic: int = 0
    off_topic_given: int = 0
    required: int = 0
    required_found: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    metric_right: int = 0
    metric_all: int = 0
    base_right: int = 0
    base_all: int = 0
    dir_right: int = 0
    dir_all: int = 0
    kind_right: int = 0
    kind_all: int = 0
    not_own: int = 0
    not_own_kept_out: int = 0
    unsure: int = 0
    unsure_wrong: int = 0
    sure_fp: int = 0
    mentions_expected: int = 0
    mentions_found: int = 0
    mentions_wrong: int = 0
    mentions_unlabelled: int = 0  # links between two papers of one set: labels name bundled papers only
    terms_changed: int = 0
    terms_changed_ok: int = 0
    errors: list[str] = field(default_factory=list)


def score_topics(items: list[Labelled], corpus: Corpus, s: Score) -> None:
    by_id = corpus.by_id
    for item in items:
        if "topics" not in item.scored:
            continue
        got = [a.topic for a in by_id[item.paper.id].topics]
        ok = set(item.topics) | set(item.also)
        if got:
            s.decisions += len(got)
            s.decisions_right += sum(t in ok for t in got)
        else:
            s.decisions += 1
            s.decisions_right += not item.topics
        if not item.topics and not item.also:
            s.off_topic += 1
            s.off_topic_given += bool(got)
        s.required += len(item.topics)
        s.required_found += len(set(item.topics) & set(got))
        if not set(got) <= ok or not set(item.topics) <= set(got) or (item.topics and not got):
            s.errors.append(f"topics {item.paper.title[:60]!r}: got {got} want {item.topics} ok {item.also}")


def _match(golds: list[Gold], results: list[tuple[Result, bool]]) -> list[tuple[Gold | None, tuple[Result, bool] | None]]:
    """Pair labelled and extracted values with the same number, unit and place (title or abstract)."""
    pairs: list[tuple[Gold | None, tuple[Result, bool] | None]] = []
    left = list(results)
    for gold in golds:
        hit = next((r for r in left if (round(r[0].low, 3), round(r[0].high, 3), r[0].unit, r[1])
                    == (gold.low, gold.high, gold.unit, gold.in_title)), None)
        if hit is not None:
            left.remove(hit)
        pairs.append((gold, hit))
    pairs.extend((None, r) for r in left)
    return pairs


def score_results(items: list[Labelled], vocab: Any, s: Score) -> None:
    for item in items:
        found = extract(item.paper.title, item.paper.abstract, vocab)
        if "results" not in item.scored:
            golds: list[Gold] = []
            found = replace(found, results=())
        else:
            golds = item.results
        title_quotes = {r.quote for r in found.results if r.quote and r.quote in item.paper.title}
        extracted = [(r, r.quote in title_quotes) for r in found.results]
        name = item.paper.title[:50]
        for gold, hit in _match(golds, extracted):
            field_ = "factors" if (gold.unit if gold else hit[0].unit) == "x" else "percentages"  # type: ignore[index]
            r = hit[0] if hit else None
            if gold is not None and gold.optional:
                continue
            if gold is not None and not gold.own:
                s.not_own += 1
                if r is None or not own_of(r):
                    s.not_own_kept_out += 1
                else:
                    s.fp[field_] += 1
                    s.unsure += unsure_of(r)
                    s.unsure_wrong += unsure_of(r)
                    s.sure_fp += not unsure_of(r)
                    s.errors.append(f"{field_} {name!r}: {r.low}-{r.high}{r.unit} is not the paper's own")
                continue
            if gold is None:
                assert r is not None
                if not own_of(r):
                    continue
                s.fp[field_] += 1
                s.unsure += unsure_of(r)
                s.unsure_wrong += unsure_of(r)
                s.sure_fp += not unsure_of(r)
                s.errors.append(f"{field_} {name!r}: extra {r.low}-{r.high}{r.unit} ({r.kind}, {metric_of(r)})"
                                f" in {r.quote[:90]!r}")
                continue
            if r is None or not own_of(r):
                s.fn[field_] += 1
                s.errors.append(f"{field_} {name!r}: missed {gold.low}-{gold.high}{gold.unit}"
                                + (" (extracted as not own)" if r is not None else ""))
                continue
            s.tp[field_] += 1
            s.unsure += unsure_of(r)
            if gold.metrics is not None:
                s.metric_all += 1
                if metric_of(r) in gold.metrics:
                    s.metric_right += 1
                else:
                    s.errors.append(f"metric {name!r}: {gold.low}{gold.unit} got {metric_of(r)} want {gold.metrics}")
            if gold.bases or baseline_of(r) is not None:
                s.base_all += 1
                if baseline_right(gold, baseline_of(r)):
                    s.base_right += 1
                else:
                    s.errors.append(f"baseline {name!r}: {gold.low}{gold.unit} got {baseline_of(r)!r} want"
                                    f" {list(gold.bases)}")
            if gold.direction is not None:
                s.dir_all += 1
                if direction_of(r) == gold.direction:
                    s.dir_right += 1
                else:
                    s.errors.append(f"direction {name!r}: {gold.low}{gold.unit} got {direction_of(r)} want"
                                    f" {gold.direction}")
            if gold.unit == "x" and gold.kind:
                s.kind_all += 1
                s.kind_right += r.kind == gold.kind
        if "hardware" in item.scored:
            score_hardware(item, found.facts, s)
        if "methods" in item.scored:
            got_m = Counter(methods.key(m) for m in methods.extract_methods(item.paper.title, item.paper.abstract))
            want_m = Counter(methods.key(m) for m in item.methods)
            s.tp["methods"] += sum((got_m & want_m).values())
            s.fp["methods"] += sum((got_m - want_m).values())
            s.fn["methods"] += sum((want_m - got_m).values())
            if got_m != want_m:
                s.errors.append(f"methods {item.paper.title[:60]!r}: extra {sorted(got_m - want_m)}"
                                f" missing {sorted(want_m - got_m)}")


def _spelled_within(found: str, wanted: str) -> bool:
    """"Apple M2 Ultra" spells "M2-Ultra" with its vendor: the wanted name's words run inside the found one's."""
    f, w = re.split(r"[\s_-]+", found.casefold()), re.split(r"[\s_-]+", wanted.casefold())
    return any(f[i:i + len(w)] == w for i in range(len(f) - len(w) + 1))


def score_hardware(item: Labelled, facts: Any, s: Score) -> None:
    name = item.paper.title[:50]
    if True:
        names = [f.value for f in facts if f.kind == "hardware"]
        # a wanted device found under another name the label accepts (hardware_ok) counts as that device
        wanted_keys = {hw_key(h) for h in item.hardware}
        accepted = {hw_key(h) for h in item.hardware_ok}
        for i, found in enumerate(names):
            if hw_key(found) in accepted and hw_key(found) not in wanted_keys:
                names[i] = next((h for h in item.hardware if hw_key(h) not in map(hw_key, names)
                                 and _spelled_within(found, h)), found)
        hw = Counter(hw_key(n) for n in names)
        want = Counter(hw_key(h) for h in item.hardware)
        ok = {hw_key(h) for h in item.hardware_ok}
        hit = hw & want
        extra = Counter({k: n for k, n in (hw - want).items() if k not in ok})
        s.tp["hardware"] += sum(hit.values())
        s.fp["hardware"] += sum(extra.values())
        s.fn["hardware"] += sum((want - hw).values())
        if extra or want - hw:
            s.errors.append(f"hardware {name!r}: extra {sorted(extra)} missing {sorted(want - hw)}")


def _current_ids(bundled: Corpus) -> Callable[[str], str]:
    """A labelled bundled id as the corpus spells it now. Labels are checked against the ids of
    tests/fixtures/urls/bundled_paper_ids_v1.txt, and a few ids changed since (H₂O's
    "h-2o-heavy-hitter-oracle-for-efficient-d65f" is "h2o-heavy-hitter-oracle-for-efficient-generative-d65f");
    the four-hex suffix stayed, so an id the corpus lacks is the one paper with its suffix."""
    ids = {p.id for p in bundled.papers}
    by_suffix: dict[str, list[str]] = {}
    for pid in ids:
        by_suffix.setdefault(pid.rsplit("-", 1)[-1], []).append(pid)

    def now(pid: str) -> str:
        if pid in ids:
            return pid
        same = by_suffix.get(pid.rsplit("-", 1)[-1], [])
        return same[0] if len(same) == 1 else pid

    return now


def score_links(items: list[Labelled], bundled: Corpus, not_links: list[dict[str, str]], s: Score,
                content: ContentFiles) -> None:
    """Mentions and glossary terms with the set added to the bundled corpus."""
    corpus = replace(bundled, papers=bundled.papers + tuple(i.paper for i in items))
    corpus, _ = topics.enrich(corpus, content)  # as in the pipeline: topics before mentions
    corpus, _ = methods.enrich(corpus, content)  # as in the pipeline: notes may add names (``names:``)
    corpus, _ = mentions.enrich(corpus, ContentFiles())
    unseen = {i.paper.id: i for i in items}
    now = _current_ids(bundled)
    expected = {(i.paper.id, now(t)) for i in items for t in i.mentions}
    expected |= {(now(b), i.paper.id) for i in items for b in i.mentioned_by}
    s.mentions_expected = len(expected)
    found = {(m.source, m.target): m for p in corpus.papers for m in p.mentions}
    for pair, m in sorted(found.items()):
        if pair[0] not in unseen and pair[1] not in unseen:
            continue
        if pair in expected:
            s.mentions_found += 1
        elif pair[0] in unseen and pair[1] in unseen:  # nobody labelled links inside a set: neither right nor wrong
            s.mentions_unlabelled += 1
            s.errors.append(f"mention not labelled (both in the set): {pair[0]} -> {pair[1]} [{m.name}] in {m.quote[:90]!r}")
        else:
            s.mentions_wrong += 1
            s.errors.append(f"mention wrong: {pair[0]} -> {pair[1]} [{m.name}] in {m.quote[:90]!r}")
    for pair in sorted(expected - set(found)):
        s.errors.append(f"mention missed: {pair[0]} -> {pair[1]}")
    del not_links  # listed in the label file for readers; any unexpected link counts as wrong above
    # glossary: adding the set may change a bundled paper's terms only where it uses a term undefined
    before = dict(glossary.build_terms(bundled.papers)[1])
    after = glossary.build_terms(corpus.papers)[1]
    own_defs = {p.id: {a for a, _e in glossary.definitions(p.abstract or "")} for p in bundled.papers}
    for p in bundled.papers:
        if before[p.id] != after[p.id]:
            s.terms_changed += 1
            changed = set(before[p.id]) ^ set(after[p.id])
            if not changed & own_defs[p.id]:
                s.terms_changed_ok += 1
            else:
                s.errors.append(f"glossary: {p.id} terms {sorted(before[p.id])} -> {sorted(after[p.id])}")


def score_bundled_links(bundled: Corpus, pairs: list[dict[str, Any]], s: Score, content: ContentFiles) -> None:
    """Mentions of the bundled corpus (topics assigned) against the labelled pairs of tests/labels/mentions.yml."""
    corpus, _ = methods.enrich(bundled, content)
    corpus, _ = mentions.enrich(corpus, ContentFiles())
    found = {(m.source, m.target): m for p in corpus.papers for m in p.mentions}
    for row in pairs:
        pair = (corpus.paper(row["source"]).id, corpus.paper(row["target"]).id)  # labels may name former ids
        if row["mention"]:
            s.mentions_expected += 1
            s.mentions_found += pair in found
            if pair not in found:
                s.errors.append(f"mention missed: {pair[0]} -> {pair[1]} ({row['reason']})")
        elif pair in found:
            s.mentions_wrong += 1
            s.errors.append(f"mention wrong: {pair[0]} -> {pair[1]} ({row['reason']})")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def _pr(s: Score, f: str) -> str:
    tp, fp, fn = s.tp[f], s.fp[f], s.fn[f]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:.3f} / R {r:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def report(name: str, items: list[Labelled], s: Score, errors: bool) -> None:
    on = sum(bool(i.topics) for i in items)
    border = sum(not i.topics and bool(i.also) for i in items if "topics" in i.scored)
    off = sum(not i.topics and not i.also for i in items if "topics" in i.scored)
    print(f"-- {name}: {len(items)} papers ({on} on-topic, {border} borderline, {off} off-topic)")
    print(f"topic assignments right:      {_ratio(s.decisions_right, s.decisions)}   goal >= 0.90")
    scaled = s.off_topic / 15
    print(f"off-topic papers given topic: {s.off_topic_given} of {s.off_topic}   goal <= {scaled:.1f}"
          " (1 of 15)")
    print(f"required topics found:        {_ratio(s.required_found, s.required)}   goal >= 0.90")
    print(f"factors:      {_pr(s, 'factors')}   goal >= 0.97 / 0.97")
    print(f"percentages:  {_pr(s, 'percentages')}")
    print(f"metric right: {_ratio(s.metric_right, s.metric_all)}   goal >= 0.90  (values found whose text names one)")
    print(f"baseline right: {_ratio(s.base_right, s.base_all)}  (values found with a labelled or extracted baseline)")
    print(f"direction right: {_ratio(s.dir_right, s.dir_all)};  factor kind right: {_ratio(s.kind_right, s.kind_all)}")
    print(f"others' values kept out of own results: {_ratio(s.not_own_kept_out, s.not_own)}")
    print(f"unsure: {s.unsure} values flagged, {s.unsure_wrong} of them wrong; wrong values shown as sure: "
          f"{s.sure_fp}")
    print(f"hardware:     {_pr(s, 'hardware')}   goal P >= 0.95, R >= 0.90")
    print(f"methods:      {_pr(s, 'methods')}")
    print(f"mention links: expected found {s.mentions_found} of {s.mentions_expected}; wrong {s.mentions_wrong}"
          "   goal all / 0" + (f"  (+{s.mentions_unlabelled} between two papers of the set, not labelled)"
                              if s.mentions_unlabelled else ""))
    if name == "bundled":
        if errors:
            for line in s.errors:
                print("  " + line)
        print()
        return
    print(f"glossary: bundled papers whose terms change when the set is added: {s.terms_changed}"
          f" ({s.terms_changed_ok} only through terms they use without defining)")
    if errors:
        for line in s.errors:
            print("  " + line)
    print()


def main(argv: list[str]) -> int:
    errors = "--errors" in argv
    named = [Path(a) for a in argv if not a.startswith("--")]
    content = io.read_content(ROOT / "content")
    bundled, _ = read_sources(content)
    vocab, diags = load_vocab(content)
    for d in diags:
        print(d)
    if not named:
        items, pairs = load_bundled(bundled)
        s = Score()
        enriched, _ = topics.enrich(bundled, content)
        score_topics(items, enriched, s)
        score_results(items, vocab, s)
        score_bundled_links(enriched, pairs, s, content)
        report("bundled", items, s, errors)
    if "--bundled" in argv:
        return 0
    for path in named or sorted(LABELS.glob("*.yml")):
        items, not_links = load_set(path)
        s = Score()
        unseen_corpus = Corpus(papers=tuple(i.paper for i in items))
        unseen_corpus, _ = topics.enrich(unseen_corpus, content)
        score_topics(items, unseen_corpus, s)
        score_results(items, vocab, s)
        score_links(items, bundled, not_links, s, content)
        report(f"{path.name} ({status_of(path)})", items, s, errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
