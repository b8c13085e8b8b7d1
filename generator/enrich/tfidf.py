"""TF-IDF weights of texts: the matrix scikit-learn's ``TfidfVectorizer`` gives, without importing it.

Importing scikit-learn costs about a second of CPU, more than related papers' own TF-IDF work at
10,000 papers. This module takes the vectorizer's steps with numpy and scipy (count, prune by
document frequency, number the words in word order, sublinear tf, smooth idf, l2 norm) in the same
order and float types, so every weight comes out bit for bit the same; even the entries of a row
keep the vectorizer's order (each word's first use in the corpus), since a row's norm is a sum in
that order. ``tests/test_tfidf.py`` holds it to scikit-learn's output.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# scikit-learn's ENGLISH_STOP_WORDS (a test checks the copy)
_STOP_TEXT = (
    "a about above across after afterwards again against all almost alone along already also although always am "
    "among amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back "
    "be became because become becomes becoming been before beforehand behind being below beside besides between "
    "beyond bill both bottom but by call can cannot cant co con could couldnt cry de describe detail do done down "
    "due during each eg eight either eleven else elsewhere empty enough etc even ever every everyone everything "
    "everywhere except few fifteen fifty fill find fire first five for former formerly forty found four from front "
    "full further get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers herself "
    "him himself his how however hundred i ie if in inc indeed interest into is it its itself keep last latter "
    "latterly least less ltd made many may me meanwhile might mill mine more moreover most mostly move much must my "
    "myself name namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of "
    "off often on once one only onto or other others otherwise our ours ourselves out over own part per perhaps "
    "please put rather re same see seem seemed seeming seems serious several she should show side since sincere six "
    "sixty so some somehow someone something sometime sometimes somewhere still such system take ten than that the "
    "their them themselves then thence there thereafter thereby therefore therein thereupon these they thick thin "
    "third this those though three through throughout thru thus to together too top toward towards twelve twenty "
    "two un under until up upon us very via was we well were what whatever when whence whenever where whereafter "
    "whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will "
    "with within without would yet you your yours yourself yourselves"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def tfidf(texts: list[str], token_pattern: str = r"(?u)\b\w\w+\b", min_df: int = 1, max_df: float = 1.0,
          dtype: type[np.floating[Any]] = np.float64) -> csr_matrix:
    """``TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=min_df, max_df=max_df,
    dtype=dtype, token_pattern=token_pattern).fit_transform(texts)``, and a ``ValueError`` where
    that raises one (no word left). The defaults are the vectorizer's."""
    from scipy.sparse import csr_matrix  # imported when a run needs it, as related.py does

    counts = _counts(texts, re.compile(token_pattern))
    # the vectorizer numbers words by first use in the corpus, and each row keeps that order
    first_use = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(counts)))}
    if not first_use:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    columns = np.fromiter(map(first_use.__getitem__, chain.from_iterable(counts)), dtype=np.int32)
    values = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.intc)
    indptr = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum([len(c) for c in counts], out=indptr[1:])
    matrix = csr_matrix((values, columns, indptr), shape=(len(counts), len(first_use)), dtype=dtype)
    matrix.sort_indices()
    # words in fewer than min_df or more than max_df of the texts go
    if max_df * len(texts) < min_df:
        raise ValueError("max_df corresponds to < documents than min_df")
    used = np.bincount(matrix.indices, minlength=matrix.shape[1])
    kept = np.where((used <= max_df * len(texts)) & (used >= min_df))[0]
    if len(kept) == 0:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    matrix = matrix[:, kept]
    # columns renumbered in word order; each row's entries stay where they are
    words = list(first_use)
    kept_words = [words[i] for i in kept.tolist()]
    rank = np.empty(len(kept_words), dtype=matrix.indices.dtype)
    rank[sorted(range(len(kept_words)), key=kept_words.__getitem__)] = np.arange(len(kept_words))
    matrix.indices = rank.take(matrix.indices, mode="clip")
    return _weighted(matrix)


def _counts(texts: list[str], pattern: re.Pattern[str]) -> list[dict[str, int]]:
    """Each text's lower-cased words but stop words, counted, in order of first use.

    Counter counts in C; the counts go into a plain dict, whose ``del`` is C too (Counter's is Python).
    """
    counts: list[dict[str, int]] = []
    for text in texts:
        counted = dict(Counter(pattern.findall(text.lower())))
        for stop in STOP_WORDS.intersection(counted):
            del counted[stop]
        counts.append(counted)
    return counts


def _weighted(matrix: csr_matrix) -> csr_matrix:
    """TfidfTransformer(sublinear_tf=True): 1 + log tf, times the smooth idf, each row l2-normalized."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(matrix.dtype)
    df += 1.0
    idf = np.full_like(df, fill_value=matrix.shape[0] + 1, dtype=matrix.dtype)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = matrix.data
    np.log(data, data)
    data += 1.0
    data *= idf[matrix.indices]
    # the norm as scikit-learn's Cython sums it: squares in the matrix's type added one by one in a double
    squares = (data * data).astype(np.float64)
    for row in range(matrix.shape[0]):
        begin, end = matrix.indptr[row], matrix.indptr[row + 1]
        if begin == end:
            continue
        total = np.cumsum(squares[begin:end])[-1]  # cumsum adds in order; sum() adds pairwise
        if total != 0.0:
            data[begin:end] = data[begin:end] / np.sqrt(total)
    return matrix
