"""Time and peak memory of ``survey generate`` and ``survey build`` alone (no stock build) at N papers.

    python benchmarks/memory_scale.py [N]        (default 2000; 30000 took about 20 minutes here)

The synthetic content is ``scale.py``'s. The stock ``mkdocs build`` is left out to keep a 30k run short:
the question here is our own peak memory (issue 11: <= 2 GB at 30k). ``make bench`` runs it at the
default 2,000 papers.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
    survey = str(Path(sys.executable).parent / "survey")
    root = scale.ROOT
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scale.make_content(n, work / "content")
        common = ["--content", str(work / "content"), "--templates", str(root / "site_templates"),
                  "--config", str(root / "mkdocs.yml")]
        g = scale.measure([survey, "generate", *common, "--build", str(work / "gen")], root)
        print(f"{n:,} papers: survey generate {g.seconds:.0f} s ({1000 * g.seconds / n:.1f} ms a paper), "
              f"peak {g.peak_mib:.0f} MiB", flush=True)
        b = scale.measure([survey, "build", "--quiet", *common, "--build", str(work / "build"),
                           "--site-dir", str(work / "site")], root)
        print(f"{n:,} papers: survey build {b.seconds:.0f} s, peak {b.peak_mib:.0f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
