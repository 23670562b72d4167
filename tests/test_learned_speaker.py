"""The learned layer's "unconscious" is about someone else: on an English utterance naming
nobody else it is the speaker's own sleep (`dialogue.learned.gate.speaker_cannot_be`)."""

from __future__ import annotations

import pytest

from dialogue.learned.gate import speaker_cannot_be


@pytest.mark.parametrize(
    "text", ["not very well i can't waking up", "I can't wake up in the mornings"]
)
def test_the_speaker_is_not_unconscious(text):
    assert speaker_cannot_be("unconscious", text, "en")


@pytest.mark.parametrize(
    "text", ["I can't wake him up", "my husband won't wake up", "my neighbour is out cold"]
)
def test_someone_else_can_be(text):
    assert not speaker_cannot_be("unconscious", text, "en")


def test_other_categories_and_korean_are_left_to_the_model():
    assert not speaker_cannot_be("breathing", "i can't breathe", "en")
    assert not speaker_cannot_be("unconscious", "깨워도 안 일어나요", "ko")
