"""``survey new-note``'s half: find the paper a contributor means, and a note that checks clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import io
from generator.content import ContentFiles
from generator.enrich import notes as note_stage
from generator.model import Corpus
from generator.pipeline import read_sources
from generator.scaffold import find_paper, note_text, suggest_papers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    papers, _ = read_sources(io.read_content(ROOT / "content"))
    return papers


def titled(corpus: Corpus, prefix: str) -> str:
    return next(p.id for p in corpus.papers if p.title.startswith(prefix))


def test_exact_id_and_exact_title(corpus: Corpus) -> None:
    paper = corpus.papers[len(corpus.papers) // 2]
    assert find_paper(corpus, paper.id) == (paper, [])
    assert find_paper(corpus, f"papers/{paper.id}/") == (paper, [])
    assert find_paper(corpus, "  " + paper.title.upper() + " ") == (paper, [])


def test_fuzzy_match_on_method_name_and_typos(corpus: Corpus) -> None:
    flash2 = titled(corpus, "FlashAttention-2")
    found, suggestions = find_paper(corpus, "flash attention 2")
    assert found is not None and found.id == flash2 and suggestions == []
    found, _ = find_paper(corpus, flash2[:-1] + "0")  # wrong hash
    assert found is not None and found.id == flash2
    mamba = titled(corpus, "Mamba:")
    found, _ = find_paper(corpus, "Mamba")
    assert found is not None and found.id == mamba


def test_ambiguous_query_gives_suggestions(corpus: Corpus) -> None:
    found, suggestions = find_paper(corpus, "FlashAttention")
    assert found is None
    ids = [p.id for p in suggestions]
    assert titled(corpus, "FlashAttention-2") in ids and titled(corpus, "FlashAttention-3") in ids
    assert len(ids) <= 5 and len(set(ids)) == len(ids)


def test_nonsense_finds_nothing(corpus: Corpus) -> None:
    assert find_paper(corpus, "zzqx qqqv wwww") == (None, [])
    assert find_paper(corpus, "   ") == (None, [])


def test_suggestions_are_stable(corpus: Corpus) -> None:
    assert suggest_papers(corpus, "GaLore") == suggest_papers(corpus, "GaLore")
    assert all("GaLore" in p.title for p in suggest_papers(corpus, "GaLore")[:2])


@pytest.mark.parametrize("index", [0, 100, 443])
def test_scaffold_checks_clean_and_changes_nothing(corpus: Corpus, index: int) -> None:
    paper = corpus.papers[index]
    text = note_text(paper)
    out, diags = note_stage.enrich(corpus, ContentFiles({f"notes/{paper.id}.md": text}))
    assert diags == []
    attached = out.paper(paper.id)
    assert attached.note is not None and attached.note.body.startswith("<!--")  # a comment renders as nothing
    assert (attached.title, attached.topics, attached.results) == (paper.title, paper.topics, paper.results)
    assert paper.title in text


def test_scaffold_optional_keys_uncomment_into_a_valid_note(corpus: Corpus) -> None:
    """Uncommenting every example key must give a note the checker accepts (bar the topics, unknown here)."""
    paper = corpus.papers[7]
    lines = []
    for line in note_text(paper).splitlines():
        if line.startswith("# ") and ":" in line and not line.startswith(("# Note for", "# Uncomment")):
            line = line[2:]
        lines.append(line)
    text = "\n".join(line for line in lines if not line.lstrip().startswith(("topics_", "aliases"))) + "\n"
    out, diags = note_stage.enrich(corpus, ContentFiles({f"notes/{paper.id}.md": text}))
    assert diags == []
    attached = out.paper(paper.id)
    assert attached.arxiv_id == "2401.10000" and attached.authors == ("First Author", "Second Author")
    assert attached.results[-1].verified and attached.id == paper.id
