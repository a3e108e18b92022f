"""One comparison of two rankings, for the tests that check incremental matching."""

from __future__ import annotations

import pytest

from bodymap.core.matching import MatchResult


def assert_same_ranking(result: MatchResult, fresh: MatchResult) -> None:
    """``result`` ranks the same muscle sides as ``fresh``, with the same figures up to float
    rounding (1e-6)."""
    assert [(m.muscle, m.side) for m in result.matches] == [
        (m.muscle, m.side) for m in fresh.matches
    ]
    for a, b in zip(result.matches, fresh.matches, strict=True):
        assert a.score == pytest.approx(b.score, abs=1e-6)
        assert a.pain_explained == pytest.approx(b.pain_explained, abs=1e-6)
        assert a.zone_covered == pytest.approx(b.zone_covered, abs=1e-6)
    assert result.unexplained == pytest.approx(fresh.unexplained, abs=1e-6)
