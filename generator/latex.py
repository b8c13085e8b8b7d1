"""LaTeX-ish text to clean Unicode for display (``to_unicode``) and to a plain form for search (``plain``).

Sources write titles and abstracts three ways: plain text; real LaTeX (arXiv and BibTeX: ``$^{2}$``,
``\\%``, ``{\\"u}``); and LaTeX whose backslashes a scraper stripped (Hugging Face shows arXiv abstracts
as ``2.49times speedup``, ``(sim50\\%)``, ``Tgeq 0``). ``to_unicode`` takes all three:

1. Text with none of ``\\ $ { } _ ^ ~`` and no glued leftover comes back unchanged.
2. URLs and literal characters (``%``, a currency ``$``, an approximate ``~``) are set aside, and
   de-backslashed leftovers are repaired only where they cannot be English (``latex_repairs``):
   ``2times`` but not ``three times``, ``sim50`` but not ``simulation``.
3. Each math span and each word or brace group holding LaTeX goes through pylatexenc
   (``latex_parser``); plain words between them are kept as they are, which keeps the slow parser off
   most of an abstract. Sub- and superscripts become Unicode where Unicode has the character (``H₂O``,
   ``O(n²)``, ``D⁻¹``, ``Qᵀ``) and stay readable where it has not: ``x_max``, ``n^(1+o(1))``, ``2^k``.
   TeX's ``--`` and ``---`` become dashes in text that holds real LaTeX, not in plain text.

Input longer than ``_MAX_PARSE`` characters or nested deeper than ``_MAX_DEPTH`` braces skips the
parser for a linear regex fallback, and so does anything the parser chokes on: the function never
raises and its time grows linearly with the input.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from .latex_parser import CITE, SUBSCRIPT, macro_text, script
from .latex_parser import parse as _parse
from .latex_repairs import has_leftovers, repair

# The parser costs ~6 µs a character plus ~100 µs a piece; an abstract is a few thousand characters.
# Longer text (a 1 MB dump) is converted by the regex fallback alone, and so is any piece past this size.
_MAX_PARSE = 20_000
# pylatexenc recurses about four Python frames per brace level; 100 levels stay far from the limit.
_MAX_DEPTH = 100
# How far a math span or a braced script argument may reach: bounds every scan to linear time.
_MAX_SPAN = 2_000

# Characters that may start LaTeX. Text without them (and without a glued leftover) is left alone.
_SPECIAL = re.compile(r"[\\$^_{}~]")
# Placeholders for what the parser must not see: Supplementary Private Use Area-A, one per item.
_SHELF_FIRST, _SHELF_LAST = 0xF0000, ord(CITE)
_SHELVED = re.compile("[\U000f0000-\U000ffffd]")


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
        text = re.sub(r"\s*" + CITE, "", text)
        return _SHELVED.sub(lambda m: self.items.get(m[0], ""), text)


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


def _next(positions: list[int], after: int) -> int:
    """The first position greater than ``after`` within ``_MAX_SPAN`` of it, or -1."""
    k = bisect.bisect_right(positions, after)
    return positions[k] if k < len(positions) and positions[k] - after <= _MAX_SPAN else -1


def _segments(text: str) -> list[tuple[bool, str]]:
    """Split into ``(is_math, text)`` runs: ``$…$``, ``$$…$$``, ``\\(…\\)`` and ``\\[…\\]`` are math."""
    closers = _dollar_closers(text)
    # closing positions found once, so many unclosed openers cost a lookup each, not a scan each
    ends = {token: [m.start() for m in re.finditer(re.escape(token), text)] for token in ("\\)", "\\]", "$$")}
    out: list[tuple[bool, str]] = []
    start = 0
    k = 0  # index into closers
    for m in _MATH_OPENER.finditer(text):
        i, token = m.start(), m[0]
        if i < start:
            continue
        end = -1
        if token in ("\\(", "\\["):
            j = _next(ends["\\)" if token == "\\(" else "\\]"], i + 1)
            end = j + 2 if j != -1 else -1
        elif token == "$$":
            j = _next(ends["$$"], i + 2)
            end = j + 2 if j != -1 else -1
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
# A tie (LaTeX's non-breaking space): "codecs~(H.264", "of~$X$", and before a number after a word
# ("Raspberry~Pi~5", "RTX~5090", "Table~1"), but not inside a range written with a tilde after a
# number's unit ("0.8dB~2dB", "10X~20X"): a word glued to a digit is a unit, so that tilde stays.
_TIE = re.compile(r"(?<=[A-Za-z.,;:])~(?=[A-Za-z(\[$\\])"
                  r"|(?<![0-9][A-Za-z])(?<![0-9][A-Za-z]{2})(?<![0-9][A-Za-z]{3})(?<=[A-Za-z]{2})~(?=\d)")


def _text_scripts(text: str) -> str:
    """Wrap ``x^{…}``, ``x^2``, ``x_{…}`` outside math in ``\\(…\\)`` so the math converter handles them."""
    text = _CHEM.sub(lambda m: (m[1] or m[3]) + "".join(SUBSCRIPT[d] for d in (m[2] or m[4])), text)
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


# --- fallback: no parser, linear regexes ---------------------------------------------------------

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a"}
def _fallback(text: str) -> str:
    """Strip LaTeX without parsing: escaped characters, accents, known commands, braces and ``$``."""
    text = re.sub(r"\\([%&#$_{}~ ])", r"\1", text)
    text = re.sub(r"\\([\'`^\"~=.]|[uvHckr](?=\{))\s*\{?([A-Za-z])\}?",
                  lambda m: unicodedata.normalize("NFC", m[2] + _ACCENTS[m[1]]), text)
    text = re.sub(r"\\frac\s*\{([^{}]{0,50})\}\s*\{([^{}]{0,50})\}", r"\1/\2", text)
    text = re.sub(r"\^\{([^{}]{0,50})\}|\^(\w)", lambda m: script("^", m[1] or m[2]), text)
    text = re.sub(r"_\{([^{}]{0,50})\}", lambda m: script("_", m[1]), text)
    text = re.sub(r"\\[()\[\]]", "", text)
    text = re.sub(r"\\([A-Za-z]+)\s?", lambda m: macro_text(m[1]), text)
    return re.sub(r"[{}$\\]", "", text)


# --- public --------------------------------------------------------------------------------------

def to_unicode(text: str) -> str:
    """LaTeX, de-backslashed LaTeX or plain text as clean Unicode display text; never raises."""
    if not _SPECIAL.search(text) and not has_leftovers(text):
        return text
    shelf = _Shelf()
    work = _SHELVED.sub(lambda m: shelf.put(m[0]), text)
    # "-{}-" is TeX for two hyphens, not an en dash (the site's own BibTeX writes a title's "--" so)
    work = re.sub(r"-\{\}(?=-)", lambda m: shelf.put("-"), work)
    work = _protect_urls(work, shelf)
    work = repair(work)
    if not _SPECIAL.search(work):
        return shelf.restore(work)
    convert = _convert if len(work) <= _MAX_PARSE else _fallback
    out = "".join(convert(piece) if latex else piece for latex, piece in _prepare(work, shelf))
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
