"""pylatexenc set up for titles and abstracts: math scripts as Unicode, tolerant formatting, no file access.

``latex.to_unicode`` prepares the text (literal characters set aside, spans chunked) and calls ``parse``
on each piece that holds LaTeX. Differences from pylatexenc's defaults, each for display text: ``x^{2}``
and ``H_2`` in math become ``x²`` and ``H₂`` (``script``); ``\\url``/``\\href`` show the URL or the link
text; citations, labels and ``\\input``/``\\include`` are dropped (never read a file); an unknown command
shows its name (``\\etc`` -> "etc"), or nothing when a group follows it; a ``%s`` template short of
arguments (``\\frac{1}``) fills the gap instead of logging a warning.
"""

from __future__ import annotations

import re
from typing import Any

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
from pylatexenc.latex2text import get_default_latex_context_db as _l2t_default_db
from pylatexenc.macrospec import std_macro

# Stands for a dropped \cite; ``latex`` removes it with the space before it. It lies in the private-use
# range ``latex`` reserves for its placeholders, so no input character can be mistaken for it.
CITE = "\U000ffffd"

SUPERSCRIPT = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPT = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎", strict=True))
# Superscripts that read as marks rather than exponents: x′, x*, 90°, Aᵀ.
_SUPER_MARKS = {"′": "′", "″": "″", "'": "′", "*": "*", "∗": "*", "†": "†", "‡": "‡", "∘": "°", "°": "°",
                "⊤": "ᵀ", "T": "ᵀ"}


def script(op: str, arg: str) -> str:
    """``^``/``_`` with its argument as Unicode super/subscript, or a readable ``x^(…)`` / ``x_max``."""
    arg = arg.strip()
    if not arg:
        return ""
    if op == "^" and arg in _SUPER_MARKS:
        return _SUPER_MARKS[arg]
    table = SUPERSCRIPT if op == "^" else SUBSCRIPT
    if all(c in table for c in arg):
        return "".join(table[c] for c in arg)
    if len(arg) == 1 or arg.isalnum():
        return op + arg
    return f"{op}({arg})"



# Commands whose argument is shown as it is (bold, roman, calligraphic: the letters are what a reader needs).
_PLAIN_ARG = ("mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathbbm", "mathds", "boldsymbol", "bm",
              "pmb", "operatorname", "text", "textrm", "textnormal", "mbox", "hbox", "textsc", "textup")
_WORDS = {"ie": "i.e.", "eg": "e.g.", "etal": "et al.", "etc": "etc.", "wrt": "w.r.t.", "vs": "vs.", "cf": "cf.",
          "sim": "~", "textasciitilde": "~", "top": "⊤", "bullet": "•", "textbullet": "•", "colon": ":",
          "arg": "arg", "det": "det", "dim": "dim", "Pr": "Pr", "neg": "¬", "land": "∧", "lor": "∨",
          "lvert": "|", "rvert": "|", "checkmark": "✓"}
# Switches and spacing pylatexenc does not know; unknown commands otherwise show their name (\ours, \etc).
_SWITCHES = (
    "bf", "it", "rm", "sf", "tt", "sc", "sl", "em", "up", "md", "bfseries", "itshape", "rmfamily", "sffamily",
    "ttfamily", "scshape", "upshape", "mdseries", "normalfont", "tiny", "scriptsize", "footnotesize", "small",
    "normalsize", "large", "Large", "LARGE", "huge", "Huge", "displaystyle", "textstyle", "scriptstyle",
    "scriptscriptstyle", "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
    "biggl", "biggr", "Biggl", "Biggr", "limits", "nolimits", "displaylimits", "nonumber", "notag", "centering",
    "noindent", "protect", "relax", "hfill", "vfill", "smallskip", "medskip", "bigskip", "newline", "linebreak",
    "allowbreak", "par", "xspace", "strut", "mathstrut",
)
_DROPPED = ("cite", "citep", "citet", "citealp", "citeauthor", "citeyear", "ref", "eqref", "label", "footnote",
            "thanks", "input", "include", "includegraphics", "vspace", "hspace", "color")


def _textscript(op: str, arg: str) -> str:
    """\\textsuperscript in running text: Unicode when it has the characters, else the bare text (1st)."""
    converted = script(op, arg)
    return arg.strip() if converted.startswith(op) else converted


def _walker_db() -> Any:
    # without specials: "--", quotes and "~" are handled on the whole text, so every chunk reads alike
    db = latexwalker.get_default_latex_context_db().filter_context(keep_which=["macros", "environments"])
    db.add_context_category("survey", prepend=True, macros=[
        std_macro("href", False, 2), std_macro("url", False, 1),
        std_macro("textsuperscript", False, 1), std_macro("textsubscript", False, 1),
        std_macro("includegraphics", True, 1), std_macro("vspace", False, 1), std_macro("hspace", False, 1),
        std_macro("color", False, 1), std_macro("textcolor", False, 2),
    ])
    return db


def _text_db() -> Any:
    db = _l2t_default_db()
    specs = [MacroTextSpec(name, simplify_repl=value) for name, value in _WORDS.items()]
    specs += [MacroTextSpec(name, discard=False) for name in _PLAIN_ARG]
    specs += [MacroTextSpec(name, discard=True) for name in _SWITCHES]
    specs += [MacroTextSpec(name, simplify_repl=CITE if name.startswith("cite") else "") for name in _DROPPED]
    specs += [
        MacroTextSpec("url", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 0)),
        MacroTextSpec("href", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 1)),
        MacroTextSpec("textcolor", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 1)),
        MacroTextSpec("textsuperscript", simplify_repl=lambda n, l2tobj: _textscript("^", l2tobj.node_arg_to_text(n, 0))),
        MacroTextSpec("textsubscript", simplify_repl=lambda n, l2tobj: _textscript("_", l2tobj.node_arg_to_text(n, 0))),
    ]
    db.add_context_category("survey", prepend=True, macros=specs)
    return db


