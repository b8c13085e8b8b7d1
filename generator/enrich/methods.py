"""Method names a paper introduces: a title's name before the colon, a name ending the title, and
what the abstract says it proposes (``we propose X``, ``called X``). Fills ``Paper.methods``.

Also holds the name spelling rules (``canon``) that mentions use, so both sides agree on what
counts as the same name: case, hyphen or space (``DeepSpeed-Ulysses`` = ``DeepSpeed Ulysses``) and
letter/digit joins (``FlashAttention2`` = ``FlashAttention-2``) are ignored; digits are kept, so
versions stay apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..memo import Memo, as_text, decoded, digest
from ..model import Corpus, Paper
from ..notes import curated_names

# Separators, and LaTeX leftovers (S^{2}FT, R^{n}) that separate like a space: a run becomes one space.
# A lone space is left alone (the lookahead): it already is what it would become, and most of a
# text's runs are lone spaces between words, so ``sub`` has far fewer pieces to join.
_SEPARATOR_RUN = re.compile(r"(?! (?![-_/\s^{}$\\]))[-_/\s^{}$\\]+")
_DIGIT_RUNS = re.compile(r"(\d+)")  # split keeps each digit run as its own piece
TOKEN = re.compile(r"[^\W\d_]+|\d+")  # what canon keeps in order: letter runs and digit runs
_FUNCTION_TEXT = (
    "a an the of to for in on at by with via and or is are be all you need from when then than "
    "how what why towards toward beyond into over under your our its it not one"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Words that follow a title's colon-less name and are not part of it: "SageAttention2 Technical Report".
_TRAILING_NOISE = re.compile(r"\s+(?:technical report|tech report)$", re.I)
_ACRONYM_IN_PARENS = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]{2,12})\)$")
_TITLE_END = re.compile(r"\b(?:using|with)\s+(?P<name>[^\s:]+)\s*$", re.I)
_TRIGGER = re.compile(
    # "We further propose X", "We also introduce X": an adverb between the subject and the verb
    r"\b(?:[Ww]e\s+(?:(?:further|also|then|additionally|therefore|thus|now|first|here)\s+)?"
    r"(?:propose|present|introduce|develop|design|build|describe|construct|curate|term|call|dub|name)"
    r"(?:\s+(?:here|a\s+(?:new|novel)\s+\w+\s+called))?"
    r"|(?:[Tt]his|[Oo]ur|[Tt]he)\s+(?:paper|work|study|report|technical\s+report|article)\s+"
    r"(?:proposes|presents|introduces|describes)"
    # "Our approach introduces Strategy Nudging": the paper's own method announcing a part of itself
    r"|[Oo]ur\s+(?:method|approach|framework|model|system)\s+(?:further\s+|also\s+)?(?:introduces|proposes)"
    # "Our method, MobileQuant, ...", "Our model, coined as MobileVD, ...": the name in apposition
    r"|(?:[Oo]ur|[Tt]he\s+resulting)\s+(?:new\s+|proposed\s+|resulting\s+)?(?:method|approach|model|framework|"
    r"system|algorithm|technique|solution|architecture|pipeline|tool|library|agent),?"
    r"|called|namely|dubbed(?:\s+as)?|named(?:\s+as)?|termed(?:\s+as)?|coined(?:\s+as)?|referred\s+to\s+as)\s+"
)
# a name word starts with a capital or digit, or is a lower-case-first coinage ("eMIGM", "zip2zip")
_NAME_WORD = r"(?:[A-Z0-9]|[a-z](?=[a-z]*[A-Z0-9]))[\w^{}$+*.ε-]*[\w+*}]|[A-Z0-9]"
_NAME_RUN = re.compile(rf"(?P<run>(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}})(?P<after>\s*\((?P<acr>[^()\s]{{2,12}})\)|[,:;.]|\s+-)?")
_WEAK = frozenset({"called", "namely", "named", "dubbed", "termed", "coined", "referred"})
# A weak trigger names someone else's thing unless the sentence says the work is the paper's own.
_OWN_WORK = re.compile(r"\b(?:we|our|this (?:paper|work)|novel|new)\b", re.I)
_LIST_NEXT = re.compile(r"\s*[A-Z][\w-]*(?:,|\s+and\b)")
_LEADING_NOISE = frozenset({"A", "An", "The", "Our", "This", "These", "In", "To", "It", "We"})
# "GPT-based", "SNLP-aware regularization": a name turned adjective describes the paper's thing, it names nothing
_ADJECTIVE_TAIL = re.compile(
    r"-(?:aware|based|specific|style|like|guided|free|driven|level|wise|oriented|friendly|centric|agnostic|"
    r"enhanced|augmented|compatible|native|only|scale|sized|grade|ready)$")

# Between an announcing verb and the name, a description may stand: "we propose a new framework, X",
# "we introduce a novel X (ABBR) mechanism", "we introduce two merging strategies: X". Only lower-case
# words that are no function words (articles and counts open it), so "we propose to use LoRA" and
# "we present a study of LoRA" never reach another paper's name.
_LEAD_OPENERS = frozenset({"a", "an", "the", "our", "two", "three", "four"})
# "a novel single-stage 3D diffusion model, DiffusionGS" (set K): a dimension ("3D", "4D") describes too
_LEAD_WORD = re.compile(r"(?P<word>[a-z][a-z-]*|\d[Dd](?:-[a-z]+)?)(?P<stop>[,:]?)\s+")
_LEAD_MAX = 6
# Words that stop a description: function words, and those that begin a clause about something else.
_LEAD_STOPS = (FUNCTION_WORDS - _LEAD_OPENERS) | {"which", "that", "where", "while", "whose", "who", "as", "such",
                                                    "these", "this", "those", "both", "each", "also", "can", "will"}
# "Mixture of Grouped Experts (MoGE)", "Humanity's Last Exam (HLE)": an abbreviation's long form may hold
# small words, which a bare name may not
_DEFINED = re.compile(
    r"(?P<long>(?:[\w'’-]+\s+){0,9}?[\w'’-]+)\s*\((?P<short>[^()\s,;]{2,12})\)")
_LONG_CONNECTORS = frozenset({"of", "and", "for", "in", "on", "to", "with", "the", "a", "an", "as", "via", "from"})
# "T-LoRA, a Timestep-Dependent Low-Rank Adaptation framework": capitalized words after the name's comma
# (every piece capitalized: "QeRL, a Quantization-enhanced Reinforcement Learning framework" describes, set B)
_CAPITALIZED = r"[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*"
_APPOSED_LONG = re.compile(rf"\s*an?\s+(?P<long>{_CAPITALIZED}(?:\s+(?:(?:of|for|and|to|in|on|with)\s+)?{_CAPITALIZED}){{1,7}})"
                           r"(?![\w'’-])")
_SPELLED_OUT = re.compile(r"\s*\((?P<long>[A-Za-z][\w'’ -]{3,90})\)")
# A definition that only qualifies a noun the sentence goes on to name: "a novel Parameter-Efficient
# Fine-Tuning (PEFT) method, dubbed as AFLoRA"
_NAMED_LATER = re.compile(r"\s+[a-z][\w-]*,?\s+(?:called|dubbed|named|termed|coined|namely)\b")
# Verbs after which a description may come before the name (not "Our method, X," nor "called X")
_DESCRIBING_VERB = re.compile(r"(?:propose|present|introduce|develop|design|build|describe|construct|curate)s?\s+$")
# What a description ends in when the name follows it in apposition: "a benchmark CodeArena", "a new
# framework, HDR-GS"; after an adjective ("a new efficient LLVM") the name is a common noun
_CLASS_WORDS = (
    r"benchmark|dataset|corpus|framework|method|model|system|approach|algorithm|technique|module|mechanism|"
    r"tool|library|agent|suite|family|metric|loss|strategy|scheme|paradigm|architecture|pipeline|collection|"
    r"encoder|decoder|optimizer|recipe|protocol|variant|baseline|engine|simulator|environment|solver")
_CLASS_NOUN = re.compile(rf"(?:{_CLASS_WORDS})(?:e?s)?[,:]?$")  # a description ends in the kind of thing
_CLASS_NEXT = re.compile(rf"\s+(?:{_CLASS_WORDS})s?\b")  # the kind of thing the words just before it name
_MODIFIES_NEXT = re.compile(rf"\s+(?!(?:{'|'.join(sorted(FUNCTION_WORDS))})\b)[a-z]")
# "QeRL introduces ...": the paper's own name as the subject (checked against the title's names)
# (the verb is searched and the subject read back: a pattern starting with the subject tries every position)
_INTRODUCES = re.compile(r"(?:introduces|proposes)\s+")
_SUBJECT = re.compile(r"(?P<subject>[\w-]+)\s+(?:(?:further|also)\s+)?$")
# "Our" is checked by hand before the match: a pattern opening with a plain string is searched for
# fast, one opening with a class ("[Oo]ur") is tried at every position, ten times slower
_OUR_NAMED = re.compile(rf"ur\s+(?:proposed\s+|new\s+)?(?P<name>{_NAME_WORD})\s+"
                        r"(?:approach|method|framework|model|system|algorithm|pipeline|architecture)\b")
_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=[A-Z])")
_DEFINITE = re.compile(r"\b[Tt]he\s+$")
_CLAIMED = re.compile(r"\b(?:[Oo]ur|novel|new)\s+(?=[A-Z])")
_THE_PROPOSED = re.compile(r"\b[Tt]he\s+proposed\s+")
_ONE_NAME = re.compile(rf"(?:{_NAME_WORD})(?=[\s,;:)]|\.(?:\s|$))")
_SIZED = re.compile(r"-\d+(?:\.\d+)?[BMK]$")
_AND_NEXT = re.compile(r",?\s+and\s+(?:the\s+|an?\s+)?")


SCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹", "01234567890123456789")
# any character SCRIPT_DIGITS changes: most texts have none, and a search says so faster than translate copies
_SCRIPT = re.compile("[" + "".join(map(chr, SCRIPT_DIGITS)) + "]")


def plain_digits(text: str) -> str:
    """``text`` with sub- and superscript digits written plainly, one character for one."""
    return text.translate(SCRIPT_DIGITS) if _SCRIPT.search(text) else text


def canon(text: str, fold: bool = True) -> str:
    """``text`` in matching form: separators collapse to one space, LaTeX braces go, digit runs stand
    apart (``FlashAttention2`` = ``FlashAttention-2``), case folds. Word tokens (``TOKEN``) stay in order, one for one."""
    # spacing every digit run is one C-level pass: joining the pieces of a split on digit runs (a
    # lookaround for letter/digit joins is ten times slower; ``sub`` with a `` \g<0> `` template expands
    # it in Python at every match, three times slower). LaTeX leftovers go in the separators' pass: they
    # are no digits, so spacing digit runs first changes nothing about them.
    text = plain_digits(text)  # H₂O is H2O; one character for one, so spans still map back
    text = _SEPARATOR_RUN.sub(" ", " ".join(_DIGIT_RUNS.split(text))).strip()
    return text.casefold() if fold else text


def key(name: str) -> str:
    """The identity of a name: ``DeepSpeed-Ulysses`` and ``deepspeed ulysses`` share one."""
    return canon(name)


def is_distinctive(word: str) -> bool:
    """A word that reads as a coined name: inner capitals (GaLore, DSP), or letters with digits (C4)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in word):
        return True
    return any(c.isupper() for c in word[1:] if c.isalpha())


