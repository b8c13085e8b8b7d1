#!/usr/bin/env python3
"""Which paper and topic pages a pull request adds, changes or removes, as a GitHub job summary.

Compares two generated Markdown trees (the base branch's ``build/docs`` and the PR's):

    python scripts/pr_summary.py BASE_DOCS HEAD_DOCS [--limit N] [--changed-files LIST] >> "$GITHUB_STEP_SUMMARY"

A missing BASE_DOCS counts as an empty site (every page is added). ``--changed-files`` names a file
listing the paths the pull request changes (``git diff --name-only``); changes to what runs as
code during a build (``generator/``, ``site_templates/``, ``mkdocs.yml`` hooks and plugins, the
workflows) are flagged at the top. Always exits 0 unless the arguments are wrong: the summary
informs a review, it does not gate it. Titles and paths are scraped or chosen by the PR's author,
so everything shown is escaped for GitHub's Markdown.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = ("paper", "topic", "other")
_HEADINGS = {"paper": "Paper pages", "topic": "Topic pages", "other": "Other pages"}
_STATUSES = ("added", "changed", "removed")
_FOLDERS = {"papers": "paper", "topics": "topic"}


@dataclass(frozen=True, order=True)
class PageChange:
    """One generated page that differs between the two trees."""

    kind: str  # paper | topic | other
    status: str  # added | changed | removed
    path: str
    title: str
    lines_added: int = 0
    lines_removed: int = 0


def page_kind(path: str) -> str:
    """``papers/<id>.md`` or ``papers/<id>/index.md`` is a paper page; the same under topics/; else other."""
    parts = path.split("/")
    if len(parts) >= 2 and parts[0] in _FOLDERS:
        name = parts[1].removesuffix(".md")
        single = len(parts) == 2 and parts[1].endswith(".md")
        nested = len(parts) == 3 and parts[2] == "index.md"
        if (single or nested) and name != "index":
            return _FOLDERS[parts[0]]
    return "other"


def page_title(text: str) -> str | None:
    """The page's front-matter ``title``, else its first ``# `` heading, else None."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            try:
                meta = yaml.safe_load(text[4:end])
            except yaml.YAMLError:
                meta = None
            if isinstance(meta, dict) and isinstance(meta.get("title"), str):
                return str(meta["title"])
    match = re.search(r"^# (.+)$", text, re.MULTILINE)
    return re.sub(r"\\(.)", r"\1", match.group(1)).strip() if match else None


def compare(base: Mapping[str, str], head: Mapping[str, str]) -> list[PageChange]:
    """Every page added, changed or removed between ``base`` and ``head`` (path -> Markdown), sorted."""
    changes: list[PageChange] = []
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old == new:
            continue
        if old is None:
            status, text = "added", new or ""
        elif new is None:
            status, text = "removed", old
        else:
            status, text = "changed", new
        title = page_title(text) or path
        added = removed = 0
        for line in difflib.unified_diff((old or "").splitlines(), (new or "").splitlines(), lineterm="", n=0):
            if line.startswith("+") and not line.startswith("+++"):
                added += 1
            elif line.startswith("-") and not line.startswith("---"):
                removed += 1
        changes.append(PageChange(page_kind(path), status, path, title, added, removed))
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), _STATUSES.index(c.status), c.path))


# paths whose change runs new code in CI or in every later build: a reviewer must read them
CODE_PATHS = ("generator/", "site_templates/", "scripts/", ".github/", ".ci/", "Makefile", "pyproject.toml",
              "requirements.lock", "mkdocs.yml", "benchmarks/", "tests/conftest.py")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]")


def _md(text: str) -> str:
    """Text safe inside a Markdown list item or table cell (titles are scraped, so untrusted)."""
    text = " ".join(_CONTROL.sub(" ", text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#!~])", r"\\\1", text)


def _code(text: str) -> str:
    """A path as a code span no backtick in it can close (and no line break can end)."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""  # CommonMark strips one space each side
    return f"{ticks}{pad}{text}{pad}{ticks}"


def code_changes(changed: list[str]) -> list[str]:
    """The changed paths that run as code during a build or in CI, sorted."""
    return sorted(p for p in changed if p.startswith(CODE_PATHS) or p in CODE_PATHS)


def summary_markdown(changes: list[PageChange], limit: int = 100, note: str | None = None,
                     code: list[str] | None = None) -> str:
    """The job summary: flagged code changes, a count table, then the pages of each kind and status."""
    out = ["## Generated site: pages this pull request touches", ""]
    if code:
        out += ["> [!WARNING]", f"> This pull request changes {len(code)} file(s) that run as code during a build "
                "(generator, templates and hooks, MkDocs plugins, workflows): review them as code, not content.", ""]
        out += [f"- {_code(path)}" for path in code[:limit]]
        if len(code) > limit:
            out.append(f"- … and {len(code) - limit} more")
        out.append("")
    if note:
        out += [f"> {_md(note)}", ""]
    if not changes:
        return "\n".join([*out, "No generated page is added, changed or removed.", ""])
    out += ["| Pages | Added | Changed | Removed |", "|---|--:|--:|--:|"]
    for kind in KINDS:
        counts = [sum(1 for c in changes if c.kind == kind and c.status == s) for s in _STATUSES]
        out.append(f"| {_HEADINGS[kind]} | " + " | ".join(str(n) for n in counts) + " |")
    for kind in KINDS:
        for status in _STATUSES:
            group = [c for c in changes if c.kind == kind and c.status == status]
            if not group:
                continue
            out += ["", f"### {_HEADINGS[kind]} {status} ({len(group)})", ""]
            for change in group[:limit]:
                delta = f" (+{change.lines_added} −{change.lines_removed} lines)" if status == "changed" else ""
                out.append(f"- {_md(change.title)} — {_code(change.path)}{delta}")
            if len(group) > limit:
                out.append(f"- … and {len(group) - limit} more")
    return "\n".join([*out, ""])


def read_tree(root: Path) -> dict[str, str]:
    """Every ``.md`` file under ``root`` (POSIX relative path -> text); empty if ``root`` is missing."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(root.rglob("*.md")) if p.is_file() and not p.is_symlink()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("base", type=Path, help="the base branch's generated Markdown (build/docs)")
    parser.add_argument("head", type=Path, help="this pull request's generated Markdown (build/docs)")
    parser.add_argument("--limit", type=int, default=100, help="pages listed per group (default 100)")
    parser.add_argument("--changed-files", type=Path, default=None,
                        help="a file listing the paths the PR changes, one a line (git diff --name-only)")
    args = parser.parse_args(argv)
    note = None if args.base.is_dir() else f"No base tree at {args.base}: every page counts as added."
    if not args.head.is_dir():
        note = f"No generated tree at {args.head}: did the build fail?"
    code = None
    if args.changed_files is not None and args.changed_files.is_file():
        code = code_changes(args.changed_files.read_text(encoding="utf-8", errors="replace").splitlines())
    changes = compare(read_tree(args.base), read_tree(args.head))
    sys.stdout.write(summary_markdown(changes, args.limit, note, code))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