class _Converter(LatexNodes2Text):
    """pylatexenc's converter with sub/superscripts in math, kept command names and tolerant formatting."""

    def __init__(self) -> None:
        super().__init__(latex_context=_text_db(), math_mode="text")
        self._math = 0

    def math_node_to_text(self, node: Any) -> str:
        self._math += 1
        try:
            return " " + self.nodelist_to_text(node.nodelist).strip() + " " if _is_display(node) \
                else self.nodelist_to_text(node.nodelist).strip()
        finally:
            self._math -= 1

    def nodelist_to_text(self, nodelist: Any) -> str:
        nodes = [n for n in nodelist if n is not None]
        parts: list[str] = []
        pending: str | None = None
        prev: Any = None
        for index, node in enumerate(nodes):
            if node.isNodeType(latexwalker.LatexCharsNode):
                chars = self.chars_node_to_text(node)
                if self._is_bare_macro_node(prev) and chars and not (parts and parts[-1] == "~" and chars.strip()[:1].isdigit()):
                    chars = prev.macro_post_space + chars  # "\alpha x" keeps its space; "\sim 50" reads "~50"
                if not self._math:
                    parts.append(chars)
                    prev = node
                    continue
                for ch in chars:
                    if pending:
                        if not ch.isspace():
                            parts.append(script(pending, ch))
                            pending = None
                    elif ch in "^_":
                        pending = ch
                    else:
                        parts.append(ch)
            elif node.isNodeType(latexwalker.LatexMacroNode) and self._unknown(node) and _next_is_group(nodes, index):
                pass  # "\footnotesizeblue{...}": an unknown command before a group is formatting, keep the group
            else:
                text = self.node_to_text(node)
                if self._math and text.isalpha() and text.isascii() and parts and parts[-1][-1:].isalnum():
                    text = " " + text  # "n\log n" reads "n log n", not "nlog n"
                if self._is_bare_macro_node(prev) and not node.isNodeType(latexwalker.LatexGroupNode):
                    text = prev.macro_post_space + text  # "\ldots $\to$" keeps its space
                if pending:
                    parts.append(script(pending, text))
                    pending = None
                else:
                    parts.append(text)
            prev = node
        if pending:
            parts.append(pending)
        return "".join(parts)

    def _unknown(self, node: Any) -> bool:
        return self.latex_context.get_macro_spec(node.macroname) is None

    def macro_node_to_text(self, node: Any) -> str:
        if not self._unknown(node):
            return str(super().macro_node_to_text(node))
        name = str(node.macroname)
        # "\mathbfθ": the walker reads a Unicode letter as part of the name; split the known command off
        known = re.match(r"[A-Za-z]+", name)
        if known and known.end() < len(name):
            spec = self.latex_context.get_macro_spec(known[0])
            if spec is not None:
                repl = spec.simplify_repl
                return (repl if isinstance(repl, str) and "%" not in repl else "") + name[known.end():]
        return name  # "\etc", "\ours": user shorthands read best as their name

    def apply_simplify_repl(self, node: Any, simplify_repl: Any, what: str) -> str:
        if (not node.isNodeType(latexwalker.LatexMacroNode) or not isinstance(simplify_repl, str)
                or "%" not in simplify_repl or len(simplify_repl) == 1):
            return str(super().apply_simplify_repl(node, simplify_repl, what))
        # a "%s/%s" template with fewer arguments than slots (\frac{1}) fills the gaps with nothing
        args = [self._groupnodecontents_to_text(a) for a in (node.nodeargd.argnlist if node.nodeargd else []) or []]
        if re.search(r"%\(\d+\)s", simplify_repl):
            return re.sub(r"%\((\d+)\)s", lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else "",
                          simplify_repl)
        slots = simplify_repl.count("%s")
        return simplify_repl.replace("%%", "%") % tuple((args + [""] * slots)[:slots]) if slots else simplify_repl


def _is_display(node: Any) -> bool:
    return bool(node.isNodeType(latexwalker.LatexEnvironmentNode) or getattr(node, "displaytype", "") == "display")


def _next_is_group(nodes: list[Any], index: int) -> bool:
    for node in nodes[index + 1:]:
        if node.isNodeType(latexwalker.LatexCharsNode) and not node.chars.strip():
            continue
        return bool(node.isNodeType(latexwalker.LatexGroupNode))
    return False


_WALKER_DB = _walker_db()
_CONVERTER = _Converter()


def parse(text: str) -> str:
    """LaTeX (text mode, with math spans) as Unicode text; may raise on pylatexenc's crashing corners."""
    nodes = latexwalker.LatexWalker(text, latex_context=_WALKER_DB, tolerant_parsing=True).get_latex_nodes()[0]
    return str(_CONVERTER.nodelist_to_text(nodes))


_TEXT_DB = _text_db()


def macro_text(name: str) -> str:
    """What ``\\name`` shows without its arguments: a symbol (×), nothing (\\textbf), or its name if unknown."""
    spec = _TEXT_DB.get_macro_spec(name)
    if spec is None:
        return name
    repl = spec.simplify_repl
    return repl if isinstance(repl, str) and "%" not in repl else ""
