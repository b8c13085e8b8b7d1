"""Compare two builds of the same survey: every page and internal link of the first must exist in the second.

    python scripts/compare_engines.py site-mkdocs site-zensical [--examples N] [--report FILE]

A page is an ``.html`` file. A link is an ``<a href>`` that stays inside the site; its target is
the file it resolves to (a folder means its ``index.html``) and, when it has one, the element id
after ``#``. The run fails (exit 1) when a page of the first build is missing from the second, a
link target of the first build is missing from the second, or either build has a link whose
target it does not have itself. Everything else that differs (pages only the second build has,
links a page gained or lost) is listed too, never hidden, but does not fail the run.
Stylesheets and scripts are compared by existence only (each theme names its own bundles).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

EXAMPLES = 10  # per kind of difference in the printed summary; --report has them all


@dataclass
class Page:
    """What one HTML file holds: its element ids, hyperlink targets and asset references."""

    ids: set[str] = field(default_factory=set)
    links: set[tuple[str, str]] = field(default_factory=set)  # (target file, fragment or "")
    assets: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.found = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.found.ids.add(values[name] or "")
        if tag == "a" and values.get("href") is not None:
            target = resolve(self.page, values["href"] or "")
            if target is not None:
                self.found.links.add(target)
        elif (tag == "link" and values.get("href")) or (tag in ("script", "img") and values.get("src")):
            target = resolve(self.page, values.get("href") or values.get("src") or "")
            if target is not None:
                self.found.assets.add(target[0])


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """``href`` on ``page`` as (site-relative file, fragment); None when it leaves the site."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or href.strip().startswith("//"):
        return None
    base = PurePosixPath(page).parent
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    joined = PurePosixPath(path.lstrip("/")) if path.startswith("/") else base / path
    stack: list[str] = []
    for part in joined.parts:
        if part == "..":
            if not stack:
                return (f"(above the site root) {path}", parts.fragment)  # never exists
            stack.pop()
        elif part not in (".", ""):
            stack.append(part)
    target = "/".join(stack)
    if path.endswith("/") or not stack:
        target = f"{target}/index.html" if target else "index.html"
    return target, parts.fragment


def read_site(root: Path) -> tuple[dict[str, Page], set[str]]:
    """Every page of a built site, parsed, and the set of every file in it (site-relative paths)."""
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    pages: dict[str, Page] = {}
    for rel in sorted(f for f in files if f.endswith(".html")):
        collector = _Collector(rel)
        collector.feed((root / rel).read_text(encoding="utf-8", errors="replace"))
        collector.close()
        pages[rel] = collector.found
    return pages, files


def _exists(target: tuple[str, str], pages: dict[str, Page], files: set[str]) -> bool:
    path, fragment = target
    if path not in files and f"{path}/index.html" not in files:
        return False
    if not fragment:
        return True
    page = pages.get(path) or pages.get(f"{path}/index.html")
    return page is not None and fragment in page.ids


def _show(target: tuple[str, str]) -> str:
    return target[0] + (f"#{target[1]}" if target[1] else "")


@dataclass
class Comparison:
    """The differences between two builds, each kind a sorted list of lines."""

    first: str
    second: str
    pages: tuple[int, int]
    links: tuple[int, int]
    missing_pages: list[str] = field(default_factory=list)
    missing_targets: list[str] = field(default_factory=list)
    broken: dict[str, list[str]] = field(default_factory=dict)
    extra_pages: list[str] = field(default_factory=list)
    lost_links: list[str] = field(default_factory=list)
    gained_links: list[str] = field(default_factory=list)
    broken_assets: dict[str, list[str]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.missing_pages or self.missing_targets or any(self.broken.values()))

    def sections(self) -> Iterable[tuple[str, list[str], bool]]:
        """(title, lines, whether it fails the comparison) for every kind of difference."""
        yield f"pages of {self.first} missing from {self.second}", self.missing_pages, True
        yield f"link targets of {self.first} missing from {self.second}", self.missing_targets, True
        for name, lines in self.broken.items():
            yield f"broken internal links in {name}", lines, True
        yield f"pages only {self.second} has", self.extra_pages, False
        yield f"links pages of {self.first} have and the same pages of {self.second} lack", self.lost_links, False
        yield f"links pages of {self.second} have and the same pages of {self.first} lack", self.gained_links, False
        for name, lines in self.broken_assets.items():
            yield f"stylesheets, scripts and images {name} references but does not have", lines, False


