"""Two sessions (diary entries) compared: where the pain changed, the score, the rankings.

Qt-free; the areas are those of :func:`bodymap.core.metrics.compare`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.core.anatomy import Anatomy
from bodymap.core.matching import Matcher, MatchResult
from bodymap.core.metrics import PainChange, compare, session_pain
from bodymap.core.score import NRS_FIELDS
from bodymap.core.session import Session


@dataclass(frozen=True)
class Comparison:
    """Entry A (earlier) against B (later): ``change`` of the pain's place and extent,
    ``nrs_change`` B minus A for now/usual/worst (None where either is unanswered), and
    both rankings."""

    change: PainChange
    nrs_change: dict[str, int | None]
    matches_a: MatchResult
    matches_b: MatchResult


def compare_sessions(
    anatomy: Anatomy, a: Session, b: Session, matcher: Matcher | None = None
) -> Comparison:
    """Compare session ``a`` with the later ``b``."""
    matcher = matcher or Matcher(anatomy)
    pain_a, pain_b = session_pain(anatomy, a), session_pain(anatomy, b)
    nrs: dict[str, int | None] = {}
    for key in NRS_FIELDS:
        va, vb = getattr(a.score, key), getattr(b.score, key)
        nrs[key] = None if va is None or vb is None else vb - va
    return Comparison(
        change=compare(anatomy, pain_a, pain_b),
        nrs_change=nrs,
        matches_a=matcher.match(pain_a),
        matches_b=matcher.match(pain_b),
    )
