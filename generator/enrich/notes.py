"""Apply curated notes: attach each note to its paper, apply corrections, topic changes and verified results.

A note whose paper is gone is kept as an orphan and reported, never dropped. The id of a paper
never changes through a note; ``aliases`` become redirects (``identity.redirect_map``).
"""

from __future__ import annotations

from dataclasses import replace

from ..content import ContentFiles
from ..diagnostics import Diagnostic
from ..model import Corpus, Evidence, Link, Note, Paper, Result, SourceRef, Topic, TopicAssignment
from ..normalize import Sourced, add_claims, assign_citekeys
from ..notes import NOTES_DIR, ParsedNote, did_you_mean, parse_notes
from ..precedence import Precedence
from ..records import Claim, Record

CURATED_EVIDENCE = Evidence("curated note", 1.0)
# note correction key -> record field
_CORRECTED_FIELD = {"title": "title", "date": "date", "arxiv": "arxiv", "venue": "venue"}


def _paper_hint(corpus: Corpus, value: str) -> str:
    from ..scaffold import suggest_papers  # scaffold builds on this module's schema

    found = suggest_papers(corpus, value, limit=3)
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"{p.id!r} ({p.title})" for p in found) + "?)"


def _topic_problems(parsed: ParsedNote, paper: Paper, topics: tuple[Topic, ...]) -> tuple[
        list[str], list[str], list[Diagnostic]]:
    """The topic ids to add and remove that are valid leaves, and a diagnostic for each that is not."""
    by_id = {t.id: t for t in topics}
    parents = {t.parent for t in topics if t.parent}
    choices = {**{t.title: t.id for t in topics}, **{t.id: t.id for t in topics}}
    diags: list[Diagnostic] = []
    valid: dict[str, list[str]] = {"topics_add": [], "topics_remove": []}
    note = parsed.note
    for key, ids in (("topics_add", note.topics_add), ("topics_remove", note.topics_remove)):
        for i, topic in enumerate(ids):
            line = parsed.line(key, i)
            if topic not in by_id:
                diags.append(Diagnostic(parsed.display, line, "error", "note-unknown-topic",
                                        f"{key}: unknown topic {topic!r}{did_you_mean(topic, choices)}"))
            elif key == "topics_add" and topic in parents:
                children = sorted(t.id for t in topics if t.parent == topic)
                diags.append(Diagnostic(parsed.display, line, "error", "note-topic-not-leaf",
                                        f"topics_add: {topic!r} has subtopics; add one of {', '.join(children)}"))
            elif key == "topics_add" and topic in note.topics_remove:
                diags.append(Diagnostic(parsed.display, line, "error", "note-topic-conflict",
                                        f"{topic!r} is both in topics_add and topics_remove"))
            else:
                valid[key].append(topic)
    assigned = {a.topic for a in paper.topics}
    for topic in valid["topics_remove"]:
        if topic not in assigned and topic not in note.topics_add:
            line = parsed.line("topics_remove", note.topics_remove.index(topic))
            diags.append(Diagnostic(parsed.display, line, "warning", "note-topic-not-assigned",
                                    f"topics_remove: the paper is not in topic {topic!r}; nothing to remove"))
    return valid["topics_add"], valid["topics_remove"], diags


def _apply_topics(paper: Paper, add: list[str], remove: list[str]) -> tuple[TopicAssignment, ...]:
    """Extracted assignments minus the removed, each added one curated (in place if already there).

    A curated topic scores as high as the paper's strongest one: a maintainer's word outranks a phrase count.
    """
    best = max((a.score for a in paper.topics if a.topic not in remove), default=1.0)
    out: list[TopicAssignment] = []
    for assignment in paper.topics:
        if assignment.topic in remove:
            continue
        if assignment.topic in add:
            assignment = replace(assignment, score=max(assignment.score, best), curated=True,
                                 evidence=(CURATED_EVIDENCE, *assignment.evidence))
        out.append(assignment)
    have = {a.topic for a in out}
    out.extend(TopicAssignment(topic, best, (CURATED_EVIDENCE,), curated=True) for topic in add if topic not in have)
    return tuple(out)


def _overlaps(a: Result, b: Result) -> bool:
    return a.unit == b.unit and a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00d7": "x"})


def _plain(quote: str) -> str:
    return " ".join(quote.translate(_DASHES).lower().split())


def _same_sentence(a: Result, b: Result) -> bool:
    """One quote holds the other: the note quotes the sentence the value was read from, or part of it."""
    qa, qb = _plain(a.quote), _plain(b.quote)
    return bool(qa and qb) and (qa in qb or qb in qa)


