"""Paper A mentions paper B when A's title or abstract names B's method. Fills ``Paper.mentions``.

Precision first: a wrong link misleads. A name links only when it is coined (inner capitals, digits,
or a word the corpus never uses in lower case), owned by exactly one paper, stands alone (``LoRA``
inside ``S-LoRA`` or ``FlashAttention`` before ``-3`` is another name), and, when short enough to be
a common acronym (``DSP``), the two abstracts also share vocabulary. One Aho–Corasick automaton over
every name keeps the scan linear in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import islice, pairwise
from typing import Any

import ahocorasick

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..extract.text import mask_urls, sentence_at
from ..memo import Memo, as_text, decoded, digest_each
from ..model import Corpus, Mention, Paper
from .glossary import definitions, expansion_key
from .methods import FUNCTION_WORDS, TOKEN, canon, initials_match, is_distinctive, key, plain_digits, title_methods

# Names this short are often also everyday acronyms (DSP, FIT, C4): link them only in shared context.
_SHORT = 4
_MIN_CONTEXT = 0.08
_GENERIC_USERS = 2  # other papers writing a plain name in lower case before it counts as a common phrase
# A lower-case word is a whole run of word characters, apostrophes and hyphens that is all lower case.
# Each run is taken whole, into the group when it is such a word, else unnamed (an empty group): a
# lookbehind for the run's start, tried at every character, was a third slower.
_LOWER_RUN = re.compile(r"([a-z][a-z'-]*)(?![\w'-])|[\w'-]+")
# A hyphen suffix that only qualifies the name ("Mamba-3B", "GaLore-based") rather than naming another.
# In prose a following capitalized word continues the name; titles capitalize everything, so not there.
# A following word that only describes what the name is ("the Mamba State Space Model") does not.
_PRODUCT_NEXT = re.compile(r" (?!(?:State Space|Models?|Architectures?|Layers?|Blocks?|Modules?|Networks?|Algorithms?|"
                           r"Methods?|Kernels?|Framework|Backbones?|Encoders?|Decoders?|Attention|"
                           r"(?:Sequence|Context|Tensor|Pipeline|Data|Expert) Parallelism)\b)[A-Z][a-z]+\b")
# A short name followed by one of these words is the dataset or benchmark of that name.
_DATA_NEXT = re.compile(r"\s+(?:data\s?sets?|corpus|corpora|benchmarks?|splits?)\b", re.IGNORECASE)
# A hybrid with a generic architecture ("Hybrid Mamba-Transformer", "Mamba-Attention") still names the first part.
_QUALIFIER = re.compile(r"-(?:[a-z][a-z]+|\d+(?:\.\d+)?[BMK]|Transformers?|Attention)\b")
# "Mamba-Attention hybrids" (set L: SCBench): a name joined to a generic architecture is a sequence model's
_HYBRID = re.compile(r"-(?:Attention|Transformers?)\b")
# "FlashAttention 2/3": more versions of the name just matched
_MORE_VERSIONS = re.compile(r"/(\d+)\b")


_BRAND_USERS = 3  # papers whose names start with one coined word before it reads as a brand ("DeepSpeed-MoE")
_GLOSS_REACH = 3  # words either side of a one-word name that may say what it is ("state-space (Mamba)")
_GLOSS_RARE = 0.05  # a title word pair more papers than this share is no gloss ("neural networks", "large scale")


@dataclass(frozen=True)
class Name:
    """One linkable spelling: its matching key, the paper owning it, and how strictly it must match."""

    key: str
    text: str
    owner: str
    cased: bool  # must match with the same capitals (ZeRO is not "zero")
    short: bool  # needs shared context with the source (DSP the method vs. DSP the chip)
    plain: bool = False  # one ordinary-looking word ("Chimera", "Mamba"): the papers must share a topic area
    # a long form of ordinary words links only beside its owner's acronym ("Mixture of Attention" is
    # MoA's only where the text also says MoA: another paper's mixture of attention heads is not)
    partner: str | None = None


def _tokens(text: str) -> str:
    """``text`` as space-padded matching tokens, punctuation dropped, for whole-phrase counting."""
    return " " + " ".join(TOKEN.findall(canon(text))) + " "


def _occurrences(phrases: Iterable[str], texts: list[str]) -> dict[str, set[int]]:
    """For each phrase (``_tokens`` form), the indexes of the texts holding it: one automaton pass."""
    automaton = ahocorasick.Automaton()
    wanted = sorted(set(phrases))
    for phrase in wanted:
        automaton.add_word(phrase, phrase)
    found: dict[str, set[int]] = {phrase: set() for phrase in wanted}
    if not wanted:
        return found
    automaton.make_automaton()
    for i, text in enumerate(texts):
        for _end, phrase in automaton.iter(text):
            found[phrase].add(i)
    return found


def lowercase_vocabulary(papers: Iterable[Paper]) -> tuple[set[str], list[str]]:
    """Words the corpus writes in lower case (ordinary words), and each paper's lower-case words in order."""
    words: set[str] = set()
    texts: list[str] = []
    for p in papers:
        lower = list(filter(None, _LOWER_RUN.findall(mask_urls(f"{p.title}. {p.abstract or ''}"))))
        words.update(lower)
        # already folded, no digits: the TOKEN runs are what apostrophes and hyphens separate
        texts.append(" " + " ".join(" ".join(lower).replace("'", " ").replace("-", " ").split()) + " ")
    return words, texts


