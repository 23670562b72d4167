"""Answers given in passing: "I had lunch with my neighbour and then we walked to the market"
answers the meal and the outing, whichever of them was asked.

Every uncovered item is read from every turn, but only with evidence specific to that item: a
bare "yes", "no", "fine" or "not yet" answers whatever was just asked and nothing else, and a
word another item also listens for ("먹었" is a meal and a medicine) says nothing about which
item it answers. So each item gets a narrowed copy of its answer classes — keywords that are
neither generic (`GENERIC`) nor shared with another item, no one-syllable Korean keywords, and
its patterns (written for one item: "my knee hurts") — and no word-overlap guess from examples.
A false answer costs more than a question asked again, so the narrowing leans to asking.
"""

from __future__ import annotations

import re

from dialogue.conversation.terms import terms
from dialogue.extract import Extraction, classify
from dialogue.scenario import Item, Scenario
from dialogue.text import normalize


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


# Words that answer whatever was just asked, or that other talk uses in another sense
# ("I took a walk", "I went to sleep", "I missed my wife", "my son visited").
GENERIC = {
    "en": _words(
        """yes|yeah|yep|no|nope|nothing|fine|good|great|well|okay|ok|better|still|already|gone|
        right|alright|all right|i did|had|did|not yet|not really|not today|not much|not well|
        not so well|not good|not great|not bad|a little|just some|only some|only a bit|
        just a bit|barely|bad|down|blue|upset|alone|feel good|i'm fine|all good|took|taken|
        taking|take them|take it|went to|walk*|visited|outside|inside|at home|garden|the doctor|
        forgot|missed|skipped|ran out|run out|didn't have|didn't go|haven't been|too cold|
        too hot|no pain|woke up|church|shopping"""
    ),
    "ko": _words(
        """네|예|응|어|아니요|아뇨|아직|조금|조금만|좀|별로|잘 안|대충|괜찮|없어요|없습니다|없었|
        했어요|했습니다|안 했|못 했|안 좋|좋지 않|힘들|힘들어|나가|자주|가끔|매일|많이|늘|항상|
        계속|전혀|정상|멀쩡|그냥 있|아파|아프|아픈|불편|잘 못|안 먹|못 먹|잘 먹|
        병원|건강|깜빡|잊어|잊었|까먹|안 먹는|좋아|좋네|좋습|교회|성당|개운|집에서"""
    ),
}


_CACHE: dict[int, tuple[Scenario, dict[str, Item]]] = {}


def _compact(keyword: str, language: str) -> str:
    text = normalize(keyword.replace("*", ""))
    return text.replace(" ", "") if language == "ko" else text


def _word_start(keyword: str) -> str:
    """A Korean keyword as a pattern that matches only at the start of a word (spaces inside
    it optional, as in `dialogue.extract`)."""
    compact = normalize(keyword.replace("*", "")).replace(" ", "")
    return r"(?<![\uac00-\ud7a3])" + r"\s?".join(re.escape(c) for c in compact)


def specific_items(scenario: Scenario) -> dict[str, Item]:
    """Each item of `scenario` with only the keywords that point at it and nothing else."""
    cached = _CACHE.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    lang = scenario.language
    generic = {_compact(w, lang) for w in GENERIC.get(lang, GENERIC["en"])}
    owners: dict[str, set[str]] = {}
    for item in scenario.items:
        for answer in item.answers:
            for k in answer.keywords:
                owners.setdefault(_compact(k, lang), set()).add(item.id)
    shared = {k for k, items in owners.items() if len(items) > 1}
    if lang == "ko":  # substrings match: "먹었" also hears another item's "못 먹었어요"
        shared |= {
            k
            for k, items in owners.items()
            for k2, items2 in owners.items()
            if items2 != items and len(k) >= 2 and len(k2) >= 2 and (k in k2 or k2 in k)
        }
    opening = scenario.opening
    for group in (opening.confirm, opening.deny, scenario.dont_know):
        shared |= {_compact(k, lang) for k in group.keywords}
    out = {}
    for item in scenario.items:
        answers = []
        for answer in item.answers:
            kept = [
                k
                for k in answer.keywords
                if (c := _compact(k, lang)) not in generic
                and c not in shared
                and (lang != "ko" or len(c) >= 2)
            ]
            patterns = list(answer.patterns)
            if lang == "ko":  # at the start of a word: not "마트" inside "스마트폰"
                patterns += [_word_start(k) for k in kept]
                kept = []
            answers.append(
                answer.model_copy(update={"keywords": kept, "patterns": patterns, "examples": []})
            )
        out[item.id] = item.model_copy(update={"answers": answers})
    _CACHE[id(scenario)] = (scenario, out)
    return out


