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
