"""The only module that touches the filesystem: read content/, write under the build folder.

Two writes go into content/, never during a build: ``create_source`` for ``survey fetch`` and
``create_new`` for ``survey new-note``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .content import ContentFiles

MAX_FILE_BYTES = 5 * 1024 * 1024  # a source dump is large; notes have their own, smaller limit
_SKIP_DIRS = {".git", "__pycache__", ".ipynb_checkpoints"}
_SKIP_FILES = {".gitkeep", ".gitignore", ".DS_Store"}  # housekeeping, not content


class UnsafePathError(ValueError):
    """A write would land outside the build folder."""


def read_content(root: Path) -> ContentFiles:
    """Every regular file under ``root`` as UTF-8 text; symlinks, FIFOs, oversize and undecodable files are refused."""
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
            if name in _SKIP_FILES:
                continue
            rel = (here / name).relative_to(root).as_posix()
            text, why = _read_regular(here / name)
            if text is None:
                refused[rel] = why
            else:
                files[rel] = text
    return ContentFiles(files, refused, root.as_posix())


def _read_regular(path: Path) -> tuple[str | None, str]:
    """A regular file's text, or None and why not; never follows a symlink, never blocks on a FIFO."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return None, "symlink (refused: it could point outside content/)"
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file (a FIFO, socket or device)"
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # replaced between lstat and open
            return None, "not a regular file (a FIFO, socket or device)"
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return None, f"{info.st_size} bytes, over the {MAX_FILE_BYTES} byte limit"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "UTF-16 (save it as UTF-8)"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 (byte {exc.start})"


def _inside(base: Path, rel: str, folders: dict[str, str] | None = None) -> str:
    """``base / rel`` (as a string) with every folder on the way resolved (a symlinked folder may not lead out).

    ``folders`` remembers resolved folders across calls: a build folder holds tens of thousands of
    files in a few hundred folders, and resolving each file's whole path was most of a warm write.
    The file itself is not followed: it is replaced, never written through. Strings, not ``Path``:
    building a ``Path`` per file was a fifth of a cold write.
    """
    parts = rel.split("/")
    if all(part not in ("", ".", "..") for part in parts):  # a plain relative path: Path(rel) would give these parts
        parent, name = "/".join(parts[:-1]) or ".", parts[-1]
    else:
        path = Path(rel)
        if rel.startswith("/") or ".." in path.parts or not path.name:
            raise UnsafePathError(f"refusing to write {rel!r} outside {base}")
        parent, name = path.parent.as_posix(), path.name
    folder = folders.get(parent) if folders is not None else None
    if folder is None:
        resolved = (base / parent).resolve()
        if not resolved.is_relative_to(base.resolve()):
            raise UnsafePathError(f"refusing to write {rel!r} outside {base}")
        folder = str(resolved)
        if folders is not None:
            folders[parent] = folder
    return os.path.join(folder, name)


_TEMP_NAMES = itertools.count()


def _replace_file(target: str, payload: bytes) -> os.stat_result:
    """Write ``payload`` to a new file beside ``target`` (mode 0644), then rename it over ``target``;
    the new file's stat (its size and modification time are those ``target`` has after the rename).

    The temporary name is ``.<name>-<pid>-<n>``, created exclusively (never through a symlink); a name
    a crashed run left is skipped for one ``tempfile`` picks. ``mkstemp`` itself, with its random names
    and path checks, and a stat of the renamed file were a third of a cold write of 10,000 pages.
    """
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}-{os.getpid()}-{next(_TEMP_NAMES)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0), 0o600)
    except FileExistsError:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fchmod(fd, 0o644)
        written = os.fstat(fd)  # rename and close keep the size and modification time
    finally:
        os.close(fd)
    os.replace(tmp, target)
    return written