def compare(first: Path, second: Path, names: tuple[str, str] = ("first", "second")) -> Comparison:
    """Every page and internal link target of ``first`` checked against ``second``; both checked for broken links."""
    pages_a, files_a = read_site(first)
    pages_b, files_b = read_site(second)
    result = Comparison(names[0], names[1], (len(pages_a), len(pages_b)),
                        (sum(len(p.links) for p in pages_a.values()), sum(len(p.links) for p in pages_b.values())))
    result.missing_pages = sorted(set(pages_a) - set(pages_b))
    result.extra_pages = sorted(set(pages_b) - set(pages_a))
    targets_a = {t for p in pages_a.values() for t in p.links if _exists(t, pages_a, files_a)}
    result.missing_targets = sorted(_show(t) for t in targets_a if not _exists(t, pages_b, files_b))
    for name, pages, files in ((names[0], pages_a, files_a), (names[1], pages_b, files_b)):
        result.broken[name] = sorted(f"{rel}: {_show(t)}" for rel, page in pages.items() for t in page.links
                                     if not _exists(t, pages, files))
        result.broken_assets[name] = sorted({a for page in pages.values() for a in page.assets if a not in files})
    lost: dict[str, list[str]] = {}
    gained: dict[str, list[str]] = {}
    for rel in sorted(set(pages_a) & set(pages_b)):
        a, b = pages_a[rel].links, pages_b[rel].links
        for groups, targets in ((lost, a - b), (gained, b - a)):
            for target in targets:
                groups.setdefault(_relative(rel, target), []).append(rel)
    result.lost_links, result.gained_links = _grouped(lost), _grouped(gained)
    return result


def _relative(page: str, target: tuple[str, str]) -> str:
    """A link as a page sees it: ``(this page)#top`` for a link to itself, else the target."""
    return ("(this page)" + (f"#{target[1]}" if target[1] else "")) if target[0] == page else _show(target)


def _grouped(groups: dict[str, list[str]]) -> list[str]:
    """One line per differing link, the most widespread first: how many pages, and one of them."""
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [f"{link} on {len(pages)} page(s), e.g. {min(pages)}" for link, pages in ordered]


def summary(result: Comparison, examples: int | None = EXAMPLES) -> str:
    """The comparison as text: counts first, then each difference (``examples`` lines of each kind)."""
    lines = [f"{result.first}: {result.pages[0]} pages, {result.links[0]} internal links; "
             f"{result.second}: {result.pages[1]} pages, {result.links[1]} internal links"]
    for title, found, fails in result.sections():
        mark = "FAIL" if fails and found else "ok" if fails else "note"
        lines.append(f"[{mark}] {title}: {len(found)}")
        shown = found if examples is None else found[:examples]
        lines += [f"    {line}" for line in shown]
        if len(shown) < len(found):
            lines.append(f"    ... and {len(found) - len(shown)} more")
    lines.append("FAILED: see [FAIL] above" if result.failed else "no missing page, no broken internal link")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="the reference build (MkDocs)")
    parser.add_argument("second", type=Path, help="the build to check against it (Zensical)")
    parser.add_argument("--names", nargs=2, default=("mkdocs", "zensical"), metavar=("FIRST", "SECOND"))
    parser.add_argument("--examples", type=int, default=EXAMPLES, help=f"lines shown per kind (default {EXAMPLES}; 0: all)")
    parser.add_argument("--report", type=Path, default=None, help="also write every difference to this file")
    args = parser.parse_args(argv)
    for site in (args.first, args.second):
        if not (site / "index.html").is_file():
            print(f"compare_engines: {site} is not a built site (no index.html)", file=sys.stderr)
            return 2
    result = compare(args.first, args.second, tuple(args.names))
    print(summary(result, examples=args.examples or None))
    if args.report is not None:
        args.report.write_text(summary(result, examples=None) + "\n", encoding="utf-8")
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
