"""What a ranking says: the listed matches, the smaller contacts, and the drawing's cues.

Plain data, built by :class:`bodymap.core.matching.Matcher`; see docs/matching.md for the
formula and the thresholds (strength words, listing floor).
"""

from __future__ import annotations

from dataclasses import dataclass

from bodymap.core.anatomy import Cue

# Strength words by score (see docs/matching.md, "Strength", for the drawings they come from)
STRONG = 0.6
MODERATE = 0.35


def strength_of(score: float) -> str:
    """``"strong"``, ``"moderate"`` or ``"weak"`` for a score in [0, 1]."""
    if score >= STRONG:
        return "strong"
    if score >= MODERATE:
        return "moderate"
    return "weak"


@dataclass(frozen=True)
class Match:
    """One muscle side whose referral pattern overlaps the pain.

    ``score`` is the better of the whole pattern's score and its best trigger-point group's
    (with the group floor), ``group`` that best group's name; ``pain_explained`` and
    ``zone_covered`` are those of the whole pattern (fractions in [0, 1]); ``overlap_area``
    is in SVG units²."""

    muscle: str
    name: str
    short_name: str
    colour: str
    side: str
    score: float
    pain_explained: float
    zone_covered: float
    overlap_area: float  # SVG units²
    group: str = ""

    @property
    def strength(self) -> str:
        return strength_of(self.score)

    def as_dict(self) -> dict[str, object]:
        return {
            "muscle": self.muscle,
            "name": self.name,
            "side": self.side,
            "score": round(self.score, 4),
            "pain_explained": round(self.pain_explained, 4),
            "zone_covered": round(self.zone_covered, 4),
            "strength": self.strength,
            "group": self.group,
        }


@dataclass(frozen=True)
class MatchResult:
    """The ranking of one drawing.

    ``matches``: muscle sides explaining at least ``LIST_FRACTION`` of the pain, best first;
    ``also_touches``: smaller contacts (same order); ``unexplained``: the fraction of the pain
    outside every listed pattern; ``other_causes`` and ``warnings``: the anatomy's cues the
    painted regions bring up (never ranked)."""

    matches: tuple[Match, ...]
    pain_area: float  # SVG units², all views
    unexplained: float  # fraction of the pain no listed pattern reaches, in [0, 1]
    also_touches: tuple[Match, ...] = ()
    other_causes: tuple[Cue, ...] = ()
    warnings: tuple[Cue, ...] = ()

    def rows(self) -> tuple[tuple[Match, ...], ...]:
        """The listed matches as rows: a muscle listed on both sides is one row with both
        sides (the better side first), placed at the better side's rank."""
        rows: dict[str, list[Match]] = {}
        for match in self.matches:
            rows.setdefault(match.muscle, []).append(match)
        return tuple(tuple(sides) for sides in rows.values())

    def as_dict(self) -> dict[str, object]:
        """The JSON form of ``bodymap analyze --json``."""

        def cue(c: Cue) -> dict[str, object]:
            return {"id": c.id, "label": c.label, "text": c.text}

        return {
            "matches": [m.as_dict() for m in self.matches],
            "unexplained": round(self.unexplained, 4),
            "also_touches": [m.as_dict() for m in self.also_touches],
            "other_causes": [cue(c) for c in self.other_causes],
            "warnings": [cue(c) for c in self.warnings],
        }