def write_tree(out_dir: Path, files: Mapping[str, str | bytes], forbidden: tuple[Path, ...] = (),
               keep: tuple[str, ...] = (), tokens: Callable[[str], bytes] | None = None,
               manifest: Path | None = None) -> int:
    """Make ``out_dir`` hold exactly ``files``: write what changed (each atomically), delete the rest.

    Top-level entries named in ``keep`` (the build folder's ``.cache``) are never deleted; files under
    them that ``files`` names are still written.

    Unchanged files are not touched, so a regeneration that changes nothing triggers no file
    events (``survey serve`` relies on that) and a large survey rewrites only what changed.
    Returns how many files were written or deleted. ``forbidden`` folders (content/) may never
    be the output, inside it, or contain it.

    With a ``manifest`` (a file of the build's cache, outside what this call may delete), a file whose
    token, size and modification time are those this function recorded when it last wrote or checked
    it is taken as unchanged without reading it back: at 10,000 papers that was most of a warm write.
    The token is a digest of the value, or ``tokens(path)`` when the caller can give one without
    unpacking it (``Packed.encoded().token``). A file changed by hand has another size or time and is
    compared and written as without a manifest.
    """
    out_dir = out_dir.resolve()
    for bad in forbidden:
        bad = bad.resolve()
        if out_dir == bad or out_dir.is_relative_to(bad) or bad.is_relative_to(out_dir):
            raise UnsafePathError(f"refusing to write into {out_dir}: it overlaps {bad}")
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = 0
    wanted: set[str] = set()
    folders: dict[str, str] = {}
    made: set[str] = set()  # folders known to exist
    recorded = _read_manifest(manifest) if manifest is not None else {}
    seen: dict[str, list[object]] = {}
    for rel in sorted(files):
        target = _inside(out_dir, rel, folders)
        wanted.add(target)
        payload: bytes | None = None
        token = ""
        if manifest is not None and tokens is not None:
            token = tokens(rel).hex()
        elif manifest is not None:
            payload = _encoded(files[rel])
            token = hashlib.blake2b(payload, digest_size=16).hexdigest()
        before = _regular_stat(target)
        if token and before is not None and recorded.get(rel) == [token, before.st_size, before.st_mtime_ns]:
            seen[rel] = recorded[rel]
            continue
        if payload is None:
            payload = _encoded(files[rel])
        if before is None or before.st_size != len(payload) or _read_bytes(target) != payload:
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            before = _replace_file(target, payload)
            changed += 1
        if token:
            seen[rel] = [token, before.st_size, before.st_mtime_ns]
    if manifest is not None:
        write_file(manifest, json.dumps(seen, sort_keys=True, separators=(",", ":")))
    kept = {out_dir / name for name in keep}
    kept_paths = {str(k) for k in kept}
    for dirpath, dirnames, filenames in os.walk(out_dir, topdown=False):
        here = Path(dirpath)
        if any(here == k or here.is_relative_to(k) for k in kept):
            continue
        for name in filenames:
            path = os.path.join(dirpath, name)
            if path not in wanted and path not in kept_paths:
                os.unlink(path)
                changed += 1
        for name in dirnames:
            sub = here / name
            if sub in kept:
                continue
            if sub.is_symlink():
                sub.unlink()
            elif not any(sub.iterdir()):
                sub.rmdir()
    return changed


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _regular_stat(path: str) -> os.stat_result | None:
    """``path``'s stat when it is a regular file (not a symlink), else None."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return found if stat.S_ISREG(found.st_mode) else None


def _read_manifest(path: Path) -> dict[str, list[object]]:
    """``write_tree``'s record of the files it last wrote or checked; {} when missing or damaged."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _encoded(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def read_tree(root: Path, suffixes: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``root`` (templates, assets) as bytes, keyed by POSIX relative path."""
    out: dict[str, bytes] = {}
    if not root.is_dir():
        return out
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and (not suffixes or path.name.endswith(suffixes)):
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def write_file(path: Path, text: str, forbidden: tuple[Path, ...] = ()) -> None:
    """Write one file the user named (``export -o``) atomically; never inside ``forbidden`` folders."""
    target = path.resolve()
    for bad in forbidden:
        if target.is_relative_to(bad.resolve()):
            raise UnsafePathError(f"refusing to write {path}: it is inside {bad}/, which the generator never writes")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(tmp, target)


