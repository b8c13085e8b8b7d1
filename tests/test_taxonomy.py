"""Taxonomy validation: every problem a curator can make is a diagnostic with file and line."""

from __future__ import annotations

import textwrap

from conftest import CONTENT

from generator.content import ContentFiles
from generator.taxonomy import parse


def check(text: str):
    taxonomy, diags = parse(textwrap.dedent(text).lstrip("\n"))
    return taxonomy, {(d.code, d.line) for d in diags}, diags


def test_bundled_taxonomy_is_clean_and_large_enough():
    taxonomy, diags = parse((CONTENT / "taxonomy.yml").read_text(encoding="utf-8"))
    assert diags == []
    parents = {t.parent for t in taxonomy.topics if t.parent}
    leaves = [t for t in taxonomy.topics if t.id not in parents]
    roots = [t for t in taxonomy.topics if t.parent is None]
    assert 6 <= len(roots) <= 8
    assert len(leaves) >= 25
    assert all(t.parent is not None for t in leaves)
    assert set(taxonomy.rules) == {t.id for t in leaves}
    assert all(t.description for t in taxonomy.topics)


def test_parents_come_before_children():
    taxonomy, _, _ = check("""
        topics:
          - id: leaf
            title: Leaf
            parent: root
            rules: {phrases: {alpha: 3}}
          - id: root
            title: Root
        """)
    assert [t.id for t in taxonomy.topics] == ["root", "leaf"]


def test_unknown_parent_points_at_the_parent_line():
    _, found, diags = check("""
        topics:
          - id: a
            title: A
            parent: nowhere
            rules: {phrases: {alpha: 3}}
        """)
    assert ("unknown-parent", 4) in found
    assert str(diags[0]).startswith("content/taxonomy.yml:4: error[unknown-parent]")


def test_cycle_is_reported_once_and_cut():
    taxonomy, found, _ = check("""
        topics:
          - id: a
            title: A
            parent: b
          - id: b
            title: B
            parent: a
          - id: c
            title: C
            parent: a
            rules: {phrases: {alpha: 3}}
        """)
    assert [code for code, _ in found if code == "topic-cycle"] == ["topic-cycle"]
    assert ("topic-cycle", 4) in found  # at the first topic of the cycle, where it can be cut
    assert {t.id for t in taxonomy.topics} == {"a", "b", "c"}  # still a usable tree


def test_duplicate_id():
    _, found, diags = check("""
        topics:
          - id: a
            title: A
            rules: {phrases: {alpha: 3}}
          - id: a
            title: Again
            rules: {phrases: {beta: 3}}
        """)
    assert ("duplicate-topic", 5) in found
    assert "line 2" in diags[0].message


def test_invalid_regex_names_its_line():
    _, found, _ = check("""
        topics:
          - id: a
            title: A
            rules:
              phrases: {alpha: 3}
              regex:
                '(unclosed': 2
        """)
    assert ("invalid-regex", 7) in found


def test_leaf_without_rules_and_bad_weight():
    _, found, _ = check("""
        topics:
          - id: a
            title: A
          - id: b
            title: B
            rules:
              phrases:
                beta: lots
        """)
    assert ("no-rules", 2) in found
    assert ("invalid-weight", 8) in found
    assert ("no-rules", 4) in found  # its only phrase was unusable


def test_parent_rules_ignored_with_warning():
    _, _, diags = check("""
        topics:
          - id: root
            title: Root
            rules: {phrases: {alpha: 3}}
          - id: leaf
            title: Leaf
            parent: root
            rules: {phrases: {beta: 3}}
        """)
    assert [(d.code, d.severity, d.line) for d in diags] == [("rules-on-parent", "warning", 2)]


def test_unknown_keys_and_bad_ids():
    _, found, _ = check("""
        topic: []
        topics:
          - id: Not An Id
            title: X
          - id: ok
            title: OK
            colour: red
            rules: {phrases: {alpha: 3}, weights: {}}
        """)
    assert ("unknown-key", 1) in found
    assert ("invalid-id", 3) in found
    assert ("unknown-key", 7) in found
    assert ("unknown-key", 8) in found


def test_yaml_syntax_error_is_a_diagnostic():
    taxonomy, found, _ = check("topics:\n  - id: [unclosed\n")
    assert taxonomy.topics == ()
    assert any(code == "invalid-yaml" for code, _ in found)


def test_defaults_are_read_and_checked():
    taxonomy, found, _ = check("""
        defaults:
          min_score: 5
          max_topics: 2
          keep_ratio: nope
          title_ratio: 0.4
          strong_score: 8
        topics:
          - id: a
            title: A
            rules: {phrases: {alpha: 3}}
        """)
    assert taxonomy.settings.strong_score == 8
    assert taxonomy.settings.strong_ratio == 1.0  # not given: the default
    assert taxonomy.settings.min_score == 5
    assert taxonomy.settings.max_topics == 2
    assert taxonomy.settings.title_ratio == 0.4
    assert ("invalid-defaults", 4) in found


def test_display_path_comes_from_content_files():
    content = ContentFiles({"taxonomy.yml": "topics: []\n"}, root="site/content")
    _, diags = parse("topics:\n  - id: a\n    title: A\n", content.display("taxonomy.yml"))
    assert diags[0].path == "site/content/taxonomy.yml"


def test_signals_gate_and_scope_are_read_and_checked():
    taxonomy, found, _ = check("""
        defaults:
          signal_score: 4
        signals:
          phrases: {latency: 2}
          regex: {'\\d+x faster': 3}
          colour: red
        topics:
          - id: a
            title: A
            rules:
              gate: true
              scope: [video generation]
              phrases: {diffusion: 3}
          - id: b
            title: B
            rules:
              gate: maybe
              phrases: {alpha: 3}
        """)
    assert taxonomy.settings.signal_score == 4
    assert taxonomy.signals is not None and [r.label for r in taxonomy.signals.rules] == ["latency", "/\\d+x faster/"]
    assert taxonomy.rules["a"].gate is True and [r.label for r in taxonomy.rules["a"].scope] == ["video generation"]
    assert taxonomy.rules["b"].gate is False
    assert ("unknown-key", 6) in found
    assert ("invalid-rules", 17) in found
