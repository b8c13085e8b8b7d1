"""Run the bad-input corpus (tests/badinput/): lay each case out, run the commands in process, check the invariants.

A case is ``tests/badinput/<name>.yml`` (what it is and what must happen) plus, optionally, a folder
``tests/badinput/<name>/`` whose files are laid over the base content. Keys of the YAML:

    about:   what the case tries (one line)
    base:    base (default: tests/badinput/base/, two real papers, a taxonomy, a note) | none
    files:   {path under content/: text}            small files written inline
    make:    [ ... ]                                things git cannot hold or should not store:
             {file: NAME, text: T} | {file: NAME, hex: "fffe..."} | {file: NAME, repeat: S, times: N,
             prefix: P, suffix: X} | {symlink: NAME, to: TARGET} | {fifo: NAME} | {remove: NAME} | {dir: NAME}
    expect:  error | warning | fine                 what `survey check` must conclude
    codes:   [diagnostic codes that must be among the diagnostics]
    payload: true                                   its pages go into an HTML site that is audited and visited in chromium

Payload cases that only add files of their own share one site (one MkDocs build instead of one
each); a case that replaces or removes a base file, or collides with another, gets a site of its own.

``python tests/badinput_harness.py`` runs every case and prints the figures SECURITY.md quotes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io as stdio
import os
import re
import resource
import shutil
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "badinput"
BASE = CASES / "base"
sys.path.insert(0, str(ROOT))

from generator import cli, pipeline  # noqa: E402

OUTCOMES = ("error", "warning", "fine")
BUILD_FOLDERS = ("build/", "site/")


@dataclass(frozen=True)
class Case:
    """One bad input and what must come of it."""

    name: str
    about: str
    expect: str
    codes: tuple[str, ...] = ()
    base: str = "base"
    files: dict[str, str] = field(default_factory=dict)
    make: tuple[dict[str, Any], ...] = ()
    payload: bool = False

    @property
    def overlay(self) -> Path | None:
        folder = CASES / self.name
        return folder if folder.is_dir() else None


def load_cases() -> list[Case]:
    """Every case, by name; a malformed case file fails loudly (it is test code)."""
    cases = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(data) - {"about", "expect", "codes", "base", "files", "make", "payload"}
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        assert data.get("expect") in OUTCOMES, f"{path.name}: expect must be one of {OUTCOMES}"
        cases.append(Case(path.stem, data["about"], data["expect"], tuple(data.get("codes") or ()),
                          data.get("base", "base"), dict(data.get("files") or {}), tuple(data.get("make") or ()),
                          bool(data.get("payload"))))
    return cases


def lay_out(case: Case, root: Path) -> Path:
    """``root/content`` holding the case, and ``root/outside`` for symlinks to point at; returns content."""
    (root / "outside").mkdir(parents=True)
    (root / "outside" / "secret.md").write_text("---\npaper: outside\n---\nnot content\n", encoding="utf-8")
    content = root / "content"
    if case.base == "base":
        shutil.copytree(BASE, content)
    else:
        content.mkdir()
    add_case(case, content)
    return content


def writes(case: Case) -> set[str] | None:
    """The content paths ``case`` creates, or None if it changes or removes a base file."""
    paths = set(case.files)
    for step in case.make:
        if "remove" in step:
            return None
        paths.add(next(str(step[k]) for k in ("file", "symlink", "fifo", "dir") if k in step))
    if case.overlay:
        paths |= {p.relative_to(case.overlay).as_posix() for p in case.overlay.rglob("*") if p.is_file()}
    base = {p.relative_to(BASE).as_posix() for p in BASE.rglob("*")}
    return None if case.base != "base" or paths & base else paths


def add_case(case: Case, content: Path) -> None:
    """Write what ``case`` adds or changes into ``content``."""
    if case.overlay:
        shutil.copytree(case.overlay, content, dirs_exist_ok=True)
    for rel, text in case.files.items():
        _write(content / rel, text.encode("utf-8"))
    for step in case.make:
        if "remove" in step:
            target = content / step["remove"]
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        elif "symlink" in step:
            (content / step["symlink"]).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(step["to"], content / step["symlink"])
        elif "fifo" in step:
            (content / step["fifo"]).parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(content / step["fifo"])
        elif "dir" in step:
            (content / step["dir"]).mkdir(parents=True, exist_ok=True)
        elif "hex" in step:
            _write(content / step["file"], bytes.fromhex(step["hex"]))
        elif "repeat" in step:
            body = step.get("prefix", "") + step["repeat"] * int(step["times"]) + step.get("suffix", "")
            _write(content / step["file"], body.encode("utf-8", "surrogatepass"))
        else:
            _write(content / step["file"], step["text"].encode(step.get("encoding", "utf-8"), "surrogatepass"))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def snapshot(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry under ``root`` without following links: path -> (kind, digest or target)."""
    out: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir", "")
            elif path.is_file():
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                out[rel] = ("special", str(info.st_mode))
    return out


