"""Identity, ids and merging: records from every source become one ``Paper`` each, with provenance.

1. ``clean``: each record's claims in one form (LaTeX to Unicode, names "Given Family", arXiv ids
   without version, DOIs lower-case, venues normalized).
2. ``group``: records that share an arXiv id, a DOI or a title (in that order) are one paper, unless
   they carry different arXiv ids or DOIs; near-identical titles join only above a conservative
   threshold, and the near misses are listed for maintainers.
3. ``build``: each field is chosen by the declared precedence (``precedence.py``); every claim is
   kept in ``Paper.provenance``, the chosen one first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz

from . import latex, names, venues
from .diagnostics import Diagnostic
from .links import extract_links, safe_url
from .model import Link, NearDuplicate, Paper, Provenance, SourceRef, SourceStats, Stated
from .precedence import Precedence
from .records import Claim, Record

_SLUG_MAX = 48
_ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(r"(?<![\w.-])([a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?!\d)")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$")
_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
_TEXT_FIELDS = ("title", "abstract", "summary", "comment", "journal_ref", "org")
# every later stage is bounded in time by these: the longest bundled title has 222 characters, and arXiv
# caps abstracts at 1,920
MAX_LENGTH = {"title": 1_000, "abstract": 20_000}
# fields a Paper holds as attributes; every other claimed field is kept in ``Paper.extra``
_CORE = ("title", "abstract", "authors", "authors_count", "org", "date", "upvotes", "links", "arxiv", "doi", "venue")
# near-identical titles: merged at or above MERGE, listed for maintainers between NEAR and MERGE
FUZZY_MERGE = 96.0
FUZZY_NEAR = 90.0
_FUZZY_MIN_LEN = 30  # short titles ("Qwen2 technical report") differ by one meaningful character
_NEIGHBOURS = 4  # sorted-neighbourhood window: compare each title key with the next few only


@dataclass(frozen=True)
class Sourced:
    """A record with where it came from: its file, record line and collection, and the reader's format."""

    record: Record
    ref: SourceRef
    format: str
    raw_title: str = ""  # the title as the source wrote it, before cleaning: its id redirects too


# -- identity -------------------------------------------------------------------------------------


_NOT_ALNUM = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """Identity of a title: compatibility-folded (H₂O = H2O), case-folded, letters and digits only."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return _NOT_ALNUM.sub("", text)  # re's \w is str.isalnum() plus "_": one C pass instead of a generator


def slugify(text: str, max_len: int = _SLUG_MAX) -> str:
    """ASCII, lowercase, hyphen-separated, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or (words[0][:max_len] if words else "paper")


def paper_id(title: str, digits: int = 4, salt: str = "") -> str:
    """``<slug>-<hash>``: depends on this title alone, so adding other papers never changes it."""
    digest = hashlib.blake2b((title_key(title) + salt).encode("utf-8"), digest_size=8).hexdigest()
    return f"{slugify(title)}-{digest[:digits]}"


def assign_ids(keys_to_titles: dict[str, str], salts: dict[str, str] | None = None) -> dict[str, str]:
    """An id for every identity key; the rare full collision lengthens the hash for those papers only.

    Two papers with the very same title (kept apart by their arXiv ids or DOIs) hash that identifier too.
    """
    ids: dict[str, str] = {}
    by_id: dict[str, list[str]] = defaultdict(list)
    for key, title in keys_to_titles.items():
        by_id[paper_id(title)].append(key)
    for pid, keys in by_id.items():
        if len(keys) == 1:
            ids[keys[0]] = pid
            continue
        long = {key: paper_id(keys_to_titles[key], digits=16) for key in keys}
        counts = Counter(long.values())
        for key in keys:
            salt = (salts or {}).get(key, key)
            ids[key] = long[key] if counts[long[key]] == 1 else paper_id(keys_to_titles[key], 16, salt)
    return ids


