"""The only module that touches the filesystem: read content/, write under the build folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .content import ContentFiles

MAX_FILE_BYTES = 5 * 1024 * 1024  # a source dump is large; notes have their own, smaller limit
_SKIP_DIRS = {".git", "__pycache__", ".ipynb_checkpoints"}


class UnsafePathError(ValueError):
    """A write would land outside the build folder."""


def read_content(root: Path) -> ContentFiles:
    """Every regular file under ``root`` as UTF-8 text; symlinks and unreadable files are refused, not followed."""
    files: dict[str, str] = {}
    refused: dict[str, str] = {}
    if not root.is_dir():
        return ContentFiles(files, {"": f"content folder {root} does not exist"}, str(root))
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            if name in _SKIP_DIRS:
                continue
            if (here / name).is_symlink():
                refused[(here / name).relative_to(root).as_posix()] = "symlink (refused: it could point outside content/)"
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith(".") and name != ".pages":
                continue
            if path.is_symlink():
                refused[rel] = "symlink (refused: it could point outside content/)"
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                refused[rel] = f"{size} bytes, over the {MAX_FILE_BYTES} byte limit"
                continue
            data = path.read_bytes()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                refused[rel] = f"not UTF-8 (byte {exc.start})"
                continue
            files[rel] = text
    return ContentFiles(files, refused, root.as_posix())


def _inside(base: Path, rel: str) -> Path:
    target = (base / rel).resolve()
    if rel.startswith("/") or ".." in Path(rel).parts or not target.is_relative_to(base.resolve()):
        raise UnsafePathError(f"refusing to write {rel!r} outside {base}")
    return target


def write_tree(out_dir: Path, files: Mapping[str, str | bytes], forbidden: tuple[Path, ...] = ()) -> int:
    """Replace ``out_dir`` with exactly ``files``; write to a sibling temp folder, then swap.

    Returns how many files changed content compared to the previous tree (for incremental tooling).
    ``forbidden`` folders (content/) may never be the output or contain it.
    """
    out_dir = out_dir.resolve()
    for bad in forbidden:
        bad = bad.resolve()
        if out_dir == bad or out_dir.is_relative_to(bad) or bad.is_relative_to(out_dir):
            raise UnsafePathError(f"refusing to write into {out_dir}: it overlaps {bad}")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    changed = 0
    try:
        for rel in sorted(files):
            target = _inside(tmp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = files[rel]
            payload = data.encode("utf-8") if isinstance(data, str) else data
            target.write_bytes(payload)
            old = out_dir / rel
            if not (old.is_file() and old.read_bytes() == payload):
                changed += 1
        old_tree = out_dir.with_name(f".{out_dir.name}-old")
        if old_tree.exists():
            shutil.rmtree(old_tree)
        if out_dir.exists():
            out_dir.rename(old_tree)
        tmp.rename(out_dir)
        if old_tree.exists():
            shutil.rmtree(old_tree)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return changed


def write_file(path: Path, text: str, base: Path) -> None:
    """Write one file atomically, only inside ``base`` (used for exports and scaffolded notes)."""
    base = base.resolve()
    target = path.resolve()
    if not target.is_relative_to(base):
        raise UnsafePathError(f"refusing to write {path} outside {base}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(tmp, target)


def create_new(path: Path, text: str) -> bool:
    """Create ``path`` only if it does not exist (never overwrite a curated file). True if created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True
