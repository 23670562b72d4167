"""An item left unanswered is asked once more before the goodbye (P4: completion)."""

from __future__ import annotations

from dialogue import load_scenario
from dialogue.engine import DialogueEngine, Recipient

ANSWERS = {
    "sleep": "I slept well thank you.",
    "health": "No, nothing hurts.",
    "medication": "Yes, I took my pills.",
    "outing": "Yes, I went to the market.",
    "mood": "I feel happy today.",
}
GARBLED = "zzzz qqqq"


def _call(meal_second_try: str):
    scenario = load_scenario("daily_checkin_en")
    engine = DialogueEngine(scenario, recipient=Recipient("r1", "Dorothy"), seed=0, retriever=None)
    engine.opening()
    turn = engine.reply("Yes, this is Dorothy.")
    asked: list[str | None] = [turn.item_id]
    meal_tries = 0
    for _ in range(30):
        if turn.end_call:
            break
        if turn.item_id == "meal":
            meal_tries += 1
            text = GARBLED if meal_tries <= 2 else meal_second_try
        else:
            text = ANSWERS.get(turn.item_id or "", "Yes.")
        turn = engine.reply(text)
        asked.append(turn.item_id)
    return engine.report(), asked


def test_an_unanswered_item_is_asked_again_before_the_goodbye() -> None:
    report, asked = _call("Yes, I had soup for lunch.")
    meal = next(r for r in report.items if r.item_id == "meal")
    assert meal.status == "answered" and meal.answer_class == "ate"
    assert report.outcome == "completed"
    last_items = [a for a in asked if a]
    assert last_items[-1] == "meal"  # after every other item


def test_a_second_miss_leaves_it_unanswered_and_the_call_ends() -> None:
    report, asked = _call(GARBLED)
    meal = next(r for r in report.items if r.item_id == "meal")
    assert meal.status == "unanswered"
    assert report.outcome == "completed"
    assert asked.count("meal") <= 5


def test_a_sentence_heard_once_is_not_picked_again_from_the_bank() -> None:
    from dialogue.turn import AgentTurn

    scenario = load_scenario("daily_checkin_en")
    engine = DialogueEngine(scenario, recipient=Recipient("r1", "Dorothy"), seed=0)
    line = "I'm glad to hear that."
    assert not engine._talk.reactions.used(line)
    engine.heard(AgentTurn(f"{line} Is anything hurting today?", "clarify"), "", True)
    assert not engine._talk.reactions.used(line)  # nothing was played
    engine.heard(AgentTurn(f"{line} Is anything hurting today?", "clarify"), line, False)
    assert engine._talk.reactions.used(line)
