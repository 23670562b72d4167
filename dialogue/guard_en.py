"""English role rules (P3): what one agent sentence must not say, judged on its lemmas.

Each rule is a pattern over the sentence's lemmas (`guard_en_lexicon`), so "I'll", "I will"
and "I'm going to" are one future, "knees" is "knee" and "was" is "be". Whether the words
are allowed is decided by the sentence itself, never by shared words with what the person
said:
- claims about the world are fine when they are asked ("Is it hot where you are?"), quoted
  from the person ("You said it's hot, so please drink water") or conditional ("if it gets
  hot"); a tag question ("It's hot, isn't it?") still asserts;
- "I'll let your care worker know" is true only when an alert channel is configured
  (`context.alerting`); a visit is never the agent's to promise;
- medication words are fine in a question ("Did you take your medicine?"), a reminder of the
  usual regimen, or a referral ("ask your doctor about your dose");
- memory claims ("last time you told me ...") need a fact in `context.facts` that shares a
  content word with the claim.
Three layers, because violations in new wordings slipped past sentence-shaped patterns:
- word patterns (`guard_en_patterns`, `guard_en_persona`);
- rules by meaning, in wide classes (`guard_en_meaning`, `guard_en_claims`): a service person
  with a future toward the person, an errand said done in the passive, a medicine next to a
  change or a promise of relief, a remedy said to work, judgements framed as opinions;
- structure, fail-closed (`guard_en_shape`, `guard_en_promise`): after "I'll / I can / let me"
  only the agent's own verbs pass (ask, note, pass on, remind, call again); anyone else's
  future is a claim; "I" with a past verb is a life or an act; an order about the body; a word
  no dictionary knows before something sold. `_agent_acts` below reads "I" + any verb outside
  `lexicon.AGENT_VERBS` the same way.
Each rule carries literals one of which every match holds, so most rules are not scanned.
Measured (bench/bench_guard.py, shared 2-core machine): 0.8 ms CPU per sentence, main 0.5.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from dialogue import guard_en_lexicon as lx
from dialogue.analysis import Analysis, analyze
from dialogue.guard import GuardContext, Violation
from dialogue.guard_en_claims import CLAIM_CLASSES
from dialogue.guard_en_lexicon import (
    CARE_TEAM,
    CONDITION,
    DISCLAIMED,
    HOPE,
    IGNORANCE,
    IMPERATIVE,
    MEET_VERBS,
    MEMORY_MARKER,
    NEG_BEFORE,
    NOT_HUMAN,
    OUTSIDE,
    PERSONAL_NEWS,
    QUOTE,
    REFERRAL,
    REGIMEN_VERBS,
    SYMPTOMS,
    THIRD_PARTY_MEET,
    WRAPPERS,
)
from dialogue.guard_en_meaning import MORE_CLASSES
from dialogue.guard_en_more import NO_RECORD
from dialogue.guard_en_patterns import ALERT, ASSERT, REFER, RULES
from dialogue.guard_en_shape import (
    CALL_WORDS,
    CAUSAL_QUOTE,
    COMPARED,
    FRAMED,
    IS_NEXT,
    NOTED,
    OWN_MEMORY,
    QUOTED,
    REACT,
    RHETORICAL,
    allowed_more,
    necessary_literals,
    shape_violations,
)

# "Could you cut back to one tablet?" asks nothing: it tells.
SUGGESTION = (
    r"(?:could|would|can|will) you (?:\w+ )?(?:try|cut|stop|skip|take|double|halve|increase|"
    r"reduce|start|switch|put|do|use|keep|rest|elevate|apply|change|move|drop|leave)\b"
)


@dataclass(frozen=True)
class _Rule:
    category: str
    surface: bool
    pattern: re.Pattern[str]
    flags: frozenset[str]
    need: tuple[str, ...] | None = None  # one of these is in every match (a cheap pre-check)


# every word class the rules name as {CLASS}: the lexicon's, meanings' and claims'
CLASSES = {**lx.CLASSES, **MORE_CLASSES, **CLAIM_CLASSES}


def fill(pattern: str) -> str:
    """`pattern` with each {CLASS} replaced by its alternatives (classes nest 3 deep at most)."""
    for _ in range(3):
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: CLASSES[m.group(1)], pattern)
    return pattern


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    out = []
    for category, pattern, flags in RULES:
        surface = pattern.startswith("S:")
        body = pattern[2:] if surface else pattern
        filled = fill(body)
        need = necessary_literals(filled)
        out.append(_Rule(category, surface, re.compile(filled), flags, need))
    return tuple(out)


class _Sentence:
    """A sentence's lemma and surface strings, with a way back to its words."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        toks = analysis.tokens
        lemmas = [t.lemma for t in toks]
        for k in range(len(toks) - 1):  # "a carer's coming" is "be", not a possessive
            if lemmas[k] == "'s" and (
                toks[k + 1].surface.endswith("ing") or toks[k + 1].surface in IS_NEXT
            ):
                lemmas[k] = "be"  # "your heart's fine", "everybody's down with it"
            if k and toks[k - 1].surface == "let" and toks[k].surface in ("'s", "me"):
                lemmas[k] = toks[k].surface  # "let's have lunch", "let me phone": not be, my
        self.lemmas = " ".join(lemmas)
        self.surface = " ".join(t.surface for t in toks)
        self._starts_l = _starts(lemmas)
        self._starts_s = _starts([t.surface for t in toks])
        first = toks[0].lemma if toks else ""
        self.question = (
            analysis.text.rstrip().endswith("?")
            and (first in lx.QUESTION_START or " you " in f" {self.lemmas} ")
            and not re.match(r"(?:why not|why do not you|how about|what about)\b", self.lemmas)
            and not re.match(SUGGESTION, self.lemmas)
            and not re.match(r"be not (?:it|this|that|the)|do not you (?:think|agree)", self.lemmas)
        )  # "Why not try half a tablet?" suggests
        if self.question and RHETORICAL.search(self.lemmas):
            self.question = False  # "Gas prices jumped again, can you believe it?"
        if self.question and any(self.lemmas.endswith(" " + tag) for tag in lx.TAGS):
            self.question = first in lx.QUESTION_START  # "It's hot, isn't it?" asserts

    def evidence(self, m: re.Match[str], surface: bool) -> str:
        starts = self._starts_s if surface else self._starts_l
        first = max(bisect_right(starts, m.start()) - 1, 0)
        last = max(bisect_right(starts, max(m.end() - 1, m.start())) - 1, first)
        return self.analysis.span(first, min(last, len(self.analysis.tokens) - 1))


