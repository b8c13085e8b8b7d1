"""Curator vocabularies (content/vocab/*.yml): canonical names with aliases and regex patterns.

Each file is checked against its schema and problems come back as diagnostics with file and line;
a bad entry is skipped, the rest of the vocabulary still works.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import ahocorasick

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..saferegex import CuratedRegex, compile_curated
from ..yamlfile import Located, load

# aliases are escaped literals (plain ``re``); a curator's pattern is time-bounded
Pattern = re.Pattern[str] | CuratedRegex

# vocabulary file -> the Fact kind its names fill
FILES: dict[str, str] = {
    "vocab/formats.yml": "bits",
    "vocab/hardware.yml": "hardware",
    "vocab/datasets.yml": "dataset",
    "vocab/models.yml": "model",
}
_KEYS = {"name", "aliases", "patterns", "listed", "case_sensitive", "sized", "family"}
_GROUP_REF = re.compile(r"\{(\d+)\}")
# whole-word edges; "8xA100" still names an A100, so a digit-times prefix counts as an edge. The
# left edge is checked in Python (``_left_edge``): a leading lookbehind in every pattern stops
# the regex engine's literal-prefix scan and made matching ~20x slower.
_RIGHT = r"(?![A-Za-z0-9])"
_SIZE = re.compile(r"[- ]?\(?(\d+(?:\.\d+)?)\s?([BbMm])\)?(?![A-Za-z0-9])")
_SIZE_BEFORE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?([BM])[- ]$")
# "LLaMA-like", "GPT-3 style", "BERT-based": a kind of architecture, not the model itself
_GENERIC_AFTER = re.compile(r"^[- ](?:like|style|based|architecture|type)\b")
# "1,000 A100 hours", "H100 GPU-days", "20.7k A100 GPU training hours": a compute budget in a device's
# unit, not the device used; what is spent may stand between ("training", "compute"), a count may not
# ("8 H100 GPUs for 3 days" names the machine)
_BUDGET_AFTER = re.compile(r"[\s-]*(?:GPU[\s-]*)?(?:(?:pre-?)?(?:training|compute|computing|inference)[\s-]+)?"
                           r"(?:hours?|hrs?|days?|years?)\b", re.IGNORECASE)
_TIMES_BEFORE = re.compile(r"\d\s?(?:[x×]|times)$")
# "We launched the feature to Pixel 8 devices by serving the model on TPU v5" (set K: Proofread): the devices a
# product is launched, shipped or rolled out to are its users', not the machine the paper reports running on
_LAUNCHED_TO = re.compile(r"\b(?:launch|ship|roll(?:ed|ing|s)?\s+out)\w*\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+|all\s+)?$",
                          re.IGNORECASE)
# "four real-world datasets (NeRF-DS, DAVIS, iPhone, and TUM-dynamics)": a device's name as a dataset's
_DATASET_LIST = re.compile(r"\b(?:datasets?|benchmarks?)\s*\((?:[^()]*,\s*)?(?:and\s+)?$", re.IGNORECASE)
# "on the iPhone360, iPhone, and DAVIS datasets" (set I: 4DGS360): an item of a list the word after it calls datasets;
# the items after the device's name are one or two words each, joined by commas or a last "and"
_DATASET_LIST_AFTER = re.compile(r"(?:\s*,\s*[\w.+-]+(?:\s[\w.+-]+)?)*\s*,?\s*(?:(?:and|or)\s+(?!(?:the|a|an|our|their)\b)[\w.+-]+(?:\s[\w.+-]+)?\s+)?"
                                 r"(?:datasets?|benchmarks?)\b", re.IGNORECASE)
# between two items of a list of devices: "x14.7 on H800, and x13.9 on H20", "H100, H20 and A100"; a bracketed
# aside after the first item stays in the list: "both H100 (MQA-absorb, s_q=1) and H20 (GQA + MTP, s_q=2)" (set J: GQLA)
_DEVICE_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,60}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|/)\s*"
                              r"(?:[x×]?\d[\d.,]*\s?[x×%]?\s+)?(?:on\s+|with\s+)?")
_ELISION = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)(?=\d)")


@cache
def needles(regex: Pattern) -> tuple[str, ...] | None:
    """Lower-case ASCII literals one of which every match of ``regex`` contains, or None.

    ``("k80",)`` for ``(?:Tesla )?K80``; ``("frontier", "summit")`` for ``(Frontier|Summit)``. Most
    vocabulary patterns have them; a substring test on the lower-cased sentence then skips the
    regex scan for the vast majority of sentences that cannot match.
    """
    try:
        # CPython's own regex parser (private): if it ever moves or changes, every pattern is just scanned
        tree = importlib.import_module("re._parser").parse(regex.pattern, regex.flags)
    except Exception:
        return None
    return _required(tree)


def _required(seq: Any) -> tuple[str, ...] | None:
    """The best needles of a parsed sequence: a literal run, or one needle per branch of a group."""
    best: tuple[str, ...] | None = None

    def consider(found: tuple[str, ...] | None) -> None:
        nonlocal best
        if found and min(map(len, found)) >= 2 and (
                best is None or (len(found) == 1, min(map(len, found))) > (len(best) == 1, min(map(len, best)))):
            best = found

    run = ""
    for op, arg in seq:
        name = str(op)
        if name == "LITERAL" and chr(arg).isascii():
            run += chr(arg)
            continue
        consider((run.lower(),) if run else None)
        run = ""
        if name == "SUBPATTERN":
            consider(_required(arg[-1]))
        elif name == "BRANCH":
            branches = [_required(b) for b in arg[1]]
            if all(branches):
                consider(tuple(dict.fromkeys(n for b in branches if b for n in b)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            consider(_required(arg[2]))
        elif name == "ASSERT":  # "(?= GPUs?)": what a positive look-around sees is in the text too
            consider(_required(arg[1]))
    consider((run.lower(),) if run else None)
    return best


def _left_edge(text: str, start: int) -> bool:
    """True if a name may start at ``start``: not inside a word, or right after "8x", "8×", "8times"."""
    if start == 0 or not text[start - 1].isascii() or not text[start - 1].isalnum():
        return True
    return bool(_TIMES_BEFORE.search(text, max(0, start - 8), start))


@dataclass(frozen=True)
class Entry:
    """One canonical name and the compiled expressions that find it."""

    kind: str
    name: str
    regexes: tuple[Pattern, ...]
    sized: bool = False
    family: str | None = None  # the generic class a specific device belongs to ("FPGA" for "Alveo U280")
    listed: tuple[Pattern, ...] = ()  # a short name that counts only beside another device in a list

    def normalize(self, match: re.Match[str], before: str, after: str) -> str:
        """The canonical name for ``match``, with groups filled in and a size appended if wanted."""
        groups = (match.group(0), *match.groups())
        name = " ".join(_GROUP_REF.sub(lambda m: groups[int(m.group(1))] or "" if int(m.group(1)) < len(groups)
                                       else "", self.name).split())
        if self.sized:
            size = _SIZE.match(after) or _SIZE_BEFORE.search(before)
            if size:
                name = f"{name} {size.group(1)}{size.group(2).upper()}"
        return name


@dataclass(frozen=True)
class Vocab:
    """Every entry of every vocabulary file, grouped by Fact kind."""

    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    # (needles, regex, entry) per kind, derived once from ``entries``
    plans: dict[str, tuple[tuple[tuple[str, ...] | None, Pattern, Entry], ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    # per kind: the plans without needles (always scanned) and one automaton of every needle, whose
    # value is the plans that needle lets through: one pass over a text instead of a test per plan
    _gates: dict[str, tuple[tuple[int, ...], ahocorasick.Automaton | None]] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for kind, entries in self.entries.items():
            plans = tuple((needles(r), r, e) for e in entries for r in e.regexes)
            self.plans[kind] = plans
            by_needle: dict[str, list[int]] = {}
            for i, (hints, _r, _e) in enumerate(plans):
                for hint in hints or ():
                    by_needle.setdefault(hint, []).append(i)
            automaton = None
            if by_needle:
                automaton = ahocorasick.Automaton()
                for hint, plan_ids in by_needle.items():
                    automaton.add_word(hint, tuple(plan_ids))
                automaton.make_automaton()
            self._gates[kind] = (tuple(i for i, (hints, _r, _e) in enumerate(plans) if hints is None), automaton)

    def _candidates(self, kind: str, lower: str) -> list[tuple[tuple[str, ...] | None, Pattern, Entry]]:
        """The plans of ``kind`` that may match ``lower``: a needle of theirs occurs in it, or they have none."""
        plans = self.plans.get(kind, ())
        always, automaton = self._gates.get(kind, ((), None))
        chosen = set(always)
        if automaton is not None:
            for _end, plan_ids in automaton.iter(lower):
                chosen.update(plan_ids)
        return [plans[i] for i in sorted(chosen)]

    def without(self, pattern: object) -> Vocab:
        """The vocabulary without ``pattern`` (a curated pattern that ran past its time bound)."""
        return Vocab({kind: tuple(replace(e, regexes=tuple(r for r in e.regexes if r is not pattern),
                                          listed=tuple(r for r in e.listed if r is not pattern)) for e in entries)
                      for kind, entries in self.entries.items()})

    def find(self, kind: str, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, canonical name) of ``kind`` in ``text``; longest match wins."""
        return [(start, end, name) for start, end, name, _family in self.find_members(kind, text)]

    def find_members(self, kind: str, text: str) -> list[tuple[int, int, str, str | None]]:
        """Like ``find``, with each name's generic class (``family``) when the vocabulary gives one."""
        hits: list[tuple[int, int, str, str | None]] = []
        for _hints, regex, entry in self._candidates(kind, text.lower()):
            for m in regex.finditer(text):
                if not _left_edge(text, m.start()):
                    continue
                after = text[m.end():m.end() + 16]
                if m.end() == m.start() or (kind == "model" and _GENERIC_AFTER.match(after)):
                    continue
                if kind == "hardware" and (_BUDGET_AFTER.match(text, m.end())
                                           or _LAUNCHED_TO.search(text, max(0, m.start() - 80), m.start())
                                           or _DATASET_LIST.search(text, max(0, m.start() - 80), m.start())
                                           or _DATASET_LIST_AFTER.match(text, m.end())):
                    continue
                name = entry.normalize(m, text[max(0, m.start() - 12):m.start()], after)
                hits.append((m.start(), m.end(), name, entry.family))
                if kind == "hardware":
                    hits.extend(_elided(text, m, regex, entry))
        chosen = _longest(hits)
        if kind == "hardware" and chosen:
            listed = self.listed_beside(text, chosen)
            if listed:
                chosen = _longest(chosen + listed)
        return chosen

    def listed_beside(self, text: str, found: list[tuple[int, int, str, str | None]]
                      ) -> list[tuple[int, int, str, str | None]]:
        """Short names (H20, T4) that stand in a list beside a device already found: "x14.7 on H800, and x13.9
        on H20" (set F: CUDA-L1); alone they need a GPU word (hardware.yml's policy)."""
        out = []
        for entry in self.entries.get("hardware", ()):
            for regex in entry.listed:
                for m in regex.finditer(text):
                    if not _left_edge(text, m.start()) or _BUDGET_AFTER.match(text, m.end()):
                        continue
                    if any(_DEVICE_LIST_GAP.fullmatch(text, end, m.start()) or _DEVICE_LIST_GAP.fullmatch(
                            text, m.end(), start) for start, end, _n, _f in found):
                        out.append((m.start(), m.end(), entry.normalize(m, "", ""), entry.family))
        return out