def arxiv_id(text: str) -> str | None:
    """The arXiv id in an id, URL or ``arXiv:`` reference, without version; None if there is none."""
    text = text.strip()
    m = _ARXIV_NEW.search(text) or _ARXIV_OLD.search(text)
    return m.group(1) if m else None


def doi(text: str) -> str | None:
    """A DOI, lower-cased, without ``https://doi.org/`` or ``doi:``; None if it is not one."""
    value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.IGNORECASE).lower()
    return value if _DOI.match(value) else None


# -- cleaning one record ----------------------------------------------------------------------------


def clean(item: Sourced) -> tuple[Sourced, list[Diagnostic]]:
    """The record's claims in one form; a value that cannot be read is reported and left out."""
    diags: list[Diagnostic] = []
    out: dict[str, Claim] = {}
    path = item.ref.path

    def bad(claim: Claim, name: str, why: str) -> None:
        diags.append(Diagnostic(path, claim.line, "warning", f"bad-{name}", f"{name} {claim.value!r}: {why}; left out"))

    for name, claim in item.record.claims.items():
        value = claim.value
        if name in _TEXT_FIELDS and isinstance(value, str):
            limit = MAX_LENGTH.get(name)
            if limit and len(value) > limit:
                cut = value[:limit].rsplit(" ", 1)[0] if " " in value[:limit] else value[:limit]
                diags.append(Diagnostic(path, claim.line, "warning", f"{name}-too-long",
                                        f"{name} of {len(value)} characters cut to {limit}"))
                value = cut + " …"
            value = latex.to_unicode(value)
        elif name == "authors" and isinstance(value, tuple):
            people = [names.display_name(latex.to_unicode(str(a))) for a in value]
            value = tuple(p for p in people if p and not names.is_et_al(p))
        elif name == "arxiv":
            found = arxiv_id(str(value))
            if found is None:
                bad(claim, name, "not an arXiv id")
                continue
            value = found
        elif name == "doi":
            found = doi(str(value))
            if found is None:
                bad(claim, name, "not a DOI")
                continue
            if (m := _ARXIV_DOI.match(found)) and "arxiv" not in item.record.claims:
                out["arxiv"] = Claim(m.group(1), claim.line)
            value = found
        elif name in ("date", "updated"):
            if not isinstance(value, str) or not _DATE.match(value):
                bad(claim, name, "expected YYYY, YYYY-MM or YYYY-MM-DD")
                continue
        elif name == "venue" and isinstance(value, str):
            venue = venues.normalize_venue(latex.to_unicode(value))
            if venue is None:
                continue
            value = venue.display
            year = _year(item.record.value("date"))
            if venue.year is None and year and venue.name != "arXiv" and not re.search(r"\b(?:19|20)\d\d\b", value):
                value = f"{venue.display} {year}"  # a bibliography's year is the venue's year
        elif name == "links" and isinstance(value, tuple):
            value = tuple(link for link in value if isinstance(link, Link) and safe_url(link.url))
        elif isinstance(value, str):
            value = latex.to_unicode(value) if "\\" in value or "$" in value else value
        if value in ("", ()):
            continue
        out[name] = Claim(value, claim.line)
    raw = item.record.value("title")
    return replace(item, record=Record(item.record.line, out), raw_title=raw if isinstance(raw, str) else ""), diags


def _year(date: object) -> int | None:
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None


# -- grouping ---------------------------------------------------------------------------------------


class _Groups:
    """Union-find over records that refuses to join two papers with different arXiv ids or DOIs."""

    def __init__(self, items: Sequence[Sourced]) -> None:
        self.parent = list(range(len(items)))
        self.ids: list[dict[str, set[str]]] = [
            {k: {str(v)} for k in ("arxiv", "doi") if (v := it.record.value(k)) is not None} for it in items
        ]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(self, a: int, b: int) -> str | None:
        ra, rb = self.find(a), self.find(b)
        for kind in ("arxiv", "doi"):
            x, y = self.ids[ra].get(kind), self.ids[rb].get(kind)
            if x and y and x != y:
                return f"{kind} {min(x)} vs {min(y)}"
        return None

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        for kind, values in self.ids[rb].items():
            self.ids[ra].setdefault(kind, set()).update(values)