def _clean(name: str) -> str:
    name = _TRAILING_NOISE.sub("", name.strip())
    return name.strip(" .,;:-")


def _is_name(name: str) -> bool:
    """A plausible method name: short, no function words, starts like a name."""
    words = name.split()
    if len(words) == 1 and words[0][0].isdigit() and not any(c.isupper() for c in words[0]):
        return False  # "2-stage", "8-bit": a quantity, not a name
    if not words or len(words) > 4 or not (words[0][0].isupper() or words[0][0].isdigit()
                                           or is_distinctive(words[0])):
        return False
    if any(w.casefold() in FUNCTION_WORDS for w in words):
        return False
    # A gerund opening ("Optimizing ViViT Training", "Boosting ...") describes work, it names nothing.
    if len(words) > 1 and words[0].endswith("ing") and not is_distinctive(words[0]):
        return False
    return len(words) <= 3 or all(w[0].isupper() for w in words)


def title_methods(title: str) -> tuple[str, ...]:
    """The names a title alone introduces: these outrank names claimed only in an abstract."""
    return tuple(_clean(n) for n in _from_title(title))


def initials_match(short: str, long: str) -> bool:
    """``GLA`` abbreviates ``Gated Linear Attention``: the capitals are the words' first letters."""
    caps = [c.casefold() for c in short if c.isupper()]
    firsts = [w[0].casefold() for w in re.split(r"[\s-]+", long) if w and w.casefold() not in FUNCTION_WORDS]
    return bool(caps) and caps == firsts