def linkable(name: str, common: set[str], lower_users: int) -> tuple[bool, bool]:
    """Whether ``name`` may link at all, and whether it must match case-sensitively.

    ``lower_users`` counts the other papers writing the name's words as a lower-case phrase.
    """
    words = name.replace("-", " ").split()
    coined = [w for w in words if is_distinctive(w)]
    cased = any(w.casefold() in common for w in words)
    if coined:
        return True, cased
    if len(words) == 1:
        # a capitalized word the corpus never writes in lower case is a coined name (Mamba, Shampoo)
        return words[0][:1].isupper() and words[0].casefold() not in common, True
    # an all-plain phrase that several papers write as ordinary words is generic ("sequence parallelism")
    capitalized = all(w[:1].isupper() for w in words if w.casefold() not in FUNCTION_WORDS)
    return capitalized and lower_users < _GENERIC_USERS, True


def _brand_aliases(spelled: dict[tuple[str, str], str], common: set[str]) -> list[tuple[str, str, str]]:
    """(key, owner, alias) for names made of a brand and a word: "DeepSpeed Ulysses" is also "Ulysses".

    A brand is a coined first word that starts the names of several papers (DeepSpeed-MoE,
    DeepSpeed-FastGen, DeepSpeed Ulysses); what follows it is the name proper when it is one capitalized
    word the corpus never writes in lower case. Acronyms (PyTorch FSDP) and coinages (FastGen) are
    left alone: those are often another paper's name.
    """
    split = {(k, owner): text.replace("-", " ").split() for (k, owner), text in spelled.items() if " " in k}
    brands: dict[str, set[str]] = defaultdict(set)
    for (_k, owner), words in split.items():
        if len(words) > 1 and is_distinctive(words[0]):
            brands[words[0].casefold()].add(owner)
    out: list[tuple[str, str, str]] = []
    for (_k, owner), words in sorted(split.items()):
        if len(words) != 2 or len(brands.get(words[0].casefold(), ())) < _BRAND_USERS:
            continue
        word = words[1]
        if word.isalpha() and len(word) >= 4 and word[0].isupper() and word[1:].islower() \
                and word.casefold() not in common:
            out.append((key(word), owner, word))
    return out


# "FlashAttention-2": words of a compound name, each capitalized, then a version
_VERSIONED = re.compile(r"((?:[A-Z][a-z]+){2,})-?(\d+)")
_ACRONYM = re.compile(r"[A-Z]{3,}")


def _short_aliases(spelled: dict[tuple[str, str], str], titles: dict[str, str]) -> list[tuple[str, str, str]]:
    """(key, owner, alias) for the short forms writers use of two kinds of names.

    A versioned compound is written by its capitals and version ("FA2" for FlashAttention-2, set G:
    Jet-Long). A product's acronym after its maker's name is the method when the owner's title spells
    the acronym out ("FSDP" for PyTorch FSDP, whose title says Fully Sharded Data Parallel; set G:
    Open-Qwen2VL's "FSDP-based training codebase").
    """
    out: list[tuple[str, str, str]] = []
    for (_k, owner), text in sorted(spelled.items()):
        versioned = _VERSIONED.fullmatch(text)
        if versioned:
            alias = "".join(c for c in versioned.group(1) if c.isupper()) + versioned.group(2)
            out.append((key(alias), owner, alias))
            continue
        words = text.split()
        if len(words) == 2 and is_distinctive(words[0]) and _ACRONYM.fullmatch(words[1]):
            title_words = re.split(r"[\s:-]+", titles[owner])
            n = len(words[1])
            if any(initials_match(words[1], " ".join(title_words[i:i + n])) for i in range(len(title_words))):
                out.append((key(words[1]), owner, words[1]))
    return out


