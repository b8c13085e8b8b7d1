"""Time and peak memory of ``survey generate`` and ``survey build`` alone (no stock build) at N papers.

    python benchmarks/memory_scale.py [N]        (default 2000; 30000 took about 20 minutes here)

The synthetic content is ``scale.py``'s. The stock ``mkdocs build`` is left out to keep a 30k run short:
the question here is our own peak memory (issue 11: <= 2 GB at 30k). ``make bench`` runs it at the
default 2,000 papers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale

# `survey` in this process, then its own peak and its largest child's (the HTML workers, Pagefind's
# indexer) on the last line of stderr: the total is the largest of the two, as scale.measure reports.
_SURVEY = """
import resource, sys
from generator.cli import main
status = main(sys.argv[1:])
own, kids = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(f"peaks {own} {kids}", file=sys.stderr)
sys.exit(status)
"""


def measure(args: list[str], cwd: Path) -> tuple[float, float, float, float]:
    """(seconds, peak MiB of the process tree, of survey's own process, of its largest child)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _SURVEY, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"survey {' '.join(args)} failed:\n{err[-2000:]}")
    own, kids = (int(x) / 1024 for x in err.strip().splitlines()[-1].split()[1:])
    return seconds, usage.ru_maxrss / 1024, own, kids


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
    root = scale.ROOT
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scale.make_content(n, work / "content")
        common = ["--content", str(work / "content"), "--templates", str(root / "site_templates"),
                  "--config", str(root / "mkdocs.yml")]
        seconds, peak, own, kids = measure(["generate", *common, "--build", str(work / "gen")], root)
        print(f"{n:,} papers: survey generate {seconds:.0f} s ({1000 * seconds / n:.1f} ms a paper), "
              f"peak {peak:.0f} MiB (survey {own:.0f}, largest child {kids:.0f})", flush=True)
        seconds, peak, own, kids = measure(["build", "--quiet", *common, "--build", str(work / "build"),
                                            "--site-dir", str(work / "site")], root)
        print(f"{n:,} papers: survey build {seconds:.0f} s, peak {peak:.0f} MiB (survey {own:.0f}, "
              f"largest child {kids:.0f}: HTML workers or Pagefind's indexer)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
