"""Which simulated people an evaluation calls, and how each call's person differs.

N calls of the same persona would be N copies of one measurement, so the calls cycle through
the scenario's personas, and every later round changes the voice and the speaking rate; with
`perturb` > 0 some answers are also swapped for an answer of another class of the same item
(its truth swapped with it, so the report is still judged against what was said).

`expected_alerts` is what a care worker should be told after a call with this person: a flag
for every true answer class that carries one, the persona's emergency, and a callback for a
key the persona presses that the scenario turns into one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from dialogue.caller import Persona, load_persona
from dialogue.scenario import Scenario
from dialogue.yamlfile import read_yaml
from scenarios import PERSONA_DIR

FLITE_VOICES = ("slt", "rms", "awb", "kal16")
ESPEAK_VOICES = ("", "+f3", "+m3", "+f2")


@dataclass(frozen=True)
class CallPlan:
    index: int
    persona: Persona
    source: str  # the persona file it was made from
    variation: str  # how it differs from that file ("" for the file as written)


def scenario_personas(scenario: Scenario, directory: Path = PERSONA_DIR) -> list[Path]:
    """The shipped persona files written for `scenario`, in name order. Chatty personas (with
    `remarks`) are left out: `bench/bench_conversation.py` measures them, and the recorded
    evaluation keeps the persona set its figures were measured on (`--persona` adds one)."""
    found = []
    for path in sorted(directory.glob("*.yaml")):
        data = read_yaml(path, allow_empty=True)[0]
        if not isinstance(data, dict) or data.get("remarks"):
            continue
        if data.get("scenario") == scenario.id:
            found.append(path)
    return found


def plan_calls(
    scenario: Scenario, files: list[Path], calls: int, *, perturb: float = 0.0, seed: int = 0
) -> list[CallPlan]:
    if not files:
        raise ValueError(f"no personas for scenario {scenario.id}: pass --persona FILE")
    personas = [(f, load_persona(f, scenario)) for f in files]
    rng = random.Random(seed)
    plans = []
    for i in range(calls):
        path, persona = personas[i % len(personas)]
        round_ = i // len(personas)
        changes = []
        if round_:
            persona, change = _vary_voice(persona, round_, rng)
            changes.append(change)
        if perturb > 0:
            persona, swapped = perturb_answers(persona, scenario, perturb, rng)
            changes += [f"{item}→{cls}" for item, cls in swapped]
        if changes:
            persona = persona.model_copy(update={"id": f"{persona.id}#{i}"})
        plans.append(CallPlan(i, persona, str(path), ", ".join(changes)))
    return plans


def _vary_voice(persona: Persona, round_: int, rng: random.Random) -> tuple[Persona, str]:
    backend, _, voice = persona.voice.partition(":")
    if backend == "flite":
        voice = FLITE_VOICES[
            (FLITE_VOICES.index(voice) + round_) % len(FLITE_VOICES)
            if voice in FLITE_VOICES
            else round_ % len(FLITE_VOICES)
        ]
    elif backend == "espeak":
        base = voice.split("+")[0] or persona.language
        voice = base + ESPEAK_VOICES[round_ % len(ESPEAK_VOICES)]
    rate = round(min(3.0, max(0.5, persona.rate * rng.uniform(0.85, 1.1))), 2)
    varied = persona.model_copy(update={"voice": f"{backend}:{voice}", "rate": rate})
    return varied, f"voice {backend}:{voice} rate {rate}"


def perturb_answers(
    persona: Persona, scenario: Scenario, p: float, rng: random.Random
) -> tuple[Persona, list[tuple[str, str]]]:
    """Each item with a truth is, with probability `p`, answered with an example of another
    of its answer classes, and the truth follows. The examples also train the domain language
    model, so swapped answers are easier to recognize than the personas' own words."""
    answers, truths, swapped = dict(persona.answers), dict(persona.truths), []
    for item_id, truth in persona.truths.items():
        if rng.random() >= p:
            continue
        others = [
            a for a in scenario.item(item_id).answers if a.answer_class != truth and a.examples
        ]
        if not others:
            continue
        answer = rng.choice(others)
        answers[item_id] = rng.choice(answer.examples)
        truths[item_id] = answer.answer_class
        swapped.append((item_id, answer.answer_class))
    return persona.model_copy(update={"answers": answers, "truths": truths}), swapped


def contradict(persona: Persona, answers: dict[str, str]) -> Persona:
    """The persona speaking `answers` while its truths stay as written: a person whose words
    and truths disagree, which a sound evaluation must count as extraction errors."""
    return persona.model_copy(
        update={"id": f"{persona.id}-contradicted", "answers": {**persona.answers, **answers}}
    )


def write_persona(persona: Persona, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = persona.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.update(id=persona.id, language=persona.language, voice=persona.voice)
    if persona.behaviour:
        data["behaviour"] = {
            k: b.model_dump(exclude_none=True, exclude_defaults=True)
            for k, b in persona.behaviour.items()
        }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def expected_alerts(persona: Persona, scenario: Scenario) -> list[dict]:
    """The alerts a call with this person should raise, as {kind, item_id}."""
    out = []
    for item_id, truth in persona.truths.items():
        answer = scenario.item(item_id).answer(truth)
        if answer is not None and answer.flag is not None:
            out.append({"kind": "flag", "item_id": item_id})
    if persona.emergency is not None:
        out.append({"kind": "emergency", "item_id": None})
    for behaviour in persona.behaviour.values():
        action = scenario.dtmf.get(behaviour.dtmf) if behaviour.dtmf else None
        if action is not None and action.action == "callback":
            out.append({"kind": "callback", "item_id": None})
    return out
