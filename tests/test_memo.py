"""The build cache (<build>/.cache/): a warm run writes what a cold one does, and an edit rewrites only what it changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, options_for

from generator import memo, pipeline
from generator.enrich import glossary, mentions, methods, related, results, topics
from generator.pages import charts

NOTE = "notes/pc-darts-partial-channel-connections-for-memory-eadb.md"


@pytest.fixture
def project(tmp_path: Path) -> pipeline.Options:
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    return options_for(tmp_path / "content", tmp_path / "build")


def _files(opts: pipeline.Options) -> dict[str, tuple[bytes, int]]:
    """Every file of the build folder outside the cache: bytes and modification time."""
    return {p.relative_to(opts.build).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(opts.build.rglob("*")) if p.is_file() and memo.FOLDER not in p.parts}


def _no_recomputing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every extraction, corpus-wide pass and chart drawing fail: a run that passes took them from the cache."""
    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("recomputed although the cache holds it")

    monkeypatch.setattr(topics, "assign", fail)
    monkeypatch.setattr(results, "extract", fail)
    monkeypatch.setattr(methods, "extract_methods", fail)
    monkeypatch.setattr(charts, "_render", fail)
    monkeypatch.setattr(mentions, "find_mentions", fail)
    monkeypatch.setattr(related, "related_papers", fail)
    monkeypatch.setattr(glossary, "build_terms", fail)


def test_a_warm_run_takes_everything_from_the_cache_and_writes_the_same_bytes(project, monkeypatch):
    cold = pipeline.generate(project)
    pipeline.write(project, cold)
    assert {path.split("/")[1] for path in cold.cache} >= {
        "topics.json", "results.json", "methods.json", "charts.json", "mentions.json", "related.json", "glossary.json"}
    written = _files(project)
    _no_recomputing(monkeypatch)
    warm = pipeline.generate(project)
    assert warm.corpus == cold.corpus  # every field, scores and evidence included, not only what pages show
    assert warm.files == cold.files
    assert warm.cache == cold.cache
    assert warm.diagnostics.sorted() == cold.diagnostics.sorted()  # the unmatched-rule warnings too
    assert pipeline.write(project, warm) == 0
    assert _files(project) == written  # same bytes, same modification times


def test_editing_one_note_rewrites_only_its_paper_page_and_the_fragments(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    before = _files(project)
    note = project.content / NOTE
    note.write_text(note.read_text(encoding="utf-8").replace("removes most of", "removes nearly all of"),
                    encoding="utf-8")
    _no_recomputing(monkeypatch)  # the note's text changes no paper's text, methods or topics: all remembered
    edited = pipeline.generate(project)
    assert pipeline.write(project, edited) == 2
    after = _files(project)
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert changed == ["docs/papers/pc-darts-partial-channel-connections-for-memory-eadb.md", "fragments.json"]
    assert "nearly all" in after["fragments.json"][0].decode("utf-8")
    monkeypatch.undo()
    shutil.rmtree(project.build)
    assert pipeline.generate(project).files == edited.files  # the incremental run equals one from scratch


def test_a_damaged_or_foreign_cache_is_ignored(project):
    cold = pipeline.generate(project)
    pipeline.write(project, cold)
    cache = project.build / memo.FOLDER
    (cache / "topics.json").write_text("{not json", encoding="utf-8")
    table = json.loads((cache / "results.json").read_text(encoding="utf-8"))
    for key in table["entries"]:
        table["entries"][key] = [[["speedup", "fast", None]], "facts"]  # the right table, entries of a wrong shape
    (cache / "results.json").write_text(json.dumps(table), encoding="utf-8")
    methods_table = json.loads((cache / "methods.json").read_text(encoding="utf-8"))
    methods_table["entries"] = {key: ["NotThisPaper"] for key in methods_table["entries"]}
    methods_table["code"] = "another version of the generator"
    (cache / "methods.json").write_text(json.dumps(methods_table), encoding="utf-8")
    (cache / "charts.json").write_bytes(b"\xff\xfe")
    mentions_table = json.loads((cache / "mentions.json").read_text(encoding="utf-8"))
    mentions_table["entries"] = {key: [1, 2] for key in mentions_table["entries"]}
    (cache / "mentions.json").write_text(json.dumps(mentions_table), encoding="utf-8")
    again = pipeline.generate(project)
    assert again.files == cold.files
    assert again.cache == cold.cache  # rebuilt whole, so the next run is warm again


def test_a_key_depends_on_every_part_and_on_the_code():
    a = memo.Memo("code-1")
    assert a.key("taxonomy", "title", "abstract") == memo.Memo("code-1").key("taxonomy", "title", "abstract")
    assert a.key("taxonomy", "title", "abstract") != a.key("taxonomy", "title", "abstract.")
    assert a.key("taxonomy", "title", None) != a.key("taxonomy", "title", "")
    assert a.key("taxonomy", "title", "abstract") != memo.Memo("code-2").key("taxonomy", "title", "abstract")
    a.put("t", "k", [1, 2.0])
    loaded = memo.Memo.load("code-1", {name.split("/")[1]: text.encode() for name, text in a.files().items()})
    assert loaded.files() == {}  # nothing used yet: a run writes back only what it used
    assert loaded.get("t", "k") == [1, 2.0]
    assert isinstance(loaded.get("t", "k")[0], int)  # an int stays an int: it renders without ".0"
    assert memo.Memo.load("code-2", {"t.json": a.files()[".cache/t.json"].encode()}).get("t", "k") is None
