"""Speech-recognition slips that Kiwi's typo model does not undo, repaired before the rules read
the utterance.

Whisper writes what it hears: a noun and its particle run together as they are pronounced
(숨이 → 수미, 가슴을 → 가스믈, 정신을 → 정시늘, 불이야 → 부리야), dialect 몬 for 못. Kiwi
repairs some of these itself (정시니, 가스미); a few it reads as a name (수미). Each repair here
keeps the length of what it replaces, so token offsets still point into the text as heard, and
each asks for the context that makes it a slip (수미 before 안/못/차/막혀..., not 수미가 왔어요).
The text is analysed again only when something was repaired (rare: no cost otherwise).
"""

from __future__ import annotations

import re

from dialogue.analysis import Analysis, Token

_SYMPTOM_AFTER = (
    r"(?=\s*(?:너무\s*|좀\s*|자꾸\s*|잘\s*|계속\s*)?"
    r"(?:안|않|못|몬|차|막|가빠|가쁘|답답|턱|꽉|멎|멈|끊))"
)
# Every syllable ending in ㅆ (했, 었, 갔, 있...): the past or 있다 before an ending.
_SS = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 20)
_CAN_AFTER = r"(?=\s?(?:쉬|하겠|해|걷|일어|움직|먹|삼키))"
_REPAIRS = [
    (re.compile(r"(?<![가-힣])무뿟(?=[다어])"), "먹었"),  # 털어 무뿟다 (경상: 먹어 버렸다)
    (re.compile(r"(?<![가-힣])묵었(?=[다어])"), "먹었"),
    (
        re.compile(r"가스미(?=\s?(?:요금|값|검침|레인지|통|불|밸브))"),
        "가스비",
    ),  # the bill, not 가슴이
    (
        re.compile(r"(?<![가-힣])가수(?=\s?(?:냄새|누출|밸브|새(?:요|는|어|네|고|서)|샌다|샜))"),
        "가스",
    ),  # 가스 냄새 heard as 가수 (a singer) 냄새: nobody smells a singer
    (re.compile(r"(?<![가-힣])몯(?=\s?[가-힣])"), "못"),  # 몯 쉬겠어요: 못 as heard
    (re.compile(r"(?<![가-힣])[모몬] 니러"), "못 일어"),  # 못 일어나요 heard as 모 니러나요
    (re.compile(r"(?<![가-힣])[모몬] 머거"), "못 먹어"),
    (re.compile(r"(?<![가-힣])[모몬]니러"), "못일어"),
    (re.compile(r"(?<![가-힣])너머(?=[저져졌지질])"), "넘어"),  # 너머저써요 (not 산 너머)
    (re.compile(r"(?<=[을늘글]\s)이러써"), "잃었어"),
    (re.compile(r"(?<=[을늘글]\s)이럿"), "잃었"),  # 정시늘 이럿다가
    (re.compile(r"(?<![가-힣])도아(?=\s?주)"), "도와"),  # 도아 주세요
    (re.compile(r"(?<=주)세오(?![가-힣])"), "세요"),  # 정시늘 이러써요
    (re.compile(r"(?<=[을늘글])이러써"), "잃었어"),
    (re.compile(r"(?<=[을늘글]\s)이러버"), "잃어버"),
    (re.compile(r"(?<![가-힣])머처(?=[요서어])"), "멈춰"),  # 피가 안 머처요
    (re.compile(r"(?<![가-힣])수미" + _SYMPTOM_AFTER), "숨이"),
    (re.compile(r"(?<![가-힣])수믈(?=\s*(?:못|몬|안|잘|제대로|쉴|쉬))"), "숨을"),
    (re.compile(r"(?<![가-힣])쑤미" + _SYMPTOM_AFTER), "숨이"),
    (re.compile(r"가스믈"), "가슴을"),
    (re.compile(r"가스메(?=\s)"), "가슴에"),
    (re.compile(r"정시늘"), "정신을"),
    (re.compile(r"(?<![가-힣])부리야"), "불이야"),
    (re.compile(r"(?<![가-힣])부리(?=\s?(?:났|나써|낫|붙))"), "불이"),
    (re.compile(r"(?:(?<![가-힣])|(?<=[을를이가도]))몬" + _CAN_AFTER), "못"),
    (re.compile(r"(?<![가-힣])스러져"), "쓰러져"),
    (re.compile(r"(?<![가-힣])스러졌"), "쓰러졌"),
    (re.compile(r"(?<![가-힣])이러나(?=[지질요])"), "일어나"),
    (re.compile(r"(?<![가-힣])이러서(?=[지질요])"), "일어서"),
    (re.compile(r"(?<![가-힣])사려(?=\s?(?:주|줘))"), "살려"),
    (re.compile(r"통정(?=[이은도가을]|\s)"), "통증"),  # 가슴 통정이 심해요
    (re.compile(r"(?<=수가\s)업어"), "없어"),  # 일어날 수가 업어요
    (re.compile(r"(?<=수\s)업어"), "없어"),
    (re.compile(r"아무거또"), "아무것도"),
    # Written as pronounced: 져 heard as 저 after a stem in -어 (넘어저서, 미끌어저서, 부러저써요;
    # not 어저께), 못해 as 모태 (일어나지를 모태요), 있어 as 이써 (굶고 이써요), 굶고 as 굼꼬,
    # 들어 as 드러 (드러왔어요), the tensed 까스 for 가스, dialect 워디 for 어디.
    (re.compile(r"(?<=[가-힣])어저(?=[서요써도]|\s)"), "어져"),
    (re.compile(r"(?<![가-힣])모태(?=[요서])"), "못해"),
    (re.compile(r"(?<![가-힣])모타(?=[겠게])"), "못하"),
    (re.compile(r"(?<![가-힣])이써(?=[요서])"), "있어"),
    (re.compile(r"(?<![가-힣])이써써"), "있었어"),
    (re.compile(r"(?<![가-힣])굼꼬"), "굶고"),
    (re.compile(r"(?<![가-힣])드러(?=[와왔오가갔])"), "들어"),
    (re.compile(r"(?<![가-힣])까스(?=\s?(?:냄새|새|누출|밸브|불|레인지|통))"), "가스"),
    (re.compile(r"(?<![가-힣])워디"), "어디"),
    (re.compile(r"(?<![가-힣])통채(?=로|\s|$)"), "통째"),  # 통째로 as often spelled (약병을 통채로)
    # The past written with a doubled 써 (먹었써요, 쓰러졌써, 했써요): Kiwi reads 써 as 쓰다
    # (to write, bitter), so the past and its verb come apart (먹/었/쓰/어요).
    (re.compile(rf"(?<=[{_SS}])써(?=[요서도]|$|[\s.,?!~])"), "어"),
    (re.compile(r"(?<=기\s)시러(?=[요])"), "싫어"),  # 살기 시러요
    (re.compile(r"(?<=기가\s)시러(?=[요])"), "싫어"),
]


def repaired(text: str) -> str:
    for pattern, standard in _REPAIRS:
        text = pattern.sub(lambda m, s=standard: s if len(s) == len(m.group()) else m.group(), text)
    return text


def repair(analysis: Analysis) -> Analysis:
    """`analysis` itself, or the analysis of the repaired text with surfaces from the original."""
    fixed = repaired(analysis.text)
    if fixed == analysis.text:
        return analysis
    from dialogue.analysis.ko import analyze

    again = analyze(fixed)
    text = analysis.text
    tokens = tuple(
        Token(text[t.start : t.end], t.lemma, t.tag, t.start, t.end, t.sentence)
        for t in again.tokens
    )
    return Analysis(text=text, language=analysis.language, tokens=tokens)
