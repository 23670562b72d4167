"""The Korean role guard's structural layer: the shapes violations take, whatever the words.

The category rules (`guard_ko`, `guard_ko_medical`, `guard_ko_persona`, `guard_ko_manners`)
read concepts in their usual wordings. A care-call agent's own repertoire is narrow (questions,
empathy, praise, reflecting what the person said, referrals, greetings), so this layer fails
closed on the few sentence shapes a role violation needs and a caring turn never has:

- someone (staff, the agent) committed to come or to do something at the person's door:
  a verb of coming or of doing-for (-어 드리-) whose clause ends in a future, a promise or a
  plan (…들러서 혈압 재 드릴 거예요, …가시기로 했어요);
- a named or unnamed condition said to be what the person has (파킨슨 초기일 가능성이 높아요);
- the clock or the date stated (벌써 여섯 시가 넘었네요);
- buying put to the person (보호대 하나 장만하시면 편하실 거예요, 지금 주문하시면 더 드려요).

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None. `guard_ko.violations` runs them after the category rules, for categories
those did not already find.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import PROMISE_EF, Pred, Sent
from dialogue.guard_ko_lexicon import (
    ADDRESS,
    CARE_WORKER,
    FAMILY_PEOPLE,
    PLACES,
    SELF,
    STAFF,
    VISIT,
)  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_LINK_EC = frozenset("어서 아서 서 고 어 아 여 며 으며 러 으러".split())
_PLAN = frozenset("예정 계획 일정 약속".split())
# Acts another person would do for the person, that need someone at the door.
_SPEECH_ACTS = frozenset(
    "알리 알려주 안내 설명 말씀 말하 전하 전달 여쭈 여쭙 묻 답 대답 이야기 얘기 연락 전화 "
    "상담 상의 도와주 돕 챙기 확인 생각 추천 소개 기억 들 듣 말".split()
)
_COME = VISIT | frozenset("오시 들리 다녀가 방문하 찾 다니 와 나가 나오 들어가 건너가".split())
# What one goes somewhere to do for the person: 뵈러 갈게요, 배달해 드리러 갈게요.
_FOR_THEM = frozenset("드리 주 뵈 뵙 만나 확인 살피 챙기 돕 모시".split())


def _chain(s: Sent, i: int) -> int:
    """The head of the last predicate in the chain of clauses that predicate `i` starts:
    들러서 … 드릴 거예요 is one commitment, carried by its last predicate."""
    head, j = i, s.pred(i).end
    while j + 1 < s.n and s.lem(j) in _LINK_EC and s.tag(j) == "EC":
        k = next((m for m in range(j + 1, min(j + 6, s.n)) if s.is_pred(m)), -1)
        if k < 0:
            break
        head, j = k, s.pred(k).end
    return head


def clause_end(s: Sent, i: int) -> int:
    return s.pred(_chain(s, i)).end


def _final(s: Sent, i: int) -> Pred:
    """The predicate that carries the commitment of `i`'s chain."""
    return s.pred(_chain(s, i))


def _planned(s: Sent, i: int, end: int) -> bool:
    """-기로 했어요 / -기로 되어 있어요, or an 예정 / 일정: a plan, with or without 시."""
    lemmas = [s.lem(m) for m in range(i, min(end + 4, s.n))]
    for m, lemma in enumerate(lemmas[:-1]):
        if lemma == "기" and lemmas[m + 1] == "로":
            return True
    return any(s.lem(m) in _PLAN for m in range(i, min(end + 3, s.n)))


def commits(s: Sent, i: int) -> bool:
    """The clause of predicate `i` says a thing will happen (not asked, wished, denied or a
    condition): 거예요, -ㄹ게요, -겠-, -기로 했어요, -ㄹ 수 있어요."""
    p = s.pred(i)
    if p.cond or p.neg:
        return False
    f = _final(s, i)
    if f.neg or f.cond or (f.question and not f.promise):
        return False
    if s.has(frozenset({"좋", "바라", "싶"}), f.i, f.end + 2) and f.cond is False:
        if any(s.lem(m).endswith(("면", "으면")) for m in range(i, f.end + 1)):
            return False  # 오셨으면 좋겠어요: a wish
    made = any(s.lem(m) == "게" for m in range(i, f.end)) and s.final_ef in PROMISE_EF
    made = made or (f.ef.startswith(("ᆫ대", "는대", "대")) and f.hon)  # 댁에 가신대요
    return f.future or f.promise or f.can or made or _planned(s, i, f.end)  # 들르시게 할게요