def build_names(papers: Iterable[Paper]) -> list[Name]:
    """Every linkable name with exactly one owner; a name two papers claim is ambiguous and dropped."""
    papers = list(papers)
    common, lower_texts = lowercase_vocabulary(papers)
    methods = {p.id: [(m, _tokens(m)) for m in p.methods] for p in papers}
    in_titles = _occurrences((t for ms in methods.values() for _m, t in ms), [_tokens(p.title) for p in papers])
    position = {p.id: i for i, p in enumerate(papers)}
    owners: dict[str, set[str]] = defaultdict(set)
    spelled: dict[tuple[str, str], str] = {}
    for p in papers:
        from_title = {key(n) for n in title_methods(p.title)}
        # a name claimed only in an abstract that another paper's title holds is likely built upon
        claimed = [m for m, t in methods[p.id] if key(m) in from_title or in_titles[t] <= {position[p.id]}]
        # "we introduce Gated Linear Attention (GLA) for vision": when the long form is another
        # paper's title, its acronym is that paper's too
        dropped = [m for m in p.methods if m not in claimed]
        claimed = [m for m in claimed if not any(initials_match(m, d) for d in dropped)]
        for m in claimed:
            k = key(m)
            owners[k].add(p.id)
            spelled.setdefault((k, p.id), m)
    aliases: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for k, owner, alias in _brand_aliases(spelled, common) + _short_aliases(spelled, {p.id: p.title for p in papers}):
        aliases[k].add((owner, alias))
    for k, claims in aliases.items():
        if k not in owners and len(claims) == 1:  # "Ulysses" is DeepSpeed Ulysses while nothing else claims it
            owner, alias = next(iter(claims))
            owners[k].add(owner)
            spelled[(k, owner)] = alias
    single = {k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1}
    lower_users = _occurrences((_tokens(spelled[(k, o)]) for k, o in single.items()), lower_texts)
    names: list[Name] = []
    for k in sorted(single):
        owner = single[k]
        text = spelled[(k, owner)]
        others = len(lower_users[_tokens(text)] - {position[owner]})
        ok, cased = linkable(text, common, others)
        if ok:
            alnum = sum(c.isalnum() for c in text)
            short = alnum <= _SHORT or (text.isupper() and alnum <= 5)
            names.append(Name(k, text, owner, cased, short, " " not in text and not is_distinctive(text)))
    acronyms: dict[str, list[tuple[str, str]]] = defaultdict(list)  # owner -> its one-word names
    for (k, owner), text in sorted(spelled.items()):
        if " " not in text:
            acronyms[owner].append((k, text))
    return [replace(n, partner=_acronym_of(n, acronyms[n.owner])) for n in names]


def _acronym_of(name: Name, acronyms: list[tuple[str, str]]) -> str | None:
    """The key of the acronym its owner gives a long form made only of ordinary words, if any."""
    words = [w for w in re.split(r"[\s-]+", name.text) if w.casefold() not in FUNCTION_WORDS]
    if len(words) < 2 or any(is_distinctive(w) for w in words):
        return None
    return next((k for k, short in acronyms if k != name.key and initials_match(short, name.text)), None)


def _cased(text: str) -> str:
    """Case-keeping form, function words folded: "Once-For-All" = "Once-for-All", "Zero" != "ZeRO"."""
    return " ".join(w.casefold() if w.casefold() in FUNCTION_WORDS else w for w in canon(text, fold=False).split())


def _stands_alone(text: str, start: int, end: int) -> bool:
    """The match at ``text[start:end]`` is a whole name, not part of a longer one."""
    before = text[start - 1] if start > 0 else " "
    if before.isalnum() or (before in "+-" and start > 1 and text[start - 2].isalnum()):
        return False  # "S-LoRA", "Q-GaLore", "NeMo-Megatron"
    after = text[end] if end < len(text) else " "
    if after.isalnum() or after in "+*":
        return False  # "ZeRO++", "FlashAttention2" against "FlashAttention"
    return not (after == "-" and not _QUALIFIER.match(text, end))  # "-Infinity", "-3" make another name