def _starts(words: list[str]) -> list[int]:
    out, at = [], 0
    for w in words:
        out.append(at)
        at += len(w) + 1
    return out


# a question asked of someone else and passed on: "ask your doctor whether ...", "find out if"
EMBEDDED_ASK = re.compile(
    r"\b(?:ask|check with|find out from|enquire with|inquire with)\b(?: \S+){0,5}? "
    r"(?:whether|if)\b(?! i\b| we\b)(?: \S+){0,3} ?$"
)
HEARD = re.compile(r"\b(?:voice|hear|sound|over the phone|on the phone|down the line)\b")
LOOKED = re.compile(r"\b(?:i (?:can |could )?(?:see|saw|spot|notice|watch)|look|looking)\b")


def _allowed(rule: _Rule, s: _Sentence, m: re.Match[str], context: GuardContext) -> bool:
    text = s.surface if rule.surface else s.lemmas
    before, matched, after = text[: m.start()], m.group(), text[m.end() :]
    before = WRAPPERS.sub(" ", before)  # "if you don't mind, ..." neither asks nor refuses
    if allowed_more(rule.category, rule.flags, s, before, matched + after, context.alerting):
        return True
    if rule.category != "impolite" and EMBEDDED_ASK.search(before):
        return True  # "I'll ask your care worker whether someone can call in": a question passed on
    if rule.category == "seeing" and HEARD.search(text) and not LOOKED.search(text):
        return True  # "there's a smile in your voice": hearing is not seeing
    if NEG_BEFORE.search(before) and rule.category not in ("impolite", "reassurance"):
        return True  # "I can't visit", "no need to buy anything": the sentence refuses it
    if rule.category in ("visit", "meeting", "action", "seeing") and DISCLAIMED.search(before):
        return True  # "I can't meet up in person, but ...": refused earlier in the clause
    if ASSERT in rule.flags and not _presupposed(rule, before, after):
        if s.question and rule.category != "reassurance":
            return True
        framed = FRAMED.search(before) or (rule.category != "world" and CAUSAL_QUOTE.search(before))
        if (QUOTE.search(before) and not framed) or IGNORANCE.search(before):
            return True  # "you said ...", "I don't know what the weather is like"
        if rule.category == "diagnosis" and re.search(
            r"\b(?:whether|if)\b(?: \S+){0,2} ?$", before
        ):
            return True  # "your doctor can tell you whether it's arthritis"
        if rule.category in ("world", "action") and re.match(r"so (?!i |we )", text):
            return True  # "So your appointment has been moved": summing up what they said
        if rule.category == "world" and re.search(
            r"\bi be sorry (?:that )?(?:the |your )?$", before
        ):
            return True  # "I'm sorry the rain kept you indoors": what they told the agent
        if (
            rule.category == "world"
            and re.search(r"\bsound (?:as if|as though|like) (?:the |all the |that )?$", before)
            and re.search(r"\byou\b", after)
            and not re.search(r"\b(?:will|'ll|go to|tomorrow|later|tonight|next)\b", after)
        ):
            return True  # "it sounds as if the rain kept you in": their day, said back
        if (
            rule.category == "world"
            and re.match(r"i (?:see|understand)\b", matched)
            and re.search(r"\bi (?:see|understand)\s*[,;.!—–-]", s.analysis.text, re.I)
        ):
            return True  # "I see, it slipped by today": a reaction, not "I see (that) ..."
        if rule.category == "world" and (QUOTE.search(text) or CONDITION.search(text)):
            return True  # "Since it's raining, as you said"; "On hot days, drink water"
    if rule.category == "action" and re.search(
        r"make sure .*\b(?:see|read|get) (?:this|it|that|the)", text
    ):
        return True  # "I'll make sure your care worker sees this": the report goes to them
    if ALERT in rule.flags and context.alerting:
        if CARE_TEAM.search(text) and not OUTSIDE.search(text):
            return True
    if REFER in rule.flags and (
        REFERRAL.search(before) or (REFERRAL.search(text) and re.search(r"\bnot $", before))
    ):
        return True  # "ask your doctor about your dose", "don't stop it without asking"
    if (
        rule.category == "human"
        and "own_night" not in rule.flags
        and (NOT_HUMAN.search(text) or NOT_HUMAN.search(s.lemmas))
    ):
        return True  # "I'm an AI, so I don't eat"
    if rule.category in ("visit", "action", "meeting") and re.search(r"\b(?:not|never)\b", matched):
        return True  # "I won't be able to visit"
    if rule.category in ("visit", "action") and re.search(
        r"\b(?:that|which|what|anything|something) $", before
    ):
        return True  # "Is there anything that I should pass on?" asks, it does not promise
    if (
        rule.category == "visit"
        and re.search(
            r"\byour (?:own )?(?:doctor|gp|nurse|pharmacist|physio|dentist|optician) "
            r"(?:\w+ )?(?:(?:might|may|would|will probably|will likely) "
            r"(?:well |probably )?(?:want|like|wish) to|(?:can|could|be able to) "
            r"(?:have|take) a (?:proper |closer |good )?look)\b",
            before + matched,
        )
        and not re.search(
            r"\b(?:come|pop|round|over|drop|visit|call in|on you|to you|your home|"
            r"your house)\b",
            matched + after,
        )
    ):
        return True  # "your doctor might want to / can have a look at it": go and see them
    if rule.category == "seeing" and re.search(r"\b(?:hear|sound)\b", before):
        return True  # "I can hear you're smiling"
    if "hope" in rule.flags and HOPE.search(text):
        return True
    if "past" in rule.flags and not re.match(r"(?:i|we) (?:have|be|just|already)", matched):
        return not OUTSIDE.search(matched)  # "I called": only a reach the agent lacks counts
    if "meet_ctx" in rule.flags:
        if re.search(r"\b(?:take|mix|combine|stick|put) (?:\w+ )?together", text):
            return not re.search(r"\b(?:we|us|me|let 's)\b", text)
        return not MEET_VERBS.search(text) or bool(THIRD_PARTY_MEET.search(text))
    if "news_ctx" in rule.flags and matched == "news":  # "wonderful news about your grandson"
        return bool(PERSONAL_NEWS.search(before) or re.match(r" (?:about|from|of) ", after))
    if "news_ctx" in rule.flags and matched in ("price", "traffic", "strike", "the game"):
        return not re.search(r"\b(?:go up|rise|high|bad|heavy|everywhere)\b", after)
    if "regimen_ctx" in rule.flags:
        return not REGIMEN_VERBS.search(text)
    if "self_feel" in rule.flags and re.search(
        r"\bi {W}?be (?:sure|sorry|glad|happy|here|afraid|not sure)\b".replace("{W}", lx.W),
        before + matched,
    ):
        return not re.search(r"tired|hungry|sleepy|sick|exhausted", matched)
    if "symptom_ctx" in rule.flags and not SYMPTOMS.search(s.lemmas):
        return True  # "That's fine, take your time" reassures about nothing medical
    if "imperative" in rule.flags and not IMPERATIVE.search(s.surface):
        return True
    if "habit" in rule.flags and s.question:
        return True
    return False