def group(items: Sequence[Sourced]) -> tuple[list[list[int]], list[Diagnostic], list[tuple[int, int, float]]]:
    """Indices of ``items`` grouped into papers, the conflicts reported, and near-miss title pairs."""
    diags: list[Diagnostic] = []
    groups = _Groups(items)
    keys = [title_key(str(it.record.value("title") or "")) for it in items]
    for kind in ("arxiv", "doi", "title"):
        first: dict[str, int] = {}
        for i, it in enumerate(items):
            key = keys[i] if kind == "title" else it.record.value(kind)
            if not key:
                continue
            if key not in first:
                first[key] = i
                continue
            j = first[key]
            why = groups.conflict(j, i)
            if why is None:
                groups.union(j, i)
            elif groups.find(i) != groups.find(j):
                diags.append(Diagnostic(it.ref.path, it.record.line, "info", "kept-apart",
                                        f"same {kind} as {items[j].ref.path}:{items[j].record.line} but {why}; "
                                        "kept as two papers"))
    near = _fuzzy(items, keys, groups)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[groups.find(i)].append(i)
    return [members[r] for r in sorted(members)], diags, near


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


def _fuzzy(items: Sequence[Sourced], keys: list[str], groups: _Groups) -> list[tuple[int, int, float]]:
    """Join near-identical titles (sorted neighbourhood, forwards and backwards); return the near misses.

    Comparing every title with every other is quadratic; titles that differ by a typo or a plural sort
    next to each other by their start or by their end, so a small window in both orders finds them.
    """
    reps: dict[str, int] = {}
    for i, key in enumerate(keys):
        if len(key) >= _FUZZY_MIN_LEN:
            reps.setdefault(key, i)
    near: dict[tuple[int, int], float] = {}
    for order in (sorted(reps), sorted(reps, key=lambda k: k[::-1])):
        for pos, key in enumerate(order):
            for other in order[pos + 1 : pos + 1 + _NEIGHBOURS]:
                a, b = reps[key], reps[other]
                if groups.find(a) == groups.find(b):
                    continue
                score = fuzz.ratio(key, other, score_cutoff=FUZZY_NEAR)
                if not score:
                    continue
                pair = (min(a, b), max(a, b))
                if score >= FUZZY_MERGE and _digits(key) == _digits(other) and groups.conflict(a, b) is None:
                    groups.union(a, b)
                    near.pop(pair, None)
                else:
                    near[pair] = round(score, 1)
    return sorted((a, b, s) for (a, b), s in near.items() if groups.find(a) != groups.find(b))


# -- one paper from its records ------------------------------------------------------------------------


def provenance(members: Iterable[Sourced], precedence: Precedence,
               known: tuple[Provenance, ...] = ()) -> tuple[Provenance, ...]:
    """Every claim of every member (and of ``known``), per field, best first by precedence, then path and line."""
    stated: dict[str, list[Stated]] = defaultdict(list)
    for p in known:
        stated[p.field].extend(p.claims)
    for it in members:
        for name, claim in it.record.claims.items():
            stated[name].append(Stated(claim.value, replace(it.ref, line=claim.line), it.format))
    out = []
    for name in sorted(stated):
        claims = sorted(stated[name], key=lambda s: (precedence.rank(name, s.format), s.ref.path, s.ref.line))
        out.append(Provenance(name, tuple(_refine(name, claims))))
    return tuple(out)


def _refine(name: str, claims: list[Stated]) -> list[Stated]:
    """Field rules on top of precedence: a fuller date that agrees wins; an arXiv-only venue comes last."""
    if name == "date":
        best = claims[0]
        fuller = next((c for c in claims if isinstance(c.value, str) and len(c.value) > len(str(best.value))
                       and c.value.startswith(str(best.value))), None)
        if fuller is not None:
            claims = [fuller, *(c for c in claims if c is not fuller)]
    if name == "venue":
        claims = sorted(claims, key=lambda c: str(c.value).startswith("arXiv"))  # stable: precedence kept
    return claims


