"""The response bank (P4): it loads, its errors name file, line and field, every line it can
say passes the role guard, and retrieval finds held-out wordings and fails on plain answers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dialogue import ScenarioError, load_scenario
from dialogue.conversation import Candidate, Retriever, Situation, load_bank
from dialogue.conversation.bank import (
    KINDS,
    LANGUAGES,
    guard_problems,
    language_problems,
    read_bank,
    read_file,
    register_problems,
)
from dialogue.conversation.retrieve import THRESHOLD
from scenarios import list_scenarios, scenario_path
from tests.conversation_heldout import DEV2, HELDOUT, PLAIN, TEST, UNRELATED, score

GOOD = textwrap.dedent(
    """\
    - situation: garden
      kind: remark
      tone: interest
      triggers: ["I planted tomatoes", "my roses are blooming", "I was weeding the garden",
                 "the beans came up", "I dug the vegetable bed", "my lettuce is ready"]
      reactions: ["How lovely.", "A garden is a joy.", "That sounds like good work."]
    - situation: meal.ate
      kind: answer
      tone: praise
      reactions: ["Good.", "Well done.", "I'm glad."]
    """
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_bank_loads_with_every_kind_and_hundreds_of_reactions(language):
    bank = load_bank(language)
    assert load_bank(language) is bank  # read once per process
    assert {s.kind for s in bank.situations} == set(KINDS)
    assert all(isinstance(s, Situation) for s in bank.situations)
    non_answer = [s for s in bank.situations if s.kind != "answer"]
    assert len(non_answer) >= 70
    spoken = sum(len(s.reactions) + len(s.answer) + len(s.follow_up) for s in bank.situations)
    assert spoken >= 300


def test_same_situations_in_both_languages():
    banks = {lang: load_bank(lang) for lang in LANGUAGES}
    assert language_problems(banks) == []
    assert set(banks["en"].ids()) == set(banks["ko"].ids())


def test_language_problems_names_the_missing_language(tmp_path):
    en = read_bank("en", write(tmp_path / "en", "a.yaml", GOOD).parent)
    ko_text = GOOD.replace("situation: garden", "situation: gardening")
    ko = read_bank("ko", write(tmp_path / "ko", "a.yaml", ko_text).parent)
    problems = language_problems({"en": en, "ko": ko})
    assert any("'garden' (en: a.yaml:1) is missing in ko" in p for p in problems)
    assert any("'gardening'" in p and "missing in en" in p for p in problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_answer_reactions_cover_every_shipped_scenario(language):
    retriever = Retriever.for_language(language)
    for name in list_scenarios():
        scenario = load_scenario(scenario_path(name))
        for item in scenario.items:
            for answer in item.answers:
                found = retriever.answer_reactions(item.id, answer.answer_class)
                assert found is not None, f"{name}: {item.id}.{answer.answer_class}"
                assert found.kind == "answer" and len(found.reactions) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_line_the_bank_can_say_passes_the_role_guard(language):
    assert guard_problems(load_bank(language)) == []


def test_korean_lines_end_in_polite_speech(tmp_path):
    assert register_problems(load_bank("ko")) == []
    text = GOOD.replace(
        '"Good.", "Well done.", "I\'m glad."', '"잘했어.", "잘하셨어요.", "좋습니다!"'
    )
    problems = register_problems(read_bank("ko", write(tmp_path, "a.yaml", text).parent))
    korean = [p for p in problems if "meal.ate" in p]
    assert korean == ["a.yaml:7: meal.ate.reactions: '잘했어.': not 존댓말 at its end"]


def test_guard_problems_names_the_file_situation_and_line(tmp_path):
    bad = GOOD.replace('"How lovely."', '"I will come and visit you tomorrow."')
    bank = read_bank("en", write(tmp_path, "a.yaml", bad).parent)
    problems = guard_problems(bank)
    assert len(problems) == 1
    assert problems[0].startswith("a.yaml:1: garden.reactions:") and "visit" in problems[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("reactions: [", "reactoins: ["), "a.yaml:6: [0].reactoins: is not a known field"),
        (("kind: remark", "kind: chat"), "a.yaml:2: [0].kind: Input should be"),
        (("tone: interest", "tone: cheerful"), "a.yaml:3: [0].tone: Input should be"),
        (("situation: garden", "situation: Garden!"), "a.yaml:1: [0].situation: String should"),
        (('"Good.", ', ""), "a.yaml:7: [1]: needs at least 3 reactions"),
        (("situation: meal.ate", "situation: meal"), "a.yaml:7: [1]: an answer situation is"),
        (('"How lovely."', '"How lovely, {name}."'), "a.yaml:6: [0].reactions[0]: unknown field"),
        (('"A garden is a joy."', '"How lovely."'), "a.yaml:6: [0].reactions[1]: repeats"),
        (('"I planted tomatoes", ', ""), "a.yaml:1: [0]: needs at least 6 triggers"),
    ],
)
def test_a_bad_file_names_file_line_and_field(tmp_path, change, expected):
    path = write(tmp_path, "a.yaml", GOOD.replace(*change))
    with pytest.raises(ScenarioError) as caught:
        read_file(path)
    assert any(p.startswith(expected) for p in caught.value.problems), caught.value.problems


def test_top_level_must_be_a_list_and_ids_unique_across_files(tmp_path):
    with pytest.raises(ScenarioError, match=r"a.yaml:1: \(top level\): must be a list"):
        read_file(write(tmp_path / "x", "a.yaml", "situation: garden\n"))
    folder = tmp_path / "y"
    write(folder, "a.yaml", GOOD)
    write(folder, "b.yaml", "# another theme\n" + GOOD)
    with pytest.raises(ScenarioError) as caught:
        read_bank("en", folder)
    assert "b.yaml:2: situation: 'garden' is already in a.yaml:1" in caught.value.problems


def test_agent_question_needs_answer_lines_and_notify_only_there(tmp_path):
    text = GOOD.replace("kind: remark", "kind: agent_question")
    with pytest.raises(ScenarioError, match="a.yaml:1: \\[0\\]: an agent_question needs answer"):
        read_file(write(tmp_path, "a.yaml", text))
    text = GOOD.replace("tone: interest", "tone: interest\n  notify: true")
    with pytest.raises(ScenarioError, match="notify is for agent_question"):
        read_file(write(tmp_path, "b.yaml", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_heldout_wordings_find_their_situation(language):
    result = score(Retriever.for_language(language), language)
    assert result["heldout"] >= 150
    assert result["top1"] >= 0.85, result["misses"]
    dev2 = score(Retriever.for_language(language), language, DEV2)
    assert dev2["heldout"] >= 90
    assert dev2["top1"] >= 0.8, dev2["misses"]
    test = score(Retriever.for_language(language), language, TEST)
    assert test["heldout"] >= 80
    assert test["top1"] >= 0.8, test["misses"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_answers_and_unrelated_text_fail(language):
    retriever = Retriever.for_language(language)
    hits = {t: retriever.find(t) for t in PLAIN[language] + UNRELATED[language]}
    hits = {t: [c.situation.id for c in found] for t, found in hits.items() if found}
    share = len(hits) / len(PLAIN[language] + UNRELATED[language])
    assert share <= 0.1, hits


@pytest.mark.parametrize("wordings", [HELDOUT, DEV2, TEST])
def test_heldout_wordings_are_not_triggers(wordings):
    for language in LANGUAGES:
        bank = load_bank(language)
        triggers = {t.casefold() for s in bank.situations for t in s.triggers}
        for situation_id, texts in wordings[language].items():
            assert bank.get(situation_id) is not None, situation_id
            assert not triggers & {w.casefold() for w in texts}


def test_find_returns_candidates_best_first_within_threshold_and_kinds():
    retriever = Retriever.for_language("en")
    found = retriever.find("My grandson came over yesterday and brought me flowers")
    assert found and found[0].situation.id == "grandchild_visit"
    assert all(isinstance(c, Candidate) and THRESHOLD <= c.score <= 1 for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert len(retriever.find("my grandson visited", limit=1)) == 1
    assert retriever.find("My grandson came over yesterday", kinds=("agent_question",)) == []
    assert retriever.find("") == []


def test_answer_situations_only_for_the_item_and_class_just_extracted():
    retriever = Retriever.for_language("en")
    kinds = ("remark", "feeling", "agent_question", "answer")
    assert all(c.situation.kind != "answer" for c in retriever.find("yes I ate", kinds=kinds))
    found = retriever.find("yes I ate", kinds=kinds, item_id="meal", answer_class="ate")
    assert [c.situation.id for c in found] == ["meal.ate"]
    assert found[0].score >= THRESHOLD
    assert retriever.answer_reactions("meal", "ate").id == "meal.ate"
    assert retriever.answer_reactions("meal", "nonsense") is None
    assert retriever.answer_reactions("lonely", "") is None


def test_questions_to_the_agent_need_a_question():
    for language, answer, question in [
        ("en", "yes I ate my lunch", "have you had your lunch?"),
        ("ko", "네 점심 먹었어요", "아가씨는 점심 먹었어요?"),
    ]:
        retriever = Retriever.for_language(language)
        assert all(c.situation.kind != "agent_question" for c in retriever.find(answer))
        found = retriever.find(question)
        assert found and found[0].situation.id == "ask_agent_ate"


def test_retriever_is_built_once_per_language():
    assert Retriever.for_language("ko") is Retriever.for_language("ko")
    assert Retriever.for_language("en") is not Retriever.for_language("ko")


def test_korean_content_lemmas_ignore_endings():
    from dialogue.analysis.ko import content_lemmas, is_question

    assert content_lemmas("요즘 너무 외로워요") == content_lemmas("요즘 너무 외롭네")
    assert "외롭다" in content_lemmas("외로워서 그래요")
    assert "누구" in content_lemmas("누가 보냈어요")
    assert is_question("식사는 하셨나요") and is_question("어디서 전화했어요")
    assert not is_question("네 먹었어요")


def test_listing_names_every_situation_once():
    from dialogue.conversation.listing import markdown

    text = markdown()
    for situation in load_bank("en").situations:
        assert text.count(f"| `{situation.id}` |") == 1


def test_the_words_that_answered_the_item_are_not_a_remark():
    retriever = Retriever.for_language("ko")
    kinds = ("remark", "feeling", "answer")
    found = retriever.find(
        "네 아침에 밥이랑 국 먹었어요", kinds=kinds, item_id="meal", answer_class="ate"
    )
    assert [c.situation.id for c in found] == ["meal.ate"]
    # what the person said besides the answer still finds its remark
    found = Retriever.for_language("en").find(
        "I walked to the park with my neighbor",
        kinds=kinds,
        item_id="outing",
        answer_class="went_out",
    )
    assert found and found[0].situation.id == "walk_park"
    assert "outing.went_out" in [c.situation.id for c in found]


def test_a_short_question_to_the_agent_fits_a_whole_trigger():
    retriever = Retriever.for_language("ko")
    assert [c.situation.id for c in retriever.find("사람이에요?")][:1] == ["ask_real_person"]
    assert [c.situation.id for c in retriever.find("누구세요?")][:1] == ["ask_agent_name"]
    assert Retriever.for_language("en").find("pretty well thank you") == []