# "Did you hear the prime minister resigned?": the question takes the news as given
_HEARD = re.compile(
    r"^(?:do|have) you (?:\w+ )?(?:hear|see|read)(?: that| about how)?(?: \w+){0,2} $"
)
_NOT_AN_EVENT = re.compile(r" (?:on|about|at|in|last|yesterday|tonight|this|today|\?|$)")


def _presupposed(rule: _Rule, before: str, after: str) -> bool:
    """A world claim asked as "did you hear/see/read (that) X happened": told, not asked."""
    return (
        rule.category == "world"
        and bool(_HEARD.search(before))
        and not _NOT_AN_EVENT.match(after or " ")
        and bool(re.match(r" \w+", after))
    )


def _agent_acts(s: _Sentence) -> list[Violation]:
    """ "I" with a verb the agent cannot do: a promise (future or modal) is an action, or a visit
    when it is a movement; anything else is a human life."""
    toks = s.analysis.tokens
    for i, t in enumerate(toks):
        if t.surface != "i":
            continue
        j, future, negated, last_aux = i + 1, False, False, ""
        while j < len(toks) and (
            toks[j].lemma in lx.AGENT_AUX
            or toks[j].surface in lx.AGENT_SKIP
            or toks[j].lemma in ("not", "never", "cannot", "to", "go", "gonna")
            and j + 1 < len(toks)
            and (toks[j].lemma != "go" or toks[j + 1].surface == "to")
        ):
            future |= toks[j].lemma in lx.AGENT_FUTURE
            negated |= toks[j].lemma in ("not", "never", "cannot")
            if toks[j].lemma in lx.AGENT_AUX:
                last_aux = toks[j].lemma
            j += 1
        while (
            j + 2 < len(toks)
            and toks[j].lemma in ("love", "like", "want", "need", "wish")
            and toks[j + 1].surface == "to"
        ):  # "I'd love to pop out": the verb after "to" is what the agent would do
            future, j = True, j + 2
        if j >= len(toks) or negated or toks[j].lemma in lx.AGENT_VERBS:
            continue
        if toks[j].tag not in ("VERB", "X") or toks[j].surface in ("a", "the", "your", "you"):
            continue  # "I'm tired", "I'm a bit worried": other rules judge what follows "be"
        if last_aux == "be" and not toks[j].surface.endswith("ing"):
            continue  # "I'm done", "I'm pleased"
        before = s.lemmas[: len(" ".join(x.lemma for x in toks[:i]))]
        if QUOTE.search(before) or NOT_HUMAN.search(s.lemmas):
            continue
        category = "action" if toks[j].lemma in lx.AGENT_ACTS else "human"
        if future:
            come = re.match(_come(), " ".join(x.lemma for x in toks[j:]))
            category = "visit" if come else "action"
        return [Violation(category, s.analysis.span(i, j))]
    return []


