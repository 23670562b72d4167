"""The context a call gives the recognizer when a person answers a scenario item, for
measuring recognition on recorded answers (`carecall asr eval`, `carecall eval --fixtures`)."""

from __future__ import annotations

from asr import RecognitionContext
from asr.corpus import CorpusError


def item_context(scenario, item_id: str | None) -> RecognitionContext | None:
    """What a call knows when the person answers `item_id`: the item's question and the
    words its answers are expected to contain, as `dialogue.engine` puts them in the
    question's `AgentTurn.expected` (the answers' keywords, "don't know" phrases, then the
    words of the answer examples; 80 at most)."""
    if not item_id:
        return None
    try:
        item = scenario.item(item_id)
    except KeyError:
        raise CorpusError(f"scenario {scenario.id} has no item {item_id!r}") from None
    from dialogue.text import words

    phrases = [k.replace("*", "") for group in [*item.answers, scenario.dont_know]
               for k in group.keywords]  # fmt: skip
    phrases += [w for answer in item.answers for e in answer.examples for w in words(e)]
    return RecognitionContext(item.questions[0], tuple(dict.fromkeys(phrases))[:80])
