"""The Korean role guard's persona categories: what the agent cannot know or be. It knows no
weather, news or date (unless the person said it: 덥다고 하셨으니), has no meals, family or
body of its own, cannot see the person, and remembers only what memory holds.

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import (
    AI_WORDS,
    BODY,
    EXPERIENCE,
    FALL_VERBS,
    FAMILY,
    HUMAN_ONLY,
    LOOKS,
    NEWS,
    OUTSIDE,
    SUITS,
    TIMES,
    WEATHER,
    WEATHER_FALL,
    WEATHER_WEAK,
)  # fmt: skip
from dialogue.guard_ko_memory import head_of

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]


def _attributed(s: Sent, i: int) -> bool:
    """The person said it (덥다고 하셨는데, 비가 온다니) or feels it (더우시죠)."""
    for k in range(i, min(i + 14, s.n)):
        lemma = s.lem(k)
        if s.tag(k) in ("EC", "ETM", "JKQ") and lemma.endswith(
            ("다고", "라고", "다니", "다는", "라니", "대서", "래서", "냐고")
        ):
            if s.lem(k + 1) in ("소식", "뉴스", "기사", "얘기", "소문"):
                continue  # 지진이 났다는 소식: news, not the person's words
            if any(s.lem(m) in ("시", "으시", "말씀") for m in range(k + 1, min(k + 4, s.n))):
                return True
            if lemma.endswith(("다니", "라니")):
                return True
        if s.lem(k) == "말씀":
            return True
    p = s.pred(i) if s.is_pred(i) else None
    return bool(p and p.hon)


def world(s: Sent, ctx: GuardContext) -> Span | None:
    if s.has(frozenset({"모르"})) or any(
        s.lem(k) in ("알", "보", "확인", "듣") and s.is_pred(k) and s.pred(k).neg
        for k in range(s.n)
    ):
        return None  # 거기 날씨는 제가 알 수가 없는데
    if (hearsay := _hearsay(s)) is not None:
        return hearsay
    for k in range(1, s.n - 2):  # 벌써 김장할 때네요, 이제 곧 추석 쇨 때예요: the season, claimed
        when = s.tag(k) == "ETM" and s.lem(k + 1) in ("때", "철", "무렵") and s.tag(k + 2) == "VCP"
        soon = s.has(frozenset("이제 벌써 곧 슬슬 어느덧 어느새".split()), 0, k)
        if when and soon and not s.question and not s.has(frozenset({"시", "으시"}), 0, k):
            return 0, min(s.n - 1, k + 3)
    for k in range(1, s.n - 1):
        if s.lem(k) in ("시", "월") and s.tag(k) == "NNB" and s.tag(k - 1) in ("MM", "NR", "SN"):
            if s.tag(k + 1) == "VCP" and not s.question:
                return max(0, k - 2), k + 1  # 지금 오후 세 시예요
    for k in range(s.n - 2):
        if s.lem(k) in ("밤", "낮", "해") and s.tag(k + 1) in ("JKS", "JX"):
            j = _next_pred(s, k)
            if s.lem(j) in ("길", "짧", "길어지", "짧아지") and not (
                s.question or _attributed(s, k)
            ):
                return k, s.pred(j).end  # 요즘 밤이 길어졌네요
    outside = [a for a, b in s.units(OUTSIDE) if s.tag(b + 1) in ("JKS", "JX")]
    spans = s.units(WEATHER | NEWS | TIMES) + [
        (k, k) for k in s.find(WEATHER, ("VV", "VA", "MAG", "XR"))
    ]
    for i, last in sorted(spans):
        lemma = next(
            (s.lem(k) for k in range(i, last + 1) if s.lem(k) in WEATHER | NEWS | TIMES),
            s.lem(last),
        )
        words = s.text(i, last).replace(" ", "")
        weak = lemma in WEATHER_WEAK and not any(
            len(w) > 1 and w in words for w in WEATHER - WEATHER_WEAK
        )
        if weak and lemma in WEATHER_FALL:
            if not any(s.lem(k) in FALL_VERBS for k in range(last + 1, min(last + 6, s.n))):
                continue  # 눈이 침침해요 is not snow
        elif weak and not (
            any(a <= last for a in outside) and not s.has(_ADVERB, last + 1, last + 2)
        ):
            continue  # 머리가 맑아요, 따뜻하게 입으세요; but 밖이 꽁꽁 얼었어요
        holiday = s.lem(last + 1) == "날" or s.tag(last + 1) in ("VCP", "JKS", "JX")
        if s.tag(i) == "NNB" or (lemma == "설" and not holiday):
            continue
        if lemma == "날" and s.tag(i - 1) in ("ETM", "MM"):
            continue  # 좋은 날이 올 거예요, 이런 날들
        if lemma in _SEASONS and s.lem(last + 1) == "에" and s.tag(last + 2) in ("JX", ""):
            continue  # 겨울엔 역시 귤이죠, 여름에는 물을 자주 드세요
        seen = any(
            s.lem(k) in ("보", "듣", "나오") and s.pred(k).past and not s.pred(k).hon
            for k in range(last + 1, s.n)
        )
        if lemma in _MEDIA and not seen:
            continue  # 유튜브에서도 볼 수 있어요 is not news; 뉴스에서 봤는데 is
        j = (
            last
            if s.is_pred(last)
            else next((k for k in range(last + 1, min(last + 7, s.n)) if s.is_pred(k)), -1)
        )
        j = head_of(s, j)  # 토요일에 즐겁게 다녀오세요, 주말에 북적이다가 조용해지면
        p = s.pred(j) if j >= 0 else None
        if j == last and s.tag(p.end) == "ETM" and s.tag(p.end + 1).startswith("NN"):
            if s.lem(p.end + 1) not in WEATHER | TIMES | NEWS:
                continue  # 시원한 물, 따뜻한 옷: what a thing is like, not the weather
        general = s.has(frozenset({"때", "날", "에는", "날씨엔", "철"}), last + 1, last + 2)
        general = (general and s.tag(last + 1) == "ETM") or any(
            s.tag(k) == "ETM"
            and s.lem(k + 1) in ("날", "때", "경우")
            and s.lem(k + 2) in ("에", "에는", "마다", "엔")
            for k in range(i, min(i + 5, s.n))
        )  # 햇볕이 뜨거운 날에는
        when = s.lem(last + 1) == "에" or not s.tag(last + 1).startswith(("J", "VCP"))
        if when and p and p.promise and s.has(_CALL_BACK, last + 1, s.n):
            continue  # 목요일에 또 전화드릴게요: when the agent calls again, no claim
        time_is = any(  # 단풍이 들 때네요: "it is the time when", a claim about now
            s.tag(k) == "ETM" and s.lem(k + 1) in ("때", "철", "무렵") and s.tag(k + 2) == "VCP"
            for k in range(i, min(i + 6, s.n - 2))
        )
        if time_is and not s.question and not _attributed(s, i):
            return i, min(s.n - 1, last + 6)
        if _attributed(s, i) or (p and (p.cond or p.hon)) or general:
            continue  # 덥다고 하셨으니, 더우면, 더운 날에는
        event = lemma in NEWS - _MEDIA and s.has(frozenset({"소식", "다는", "ᆫ다는", "났"}))
        if p and p.question and not p.ef.endswith(("죠", "지요", "잖아요")) and not event:
            continue  # 날씨는 어떠세요? 추석 잘 보내셨어요?
        told = s.has(frozenset("대요 래요 대 래 더라 더라고요 던데 다던데 라던데".split()))
        if s.question and (s.has(_THERE) or (p and s.lem(p.i) in _HOW)) and not event | told:
            continue  # 그쪽 날씨는 어떤가요, 많이 추워요?: asked of their place, not told
        if p and _feels_for(s, p):
            continue  # 날이 추워서 몸이 더 쑤시시겠어요: the weather as the reason for a guess

        if lemma in _MEDIA and p and p.hon:
            continue  # 뉴스 보셨어요
        if lemma in ("코로나", "유행", "확진") and (s.question or s.has(frozenset({"조심"}))):
            if not s.has(frozenset({"뉴스", "요즘", "래요", "대요", "던데", "라던데", "다던데"})):
                continue  # 코로나 조심하세요
        return i, p.end if p else last
    return None


_CALL_BACK = frozenset("전화 연락 통화".split())
_THERE = frozenset("그쪽 거기 그곳 댁 그동네 사시".split())
_HOW = frozenset("어떻 어떠 어떠하 어떡하".split())
_BECAUSE = frozenset("어서 아서 서 니까 으니까".split())


def _feels_for(s: Sent, p) -> bool:
    """The weather clause is the reason (-어서, -니까) for a guess about the person's own state
    (-시겠어요: 쑤시시겠어요, 힘드시겠어요): sympathy, not a report."""
    if not any(s.lem(k) in _BECAUSE and s.tag(k) == "EC" for k in range(p.i + 1, p.end + 2)):
        return False
    later = [s.pred(k) for k in range(p.end + 1, s.n) if s.is_pred(k)]
    return bool(later) and later[-1].hon and any(s.lem(k) == "겠" for k in range(p.end + 1, s.n))


_HEART = frozenset("마음 가슴 속".split())
_BUT = frozenset("지만 는데 은데 ᆫ데".split())
_PLACE = frozenset("위 옆 앞 뒤 밑 아래 구석".split())
_GREY = frozenset("하얘지 하얗 희끗 세 새하얘지 희 까맣 빠지 짧아지 길".split())
_HOME = frozenset(
    "집 방 집안 거실 부엌 마당 화분 창가 식탁 이불 커튼 벽지 살림 정원 창밖 풍경 경치 텃밭".split()
)
_GUESS_P = frozenset("같 듯".split())
_PASTIMES = frozenset(
    "라디오 음악 노래 드라마 영화 트로트 게임 화투 바둑 낚시 뜨개질 요가 수영 등산 헬스 골프 "
    "테니스 탁구 필라테스 독서 여행 캠핑 그림".split()
)
_SEASONS = frozenset("봄 여름 가을 겨울 장마철 환절기".split())
_MEDIA = frozenset("뉴스 신문 기사 방송 티비 텔레비전 인터넷 라디오 유튜브".split())


def _next_pred(s: Sent, k: int) -> int:
    return next((m for m in range(k + 1, min(k + 8, s.n)) if s.is_pred(m)), k)


def _hearsay(s: Sent) -> Span | None:
    """The agent passes on what it heard (독감이 유행이래요, 많다고 하더라고요): news it cannot
    have. Not a question, and not what the person said (하셨대요 carries 시)."""
    if s.question:
        return None
    for k, tok in enumerate(s.t):
        told = tok.tag in ("EF", "EC") and tok.lemma in ("대요", "래요", "대", "래")
        told = told or (tok.tag == "EF" and tok.lemma.startswith(("대", "래", "다더", "라더")))
        # (미어터진대요: Kiwi keeps the ᆫ/는 of 간대요, 먹는대요 on the ending)
        told = told or (tok.tag == "EF" and tok.lemma.startswith(("ᆫ대", "는대", "ᆫ데요")))
        told = told or (tok.tag == "EC" and tok.lemma in ("다던데", "라던데", "대서", "래서"))
        quote = tok.lemma.endswith(("다고", "라고")) and s.lem(k + 1) == "하"
        quote = quote and s.lem(k + 2) != "시"  # 풀린다고 하니 (not 하셨는데)
        quote = quote and not s.final_ef.endswith("잖아요")  # …라고 하잖아요: a saying
        # (아프시다니: the person's own state, said back; 해 달라고 해 보세요: a request to pass on)
        quote = quote and not s.has(frozenset({"시", "으시"}), max(0, k - 3), k - 1)
        quote = quote and not (k > 0 and s.lem(k - 1) == "달")
        heard = quote and (
            s.lem(k + 2).startswith(("더", "던")) or s.tag(k + 2) in ("EF", "EC")
        )  # 많다고 하더라고요, 많대요 (다고 해요)
        if heard and all(
            s.tag(j) in ("NNP", "NNG", "SL", "VCP") or s.lem(j) in ("저", "는", "제", "이름", "은")
            for j in range(k)
        ):
            continue  # 다온이라고 해요, 저는 민수라고 합니다: a name given, not news passed on
        if (told and not s.has(frozenset({"시", "으시", "말씀"}), 0, k)) or heard:
            return max(0, k - 3), min(k + 2, s.n - 1)
    return None


def human(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    ai = bool(s.units(AI_WORDS)) or any(x.tag == "SL" and x.lemma.upper() == "AI" for x in t)
    for i, tok in enumerate(t):
        if tok.lemma == "제" and tok.tag == "MM" and s.lem(i + 1) in FAMILY:
            return i, i + 1  # 제 동생도
        if tok.lemma not in ("저", "저희", "제") or tok.tag != "NP":
            continue
        if (
            s.lem(i + 1) == "의"
            or tok.lemma == "저희"
            or s.lem(i + 1) not in ("는", "도", "가", "이", "은")
        ):
            k = i + 2 if s.lem(i + 1) == "의" else i + 1
            if s.lem(k) in FAMILY and s.tag(k).startswith("NN"):
                return i, k  # 저희 어머니도, 제 고향은
        if s.lem(i + 1) in ("도", "는") and not ai:
            for k in range(i + 2, min(i + 6, s.n)):
                mine = s.lem(k) not in BODY or s.tag(k + 1) in ("JKS", "JX")  # 저도 무릎이
                if s.lem(k) in FAMILY and s.tag(k).startswith("NN") and mine:
                    q = s.pred(_next_pred(s, k))
                    if s.lem(_next_pred(s, k)) == "없" and not q.neg:
                        break  # 저는 몸이 없어서, 저는 가족이 없지만: what it lacks, said plainly
                    if s.lem(k + 1) not in ("님", "분") and not q.hon:
                        return i, k  # 저도 외할머니 생각이 나네요
        denied = any(s.is_pred(k) and s.pred(k).neg for k in range(i + 2, min(i + 8, s.n)))
        if s.lem(i + 1) in ("도", "는") and s.has(_MEDIA | _PASTIMES, i + 2, i + 5) and not ai:
            if denied:
                continue  # 저는 뉴스를 볼 수 없어서
            return i, min(i + 4, s.n - 1)  # 저도 라디오 자주 들어요
        if s.lem(i + 1) == "도" and s.lem(i + 2) in ("그렇", "그러", "마찬가지", "요"):
            if not s.has(frozenset({"생각", "기쁘", "반갑", "좋", "감사", "고맙"}), i + 2):
                return i, min(i + 3, s.n - 1)  # 저도 그래요, 저도요
        for k in range(i + 1, min(i + 10, s.n)):
            if t[k].lemma in EXPERIENCE and t[k].tag.startswith(("VV", "VA", "NN")):
                if s.has(_HEART, max(i, k - 3), k):
                    break  # 제 마음도 아프네요: sympathy, not a body
                p = s.pred(k)
                thing = s.tag(k + 1) == "ETM" and s.lem(k + 2) in ("거", "것")
                if not s.is_pred(k) or thing:  # 잠은 안 자요; 아픈 걸 느껴 보진 못했어요
                    first = k + 3 if thing else k + 1
                    m = next((m for m in range(first, min(k + 6, s.n)) if s.is_pred(m)), k)
                    p = s.pred(m)
                but = s.lem(p.end).endswith("지만") or s.has(_BUT, p.end, p.end + 1)
                if not (p.hon or p.question or p.cond or p.instruct or (p.neg and (ai or but))):
                    if t[k].lemma in ("보", "가", "자", "드") and not p.past:
                        continue
                    return i, p.end  # 저도 점심에 국수 먹었어요
            if t[k].lemma in ("어리", "어릴", "젊") and t[k].tag.startswith(("VA", "NN")):
                if ai and s.has(frozenset({"없", "않", "아니"}), k, s.n - 1):
                    break  # 저는 AI라서 어릴 적 추억은 없지만: what it is, said plainly
                return i, k  # 제가 어렸을 때
    for i in s.find(HUMAN_ONLY | frozenset({"먹", "마시", "다녀오"}), ("VV", "NN")):
        p = s.pred(i)
        if p.past and not p.hon and not p.question and not s.subject_nouns(i):
            if not s.has(frozenset({"드리", "주"}), i, p.end):
                return i, p.end  # 점심에 국수 먹었어요 (said by the agent of itself)
    for k, tok in enumerate(t):
        if tok.tag == "EF" and tok.lemma.startswith("더라") and not s.question:
            if not s.has(frozenset({"시", "으시", "다고", "라고"}), 0, k):
                return max(0, k - 3), k  # 머리가 맑아지더라고요: the agent's own experience
    return None


def seeing(s: Sent, ctx: GuardContext) -> Span | None:
    heard = s.has(frozenset({"목소리", "소리", "들리", "숨"}))
    for i in s.find(frozenset({"보이"}), ("VV", "VX")):
        p = s.pred(i)
        looks = s.tag(i - 1) == "EC" and s.lem(i - 1) in ("어", "아", "여", "게")
        if (looks and not heard) or not (p.hon or p.question or heard):
            return max(0, i - 2), p.end  # 좋아 보이세요, 살이 빠지신 게 보여요
    for i in range(1, s.n - 2):
        if s.lem(i) in _PLACE and s.lem(i + 1) == "에" and s.tag(i - 1).startswith("NN"):
            j = _next_pred(s, i)
            p = s.pred(j)
            if s.lem(j) in ("있", "많", "놓이", "쌓이") and not (p.hon or p.question or p.cond):
                if not _attributed(s, i):
                    return i - 1, p.end  # 식탁 위에 약봉지가 많네요
    for i in s.find(SUITS, ("VV", "VA", "XR", "NN")):
        p = s.pred(i)
        dressed = any(a < i for a, _ in s.units(LOOKS))
        person = p.hon or s.has(frozenset({"시", "으시"}), 0, i)  # 머리 하신 게 어울려요
        guess = p.future or s.has(_GUESS_P, i, s.n - 1)
        suits = s.lem(i) == "어울리" and person and not guess
        subject = suits or (
            p.hon
            and any(
                s.lem(k) in ("이", "가", "은", "는", "ᆫ")
                and s.tag(k) in ("JKS", "JX")
                and s.lem(k - 1) not in ("거", "것")
                for k in range(i)
            )
        )
        home = any(a < i and s.tag(b + 1) in ("JKS", "JX") for a, b in s.units(_HOME))
        premise = s.lem(p.end) in ("어서", "아서", "서", "니까")  # 부으셔서 걱정되시겠어요
        if not (p.question or p.cond or heard or premise) and (dressed or subject or home):
            return i, p.end  # 머리 짧게 하신 게 잘 어울려요
    if s.question:
        return None
    for i in s.find(frozenset({"머리", "머리카락"}), ("NN",)):
        grey = s.has(_GREY, i + 2, i + 5) and not s.has(frozenset({"게", "아프"}), i + 2, i + 6)
        if s.tag(i + 1) in ("JKS", "JX") and grey and not _attributed(s, i):
            return i, s.n - 1  # 머리가 많이 하얘지셨네요
    for i, last in s.units(LOOKS):
        nxt = {s.lem(k) for k in range(last + 1, min(last + 6, s.n))}
        if nxt & {"싶", "어떻", "어떠", "상상", "떠오르", "그려지"} or _attributed(s, last):
            continue  # 얼굴 보고 싶으시겠어요, 방이 춥다고 하셨으니
        if s.tag(last + 1) in ("JKS", "JX") or "보" in nxt or s.lem(last + 1) == "에":
            j = next((k for k in range(last + 1, min(last + 6, s.n)) if s.is_pred(k)), -1)
            j = head_of(s, j)  # 집안일은 미뤄 두시고 누워 계셔도 괜찮아요: the advice is the head
            q = s.pred(j) if j >= 0 else None
            imagined = q and any(  # 북적북적했겠어요: a guess at what it was like, not a sight
                s.lem(k) in ("었", "았", "였") and s.lem(k + 1) == "겠" for k in range(j, q.end)
            )
            if imagined or (q and q.permit):
                continue
            if q and not (q.cond or q.instruct or q.neg or s.lem(q.end) in ("어서", "아서", "서")):
                return i, s.pred(j).end  # 안색이 창백하시네요, 얼굴 보니 좋네요
    return None


_ADVERB = frozenset({"게"})
