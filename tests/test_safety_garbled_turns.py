"""Misheard turns that must not start the check-then-escalate path: a check on a garbled turn
turns the next misheard reply into a critical alert (seen in whole calls under load)."""

import pytest

from dialogue.analysis import analyze
from dialogue.safety.detector import EmergencyDetector, _contentful

DETECTOR = EmergencyDetector(learned=True)


@pytest.mark.parametrize(
    "text, language",
    [("the and this is at all", "en"), ("and the it is a", "en"), ("그 저 뭐", "ko")],
)
def test_function_words_alone_give_the_learned_layer_no_say(text, language):
    assert not _contentful(analyze(text, language))
    assert DETECTOR.assess(text, language).decision.value == "none"


@pytest.mark.parametrize(
    "text, language",
    [
        ("help", "en"),
        ("i can't breathe", "en"),
        ("살려 주세요", "ko"),
        ("가슴이 아파요", "ko"),
        ("너무 더워요", "ko"),  # an irregular stem: Kiwi tags it VA-I
    ],
)
def test_a_content_word_is_enough(text, language):
    assert _contentful(analyze(text, language))


@pytest.mark.parametrize(
    "text, decision",
    [
        ("yes i had come broke in the morning", "none"),
        ("i broke in my new boots today", "none"),
        ("we had to break in because i lost my key", "none"),
        ("they broke in while i was asleep", "emergency"),
        ("a man broke into my house", "emergency"),
        ("he broke in and hit me", "emergency"),
    ],
)
def test_breaking_in_is_an_intruder_only_when_someone_else_does_it(text, decision):
    assert DETECTOR.assess(text, "en").decision.value == decision
