"""Print how long notes take on the bundled corpus: one note per paper, sanitizing, fuzzy lookup, orphans.

    .venv/bin/python benchmarks/bench_notes.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import io, pipeline  # noqa: E402
from generator.content import ContentFiles  # noqa: E402
from generator.enrich import notes as note_stage  # noqa: E402
from generator.sanitize import markdown_to_safe_html  # noqa: E402
from generator.scaffold import find_paper, note_text  # noqa: E402


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func()
    print(f"{label}: {(time.perf_counter() - start) * 1000:.0f} ms")
    return result


def main() -> None:
    corpus, _ = pipeline.read_sources(io.read_content(ROOT / "content"))
    body = "Some **text**, a [link](https://example.org) and <b onclick=x>raw HTML</b>.\n\n<!--"
    files = {f"notes/{p.id}.md": note_text(p).replace("<!--", body, 1) for p in corpus.papers}
    out, diags = timed(f"enrich with {len(files)} notes", lambda: note_stage.enrich(corpus, ContentFiles(files)))
    print(f"  notes attached: {len(out.notes)}, diagnostics: {len(diags)}")
    timed(f"sanitize {len(out.notes)} note bodies", lambda: [markdown_to_safe_html(n.body) for n in out.notes])
    sample = corpus.papers[::9]
    answers = timed(f"find_paper x{len(sample)} (first 25 title characters)",
                    lambda: [find_paper(corpus, p.title[:25]) for p in sample])
    exact = sum(found is not None and found.id == p.id for p, (found, _s) in zip(sample, answers, strict=True))
    listed = sum(found is None and p in sugg for p, (found, sugg) in zip(sample, answers, strict=True))
    wrong = sum(found is not None and found.id != p.id for p, (found, _s) in zip(sample, answers, strict=True))
    print(f"  resolved to the right paper: {exact}, ambiguous with it suggested: {listed}, wrong paper: {wrong}"
          f" (of {len(sample)})")
    typos = {f"notes/{p.id[:-1]}x.md": f"---\npaper: {p.id[:-1]}x\n---\n" for p in sample}
    expected = {f"content/notes/{p.id[:-1]}x.md": p.id for p in sample}
    out, diags = timed(f"{len(typos)} orphan notes with did-you-mean", lambda: note_stage.enrich(corpus, ContentFiles(typos)))
    first = {d.path: re.search(r"did you mean '([^']+)'", d.message) for d in diags if d.code == "note-unknown-paper"}
    right = sum(1 for path, m in first.items() if m and m.group(1) == expected[path])
    print(f"  orphans kept: {len(out.orphan_notes)}, right paper suggested first: {right}/{len(typos)}")

if __name__ == "__main__":
    main()
