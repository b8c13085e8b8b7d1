"""Related papers by TF-IDF over title and abstract, and related topics by shared papers and mentions.

Fills ``Paper.related`` (5 ids, most similar first) and ``Topic.related``. Similarity is computed in row
blocks against the sparse matrix and only the top k of each row is kept, so memory stays at
``block x N`` rather than ``N x N``. Ties (scores equal to 6 places) go to the paper sharing more
topics, then to the smaller id, so the order never depends on float noise or input order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..memo import Memo, as_text, decoded, digest_each
from ..model import Corpus, Paper, Topic

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

TOP_K = 5
TOP_TOPICS = 5
_BLOCK = 512
_TERMS = 40  # heaviest terms kept per paper
# Scores are compared rounded to 6 places; a value this far below the k-th largest cannot round up to it
_ROUNDING = 1e-5


def _text(p: Paper) -> str:
    return f"{p.title}. {p.title}. {p.abstract or ''}"  # the title twice: it is the densest summary


def _strongest_terms(matrix: csr_matrix, keep: int = _TERMS) -> csr_matrix:
    """Each row cut to its ``keep`` heaviest terms and renormalized: a sparser product, same neighbours."""
    from scipy.sparse import csr_matrix
    matrix = matrix.copy()
    for row in range(matrix.shape[0]):
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        if end - begin > keep:
            data = matrix.data[begin:end]
            # ties with the last kept weight stay: which of equal terms goes must not depend on order
            floor = np.partition(data, end - begin - keep)[end - begin - keep] * (1 - 1e-5)
            data[data < floor] = 0.0
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]), dtype=np.float32)


def related_papers(papers: tuple[Paper, ...], k: int = TOP_K) -> dict[str, tuple[str, ...]]:
    """For each paper id, the ids of the ``k`` most similar other papers, best first."""
    if len(papers) < 2:
        return {p.id: () for p in papers}
    from sklearn.feature_extraction.text import TfidfVectorizer  # a second to import: only when a run needs it

    large = len(papers) > 100
    # in a large corpus a word of one paper or of most papers tells nothing about similarity
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=0.5 if large else 1.0,
                                 min_df=2 if large else 1, dtype=np.float32,
                                 token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9-]+\b")
    try:
        matrix = _strongest_terms(vectorizer.fit_transform([_text(p) for p in papers]).tocsr())
    except ValueError:  # no usable word at all: nothing is similar
        return {p.id: () for p in papers}
    topics = [frozenset(a.topic for a in p.topics) for p in papers]
    ids = [p.id for p in papers]
    out: dict[str, tuple[str, ...]] = {}
    transposed = matrix.T.tocsr()
    n = len(papers)
    for lo in range(0, n, _BLOCK):
        block = (matrix[lo:min(lo + _BLOCK, n)] @ transposed).tocsr()
        for row in range(block.shape[0]):
            i = lo + row
            begin, end = block.indptr[row], block.indptr[row + 1]
            out[ids[i]] = _best(i, block.indices[begin:end], block.data[begin:end], k, topics, ids)
    return out


def _best(i: int, cols: np.ndarray, vals: np.ndarray, k: int, topics: list[frozenset[str]],
          ids: list[str]) -> tuple[str, ...]:
    """The ids of paper ``i``'s ``k`` best neighbours among similarities ``vals`` to papers ``cols``.

    Best first by score rounded to 6 places, then more shared topics, then smaller id. Only values
    within rounding of the k-th largest can be among the first k, so only those are sorted in Python.
    """
    keep = (cols != i) & (vals > 1e-9)  # never related to itself
    cols, vals = cols[keep], vals[keep]
    if len(vals) > k:
        # everything that may round to a tie with the k-th stays, so input order never picks among ties
        top = vals >= np.partition(vals, len(vals) - k)[len(vals) - k] - _ROUNDING
        cols, vals = cols[top], vals[top]
    scored = sorted((-round(float(v), 6), -len(topics[i] & topics[j]), ids[j])
                    for j, v in zip(cols.tolist(), vals.tolist(), strict=True))
    return tuple(pid for _s, _t, pid in scored[:k])


def _ancestors(topics: tuple[Topic, ...]) -> dict[str, tuple[str, ...]]:
    parent = {t.id: t.parent for t in topics}
    chains: dict[str, tuple[str, ...]] = {}
    for t in topics:
        chain: list[str] = []
        seen = {t.id}
        up = parent.get(t.id)
        while up is not None and up not in seen:  # a cycle in bad input must not loop forever
            chain.append(up)
            seen.add(up)
            up = parent.get(up)
        chains[t.id] = tuple(chain)
    return chains


def related_topics(corpus: Corpus, k: int = TOP_TOPICS) -> dict[str, tuple[str, ...]]:
    """For each topic id, the topics most connected to it: papers in both, plus mentions across them.

    A paper in a leaf counts for the leaf's ancestors too; a topic and its own ancestors or
    descendants are never "related" (that link is already the tree).
    """
    chains = _ancestors(corpus.topics)
    known = set(chains)
    members: dict[str, set[str]] = defaultdict(set)  # paper id -> topic ids incl. ancestors
    for p in corpus.papers:
        for assignment in p.topics:
            if assignment.topic in known:
                members[p.id].add(assignment.topic)
                members[p.id].update(chains[assignment.topic])
    score: Counter[tuple[str, str]] = Counter()
    for tids in members.values():
        for a in tids:
            for b in tids:
                if a != b:
                    score[(a, b)] += 1
    for p in corpus.papers:
        for m in p.mentions:
            for a in members.get(m.source, ()):
                for b in members.get(m.target, ()):
                    if a != b:
                        score[(a, b)] += 1
                        score[(b, a)] += 1
    lineage = {t: {t, *chains[t]} for t in chains}
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (a, b), s in score.items():
        if b in lineage[a] or a in lineage[b]:
            continue
        out[a].append((s, b))
    return {t.id: tuple(b for _s, b in sorted(out[t.id], key=lambda x: (-x[0], x[1]))[:k]) for t in corpus.topics}


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Paper.related`` and ``Topic.related``; run after topics and mentions.

    Related papers depend on every paper's text and topics: with a ``memo``, a corpus where none of
    those changed takes them from the last run.
    """
    memo = memo if memo is not None else Memo()
    # a missing abstract reads as an empty one here; each paper's topics end its row
    key = memo.key("related", digest_each((p.id, p.title, p.abstract or "", *(a.topic for a in p.topics))
                                          for p in corpus.papers))
    similar = decoded(_related_from, memo.get("related", key))
    if similar is None or set(similar) != {p.id for p in corpus.papers}:
        similar = related_papers(corpus.papers)
        memo.put("related", key, {pid: list(ids) for pid, ids in similar.items()})
    corpus = replace(corpus, papers=tuple(replace(p, related=similar[p.id]) for p in corpus.papers))
    linked = related_topics(corpus)
    topics = tuple(replace(t, related=linked[t.id]) for t in corpus.topics)
    return replace(corpus, topics=topics), []


def _related_from(value: Any) -> dict[str, tuple[str, ...]]:
    return {as_text(pid): tuple(as_text(i) for i in ids) for pid, ids in value.items()}
