"""Retrieve, or fail: which situation of the bank the person's words are about (P4).

Every trigger of the bank is one BM25 document (`bm25s`, over `terms.terms`: Kiwi morphemes or
English lemmas). BM25 scores are unbounded and grow with the query, so a situation's score is
normalised to 0..1 as the geometric mean (weights `1 - QUERY_WEIGHT`, `QUERY_WEIGHT`) of

- how much of a trigger the person said: BM25(person, trigger) / BM25(trigger, trigger), at
  the situation's best trigger;
- how much of what the person said the situation explains: the idf mass of the person's terms
  found in any of its triggers over the idf mass of all of them (a word the bank has never
  seen counts as a fairly rare one).

A situation is only a candidate when the words could be about it at all (the fit rules):
two content words in common, or one that at most `SPECIFIC_SITUATIONS` situations use
("boiler", "knee"), or one said together with a weak word in the same trigger ("my grandson
came"). Weak words ("not", "you", "go", 안, 오다) and the words of the check-in questions
("sleep", "eat", "pain", 식사, 주무시다) never fit on their own: "I slept fine" and "no pain
today" answer an item, they are not remarks. Questions to the agent are candidates only when
the words ask or request something (`terms.asks`: "Yes I ate" is not "Have you eaten?"), get
`QUESTION_BOOST`, and also fit when they say a whole trigger ("사람이에요?").

`THRESHOLD` was calibrated on two development sets of held-out wordings and on plain check-in
answers and unrelated lines (`tests/conversation_heldout.py`): below it is a fail, and the
engine says the scenario's own line.

The dialogue state narrows the candidates: only the kinds the engine asks for; an `answer`
situation (`item.class`) only for the item and class just extracted — it fits by definition
(the extractor found that answer), so it scores at least `THRESHOLD`, and a remark outranks it
only when it explains the words better; and once an item's answer is extracted, that item's
own words match no remark ("rice and soup" answered the meal, it is not cooking news).

One index per language, built on first use and shared by every call of the process.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from dialogue.conversation.asks_en import shape
from dialogue.conversation.bank import Bank, Situation, load_bank
from dialogue.conversation.meaning import Meaning, reorder
from dialogue.conversation.terms import (
    CONCEPTS,
    WEAK,
    clauses,
    heads,
    meanings,
    read,
    terms,
)

THRESHOLD = 0.50
QUERY_WEIGHT = 0.5  # exponent of the query coverage; the trigger coverage has 1 - this
# A single content word fits a situation only when no more than this many situations use it
# ("boiler", "knee", "headache"), and it is not a word that answers a check-in item.
SPECIFIC_SITUATIONS = 3
CORE_SHARE = 0.25  # a term in this share of a situation's triggers is its core word
CORE_MIN_TERMS = 3
CORE_SPREAD = 0.05  # a term more than this share of situations use is no situation's core
# Added to a question to the agent when the words ask something ("뉴스에 뭐 나왔어요?" asks the
# agent; "뉴스 보니까 다 오른대요" tells it).
QUESTION_BOOST = 0.1
# The score of a question to the agent that its shape names (`asks_en`): above `talk.CLEAR`,
# so it is answered beside an answer too.
SHAPE_SCORE = 0.95
# An English question to the agent that no shape names fits only when the words match one of
# its triggers this well (a wording the shapes do not know).
UNSHAPED_SCORE = 0.8
DEFAULT_KINDS = ("remark", "feeling", "agent_question")
RERANKED = ("remark", "feeling")  # the kinds whose order the meaning model decides (English)
# A clause of a longer utterance is scored on its own too, at this weight: what one clause
# says fits a little less surely than the same words said alone.
CLAUSE_WEIGHT = 0.95
# A situation whose core concept term was said in a sentence scores at least the threshold plus
# this: it is a candidate, below any that fits the words better.
CONCEPT_MARGIN = 0.02
CONCEPT_TIE = 0.05  # ... plus this share of its own score: the better fit first
MIN_CLAUSE_TERMS = 2  # content terms a clause needs to be scored on its own
# A question to the agent that its shape decides (Korean: `asks_ko.shape`) scores this: above
# any overlap, so the question asked is answered, not one that shares its words.
SHAPE_SCORE = 0.97
# How much an unknown word (never in any trigger) weighs, as a share of a fairly rare word's
# idf, in the mass of what the person said that a situation must explain.
UNKNOWN_WEIGHT = 0.5


@dataclass(frozen=True)
class Candidate:
    situation: Situation
    score: float  # 0..1; a returned candidate is >= THRESHOLD


class Retriever:
    """BM25 over one bank's triggers. `find` returns fitting candidates, best first; [] is
    the fail of Retrieve-fail-Generate."""

    def __init__(
        self,
        bank: Bank,
        threshold: float = THRESHOLD,
        item_words: dict[str, frozenset[str]] | None = None,
    ):
        import bm25s

        self.bank = bank
        self.item_words = item_words or {}
        self.answer_words = frozenset().union(*self.item_words.values())
        self.language = bank.language
        self.threshold = threshold
        docs: list[list[str]] = []
        owner: list[int] = []
        for index, situation in enumerate(bank.situations):
            for trigger in situation.triggers:
                found = terms(trigger, bank.language)
                if found:
                    docs.append(found)
                    owner.append(index)
        self._owner = np.asarray(owner, dtype=np.int64)
        self._docs = [set(d) for d in docs]
        self._model = bm25s.BM25()
        if docs:
            self._model.index(docs, show_progress=False)
        n = len(docs)
        df: dict[str, int] = {}
        for doc in self._docs:
            for term in doc:
                df[term] = df.get(term, 0) + 1
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        spread: dict[str, set[int]] = {}
        for doc, index in zip(self._docs, owner, strict=True):
            for term in doc:
                spread.setdefault(term, set()).add(index)
        self._weak = WEAK.get(bank.language, frozenset())
        self._specific = frozenset(
            t
            for t, where in spread.items()
            if len(where) <= SPECIFIC_SITUATIONS and t not in self._weak | self.answer_words
        )
        self._index = {s.id: i for i, s in enumerate(bank.situations)}
        self._vocabulary: dict[int, set[str]] = {}  # per situation: every term of its triggers
        self._triggers: dict[int, list[set[str]]] = {}  # per situation: each trigger's terms
        for doc, index in zip(self._docs, owner, strict=True):
            self._vocabulary.setdefault(index, set()).update(doc)
            self._triggers.setdefault(index, []).append(doc)
        # Per situation, the share of its triggers each term is in: a term in a quarter or
        # more of them is what the situation is about ("garden" for gardening), and fits on
        # its own however many other situations also use it.
        # A word half the bank uses ("what") is no situation's core; a concept term that a
        # few situations share ("vegplot": every vegetable and flower of gardening) is, though
        # folding makes it frequent.
        common = float(np.median(list(self._idf.values()))) if self._idf else 0.0
        many = max(SPECIFIC_SITUATIONS, CORE_SPREAD * len(bank.situations))
        self._share: dict[int, dict[str, float]] = {}
        for index, docs_of in self._triggers.items():
            counts: dict[str, int] = {}
            for doc in docs_of:
                for term in doc:
                    counts[term] = counts.get(term, 0) + 1
            self._share[index] = {
                t: c / len(docs_of)
                for t, c in counts.items()
                if t not in self._weak | self.answer_words
                and (
                    self._idf[t] >= common
                    # a concept this situation is mostly about (the old days: 19 of 25 of
                    # memories' triggers) is its core however many others mention it once
                    or (t in CONCEPTS and (len(spread[t]) <= many or c >= 0.5 * len(docs_of)))
                )
            }
        self._unknown_idf = float(np.percentile(list(self._idf.values()), 75)) if self._idf else 1.0
        self._self = np.array(
            [self._bm25(sorted(doc))[i] for i, doc in enumerate(self._docs)], dtype=np.float64
        )
        # English: remarks and feelings that fit are ordered by meaning (`meaning.py`)
        ranked = [(d, bank.situations[i].id) for d, i in zip(docs, owner, strict=True)]
        ranked = [(d, s) for d, s in ranked if bank.get(s).kind in RERANKED]
        self._meaning = (
            Meaning([d for d, _ in ranked], [s for _, s in ranked])
            if ranked and bank.language == "en"
            else None
        )

    @classmethod
    def for_language(cls, language: str) -> Retriever:
        """The shipped bank's retriever, built once per process and shared."""
        with _lock:
            if language not in _retrievers:
                words = item_words(language)
                _retrievers[language] = cls(load_bank(language), item_words=words)
            return _retrievers[language]

    def _bm25(self, query: list[str]) -> np.ndarray:
        if not query or not self._docs:
            return np.zeros(len(self._docs))
        return np.asarray(self._model.get_scores(query), dtype=np.float64)

    def scores(self, text: str, item_id: str | None = None) -> dict[str, float]:
        """Every situation that fits the words at all, and its normalised score."""
        return self._scores(text, item_id)[0]

    def _scores(self, text: str, item_id: str | None = None) -> tuple[dict[str, float], bool]:
        """Every situation that fits, at its best over the whole text and each of its clauses:
        a long remark ("My old dog, bless him, sleeps all day by the stove now") is about the
        situation one clause of it names, and the rest must not dilute that clause."""
        found, question = read(text, self.language)
        answered = self.item_words.get(item_id or "", frozenset())
        best = self._score_terms(found, question, answered, heads(text, self.language))
        parts = clauses(text, self.language)
        for part in parts if len(parts) > 1 else []:
            part_terms, part_question = read(part, self.language)
            if len(set(part_terms) - self._weak) < MIN_CLAUSE_TERMS:
                continue  # "you know", "bless him": too little to be about anything
            scored = self._score_terms(
                part_terms, part_question or question, answered, heads(part, self.language)
            )
            for owner, score in scored.items():
                best[owner] = max(best.get(owner, 0.0), score * CLAUSE_WEIGHT)
        if self.language == "ko" and question:
            from dialogue.conversation.asks_ko import shape

            for rank, situation_id in enumerate(shape(text)):
                if (index := self._index.get(situation_id)) is not None:
                    best[index] = max(best.get(index, 0.0), SHAPE_SCORE - 0.01 * rank)
        return {self.bank.situations[i].id: float(s) for i, s in best.items()}, question

    def _score_terms(
        self,
        found: list[str],
        question: bool,
        answered: frozenset[str],
        heads: dict[str, str] | None = None,
    ) -> dict[int, float]:
        heads = heads or {}
        said = list(dict.fromkeys(found))  # all of it counts in what a remark must explain
        query = [t for t in said if t not in answered]  # the answer's own words match nothing
        known = [t for t in query if t in self._idf]
        if not known:
            return {}
        raw = self._bm25(known)
        # A word the bank has never seen (a pet's name, a place) tells nothing about any
        # situation: it weighs less in what a situation must explain than a known word.
        # In a fragment ("the weather channel") every word counts in full.
        unknown = (UNKNOWN_WEIGHT if len(known) >= CORE_MIN_TERMS else 1.0) * self._unknown_idf
        total = sum(self._idf.get(t, unknown) for t in said)
        strong = set(known) - self._weak - self.answer_words
        weak = set(known) & self._weak
        covered: dict[int, float] = {}
        for d in np.nonzero(raw > 0)[0]:
            owner = int(self._owner[d])
            ratio = min(1.0, raw[d] / self._self[d]) if self._self[d] > 0 else 0.0
            covered[owner] = max(covered.get(owner, 0.0), ratio)
        best: dict[int, float] = {}
        for owner, ratio in covered.items():
            asking = self.bank.situations[owner].kind == "agent_question"  # gated by asks()
            shared = meanings((set(known) if asking else strong) & self._vocabulary[owner])
            # A core word fits alone only inside a real sentence (three known words): a
            # fragment ("the weather channel") is no remark about the weather.
            core = len(known) >= CORE_MIN_TERMS and any(
                self._share[owner].get(t, 0.0) >= CORE_SHARE for t in shared
            )
            if len(shared) < 2 and not (shared and (shared <= self._specific or core)):
                if not (shared - weak and self._together(shared - weak, weak, owner)):
                    if not (asking and self._whole(set(known), owner)):
                        continue  # only weak words, or one common word or answer word
            # (a concept term is a topic said, whatever the coarse tags make of the word after)
            one = next(iter(shared)) if len(shared) == 1 else ""
            head = heads.get(one, "") if one not in CONCEPTS else ""
            if not asking and head in strong and head not in self._vocabulary[owner]:
                # One content word fits, and it only modifies a word the bank knows that this
                # situation never uses: "the blue car" is about a car, not feeling blue; "the
                # weather channel" about television. A reaction needs more than a stray word.
                continue
            mass = sum(self._idf[t] for t in known if t in self._vocabulary[owner]) / total
            score = ratio ** (1 - QUERY_WEIGHT) * mass**QUERY_WEIGHT
            if core and any(
                t in CONCEPTS and self._share[owner].get(t, 0.0) >= CORE_SHARE for t in shared
            ):
                # The situation's own concept ("snow" folds into wintry weather, a jigsaw into
                # games) said inside a real sentence: it fits, however many words it has that
                # no trigger has (a place, a name); a situation that explains more outranks it.
                # Among several it fits this way (사별: a spouse's death, a friend's, a grave),
                # the one that explains the words better comes first.
                score = max(score, self.threshold + CONCEPT_MARGIN + CONCEPT_TIE * score)
            if asking and question:
                score = min(1.0, score + QUESTION_BOOST)
            best[owner] = score
        return best

    def support(self, text: str, situation_id: str) -> set[str]:
        """The content words of `text` (not weak, not a check-in item's) that the situation's
        triggers use: what a fit of the situation rests on."""
        index = self._index.get(situation_id)
        if index is None:
            return set()
        said = set(read(text, self.language)[0]) - self._weak - self.answer_words
        return said & self._vocabulary.get(index, set())

    def _together(self, shared: set[str], weak: set[str], owner: int) -> bool:
        """One content word and a weak one, said together in one trigger of the situation:
        "my grandson came" is "my grandson came to see me", not any remark about a grandson."""
        return any(shared <= doc and weak & doc for doc in self._triggers[owner])

    def _whole(self, query: set[str], owner: int) -> bool:
        """Every word of one of the situation's triggers was said ("사람이에요?")."""
        return any(doc - self._weak and doc <= query for doc in self._triggers[owner])

    def find(
        self,
        text: str,
        *,
        kinds: tuple[str, ...] = DEFAULT_KINDS,
        item_id: str | None = None,
        answer_class: str | None = None,
        limit: int = 3,
    ) -> list[Candidate]:
        """Situations the words fit, best first, at most `limit`; [] when none does."""
        scored, question = self._scores(text, item_id if answer_class else None)
        # A question to the agent is decided by its shape (English): that member of the
        # family only, however many words another member shares ("your name ... you sound
        # young" is not "how old are you").
        asked = self.asked(text)
        if asked is not None:
            scored[asked] = max(scored.get(asked, 0.0), SHAPE_SCORE)
        out: list[Candidate] = []
        for situation_id, score in scored.items():
            situation = self.bank.get(situation_id)
            if situation is None or situation.kind == "answer" or situation.kind not in kinds:
                continue
            if situation.kind == "agent_question" and asked is not None and situation_id != asked:
                continue
            if situation.kind == "agent_question" and not question and asked is None:
                continue  # "Yes I ate" shares its words with "Have you eaten?"
            if situation.kind == "agent_question" and asked is None and self.language == "en":
                # No shape asks it: words shared with a question are no question ("when I
                # was a girl ... I wore out my shoes" is not "do you ever get worn out?")
                if score < UNSHAPED_SCORE:
                    continue
            if score >= self.threshold:
                out.append(Candidate(situation, round(score, 4)))
        out = self.by_meaning(text, out, item_id if answer_class else None)
        if "answer" in kinds and item_id and answer_class:
            answer = self.answer_reactions(item_id, answer_class)
            if answer is not None:
                score = max(self.threshold, scored.get(answer.id, 0.0))
                out.append(Candidate(answer, round(score, 4)))
        out.sort(key=lambda c: (-c.score, c.situation.id))
        return out[:limit]

    def by_meaning(self, text: str, found: list[Candidate], item_id: str | None = None):
        """`found` with its remarks and feelings ordered by what `text` means (`meaning.py`;
        English), the words of an answered item left out as in BM25's scores."""
        answered = self.item_words.get(item_id or "", frozenset())
        doc = [t for t in terms(text, self.language) if t not in answered]
        return reorder(self._meaning, doc, found, RERANKED)

    def asked(self, text: str) -> str | None:
        """The question to the agent `text` asks by its shape (English; None in Korean, or
        when no shape matches, or the bank lacks that situation)."""
        if self.language != "en":
            return None
        found = shape(text)
        situation = self.bank.get(found) if found else None
        return found if situation is not None and situation.kind == "agent_question" else None

    def answer_reactions(self, item_id: str, answer_class: str) -> Situation | None:
        """The `answer` situation `item.class`, if the bank has it."""
        found = self.bank.get(f"{item_id}.{answer_class}")
        return found if found is not None and found.kind == "answer" else None


