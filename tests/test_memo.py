"""The build cache (<build>/.cache/): a warm run writes what a cold one does, and an edit rewrites only what it changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, options_for

from generator import memo, pipeline, urls
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


def _memo_after(opts: pipeline.Options, generated: pipeline.Generated) -> dict[str, bytes]:
    """What the memo files of ``<build>/.cache/`` hold once ``generated`` is written over what is there:
    a run writes only the tables it changed (``Memo.files``) and leaves the others as they are."""
    cache = opts.build / memo.FOLDER
    on_disk = {f"{memo.FOLDER}/{p.name}": p.read_bytes() for p in sorted(cache.glob("*.*"))
               if p.suffix in (".json", ".pickle") and p.name != pipeline.WRITTEN} if cache.is_dir() else {}
    return {**on_disk, **{path: data.encode("utf-8") if isinstance(data, str) else data
                          for path, data in generated.cache.items()}}


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
    assert _memo_after(project, warm) == _memo_after(project, cold)
    assert not any(path.endswith(".json") for path in warm.cache)  # every table as it was: none encoded again
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
    assert pipeline.write(project, edited) == 4  # the page, fragments.json, the paper-page cache and its checksum
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
    # each damaged table rebuilt whole, so the next run is warm again
    assert _memo_after(project, again) == {path: data.encode("utf-8") if isinstance(data, str) else data
                                           for path, data in cold.cache.items()}


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


def test_a_key_of_texts_keeps_their_boundaries_and_differs_from_json_parts():
    """Texts are hashed without JSON (30,000 keys a 10k run), length-prefixed: no two part lists share a key."""
    assert memo.digest("ab", "c") != memo.digest("a", "bc")
    assert memo.digest("a", "") != memo.digest("a") != memo.digest("", "a")
    assert memo.digest("a\0b") != memo.digest("a", "b")
    assert memo.digest("1") != memo.digest(1) and memo.digest("a") != memo.digest(["a"])
    assert memo.digest("\ud800") == memo.digest("\ud800")  # a lone surrogate from a scraped text is hashed too


def test_a_table_used_as_it_was_is_not_written_again():
    a = memo.Memo("code-1")
    a.put("t", "k1", [1])
    a.put("t", "k2", "two")
    stored = {name.split("/")[1]: text.encode() for name, text in a.files().items()}
    same = memo.Memo.load("code-1", stored)
    assert same.get("t", "k1") == [1] and same.get("t", "k2") == "two"
    assert same.files() == {}  # the file on disk is already this table
    fewer = memo.Memo.load("code-1", stored)
    assert fewer.get("t", "k1") == [1]
    assert fewer.files() == {".cache/t.json": '{"code":"code-1","entries":{"k1":[1]},"format":1}\n'}  # k2 went stale
    changed = memo.Memo.load("code-1", stored)
    changed.get("t", "k1")
    changed.get("t", "k2")
    changed.put("t", "k2", "deux")
    assert ".cache/t.json" in changed.files()


# -- whole objects: the merged corpus and the rendered paper pages -----------------------------------


def test_objects_round_trip_and_a_foreign_or_torn_pickle_is_ignored():
    from generator.model import Paper, SourceRef

    a = memo.Memo("code-1")
    paper = Paper("p", "A title", None, (SourceRef("sources/x.bib", 3, "x"),))
    a.put_object("thing", a.key("thing"), {"papers": (paper,)})
    files = {name.split("/")[1]: data for name, data in a.files().items()}
    assert list(files) == ["thing.pickle"]
    loaded = memo.Memo.load("code-1", files)
    assert loaded.get_object("thing", loaded.key("thing")) == {"papers": (paper,)}
    assert loaded.files() == a.files()  # a hit is written back as the same bytes
    assert memo.Memo.load("code-1", files).get_object("thing", "another key") is None
    assert memo.Memo.load("code-2", files).get_object("thing", memo.Memo("code-2").key("thing")) is None
    assert memo.Memo.load("code-1", {"thing.pickle": files["thing.pickle"][:-9]}).get_object(
        "thing", a.key("thing")) is None

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("code ran from the cache",))

    import pickle

    evil = pickle.dumps((1, a.key("thing"), Evil()))
    assert memo.Memo.load("code-1", {"thing.pickle": evil}).get_object("thing", a.key("thing")) is None


def test_an_object_kept_uncompressed_is_checked_by_its_crc_and_still_unpickled_safely():
    """Level 0 (remembered pages, compressed already): the bare pickle, no copy; its CRC-32 in a table."""
    import pickle
    import zlib

    a = memo.Memo("code-1")
    pages = {"k1": zlib.compress(b"# A page", 1), "k2": zlib.compress(b"# Another", 1)}
    a.put_object("pages", a.key("pages"), pages, level=0)
    files = {name.split("/")[1]: data.encode() if isinstance(data, str) else data for name, data in a.files().items()}
    assert sorted(files) == [f"{memo.CHECKS}.json", "pages.pickle"]
    assert files["pages.pickle"][:1] == b"\x80"  # not wrapped in zlib
    loaded = memo.Memo.load("code-1", files)
    assert loaded.get_object("pages", loaded.key("pages")) == pages
    # a hit is kept for the next run, and its checksum, unchanged, stays in the file the last run wrote
    assert loaded.files() == {name: data for name, data in a.files().items() if name.endswith(".pickle")}
    flipped = bytearray(files["pages.pickle"])
    flipped[-20] ^= 1  # one bit inside a page's bytes: the pickle still loads, the checksum does not match
    assert memo.Memo.load("code-1", {**files, "pages.pickle": bytes(flipped)}).get_object(
        "pages", a.key("pages")) is None
    without = {name: data for name, data in files.items() if name != f"{memo.CHECKS}.json"}
    assert memo.Memo.load("code-1", without).get_object("pages", a.key("pages")) is None

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("code ran from the cache",))

    evil = pickle.dumps((1, a.key("pages"), Evil()), protocol=pickle.HIGHEST_PROTOCOL)
    b = memo.Memo("code-1")
    b.put(memo.CHECKS, "pages", zlib.crc32(evil))  # even with a matching checksum, only the model unpickles
    tables = {name.split("/")[1]: data.encode() for name, data in b.files().items()}
    assert memo.Memo.load("code-1", {**tables, "pages.pickle": evil}).get_object("pages", a.key("pages")) is None


def test_an_unchanged_source_set_is_not_read_or_merged_again(project, monkeypatch):
    cold = pipeline.generate(project)
    pipeline.write(project, cold)
    assert ".cache/sources.pickle" in cold.cache

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read and merged although the cache holds the corpus")

    monkeypatch.setattr(pipeline, "read_sources", fail)
    warm = pipeline.generate(project)
    assert warm.corpus == cold.corpus
    assert warm.files == cold.files
    assert warm.diagnostics.sorted() == cold.diagnostics.sorted()
    monkeypatch.undo()
    # a note is applied after the cached merge: editing one still reads no source
    monkeypatch.setattr(pipeline, "read_sources", fail)
    note = project.content / NOTE
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    pipeline.generate(project)


@pytest.mark.parametrize("edit", ["source", "catalog"])
def test_editing_a_source_or_the_catalog_reads_and_merges_again(project, edit):
    pipeline.write(project, pipeline.generate(project))
    if edit == "source":
        path = next(p for p in sorted((project.content / "sources").rglob("*")) if p.is_file())
        path.write_bytes(path.read_bytes() + b"\n")
    else:
        path = project.content / "sources.yml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    calls = []
    real = pipeline.read_sources

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "read_sources", spy)
        edited = pipeline.generate(project)
    assert calls == [1]
    shutil.rmtree(project.build)
    assert pipeline.generate(project).files == edited.files


def test_a_damaged_corpus_pickle_falls_back_to_reading(project):
    cold = pipeline.generate(project)
    pipeline.write(project, cold)
    (project.build / memo.FOLDER / "sources.pickle").write_bytes(b"\x80\x05not a pickle")
    (project.build / memo.FOLDER / "paper-pages.pickle").write_bytes(b"")
    again = pipeline.generate(project)
    assert again.files == cold.files
    assert again.corpus == cold.corpus


def test_only_pages_whose_inputs_changed_are_rendered_again(project, monkeypatch):
    from generator.render import Site

    pipeline.write(project, pipeline.generate(project))
    rendered: list[str] = []
    real = Site.render

    def spy(self, template, here, **context):
        if template == "paper.md.j2":
            rendered.append(here)
        return real(self, template, here, **context)

    monkeypatch.setattr(Site, "render", spy)
    pipeline.write(project, pipeline.generate(project))
    assert rendered == []  # nothing changed: every paper page is the last run's text
    note = project.content / NOTE
    note.write_text(note.read_text(encoding="utf-8").replace("removes most of", "removes nearly all of"),
                    encoding="utf-8")
    edited = pipeline.generate(project)
    assert rendered == ["papers/pc-darts-partial-channel-connections-for-memory-eadb.md"]  # only the noted paper
    monkeypatch.undo()
    shutil.rmtree(project.build)
    assert pipeline.generate(project).files == edited.files


# -- remembered topic pages and downloads ------------------------------------------------------------

PAPER = "pc-darts-partial-channel-connections-for-memory-eadb"


def _made(monkeypatch: pytest.MonkeyPatch, survey_wide: bool = False) -> list[str]:
    """The paths of files rendered (not taken from the memo) in the runs that follow: of the kinds
    remembered page by page (paper and topic pages, downloads), or with ``survey_wide`` of the kinds
    remembered whole (``pages.SURVEY_WIDE``: the list of all papers, feeds, the glossary...)."""
    from generator.pages import SURVEY_WIDE
    from generator.pages.remember import Remembered

    wide = {f"{module.__name__.rsplit('.', 1)[-1]}-pages" for module in SURVEY_WIDE}
    made: list[str] = []
    real = Remembered.put

    def spy(self, key, path, text):
        if path and (self.name in wide) == survey_wide:
            made.append(path)
        return real(self, key, path, text)

    monkeypatch.setattr(Remembered, "put", spy)
    return made


def _listing(corpus, paper_ids: set[str]) -> list[str]:
    """Topics whose table lists any of ``paper_ids``, in taxonomy order."""
    from generator.views import Views

    views = Views.build(corpus)
    return [t.id for t in corpus.topics if paper_ids & {p.id for p in views.topic_papers[t.id]}]


def _topic_files(topic_ids: list[str]) -> list[str]:
    return [urls.topic(t) for t in topic_ids]


def _export_files(lists: list[str | None]) -> list[str]:
    return [urls.export(fmt, t) for t in lists for fmt in urls.EXPORT_FORMATS]


def _same_as_cold(project: pipeline.Options, edited: pipeline.Generated) -> None:
    memo_next = _memo_after(project, edited)
    shutil.rmtree(project.build)
    cold = pipeline.generate(project)
    assert sorted(cold.files) == sorted(edited.files)
    assert [path for path in cold.files if cold.files[path] != edited.files[path]] == []
    assert _memo_after(project, cold) == memo_next  # and the next run starts from the same memo


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_unchanged_run_renders_no_topic_page_or_download(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    wide = _made(monkeypatch, survey_wide=True)
    warm = pipeline.generate(project)
    assert made == [] and wide == []
    assert any(path.startswith("docs/topics/") for path in warm.files)
    _same_as_cold(project, warm)


def test_a_note_body_renders_only_its_paper_page(project, monkeypatch):
    """Only the paper page shows a note's body: every topic page and download is the last run's."""
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    wide = _made(monkeypatch, survey_wide=True)
    _edit(project.content / NOTE, "removes most of", "removes nearly all of")
    edited = pipeline.generate(project)
    assert made == [urls.paper(PAPER)]
    assert wide == []  # no list, feed or glossary shows a note's text
    assert "nearly all" in edited.files["fragments.json"]
    _same_as_cold(project, edited)


def test_a_note_summary_renders_the_topic_pages_that_list_its_paper(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    wide = _made(monkeypatch, survey_wide=True)
    _edit(project.content / NOTE, "summary: Samples a subset", "summary: Searches over a subset")
    edited = pipeline.generate(project)
    topics = _listing(edited.corpus, {PAPER})
    assert len(topics) >= 2  # its own topic and that topic's parent
    assert made == [urls.paper(PAPER), *_topic_files(topics)]  # no download shows a note
    # what the survey as a whole is made of changed: its lists are made again, all of them
    assert {urls.ALL_PAPERS, urls.feed(), urls.MAINTAINERS} <= set(wide)
    for topic in topics:
        assert "Searches over a subset" in edited.files[f"docs/{urls.topic(topic)}"]
    _same_as_cold(project, edited)


def test_a_corrected_paper_renders_the_topic_pages_and_downloads_that_list_it(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    _edit(project.content / NOTE, "venue: ICLR 2020", "venue: ICLR 2021")
    edited = pipeline.generate(project)
    topics = _listing(edited.corpus, {PAPER})
    assert sorted(made) == sorted([urls.paper(PAPER), *_topic_files(topics), *_export_files([None, *topics])])
    for topic in [None, *topics]:
        assert "ICLR 2021" in edited.files[f"docs/{urls.export('csv', topic)}"]
    _same_as_cold(project, edited)


def test_an_edited_source_renders_the_topic_pages_of_every_paper_that_changed(project, monkeypatch):
    before = pipeline.generate(project)
    pipeline.write(project, before)
    made = _made(monkeypatch)
    _edit(project.content / "sources/hf/daily.txt", "fast solution in finding", "quick solution for finding")
    edited = pipeline.generate(project)
    changed = {p.id for p in edited.corpus.papers if p != before.corpus.by_id.get(p.id)}
    assert PAPER in changed
    topics = _listing(before.corpus, changed) + [t for t in _listing(edited.corpus, changed)
                                                 if t not in _listing(before.corpus, changed)]
    assert sorted(path for path in made if path.startswith("topics/")) == sorted(_topic_files(topics))
    assert sorted(path for path in made if path.startswith("exports/")) == sorted(_export_files([None, *topics]))
    assert "quick solution for finding" in edited.files[f"docs/{urls.export('json')}"]
    _same_as_cold(project, edited)


def test_a_retitled_topic_renders_the_pages_that_show_its_title(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    _edit(project.content / "taxonomy.yml", "title: Architecture search", "title: Neural architecture search")
    edited = pipeline.generate(project)
    topics = {t.id: t for t in edited.corpus.topics}
    shown_in = ["architecture-search", "training",  # the topic itself, and its parent's list of subtopics
                *(t for t, topic in topics.items() if "architecture-search" in topic.related)]
    assert sorted(path for path in made if path.startswith("topics/")) == sorted(set(_topic_files(shown_in)))
    # a download names each paper's topics: every list with a paper of that topic is made again
    assert sorted(path for path in made if path.startswith("exports/")) == sorted(_export_files([None, *topics]))
    page = edited.files[f"docs/{urls.topic('training')}"]
    assert "[Neural architecture search](architecture-search.md)" in page
    _same_as_cold(project, edited)


def test_a_topic_intro_renders_only_its_topic_page(project, monkeypatch):
    pipeline.write(project, pipeline.generate(project))
    made = _made(monkeypatch)
    wide = _made(monkeypatch, survey_wide=True)
    _edit(project.content / "topics/architecture-search.md", "GPU-days and memory", "GPU-days, memory and energy")
    edited = pipeline.generate(project)
    assert made == [urls.topic("architecture-search")]
    assert wide == []
    assert "memory and energy" in edited.files["fragments.json"]
    _same_as_cold(project, edited)


def test_a_page_that_fails_the_front_matter_check_is_reported_on_every_run(project, monkeypatch):
    """A page left out is never remembered: a warm run reports it again instead of writing it."""
    from generator.render import Site

    real = Site.render
    broken = urls.topic("architecture-search")

    def render(self, template, here, **context):
        text = real(self, template, here, **context)
        return text.replace("title:", "title: [", 1) if here == broken else text

    monkeypatch.setattr(Site, "render", render)
    for _run in range(2):
        generated = pipeline.generate(project)
        assert [d.code for d in generated.diagnostics.errors] == ["internal-front-matter"]
        assert "Page left out" in generated.files[f"docs/{broken}"]
        pipeline.write(project, generated)


def test_digest_each_row_tells_its_parts_apart():
    rows = [("p1", "Title", "abstract"), ("p1", "Title", "", "abstract"), ("p1", "Titleabstract", ""),
            ("p1", "Title", "abstract", "1", "m", "t"), ("p1", "Title", "abstract", "2", "m", "t")]
    keys = memo.digest_each(rows)
    assert len(set(keys)) == len(rows)
    assert keys == [memo.digest(*row) for row in rows] == memo.digest_each(iter(rows))
