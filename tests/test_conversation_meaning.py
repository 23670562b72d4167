"""The meaning model beside BM25 (`dialogue/conversation/meaning.py`): it orders the remarks
and feelings BM25 found, never adds nor drops one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dialogue.conversation.meaning import Meaning, reorder


@dataclass(frozen=True)
class _S:
    id: str
    kind: str


@dataclass(frozen=True)
class _C:
    situation: _S
    score: float


DOCS = [
    ["rain", "wet", "umbrella"],
    ["rain", "puddle", "garden"],
    ["bill", "money", "heating"],
    ["money", "price", "shop"],
]
LABELS = ["weather", "weather", "money", "money"]


def test_ranks_by_the_words_of_all_triggers():
    model = Meaning(DOCS, LABELS)
    assert model.rerank(["heating", "price"], ["weather", "money"]) == ["money", "weather"]
    assert model.rerank(["umbrella", "puddle"], ["money", "weather"]) == ["weather", "money"]
    # unknown words tell nothing: the prior order (here equal priors) is kept, stable
    assert model.rerank(["zebra"], ["money", "weather"]) == ["money", "weather"]


def test_mismatched_training_data_is_a_clear_error():
    with pytest.raises(ValueError, match="3 documents but 2 labels"):
        Meaning(DOCS[:3], LABELS[:2])


def test_reorder_keeps_the_candidates_and_their_scores():
    model = Meaning(DOCS, LABELS)
    out = [
        _C(_S("weather", "remark"), 0.7),
        _C(_S("ask_name", "agent_question"), 0.95),
        _C(_S("money", "remark"), 0.6),
    ]
    got = reorder(model, ["heating", "bill"], out, ("remark", "feeling"))
    scores = {c.situation.id: c.score for c in got}
    assert scores == {"money": 0.7, "weather": 0.6, "ask_name": 0.95}
    assert reorder(None, ["heating"], out, ("remark",)) == out
    assert reorder(model, ["heating"], out[:2], ("remark",)) == out[:2]  # one: nothing to order


def test_shipped_english_bank_reads_the_remark_by_its_meaning():
    from dialogue.conversation.retrieve import Retriever

    retriever = Retriever.for_language("en")
    text = (
        "It's perishing in this flat, I keep the heating off because the bills are "
        "something shocking."
    )
    found = retriever.find(text, kinds=("remark", "feeling"))
    assert found and found[0].situation.id == "heating_cost"
    saved, retriever._meaning = retriever._meaning, None
    try:  # BM25's own order put the cold weather first: the model made the difference
        plain = retriever.find(text, kinds=("remark", "feeling"))
    finally:
        retriever._meaning = saved
    assert plain[0].situation.id != "heating_cost"
    assert {c.situation.id for c in plain} == {c.situation.id for c in found}


def test_asides_beside_an_answer_are_ordered_by_all_their_words():
    """Each sentence before an answer is found on its own ("Sixty years I knew him" alone is an
    anniversary); the merged candidates are ordered by what all of them say together."""
    from dialogue.conversation.retrieve import Retriever
    from dialogue.conversation.steer import _asides

    retriever = Retriever.for_language("en")
    story = (
        "My old pal Len from the bowls club died last month. We buried him Thursday. "
        "Sixty years I knew him."
    )
    text = f"{story} I had a tin of soup at some point."
    found = _asides(retriever, text, story, "tin of soup")
    assert found and found[0].situation.id == "grief_friend"
