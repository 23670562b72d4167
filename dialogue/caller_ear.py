"""The simulated caller's ear: which of the scenario's lines the agent's turn was, from what
the simulated phone's recognizer made of it (split out of `dialogue.caller`, P4).

Weighted word overlap (idf) with every line the scenario can say, tolerant of mis-heard long
words; the agent's reaction before its question is set aside, the end of a turn (where the
question is) wins when it is clear, re-asks and gentle returns point back to the open question,
and a safety check question is told apart from the check-in's.
"""

from __future__ import annotations

import re

from dialogue.conversation.steer import RETURNS
from dialogue.persona import IDENTITY
from dialogue.text import fill, similar_words, terms

AGAIN = "again"  # the agent re-asks: a reprompt, a silence prompt, a repeat
BACK = "back"  # the agent comes back to its question after the person's own topic
TAIL_TERMS = 6  # the heard words at the end of a turn that hold its question
# Share of a safety check question's words that identifies it ("have you gone it with eating or
# drinking": 5 of 7); a check the person takes for a check-in question gets a yes that ends the
# call as an emergency.
CHECK_HEARD = 0.6
SAFETY = "safety_check"  # the agent asked one direct question about a red flag
QUESTION = re.compile(r"[^.!?。]*\?")  # a question sentence of the agent's turn
TOPIC_THRESHOLD = 0.5  # a question that matches the script's this well is the script's
Target = tuple[str, str | None]  # (identity | item | followup | closing | again, item id)