def run_generate(content: Path, build: Path) -> tuple[pipeline.Generated | None, int, str]:
    """``survey generate --keep-going`` in this process, keeping what it generated for the checks."""
    args = cli.build_parser().parse_args(["generate", "--keep-going", "--content", str(content), "--build", str(build)])
    buffer = stdio.StringIO()
    generated = None
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        try:
            generated, failed = cli._generate(args, keep_going=True)
            status = 1 if failed else 0
        except Exception:  # what main() would print as an internal error: the check reports it
            import traceback

            traceback.print_exc()
            status = 2
    return generated, status, buffer.getvalue()


def run_cli(args: list[str]) -> tuple[int, str]:
    """``survey ARGS`` in this process: exit status and everything it printed."""
    buffer = stdio.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        try:
            status = cli.main(args)
        except SystemExit as exc:  # argparse
            status = int(exc.code or 0)
    return status, buffer.getvalue()


@dataclass
class Outcome:
    """What running one case showed."""

    case: Case
    outcome: str
    codes: set[str]
    seconds: float
    problems: list[str]  # broken invariants and unmet expectations


def run_case(case: Case, root: Path) -> Outcome:
    """Lay the case out, run generate --keep-going and export in process, and judge it all."""
    content = lay_out(case, root)
    build, site = root / "build", root / "site"
    common = ["--content", str(content), "--build", str(build)]
    before = snapshot(root)
    problems: list[str] = []
    start = time.perf_counter()
    generated, status, printed = run_generate(content, build)
    export_status, export_printed = run_cli(["export", *common, "-o", str(site / "export.json")])
    seconds = time.perf_counter() - start
    after = snapshot(root)
    if generated is None:
        return Outcome(case, "crash", set(), seconds, [f"generate raised: {printed[-600:]}"])

    diags = generated.diagnostics
    outcome = "error" if diags.errors else "warning" if diags.warnings else "fine"
    codes = {d.code for d in diags.items}
    if outcome != case.expect:
        problems.append(f"expected {case.expect}, got {outcome}: " + "; ".join(map(str, diags.sorted()[:5])))
    missing = set(case.codes) - codes
    if missing:
        problems.append(f"missing diagnostic codes {sorted(missing)}; got {sorted(codes)}")
    for text, what in ((printed, "build/generate"), (export_printed, "export")):
        if "Traceback" in text or "internal error" in text or "internal-error" in text:
            problems.append(f"{what} printed an internal error or traceback: {text[-400:]}")
    wanted = 1 if outcome == "error" else 0
    if status != wanted:
        problems.append(f"build/generate exited {status}, expected {wanted}: {printed[-400:]}")
    if re.search(r"^::", printed + export_printed, re.MULTILINE) or "\x1b" in printed + export_printed:
        problems.append("a printed line could act on a terminal or a CI log (ESC, or a line starting '::')")
    if export_status not in (0, 1):
        problems.append(f"export exited {export_status}")
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    outside = [k for k in changed if not k.startswith(BUILD_FOLDERS) and k not in ("build", "site")]
    if outside:
        problems.append(f"written outside the build folders: {outside[:5]}")
    problems += lost_notes(before, content, generated)
    if seconds > 10:
        problems.append(f"took {seconds:.1f} s (limit 10 s)")
    return Outcome(case, outcome, codes, seconds, problems)


