"""Personas that behave like people on a phone: pauses inside answers, silence, cutting the
agent off, key presses, hanging up. The rules first (no audio), then Harold's whole call over
the simulated line with the embedded models."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from assembly.simulation import PersonaPerson
from dialogue import DialogueEngine, Recipient, ScenarioError, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, plain, simulate_text_call, speech_parts
from scenarios import persona_path, scenario_path

EN = load_scenario(scenario_path("daily_checkin_en"))
HAROLD = load_persona("harold_en")


def write_persona(tmp_path, **changes) -> str:
    data = yaml.safe_load(persona_path("harold_en").read_text())
    data["scenario"] = str(scenario_path("daily_checkin_en"))
    for key, value in changes.items():
        data[key] = value
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_pause_marks_split_an_answer_into_phrases_and_silences():
    assert speech_parts("Well, I had [pause 1.2] some soup.") == ["Well, I had", 1.2, "some soup."]
    assert plain("Yes. [pause 1.1] This is Harold.") == "Yes. This is Harold."
    assert speech_parts("No pause here.") == ["No pause here."]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"answers": {"identity": "Yes [wait 2] it is."}}, r"answers.identity: only \[pause N\]"),
        ({"answers": {"identity": "[pause 1.0]"}}, r"answers.identity: must say something"),
        ({"behaviour": {"lunch": {"silent": 1}}}, r"behaviour.lunch: unknown item 'lunch'"),
        ({"behaviour": {"meal": {"dtmf": "7"}}}, r"behaviour.meal.dtmf: .* does nothing"),
        ({"behaviour": {"meal": {"dtmf": "x"}}}, r"behaviour.meal.dtmf"),
        ({"behaviour": {"meal": {"barge_in_after_s": -1}}}, r"behaviour.meal.barge_in_after_s"),
    ],
)
def test_bad_behaviours_are_refused_naming_file_line_and_field(tmp_path, change, message):
    with pytest.raises(ScenarioError, match=r"p.yaml:\d+: " + message):
        load_persona(write_persona(tmp_path, **change))


def test_the_shipped_personas_still_load_without_behaviours():
    for name in ("margaret_en", "kim_ko"):
        persona = load_persona(name)
        assert persona.behaviour == {} and persona.hang_up_after is None


def test_harold_is_silent_once_presses_0_once_and_cuts_in_once():
    brain = SimulatedCaller(HAROLD, EN)
    assert brain.barge_in_lead() == 0  # the opening: no reaction comes before its question
    assert brain.move("Am I speaking with Harold?").text.startswith("Yes.")
    assert brain.move("Did you eat today?").text.startswith("Well, I had")
    assert brain.move("How did you sleep last night?").text is None  # silent the first time
    again = brain.move("Hello, are you there? How did you sleep last night?")
    assert again.text.startswith("Not well.")
    brain.move("Is anything hurting today?")
    assert brain.barge_in_after() is None  # a follow-up about the pain comes first
    brain.move("How long has it been hurting?")
    assert brain.barge_in_after() == 0.5  # then he cuts into the medicine question ...
    assert brain.barge_in_lead() == 1  # ... after the agent's reaction, counting from the question
    assert brain.barge_in_after() is None  # ... once
    brain.barge_in_missed()  # unless that turn ended first (a safety check came first)
    assert brain.barge_in_after() == 0.5
    brain.move("Did you take your pills")
    assert brain.move("Have you been out today?").dtmf == "0"
    assert brain.move("I'll ask a care worker to call you back. Have you been out today?").text


def test_a_persona_can_hang_up_after_some_answers():
    persona = HAROLD.model_copy(update={"hang_up_after": 2, "behaviour": {}})
    brain = SimulatedCaller(persona, EN)
    assert not brain.move("Am I speaking with Harold?").hangup
    assert brain.move("Did you eat today?").hangup
    assert brain.move("How did you sleep last night?") == type(brain.move(None))()
    report = simulate_text_call(
        DialogueEngine(EN, recipient=Recipient("h", "Harold")), SimulatedCaller(persona, EN)
    )
    assert report.reason == "hung_up" and report.items[0].answer_class == "ate"


def test_harolds_text_call_gets_every_truth_and_a_callback_alert():
    engine = DialogueEngine(EN, recipient=Recipient("h", "Harold"))
    report = simulate_text_call(engine, SimulatedCaller(HAROLD, EN))
    assert {i.item_id: i.answer_class for i in report.items} == HAROLD.truths
    assert [a.kind for a in report.alerts].count("callback") == 1
    assert not any("[pause" in e.text for e in report.transcript)


def test_a_pause_mark_is_that_much_silence_inside_the_spoken_answer():
    person = PersonaPerson(HAROLD, EN)
    audio = person.say("Well, I had [pause 1.2] some soup and bread for lunch.")
    quiet = np.abs(audio.samples) < 0.01
    # the longest silent run is the pause (± the 20 ms kept around each phrase)
    longest, run = 0, 0
    for q in quiet:
        run = run + 1 if q else 0
        longest = max(longest, run)
    assert 1.2 <= longest / audio.sample_rate <= 1.3


@pytest.mark.integration
def test_harolds_whole_call_over_the_line(tmp_path):
    from test_e2e_call import answers, heard, run_call

    report, result, _ = run_call(tmp_path, persona_path("harold_en"))

    assert report["reason"] == "completed"
    assert result["cleared"] == result["barge_ins"] == 1, heard(report)  # he cut in once ...
    assert result["dtmf"] == ["0"]  # ... and pressed 0 once
    got = answers(report)
    correct = [item for item, truth in HAROLD.truths.items() if got.get(item) == truth]
    assert len(correct) >= 5, f"report {got} vs truths {HAROLD.truths}\n{heard(report)}"
    assert any(a["kind"] == "callback" for a in report["alerts"])
    agent = [e for e in report["transcript"] if e["speaker"] == "agent"]
    cut = [e for e in agent if not e["complete"]]
    # only the words of the medicine question he heard before cutting in
    questions = EN.item("medication").questions
    assert len(cut) == 1 and cut[0]["text"]
    assert any(q.startswith(cut[0]["text"]) and q != cut[0]["text"] for q in questions)
    said = " ".join(e["text"].lower() for e in agent)
    assert "are you there" in said  # he was silent once, and the agent asked again
    # each answer with a pause inside was heard as one turn: as many turns as answers (nine,
    # or more where a misheard answer drew a question again)
    turns = sum(e["speaker"] == "person" for e in report["transcript"])
    assert turns == len(result["said"]) >= 9, result["said"]
