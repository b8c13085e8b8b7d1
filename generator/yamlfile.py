"""YAML that remembers where things are: data plus the line of every mapping key and list item.

Uses PyYAML's composed node tree so diagnostics can name ``file:line``. Scalars are read with
the *base* resolver rules except that nothing ever becomes a float or bool unless it was written
as one explicitly: ``2401.10000`` stays the string "2401.10000" and ``NO`` stays "NO" (YAML 1.1's
implicit typing is the classic trap for ids and country codes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic


class _Loader(yaml.SafeLoader):
    """SafeLoader with implicit bool/float/null/timestamp resolution removed: only ints stay typed."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:int"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class Located:
    """Parsed YAML and a map from a key path (tuple of keys/indices) to its 1-based line."""

    data: Any
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def line(self, *path: Any) -> int:
        """The line of ``path``, or of its nearest located ancestor."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int], base: int) -> None:
    lines[path] = node.start_mark.line + 1 + base
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _walk(value_node, (*path, key), lines, base)
            lines[(*path, key)] = key_node.start_mark.line + 1 + base
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, base)


def load(
    text: str, path: str, line_offset: int = 0, plain_strings: bool = True
) -> tuple[Located | None, list[Diagnostic]]:
    """Parse ``text`` safely; a syntax error is a diagnostic with the line it happened on.

    ``plain_strings=False`` keeps YAML's usual float/bool typing, for files of numbers (weights).
    """
    loader = _Loader if plain_strings else yaml.SafeLoader
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            # "while parsing a flow sequence" started elsewhere: name where, that is often the typo
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1 + line_offset})"
        return None, [Diagnostic(path, line, "error", "invalid-yaml", f"invalid YAML: {problem}")]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(path, 1 + line_offset, "error", "invalid-yaml", f"invalid YAML: {exc}")]
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _walk(node, (), lines, line_offset)
    return Located(data, lines), []
