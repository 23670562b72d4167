"""English emergency detection: analysis, rules and their scope, the detector around them.

The sentences here are the tests' own (none from the evaluation set), so they show what the
rules mean; `carecall safety eval` measures them on the project's labelled cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dialogue.analysis import analyze
from dialogue.llm import LLMError
from dialogue.safety import CATEGORIES, Decision, EmergencyDetector
from dialogue.safety.en import findings
from dialogue.scenario import Emergency

E, C, N = Decision.EMERGENCY, Decision.CHECK, Decision.NONE


def decide(text: str) -> Decision:
    return EmergencyDetector().assess(text, "en").decision


# --- analysis -------------------------------------------------------------------------------


def test_contractions_split_with_or_without_apostrophes():
    for text in ("I can't breathe", "i cant breathe"):
        a = analyze(text, "en")
        assert a.lemmas() == ["i", "can", "not", "breathe"]
    assert analyze("i dont know im dizzy", "en").lemmas() == [
        "i", "do", "not", "know", "i", "be", "dizzy",
    ]  # fmt: skip
    assert analyze("he didn't wake", "en").lemmas() == ["he", "do", "not", "wake"]


def test_lemmas_tags_offsets_and_sentences():
    a = analyze("My husband fell. He felt faint!", "en")
    fell = a.tokens[2]
    assert (fell.surface, fell.lemma, fell.tag, fell.sentence) == ("fell", "fall", "VERB", 0)
    assert a.tokens[4].lemma == "feel" and a.tokens[4].sentence == 1
    assert a.span(0, 2) == "my husband fell"
    assert analyze("two sleeping pills", "en").tokens[2].lemma == "pill"


# --- every category -------------------------------------------------------------------------

EVERY_CATEGORY = {
    "cardiac": "there's a heavy crushing feeling in my chest",
    "breathing": "i can hardly get my breath",
    "stroke": "my face has gone lopsided and my words come out all wrong",
    "fall": "i've fallen in the hall and i can't get back up",
    "unconscious": "i keep passing out",
    "bleeding": "i've cut my leg and it won't stop bleeding",
    "overdose": "i've swallowed a whole bottle of my sleeping tablets",
    "suicide": "i'm going to end my life",
    "confusion": "i don't know where i am",
    "fire": "the curtains have caught fire",
    "violence": "there's a burglar downstairs",
    "starvation": "i haven't eaten for five days",
    "help": "help me please",
}


def test_every_category_has_a_case():
    assert set(EVERY_CATEGORY) == set(CATEGORIES)


@pytest.mark.parametrize("category,text", sorted(EVERY_CATEGORY.items()))
def test_each_category_is_an_emergency(category, text):
    assessment = EmergencyDetector().assess(text, "en")
    assert assessment.decision == E, assessment
    assert category in {f.category for f in assessment.findings if f.decision == E}


# --- emergencies in words nobody listed, and red flags -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I can hardly breathe",
        "I took all of my sleeping pills",
        "my chest really really hurts",
        "I think I'm having a stroke",
        "there's smoke coming under the door",
        "there's a man in my kitchen I don't know",
        "my husband collapsed and won't wake up",
        "my sister's on the bed and I can't wake her",
        "I slipped in the bath and I can't get out",
        "blood is pouring from my head",
        "he says he's going to kill me",
        "i'm going to kill myself",
    ],
)
def test_emergencies(text):
    assert decide(text) == E


@pytest.mark.parametrize(
    "text",
    [
        "I'm a bit short of breath",
        "my chest feels funny",
        "I feel like giving up",
        "I fell in the garden this morning",
        "I'm feeling a bit muddled",
        "I couldn't breathe properly earlier",
        "my husband took an overdose",
    ],
)
def test_red_flags_are_checks(text):
    assert decide(text) == C


# --- scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # negation
        "I didn't fall",
        "no chest pain",
        "I never felt dizzy",
        "I don't have any trouble breathing",
        "my chest doesn't hurt at all",
        "I don't think I'm having a heart attack",
        # past and resolved
        "my neighbor fell last month",
        "I had chest pain yesterday but it passed",
        "I used to get short of breath",
        "I fell last year but I'm fine now",
        "I had a heart attack in 2015",
        # other people, not here or not now
        "my friend had a stroke",
        "my son keeps telling me about his chest pains, he lives in London",
        "I heard the man at number 12 was mugged",
        # idioms
        "I'm dying to see my grandson",
        "this heat is killing me",
        "my knees are killing me",
        "I fell asleep in my chair",
        "my heart is full",
        "that broke my heart",
        "it was a stroke of luck",
        "the bill nearly gave me a heart attack",
        "I laughed so hard I couldn't breathe",
        "I'm gasping for a cup of tea",
        "my daughter helps me with the shopping",
        "the cream helps",
        "I gave up smoking",
        # hypotheticals and questions
        "what if I fall",
        "I'm worried about falling",
        "what should I do if I get chest pain",
        "suppose I can't get up one day, will you send someone",
        # stories
        "I saw a fire on the news",
        "they showed a man having a heart attack on tv",
        # routine
        "I took all my pills this morning",
        "my blood pressure is fine",
        "the tv blacked out for a minute",
    ],
)
def test_not_emergencies(text):
    assert decide(text) == N


def test_someone_present_now_is_an_emergency_but_not_long_ago():
    assert decide("my husband is having a heart attack") == E
    assert decide("my husband had a heart attack years ago") == N


def test_findings_name_the_words_and_the_rule():
    (finding,) = [f for f in findings(analyze("oh I can't breathe", "en")) if f.decision == E][:1]
    assert finding.category == "breathing"
    assert "breathe" in finding.evidence
    assert finding.rule.startswith("en:")


def test_empty_and_punctuation_only():
    assert decide("") == N
    assert decide("...") == N


# --- the detector: scenario rules, languages, the LLM's second opinion ---------------------


def test_scenario_rules_add_findings_and_keep_their_negation_check():
    rule = Emergency(id="wandering", keywords=["went out at night"], say="Please stay in.")
    detector = EmergencyDetector([rule])
    a = detector.assess("I went out at night in my slippers", "en")
    assert a.decision == E and a.category == "wandering"
    assert detector.assess("I never went out at night", "en").decision == N


def test_scenario_keywords_get_the_same_scope():
    own = [
        Emergency(id="fall", keywords=["had a fall"], patterns=[r"\bfell\b"], say="Call 911."),
        Emergency(id="self_harm", keywords=["want to die"], say="Call 988."),
    ]
    detector = EmergencyDetector(own)  # a scenario's own rules, as its YAML would give them
    assert detector.assess("my neighbor fell last month", "en").decision == N
    assert detector.assess("I fell behind with the bills", "en").decision == N
    assessment = detector.assess("I want to die", "en")
    assert assessment.decision == E
    assert {"suicide", "self_harm"} <= {f.category for f in assessment.findings}
    rule = Emergency(id="wandering", keywords=["went out at night"], say="Please stay in.")
    detector = EmergencyDetector([rule])
    assert detector.assess("years ago I went out at night", "en").decision == N
    assert detector.assess("what if I went out at night", "en").decision == N
    assert detector.assess("I think I went out at night", "en").decision == E


def test_a_language_without_a_module_has_no_rules(monkeypatch):
    monkeypatch.setitem(sys.modules, "dialogue.safety.ko", None)  # as if not written yet
    monkeypatch.setattr("dialogue.safety.detector.analyze", lambda text, lang: None)
    assert EmergencyDetector().assess("숨을 못 쉬겠어요", "ko").decision == N
    rule = Emergency(id="breath", keywords=["숨을 못"], say="119에 전화하세요.")
    assert EmergencyDetector([rule]).assess("숨을 못 쉬겠어요", "ko").decision == E


class FakeLLM:
    def __init__(self, reply: str | Exception):
        self.reply = reply
        self.calls: list[list[dict]] = []

    def generate(self, messages, **sampling):
        self.calls.append(messages)
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


def test_llm_raises_none_to_check():
    llm = FakeLLM('Sure. {"emergency": true, "category": "breathing"}')
    a = EmergencyDetector(llm=llm).assess("I feel ever so peculiar", "en")
    assert a.decision == C
    assert a.top.rule == "llm:second-opinion"
    assert "peculiar" in llm.calls[0][-1]["content"]


def test_llm_never_lowers_and_is_not_asked_about_emergencies():
    llm = FakeLLM('{"emergency": false}')
    assert EmergencyDetector(llm=llm).assess("I can't breathe", "en").decision == E
    assert llm.calls == []  # the rules were sure: no second opinion
    assert EmergencyDetector(llm=llm).assess("my chest feels funny", "en").decision == C
    assert len(llm.calls) == 1


def test_llm_cannot_raise_to_emergency():
    llm = FakeLLM('{"emergency": true, "category": "cardiac"}')
    assert EmergencyDetector(llm=llm).assess("my chest feels funny", "en").decision == C


@pytest.mark.parametrize(
    "reply", [LLMError("timeout"), TimeoutError("slow"), "no json here", "{not json}", "[1]"]
)
def test_llm_errors_and_garbage_change_nothing(reply):
    llm = FakeLLM(reply)
    assert EmergencyDetector(llm=llm).assess("I had a lovely day", "en").decision == N
    assert len(llm.calls) == 1


def test_rules_name_known_concepts_and_categories():
    from dialogue.safety.en_concepts import C
    from dialogue.safety.en_lexicon import RULES

    for rule in RULES:
        assert rule.category in CATEGORIES, rule
        for concept in (*rule.needs, *rule.unless, *rule.not_after, *rule.unless_sentence):
            assert concept in C, (rule.name, concept)
        for concept in rule.needs:
            assert all(phrase.strip() for phrase in C[concept]), concept


def _sentences():
    path = Path(__file__).with_name("safety_en_sentences.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split(" ", 1)
            yield pytest.param(label, text, id=text[:60])


@pytest.mark.parametrize("label,text", list(_sentences()))
def test_own_sentences(label, text):
    got = decide(text)
    if label == "E":
        assert got != N, "missed"
    elif label == "C":
        assert got == C
    else:
        assert got == N