def _from_title(title: str) -> list[str]:
    names: list[str] = []
    # ": " and not ":" so that "N:M Sparse Training" is no name boundary
    head = title.split(": ", 1)[0] if ": " in title else None
    if head is not None:
        head = _clean(head)
        parens = _ACRONYM_IN_PARENS.match(head)
        if parens:
            long, short = parens.group("long"), parens.group("short")
            glued = not head[len(long)].isspace()  # "Memex(RL)": one name, RL is not its abbreviation
            if is_distinctive(short) and (not glued or abbreviates(short, long)):
                names.append(short)
            head = long
        if _is_name(head):
            names.append(head)
        else:
            # "Streaming DiLoCo with overlapping communication": the name is the part before "with"
            before = re.split(r"\s+(?:with|via|for)\s+", head, maxsplit=1)[0]
            if before != head and _is_name(before) and any(is_distinctive(w) for w in before.split()):
                names.append(before)
    for part in (title, head or ""):
        end = _TITLE_END.search(part)
        # "... with GPUs": a plural acronym ending a title is hardware, not a name
        if end and is_distinctive(end.group("name")) and not re.fullmatch(r"[A-Z]+s", end.group("name")):
            names.append(_clean(end.group("name")))
    return names


def abbreviates(short: str, long: str) -> bool:
    """``HyperFL`` abbreviates ``Hypernetwork Federated Learning``, ``MoGE`` ``Mixture of Grouped Experts``.

    Looser than ``initials_match``: the short form's capitals appear in order among the long form's
    word initials (small words included, "FACET" = "Fine-grained Agentic Construction of Executable
    Tasks"), the first of them opening it, and the long form has not many more words than capitals.
    """
    caps = [c for c in short if c.isupper()]
    words = [w for w in re.split(r"[\s-]+", long) if w]
    if short[:1].islower() and words and words[0][:1] == short[:1]:
        caps = [short[0].upper(), *caps]  # "invertible Consistency Distillation (iCD)" (set K): a lower-case initial
    if len(caps) < 2 or not words or words[0][0].casefold() != caps[0].casefold():
        return False
    content = [w for w in words if w.casefold() not in FUNCTION_WORDS]
    if len(content) > len(caps) + 2:
        return False
    initials = iter(w[0].upper() for w in words)
    return all(any(c == i for i in initials) for c in caps)


