"""MkDocs hooks: take the generator's navigation, redirects and curated HTML from next to its docs folder.

`survey build`/`serve` point MkDocs' docs_dir at <build>/docs; nav.json, redirects.json and
fragments.json sit in <build>. `survey serve` also sets SURVEY_REGENERATE so every rebuild
regenerates from content/ first (and keeps going past errors, like `survey build --keep-going`).

Curated notes and topic intros are Markdown rendered and sanitized by the generator; pages hold
only an empty `<div data-survey-fragment="key">` and the HTML goes in here, after MkDocs' own
Markdown ran, so no Markdown extension ever re-reads sanitized HTML.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

_FRAGMENTS: dict[str, str] = {}
_PLACEHOLDER = re.compile(r'(<div class="survey-(?:note|intro)" data-survey-fragment="([0-9a-f]{16})">)(</div>)')


def _load_fragments(build: Path) -> None:
    path = build / "fragments.json"
    _FRAGMENTS.clear()
    if path.is_file():
        _FRAGMENTS.update(json.loads(path.read_text(encoding="utf-8")))


def on_config(config: Any) -> Any:
    """Use build/docs, the generated nav (never one entry per paper) and the redirect map."""
    build = Path(config["docs_dir"]).parent
    nav_file = build / "nav.json"
    if nav_file.is_file():
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    redirects_file = build / "redirects.json"
    plugin = config["plugins"].get("redirects")
    if plugin is not None and redirects_file.is_file():
        plugin.config["redirect_maps"] = json.loads(redirects_file.read_text(encoding="utf-8"))
    _load_fragments(build)
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put each curated fragment into its placeholder; a placeholder without its fragment fails the build."""
    from mkdocs.exceptions import PluginError

    def fill(match: re.Match[str]) -> str:
        fragment = _FRAGMENTS.get(match.group(2))
        if fragment is None:
            raise PluginError(f"{page.file.src_uri}: curated fragment {match.group(2)} is missing from fragments.json")
        return f"{match.group(1)}\n{fragment}{match.group(3)}"

    return _PLACEHOLDER.sub(fill, html)


def on_pre_build(config: Any) -> None:
    """During `survey serve`: regenerate Markdown from content/ (only changed files are rewritten)."""
    spec = os.environ.get("SURVEY_REGENERATE")
    if not spec:
        return
    from generator import pipeline  # imported lazily: plain `mkdocs build` does not need it

    paths = json.loads(spec)
    opts = pipeline.Options(content=Path(paths["content"]), build=Path(paths["build"]), templates=Path(paths["templates"]))
    generated = pipeline.generate(opts)
    for diagnostic in generated.diagnostics.sorted():
        if diagnostic.severity != "info":
            print(diagnostic)
    if generated.diagnostics.errors:
        # like `survey build --keep-going`: every error left out only what it is about
        print(f"survey: kept going past {len(generated.diagnostics.errors)} error(s) above")
    pipeline.write(opts, generated)
    _regenerated[:] = [generated.corpus]
    nav_file = Path(paths["build"]) / "nav.json"
    config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    _load_fragments(Path(paths["build"]))


_regenerated: list[Any] = []  # the corpus of the last regeneration during `survey serve`


def on_post_build(config: Any) -> None:
    """During `survey serve`: the search index for the preview (`survey build` writes it after MkDocs)."""
    if not _regenerated:
        return
    from generator import io, pagefind, search

    io.write_tree(Path(config["site_dir"]) / "pagefind", pagefind.index(search.records(_regenerated[0])))
