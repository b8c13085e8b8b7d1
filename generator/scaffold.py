"""``survey new-note``: find the paper a contributor means, and the note file to start from."""

from __future__ import annotations

from rapidfuzz import fuzz, utils

from .model import Corpus, Paper
from .normalize import title_key
from .notes import STATUSES

MATCH_SCORE = 80.0  # below this nothing is taken as "the" paper
MATCH_MARGIN = 5.0  # the best must beat the runner-up by this much, else it is ambiguous
SUGGEST_SCORE = 60.0
SUGGEST_LIMIT = 5


def score(query: str, paper: Paper) -> float:
    """0-100: how well ``query`` names ``paper`` by method name, full title, title words, or id."""
    key = title_key(query)
    head = paper.title.split(":", 1)[0]
    lowered = query.strip().lower()
    return max(
        fuzz.ratio(key, title_key(head)),  # "FlashAttention-2" names the method before the colon
        fuzz.ratio(key, title_key(paper.title)),
        # a few title words in any order; discounted so a whole-title match wins over a subset
        0.9 * fuzz.token_set_ratio(query, paper.title, processor=utils.default_process),
        fuzz.ratio(lowered, paper.id),
        fuzz.ratio(lowered, paper.id.rsplit("-", 1)[0]),  # an id with a wrong or missing hash
    )


def ranked(corpus: Corpus, query: str) -> list[tuple[float, Paper]]:
    """Every paper with its score, best first; ties broken by id so the order is stable."""
    return sorted(((score(query, p), p) for p in corpus.papers), key=lambda sp: (-sp[0], sp[1].id))


def suggest_papers(corpus: Corpus, query: str, limit: int = SUGGEST_LIMIT) -> list[Paper]:
    """The papers ``query`` most plausibly means (for "did you mean"), best first."""
    return [p for s, p in ranked(corpus, query)[:limit] if s >= SUGGEST_SCORE]


def find_paper(corpus: Corpus, query: str) -> tuple[Paper | None, list[Paper]]:
    """The one paper ``query`` (an id, a title, or part of one) names, else None and suggestions."""
    query = query.strip()
    by_id = corpus.by_id
    bare = query.removeprefix("papers/").strip("/")
    if bare in by_id:
        return by_id[bare], []
    key = title_key(query)
    exact = [p for p in corpus.papers if key and title_key(p.title) == key]
    if len(exact) == 1:
        return exact[0], []
    scored = ranked(corpus, query)
    if not scored or not key:
        return None, []
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best_score >= MATCH_SCORE and best_score - runner_up >= MATCH_MARGIN:
        return best, []
    return None, [p for s, p in scored[:SUGGEST_LIMIT] if s >= SUGGEST_SCORE]


def _yaml_str(text: str) -> str:
    """A double-quoted YAML scalar: titles hold colons, quotes and backslashes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def note_text(paper: Paper) -> str:
    """A new note for ``paper``: the required key set, every optional key commented out with an example."""
    statuses = ", ".join(STATUSES)
    return f"""---
# Note for: {paper.title}
# Uncomment and fill in what you know; `survey check` validates this file.
paper: {paper.id}
# summary: One line in your own words; it also shows in topic tables.
# status: must-read  # one of: {statuses}
# topics_add: [topic-id]  # ids from content/taxonomy.yml
# topics_remove: [topic-id]
# corrections:  # fix what the captures got wrong; the page address never changes
#   title: {_yaml_str(paper.title)}
#   date: "2024-01-31"
#   arxiv: "2401.10000"  # quote it, or YAML tools may read it as a number
#   venue: NeurIPS 2024
#   authors: [First Author, Second Author]
#   code: https://github.com/owner/repo
# results:  # verified numbers; they replace an extracted one of the same kind and range
#   - kind: speedup
#     low: 2.0
#     high: 2.0
#     unit: x  # x or %
#     what: training throughput
#     quote: "the sentence or table in the paper that states it"
# contributors: [your-github-handle]
# aliases: [former-paper-id]  # old ids whose pages must redirect here
# names: [Other-Name]  # other names of its method as other papers write them: linked and searchable
---

<!-- Write the note in Markdown below this line (HTML comments like this one are not shown). -->
"""