# Another day than the check-in's: "I went to church on Sunday" is not today's outing. Last
# night is the check-in's own (sleep), so it is not among them.
OTHER_DAY = {
    "en": re.compile(
        r"\b(yesterday|the other day|last (week|month|year|weekend)|years? ago|weeks? ago|"
        r"days ago|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
        r"when i was|used to|every (day|week|morning|sunday))\b"
    ),
    "ko": re.compile(
        r"(어제(?!밤)|그저께|그제|지난주|지난달|작년|옛날|예전|젊었을|[월화수목금토일]요일|주말에|"
        r"마다|매주|며칠 전|전에|[몇일이삼사오육칠팔구십백\d]+ ?년)"
    ),
}
TODAY = {
    "en": re.compile(r"\b(today|this morning|this afternoon|tonight)\b"),
    "ko": re.compile(r"오늘|아침에|아까"),
}


_HABIT = re.compile(r"\bevery (day|week|morning|sunday)\b")


def not_today(text: str, language: str) -> bool:
    """Whether `text` speaks of a day gone (yesterday, years ago, the old days), not of today
    nor of a habit alone ("I take them every morning" answers today's question; "I used to
    walk every day" does not)."""
    if not other_day(text, language):
        return False
    if language == "ko":
        return True
    norm = normalize(text)
    return not _HABIT.search(norm) or bool(OTHER_DAY["en"].search(_HABIT.sub(" ", norm)))


def other_day(text: str, language: str) -> bool:
    """Whether `text` speaks of another day (or of habits) and not of today."""
    norm = normalize(text)
    lang = language if language in OTHER_DAY else "en"
    if TODAY[lang].search(norm):
        return False
    if OTHER_DAY[lang].search(norm):
        return True
    # The old days as retrieval reads them ("Fifty years I went out on the trawlers", "back in
    # the fifties"): English only here; the Korean pattern above carries 옛날's words.
    return lang == "en" and "oldtimes" in terms(text, "en")


def in_passing(scenario: Scenario, item_ids: list[str], text: str) -> list[Extraction]:
    """What `text` answers of the items `item_ids`, on specific evidence only, and nothing
    when it speaks of another day."""
    # Each sentence on its own: "There's a robin comes every morning. I had soup at lunchtime
    # and swallowed my tablet with it." tells a habit, then today; "시장에서 사십 년 생선
    # 팔았지. 아침엔 고구마 먹었어" a life story, then today's breakfast.
    if scenario.language == "ko":
        from dialogue.guard import sentences

        text = " ".join(p for p in sentences(text) if not other_day(p, scenario.language))
        if not text.strip() or other_day(text, scenario.language):
            return []
    else:
        parts = [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]
        text = " ".join(p for p in parts if not other_day(p, scenario.language))
    if not text:
        return []
    narrowed = specific_items(scenario)
    found = []
    for item_id in item_ids:
        item = narrowed[item_id]
        label, evidence, confidence, detail = classify(
            {a.answer_class: a for a in item.answers if a.keywords or a.patterns},
            text,
            language=scenario.language,
            negated={a.answer_class: a.negated for a in item.answers},
            near=False,  # a mis-heard word is a guess: only the question asked may use one
        )
        if label is not None and not _framed(text, evidence, scenario.language):
            label = None  # "out of worried now" to "How long has it hurt?": a stray word
        if label is None:
            label, evidence, confidence, detail = _named(scenario, item_id, text)
        if label is None and scenario.language == "ko":
            # 애들 데려다주고 오는 길에 김밥 사 먹었어요: a trip out told while answering the meal
            from dialogue.extract_ko_going import by_going

            label, evidence, confidence = by_going(scenario.item(item_id), text)
        if label is not None:
            found.append(Extraction(item_id, label, evidence, confidence, detail))
    return found


# Words before a lone keyword that make it the person's own statement about themselves. A
# verb of feeling or of coming to feel ("feeling lonely", "woke up happy", "seems quiet") is a
# statement on its own; a subject or a copula ("I am worried") only with an intensifier ("so
# worried") or more words around it: in a short reply to another question, "I am worried now"
# is as likely a mis-heard "about a week now" as a mood.
_FEEL_EN = re.compile(
    r"\b(?:feel|feels|feeling|felt|up|woke|seem|seems|seemed|look|looks|sound|sounds|became|"
    r"become|getting|got|get|gets|stayed|keep|kept|go|goes|going|went)$"
)
_SUBJECT_EN = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|we|we're|we've|me|myself|am|was|were|been)$")
_INTENSIFIER_EN = frozenset("so very really quite rather too pretty awfully terribly that".split())
_FILLER_EN = _INTENSIFIER_EN | frozenset("a bit little just".split())
SHORT_REPLY = 5  # words: a reply this short needs more than "I am <feeling>"


