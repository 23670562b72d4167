"""The Korean role guard's structural layer for the persona and manners (see `guard_ko_shapes`):

- the date stated (오늘이 벌써 동짓날이네요, 내일이 금요일이에요);
- the agent's own life wished or planned (저도 나이 들면 텃밭 가꾸고 싶어요);
- an elder told to listen or reminded they repeat themselves (제 말 좀 끝까지 들으세요, 또 그
  얘기세요? 벌써 세 번째예요).

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import BODY, FAMILY_PEOPLE, LOOKS, SPEECH, TIMES

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_DAYS = frozenset("오늘 내일 모레 글피 어제 그제 이번 다음 지금".split())
_DAY_WORDS = TIMES | frozenset("생일 장날 보름 그믐 동지 하지 단오 한식 초하루 명절".split())


def date(s: Sent, ctx: GuardContext) -> Span | None:
    """오늘이 벌써 동짓날이네요: a day named as today's (or tomorrow's) date."""
    if s.question or any(s.lem(k) in ("시", "으시") and s.tag(k) == "EP" for k in range(s.n)):
        return None
    for k in range(s.n - 2):
        if s.lem(k) not in _DAYS or s.tag(k + 1) not in ("JKS", "JX"):
            continue
        for m in range(k + 2, min(k + 6, s.n)):
            if s.tag(m) != "VCP":
                continue
            noun = s.lem(m - 1)
            dated = (
                noun in _DAY_WORDS
                or noun.endswith(("날", "요일", "절"))
                or (s.lem(m - 1) in ("일", "월") and s.tag(m - 2) in ("SN", "NR", "MM"))
            )
            if dated and s.tag(m - 1).startswith("NN"):
                return k, s.pred(m).end
            break
    return None


_FIRST = frozenset("저 제".split())
_KIND = SPEECH | frozenset("드리 돕 도와드리 도와주 응원 힘 보 뵙 뵈 듣 오래 건강".split())


def own_life(s: Sent, ctx: GuardContext) -> Span | None:
    """The agent wishing or planning a life of its own (저도 나이 들면 … 가꾸고 싶어요):
    wanting to talk with or help the person is its job."""
    for i in range(s.n - 1):
        if s.lem(i) not in _FIRST or s.tag(i) != "NP" or s.lem(i + 1) not in ("도", "는", "가"):
            continue
        for k in range(i + 2, s.n):
            if s.lem(k) != "싶" or s.tag(k) != "VX":
                continue
            acts = [m for m in range(i + 2, k) if s.tag(m).startswith(("VV", "NNG"))]
            if not acts or s.pred(k).neg or s.pred(k).question:
                break
            if any(s.lem(m) in _KIND for m in acts):
                break
            return i, s.pred(k).end
    return None


_AGAIN = frozenset("또 자꾸 맨날 계속 아까".split())
_SLIP = frozenset("까먹 잊 잊어버리 모르 헷갈리 그러 틀리 깜빡하 깜빡".split())
_ASK = frozenset("묻 물어보 여쭈 말하 말씀하 얘기하".split())
_SAID = frozenset("얘기 이야기 말 소리 말씀".split())


def talking_down(s: Sent, ctx: GuardContext) -> Span | None:
    """Telling an elder to listen (제 말 좀 끝까지 들으세요) or that they repeat themselves (또 그
    얘기세요? 벌써 세 번째예요)."""
    for i in range(s.n - 2):
        told = s.lem(i) == "말씀" and s.lem(i + 1) == "드리" and s.pred(i + 1).past
        again = s.has(frozenset({"아까", "벌써", "이미", "몇"}))
        if told and s.final_ef.endswith("잖아요") and again:
            return max(0, i - 2), s.pred(i + 1).end  # 그건 아까 말씀드렸잖아요
    for i in range(s.n - 1):
        if (
            s.lem(i) == "그만"
            and s.lem(i + 1) == "좀"
            or s.lem(i) == "좀"
            and s.lem(i + 1) == "그만"
        ):
            j = next((m for m in range(i + 2, min(i + 5, s.n)) if s.is_pred(m)), -1)
            p = s.pred(j) if j >= 0 else None
            if p and not (p.hon or p.question) and p.ef in ("어요", "아요", "여요", "요"):
                return i, p.end  # 그만 좀 울어요
    for i in range(s.n - 2):
        if s.lem(i) == "왜" and s.has(_AGAIN | frozenset({"아직", "아직도"}), i + 1, i + 3):
            j = next((m for m in range(i + 1, min(i + 9, s.n)) if s.lem(m) in _SLIP), -1)
            if j >= 0:
                return i, s.pred(j).end  # 왜 또 까먹으세요
        mine = s.lem(i) in ("저", "제") and s.lem(i + 1) == "의"
        if mine and s.lem(i + 2) in _SAID:
            j = next((m for m in range(i + 3, min(i + 8, s.n)) if s.lem(m) == "듣"), -1)
            if j >= 0 and s.pred(j).instruct:
                return i, s.pred(j).end
        if s.lem(i) in _AGAIN and s.lem(i + 1) in ("그", "같") and s.has(_SAID, i + 2, i + 4):
            return i, min(i + 4, s.n - 1)
        if s.lem(i) in _AGAIN and not s.question:
            j = next((m for m in range(i + 1, min(i + 6, s.n)) if s.lem(m) in _ASK), -1)
            if j >= 0 and s.has(frozenset({"같", "그"}), i + 1, j):
                return i, s.pred(j).end  # 자꾸 같은 걸 물어보시네요
        if (
            s.lem(i) == "번"
            and s.lem(i + 1) == "째"
            and s.has(frozenset({"벌써", "또", "몇"}), 0, i)
        ):
            return max(0, i - 2), min(i + 3, s.n - 1)
    return None


_VISUAL = frozenset(
    "거칠 거칠어지 얇 두껍 야위 마르 빠지 창백 창백하 하얗 하얘지 까맣 까매지 빨갛 검 어둡 "
    "깨끗 깨끗하 단정 단정하 낡 헐렁 헐렁하 초췌 초췌하 수척 수척하 핼쑥 핼쑥하 환하 곱 고우 "
    "예쁘 화사 화사하 멋있 멋지 세련 젊 늙 주름지 부스스하 윤기 말끔하 깔끔하".split()
)
_WEAR = frozenset("입 쓰 신 걸치 차 두르 끼 매".split())
_CLOTHES = LOOKS | frozenset("옷 모자 신발 양말 외투 점퍼 조끼 내복 목도리 장갑".split())


def looks(s: Sent, ctx: GuardContext) -> Span | None:
    """The person's body or clothes described as seen: 손이 많이 거칠어지셨네요, 옷을 좀
    얇게 입으신 것 같아요."""
    if s.question or _heard(s):
        return None
    for first, last in s.units((BODY | _CLOTHES) - frozenset({"목소리"})):
        if s.tag(last + 1) not in ("JKS", "JX", "JKO"):
            continue
        for m in range(last + 2, min(last + 7, s.n)):
            if not s.is_pred(m):
                continue
            p = s.pred(m)
            seen = s.lem(m) in _VISUAL or (s.lem(last) in _CLOTHES and s.lem(m) in _WEAR)
            premise = s.lem(p.end) in (
                "어서",
                "아서",
                "서",
                "니까",
                "으니까",
            )  # 부으셔서 걱정되시겠어요
            if seen and not (p.cond or p.neg or p.instruct or p.question or p.permit or premise):
                quoted = any(  # 눈이 예쁘게 온다고 하셨지요: ᆫ다고 is their words too
                    s.lem(j).endswith(("다니", "다고", "라고", "라니")) for j in range(m, s.n)
                )
                if not (quoted or s.has(frozenset({"상상", "생각"}), m)):
                    return first, p.end
            if s.lem(m) not in _VISUAL:
                break
    return None


def _heard(s: Sent) -> bool:
    return s.has(frozenset({"목소리", "소리", "들리", "말씀", "얘기"}))


_AGES = frozenset("예순 일흔 여든 아흔 육십 칠십 팔십 구십 백".split())


def age_asked(s: Sent, ctx: GuardContext) -> Span | None:
    """혹시 올해 여든 되셨어요? — an age guessed or asked."""
    for k in range(s.n):
        if s.lem(k) in _AGES and s.tag(k) in ("NR", "NNG", "SN"):
            if s.question or s.final_ef.endswith(("죠", "지요")):
                return k, s.n - 1
    return None


_SUN = frozenset("해 날 날씨 하늘 밖 바깥".split())
_DUSK = frozenset("지 저물 뜨 밝아지 어두워지 개 캄캄하 깜깜하".split())


def daylight(s: Sent, ctx: GuardContext) -> Span | None:
    """해가 다 졌겠네요, 밖이 캄캄해졌네요: the light outside stated."""
    if s.question or s.has(frozenset({"다고", "다니", "라고"})):
        return None
    for k in range(s.n - 2):
        if s.lem(k) in _SUN and s.tag(k).startswith("NN") and s.tag(k + 1) in ("JKS", "JX"):
            j = next((m for m in range(k + 2, min(k + 6, s.n)) if s.is_pred(m)), -1)
            if j >= 0 and s.lem(j) in _DUSK and not (s.pred(j).hon or s.pred(j).cond):
                return k, s.pred(j).end
    return None


_SIGHT = frozenset(
    "모락모락 반짝반짝 반짝 알록달록 울긋불긋 활짝 뽀얗 새하얗 노릇노릇 소복이 소복 파릇파릇 "
    "주렁주렁 가지런히 수북이 말갛".split()
)
_SEEN_ACTS = frozenset("웃 앉 눕 서 입 쓰 끼 들 보 읽 만지 들여다보".split())


def watching(s: Sent, ctx: GuardContext) -> Span | None:
    """지금 웃고 계시네요 (an act watched as it happens), 가족사진이 참 보기 좋네요 (a thing
    in the room looked at)."""
    if s.question or s.has(frozenset({"다고", "다니", "라고", "라니", "목소리", "소리"})):
        return None
    for k in range(s.n):
        if s.lem(k) in _SIGHT and s.final_ef in ("네요", "군요", "는군요"):
            return k, s.n - 1  # 차에서 김이 모락모락 나네요
    for k in range(1, s.n - 1):
        if s.lem(k) == "계시" and s.lem(k - 1) in ("고", "어", "아") and s.lem(k - 2) in _SEEN_ACTS:
            if s.final_ef in ("네요", "군요", "네", "는군요"):
                return k - 2, s.pred(k).end
        if s.lem(k) == "보" and s.lem(k + 1) == "기" and s.lem(k + 2) in ("좋", "예쁘", "흐뭇하"):
            if any(s.tag(m) == "JKS" for m in range(k)) and not s.has(frozenset({"시", "으시"})):
                return max(0, k - 3), min(k + 3, s.n - 1)
    return None


def as_you_know(s: Sent, ctx: GuardContext) -> Span | None:
    """어르신은 늘 된장국을 좋아하셨잖아요: the person's ways told back as known."""
    if not s.final_ef.endswith(("잖아요", "잖습니까")) or ctx.facts:
        return None
    hon = any(s.lem(k) in ("시", "으시") and s.tag(k) == "EP" for k in range(s.n))
    if hon and s.has(frozenset({"늘", "항상", "원래", "자주", "매번", "맨날", "예전", "옛날"})):
        return 0, s.n - 1
    return None


def family_details(s: Sent, ctx: GuardContext) -> Span | None:
    """자녀분들은 다들 뭐 하세요? (their work), 혼자 되신 지는 얼마나 되셨어요?"""
    if not s.question:
        return None
    kin = s.units(FAMILY_PEOPLE)
    for k in range(s.n - 1):
        if kin and s.lem(k) == "뭐" and s.lem(k + 1) == "하" and s.has(frozenset({"다", "들"})):
            return k, s.n - 1
        if len(kin) >= 2 and s.lem(k) in ("누구", "누가") and s.has(frozenset({"더", "제일"}), k):
            return k, s.n - 1  # 아드님이랑 따님 중에 누가 더 잘해요?
        if (
            s.lem(k) in ("혼자", "홀로")
            and s.lem(k + 1) == "되"
            and s.has(frozenset({"얼마", "얼마나"}))
        ):
            return k, s.n - 1
    return None


RULES = [
    ("world", date),
    ("human", own_life),
    ("impolite", talking_down),
    ("seeing", looks),
    ("intrusive", age_asked),
    ("intrusive", family_details),
    ("world", daylight),
    ("seeing", watching),
    ("memory", as_you_know),
]
