"""Print how well topic assignment agrees with the hand labels in tests/labels/topics.yml.

Run: .venv/bin/python benchmarks/topics_quality.py [--errors]
Prints micro precision and recall over the labeled papers, per-topic true/false positives and misses,
and the share of all bundled papers no topic claims. Targets: precision >= 0.90, recall >= 0.85,
unsorted < 6% (papers that never speak of cost stay unsorted).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io  # noqa: E402
from generator.enrich import topics  # noqa: E402
from generator.model import Corpus  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

LABELS = ROOT / "tests" / "labels" / "topics.yml"


@dataclass
class Quality:
    precision: float
    recall: float
    unsorted: float  # fraction of all papers
    per_topic: dict[str, tuple[int, int, int]]  # topic -> (true positives, false positives, misses)
    errors: list[str]


def load_corpus(content_dir: Path = ROOT / "content") -> Corpus:
    content = io.read_content(content_dir)
    corpus, _ = read_sources(content)
    corpus, _ = topics.enrich(corpus, content)
    return corpus


def load_labels(path: Path = LABELS) -> dict[str, set[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {paper: set(ids) for paper, ids in data["papers"].items()}


def measure(corpus: Corpus, labels: dict[str, set[str]]) -> Quality:
    tp = fp = fn = 0
    per: dict[str, list[int]] = {}
    errors = []
    for paper_id, gold in sorted(labels.items()):
        got = {a.topic for a in corpus.paper(paper_id).topics}  # labels may name a former id
        for topic in sorted(got | gold):
            row = per.setdefault(topic, [0, 0, 0])
            if topic in got and topic in gold:
                row[0] += 1
            elif topic in got:
                row[1] += 1
            else:
                row[2] += 1
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if got != gold:
            errors.append(f"{paper_id}: extra {sorted(got - gold)} missing {sorted(gold - got)}")
    return Quality(
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        unsorted=len(topics.unsorted(corpus)) / len(corpus.papers),
        per_topic={t: (r[0], r[1], r[2]) for t, r in sorted(per.items())},
        errors=errors,
    )


def main(argv: list[str]) -> int:
    corpus = load_corpus()
    labels = load_labels()
    q = measure(corpus, labels)
    print(f"labeled papers: {len(labels)}")
    print(f"precision: {q.precision:.3f}  (target >= 0.90)")
    print(f"recall:    {q.recall:.3f}  (target >= 0.85)")
    unsorted = topics.unsorted(corpus)
    print(f"unsorted:  {q.unsorted:.1%} ({len(unsorted)} of {len(corpus.papers)} papers; target < 6%)")
    print()
    print(f"{'topic':32} {'tp':>4} {'fp':>4} {'miss':>4}  assigned(all papers)")
    counts: dict[str, int] = {}
    for paper in corpus.papers:
        for a in paper.topics:
            counts[a.topic] = counts.get(a.topic, 0) + 1
    for topic in topics.leaves(corpus.topics):
        tp, fp, fn = q.per_topic.get(topic.id, (0, 0, 0))
        print(f"{topic.id:32} {tp:4} {fp:4} {fn:4}  {counts.get(topic.id, 0)}")
    if "--errors" in argv:
        print()
        print("disagreements:")
        for line in q.errors:
            print("  " + line)
        print("unsorted papers:")
        for paper in unsorted:
            print(f"  {paper.id}  {paper.title[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