def _lead_in(text: str, pos: int) -> list[int]:
    """Where the name may start after an announcing verb at ``pos``: there, or after each word of a
    short description ("a novel training scheme, X"); a comma or colon ends the description."""
    starts = [pos]
    for n in range(_LEAD_MAX):
        word = _LEAD_WORD.match(text, pos)
        if not word or word.group("word") in _LEAD_STOPS:
            break
        if n == 0 and word.group("word").endswith("ing"):
            break  # "we propose using X": X is a tool the paper uses
        if n > 0 and word.group("word") in _LEAD_OPENERS:
            break
        pos = word.end()
        starts.append(pos)
        if word.group("stop"):
            return [pos]
    return starts


def _definition(text: str, starts: list[int], spelled: bool = False) -> tuple[str, str, int] | None:
    """``(long, short, end)`` for "Long Form (SHORT)" beginning at one of ``starts``, longest first; ``spelled``: right
    where an announcement starts, a short form built from any of the long one's letters will do."""
    paren = text.find("(", starts[-1], starts[-1] + 160)
    if paren < 0:
        return None
    found = _DEFINED.match(text, starts[0], paren + 15)
    if not found or found.start("short") - 1 != paren:
        return None
    short = found.group("short")
    if not is_distinctive(short) or short.islower() or re.fullmatch(r"[A-Z]+s", short):
        return None  # "(LLMs)": a plural acronym names a kind of thing
    after = text[found.end():found.end() + 40]
    if re.match(r"\s+[A-Z]", after) or _NAMED_LATER.match(after):
        return None  # "a Dual Dynamic Range (DDR) Gaussian point cloud model": part of a longer name
    for n, start in enumerate(starts):
        long = text[start:found.end("long")]
        words = long.split()
        if not words or words[0].casefold() in _LONG_CONNECTORS or re.search(r"[.,;:!?]", long):
            continue
        if n > 0 and (long.islower() or text[:start].rstrip().endswith(("ing", "ed"))):
            continue  # "a knowledge distillation (KD) framework", "fine-grained Mixture-of-Experts (MoE)"
        if any(w.casefold() in _LEAD_STOPS and w.casefold() not in _LONG_CONNECTORS for w in words):
            continue  # "a method that outperforms Low-Rank Adaptation (LoRA)": a clause, not a long form
        if abbreviates(short, long):
            return long, short, found.end()
        if spelled and n == 0:
            # right after the announcing verb, "we present Denoising LM (DLM)", "we propose Memory-guided EMOtion-aware
            # diffusion (MEMO)" (sets A, H): the short form is built from the long one's letters; a kind of thing after
            # the name is no part of it ("Collective Critics for Creative Story Generation framework (CritiCS)", set C)
            trimmed = _KIND_AFTER.sub("", long)
            if _spells(short, trimmed):
                return trimmed, short, found.end()
    return None