_WORKERS = ("원", "기사", "사원", "요원", "대원", "봉사자", "관계자")
_SUBJ = frozenset("이 가 께서 은 는 도".split())


def _actor(s: Sent, i: int) -> tuple[int, str] | None:
    """Who does predicate `i`: a staff member or someone sent ('staff'), the agent ('self'),
    the person or their family ('them'), or None when unsaid."""
    for k in range(i - 1, -1, -1):
        if s.tag(k) in ("JKS", "JX") and k > 0 and s.lem(k) in _SUBJ:
            head = k - 1
            while head > 0 and s.tag(head).startswith(("XSN", "NNB")) and s.lem(head) != "거":
                head -= 1  # 요양보호사분이, 선생님이
            first = head
            while first > 0 and s.tag(first - 1).startswith(("NN", "XSN")):
                first -= 1
            words = "".join(s.lem(m) for m in range(first, k))
            if s.lem(head) in SELF and s.tag(head) == "NP":
                return head, "self"
            if s.lem(head) in ADDRESS or s.lem(k - 1) in ("거", "것", "건"):
                return head, "them"
            if any(w in words for w in STAFF if len(w) > 1) or s.lem(head) in STAFF:
                return first, "staff"
            titled = s.lem(k - 1) == "님" and s.tag(k - 1) == "XSN"
            titled = titled or words.endswith(_WORKERS)  # 배달원이, 기사가
            titled = titled or (len(words) >= 3 and words.endswith("인"))  # 간병인이
            if titled and not any(w in words for w in FAMILY_PEOPLE | ADDRESS):
                return first, "staff"  # 통장님이 오실 것 같아요
            if s.tag(head).startswith("NN"):
                return head, "them"
    return None


def their_words(s: Sent, after: int = 0) -> bool:
    """The sentence passes on what the person said (와 주면 좋겠다고 하신 건, 찾아오신다니),
    from token `after` on: 반찬 떨어지셨다니 … 갈 거예요 quotes only its first clause."""
    for k in range(after, s.n):
        lemma = s.lem(k)
        if lemma.endswith(("다니", "라니", "다면서", "라면서")) and s.tag(k) in ("EC", "EF"):
            return True
        if lemma.endswith(("다고", "라고", "다는", "냐고", "자고")) and s.tag(k) in ("EC", "ETM"):
            if s.has(frozenset({"시", "으시", "말씀"}), k + 1, k + 4):
                return True
    return False


def visit(s: Sent, ctx: GuardContext) -> Span | None:
    """Someone committed to come to the person: staff or the agent, with a verb of coming and
    a future, a promise or a plan (선생님이 들러서 … 드릴 거예요, 보호사분이 가시기로 했어요)."""
    if s.question and not s.promised:
        return None
    for i in s.find(_COME, ("VV", "NNG")):
        if their_words(s, i):
            continue
        if s.lem(i) in ("가", "오", "와", "다니") and s.lem(i - 1) in ("어", "아", "여"):
            if s.tag(i - 1) == "EC":
                continue  # 드셔 가세요, 해 오셨어요: an auxiliary, not coming
        p = s.pred(i)
        e = i - 1
        while e > 0 and s.tag(e) == "MAG":
            e -= 1  # 뵈러 한번 갈게요
        errand = s.lem(e) in ("러", "으러") and s.tag(e) == "EC"
        errand = errand and (s.lem(e - 1) in _FOR_THEM or s.has(PLACES, 0, i))
        if errand and s.lem(i) in ("가", "오") and (p.promise or p.future) and not p.hon:
            return max(0, i - 3), p.end  # 도시락 배달해 드리러 갈게요
        who = _actor(s, i)
        place = s.has(PLACES, max(0, i - 4), i)
        if who is None or who[1] == "them":
            continue
        if who[1] == "self" and not place and s.lem(i) in ("가", "오", "와", "다니"):
            continue  # 제가 다음에 또 올게요 is read by guard_ko's visit rule
        f = _final(s, i)
        now = f.ef in ("어요", "아요", "여요", "요") and not (f.past or f.hon or f.question)
        now = now and not (f.neg or p.neg)
        if commits(s, i) or (who[1] == "self" and now and not p.cond):
            return who[0], clause_end(s, i)  # 제가 모시고 바람 쐬러 나가요
    return None


