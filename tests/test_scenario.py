"""Scenario files: the shipped ones validate, and broken ones are reported by file, line, field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dialogue import ScenarioError, domain_corpus, load_persona, load_scenario, validate_file
from dialogue.text import terms
from scenarios import list_personas, list_scenarios, persona_path, scenario_path

MINIMAL = textwrap.dedent(
    """\
    id: tiny
    language: en
    title: Tiny check-in
    agent:
      name: Clara
      organization: Test Office
      persona: A care-call agent.
    opening:
      text: "Hello, this is {agent_name}."
      disclosure: "I'm an AI, and this call is recorded for your care worker."
      question: "Am I speaking with {recipient_name}?"
      confirm:
        keywords: [yes]
      deny:
        keywords: [no]
      retry: "Is this {recipient_name}?"
      wrong_person: "Sorry. Goodbye."
    items:
      - id: meal
        topic: meals
        questions: ["Have you eaten today?"]
        answers:
          - class: ate
            description: Has eaten.
            keywords: [yes, ate]
          - class: skipped
            description: Has not eaten.
            keywords: [no]
    reprompts: ["Sorry? {question}"]
    dont_know:
      keywords: ["don't know"]
    closing:
      text: "Goodbye."
    silence:
      reprompt: "Hello? {question}"
      give_up: "Goodbye."
    """
)


def write(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[nth]


def problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.problems == validate_file(path)
    return info.value.problems


@pytest.mark.parametrize("name", list_scenarios())
def test_shipped_scenarios_validate(name: str) -> None:
    assert validate_file(scenario_path(name)) == []
    scenario = load_scenario(name)
    assert scenario.id == name
    assert len(scenario.items) >= 5
    # Emergencies in general are dialogue.safety's; a scenario adds only its own.
    assert not {"fall", "chest_pain", "breathing", "self_harm"} & {e.id for e in scenario.emergency}
    # ... and the agent's lines include the safety questions and scripts (cached, and heard by
    # the simulated phone's ears).
    assert any("119" in line or "911" in line for line in scenario.fixed_prompts())


@pytest.mark.parametrize("name", list_personas())
def test_shipped_personas_validate_against_their_scenario(name: str) -> None:
    assert validate_file(persona_path(name)) == []
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    items = [i.id for i in scenario.items]
    if persona.emergency:  # the call ends at the emergency: truths cover the items before it
        assert list(persona.truths) == items[: items.index(persona.emergency.at)]
    else:
        assert set(persona.truths) == set(items)
    # Personas with nothing to flag exist too: they measure false alarms (bench_dialogue.py).


@pytest.mark.parametrize("name", list_personas())
def test_examples_are_worded_unlike_the_persona_answers(name: str) -> None:
    # Examples build the recognizer's domain LM; persona answers are what it must recognize.
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    corpus = [set(terms(s, scenario.language)) for s in domain_corpus(scenario)]
    for key in persona.answers:
        for line in persona.lines(key):
            said = set(terms(line, scenario.language))
            for sentence in corpus:
                dice = 2 * len(said & sentence) / (len(said) + len(sentence))
                assert dice < 0.7, (line, sentence)


def test_minimal_scenario_loads_and_yes_no_stay_strings(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, MINIMAL, "tiny.yaml"))
    assert scenario.opening.confirm.keywords == ["yes"]
    assert scenario.items[0].answers[1].keywords == ["no"]
    assert scenario.items[0].required is True


def test_empty_keywords_name_file_line_and_field(tmp_path: Path) -> None:
    text = MINIMAL.replace("keywords: [no]\nreprompts", "keywords: []\nreprompts")
    found = problems(write(tmp_path, text, "daily.yaml"))
    line = line_of(text, "keywords: []")
    assert found == [
        f"daily.yaml:{line}: items[0].answers[1].keywords: must be a non-empty list "
        "(or give patterns) for class 'skipped'"
    ]


def test_the_disclosure_is_required_and_checked(tmp_path: Path) -> None:
    # The opening must say that the caller is an AI and that the call is recorded.
    text = MINIMAL.replace(
        '  disclosure: "I\'m an AI, and this call is recorded for your care worker."\n', ""
    )
    found = problems(write(tmp_path, text))
    assert len(found) == 1 and "opening.disclosure" in found[0]
    assert found[0].startswith(f"broken.yaml:{line_of(text, 'opening:')}: ")
    text = MINIMAL.replace("for your care worker.", "for {care_worker}.")
    found = problems(write(tmp_path, text))
    line = line_of(text, "disclosure:")
    assert found and found[0].startswith(f"broken.yaml:{line}: opening.disclosure: unknown")


@pytest.mark.parametrize("name", list_scenarios())
def test_shipped_openings_disclose_an_ai_and_the_recording(name: str) -> None:
    scenario = load_scenario(name)
    disclosure = scenario.opening.disclosure
    if scenario.language == "ko":
        assert "AI" in disclosure and "녹음" in disclosure and "복지사" in disclosure
    else:
        assert "AI" in disclosure and "recorded" in disclosure and "care worker" in disclosure


def test_misspelled_field_is_reported_at_its_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("    questions:", "    questoins:")
    found = problems(write(tmp_path, text))
    line = line_of(text, "questoins")
    assert f"broken.yaml:{line}: items[0].questoins: is not a known field (misspelled?)" in found
    assert any(p.endswith("items[0].questions: is required") for p in found)


def test_wrong_type_and_bad_enum(tmp_path: Path) -> None:
    text = MINIMAL.replace("language: en", "language: fr")
    text = text.replace("  give_up:", "  max_reprompts: lots\n  give_up:")
    found = problems(write(tmp_path, text))
    assert any(p.startswith(f"broken.yaml:{line_of(text, 'language')}: language: ") for p in found)
    line = line_of(text, "max_reprompts")
    assert any(p.startswith(f"broken.yaml:{line}: silence.max_reprompts: ") for p in found)


def test_bad_regex_points_at_the_pattern(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "keywords: [yes, ate]", 'keywords: [yes, ate]\n        patterns:\n          - "(unclosed"'
    )
    found = problems(write(tmp_path, text))
    line = line_of(text, "(unclosed")
    assert len(found) == 1
    assert found[0].startswith(f"broken.yaml:{line}: items[0].answers[0].patterns[0]: bad regular")


def test_followup_and_negation_must_name_known_classes(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "keywords: [yes, ate]", "keywords: [yes, ate]\n        negated: skiped"
    ).replace("\nreprompts:", '\n    followups:\n      atee: "What did you eat?"\nreprompts:')
    found = problems(write(tmp_path, text))
    assert (
        f"broken.yaml:{line_of(text, 'negated')}: items[0].answers[0].negated: "
        "unknown answer class 'skiped'" in found
    )
    assert any(
        p.startswith(f"broken.yaml:{line_of(text, 'atee')}: items[0].followups.atee: ")
        for p in found
    )


def test_templates_are_checked(tmp_path: Path) -> None:
    text = MINIMAL.replace("Hello, this is {agent_name}.", "Hello, this is {agnet_name}.")
    text = text.replace("Sorry? {question}", "Sorry?")
    found = problems(write(tmp_path, text))
    assert any(
        f":{line_of(text, 'agnet_name')}: opening.text: unknown placeholder" in p for p in found
    )
    assert any(p.endswith("reprompts[0]: must use {question}") for p in found)


def test_duplicate_ids_and_reserved_class(tmp_path: Path) -> None:
    item = MINIMAL[MINIMAL.index("  - id: meal") : MINIMAL.index("reprompts:")]
    text = MINIMAL.replace("reprompts:", item + "reprompts:").replace(
        "class: skipped", "class: dont_know", 1
    )
    found = problems(write(tmp_path, text))
    assert any("items[1].id: duplicate item id 'meal'" in p for p in found)
    assert any("items[0].answers[1].class: 'dont_know' is reserved" in p for p in found)


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    dup = MINIMAL.replace("title: Tiny check-in", "title: Tiny check-in\ntitle: Again")
    (found,) = problems(write(tmp_path, dup))
    assert found.startswith(f"broken.yaml:{line_of(dup, 'title: Again')}: YAML: duplicate key")
    syntax = MINIMAL.replace("keywords: [yes, ate]", "keywords: [yes, ate")
    (found,) = problems(write(tmp_path, syntax))
    assert found.startswith("broken.yaml:") and "YAML" in found
    (found,) = problems(write(tmp_path, ""))
    assert found == "broken.yaml:1: the file is empty"


def test_dtmf_keys_may_be_unquoted(tmp_path: Path) -> None:
    text = MINIMAL + "dtmf:\n  0:\n    action: callback\n  12:\n    action: repeat\n"
    found = problems(write(tmp_path, text))
    assert found == [f"broken.yaml:{line_of(text, '12:')}: dtmf.12: must be one key: 0-9, * or #"]
    scenario = load_scenario(write(tmp_path, text.replace("  12:", '  "*":'), "ok.yaml"))
    assert set(scenario.dtmf) == {"0", "*"}


def test_missing_files_and_names(tmp_path: Path) -> None:
    (found,) = validate_file(tmp_path / "nope.yaml")
    assert found.startswith("nope.yaml: cannot read")
    with pytest.raises(ScenarioError, match="no scenario named 'no_such_scenario'"):
        load_scenario("no_such_scenario")
    assert scenario_path("daily_checkin_en").is_file()


def test_persona_is_checked_against_its_scenario(tmp_path: Path) -> None:
    text = persona_path("margaret_en").read_text(encoding="utf-8")
    text = text.replace("  mood: good", "  mood: cheery").replace("  outing:", "  outting:")
    path = write(tmp_path, text, "persona.yaml")
    found = validate_file(path)
    assert (
        f"persona.yaml:{line_of(text, 'mood: cheery')}: truths.mood: unknown answer class "
        "'cheery'; have ['good', 'low', 'dont_know', 'unanswered']" in found
    )
    assert any(
        p.startswith(f"persona.yaml:{line_of(text, 'outting')}: answers.outting: ") for p in found
    )


def test_lines_for_speech_caches_and_language_models() -> None:
    scenario = load_scenario("daily_checkin_en")
    fixed = scenario.fixed_prompts()
    assert "Hi, this is Clara from Riverside Health." in fixed
    assert "Did you eat today?" in fixed and "Sorry, I didn't catch that." in fixed
    assert not any("{" in line or "Margaret" in line for line in fixed)
    assert not any("Am I speaking" in line for line in fixed)  # it names the person
    lines = scenario.agent_lines("Margaret")
    assert "Am I speaking with Margaret?" in lines and set(fixed) <= set(lines)
    answers = scenario.question_answers()
    assert "I ate breakfast a while ago" in answers["Have you eaten today?"]
    pain = scenario.item("health").answer("pain")
    assert answers["How long has it been hurting?"] == pain.examples
    corpus = scenario.domain_sentences()
    assert "I ate breakfast a while ago" in corpus and "wrong number" in corpus
    assert not any("(?" in s for s in corpus)  # regular expressions are not sentences
