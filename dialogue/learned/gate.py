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

With the default recognizer (pocketsphinx, ~50% WER on the line) most answers arrive too
garbled for the extractor to be sure of them ("can't my knees are been a log": "confusion"
0.57), so in a call the margin applies whenever a question is open (`Layer.flags(answering=)`),
which is nearly always; `carecall safety eval`, which has no dialogue, uses the base threshold.
"""

from __future__ import annotations

import re

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


# Someone other than the speaker, in English (Korean leaves the subject out: not judged).
_SOMEONE_ELSE_EN = re.compile(
    r"\b(he|she|him|her|his|they|them|husband|wife|partner|son|daughter|child|baby|grandson|"
    r"granddaughter|grandchild|mum|mom|mother|dad|father|brother|sister|friend|neighbou?r|"
    r"someone|somebody|man|woman|lady|carer|lodger|flatmate)\b",
    re.IGNORECASE,
)


def speaker_cannot_be(category: str, text: str, language: str) -> bool:
    """The person talking cannot be unconscious: the model's "unconscious" (learned from "I
    can't wake him up") on an English utterance that names nobody else is the speaker's own
    sleep ("i can't waking up", a misheard "I kept waking up"), and the rules, which scope who
    it is about, decide alone."""
    return category == "unconscious" and language == "en" and not _SOMEONE_ELSE_EN.search(text)