def _inner_capitals(text: str) -> bool:
    return any(any(c.isupper() for c in w[1:]) and any(c.islower() for c in w) for w in re.split(r"[\s-]+", text))


def _acronym_parts(text: str) -> bool:
    parts = text.split("-")
    return len(parts) > 1 and all(part.isalnum() and not any(c.islower() for c in part) for part in parts)


def _same_shape(spelled: str, name: str) -> bool:
    """Whether the words in the text can be the name at all, beyond matching its letters.

    A short name whose capitals are its identity (ThinK, ZeRO) is not the ordinary word written
    plainly ("Deep Think"), while a long compound still is itself in another case ("Tensorflow"); a
    name made of acronyms joined by hyphens (LLM-FP4) is not those acronyms side by side in prose
    ("LLM FP4 pretraining"). Both from set B of the unseen labels.
    """
    short = sum(c.isalnum() for c in name) <= _SHORT + 1
    if short and _inner_capitals(name) and not _inner_capitals(spelled) and not spelled.isupper():
        return False
    return not (_acronym_parts(name) and spelled.count("-") < name.count("-"))


def _original_span(text: str, folded: str, start: int, stop: int) -> tuple[int, int] | None:
    """Where ``folded[start:stop]`` came from in ``text``: canon keeps word tokens one for one."""
    first = len(TOKEN.findall(folded, 0, start))
    inside = list(TOKEN.finditer(folded, start, stop))
    if not inside:
        return None
    tail = stop - inside[-1].end()  # "++" after "NERV" is copied as is
    # tokens as canon sees them: "N²" is a letter run and a digit run there, one \w run in ``text``
    # (islice skips the tokens before the match in C, not one Python step each)
    tokens = list(islice(TOKEN.finditer(plain_digits(text)), first, first + len(inside)))
    if len(tokens) < len(inside):
        return None
    o_start, o_end = tokens[0].start(), tokens[-1].end() + tail
    if canon(text[o_start:o_end]) != folded[start:stop]:
        return None  # a character whose case folding changes its token count: no guessing
    return o_start, o_end


# a version written alone right after a versioned name and a joining word is that name's other version
_BARE_VERSION = re.compile(r"[vV]\d+")
_ELIDED_VERSION = re.compile(r"[A-Za-z][\w-]*[vV]\d+\s*(?:,|and|or|&|/)\s*$")


def find_names(text: str, automaton: ahocorasick.Automaton, by_key: dict[str, Name],
               prose: bool = True, owner: str | None = None) -> list[tuple[int, int, Name]]:
    """Where names occur in ``text`` (start, end): leftmost, longest, non-overlapping; positions in ``text``."""
    folded = canon(text)
    found: list[tuple[int, int, Name]] = []
    for end, k in automaton.iter(folded):
        start = end - len(k) + 1
        stop = end + 1
        if start > 0 and folded[start - 1].isalnum():
            continue
        if stop < len(folded) and folded[stop] == "s" and (stop + 1 == len(folded) or not folded[stop + 1].isalnum()):
            stop += 1  # plural: "TTMs", "GPipes"
        if stop < len(folded) and folded[stop].isalnum():
            continue
        name = by_key[k]
        if name.owner == owner:
            continue  # a paper naming its own method links nowhere; skip the costly checks
        span = _original_span(text, folded, start, stop)
        if span is None:
            continue
        o_start, o_end = span
        plural = stop != end + 1
        if not _stands_alone(text, o_start, o_end):
            continue
        if prose and _PRODUCT_NEXT.match(text, o_end):
            continue  # "TensorFlow Lite", "TensorFlow Object Detection API": a longer product name
        if name.short and _DATA_NEXT.match(text, o_end):
            continue  # "the large-scale C4 dataset": the corpus, not the C4 method
        if _BARE_VERSION.fullmatch(text, o_start, o_end) and _ELIDED_VERSION.search(text, max(0, o_start - 40), o_start):
            continue  # "MobileNetV2 and V3": MobileNet's next version, not a paper named V3 (set P: V³)
        spelled = text[o_start:o_end - (1 if plural else 0)]
        if name.cased and _cased(spelled) != _cased(name.text):
            continue
        if not _same_shape(spelled, name.text):
            continue
        found.append((o_start, o_end, name))
        # "FlashAttention 2/3" (set G: Parallax): the versions after a slash are the same name's other versions
        for version in _MORE_VERSIONS.finditer(text, o_end, o_end + 12):
            other = by_key.get(re.sub(r"\d+$", version.group(1), name.key))
            if version.start() != o_end or other is None or other.owner == owner or not name.key[-1:].isdigit():
                break
            found.append((version.start(1), version.end(1), other))
            o_end = version.end()
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2].key))
    chosen: list[tuple[int, int, Name]] = []
    last_end = -1
    for o_start, o_end, name in found:
        if o_start >= last_end:
            chosen.append((o_start, o_end, name))
            last_end = o_end
    return chosen


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in TOKEN.findall(canon(text))]


