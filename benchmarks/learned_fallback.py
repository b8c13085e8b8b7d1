"""Would a learned classifier find the topics the rules miss? A held-out check, not part of the generator.

    python benchmarks/learned_fallback.py            (every unseen set held out in turn; about 30 s)

For each label set X under tests/labels/unseen/, a TF-IDF + logistic-regression model (one per topic,
scikit-learn) is trained on the title and abstract of every other set's papers and their required
topics. On X's papers that the rules (``enrich.topics``, the code as it is) leave without any topic,
its best topic is proposed when its probability reaches a threshold. Printed per threshold: how many
of those papers it gives a required topic (fixed), a wrong topic (wrong), and how many off-topic or
borderline papers it would push into a topic they do not accept.

Run on 2026-12-08 at main 524f833 (sets A–P; set P after its one unseen run): of the ten on-topic
papers the rules leave empty it fixed one (an on-policy distillation paper) at every threshold from
0.5 to 0.7, and gave 13, 8 and 2 off-topic papers a topic (14 s). The papers the rules miss are those
whose words do not look like their topic; one fix for two to thirteen new off-topic errors is no gain,
so no learned fallback was built.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unseen_quality import LABELS, load_set  # noqa: E402

from generator import io  # noqa: E402
from generator.enrich import topics  # noqa: E402
from generator.model import Corpus  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7)
Row = tuple[str, list[str], list[str], list[str], str]  # text, required, acceptable, assigned by the rules, title


def rows_of(path: Path, content: io.ContentFiles) -> list[Row]:
    items, _ = load_set(path)
    enriched, _ = topics.enrich(Corpus(papers=tuple(i.paper for i in items)), content)
    got = {p.id: [a.topic for a in p.topics] for p in enriched.papers}
    return [(f"{i.paper.title}. {i.paper.abstract or ''}", i.topics, i.also, got[i.paper.id], i.paper.title)
            for i in items]


def main() -> int:
    content = io.read_content(ROOT / "content")
    sets = {path.stem: rows_of(path, content) for path in sorted(LABELS.glob("set-*.yml"))}
    totals = {t: {"fixed": 0, "wrong": 0, "off-topic given one": 0, "borderline outside its list": 0, "empty on-topic": 0}
              for t in THRESHOLDS}
    for held, rows in sets.items():
        empty = [r for r in rows if not r[3]]
        if not empty:
            continue
        train = [r for name, other in sets.items() if name != held for r in other]
        binarizer = MultiLabelBinarizer()
        labels = binarizer.fit_transform([r[1] for r in train])
        vectorizer = TfidfVectorizer(min_df=2, sublinear_tf=True, stop_words="english")
        x_train = vectorizer.fit_transform([r[0] for r in train])
        x_test = vectorizer.transform([r[0] for r in empty])
        probs = np.zeros((len(empty), len(binarizer.classes_)))
        for j in range(len(binarizer.classes_)):
            if labels[:, j].sum() >= 3:
                model = LogisticRegression(C=10, max_iter=2000, class_weight="balanced")
                probs[:, j] = model.fit(x_train, labels[:, j]).predict_proba(x_test)[:, 1]
        for (_text, required, acceptable, _got, title), p in zip(empty, probs, strict=True):
            best = int(p.argmax())
            topic = str(binarizer.classes_[best])
            for t in THRESHOLDS:
                count = totals[t]
                count["empty on-topic"] += bool(required)
                if p[best] < t:
                    continue
                if required:
                    count["fixed" if topic in required else "wrong"] += 1
                elif not acceptable:
                    count["off-topic given one"] += 1
                elif topic not in acceptable:
                    count["borderline outside its list"] += 1
                if t == THRESHOLDS[0] and (required or not acceptable):
                    print(f"  {held} {title[:60]!r}: {topic} {p[best]:.2f}, labelled {required or 'off-topic'}")
    for t, count in totals.items():
        print(f"threshold {t}: " + ", ".join(f"{k} {v}" for k, v in count.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
