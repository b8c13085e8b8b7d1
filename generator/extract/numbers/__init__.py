"""Multiplicative factors and percentages in a sentence: what each measures, against what, and whose.

Written against the bundled captures, where LaTeX ``\\times`` arrives glued (``4.5times``) and
ranges come as ``3.7-4.3x``, ``1.8~2.01x``, ``2.36sim 8.02times`` or ``10times-1000times``.

Every value is read from its own clause: the words between it and its neighbours (the previous
value, a comma, "and") say what it measures; a comparison word after it ("over", "than",
"compared to", "vs.") or an "outperforms X by" before it names its baseline. Each search looks at a
bounded window around the value, so a sentence with n values costs O(n), not O(n²).

The modules, each importing only those above it: ``sentence`` (clauses, the words around a value,
``Number``), ``baselines`` (against what, and whose), ``measures`` (what it measures, its kind and
way), ``neighbours`` (what listed and coordinated values share), ``values`` (finding the values and
reading each).
"""

from __future__ import annotations

from .measures import LEGACY_WHAT, METRICS, SPEED_MEASURES
from .sentence import Number
from .values import FACTOR, PERCENT, factors, numbers, percentages

__all__ = ["FACTOR", "LEGACY_WHAT", "METRICS", "PERCENT", "SPEED_MEASURES", "Number", "factors", "numbers",
           "percentages"]
