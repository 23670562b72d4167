"""What the agent may promise, fail-closed: "I'll ...", "I can ...", "let me ...", "shall I ...".

On a care call the agent's future is short: it can ask, listen, note, pass on to the care
worker, remind, call again, say goodbye. `guard_en._agent_acts` lets a long list of verbs
through and leaves them to word patterns ("get", "make", "send", "do"); here a promise is
judged by the one verb that follows the modal, and any verb outside the agent's repertoire is a
violation whatever the word: "I can probably get your batteries posted out to you", "I'll be the
one waving from the corner table", "I could do with a nap myself". Verbs of contacting
(call, tell, send, ...) are left to the rules that know about the care worker and the alert
channel.
"""

from __future__ import annotations

import re

from dialogue.guard import Violation
from dialogue.guard_en_lexicon import REFERRAL

MODALS = frozenset("will 'll would 'd can could shall should may might must gonna".split())
FILLERS = frozenset(
    """also just really too actually personally honestly still certainly definitely probably
    maybe perhaps gladly happily right away immediately quickly soon now then so easily always
    even only surely quite""".split()
)
# Verbs the agent may promise (with what may follow, where it matters).
REPERTOIRE = frozenset(
    """ask note pass let remind check listen hear talk chat speak say keep write jot record log
    mention leave stay wait try read repeat explain move finish end stop hang wish hope think
    remember understand imagine continue start begin need want like love enjoy appreciate
    understand cheer root keep suggest recommend advise encourage reassure confirm clarify
    rephrase slow pause
    interrupt summarise summarize ring call tell send contact notify inform alert update share
    flag raise report email text message forward see be make put add include double cover
    include pray worry miss thank apologise apologize admit agree guess bet say respect accept
    bear trust welcome greet answer respond reply connect transfer""".split()
)
MOVE = frozenset(
    "come visit pop drop swing stop head bring pick drive walk fetch collect arrive knock "
    "deliver carry".split()
)
BODILY = re.compile(
    r"\b(?:nap|sleep|rest|lie down|cup of|cuppa|tea|coffee|drink|bite|snack|meal|lunch|dinner|"
    r"holiday|break|walk|bath|shower|hug|glass of|biscuit|cake|myself)\b"
)
# A verb allowed only with what follows: "get back to you", "do my best", "go through it".
WITH = {
    "get": r"(?:back to you|this to|that to|it to|(?:a |the )?message to|your (?:answer|"
    r"reply)|on with|going|through (?:this|these|the)|to know)",
    "do": r"(?:my best|that|this|it|so|what i can to (?:pass|note|make sure))",
    "go": r"(?:through|over|on|back|ahead and (?:note|pass|let|ask|check)|now|then|soon|$|"
    r"and let you)",
    "give": r"(?:you a (?:call|ring|moment|minute|second|chance)|you time|it a moment)",
    "take": r"(?:a note|note|that on board|it on board|a moment|a minute|care|your point)",
    "look": r"(?:forward)",
    "bring": r"(?:(?:it|this|that) up (?:with|on|in) (?:your|the) (?:care|next)|up)",
    "help": r"(?:you (?:remember|think|keep track|find the word|with (?:that|this) question))",
    "be": r"(?:here|glad|happy|sorry|able to (?:pass|note|ask|listen|tell|let)|sure|delighted|"
    r"pleased|around|back|in touch|thinking|wrong|right|interested|listen|brief|quick|honest|"
    r"calling|ringing|asking|checking|listening|noting|passing|letting|thinking|hoping|"
    r"grateful|worried|concerned|on the line|with you on|with you while|there for you|"
    r"in touch|thinking of you|rooting|cheering|praying)",
}
CONTEXT_OK = re.compile(
    r"\b(?:if i (?:could|were|was|can)|i wish|wish i|i hope|when i can|as soon as i can|"
    r"you (?:say|tell|mention|ask)|an? (?:ai|computer|program|machine|robot))\b"
)


