"""Charts drawn at build time as static SVG (Vega-Lite through vl-convert), inlined into pages.

Inline, so that they take the page's colours: marks and text use ``currentColor`` and the
stylesheet paints marks with the theme's link colour, in light and dark mode alike. No script
runs; each chart carries a text alternative (``aria-label`` on the SVG, a label on every point)
and a caption. vl-convert's output is the same bytes on every run for the same spec.

This kind also writes ``charts.md``, the survey's charts on one page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import beside, escape, urls
from ..enrich import results as results_mod
from ..memo import Memo, as_text, decoded
from ..model import Paper
from ..render import Site
from .drawer import Drawer

# Vega resolves an href against its loader's base URL; ours are relative to the page, so that prefix goes
_VEGA_BASE = "https://vega.github.io/vega-datasets/"
_CONFIG: dict[str, Any] = {
    "background": None,
    "font": "inherit",
    "view": {"stroke": None},
    "axis": {"labelColor": "currentColor", "titleColor": "currentColor", "domainColor": "currentColor",
             "tickColor": "currentColor", "gridColor": "currentColor", "gridOpacity": 0.15,
             "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
    "mark": {"color": "currentColor"},
}
MIN_POINTS = 3  # a number gets a chart when at least this many dated papers of a topic report it
# Charts are drawn in a child process beside rendering (``drawer.py``) when at least this many are new
# and the survey is one that works beside (``beside.wanted``): the child's runtime (about 150 MB) must
# not add to a very large survey's peak, which generation reaches while rendering.
BESIDE_FROM = 8


@dataclass(frozen=True)
class Point:
    """One paper's value on a metric chart."""

    paper: Paper
    value: float
    text: str  # the value as the table shows it: "2.49×"
    anchor: str  # where its sentence is on the paper page


def per_year(papers: Iterable[Paper]) -> list[tuple[int, int]]:
    """(year, papers) for every year from the first to the last dated paper, gaps included as 0."""
    counts = Counter(p.year for p in papers if p.year)
    if not counts:
        return []
    return [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]


def metric_points(papers: Iterable[Paper]) -> dict[tuple[str, str], list[Point]]:
    """(table column, unit) -> each dated paper's largest value in that column, for numeric columns."""
    out: dict[tuple[str, str], list[Point]] = {}
    for paper in papers:
        if not paper.date:
            continue
        for column, cells in results_mod.table_cells(paper).items():
            numeric = [c for c in cells if c.source == "result"]
            if not numeric:
                continue
            best = max(numeric, key=lambda c: c.sort)
            unit = paper.results[best.index - 1].unit
            out.setdefault((column, unit), []).append(Point(paper, best.sort, best.text, best.anchor))
    return {key: sorted(points, key=lambda pt: (pt.paper.date or "", pt.paper.id))
            for key, points in sorted(out.items()) if len(points) >= MIN_POINTS}


@dataclass(frozen=True)
class Chart:
    """What a figure needs before drawing: the Vega-Lite spec as JSON text, its text alternative, its caption."""

    spec: str
    label: str
    caption: str


def _spec_text(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, ensure_ascii=False)


def figure(chart: Chart, memo: Memo | None = None, used: list[str] | None = None) -> str:
    """The chart drawn, as one raw-HTML line."""
    return _figure(_svg(chart.spec, chart.label, memo, used), chart.caption)


def _svg(text: str, label: str, memo: Memo | None = None, used: list[str] | None = None) -> str:
    svg = _drawn(text, memo, used) if memo is not None else _render(text)
    svg = svg.replace(f'xlink:href="{_VEGA_BASE}', 'xlink:href="')
    # the whole chart in words for screen readers; no width/height: the stylesheet scales it to the column
    svg = re.sub(r'^<svg ([^>]*?)width="[\d.]+" height="[\d.]+" ',
                 lambda m: f'<svg {m.group(1)}role="img" aria-label="{escape.html(label)}" ', svg, count=1)
    return svg


def _drawn(spec: str, memo: Memo, used: list[str] | None = None) -> str:
    """The SVG of ``spec``, from ``memo`` when an earlier run drew it: drawing is most of a topic page's cost.

    ``used`` collects the keys of the drawings taken or made (a remembered topic page keeps them).
    """
    key = _key(memo, spec)
    if used is not None:
        used.append(key)
    svg = decoded(as_text, memo.get("charts", key))
    if svg is None:
        svg = _render(spec)
        memo.put("charts", key, svg)
    return svg