_KIND_AFTER = re.compile(rf"\s+(?:{_CLASS_WORDS})s?$")


def _spells(short: str, long: str) -> bool:
    """The short form's letters and digits, in order, are letters and digits of a long form that starts like a name
    with the short form's first one ("Memory-guided EMOtion-aware diffusion" spells "MEMO")."""
    if not (long[:1].isupper() or long[:1].isdigit()) or short[:1].casefold() != long[:1].casefold():
        return False
    rest = iter(c for c in long.casefold() if c.isalnum())
    return all(c in rest for c in short.casefold() if c.isalnum())


def _definitions(text: str, starts: list[int], spelled: bool = False) -> list[str]:
    """Names from "Long Form (SHORT)" at ``starts``, and from a second one joined by "and" to it
    ("the Convergence Ranking Metric (CRM) and the Initial Guessing Metric (IGM)")."""
    names: list[str] = []
    while (defined := _definition(text, starts, spelled)) is not None:
        long, short, end = defined
        names.append(short)
        if _is_long_form(long):
            names.append(long)
        joined = _AND_NEXT.match(text, end)
        if not joined:
            break
        starts = [joined.end()]
    return names


def _is_long_form(long: str) -> bool:
    """A long form worth listing: a few words, not a sentence fragment. "Memory-to-Video (M2V)" (set M: StoryMem) is
    one compound of several words."""
    words = long.split()
    pieces = len(words) if len(words) > 1 else len([p for p in long.split("-") if p])
    return pieces > 1 and len(words) <= 8 and not any(w.casefold() in _LEAD_STOPS - _LONG_CONNECTORS for w in words)


def _named_at(text: str, pos: int, described: bool) -> list[str] | None:
    """The name standing at ``pos`` after an announcing verb; None when no name-like words stand there.

    ``described``: a description came between the verb and the name ("a benchmark X"), so the
    name must read as coined or end in apposition.
    """
    found = _NAME_RUN.match(text, pos)
    if not found:
        return None
    if found.group("after") == "," and _LIST_NEXT.match(text, found.end()):
        return []  # "namely Hopper, Ada, and Ampere": a list of others' names
    words = found.group("run").split()
    while words and words[0] in _LEADING_NOISE:
        words = words[1:]
    if not words or (len(words) > 1 and words[0].isdigit()):
        return []  # "we curate 75 ML engineering-related competitions": a count
    if _ADJECTIVE_TAIL.search(words[-1]) and found.group("after") is None:
        return []  # "we introduce SNLP-aware regularization"
    run = " ".join(words).rstrip(".")
    acr = found.group("acr")
    if acr and is_distinctive(acr) and not acr.islower():
        return [acr, run] if len(words) > 1 and _is_name(run) else [acr]
    if found.group("after") is None and len(words) == 1 and not is_distinctive(words[0]):
        return []  # "we propose Dynamic ..." with no name-ending punctuation: a sentence, not a name
    # "Aya 23", "Eagle 2.5": a capitalized word with a version number is a name too
    versioned = len(words) == 2 and re.fullmatch(r"\d+(?:\.\d+)*", words[1]) is not None
    # "we further propose Soft Parallel Decoding.": capitals mid-sentence, closed by punctuation, mark a name
    titled = len(words) > 1 and all(w[0].isupper() for w in words) and found.group("after") is not None
    # "We first develop the Step-Elicited Response Generation pipeline" (set K: MM-HELIX): capitals mid-sentence before
    # the kind of thing they name
    classed = len(words) > 1 and all(w[0].isupper() for w in words) and found.group("after") is None \
        and _CLASS_NEXT.match(text, found.end()) is not None
    coined = len(words) == 1 or versioned or titled or classed or any(is_distinctive(w) for w in words)
    ended = found.group("after") is not None or is_distinctive(words[-1]) or classed
    if described and (not ended or (found.group("after") is None and not classed
                                    and _MODIFIES_NEXT.match(text, found.end()))):
        return []  # "a high-quality multimodal CoT dataset": the name qualifies a noun
    if not (coined and ended and _is_name(run)):
        return []
    return [run, *_expansion(text, found.end(), run)]


