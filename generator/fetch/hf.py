"""``survey fetch hf``: one day of the Hugging Face daily-papers API, saved as ``content/sources/hf-daily/<date>.json``."""

from __future__ import annotations

import re
import urllib.parse
from datetime import date
from pathlib import Path

from .. import io
from ..records import ReadContext
from ..sources import hf_daily
from . import FetchError, FetchResult
from .http import Client, Clock, Transport, urllib_transport

API = "https://huggingface.co/api/daily_papers"
FOLDER = "hf-daily"


def client(transport: Transport = urllib_transport, clock: Clock | None = None) -> Client:
    """A client for the Hub: one request a second is plenty for a fetch of one day."""
    return Client(transport, clock, interval=1.0, retries=3, backoff=5.0, timeout=30.0)


def day_url(day: str) -> str:
    return f"{API}?{urllib.parse.urlencode({'date': day})}"


def fetch_day(day: str, content: Path, http: Client) -> FetchResult:
    """Fetch the papers listed on ``day`` (YYYY-MM-DD) and write them unchanged; errors and empty days are not written."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise ValueError
        date.fromisoformat(day)
    except ValueError:
        raise FetchError(f"--date {day!r} is not a date (expected YYYY-MM-DD)") from None
    url = day_url(day)
    response = http.get(url)
    try:
        text = response.body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FetchError(f"{url}: the answer is not UTF-8 (byte {exc.start})") from exc
    out = hf_daily.read(text, ReadContext(url))
    errors = [d.message for d in out.diagnostics if d.severity == "error"]
    if errors or response.status != 200:
        raise FetchError(f"Hugging Face answered HTTP {response.status}: {'; '.join(errors) or text[:200]}")
    if not out.records:
        return FetchResult(notes=[f"no papers listed on {day}; nothing written"])
    result = FetchResult()
    try:
        path = io.create_source(content, FOLDER, f"{day}.json", response.body)
    except FileExistsError:
        result.notes.append(f"{content}/sources/{FOLDER}/{day}.json already exists; not overwritten")
        return result
    result.written.append(path)
    result.notes.append(f"wrote {path} ({len(out.records)} papers)" if len(out.records) != 1 else f"wrote {path} (1 paper)")
    return result
