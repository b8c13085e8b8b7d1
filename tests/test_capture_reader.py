"""The Hugging Face capture reader on every variant the seeds show, cut from the seeds themselves."""

from __future__ import annotations

from collections import Counter

from conftest import FIXTURES, SEEDS

from generator.normalize import title_key
from generator.records import ReadContext
from generator.sources.hf_capture import parse_date
from generator.sources.hf_capture import read as read_capture


class _Entry:
    """A record seen as its field values (missing fields read as None), for terse assertions."""

    def __init__(self, record):
        self.record = record
        self.line = record.line

    def __getattr__(self, name):
        return self.record.value(name)


def read(text: str, path: str, captured: str | None = None):
    out = read_capture(text, ReadContext(path, captured))
    return [_Entry(r) for r in out.records], out.diagnostics


def _read(name: str, captured: str | None = None):
    path = FIXTURES / "captures" / name
    return read(path.read_text(encoding="utf-8"), f"captures/{name}", captured)


def test_blank_line_separated_capture_skips_chrome():
    entries, diags = _read("blank_lines.txt")
    assert [e.title for e in entries] == [
        "Lossless Compression with Probabilistic Circuits",
        "APE: Faster and Longer Context-Augmented Generation via Adaptive Parallel Encoding",
        "Gated Linear Attention Transformers with Hardware-Efficient Training",
    ]
    assert all(e.abstract and len(e.abstract) > 300 for e in entries)
    assert entries[0].line == 11  # the title's own line in the file
    assert not [d for d in diags if d.severity != "info"]


def test_no_blank_lines_and_title_glued_to_subscribe():
    entries, _ = _read("no_blank_lines.txt")
    assert entries[0].title == "EN-T: Optimizing Tensor Computing Engines Performance via Encoder-Based Methodology"
    assert entries[0].line == 3
    assert entries[0].abstract is not None and entries[0].abstract.startswith("Tensor computations")
    assert entries[1].title == "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM"


def test_metadata_block_variants():
    entries, diags = _read("daily_metadata.txt", captured="2025-12-11")
    by_title = {e.title.split(":")[0]: e for e in entries}
    pc = by_title["PC-DARTS"]
    assert (pc.authors_count, pc.org, pc.date, pc.upvotes) == (7, None, "2019-07-12", None)
    stream = by_title["StreamBP"]  # "Jun 3 2": no year (capture year), 2 upvotes
    assert (stream.authors_count, stream.date, stream.upvotes) == (4, "2025-06-03", 2)
    sana = by_title["SANA-Video"]  # organisation line instead of an author count
    assert (sana.authors_count, sana.org, sana.date, sana.upvotes) == (None, "nvidia NVIDIA", "2025-09-29", 2)
    mobile = by_title["MobileTL"]  # no metadata block at all
    assert (mobile.authors_count, mobile.org, mobile.date, mobile.upvotes) == (None, None, None, None)
    assert mobile.abstract is not None
    assert not [d for d in diags if d.severity != "info"]


def test_yearless_date_without_capture_date_is_a_warning_not_a_guess():
    entries, diags = _read("daily_metadata.txt", captured=None)
    stream = next(e for e in entries if e.title.startswith("StreamBP"))
    assert stream.date is None and stream.upvotes == 2
    warning = next(d for d in diags if d.code == "date-without-year")
    assert warning.severity == "warning"
    assert (warning.path, warning.line) == ("captures/daily_metadata.txt", 27)
    assert "Jun 3 2" in warning.message


def test_parse_date_forms():
    assert parse_date("Jul 12, 2019", None) == ("2019-07-12", None, False)
    assert parse_date("Dec 6, 2024 2", None) == ("2024-12-06", 2, False)
    assert parse_date("Sep 29 2", "2025-12-11") == ("2025-09-29", 2, False)
    assert parse_date("Feb 30, 2024", None) == (None, None, False)
    assert parse_date("not a date", None) == (None, None, False)


def test_another_search_page_in_the_same_format_parses():
    # A capture of a different search, written the way a person pastes one: other chrome order,
    # a different header date, CRLF line endings, an entry with no abstract.
    text = "\r\n".join([
        "Subscribe", "", "Trending Papers", "", "Apr 2", "",
        "TinyFormer: A Small Transformer", "",
        "We present TinyFormer, a small model. It runs fast on phones and is 3x smaller than baselines.",
        "",
        "A Title Without Abstract", "",
        "Second Paper: With Abstract", "",
        "This abstract has several sentences. It describes the method in detail and reports results on ImageNet.",
        "", "  • 1 author", "·", "Apr 1, 2025 12", "",
    ])
    entries, diags = read(text, "other.txt")
    assert [e.title for e in entries] == ["TinyFormer: A Small Transformer", "A Title Without Abstract",
                                         "Second Paper: With Abstract"]
    assert entries[1].abstract is None
    assert (entries[2].authors_count, entries[2].date, entries[2].upvotes) == (1, "2025-04-01", 12)
    assert any(d.code == "no-abstract" and d.line == 11 for d in diags)


def test_garbage_never_raises_and_reports_with_location():
    entries, diags = read("·\nJun 3\n" + "x. " * 200 + "\n", "junk.txt")
    assert entries == []
    assert {d.code for d in diags} >= {"stray-metadata", "orphan-abstract", "empty-source"}
    assert all(d.path == "junk.txt" for d in diags)


def test_bundled_seeds_counts():
    total, keys = 0, Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        captured = "2025-12-11" if path.name.startswith("004") else None
        entries, diags = read(path.read_text(encoding="utf-8"), path.name, captured)
        assert not [d for d in diags if d.severity != "info"], path
        total += len(entries)
        keys.update(title_key(e.title) for e in entries)
    assert total == 492
    assert len(keys) == 444
