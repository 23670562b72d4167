"""A small response bank with the `dialogue.conversation` retriever interface, for tests.

Retrieval here is word overlap with the triggers (a fraction of the trigger's words heard), so
tests can say exactly what fits; the real bank (`dialogue.conversation`) is BM25 over lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dialogue.text import normalize


@dataclass(frozen=True)
class Situation:
    id: str
    kind: str
    tone: str = "interest"
    triggers: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ()
    follow_up: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    notify: bool = False


@dataclass(frozen=True)
class Candidate:
    situation: Situation
    score: float


EN = [
    Situation(
        "grandchild_visit",
        "remark",
        "interest",
        ("my grandson visited yesterday", "my granddaughter came to see me", "grandson flowers"),
        ("How lovely that your grandson came to see you.", "A visit from a grandchild is a gift."),
        ("What did you two do together?",),
    ),
    Situation(
        "neighbour_meal",
        "remark",
        "interest",
        ("lunch with my neighbour", "my neighbour and i ate together"),
        ("Lunch with your neighbour sounds lovely.", "Good company makes a meal better."),
        ("Do you often eat together?",),
    ),
    Situation(
        "lonely",
        "feeling",
        "empathy",
        ("i'm lonely", "i feel so alone", "nobody comes to see me"),
        ("I'm sorry you feel lonely.", "Feeling alone is hard, and I'm glad you told me."),
    ),
    Situation(
        "garden",
        "remark",
        "interest",
        ("my tomatoes are growing", "i was working in my garden"),
        ("Your tomatoes must be coming along nicely.", "Time in the garden sounds lovely."),
        ("What else are you growing?",),
    ),
    Situation(
        "ask_real_person",
        "agent_question",
        "neutral",
        ("are you a real person", "am i talking to a machine"),
        answer=("I'm an AI care assistant from {organization}.", "I'm {agent_name}, an AI."),
    ),
    Situation(
        "ask_visit",
        "agent_question",
        "neutral",
        ("can you come and visit me", "will you visit me sometime"),
        answer=(
            "I can't visit, I'm an AI on the telephone. I'll let your care worker know you'd "
            "like a visit.",
        ),
        notify=True,
    ),
]
ANSWERS = [
    Situation("meal.ate", "answer", "praise", reactions=("Good, a proper meal keeps you strong.",)),
    Situation("sleep.poorly", "answer", "empathy", reactions=("A bad night is so tiring.",)),
    Situation(
        "medication.taken",
        "answer",
        "praise",
        reactions=("You're very diligent with your medicine.", "Well done, every day counts."),
    ),
    Situation("outing.went_out", "answer", "praise", reactions=("Getting out is good.",)),
]


@dataclass
class FakeRetriever:
    situations: list[Situation] = field(default_factory=lambda: EN + ANSWERS)
    threshold: float = 0.6
    queries: list[str] = field(default_factory=list)

    def find(
        self,
        text: str,
        *,
        kinds: tuple[str, ...] = ("remark", "feeling", "agent_question"),
        item_id: str | None = None,
        answer_class: str | None = None,
        limit: int = 3,
    ) -> list[Candidate]:
        self.queries.append(text)
        said = set(normalize(text).split())
        out = []
        for s in self.situations:
            if s.kind not in kinds:
                continue
            best = max(
                (len(said & set(t.split())) / len(t.split()) for t in s.triggers), default=0.0
            )
            if best >= self.threshold:
                out.append(Candidate(s, round(best, 2)))
        return sorted(out, key=lambda c: -c.score)[:limit]

    def answer_reactions(self, item_id: str, answer_class: str) -> Situation | None:
        return next((s for s in self.situations if s.id == f"{item_id}.{answer_class}"), None)
