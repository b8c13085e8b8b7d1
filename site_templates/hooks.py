"""MkDocs hooks: take the generated navigation and redirects from build/ (written by `survey generate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def on_config(config: Any) -> Any:
    """Set nav and redirect maps from the files the generator wrote next to build/docs."""
    build = Path(config["docs_dir"]).parent
    nav_file = build / "nav.json"
    if nav_file.is_file():
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    redirects_file = build / "redirects.json"
    plugin = config["plugins"].get("redirects")
    if plugin is not None and redirects_file.is_file():
        plugin.config["redirect_maps"] = json.loads(redirects_file.read_text(encoding="utf-8"))
    return config