def choose(prov: tuple[Provenance, ...], abstract_links: bool = True) -> dict[str, object]:
    """The Paper fields that provenance states: each chosen claim, links merged, the rest as ``extra``."""
    by_field = {p.field: p for p in prov}
    fields: dict[str, object] = {}
    extra: list[tuple[str, str]] = []
    for name, p in by_field.items():
        value = p.chosen.value
        if name == "links":
            continue
        if name in _CORE:
            fields["arxiv_id" if name == "arxiv" else name] = value
        else:
            extra.append((name, "; ".join(map(str, value)) if isinstance(value, tuple) else str(value)))
    links: list[Link] = []
    if "links" in by_field:
        for claim in by_field["links"].claims:
            if isinstance(claim.value, tuple):
                links.extend(v for v in claim.value if isinstance(v, Link))
    abstract = fields.get("abstract")
    if abstract_links and isinstance(abstract, str):
        links.extend(extract_links(abstract))
    own = fields.get("arxiv_id")
    if own:  # the paper's own arXiv pages are shown from its id; as links they would repeat
        links = [link for link in links if not (link.kind == "paper" and arxiv_id(link.url) == own)]
    seen: set[str] = set()
    fields["links"] = tuple(link for link in links if not (link.url in seen or seen.add(link.url)))  # type: ignore[func-returns-value]
    fields["extra"] = tuple(sorted(extra))
    return fields


def merge(items: Sequence[Sourced], precedence: Precedence | None = None) -> tuple[
        tuple[Paper, ...], list[Diagnostic], tuple[SourceStats, ...], tuple[NearDuplicate, ...]]:
    """Papers from records of every source, with provenance, per-source counts and near-miss titles."""
    precedence = precedence or Precedence()
    diags: list[Diagnostic] = []
    cleaned: list[Sourced] = []
    for item in sorted(items, key=lambda it: (it.ref.path, it.record.line)):
        done, found = clean(item)
        diags.extend(found)
        if not title_key(str(done.record.value("title") or "")):
            diags.append(Diagnostic(item.ref.path, item.record.line, "warning", "empty-title",
                                    "a record whose title has no letters or digits; skipped"))
            continue
        cleaned.append(done)
    members, found, near = group(cleaned)
    diags.extend(found)
    provs = [provenance((cleaned[i] for i in m), precedence) for m in members]
    titles = [str(_field(p, "title")) for p in provs]
    salts = {str(k): str(_field(p, "arxiv") or _field(p, "doi") or k) for k, p in enumerate(provs)}
    ids = assign_ids({str(k): t for k, t in enumerate(titles)}, salts)
    papers: list[Paper] = []
    index_to_paper: dict[int, str] = {}
    for k, (m, prov) in enumerate(zip(members, provs, strict=True)):
        pid = ids[str(k)]
        # every title any source gives, cleaned or as written, names an id that must lead here
        other_titles = {str(c.value) for p in prov if p.field == "title" for c in p.claims}
        other_titles |= {cleaned[i].raw_title for i in m if cleaned[i].raw_title}
        aliases = tuple(sorted({paper_id(t) for t in other_titles} - {pid}))
        fields = choose(prov)
        _conflicts(prov, diags)
        papers.append(Paper(id=pid, sources=tuple(sorted({cleaned[i].ref for i in m})), provenance=prov,
                            aliases=aliases, **_typed(fields)))
        for i in m:
            index_to_paper[i] = pid
    papers.sort(key=lambda p: p.id)
    papers = list(assign_citekeys(papers))
    stats = _stats(cleaned, members, index_to_paper)
    pairs = []
    for a, b, score in near:
        first, second = sorted((index_to_paper[a], index_to_paper[b]))
        pairs.append(NearDuplicate(first, second, score))
    return tuple(papers), diags, stats, tuple(sorted(set(pairs), key=lambda n: (n.a, n.b)))