def build_sites(cases: list[Case], tmp: Path, engine: str = "mkdocs") -> tuple[list[tuple[str, Path]], list[str]]:
    """The payload sites, built with ``survey build --keep-going --engine``: (name, site) pairs and broken invariants.

    The first is the clean base site (the reference for the theme's own scripts); then one shared
    site for every payload case that only adds files, then one per case that changes the base.
    """
    groups: list[tuple[str, list[Case]]] = [("base", [])]
    shared: list[Case] = []
    taken: set[str] = set()
    for case in (c for c in cases if c.payload):
        paths = writes(case)
        if paths is not None and not paths & taken:
            shared.append(case)
            taken |= paths
        else:
            groups.append((case.name, [case]))
    groups.insert(1, ("shared", shared))
    sites, problems = [], []
    for name, members in groups:
        root = tmp / f"site-{name}"
        (root / "outside").mkdir(parents=True)
        content = root / "content"
        shutil.copytree(BASE, content)
        for case in members:
            add_case(case, content)
        before = snapshot(root)
        status, printed = run_cli(["build", "--quiet", "--keep-going", "--engine", engine, "--content", str(content),
                                   "--build", str(root / "build"), "--site-dir", str(root / "site")])
        after = snapshot(root)
        if status not in (0, 1) or "Traceback" in printed or "internal error" in printed:
            problems.append(f"site {name}: build exited {status}: {printed[-600:]}")
        outside = [k for k in set(before) | set(after) if before.get(k) != after.get(k)
                   and not k.startswith(BUILD_FOLDERS) and k not in ("build", "site")]
        if outside:
            problems.append(f"site {name}: written outside the build folders: {sorted(outside)[:5]}")
        sites.append((name, root / "site"))
    return sites, problems


def lost_notes(before: dict[str, tuple[str, str]], content: Path, generated: pipeline.Generated) -> list[str]:
    """Note files that neither reached the corpus nor got a diagnostic naming them."""
    corpus = generated.corpus
    used = {n.path for n in (*corpus.notes, *corpus.orphan_notes)}
    named = {d.path for d in generated.diagnostics.items}
    lost = []
    for rel in before:
        if not rel.startswith("content/notes/") or before[rel][0] == "dir":
            continue
        inner = rel.removeprefix("content/")
        if inner not in used and f"{content.as_posix()}/{inner}" not in named and inner != "notes/README.md":
            lost.append(inner)
    return [f"notes lost without a word: {lost}"] if lost else []


# ---- the post-build audit: no script or handler beyond the theme's own, no javascript:/data: URL ----

_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset"}
_NEVER_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "portal"}
_REL = re.compile(r'"(?:\.\./)*\.\.?/?"')
# mkdocs-redirects' page for a former address: only its target varies, and ours are slugs
_REDIRECT = re.compile(r'^var anchor=window\.location\.hash\.substr\(1\);location\.href="[a-z0-9./-]+/?"'
                       r'\+\(anchor\?"#"\+anchor:""\)$')
REDIRECT_SCRIPT = "mkdocs-redirects: location.href to a slug"


def theme_scripts(site: Path) -> tuple[set[str], set[str]]:
    """The inline scripts (relative paths blanked) and script files a clean site has: the theme's own."""
    inline: set[str] = set()
    files: set[str] = set()
    for page in site.rglob("*.html"):
        parser = _Audit(page, site, (set(), set()))
        parser.feed(page.read_text(encoding="utf-8"))
        inline |= parser.inline_seen
        files |= parser.files_seen
    return inline, files


