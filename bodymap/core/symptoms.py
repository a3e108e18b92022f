"""Symptom answers that may reorder near-ties of a ranking, by a bounded rule.

The rule (shared differential facts 4.2; docs/matching.md, "Symptoms"):

1. The drawing decides who is listed: answers never add or remove a match and never change
   its score, "pain explained" or "unexplained".
2. Only *candidates* can move: listed matches whose score is at least the top score / 1.5
   (they explain at least 10% of the pain, as every listed match does).
3. Each "yes" answer weighs 1.25 for a candidate muscle whose cited symptom list has the item;
   an item listed for three or more candidate muscles does not discriminate and counts for
   none. The product of weights is clamped to 0.8-1.25.
4. Candidates are re-sorted by score x weight among the places they held; every move is
   explained with the item and its source. Without answers the ranking is the drawing's.

The weights are expert opinion (no likelihood ratios exist for trigger-point symptoms), kept
small on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from bodymap.core.anatomy import Anatomy
from bodymap.core.match_result import Match, MatchResult

SUPPORT_WEIGHT = 1.25
MIN_WEIGHT, MAX_WEIGHT = 0.8, 1.25
NEAR_TIE = 1.5  # candidates score at least top / NEAR_TIE
SHARED = 3  # an item listed for this many candidate muscles counts for none


@dataclass(frozen=True)
class Move:
    """One match moved by the answers: from and to its 1-based rank, and why."""

    muscle: str
    side: str
    old_rank: int
    new_rank: int
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "muscle": self.muscle,
            "side": self.side,
            "from": self.old_rank,
            "to": self.new_rank,
            "reason": self.reason,
        }


def unknown_symptoms(anatomy: Anatomy, answers: Iterable[str]) -> list[str]:
    """The answer ids that are not items of the anatomy's checklist."""
    known = {s.id for s in anatomy.symptoms}
    return [a for a in answers if a not in known]


def reorder(
    anatomy: Anatomy, result: MatchResult, answers: Iterable[str]
) -> tuple[MatchResult, tuple[Move, ...]]:
    """``result`` with its near-tie candidates reordered by the "yes" ``answers`` (symptom
    ids; unknown ids are ignored: check them with :func:`unknown_symptoms`), and the moves."""
    yes = {a for a in answers}
    matches = list(result.matches)
    if not yes or len(matches) < 2:
        return result, ()
    top = matches[0].score
    places = [i for i, m in enumerate(matches) if m.score * NEAR_TIE >= top]
    candidates = {matches[i].muscle for i in places}
    weights: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for symptom in anatomy.symptoms:
        if symptom.id not in yes:
            continue
        supported = [m for m in sorted(candidates) if m in symptom.supports]
        if len(supported) >= SHARED:
            continue
        for muscle in supported:
            weights[muscle] = weights.get(muscle, 1.0) * SUPPORT_WEIGHT
            name = anatomy.muscles[muscle].name.lower()
            why.setdefault(muscle, []).append(
                f'you said "{symptom.label.lower()}"; {symptom.supports[muscle]} lists it '
                f"for {name}"
            )
    if not weights:
        return result, ()

    def weighted(m: Match) -> float:
        return m.score * min(MAX_WEIGHT, max(MIN_WEIGHT, weights.get(m.muscle, 1.0)))

    block = sorted((matches[i] for i in places), key=lambda m: (-weighted(m), m.muscle, m.side))
    moves = []
    for new_index, match in zip(places, block, strict=True):
        old_index = matches.index(match)
        if new_index != old_index:
            direction = "up" if new_index < old_index else "down"
            reason = "; ".join(why.get(match.muscle, ["others moved up past it"]))
            moves.append(
                Move(
                    match.muscle,
                    match.side,
                    old_index + 1,
                    new_index + 1,
                    f"moved {direction}: {reason}",
                )
            )
    for new_index, match in zip(places, block, strict=True):
        matches[new_index] = match
    return replace(result, matches=tuple(matches)), tuple(moves)
