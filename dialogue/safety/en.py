"""English emergency findings: concepts over lemmas, combined by rules, then scoped.

The lexicon and rules are data (`en_lexicon`); this module finds concepts, cuts the utterance
into clauses, and asks of every rule that fires: is it negated ("I didn't fall"), past or
resolved ("last month", "but it passed"), someone else's ("my neighbor fell"), hypothetical
or a question ("what if I fall?"), a story ("on the news"), softened ("a bit short of
breath"), or an idiom ("fell asleep", "dying to")? Each answer drops the finding or turns an
emergency into a check; nothing here ever raises a decision.
"""

from __future__ import annotations

from dialogue.analysis import Analysis
from dialogue.safety import Decision, Finding
from dialogue.safety import en_lexicon as lx
from dialogue.safety.en_broad import BROAD_RULES
from dialogue.safety.en_match import (
    Occ,
    Utterance,
    combos,
    denied,
    has,
    owner,
    past,
    patient,
    present,
    subject,
)
from dialogue.safety.en_redflags import RED_FLAGS
from dialogue.safety.en_state import _state
from dialogue.safety.en_time import (
    asked_when,
    fall_over,
    figure_of_speech,
    gone_on,
    negated_lack,
    story_plot,
    thing_confuses,
)

_MODALS = frozenset("might may could would should will 'll shall wo".split())
_LIGHT_VERBS = frozenset(
    "be have do get feel experience notice think remember suffer see ever can could will would "
    "seem appear want need ca wo".split()
)
_SCOPE_END = frozenset(
    "well good great fine okay ok alright hungry sleep sleeping right myself".split()
)
_THING_CATEGORIES = frozenset({"fall", "unconscious", "violence"})
_CALLS_FOR_HELP = frozenset(
    "need please get send want someone somebody anyone anybody help for".split()
)
_SYMPTOMS = frozenset({"cardiac", "breathing", "stroke", "unconscious", "confusion", "bleeding"})
_DIED = frozenset("died passed late funeral".split())
_POSSESSIVES = frozenset("your his her their our my".split())  # "thanks for your help"
_STRONG_INTENT = frozenset({"suicide", "violence"})
_TIME_CONJ = frozenset("since when after before until till".split())
_REGIMEN = frozenset("take takes use uses".split())  # the present of a habit
_DOSED = frozenset("took taken taking swallowed downed".split())  # ... or a dose taken
_QUESTION = frozenset("is are do does can could should would will what how why am".split())


def _negated(u: Utterance, combo: tuple[Occ, ...], idx: list[int]) -> str | None:
    """ "cancel", "doubt" (not sure / don't know) or None."""
    used = frozenset().union(*(o.used for o in combo))
    end = max(o.last for o in combo)
    for occ in combo:
        found = _negator_before(u, occ.first, used)
        if found:
            return found
    idx = u.clause_range(u.clause[end])
    after = [i for i in idx if i > end][:3]
    if after and u.toks[after[0]].lemma in ("no", "not", "never", "none"):
        rest = [u.toks[i].surface for i in after[1:]]
        if not rest or rest[0] in ("really", "at", "anymore", "thanks", "thank", "not", "no"):
            return "cancel"
    return None


def _negator_before(u: Utterance, start: int, used: frozenset[int]) -> str | None:
    """A negator whose scope reaches token `start`: "cancel", "doubt" or None."""
    clause = u.clause[start]
    for i in range(start - 1, -1, -1):
        t = u.toks[i]
        if u.clause[i] != clause or u.pos[start] - u.pos[i] > 5:
            return None
        if i in used:
            continue
        if t.surface in _SCOPE_END and i < start - 1:
            return None
        if t.lemma == "stop" and i == start - 1:
            return "cancel"  # "I've stopped falling"
        if t.tag == "VERB" and t.lemma not in _LIGHT_VERBS and t.lemma not in lx.NEGATORS:
            if u.toks[i + 1].surface not in ("and", "or", "nor"):
                return None
        if t.lemma not in lx.NEGATORS:
            continue
        if t.lemma in ("no", "nothing") and any(u.toks[k].lemma == "not" for k in range(i - 3, i)):
            continue  # "I can't get no air": concord, not a second negation
        if t.lemma in ("hardly", "barely") and i > 0 and u.toks[i - 1].lemma == "can":
            continue  # "I can barely get a word out": a difficulty, not a denial
        nxt = u.toks[i + 1]
        if t.lemma == "no" and (nxt.tag == "PRON" or nxt.surface in ("no", "yes")):
            continue
        if t.lemma == "not" and nxt.surface in ("only", "just"):
            continue
        if nxt.lemma in ("know", "sure", "certain"):
            return "doubt"
        return "cancel"
    return None


