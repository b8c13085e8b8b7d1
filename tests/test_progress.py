"""Long runs show progress on a terminal and nothing in CI logs, pipes or with --quiet."""

from __future__ import annotations

import io
import re
import subprocess
import sys

from conftest import ROOT, options_for

from generator import pipeline, progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_in_ci_pipes_and_quiet(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert isinstance(progress.for_terminal(stream=_Terminal()), progress.Live)
    assert progress.for_terminal(stream=io.StringIO()) is progress.SILENT  # a pipe or a file
    assert progress.for_terminal(quiet=True, stream=_Terminal()) is progress.SILENT
    monkeypatch.setenv("CI", "true")
    assert progress.for_terminal(stream=_Terminal()) is progress.SILENT


def test_live_progress_names_every_stage_of_a_generate(tmp_path):
    out = _Terminal()
    live = progress.Live(out)
    opts = options_for(ROOT / "tests" / "fixtures" / "mini" / "content", tmp_path / "build")
    quiet = pipeline.generate(opts)
    shown = pipeline.generate(opts, progress=live)
    assert shown.files == quiet.files  # progress is output only
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())  # rich colours a terminal
    for stage in ("reading content", "reading and merging sources", "topics", "results", "methods", "mentions",
                  "notes", "related", "glossary", "rendering pages"):
        assert f"✓ {stage}" in text, text


def test_cli_prints_no_progress_into_a_pipe(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "generate", "--content", str(ROOT / "content"),
                           "--build", str(tmp_path / "build")], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "✓" not in done.stderr and "✓" not in done.stdout
