"""Precision and recall of the results extractor against the hand labels in tests/labels/results.yml.

Run: .venv/bin/python benchmarks/results_quality.py [--verbose]
Targets (issue 4): factors precision >= 0.90 and recall >= 0.80; hardware and datasets F1 >= 0.85.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io  # noqa: E402
from generator.enrich.results import extract, load_vocab  # noqa: E402
from generator.model import Paper  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

LABELS = ROOT / "tests" / "labels" / "results.yml"
FIELDS = ("factors", "factor values", "factor kinds", "percentages", "bits", "hardware", "datasets", "models")


def _range(text: str) -> tuple[float, float]:
    low, _, high = str(text).partition("-")
    return round(float(low), 3), round(float(high or low), 3)


def expected(label: dict[str, object]) -> dict[str, Counter[object]]:
    """The label's answers as multisets, one per field."""
    factors = [str(f).split() for f in label.get("factors") or []]  # type: ignore[attr-defined]
    out: dict[str, Counter[object]] = {
        "factors": Counter((k, *_range(v)) for k, v in factors),
        "factor values": Counter(_range(v) for _k, v in factors),
        "percentages": Counter(_range(str(p)) for p in label.get("percentages") or []),  # type: ignore[attr-defined]
    }
    for field in ("bits", "hardware", "datasets", "models"):
        out[field] = Counter(str(v).lower() for v in label.get(field) or [])  # type: ignore[attr-defined]
    return out


def predicted(paper: Paper, vocab: object) -> dict[str, Counter[object]]:
    found = extract(paper.title, paper.abstract, vocab)  # type: ignore[arg-type]
    own = [r for r in found.results if r.own]  # values the paper quotes from others are not its results
    xs = [r for r in own if r.unit == "x"]
    out: dict[str, Counter[object]] = {
        "factors": Counter((r.kind, round(r.low, 3), round(r.high, 3)) for r in xs),
        "factor values": Counter((round(r.low, 3), round(r.high, 3)) for r in xs),
        "percentages": Counter((round(r.low, 3), round(r.high, 3)) for r in own if r.unit == "%"),
    }
    kinds = {"bits": "bits", "hardware": "hardware", "datasets": "dataset", "models": "model"}
    for field, kind in kinds.items():
        out[field] = Counter(f.value.lower() for f in found.facts if f.kind == kind)
    return out


def main(verbose: bool = False) -> int:
    content = io.read_content(ROOT / "content")
    corpus, _ = read_sources(content)
    vocab, diags = load_vocab(content)
    for d in diags:
        print(d)
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    kind_ok = kind_all = 0
    with_factors = 0
    for label in labels:
        paper = corpus.paper(label["id"])  # labels may name a former id
        want, got = expected(label), predicted(paper, vocab)
        with_factors += bool(want["factors"])
        for field in want:
            hit = want[field] & got[field]
            tp[field] += sum(hit.values())
            fp[field] += sum((got[field] - want[field]).values())
            fn[field] += sum((want[field] - got[field]).values())
            if verbose and want[field] != got[field]:
                print(f"{label['id']} {field}: missing {sorted((want[field] - got[field]).elements(), key=str)}"
                      f" extra {sorted((got[field] - want[field]).elements(), key=str)}")
        # kind accuracy over the factors whose value was found
        value_hits = want["factor values"] & got["factor values"]
        kind_all += sum(value_hits.values())
        kind_ok += sum((want["factors"] & got["factors"]).values())
    print(f"labeled abstracts: {len(labels)} ({with_factors} with factors)")
    print(f"{'field':<14} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for field in FIELDS:
        if field == "factor kinds":
            print(f"{field:<14} {'':>9} {'':>7} {kind_ok / kind_all if kind_all else 0:>6.3f}"
                  f"   (kind right among {kind_all} factors with the right value)")
            continue
        p = tp[field] / (tp[field] + fp[field]) if tp[field] + fp[field] else 1.0
        r = tp[field] / (tp[field] + fn[field]) if tp[field] + fn[field] else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{field:<14} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {tp[field]:>4} {fp[field]:>3} {fn[field]:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--verbose" in sys.argv))