def _expansion(text: str, end: int, name: str) -> list[str]:
    """"DaMo (Data Mixture Optimizer)": the long form a name is spelled out as, right after it; or in
    apposition, "PEAM, a Parametric Embodied Agent Memory framework" (set L)."""
    spelled = _SPELLED_OUT.match(text, end) or (_APPOSED_LONG.match(text, end) if text[end - 1:end] == "," else None)
    if spelled and abbreviates(name, spelled.group("long")) and _is_long_form(spelled.group("long")):
        return [spelled.group("long")]
    return []


def _from_abstract(abstract: str, own: frozenset[str] = frozenset()) -> list[str]:
    """Names the abstract announces; ``own`` holds the keys of the title's names, whose sentences
    ("QeRL introduces an Adaptive Quantization Noise (AQN) mechanism") announce parts of the paper."""
    names: list[str] = []
    for trigger in _TRIGGER.finditer(abstract):
        if trigger.group(0).split()[0].casefold() in _WEAK:
            sentence_start = max(abstract.rfind(". ", 0, trigger.start()) + 1, 0)
            if not _OWN_WORK.search(abstract, sentence_start, trigger.start()):
                continue  # "Existing works, namely PEFT": not this paper's name
        names.extend(_announced(abstract, trigger.end(), _DESCRIBING_VERB.search(trigger.group(0)) is not None))
    if own:
        for said in _INTRODUCES.finditer(abstract):
            subject = _SUBJECT.search(abstract, max(0, said.start() - 60), said.start())
            # "It further introduces Progressive Residual Quantization" (set L: Quant VideoGen): the sentence
            # right after one about the paper's named method goes on about it
            if subject and (key(subject.group("subject")) in own or _continues(abstract, subject, own | {key(n) for n in names})):
                names.extend(_announced(abstract, said.end(), describing=True))
    # "The proposed Lightweight Multi-modal App Control (LiMAC) takes ..." (set K), "the proposed KAOs": what the paper
    # proposes, by name; a verb follows, so only a definition or one coined word ("The proposed IIR-SNNs provide25-33X
    # higher ...": LaTeX glued the verb to the value)
    for proposed in _THE_PROPOSED.finditer(abstract):
        defined = _definitions(abstract, [proposed.end()])
        one = _ONE_NAME.match(abstract, proposed.end())
        if defined:
            names.extend(defined)
        elif one and is_distinctive(one.group(0)) and _is_name(one.group(0)):
            names.append(one.group(0))
    # "developed via our Spectrum-to-Signal Principle (SSP)", "a novel Memory-to-Video (M2V) design" (set M): an
    # abbreviation defined right after "our", "novel" or "new" is the paper's own; but "Our Diffusion Transformer
    # (DiT) model" (set H: xGen-VideoSyn-1) says what kind of model theirs is, a kind named before the kind of thing
    for claimed in _CLAIMED.finditer(abstract):
        first = _definition(abstract, [claimed.end()])
        if first is not None and not (claimed.group(0)[0] in "Oo" and _CLASS_NEXT.match(abstract, first[2])):
            names.extend(_definitions(abstract, [claimed.end()], spelled=True))
    names.extend(_enumerated(abstract))
    names.extend(_composed(abstract))
    for ours in _OUR_NAMED.finditer(abstract):
        start = ours.start() - 1  # where "Our" begins
        if start < 0 or abstract[start] not in "Oo" or (start > 0 and abstract[start - 1].isalnum()):
            continue
        name = ours.group("name")
        # "Our Schedule-Free approach", "Our proposed AutoCoA framework"; not a format ("our FP4
        # framework") nor one size of a model ("Our MoT-2B model")
        if is_distinctive(name) and any(c.islower() for c in name) and not _SIZED.search(name) \
                and not _ADJECTIVE_TAIL.search(name) and _is_name(name):
            names.append(name)
    return names


