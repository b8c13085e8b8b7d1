"""``survey``: thin command line over the pipeline. Bad input is one line per problem, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import io, pipeline
from .diagnostics import Diagnostics, printable
from .export import corpus_record
from .model import Corpus
from .progress import Progress
from .progress import for_terminal as progress_for_terminal


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def _options(args: argparse.Namespace) -> pipeline.Options:
    return pipeline.Options(
        content=Path(args.content),
        build=Path(args.build),
        templates=Path(args.templates),
        strict=getattr(args, "strict", False),
        config=Path(getattr(args, "config", "mkdocs.yml")),
    )


def _report(diags: Diagnostics, strict: bool, quiet_info: bool = True) -> bool:
    """Print diagnostics to stderr; True if the run must fail."""
    for d in diags.sorted():
        if quiet_info and d.severity == "info":
            continue
        print(d, file=sys.stderr)
    errors, warnings = len(diags.errors), len(diags.warnings)
    if errors or warnings:
        print(f"{errors} error(s), {warnings} warning(s)" + (" (strict: warnings count as errors)" if strict and warnings else ""),
              file=sys.stderr)
    return diags.failed(strict)


def _progress(args: argparse.Namespace) -> Progress:
    """A live status line on a terminal; nothing in CI, pipes or with --quiet."""
    return progress_for_terminal(quiet=getattr(args, "quiet", False))


def _generate(args: argparse.Namespace, keep_going: bool = False,
              loaded: Callable[[Corpus], None] | None = None) -> tuple[pipeline.Generated, bool]:
    """Generate and write build/; True as the second value if the run must end non-zero.

    Without ``keep_going`` nothing is written when there are errors (CI stays strict). With it,
    what is good is written: every error already left out only what it is about (a record, a
    key, a rule, a file), and those files are listed.
    """
    opts = _options(args)
    progress = _progress(args)
    with no_cycle_collection():
        generated = pipeline.generate(opts, progress=progress, loaded=loaded)
    failed = _report(generated.diagnostics, opts.strict)
    if failed and not keep_going:
        raise UserError("nothing written because of the problems above (--keep-going writes what is good)")
    with progress.stage(f"writing {opts.build}/"), no_cycle_collection():
        changed = pipeline.write(opts, generated)
    pages = sum(1 for f in generated.files if f.endswith(".md"))
    print(f"generated {pages} pages for {len(generated.corpus.papers)} papers into {opts.build}/docs ({changed} files changed)")
    if failed:
        bad = generated.diagnostics.errors + (generated.diagnostics.warnings if opts.strict else [])
        files = sorted({d.path for d in bad})
        print(f"kept going: left out what the {len(bad)} problem(s) above are about, in {len(files)} file(s):",
              file=sys.stderr)
        for path in files:
            print(f"  skipped in {printable(path)}", file=sys.stderr)
    return generated, failed


def cmd_generate(args: argparse.Namespace) -> int:
    _generated, failed = _generate(args, keep_going=args.keep_going)
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    from . import beside, sitebuild
    from .search import records as search_records

    build = Path(args.build)
    # The search index is made from the corpus, not from the HTML: its records are taken as soon as
    # the corpus is enriched, so the corpus can go before the engine runs (at 30k papers the corpus
    # and the pages were half of the peak memory). The Pagefind process indexes them while the
    # pages are rendered and the engine works (its parts, one at a time, add at most 0.6 GB to
    # generation's peak); a very large survey's index (``beside.wanted``) waits until the pages are
    # written, so its indexer does not add to generation's peak memory (30,000 papers: 2 GB alone).
    search: dict[str, Any] = {}

    def loaded(corpus: Corpus) -> None:
        search["records"] = records = search_records(corpus)
        if beside.wanted(len(corpus.papers)):
            search["indexing"] = sitebuild.start_search(records, build)

    generated, failed = _generate(args, keep_going=args.keep_going, loaded=loaded)
    corpus = generated.corpus
    del generated  # every rendered page: written, not needed again
    epoch = pipeline.source_date_epoch(corpus)
    site = Path(args.site_dir) if args.site_dir else sitebuild.default_site(Path(args.config))
    fill = sitebuild.Fill.load(build)
    progress = _progress(args)
    indexing = search.get("indexing") or sitebuild.start_search(search["records"], build)
    search.clear()
    del corpus
    _release_memory()
    with progress.stage(f"building HTML with {args.engine}"):
        clean = sitebuild.build(args.engine, build, site, epoch, quiet=args.quiet, strict=not args.keep_going,
                                forbidden=(Path(args.content),), fill=fill)
    if clean is None or not clean:
        if clean is None or not args.keep_going:
            raise UserError(f"{args.engine} build failed (see the messages above)")
        print(f"survey: error: {args.engine} reported problems (see above); the site was built anyway", file=sys.stderr)
        failed = True
    # Curated fragments and the search index: after the engine, the same for every engine.
    with progress.stage("search index"):
        problems = sitebuild.finish(site, build, indexing, fill)
    for problem in problems:
        print(f"ERROR   -  {printable(problem)}", file=sys.stderr)
    if problems and not args.keep_going:
        raise UserError(f"{len(problems)} problem(s) after the {args.engine} build (see above)")
    failed = failed or bool(problems)
    print(f"built the site into {printable(str(site))}/ with {args.engine}" + (" (with problems: exit status 1)" if failed else ""))
    return 1 if failed else 0


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's full cycle collections held back while the corpus is read, enriched, rendered and written.

    Generation makes millions of long-lived objects (papers, results, pages) and few cycles, yet each
    full collection walked all of them again: at 10,000 papers that was 2.5 s of a 13 s rebuild after
    one note, and 5 s of a 64 s cold generation. Young cycles (a template's context) are still
    collected by the younger generations, so memory does not grow with the pause.
    """
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], 1_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _release_memory() -> None:
    """Collect what was let go and hand freed memory back to the system (glibc keeps it otherwise).

    The engine's worker processes are forked from this one: what this process holds is what each
    of them starts with, and its peak is the build's.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: freed memory is reused, not returned
        ctypes.CDLL(None).malloc_trim(0)


def cmd_serve(args: argparse.Namespace) -> int:
    from . import sitebuild

    first = _generate(args, keep_going=True)[0].corpus

    def regenerate() -> Corpus:
        # like `survey build --keep-going`: every error left out only what it is about
        return _generate(args, keep_going=True)[0].corpus

    sitebuild.serve(Path(args.build), args.dev_addr, [Path(args.content), Path(args.templates), Path(args.config)],
                    regenerate, first, pipeline.source_date_epoch(first))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    opts = _options(args)
    generated = pipeline.generate(opts)
    failed = _report(generated.diagnostics, opts.strict, quiet_info=not args.verbose)
    corpus = generated.corpus
    print(f"checked {len(corpus.papers)} papers from {len(corpus.collections)} sources, "
          f"{len(corpus.topics)} topics, {len(corpus.notes)} notes: "
          f"{len(generated.diagnostics.errors)} error(s), {len(generated.diagnostics.warnings)} warning(s)")
    for line in pipeline.check_summary(corpus):
        print(line)
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format != "json":
        raise UserError(f"unknown export format {args.format!r} (supported: json)")
    if args.source:
        corpus, diags = pipeline.load_files([Path(p) for p in args.source], Path(args.content))
        data = corpus_record(corpus, content_root="")
    else:
        content = io.read_content(Path(args.content))
        corpus, diags = pipeline.load(content)
        data = corpus_record(corpus, content_root=content.root)
    failed = _report(diags, args.strict)
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if args.output and args.output != "-":
        out = Path(args.output)
        io.write_file(out, text, forbidden=(Path(args.content), Path(args.build)))
        print(f"exported {len(corpus.papers)} papers to {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if failed else 0


def cmd_suggest_topics(args: argparse.Namespace) -> int:
    from .suggest import suggest_topics

    content = io.read_content(Path(args.content))
    corpus, diags = pipeline.load(content)
    failed = _report(diags, args.strict)
    sys.stdout.write(suggest_topics(corpus, n_clusters=args.clusters))
    return 1 if failed else 0


def cmd_new_note(args: argparse.Namespace) -> int:
    from .scaffold import find_paper, note_text

    content_root = Path(args.content)
    corpus, _diags = pipeline.load(io.read_content(content_root))
    paper, suggestions = find_paper(corpus, args.query)
    if paper is None:
        lines = [f"no single paper matches {args.query!r}"]
        if suggestions:
            lines.append("did you mean one of these? (pass the id)")
            lines += [f"  {p.id}  {printable(p.title)}" for p in suggestions]
        raise UserError("\n".join(lines))
    path = content_root / "notes" / f"{paper.id}.md"
    if not io.create_new(content_root, f"notes/{paper.id}.md", note_text(paper)):
        raise UserError(f"{path} already exists; edit it instead (the generator never overwrites a note)")
    print(f"created {path} for {paper.title!r}")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from .fetch import FetchError, arxiv, hf

    content = Path(args.content)
    try:
        if args.source == "hf":
            result = hf.fetch_day(args.date, content, hf.client())
        elif args.missing:
            titles = arxiv.missing_titles(content)
            print(f"looking up {len(titles)} titles without an arXiv id, {arxiv.TITLE_BATCH} per request, "
                  "one request every 3 s", flush=True)
            result = arxiv.fetch_missing(titles, content, arxiv.client())
        elif args.ids:
            result = arxiv.fetch_ids(args.ids, content, arxiv.client())
        else:
            result = arxiv.fetch_query(args.query, content, arxiv.client(), args.max)
    except FetchError as exc:
        raise UserError(str(exc)) from exc
    print("\n".join(result.notes))
    if result.written:
        print("review and commit:", *result.written)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="survey", description="Build a literature-survey site from paper sources.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected failures")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", default="content", help="curated content folder (default: content)")
        p.add_argument("--build", default="build", help="build folder for generated files (default: build)")
        p.add_argument("--templates", default="site_templates", help="templates folder (default: site_templates)")
        p.add_argument("--config", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")

    def keep_going(p: argparse.ArgumentParser) -> None:
        p.add_argument("--keep-going", action="store_true",
                       help="write what is good despite errors, list what was left out, exit 1 (previews)")

    p = sub.add_parser("generate", help="write the site's Markdown into build/docs (no HTML)")
    common(p)
    keep_going(p)
    p.set_defaults(func=cmd_generate)
    p = sub.add_parser("build", help="generate, then build the site with a strict MkDocs (or Zensical) build")
    common(p)
    keep_going(p)
    p.add_argument("--site-dir", default=None, help="output folder for HTML (default: site_dir of mkdocs.yml)")
    p.add_argument("--quiet", action="store_true", help="only show MkDocs warnings and errors")
    p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                   help="the HTML engine: mkdocs (MkDocs + Material, the default) or zensical")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("serve", help="live preview that regenerates when content/ or templates change")
    common(p)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("check", help="validate all content; non-zero exit on errors")
    common(p)
    p.add_argument("-v", "--verbose", action="store_true", help="also print info diagnostics")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("export", help="the corpus as the site sees it, as JSON")
    common(p)
    p.add_argument("--format", default="json", help="output format (json)")
    p.add_argument("-o", "--output", default=None, help="file to write (default: standard output)")
    p.add_argument("--source", nargs="+", default=None, metavar="FILE", help="export only what these source files yield")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("suggest-topics", help="cluster the papers and print candidate topics and poorly explained papers")
    common(p)
    p.add_argument("--clusters", type=int, default=None, help="number of clusters (default: chosen from corpus size)")
    p.set_defaults(func=cmd_suggest_topics)
    p = sub.add_parser("new-note", help="scaffold content/notes/<paper-id>.md for a paper (never overwrites)")
    common(p)
    p.add_argument("query", help="the paper's id or (part of) its title")
    p.set_defaults(func=cmd_new_note)
    p = sub.add_parser("fetch", help="download metadata into new files under content/sources/ to review (never in a build)")
    fetch = p.add_subparsers(dest="source", required=True, metavar="SOURCE")
    f = fetch.add_parser("arxiv", help="arXiv API responses into content/sources/arxiv/ (one request per 3 s)")
    what = f.add_mutually_exclusive_group(required=True)
    what.add_argument("--ids", nargs="+", metavar="ID", help="arXiv ids (2307.08691, hep-th/9901001)")
    what.add_argument("--query", help="an arXiv search query, e.g. 'ti:\"flash attention\"'")
    what.add_argument("--missing", action="store_true", help="look up the corpus's papers without an arXiv id by exact title")
    f.add_argument("--max", type=int, default=100, help="most results for --query (default: 100)")
    f.add_argument("--content", default="content", help="curated content folder (default: content)")
    f.set_defaults(func=cmd_fetch)
    f = fetch.add_parser("hf", help="one day of Hugging Face daily papers into content/sources/hf-daily/")
    f.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    f.add_argument("--content", default="content", help="curated content folder (default: content)")
    f.set_defaults(func=cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (UserError, io.UnsafePathError) as exc:
        print(f"survey: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"survey: internal error: {type(exc).__name__}: {printable(str(exc))} (run with --debug for the traceback)",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