def _longest(hits: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """Non-overlapping hits in text order; of two that start together the longer wins."""
    hits = sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
    chosen: list[tuple[int, int, str, str | None]] = []
    for hit in hits:
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


def _elided(text: str, m: re.Match[str], regex: Pattern, entry: Entry) -> list[tuple[int, int, str, str | None]]:
    """"Ascend 300I Duo and 800I A2", "RTX 3090 and 4090": the second model number drops the family name."""
    found = []
    family = re.match(r"[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)? (?=\d)", m.group(0))
    end = m.end()
    while family is not None:
        joint = _ELISION.match(text, end)
        if joint is None:
            break
        candidate = family.group(0) + text[joint.end():joint.end() + 40]
        again = regex.search(candidate)  # curated patterns are time-bounded and offer search, not match
        if again is None or again.start() or again.end() <= family.end() or (again.end() < len(candidate)
                                                            and candidate[again.end()].isalnum()):
            break
        end = joint.end() + again.end() - family.end()
        found.append((joint.end(), end, entry.normalize(again, "", text[end:end + 16]), entry.family))
    return found


def load_vocab(content: ContentFiles) -> tuple[Vocab, list[Diagnostic]]:
    """Parse every vocabulary file present; a missing file is an empty vocabulary, not an error."""
    diags: list[Diagnostic] = []
    entries: dict[str, tuple[Entry, ...]] = {}
    for path, kind in FILES.items():
        if path not in content:
            continue
        found, problems = parse_file(content[path], content.display(path), kind)
        entries[kind] = tuple(found)
        diags.extend(problems)
    return Vocab(entries), diags


def _flag(value: object) -> bool | None:
    """A YAML boolean as this loader sees it (plain strings keep ``true`` a string)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
        return value.lower() in ("true", "yes")
    return None


def parse_file(text: str, path: str, kind: str) -> tuple[list[Entry], list[Diagnostic]]:
    """One vocabulary file -> its entries, with a diagnostic for every entry that breaks the schema."""
    located, diags = load(text, path)
    if located is None:
        return [], diags
    data = located.data
    if data is None:
        return [], diags
    if not isinstance(data, list):
        return [], [Diagnostic(path, located.line(), "error", "vocab-schema",
                               "expected a list of entries (- name: ...)")]
    out: list[Entry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data):
        entry, problems = _parse_entry(item, located, (i,), path, kind)
        diags.extend(problems)
        if entry is None:
            continue
        line = located.line(i, "name")
        if entry.name in seen and not _GROUP_REF.search(entry.name):  # "{1}" names differ per match
            diags.append(Diagnostic(path, line, "error", "vocab-duplicate",
                                    f"duplicate name {entry.name!r} (first at line {seen[entry.name]})"))
            continue
        seen[entry.name] = line
        out.append(entry)
    return out, diags


def _strings(item: dict[str, object], key: str, located: Located, at: tuple[object, ...], path: str,
             diags: list[Diagnostic]) -> list[tuple[int, str]]:
    """The list of strings under ``key`` with each one's line; anything else is a diagnostic."""
    value = item.get(key, [])
    if not isinstance(value, list):
        diags.append(Diagnostic(path, located.line(*at, key), "error", "vocab-schema",
                                f"{key!r} must be a list of strings"))
        return []
    out = []
    for j, v in enumerate(value):
        if isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip():
            out.append((located.line(*at, key, j), str(v)))
        else:
            diags.append(Diagnostic(path, located.line(*at, key, j), "error", "vocab-schema",
                                    f"{key!r} item {j + 1} must be a non-empty string"))
    return out


def _parse_entry(item: object, located: Located, at: tuple[object, ...], path: str,
                 kind: str) -> tuple[Entry | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    line = located.line(*at)
    if not isinstance(item, dict):
        return None, [Diagnostic(path, line, "error", "vocab-schema", "each entry must be a mapping with a name")]
    for key in sorted(set(item) - _KEYS, key=str):
        diags.append(Diagnostic(path, located.line(*at, key), "warning", "vocab-unknown-key",
                                f"unknown key {key!r} (expected one of {', '.join(sorted(_KEYS))})"))
    name = item.get("name")
    if not isinstance(name, str | int) or isinstance(name, bool) or not str(name).strip():
        diags.append(Diagnostic(path, line, "error", "vocab-schema", "entry needs a non-empty string 'name'"))
        return None, diags
    name = str(name).strip()
    flags: dict[str, bool] = {}
    family = item.get("family")
    if family is not None and (not isinstance(family, str) or not family.strip()):
        diags.append(Diagnostic(path, located.line(*at, "family"), "error", "vocab-schema",
                                "'family' must be the name of the generic class, e.g. FPGA"))
        family = None
    for key in ("case_sensitive", "sized"):
        raw = item.get(key, False)
        flag = _flag(raw)
        if flag is None:
            diags.append(Diagnostic(path, located.line(*at, key), "error", "vocab-schema",
                                    f"{key!r} must be true or false, not {raw!r}"))
            flag = False
        flags[key] = flag
    aliases = _strings(item, "aliases", located, at, path, diags)
    patterns = _strings(item, "patterns", located, at, path, diags)
    listed_patterns = _strings(item, "listed", located, at, path, diags)
    refs = [int(r) for r in _GROUP_REF.findall(name)]
    # the name doubles as an alias only for entries without patterns ("Pixel" must not match "pixel")
    literal = [] if refs or patterns else [name]
    alias_flags = 0 if flags["case_sensitive"] else re.IGNORECASE
    regexes: list[Pattern] = [re.compile(re.escape(text) + _RIGHT, alias_flags)
                              for text in literal + [a for _l, a in aliases]]
    regexes += _compiled(patterns, name, refs, path, diags)
    listed = _compiled(listed_patterns, name, refs, path, diags)
    if refs and not patterns:
        diags.append(Diagnostic(path, line, "error", "vocab-schema",
                                f"name {name!r} has {{n}} placeholders but no patterns to fill them"))
        return None, diags
    # an entry whose patterns all failed still owns its name (so a duplicate is still reported)
    return Entry(kind, name, tuple(regexes), flags["sized"], family.strip() if family else None,
                 tuple(listed)), diags


def _compiled(patterns: list[tuple[int, str]], name: str, refs: list[int], path: str,
              diags: list[Diagnostic]) -> list[Pattern]:
    """A curator's patterns, time-bounded; each bad one is a diagnostic at its line."""
    regexes: list[Pattern] = []
    for pline, pattern in patterns:
        try:
            re.compile(pattern)  # on its own first, so the error's position is the curator's
            compiled = compile_curated("(?:" + pattern + ")" + _RIGHT, where=(path, pline))
        except re.error as exc:
            diags.append(Diagnostic(path, pline, "error", "vocab-regex", f"bad pattern {pattern!r}: {exc}"))
            continue
        if compiled.groups < max(refs, default=0):
            diags.append(Diagnostic(path, pline, "error", "vocab-regex",
                                    f"name {name!r} uses group {{{max(refs)}}} but pattern {pattern!r} "
                                    f"has only {compiled.groups}"))
            continue
        if re.fullmatch("(?:" + pattern + ")", ""):
            diags.append(Diagnostic(path, pline, "error", "vocab-regex", f"pattern {pattern!r} matches nothing"
                                    " at all (the empty string); it would tag every word boundary"))
            continue
        regexes.append(compiled)
    return regexes
