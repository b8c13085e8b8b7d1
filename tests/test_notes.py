"""Curated notes: schema diagnostics with file and line, orphans kept, corrections and topics applied."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator import io, notes
from generator.content import ContentFiles
from generator.diagnostics import Diagnostic
from generator.enrich import notes as note_stage
from generator.identity import redirect_map
from generator.inventory import screen
from generator.model import Corpus, Evidence, Result, Topic, TopicAssignment
from generator.pipeline import read_sources

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "notes/flashattention-2-faster-attention-with-better-c4c4.md"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    papers, _ = read_sources(io.read_content(ROOT / "content"))
    return papers


@pytest.fixture(scope="module")
def pid(corpus: Corpus) -> str:
    return next(p.id for p in corpus.papers if p.title.startswith("FlashAttention-2"))


def note(paper: str, front: str = "", body: str = "Body.\n") -> str:
    return f"---\npaper: {paper}\n{front}---\n{body}"


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``: tests derive lines, never hard-code them."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def run(corpus: Corpus, files: dict[str, str], **kw: object) -> tuple[Corpus, list[Diagnostic]]:
    return note_stage.enrich(corpus, ContentFiles(files, **kw))  # type: ignore[arg-type]


def only(diags: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, diags
    return found[0]


def test_bundled_example_note_is_clean_and_applied(corpus: Corpus, pid: str) -> None:
    content = io.read_content(ROOT / "content")
    out, diags = note_stage.enrich(corpus, content)
    assert diags == []
    paper = out.paper(pid)
    assert paper.note is not None and paper.note.status == "must-read"
    assert paper.note.summary and "\n" not in paper.note.summary
    assert "<details>" in paper.note.body  # raw HTML survives parsing; the renderer sanitizes it
    assert paper.arxiv_id == "2307.08691" and paper.authors == ("Tri Dao",)
    assert all(r.verified for r in paper.results) and paper.results
    assert paper.note in out.notes and out.orphan_notes == ()
    assert all(n.paper == out.paper(n.paper).id for n in out.notes)  # every bundled note has its paper
    # provenance names the note and the line of each corrected key
    text = content[EXAMPLE]
    arxiv = paper.provenance_of("arxiv").chosen
    assert arxiv.ref.line == line_of(text, "arxiv:")
    assert arxiv.ref.path == EXAMPLE and arxiv.format == "note"


def test_corrections_never_change_id_or_url(corpus: Corpus, pid: str) -> None:
    text = note(pid, "corrections:\n  title: A Corrected Title\n  arxiv: 2401.10000\n")
    out, diags = run(corpus, {f"notes/{pid}.md": text})
    assert diags == []
    paper = out.paper(pid)
    assert (paper.id, paper.url, paper.title) == (pid, corpus.paper(pid).url, "A Corrected Title")
    assert paper.arxiv_id == "2401.10000"  # never the float 2401.1
    assert len(out.papers) == len(corpus.papers)


def test_yaml_traps_stay_strings(corpus: Corpus, pid: str) -> None:
    text = note(pid, "summary: NO\ncontributors: [NO, yes, 2401.10000]\ncorrections:\n  venue: NO\n")
    out, diags = run(corpus, {f"notes/{pid}.md": text})
    assert diags == []
    assert out.paper(pid).note is not None
    assert out.paper(pid).note.summary == "NO"  # type: ignore[union-attr]
    assert out.paper(pid).note.contributors == ("NO", "yes", "2401.10000")  # type: ignore[union-attr]
    assert out.paper(pid).venue == "NO"


def test_invalid_yaml_reports_the_file_line(corpus: Corpus, pid: str) -> None:
    text = note(pid, "summary: fine\ntopics_add: [a, b\nstatus: must-read\n")
    _, diags = run(corpus, {"notes/bad.md": text})
    d = only(diags, "invalid-yaml")
    assert d.path == "content/notes/bad.md" and d.severity == "error"
    assert line_of(text, "topics_add") <= d.line <= line_of(text, "status:") + 1


@pytest.mark.parametrize(
    ("front", "key"),
    [
        ("summary: 12\n", "summary:"),
        ("topics_add: single-topic\n", "topics_add:"),
        ("contributors: {a: b}\n", "contributors:"),
        ("results:\n  - kind: speedup\n    low: fast\n    unit: x\n    quote: q\n", "low:"),
        ("corrections:\n  date: 2024/01/02\n", "date:"),
        ("corrections:\n  arxiv: 1234\n", "arxiv:"),
        ("corrections:\n  code: javascript:alert(1)\n", "code:"),
        ("results:\n  - kind: speedup\n    low: 2\n    unit: times\n    quote: q\n", "unit:"),
        ("status: mustread\n", "status:"),
    ],
)
def test_wrong_types_and_values_are_errors_at_the_key(corpus: Corpus, pid: str, front: str, key: str) -> None:
    text = note(pid, front)
    _, diags = run(corpus, {f"notes/{pid}.md": text})
    errors = [d for d in diags if d.severity == "error"]
    assert len(errors) == 1, diags
    assert errors[0].path == f"content/notes/{pid}.md" and errors[0].line == line_of(text, key)


def test_status_suggests_the_closest(corpus: Corpus, pid: str) -> None:
    _, diags = run(corpus, {f"notes/{pid}.md": note(pid, "status: mustread\n")})
    assert "did you mean 'must-read'" in only(diags, "note-value").message


def test_result_missing_fields_and_reversed_range(corpus: Corpus, pid: str) -> None:
    text = note(pid, "results:\n  - kind: speedup\n    low: 3\n  - kind: speedup\n    low: 3\n    high: 2\n"
                     "    unit: x\n    source: Table 2\n")
    out, diags = run(corpus, {f"notes/{pid}.md": text})
    assert "quote or source" in only(diags, "note-result").message
    assert only(diags, "note-value").line == line_of(text, "high: 2")
    assert out.paper(pid).results == corpus.paper(pid).results


def test_unknown_keys_are_warnings_with_suggestion(corpus: Corpus, pid: str) -> None:
    text = note(pid, "sumary: typo\ncorrections:\n  veneu: X\n")
    out, diags = run(corpus, {f"notes/{pid}.md": text})
    assert {d.severity for d in diags} == {"warning"}
    by_line = {d.line: d for d in diags if d.code == "note-unknown-key"}
    assert "did you mean 'summary'" in by_line[line_of(text, "sumary")].message
    assert "did you mean 'venue'" in by_line[line_of(text, "veneu")].message
    assert out.paper(pid).note is not None


def test_unknown_paper_is_kept_as_orphan_with_suggestion(corpus: Corpus, pid: str) -> None:
    gone = pid[:-4] + "0000"
    text = note(gone, "summary: still useful\n")
    out, diags = run(corpus, {f"notes/{gone}.md": text})
    d = only(diags, "note-unknown-paper")
    assert d.severity == "warning" and d.line == line_of(text, "paper:")
    assert pid in d.message and "did you mean" in d.message
    assert [n.paper for n in out.orphan_notes] == [gone] and out.notes == ()
    assert out.orphan_notes[0].summary == "still useful"


def test_two_notes_for_one_paper(corpus: Corpus, pid: str) -> None:
    files = {f"notes/{pid}.md": note(pid), "notes/zz-copy.md": note(pid)}
    out, diags = run(corpus, files)
    d = only(diags, "note-duplicate")
    assert d.path == "content/notes/zz-copy.md" and d.line == 2 and f"content/notes/{pid}.md" in d.message
    assert out.paper(pid).note is not None and out.paper(pid).note.path == f"notes/{pid}.md"  # type: ignore[union-attr]


def test_file_name_must_match_the_paper(corpus: Corpus, pid: str) -> None:
    _, diags = run(corpus, {"notes/flash2.md": note(pid)})
    d = only(diags, "note-filename")
    assert d.severity == "warning" and d.line == 2 and pid in d.message


def test_oversize_and_missing_front_matter(corpus: Corpus, pid: str) -> None:
    big = note(pid, body="x" * (notes.MAX_NOTE_BYTES + 1))
    _, diags = run(corpus, {f"notes/{pid}.md": big, "notes/plain.md": "# just markdown\n"})
    assert only(diags, "note-too-large").path == f"content/notes/{pid}.md"
    assert only(diags, "note-front-matter").path == "content/notes/plain.md"


def test_symlinked_note_is_refused(tmp_path: Path, corpus: Corpus, pid: str) -> None:
    (tmp_path / "notes").mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text(note(pid), encoding="utf-8")
    (tmp_path / "notes" / f"{pid}.md").symlink_to(outside)
    content, diags = screen(io.read_content(tmp_path))
    out, found = note_stage.enrich(corpus, content)
    d = only(diags + found, "refused-file")
    assert d.path == f"{tmp_path.as_posix()}/notes/{pid}.md" and "symlink" in d.message
    assert out.paper(pid).note is None


def _with_topics(corpus: Corpus, pid: str) -> Corpus:
    topics = (
        Topic("attention", "Attention"),
        Topic("attention-kernels", "Fused attention kernels", parent="attention"),
        Topic("sparse-attention", "Sparse attention", parent="attention"),
        Topic("quantization", "Quantization"),
    )
    assigned = (TopicAssignment("quantization", 5.0, (Evidence("int8", 5.0),)),
                TopicAssignment("sparse-attention", 0.4, (Evidence("sparse", 0.4),)))
    papers = tuple(dataclasses.replace(p, topics=assigned) if p.id == pid else p for p in corpus.papers)
    return dataclasses.replace(corpus, papers=papers, topics=topics)


def test_topics_add_and_remove(corpus: Corpus, pid: str) -> None:
    text = note(pid, "topics_add: [attention-kernels]\ntopics_remove: [sparse-attention]\n")
    out, diags = run(_with_topics(corpus, pid), {f"notes/{pid}.md": text})
    assert diags == []
    kept, added = out.paper(pid).topics
    assert (kept.topic, kept.curated) == ("quantization", False)
    assert added.topic == "attention-kernels" and added.curated and added.score == kept.score


def test_topic_problems_have_lines_and_suggestions(corpus: Corpus, pid: str) -> None:
    text = note(pid, "topics_add: [attention-kernel, attention]\ntopics_remove:\n  - attention-kernels\n")
    out, diags = run(_with_topics(corpus, pid), {f"notes/{pid}.md": text})
    unknown = only(diags, "note-unknown-topic")
    assert unknown.line == line_of(text, "topics_add") and "did you mean 'attention-kernels'" in unknown.message
    assert "attention-kernels" in only(diags, "note-topic-not-leaf").message
    assert only(diags, "note-topic-not-assigned").line == line_of(text, "- attention-kernels")
    assert out.paper(pid).topics == _with_topics(corpus, pid).paper(pid).topics


def test_verified_results_replace_matching_and_add_new(corpus: Corpus, pid: str) -> None:
    extracted = (Result("speedup", 1.8, 2.2, "x", "around 2times"), Result("reduction", 10, 10, "%", "q"))
    papers = tuple(dataclasses.replace(p, results=extracted) if p.id == pid else p for p in corpus.papers)
    text = note(pid, "results:\n  - {kind: speedup, low: 2, unit: x, quote: checked}\n"
                     "  - {kind: accuracy, low: 71.5, unit: '%', source: Table 1}\n")
    out, diags = run(dataclasses.replace(corpus, papers=papers), {f"notes/{pid}.md": text})
    assert diags == []
    results = out.paper(pid).results
    assert [(r.kind, r.low, r.verified) for r in results] == [
        ("speedup", 2.0, True), ("reduction", 10, False), ("accuracy", 71.5, True)]
    assert results[2].quote == "Table 1"


def test_verified_results_replace_the_value_of_the_sentence_they_quote() -> None:
    """FlashAttention-2's abstract and note: the note's 2× is the paper's own 2× of the sentence it quotes,
    not the "2-4×" the abstract quotes for FlashAttention (same kind, overlapping, first); its 50-73%
    "utilization" is the 50-73% the extractor read as a speedup from that sentence, not the 72% model
    FLOPs utilization of the last sentence (same kind, overlapping). What the note does not verify stays."""
    s1 = ("FlashAttention exploits the asymmetric GPU memory hierarchy to bring significant memory saving "
          "(linear instead of quadratic) and runtime speedup (2-4× compared to optimized baselines), with no "
          "approximation.")
    s2 = ("These yield around 2× speedup compared to FlashAttention, reaching 50-73% of the theoretical maximum "
          "FLOPs/s on A100 and getting close to the efficiency of GEMM operations.")
    s3 = ("We empirically validate that when used end-to-end to train GPT-style models, FlashAttention-2 reaches "
          "training speed of up to 225 TFLOPs/s per A100 GPU (72% model FLOPs utilization).")
    extracted = (Result("speedup", 2, 4, "x", s1, metric="time", direction="gain", own=False),
                 Result("speedup", 2, 2, "x", s2, metric="speed", baseline="FlashAttention", direction="gain"),
                 Result("speedup", 50, 73, "%", s2, metric="utilization", direction="gain", share=True),
                 Result("utilization", 72, 72, "%", s3, metric="utilization"))
    verified = (Result("speedup", 2, 2, "x", "These yield around 2× speedup compared to FlashAttention",
                       verified=True, what="attention vs. FlashAttention"),
                Result("utilization", 50, 73, "%", "reaching 50-73% of the theoretical maximum FLOPs/s on A100",
                       verified=True, what="of the theoretical maximum FLOPs/s on A100"))
    merged = note_stage.merge_results(extracted, verified)
    assert merged == (extracted[0], verified[0], verified[1], extracted[3])


def test_aliases_redirect_and_conflicts(corpus: Corpus, pid: str) -> None:
    other = next(p.id for p in corpus.papers if p.id != pid)
    text = note(pid, f"aliases: [flashattention-2-old-0000, {other}]\n")
    out, diags = run(corpus, {f"notes/{pid}.md": text})
    d = only(diags, "note-alias-conflict")
    assert d.line == line_of(text, "aliases") and other in d.message
    redirects = redirect_map(out)
    assert redirects["papers/flashattention-2-old-0000.md"] == f"papers/{pid}.md"
    assert all(target != f"papers/{other}.md" for target in redirects.values())


def test_readme_is_not_a_note_and_other_files_are_warned(corpus: Corpus) -> None:
    out, diags = run(corpus, {"notes/README.md": "How to write notes.\n", "notes/draft.txt": "x"})
    assert [d.code for d in diags] == ["note-ignored"] and out.notes == ()


def test_enrich_is_deterministic_and_pure(corpus: Corpus, pid: str) -> None:
    files = {f"notes/{pid}.md": note(pid, "status: skim\n"), "notes/gone.md": note("gone-paper-0000")}
    first = run(corpus, files)
    assert first == run(corpus, files)
    assert corpus.paper(pid).note is None  # the input corpus is untouched


def test_with_the_real_taxonomy_after_the_topics_enricher(corpus: Corpus, pid: str) -> None:
    from generator.enrich import topics as topics_enricher

    content = io.read_content(ROOT / "content")
    with_topics, _ = topics_enricher.enrich(corpus, content)
    leaf = next(t.id for t in with_topics.topics if t.parent and t.id not in {a.topic for a in
                                                                              with_topics.paper(pid).topics})
    parent = next(t.parent for t in with_topics.topics if t.parent)
    text = note(pid, f"topics_add: [{leaf}, {parent}]\n")
    files = {**content.files, EXAMPLE: text}
    out, diags = note_stage.enrich(with_topics, ContentFiles(files, content.refused, content.root))
    assert [d.code for d in diags] == ["note-topic-not-leaf"]
    assert diags[0].line == line_of(text, "topics_add")
    curated = [a.topic for a in out.paper(pid).topics if a.curated]
    assert curated == [leaf]
    assert [a.topic for a in out.paper(pid).topics if not a.curated] == [
        a.topic for a in with_topics.paper(pid).topics]


def test_names_are_checked_and_kept(corpus: Corpus, pid: str) -> None:
    text = note(pid, 'names: [FA2, "two\\nlines", "---", FlashAttn-2]\n')
    parsed, diags = notes.parse_note(f"notes/{pid}.md", text, f"content/notes/{pid}.md")
    assert parsed is not None and parsed.note.names == ("FA2", "FlashAttn-2")
    bad = [d for d in diags if d.code == "note-value"]
    assert [d.line for d in bad] == [line_of(text, "names:")] * 2  # the flow list is one line
    assert "names[1]" in bad[0].message and "names[2]" in bad[1].message


def test_curated_names_by_paper_skip_notes_that_do_not_parse(pid: str) -> None:
    files = {f"notes/{pid}.md": note(pid, "names: [FA2]\n"),
             "notes/other-paper-0001.md": "no front matter"}
    assert notes.curated_names(ContentFiles(files)) == {pid: ("FA2",)}
