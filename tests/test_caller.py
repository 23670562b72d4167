"""The simulated person: picks the answer to what it (mis)heard, and keeps the script going."""

from __future__ import annotations

import random

import pytest

from dialogue import DialogueEngine, Recipient, ScenarioError, load_scenario
from dialogue.caller import Persona, SimulatedCaller, load_persona, simulate_text_call
from scenarios import persona_path, scenario_path

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")
MARGARET = load_persona("margaret_en")
KIM = load_persona("kim_ko")


def caller(persona: Persona = MARGARET) -> SimulatedCaller:
    return SimulatedCaller(persona, KO if persona.language == "ko" else EN)


def test_persona_names_its_scenario_by_a_path_next_to_it(tmp_path) -> None:
    (tmp_path / "my_scenario.yaml").write_text(
        scenario_path("daily_checkin_en").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = persona_path("margaret_en").read_text(encoding="utf-8")
    text = text.replace("scenario: daily_checkin_en", "scenario: my_scenario.yaml")
    (tmp_path / "p.yaml").write_text(text.replace("  mood: good", "  mood: glad"), "utf-8")
    with pytest.raises(ScenarioError, match=r"p.yaml:\d+: truths.mood: unknown answer class"):
        load_persona(tmp_path / "p.yaml")


def test_persona_fields() -> None:
    assert MARGARET.voice == "flite:slt" and MARGARET.language == "en"
    assert MARGARET.lines("health")[1] == "About a week now."
    assert MARGARET.lines("meal") == [MARGARET.answers["meal"]]
    assert KIM.truths["outing"] == "stayed_in"


@pytest.mark.parametrize(
    ("heard", "item"),
    [
        # what pocketsphinx made of the agent's (flite) voice on the phone line
        ("but i do have you eaten today", "meal"),
        ("and do that you take your medicine today", "medication"),
        ("thank you how did you sleep last night", "sleep"),
        ("but i do the planning things are hurting today", "health"),
        ("all right did you go outside to day", "outing"),
        ("thank you how was your mood today", "mood"),
    ],
)
def test_garbled_questions_get_the_right_answer(heard: str, item: str) -> None:
    c = caller()
    c.respond("am i speaking with margaret")
    assert c.respond(heard) == MARGARET.lines(item)[0]


def test_weak_hearing_follows_the_script_order() -> None:
    c = caller()
    heard = [
        "low because we tied to him the week mark",
        "you did you have a real today",
        "and you how did you like",
        "you the the big party today",
        "you did you feel that",
        "all right did you go up like a day",
        "and you how are you feeling today",
    ]
    answers = [c.respond(h) for h in heard]
    assert answers == [MARGARET.lines(k)[0] for k in ["identity", *MARGARET.truths]]


def test_follow_up_gets_the_follow_up_answer() -> None:
    c = caller()
    c.respond("hello this is clara am i speaking with margaret")
    assert c.respond("do you have any pain today") == MARGARET.lines("health")[0]
    assert c.respond("sorry to hear about how long has it been working") == "About a week now."


def test_unintelligible_falls_back_to_the_script_order() -> None:
    c = caller()
    assert c.respond(None) == MARGARET.lines("identity")[0]
    assert c.respond("low because we tied to him the week mark") == MARGARET.lines("meal")[0]
    assert c.respond("") == MARGARET.lines("sleep")[0]


def test_a_re_asked_question_gets_the_same_answer() -> None:
    c = caller()
    c.respond("am i speaking with margaret")
    first = c.respond("thank you have you eaten today")
    assert c.respond("sorry i didn't catch that have you eaten today") == first


def test_a_garbled_re_ask_is_still_a_re_ask() -> None:
    # After answering, a reprompt whose question part was lost means "say that again".
    c = caller()
    c.respond("am i speaking with margaret")
    first = c.respond("have you eaten today")
    assert c.respond("sorry i didn't catch that the end it could be") == first
    assert c.respond("hello are you there") == first
    assert (
        c.respond("sorry i didn't catch that how did you sleep last night")
        == (MARGARET.lines("sleep")[0])
    )


def test_closing_gets_goodbye_then_silence() -> None:
    c = caller()
    assert c.respond("take care margaret goodbye") == "Thank you, goodbye."
    assert c.respond("hello") is None


def test_emergency_line_replaces_the_answer_once() -> None:
    persona = Persona.model_validate(
        {
            **MARGARET.model_dump(),
            "emergency": {
                "at": "sleep",
                "text": "I fell in the bathroom last night.",
                "expect": "fall",
            },
        }
    )
    c = caller(persona)
    c.respond(None)
    c.respond("have you eaten today")
    assert c.respond("how did you sleep last night") == "I fell in the bathroom last night."
    assert c.respond("how did you sleep last night") == MARGARET.lines("sleep")[0]
    e = DialogueEngine(EN, recipient=Recipient("r", "Margaret"))
    report = simulate_text_call(e, caller(persona))
    assert report.outcome == "emergency" and report.alerts[0].note.startswith("Fell and cannot")


def test_korean_questions_with_recognition_errors() -> None:
    c = caller(KIM)
    c.respond("김순자님 맞으세요")
    assert c.respond("오늘 약은 챙겨 드셨어요") == KIM.lines("medication")[0]
    assert c.respond("어젯 밤에 잠은 잘 주무셨서요") == KIM.lines("sleep")[0]  # 어요 -> 서요
    assert c.respond("오늘 박에 나가셧어요") == KIM.lines("outing")[0]  # 밖 -> 박, 셨 -> 셧
    assert c.respond("오늘 기분은 어떠세요") == KIM.lines("mood")[0]
    assert c.respond("마음이 많이 쓰이시겠어요 무슨 일 있으셨어요") == KIM.lines("mood")[1]


def garble(rng: random.Random, text: str) -> str:
    """Drop one word in three and replace one in five: a rough recognizer on a phone line."""
    noise = ["the", "a", "and", "uh", "but", "do"]
    out = []
    for word in text.lower().replace(",", "").replace(".", "").replace("?", "").split():
        r = rng.random()
        if r < 0.2:
            out.append(rng.choice(noise))
        elif r > 0.8:
            continue
        else:
            out.append(word)
    return " ".join(out)


@pytest.mark.parametrize("seed", range(5))
def test_call_survives_a_garbled_line(seed: int) -> None:
    rng = random.Random(seed)
    e = DialogueEngine(EN, recipient=Recipient(MARGARET.recipient_id, "Margaret"), seed=seed)
    report = simulate_text_call(e, caller(), hear=lambda text: garble(rng, text))
    right = sum(r.answer_class == MARGARET.truths[r.item_id] for r in report.items)
    assert report.outcome == "completed"
    assert right >= 5


def test_reactions_to_the_persons_own_remarks_say_nothing_about_the_next_question() -> None:
    harold = load_persona("harold_en")
    c = SimulatedCaller(harold, EN)
    c.respond("Am I speaking with Harold?")
    c.respond("Did you eat today?")
    c.respond("How did you sleep last night?")  # silent once
    assert c.respond("How did you sleep last night?") == harold.lines("sleep")[0]
    # The reaction to his sleepless night ends no call: the question after it is what counts.
    heard = "sleepless nights are so hard did you take your medicine today"
    assert c.respond(heard) == harold.lines("medication")[0]


def test_a_goodbye_is_believed_mid_call_only_when_clearly_heard() -> None:
    c = caller()
    c.respond("Am I speaking with Margaret?")
    # A garbled reaction with a word of the closing in it is not the end of the call.
    assert c.respond("margaret goodbye have you eaten") == MARGARET.lines("meal")[0]
    assert c.respond("take care margaret goodbye") == "Thank you, goodbye."


def test_a_safety_check_heard_in_part_is_still_answered_as_one() -> None:
    c = caller()
    c.respond("Am I speaking with Margaret?")
    # "Have you gone days without eating or drinking?" as the phone heard it: not the meal.
    assert c.respond("have you gone it with eating or drinking") == "No, I'm fine."
    assert c.respond("did you take your medicine today") == MARGARET.lines("medication")[0]


def test_a_question_not_made_out_after_an_answer_that_calls_for_a_follow_up_gets_its_answer():
    harold = load_persona("harold_en")
    c = SimulatedCaller(harold, EN)
    c.respond("Am I speaking with Harold?")
    assert c.respond("Is anything hurting today?") == harold.lines("health")[0]
    # "That must be uncomfortable. How long has it been hurting?", hardly heard at all.
    assert c.respond("that must be the one how") == harold.lines("health")[1]
