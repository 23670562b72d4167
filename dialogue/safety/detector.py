"""`EmergencyDetector`: the language module's findings, a scenario's own rules, and an LLM's
second opinion, combined into one `Assessment` per utterance.

The LLM is asked only when the rules say `none` or `check`, and may only raise `none` to
`check`: a model that hallucinates can make the agent ask one more question, never end a call
on an emergency script nor hide an emergency the rules found. Any error or unusable answer
from it changes nothing.

Last, the learned layer (`dialogue.learned`), when on, may raise a `none` left by both to
`check`, under the same rule: it never decides `emergency` and never lowers. In a call,
`asked` is the check-in item just asked: a confident answer to it needs a higher margin
before the learned layer alone asks a check question (`dialogue.learned.gate`).
"""

from __future__ import annotations

import importlib
import json
import logging
import re
from collections.abc import Sequence
from types import ModuleType

from dialogue.analysis import Analysis, analyze
from dialogue.llm import ChatModel
from dialogue.safety import NONE, Assessment, Decision, Finding, combine
from dialogue.scenario import Emergency, Item

log = logging.getLogger(__name__)

PROMPT = (
    "You screen what an older person said on a care check-in call. Does it suggest a "
    "medical or safety emergency happening now (chest pain, breathing trouble, stroke signs, "
    "a fall, fainting, heavy bleeding, overdose, suicidal thoughts, sudden confusion, fire, "
    "smoke or gas, an intruder or violence, days without food, a cry for help)? Past, "
    "resolved, hypothetical or someone else's troubles that are not happening now do not "
    'count. Answer with JSON only: {"emergency": true|false, "category": "<one word>"}.'
)
_JSON = re.compile(r"\{.*?\}", re.S)
_LANG_MODULES = {"en": "dialogue.safety.en", "ko": "dialogue.safety.ko"}


def _language_module(language: str) -> ModuleType | None:
    """The language's findings module; None where there is none yet (no rules: no findings)."""
    name = _LANG_MODULES.get(language)
    if name is None:
        return None
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:  # the module exists but something it imports does not
            raise
        return None


LEARNED = "learned:"


class EmergencyDetector:
    """`learned`: ask the learned layer on a `none` (None: the process-wide switch,
    `dialogue.learned.set_enabled`, which the pipeline sets from `settings.learned_layer`)."""

    def __init__(
        self,
        scenario_rules: Sequence[Emergency] = (),
        llm: ChatModel | None = None,
        *,
        learned: bool | None = None,
    ) -> None:
        self.scenario_rules = tuple(scenario_rules)
        self.llm = llm
        self.learned = learned

    def assess(self, text: str, language: str, *, asked: Item | None = None) -> Assessment:
        found: list[Finding] = []
        if text.strip():
            module = _language_module(language)
            analysis = analyze(text, language) if module is not None else None
            if module is not None:
                found.extend(module.findings(analysis))
            found.extend(self._scenario_findings(text, language, module, analysis))
        assessment = combine(found) if found else NONE
        if asked is not None and assessment.decision == Decision.EMERGENCY:
            assessment = _todays_dose(assessment, text, language, asked)
        if self.llm is not None and assessment.decision != Decision.EMERGENCY and text.strip():
            opinion = self._second_opinion(text, language)
            if opinion is not None and assessment.decision == Decision.NONE:
                assessment = Assessment(Decision.CHECK, (*assessment.findings, opinion))
        if assessment.decision == Decision.NONE and text.strip() and _contentful(analysis):
            assessment = self._learned(text, language, assessment, asked)
        return assessment

    def _learned(
        self, text: str, language: str, assessment: Assessment, asked: Item | None = None
    ) -> Assessment:
        from dialogue import learned

        on = learned.enabled() if self.learned is None else self.learned
        layer = learned.emergency_layer(language) if on else None
        flagged = layer.flags(text, answering=asked) if layer is not None else None
        if flagged is None:
            return assessment
        p, category = flagged
        finding = Finding(category, Decision.CHECK, text[:200], f"{LEARNED}{p:.2f}")
        return Assessment(Decision.CHECK, (*assessment.findings, finding))

    def _scenario_findings(
        self,
        text: str,
        language: str,
        module: ModuleType | None = None,
        analysis: Analysis | None = None,
    ) -> list[Finding]:
        """Each of the scenario's own keyword/pattern rules, negated mentions excluded.

        A language module with `scope_words` (English) also judges the words matched: words its
        own rules already cover are left to them, and other words get the same scope as its
        findings (past, someone else's, hypothetical, a story...). Without it (Korean for now),
        a match is an emergency unless negated, as before.
        """
        if not self.scenario_rules:
            return []
        from dialogue.extract import _exact, _korean, _negated
        from dialogue.text import normalize

        norm = normalize(text)
        korean = _korean(language, norm)
        out = []
        for emergency in self.scenario_rules:
            for m in _exact(emergency.id, emergency, norm, korean):
                if _negated(norm, m, korean) is not None:
                    continue
                words = norm[m.start : m.end]
                decision = Decision.EMERGENCY
                scope = getattr(module, "scope_words", None)
                if scope is not None and analysis is not None:
                    known, scoped = scope(analysis, words, emergency.id)
                    if scoped is None and (known or _findable(analysis, words)):
                        continue
                    decision = scoped or Decision.EMERGENCY
                out.append(Finding(emergency.id, decision, words, f"scenario:{emergency.id}"))
                break
        return out

    def _second_opinion(self, text: str, language: str) -> Finding | None:
        messages = [
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": f"Language: {language}\nThey said: {text}"},
        ]
        try:
            reply = self.llm.generate(messages, temperature=0.0, max_tokens=40)
        except Exception as exc:  # a second opinion must never break the call
            log.warning("safety second opinion failed: %s", exc)
            return None
        match = _JSON.search(reply or "")
        if not match:
            return None
        try:
            answer = json.loads(match.group())
        except ValueError:
            return None
        if not isinstance(answer, dict) or answer.get("emergency") is not True:
            return None
        category = str(answer.get("category") or "llm")[:40]
        return Finding(category, Decision.CHECK, text[:200], "llm:second-opinion")