def promise_violations(s) -> list[Violation]:
    """The first promise in the sentence whose verb is outside the agent's repertoire."""
    toks = s.analysis.tokens
    if CONTEXT_OK.search(s.lemmas):
        return []
    for i, t in enumerate(toks):
        if t.surface not in ("i", "we", "me", "us"):
            continue
        j, promised, negated = i + 1, False, False
        if t.surface in ("me", "us"):
            if not i or toks[i - 1].lemma not in ("let", "like", "want", "need"):
                continue
            promised = True
        while j < len(toks):
            w, lemma = toks[j].surface, toks[j].lemma
            if lemma in MODALS or w in ("'ll", "'d"):
                promised = True
            elif lemma in ("not", "never", "cannot"):
                negated = True
            elif lemma == "go" and j + 1 < len(toks) and toks[j + 1].surface == "to":
                promised, j = True, j + 1
            elif (
                lemma == "be"
                and j + 2 < len(toks)
                and toks[j + 1].surface == "going"
                and (toks[j + 2].surface == "to")
            ):
                promised, j = True, j + 2
            elif lemma in ("have", "need") and j + 1 < len(toks) and toks[j + 1].surface == "to":
                j += 1  # "I'll have to", "I need to"
            elif (
                lemma == "be"
                and j + 2 < len(toks)
                and toks[j + 1].lemma in ("able", "happy", "glad")
            ):
                if toks[j + 2].surface != "to":
                    break
                promised, j = True, j + 2
            elif w not in FILLERS and lemma not in ("to",):
                break
            j += 1
        if not promised or negated or j >= len(toks):
            continue
        verb = toks[j].lemma
        rest = " ".join(x.lemma for x in toks[j + 1 :])
        if verb == "be" and j + 1 < len(toks):
            nxt = toks[j + 1]
            if re.match(WITH["be"], rest):
                continue
            if nxt.surface.endswith("ing"):
                verb, rest = nxt.lemma, " ".join(x.lemma for x in toks[j + 2 :])
            elif re.match(r"(?:at|in|outside|the one|there|round|over|waiting|by|next to)\b", rest):
                return [Violation("meeting", s.analysis.span(i, min(j + 1, len(toks) - 1)))]
            else:
                continue
        if toks[j].tag not in ("VERB", "X") and verb not in WITH and verb not in MOVE:
            continue
        if verb in WITH:
            if re.match(WITH[verb], rest) or verb == "be":
                continue
        elif verb in REPERTOIRE:
            continue
        evidence = s.analysis.span(i, min(j, len(toks) - 1))
        if verb in MOVE:
            return [Violation("visit", evidence)]
        if BODILY.search(rest):
            return [Violation("human", evidence)]
        return [Violation("action", evidence)]
    return []


# Futures the agent may state about others: that a reaction will be nice, that the care worker
# or a doctor will know or explain (the referral and alert rules judge those).
SUBJECT_OK = re.compile(
    r"(?:you|thing|everything|life|"
    r"(?:your|the|a) (?:\w+ )?(?:doctor|gp|pharmacist|nurse|specialist|consultant)s?|"
    r"(?:your|the|my) (?:\w+ )?(?:son|daughter|grandson|granddaughter|grandchild|grandchildren|"
    r"family|friend|neighbou?r|sister|brother|niece|nephew|husband|wife|partner|children|"
    r"kid|grandkid|cousin|aunt|uncle|care ?worker|caregiver|case ?worker|social worker|"
    r"support worker|"
    r"care team|doctor|gp|pharmacist|nurse)s?|i|we|that|this|they|he|she|tomorrow|today)$"
)
HOPING = re.compile(r"\b(?:i hope|hopefully|i wish|fingers crossed|i pray|let 's hope)\b")
FUTURE = re.compile(
    r"\b(?:will|shall|be go to|be gonna|be due to|be set to|be about to|be expect to|"
    r"be schedule to|be plan to|be book to|be arrange to|be on (?:its|their|his|her) way)\b"
)
NICE = re.compile(
    r"(?:\w+ )?(?:be|make|feel|sound|taste|look|smell|go|work out) (?:\w+ )?(?:nice|lovely|good|"
    r"great|wonderful|a treat|fun|okay|ok|fine|alright|all right|well|delicious|proud|"
    r"pleased|happy|thrilled|delighted|glad|"
    r"exciting|special|a (?:nice|lovely|good|great) \w+|worth|easier for you)|"
    r"(?:\w+ )?(?:help|be help) (?:your|the) (?:doctor|care|gp|nurse)|"
    r"(?:only |just )?take (?:a |one )?(?:moment|minute|second|few minute|couple of minute|"
    r"little while)"  # "it'll only take a moment": the call's length
)