_ASKS_OTHERS = frozenset(
    "얘기 이야기 말하 말씀드리 연락 전화 부탁 요청 신고 알리 전하 신청".split()
)


def if_i_ask(s: Sent, ctx: GuardContext) -> Span | None:
    """The agent asking someone as the condition of a promised result: 제가 경비실에 얘기하면
    바로 올라가 볼 거예요."""
    if s.question:
        return None
    for i in s.find(_ASKS_OTHERS, ("VV", "NNG")):
        p = s.pred(i)
        if not p.cond or p.hon or not s.agent_subject(i):
            continue
        later = [m for m in range(p.end + 1, s.n) if s.is_pred(m)]
        if later and any(s.pred(m).future or s.pred(m).promise for m in later):
            if not (ctx.alerting and s.has(CARE_WORKER)):
                return i, s.n - 1  # 제가 연락드리면 따님이 바로 오실 거예요
    return None


def done_by_staff(s: Sent, ctx: GuardContext) -> Span | None:
    """Staff committed to do something for the person other than talk (간호사님이 혈압 재 드릴
    거예요, 보호사님이 장 봐 주실 거예요): only someone at the door can."""
    if s.question:
        return None
    for k in s.find(frozenset({"드리", "주", "주시"}), ("VX",)):
        main = k - 2 if s.tag(k - 1) == "EC" else k - 1
        light = s.tag(main).startswith("XSV") or s.lem(main) in ("하",)
        words = {s.lem(main), s.lem(main - 1) if light else ""}
        if words & _SPEECH_ACTS or main < 0:
            continue
        who = _actor(s, main)
        if who is None or who[1] != "staff":
            continue
        if any(w in s.text(who[0], main) for w in ("의사", "약사")) and not s.has(PLACES):
            continue
        if commits(s, main):
            return who[0], clause_end(s, main)
    return None


_CLOCK = frozenset("시 분 시간".split())
_PASS = frozenset("넘 지나 되 다되 가까워지 가깝".split())


def clock(s: Sent, ctx: GuardContext) -> Span | None:
    """The time of day stated: 벌써 저녁 여섯 시가 넘었네요, 곧 열두 시 다 돼요."""
    if s.question:
        return None
    for k in range(1, s.n):
        if s.lem(k) not in ("시", "분") or s.tag(k) != "NNB":
            continue
        if s.tag(k - 1) not in ("MM", "NR", "SN"):
            continue
        j = next((m for m in range(k + 1, min(k + 5, s.n)) if s.is_pred(m)), -1)
        subject = s.tag(k + 1) in ("JKS", "JKC", "JX", "")
        half = 1 if s.lem(k + 1) in ("반", "쯤", "정각") else 0
        if s.tag(k + 1 + half) == "VCP" and j == k + 1 + half and not s.pred(j).cond:
            return max(0, k - 2), s.pred(j).end  # 지금 오후 세 시 반이에요
        if j < 0 or s.lem(j) not in _PASS:
            continue
        p = s.pred(j)
        if not (p.hon or p.cond or p.neg or p.question) and subject:
            return max(0, k - 2), p.end
    return None