@lru_cache(maxsize=1)
def _come() -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: lx.CLASSES[m.group(1)], lx.CLASSES["COME"])


def _memory(s: _Sentence, context: GuardContext) -> list[Violation]:
    m = MEMORY_MARKER.search(s.lemmas)
    if (
        not m
        or NOTED.match(s.lemmas, m.start())
        or COMPARED.search(s.lemmas[: m.start()])
        or (QUOTED.match(s.lemmas[: m.start()]) and not CALL_WORDS.search(m.group()))
        or (REACT.search(s.lemmas) and not OWN_MEMORY.search(s.lemmas))
        or NO_RECORD.search(s.lemmas[: m.start()])
    ):
        return []  # "It's nice that the nurse who came last week was friendly": their news
    claim = s.lemmas[: m.start()] + " " + s.lemmas[m.end() :]
    mine = _content(claim)
    for fact in context.facts:
        if mine & _content(" ".join(analyze(fact, "en").lemmas())):
            return []
    return [Violation("memory", s.evidence(m, False))]


def _content(lemmas: str) -> set[str]:
    return {w for w in lemmas.split() if len(w) > 2 and w not in lx.MEMORY_STOP}


def violations(sentence: Analysis, context: GuardContext) -> list[Violation]:
    """Every role violation in one English sentence (one piece of evidence per category)."""
    if not sentence.tokens:
        return []
    s = _Sentence(sentence)
    found: list[Violation] = []
    seen: set[str] = set()
    for rule in _rules():
        if rule.category in seen:
            continue
        text = s.surface if rule.surface else s.lemmas
        if rule.need and not any(n in text for n in rule.need):
            continue
        for m in rule.pattern.finditer(text):
            if not _allowed(rule, s, m, context):
                found.append(Violation(rule.category, s.evidence(m, rule.surface)))
                seen.add(rule.category)
                break
    for v in _agent_acts(s):
        if v.category not in seen:
            found.append(v)
            seen.add(v.category)
    found += _memory(s, context)
    seen |= {v.category for v in found}
    return found + shape_violations(s, context, seen)
