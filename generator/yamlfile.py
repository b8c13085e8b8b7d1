"""YAML that remembers where things are: data plus the line of every mapping key and list item.

Uses PyYAML's composed node tree so diagnostics can name ``file:line``. Scalars are read with
the *base* resolver rules except that nothing ever becomes a float or bool unless it was written
as one explicitly: ``2401.10000`` stays the string "2401.10000" and ``NO`` stays "NO" (YAML 1.1's
implicit typing is the classic trap for ids and country codes).

Curated YAML comes from strangers' pull requests, so the loader is bounded: anchors and aliases
are refused (a 446-byte alias bomb otherwise expands to gigabytes), nesting is capped, duplicate
keys are errors (YAML keeps the last one silently), integers are capped in length, and a string
holding a lone surrogate (``"\\uD800"``) is refused before it can break a UTF-8 write later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic

MAX_DEPTH = 64  # mappings and lists nested deeper than any curated file needs
MAX_INT_DIGITS = 30  # Python refuses int() past 4300 digits; no curated number needs more than a few


_BRACKETS = re.compile(r"[\[\]{}]")


class _Refused(yaml.MarkedYAMLError):
    """A document PyYAML would accept but we do not (aliases, depth, duplicate keys, odd scalars)."""


class _Bounded(yaml.SafeLoader):
    """SafeLoader that refuses aliases and anchors, caps nesting and scalar sizes, and reports duplicate keys."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(None, None, f"alias *{event.anchor} is not allowed (anchors and aliases are refused)",
                           event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise _Refused(None, None, f"anchor &{event.anchor} is not allowed (anchors and aliases are refused)",
                           event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1

    def compose_mapping_node(self, anchor: str | None) -> yaml.MappingNode:  # type: ignore[override]
        node = super().compose_mapping_node(anchor)  # type: ignore[arg-type]
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise _Refused(None, None, f"duplicate key {key_node.value!r} (first on line {seen[key]}); "
                                   "YAML would silently keep only the last one", key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return node

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = sum(ch.isdigit() for ch in str(node.value))
        if digits > MAX_INT_DIGITS:
            raise _Refused(None, None, f"a number with {digits} digits (at most {MAX_INT_DIGITS}); quote it if it is text",
                           node.start_mark)
        return super().construct_yaml_int(node)

    def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise _Refused(None, None, "a lone surrogate escape (\\uD800-\\uDFFF) is not a character", node.start_mark)
        return value


_Bounded.add_constructor("tag:yaml.org,2002:int", _Bounded.construct_yaml_int)


class _Loader(_Bounded):
    """The bounded loader with implicit bool/float/null/timestamp resolution removed: only ints stay typed."""


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


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int], base: int,
          loader: yaml.SafeLoader) -> None:
    lines[path] = node.start_mark.line + 1 + base
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            # the key as the constructed data holds it (an int key stays an int)
            key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else key_node.value
            try:
                hash(key)
            except TypeError:
                continue
            _walk(value_node, (*path, key), lines, base, loader)
            lines[(*path, key)] = key_node.start_mark.line + 1 + base
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, base, loader)


def _flow_depth(text: str) -> int:
    """How deep ``[``/``{`` nest, counted without regard to quotes (over-counting is harmless)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def load(
    text: str, path: str, line_offset: int = 0, plain_strings: bool = True
) -> tuple[Located | None, list[Diagnostic]]:
    """Parse ``text`` safely; a syntax error is a diagnostic with the line it happened on.

    ``plain_strings=False`` keeps YAML's usual float/bool typing, for files of numbers (weights).
    """
    depth = _flow_depth(text)
    if depth > MAX_DEPTH:
        # refused before parsing: PyYAML's scanner is quadratic in flow nesting
        return None, [Diagnostic(path, 1 + line_offset, "error", "invalid-yaml",
                                 f"invalid YAML: brackets nested {depth} deep (at most {MAX_DEPTH})")]
    loader: _Bounded | None = None
    try:
        loader = (_Loader if plain_strings else _Bounded)(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        lines: dict[tuple[Any, ...], int] = {}
        if node is not None:
            _walk(node, (), lines, line_offset, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            # "while parsing a flow sequence" started elsewhere: name where, that is often the typo
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1 + line_offset})"
        return None, [Diagnostic(path, line, "error", "invalid-yaml", f"invalid YAML: {problem}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        return None, [Diagnostic(path, line, "error", "invalid-yaml",
                                 f"invalid YAML: character U+{exc.character:04X} is not allowed in YAML"
                                 if isinstance(exc.character, int) else f"invalid YAML: {exc.reason}")]
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        return None, [Diagnostic(path, 1 + line_offset, "error", "invalid-yaml", f"invalid YAML: {exc}")]
    finally:
        if loader is not None:
            loader.dispose()
    return Located(data, lines), []
