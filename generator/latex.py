"""LaTeX-ish text to clean Unicode for display (``to_unicode``) and to a plain form for search (``plain``).

Sources write titles and abstracts three ways: plain text; real LaTeX (arXiv and BibTeX: ``$^{2}$``,
``\\%``, ``{\\"u}``); and LaTeX whose backslashes a scraper stripped (Hugging Face shows arXiv abstracts
as ``2.49times speedup``, ``(sim50\\%)``, ``Tgeq 0``). ``to_unicode`` takes all three:

1. Text with none of ``\\ $ { } _ ^ ~`` and no glued leftover comes back unchanged.
2. URLs and literal characters (``%``, a currency ``$``, an approximate ``~``) are set aside, and
   de-backslashed leftovers are repaired only where they cannot be English: ``2times`` but not
   ``three times``, ``sim50`` but not ``simulation``.
3. The rest is parsed by pylatexenc. Sub- and superscripts become Unicode where Unicode has the
   character (``H₂O``, ``O(n²)``, ``D⁻¹``, ``Qᵀ``) and stay readable where it has not: ``x_max``,
   ``n^(1+o(1))``, ``2^k``.

Input longer than ``_MAX_PARSE`` characters or nested deeper than ``_MAX_DEPTH`` braces skips the
parser for a linear regex fallback, and so does anything the parser chokes on: the function never
raises and its time grows linearly with the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
from pylatexenc.latex2text import get_default_latex_context_db as _l2t_default_db
from pylatexenc.macrospec import std_macro

# An abstract is a few thousand characters; past this the parser (~6 µs a character) is not worth it.
_MAX_PARSE = 50_000
# pylatexenc recurses about four Python frames per brace level; 100 levels stay far from the limit.
_MAX_DEPTH = 100
# How far a math span or a braced script argument may reach: bounds every scan to linear time.
_MAX_SPAN = 2_000

# Characters that may start LaTeX. Text without them (and without a glued leftover) is left alone.
_SPECIAL = re.compile(r"[\\$^_{}~]")
# Placeholders for what the parser must not see: Supplementary Private Use Area-A, one per item.
_SHELF_FIRST, _SHELF_LAST = 0xF0000, 0xFFFFD
_SHELVED = re.compile("[\U000f0000-\U000ffffd]")
_CITE = chr(_SHELF_LAST)  # stands for a dropped \cite, eats the space before it
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"{}\\|^`]+", re.IGNORECASE)

_SUPERSCRIPT = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUBSCRIPT = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎", strict=True))
# Superscripts that read as marks rather than exponents: x′, x*, 90°, Aᵀ.
_SUPER_MARKS = {"′": "′", "″": "″", "'": "′", "*": "*", "∗": "*", "†": "†", "‡": "‡", "∘": "°", "°": "°",
                "⊤": "ᵀ", "T": "ᵀ"}


def _script(op: str, arg: str) -> str:
    """``^``/``_`` with its argument as Unicode super/subscript, or a readable ``x^(…)`` / ``x_max``."""
    arg = arg.strip()
    if not arg:
        return ""
    if op == "^" and arg in _SUPER_MARKS:
        return _SUPER_MARKS[arg]
    table = _SUPERSCRIPT if op == "^" else _SUBSCRIPT
    if all(c in table for c in arg):
        return "".join(table[c] for c in arg)
    if len(arg) == 1 or arg.isalnum():
        return op + arg
    return f"{op}({arg})"


@dataclass
class _Shelf:
    """Strings set aside behind private-use placeholders while the parser runs."""

    items: dict[str, str] = field(default_factory=dict)

    def put(self, text: str) -> str:
        code = _SHELF_FIRST + len(self.items)
        if code >= _SHELF_LAST:  # full (only on huge inputs, which skip the parser anyway)
            return text
        self.items[chr(code)] = text
        return chr(code)

    def restore(self, text: str) -> str:
        text = re.sub(r"\s*" + _CITE, "", text)
        return _SHELVED.sub(lambda m: self.items.get(m[0], ""), text)


# --- repairs of de-backslashed LaTeX (Hugging Face) --------------------------------------------------

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
    # "...: bullet On the positive side"
    _r("bullet", r"(?<=[:.] )bullet(?= [A-Z])", "•"),
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


def _glued(text: str) -> bool:
    """Whether a repair would change ``text``: with no LaTeX sign either, ``to_unicode`` returns it as it is."""
    found = _needles_in(text)
    return any(not found.isdisjoint(r.needles) and r.pattern.search(text) for r in _REPAIRS)


def _repair(text: str) -> str:
    found = _needles_in(text)
    for repair in _REPAIRS:
        if not found.isdisjoint(repair.needles):
            text, count = repair.pattern.subn(repair.repl, text)
            if count:
                found = _needles_in(text)  # "sigmaleft(" becomes "sigma(", which the Greek repair needs
    return text


# --- URLs and links ------------------------------------------------------------------------------

_URL_BODY = r"(?:https?://|ftp://|www\.)[^\s<>\"{}\\|^`]+"
_URL = re.compile(_URL_BODY, re.IGNORECASE)
_HREF = re.compile(r"\\href\s*\{\s*(" + _URL_BODY + r")\s*\}\s*\{([^{}]*)\}", re.IGNORECASE)
_URL_MACRO = re.compile(r"\\url\s*\{\s*(" + _URL_BODY + r")\s*\}", re.IGNORECASE)
# Hugging Face's \href leftovers: "{url}{{url}}", "url{Label}"
_HREF_LEFTOVER = re.compile(r"\{?(" + _URL_BODY + r")\}?\{+[^{}\s][^{}]{0,80}\}+", re.IGNORECASE)


def _protect_urls(text: str, shelf: _Shelf) -> str:
    """Shelve every URL so no repair or parser touches it; \\href shows its text, \\url and leftovers the URL."""
    def bare(m: re.Match[str]) -> str:
        found = m[0]
        # sentence punctuation after a URL is not part of it; a ")" is, when the URL opened one
        trimmed = found.rstrip(".,;:!?'\"")
        while trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1].rstrip(".,;:!?'\"")
        return shelf.put(trimmed) + found[len(trimmed):]

    if "//" not in text and "www." not in text.lower():
        return text
    text = _HREF.sub(lambda m: m[2], text)
    text = _URL_MACRO.sub(lambda m: shelf.put(m[1]), text)
    text = _HREF_LEFTOVER.sub(lambda m: shelf.put(m[1]), text)
    return _URL.sub(bare, text)


# --- math spans, escapes and text-mode scripts ---------------------------------------------------

_MATH_SIGN = re.compile(r"[\\^_{}<>=]")
_LONE_DOLLAR = re.compile(r"(?<!\\)\$")


def _money(text: str, start: int, close: int) -> bool:
    """Whether ``$…$`` from ``start`` to ``close`` is two prices rather than math: "$5-$10", "$5 budget, US$"."""
    if _MATH_SIGN.search(text, start + 1, close):
        return False  # "$<$0.5MB" is math
    if close + 1 < len(text) and text[close + 1].isdigit():
        return True  # Pandoc's rule: a closing "$" is not followed by a digit
    inner = text[start + 1:close]
    return inner[:1].isdigit() and bool(re.search(r"\s", inner)) and bool(re.search("[A-Za-z]{3,}", inner))


def _dollar_closers(text: str) -> list[int]:
    """Unescaped ``$`` positions that may close inline math: no space before (Pandoc's rule)."""
    return [m.start() for m in re.finditer(r"(?<=\S)(?<!\\)\$", text)]


_MATH_OPENER = re.compile(r"\\[(\[]|\\.|\$\$|\$(?=\S)")


def _segments(text: str) -> list[tuple[bool, str]]:
    """Split into ``(is_math, text)`` runs: ``$…$``, ``$$…$$``, ``\\(…\\)`` and ``\\[…\\]`` are math."""
    closers = _dollar_closers(text)
    out: list[tuple[bool, str]] = []
    start = 0
    k = 0  # index into closers
    for m in _MATH_OPENER.finditer(text):
        i, token = m.start(), m[0]
        if i < start:
            continue
        end = -1
        if token in ("\\(", "\\["):
            j = text.find("\\)" if token == "\\(" else "\\]", i + 2, i + _MAX_SPAN)
            end = j + 2 if j != -1 else -1
        elif token == "$$":
            j = text.find("$$", i + 2, i + _MAX_SPAN)
            end = j + 2 if j > i + 2 else -1
        elif token == "$":
            while k < len(closers) and closers[k] <= i:
                k += 1
            if k < len(closers) and closers[k] - i <= _MAX_SPAN:
                close = closers[k]
                # a span with a lone "$" inside pairs money with math ("$5 and $x$") and is neither
                if not _money(text, i, close) and not _LONE_DOLLAR.search(text, i + 1, close):
                    end = close + 1
        if end == -1:
            continue
        if start < i:
            out.append((False, text[start:i]))
        out.append((True, text[i:end]))
        start = end
    if start < len(text):
        out.append((False, text[start:]))
    return out


def _brace_pairs(text: str) -> dict[int, int]:
    """Each ``{`` that closes within ``_MAX_SPAN`` characters -> the index after its ``}``; one linear pass."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, c in enumerate(text):
        if c == "{":
            stack.append(i)
        elif c == "}" and stack:
            opened = stack.pop()
            if i - opened < _MAX_SPAN:
                pairs[opened] = i + 1
    return pairs


_SCRIPT_START = re.compile(r"(?<=\S)[\^_](?=[{\\\d\w])")
_SCRIPT_SHORT = re.compile(r"\^(?:\d+|[A-Za-z](?![A-Za-z])|\\[A-Za-z]+)")
# H_2O, CO_2, L_1: chemistry and norms, not snake_case identifiers
_CHEM = re.compile(r"(?<![\w\\])((?:[A-Z][a-z]?)+)_(\d{1,3})(?![\w])|(?<![\w\\])([A-Z][a-z]?)_(\d{1,3})(?=[A-Z(])")
_NUMBER_SET = re.compile(r"\{([-+]?\d+(?:\.\d+)?(?:\s*,\s*[-+]?\d+(?:\.\d+)?)+)\}")
_TIE = re.compile(r"(?<=[A-Za-z.,;:])~(?=[A-Za-z(\[$\\])")


def _text_scripts(text: str) -> str:
    """Wrap ``x^{…}``, ``x^2``, ``x_{…}`` outside math in ``\\(…\\)`` so the math converter handles them."""
    text = _CHEM.sub(lambda m: (m[1] or m[3]) + "".join(_SUBSCRIPT[d] for d in (m[2] or m[4])), text)
    out = []
    pos = 0
    pairs = _brace_pairs(text) if "{" in text else {}
    for m in _SCRIPT_START.finditer(text):
        i = m.start()
        if i < pos:
            continue
        if text.startswith("{", i + 1):
            end = pairs.get(i + 1, -1)
        elif m[0] == "^":
            short = _SCRIPT_SHORT.match(text, i)
            end = short.end() if short else -1
        else:
            end = -1  # an unbraced "_" is an identifier (a_b_c), not a subscript
        if end == -1:
            continue
        arg = text[i + 1:end]
        if arg.isdigit():
            arg = "{" + arg + "}"  # "10^23" is ten to the 23rd, not 10²3
        out.append(text[pos:i] + "\\(" + text[i] + arg + "\\)")
        pos = end
    out.append(text[pos:])
    return "".join(out)


_CONTROL_WORD_END = re.compile(r"\\[A-Za-z]*$")


def _chunks(run: str) -> list[tuple[bool, str]]:
    """Split a text run at top-level spaces into ``(needs_parser, text)``; plain words skip the slow parser.

    No split inside braces or after a command (``\\textbf {x}``, ``\\ `` is a space).
    """
    parts = re.split(r"(\s+)", run)  # words at even indices, the spaces between them at odd ones
    out: list[tuple[bool, str]] = []
    plain: list[str] = []
    latex: list[str] = []
    depth = 0
    for index in range(0, len(parts), 2):
        word = parts[index]
        space = parts[index + 1] if index + 1 < len(parts) else ""
        if not latex and not ("\\" in word or "{" in word or "}" in word):
            plain += [word, space]
            continue
        if plain:
            out.append((False, "".join(plain)))
            plain = []
        latex.append(word)
        depth = max(0, depth + word.count("{") - word.count("\\{") - word.count("}") + word.count("\\}"))
        after = parts[index + 2][:1] if index + 2 < len(parts) else ""
        if depth == 0 and not _CONTROL_WORD_END.search(word) and after not in ("{", "["):
            out.append((True, "".join(latex)))
            latex = []
            plain.append(space)
        else:
            latex.append(space)
    if latex:
        out.append((True, "".join(latex)))
    if plain:
        out.append((False, "".join(plain)))
    return out


def _prepare(text: str, shelf: _Shelf) -> list[tuple[bool, str]]:
    """Shelve literal characters the parser would misread, mark text-mode scripts as math, and chunk."""
    pieces: list[tuple[bool, str]] = []
    text = _TIE.sub(" ", text)  # before splitting: "of~$X$" is a tie whose right side is math
    for is_math, run in _segments(text):
        run = re.sub(r"(?<!\\)[%&#]", lambda m: shelf.put(m[0]), run)
        if is_math:
            pieces.append((True, re.sub(r"(?<!\\)~", " ", run)))
            continue
        run = re.sub(r"(?<!\\)\$", lambda m: shelf.put(m[0]), run)
        # "three levels {-1,0,1}": a set of numbers keeps its braces (Hugging Face dropped the backslashes)
        run = _NUMBER_SET.sub(lambda m: shelf.put("{") + m[1] + shelf.put("}"), run)
        run = re.sub(r"(?<!\\)~", lambda m: shelf.put(m[0]), run)
        pieces += _chunks(_text_scripts(run))
    return pieces


def _depth(text: str) -> int:
    depth = deepest = 0
    for c in text:
        if c == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif c == "}":
            depth = max(0, depth - 1)
    return deepest


def _convert(piece: str) -> str:
    """One LaTeX piece through pylatexenc, or through the regex fallback when it is too big or too deep."""
    if len(piece) > _MAX_PARSE or _depth(piece) > _MAX_DEPTH:
        return _fallback(piece)
    try:
        return _parse(piece)
    except Exception:  # pylatexenc has crashing corners (IndexError, RecursionError); text beats a traceback
        return _fallback(piece)


# --- the parser ----------------------------------------------------------------------------------

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


def _text_script(op: str, arg: str) -> str:
    """\\textsuperscript in running text: Unicode when it has the characters, else the bare text (1st)."""
    converted = _script(op, arg)
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
    specs += [MacroTextSpec(name, simplify_repl=_CITE if name.startswith("cite") else "") for name in _DROPPED]
    specs += [
        MacroTextSpec("url", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 0)),
        MacroTextSpec("href", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 1)),
        MacroTextSpec("textcolor", simplify_repl=lambda n, l2tobj: l2tobj.node_arg_to_text(n, 1)),
        MacroTextSpec("textsuperscript", simplify_repl=lambda n, l2tobj: _text_script("^", l2tobj.node_arg_to_text(n, 0))),
        MacroTextSpec("textsubscript", simplify_repl=lambda n, l2tobj: _text_script("_", l2tobj.node_arg_to_text(n, 0))),
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
                            parts.append(_script(pending, ch))
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
                    parts.append(_script(pending, text))
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


def _parse(text: str) -> str:
    nodes = latexwalker.LatexWalker(text, latex_context=_WALKER_DB, tolerant_parsing=True).get_latex_nodes()[0]
    return str(_CONVERTER.nodelist_to_text(nodes))


# --- fallback: no parser, linear regexes ---------------------------------------------------------

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a"}
_TEXT_DB = _text_db()


def _macro_text(m: re.Match[str]) -> str:
    spec = _TEXT_DB.get_macro_spec(m[1])
    if spec is None:
        return str(m[1])
    repl = spec.simplify_repl
    return repl if isinstance(repl, str) and "%" not in repl else ""


def _fallback(text: str) -> str:
    """Strip LaTeX without parsing: escaped characters, accents, known commands, braces and ``$``."""
    text = re.sub(r"\\([%&#$_{}~ ])", r"\1", text)
    text = re.sub(r"\\([\'`^\"~=.]|[uvHckr](?=\{))\s*\{?([A-Za-z])\}?",
                  lambda m: unicodedata.normalize("NFC", m[2] + _ACCENTS[m[1]]), text)
    text = re.sub(r"\\frac\s*\{([^{}]{0,50})\}\s*\{([^{}]{0,50})\}", r"\1/\2", text)
    text = re.sub(r"\^\{([^{}]{0,50})\}|\^(\w)", lambda m: _script("^", m[1] or m[2]), text)
    text = re.sub(r"_\{([^{}]{0,50})\}", lambda m: _script("_", m[1]), text)
    text = re.sub(r"\\[()\[\]]", "", text)
    text = re.sub(r"\\([A-Za-z]+)\s?", _macro_text, text)
    return re.sub(r"[{}$\\]", "", text)


# --- public --------------------------------------------------------------------------------------

def to_unicode(text: str) -> str:
    """LaTeX, de-backslashed LaTeX or plain text as clean Unicode display text; never raises."""
    if not _SPECIAL.search(text) and not _glued(text):
        return text
    shelf = _Shelf()
    work = _SHELVED.sub(lambda m: shelf.put(m[0]), text)
    work = _protect_urls(work, shelf)
    work = _repair(work)
    if not _SPECIAL.search(work):
        return shelf.restore(work)
    out = "".join(_convert(piece) if latex else piece for latex, piece in _prepare(work, shelf))
    if re.search(r"[\\${]", text):  # TeX's dashes, only in text that is TeX
        out = out.replace("---", "—").replace("--", "–")
    # display math and \\ leave line breaks; a title or abstract is one run of text
    return re.sub(r"\s+", " ", shelf.restore(out)).strip()


_LEFTOVER = re.compile(
    r"\\(?:[A-Za-z]+|[%&$#_{}])"  # a command or an escaped character
    r"|(?<![\\\w])\$[^\s$](?:[^$]{0,200}[^\s$])?\$(?!\d)"  # inline math
    r"|[_^]\{|[{}]"  # braced scripts, braces
    r"|(?<=[\d)\]}])times(?![a-z])|(?<![A-Za-z])sim\s?\d"  # "2times", "sim50"
    r"|(?:mathbf|mathrm|mathcal|mathbb|textbf|ldots|cdots|geq|leq|rightarrow|leftarrow|infty|varepsilon)(?![a-z])"
    r"|(?<![A-Za-z])(?:emph|frac|sqrt|cdot|approx|neq)(?![a-z])"
    r"|[A-Za-z.,]~[A-Za-z(]|``"
)


def leftovers(text: str) -> list[str]:
    """Fragments of ``text`` a reader would call LaTeX (URLs and sets like {-1,0,1} excepted)."""
    text = re.sub(r"\{[^{}]*,[^{}]*\}", "", _URL.sub("", text))
    return [m[0] for m in _LEFTOVER.finditer(text)]


_ASCII = str.maketrans({"×": "x", "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                        "‟": '"', "″": '"', "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})


def plain(text: str) -> str:
    """The search form of display text: NFKC (H₂O -> H2O, ² -> 2), × -> x, ASCII quotes and dashes."""
    return unicodedata.normalize("NFKC", text).translate(_ASCII)