def _key(memo: Memo, spec: str) -> str:
    return memo.key(spec, _CONFIG, _vl_version())


def drawing_config() -> dict[str, Any]:
    """The configuration every chart is drawn with (the drawing child uses it too)."""
    return _CONFIG


def drawing_inputs() -> tuple[object, ...]:
    """What a drawing depends on besides its spec: the chart configuration and the Vega versions."""
    return (_CONFIG, _vl_version())


def keep(memo: Memo | None, key: str) -> bool:
    """Keep the drawing under ``key`` for the next run, as drawing it again would (a remembered page shows
    it); False if the memo does not hold it (a damaged cache): the page is then rendered again."""
    return memo is not None and decoded(as_text, memo.get("charts", key)) is not None


@lru_cache(maxsize=1)
def _vl_version() -> list[str]:
    import vl_convert

    return [vl_convert.get_vegalite_versions()[-1], vl_convert.get_vega_version()]


_DRAWER: Drawer | None = None  # set while ``drawing_beside`` runs


@lru_cache(maxsize=256)
def _render(spec: str) -> str:
    drawn = _DRAWER.take(spec) if _DRAWER is not None else None
    if drawn is not None:
        return drawn
    import vl_convert  # imported on first use: it starts a JavaScript runtime

    return str(vl_convert.vegalite_to_svg(spec, config=_CONFIG))


def _figure(svg: str, caption: str) -> str:
    """One raw-HTML line Python-Markdown passes through as it is."""
    return f'<figure class="survey-chart">{svg}<figcaption>{escape.html(caption)}</figcaption></figure>'


