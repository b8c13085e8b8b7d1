"""The PR job summary: which paper and topic pages a change adds, changes or removes, with titles."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from generator import io
from generator.model import Paper
from generator.pipeline import read_sources

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("pr_summary", ROOT / "scripts" / "pr_summary.py")
assert _spec and _spec.loader
pr_summary = importlib.util.module_from_spec(_spec)
sys.modules["pr_summary"] = pr_summary
_spec.loader.exec_module(pr_summary)


@pytest.fixture(scope="module")
def papers() -> tuple[Paper, ...]:
    corpus, _ = read_sources(io.read_content(ROOT / "content"))
    return corpus.papers


def page(paper: Paper, extra: str = "") -> str:
    front = yaml.safe_dump({"title": paper.title}, allow_unicode=True)
    return f"---\n{front}---\n\n# {paper.title}\n\n{paper.abstract or ''}\n{extra}"


def site(papers: tuple[Paper, ...]) -> dict[str, str]:
    tree = {f"papers/{p.id}.md": page(p) for p in papers}
    tree["index.md"] = "# Survey\n"
    tree["topics/attention/index.md"] = "---\ntitle: Attention\n---\n# Attention\n"
    return tree


def test_page_kinds() -> None:
    assert pr_summary.page_kind("papers/x-1a2b.md") == "paper"
    assert pr_summary.page_kind("papers/x-1a2b/index.md") == "paper"
    assert pr_summary.page_kind("topics/attention.md") == "topic"
    assert pr_summary.page_kind("papers/index.md") == "other"
    assert pr_summary.page_kind("collections/c.md") == "other"


def test_compare_real_pages(papers: tuple[Paper, ...]) -> None:
    base = site(papers[:10])
    head = site(papers[1:11])
    extra = "\n## Notes\n\nA curated note.\n"
    head[f"papers/{papers[5].id}.md"] = page(papers[5], extra)
    head["topics/attention/index.md"] += "\nAn intro.\n"
    changes = pr_summary.compare(base, head)
    got = {(c.kind, c.status, c.path): c for c in changes}
    assert set(got) == {
        ("paper", "added", f"papers/{papers[10].id}.md"),
        ("paper", "removed", f"papers/{papers[0].id}.md"),
        ("paper", "changed", f"papers/{papers[5].id}.md"),
        ("topic", "changed", "topics/attention/index.md"),
    }
    changed = got[("paper", "changed", f"papers/{papers[5].id}.md")]
    assert changed.title == papers[5].title and (changed.lines_added, changed.lines_removed) == (len(extra.splitlines()), 0)
    assert got[("paper", "removed", f"papers/{papers[0].id}.md")].title == papers[0].title
    assert pr_summary.compare(head, head) == []


def test_summary_markdown_lists_titles_and_counts(papers: tuple[Paper, ...]) -> None:
    changes = pr_summary.compare(site(papers[:3]), site(papers[2:6]))
    text = pr_summary.summary_markdown(changes)
    assert "| Paper pages | 3 | 0 | 2 |" in text
    assert "### Paper pages added (3)" in text and "### Paper pages removed (2)" in text
    for paper in papers[3:6]:
        assert f"`papers/{paper.id}.md`" in text
    assert "No generated page" in pr_summary.summary_markdown([])


def test_titles_are_escaped_and_lists_capped() -> None:
    changes = [pr_summary.PageChange("paper", "added", f"papers/p{i}.md", "<script>x</script> | *a*_b_")
               for i in range(5)]
    text = pr_summary.summary_markdown(changes, limit=2)
    assert "<script>" not in text and "&lt;script&gt;" in text and r"\|" in text and r"\*a\*" in text
    assert "… and 3 more" in text


def test_main_reads_trees_and_tolerates_missing_base(tmp_path: Path, papers: tuple[Paper, ...],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    head = tmp_path / "head"
    for rel, text in site(papers[:2]).items():
        (head / rel).parent.mkdir(parents=True, exist_ok=True)
        (head / rel).write_text(text, encoding="utf-8")
    assert pr_summary.main([str(tmp_path / "missing"), str(head)]) == 0
    out = capsys.readouterr().out
    assert "every page counts as added" in out and "| Paper pages | 2 | 0 | 0 |" in out
    assert papers[0].title.split()[0] in out
