"""Pagefind's indexer driven over its service protocol: search records in, the files of ``pagefind/`` out.

The binary comes from the ``pagefind[bin]`` wheel (nothing is downloaded at run time). We speak
its stdin/stdout service protocol ourselves instead of going through the ``pagefind`` package's
async wrapper: that wrapper sleeps 0.1 s before reading each response, so 444 records took 45 s
and 10,000 would take 17 minutes; pipelined here they take well under a second. Nothing is
written: ``index`` returns ``{relative path: bytes}`` for ``io.write_tree``.

Pagefind 1.5.2 writes filter files in hash-map order, so two runs differ (fixed upstream after
1.5.2, not released). ``canonical`` re-encodes those files with their values sorted and renames
them and the metadata file the way Pagefind names files (SHA-1 of the content), so the output is
byte-identical from run to run and machine to machine.

A very large survey's index is built in parts of at most ``PART_SIZE`` records (each record goes
to the part its URL hashes to), one Pagefind process after another, and the page's script merges
them (``mergeIndex``; ``parts.json`` names them): Pagefind's indexer holds about 125 KB a record,
3.7 GB for 30,000 papers in one process. A part whose records did not change is taken from the
build folder's cache instead of being indexed again, so after one note is edited one part is
indexed, not the whole survey (at 10,000 papers one index took 12 s, longer than the rest of the
rebuild). Parts cost ranking if they are small: Pagefind scores each part with its own word
statistics, and at 10,000 papers in parts of 2,500 the query "ZeRO" put another paper above ZeRO.
In parts of 5,000 the first results of the benchmark queries are those of one index.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import cbor2

from .search import Record

SIGNATURE = b"pagefind_dcd"  # every compressed Pagefind file starts with this once inflated
# Word-index chunk size, in word locations (Pagefind's default is 20,000, read from an environment
# variable it calls unstable). A query fetches one chunk per word; at the default a three-word query
# fetched 75 KB of chunks on the bundled site, 10 KB at this size.
CHUNK_SIZE = 2500
# Records per part of an index: one index up to about 4,700 papers (their pages, topics and terms).
# Each further part costs the reader's first query a word chunk per word (about 10-30 KB gzipped).
PART_SIZE = 5_000
PARTS = "parts.json"  # beside pagefind.js: the folders of the parts after the first, for the page's script



# What Pagefind writes for UIs and modes this site does not use (assets/search.js drives the index
# through pagefind.js in the page, without a worker): left out of site/pagefind/.
UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.js",
          "pagefind-worker.js", "wasm.unknown.pagefind")


class PagefindError(Exception):
    """The indexer could not be run or refused a request."""


def executable() -> str:
    """The Pagefind binary the ``pagefind[bin]`` wheel ships (or ``PAGEFIND_BINARY_PATH``)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise PagefindError("the pagefind package is not installed (pip install 'pagefind[bin]')") from exc
    path = get_executable()
    if path is None:
        raise PagefindError("no Pagefind binary found (pip install 'pagefind[bin]')")
    return str(path)


