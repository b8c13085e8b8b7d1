"""The BibTeX reader on the real efficient-DL bibliography and on each quirk the issue names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import ReadContext
from generator.sources import FORMATS
from generator.sources.bibtex import read

HERE = Path(__file__).resolve().parent / "fixtures" / "sources" / "bibtex"
REAL = HERE / "references.bib"


def _read(text: str, path: str = "x.bib"):
    return read(text, ReadContext(path))


def _by_key(out):
    return {r.value("citekey"): r for r in out.records}


def _codes(out):
    return Counter(d.code for d in out.diagnostics)


def test_registered_for_bib_files():
    fmt = FORMATS["bibtex"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".bib",), read, "BibTeX file")


def test_whole_real_file_counts():
    # Counted by hand: 297 lines start with "@", 34 of them "@STRING", so 263 entries; two of
    # them (@MISC Flower, line 983, and Lec98, line 1131) hold only a URL and no title.
    out = _read(REAL.read_text(encoding="utf-8"), "references.bib")
    assert len(out.records) == 261
    assert out.skipped == 2
    skipped = sorted((d.line, d.code) for d in out.diagnostics if d.code == "no-title")
    assert skipped == [(983, "no-title"), (1131, "no-title")]
    assert not [d for d in out.diagnostics if d.severity == "error"]
    # 21 "# @STRING" lines; 17 redefine a macro defined above (NIPS-W, ICDM, JRSC, UAI are new)
    assert _codes(out)["string-redefined"] == 17
    assert sorted(d.line for d in out.diagnostics if d.code == "no-year") == [1801, 1808]
    # `grep -c "arXiv:"` finds 39 lines, all journal fields of distinct entries
    assert sum(1 for r in out.records if r.value("arxiv")) == 39


def test_record_lines_point_at_the_physical_lines():
    text = REAL.read_text(encoding="utf-8")
    lines = text.splitlines()
    out = _read(text)
    by_key = _by_key(out)
    for key in ("wei-2001-texture", "zhang2017shufflenet", "macewinograd"):
        record = by_key[key]
        assert lines[record.line - 1].startswith(("@inproceedings{" + key, "@misc{" + key))
        assert lines[record.claims["title"].line - 1].lstrip().startswith("title")
        assert lines[record.claims["authors"].line - 1].lstrip().startswith("author")
    # the last entry of the file, after 2,000 lines of mixed blocks, still lands on its own line
    last = out.records[-1]
    assert lines[last.line - 1].startswith("@") and last.value("citekey") in lines[last.line - 1]


def test_hash_string_lines_redefine_macros_as_bibtex_reads_them():
    # "# @STRING{IJCV = "Int. J. Comput. Vis."}" is outside any entry, where BibTeX skips text
    # up to the next "@": so it is a real @STRING and replaces IJCV = "IJCV" for later entries.
    out = _read(REAL.read_text(encoding="utf-8"))
    by_key = _by_key(out)
    assert by_key["portilla-2000-parametric"].value("venue") == "Int. J. Comput. Vis."
    assert by_key["kingma2014adam"].value("venue") == "Proc. International Conference on Learning Representations"
    assert by_key["wei-2001-texture"].value("venue") == "SIGGRAPH"  # never redefined
    assert by_key["Wetbrush-SiggraphAsia-2015"].value("venue") == "SIGGRAPH ASIA"
    redefined = next(d for d in out.diagnostics if d.code == "string-redefined" and "IJCV" in d.message)
    assert (redefined.line, redefined.severity) == (40, "info")
    assert "line 16" in redefined.message


def test_a_redefinition_applies_only_after_it():
    out = _read(
        '@STRING{VEN = "First Venue"}\n'
        "@inproceedings{a, title={A}, author={X, Y}, booktitle=VEN, year=2001}\n"
        '# @STRING{ven = "Second" # " Venue"}\n'
        "@inproceedings{b, title={B}, author={X, Y}, booktitle=VEN, year=2002}\n"
    )
    by_key = _by_key(out)
    assert by_key["a"].value("venue") == "First Venue"
    assert by_key["b"].value("venue") == "Second Venue"  # macro names are case-insensitive; "#" joins


def test_month_macros_and_month_spellings_make_year_month_dates():
    out = _read(
        "@article{a, title={A}, author={X}, year={2019}, month=jan}\n"
        '@article{b, title={B}, author={X}, year="2019", month={Sep.}}\n'
        "@article{c, title={C}, author={X}, year=2019, month=11}\n"
        "@article{d, title={D}, author={X}, month=dec}\n"
        "@article{e, title={E}, author={X}, year=2019, month={Winter}}\n"
    )
    by_key = _by_key(out)
    assert [by_key[k].value("date") for k in "abcde"] == ["2019-01", "2019-09", "2019-11", None, "2019"]
    assert by_key["d"].value("month") == "December"  # no year: the month is kept as text
    assert by_key["e"].value("month") == "Winter"
    assert {(d.line, d.code) for d in out.diagnostics} == {(4, "no-year"), (5, "bad-month")}


def test_unbraced_year_on_the_real_file():
    by_key = _by_key(_read(REAL.read_text(encoding="utf-8")))
    shufflenet = by_key["zhang2017shufflenet"]  # "  year=2018" on line 787
    assert (shufflenet.value("date"), shufflenet.claims["date"].line) == ("2018", 787)
    assert shufflenet.value("venue") == "Proc. IEEE Conf. Comput. Vis. Pattern Recog."


def test_duplicate_keys_are_reported_with_both_lines_and_both_kept():
    out = _read(
        "@article{smith2020, title={One Paper}, author={Smith, A}, year=2020}\n\n"
        "@inproceedings{Smith2020, title={Another Paper}, author={Smith, B}, year=2020}\n"
    )
    assert [r.value("title") for r in out.records] == ["One Paper", "Another Paper"]
    duplicate = next(d for d in out.diagnostics if d.code == "duplicate-key")
    assert duplicate.line == 3 and "line 1" in duplicate.message
    assert out.skipped == 0


def test_missing_title_skips_missing_year_or_author_reports_and_keeps():
    out = _read(
        "@misc{notitle, author={A B}, year=2020}\n"
        "@misc{noyear, title={Kept Without Year}, author={A B}}\n"
        "@misc{noauthor, title={Kept Without Author}, year=2020}\n"
    )
    assert [r.value("citekey") for r in out.records] == ["noyear", "noauthor"]
    assert out.skipped == 1
    assert {(d.line, d.code) for d in out.diagnostics} == {(1, "no-title"), (2, "no-year"), (3, "no-author")}


def test_failed_block_is_reported_with_its_start_line_and_reading_goes_on():
    out = _read(
        "@article{good1, title={Before}, year=2001}\n"
        "\n"
        "@article{broken,\n"
        "  title = {Unclosed brace,\n"
        "  year = 2019\n"
        "\n"
        "@article{good2, title={After}, year=2002}\n"
        "@article{nocomma title={X}}\n"
        "@article{good3, title={Last}, year=2003}\n"
    )
    titles = [r.value("title") for r in out.records]
    assert titles[0] == "Before" and titles[-1] == "Last" and "After" in titles
    failed = [d for d in out.diagnostics if d.code == "bibtex-syntax"]
    assert {d.line for d in failed} == {3, 8}
    assert all(d.severity == "error" for d in failed)
    assert out.skipped == len(failed)


def test_url_fields_and_howpublished_url_become_links():
    out = _read(
        "@misc{m, title={MNIST}, author={Y. LeCun}, year={1998},\n"
        "  howpublished = {\\url{http://yann.lecun.com/exdb/mnist/}}}\n"
        "@misc{g, title={Repo}, author={G}, year=2019, url={https://github.com/a/b},\n"
        "  note = {Accessed: 2019-09-01 \\url{https://example.org/x\\_y}}}\n"
    )
    by_key = _by_key(out)
    assert by_key["m"].value("links") == (Link("http://yann.lecun.com/exdb/mnist", "project"),)
    assert by_key["m"].claims["links"].line == 2
    assert "howpublished" not in by_key["m"].claims  # it held only the URL
    assert by_key["g"].value("links") == (Link("https://github.com/a/b", "code"), Link("https://example.org/x_y", "project"))
    assert by_key["g"].value("note") == "Accessed: 2019-09-01"


def test_arxiv_ids_from_journal_eprint_arxiv_field_and_url():
    out = _read(
        "@article{bert, title={BERT}, author={Devlin, Jacob}, year={2018},\n"
        "  journal = {arXiv preprint arXiv:1810.04805}}\n"
        "@misc{ep, title={E}, author={A}, year=2020, eprint={2001.08361v2}, archivePrefix={arXiv}, primaryClass={cs.LG}}\n"
        "@misc{ax, title={F}, author={A}, year=2020, arxiv={hep-th/9901001}}\n"
        "@misc{url, title={G}, author={A}, year=2020, url={https://arxiv.org/abs/2406.12335v1}}\n"
        "@misc{pm, title={H}, author={A}, year=2020, eprint={12345}, eprinttype={pubmed}}\n"
    )
    by_key = _by_key(out)
    assert by_key["bert"].value("arxiv") == "1810.04805"
    assert by_key["bert"].value("venue") == "arXiv preprint arXiv:1810.04805"  # as written; normalize decides
    assert by_key["bert"].claims["arxiv"].line == 2
    assert by_key["ep"].value("arxiv") == "2001.08361"
    assert by_key["ep"].value("categories") == ("cs.LG",)
    assert "archiveprefix" not in by_key["ep"].claims
    assert by_key["ax"].value("arxiv") == "hep-th/9901001"
    assert by_key["url"].value("arxiv") == "2406.12335"
    assert by_key["url"].value("links") is None  # the arXiv id stands for the arxiv.org link
    assert by_key["pm"].value("arxiv") is None
    assert (by_key["pm"].value("eprint"), by_key["pm"].value("eprinttype")) == ("12345", "pubmed")


def test_doi_prefix_stripped_and_lower_cased_bad_doi_kept_as_text():
    out = _read(
        "@inproceedings{d, title={T}, author={A}, year=2019, doi={https://doi.org/10.18653/V1/N19-1423}}\n"
        "@inproceedings{e, title={U}, author={A}, year=2019, doi={not a doi}}\n"
    )
    by_key = _by_key(out)
    assert by_key["d"].value("doi") == "10.18653/v1/n19-1423"
    assert by_key["e"].value("doi") is None and by_key["e"].value("doi_text") == "not a doi"
    assert any(d.code == "bad-value" and d.line == 2 for d in out.diagnostics)


def test_opt_fields_and_other_fields_kept_under_their_own_lower_cased_names():
    by_key = _by_key(_read(REAL.read_text(encoding="utf-8")))
    graphcut = by_key["kwatra-2003-graphcut"]
    assert (graphcut.value("optvolume"), graphcut.value("optnumber"), graphcut.value("optpages")) == ("22", "3", "277--286")
    assert graphcut.claims["optpages"].line == 92
    assert by_key["portilla-2000-parametric"].value("pages") == "49--70"
    assert by_key["GooBenCou16"].value("publisher") == "MIT Press"


def test_authors_given_family_in_order_others_dropped_count_only_when_complete():
    by_key = _by_key(_read(REAL.read_text(encoding="utf-8")))
    graphcut = by_key["kwatra-2003-graphcut"]
    assert graphcut.value("authors") == ("Vivek Kwatra", 'Arno Sch{\\"o}dl', "Irfan Essa", "Greg Turk", "Aaron Bobick")
    assert graphcut.value("authors_count") == 5
    lapgan = by_key["denton-2015-LapGAN"]  # "... and Fergus, Rob and others"
    assert lapgan.value("authors") == ("Emily L Denton", "Soumith Chintala", "Rob Fergus")
    assert lapgan.value("authors_count") is None
    assert by_key["MolTyrKar17"].value("authors") == ("P. Molchanov", "S. Tyree", "T. Karras")
    assert by_key["tfwinograd"].value("authors") == ("Google",)


def test_repeated_field_keeps_the_first_and_undefined_macro_keeps_its_name():
    out = _read("@inproceedings{k,\n  title={First},\n  title={Second},\n  author={A B},\n  booktitle=NOWHERE,\n  year=2020}\n")
    record = out.records[0]
    assert (record.value("title"), record.value("venue")) == ("First", "NOWHERE")
    assert {(d.line, d.code) for d in out.diagnostics} == {(3, "duplicate-field"), (5, "undefined-macro")}


def test_title_whitespace_collapsed_and_entry_type_lower_cased():
    out = _read("@ARTICLE{k, title = {A Title\n      Wrapped   Over Lines}, author={A B}, year={2020}}\n")
    assert out.records[0].value("title") == "A Title Wrapped Over Lines"
    assert out.records[0].value("entry_type") == "article"


def test_empty_and_comment_only_files_report_no_entries():
    for text in ("", "% just a comment\n# another\n", "@comment{nothing here}\n@preamble{\"x\"}\n"):
        out = _read(text)
        assert out.records == [] and [d.code for d in out.diagnostics] == ["empty-source"]


def test_lone_at_signs_and_stray_braces_between_entries():
    out = _read("@\n@article{a, title={Kept}, author={A B}, year=2001}\n}} stray { text @ here\n@ {\n")
    assert [r.value("title") for r in out.records] == ["Kept"]
    assert out.records[0].line == 2


_SNIPPET = REAL.read_text(encoding="utf-8").splitlines()[:120]
_NOISE = st.sampled_from(["@", "{", "}", ",", "=", '"', "#", "\\", "\n", "@STRING{", "@article{", "month=jan", "\x00", "\ufffd"])


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    out = _read(text)
    assert all(d.path == "x.bib" and d.line >= 0 for d in out.diagnostics)
    assert out.skipped <= len(out.diagnostics)


@settings(deadline=None, max_examples=200)
@given(st.integers(0, 100), st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 3), _NOISE), max_size=12))
def test_garbled_real_bibtex_never_raises(start, edits):
    text = "\n".join(_SNIPPET[start : start + 20])
    for at, cut, noise in edits:
        at %= len(text) + 1
        text = text[:at] + noise + text[at + cut :]
    out = _read(text)
    total_lines = text.count("\n") + 1
    assert all(1 <= r.line <= total_lines for r in out.records)
    assert all(1 <= c.line <= total_lines for r in out.records for c in r.claims.values())
