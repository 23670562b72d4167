"""What retrieval compares: the content lemmas of an utterance (P4).

Korean: Kiwi morphemes (`dialogue.analysis.ko.content_lemmas`): 외로워요, 외롭네, 외로워서 all
give 외롭다. English: lemminflect lemmas (`dialogue.analysis.en`), without function words:
"my grandson came to see me" -> grandchild come see. A few everyday synonyms are folded into one
term (grandson, granddaughter, grandkids -> grandchild; 손자, 손녀 -> 손주) so a trigger written
with one finds a person who says the other; "you" is kept, since it is what tells a question
to the agent ("how old are you") from a remark ("I'm getting old").
"""

from __future__ import annotations

from dialogue.analysis import analyze

_EN_DROP_TAGS = frozenset({"PRON", "DET", "ADP", "CCONJ"})
_EN_KEEP = {"you": "you", "your": "you", "yourself": "you", "yours": "you"}
_EN_STOP = frozenset(
    "not be do have can could will would shall should may might must 's m ve re ll d nt "
    "yes yeah yep yup no nope oh ah eh um uh hmm well just really very so quite too "
    "okay ok alright right sure thank thanks please dear a bit lot get got".split()
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
}
_KO_SYNONYMS = {
    **dict.fromkeys("손자 손녀 손주 손녀딸 손자놈".split(), "손주"),
    **dict.fromkeys("강아지 개 멍멍이 댕댕이".split(), "강아지"),
    **dict.fromkeys("고양이 냥이".split(), "고양이"),
    **dict.fromkeys("티비 테레비 텔레비전 TV tv".split(), "티비"),
    **dict.fromkeys("경로당 노인정".split(), "경로당"),
    **dict.fromkeys("복지관 복지회관".split(), "복지관"),
    **dict.fromkeys("의사 선생님".split(), "의사"),
    **dict.fromkeys("영감 남편 바깥양반".split(), "남편"),
    **dict.fromkeys("마누라 아내 집사람".split(), "아내"),
    **dict.fromkeys("기계 로봇 인공지능 AI ai 컴퓨터".split(), "기계"),
    **dict.fromkeys("생일 생신".split(), "생일"),
    **dict.fromkeys("명절 설날 추석 설".split(), "명절"),
}


def terms(text: str, language: str) -> list[str]:
    """The retrieval terms of `text`, in order (repeats kept)."""
    if language == "ko":
        from dialogue.analysis.ko import content_lemmas

        return [_KO_SYNONYMS.get(t, t) for t in content_lemmas(text)]
    out = []
    for token in analyze(text, "en").tokens:
        lemma = token.lemma
        if lemma in _EN_KEEP:
            out.append(_EN_KEEP[lemma])
        elif token.tag in _EN_DROP_TAGS or lemma in _EN_STOP or token.surface in _EN_STOP:
            continue
        else:
            out.append(_EN_SYNONYMS.get(lemma, lemma))
    return out


_EN_QUESTION = frozenset("what where who whom whose why how when which".split())


def asks(text: str, language: str) -> bool:
    """Whether `text` could be a question to the agent: a question mark, or (English) "you" or
    a question word, (Korean) a question word or an ending that only asks. "Yes I ate" and
    "네 먹었어요" are answers, not "have you eaten?"."""
    if "?" in text:
        return True
    if language == "ko":
        from dialogue.analysis.ko import is_question

        return is_question(text)
    lemmas = {t.lemma for t in analyze(text, "en").tokens}
    return bool(lemmas & (_EN_QUESTION | set(_EN_KEEP)))