def _match(extracted: list[Result], result: Result) -> int | None:
    """The unverified value a verified one stands for, best first.

    The same number read from the sentence the note quotes, whatever kind the extractor gave it (the
    note is there to correct it); else the same kind with an overlapping range, the paper's own
    results before values it quotes, an equal range before a wider one. FlashAttention-2's note
    verifies "2× speedup compared to FlashAttention": that is the paper's own 2×, not the "2-4×" it
    quotes for FlashAttention, and its "50-73% of the theoretical maximum" is not the "72% model
    FLOPs utilization" of another sentence.
    """
    candidates = [i for i, old in enumerate(extracted) if not old.verified and _overlaps(old, result)]
    quoted = [i for i in candidates if _same_sentence(extracted[i], result)]
    same_kind = [i for i in candidates if extracted[i].kind == result.kind]
    for pool in (quoted, same_kind):
        if pool:
            return min(pool, key=lambda i: (not extracted[i].own,
                                            (extracted[i].low, extracted[i].high) != (result.low, result.high), i))
    return None


def merge_results(extracted: tuple[Result, ...], verified: tuple[Result, ...]) -> tuple[Result, ...]:
    """Each verified result replaces, in place, the unverified one it stands for (``_match``), or is appended."""
    out = list(extracted)
    for result in verified:
        match = _match(out, result)
        if match is None:
            out.append(result)
        else:
            out[match] = result
    return tuple(out)


def _apply_corrections(paper: Paper, parsed: ParsedNote, precedence: Precedence) -> tuple[Paper, list[Diagnostic]]:
    """The paper with the note's corrections weighed in as claims of the format ``note``; the id never changes."""
    if not parsed.note.corrections:
        return paper, []
    claims: dict[str, Claim] = {}
    for key, value in parsed.note.corrections:
        line = parsed.line("corrections", key)
        if key == "authors":
            before = claims.get("authors")
            claims["authors"] = Claim((*(before.value if before else ()), value), line)  # type: ignore[misc]
        elif key == "code":
            claims["links"] = Claim((Link(value, "code"),), line)
        else:
            claims[_CORRECTED_FIELD[key]] = Claim(value, line)
    item = Sourced(Record(parsed.line("corrections"), claims), SourceRef(parsed.note.path, 0, "notes"), "note")
    corrected, diags = add_claims(paper, item, precedence)
    if "links" in claims:
        # a curated code link means the extracted ones were wrong or missing: it replaces them
        code = claims["links"].value
        corrected = replace(corrected, links=(*code, *(x for x in corrected.links if x.kind != "code")))  # type: ignore[misc]
    return corrected, [replace(d, path=parsed.display) for d in diags]


def enrich(corpus: Corpus, content: ContentFiles) -> tuple[Corpus, list[Diagnostic]]:
    """Attach notes to papers and apply them; runs after the topics and results enrichers."""
    parsed, diags = parse_notes(content)
    by_id = corpus.by_id
    first: dict[str, ParsedNote] = {}
    orphans: list[Note] = []
    alias_owner: dict[str, str] = {}
    for item in parsed:
        note = item.note
        if note.path != f"{NOTES_DIR}/{note.paper}.md":
            diags.append(Diagnostic(item.display, item.line("paper"), "warning", "note-filename",
                                    f"file name does not match the paper id; rename it to {note.paper}.md"))
        if note.paper in first:
            diags.append(Diagnostic(item.display, item.line("paper"), "error", "note-duplicate",
                                    f"a second note for {note.paper!r}; the first is {first[note.paper].display}"))
            continue
        if note.paper not in by_id:
            diags.append(Diagnostic(item.display, item.line("paper"), "warning", "note-unknown-paper",
                                    f"unknown paper {note.paper!r}; the note is kept as an orphan"
                                    f"{_paper_hint(corpus, note.paper)}"))
            orphans.append(note)
            continue
        kept = []
        for i, alias in enumerate(note.aliases):
            if alias in by_id or alias in alias_owner:
                owner = "a current paper's id" if alias in by_id else f"already an alias of {alias_owner[alias]!r}"
                diags.append(Diagnostic(item.display, item.line("aliases", i), "error", "note-alias-conflict",
                                        f"aliases: {alias!r} cannot redirect here: it is {owner}"))
            else:
                alias_owner[alias] = note.paper
                kept.append(alias)
        first[note.paper] = replace(item, note=replace(note, aliases=tuple(kept)))
    papers = []
    for paper in corpus.papers:
        attached = first.get(paper.id)
        if attached is None:
            papers.append(paper)
            continue
        add, remove, problems = _topic_problems(attached, paper, corpus.topics)
        diags.extend(problems)
        paper, problems = _apply_corrections(paper, attached, corpus.precedence)
        diags.extend(problems)
        paper = replace(paper, note=attached.note, topics=_apply_topics(paper, add, remove),
                        results=merge_results(paper.results, attached.note.results))
        papers.append(paper)
    if first:
        papers = list(assign_citekeys(papers))  # corrected authors, years and titles make new keys
    notes = tuple(first[pid].note for pid in sorted(first))
    return replace(corpus, papers=tuple(papers), notes=notes,
                   orphan_notes=tuple(sorted(orphans, key=lambda n: n.path))), diags