# "comprising three modular components: (1) TIDAL, which ...; (2) CompDemo, which ...; and (3) Reverse CALM, a
# cross-tokenizer objective" (set M: TIDE): the numbered parts of what the paper announces, each named, then described
_ITEM = re.compile(r"(?:\((?:\d|i{1,3}|iv)\)|(?<![\w(])\d\))\s+(?:an?\s+|the\s+)?"
                   rf"(?P<name>(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}})(?P<acr>\s+\([^()\s]{{2,12}}\))?"
                   r"(?=,\s+(?:which|an?|the)\s|\s+which\s)")
_FIRST_ITEM = re.compile(r"(?:\((?:1|i)\)|(?<![\w(])1\))\s")
# what opens the list: the paper's parts ("three key components:", "two key innovations:") or its announcement ("we
# introduce (1) MolmoWebMix, ..."); not "three core elements: 1) Style, ..." (set E), the parts of a task
_PARTS_CUE = re.compile(r"(?:\b(?:components?|modules?|innovations?|mechanisms?|contributions?|safeguards?|techniques?|"
                        r"designs?)\s*:?|\b(?:we|[Ii]t|[A-Z][\w-]*[A-Z][\w-]*)\s+(?:also\s+)?(?:introduces?|proposes?|"
                        r"presents?|comprises|consists\s+of))\s*$")


def _enumerated(text: str) -> list[str]:
    """Names of the numbered parts a list of the paper's own components gives: each item a coined or capitalized
    name and then its description (", which ...", ", a ...")."""
    names: list[str] = []
    opened = -1  # where the current list's first item stands, when its opening says the parts are the paper's
    for item in _ITEM.finditer(text):
        first = None
        for first in _FIRST_ITEM.finditer(text, max(0, item.start() - 800), item.start() + 5):  # noqa: B007 - the last
            pass
        if first is None:
            continue
        if first.start() != opened:
            opened = first.start() if _PARTS_CUE.search(text, max(0, first.start() - 80), first.start()) else -2
        if opened < 0:
            continue
        name = item.group("name")
        words = name.split()
        if _is_name(name) and (any(is_distinctive(w) for w in words) or (len(words) > 1 and all(
                w[0].isupper() for w in words))):
            names.append(name)
    return names


# "we propose N-gram Memory (NGM), a training-free, plug-and-play module composed of a Causal N-Gram Encoder and a
# Cosine-Gated Memory Injector" (set M): the capitalized parts of what the sentence's "we" announces
_TITLED = r"[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+[A-Z][\w'’]*(?:-[\w'’]+)*){1,3}"
_COMPOSED = re.compile(rf"\b(?:composed\s+of|consist(?:s|ing)?\s+of|compris(?:es|ing))\s+(?:an?\s+|the\s+)?"
                       rf"(?P<first>{_TITLED})(?:,?\s+and\s+(?:an?\s+|the\s+)?(?P<second>{_TITLED}))?"
                       r"(?=[,.;:]|\s+(?![A-Z(]))")


def _composed(text: str) -> list[str]:
    """Names of the parts a sentence about the paper's own work says its method is composed of."""
    names: list[str] = []
    for parts in _COMPOSED.finditer(text):
        start = text.rfind(". ", 0, parts.start()) + 1
        if not _OWN_WORK.search(text, start, parts.start()):
            continue
        names.extend(p for p in parts.group("first", "second") if p and _is_name(p))
    return names


def _continues(text: str, subject: re.Match[str], named: set[str] | frozenset[str]) -> bool:
    """Whether ``subject`` is "It" opening a sentence after one whose subject is the paper's named method."""
    if subject.group("subject") != "It":
        return False
    previous = text[:subject.start()].rstrip()
    if not previous.endswith("."):
        return False
    start = previous.rfind(". ", 0, len(previous) - 1)
    first = previous[start + 2 if start >= 0 else 0:].split(None, 1)
    return bool(first) and key(first[0]) in named


