"""The build configuration: the user's ``mkdocs.yml`` merged with the generated nav, redirects and folders.

`survey generate` writes it to ``<build>/mkdocs.yml``; MkDocs and Zensical both build from that
file alone, so no build needs a hook. It is a merged copy, not ``INHERIT``: MkDocs replaces lists
on inheritance (a generated ``plugins`` would drop the user's) while Zensical appends them (the
user's ``nav`` would stay in front of the generated one), and inherited relative paths resolve
against the inheriting file. Here every config-relative path is rewritten against the build
folder, and tags the engines resolve themselves (``!ENV``, ``!!python/name:``) are kept as written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml

from .diagnostics import Diagnostic

FILE = "mkdocs.yml"  # the build configuration, inside the build folder
DOCS = "docs"  # the generated Markdown, inside the build folder
CACHE = ".cache"  # what builds keep between runs (rendered pages), inside the build folder; generate keeps it
SITE = "site"  # where an engine writes inside the build folder (Zensical refuses any folder outside it)
_PATHS = ("INHERIT", "hooks", "watch")  # top-level settings MkDocs resolves against the config file's folder


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag only the engines know (``!ENV``, ``!!python/name:…``), written back unchanged."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps unknown tags instead of failing or running them."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_multi_constructor("", _tagged)


class _Dumper(yaml.SafeDumper):
    """Block-style YAML without anchors (a repeated value is written out again)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, Mapping):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def parse(text: str, path: str) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The user's configuration as a mapping, or None and why (file and line)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no Python objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Diagnostic(path, line, "error", "site-config", f"not valid YAML: {problem}")]
    if not isinstance(data, dict):
        return None, [Diagnostic(path, 1, "error", "site-config", "expected a mapping of settings (site_name: ...)")]
    return data, []


def _relocate(value: Any, source_dir: str, build_dir: str) -> Any:
    """A path relative to the user's config folder, made relative to the build folder (others unchanged)."""
    if not isinstance(value, str) or not value or os.path.isabs(value):
        return value
    target = os.path.join(source_dir, value)
    try:
        return PurePath(os.path.relpath(target, build_dir)).as_posix()
    except ValueError:  # another drive (Windows): only an absolute path reaches it
        return os.path.abspath(target)


def _plugins(value: Any) -> list[Any]:
    """``plugins`` as MkDocs' list form (names or one-entry mappings), whichever form the user wrote."""
    if isinstance(value, Mapping):
        return [{name: config} if config else name for name, config in value.items()]
    return list(value) if isinstance(value, list) else []


def _plugin(entry: Any) -> tuple[str, Any]:
    """(name, settings) of one ``plugins`` entry; ("", None) for a malformed one (the engine reports it)."""
    if isinstance(entry, str):
        return entry, {}
    if isinstance(entry, Mapping) and len(entry) == 1:
        name, config = next(iter(entry.items()))
        return str(name), config
    return "", None


def _with_redirects(plugins: list[Any], redirects: Mapping[str, str], path: str) -> tuple[list[Any], list[Diagnostic]]:
    """The plugin list with mkdocs-redirects carrying the generated map; the user's own entries win."""
    problems: list[Diagnostic] = []
    out: list[Any] = []
    placed = False
    for entry in plugins:
        name, config = _plugin(entry)
        if name != "redirects" or placed:
            out.append(entry)
            continue
        config = dict(config) if isinstance(config, Mapping) else {}
        own = config.get("redirect_maps") or {}
        own = dict(own) if isinstance(own, Mapping) else {}
        for old in sorted(set(own) & set(redirects)):
            if own[old] != redirects[old]:
                problems.append(Diagnostic(path, 0, "warning", "site-config",
                                           f"redirect_maps sends {old} to {own[old]}, not to {redirects[old]} as the "
                                           "generated map would; kept yours"))
        config["redirect_maps"] = {**redirects, **own}
        out.append({"redirects": config})
        placed = True
    if not placed and redirects:
        out.append({"redirects": {"redirect_maps": dict(redirects)}})
    return out, problems


def render(user: Mapping[str, Any], user_path: str, build_dir: str, nav: list[Any],
           redirects: Mapping[str, str]) -> tuple[str, list[Diagnostic]]:
    """The text of ``<build>/mkdocs.yml``: ``user`` with the generated nav, redirects and folders.

    ``user_path`` and ``build_dir`` are where the user's file and the build folder are (absolute
    or relative to the same working folder); relative paths in the result are relative to the
    build folder, so the file is the same on every machine with the same layout.
    """
    problems: list[Diagnostic] = []
    source_dir = os.path.dirname(os.path.abspath(user_path))
    build_dir = os.path.abspath(build_dir)
    config: dict[str, Any] = {}
    for key, value in user.items():
        if key in _PATHS:
            value = [_relocate(v, source_dir, build_dir) for v in value] if isinstance(value, list) \
                else _relocate(value, source_dir, build_dir)
        elif key == "theme" and isinstance(value, Mapping) and "custom_dir" in value:
            value = {**value, "custom_dir": _relocate(value["custom_dir"], source_dir, build_dir)}
        elif key == "nav":
            problems.append(Diagnostic(user_path, 0, "warning", "site-config",
                                       "nav is generated (topics, collections, glossary): this one is not used"))
        config[key] = value
    config["docs_dir"] = DOCS
    config["site_dir"] = SITE
    config["nav"] = nav
    config["plugins"], found = _with_redirects(_plugins(user.get("plugins")), redirects, user_path)
    problems.extend(found)
    source = _relocate(os.path.basename(user_path), source_dir, build_dir)
    header = (f"# Generated by `survey generate` from {source}: edit that file, not this one. It is that\n"
              "# file with the generated nav, redirects and folders; MkDocs and Zensical both build from it.\n")
    body = yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return header + body, problems


def site_folder(user: Mapping[str, Any], user_path: str) -> Path:
    """Where the user's configuration puts the built site (``site_dir``, relative to its folder)."""
    value = user.get("site_dir")
    folder = value if isinstance(value, str) and value else SITE
    return Path(os.path.dirname(user_path)) / folder
