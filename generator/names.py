"""Author names: one display form, the family name, an identity key for grouping, and citation keys.

Names arrive as BibTeX writes them ("Dao, Tri", "van der Maaten, Laurens", "Smith, Jr., John") or as
"Given Family" (arXiv, Hugging Face). LaTeX is already converted (``latex.to_unicode``) before these run.
A name without a comma is shown as the source writes it; nameparser is used only to find the family name
inside one (particles kept: "Laurens van der Maaten" -> "van der Maaten", "Christopher De Sa" -> "De Sa").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from nameparser import HumanName

_ET_AL = re.compile(r"(?:and\s+)?(?:others|et\.?\s*al\.?|etal\.?|\.\.\.|…)", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:jr|sr|ii|iii|iv|v)\.?", re.IGNORECASE)
# Letters NFKD does not split into a base letter and a mark.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                       "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th"})
_STOPWORDS = frozenset((
    "a", "an", "the", "on", "of", "towards", "toward", "to", "for", "in", "at", "by", "with", "and", "or", "from",
    "into", "onto", "via", "is", "are", "do", "does", "what", "how", "why", "when", "can", "we", "you", "your", "our",
    "its", "it", "this", "that", "as",
))


def _clean(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.replace("{", "").replace("}", "")).strip()
    return text.strip(" ,;")


def is_et_al(raw: str) -> bool:
    """Whether an author entry only says there are more authors ("others", "et al.")."""
    return bool(_ET_AL.fullmatch(_clean(raw)))


def display_name(raw: str) -> str:
    """ "Given Family" for BibTeX's "Family, Given" and "Family, Jr., Given"; other names as written, tidied."""
    text = _clean(raw)
    if "," not in text or is_et_al(text):
        return text
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        family, given = parts
        return f"{family} {given}" if _SUFFIX.fullmatch(given) else f"{given} {family}"
    if len(parts) == 3:
        if _SUFFIX.fullmatch(parts[1]):  # BibTeX: "von Last, Jr, First"
            return f"{parts[2]} {parts[0]} {parts[1]}"
        if _SUFFIX.fullmatch(parts[2]):  # "Last, First, Jr."
            return f"{parts[1]} {parts[0]} {parts[2]}"
    return text  # more commas than a name has: a list or an affiliation; show it, do not guess


def family_name(name: str) -> str:
    """The family name with its particles ("van der Maaten"); the whole name when it has only one part."""
    text = _clean(name)
    if "," in text and not is_et_al(text):
        return text.split(",")[0].strip()
    return str(HumanName(text).last) or text


def _ascii(text: str) -> str:
    if text.isascii():  # most names and titles: nothing to fold, decompose or drop (_FOLD maps no ASCII)
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode("ascii")


def author_key(name: str) -> str:
    """Identity of an author across sources: "Tri Dao", "Dao, Tri" and "TRI DAO" share one key.

    Accents fold to ASCII, case folds, hyphens become spaces ("Jean-Baptiste" = "Jean Baptiste") and
    other punctuation goes ("T. Dao" -> "t dao"). Initials are not merged with full names: "T. Dao"
    and "Tri Dao" stay apart, because an initial and a family name are shared by many people (one
    "Y. Li" is hundreds of authors), and a wrong merge puts papers on a stranger's page, which is worse
    than one person listed twice. Names with no Latin letters (CJK) keep their own characters.
    """
    shown = display_name(name)
    folded = _ascii(shown).casefold()
    if not re.search(r"[a-z0-9]", folded):
        folded = unicodedata.normalize("NFKC", shown).casefold()
    words = re.sub(r"[-‐‑_/]+", " ", folded)
    return " ".join(re.sub(r"[^\w\s]", "", words).split())


def _title_word(title: str) -> str:
    text = _ascii(title).lower().replace("'", "").replace("’", "")
    for compound in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):
        parts = compound.split("-")
        # "8-bit" -> "8bit"; "Mixture-of-Experts" -> "mixture"
        word = parts[0] + parts[1] if parts[0].isdigit() and len(parts) > 1 else parts[0]
        if word not in _STOPWORDS:
            return word
    return ""


def citekey_base(authors: Sequence[str], year: int | None, title: str) -> str:
    """``lastnameYEARfirstword`` (``dao2023flashattention``): ASCII lower-case; "anon" without authors.

    The family name keeps its particles, run together ("vandermaaten2008visualizing"); the title word is
    the first that is not a stopword (a, an, the, on, of, towards ...). Making keys unique is the caller's.
    """
    family = re.sub(r"[^a-z0-9]", "", _ascii(family_name(authors[0])).lower()) if authors else ""
    return f"{family or 'anon'}{year or ''}{_title_word(title)}"