def _scope(u: Utterance, rule: lx.Rule, combo: tuple[Occ, ...], state) -> Decision | None:
    decision = Decision(rule.decision)
    start = min(o.first for o in combo)
    end = max(o.last for o in combo)
    used = frozenset().union(*(o.used for o in combo))
    clause = u.clause[start]
    idx = sorted({i for o in combo for i in u.clause_range(u.clause[o.first])})
    lo, hi = u.clause_range(clause)[0], u.clause_range(clause)[-1]
    down = {Decision.EMERGENCY: Decision.CHECK, Decision.CHECK: None}

    # idioms: "fell asleep", "dying to", "stroke of luck"; the clause's own idiom words
    ends = {o.last + 1 for o in combo}
    if any(o.first in ends for c in rule.not_after for o in u.occ[c]):
        return None
    if any(has(u, c, lo, hi) for c in rule.unless):
        return None
    sentence = [i for i, t in enumerate(u.toks) if t.sentence == u.toks[start].sentence]
    if any(has(u, c, sentence[0], sentence[-1]) for c in rule.unless_sentence):
        return None
    # a regimen ("I take twelve a day") or a habit ("can't wake him in the mornings")
    if rule.category == "overdose" and has(u, "PERDAY", sentence[0], sentence[-1]):
        said = {u.toks[i].surface for i in sentence}
        if said & _REGIMEN and not said & _DOSED:
            return None
        decision = Decision.CHECK  # "I've been taking eight a day": ask
    if rule.category == "unconscious" and has(u, "HABIT", sentence[0], sentence[-1]):
        return None
    if negated_lack(u, combo, end):
        return None  # "I haven't missed a meal", "never skipped my dinner"
    # negation, also carried from "I don't think | I'm having a heart attack"
    neg = (
        None if "NEG" in rule.needs or rule.own_negation else _negated(u, combo, idx)
    )  # "ain't had no food"
    if neg == "cancel" or clause in state["neg_carry"]:
        return None
    if neg == "doubt":
        decision = Decision.CHECK
    # hypotheticals, questions, stories
    for o in u.occ["HYPO"]:
        if lo <= o.first < start and not (o.used & used):
            after = u.toks[o.last + 1] if o.last + 1 < len(u.toks) else None
            modal = u.toks[o.first].lemma in _MODALS or u.toks[o.first].surface in _MODALS
            if modal and after is not None and after.lemma in ("not", "hardly", "barely"):
                continue
            if modal and after is not None and after.surface == "you":
                continue  # "could you get the ambulance": a request, not an if
            nxt = u.toks[o.last + 2] if o.last + 2 < len(u.toks) else None
            perfect = after is not None and after.lemma == "have" and nxt and nxt.tag == "VERB"
            if u.toks[o.first].surface in ("may", "might") and perfect:
                decision = Decision.CHECK  # "I may have overdone it": maybe past, not if
                continue
            if modal and rule.category in _STRONG_INTENT and u.toks[o.first].lemma == "will":
                continue  # "I'll do it tonight", "he'll kill me": intent, not a hypothesis
            if modal and rule.category == "suicide":
                decision = Decision.CHECK  # "I might end it": ask
                continue
            return None
    if (
        rule.category == "violence"
        and u.toks[start].lemma == "break"
        and (subject(u, start) == "self")
    ):
        return None  # "I broke in my new boots", a misheard "I had come broke in the morning"
    if rule.category == "violence" and figure_of_speech(u, end, hi):
        return None  # "she'll kill me when she hears I went up the ladder"
    if rule.category == "confusion" and thing_confuses(u, used):
        return None  # "the new pills confuse me": puzzled by a thing, not confused
    if rule.category == "violence" and any(
        u.toks[i].surface == "if" for i in range(end + 1, hi + 1)
    ):
        decision = Decision.CHECK  # "he'll kill me if I forget": a threat or a figure of speech
    if asked_when(u, lo, start, sentence[0], sentence[-1]):
        return None  # "who do you ring when the gas smells odd?": a question about a case
    if clause in state["hypo_carry"] or has(u, "FUTURE", end + 1, hi):
        return None  # "if I fall | I can't get up", "in case he chokes again one day"
    if any(lo <= o.first and o.last < start and story_plot(u, o, start) for o in u.occ["MEDIA"]):
        return None  # "a programme about heart attacks", "a book where she takes poison"
    if u.occ["MEDIA"] and not (
        rule.who != "place" and subject(u, start) == "self" and present(u, idx)
    ):
        return None  # "a gas leak on the news"; but "I was watching the news and I fell"
    if rule.category not in (*_STRONG_INTENT, "overdose"):  # "going to take the lot": intent
        for o in u.occ["IMMINENT"]:
            if lo <= o.first < start and u.pos[start] - u.pos[o.last] <= 3:
                decision = Decision.CHECK
    if has(u, "UNSURE", lo, start - 1, used):
        decision = Decision.CHECK
    first_word = u.toks[lo]
    if (
        first_word.surface in _QUESTION
        and lo + 1 < len(u.toks)
        and u.toks[lo + 1].lemma != "not"
        and lo not in used
        and rule.category not in ("confusion", "help")  # "where am I", "can someone come"
    ):
        decision = down[decision]
        if decision is None:
            return None
    # "since my stroke", "after the fall": a history, not an event now
    if (
        start >= 2
        and u.toks[start - 2].surface in ("since", "after")
        and u.toks[start - 1].surface in ("my", "his", "her", "their", "the", "our")
    ):
        return None
    # "my hip's been sore since I slipped", "I fell yesterday and my wrist still hurts": a fall
    # that is over, told as the start of an ache, is asked about; a head, the floor or being
    # stuck stay an emergency (their words are not in _ACHE)
    if rule.category == "fall" and decision == Decision.EMERGENCY and fall_over(u, combo):
        decision = Decision.CHECK
    # whose danger
    who = owner(u, start, end) or patient(u, start) if rule.who != "place" else "self"
    reported = has(u, "REPORTED", sentence[0], sentence[-1], used)
    if rule.who == "place" and reported and not present(u, idx):
        return None
    if rule.who == "agent":
        if subject(u, start) in ("self", "thing"):
            return None
    elif (
        rule.category == "help"
        and combo[0].last + 1 < len(u.toks)
        and (
            u.toks[combo[0].last + 1].tag == "VERB"
            and u.toks[combo[0].last + 1].surface != "please"
        )
    ):
        return None  # "help me remember", "help me fill in the form"
    elif rule.category == "help" and any(
        u.toks[i].lemma == "help"
        and (u.toks[i].surface != "help" or subject(u, i) in ("other", "thing"))
        and (i == 0 or u.toks[i - 1].lemma not in _CALLS_FOR_HELP)
        or (i > 0 and u.toks[i].lemma == "help" and u.toks[i - 1].surface in _POSSESSIVES)
        for i in used
    ):
        return None
    elif rule.who == "other" and who != "other":
        return None
    elif rule.who in ("patient", "other"):
        if who == "thing" and rule.category in _THING_CATEGORIES:
            return None
        if who == "other":
            acute = (
                has(u, "ACUTE", sentence[0], sentence[-1])
                or present(u, idx)
                or (present(u, sentence) and not past(u, idx))  # "he had a stroke": history
            )
            here = has(u, "HERE", sentence[0], sentence[-1], used)
            if not here and (reported or state["distant"][clause]):
                return None
            if not here and not acute:
                history = any(u.toks[i].surface in ("had", "used", "was", "were") for i in idx)
                history |= any(u.toks[i].surface in _DIED for i in sentence)
                if state["recent"][clause] or history:
                    return None  # "my friend had a stroke": news, not a call for help
                decision = Decision.CHECK
        elif reported and who == "thing" and not present(u, idx):
            return None  # "I heard the man at number 12 was mugged"
    # time: long ago, earlier today, and "but it passed"
    acute = has(u, "ACUTE", lo, hi, frozenset()) or present(u, idx)
    if rule.now and not (acute or (rule.sentence and present(u, sentence))):
        return None
    if state["distant"][clause] and not any(o.used <= used for o in u.occ["DISTANT"]):
        return None  # but "is it still the war?": the time is what it says, not when
    if state["recent"][clause] and not acute and rule.category != "unconscious":
        decision = Decision.CHECK  # earlier today; but fainting today is asked about now
    had = any(u.toks[i].surface == "had" for i in range(lo, start))
    if had and rule.category in ("stroke", "cardiac") and not acute:
        decision = Decision.CHECK
    for o in [*u.occ["RESOLVED"], *(u.occ["RESOLVED_FALL"] if rule.category == "fall" else ())]:
        if o.first > 0 and u.toks[o.first - 1].surface in _TIME_CONJ:
            continue  # "since I got up", "when it eased": a time, not a resolution
        if gone_on(u, o):
            continue  # "it's gone through two towels", "it's gone black": a change, not an end
        if o.used & state["hit_tokens"] and u.toks[o.first].lemma not in lx.NEGATORS:
            continue  # a finding's own words; but "didn't fall" after "slipped" resolves it
        if o.first > end:
            if any(u.toks[i].surface in ("was", "were") for i in (o.first - 1, o.first) if i >= 0):
                continue  # "he was fine this morning": before, not after
            if o.first >= 2 and u.toks[o.first - 2].surface in _QUESTION:
                continue  # "is that alright?": a question, not an answer
            if _negator_before(u, o.first, frozenset()):
                continue
            if u.clause[o.first] == clause:
                return None  # "the pain in my chest ... has gone now"
            if present(u, idx) and has(u, "ACUTE", lo, o.first - 1, o.used):
                break
            if present(u, idx):
                decision = down[decision]
                if decision is None:
                    return None
                break
            return None
    # "sometimes", "in the winter": a known, recurring complaint, not this minute
    # for someone else, anywhere in the sentence: "he has trouble breathing, he's got COPD"
    c_lo, c_hi = (sentence[0], sentence[-1]) if who == "other" else (lo, hi)
    if rule.category in _SYMPTOMS and has(u, "CHRONIC", c_lo, c_hi, used):
        decision = down[decision]
        if decision is None:
            return None
    if rule.category == "breathing" and has(u, "EXERTION", lo, hi, used):
        decision = down[decision]  # "out of breath from the stairs": effort, not an attack
        if decision is None:
            return None
    # softened or nearly: "a bit short of breath", "I nearly fainted"
    near = any(u.toks[i].surface in ("nearly", "almost") for i in range(max(lo, start - 2), start))
    soft = rule.soft and any(
        (o.last < start and u.pos[start] - u.pos[o.last] <= 3)
        or start <= o.first <= end + 2  # "wheezing a bit"
        for o in u.occ["SOFT"]
        if lo <= o.first
    )
    if near or soft:
        decision = down[decision]
    return decision


