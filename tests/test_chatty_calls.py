"""Chatty simulated callers (P4): remarks, questions to the agent, replies about their own
stories, answers to two items at once — how the caller plays them, how a whole text call goes
in each language, how the persona file is checked, and that the bench's wordings are the
personas' own, not the response bank's."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue import ScenarioError, load_scenario
from dialogue.caller import SimulatedCaller, load_persona
from dialogue.conversation import load_bank
from dialogue.text import terms
from evaluation.chatty import run_call, score_call
from evaluation.scripted_llm import BAD, ScriptedLLM
from scenarios import list_personas

EN = load_scenario("daily_checkin_en")
CHATTY = [n for n in list_personas() if load_persona(n).remarks]


def test_there_are_six_chatty_personas_per_language() -> None:
    languages = [load_persona(n).language for n in CHATTY]
    assert languages.count("en") >= 6 and languages.count("ko") >= 6
    korean = {load_persona(n).scenario for n in CHATTY if load_persona(n).language == "ko"}
    assert {"daily_checkin_ko", "heatwave_checkin_ko", "vaccination_followup_ko"} <= korean


@pytest.mark.parametrize(
    "name", ["dorothy_chatty_en", "george_chatty_en", "malsun_chatty_ko", "okbun_chatty_ko"]
)
def test_a_chatty_call_gets_reactions_and_the_right_report(name: str) -> None:
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    call = run_call(persona, scenario)
    s = score_call(call)
    assert s.remarks == len(persona.remarks)  # every remark was said
    # Remarks get reactions for the situation the persona labelled (the bench measures how
    # many: >= 90% is P4's target), and a remark the bank understands is never reprompted.
    assert s.reacted >= 1, s.misses
    assert s.reprompts_understood == 0, s.misses
    assert s.repeated == 0, s.notes
    report = call.report
    assert report.outcome == "completed"
    answered = {r.item_id: r.answer_class for r in report.items if r.status == "answered"}
    assert answered == persona.truths
    flagged = {k for k, v in persona.truths.items() if scenario.item(k).answer(v).flag}
    assert {a.item_id for a in report.alerts if a.kind == "flag"} == flagged
    # Items answered in passing are never asked.
    passing = {o for others in persona.also.values() for o in others}
    asked = {ex.turn.item_id for ex in call.exchanges if ex.turn.kind == "question"}
    assert not passing & asked
    assert 10 <= s.exchanges <= 25


def test_the_caller_says_a_remark_then_answers_when_the_agent_comes_back() -> None:
    persona = load_persona("dorothy_chatty_en")
    caller = SimulatedCaller(persona, EN)
    assert (
        caller.respond("Hi, this is Clara. Am I speaking with Dorothy?")
        == (persona.answers["identity"])
    )
    story = caller.move("Thanks. Did you eat today?")
    assert story.remark is not None and story.remark.situation == "grandchild_visit"
    assert story.text == persona.remarks[0].text
    # The agent asks about the story: the person tells more (the remark's reply) ...
    more = caller.move("How lovely. What did you do together?")
    assert more.text == persona.remarks[0].reply and more.remark is None
    # ... and answers the item once the agent returns to it.
    assert (
        caller.respond("Going back to my question: Did you eat today?") == persona.answers["meal"]
    )
    # The next item's remark is a question to the agent, said instead of the answer.
    assert caller.respond("Good. How did you sleep last night?") == persona.remarks[1].text


def test_a_safety_check_after_a_remark_gets_an_answer_not_the_story() -> None:
    persona = load_persona("dorothy_chatty_en")
    caller = SimulatedCaller(persona, EN)
    caller.respond("Am I speaking with Dorothy?")
    caller.respond("Did you eat today?")
    reply = caller.respond("Are you having trouble breathing right now?")
    assert reply == "No, I'm fine."


def test_a_before_remark_and_the_answer_are_one_utterance() -> None:
    persona = load_persona("dorothy_chatty_en").model_copy(update={"remarks": []})
    before = load_persona("dorothy_chatty_en").remarks[2]  # how: before, at mood
    persona = persona.model_copy(update={"remarks": [before]})
    caller = SimulatedCaller(persona, EN)
    caller.respond("Am I speaking with Dorothy?")
    for q in ["Did you eat today?", "How did you sleep last night?", "Do you have any pain?"]:
        caller.respond(q)
    caller.respond("Did you take your medicine today?")
    caller.respond("Did you go outside today?")
    said = caller.move("How are you feeling today?")
    assert said.text == f"{before.text} {persona.lines('mood')[0]}" and said.remark == before


def test_an_item_answered_in_passing_is_answered_again_if_asked() -> None:
    persona = load_persona("walter_chatty_en")  # meal's answer also answers outing
    caller = SimulatedCaller(persona, EN)
    caller.respond("Am I speaking with Walter?")
    assert caller.respond("Did you eat today?") == persona.answers["meal"]
    assert caller.respond("Did you go outside today?") == persona.answers["meal"]


PERSONA = """\
id: t
name: Tess
recipient_id: r1
language: en
scenario: daily_checkin_en
answers:
  identity: "Yes."
  meal: "Yes, I ate."
