"""Korean topic classes over Kiwi lemmas, for the conversation's retrieval (P4).

A situation of the response bank has a handful of triggers; a caller nobody here wrote says the
same thing in other words (칼바람 for 추워요, 보이스피싱 for 이상한 전화, 제삿날 for 세상을 떠난
남편). Each class below folds the lemmas of one topic into one term, on both sides (the bank's
triggers and the caller's words), so a trigger written with one word finds a caller who says
another. Classes, not situations: a class is a topic several situations may share (추위 is cold
weather and a cold house; 사별 is a spouse's death and a friend's), and the situation is still
told by the other words said with it.

Only lemmas that name the topic whatever the sentence are folded: 죽다 (아파 죽겠어요), 세상
(세상 돌아가는 얘기) and 새 (새 옷) are left alone. Lemmas are Kiwi's (`dialogue.analysis.ko.
content_lemmas`: verb and adjective stems with 다). People are the body lexicon's
(`dialogue.analysis.ko_lexicon`), which safety and the guard read as well.

Also here: regional endings that the analysis's own dialect rules (`ko_dialect`, which must keep
lengths for the safety rules' offsets) leave alone, rewritten for retrieval only, where the
length may change (많아가 -> 많아서, 헷갈립니더 -> 헷갈립니다, 없응께 -> 없으니까).
"""

from __future__ import annotations

import re

from dialogue.analysis.ko_lexicon import words

# -- topic classes ---------------------------------------------------------------------------
TOPICS: dict[str, frozenset[str]] = {
    # cold weather and a cold room
    "추위": words(
        "춥다 추위 칼바람 찬바람 한파 영하 꽁꽁 얼다 서리 냉골 쌀쌀하다 으슬으슬 오들오들 "
        "덜덜 혹한 동장군 얼음장 살얼음 엄동설한 한겨울 냉기 한기 꽁꽁하다"
    ),
    # the heat of summer, beside the words terms.py folds into 더위 already
    "더위": words("뜨겁다 뜨끈하다 뜨끈 뜨뜻하다 땀 땀띠 열대야 후끈 후끈하다 끈적하다 무더위"),
    # being cheated, or someone trying to
    "사기": words(
        "사기 사기꾼 보이스피싱 피싱 스미싱 사칭 속다 속이다 낚이다 수상하다 당첨 경품 "
        "사기단 협박 가짜"
    ),
    # a death and mourning it
    "사별": words(
        "돌아가다 별세 작고 타계 여의다 사별 장례 장례식 장례식장 초상 문상 조문 빈소 "
        "제사 제삿날 기일 부고 영정 사십구재 삼우제 상여 상복 추도식 추모"
    ),
    # animals kept, besides the dog and the cat (their own classes: 강아지, 고양이)
    "짐승": words(
        "닭 병아리 오리 거위 염소 토끼 돼지 앵무새 카나리아 금붕어 거북 거북이 햄스터 "
        "어항 잉꼬 십자매 알"
    ),
    # hanging produce out to dry
    "말리기": words(
        "말리다 널다 말랭이 무말랭이 곶감 시래기 고지 호박고지 건조 채반 태양초 처마 엮다"
    ),
    # sons and daughters (grandchildren fold into 손주 in terms.py)
    "자식": words(
        "아들 딸 딸내미 아들내미 큰아들 작은아들 큰딸 작은딸 막내 막내딸 막내아들 맏아들 "
        "맏딸 장남 장녀 차남 차녀 아드님 따님 자식 자녀 아들놈 딸년"
    ),
    # coming by to see someone
    "방문": words("다녀가다 들르다 찾아오다 내려오다 올라오다 방문"),
    # the feeling of being alone
    "외로움": words("외롭다 쓸쓸하다 적적하다 허전하다 적막하다 고독하다 외로움 고독 적막 말동무"),
    # friends of a lifetime
    "벗": words("친구 동창 동무 단짝 벗 동기 친구분 동창생 소꿉친구 불알친구"),
    # mixing things up
    "헷갈리다": words("헷갈리다 헛갈리다 혼동 혼동하다 뒤죽박죽"),
}
FOLD: dict[str, str] = {lemma: topic for topic, lemmas in TOPICS.items() for lemma in lemmas}


def fold(lemma: str) -> str:
    """The topic class `lemma` belongs to, or the lemma itself."""
    return FOLD.get(lemma, lemma)


# -- regional endings, for retrieval -----------------------------------------------------------
_END = r"(?=$|[\s.,?!~…\"')])"
_B_FINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 17)  # ㅂ final

SPOKEN: list[tuple[re.Pattern[str], str]] = [
    # 경상 -아가 / -어가 for -아서 / -어서 (많아가, 나와가, 해가): not a word of its own (아가)
    (re.compile(r"(?<=[가-힣][아어와워해봐나가])가(?=[\s,])"), "서"),
    # 경상 -니더 / -니꺼 after any ㅂ니 (헷갈립니더, 아입니꺼): -니다 / -니까
    (re.compile(rf"(?<=[{_B_FINAL}]니)더{_END}"), "다"),
    (re.compile(rf"(?<=[{_B_FINAL}]니)꺼{_END}"), "까"),
    (re.compile(r"(?<![가-힣])아입니"), "아닙니"),
    # 경상 -뿟다 / -뿌다 for -어 버렸다 (떠나뿟심더), -꼬 for -고 (한다꼬)
    (re.compile(r"뿟"), " 버렸"),
    (re.compile(rf"(?<=[다라])꼬{_END}"), "고"),
    # 전라 -응께 / -응게 / -니께 for -으니까 (없응께, 하니께), -당께 for -다니까
    (re.compile(r"응[께게]"), "으니까"),
    (re.compile(r"(?<=[가-힣]니)께"), "까"),
    (re.compile(r"당께"), "다니까"),
    # 전라 -어불다 / -아부러 for -어 버리다 (잊어불, 떠져 부러)
    (re.compile(r"(?<=[어아])\s?불(?=[고다라어것겄]|\s|$)"), " 버릴"),
    (re.compile(r"(?<![가-힣])부러(?=$|[\s.,?!])"), "버려"),
    # 충청 -유 after more verb endings than the analysis's rule takes (깜빡거려유, 켜유)
    (re.compile(rf"(?<=[려켜펴겨써꺼떠뻐껴러버])유{_END}"), "요"),
    # words of the regions for standard ones
    (re.compile(r"갈쳐"), "가르쳐"),
    (re.compile(r"맨치로|맹키로|맹크로"), "처럼"),
    (re.compile(r"억수로|허벌나게|징하게|솔찬히"), "많이"),
    (re.compile(r"(?<![가-힣])(?:워디|어데)"), "어디"),
    (re.compile(r"(?<![가-힣])(?:우째|우찌|어찌코롬|어뜨케)"), "어떻게"),
    (re.compile(rf"(?<=[가-힣])는교{_END}"), "나요"),
    (re.compile(r"(?<![가-힣])마이(?=\s)"), "많이"),
]


# What a thing is likened to is not what is said about (목욕물처럼 뜨끈해요 is the heat, 솜처럼
# 늘어져요 is tiredness): the word before 처럼 / 마냥 / 맹키로 is left out of retrieval.
_LIKENED = re.compile(r"[가-힣]+(?:처럼|마냥)(?=\s|$|[.,?!])")


def spoken(text: str) -> str:
    """`text` with the regional endings and words above in their standard form, and without
    the words things are likened to."""
    for pattern, standard in SPOKEN:
        text = pattern.sub(standard, text)
    return _LIKENED.sub(" ", text)
