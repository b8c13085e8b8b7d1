"""MkDocs hooks: take the generator's navigation and redirects from next to its docs folder.

`survey build`/`serve` point MkDocs' docs_dir at <build>/docs; nav.json and redirects.json sit in
<build>. `survey serve` also sets SURVEY_REGENERATE so every rebuild regenerates from content/ first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


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
    return config


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
        print("survey: errors above; keeping the previous pages")
        return
    pipeline.write(opts, generated)
    _regenerated[:] = [generated.corpus]
    nav_file = Path(paths["build"]) / "nav.json"
    config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))


_regenerated: list[Any] = []  # the corpus of the last regeneration during `survey serve`


def on_post_build(config: Any) -> None:
    """During `survey serve`: the search index for the preview (`survey build` writes it after MkDocs)."""
    if not _regenerated:
        return
    from generator import io, pagefind, search

    io.write_tree(Path(config["site_dir"]) / "pagefind", pagefind.index(search.records(_regenerated[0])))