def findings(analysis: Analysis) -> list[Finding]:
    u = Utterance(analysis)
    if not u.toks:
        return []
    state = _state(u)
    fired = [(rule, combo) for rule in lx.RULES for combo in combos(u, rule)]
    out = _judge(analysis, u, state, fired)
    if not out:  # no rule: a critical concept next to trouble still asks one question
        flags = [(r, c) for r in RED_FLAGS for c in combos(u, r) if not denied(u, c)]
        out = _judge(analysis, u, state, flags)
    if not out:  # nor a red flag: a topic and a word of trouble near it, by meaning
        broad = [(r, c) for r in BROAD_RULES for c in combos(u, r) if not denied(u, c)]
        out = _judge(analysis, u, state, broad)
    return out


def _judge(analysis: Analysis, u: Utterance, state: dict, fired: list) -> list[Finding]:
    state["hit_tokens"] = frozenset().union(*(o.used for _, c in fired for o in c))
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for rule, combo in fired:
        decision = _scope(u, rule, combo, state)
        if decision is None:
            continue
        first = min(o.first for o in combo)
        last = max(o.last for o in combo)
        key = (rule.category, first)
        if key in seen and decision == Decision.CHECK:
            continue
        seen.add(key)
        a, b = u.toks[first], u.toks[last]
        evidence = analysis.text[a.start : b.end]
        out.append(Finding(rule.category, decision, evidence, f"en:{rule.name}"))
    return out


