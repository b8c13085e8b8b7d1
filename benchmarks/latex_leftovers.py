"""Count titles and abstracts of the bundled captures that show LaTeX leftovers, before and after ``to_unicode``.

    .venv/bin/python benchmarks/latex_leftovers.py [--list]

A leftover is what ``generator.latex.leftovers`` finds: a command, ``$…$``, braces, ``^{``/``_{``, a glued
``2times`` or ``sim50``, a de-backslashed command name. ``--list`` prints every text still affected after.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.latex import leftovers, to_unicode  # noqa: E402
from generator.records import ReadContext  # noqa: E402
from generator.sources import hf_capture  # noqa: E402


def texts() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted((ROOT / "content" / "sources" / "hf").glob("*.txt")):
        result = hf_capture.read(path.read_text(encoding="utf-8"), ReadContext(path=path.name))
        for record in result.records:
            for name in ("title", "abstract"):
                claim = record.claims.get(name)
                if claim is not None:
                    out.append((path.name, claim.line, str(claim.value)))
    return out


def main() -> None:
    items = texts()
    kinds_before: Counter[str] = Counter()
    kinds_after: Counter[str] = Counter()
    before = after = changed = 0
    still = []
    for name, line, text in items:
        found, fixed = leftovers(text), to_unicode(text)
        remaining = leftovers(fixed)
        before += bool(found)
        after += bool(remaining)
        changed += fixed != text
        kinds_before.update(set(found))
        kinds_after.update(set(remaining))
        if remaining:
            still.append(f"{name}:{line}: {sorted(set(remaining))}")
    print(f"{len(items)} titles and abstracts in {ROOT / 'content/sources/hf'}")
    print(f"with leftovers: before {before}, after {after}; changed by to_unicode: {changed}")
    print("most common before:", ", ".join(f"{k!r} {n}" for k, n in kinds_before.most_common(12)))
    print("after:", ", ".join(f"{k!r} {n}" for k, n in kinds_after.most_common()) or "none")
    if "--list" in sys.argv:
        print("\n".join(still))


if __name__ == "__main__":
    main()
