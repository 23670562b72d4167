"""The per-call state machine: order, follow-ups, reprompts, emergencies, identity, reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from dialogue import AgentTurn, CallReport, DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.memory import Fact
from dialogue.scenario import DONT_KNOW
from scenarios import list_personas

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")
ITEMS = [i.id for i in EN.items]


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1.0  # every look at the clock is a second later
        return self.now


# rose_chatty_en shows a known engine bug (P4, open): the keyword extractor's tolerance for
# misheard words reads a remark as an answer ("lovely and moist" -> medication *missed*).
# Strict: the test fails once the bug is fixed, so this mark is then removed.
SHIPPED_PERSONAS = list_personas()


def engine(scenario=EN, **kwargs) -> DialogueEngine:
    kwargs.setdefault("clock", Clock())
    return DialogueEngine(scenario, recipient=Recipient("r1", "Margaret"), **kwargs)


def say(e: DialogueEngine, text: str) -> AgentTurn:
    turn = e.reply(text)
    e.heard(turn, turn.text, True)
    return turn


def started(scenario=EN, **kwargs) -> DialogueEngine:
    e = engine(scenario, **kwargs)
    e.heard(e.opening(), "opening", True)
    say(e, "yes" if scenario is EN else "네")
    return e


GOOD_ANSWERS = {
    "meal": "yes i ate",
    "sleep": "i slept well",
    "health": "no pain",
    "medication": "yes i took them",
    "outing": "i went to the store",
    "mood": "i feel great",
}


def test_items_are_asked_in_order_then_closed() -> None:
    e = engine()
    opening = e.opening()
    assert opening.kind == "opening" and "Margaret" in opening.text and "Clara" in opening.text
    assert "yes" in opening.expected
    turn = e.reply("yes it's me")
    asked = []
    while not turn.end_call:
        assert turn.kind == "question"
        asked.append(turn.item_id)
        assert any(turn.text.endswith(q) for q in EN.item(turn.item_id).questions)
        turn = e.reply(GOOD_ANSWERS[turn.item_id])
    assert asked == ITEMS
    assert turn.kind == "closing" and "goodbye" in turn.text.lower()
    report = e.report()
    assert report.reason == report.outcome == "completed"
    assert report.completion == 1.0 and report.alerts == []
    assert [r.answer_class for r in report.items] == [
        "ate",
        "well",
        "none",
        "taken",
        "went_out",
        "good",
    ]


def test_a_reaction_leads_into_the_next_question_and_transitions_are_the_fallback() -> None:
    from dialogue.conversation import Retriever

    e = started()
    turn = e.reply("yes i ate")
    assert turn.item_id == "sleep" and turn.situation == "meal.ate"
    lead = turn.text[: turn.text.index("?")]
    assert any(
        lead.startswith(r) for r in Retriever.for_language("en").bank.get("meal.ate").reactions
    )
    e = started(retriever=None)  # no bank (or nothing fits): the scenario's own line
    turn = e.reply("yes i ate")
    lead = turn.text[: turn.text.index("?")]
    assert any(lead.startswith(t) for t in EN.transitions) and turn.situation is None


def test_expected_vocabulary_comes_from_the_item() -> None:
    e = engine()
    e.opening()
    turn = e.reply("yes")
    assert turn.item_id == "meal"
    assert {"ate", "eaten", "skipped", "breakfast"} <= set(turn.expected)


def test_follow_up_once_then_move_on() -> None:
    e = started()
    e.reply("yes i ate")
    e.reply("slept well")
    turn = e.reply("my knee hurts")
    assert (turn.kind, turn.item_id) == ("followup", "health")
    assert turn.text.endswith(". How long has it been hurting?")  # a reaction, the follow-up
    turn = e.reply("about a week")
    assert (turn.kind, turn.item_id) == ("question", "medication")
    result = e.report().items[2]
    assert (result.answer_class, result.detail, result.followup) == ("pain", "knee", "about a week")
    (alert,) = e.report().alerts
    assert (alert.kind, alert.severity, alert.item_id) == ("flag", "medium", "health")


def test_reprompt_re_asks_the_same_question_once_then_records_unanswered() -> None:
    e = started()
    question = e.report().transcript[-1].text.split(". ")[-1]
    # words that answer nothing and tell nothing (the bank reacts to remarks: since it grew,
    # "the weather channel" draws a weather reaction, so it is no longer a non-answer here)
    turn = e.reply("purple elephants")
    assert (turn.kind, turn.item_id) == ("reprompt", "meal")
    assert turn.text.endswith(question)
    turn = e.reply("seventeen bananas")
    assert (turn.kind, turn.item_id) == ("question", "sleep")
    meal = e.report().items[0]
    assert (meal.status, meal.answer_class) == ("unanswered", None)


def test_asking_to_repeat_does_not_use_up_the_reprompt() -> None:
    e = started()
    turn = e.reply("pardon")
    assert turn.kind == "clarify" and turn.text.startswith("Of course.")
    assert e.reply("blah").kind == "reprompt"
    assert e.reply("yes i ate").item_id == "sleep"


def test_dont_know_is_accepted() -> None:
    e = started()
    turn = e.reply("i don't know")
    assert turn.item_id == "sleep" and turn.text.startswith("That's all right.")
    meal = e.report().items[0]
    assert (meal.status, meal.answer_class) == ("answered", DONT_KNOW)
    assert "meals: doesn't know" in e.report().summary.lower()


@pytest.mark.parametrize("when", [0, 3])
def test_emergency_interrupts_at_once(when: int) -> None:
    e = started()
    for item_id in ITEMS[:when]:
        e.reply(GOOD_ANSWERS[item_id])
    turn = e.reply("i fell down in the kitchen and i can't get up")
    assert turn.kind == "emergency" and turn.end_call
    assert "911" in turn.text
    report = e.report()
    (alert,) = report.alerts
    assert (alert.kind, alert.severity) == ("emergency", "critical")
    assert alert.item_id == ITEMS[when]
    assert report.outcome == "emergency"
    assert [r.status for r in report.items][when:] == ["skipped"] * (len(ITEMS) - when)
    lines = report.to_text().splitlines()
    assert lines[lines.index("ALERTS") + 1].startswith("  [CRITICAL] ")


def test_emergency_during_the_opening_and_in_korean() -> None:
    e = engine(KO)
    e.opening()
    turn = e.reply("지금 가슴이 아파요")
    assert turn.kind == "emergency" and turn.end_call and "119" in turn.text
    assert e.report().alerts[0].note == "가슴 통증 또는 심장 이상"


def test_wrong_person_is_asked_to_pass_the_message_on() -> None:
    e = engine()
    e.opening()
    turn = e.reply("no this is her daughter")
    assert turn.end_call and "Margaret" in turn.text and "Riverside Health" in turn.text
    report = e.report()
    assert report.outcome == "wrong_person" and report.completion == 0.0
    assert {r.status for r in report.items} == {"skipped"}


def test_unclear_identity_is_asked_once_more_then_the_call_proceeds() -> None:
    e = engine()
    e.opening()
    turn = e.reply("hello?")
    assert turn.kind == "clarify" and "Margaret" in turn.text
    turn = e.reply("what")
    assert (turn.kind, turn.item_id) == ("question", "meal")


def test_silence_re_asks_then_gives_up() -> None:
    e = started()
    question = e.report().transcript[-1].text.split(". ")[-1]
    for _ in range(EN.silence.max_reprompts):
        turn = e.on_silence()
        assert turn.kind == "reprompt" and turn.text.endswith(question) and not turn.end_call
    turn = e.on_silence()
    assert turn.end_call and turn.text == EN.silence.give_up
    report = e.report()
    assert report.outcome == "no_response" and report.alerts[0].kind == "no_response"


def test_nobody_on_the_line() -> None:
    e = engine()
    e.opening()
    for _ in range(EN.silence.max_reprompts + 1):
        turn = e.on_silence()
    assert turn.end_call
    (alert,) = e.report().alerts
    assert (alert.severity, alert.note) == ("low", "No one spoke on the call.")


def test_answering_resets_the_silence_count() -> None:
    e = started()
    for item_id in ITEMS[:3]:
        assert not e.on_silence().end_call
        e.reply(GOOD_ANSWERS[item_id])
    assert not e.on_silence().end_call


def test_dtmf_callback_and_repeat() -> None:
    e = started()
    assert e.on_dtmf("7") is None
    turn = e.on_dtmf("0")
    assert turn is not None and turn.text.startswith("I'll ask a care worker")
    assert turn.item_id == "meal" and not turn.end_call
    assert e.report().alerts[0].kind == "callback"
    repeat = e.on_dtmf("*")
    assert repeat is not None and repeat.text == turn.text.split("back. ")[-1]


def test_only_heard_agent_text_enters_the_transcript() -> None:
    e = engine()
    opening = e.opening()
    e.heard(opening, "Hello, this is Clara", False)
    e.reply("yes")  # its turn is never played
    e.heard(opening, "  ", True)
    transcript = e.report().transcript
    assert [(t.speaker, t.text, t.complete) for t in transcript] == [
        ("agent", "Hello, this is Clara", False),
        ("person", "yes", True),
    ]
    assert e.report().transcript_lines() == [("agent", "Hello, this is Clara …"), ("person", "yes")]
    assert transcript[0].t < transcript[1].t


def test_report_mid_call_is_partial_and_round_trips() -> None:
    e = started()
    e.reply("yes i ate")
    e.reply("slept well")
    e.reply("my back hurts")  # the follow-up question is never answered
    report = e.report(reason="hung_up", recording="/tmp/call.wav")
    assert (report.reason, report.outcome) == ("hung_up", "incomplete")
    assert engine().report().reason == "broken_off"
    assert report.completion == 0.5
    assert [r.status for r in report.items] == ["answered"] * 3 + ["skipped"] * 3
    again = CallReport.from_json(report.to_json())
    assert again == report
    data = json.loads(report.to_json())
    assert data["recording"] == "/tmp/call.wav" and data["items"][2]["detail"] == "back"
    text = report.to_text()
    assert text.index("ALERTS") < text.index("Reports pain") < text.index("ANSWERS")
    assert "Recording: /tmp/call.wav" in text


def test_reply_after_the_end_says_nothing() -> None:
    e = engine()
    e.opening()
    e.reply("wrong number")
    assert e.finished
    assert e.reply("hello?") == AgentTurn("", "closing", end_call=True)
    assert e.on_silence().end_call and e.on_dtmf("0") is None


def test_time_limit_closes_the_call() -> None:
    clock = Clock()
    e = started(clock=clock)
    clock.now += EN.time_limit_s
    turn = e.reply("yes i ate")
    assert turn.end_call and e.report().outcome == "time_limit"


def test_question_variants_are_seeded() -> None:
    def questions(seed: int) -> list[str]:
        e = started(seed=seed)
        return [e.reply(GOOD_ANSWERS[i]).text for i in ITEMS]

    assert questions(3) == questions(3)
    assert len({tuple(questions(s)) for s in range(6)}) > 1


def test_memory_shapes_the_question_and_nothing_else_claims_it() -> None:
    fact = Fact("health", "your knee was hurting", "health", datetime(2024, 5, 1, tzinfo=UTC))
    e = engine(memory=[fact])
    e.opening()
    turn = e.reply("yes")  # memory opens the conversation: the concern from last time first
    assert turn.item_id == "health"
    assert turn.text.endswith("Last time you told me your knee was hurting. How is it today?")
    assert e.reply("it's better now").item_id == "meal"  # then the rest, in order
    plain = started()
    texts = [plain.reply(GOOD_ANSWERS[i]).text for i in ITEMS]
    assert not any("last time" in t.lower() for t in texts)


def test_memory_facts_from_answers() -> None:
    e = started()
    for text in ["yes i ate", "badly", "my knee hurts", "a week", "i forgot", "i don't know"]:
        e.reply(text)
    facts = {f.key: f.value for f in e.memory_facts()}
    assert facts == {
        "meal": "",
        "sleep": "you had trouble sleeping",
        "health": "your knee was hurting",
        "medication": "you had missed your medicine",
    }


def test_korean_memory_facts_take_the_right_particle() -> None:
    e = started(KO)
    for text in ["네 먹었어요", "잘 잤어요", "허리가 아파요"]:
        e.reply(text)
    assert {f.key: f.value for f in e.memory_facts()}["health"] == "허리가 아프시다"
    e = started(KO)
    for text in ["네 먹었어요", "잘 잤어요", "무릎이 아파요"]:
        e.reply(text)
    assert {f.key: f.value for f in e.memory_facts()}["health"] == "무릎이 아프시다"


def run_persona(name: str, **changes: str) -> CallReport:
    persona = load_persona(name)
    if changes:
        persona = persona.model_copy(update={"answers": {**persona.answers, **changes}})
    scenario = load_scenario(persona.scenario)
    e = DialogueEngine(
        scenario, recipient=Recipient(persona.recipient_id, persona.name), clock=Clock()
    )
    return simulate_text_call(e, SimulatedCaller(persona, scenario))


@pytest.mark.parametrize("name", SHIPPED_PERSONAS)
def test_shipped_persona_call_reports_the_truths(name: str) -> None:
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    report = run_persona(name)
    emergency = persona.emergency
    assert report.outcome == ("emergency" if emergency else "completed")
    answered = {r.item_id: r.answer_class for r in report.items if r.status == "answered"}
    assert answered == persona.truths
    assert [e.speaker for e in report.transcript[:2]] == ["agent", "person"]
    assert report.summary.startswith(persona.name)
    # Every answer whose class carries a flag raises exactly that flag; no other item does.
    flagged = {k for k, v in persona.truths.items() if (a := scenario.item(k).answer(v)) and a.flag}
    assert {a.item_id for a in report.alerts if a.kind == "flag"} == flagged
    if emergency:
        expected = next(e for e in scenario.emergency if e.id == emergency.expect)
        assert [a.note for a in report.alerts if a.kind == "emergency"] == [expected.note]


def test_a_changed_answer_changes_the_report() -> None:
    before = run_persona("margaret_en")
    after = run_persona("margaret_en", sleep="I slept very well, thank you.")
    assert before.items[1].answer_class == "poorly"
    assert after.items[1].answer_class == "well"
    assert "sleep" not in {a.item_id for a in after.alerts}
    assert before.items[2:] == after.items[2:]
