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
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import cbor2

from .search import Record

SIGNATURE = b"pagefind_dcd"  # every compressed Pagefind file starts with this once inflated
# Word-index chunk size, in word locations (Pagefind's default is 20,000, read from an environment
# variable it calls unstable). A query fetches one chunk per word; at the default a three-word query
# fetched 75 KB of chunks on the bundled site, 10 KB at this size.
CHUNK_SIZE = 2500


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


class Indexing:
    """``index`` of ``records``, run on a thread while the caller does other work.

    The Pagefind binary is a process of its own, so the index of 10,000 papers (about 20 s, most
    of it inside the binary) is built while the HTML step runs instead of after it.
    """

    def __init__(self, records: list[Record], language: str = "en", chunk_size: int = CHUNK_SIZE) -> None:
        self._files: dict[str, bytes] = {}
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(records, language, chunk_size), daemon=True)
        self._thread.start()

    def _run(self, records: list[Record], language: str, chunk_size: int) -> None:
        try:
            self._files = index(records, language, chunk_size)
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