def item_words(language: str) -> dict[str, frozenset[str]]:
    """Per check-in item, the terms of its questions in the shipped scenarios of `language`
    (meal: eat, meal; sleep: sleep; health: pain, hurt; 식사, 주무시다, 통증 ...), with the
    everyday words that answer it (`EXTRA_ITEM_WORDS`). Alone, they answer an item ("I slept
    fine", "no pain today") rather than make a remark; and once an answer to an item has been
    extracted, they are not a remark's words."""
    from dialogue import load_scenario
    from scenarios import list_scenarios, scenario_path

    words: dict[str, set[str]] = {}
    for item_id, extra in EXTRA_ITEM_WORDS.get(language, {}).items():
        words.setdefault(item_id, set()).update(extra.split())
    for name in list_scenarios():
        scenario = load_scenario(scenario_path(name))
        if scenario.language != language:
            continue
        for item in scenario.items:
            for line in [item.topic, *item.questions]:
                words.setdefault(item.id, set()).update(terms(line, language))
    return {item_id: frozenset(found) for item_id, found in words.items()}


# Words that answer an item though its questions do not use them: meals by name, staying in,
# and the identity answer ("speaking").
EXTRA_ITEM_WORDS = {
    "en": {
        "meal": "breakfast lunch dinner supper food",
        "outing": "stay home",
        "identity": "speak",
    },
    "ko": {
        "meal": "아침밥 점심 저녁 밥 먹다",
        "outing": "집 나가다",
        "sleep": "자다",
        "medication": "약",
    },
}

_lock = threading.Lock()
_retrievers: dict[str, Retriever] = {}
