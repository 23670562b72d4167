"""What retrieval compares: the content lemmas of an utterance (P4).

Korean: Kiwi morphemes (`dialogue.analysis.ko.content_lemmas`): 외로워요, 외롭네, 외로워서 all
give 외롭다. English: lemminflect lemmas (`dialogue.analysis.en`), without function words:
"my grandson came to see me" -> grandchild come see. A few everyday synonyms are folded into one
term (grandson, granddaughter, grandkids -> grandchild; 손자, 손녀 -> 손주) so a trigger written
with one finds a person who says the other; "you" is kept, since it is what tells a question
to the agent ("how old are you") from a remark ("I'm getting old").
"""

from __future__ import annotations

import re

from dialogue.analysis import analyze
from dialogue.analysis.en_topics import PREFIX, topic
from dialogue.analysis.ko_topics import TOPICS as KO_TOPICS
from dialogue.analysis.ko_topics import fold as ko_fold
from dialogue.analysis.ko_topics import spoken as ko_spoken

_EN_DROP_TAGS = frozenset({"PRON", "DET", "ADP", "CCONJ"})
_EN_KEEP = {"you": "you", "your": "you", "yourself": "you", "yours": "you"}
# Pronouns that carry a topic: nobody around is loneliness, not a pronoun to drop.
_EN_CONTENT_PRON = {
    "nobody": "nobody",
    "noone": "nobody",
    "anybody": "nobody",
    "anyone": "nobody",  # "I don't see anyone all day"
}
_EN_STOP = frozenset(
    # auxiliaries and contraction pieces
    "be do have can could will would shall should may might must 's m ve re ll d nt "
    # answer words, fillers and intensifiers: how a check-in answer sounds, not a topic
    "yes yeah yep yup no nope oh ah eh um uh hmm well just really very so quite too pretty "
    "okay ok alright right sure fine good bad great thank thanks please sorry pardon dear bit "
    "lot little hello hi bye goodbye "
    "much many more most some any all again still now then there here back also only even "
    "ever always never actually anyway though kind sort "
    # light verbs and time words every remark can carry
    "get make take give put let say tell know think want seem keep "
    "today yesterday tomorrow morning afternoon evening night last next day week time thing "
    "way".split()
)

