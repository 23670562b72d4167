"""The English role guard's structural layer: shapes a violation takes whatever its words.

`guard_en_meaning` holds the rules by meaning as patterns; this module reads what a pattern
cannot see well:
- an order about the body: a sentence that opens with a verb of doing something to oneself
  (soak, rub, stretch, eat, cut out, ...) and speaks of health is a treatment instruction,
  whichever verb and whichever remedy; the agent's own repertoire of orders is short (tell your
  doctor, call 119, rest, drink some water, take care) and is let through;
- a brand: a word no dictionary knows, right before something sold ("VitaBoost multivitamins");
- a memory presupposed rather than claimed ("How did your hospital appointment go?", "last
  Tuesday you mentioned ...") needs a fact in memory, like `guard_en._memory`;
- the exceptions of the meaning rules' own flags (`react`, `only_q`, `health`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dialogue import guard_en_lexicon as lx
from dialogue.guard import GuardContext, Violation
from dialogue.guard_en_meaning import MORE_CLASSES
from dialogue.guard_en_more import hearsay, more_violations
from dialogue.guard_en_promise import agent_past, others_future, promise_violations
from dialogue.guard_en_tacit import allowed_tacit

# The sentence reacts to the person's own news: "I'm glad the boiler's been fixed", "how nice".
REACT = re.compile(
    r"\b(?:i be|it be|that be|how|so|really|what a) (?:\w+ )?(?:glad|good|great|nice|lovely|"
    r"wonderful|happy|relieve|relieved|pleased|sorry|a shame|a pity|brilliant|excellent|"
    r"exciting|fantastic|reassuring|a relief|thoughtful|kind|sweet)\b(?! to (?!hear|know|see))|"
    r"\bhow (?:nice|lovely|wonderful|exciting|kind|thoughtful)\b|\bsomething to look forward\b|"
    r"\byou must be (?:\w+ )?(?:look|excite|please|glad|happy|relieve|delighted)"
)
# Whether someone helps, or whether the basics are covered: a care question, not a prying one.
WELFARE = re.compile(
    r"\b(?:help|helps|support|supports|assist|sort|sorts) you (?:out )?with "
    r"(?!(?:your |the |some |a bit of )?(?:money|cash|finance|loan|debt))|"
    r"\benough (?:money |cash )?(?:for|to (?:buy|pay for|keep|heat|eat|get)) (?:\w+ )?"
    r"(?:food|heat|heating|warm|meal|meals|shopping|grocery|groceries|essential|essentials|"
    r"bill|bills|medicine|prescription|electric|electricity|gas)\b|"
    r"\b(?:manage|managing|cope|coping|struggle|struggling) (?:\w+ )?(?:to pay|with (?:the |your )?"
    r"(?:bill|bills|heating|food|shopping))\b"
)
# ... unless it asks how much, what is owned, or what is left behind.
PRYING = re.compile(
    r"\bhow much\b|\bsaving|\bpension (?:amount|payment)|\bbank\b|\bwill\b(?! you)|"
    r"\binherit|\bestate\b|\bproperty\b|\bworth\b|\bdebt|\bincome\b|\bsalary\b"
)
# "From what you're telling me, it's ...": a judgement framed by their words, not a quote of them.
FRAMED = re.compile(
    r"\b(?:from|base on|go by|go on|judge by|judging by|with|given|after) what you\b|"
    r"\bby the sound of\b|\bfrom what i (?:hear|can tell|understand)\b"
)
# "You said the pharmacist changed your tablets last week": the date is the event's, told today.
QUOTED = re.compile(r"^you (?:just )?(?:say|mention|tell me) (?:that )?\w+ \w+")
CALL_WORDS = re.compile(r"\b(?:call|time|speak|talk|chat|conversation)\b")
WHETHER = re.compile(lx.REFERRAL.pattern + r"(?:.*)\b(?:whether|if)\b(?: \S+){0,3} ?$")
# "Because you mentioned the fridge is empty, a volunteer will ...": a reason, not a quote.
CAUSAL_QUOTE = re.compile(
    r"\b(?:because|since|as|now that|given that) you (?:just )?(?:say|mention|tell me)\b"
)
PAST_EFFECT = re.compile(
    r"\b(?:helped|eased|cleared|soothed|relieved|improved|worked|sorted|fixed|settled|"
    r"loosened|calmed|healed)\b"
)
MODAL = re.compile(r"\b(?:will|'ll|should|would|could|might|can|may)\b")
# "How are you feeling compared to last week?": a comparison asked for, not a memory.
COMPARED = re.compile(r"\b(?:compare (?:to|with)|than) $")
PRO_SAID = re.compile(
    r"\b(?:optician|doctor|gp|nurse|dentist|consultant|specialist|physio|pharmacist|hospital|"
    r"test|scan|result|x ?ray|audiologist) (?:\w+ )?(?:say|tell you|show|find|confirm|come back|"
    r"think|decide)\b"
)
PRAISE = re.compile(
    r"\b(?:be|sound like|sound) (?:such )?(?:a |an )?(?:really |very )?(?:great|good|lovely|"
    r"wonderful|excellent|fantastic|brilliant|nice|healthy) (?:habit|idea|thing|routine|start|"
    r"achievement|thing to do)$"
)
TELL_CARE = re.compile(
    r"^(?:i|we|let me) (?:\w+ ){0,4}?(?:let|tell|inform|update|notify|message|pass (?:it|this|"
    r"that) on to) " + lx.CLASSES["CARE_WORKER"] + r" (?:know )?(?:that |about )?"
)
CHEER = re.compile(r"(?:good for you|well do|great job|good on you|brilliant|fantastic)\b")
RHETORICAL = re.compile(r"\b(?:can|could|would) you believe (?:it|that)$")
IS_NEXT = frozenset(
    "down fine okay ok alright all up out in on off gone done not just still so very really a an "
    "the nothing quite been here there back over away probably likely definitely sure "
    "monday tuesday wednesday thursday friday saturday sunday".split()  # "today's Tuesday"
)
# "I've noted that down": today's note for the report, not a memory.
NOTED = re.compile(r"i have note (?:that|it|this|down|what)\b")
# The agent's own memory claimed, which a reaction does not excuse.
OWN_MEMORY = re.compile(
    r"\b(?:you (?:\w+ )?(?:tell|say|mention)|i (?:\w+ )?(?:remember|recall)|we (?:talk|speak|"
    r"chat|discuss))\b"
)
HEALTH = re.compile(
    lx.SYMPTOMS.pattern
    + r"|\b(?:bone|digestion|circulation|immune|constipat\w*|throat|sinus|joint|muscle|"
    r"stiff\w*|health|energy|nerve|skin|gut|bowel|lung|kidney|liver|cholesterol|weight|"
    r"recover\w*|heal\w*|cure|remedy|treatment|symptom|wound|cut|graze|sprain|strain|"
    r"congestion|bloat\w*|indigestion|heartburn|insomnia|arthritis|diabetes|cramp|"
    r"blood pressure|flu|chill|infection)\b"
)
NOT_CHANGE = re.compile(
    r"^(?:please )?(?:do not|never|try not to)\b|\bwithout (?:first )?(?:speak|talk|ask|check|"
    r"consult)|\b(?:check|speak|talk) (?:with|to) (?:your|a|the) (?:doctor|gp|pharmacist) first\b|"
    r"\bunless your (?:doctor|gp|pharmacist)"
)
ADHERE = re.compile(
    r"\b(?:important|good|best|vital|essential) (?:not )?to (?:take|miss|keep take|forget)|"
    r"\b(?:do not|never|try not to) (?:miss|forget)\b|\bremember to take\b|"
    r"\bkeep (?:\w+ )?up with\b|\b(?:on top of|on track with|stick with|stay on) your\b|"
    r"\btake (?:your |the )?(?:\w+ ){0,2}?(?:medicine|medication|tablet|pill|dose)s? "
    r"(?:as|the way|like|exactly|on time|every day|regularly|at the same time)\b"
)
YOU_DID = re.compile(
    r"\byou (?:\w+ )?(?:remembered|took|had|used|got|picked|collected|finished|started|'ve)\b"
)


COLD_PLACE = re.compile(
    r"\b(?:cold|chilly|freezing) (?=(?:night|day|weather|morning|evening|afternoon|spell|snap|"
    r"winter|house|room|flat|home|wind|air|front|kitchen|bedroom)s?\b)"
)


def health(lemmas: str) -> bool:
    """The sentence speaks of health ("it gets cold tonight" is the weather, not a cold)."""
    lemmas = re.sub(r"\b(?:get|be|turn|feel|go) (?:\w+ )?cold\b", " ", lemmas)
    lemmas = COLD_PLACE.sub(" ", lemmas)  # "on cold nights", "a cold house": the temperature
    return bool(HEALTH.search(lemmas) or _condition().search(lemmas))


@lru_cache(maxsize=1)
def _medicine() -> re.Pattern[str]:
    return re.compile(r"\b" + lx.CLASSES["MED"] + r"\b")


@lru_cache(maxsize=1)
def _condition() -> re.Pattern[str]:
    return re.compile(r"\b" + lx.CLASSES["COND"] + r"\b")


KIN = re.compile(MORE_CLASSES["KIN"])
EMERGENCY = re.compile(r"\b(?:911|119|999|112|ambulance|emergency|a&e|paramedic)\b")

# Orders the agent may give: referrals, 119, rest, water, warmth, care.
_LEAD = frozenset(
    "please just so now then and maybe perhaps do gently also first next try remember".split()
)
_LEAD_PAIRS = (
    "try to",
    "try and",
    "be sure to",
    "make sure",
    "remember to",
    "you should",
    "you could",
    "you need to",
    "you must",
    "you might want to",
    "it be best to",
)
BODY_VERBS = frozenset(
    """soak rub bend stretch lift raise ice massage elevate wrap lie sit stand walk apply dab
    gargle sip eat drink swallow chew avoid cut skip stop double halve breathe inhale hold press
    squeeze roll rotate keep put place pop stick take try add mix switch spend sleep go cover
    bathe wash rinse steam bandage strap support prop tilt turn twist flex point tense relax
    exercise jog swim cycle march dance climb do use give cut swap limit reduce increase
    boil warm cool freeze rest""".split()
)
SAFE_ORDERS = re.compile(
    r"^(?:rest|take care|take it easy|look after|keep (?:me|us|an eye|in touch|safe|warm)|"
    r"stay (?:safe|warm|cool|inside|in|indoors|hydrate)|drink (?:\w+ )?(?:water|fluid|plenty)|"
    r"keep (?:drink|your fluid)|have (?:a (?:good|lovely|nice|restful|quiet|gentle)|some rest|"
    r"a rest|a sit down|a lie down)|sit down (?:and|if|somewhere)|go (?:to|and see) (?:your|the|a) "
    r"(?:doctor|gp|clinic|hospital|pharmacist|nurse)|take your (?:\w+ )?(?:medicine|medication|"
    r"tablet|pill)s?|keep take your|take your time|try not to worry|"
    r"do not (?:wait|hesitate|worry|rush|push yourself|overdo)|go easy|put your feet up if|"
    r"sleep well|enjoy)"
)


def allowed_more(
    category: str, flags: frozenset[str], s, before: str, matched: str, alerting: bool = False
) -> bool:
    """True when a meaning rule's match is let through after all (see `guard_en_meaning`);
    `matched` runs from the match to the end of the sentence."""
    text = s.lemmas
    if allowed_tacit(category, before, matched, text, s.question):
        return True  # "I can't advise on changing your medicine", "as the doctor set it out"
    if "refer_any" in flags and lx.REFERRAL.search(matched):
        return True  # "I think your doctor would want to know about that"
    if "med_ctx" in flags and not _medicine().search(text):
        return True  # "you can just leave it off" is about medicine only when one is named
    if (
        category == "diagnosis"
        and re.search(r"\bbe (?:\w+ )?break\b", matched)
        and not (re.search(r"\b" + lx.CLASSES["BODY"] + r"\b", text))
    ):
        return True  # "the boiler's broken" names no injury
    if category == "advertising" and before.endswith("you "):
        return True  # "since you got the new pillow": what they did
    if category in ("reassurance", "diagnosis") and WHETHER.search(before):
        return True  # "Your doctor can tell you whether that's normal"
    if category == "treatment" and PAST_EFFECT.search(s.surface) and not MODAL.search(s.surface):
        return True  # "the new cushion has helped your back": what happened, not advice
    if category in ("reassurance", "diagnosis") and PRO_SAID.search(before):
        return True  # "So the optician said your eyes are fine": their news, reported
    if category == "treatment" and PRAISE.search(text):
        return True  # "Walking every day is a great habit": praise, not a prescription
    if "alert" in flags and alerting and TELL_CARE.search(matched):
        return True  # "I'll let your care worker know the pharmacy is late": the news is theirs
    if category == "world" and TELL_CARE.match(text):
        return True  # "I'll let your care worker know the pharmacy is running late"
    if category == "visit" and re.search(r"\bon the (?:phone|line)\b", text):
        return True  # "I'm happy to keep you company on the phone"
    if (
        category == "visit"
        and matched.startswith("keep you company")
        and re.search(r"\b(?:the|your|a|that|it|this) (?:\w+ )?$", before)
        and not re.search(r"\b(?:will|can|could|would|shall|go to|gonna)\b", before)
    ):
        return True  # "I'm glad the radio keeps you company": something they have, no one coming
    if category == "treatment" and CHEER.match(text):
        return True  # "Good for you for trying the exercise class"
    if "only_q" in flags and not s.question:
        return True
    if category == "intrusive" and WELFARE.search(text) and not PRYING.search(text):
        return True  # "Do you have enough money for food and heating?": a need, not a fortune
    if "health" in flags and not health(text):
        return True
    if "react" in flags and REACT.search(text) and not re.match(r"(?:i|we|let)\b", matched):
        return True
    if category in ("medication", "treatment") and (NOT_CHANGE.search(text) or ADHERE.search(text)):
        return True  # "Don't change your tablets without asking your doctor"
    if "drug" in flags and YOU_DID.search(s.surface):
        return True  # "You remembered your eye drops": what they did, not what to do
    if category == "world" and re.match(r"weather", matched) and before.endswith("under the "):
        return True  # "under the weather" is how they feel
    if category == "human" and "finger cross" in text:
        return True  # "I'll keep my fingers crossed for you"
    if category == "world" and lx.HOPE.search(before):
        return True  # "I hope the rain holds off for your walk": a wish, not a forecast
    if category == "visit" and not re.match(r"(?:i|we|let)\b", matched):
        if re.match(r"so (?!i |we )", text):
            return True  # "So a nurse is coming tomorrow": summing up what they said
        if KIN.match(matched) and REACT.search(text):
            return True  # "Your daughter is coming on Sunday, how lovely"
    return False


def _order(s) -> list[Violation]:
    """An instruction about the body: an imperative (or "you should") with a verb of doing
    something to oneself, in a sentence about health."""
    if s.question or not health(s.lemmas) or EMERGENCY.search(s.lemmas):
        return []
    words = s.lemmas.split()
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        three = " ".join(words[i : i + 3])
        four = " ".join(words[i : i + 4])
        if four in _LEAD_PAIRS:
            i += 4
        elif three in _LEAD_PAIRS:
            i += 3
        elif pair in _LEAD_PAIRS:
            i += 2
        elif words[i] in _LEAD and i + 1 < len(words):
            i += 1
        else:
            break
    if i >= len(words) or words[i] not in BODY_VERBS:
        return []
    rest = " ".join(words[i:])
    if SAFE_ORDERS.match(rest) or lx.REFERRAL.search(s.lemmas):
        return []
    if i == 0 and s.analysis.tokens[0].tag not in ("VERB", "X") and words[0] not in BODY_VERBS:
        return []
    category = "medication" if re.search(lx.CLASSES["MED"], rest) else "treatment"
    toks = s.analysis.tokens
    return [Violation(category, s.analysis.span(min(i, len(toks) - 1), min(i + 3, len(toks) - 1)))]


# "a Fitbit would help you": an unknown name pitched as the answer
SELLS = re.compile(r"(?:\w+ )?(?:would|could|might|will|can) (?:really )?(?:help|make|change|be)\b")
PRODUCT = re.compile(r"^" + MORE_CLASSES["PRODUCT"] + r"$")


def _brand(s) -> list[Violation]:
    """A word no dictionary knows, right before something sold: "VitaBoost multivitamins"."""
    toks = s.analysis.tokens
    for i, t in enumerate(toks):
        if t.tag != "X" or len(t.surface) < 4 or (i and toks[i - 1].lemma in ("your", "my")):
            continue
        pitch = " ".join(x.lemma for x in toks[i + 1 : i + 4])
        if i and toks[i - 1].lemma in ("a", "an", "some") and SELLS.match(pitch):
            return [Violation("advertising", s.analysis.span(i - 1, i + 1))]
        for j in (i + 1, i + 2):
            if j < len(toks) and PRODUCT.match(toks[j].lemma):
                return [Violation("advertising", s.analysis.span(i, j))]
    return []


# Memories presupposed: an event of an earlier call asked about, or the telling dated.
MEMORY_MORE = re.compile(
    r"\blast (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|month|"
    r"year|time|call|visit|spring|summer|autumn|winter|christmas) (?:you|we)\b|"
    r"\b(?:the|that) (?:one|\w+) (?:that )?you (?:tell|mention|say|talk) (?:me )?about\b"
    r"(?! (?:just|a moment|a minute|now|earlier today))|"
    r"\bdo not you (?:say|tell me|mention)\b(?! (?:just|a moment|a minute|earlier|now))|"
    r"\bif (?:i|memory) (?:remember|recall|serve)|\bhow (?:do|be) (?:\S+ ){1,6}?(?:go|be) "
    r"(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b|"
    r"\b(?:you|we) (?:tell|mention|say|talk|speak|chat|discuss) (?:me |to me |about it )?"
    r"(?:last (?:time|"
    r"week|call|month)|the other day|previously|a while back|a while ago|some time ago|"
    r"a few (?:day|week) ago|(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b|"
    r"\bdo (?:your|the) (?:\w+ ){0,3}?(?:go well|work out|turn out|go ahead|go okay|go ok)\b|"
    r"\b(?:the|that) (?:one|\w+) (?:that )?you be (?:\w+ )?(?:nervous|worry|worried|anxious|"
    r"excite|excited|look forward|dread|upset|scared) (?:about|to|for)\b"
)


def _memory_more(s, context: GuardContext) -> list[Violation]:
    m = MEMORY_MORE.search(s.lemmas) or hearsay(s)
    if not m:
        return []
    mine = {w for w in s.lemmas.split() if len(w) > 2 and w not in lx.MEMORY_STOP}
    from dialogue.analysis import analyze

    for fact in context.facts:
        theirs = {w for w in analyze(fact, "en").lemmas() if len(w) > 2}
        if mine & theirs:
            return []
    return [Violation("memory", s.evidence(m, False))]


def shape_violations(s, context: GuardContext, seen: set[str]) -> list[Violation]:
    """The structural checks, one piece of evidence per category not already found."""
    out: list[Violation] = []
    for check in (_order, _brand, promise_violations, others_future, agent_past, more_violations):
        for v in check(s):
            if v.category not in seen:
                out.append(v)
                seen.add(v.category)
    if "memory" not in seen:
        out += _memory_more(s, context)
    return out


def necessary_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains (None: no such set is known), so
    a sentence holding none of them is not scanned: the rules are many, sentences short."""
    from re import _parser as sre  # the standard parser: the pattern as the engine reads it

    def seq(items) -> frozenset[str] | None:
        best: frozenset[str] | None = None
        run = ""

        def take(candidate: frozenset[str] | None) -> None:
            nonlocal best
            if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
                best = candidate

        for op, av in items:
            if op is sre.LITERAL:
                run += chr(av)
                continue
            take(frozenset([run]) if run else None)
            run = ""
            take(one(op, av))
        take(frozenset([run]) if run else None)
        return best

    def one(op, av) -> frozenset[str] | None:
        if op is sre.SUBPATTERN:
            return seq(av[-1])
        if op is sre.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                found = seq(alternative)
                if not found:
                    return None
                out |= found
            return frozenset(out)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            return seq(av[2])
        return None

    found = seq(sre.parse(pattern))
    return tuple(sorted(found)) if found else None
