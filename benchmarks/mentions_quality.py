"""Precision and recall of mention detection against the hand labels in tests/labels/mentions.yml.

Run: .venv/bin/python benchmarks/mentions_quality.py   (targets: precision >= 0.95, recall >= 0.85)
Precision is also checked over every mention found, not only labeled pairs: unlabeled found pairs are listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io  # noqa: E402
from generator.content import ContentFiles  # noqa: E402
from generator.enrich import mentions, methods, topics  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402


def main() -> int:
    content = io.read_content(ROOT / "content")
    corpus, _ = read_sources(content)
    corpus, _ = topics.enrich(corpus, content)  # as in the pipeline: one-word names need a shared topic area
    corpus, _ = methods.enrich(corpus, content)  # as in the pipeline: notes may add names (``names:``)
    corpus, _ = mentions.enrich(corpus, ContentFiles())
    found = {(m.source, m.target): m for p in corpus.papers for m in p.mentions}
    labels = yaml.safe_load((ROOT / "tests/labels/mentions.yml").read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = tn = 0
    for row in labels:
        pair = (corpus.paper(row["source"]).id, corpus.paper(row["target"]).id)  # labels may name former ids
        hit = pair in found
        if row["mention"] and hit:
            tp += 1
        elif row["mention"]:
            fn += 1
            print(f"missed : {pair[0]} -> {pair[1]}  ({row['reason']})")
        elif hit:
            fp += 1
            print(f"wrong  : {pair[0]} -> {pair[1]} [{found[pair].name}]  ({row['reason']})")
        else:
            tn += 1
    labeled = {(corpus.paper(r["source"]).id, corpus.paper(r["target"]).id) for r in labels}
    for pair, m in sorted(found.items()):
        if pair not in labeled:
            print(f"unlabeled found: {pair[0]} -> {pair[1]} [{m.name}]")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"labeled pairs: {len(labels)} ({tp + fn} true, {fp + tn} false); mentions found in corpus: {len(found)}")
    print(f"tp={tp} fp={fp} fn={fn} tn={tn}")
    print(f"precision: {precision:.3f} (target >= 0.95)")
    print(f"recall:    {recall:.3f} (target >= 0.85)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
