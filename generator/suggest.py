"""Suggest new topics: cluster papers by their words and show which clusters the taxonomy misses.

TF-IDF over titles and abstracts, then k-means with a fixed seed; the report is plain text, sorted,
and the same on every run, so curators can diff it between taxonomy changes.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from .model import Corpus, Paper

SEED = 0
TOP_TERMS = 8
MEMBERS_SHOWN = 12
WEAK_SCORE = 5.0  # a best topic below this much evidence explains a paper only weakly


def _text(paper: Paper) -> str:
    # the title twice: it is the densest statement of what the paper is about
    return f"{paper.title} {paper.title} {paper.abstract or ''}"


def weakly_explained(corpus: Corpus, weak_score: float = WEAK_SCORE) -> list[Paper]:
    """Papers with no topic, or whose best topic rests on little evidence, in corpus order."""
    return [p for p in corpus.papers if not p.topics or max(a.score for a in p.topics) < weak_score]


def suggest_topics(corpus: Corpus, n_clusters: int | None = None) -> str:
    """A deterministic plain-text report of candidate topics and of papers no topic explains well."""
    papers = sorted(corpus.papers, key=lambda p: p.id)
    lines = ["# Topic suggestions", ""]
    if len(papers) < 2:
        return "\n".join([*lines, "Too few papers to cluster.", ""])
    k = n_clusters or max(2, round(math.sqrt(len(papers) / 2)))
    k = min(k, len(papers))
    vectorizer = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5, ngram_range=(1, 2),
                                 sublinear_tf=True, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9-]+\b")
    try:
        matrix = vectorizer.fit_transform([_text(p) for p in papers])
    except ValueError:  # every term filtered out: a tiny or degenerate corpus
        return "\n".join([*lines, "No shared vocabulary to cluster on.", ""])
    model = KMeans(n_clusters=k, random_state=SEED, n_init=5)
    labels = model.fit_predict(matrix)
    terms = vectorizer.get_feature_names_out()
    distances = model.transform(matrix)
    titles = {t.id: t.title for t in corpus.topics}
    weak = {p.id for p in weakly_explained(corpus)}

    clusters = []
    for c in range(k):
        members = [i for i in range(len(papers)) if labels[i] == c]
        if not members:
            continue
        centroid = model.cluster_centers_[c]
        top = [terms[j] for j in np.argsort(-centroid, kind="stable")[:TOP_TERMS] if centroid[j] > 0]
        members.sort(key=lambda i: (round(float(distances[i, c]), 9), papers[i].id))
        counts: dict[str, int] = {}
        for i in members:
            for topic in {a.topic for a in papers[i].topics}:
                counts[topic] = counts.get(topic, 0) + 1
        covered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        unexplained = sum(1 for i in members if papers[i].id in weak)
        clusters.append((unexplained / len(members), top, members, covered, unexplained))
    # the clusters the taxonomy explains worst are the best candidates for a new topic
    clusters.sort(key=lambda c: (-c[0], c[1]))

    lines += [f"{len(papers)} papers, {k} clusters (TF-IDF + k-means, seed {SEED}); "
              "clusters the current topics explain worst come first.", ""]
    for n, (share, top, members, covered, unexplained) in enumerate(clusters, 1):
        lines.append(f"## Candidate {n}: {', '.join(top[:3]) or '(no terms)'}")
        lines.append(f"top terms: {', '.join(top)}")
        lines.append(f"papers: {len(members)}; weakly explained by current topics: {unexplained} ({share:.0%})")
        if covered:
            lines.append("current topics: " + ", ".join(f"{titles.get(t, t)} ({c})" for t, c in covered[:5]))
        for i in members[:MEMBERS_SHOWN]:
            mark = "*" if papers[i].id in weak else "-"
            lines.append(f"  {mark} {papers[i].id}: {papers[i].title}")
        if len(members) > MEMBERS_SHOWN:
            lines.append(f"  ... and {len(members) - MEMBERS_SHOWN} more")
        lines.append("")
    lines.append(f"## Papers no current topic explains well ({len(weak)})")
    lines.append(f"(no topic, or best topic score under {WEAK_SCORE:g})")
    for paper in papers:
        if paper.id in weak:
            best = max(paper.topics, key=lambda a: a.score, default=None)
            why = f"best: {best.topic} {best.score:g}" if best else "no topic"
            lines.append(f"  * {paper.id}: {paper.title} [{why}]")
    lines.append("")
    return "\n".join(lines)