_EVERYONE = frozenset("다들 너도나도 많이들 집집마다 인기".split())
_TREND = frozenset("대세 인기 히트 입소문 유행 불티 날개 품절".split())
_RECENT = frozenset("이번 요즘 새로 최근 요새 올해 신".split())
_REPORT_WORDS = frozenset("결과 검사 처방 소식 사진 편지 점수 성적 책".split())
_INSURE = frozenset("보험 상조 적금 펀드 실비".split())
_BUY = frozenset("사 구입 구매 장만 주문 마련 들이 들여놓 신청 가입 결제 써보 사용 설치".split())
_GOODS = frozenset(
    "보호대 기계 제품 상품 세트 박스 기구 매트 의자 침대 영양제 보조제 건강식품 홍삼 안마기 "
    "보청기 지팡이 보행기 깔창 베개 이불 정수기 청정기 가습기 약 한약 즙 효도폰".split()
)
_BENEFIT = frozenset(
    "편하 좋 낫 훨씬 더 드리 무료 할인 덤 효과 든든하 편리하 가볍 한결 편안하 시원하".split()
)


def buying(s: Sent, ctx: GuardContext) -> Span | None:
    """Buying put to the person as a good idea or a deal: 보호대 하나 장만하시면 훨씬 편하실
    거예요, 지금 주문하시면 한 박스 더 드려요. Not a question about their shopping."""
    if s.question or s.has(CARE_WORKER) or their_words(s):
        return None
    if s.has(_INSURE):
        for i in s.find(frozenset({"드시", "들", "가입", "드"}), ("VV", "NNG")):
            p = s.pred(i)
            if (p.cond or p.instruct or p.permit) and not (p.neg or p.past):
                return max(0, i - 3), s.n - 1  # 이 보험 드시면 병원비 걱정은 없으실 거예요
    for i in s.find(frozenset({"나오", "출시"}), ("VV", "NNG")):
        if s.tag(i + 1) != "ETM" or s.has(_REPORT_WORDS) or not s.has(_RECENT, 0, i):
            continue
        j = next((m for m in range(i + 2, s.n) if s.is_pred(m)), -1)
        if j >= 0 and (s.lem(j) in _BENEFIT or s.pred(j).instruct):
            return max(0, i - 2), s.n - 1  # 이번에 나온 효도 라디오 정말 좋아요
    this = [k for k in range(s.n - 1) if s.lem(k) in ("이", "요") and s.tag(k) == "MM"]
    if this and not s.has(_REPORT_WORDS):
        k = this[0]
        if s.has(_TREND, k + 1) or (s.has(frozenset({"추천"}), 0, k) and s.has(SELF, 0, k)):
            return k, s.n - 1  # 요즘 이 두유가 어르신들 사이에서 대세예요
        for i in range(k + 2, s.n):
            if s.is_pred(i) and s.pred(i).cond and not s.pred(i).neg:
                later = [m for m in range(s.pred(i).end + 1, s.n) if s.is_pred(m)]
                if any(s.pred(m).hon and s.pred(m).future for m in later):
                    if s.has(frozenset({"훨씬", "더", "한결", "확실히", "정말"}), i):
                        return k, s.n - 1  # 이 보청기 쓰시면 훨씬 잘 들리실 거예요
                break
    for i in s.find(_BUY, ("VV", "NNG")):
        if s.lem(i) == "사" and not s.tag(i).startswith("VV"):
            continue
        p = s.pred(i)
        if p.hon and p.past or p.neg:
            continue  # 사셨어요: what they bought
        goods = any(s.lem(m) in _GOODS for m in range(max(0, i - 5), i))
        goods = goods or any(a < i for a, _ in s.units(_GOODS))  # 안마 + 기
        everyone = s.has(_EVERYONE) or any(
            s.lem(k) == "다" and s.lem(k + 1) == "들" for k in range(s.n)
        )
        if goods and everyone and not (p.neg or p.question):
            return max(0, i - 3), s.n - 1  # 요즘 다들 그 회사 안마기 하나씩은 들여놓으시더라고요
        now = s.has(frozenset({"지금", "오늘", "이번"}), 0, i)
        deal = now and s.lem(i) in ("주문", "구입", "구매", "신청", "가입")
        if not (goods or deal):
            continue
        later = [m for m in range(p.end + 1, s.n) if s.is_pred(m)]
        gain = any(s.pred(m).hon and s.pred(m).future for m in later)  # 따뜻하실 거예요
        if (p.cond and (s.has(_BENEFIT, p.end + 1) or gain)) or p.instruct or p.permit:
            return max(0, i - 3), s.n - 1
    return None