class CallerEar:
    """Mixin for `SimulatedCaller`: the attributes it reads (`persona`, `scenario`,
    `threshold`, `_targets`, `_idf`, `_reactions`, `_checks`, `_answered`, `_last`) are set by
    the caller's `__init__`."""

    def which(self, heard: str) -> Target | None:
        """The target the heard words match best, or None when nothing matches well enough.

        A person expects the conversation to go on in order, so the next item of the script
        and the follow-up of the last answer get a head start over the rest, and a re-ask
        ("Sorry, I didn't catch that ...") points back to the question just answered.
        """
        heard_terms = self._terms(heard)
        said = set(heard_terms)
        if not said:
            return None
        reaction = max(self._reactions, key=lambda r: len(said & r) / len(r), default=set())
        if reaction and len(said & reaction) / len(reaction) >= 0.5:
            left = [w for w in heard_terms if w not in reaction]
            if left:
                heard_terms, said = left, set(left)
        # Order is expected once the check-in is under way; its first question may be about
        # last time (memory opens the conversation), so then it counts for little.
        first = self._answered == {IDENTITY}
        prior = {self._next_in_script(): 0.05 if first else 0.2}
        if self._last[0] == "item" and self._last[1]:
            # Persons know what they answered: a follow-up is likely after this one.
            expected = self._followup_expected(self._last[1])
            prior[("followup", self._last[1])] = 0.3 if expected else 0.1
        total, score, target = self._best(said, prior)
        # The question comes last, after the agent's reaction to the previous answer ("Well
        # done for having a good meal. How did you sleep?"): what the end says clearly wins.
        tail = set(heard_terms[-TAIL_TERMS:])
        if tail != said:
            tail_total, tail_score, tail_target = self._best(tail, prior)
            if tail_score >= self.threshold + 0.15:
                total, score, target = tail_total, tail_score, tail_target
        again, words, kind = max(
            (
                (self._overlap(said, ts, exact=True), set(ts), t[0])
                for t, ts in self._targets
                if t[0] in (AGAIN, BACK)
            ),
            key=lambda a: a[0],
            default=(0.0, set(), AGAIN),
        )
        check = max((len(said & q) / len(q) for q in self._checks if q), default=0.0)
        if check >= CHECK_HEARD and check > total:
            return (SAFETY, None)
        if again >= 0.6 and again > total and kind == BACK:
            # "Let me come back to my question. <question>": the question still open, which
            # need not be the one just answered.
            _, score, target = self._best(said - words, {self._next_in_script(): 0.1})
            return target if score >= self.threshold else None
        if again >= 0.6 and again > total:
            # "Sorry, I didn't catch that. <question>": judge the question part on its own.
            _, score, target = self._best(said - words, {self._last: 0.3})
            return target if score >= self.threshold else self._last
        return target if score >= self.threshold else None

    def _best(self, said: set[str], prior: dict[Target, float]) -> tuple[float, float, Target]:
        """(score with prior, score, target) of the best target for the heard words."""
        best: tuple[float, float, Target] = (-1.0, 0.0, self._next_in_script())
        ending = best[2][0]
        for target, expected in self._targets:
            if target[0] in (AGAIN, BACK):
                continue
            score = self._overlap(said, expected)
            # Answered items come back only as re-asks, which are rarer than new questions, and
            # least of all the one just answered (its words are in the agent's reaction).
            answered = -0.3 if target == self._last else -0.1
            bias = prior.get(target, answered if target[1] in self._answered else 0.0)
            if target[0] == "closing" and ending != "closing":
                # Goodbye before the questions are done is rare, and taking it for one leaves
                # the person silent for the rest of the call: it must be heard clearly.
                bias -= 0.2
            if score + bias > best[0]:
                best = (score + bias, score, target)
        return best

    def _overlap(self, said: set[str], expected: list[str], *, exact: bool = False) -> float:
        """Share of the target's information (idf) that was heard; mis-heard long words count
        by their similarity, short ones only when exact."""
        wanted = set(expected)
        rare = max(self._idf.values(), default=1.0)  # a memory fact's word no target has
        idf = {t: self._idf.get(t, rare) for t in wanted}
        total = sum(idf.values())
        if not total:
            return 0.0
        hit = 0.0
        for t in wanted:
            if t in said:
                hit += idf[t]
            elif not exact and self.scenario.language != "ko" and len(t) >= 4:
                sim = max((similar_words(t, s) for s in said if len(s) >= 3), default=0.0)
                hit += idf[t] * sim if sim >= 0.75 else 0.0
        return hit / total

    def _terms(self, text: str) -> list[str]:
        # One- and two-letter English words ("a", "is", "do") are mostly recognizer filler.
        found = terms(text, self.scenario.language)
        return found if self.scenario.language == "ko" else [t for t in found if len(t) > 2]

    def _expected(self, heard: str) -> Target:
        """What a patient person answers when they did not make out the question: the
        follow-up their last answer calls for, when what they heard is more like it than the
        next question of the script, else that next question."""
        last, after = self._last, self._next_in_script()
        if last[0] == "item" and last[1] and self._followup_expected(last[1]):
            said = set(self._terms(heard))
            followup = ("followup", last[1])

            def like(target: Target) -> float:
                return max((self._overlap(said, ts) for t, ts in self._targets if t == target),
                           default=0.0)  # fmt: skip

            if like(followup) > like(after):
                return followup
        return after

    def _next_in_script(self) -> Target:
        if IDENTITY not in self._answered:
            return (IDENTITY, None)
        for item in self.scenario.items:
            if item.id not in self._answered:
                return ("item", item.id)
        return ("closing", None)

    def _reaction_targets(self) -> list[tuple[Target, list[str]]]:
        """Follow-ups as the agent says them, after the bank's reaction to the answer ("That
        must be uncomfortable. How long has it been hurting?"), as it did after the ack."""
        from dialogue.conversation.talk import default_retriever

        retriever = default_retriever(self.scenario.language)
        out = []
        for item in self.scenario.items if retriever is not None else []:
            for answer_class, question in item.followups.items():
                situation = retriever.answer_reactions(item.id, answer_class)
                for reaction in situation.reactions if situation is not None else ():
                    out.append((("followup", item.id), self._terms(f"{reaction} {question}")))
        return out

    def _memory_targets(self) -> list[tuple[Target, list[str]]]:
        s, out = self.scenario, []
        names = {"recipient_name": self.persona.name, "agent_name": s.agent.name}
        for item in s.items:
            if not item.memory_question:
                continue
            for fact in [fill(r, detail="") for a in item.answers for r in a.remember]:
                text = fill(item.memory_question, **names, organization="", fact=fact)
                words = [w for w in self._terms(text) if w in self._idf or w in self._terms(fact)]
                out.append((("item", item.id), words))
        return [(target, ts) for target, ts in out if ts]

    def _build_targets(self) -> list[tuple[Target, list[str]]]:
        s = self.scenario
        names = {
            "recipient_name": self.persona.name,
            "agent_name": s.agent.name,
            "organization": s.agent.organization,
        }

        def t(text: str) -> list[str]:
            return self._terms(fill(text, **names, fact="", question=""))

        out: list[tuple[Target, list[str]]] = [
            ((IDENTITY, None), t(s.opening.question)),
            ((IDENTITY, None), t(s.opening.retry)),
            # The opening's greeting and disclosure come just before the question: the ears
            # may catch them and not the question's few words.
            ((IDENTITY, None), t(f"{s.opening.text} {s.opening.disclosure}")),
        ]
        for item in s.items:
            questions = item.questions + ([item.memory_question] if item.memory_question else [])
            out += [(("item", item.id), t(q)) for q in questions]
            for answer_class, question in item.followups.items():
                # The follow-up comes after the answer's acknowledgement: both identify it.
                answer = item.answer(answer_class)
                ack = answer.ack if answer and answer.ack else ""
                target = ("followup", item.id)
                out += [(target, t(f"{ack} {question}")), (target, t(question))]
        endings = [s.closing.text, s.silence.give_up, s.opening.wrong_person]
        endings += [e.say for e in s.emergency]
        out += [(("closing", None), t(text)) for text in endings]

        again = [*s.reprompts, s.silence.reprompt] + ([s.repeat.say] if s.repeat else [])
        out += [((AGAIN, None), t(text)) for text in again]
        back = [r.replace("{question}", "") for r in RETURNS.get(s.language, [])]
        out += [((BACK, None), t(text)) for text in back]
        return [(target, ts) for target, ts in out if ts]
