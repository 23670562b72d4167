"""In a call, the learned emergency layer hears what the person says in answer to a question.

In simulated calls its needless checks came from plain answers, misheard: "not very well i
kept waking up" (to "How did you sleep?": "unconscious", from "can't wake her up") and "i had
some soup and breath for lunch" (to "Did you eat today?": "breathing"). The rules scoped both
correctly; the model, which sees only character and word overlap, did not. So where the
utterance is a confident answer to the item just asked (the scenario's own extractor gives it
one of the item's answer classes), a learned-only `check` needs the higher threshold
`layer.ANSWER_THRESHOLDS`, chosen by cross-validation (`cv.choose_answered`) on the
development examples that read as an answer to some check-in item. The rules and the LLM's
second opinion are not gated: an answer that names an emergency is still caught by them.
"""

from __future__ import annotations

from dialogue.scenario import DONT_KNOW, Item

MIN_CONFIDENCE = 0.5  # the extractor's confidence for an answer it is sure of


def answers(text: str, item: Item | None, language: str) -> bool:
    """Whether `text` is a confident answer to `item` (False without an item)."""
    if item is None or not text.strip():
        return False
    from dialogue.extract import extract

    found = extract(item, text, language=language)
    return (
        found.answer_class is not None
        and found.answer_class != DONT_KNOW
        and found.confidence >= MIN_CONFIDENCE
    )


def answers_any(text: str, items: tuple[Item, ...], language: str) -> bool:
    """Cross-validation's stand-in for "the item just asked" (a case file has no dialogue):
    a confident answer to any item of the language's check-in scenario."""
    return any(answers(text, item, language) for item in items)
