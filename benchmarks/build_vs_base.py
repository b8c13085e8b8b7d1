"""`survey build` of the bundled survey, this checkout against an older commit, side by side in one run.

    python benchmarks/build_vs_base.py [--base 30cc293] [--runs 5]

The base commit is checked out into a temporary git worktree and run with this checkout's
virtual environment (``python -m generator`` from each tree). Runs alternate base/current so a
noisy, shared machine slows both alike; the medians and their ratio are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_build(tree: Path, work: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--build", str(work / "build"),
                    "--site-dir", str(work / "site")], cwd=tree, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="30cc293", help="commit to compare with (default: before the sources issue)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=ROOT, check=True)
        try:
            times: dict[str, list[float]] = {"base": [], "current": []}
            for i in range(args.runs + 1):
                for name, tree in (("base", base), ("current", ROOT)):
                    seconds = timed_build(tree, Path(tmp) / name)
                    if i:  # the first round warms caches and byte-compiles; it is not counted
                        times[name].append(seconds)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:8} median {medians[name]:6.2f} s  runs {' '.join(f'{v:.2f}' for v in values)}")
    print(f"current / base = {medians['current'] / medians['base']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
