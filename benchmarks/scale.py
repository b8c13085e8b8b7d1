"""Build surveys of 1k, 10k and 30k synthetic papers, side by side with a stock MkDocs build of the same Markdown.

    python benchmarks/scale.py [N ...]          (default: 1000 10000)

For each N it writes a content folder (the bundled taxonomy, vocabularies, notes and intros, and
N papers made from the bundled abstracts as Hugging Face captures of at most 2,000 papers a file,
so the per-file size limit holds), then measures, each command in its own process:

- ``survey generate`` (read, merge, enrich, render, write) from a cold build folder;
- the HTML step alone on that folder (``sitebuild.build``: our MkDocs driver, cold cache);
- stock ``mkdocs build`` of the same generated Markdown: the generated ``mkdocs.yml`` with
  Material's own search plugin, no overrides, redirects or scripts of ours, the same paper-free
  navigation (what a site without this project's build would cost);
- ``survey build`` (generate, HTML, search index) from a cold build and site folder;
- after editing one note: ``survey build`` again, and the HTML step again on the regenerated
  folder (the incremental cases);
- peak memory (max RSS) of each.

Ratios are computed from the one run, so a noisy machine slows both sides alike. The table is what
``BENCHMARKS.md`` records.
"""

from __future__ import annotations

import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator import buildconfig, io  # noqa: E402
from generator.normalize import paper_id  # noqa: E402
from generator.pipeline import read_sources  # noqa: E402

PER_FILE = 2_000
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CURATED = ("taxonomy.yml", "survey.yml", "vocab", "topics", "notes")
NOTED = 5  # the synthetic paper that carries the curated note edited between two builds


