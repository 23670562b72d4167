"""The opening's "Am I speaking with ...?": a "no" that is about the person's own day is no
"wrong person", a plain answer to it gets the learned layer's margin, and real denials still
end the call politely."""

from __future__ import annotations

import pytest

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.safety.detector import EmergencyDetector
from dialogue.scenario_phrases import identity_item

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")


def engine(scenario=EN) -> DialogueEngine:
    e = DialogueEngine(scenario, recipient=Recipient("demo", "Margaret"))
    e.opening()
    return e


def test_a_no_about_the_persons_own_meal_is_not_the_wrong_person() -> None:
    # the last CI's whole call: the identity misheard, then the meal answered to the re-ask
    e = engine()
    assert e.reply("yet hit my very").kind == "clarify"
    turn = e.reply("no i had not eaten anything yet")
    assert not turn.end_call and e.report().outcome != "wrong_person"


@pytest.mark.parametrize(
    "reply",
    [
        "no",
        "no this is her daughter",
        "no i'm her son",
        "no wrong number",
        "no she is out at the shops",
        "no i'm her neighbour she went out",
    ],
)
def test_a_denial_still_ends_the_call_as_the_wrong_person(reply) -> None:
    e = engine()
    turn = e.reply(reply)
    assert turn.end_call and e.report().outcome == "wrong_person"


def test_a_korean_denial_still_ends_the_call() -> None:
    e = engine(KO)
    assert e.reply("아니요 저는 딸인데요").end_call


@pytest.mark.parametrize("scenario", [EN, KO])
def test_the_identity_question_is_an_item_the_detector_can_take(scenario) -> None:
    item = identity_item(scenario)
    assert {a.answer_class for a in item.answers} == {"confirm", "deny"}
    said = "yes speaking" if scenario is EN else "네 접니다"
    assert EmergencyDetector().assess(said, scenario.language, asked=item).findings == ()


def test_yes_speaking_draws_no_safety_check() -> None:
    e = engine()
    turn = e.reply("yes speaking")
    assert turn.kind != "clarify" and "breathing" not in turn.text
