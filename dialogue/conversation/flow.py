"""The check-in flow of the engine: identity, each item's answer, its follow-up, the next
question (P4 split of `dialogue.engine`, which keeps the state, the line's entry points,
safety and the report).

An answer is extracted, stored with its reaction (or the reaction to a remark said with it),
a question to the agent said with it is answered too, then the item's follow-up or the next
uncovered item is asked; nothing recognisable is an off-script turn
(`dialogue.conversation.turns`). An answer that only a mis-heard keyword or an example's
resemblance gave (`Extraction.weak`) gives way to a remark, feeling or question to the agent
the words clearly make: "it came out lovely and moist" is not "I missed them".
"""

from __future__ import annotations

from dialogue.conversation.passing import in_passing
from dialogue.conversation.turns import ConversationTurns
from dialogue.extract import Extraction, extract, identity_answer
from dialogue.llm_extract import llm_extract
from dialogue.scenario import DONT_KNOW
from dialogue.text import normalize
from dialogue.turn import AgentTurn, join

# How sure an answer read from a remark's situation is (the keyword rules give 0.6-1.0).
IMPLIED_CONFIDENCE = 0.5


class CheckinFlow(ConversationTurns):
    def _identity(self, text: str) -> AgentTurn:
        answer = identity_answer(self.scenario, text)
        opening = self.scenario.opening
        if answer == "deny" and self._about_own_day(text):
            answer = None  # "no, I had not eaten anything": a check-in answer, not "wrong person"
        if answer == "deny":
            return self._finish("wrong_person", self._fill(opening.wrong_person), "closing")
        if answer == "confirm" or self._identity_retried:
            self._phase = "items"
            lead = self._fill(opening.confirmed) if answer == "confirm" else ""
            return self._ask(self._first_index(), lead)
        asked = self._talk.off_script(text, has_time=False, remarks=False)
        if asked is not None:
            # "Who is this? Are you a real person?": answered, then who is speaking, again.
            said = join(asked.lead, self._role_text(asked, text))
            question = self._fill(opening.question)
            return AgentTurn(
                join(said, question), "role", None, self._identity_vocabulary(), False,
                asked.situation,
            )  # fmt: skip
        self._identity_retried = True
        return AgentTurn(self._fill(opening.retry), "clarify", expected=self._identity_vocabulary())

    def _about_own_day(self, text: str) -> bool:
        """An English reply whose words besides the denial ("no") speak of the speaker's own
        day and answer a check-in item surely: its "no" is about that, not about who is
        speaking ("no, I had not eaten anything"; but "no, I'm her son", "no, she's out")."""
        if self.scenario.language != "en":
            return False
        deny = {k for k in self.scenario.opening.deny.keywords if " " not in k}
        words = [w for w in normalize(text).split() if w not in deny]
        if not {"i", "i'm", "im", "my", "me"} & set(words) or {"she", "he", "her", "his"} & set(
            words
        ):
            return False  # not about the speaker, or about the person the call is for
        rest = " ".join(words)
        for item in self.scenario.items:
            found = extract(item, rest, language="en")
            if found.answer_class not in (None, DONT_KNOW) and not found.weak:
                return found.confidence >= 0.6
        return False

    def _answer(self, text: str) -> AgentTurn:
        item = self._item
        topic, self._after_topic = self._after_topic, False
        if topic:  # an answer to the agent's own follow-up answers the item only in passing
            found = next(iter(in_passing(self.scenario, [item.id], text)), None)
            found = found or Extraction(item.id, None)
        elif not (said := self._statements(text)):
            found = Extraction(item.id, None)  # only questions to the agent
        else:
            found = extract(
                item, said, language=self.scenario.language, dont_know=self.scenario.dont_know
            )
            if self._llm is not None:
                found, source = llm_extract(self._llm, item, self._question, said, found)
                self._llm_fallbacks += source == "error"
            unsure = found.weak or found.answer_class == DONT_KNOW
            # The same weak answer said again after the question was asked again is what the
            # person means, whatever a stray word of it may retrieve.
            again = found.weak and self._unsure == (item.id, found.answer_class, found.evidence)
            self._unsure = (item.id, found.answer_class, found.evidence) if found.weak else None
            besides = found.evidence if found.weak else ""
            if unsure and not again and self._talk.makes_remark(text, besides=besides):
                if found.weak:  # kept: the answer if nothing surer comes (`_off_script`)
                    self._yielded[item.id] = found
                # a remark, not a mis-heard answer nor "I don't know" ("하루가 왜 이렇게 긴지
                # 모르겠어요" is boredom, not a don't-know to the question); a weak answer gives
                # way only to a remark clearly about something else
                found = Extraction(item.id, None)
        implied = None
        if found.answer_class is None and not topic and said:
            # "I've no appetite these days" to "Have you eaten?": the remark's situation says
            # what the answer is (the bank's `answers`), so the item is answered with it.
            if (implied := self._talk.implied(said, item)) is not None:
                found = Extraction(item.id, implied[1], said.strip(), IMPLIED_CONFIDENCE)
        passing = self._passing(text, skip=item.id, used=found.evidence)
        if found.answer_class is None:
            return self._off_script(text, passing, after_topic=topic)
        reaction = self._store(item, found, text, react=implied is None)
        if implied is not None:
            reaction = self._talk.react_to(implied[0]) or self._talk.answer(
                item.id, implied[1], text, found.evidence, flagged=False
            )
        if found.answer_class == DONT_KNOW:
            return self._next(self._fill(self.scenario.dont_know.say))
        answer = item.answer(found.answer_class)
        assert answer is not None  # extract only returns the item's classes
        lead = reaction.text if reaction else self._fill(answer.ack or "")
        situation = reaction.situation if reaction else None
        asked = self._talk.agent_question(text)
        if asked is not None and (role := self._talk.role(asked)) is not None:
            # "I'm lonely. Can you come and visit me?": the question is answered as well.
            # The turn is about the question the person asked, which it answers, more than
            # about the answer's reaction (a remark the question's own words retrieved).
            lead, situation = join(lead, self._role_text(role, text)), asked.id
        if followup := item.followups.get(found.answer_class):
            self._phase = "followup"
            self._question = self._fill(followup)
            return AgentTurn(
                join(lead, self._question), "followup", item.id, self._vocab(item),
                situation=situation,
            )  # fmt: skip
        return self._next(lead, situation)

    def _followup_answer(self, text: str) -> AgentTurn:
        item = self._item
        result = self._results[item.id]
        result.followup = text.strip()
        more = extract(item, text, language=self.scenario.language)
        if more.detail and not result.detail:
            result.detail = more.detail
        self._phase = "items"
        self._passing(text, skip=item.id)
        reaction = self._talk.remark(text)
        return self._next(reaction.text if reaction else "", reaction and reaction.situation)

    def _next(self, ack: str, situation: str | None = None) -> AgentTurn:
        self._reprompted, self._repeats = False, 0
        index = next(
            (i for i, it in enumerate(self.scenario.items)
             if self._results[it.id].status == "skipped" and i != self._index),
            None,
        )  # fmt: skip
        if index is None:
            # Once, before the goodbye: an item left unanswered is asked again (the person may
            # answer it now that their story is told); a second miss leaves it unanswered.
            index = next(
                (i for i, it in enumerate(self.scenario.items)
                 if self._results[it.id].status == "unanswered" and it.id not in self._retried
                 and i != self._index),
                None,
            )  # fmt: skip
            if index is not None:
                self._retried.add(self.scenario.items[index].id)
        if index is None:
            turn = self._finish("completed", join(ack, self._closing_text()), "closing")
            return AgentTurn(turn.text, turn.kind, end_call=True, situation=situation)
        # A transition ("Thanks.", "그러셨군요.") is said once a call, like the bank's lines it
        # shares words with; when all were said the question comes on its own.
        fresh = [t for t in self.scenario.transitions if not self._talk.reactions.used(t)]
        choice = self._rng.choice(fresh or list(self.scenario.transitions))
        transition = self._fill(choice) if fresh else ""
        return self._ask(index, ack or transition, situation)

    def _ask(self, index: int, lead: str, situation: str | None = None) -> AgentTurn:
        if self._elapsed() > self.scenario.time_limit_s:
            return self._finish("time_limit", join(lead, self._closing_text()), "closing")
        self._index = index
        item = self._item
        fact = self._memory.get(item.id)
        if fact is not None and item.memory_question:
            self._question = self._fill(item.memory_question, fact=fact.value)
            self._remembered = fact.value
        else:
            self._question = self._fill(self._rng.choice(item.questions))
            self._remembered = ""
        return AgentTurn(
            join(lead, self._question), "question", item.id, self._vocab(item),
            situation=situation,
        )  # fmt: skip
