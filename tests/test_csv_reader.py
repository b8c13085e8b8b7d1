"""The CSV reader on the real quantization-papers table and on hand-made tables for each quirk."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Link
from generator.records import ReadContext
from generator.sources import FORMATS
from generator.sources.csv_table import read

REAL = Path(__file__).resolve().parent / "fixtures" / "sources" / "csv" / "Awesome_Quantization_Papers.csv"


def _read(text: str, **options):
    return read(text, ReadContext("t.csv", options=options))


def _real(**options):
    return read(REAL.read_text(encoding="utf-8"), ReadContext("q.csv", options=options))


def _title(out, start: str):
    return next(r for r in out.records if r.value("title").startswith(start))


def test_registered_for_csv_files():
    fmt = FORMATS["csv"]
    assert (fmt.suffixes, fmt.read, fmt.label) == ((".csv",), read, "CSV table")


def test_whole_real_file_counts():
    # 476 rows by `python -c "import csv; print(len(list(csv.reader(open(PATH)))))"`, header included,
    # every row 7 cells; `grep -c ":star:"` = 71, `grep -c ":fire:"` = 130; framework brackets:
    # 69 [PyTorch], 3 [Caffe], 2 [TensorFlow], 1 [[tensorflow]], 1 [Caffe&pytorch] = 76 rows.
    out = _real()
    assert (len(out.records), out.skipped) == (475, 0)
    assert sum(1 for r in out.records if r.value("stars") is not None) == 71
    assert sum(1 for r in out.records if r.value("citations") is not None) == 130
    assert sum(1 for r in out.records if r.value("keywords")) == 76
    assert not [d for d in out.diagnostics if d.severity != "info"]
    # 279 rows leave Bit empty: no claim for them, never an empty string
    assert sum(1 for r in out.records if "bit" in r.claims) == 475 - 279


def test_record_lines_are_physical_lines():
    text = REAL.read_text(encoding="utf-8")
    lines = text.splitlines()
    out = read(text, ReadContext("q.csv"))
    for start in ("Fully integer-based", "Permute, Quantize, and Fine-tune", "Expectation Backpropagation"):
        record = _title(out, start)
        assert lines[record.line - 1].lstrip('"').startswith(start)
    assert out.records[-1].line == len(lines)


def test_badge_noise_cut_from_titles_and_claimed():
    out = _real()
    code = _title(out, "Compressing Word Embeddings")  # "...Learning:fire:89[PyTorch]:star:81"
    assert code.value("title") == "Compressing Word Embeddings via Deep Compositional Code Learning"
    assert (code.value("stars"), code.value("citations"), code.value("keywords")) == (81, "89", ("PyTorch",))
    bireal = _title(out, "Bi-real net")  # ":fire:222[Caffe&pytorch]:star:138"
    assert bireal.value("keywords") == ("Caffe", "PyTorch") and bireal.value("stars") == 138
    pose = _title(out, "Binarized Convolutional Landmark")  # ":fire: 130[PyTorch]:star:207"
    assert pose.value("title").endswith("Limited Resources") and pose.value("citations") == "130"
    tf = _title(out, "Training and Inference with Integers")  # "[[tensorflow]]"
    assert tf.value("keywords") == ("TensorFlow",)
    fpbnn = _title(out, "FP-BNN")  # ":126:" is cut but not guessed at
    assert fpbnn.value("title") == "FP-BNN: Binarized neural network on FPGA" and fpbnn.value("citations") is None
    assert any(d.code == "csv-badge" and d.line == fpbnn.line for d in out.diagnostics)


def test_quoted_titles_with_commas_stay_whole():
    out = _real()
    divergence = _title(out, "Divergence Frontiers")
    assert divergence.value("title") == ("Divergence Frontiers for Generative Models: Sample Complexity, "
                                         "Quantization Effects, and Frontier Integrals")
    assert divergence.line == 6
    permute = _title(out, "Permute, Quantize")  # quoted, with its badge inside the quotes
    assert permute.value("title") == "Permute, Quantize, and Fine-tune: Efficient Compression of Neural Networks"
    assert permute.value("stars") == 109


def test_repeated_titles_reported_and_kept():
    out = _real()
    repeats = [d for d in out.diagnostics if d.code == "repeated-title"]
    assert len(repeats) == 5
    flexor = [r for r in out.records if r.value("title").casefold() == "flexor: trainable fractional quantization"]
    assert [r.line for r in flexor] == [107, 111]


def test_unmapped_columns_are_text_fields_and_declared_columns_map():
    plain = _title(_real(), "BatchQuant")
    assert {k: plain.value(k) for k in ("publication", "bit", "finetune", "task")} == {
        "publication": "NeurIPS 2021", "bit": "MP", "finetune": "QAT", "task": "C"}
    mapped = _title(_real(columns={"venue": "Publication"}), "BatchQuant")
    assert mapped.value("venue") == "NeurIPS 2021" and mapped.value("publication") is None


def test_default_headers_any_case_and_spaces():
    out = _read(
        " Title ,AUTHORS,Year,Venue,URL,Code,DOI,Arxiv,Abstract,Paper Type\n"
        "A Paper,\"Doe, Jane and Roe, Rick\",2023,ICML'23,https://arxiv.org/abs/2301.00001v2,"
        "https://github.com/a/b,https://doi.org/10.1145/ABC.1,,An abstract.,long\n"
    )
    record = out.records[0]
    assert record.value("authors") == ("Jane Doe", "Rick Roe")
    assert record.value("authors_count") == 2
    assert (record.value("date"), record.value("venue"), record.value("doi")) == ("2023", "ICML'23", "10.1145/abc.1")
    assert record.value("arxiv") == "2301.00001"
    assert record.value("links") == (Link("https://github.com/a/b", "code"),)
    assert record.value("paper_type") == "long"
    assert not out.diagnostics


def test_author_splitting_rules():
    out = _read(
        "title,authors\n"
        "A,Li Wei; Jane Doe\n"
        "B,\"Ada Lovelace, Alan Turing and Grace Hopper\"\n"
        "C,\"Turing, Alan\"\n"
        "D,\"Yann LeCun, et al.\"\n"
    )
    got = {r.value("title"): (r.value("authors"), r.value("authors_count")) for r in out.records}
    assert got == {
        "A": (("Li Wei", "Jane Doe"), 2),
        "B": (("Ada Lovelace", "Alan Turing", "Grace Hopper"), 3),
        "C": (("Alan Turing",), 1),
        "D": (("Yann LeCun",), None),
    }


def test_github_url_is_a_code_link_and_other_urls_are_classified():
    out = _read("title,url\nA,https://github.com/org/repo\nB,https://openreview.net/forum?id=x\nC,not a url\n")
    links = [r.value("links") for r in out.records]
    assert links[:2] == [(Link("https://github.com/org/repo", "code"),), (Link("https://openreview.net/forum?id=x", "paper"),)]
    assert out.records[2].value("url_text") == "not a url"
    assert any(d.code == "bad-value" and d.line == 4 for d in out.diagnostics)


def test_rows_without_title_are_skipped_with_their_line_and_blank_rows_ignored():
    out = _read("title,venue\nFirst,ICML\n\n,NeurIPS\n   ,\nLast,ICLR\n")
    assert [(r.value("title"), r.line) for r in out.records] == [("First", 2), ("Last", 6)]
    assert out.skipped == 1
    assert [(d.line, d.code) for d in out.diagnostics] == [(4, "no-title")]


def test_multi_line_cells_keep_later_rows_on_their_physical_lines():
    out = _read('title,abstract\nOne,"first line\nsecond line\n\nthird"\nTwo,short\n')
    assert [(r.value("title"), r.line) for r in out.records] == [("One", 2), ("Two", 6)]
    assert out.records[0].value("abstract") == "first line second line third"


def test_unterminated_quote_is_reported_and_reading_goes_on():
    out = _read('title,venue\nGood,ICML\n"Broken title,NeurIPS\nAfter,ICLR\nLast,CVPR\n')
    assert [(r.value("title"), r.line) for r in out.records] == [("Good", 2), ("After", 4), ("Last", 5)]
    assert [(d.line, d.code) for d in out.diagnostics] == [(3, "unterminated-quote")]
    assert out.skipped == 1


def test_ragged_rows_are_reported_and_extra_cells_kept():
    out = _read("title,venue\nShort\nLong,ICML,extra\nFine,ICLR\n")
    assert [(d.line, d.code) for d in out.diagnostics] == [(2, "ragged-row"), (3, "ragged-row")]
    assert out.records[1].value("column_3") == "extra"
    assert len(out.records) == 3


def test_sniffed_and_declared_delimiters():
    semi = _read("title;venue\nA, with comma;ICML\n")
    assert (semi.records[0].value("title"), semi.records[0].value("venue")) == ("A, with comma", "ICML")
    tab = _read("title\tvenue\nB\tICLR\n", delimiter="\\t")
    assert tab.records[0].value("venue") == "ICLR"


def test_missing_title_column_and_bad_mapping_are_errors():
    out = _read("name,venue\nA,ICML\n")
    assert out.records == [] and out.skipped == 1
    assert {d.code for d in out.diagnostics} >= {"csv-no-title-column", "no-title"}
    out = _read("paper,venue\nA,ICML\n", columns={"title": "Paper", "authors": "Who"})
    assert out.records[0].value("title") == "A"
    assert [d.code for d in out.diagnostics] == ["csv-columns"]


def test_bracketed_words_that_are_not_frameworks_stay_in_the_title():
    out = _read("title\nSomething [Extended Abstract]\n")
    assert out.records[0].value("title") == "Something [Extended Abstract]"


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from([*'ab ,;\t"\n\r:[]|\x00\ufeff\u2028', "title", ":star:9", ":fire:"]), max_size=80)
       .map("".join) | st.text(max_size=200))
def test_random_text_never_raises(text):
    out = _read(text)
    total = len(text.splitlines()) + 1
    assert all(0 <= d.line <= total for d in out.diagnostics)
    assert all(1 <= r.line <= total for r in out.records)
