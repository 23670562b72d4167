"""English answers whose item words belong to someone else, another time, or a question back
(`dialogue.extract_clauses`): wordings are new ones, written for the mechanism, not taken from
any extraction batch."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.extract import extract
from dialogue.extract_clauses import asks_back, not_now, todays_own, whose

EN = load_scenario("daily_checkin_en")


def _class(item_id: str, text: str) -> str | None:
    return extract(EN.item(item_id), text, language="en", dont_know=EN.dont_know).answer_class


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        ("my sister's cat has a sore paw", "other"),
        ("the grandkids went to the zoo", "other"),
        ("she sleeps like a log", "other"),
        ("my son drove me to the shops", "self"),  # "me": the speaker went too
        ("my knee is playing up", "self"),  # "my" before a body part is the speaker's
        ("cereal like always", None),
    ],
)
def test_whose_clause(clause, who):
    assert whose(clause) == who


def test_later_wishes_and_questions_back():
    assert not_now("we're off to the coast next week")
    assert not_now("I wish I could get to the market")
    assert not_now("I was ever so cheerful at Easter")
    assert not not_now("I had my tea at five")
    assert asks_back("could you speak up a bit")
    assert asks_back("sorry, what was that")
    assert not asks_back("you know, I slept right through")


@pytest.mark.parametrize(
    ("item_id", "text"),
    [
        ("health", "My sister's cat has a sore paw."),
        ("medication", "The lady next door takes a handful of tablets every morning."),
        ("outing", "the grandkids went out to the zoo sunday"),
        ("outing", "We are going out to the garden centre next week."),
        ("sleep", "Did you sleep well yourself, dear?"),
        ("mood", "I was ever so cheerful at Easter with everyone round."),
        ("medication", "On Monday I took them, yes."),
    ],
)
def test_someone_elses_or_another_times_words_answer_nothing(item_id, text):
    assert _class(item_id, text) in (None, "dont_know")


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        ("outing", "My son drove me to the shops this morning.", "went_out"),
        ("mood", "My grandson's visiting at the weekend, so I'm happy as a lark.", "good"),
        ("medication", "My wife takes hers at night, but I took mine with breakfast.", "taken"),
        ("sleep", "The dog snores, but I slept well enough.", "well"),
    ],
)
def test_the_speakers_own_clause_still_answers(item_id, text, truth):
    assert _class(item_id, text) == truth


def test_todays_own_keeps_the_whole_text_when_every_clause_stands():
    text = "I had porridge, and then a walk."
    assert todays_own(text) == text
    assert todays_own("My neighbour's dog is poorly.") is None
