"""Site settings from ``content/survey.yml``, checked like every other curated file."""

from __future__ import annotations

from .content import ContentFiles
from .diagnostics import Diagnostic
from .yamlfile import load as load_yaml

SURVEY_FILE = "survey.yml"


def site_settings(content: ContentFiles) -> tuple[dict[str, str], list[Diagnostic]]:
    """Survey title and description from ``content/survey.yml`` (optional)."""
    settings = {"title": "Literature survey", "description": ""}
    if SURVEY_FILE not in content:
        return settings, []
    shown = content.display(SURVEY_FILE)
    located, diags = load_yaml(content[SURVEY_FILE], shown)
    if located is None or located.data is None:
        return settings, diags
    if not isinstance(located.data, dict):
        return settings, [*diags, Diagnostic(shown, 1, "error", "schema", "expected a mapping with title, description")]
    for key, value in located.data.items():
        if key not in settings:
            diags.append(Diagnostic(shown, located.line(key), "warning", "unknown-key",
                                    f"unknown key {key!r} (expected title, description)"))
        elif not isinstance(value, str):
            diags.append(Diagnostic(shown, located.line(key), "error", "schema", f"{key} must be text"))
        else:
            settings[key] = value.strip()
    return settings, diags
