"""io.write_tree: the one function that writes the build folder, and the only way out of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import io


def test_writes_what_changed_keeps_the_rest_and_deletes_the_unwanted(tmp_path: Path):
    out = tmp_path / "build"
    assert io.write_tree(out, {"a.md": "one", "docs/b.md": "two", "docs/old.md": "x"}) == 3
    stamp = (out / "a.md").stat().st_mtime_ns
    os.utime(out / "a.md", ns=(stamp - 10**9, stamp - 10**9))
    assert io.write_tree(out, {"a.md": "one", "docs/b.md": "three"}) == 2  # b rewritten, old deleted
    assert (out / "a.md").stat().st_mtime_ns == stamp - 10**9  # unchanged: not touched
    assert (out / "docs/b.md").read_text() == "three" and not (out / "docs/old.md").exists()


@pytest.mark.parametrize("rel", ["../escape.md", "docs/../../escape.md", "/etc/escape.md"])
def test_refuses_paths_that_leave_the_folder(tmp_path: Path, rel: str):
    with pytest.raises(io.UnsafePathError):
        io.write_tree(tmp_path / "build", {rel: "x"})
    assert not (tmp_path / "escape.md").exists()


def test_a_symlinked_folder_may_not_lead_out(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "docs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(io.UnsafePathError):
        io.write_tree(tmp_path / "build", {"docs/page.md": "x"})
    assert list(outside.iterdir()) == []


def test_a_symlinked_file_is_replaced_never_written_through(tmp_path: Path):
    outside = tmp_path / "outside.md"
    outside.write_text("theirs")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "page.md").symlink_to(outside)
    io.write_tree(tmp_path / "build", {"page.md": "ours"})
    assert outside.read_text() == "theirs"
    page = tmp_path / "build" / "page.md"
    assert not page.is_symlink() and page.read_text() == "ours"


class _Reads(dict):
    """A mapping of files that records which values were asked for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: list[str] = []

    def __getitem__(self, rel):
        self.read.append(rel)
        return super().__getitem__(rel)


def _token(files):
    return lambda rel: dict.__getitem__(files, rel).encode() + b"#"  # any digest of the kept value


def test_with_a_manifest_unchanged_files_are_neither_unpacked_nor_read_back(tmp_path: Path):
    out = tmp_path / "build"
    files = _Reads({"a.md": "one", "docs/b.md": "two", ".cache/memo.json": "{}"})
    assert io.write_tree(out, files, keep=(".cache",), tokens=_token(files), manifest=out / ".cache/written.json") == 3
    again = _Reads(files)
    assert io.write_tree(out, again, keep=(".cache",), tokens=_token(again), manifest=out / ".cache/written.json") == 0
    assert again.read == []  # nothing unpacked, nothing compared
    (out / "docs/b.md").write_text("changed by hand")  # another size and time: written again
    changed = _Reads({**files, "a.md": "ONE"})
    assert io.write_tree(out, changed, keep=(".cache",), tokens=_token(changed), manifest=out / ".cache/written.json") == 2
    assert sorted(changed.read) == ["a.md", "docs/b.md"]
    assert (out / "a.md").read_text() == "ONE" and (out / "docs/b.md").read_text() == "two"
    assert (out / ".cache/written.json").exists()


def test_a_damaged_manifest_means_comparing_every_file_and_writing_none(tmp_path: Path):
    out = tmp_path / "build"
    files = _Reads({"a.md": "one", "docs/b.md": "two"})
    io.write_tree(out, files, keep=(".cache",), tokens=_token(files), manifest=out / ".cache/written.json")
    stamp = (out / "a.md").stat().st_mtime_ns
    (out / ".cache/written.json").write_text("[not a manifest")
    again = _Reads(files)
    assert io.write_tree(out, again, keep=(".cache",), tokens=_token(again), manifest=out / ".cache/written.json") == 0
    assert sorted(again.read) == ["a.md", "docs/b.md"] and (out / "a.md").stat().st_mtime_ns == stamp
    assert io.write_tree(out, _Reads(files), keep=(".cache",), tokens=_token(files), manifest=out / ".cache/written.json") == 0


def test_packed_tokens_are_equal_for_equal_values_without_unpacking(tmp_path: Path):
    from generator.packed import COMPRESS_FROM, Packed, Zipped

    big = "x" * COMPRESS_FROM
    one, two = Packed(), Packed()
    one["big.md"], one["small.md"], one["data.bin"] = big, "small", b"\x00\x01"
    two["big.md"], two["small.md"], two["data.bin"] = Zipped.of(big), "small", b"\x00\x01"
    a, b = one.encoded(besides={".cache/t.json": "{}"}), two.encoded(besides={".cache/t.json": "{}"})
    assert [a.token(p) for p in sorted(a)] == [b.token(p) for p in sorted(b)]
    two["small.md"] = "smalL"
    assert b.token("small.md") != a.token("small.md")


def test_a_manifest_without_tokens_digests_each_value_and_reads_no_file_back(tmp_path: Path, monkeypatch):
    """The search index: plain bytes, so the token is their digest; the files on disk stay unread."""
    out, manifest = tmp_path / "site" / "pagefind", tmp_path / "build" / ".cache" / "search-written.json"
    index = {"pagefind.js": b"js", "fragment/a.pf_fragment": b"one"}
    assert io.write_tree(out, index, manifest=manifest) == 2
    read: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real(self))
    assert io.write_tree(out, index, manifest=manifest) == 0 and read == []
    assert io.write_tree(out, {**index, "fragment/a.pf_fragment": b"two"}, manifest=manifest) == 1
    assert (out / "fragment/a.pf_fragment").read_bytes() == b"two"


def test_a_written_file_is_0644_with_no_temporary_left_even_past_a_crashed_runs_leftover(tmp_path: Path):
    out = tmp_path / "build"
    (out / "docs").mkdir(parents=True)
    # the temporary name the next write would try, left by a run that died mid-write
    stale = out / "docs" / f".page.md-{os.getpid()}-{next(io._TEMP_NAMES) + 1}"
    stale.write_text("half")
    assert io.write_tree(out, {"docs/page.md": "whole", "docs/other.md": "x", "./odd//path.md": "y"}) == 4
    page = out / "docs" / "page.md"
    assert page.read_text() == "whole" and page.stat().st_mode & 0o777 == 0o644
    assert (out / "odd" / "path.md").read_text() == "y"
    assert sorted(p.name for p in (out / "docs").iterdir()) == ["other.md", "page.md"]  # the leftover went too
