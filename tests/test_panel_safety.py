"""The safety rules of the shared differential facts (section 0, findings P1-P3) in the
shipped panels: checked on the words a person reads."""

from __future__ import annotations

import pytest


def _step(anatomy, muscle: str, step: str):  # type: ignore[no-untyped-def]
    return next(s for s in anatomy.muscles[muscle].panel.relief if s.step == step)


@pytest.mark.parametrize("muscle", ["gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"])
def test_crossed_leg_stretches_are_conditional_on_the_tendon_signs(anatomy, muscle: str) -> None:  # type: ignore[no-untyped-def]
    caution = _step(anatomy, muscle, "stretch").caution
    assert "lying on that side hurts" in caution and "physiotherapist" in caution


@pytest.mark.parametrize("muscle", ["piriformis", "gluteus_maximus"])
def test_knee_to_opposite_shoulder_warns_after_a_hip_replacement(anatomy, muscle: str) -> None:  # type: ignore[no-untyped-def]
    assert "hip replacement" in _step(anatomy, muscle, "stretch").caution


@pytest.mark.parametrize("muscle", ["piriformis", "gluteus_maximus", "gluteus_minimus"])
def test_ball_work_keeps_off_the_sciatic_nerve(anatomy, muscle: str) -> None:  # type: ignore[no-untyped-def]
    assert "sciatic nerve" in _step(anatomy, muscle, "massage").caution


def test_every_massage_caution_names_blood_thinners(anatomy) -> None:  # type: ignore[no-untyped-def]
    missing = [
        m.id
        for m in anatomy.muscles.values()
        if "blood thinners" not in _step(anatomy, m.id, "massage").caution
    ]
    assert missing == []


def test_psoas_says_see_a_clinician_first_and_why(anatomy) -> None:  # type: ignore[no-untyped-def]
    step = _step(anatomy, "psoas", "massage")
    assert step.how.startswith("See a clinician first")
    for reason in ("pregnant", "aneurysm", "hernia", "blood thinners", "fever"):
        assert reason in step.caution


def test_ql_ache_at_rest_is_not_the_red_flag(anatomy) -> None:  # type: ignore[no-untyped-def]
    # P1: "whatever your position" overlapped the night-pain red flag
    first = anatomy.muscles["quadratus_lumborum"].panel.symptoms[0]
    assert "whatever your position" not in first and "warning sign" in first


def test_red_flags_include_the_added_signs(anatomy) -> None:  # type: ignore[no-untyped-def]
    flags = " ".join(anatomy.safety.red_flags)
    for sign in ("pulsing feeling in the belly", "calf", "walking", "cannot put weight"):
        assert sign in flags