class _Audit(HTMLParser):
    """Collects what could run in one page: scripts not in ``allowed``, handlers, script URLs, frames."""

    def __init__(self, page: Path, site: Path, allowed: tuple[set[str], set[str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.site, self.allowed = page, site, allowed
        self.findings: list[str] = []
        self.inline_seen: set[str] = set()
        self.files_seen: set[str] = set()
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.page.relative_to(self.site).as_posix()
        if tag in _NEVER_TAGS or (tag == "form" and "action" in dict(attrs)):  # the theme's forms have no action
            self.findings.append(f"{where}: <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "srcdoc":
                self.findings.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            # as a browser reads a URL: outer spaces and controls dropped, tabs and newlines removed anywhere
            squeezed = re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                                           "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")).lower()
            if name in _URL_ATTRS and squeezed.startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            if tag == "meta" and name == "content" and "url=" in squeezed and (
                    "javascript:" in squeezed or "data:" in squeezed):
                self.findings.append(f"{where}: meta refresh to {value[:60]!r}")
        if tag == "script":
            src = dict(attrs).get("src")
            if src:
                resolved = os.path.normpath(os.path.join(os.path.dirname(where), src.split("?")[0]))
                self.files_seen.add(resolved)
                if self.allowed[1] and resolved not in self.allowed[1]:
                    self.findings.append(f"{where}: <script src={src!r}> is not the theme's")
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            body = _REL.sub('"REL"', "".join(self._script).strip())
            body = REDIRECT_SCRIPT if _REDIRECT.match(body) else body
            if body:
                self.inline_seen.add(body)
                if self.allowed[0] and body not in self.allowed[0]:
                    self.findings.append(f"{self.page.relative_to(self.site).as_posix()}: inline script {body[:60]!r}")
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def audit_site(site: Path, allowed: tuple[set[str], set[str]]) -> list[str]:
    """Every finding in every HTML file of ``site``; a redirect page's script is allowed when its target is a slug."""
    allowed = (allowed[0] | {REDIRECT_SCRIPT}, allowed[1])
    findings: list[str] = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        parser = _Audit(page, site, allowed)
        parser.feed(html)
        findings += parser.findings
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        if title and "<" in title.group(1):  # raw text: a '<' there means the title was not escaped
            findings.append(f"{page.relative_to(site).as_posix()}: '<' in <title>")
    return findings


def payload_pages(site: Path) -> list[str]:
    """Pages that carry a payload (they mention alert), as paths relative to the site."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "alert" in p.read_text(encoding="utf-8"))


def peak_rss_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    import tempfile

    cases = load_cases()
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            outcomes.append(run_case(case, Path(tmp) / case.name))
            print(f"{case.name}: {outcomes[-1].outcome} {outcomes[-1].seconds:.2f}s {outcomes[-1].problems or ''}")
        built, broken = build_sites(cases, Path(tmp))
        print("site problems:", broken)
        sites = [site for _name, site in built]
        allowed = theme_scripts(sites[0])
        findings = [f for s in sites for f in audit_site(s, allowed)]
        print("findings:", findings[:10])
        worst = max(outcomes, key=lambda o: o.seconds)
        print(f"cases {len(cases)}; by outcome " + ", ".join(
            f"{k} {sum(o.outcome == k for o in outcomes)}" for k in OUTCOMES))
        print(f"broken: {sum(bool(o.problems) for o in outcomes)}; audit findings {len(findings)} over "
              f"{sum(len(list(s.rglob('*.html'))) for s in sites)} HTML files in {len(sites)} sites")
        print(f"slowest: {worst.case.name} {worst.seconds:.2f} s; peak RSS of the whole run {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
