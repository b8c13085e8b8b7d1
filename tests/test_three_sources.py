"""One paper stated by a capture, an arXiv response and a BibTeX file: one page, each field's source in words."""

from __future__ import annotations

from conftest import FIXTURES, options_for

from generator import pipeline

CONTENT = FIXTURES / "three_sources" / "content"


def test_three_sources_become_one_page_whose_sources_block_names_each_field(tmp_path):
    generated = pipeline.generate(options_for(CONTENT, tmp_path / "build"))
    assert not generated.diagnostics.errors
    (paper,) = generated.corpus.papers
    assert paper.id == "flashattention-2-faster-attention-with-better-c4c4"  # the capture-era URL holds
    assert {ref.collection for ref in paper.sources} == {"attention-listing", "arxiv-lookups", "group-bibliography"}
    assert (paper.arxiv_id, paper.authors, paper.date) == ("2307.08691", ("Tri Dao",), "2023-07-17")
    assert paper.citekey == "dao2024flashattention"  # the group's own key is kept
    assert paper.venue is not None and "ICLR" in paper.venue
    page = generated.files[f"docs/{paper.page}"]
    assert isinstance(page, str)
    block = page[page.index('??? info "Sources"'):]
    assert ("title, authors, date and arXiv id from “arXiv lookups” (arXiv API response of 2024-05-28), line 10"
            in block)
    assert "venue from “Group bibliography” (BibTeX file), line 2" in block
    # sources.yml puts the capture first for abstracts, so the capture states it
    assert "abstract from “Efficient attention listing” (Hugging Face capture of 2024-03-11), line 3" in block
    assert "date: “2023-07-17” is shown; “2024” in “Group bibliography” (BibTeX file), line 6" in block
    assert "content/" not in page and "sources/" not in block  # words, not file paths
    assert "[arXiv 2307.08691](https://arxiv.org/abs/2307.08691)" in page
    assert "@inproceedings{dao2024flashattention," in page