def per_year_spec(papers: list[Paper], what: str) -> Chart | None:
    """A bar chart of papers per year, or None when no paper is dated."""
    counts = per_year(papers)
    if not counts:
        return None
    words = ", ".join(f"{year}: {n}" for year, n in counts)
    top = max(n for _y, n in counts)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if top / s <= 5)
    spec = {
        "width": 400, "height": 120,
        "data": {"values": [{"year": str(year), "papers": n} for year, n in counts]},
        "mark": {"type": "bar", "tooltip": False},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}},
            "y": {"field": "papers", "type": "quantitative", "title": "papers", "axis": {"values": list(range(0, top + step, step)), "format": "d"},
                  "scale": {"domain": [0, -(-top // step) * step]}},
            "description": {"field": "label"},
        },
        "transform": [{"calculate": "datum.year + ': ' + datum.papers + ' papers'", "as": "label"}],
    }
    undated = sum(1 for p in papers if not p.year)
    caption = f"{what} per year" + (f" ({undated} undated not shown)" if undated else "")
    return Chart(_spec_text(spec), f"Bar chart of {what} per year. {words}.", caption)


def per_year_chart(papers: list[Paper], what: str, memo: Memo | None = None, used: list[str] | None = None) -> str:
    """A bar chart of papers per year, or "" when no paper is dated."""
    chart = per_year_spec(papers, what)
    return figure(chart, memo, used) if chart is not None else ""


def metric_spec(points: list[Point], column: str, unit: str, here: str) -> Chart:
    """One number over time: a point per paper at its date, each linking to the sentence that states it."""
    name = column.rstrip(" ×%").strip()
    values = [{"date": _iso(pt.paper.date or ""), "value": pt.value,
               "href": urls.href(here, urls.paper(pt.paper.id), pt.anchor),
               "label": escape.clean(f"{pt.paper.title} ({pt.paper.date}): {pt.text}")} for pt in points]
    spec = {
        "width": 400, "height": 150,
        "data": {"values": values},
        "mark": {"type": "point", "filled": True, "size": 60, "cursor": "pointer"},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": None},
            "y": {"field": "value", "type": "quantitative", "title": f"{name} ({'×' if unit == 'x' else '%'})",
                  "scale": {"zero": False}},
            "href": {"field": "href"},
            "description": {"field": "label"},
        },
    }
    what = f"{name} reported ({'factor' if unit == 'x' else 'percent'}), by publication date"
    words = "; ".join(str(v["label"]) for v in values)
    return Chart(_spec_text(spec), f"Scatter chart of {what}. {words}.",
                 f"{what}: the largest value each paper reports; each point links to its sentence")


def metric_chart(points: list[Point], column: str, unit: str, here: str, memo: Memo | None = None,
                 used: list[str] | None = None) -> str:
    """One number over time, drawn (``metric_spec``)."""
    return figure(metric_spec(points, column, unit, here), memo, used)


def _iso(date: str) -> str:
    """A partial date as the day Vega places it on: 2024 -> 2024-01-01."""
    parts = date.split("-")
    month, day = [*parts[1:], "01", "01"][:2]
    return f"{parts[0]}-{month}-{day}"


def topic_specs(site: Site, topic_id: str, here: str) -> list[Chart]:
    """A topic page's charts: its papers per year, and each number at least three of its papers report."""
    planned = _PLANNED.get((topic_id, here))
    if planned is not None:
        return planned
    papers = site.views.topic_papers.get(topic_id, [])
    out = [per_year_spec(list(papers), "Papers")]
    out += [metric_spec(points, column, unit, here) for (column, unit), points in metric_points(papers).items()]
    return [chart for chart in out if chart is not None]


def topic_charts(site: Site, topic_id: str, here: str, used: list[str] | None = None) -> list[str]:
    """A topic page's charts, drawn."""
    return [figure(chart, site.memo, used) for chart in topic_specs(site, topic_id, here)]


def _survey_specs(site: Site) -> list[Chart | None]:
    """The charts of the home page and of ``charts.md``, in the order the pages ask for them."""
    return [per_year_spec(list(site.papers), "Papers"),
            *(per_year_spec(list(site.views.topic_papers.get(topic.id, [])), f"{topic.title} papers")
              for topic in site.views.roots())]


_PLANNED: dict[tuple[str, str], list[Chart]] = {}  # topic charts worked out by ``drawing_beside``, while it runs


@contextmanager
def drawing_beside(site: Site, kinds: Iterable[str] = ("home", "topic", "charts")) -> Iterator[None]:
    """While rendering: the charts no earlier run drew are drawn by a child process, beside the pages.

    Every chart the pages will ask for is worked out first (cheap next to drawing: the spec, not the
    drawing); those the memo does not hold go to the child in the order the pages ask for them
    (home, the topics in turn, ``charts.md``). A small survey, or a run after one that drew, draws
    in process as before.
    """
    global _DRAWER
    kinds = set(kinds)
    # only when the last run left no drawing (a cold build, new code): working out every spec to find
    # the few new ones would cost a warm run more than drawing those few here
    if not beside.wanted(len(site.papers)) or not kinds & {"home", "topic", "charts"} \
            or (site.memo is not None and site.memo.had("charts")):
        yield
        return
    _PLANNED.clear()
    if "topic" in kinds:
        for topic in site.corpus.topics:
            here = urls.topic(topic.id)
            _PLANNED[(topic.id, here)] = topic_specs(site, topic.id, here)
    survey = _survey_specs(site)
    wanted = [c.spec for c in ((survey[0] if "home" in kinds else None),
                               *(c for charts in _PLANNED.values() for c in charts),
                               *(survey if "charts" in kinds else ())) if c is not None]
    memo = site.memo
    new = list(dict.fromkeys(s for s in wanted if memo is None or decoded(as_text, memo.get("charts", _key(memo, s))) is None))
    _DRAWER = Drawer(new) if len(new) >= BESIDE_FROM else None
    try:
        yield
    finally:
        if _DRAWER is not None:
            _DRAWER.close()
        _DRAWER = None
        _PLANNED.clear()


def pages(site: Site) -> dict[str, str]:
    """``charts.md``: papers per year for the whole survey and for each top-level topic."""
    if not site.papers:
        return {}
    here = urls.CHARTS
    survey, *roots = _survey_specs(site)
    sections = [(topic, figure(chart, site.memo) if chart is not None else "")
                for topic, chart in zip(site.views.roots(), roots, strict=True)]
    return {here: site.render("charts.md.j2", here, survey=figure(survey, site.memo) if survey is not None else "",
                              sections=[(t, c) for t, c in sections if c])}
