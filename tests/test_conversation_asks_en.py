"""Questions to the agent decided by their shape (English): `dialogue.conversation.asks_en`."""

import pytest

from dialogue.conversation.asks_en import shape, situations
from dialogue.conversation.bank import load_bank
from dialogue.conversation.retrieve import Retriever


def test_every_shape_names_an_agent_question_of_the_bank():
    bank = load_bank("en")
    for situation_id in situations():
        found = bank.get(situation_id)
        assert found is not None and found.kind == "agent_question", situation_id


def test_bank_questions_get_their_own_member_or_none():
    """A trigger of one question is never read as another member of the family."""
    bank = load_bank("en")
    wrong = [
        (s.id, t, shape(t))
        for s in bank.of_kind("agent_question")
        for t in s.triggers
        if shape(t) not in (None, s.id)
    ]
    assert not wrong


def test_most_bank_questions_have_a_shape():
    bank = load_bank("en")
    triggers = [(s.id, t) for s in bank.of_kind("agent_question") for t in s.triggers]
    shaped = [t for sid, t in triggers if shape(t) == sid]
    assert len(shaped) >= 0.9 * len(triggers)


def test_remarks_have_no_shape():
    """No trigger of a remark or feeling asks the agent anything."""
    bank = load_bank("en")
    asked = [
        (s.id, t, shape(t))
        for s in bank.of_kind("remark", "feeling")
        for t in s.triggers
        if shape(t) is not None
    ]
    assert not asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sorry pet, I never caught your name.", "ask_agent_name"),
        ("Your name's gone clean out of my head, who am I speaking with?", "ask_agent_name"),
        ("You've a lovely young voice, how old would you be?", "ask_agent_age"),
        ("Won't you nip round for a cuppa one of these days?", "ask_visit"),
        ("Who handed out my number to you lot?", "ask_who_gave_number"),
        ("Is all this being taped, then?", "ask_recording"),
        ("And how are you getting on yourself, love?", "ask_agent_how_are_you"),
        ("Where are you ringing from, the surgery?", "ask_where_from"),
        ("The number eleven bus never came so I walked.", None),
        ("I'm nearly finished with that jigsaw.", None),
        ("Did you see the racing on Saturday?", None),
        ("My sister rang me from Leeds.", None),
    ],
)
def test_shapes(text, expected):
    assert shape(text) == expected


def test_retrieval_keeps_the_shaped_member_only():
    """ "Your name ... you sound young" shares a word with "how old are you": the shape
    decides, and the other member is no candidate."""
    retriever = Retriever.for_language("en")
    found = retriever.find("What was your name again, dear? You sound very young to me.")
    asks = [c.situation.id for c in found if c.situation.kind == "agent_question"]
    assert asks == ["ask_agent_name"]


def test_words_of_a_question_without_its_shape_ask_nothing():
    retriever = Retriever.for_language("en")
    found = retriever.find("When I was a lad I wore out three pairs of boots a year.")
    assert not [c for c in found if c.situation.kind == "agent_question"]


def test_topic_classes_join_the_words_once():
    from dialogue.conversation.terms import meanings, terms

    found = terms("The choir sang three hymns and an anthem", "en")
    assert found.count("~music") == 1 and "choir" in found
    # "choir" and its class are one thing said, for the rules that count words
    assert meanings({"choir", "~music"}) == {"choir"}
    assert meanings({"~music", "garden"}) == {"~music", "garden"}
    assert "~music" not in terms("I had a cup of tea with my neighbour", "en")


def test_a_discourse_marker_is_no_topic():
    from dialogue.conversation.terms import terms

    assert "forget" not in terms("Before I forget, my nephew rang about the car", "en")
    assert "forget" in terms("I forget where I put my glasses", "en")


def test_a_story_in_its_own_sentence_is_reacted_to_beside_an_answer():
    """The remark before the answer is the aside, not the answer's leftover words."""
    import random

    from dialogue.conversation.steer import Reactions, answer_reaction

    retriever = Retriever.for_language("en")
    text = "It's been pouring with rain for days on end. Some toast and a cup of tea, that's all."
    found = answer_reaction(
        retriever, "meal", "little", text, "toast", Reactions(random.Random(0)), flagged=False
    )
    assert found is not None and found.situation == "weather_rain"