_TALK = frozenset("이야기 얘기 말씀 통화 대화 전화 말 수다 인사 안부 목소리".split())
_WITH = frozenset("과 와 랑 이랑 하고".split())


def together(s: Sent, ctx: GuardContext) -> Span | None:
    """The agent pictures itself doing something with the person (어르신이랑 마주 앉아 커피
    한잔하면 좋겠네요): 'with you' and an act that is not talk, wished, invited or promised."""
    for i in range(s.n - 2):
        anyhow = s.has(frozenset({"라도", "이라도"}), i + 1, i + 2) or s.final_ef == "잖아요"
        if s.lem(i) == "얼굴" and s.lem(i + 1) != "을" and not anyhow:
            k = next(
                (m for m in range(i + 1, min(i + 4, s.n)) if s.lem(m) in ("보", "뵈", "뵙")), -1
            )
            if k >= 0 and not (s.pred(k).hon or s.pred(k).neg or s.pred(k).past or s.question):
                if s.has(frozenset({"좋", "싶", "바라"}), k) or s.pred(k).promise:
                    if not s.has(frozenset({"손주", "가족", "따님", "아드님", "자녀"}), 0, i):
                        return i, s.n - 1  # 복지관에서 얼굴 한번 보면 좋겠어요
        if s.lem(i) not in ADDRESS | SELF or s.lem(i + 1) not in _WITH:
            continue
        if not s.tag(i + 1).startswith(("JKB", "JC")) or s.has(_TALK, i + 2):
            continue
        j = next((m for m in range(i + 2, s.n) if s.is_pred(m) and not s.pred(m).cond), -1)
        k = next((m for m in range(i + 2, s.n) if s.is_pred(m)), -1)
        if k < 0 or s.pred(k).hon or s.pred(k).past or s.pred(k).neg:
            continue
        wish = s.has(frozenset({"좋", "싶", "바라"}), k) and not s.pred(max(j, k)).neg
        invite = s.final_ef in (
            "ᆯ까요",
            "을까요",
            "ᆯ래요",
            "을래요",
            "ᆸ시다",
            "읍시다",
            "어요",
            "아요",
        )
        if wish or invite or s.promised:
            return i, s.n - 1
    return None


_DELIVER = frozenset("보내 배달 부치 갖다주 가져다주 가져가 가져오 갖다".split())


def delivery(s: Sent, ctx: GuardContext) -> Span | None:
    """Something committed to arrive at the person's home (약을 집까지 보내 줄 거예요)."""
    if s.question:
        return None
    for i in s.find(_DELIVER, ("VV", "NNG")):
        home = any(
            s.lem(k) in PLACES and s.lem(k + 1) in ("까지", "으로", "로", "에")
            for k in range(max(0, i - 5), i)
        )
        p = s.pred(i)
        if home and not p.hon and commits(s, i):
            return max(0, i - 4), clause_end(s, i)
    return None


_VEHICLES = frozenset("구급차 앰뷸런스 구급대 구급대원 119 택시 소방차 경찰 순찰차 차".split())
_ON_WAY = frozenset("출발 도착 오 가 달려가 달려오 출동 향하 들어가".split())


def dispatched(s: Sent, ctx: GuardContext) -> Span | None:
    """A vehicle said to be on its way (구급차는 벌써 출발했으니): the agent called nobody."""
    if s.question or their_words(s):
        return None
    for first, last in s.units(_VEHICLES):
        if s.tag(last + 1) not in ("JKS", "JX"):
            continue
        j = next((m for m in range(last + 2, min(last + 6, s.n)) if s.is_pred(m)), -1)
        if j >= 0 and s.lem(j) in _ON_WAY:
            p = s.pred(j)
            if not (p.cond or p.neg or p.hon) and (p.past or p.future or p.promise or p.ef):
                return first, p.end
    return None


RULES = [
    ("visit", visit),
    ("visit", done_by_staff),
    ("world", clock),
    ("action", delivery),
    ("action", if_i_ask),
    ("action", dispatched),
    ("advertising", buying),
    ("meeting", together),
]
