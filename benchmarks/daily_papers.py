"""Read Hugging Face daily-papers API files for the unseen benchmark sets (tests/labels/unseen/).

A small benchmark-side loader, kept apart from the generator's own readers: it only turns the
day files into (arXiv id, title, abstract) so label files can carry their papers' text.
The files drift in shape by date: a list of paper records, a list of Python-repr strings
(2024-12-11), or a ``{"status", "date", "count", "data"}`` wrapper around such strings (2025-01-10).

Run: .venv/bin/python benchmarks/daily_papers.py DIR ID... prints a label skeleton per id.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path
from typing import Any


def records(text: str) -> list[dict[str, Any]]:
    """The paper records of one day file, whatever its shape; unreadable items are skipped."""
    data: Any = json.loads(text)
    if isinstance(data, dict):
        data = data.get("data", [])
    out = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, str):
            try:
                item = ast.literal_eval(item)
            except (ValueError, SyntaxError):
                continue
        if isinstance(item, dict):
            paper = item.get("paper", item)
            if isinstance(paper, dict) and paper.get("id") and paper.get("title"):
                out.append(paper)
    return out


def papers(folder: Path) -> dict[str, tuple[str, str, str]]:
    """arXiv id -> (day, title, abstract) over every ``*.json`` day file; the first day listing a paper wins."""
    found: dict[str, tuple[str, str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            rows = records(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        for paper in rows:
            title = " ".join(str(paper["title"]).split())
            abstract = " ".join(str(paper.get("summary") or "").split())
            found.setdefault(str(paper["id"]), (path.stem, title, abstract))
    return found


def main(argv: list[str]) -> int:
    import yaml

    if not argv:  # `make bench` runs every script here: this one is a labelling tool, not a benchmark
        print(__doc__.strip().splitlines()[-1])
        return 0
    found = papers(Path(argv[0]))
    for arxiv in argv[1:]:
        day, title, abstract = found[arxiv]
        print(yaml.safe_dump([{"arxiv": arxiv, "day": day, "title": title, "abstract": abstract}],
                             allow_unicode=True, sort_keys=False, width=100))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
