"""The words a check-in item's answer is expected to hold: what the recognizer is told to
listen for (the engine's `RecognitionContext`, the offline end-of-turn replay)."""

from __future__ import annotations

from dialogue.scenario import Item, Phrases
from dialogue.text import words


def _vocabulary(groups: list[Phrases], sentences: list[str], limit: int = 80) -> tuple[str, ...]:
    out = [k.replace("*", "") for g in groups for k in g.keywords]
    out += [w for s in sentences for w in words(s)]
    return tuple(dict.fromkeys(out))[:limit]


def answer_vocabulary(scenario, item: Item) -> tuple[str, ...]:
    """The words expected in an answer to `item` (its answer classes' keywords and examples,
    and the scenario's "don't know"): what the recognizer is told to listen for."""
    examples = [e for a in item.answers for e in a.examples]
    return _vocabulary([*item.answers, scenario.dont_know], examples)
