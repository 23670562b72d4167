"""How cross-validation picks a guard threshold: the lowest that keeps held-out precision at
the language's floor (`cv.PRECISION_FLOORS`, else `cv.PRECISION_FLOOR`). Held-out scores are
written here, no model is fitted."""

from __future__ import annotations

from dialogue.learned import cv, data


def _held(label: bool, rules: str, score: float) -> cv.Held:
    return cv.Held(data.Example("x", label, "-", "f", {}), rules, score)


def _folds() -> list[cv.Held]:
    # 40 violations the rules find; 60 fine turns the rules pass; the model scores the fine
    # ones from 0.30 to 0.89 and one violation the rules miss at 0.95
    held = [_held(True, "violation", 0.9) for _ in range(40)]
    held += [_held(False, "ok", 0.30 + k / 100) for k in range(60)]
    held.append(_held(True, "ok", 0.95))
    return held


def test_a_stricter_floor_picks_a_higher_threshold():
    held = _folds()
    default = cv.choose("guard", held, "xx")  # a language without a floor of its own
    strict = cv.choose("guard", held, "ko")
    assert default is not None and strict is not None
    assert strict > default
    for lang, t in (("xx", default), ("ko", strict)):
        floor = cv.PRECISION_FLOORS.get(("guard", lang), cv.PRECISION_FLOOR)
        assert cv._figures("guard", held, t)["combined_precision"] >= floor


def test_the_korean_guard_floor_is_above_the_default():
    assert cv.PRECISION_FLOORS[("guard", "ko")] > cv.PRECISION_FLOOR


def test_the_english_guard_floor_is_above_the_default():
    # its held-out precision fell short at the default floor, as the Korean one's did
    assert cv.PRECISION_FLOORS[("guard", "en")] > cv.PRECISION_FLOOR