def add_claims(paper: Paper, item: Sourced, precedence: Precedence) -> tuple[Paper, list[Diagnostic]]:
    """``paper`` with one more source's claims (a curated note's corrections) weighed in by precedence.

    The id never changes; every field is chosen again, so a correction the precedence puts first
    is shown and the value it replaced stays in the provenance.
    """
    done, diags = clean(item)
    prov = provenance([done], precedence, paper.provenance)
    fields = _typed(choose(prov))
    return replace(paper, provenance=prov, **fields), diags


def _field(prov: tuple[Provenance, ...], name: str) -> object:
    return next((p.chosen.value for p in prov if p.field == name), None)


def _typed(fields: dict[str, object]) -> dict[str, Any]:
    """Keyword arguments for ``Paper`` with each value of the type the field declares."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("authors_count", "upvotes"):
            out[name] = value if isinstance(value, int) and not isinstance(value, bool) else None
        elif name == "authors":
            out[name] = tuple(str(a) for a in value) if isinstance(value, tuple) else ()
        elif name in ("links", "extra"):
            out[name] = value
        else:
            out[name] = str(value) if value is not None else None
    out.setdefault("abstract", None)
    return out


def _conflicts(prov: tuple[Provenance, ...], diags: list[Diagnostic]) -> None:
    """A source that states another title, date or arXiv id than the chosen one deserves a look."""
    for p in prov:
        if p.field not in ("date", "arxiv", "doi") or not p.alternatives:
            continue
        for alt in p.alternatives:
            chosen = p.chosen
            if p.field == "date" and str(chosen.value).startswith(str(alt.value)):
                continue  # a year that agrees with a full date is no conflict
            diags.append(Diagnostic(alt.ref.path, alt.ref.line, "info", "conflicting-field",
                                    f"{p.field} {alt.value!r} differs from {chosen.value!r} "
                                    f"({chosen.ref.path}:{chosen.ref.line}), which wins by precedence"))


def _stats(items: list[Sourced], members: list[list[int]], owner: dict[int, str]) -> tuple[SourceStats, ...]:
    sizes = {owner[m[0]]: len({items[i].ref.path for i in m}) for m in members}
    records: Counter[str] = Counter()
    merged: Counter[str] = Counter()
    papers: dict[str, set[str]] = defaultdict(set)
    for i, it in enumerate(items):
        cid = it.ref.collection
        records[cid] += 1
        papers[cid].add(owner[i])
        if sizes[owner[i]] > 1:
            merged[cid] += 1
    return tuple(SourceStats(cid, records[cid], 0, len(papers[cid]), merged[cid]) for cid in sorted(records))


# -- citation keys -----------------------------------------------------------------------------------------

_CITEKEY = re.compile(r"^[A-Za-z][A-Za-z0-9_:.-]{0,63}$")


def assign_citekeys(papers: Iterable[Paper]) -> tuple[Paper, ...]:
    """A unique citation key per paper: the source's own BibTeX key when it has a sane one, else
    ``lastnameYEARfirstword``; papers that would share a key get a, b, c ... by (date, id)."""
    papers = list(papers)
    wanted: list[str] = []
    for p in papers:
        own = p.provenance_of("citekey")
        key = str(own.chosen.value) if own and _CITEKEY.match(str(own.chosen.value)) else ""
        wanted.append(key or names.citekey_base(p.authors, p.year, p.title))
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(wanted):
        by_key[key].append(i)
    taken = set(by_key)
    final = list(wanted)
    for key, idx in by_key.items():
        if len(idx) == 1:
            continue
        idx.sort(key=lambda i: (papers[i].date or "", papers[i].id))
        letters = (chr(c) for c in range(ord("a"), ord("z") + 1))
        for i in idx:
            for letter in letters:
                if key + letter not in taken:
                    final[i] = key + letter
                    taken.add(final[i])
                    break
            else:
                final[i] = f"{key}-{papers[i].id[-4:]}"
    return tuple(replace(p, citekey=k) for p, k in zip(papers, final, strict=True))

