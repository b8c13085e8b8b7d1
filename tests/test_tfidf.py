"""tfidf gives scikit-learn's TfidfVectorizer matrix bit for bit, entry order included, without importing it."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CONTENT
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from generator import io
from generator.enrich.tfidf import STOP_WORDS, tfidf
from generator.pipeline import read_sources

_PATTERNS = [r"(?u)\b[A-Za-z][A-Za-z0-9-]+\b", r"(?u)\b\w\w+\b"]


def _same(texts, token_pattern, min_df, max_df, dtype=np.float32):
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=min_df, max_df=max_df,
                                 dtype=dtype, token_pattern=token_pattern)
    try:
        plain = vectorizer.fit_transform(texts)
    except ValueError:
        with pytest.raises(ValueError):
            tfidf(texts, token_pattern, min_df, max_df, dtype)
        return
    fast = tfidf(texts, token_pattern, min_df, max_df, dtype)
    assert fast.shape == plain.shape and fast.dtype == plain.dtype
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(fast, part), getattr(plain, part)), part


def test_stop_words_are_scikit_learns():
    assert STOP_WORDS == ENGLISH_STOP_WORDS


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("token_pattern", _PATTERNS)
@pytest.mark.parametrize(("min_df", "max_df"), [(1, 1.0), (2, 0.5)])
def test_the_bundled_corpus_gives_the_vectorizers_matrix(token_pattern, min_df, max_df, dtype):
    corpus, _ = read_sources(io.read_content(CONTENT))
    texts = [f"{p.title}. {p.title}. {p.abstract or ''}" for p in corpus.papers]
    _same(texts, token_pattern, min_df, max_df, dtype)


def test_the_defaults_are_the_vectorizers():
    corpus, _ = read_sources(io.read_content(CONTENT))
    texts = [f"{p.title}. {p.abstract or ''}" for p in corpus.papers]
    plain = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    fast = tfidf(texts)
    assert fast.dtype == plain.dtype
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(fast, part), getattr(plain, part)), part


_WORDS = st.sampled_from(["Mamba", "mamba", "the", "and", "FlashAttention-2", "GPU", "x1", "state-space", "of",
                          "model", "models", "É", "über", "a", "42", "ZeRO", "-", ".", " "])


@given(st.lists(st.lists(_WORDS, max_size=12).map(" ".join), min_size=1, max_size=8),
       st.sampled_from(_PATTERNS), st.sampled_from([(1, 1.0), (2, 0.5), (1, 0.5), (3, 1.0)]),
       st.sampled_from([np.float32, np.float64]))
def test_wild_texts_give_the_vectorizers_matrix_or_its_error(texts, token_pattern, dfs, dtype):
    _same(texts, token_pattern, *dfs, dtype)