def _title_pairs(title: str) -> set[tuple[str, str]]:
    """Adjacent content words of a title, stemmed: "Selective State Spaces" gives ("state", "space")."""
    words = _stems(title)
    return {(a, b) for a, b in pairwise(words)
            if a not in FUNCTION_WORDS and b not in FUNCTION_WORDS and a.isalpha() and b.isalpha()}


class _Glosses:
    """Whether a one-word name stands next to words of its owner's title that few papers use.

    "recurrent, state-space (Mamba), and attention architectures" says which Mamba it means in the
    Mamba paper's own title words (Selective State Spaces), the way a shared topic area would. Word
    pairs many papers write ("neural networks") say nothing. A hybrid with a generic architecture
    ("Mamba-Attention hybrids") says the name is a sequence model as plainly. Counted lazily: most runs
    never ask.
    """

    def __init__(self, papers: list[Paper], names: list[Name]):
        self.papers = papers
        titles = {p.id: p.title for p in papers}
        self.pairs = {n.key: {pair for pair in _title_pairs(titles[n.owner]) if not set(_stems(n.text)) & set(pair)}
                      for n in names if n.plain}
        self.users: dict[str, int] | None = None

    def _rare(self, pair: tuple[str, str]) -> bool:
        if self.users is None:
            texts = [" " + " ".join(_stems(f"{p.title}. {p.abstract or ''}")) + " " for p in self.papers]
            wanted = (" " + " ".join(pr) + " " for prs in self.pairs.values() for pr in prs)
            self.users = {k: len(v) for k, v in _occurrences(wanted, texts).items()}
        return self.users.get(" " + " ".join(pair) + " ", 0) <= max(2, _GLOSS_RARE * len(self.papers))

    def __call__(self, text: str, start: int, end: int, name: Name) -> bool:
        if _HYBRID.match(text, end):
            return True  # "Mamba-Attention hybrids": what the name is, said by what it is mixed with
        wanted = self.pairs.get(name.key, set())
        head = text[:start].rsplit(". ", 1)[-1]
        tail = text[end:].split(". ", 1)[0]
        for side in (_stems(head)[-_GLOSS_REACH:], _stems(tail)[:_GLOSS_REACH]):
            if any(pair in wanted and self._rare(pair) for pair in pairwise(side)):
                return True
        return False


def _context(papers: list[Paper]) -> tuple[dict[str, int], object]:
    from sklearn.feature_extraction.text import TfidfVectorizer  # a second to import: only when a run needs it

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    matrix = vectorizer.fit_transform([f"{p.title}. {p.abstract or ''}" for p in papers])
    return {p.id: i for i, p in enumerate(papers)}, matrix