_EN_SYNONYMS = {
    **dict.fromkeys(
        "grandson granddaughter grandkid grandkids grandchildren grandchild grandbaby".split(),
        "grandchild",
    ),
    **dict.fromkeys("mom mum mommy mummy mother ma".split(), "mother"),
    **dict.fromkeys("dad daddy father pa".split(), "father"),
    **dict.fromkeys("dog doggy puppy pup".split(), "dog"),
    **dict.fromkeys("cat kitty kitten".split(), "cat"),
    **dict.fromkeys("tv telly television".split(), "tv"),
    **dict.fromkeys("doctor doc gp physician".split(), "doctor"),
    **dict.fromkeys("neighbour neighbor".split(), "neighbor"),
    **dict.fromkeys("programme program".split(), "program"),
    **dict.fromkeys("phone ring call".split(), "call"),
    **dict.fromkeys("lonely lonesome loneliness".split(), "lonely"),
    **dict.fromkeys("tired exhausted weary worn".split(), "tired"),
    **dict.fromkeys("bored boring boredom".split(), "bored"),
    **dict.fromkeys("worried worry anxious".split(), "worry"),
    **dict.fromkeys("husband hubby".split(), "husband"),
    **dict.fromkeys("church chapel mass".split(), "church"),
    **dict.fromkeys("garden gardening".split(), "garden"),
    **dict.fromkeys("birthday bday".split(), "birthday"),
    **dict.fromkeys("robot machine computer ai bot".split(), "machine"),
    **dict.fromkeys("married marry wed".split(), "marry"),
    **dict.fromkeys("eye eyes eyesight sight".split(), "eye"),
    **dict.fromkeys("ill sick unwell poorly".split(), "ill"),
    **dict.fromkeys("busy hurry rush".split(), "busy"),
    **dict.fromkeys("tablet tablets pill pills".split(), "pill"),
    # concept classes: the words of one topic fold into one term, so a bank trigger about
    # tomatoes finds a person who grows beans, and one about a son finds "my eldest"
    **dict.fromkeys(
        "son daughter child children kid kids eldest youngest".split(),
        "child",
    ),
    # Growing things is its own concept ("vegplot"), not "garden": "garden" is also a word
    # the outing item listens for, and such words never fit a remark on their own; nor
    # "grow", which many situations use ("I grew up on a farm").
    **dict.fromkeys(
        "pea bean tomato potato carrot lettuce cabbage onion veg vegetable allotment "
        "seed sow seedling weed weeding bulb shrub hedge lawn mow rhubarb strawberry "
        "rose dahlia marrow courgette cucumber raspberry gooseberry blackcurrant "
        "prune greenhouse compost".split(),
        "vegplot",
    ),
    **dict.fromkeys("tabby moggy moggie puss pussycat siamese tomcat".split(), "cat"),
    **dict.fromkeys(
        "knit knitting crochet crocheting embroider embroidery sew sewing stitch quilt "
        "patchwork tapestry needlework wool yarn mend darn".split(),
        "craft",
    ),
    **dict.fromkeys("wireless radio".split(), "radio"),
    **dict.fromkeys("centre center".split(), "centre"),
    **dict.fromkeys(
        "terrier spaniel collie labrador poodle retriever sheepdog dachshund".split(), "dog"
    ),
    **dict.fromkeys(
        "game domino dominoes chess cards bingo crossword puzzle jigsaw draughts checkers "
        "scrabble sudoku quiz".split(),
        "game",
    ),
    **dict.fromkeys("lorry truck van".split(), "truck"),
    **dict.fromkeys("cuppa tea coffee".split(), "tea"),
    **dict.fromkeys("alone nobody".split(), "nobody"),
    # Weather as a topic: a word of frost and snow is cold weather, one of a scorcher hot
    # weather, whichever word the trigger used ("cold" itself is also an illness: not folded).
    **dict.fromkeys(
        "snow snowy snowfall snowdrift frost frosty freeze freezing frozen icy sleet hail "
        "blizzard chilly nippy perishing wintry".split(),
        "wintry",
    ),
    **dict.fromkeys(
        "heat heatwave sweltering scorching scorcher muggy humid sultry sticky".split(), "heat"
    ),
    **dict.fromkeys("teach teacher schoolteacher teaching pupil".split(), "teacher"),
}
# Concept terms that stand for a topic's many words: frequent in the bank because of the
# folding, yet a situation's core word (`retrieve.Retriever`).
CONCEPTS = frozenset(
    {"vegplot", "craft", "game", "oldtimes", "lonely", "visit", "wintry", "heat", "ramble"}
    | {"옛날", "더위", "병원"}
    | frozenset(KO_TOPICS)
)
# Phrases that stand for a concept a single word does not carry: the old days (a year long
# past, "back in", "years ago", "when I was young"), and dropping by (a visit).
_EN_PHRASES = [
    (
        re.compile(
            # "back in" a time long past, not "back in the morning" or "back in bed"
            r"\b(back in (?=(?:the )?(?:day|days|old|war|those|these|my|our|19|nineteen|"
            r"\w+ties\b|[2-9]0s))|years ago|in my day|in those days|"
            r"when i was (?:young|little|a \w+)|"
            r"nineteen \w+|19[0-9]{2}|used to|(?:twenty|thirty|forty|fifty|sixty|[2-6]0) "
            r"(?:odd )?years (?:i|we|as|at|in|on|of)|(?:all|many) (?:those|these) years)\b",
            re.I,
        ),
        " oldtimes ",
    ),
    (
        re.compile(
            r"\b(so quiet|too quiet|(?:hear|heard) a (?:human )?voice|no(?:body| one|one) "
            r"(?:to talk to|comes|calls|rings|visits)|talk(?:ing)? to (?:myself|the walls)|"
            r"all on my own|all by myself|on my own all)\b",
            re.I,
        ),
        " lonely ",
    ),
    (
        re.compile(
            r"\b(?:(?:pop|popp|drop|dropp|stop|stopp|swing|come|came|call)(?:s|ed|ing)? "
            r"(?:round|by|over|in on)|(?:turn|show)(?:s|ed|ing)? up)\b",
            re.I,
        ),
        " visit ",
    ),
    (
        # Saying sorry for talking so much: the words are all light ones ("I do go on").
        re.compile(
            r"\b(?:(?:do|does|did) go on|go(?:es|ing)? on (?:and on|so)\b|"
            r"(?:listen to|hark at) me|rambl\w*|prattl\w*|wittering|rabbit(?:ing|s)? on|"
            r"talk(?:s|ed|ing)? (?:the hind legs|your ears? off|too much|nineteen to the dozen)|"
            r"(?:lost|losing) (?:my|the) (?:train of thought|thread)|where was i)",
            re.I,
        ),
        " ramble ",
    ),
]
# Answer words, intensifiers and light verbs: what a check-in answer is made of (네 먹었어요,
# 그럭저럭 괜찮아요), not what a remark is about.
_KO_STOP = frozenset(
    "괜찮다 좋다 그렇다 아니다 그냥 좀 잘 많이 조금 그럭저럭 별로 너무 참 정말 진짜 아주 다 또 "
    "늘 항상 그래서 그런데 근데 그리고 이제 오늘 어제 요즘 아침 오후 저녁 하루 종일 주 "
    "하다 있다 되다 이다 같다 나다 주다".split()
)
_KO_SYNONYMS = {
    **dict.fromkeys("손자 손녀 손주 손녀딸 손자놈".split(), "손주"),
    **dict.fromkeys("강아지 개 멍멍이 댕댕이".split(), "강아지"),
    **dict.fromkeys("고양이 냥이".split(), "고양이"),
    **dict.fromkeys("티비 테레비 텔레비전 TV tv".split(), "티비"),
    **dict.fromkeys("경로당 노인정".split(), "경로당"),
    **dict.fromkeys("복지관 복지회관".split(), "복지관"),
    **dict.fromkeys("의사 선생님 간호사 간호원".split(), "의사"),
    # the heat of summer, whichever word says it (찜통, 가마솥: a steaming pot of a day)
    **dict.fromkeys(
        "덥다 더위 무덥다 찜통 가마솥 폭염 땡볕 불볕 쨍쨍 푹푹 후텁지근".split(), "더위"
    ),
    # making kimchi, the year's big cooking (김장)
    **dict.fromkeys("김장 김치 깍두기 겉절이".split(), "김치"),
    **dict.fromkeys("영감 남편 바깥양반 영감님".split(), "남편"),
    **dict.fromkeys("마누라 아내 집사람 할멈 할망구 안사람".split(), "아내"),
    **dict.fromkeys("연속극 드라마 일일극 주말극".split(), "드라마"),
    **dict.fromkeys("기계 로봇 인공지능 AI ai 컴퓨터".split(), "기계"),
    **dict.fromkeys("생일 생신".split(), "생일"),
    **dict.fromkeys("명절 설날 추석 설".split(), "명절"),
    **dict.fromkeys("병원 보건소 의원 한의원 진료소 종합병원".split(), "병원"),
    **dict.fromkeys("결혼 결혼식 시집 장가 혼사 신랑 신부 예식장".split(), "결혼"),
}