def scope_words(analysis: Analysis, words: str, category: str) -> tuple[bool, Decision | None]:
    """Scope for a scenario's own keyword match (`words`, as the keyword matched them).

    Returns (known, decision). `known`: these rules already judge those words (a concept of a
    rule covers them): the decision is theirs, scoped ("my neighbour fell last month", "I fell
    behind": None), and the scenario's id rides along with it. Otherwise the same scope as for
    any finding: `emergency`, `check` (hedged, earlier today), or None (negated, past, someone
    else's, hypothetical, a story, resolved). (False, None) also when the words cannot be
    found among the tokens; the caller then keeps its own negation check.
    """
    u = Utterance(analysis)
    wanted = [w.replace("'", "") for w in words.split()]
    surfaces = [t.surface.replace("'", "") for t in u.toks]
    for i in range(len(surfaces)):
        j, k = i, 0
        while j < len(surfaces) and k < len(wanted) and wanted[k].startswith(surfaces[j]):
            rest = wanted[k][len(surfaces[j]) :]
            j += 1
            if rest and j < len(surfaces) and rest.startswith(surfaces[j]):
                j += 1  # "can't" is two tokens, ca + n't
            k += 1
        if wanted and k == len(wanted):
            used = frozenset(range(i, j))
            state = _state(u)
            mine = [(r, c) for r in lx.RULES for c in combos(u, r) if any(o.used & used for o in c)]
            if mine:  # the rules' own judgement of these words, for the scenario's id
                fired = [(r, c) for r in lx.RULES for c in combos(u, r)]
                state["hit_tokens"] = frozenset().union(*(o.used for _, c in fired for o in c))
                said = [d for r, c in mine if (d := _scope(u, r, c, state)) is not None]
                return True, max(said, key=lambda d: d.rank) if said else None
            state["hit_tokens"] = used
            rule = lx.Rule(category, "emergency", ("SCENARIO",), name="scenario")
            return False, _scope(u, rule, (Occ("SCENARIO", i, j - 1, used),), state)
    return False, None
