"""Repairs of LaTeX whose backslashes a scraper stripped: Hugging Face shows arXiv's ``2.49\\times`` as ``2.49times``.

Each repair is a regex that fires only where the text cannot be English: ``2times`` and ``(sim50\\%)`` but
not "three times" or "simulation"; ``Tgeq 0`` but not "sequence"; ``HyperZcdotZcdotW`` but not
"anecdote". Where the repair needs LaTeX to finish (``eta^2`` -> ``\\eta{}^2``) it writes LaTeX and leaves
the rest to the parser. Each repair names literal needles, one of which must occur in the text; one
Aho-Corasick pass finds them, so most abstracts run no regex at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick

_GREEK = (r"(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|"
          r"pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega)")
_NO_WORD_BEFORE = r"(?<![\\A-Za-z])"
_RELATIONS = {"geq": "≥", "leq": "≤", "neq": "≠"}
_ARROWS = {"rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐",
           "Leftrightarrow": "⇔", "longrightarrow": "⟶", "longleftarrow": "⟵"}


def _relation(m: re.Match[str]) -> str:
    symbol = _RELATIONS[m["rel"]]
    return f"{m['pre']} {symbol} " if m["pre"] else f"{m['sp1']}{symbol}{m['sp2']}"


@dataclass(frozen=True)
class _Repair:
    """A regex repair and the literal strings one of which a text must hold for it to apply (cheap to test)."""

    needles: tuple[str, ...]
    pattern: re.Pattern[str]
    repl: str | Callable[[re.Match[str]], str]


def _r(needles: str | tuple[str, ...], pattern: str, repl: str | Callable[[re.Match[str]], str]) -> _Repair:
    return _Repair((needles,) if isinstance(needles, str) else needles, re.compile(pattern), repl)


_GREEK_NAMES = _GREEK[3:-1].split("|")

# In order; each fires only where the text cannot be English.
_REPAIRS = [
    # "2.49times speedup", "6400times6400", "(16times faster)", "8timesRTX"; not "three times", "sometimes"
    _r("times", r"(?<=[\d)\]}²³¹⁰-⁹])times(?![a-z])", "×"),
    # "R^{mtimes n}": a lone letter glued to "times" and followed by a lone symbol
    _r("times", _NO_WORD_BEFORE + r"([A-Za-z])times\s?(?=[A-Za-z0-9](?![A-Za-z0-9]))", r"\1×"),
    # "(sim50\%)", "sim 50%", "sim500-billion", "10sim100×"; not "simple", "sim2real"
    _r("sim", r"(?<![\\A-Za-z])sim\s?(?=\d+(?:[.,]\d+)?(?![A-Za-z]{2}))", "~"),
    # "Tgeq 0", "M geq d^2"
    _r(("geq", "leq", "neq"),
       _NO_WORD_BEFORE + r"(?P<pre>[A-Za-z])?(?P<sp1>\s?)(?P<rel>geq|leq|neq)(?![A-Za-z])(?P<sp2>\s?)", _relation),
    _r("ldots", r"(?<![\\a-z])ldots(?![a-z])", "…"),
    _r("cdots", r"(?<![\\a-z])cdots(?![a-z])", "⋯"),
    # "HyperZcdotZcdotW", "log(D) cdot |p|"; not "anecdote"
    _r("cdot", r"(?<![\\a-z])cdot(?![a-z])", "·"),
    _r("approx", _NO_WORD_BEFORE + r"approx(?=\s?[-\d(])", "≈"),
    _r("infty", _NO_WORD_BEFORE + r"infty(?![a-z])", "∞"),
    _r(("arrow", "Arrow"), _NO_WORD_BEFORE + "(?:" + "|".join(sorted(_ARROWS, key=len, reverse=True)) + r")(?![a-z])",
       lambda m: _ARROWS[m[0]]),
    # "QK^top" -> "QK^{\top}", then a superscript T
    _r("^top", r"(?<=\^)top(?![a-z])", r"{\\top}"),
    # "mathbf{x}", "sqrt[3]{log n}", "emph{...}": a command name glued to its argument
    _r(("{", "sqrt["), _NO_WORD_BEFORE + r"(mathbf|mathrm|mathcal|mathbb|mathit|mathsf|mathtt|boldsymbol|"
       r"operatorname|textbf|textit|texttt|textrm|textsc|emph|text|sqrt|frac|hat|tilde|bar|overline|widehat|"
       r"widetilde)(?=[\[{])", r"\\\1"),
    _r("math", _NO_WORD_BEFORE + r"math(?:cal|bf|rm|bb)\s+(?=[A-Z](?![A-Za-z]))", ""),
    # "EinR^{m×n}", "Ain R^{m×r}": set membership; "rll min(m,n)": much less than
    _r("R^", _NO_WORD_BEFORE + r"([A-Z])\s?in\s?(?=R\^)", r"\1 ∈ "),
    _r(("llmin(", "llmax(", "ll min(", "ll max("), _NO_WORD_BEFORE + r"([a-z])ll(?= ?(?:min|max)\()", r"\1 ≪"),
    _r("{", r"\{(bf|it|rm|sf|tt)\s", r"{\\\1 "),
    # sizing glued to a bracket: "Oleft(1{r}right)", "Obig(n+nk{m}big)"; not "upright)"
    _r(("left", "big", "Big"), r"(?<=[A-Za-z0-9}])(?:left|bigl?|Bigl?)(?=[(\[|])", ""),
    _r(("right", "big", "Big"), r"(?<=[})\d])(?:right|bigr?|Bigr?)(?=[)\]|])", ""),
    # "1{eta^2}", "N^2d^2{M}": \frac{a}{b} lost its command and first braces; not "3{D}", "1{st}"
    _r("{", r"(?:(?<=\^\d)|(?<=(?<![\w.])1))\{(?!(?:st|nd|rd|th)\})([^{}\s\\]{1,12})\}", r"/\1"),
    # Greek letters where only math has them: "eta^2", "epsilon^{-1}", "Omega(N)", "sigma(" (was "sigmaleft(")
    _r(("^", "_", *(g + "(" for g in _GREEK_NAMES)), _NO_WORD_BEFORE + "(" + _GREEK + r")(?=[\^_(])", r"\\\1{}"),
    _r("_", _NO_WORD_BEFORE + r"(sum|prod|ell)(?=_)", r"\\\1{}"),
    # "...: bullet On the positive side" (after a colon only: ". Bullet ..." or ". bullet C++" is English)
    _r("bullet", r"(?<=: )bullet(?= [A-Z])", "•"),
    # ``TeX quotes''
    _r("``", r"``([^`'\n]{1,300}?)''", r"“\1”"),
    # "30.4 \%" -> "30.4\%"
    _r(" \\%", r"(?<=\d) (?=\\%)", ""),
]


def _needle_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for needle in sorted({n for r in _REPAIRS for n in r.needles}):
        automaton.add_word(needle, needle)
    automaton.make_automaton()
    return automaton


# One pass over the text finds which repairs can apply; most abstracts then need no regex at all.
_NEEDLES = _needle_automaton()


def _needles_in(text: str) -> set[str]:
    return {needle for _end, needle in _NEEDLES.iter(text)}


def _by_needle() -> dict[str, list[_Repair]]:
    out: dict[str, list[_Repair]] = {}
    for r in _REPAIRS:
        for needle in r.needles:
            out.setdefault(needle, []).append(r)
    return out


_REPAIRS_BY_NEEDLE = _by_needle()


def has_leftovers(text: str) -> bool:
    """Whether a repair would change ``text``; with no LaTeX sign either, ``to_unicode`` returns it as it is.

    Only the repairs a found needle names are tried (asking every repair whether it has a found needle
    was most of this on the many abstracts with none); which of them matches first does not matter.
    """
    return any(r.pattern.search(text) for needle in _needles_in(text) for r in _REPAIRS_BY_NEEDLE[needle])


def repair(text: str) -> str:
    found = _needles_in(text)
    for repair in _REPAIRS:
        if not found.isdisjoint(repair.needles):
            text, count = repair.pattern.subn(repair.repl, text)
            if count:
                found = _needles_in(text)  # "sigmaleft(" becomes "sigma(", which the Greek repair needs
    return text
