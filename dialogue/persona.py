"""A persona: the script of a simulated person on a test call, and the rules tying it to its
scenario.

What this person answers to each check-in item, and what the report should therefore say
(`truths`); how the person behaves on the line: pauses inside an answer (`[pause 1.5]` in its
text), staying silent when an item is first asked, pressing a key instead of answering, cutting
the agent off some seconds into a question, hanging up after some answers; and, for chatty
persons (`dialogue.chatty`), the remarks and questions they bring up besides their answers and
the answers that answer two items at once. `dialogue.caller.SimulatedCaller` plays it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from dialogue.chatty import Remark, check_chatty
from dialogue.scenario import DONT_KNOW, Scenario
from dialogue.yamlfile import ScenarioError, load_model, problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
IDENTITY = "identity"
PAUSE = re.compile(r"\[pause (\d+(?:\.\d+)?)\]")  # "[pause 1.5]": silence inside an answer


def speech_parts(text: str) -> list[str | float]:
    """An answer as it is spoken: phrases (str) and the pauses between them (seconds)."""
    parts: list[str | float] = []
    for i, piece in enumerate(PAUSE.split(text)):
        if i % 2:
            parts.append(float(piece))
        elif piece.strip():
            parts.append(piece.strip())
    return parts


def plain(text: str) -> str:
    """An answer's words without its pause marks."""
    return " ".join(p for p in speech_parts(text) if isinstance(p, str))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonaEmergency(_Model):
    at: str  # the item whose question the person answers with this line instead
    text: Text
    expect: str  # the scenario emergency id this line must trigger


class Behaviour(_Model):
    """How the person acts when the agent asks one item (or `identity`)."""

    silent: int = Field(default=0, ge=0, le=5)  # says nothing the first N times it is asked
    dtmf: Annotated[str, StringConstraints(pattern=r"^[0-9*#]$")] | None = None
    """Presses this key instead of answering, the first time it is asked."""
    barge_in_after_s: float | None = Field(default=None, gt=0, le=30)
    """Starts answering this many seconds into the agent's question, over it."""


class Persona(_Model):
    id: str
    name: Text
    recipient_id: Text
    language: Literal["ko", "en"]
    voice: Text = "flite:slt"  # "<synthesizer>:<voice>"
    rate: float = Field(default=1.0, gt=0.2, le=3.0)
    scenario: str | None = None  # the scenario it was written for: a name, or a path from here
    answers: dict[str, Text | list[Text]]  # identity / item id -> answer, or [answer, follow-up]
    goodbye: str = ""
    fallback: str | None = None  # said to an item the script does not cover; None: silence
    truths: dict[str, str] = {}  # item id -> answer class the report should show
    emergency: PersonaEmergency | None = None
    behaviour: dict[str, Behaviour] = {}  # identity / item id -> how the person acts
    hang_up_after: int | None = Field(default=None, ge=1)  # hangs up after this many answers
    remarks: list[Remark] = []  # off-script remarks and questions (see dialogue.chatty)
    also: dict[str, list[str]] = {}  # item id -> other items its answer also answers

    def lines(self, key: str) -> list[str]:
        value = self.answers.get(key, [])
        return [value] if isinstance(value, str) else list(value)


def check_persona(persona: Persona, scenario: Scenario):
    """Rules tying a persona to its scenario; yields (loc, message)."""
    items = {i.id: i for i in scenario.items}
    if persona.language != scenario.language:
        yield ("language",), f"is {persona.language!r} but {scenario.id} is {scenario.language!r}"
    if IDENTITY not in persona.answers:
        yield ("answers",), "must answer 'identity' (the opening question)"
    for key, value in persona.answers.items():
        if key != IDENTITY and key not in items:
            yield ("answers", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
        if isinstance(value, list) and not value:
            yield ("answers", key), "must be a non-empty list"
        for i, line in enumerate([value] if isinstance(value, str) else value):
            loc = ("answers", key) if isinstance(value, str) else ("answers", key, i)
            if "[" in PAUSE.sub("", line) or "]" in PAUSE.sub("", line):
                yield loc, "only [pause N] marks may be bracketed (N in seconds, e.g. [pause 1.5])"
            elif not plain(line):
                yield loc, "must say something besides pauses"
    for key in persona.behaviour:
        if key != IDENTITY and key not in items:
            yield ("behaviour", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
        elif persona.behaviour[key].dtmf and persona.behaviour[key].dtmf not in scenario.dtmf:
            keys = sorted(scenario.dtmf)
            yield ("behaviour", key, "dtmf"), f"{scenario.id} does nothing on that key; has {keys}"
    for key, expected in persona.truths.items():
        if key not in items:
            yield ("truths", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
            continue
        classes = [a.answer_class for a in items[key].answers] + [DONT_KNOW, "unanswered"]
        if expected not in classes:
            yield ("truths", key), f"unknown answer class {expected!r}; have {classes}"
    if persona.emergency:
        if persona.emergency.at not in items:
            yield ("emergency", "at"), f"unknown item {persona.emergency.at!r}"
        if persona.emergency.expect not in {e.id for e in scenario.emergency}:
            expect = persona.emergency.expect
            yield ("emergency", "expect"), f"{scenario.id} has no emergency {expect!r}"
    yield from check_chatty(persona, scenario)


def load_persona(path: str | Path, scenario: Scenario | None = None) -> Persona:
    """Load a persona YAML (a bare name is looked up among the shipped personas); with a
    scenario — given, or named by the persona — it is also checked against it."""
    from dialogue.scenario import load_scenario
    from scenarios import persona_path

    try:
        path = persona_path(path)
    except FileNotFoundError as exc:
        raise ScenarioError([str(exc)]) from None
    persona, lines = load_model(path, Persona)
    if scenario is None and persona.scenario:
        named = Path(persona.scenario)
        if named.suffix in (".yaml", ".yml") and not named.is_absolute():
            named = path.parent / named  # a relative path is relative to the persona file
        scenario = load_scenario(named)
    if scenario is not None:
        found = check_persona(persona, scenario)
        if problems := [problem(path, lines, loc, message) for loc, message in found]:
            raise ScenarioError(problems)
    return persona
