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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from bodymap.core.anatomy import Anatomy, DangerSign
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
    """The answer ids that are neither items of the anatomy's checklist nor danger signs."""
    known = {s.id for s in anatomy.symptoms} | {d.id for d in anatomy.danger_signs}
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


# Pain qualities that point to a nerve root (radicular pain): "numbness or tingling" (shared
# differential facts, section 1, "Radicular pain"; clinical facts 5; both are descriptors of
# the DN4 neuropathic-pain questionnaire, Bouhassira et al., Pain 2005;114:29-36). A paint
# mark carrying one brings up the anatomy's nerve-root cue as another cause to consider,
# wherever it is drawn; it is never ranked and changes no figure.
NERVE_ROOT_QUALITIES = ("tingling", "numbness")
NERVE_ROOT_CUE = "nerve_root"


@dataclass(frozen=True)
class Assessment:
    """What the drawing and the answers say together.

    ``result``: the drawing's ranking with its near-ties reordered by the "yes" symptom
    answers (:func:`reorder`) and the nerve-root cue added to its other causes when a mark
    carries a nerve-root quality; ``moves``: the reorderings, each with its reason;
    ``dangers``: the danger signs answered "yes", in the screen's order. Danger signs change
    no ranking: they go above it (differential facts 4.2, rule 7)."""

    result: MatchResult
    moves: tuple[Move, ...]
    dangers: tuple[DangerSign, ...]


def yes_answers(answers: Mapping[str, bool] | Iterable[str]) -> set[str]:
    """The ids answered "yes": the true keys of a mapping, or every id of an iterable."""
    if isinstance(answers, Mapping):
        return {key for key, value in answers.items() if value}
    return set(answers)


def with_quality_causes(
    anatomy: Anatomy, result: MatchResult, qualities: Iterable[str | None]
) -> MatchResult:
    """``result`` with the nerve-root cue among its other causes when one of ``qualities``
    (the pain qualities of the marks; None for none) is a nerve-root quality and some pain
    is drawn. Unchanged if the cue is already there or the anatomy has none."""
    if result.pain_area <= 0 or not any(q in NERVE_ROOT_QUALITIES for q in qualities):
        return result
    if any(c.id == NERVE_ROOT_CUE for c in result.other_causes):
        return result
    cue = next((c for c in anatomy.cues if c.id == NERVE_ROOT_CUE), None)
    if cue is None:
        return result
    order = {c.id: i for i, c in enumerate(anatomy.cues)}
    causes = sorted((*result.other_causes, cue), key=lambda c: order.get(c.id, len(order)))
    return replace(result, other_causes=tuple(causes))


def assess(
    anatomy: Anatomy,
    result: MatchResult,
    answers: Mapping[str, bool] | Iterable[str],
    qualities: Iterable[str | None] = (),
) -> Assessment:
    """The drawing's ``result`` with the ``answers`` (symptom and danger-sign ids answered
    "yes": a mapping id -> yes/no as sessions keep them, or the ids) and the marks'
    pain ``qualities`` applied; what the window and ``bodymap analyze`` show."""
    yes = yes_answers(answers)
    reordered, moves = reorder(anatomy, result, yes)
    reordered = with_quality_causes(anatomy, reordered, qualities)
    dangers = tuple(d for d in anatomy.danger_signs if d.id in yes)
    return Assessment(reordered, moves, dangers)
