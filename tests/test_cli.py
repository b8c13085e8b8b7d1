"""The command line: documented, clean one-line errors with file and line, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from generator.cli import build_parser


def _survey(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command):
    assert f"survey {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture()
def broken_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    (content / "sources.yml").write_text("sources:\n  sources/hf/daily.txt:\n    captured: 11 Dec\n", encoding="utf-8")
    (content / "taxonomy.yml").write_text(
        (content / "taxonomy.yml").read_text(encoding="utf-8").replace("parent: systems", "parent: sytems", 1),
        encoding="utf-8")
    (content / "notes" / "bad.md").write_text("---\npaper: no-such-paper\nstatus: [unclosed\n---\nText\n", encoding="utf-8")
    return content


def test_check_reports_each_problem_with_file_and_line(broken_content):
    result = _survey("check", "--content", str(broken_content))
    assert result.returncode == 1
    err = result.stderr
    assert "Traceback" not in err
    assert f"{broken_content.as_posix()}/sources.yml:3: error[schema]" in err
    assert f"{broken_content.as_posix()}/taxonomy.yml:" in err and "sytems" in err
    assert f"{broken_content.as_posix()}/notes/bad.md:4: error[invalid-yaml]" in err
    assert "flow sequence that starts on line 3" in err
    assert "checked 6 papers" in result.stdout


def test_generate_writes_nothing_when_content_has_errors(broken_content, tmp_path):
    build = tmp_path / "build"
    result = _survey("generate", "--content", str(broken_content), "--build", str(build))
    assert result.returncode == 1
    assert "nothing written" in result.stderr
    assert not build.exists()


def test_new_note_scaffolds_once_and_never_overwrites(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini" / "content", content)
    first = _survey("new-note", "StreamBP", "--content", str(content))
    assert first.returncode == 0, first.stderr
    note = next((content / "notes").glob("streambp-*.md"))
    text = note.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "\npaper: streambp-" in text
    note.write_text(text + "\nMy own words.\n", encoding="utf-8")
    again = _survey("new-note", "StreamBP", "--content", str(content))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert note.read_text(encoding="utf-8").endswith("My own words.\n")
    check = _survey("check", "--strict", "--content", str(content))
    assert note.name not in check.stderr  # the scaffold is valid as written (the fixture's orphan warns)


def test_new_note_ambiguous_query_lists_suggestions(tmp_path):
    result = _survey("new-note", "efficient", "--content", str(FIXTURES / "mini" / "content"))
    assert result.returncode == 1
    assert "did you mean" in result.stderr


def test_export_refuses_to_write_into_content():
    result = _survey("export", "--content", str(FIXTURES / "mini" / "content"), "-o",
                     str(FIXTURES / "mini" / "content" / "x.json"))
    assert result.returncode == 1
    assert "never writes" in result.stderr
    assert not (FIXTURES / "mini" / "content" / "x.json").exists()


def test_suggest_topics_is_deterministic():
    first = _survey("suggest-topics", "--content", str(FIXTURES / "mini" / "content"), "--clusters", "2")
    second = _survey("suggest-topics", "--content", str(FIXTURES / "mini" / "content"), "--clusters", "2")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout.strip()


def test_unknown_source_format_is_one_clean_line(tmp_path):
    bad = tmp_path / "refs.docx"
    bad.write_text("not a paper source\n", encoding="utf-8")
    result = _survey("export", "--source", str(bad))
    assert result.returncode == 1
    assert f"{bad.as_posix()}: error[unknown-format]" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_source_reads_a_bibtex_file_outside_content(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{dao2023, title={Flash{A}ttention-2}, author={Dao, Tri}, year=2023,\n"
                   "  journal={arXiv preprint arXiv:2307.08691}}\n", encoding="utf-8")
    result = _survey("export", "--source", str(bib))
    assert result.returncode == 0, result.stderr
    (paper,) = json.loads(result.stdout)["papers"]
    assert (paper["arxiv"], paper["authors"], paper["year"], paper["citekey"]) == ("2307.08691", ["Tri Dao"], 2023,
                                                                                  "dao2023")
    assert paper["provenance"]["authors"][0]["line"] == 1