def others_future(s) -> list[Violation]:
    """A future of anyone but the person, their family, the agent or the care team: "The power
    is due to go off", "The surgery will ring you", "Someone will be with you shortly"."""
    text = s.lemmas
    if REFERRAL.search(text):
        return []
    if s.question or re.match(r"(?:if|when|once|whenever|as soon as|unless|in case)\b", text):
        return []
    for m in FUTURE.finditer(text):
        head = text[: m.start()].split()
        if not head or head[-1] in ("not", "never", "you", "i", "we") or HOPING.search(text):
            continue
        clause = re.split(r"\b(?:and|but|so|because|that|which|who|if|when)\b", " ".join(head))
        subject = clause[-1].strip()
        if not subject or SUBJECT_OK.search(subject) or len(subject.split()) > 5:
            continue
        after = text[m.end() :].lstrip()
        if NICE.match(after) or re.match(r"(?:not|never)\b", after):
            continue
        words = after.split()
        verb = words[0] if words else ""
        category = (
            "visit"
            if verb in MOVE
            or verb == "be"
            and re.match(r"be (?:with you|round|over|there|at your|along)", after)
            else "world"
        )
        if verb in (
            "call",
            "ring",
            "phone",
            "contact",
            "send",
            "book",
            "arrange",
            "sort",
            "write",
            "email",
            "text",
            "deliver",
            "get",
            "fix",
            "change",
            "cancel",
        ):
            category = "action"
        return [Violation(category, m.group())]
    return []


# What the agent may say it did: said, asked, heard, noted, passed on, understood.
PAST_OK = frozenset(
    """say ask mention note pass tell call ring hear understand mean want think wonder hope
    notice put record write log forget miss catch try check see speak talk do be have read get
    send let make share flag raise report email text message update inform notify contact
    remember recall gather assume suppose guess realise realize like love enjoy appreciate
    decide agree worry feel find reach phone dial connect leave lose include add""".split()
)
IRREGULAR_PAST = frozenset(
    """ate went slept drank bought swam ran drove rode sang sat stood woke grew spent took made
    had got saw met fell broke caught brought built came felt flew found gave kept knew left
    lost paid put read said sent shook sold spoke told thought wore won wrote""".split()
)


def agent_past(s) -> list[Violation]:
    """ "I" with a past-tense verb outside what the agent did on this call: "I only managed
    four hours' sleep", "I walked the dog", "I booked it": a life, or an act, it cannot have."""
    toks = s.analysis.tokens
    if CONTEXT_OK.search(s.lemmas):
        return []
    for i, t in enumerate(toks[:-1]):
        if t.surface not in ("i", "we"):
            continue
        j = i + 1
        while j < len(toks) - 1 and (
            toks[j].surface in FILLERS
            or toks[j].surface
            in ("only", "barely", "hardly", "finally", "once", "even", "recently", "last")
        ):
            j += 1
        w = toks[j].surface
        if not (w.endswith("ed") and len(w) > 4 or w in IRREGULAR_PAST):
            continue
        from dialogue.analysis.en import analyze  # the verb's own lemma, whatever its tag

        lemma = analyze(f"they {w}").tokens[-1].lemma
        if lemma in PAST_OK or w in (
            "said",
            "told",
            "had",
            "got",
            "made",
            "thought",
            "put",
            "read",
            "felt",
            "found",
            "saw",
            "sent",
            "left",
            "lost",
            "kept",
        ):
            continue
        category = "action" if lemma in ACTS else "human"
        return [Violation(category, s.analysis.span(i, j))]
    return []


ACTS = frozenset(
    "book arrange order cancel organise organize schedule reschedule renew refill pay buy fix "
    "deliver collect chase sort post dispatch request submit lodge move change".split()
)