def _encode(message_id: int, payload: Mapping[str, Any]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")) + b","


def _responses(stream: Any) -> Iterable[dict[str, Any]]:
    """Responses as they arrive: base64 JSON, each closed by a comma (base64 has none of its own).

    Pieces are kept in a list and only a new chunk is searched for the comma: the last response
    (every file of the index, 18 MB at 10,000 papers) arrives in hundreds of reads, and joining and
    splitting the whole pending text at each one took seconds.
    """
    pieces: list[bytes] = []
    while True:
        chunk = stream.read1(1 << 20)
        if not chunk:
            return
        *done, rest = chunk.split(b",")
        for part in done:
            pieces.append(part)
            yield json.loads(base64.b64decode(b"".join(pieces)))
            pieces = []
        if rest:
            pieces.append(rest)


def _converse(payloads: list[dict[str, Any]], chunk_size: int) -> list[dict[str, Any]]:
    """Send every request in order (the service handles them one by one), return the responses by request."""
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk_size)}
    try:
        proc = subprocess.Popen([executable(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env)
    except OSError as exc:
        raise PagefindError(f"cannot run the Pagefind binary: {exc}") from exc
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin

    def send() -> None:
        # Our own thread: the service reads stdin on a thread of its own, so this never waits on our reads.
        try:
            for i, payload in enumerate(payloads):
                stdin.write(_encode(i, payload))
            stdin.flush()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=send, daemon=True)
    writer.start()
    answers: dict[int, dict[str, Any]] = {}
    try:
        for response in _responses(proc.stdout):
            message_id = response.get("message_id")
            payload = response.get("payload") or {}
            if message_id is None or payload.get("type") == "Error":
                raise PagefindError(f"Pagefind refused request {message_id}: {payload.get('message', payload)}")
            answers[message_id] = payload
            if len(answers) == len(payloads):
                break
    finally:
        writer.join()
        stdin.close()  # end of input: the service exits
        proc.wait()
    if len(answers) != len(payloads):
        raise PagefindError(f"Pagefind stopped after {len(answers)} of {len(payloads)} responses")
    return [answers[i] for i in range(len(payloads))]


def index(records: Iterable[Record], language: str = "en", chunk_size: int = CHUNK_SIZE) -> dict[str, bytes]:
    """The files of the ``pagefind/`` folder for these records, byte-identical for the same records."""
    # A fresh service process has no index yet, so the one we create is number 0.
    payloads: list[dict[str, Any]] = [{"type": "NewIndex", "config": {"force_language": language}}]
    payloads += [{"type": "AddFile", "index_id": 0, "url": r.url, "file_path": None, "file_contents": r.html()}
                 for r in records]
    payloads.append({"type": "GetFiles", "index_id": 0})
    answers = _converse(payloads, chunk_size)
    files = {f["path"]: base64.b64decode(f["content"]) for f in answers[-1]["files"]
             if not f["path"].startswith(UNUSED)}
    return canonical(files)


def part_count(records: int, part_size: int = PART_SIZE) -> int:
    """How many parts an index of ``records`` records is built in: ``ceil(records / part_size)``, at least one."""
    return max(1, -(-records // part_size))


def split(records: list[Record], part_size: int = PART_SIZE) -> list[list[Record]]:
    """The records in ``ceil(n / part_size)`` parts, each record in the part its URL hashes to (in order).

    By hash, not by position: a paper added or removed changes one part, not every part after it.
    """
    count = part_count(len(records), part_size)
    parts: list[list[Record]] = [[] for _ in range(count)]
    for record in records:
        digest = hashlib.blake2b(record.url.encode("utf-8"), digest_size=8).digest()
        parts[int.from_bytes(digest, "big") % count].append(record)
    return parts


def folder(part: int) -> str:
    """Where part ``part`` (from 0) lives under ``pagefind/``: the first at the top, beside pagefind.js."""
    return "" if part == 0 else f"part-{part + 1}/"


def part_file(path: str) -> bool:
    """What a merged part needs of its index's files: it uses the first part's pagefind.js and WebAssembly."""
    return path == "pagefind-entry.json" or path.endswith(".pf_meta") or path.startswith(("index/", "fragment/",
                                                                                         "filter/"))


def combined(parts: list[dict[str, bytes]]) -> dict[str, bytes]:
    """The ``pagefind/`` folder for these parts' index files, with ``parts.json`` naming the merged ones."""
    out: dict[str, bytes] = {}
    for i, files in enumerate(parts):
        out.update((folder(i) + path, data) for path, data in files.items() if i == 0 or part_file(path))
    out[PARTS] = json.dumps({"parts": [folder(i) for i in range(1, len(parts))]}).encode("utf-8")
    return out


class _PartCache:
    """Each part's index files from the last build, under ``<build>/.cache/search/``, by a digest of its input.

    The digest covers the records' HTML and URLs, the language, the chunk size, the Pagefind
    package's version and this module's code (which post-processes the files). A file that does not
    read back is a miss: the part is indexed again.
    """

    def __init__(self, where: Path | None, language: str, chunk_size: int) -> None:
        self.where = where
        self.salt = b"\0".join([Path(__file__).read_bytes(), _version().encode(), language.encode(),
                                 str(chunk_size).encode()])

    def key(self, records: list[Record]) -> str:
        digest = hashlib.blake2b(self.salt, digest_size=16)
        for record in records:
            digest.update(b"\0" + record.url.encode("utf-8") + b"\0" + record.html().encode("utf-8"))
        return digest.hexdigest()

    def get(self, part: int, key: str) -> dict[str, bytes] | None:
        if self.where is None:
            return None
        try:
            stored = cbor2.loads((self.where / f"part-{part + 1}.cbor").read_bytes())
        except (OSError, ValueError, cbor2.CBORDecodeError):
            return None
        if not isinstance(stored, dict) or stored.get("key") != key or not isinstance(stored.get("files"), dict):
            return None
        files = stored["files"]
        return files if all(isinstance(k, str) and isinstance(v, bytes) for k, v in files.items()) else None

    def put(self, part: int, key: str, files: dict[str, bytes]) -> None:
        if self.where is None:
            return
        self.where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=self.where)
        with os.fdopen(fd, "wb") as handle:
            handle.write(cbor2.dumps({"key": key, "files": files}))
        os.replace(tmp, self.where / f"part-{part + 1}.cbor")

    def keep(self, count: int) -> None:
        """Drop the parts a larger index left."""
        if self.where is None or not self.where.is_dir():
            return
        wanted = {f"part-{i + 1}.cbor" for i in range(count)}
        for path in self.where.glob("part-*.cbor"):
            if path.name not in wanted:
                path.unlink()


def _version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:  # pragma: no cover - a broken install fails in executable()
        return ""


def index_parts(records: list[Record], language: str = "en", chunk_size: int = CHUNK_SIZE,
                part_size: int = PART_SIZE, cache: Path | None = None) -> dict[str, bytes]:
    """The ``pagefind/`` folder for ``records``, indexed in parts; parts unchanged since ``cache``'s are reused."""
    remembered = _PartCache(cache, language, chunk_size)
    parts = split(records, part_size)
    built = []
    for i, part in enumerate(parts):
        key = remembered.key(part)
        files = remembered.get(i, key)
        if files is None:
            files = index(part, language, chunk_size)
            remembered.put(i, key, files)
        built.append(files)
    remembered.keep(len(parts))
    return combined(built)


class Indexing:
    """``index_parts`` of ``records``, run on a thread while the caller does other work.

    The Pagefind binary is a process of its own, so the index of 10,000 papers (about 10 s of
    the binary's time) is built while the HTML step runs instead of after it.
    """

    def __init__(self, records: list[Record], language: str = "en", chunk_size: int = CHUNK_SIZE,
                 part_size: int = PART_SIZE, cache: Path | None = None) -> None:
        self._files: dict[str, bytes] = {}
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(records, language, chunk_size, part_size, cache),
                                        daemon=True)
        self._thread.start()

    def _run(self, records: list[Record], language: str, chunk_size: int, part_size: int, cache: Path | None) -> None:
        try:
            self._files = index_parts(records, language, chunk_size, part_size, cache)
        except BaseException as exc:  # handed to whoever waits for the files
            self._error = exc

    def files(self) -> dict[str, bytes]:
        """The index's files once built; what ``index`` raises is raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._files


# -- determinism ----------------------------------------------------------------------------------


def _hash(data: bytes) -> str:
    # Pagefind's full_hash: SHA-1 bytes formatted with {:x?}, i.e. hex without zero padding.
    return "".join(f"{b:x}" for b in hashlib.sha1(data).digest())


def _load(data: bytes) -> Any:
    raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    if not raw.startswith(SIGNATURE):
        raise PagefindError("not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _dump(value: Any) -> tuple[bytes, bytes]:
    """(CBOR, gzip file bytes); mtime 0 so the gzip header holds no clock."""
    raw = cbor2.dumps(value)
    return raw, gzip.compress(SIGNATURE + raw, compresslevel=9, mtime=0)


def canonical(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """The same index with filter values and sort keys in sorted order and files renamed to match."""
    out = dict(files)
    entry = json.loads(out["pagefind-entry.json"])
    for language, info in sorted(entry["languages"].items()):
        meta_name = f"pagefind.{info['hash']}.pf_meta"
        # MetaIndex: [version, pages, index_chunks, filters [[name, hash]], sorts [[name, pages]], meta_fields]
        meta = _load(out.pop(meta_name))
        filters = []
        for name, old in sorted(meta[3]):
            # FilterIndex: [name, [[value, [page numbers]]]]
            data = _load(out.pop(f"filter/{old}.pf_filter"))
            data[1] = sorted(data[1], key=lambda value: value[0])
            raw, packed = _dump(data)
            short = f"{language}_{_hash(raw)}"[: len(language) + 8]
            while f"filter/{short}.pf_filter" in out:  # as Pagefind does on a short-hash collision
                short = f"{language}_{_hash(raw)}"[: len(short) + 1]
            out[f"filter/{short}.pf_filter"] = packed
            filters.append([name, short])
        meta[3] = filters
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        raw, packed = _dump(meta)
        info["hash"] = f"{language}_{_hash(raw)[: len(language) + 8]}"
        out[f"pagefind.{info['hash']}.pf_meta"] = packed
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return out
