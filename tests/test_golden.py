"""Whole-site golden files for the small fixture corpus. Refresh with `make golden`, review the diff."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from conftest import FIXTURES, ROOT, options_for

from generator import pipeline

GOLDEN = ROOT / "tests" / "golden" / "mini"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _generated(tmp: Path) -> dict[str, str]:
    # the site settings next to the build folder, as in a checkout: build/mkdocs.yml's paths are the real ones
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    opts = replace(options_for(FIXTURES / "mini" / "content", tmp / "build"), config=tmp / "mkdocs.yml")
    generated = pipeline.generate(opts)
    assert not generated.diagnostics.errors
    # vendored and static assets are copied byte for byte; the golden covers what we render
    return {path: text for path, text in generated.files.items()
            if isinstance(text, str) and not path.startswith("docs/assets/")}


def test_rendered_site_matches_golden_files(tmp_path):
    files = _generated(tmp_path)
    if UPDATE:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, text in files.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(expected), "pages added or removed: run `make golden` and review"
    for path, text in files.items():
        assert text == expected[path], f"{path} differs from its golden file: run `make golden` and review the diff"


def test_rendering_is_deterministic(tmp_path):
    assert _generated(tmp_path / "a") == _generated(tmp_path / "b")
