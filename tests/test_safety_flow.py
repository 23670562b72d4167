"""The safety side of a call, without models: check questions, what counts as an all-clear,
and what the agent may say about alerting."""

from __future__ import annotations

import pytest

from dialogue.safety import Assessment, Decision, Finding
from dialogue.safety.flow import SafetyFlow, answer_to_check
from dialogue.safety.scripts import CHECK_QUESTIONS, emergency_script


class Rules:
    """Decides by a word in the text, as a detector would."""

    def assess(self, text: str, language: str) -> Assessment:
        if "collapsed" in text or "쓰러졌" in text:
            return Assessment(
                Decision.EMERGENCY, (Finding("unconscious", Decision.EMERGENCY, text),)
            )
        if "breath" in text or "숨이" in text:
            return Assessment(Decision.CHECK, (Finding("breathing", Decision.CHECK, text),))
        return Assessment(Decision.NONE)


class Sink:
    def __init__(self, configured: bool = True, stores: bool = True, hands_off: bool = False):
        self.configured, self.stores, self.hands_off = configured, stores, hands_off
        self.raised: list[tuple[str, str, str]] = []

    def raise_alert(self, category: str, severity: str, evidence: str) -> bool:
        self.raised.append((category, severity, evidence))
        return self.stores

    def hand_off(self) -> bool:
        return self.hands_off


def test_a_red_flag_gets_one_direct_question_and_a_clear_no_lets_the_call_go_on():
    sink = Sink()
    flow = SafetyFlow(Rules(), "en", alerts=sink)
    turn = flow.hear("I'm a bit short of breath today")
    assert turn.kind == "check" and turn.text == CHECK_QUESTIONS["en"]["breathing"]
    assert flow.pending
    turn = flow.hear("No, not really, it's fine")
    assert turn.kind == "clear" and not flow.pending and sink.raised == []
    assert flow.hear("I had toast") is None


@pytest.mark.parametrize("reply", ["yes", "yeah I think so", "I'm not sure", "uh the cat", ""])
def test_yes_unsure_or_garbled_after_a_rule_check_is_an_emergency(reply):
    sink = Sink()
    flow = SafetyFlow(Rules(), "en", alerts=sink)
    flow.hear("short of breath")
    turn = flow.hear(reply)
    assert turn.kind == "emergency" and sink.raised[0][0] == "breathing"
    assert "I am alerting your care worker right now." in turn.text


def test_silence_after_a_check_is_an_emergency():
    sink = Sink()
    flow = SafetyFlow(Rules(), "ko", alerts=sink)
    assert flow.hear("숨이 좀 차요").kind == "check"
    turn = flow.silence()
    assert turn.kind == "emergency" and "(no answer)" in sink.raised[0][2]
    assert "담당 선생님께 알리고" in turn.text and "119" in turn.text
    assert flow.silence() is None  # nothing pending any more


def test_the_agent_claims_to_alert_only_when_the_alert_is_stored_and_will_be_delivered():
    for sink, claims in [
        (Sink(configured=True, stores=True), True),
        (Sink(configured=False, stores=True), False),  # stored, but no channel delivers it
        (Sink(configured=True, stores=False), False),  # the store failed
        (None, False),
    ]:
        turn = SafetyFlow(Rules(), "en", alerts=sink).hear("my husband collapsed")
        assert turn.kind == "emergency" and turn.alerted is claims
        assert ("alerting your care worker" in turn.text) is claims
        assert "911" in turn.text


def test_a_handed_off_call_says_so_and_the_severity_and_advice_come_from_the_scenario():
    sink = Sink(hands_off=True)
    flow = SafetyFlow(Rules(), "en", alerts=sink, severity={"unconscious": "high"}, number="112")
    turn = flow.hear("she collapsed")
    assert turn.handed_off and "connecting you to a person" in turn.text
    assert sink.raised[0][:2] == ("unconscious", "high")


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("no", "en", "no"),
        ("No, I'm fine.", "en", "no"),
        ("nope not at all", "en", "no"),
        ("no I don't need help", "en", "no"),
        ("yes it is", "en", "yes"),
        ("a little maybe", "en", "unclear"),
        ("the kettle", "en", "unclear"),
        ("아니요 괜찮아요", "ko", "no"),
        ("아뇨 없어요", "ko", "no"),
        ("네", "ko", "yes"),
        ("네 좀 힘들어요", "ko", "yes"),  # a hedged yes is a yes
        ("잘 모르겠어요", "ko", "unclear"),
    ],
)
def test_answers_to_a_check_question(text, language, expected):
    assert answer_to_check(text, language) == expected


def test_category_advice_in_both_languages():
    fire = emergency_script("fire", "en", alerted=False)
    assert "leave the house" in fire and "911" in fire
    suicide = emergency_script("suicide", "ko", alerted=True)
    assert "109" in suicide and "알리고" in suicide
    assert "112" in emergency_script("violence", "ko", alerted=False)
    own = emergency_script("chest_pain", "en", alerted=True, advice="Sit down and call 911.")
    assert own.endswith("Sit down and call 911.") and "alerting" in own


def test_a_cleared_red_flag_is_not_asked_again_and_its_words_still_answer_the_question():
    from dialogue.engine import DialogueEngine, Recipient
    from dialogue.scenario import load_scenario

    scenario = load_scenario("daily_checkin_en")
    engine = DialogueEngine(
        scenario,
        recipient=Recipient("r1", "Margaret"),
        safety=SafetyFlow(Rules(), "en"),
        clock=lambda: 0.0,
    )
    engine.opening()
    assert engine.reply("yes this is Margaret").item_id == "meal"
    check = engine.reply("I skipped breakfast, a bit out of breath this morning")
    assert check.kind == "clarify" and check.text == CHECK_QUESTIONS["en"]["breathing"]
    after = engine.reply("no, I'm fine")
    # The reassurance, then the check-in goes on from the held answer (the meal was skipped).
    assert after.text.startswith("I'm glad to hear that.") and after.item_id == "meal"
    meal = next(r for r in engine.report().items if r.item_id == "meal")
    assert meal.answer_class == "skipped"
    assert engine.reply("I just wasn't hungry").item_id == "sleep"
    # The same red flag again later: not asked twice in one call.
    assert engine.reply("slept badly, short of breath again").kind == "question"
    report = engine.report()
    [check] = report.safety_checks  # asked once; the person said no: no alert, a record
    assert (check.category, check.answer, check.item_id) == ("breathing", "no", "meal")
    assert not [a for a in report.alerts if a.kind == "emergency"]