def _framed(text: str, evidence: str, language: str) -> bool:
    """Whether an answer in passing rests on more than one stray word: several words of
    evidence, or a single keyword the person confidently said of themselves (see above). A
    single mis-heard word said in an answer to another question ("out of worried now")
    answers nothing. English only: a Korean predicate carries its own (implied) subject."""
    if language == "ko" or not evidence:
        return True
    pieces = [p for p in re.split(r"\s*…\s*", evidence) if p.strip()]
    if len(pieces) != 1 or len(pieces[0].split()) > 1:
        return True
    norm = normalize(text)
    for m in re.finditer(rf"(?<![\w']){re.escape(pieces[0])}(?![\w'])", norm):
        window = norm[: m.start()].split()[-4:]
        before = [w for w in window if w not in _FILLER_EN]
        if not before:
            continue
        if _FEEL_EN.search(before[-1]):
            return True
        intensified = bool(set(window) & _INTENSIFIER_EN)
        if _SUBJECT_EN.search(before[-1]) and (intensified or len(norm.split()) > SHORT_REPLY):
            return True
    return False


def topic_terms(scenario: Scenario) -> dict[str, frozenset[str]]:
    """Per item, the content terms of its topic and questions (lemmas, Kiwi morphemes) that
    no other item of the scenario uses: "pill", "medicine" (medication); 약, 복용 (medication).
    A clause that names one of them is about that item."""
    from dialogue.conversation.terms import WEAK

    cached = _TOPICS.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    lang = scenario.language
    weak = WEAK.get(lang, frozenset()) | {"you", "how", "what", "PHQ"}
    own = {
        item.id: {t for line in [item.topic, *item.questions] for t in _names(line, lang)} - weak
        for item in scenario.items
    }
    out = {
        item_id: frozenset(words - set().union(*(w for k, w in own.items() if k != item_id)))
        for item_id, words in own.items()
    }
    _TOPICS[id(scenario)] = (scenario, out)
    return out


# Korean nouns too vague to name an item ("시간", "일": time, work).
_VAGUE_KO = frozenset("계 일 뒤 시간 동안 지금 오늘 때 것 정도 집".split())


def _names(line: str, language: str) -> list[str]:
    """The words of an item's question that can name it: English content lemmas; Korean
    nouns only (a verb of the question, 챙기다 or 드시다, also goes with other things)."""
    from dialogue.analysis import analyze
    from dialogue.conversation.terms import terms

    if language != "ko":
        return terms(line, language)
    nouns = [t.lemma for t in analyze(line, "ko").tokens if t.tag in ("NNG", "NNP")]
    return [n for n in nouns if n not in _VAGUE_KO]


def _named(scenario: Scenario, item_id: str, text: str) -> tuple:
    """The item's answer in a clause that names the item ("...and took my heart pills straight
    after": a pill, and "took"), with every keyword of the item, generic ones too: the clause
    is about this item, so its "took" or 먹었어요 answers it. Exact words only."""
    from dialogue.conversation.terms import clauses, terms

    lang = scenario.language
    names = topic_terms(scenario).get(item_id, frozenset())
    item = scenario.item(item_id)
    for clause in clauses(text, lang) if names else []:
        if not names & set(terms(clause, lang)):
            continue
        found = classify(
            {a.answer_class: a for a in item.answers},
            clause,
            language=lang,
            negated={a.answer_class: a.negated for a in item.answers},
            near=False,
        )
        if found[0] is not None:
            return found
        if lang != "ko":
            # "...and I'm in a grand mood for it": the clause names the item (mood) and says
            # what of it in words the keywords lack; the item's concept profile reads them.
            from dialogue.extract_concepts import by_concepts

            label, support, _, evidence = by_concepts(item, clause)
            # ... in more than the item's own name ("I went to sleep" says nothing of how)
            if label is not None and set(evidence.replace("…", " ").split()) - names:
                return label, evidence, round(min(0.45, 0.25 * support), 2), None
    return None, "", 0.0, None


_TOPICS: dict[int, tuple[Scenario, dict[str, frozenset[str]]]] = {}


__all__ = ["GENERIC", "OTHER_DAY", "in_passing", "other_day", "specific_items"]