truths:
  meal: ate
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "remarks:\n  - {at: lunch, text: Hi there, situation: grandchild_visit}\n",
            r"bad.yaml:12: remarks\[0\]\.at: unknown item 'lunch'",
        ),
        (
            "remarks:\n  - {at: meal, text: Hi there, situation: grandkids}\n",
            r"bad.yaml:12: remarks\[0\]\.situation: unknown situation 'grandkids'",
        ),
        (
            "remarks:\n  - {at: meal, text: Hi there, situation: meal.ate}\n",
            r"remarks\[0\]\.situation: 'meal.ate' is a check-in answer's situation",
        ),
        (
            "remarks:\n  - {at: sleep, how: mixed, text: Slept, situation: sleep_trouble}\n",
            r"bad.yaml:12: remarks\[0\]\.how: a mixed remark answers 'sleep': give its truth",
        ),
        (
            "remarks:\n  - {at: meal, how: later, text: Hi, situation: lonely}\n",
            r"bad.yaml:12: remarks\[0\]\.how: must be one of|remarks\[0\]\.how: Input should",
        ),
        ("also:\n  meal: [outing]\n", r"bad.yaml:12: also\.meal\[0\]: answered in passing: give"),
        ("also:\n  meal: [meal]\n", r"also\.meal\[0\]: must be another item"),
        ("also:\n  tea: [outing]\n", r"bad.yaml:12: also\.tea: unknown item 'tea'"),
        (
            "also:\n  sleep: [meal]\n",
            r"also\.sleep: 'sleep' has no answer whose words could answer others",
        ),
        (
            "truths: {meal: ate, outing: went_out}\nalso: {meal: [outing]}\n"
            "remarks:\n  - {at: outing, text: Hi there, situation: lonely}\n",
            r"remarks\[0\]\.at: 'outing' is answered in passing",
        ),
    ],
)
def test_bad_chatty_persona_files_name_file_line_and_field(
    tmp_path: Path, extra: str, message: str
) -> None:
    text = PERSONA
    if extra.startswith("truths:"):
        text = text.replace("truths:\n  meal: ate\n", "")
    path = tmp_path / "bad.yaml"
    path.write_text(text + extra)
    with pytest.raises(ScenarioError, match=message):
        load_persona(path, EN)


def test_an_old_persona_without_remarks_stays_valid() -> None:
    persona = load_persona("margaret_en")
    assert persona.remarks == [] and persona.also == {}


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@pytest.mark.parametrize("name", CHATTY)
def test_remarks_are_worded_unlike_the_bank_triggers(name: str) -> None:
    # The bench measures generalisation: no remark is a near-copy of a trigger the bank indexes
    # (the project's rule for wordings that must differ: word-set Dice < 0.7).
    persona = load_persona(name)
    bank = load_bank(persona.language)
    triggers = [set(terms(t, persona.language)) for s in bank.situations for t in s.triggers]
    for remark in persona.remarks:
        said = set(terms(remark.text, persona.language))
        worst = max(dice(said, t) for t in triggers)
        assert worst < 0.7, (remark.text, worst)


@pytest.mark.parametrize("name", ["dorothy_chatty_en", "okbun_chatty_ko"])
def test_a_scripted_llm_out_of_role_never_reaches_the_line(name: str) -> None:
    persona = load_persona(name)
    llm = ScriptedLLM(persona.language, every=2)
    call = run_call(persona, load_scenario(persona.scenario), llm=llm)
    s = score_call(call, bad=BAD[persona.language])
    assert llm.bad_proposed >= 3  # it tried
    assert s.leaks == 0, s.notes
    assert call.report.guard_interventions  # the guard stopped them, and the report says so
    assert s.correct == s.items


def test_the_bench_prints_every_figure(capsys) -> None:
    from bench.bench_conversation import main

    assert main(["--language", "ko", "--seeds", "1", "--min-calls", "0"]) == 0
    out = capsys.readouterr().out
    for figure in [
        "7 chatty personas x 1 seeds",
        "reacted for their labelled situation:",
        "after one the bank understands:",
        "bank lines repeated within a call:",
        "item completion:",
        "extraction vs truths:",
        "items answered in passing asked again:",
        "exchanges per call: min",
        "guard leaks:",
    ]:
        assert figure in out, figure


def test_the_bench_runs_the_heldout_callers_at_least_the_minimum_calls(capsys) -> None:
    from bench.bench_conversation import HELDOUT_DIR, chatty_personas, main

    heldout = chatty_personas("ko", heldout=True)
    assert heldout and all(name.startswith(str(HELDOUT_DIR)) for name in heldout)
    assert not set(heldout) & set(chatty_personas("ko"))  # never in the tuned set
    assert main(["--language", "ko", "--heldout", "--seeds", "1", "--min-calls", "4"]) == 0
    out = capsys.readouterr().out
    seeds = -(-4 // len(heldout))
    assert f"{len(heldout) * seeds} calls ({len(heldout)} held-out chatty personas" in out
