"""Chatty simulated persons (P4): what a persona says besides its answers, and the checks on it.

Older people on a care call do not answer a questionnaire. They tell the agent their grandson
came by with flowers, ask whether it is a real person, drift to the old days, say they are
lonely, and answer two questions in one breath. A persona scripts all of it, each remark
labelled with the response bank's situation it is about (`dialogue.conversation`), so a bench
can score whether the agent reacted to what was said:

```yaml
remarks:
  - at: meal                   # said when the agent asks this item
    how: instead               # instead of the answer (then answers after the agent's return)
    text: "My grandson popped in yesterday with a bunch of tulips."
    situation: grandchild_visit
    reply: "He's studying to be an engineer, you know."   # if the agent asks more about it
also:
  meal: [outing]               # the meal answer's words also answer `outing`
```

`how`: `instead` (the remark alone; the item is answered once the agent comes back to it),
`before` (the remark, then the answer, in one utterance) or `mixed` (the remark's own words
answer the item: the whole utterance is the remark, and `truths` holds the item's answer).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Loc = tuple[str | int, ...]


class Remark(BaseModel):
    """Something off the script the person says when an item is asked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: str  # the item whose question prompts it
    text: Text
    situation: str  # the response bank's situation id this remark is about
    how: Literal["instead", "before", "mixed"] = "instead"
    reply: Text | None = None  # said if the agent asks one more thing about it


def bank_situations(language: str) -> dict[str, str] | None:
    """The response bank's situation ids of a language with their kinds (None: no bank)."""
    try:
        from dialogue.conversation import load_bank
    except ImportError:  # pragma: no cover - the bank ships with the package
        return None
    try:
        bank = load_bank(language)
    except ValueError:
        return None
    return {s.id: s.kind for s in bank.situations}


def check_chatty(persona, scenario) -> Iterator[tuple[Loc, str]]:
    """Rules for a persona's remarks and two-at-once answers; yields (loc, message)."""
    items = [i.id for i in scenario.items]
    situations = bank_situations(persona.language) if persona.remarks else None
    covered = {other for others in persona.also.values() for other in others}
    for i, remark in enumerate(persona.remarks):
        if remark.at not in items:
            yield ("remarks", i, "at"), f"unknown item {remark.at!r}; {scenario.id} has {items}"
        elif remark.at in covered:
            yield (
                ("remarks", i, "at"),
                f"{remark.at!r} is answered in passing (`also`)",
            )
        if "[" in remark.text or "]" in remark.text:
            yield ("remarks", i, "text"), "a remark has no [pause] marks or brackets"
        if situations is not None:
            kind = situations.get(remark.situation)
            if kind is None:
                yield (
                    ("remarks", i, "situation"),
                    f"unknown situation {remark.situation!r}: not in the {persona.language} "
                    "response bank (dialogue/conversation/bank)",
                )
            elif kind == "answer":
                yield (
                    ("remarks", i, "situation"),
                    f"{remark.situation!r} is a check-in answer's situation, not a remark",
                )
        if remark.how == "mixed" and remark.at in items and remark.at not in persona.truths:
            yield ("remarks", i, "how"), f"a mixed remark answers {remark.at!r}: give its truth"
    for key, others in persona.also.items():
        if key not in items:
            yield ("also", key), f"unknown item {key!r}; {scenario.id} has {items}"
            continue
        if key not in persona.answers and not any(
            r.at == key and r.how == "mixed" for r in persona.remarks
        ):
            yield ("also", key), f"{key!r} has no answer whose words could answer others"
        if not others:
            yield ("also", key), "must name at least one other item"
        for j, other in enumerate(others):
            if other not in items or other == key:
                yield ("also", key, j), f"must be another item of {scenario.id}: {items}"
            elif other not in persona.truths:
                yield ("also", key, j), f"answered in passing: give {other!r} a truth"