# Korean phrases for a concept no single morpheme carries: growing up and the old days ("클
# 때는", "젊었을 적에", "그 시절") are 옛날, whatever the trigger said.
_KO_PHRASES = [
    (
        re.compile(
            r"(?:클|컸을|자랄|어릴|어렸을|젊을|젊었을|처녀|총각|시집오기 전|우리)\s?(?:때|적)|"
            r"그\s?시절|왕년|옛적|시집(?:와서|올 때|온 지|왔을 때)|"
            r"(?:열|스물|스무)[일이삼사오육칠팔구아홉여덟일곱여섯다섯넷셋둘한]*\s?(?:살)?\s?(?:에|때)"
        ),
        "옛날",
    ),
]

# Discourse markers that steer the talk and say nothing of its topic: "before I forget, my
# grandson came" is about the grandson, not about forgetting.
_EN_DISCOURSE = re.compile(
    r"\b(?:before i forget|while i (?:think|remember) of it|come to think of it|mind you|"
    r"i (?:must|have to|'ve got to) say|i tell you|you know what|if you (?:must )?know|"
    r"to be honest|if i'?m honest|truth be told|as i say|as i said|by the way)\b",
    re.I,
)

_EN_QUESTION = frozenset("what where who whom whose why how when which".split())
_EN_ASKING = frozenset({"please"})
# "Can you ...", "are you ...", "tell me": asked of the agent. "You should hear him snore" is
# a remark: "you" alone asks nothing.
_EN_ASKS_YOU = re.compile(
    r"\b(?:can|could|will|would|do|did|does|are|were|have|has|is|shall|won't|can't)\s+you\b"
    r"|\b(?:you|ya)\s+(?:there|real|a person|a robot|a machine|human)\b|\btell me\b",
    re.I,
)  # "please ring my son": a request to the agent

# Words that rank but cannot make a remark fit on their own or with one other word: negation,
# the agent addressed, coming and going. "I don't know" is not "I don't know what to do".
WEAK = {
    "en": frozenset("not you go come one two three four five six seven eight nine ten".split()),
    "ko": frozenset({"안", "못", "오다", "가다", "없다", "보다"}),
}