def create_new(root: Path, rel: str, data: str | bytes) -> bool:
    """Create ``root/rel`` only if it does not exist (never overwrite a curated file). True if created.

    Refuses (``UnsafePathError``) when any folder below ``root`` on the way, or the file itself, is a
    symlink: a pull request could make ``content/notes`` point anywhere on the machine. Every folder
    is opened with ``O_NOFOLLOW`` and the file is written whole, then hard-linked to its name, which
    fails rather than replace an existing file; a reader never sees half a file.
    """
    parts = Path(rel).parts
    if Path(rel).is_absolute() or ".." in parts or not parts:
        raise UnsafePathError(f"refusing to create {rel!r} outside {root}")
    if not root.is_dir():
        raise UnsafePathError(f"folder {root} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o755, dir_fd=fd)
            try:
                child = os.open(part, flags, dir_fd=fd)
            except OSError as exc:  # ELOOP or ENOTDIR: a symlink or a file where a folder belongs
                raise UnsafePathError(f"refusing to create {rel}: {part} is a symlink or not a folder") from exc
            os.close(fd)
            fd = child
        name = parts[-1]
        tmp = f".{name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
        handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=fd)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(tmp, name, src_dir_fd=fd, dst_dir_fd=fd, follow_symlinks=False)
            except FileExistsError:
                if stat.S_ISLNK(os.lstat(name, dir_fd=fd).st_mode):
                    raise UnsafePathError(f"refusing to create {rel}: it is a symlink") from None
                return False
        finally:
            os.unlink(tmp, dir_fd=fd)
    finally:
        os.close(fd)
    return True


_SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


def create_source(content_root: Path, folder: str, name: str, data: bytes) -> Path:
    """Write a fetched response as the new file ``content/sources/<folder>/<name>``; only ``survey fetch`` does.

    Never overwrites (``FileExistsError`` if the name is taken) and never follows a symlink (``create_new``).
    """
    parts = ["sources", *folder.split("/")]
    if not all(_SOURCE_NAME.match(p) for p in [*parts, name]):
        raise UnsafePathError(f"refusing to write {folder!r}/{name!r}: names are letters, digits, '.', '_' and '-'")
    rel = "/".join([*parts, name])
    if not create_new(content_root, rel, data):
        raise FileExistsError(f"{content_root}/{rel} exists; the generator never overwrites a source")
    return content_root / rel


def read_text(path: Path) -> str:
    """One file named on the command line, as UTF-8 text."""
    return path.read_bytes().decode("utf-8-sig")


def edit_files(root: Path, suffix: str, edit: Callable[[str, str], str | None]) -> int:
    """Run ``edit(relative path, text)`` on every UTF-8 file under ``root`` ending in ``suffix``; write what it changes.

    For steps after the engine (curated fragments into the built pages); symlinks are not followed
    or edited. Each changed file is replaced atomically. Returns how many files changed.
    """
    changed = 0
    for path in sorted(root.rglob(f"*{suffix}")):
        if path.is_symlink() or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8")
        new = edit(path.relative_to(root).as_posix(), text)
        if new is None or new == text:
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(new.encode("utf-8"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        changed += 1
    return changed


def move_tree(src: Path, dst: Path, forbidden: tuple[Path, ...] = ()) -> None:
    """Make ``dst`` hold what ``src`` holds by moving it there (``src`` is gone afterwards).

    Like MkDocs' own clean build, what ``dst`` held before is removed, except its hidden entries
    (``.git`` of a gh-pages checkout, say). ``forbidden`` folders (content/) may never be ``dst``,
    inside it, or contain it.
    """
    src, dst = src.resolve(), dst.resolve()
    for bad in (*forbidden, src):
        bad = bad.resolve()
        if dst == bad or dst.is_relative_to(bad) or bad.is_relative_to(dst):
            raise UnsafePathError(f"refusing to move the site into {dst}: it overlaps {bad}")
    dst.mkdir(parents=True, exist_ok=True)
    for old in sorted(dst.iterdir()):
        if old.name.startswith("."):
            continue
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()
    for entry in sorted(src.iterdir()):
        shutil.move(str(entry), str(dst / entry.name))  # a rename on the same file system
    src.rmdir()
