"""Identity on paper pages: links to read the paper, a real BibTeX entry, sources in words, the authors index."""

from __future__ import annotations

from generator import identity, urls
from generator.content import ContentFiles
from generator.model import Collection, Link, SourceRef
from generator.normalize import Sourced, merge
from generator.records import Claim, Record
from generator.sources.catalog import discover


def rec(path: str, line: int, fmt: str, collection: str, **fields) -> Sourced:
    claims = {k: Claim(v, line + i) for i, (k, v) in enumerate(fields.items())}
    return Sourced(Record(line, claims), SourceRef(path, line, collection), fmt)


COLLECTIONS = {
    "dec-11": Collection("dec-11", "Memory-efficient learning", "sources/hf/004.txt", captured="2025-12-11"),
    "refs": Collection("refs", "Group bibliography", "sources/bibtex/refs.bib", format="bibtex"),
    "resp": Collection("resp", "arXiv lookups", "sources/arxiv/r.xml", format="arxiv"),
}


def _paper():
    papers, *_ = merge([
        rec("sources/hf/004.txt", 211, "hf", "dec-11", title="FlashAttention-2: Faster Attention",
            abstract="We propose FlashAttention-2. Code: https://github.com/Dao-AILab/flash-attention", upvotes=9),
        rec("sources/arxiv/r.xml", 40, "arxiv", "resp", title="FlashAttention-2: Faster Attention",
            arxiv="2307.08691v1", authors=("Tri Dao",), date="2023-07-17"),
        rec("sources/bibtex/refs.bib", 3, "bibtex", "refs", title="{FlashAttention-2}: Faster Attention",
            arxiv="2307.08691", venue="ICLR 2024", date="2024", citekey="dao2023flashattention2",
            entry_type="inproceedings", pages="1--14"),
    ])
    assert len(papers) == 1
    return papers[0]


def test_paper_links_point_at_arxiv_pdf_hf_or_a_title_search():
    paper = _paper()
    assert [(link.label, link.url) for link in identity.paper_links(paper)] == [
        ("arXiv 2307.08691", "https://arxiv.org/abs/2307.08691"),
        ("PDF", "https://arxiv.org/pdf/2307.08691"),
        ("Hugging Face", "https://huggingface.co/papers/2307.08691"),
    ]
    papers, *_ = merge([rec("a.txt", 1, "hf", "c", title='Attention "Is" All You Need & More')])
    (search,) = identity.paper_links(papers[0])
    assert search.url == ("https://arxiv.org/search/?query=%22Attention+%22Is%22+All+You+Need+%26+More%22"
                          "&searchtype=title")


def test_bibtex_entry_is_real_and_keeps_the_sources_key():
    entry = identity.bibtex(_paper())
    assert entry.startswith("@inproceedings{dao2023flashattention2,\n")
    assert "  author = {Tri Dao}," in entry
    assert "  booktitle = {ICLR 2024}," in entry
    assert "  eprint = {2307.08691}," in entry and "  year = {2023}," in entry


def test_sources_block_says_in_words_where_each_field_came_from():
    paper = _paper()
    lines = identity.source_lines(paper, COLLECTIONS)
    assert "title, authors, date and arXiv id from “arXiv lookups” (arXiv API response), line 40" in lines
    assert "venue from “Group bibliography” (BibTeX file), line 3" in lines
    assert "abstract and upvotes from “Memory-efficient learning” (Hugging Face capture of 2025-12-11), line 211" \
        in lines
    assert not any("sources/" in line for line in lines)  # words, not file paths
    differ = identity.disagreements(paper, COLLECTIONS)
    assert any(d.startswith("date: “2023-07-17” is shown; “2024” in “Group bibliography”") for d in differ)


def test_authors_index_groups_by_family_name_and_links_back():
    papers, *_ = merge([
        rec("a.txt", 1, "arxiv", "c", title="Paper One", authors=("Tri Dao", "Daniel Y. Fu")),
        rec("a.txt", 5, "arxiv", "c", title="Paper Two", authors=("Tri Dao",), date="2024-01-01"),
        rec("a.txt", 9, "arxiv", "c", title="Paper Three", authors=("Ángel Ürbán",)),
    ])
    people = identity.authors(papers)
    dao = next(a for a in people if a.name == "Tri Dao")
    assert [p.title for p in dao.papers] == ["Paper Two", "Paper One"]  # newest first
    assert dao.page == "authors/d.md" and dao.anchor.startswith("author-tri")
    pages = identity.authors_by_page(people)
    assert [g.label for g in pages] == sorted(g.label for g in pages)
    assert next(a for a in people if a.name.startswith("Á")).page == "authors/u.md"  # ASCII-folded initial


def test_links_between_pages_are_relative():
    assert urls.link("papers/x.md", "authors/d.md", "author-x") == "../authors/d.md#author-x"
    assert urls.link("index.md", "topics/a.md") == "topics/a.md"
    assert urls.site_url("papers/x.md") == "papers/x/" and urls.site_url("authors/index.md") == "authors/"


def test_sources_yml_declares_precedence_and_csv_columns():
    text = """sources:
  sources/csv/list.csv:
    title: My list
    columns: {venue: Publication, nonsense: X}
precedence:
  authors: [bibtex, arxiv]
  date: [hf, nowhere]
"""
    content = ContentFiles({"sources.yml": text, "sources/csv/list.csv": "Title\nA\n"}, {}, "content")
    catalog, diags = discover(content)
    assert catalog.precedence.order("authors")[:2] == ("bibtex", "arxiv")
    assert catalog.precedence.order("title")[0] == "note"
    codes = {(d.code, d.line) for d in diags}
    assert ("unknown-format", 7) in codes  # 'nowhere' is not a format: that list is refused
    assert ("unknown-field", 4) in codes
    assert catalog.precedence.order("date")[0] == "note"
    found = [s for s in catalog.sources if s.format == "csv"]
    if found:  # the CSV reader is registered
        assert found[0].options == {"columns": {"venue": "Publication", "nonsense": "X"}}


def test_link_claims_from_sources_are_not_lost():
    paper = _paper()
    assert Link("https://github.com/Dao-AILab/flash-attention", "code") in paper.links
    assert dict(paper.extra)["pages"] == "1--14"