def find_mentions(papers: tuple[Paper, ...], parents: dict[str, str | None] | None = None) -> dict[str, tuple[Mention, ...]]:
    """Outgoing mentions of every paper, in the order the names first occur (title, then abstract).

    ``parents`` maps leaf topics to their parents; with it, a one-word name ("Chimera") links only
    between papers sorted under the same parent topic: Chimera the pipeline schedule and Chimera the
    multimodal expert model are two papers' names, and the survey's own sorting tells them apart.
    """
    names = build_names(papers)
    by_key = {n.key: n for n in names}
    automaton = ahocorasick.Automaton()
    for n in names:
        automaton.add_word(n.key, n.key)
    if not names:
        return {p.id: () for p in papers}
    automaton.make_automaton()
    areas = {p.id: {parents.get(a.topic) or a.topic for a in p.topics} for p in papers} if parents else None
    # a short name between papers sorted into the same leaf topic is that topic's name ("FA2" in a paper on
    # attention kernels, set G: Jet-Long), however few other words the two abstracts share
    leaves = {p.id: {a.topic for a in p.topics} for p in papers}
    needs_context = any(n.short or (n.plain and areas is not None) for n in names)
    index, matrix = _context(list(papers)) if needs_context else ({}, None)
    # what each paper says its abbreviations stand for: "self-supervised learning (SSL)" is not the SSL
    # method of another paper, unless both papers expand it the same way
    meanings = {p.id: {key(a): expansion_key(e) for a, e in definitions(p.abstract or "")} for p in papers}
    glossed = _Glosses(list(papers), names)
    out: dict[str, tuple[Mention, ...]] = {}
    for p in papers:
        own = {key(m) for m in p.methods}
        defined = meanings[p.id]
        mentions: list[Mention] = []
        seen: set[str] = {p.id}
        parts = [(part, prose, mask_urls(part) if prose else part)  # same length, so positions hold in ``part``
                 for part, prose in ((p.title, False), (p.abstract or "", True))]
        found = [(part, scanned, find_names(scanned, automaton, by_key, prose, owner=p.id))
                 for part, prose, scanned in parts]
        written = {name.key for _part, _scanned, hits in found for _s, _e, name in hits}
        for part, scanned, hits in found:
            for pos, end, name in hits:
                if name.owner in seen or name.key in own:
                    continue
                if name.partner is not None and name.partner not in written:
                    continue  # the long form without its acronym: maybe another paper's same words
                if name.key in defined and defined[name.key] != meanings[name.owner].get(name.key):
                    continue  # the paper defines this abbreviation as something else
                if name.plain and areas is not None and not areas[p.id] & areas[name.owner] \
                        and not glossed(scanned, pos, end, name):
                    continue  # "Chimera" in a pipeline-parallelism paper is not a multimodal model's Chimera
                if (name.short or (name.plain and areas is not None)) and matrix is not None \
                        and not (name.short and leaves[p.id] & leaves[name.owner]):
                    a, b = matrix[index[p.id]], matrix[index[name.owner]]  # type: ignore[index]
                    if float(a.multiply(b).sum()) < _MIN_CONTEXT:
                        continue  # "DSP" in a paper about chips is not Dynamic Sequence Parallelism
                seen.add(name.owner)
                mentions.append(Mention(p.id, name.owner, name.text, sentence_at(part, pos)))
        out[p.id] = tuple(mentions)
    return out


def mentioned_by(corpus: Corpus) -> dict[str, tuple[Mention, ...]]:
    """Incoming mentions per paper id (the "Mentioned by" list), sources in id order."""
    incoming: dict[str, list[Mention]] = defaultdict(list)
    for p in corpus.papers:
        for m in p.mentions:
            incoming[m.target].append(m)
    return {pid: tuple(sorted(ms, key=lambda m: m.source)) for pid, ms in sorted(incoming.items())}


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Paper.mentions``; needs ``Paper.methods`` (run the methods enricher first).

    Mentions depend on every paper's text, methods and topics at once: with a ``memo``, a corpus
    where none of those changed (a curated note edited, a template) takes them from the last run.
    """
    parents = {t.id: t.parent for t in corpus.topics}
    memo = memo if memo is not None else Memo()
    # a missing abstract reads as an empty one here; the count of methods says where the topics start
    key = memo.key("mentions", sorted(parents.items(), key=lambda kv: kv[0]),
                   digest_each((p.id, p.title, p.abstract or "", str(len(p.methods)), *p.methods,
                                *(a.topic for a in p.topics)) for p in corpus.papers))
    found = decoded(_mentions_from, memo.get("mentions", key))
    if found is None or set(found) != {p.id for p in corpus.papers}:
        found = find_mentions(corpus.papers, parents or None)
        memo.put("mentions", key, {pid: [[m.target, m.name, m.quote] for m in ms] for pid, ms in found.items()})
    papers = tuple(replace(p, mentions=found[p.id]) for p in corpus.papers)
    return replace(corpus, papers=papers), []


def _mentions_from(value: Any) -> dict[str, tuple[Mention, ...]]:
    return {as_text(pid): tuple(Mention(pid, as_text(t), as_text(n), as_text(q)) for t, n, q in ms)
            for pid, ms in value.items()}