_MEDICINE_ITEM = re.compile(r"medic|pill|tablet|drug|dose|약", re.IGNORECASE)
# Words that make "I took all of them" more than the day's pills, even as an answer about them.
_MORE_THAN_A_DOSE = {
    "en": re.compile(
        r"\b(bottles?|box(es)?|packets?|strips?|whole|handful|too many|too much|extra|double|"
        r"twice|at once|in one go|sleeping|lots|a lot|dozens?|more than|overdose|on purpose|"
        r"everything|all (the|my|of my) \w+ (pills|tablets))\b",
        re.IGNORECASE,
    ),
    "ko": re.compile(
        r"한꺼번에|한 ?번에|통째|통으로|몽땅|털어|수면제|많이|더 먹|두 ?번|여러 알|한 ?통|일부러"
    ),
}


def _todays_dose(assessment: Assessment, text: str, language: str, asked: Item) -> Assessment:
    """ "Yes, I took all of them with my breakfast", answering the question about today's
    medicine, is most likely the day's pills: an overdose finding with no word of more than a
    dose (a bottle, at once, extra, sleeping pills...) asks the check question ("Did you take
    more medicine than you should have?") instead of ending the call as an emergency."""
    if not _MEDICINE_ITEM.search(f"{asked.id} {asked.topic}"):
        return assessment
    if any(f.category != "overdose" for f in assessment.findings):
        return assessment
    more = _MORE_THAN_A_DOSE.get(language)
    if more is None or more.search(text):
        return assessment
    checks = tuple(
        Finding(f.category, Decision.CHECK, f.evidence, f.rule) for f in assessment.findings
    )
    return Assessment(Decision.CHECK, checks)


# Words that carry no content of their own: a misheard "the and this is at all" is made of them.
_LIGHT_EN = frozenset(
    "be have do come go get will would can could shall should may might must let".split()
)
_CONTENT_EN = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB", "X"})


def _contentful(analysis: Analysis | None) -> bool:
    """Whether the utterance has a content word (a noun, a verb other than be/have/do/go...,
    an adjective, a number; Korean: `analysis.ko.content_lemmas`, as retrieval reads it). The
    learned layer is a classifier over words and n-grams: on function words alone (a garbled
    turn such as "the and this is at all", or "그 저 뭐") its score is noise, and a check it
    raised there turned the next misheard reply into a critical alert. Languages without an
    analysis keep it."""
    if analysis is None:
        return True
    if analysis.language == "ko":
        from dialogue.analysis.ko import content_lemmas

        return bool(content_lemmas(analysis))  # retrieval's content morphemes (VA-I too)
    return any(
        t.tag in _CONTENT_EN and not (t.tag == "VERB" and t.lemma in _LIGHT_EN)
        for t in analysis.tokens
    )


def layer_of(assessment: Assessment) -> str:
    """Which layer decided: "learned" or "llm" where one raised the decision, else "rules"."""
    top = assessment.top
    if top is not None and top.rule.startswith(LEARNED):
        return "learned"
    if top is not None and top.rule.startswith("llm:"):
        return "llm"
    return "rules"


def _findable(analysis: Analysis, words: str) -> bool:
    """Whether `words` lie among the analysed tokens (else scope could not judge them)."""
    surfaces = "".join(t.surface.replace("'", "") for t in analysis.tokens)
    return words.replace("'", "").replace(" ", "") in surfaces
