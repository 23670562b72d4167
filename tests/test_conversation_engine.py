"""The engine as a conversation: it reacts, then steers; it follows the person's topic once,
answers questions about itself within its role, hears answers given in passing, and never says
the same reaction twice. A small fake bank (`conversation_kit`) says exactly what fits; the
shipped bank is used where a whole call is checked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conversation_kit import FakeRetriever

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.conversation import Retriever
from dialogue.memory import Fact
from scenarios import list_personas
from tests.test_engine import Clock

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")


class Sink:
    def __init__(self, configured: bool) -> None:
        self.configured = configured
        self.raised: list[tuple[str, str, str]] = []

    def raise_alert(self, category: str, severity: str, evidence: str) -> bool:
        self.raised.append((category, severity, evidence))
        return True

    def hand_off(self) -> bool:
        return False


# rose_chatty_en shows a known engine bug (P4, open): the keyword extractor's tolerance for
# misheard words reads a remark as an answer ("lovely and moist" -> medication *missed*).
# Strict: the test fails once the bug is fixed, so this mark is then removed.
SHIPPED_PERSONAS = list_personas()


def started(bank=None, scenario=EN, **kwargs) -> DialogueEngine:
    e = DialogueEngine(
        scenario,
        recipient=Recipient("r1", "Margaret"),
        clock=Clock(),
        retriever=FakeRetriever() if bank is None else bank,
        **kwargs,
    )
    e.opening()
    e.reply("yes")
    return e


def test_the_opening_says_who_calls_that_it_is_an_ai_and_that_the_call_is_recorded() -> None:
    e = DialogueEngine(EN, recipient=Recipient("r1", "Margaret"), retriever=None)
    text = e.opening().text
    assert text.index("Clara") < text.index("AI") < text.index("recorded") < text.index("Margaret?")
    ko = DialogueEngine(KO, recipient=Recipient("r1", "김순자"), retriever=None).opening().text
    assert ko.index("다온") < ko.index("AI") < ko.index("녹음") < ko.index("김순자님 맞으세요?")


def test_a_remark_gets_its_reaction_and_one_follow_up_not_a_reprompt() -> None:
    e = started()
    turn = e.reply("My grandson visited yesterday, he brought me flowers")
    assert turn.kind == "topic" and turn.situation == "grandchild_visit"
    assert turn.text.endswith("What did you two do together?")
    assert "again" not in turn.text and "catch" not in turn.text
    # What they tell about it is thanked for, then the meal question comes back gently.
    turn = e.reply("we played cards all afternoon")
    assert turn.kind == "return" and turn.item_id == "meal"
    assert turn.text.lower().endswith(e._question.lower())
    # A second remark on the same question: a reaction and the question, no second topic.
    turn = e.reply("my granddaughter came to see me too")
    assert turn.kind == "return" and turn.situation == "grandchild_visit"
    turn = e.reply("yes i ate")
    assert turn.kind == "question" and turn.item_id == "sleep" and turn.situation == "meal.ate"
    report = e.report()
    assert report.items[0].status == "answered" and report.items[0].answer_class == "ate"
    assert "unanswered" not in {r.status for r in report.items}


def test_nothing_understood_still_gets_the_scenarios_reprompt_then_moves_on() -> None:
    e = started()
    turn = e.reply("the quick brown fox")
    assert turn.kind == "reprompt"
    turn = e.reply("jumps over the lazy dog")
    assert turn.item_id == "sleep" and e.report().items[0].status == "unanswered"


def test_a_feeling_gets_empathy_then_the_question() -> None:
    e = started()
    turn = e.reply("nobody comes to see me")
    assert turn.kind == "return" and turn.situation == "lonely"
    assert turn.text.startswith(("I'm sorry you feel lonely", "Feeling alone is hard"))
    assert turn.text.endswith(e._question)


def test_questions_to_the_agent_are_answered_in_role_then_the_question_again() -> None:
    e = started()
    turn = e.reply("are you a real person?")
    assert turn.kind == "role" and turn.situation == "ask_real_person"
    assert "AI" in turn.text and turn.text.endswith(e._question)
    assert e.report().items[0].status == "skipped"  # still to be answered, not unanswered


@pytest.mark.parametrize("configured", [False, True])
def test_a_visit_request_raises_a_low_request_alert_and_is_promised_only_with_a_channel(
    configured: bool,
) -> None:
    sink = Sink(configured)
    e = started(alerts=sink)
    turn = e.reply("can you come and visit me sometime? i'm lonely.")
    assert turn.kind == "role" and turn.situation == "ask_visit"
    assert "can't visit" in turn.text
    assert turn.text.startswith(("I'm sorry you feel lonely", "Feeling alone is hard"))
    assert ("care worker" in turn.text) is configured
    [alert] = [a for a in e.report().alerts if a.kind == "request"]
    assert alert.severity == "low" and "visit" in alert.evidence
    assert [r[:2] for r in sink.raised] == [("request", "low")]


def test_answers_given_in_passing_are_not_asked_again() -> None:
    e = started()
    turn = e.reply("I had lunch with my neighbour and then we walked to the market")
    assert turn.item_id == "sleep"
    asked = []
    for answer in ["badly", "no pain", "yes i took them", "i feel great"]:
        asked.append(turn.item_id)
        turn = e.reply(answer)
    assert turn.end_call and "outing" not in asked
    items = {r.item_id: (r.status, r.answer_class) for r in e.report().items}
    assert items["meal"] == ("answered", "ate") and items["outing"] == ("answered", "went_out")
    # the words that answered the question asked answer nothing else ("the store" heard for
    # "sore": a pain, not also an outing)
    e = started()
    for text in ["yes i ate", "badly"]:
        e.reply(text)
    e.reply("i have the store back in the morning")
    assert e.report().items[4].status == "skipped"
    # a question to the agent answers nothing in passing
    e = started()
    e.reply("are you a real person? have you eaten today?")
    assert e.report().items[0].status == "skipped"
    # asked about the meal, answered about the outing only: a reaction, the meal again
    e = started()
    turn = e.reply("I walked to the market this morning")
    assert turn.kind == "return" and turn.item_id == "meal" and turn.situation == "outing.went_out"


def test_the_situation_of_each_reaction_is_kept_in_the_transcript() -> None:
    e = started()
    for text in ["My grandson visited yesterday", "yes i ate", "badly"]:
        turn = e.reply(text)
        e.heard(turn, turn.text, True)
    agent = [t for t in e.report().transcript if t.speaker == "agent"]
    assert [t.situation for t in agent] == ["grandchild_visit", "meal.ate", "sleep.poorly"]
    assert '"situation": "grandchild_visit"' in e.report().to_json().replace(": ", ": ")


def test_memory_opens_the_conversation() -> None:
    knee = Fact("health", "your knee was hurting", "health", datetime(2024, 5, 1, tzinfo=UTC))
    e = DialogueEngine(EN, recipient=Recipient("r1", "M"), memory=[knee], retriever=None)
    e.opening()
    turn = e.reply("yes it's me")
    assert turn.item_id == "health" and "knee was hurting" in turn.text


@pytest.mark.parametrize("name", SHIPPED_PERSONAS)
def test_shipped_personas_with_the_shipped_bank_no_reaction_twice_and_truths_kept(name) -> None:
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    engine = DialogueEngine(
        scenario, recipient=Recipient(persona.recipient_id, persona.name), clock=Clock()
    )
    report = simulate_text_call(engine, SimulatedCaller(persona, scenario))
    got = {r.item_id: r.answer_class for r in report.items}
    assert {k: got[k] for k in persona.truths} == persona.truths
    # The simulated person still knows which item it is asked, reaction and all, and no
    # reaction of the bank is said twice.
    bank = Retriever.for_language(scenario.language).bank
    said = []
    for entry in report.transcript:
        if entry.speaker == "agent" and entry.situation:
            situation = bank.get(entry.situation)
            lines = [*situation.reactions, *situation.answer]
            found = [line for line in lines if line.split("{")[0] in entry.text]
            said.append(max(found, key=len))  # the reaction the turn carries
    assert said and len(said) == len(set(said))