def _announced(text: str, pos: int, describing: bool) -> list[str]:
    """The names an announcement starting at ``pos`` gives; ``describing``: it follows a verb, so a
    description may come first ("we propose a new framework, X")."""
    # "we introduce Mixture of Grouped Experts (MoGE)": a long form may hold words a bare name may not; "termed the
    # Information Bottleneck Adapter (IB-Adapter)" (set M: StableVLA): an article before it is no part of it
    article = _ARTICLE.match(text, pos)
    # (not after the article: "we introduce the Android Multi-annotation EXpo (AMEX)", set A, is a description)
    defined = _definitions(text, [article.end()]) if article else _definitions(text, [pos], spelled=True)
    if defined:
        return defined
    named = _named_at(text, pos, described=False)
    if named is not None or not describing:
        return named or []
    starts = _lead_in(text, pos)
    defined = _definitions(text, starts)
    if defined:
        return defined
    if _CLASS_NOUN.search(text[pos:starts[-1]].rstrip()):
        return _named_at(text, starts[-1], described=True) or []
    # "We first develop the Step-Elicited Response Generation pipeline" (set K: MM-HELIX): the definite article, capitals,
    # then the kind of thing they name; not "a mobile-tailored real-time Gaussian Splatting method, dubbed Mobile-GS"
    run = _NAME_RUN.match(text, starts[-1])
    if run is None or not _DEFINITE.search(text, max(0, starts[-1] - 5), starts[-1]):
        return []
    if _CLASS_NEXT.match(text, run.end("run")) and not _NAMED_LATER.match(text, run.end("run")):
        # "we propose the PIRF baseline, a memory-aware ... agent" (set M: PIRA-Bench): one coined word before the
        # kind of thing is its name as well
        return _named_at(text, starts[-1], described=not is_distinctive(run.group("run"))) or []
    return []


def _used_as_name(name: str, abstract: str | None) -> bool:
    """Whether a title's name stands as a name: coined, or used again in the abstract with its capitals.

    A plain phrase before a title's colon is often a slogan ("Act Wisely", "Data Mixing Made
    Efficient", "Model Capability Dominates") or ordinary words the abstract writes in lower case
    ("agent models"); a name comes back as one, in any number or spacing ("Lean Attention" as
    "LeanAttention", "Adaptive Computation Modules" as "the Adaptive Computation Module (ACM)").
    Without an abstract there is nothing to ask, so the title stands.
    """
    words = name.split()
    if not abstract or len(words) < 2 or any(is_distinctive(w) for w in words):
        return True
    spaced, joined = _stemmed_words(name)
    text_spaced, text_joined = _stemmed_words(abstract)
    return spaced in text_spaced or joined in text_joined


def _stemmed_words(text: str) -> tuple[str, str]:
    """``text`` as word tokens with their case and without a plural "s", space-padded, and run together."""
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in TOKEN.findall(canon(text, fold=False))]
    return " " + " ".join(words) + " ", "".join(words)


_EMPHASIS = re.compile(r"\*\*|[\"“”]")


def extract_methods(title: str, abstract: str | None) -> tuple[str, ...]:
    """Names the paper introduces, title names first, one spelling per name."""
    seen: set[str] = set()
    out: list[str] = []
    from_title = [n for n in _from_title(title) if _used_as_name(n, abstract)]
    own = frozenset(key(n) for n in from_title)
    # "we introduce **Roads to Rome (R2R)**", 'we propose "Blink-Think-Link" (BTL)' (set L): emphasis is no part of a name
    plain = _EMPHASIS.sub("", abstract or "")
    for name in [*from_title, *_from_abstract(plain, own)]:
        name = _clean(name)
        k = key(name)
        if len(k.replace(" ", "")) < 2 or k in seen:
            continue
        seen.add(k)
        out.append(name)
    return tuple(out)


def enrich(corpus: Corpus, content: ContentFiles, memo: Memo | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Fill ``Paper.methods`` for every paper (from ``memo`` for a title and abstract read before).

    A curated note's ``names:`` come after the extracted names: other names of the paper's method as
    other papers write them ("ZeRO-3" for ZeRO, "Faiss" for the library its abstract never names), so
    mentions link them and search finds the paper by them.
    """
    memo = memo if memo is not None else Memo()
    version = memo.key("methods")
    curated = curated_names(content)
    papers: list[Paper] = []
    for p in corpus.papers:
        key = digest(version, p.title, p.abstract)
        methods = decoded(_names_from, memo.get("methods", key))
        if methods is None:
            methods = extract_methods(p.title, p.abstract)
            memo.put("methods", key, list(methods))
        if p.id in curated:
            methods = tuple(dict.fromkeys((*methods, *curated[p.id])))
        papers.append(replace(p, methods=methods))
    return replace(corpus, papers=tuple(papers)), []


def _names_from(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(as_text(v) for v in value)
