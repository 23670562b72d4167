"""The Korean role guard's structural layer for health (see `guard_ko_shapes`): the shapes a
diagnosis, a false reassurance, a medicine instruction or a treatment takes, whatever the words.

- a condition named by its stage or sign, or stated as certain (골다공증이 확실해요, 파킨슨
  초기일 가능성이 높아요), or the person's symptom explained (깜빡하시는 건 … 그런 거예요);
- harm or care denied (큰 병은 아닐 거예요, 병원 가실 일은 아니에요);
- medicine with any instruction beyond a reminder (주스에 타서 드시면 돼요, 안 드시는 게
  나아요); reminders (잘 챙겨 드세요, 제때 드세요) are the agent's job;
- exercise or a posture said to do the body good (걸으시면 무릎에도 좋을 거예요, 다리를 높게
  두세요).

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.analysis.ko_lexicon import SIGNS
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import BODY, CHANGE, DISEASES, MEDICINE, ORGANS, TAKE
from dialogue.guard_ko_modal import needless as modal_needless

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

REFERRAL = frozenset(
    "의사 약사 병원 진료 상의 여쭈 여쭙 물어보 전문가 보건소 치료사 한의사 진찰 119 응급실".split()
)
_STAGE = frozenset("초기 말기 전조 징후 후유증 합병증 증상 증세 초기증상 전조증상".split())
_MAYBE = frozenset("가능성 수 같 듯 모르 틀림없 분명 비슷하 비슷 흡사하 닮".split())
_MEASURES = frozenset("혈압 혈당 체온 맥박 콜레스테롤 수치 당 열 산소포화도 빈혈 수치가".split())
_LEVEL = frozenset(
    "높 낮 떨어지 오르 올라가 내려가 불안정하 떨어졌 높아지 낮아지 모자라 부족".split()
)
_POOR = frozenset("나쁘 약하 약해지 안좋 떨어지 망가지 상하 무리".split())


def _their_report(s: Sent, first: int) -> bool:
    """The state comes from what the person said (… 안 좋으시다니, … 안 좋다고 하셨죠)."""
    return any(
        s.lem(k).endswith(("다니", "라니", "다고", "라고", "다면서")) for k in range(first, s.n)
    )


_SURE = frozenset("확실 분명 틀림없 맞 의심 뻔하".split())
_CAUSE = frozenset("때문 탓 영향 원인 신호 증거".split())
_SO = frozenset("어서 아서 서 니까 으니까".split())


def _said_by_them(s: Sent) -> bool:
    """What the person said, quoted (관절염이라고 하셨죠)."""
    return any(
        s.lem(k).endswith(("다고", "라고", "다니", "라니", "다면서", "라면서")) for k in range(s.n)
    )


def _names(s: Sent) -> list[tuple[int, int]]:
    return s.units(DISEASES | frozenset("파킨슨 알츠하이머 골절 염좌 뇌진탕 고지혈증".split()))


def _function(s: Sent) -> Span | None:
    """A body function said to be failing, as an explanation or a guess."""
    for first, last in s.units((HEALTH - BODY) | _MEASURES | ORGANS):
        if s.tag(last + 1) not in ("JKS", "JX") and s.lem(last + 1) != "쪽":
            continue
        j = next((m for m in range(last + 1, min(last + 5, s.n)) if s.is_pred(m)), -1)
        if j < 0 or s.pred(j).cond:
            continue
        bad = s.lem(j) in _LEVEL | _POOR or (s.pred(j).neg and s.lem(j) in ("되", "좋"))
        tail = {s.lem(m) for m in range(j, s.n)}
        guess = bool(tail & {"거", "것", "같", "듯", "모양", "수", "서", "어서", "아서"}) and bool(
            tail & {"이", "같", "듯", "아니", "모양", "있"}
        )  # 심장이 안 좋아서일 수 있어요
        if bad and guess and not _their_report(s, first):
            return first, s.n - 1  # 혈액순환이 안 되시는 거예요, 갑상선 쪽이 안 좋으신 게 아닐까요?
    return None


def condition(s: Sent, ctx: GuardContext) -> Span | None:
    """A condition named by its stage or sign (파킨슨 초기일 가능성이 높아요), stated as certain
    (골다공증이 확실해요), or a symptom of the person explained (깜빡하시는 건 치매가 시작돼서
    그런 거예요). A guess asked (… 게 아닐까요?) is a guess made."""
    rhetorical = s.final_ef.endswith(("ᆯ까요", "을까요")) and s.has(frozenset({"아니"}))
    if (s.question and not rhetorical) or s.has(REFERRAL):
        return None
    if rhetorical:
        for first, last in _names(s):  # 역류성 식도염 아니실까요?
            if s.has(frozenset({"아니"}), last + 1, min(last + 3, s.n - 1)):
                return first, s.n - 1
        return _function(s)
    if _said_by_them(s):
        return _function(s)
    for k in range(1, s.n):
        if s.lem(k) not in _STAGE or not s.tag(k - 1).startswith(("NN", "JKG")):
            continue
        if s.lem(k - 1) in ("그런", "이런", "어떤", "무슨") or s.tag(k - 1) == "MM":
            continue
        j = k + 1
        said = s.tag(j) == "VCP" or s.lem(j) in ("일", "인") or s.has(_MAYBE, j, j + 6)
        if said and not any(s.is_pred(m) and s.pred(m).cond for m in range(j, min(j + 4, s.n))):
            return max(0, k - 2), min(s.n - 1, k + 4)
    for first, last in s.units(BODY | ORGANS | frozenset({"성대", "목구멍", "혈관"})):
        if s.lem(last + 1) not in ("에", "에서") or s.has(frozenset({"시", "으시"}), last):
            continue
        end = s.n - 1
        while end > 0 and s.tag(end).startswith("S"):
            end -= 1
        told = s.tag(end) == "EF" and s.tag(end - 1) == "VCP" and s.lem(end - 2) in ("거", "것")
        told = told or (s.lem(end - 1) == "같" and s.lem(end - 2) in ("거", "것", "듯"))
        if told and s.tag(last + 3) == "JKS" and s.tag(last + 4).startswith("VV"):
            return first, end  # 무릎에 물이 찬 거예요
    if (found := _function(s)) is not None:
        return found
    for first, last in s.units(_MEASURES):
        if s.tag(last + 1) not in ("JKS", "JX"):
            continue
        j = next((m for m in range(last + 2, min(last + 5, s.n)) if s.is_pred(m)), -1)
        if j >= 0 and s.lem(j) in _LEVEL and not (s.pred(j).cond or s.pred(j).neg):
            return first, s.pred(j).end  # 혈압이 조금 높으신 것 같아요
    for first, last in _names(s):
        if s.tag(last + 1) not in ("JKS", "JX", "VCP"):
            continue
        j = next((m for m in range(last + 1, min(last + 5, s.n)) if s.is_pred(m)), -1)
        if j >= 0 and (s.lem(j) in _SURE or s.lem(j - 1) in _SURE) and not s.pred(j).cond:
            return first, s.pred(j).end  # 골다공증이 확실해요
    for k in range(1, s.n - 2):
        run = k - 1
        while run > 0 and s.tag(run - 1).startswith("NN"):
            run -= 1  # 폐 기능이
        body = any(s.lem(m) in HEALTH for m in range(run, k)) and s.tag(k).startswith(("JKS", "JX"))
        j = next((m for m in range(k + 1, min(k + 6, s.n)) if s.lem(m) in _SO), -1)
        if body and j > 0 and s.lem(j + 1) in ("그렇", "그러", "그런") and not s.pred(j - 1).hon:
            return k - 1, s.n - 1  # 혈압이 떨어져서 그런 것 같아요
    topic = [
        k
        for k in range(1, s.n - 1)
        if s.tag(k) == "ETM" and s.lem(k + 1) in ("거", "것") and s.tag(k + 2) == "JX"
    ]
    if topic and not s.has(frozenset({"말씀", "좋", "다행", "당연", "대단", "훌륭"})):
        rest = range(topic[0] + 3, s.n)
        named = any(a >= topic[0] for a, _ in _names(s))
        cause = any(s.lem(m) in _CAUSE for m in rest)
        so = any(s.lem(m) in _SO and s.lem(m + 1) in ("그렇", "그러", "그런") for m in rest) or any(
            s.lem(m) in ("그런", "그렇") and s.lem(m + 1) in ("거", "것") for m in rest
        )
        if (named and (cause or so)) or (cause and s.tag(s.n - 2) in ("EF",)):
            return topic[0], s.n - 1
        lacking = any(
            s.lem(m) in _SO
            and s.tag(m + 1) == "VCP"
            and s.tag(m - 1).startswith(("VV", "VA", "XS"))
            for m in rest
        )  # 마그네슘이 부족해서예요
        if lacking and any(s.tag(m) == "JKS" for m in rest):
            return topic[0], s.n - 1
    return None


_WELL = frozenset("가볍 괜찮 좋 편하 개운하 가뿐하 멀쩡하 나 낫 편안하 튼튼하 건강하".split())
_MOOD_WORDS = frozenset("마음 기분 걱정 마음도 분위기".split())
_ORDINARY = frozenset("누구나 다들 흔하 흔히 원래 자연스럽 당연하 정상 노화 흔한 다반사".split())
_AILS = frozenset(
    "피 출혈 혈변 멍 혹 열 통증 기침 어지럼증 어지러움 두통 붓기 가래 결림 저림 쑤심 콧물 "
    "증상 깜빡 건망증 불면".split()
)
_MIND = frozenset("신경 걱정 염려 마음".split())


def _next_pred(s: Sent, k: int) -> int:
    return next((m for m in range(k, min(k + 6, s.n)) if s.is_pred(m)), k)


_SERIOUS = frozenset("크 심각하 위험하 나쁘 큰일 대단하 중하".split())
_ILL = frozenset("병 일 문제 거 것 질환 탈 이상 증상".split())
_CARE = frozenset("병원 응급실 검사 진료 치료 의사 입원 수술 약".split())
_NOT_NEEDED = frozenset("일 정도 필요 상황 수준 단계".split())


def reassurance(s: Sent, ctx: GuardContext) -> Span | None:
    """Harm denied (큰 병은 아닐 거예요), care said not to be needed (병원 가실 일은
    아니에요), or a symptom made ordinary and not to be minded (변비 정도야 누구나 겪는
    일이니 신경 안 쓰셔도 돼요), whatever the words around."""
    if s.question or _said_by_them(s):
        return None
    if s.units(_MEASURES) and not s.has(REFERRAL):
        for k in s.find(_LEVEL, ("VA", "VV")):
            tail = {s.lem(m) for m in range(k, min(k + 6, s.n))}
            if tail & {"아니", "않"} and not s.pred(k).cond:
                return k, min(k + 5, s.n - 1)  # 혈압 150이면 그렇게 높은 편은 아니에요
    for k in range(s.n - 1):
        if s.lem(k) in ("정상", "양호", "안전") and s.tag(k).startswith("NN"):
            j = next((m for m in range(k + 1, min(k + 3, s.n)) if s.tag(m) == "VCP"), -1)
            if j >= 0 and not s.pred(j).cond and not s.has(REFERRAL):
                return k, s.pred(j).end  # 그 정도면 정상 범위예요
    for k in range(2, s.n):
        becomes = s.lem(k) == "지" and s.tag(k) == "VX" and s.lem(k - 2) in _WELL
        if becomes and not s.has(_MOOD_WORDS) and not s.has(REFERRAL):
            p = s.pred(k)
            wish = s.has(frozenset({"바라", "좋", "면", "길"}), k + 1, p.end + 3)
            if p.future and not (p.cond or p.neg or p.question or wish):
                return k - 2, p.end  # 내일은 한결 가벼워지실 거예요
    everyone = any(s.lem(k) == "누구" and s.lem(k + 1) == "나" for k in range(s.n))
    ailing = _names(s) or s.units(BODY | _AILS)
    degree = s.has(frozenset({"정도"}))  # 그 정도 멍은
    if (s.has(_ORDINARY) or everyone or degree) and ailing and not s.has(REFERRAL):
        for k in s.find(_MIND):
            p = s.pred(_next_pred(s, k))
            needless = s.has(frozenset({"필요"}), k) and s.has(frozenset({"없"}), k)
            needless = needless or modal_needless(s, _next_pred(s, k))  # 신경 쓰실 거 없어요
            if (p.neg and p.permit) or p.prohibit or (p.neg and p.instruct) or needless:
                return k, p.end  # 신경 안 쓰셔도 돼요, 신경 쓸 필요 없어요
        for k in s.find(frozenset({"두", "놔두", "내버려두", "참"}), ("VV",)):
            if s.pred(k).permit or s.pred(k).instruct:
                return k, s.pred(k).end  # 흔한 일이니까 그냥 두셔도 괜찮아요
    for i in range(s.n - 2):
        serious = s.lem(i) in _SERIOUS and s.tag(i + 1) == "ETM" and s.lem(i + 2) in _ILL
        care = s.lem(i) in _CARE and s.tag(i).startswith("NN")
        if not (serious or care):
            continue
        for k in range(i + 1, min(i + 8, s.n)):
            if care and s.lem(k) not in _NOT_NEEDED:
                continue
            m = next((m for m in range(k + 1, min(k + 4, s.n)) if s.tag(m) in ("VCN", "VA")), -1)
            if m < 0 or s.lem(m) not in ("아니", "없"):
                continue
            p = s.pred(m)
            if p.cond or p.question or s.has(frozenset({"다행", "지만", "라도", "더라도"}), m):
                break
            whether = s.tag(m + 1) == "EC" and s.lem(m + 1) in ("ᆫ지", "는지", "은지", "지")
            if whether and m + 2 < s.n and s.lem(m + 1) != "지":
                break  # 큰 병 아닌지 검사해 보세요: whether, asked of a test
            return i, p.end
    return None


_REMIND = frozenset(
    "잘 꼭 제때 챙기 잊 빠뜨리 거르 처방 처방대로 대로 꾸준히 늘 항상 규칙적 평소 시간 맞추 "
    "드시 먹 복용 약 은 는 을 를 도 이 가 오늘 저녁 아침 점심 거 것 받 하 시 으시 잊어버리 "
    "빼먹 놓치 절대 시간대 정해진 드시던 먹던 주 오늘도 "
    "봉투 약봉투 약봉지 봉지 적히 쓰이 설명서 처방전 처방받 정하 의사 선생님 말씀 하".split()
)


_AS_TOLD = frozenset("처방 말씀 지시 안내 적히 쓰이 시키 받 던".split())


def _as_prescribed(s: Sent) -> bool:
    """처방받으신 대로, 말씀하신 대로, 드시던 대로 드세요: as prescribed, a reminder."""
    return any(s.lem(k) == "대로" and s.has(_AS_TOLD, max(0, k - 4), k) for k in range(1, s.n))


def medicine_instruction(s: Sent, ctx: GuardContext) -> Span | None:
    """Medicine with an instruction or a permission beyond a reminder: how, with what, whether
    (주스에 타서 드시면 돼요, 안 드시는 게 나아요). 잘 챙겨 드세요 is a reminder."""
    asks = s.question and not s.has(frozenset({"어떻", "어떠"}))
    if asks or s.has(REFERRAL) or _as_prescribed(s):
        return None
    meds = [
        k
        for k in range(s.n)
        if s.tag(k).startswith("NN")
        and (s.lem(k) in MEDICINE or (s.lem(k) == "약" or s.lem(k).endswith("약")))
    ]
    if not meds:
        return None
    for i in s.find(CHANGE, ("VV", "NNG")):
        p = s.pred(i)
        said = p.instruct or p.permit or s.has(frozenset({"어떻", "어떠", "좋", "낫"}), p.end)
        if i > meds[0] and said and not (p.neg or p.past or p.prohibit):
            return meds[0], p.end  # 며칠 끊어 보시는 게 어떨까요?
    for i in s.find(TAKE, ("VV",)):
        if i < meds[0] or s.lem(i) == "드리":
            continue
        p = s.pred(i)
        instead = s.lem(meds[0] + 1) == "대신" or s.has(frozenset({"대신"}), meds[0], i)
        suggest = p.cond and s.has(frozenset({"어떻", "어떠", "좋"}), p.end + 1)
        if (instead or suggest) and not (p.neg or p.past):
            return meds[0], s.n - 1  # 혈압약 대신 양파즙을 드셔 보시면 어떨까요?
        tail = {s.lem(m) for m in range(i, min(p.end + 4, s.n))}
        better = bool(tail & {"게", "것"}) and bool(tail & {"낫", "좋", "최고", "제일"})
        if p.prohibit and not p.neg:
            continue  # 거르지 마세요 is a reminder; 안 드시지 마세요 is not said
        concede = any(
            s.lem(m).endswith(("어도", "아도")) and s.tag(m) == "EC" for m in range(i, p.end + 1)
        )  # 쪼개서 드셔도 효과는 같을 거예요
        if concede and not p.neg:
            return meds[0], p.end
        if not (p.instruct or p.permit or better or (p.neg and p.permit)):
            continue
        if p.cond and not (p.permit or p.instruct):
            continue
        extra = [
            m
            for m in range(meds[0] + 1, i)
            if s.tag(m).startswith(("NN", "VV", "VA", "MAG", "SN", "NR", "MM"))
            and s.lem(m) not in _REMIND
            and not (s.is_pred(m) and s.pred(m).cond and s.pred(m).hon)
        ]
        if extra or p.neg or better:
            return meds[0], p.end
    return None


_POSE = frozenset("눕 앉 서 기대 엎드리 구부리 웅크리 펴 올리 베".split())
_HELPS_BODY = frozenset("도움 좋 최고 효과 제일 낫".split())
_CARE_VERBS = frozenset("조심 조심하 챙기 씻 보호 아끼 다치 쉬게 살피 돌보 주무시".split())
_LINK = frozenset("고 어서 아서 서 어 아 며 으며".split())


def _chain_end(s: Sent, i: int) -> int:
    """Through -고 / -어서 to the last predicate of the chain that `i` starts."""
    j = s.pred(i).end
    while j + 1 < s.n and s.lem(j) in _LINK and s.tag(j) == "EC":
        k = next((m for m in range(j + 1, min(j + 6, s.n)) if s.is_pred(m)), -1)
        if k < 0:
            break
        j = s.pred(k).end
    return j


_EXERCISE = frozenset(
    "걷 걷기 운동 산책 스트레칭 체조 요가 수영 등산 계단 찜질 마사지 반신욕 족욕 뛰 달리 "
    "자전거 근력 맨손체조 만보 걸음".split()
)
_GOOD = frozenset("좋 도움 효과 낫 튼튼하 튼튼 강하 건강하 풀리 덜하 편하 가볍 부드럽".split())
HEALTH = BODY | ORGANS | frozenset("건강 혈압 혈당 혈액순환 소화 관절 근력 뼈 체력 면역".split())
_MOOD = frozenset("기분 마음 기운 머리".split())
_RAISE = frozenset("높 낮 올리 내리 두 놓 받치 괴 세우 눕히 굽히 펴 구부리 들".split())


def exercise(s: Sent, ctx: GuardContext) -> Span | None:
    """Exercise or a posture said to do the body good, or the body placed by instruction:
    걸으시면 무릎에도 좋을 거예요, 다리를 심장보다 높게 두세요."""
    if s.question or s.has(REFERRAL):
        return None
    for i in s.find(_EXERCISE, ("VV", "NN")):
        p = s.pred(i)
        if not p.cond:
            continue
        rest = range(p.end + 1, s.n)
        good = [m for m in rest if s.lem(m) in _GOOD]
        health = any(s.lem(m) in HEALTH for m in rest) and not any(s.lem(m) in _MOOD for m in rest)
        if good and health and not s.pred(good[0]).neg:
            return i, s.n - 1
    for i in range(s.n):
        if not (s.is_pred(i) and s.pred(i).cond and s.pred(i).hon and s.lem(i) in SIGNS):
            continue
        for k in range(s.pred(i).end + 1, s.n):
            if s.lem(k) in _POSE and s.tag(k).startswith("VV"):
                end = _chain_end(s, k)
                q = next((k2 for k2 in range(k, end + 1) if s.tag(k2) == "EF"), -1)
                if q >= 0 and s.lem(q) in ("세요", "으세요", "십시오"):
                    return i, end  # 허리 아프실 땐 딱딱한 바닥에 누워 계세요
    for first, last in s.units(BODY | frozenset({"숨", "호흡"})):
        if s.tag(last + 1) != "JKO":
            continue
        m = next((m for m in range(last + 2, min(last + 8, s.n)) if s.is_pred(m)), -1)
        if m < 0 or s.lem(m) in _CARE_VERBS or s.has(_CARE_VERBS - {"주무시"}, m, m + 3):
            continue
        doing = any(
            s.tag(g) == "ETM" and s.lem(g + 1) in ("것", "거") for g in range(m, min(m + 6, s.n))
        )  # 돌리시는 게 (not 예쁘게)
        helps = doing and s.has(_HELPS_BODY, m + 1) and not _said_by_them(s)
        if helps and not s.question:
            return first, s.n - 1  # 팔을 크게 돌리시는 게 도움이 될 거예요
        end = _chain_end(s, m)
        q = next(
            (s.pred(k) for k in range(m, end + 1) if s.is_pred(k) and s.pred(k).instruct), None
        )
        if q is not None and not q.neg and not q.prohibit:
            return first, end  # 다리를 심장보다 높게 두세요, 고개를 … 넣고 숨을 쉬세요
    return None


RULES = [
    ("diagnosis", condition),
    ("reassurance", reassurance),
    ("medication", medicine_instruction),
    ("treatment", exercise),
]