# Where a long utterance divides into clauses: sentence ends, commas, dashes, and (English)
# the conjunctions that join two statements; (Korean) the connective endings that close a
# clause before a new one ("...했는데 ", "...하니까 ", "...했지만 ", "...하더니 ").
_CLAUSE_EN = re.compile(
    r"[.!?;,:\u2014\u2013]+|\s-\s|\b(?:and|but|because|though|while|since)\b", re.I
)
_CLAUSE_KO = re.compile(
    r"[.!?;,:\u2014\u2013~]+|\s-\s|(?<=는데|니까|지만|더니|는지|던지|면서|[가나와워해봐서]서|길에)\s|(?<=나서는)\s"
)


def clauses(text: str, language: str) -> list[str]:
    """`text` divided into clauses (at least the whole text, stripped)."""
    pattern = _CLAUSE_KO if language == "ko" else _CLAUSE_EN
    parts = [p.strip() for p in pattern.split(text) if p and p.strip()]
    return parts or [text.strip()]


def terms(text: str, language: str) -> list[str]:
    """The retrieval terms of `text`, in order (repeats kept)."""
    return read(text, language)[0]


def read(text: str, language: str) -> tuple[list[str], bool]:
    """The retrieval terms of `text` and whether it could be a question to the agent (`asks`),
    from one analysis."""
    if language != "ko":
        text = _EN_DISCOURSE.sub(" ", text)
        for pattern, concept in _EN_PHRASES:
            text = pattern.sub(lambda m, c=concept: f"{m.group(0)}{c}", text)
    if language == "ko":
        text = ko_spoken(text)  # regional endings the analysis keeps (많아가, 없응께)
    analysis = analyze(text, language)
    if language == "ko":
        from dialogue.analysis.ko import content_lemmas, is_question, is_request

        found = [
            ko_fold(_KO_SYNONYMS.get(t, t)) for t in content_lemmas(analysis) if t not in _KO_STOP
        ]
        # A phrase's concept joins the morphemes (inserted into the text, it would change how
        # Kiwi reads the sentence around it).
        found += [c for pattern, c in _KO_PHRASES for _ in pattern.finditer(text)]
        return found, is_question(analysis) or is_request(analysis)
    out = []
    for token in analysis.tokens:
        lemma = token.lemma
        if lemma in _EN_KEEP:
            out.append(_EN_KEEP[lemma])
        elif token.surface in _EN_CONTENT_PRON:
            out.append(_EN_SYNONYMS.get(_EN_CONTENT_PRON[token.surface], "nobody"))
        elif lemma in _EN_QUESTION:
            out.append(lemma)  # "who are you" asks the agent's name
        elif token.tag in _EN_DROP_TAGS or lemma in _EN_STOP or token.surface in _EN_STOP:
            continue
        else:
            term = _EN_SYNONYMS.get(lemma, lemma)
            out.append(term)
            # the word's topic beside it ("choir" is music): triggers and remarks meet on
            # the topic when their words differ (`dialogue.analysis.en_topics`)
            cls = topic(token.surface) or topic(lemma) or topic(term)
            if cls is not None and cls not in out:
                out.append(cls)
    lemmas = {t.lemma for t in analysis.tokens}
    asking = "?" in text or bool(lemmas & (_EN_QUESTION | _EN_ASKING))
    return out, asking or bool(_EN_ASKS_YOU.search(text))


def meanings(found: set[str]) -> set[str]:
    """`found` with each topic class term dropped when a word of that topic is among them:
    "choir" and its "~music" are one thing said, not two, for the fit rules that count words."""
    said = {topic(t) for t in found if not t.startswith(PREFIX)}
    return {t for t in found if not t.startswith(PREFIX) or t not in said}


def heads(text: str, language: str) -> dict[str, str]:
    """English: each content word that modifies the noun after it, and that noun (its head):
    "the blue car" -> {blue: car}, "the weather channel" -> {weather: channel}. A word that
    only modifies another says what that other thing is like; the phrase is about its head.
    (Korean: {}.)"""
    if language == "ko":
        return {}
    tokens = analyze(text, language).tokens
    out: dict[str, str] = {}
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a.tag in ("ADJ", "NOUN") and b.tag == "NOUN" and a.sentence == b.sentence:
            if a.lemma in _EN_STOP or b.lemma in _EN_STOP:
                continue
            out[_EN_SYNONYMS.get(a.lemma, a.lemma)] = _EN_SYNONYMS.get(b.lemma, b.lemma)
    return out


def asks(text: str, language: str) -> bool:
    """Whether `text` could be a question or request to the agent: a question mark, or
    (English) "you", "please" or a question word, (Korean) a question word, an ending that only
    asks, or a request (해 줘요). "Yes I ate" and "네 먹었어요" are answers, not "have you
    eaten?"."""
    return read(text, language)[1]