def coined(i: int) -> str:
    """A method name no bundled paper uses: ``Zorvex12``, distinct for every i."""
    syllables = ("zor", "vex", "quil", "mab", "tren", "dox", "lum", "pra", "sek", "nol")
    word = "".join(syllables[(i // 10 ** k) % 10] for k in range(3)).capitalize()
    return f"{word}{i}"


def make_content(n: int, dest: Path) -> None:
    """The bundled curated files plus ``n`` synthetic papers as captures under sources/hf/."""
    dest.mkdir(parents=True)
    for name in CURATED:
        src = ROOT / "content" / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    base, _ = read_sources(io.read_content(ROOT / "content"))
    papers = [p for p in base.papers if p.abstract]
    rng = random.Random(7)  # fixed: the same N gives the same content on every machine
    (dest / "sources" / "hf").mkdir(parents=True)
    for start in range(0, n, PER_FILE):
        lines = ["Daily Papers", ""]
        for i in range(start, min(n, start + PER_FILE)):
            src = papers[i % len(papers)]
            name = coined(i)
            title = f"{name}: {src.title.split(': ', 1)[-1]}"
            abstract = f"We propose {name}, a method. {src.abstract}"
            if i % 3 == 0 and i >= 7:
                abstract += f" {name} is 2x faster than {coined(i - 7)}."
            year = 2019 + rng.randrange(8)
            lines += [title, "", abstract, "", f"  • {rng.randrange(1, 12)} authors", "·",
                      f"{MONTHS[rng.randrange(12)]} {rng.randrange(1, 28)}, {year} {rng.randrange(0, 90)}", ""]
        (dest / "sources" / "hf" / f"synth-{start // PER_FILE:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    # one curated note on a synthetic paper (the bundled notes name bundled papers, orphans here):
    # the note the incremental measurement edits
    title = f"{coined(NOTED)}: {papers[NOTED % len(papers)].title.split(': ', 1)[-1]}"
    (dest / "notes" / f"{paper_id(title)}.md").write_text(
        f"---\npaper: {paper_id(title)}\nsummary: A synthetic paper with a curated note.\n---\n\n"
        "A curator's paragraph about this paper.\n", encoding="utf-8")


@dataclass
class Run:
    seconds: float
    peak_mib: float


def measure(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run one command in its own process: wall time and that process tree's peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def stock_config(work: Path, build: Path) -> Path:
    """The generated ``<build>/mkdocs.yml`` as a site without this project's build would have it: Material
    with its own search plugin, no overrides (custom_dir), no redirects and none of our scripts, the
    same Markdown extensions and the same paper-free nav."""
    config, problems = buildconfig.parse((build / buildconfig.FILE).read_text(encoding="utf-8"), str(build))
    if config is None:
        raise SystemExit(f"cannot read {build / buildconfig.FILE}: {problems}")
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config["plugins"] = ["search"]
    config["docs_dir"] = str((build / buildconfig.DOCS).resolve())
    config.pop("extra_javascript", None)
    out = work / "stock.yml"
    out.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


# The HTML step alone (what `survey build` runs after generate, before the search index), on a
# generated build folder: our MkDocs driver, with its page cache in <build>/.cache.
HTML_STEP = """
import sys
from pathlib import Path
from generator import sitebuild
sys.exit(0 if sitebuild.build("mkdocs", Path(sys.argv[1]), Path(sys.argv[2]), 0, quiet=True) else 1)
"""


def one_size(n: int, survey: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        content = work / "content"
        make_content(n, content)
        common = ["--content", str(content), "--templates", str(ROOT / "site_templates"),
                  "--config", str(ROOT / "mkdocs.yml")]
        quiet_env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
        gen = work / "gen"
        generate = measure([survey, "generate", *common, "--build", str(gen)], ROOT)
        html = measure([sys.executable, "-c", HTML_STEP, str(gen), str(work / "html-site")], ROOT)
        stock = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stock_config(work, gen)),
                         "-d", str(work / "stock-site")], ROOT, env=quiet_env)
        build = measure([survey, "build", "--quiet", *common, "--build", str(work / "build"),
                         "--site-dir", str(work / "site")], ROOT)
        note = next(p for p in (content / "notes").glob("*.md") if coined(NOTED).lower() in p.name)
        note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence from a curator.\n", encoding="utf-8")
        again = measure([survey, "build", "--quiet", *common, "--build", str(work / "build"),
                         "--site-dir", str(work / "site")], ROOT)
        measure([survey, "generate", *common, "--build", str(gen)], ROOT)
        html_again = measure([sys.executable, "-c", HTML_STEP, str(gen), str(work / "html-site")], ROOT)
        pages = sum(1 for _ in (gen / "docs").rglob("*.md"))
    return {
        "papers": n, "pages": pages,
        "generate_s": generate.seconds, "ms_per_paper": 1000 * generate.seconds / n,
        "html_s": html.seconds, "stock_s": stock.seconds, "html_vs_stock": html.seconds / stock.seconds,
        "html_again_s": html_again.seconds, "html_again_vs_html": html_again.seconds / html.seconds,
        "build_s": build.seconds, "build_vs_stock": build.seconds / stock.seconds,
        "one_note_s": again.seconds, "one_note_vs_build": again.seconds / build.seconds,
        "peak_mib": max(generate.peak_mib, html.peak_mib, build.peak_mib, again.peak_mib),
        "stock_peak_mib": stock.peak_mib,
    }


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000]
    survey = str(Path(sys.executable).parent / "survey")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print("| papers | pages | generate | per paper | HTML step (ours) | stock mkdocs build | HTML / stock | "
          "HTML after one note | / HTML | survey build | / stock | survey build after one note | / full | "
          "peak memory (ours / stock) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        r = one_size(n, survey)
        print(f"| {r['papers']:,} | {r['pages']:,} | {r['generate_s']:.1f} s | {r['ms_per_paper']:.2f} ms | "
              f"{r['html_s']:.1f} s | {r['stock_s']:.1f} s | {r['html_vs_stock']:.2f} | {r['html_again_s']:.1f} s | "
              f"{r['html_again_vs_html']:.2f} | {r['build_s']:.1f} s | {r['build_vs_stock']:.2f} | "
              f"{r['one_note_s']:.1f} s | {r['one_note_vs_build']:.2f} | "
              f"{r['peak_mib']:.0f} / {r['stock_peak_mib']:.0f} MiB |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
