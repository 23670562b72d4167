"""The Korean role guard's medical categories: the agent must not diagnose, falsely reassure,
dose or change medicine, or prescribe exercise and treatment. Reminders (약 잘 챙겨 드세요),
questions (혈압약은 드셨어요?) and referrals (의사 선생님과 상의해 보세요) are its job.

Each rule takes a `Sent` and returns the (first, last) tokens of its evidence, or None.
"""

from __future__ import annotations

from dialogue.analysis.ko_lexicon import SYMPTOM_NOUNS
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import (
    BODY,
    CHANGE,
    COUNTS,
    DIAGNOSIS_NOUNS,
    DISEASES,
    DOSE_UNITS,
    DOUBLE,
    DURATION,
    FOOD,
    GOOD_FOR,
    HARM,
    MEDICINE,
    MOVES,
    NAMED_DRUGS,
    ORGANS,
    POSTURE,
    SYMPTOM_VERBS,
    TAKE,
    TREATMENTS,
)  # fmt: skip
from dialogue.guard_ko_modal import needless, obliged, sends_for_help

Span = tuple[int, int]
_CARE_NEXT = frozenset("조심 예방 관리 검사 약 진료 치료 접종 주사 환자 걱정 기운 기".split())
_PREVENT = frozenset("주사 접종 예방 검사 검진".split())
_GUESS = frozenset("같 듯 보 의심 가능성 수 있 맞 틀림없 모르 비슷하 흡사하".split())
_ONSET = frozenset("걸리 생기 오 심해지 진행 나빠지".split())
_CAREFUL = frozenset("조심 예방 주의".split())
_TROUBLE = frozenset("문제 이상 탈 염증 무리".split())
_REFERRAL = frozenset(
    "의사 선생님 선생 약사 병원 진료 상의 여쭈 여쭙 물어보 전문가 보건소 치료사 물리치료사 "
    "한의사".split()
)


def _clause_end(s: Sent, i: int) -> int:
    """The predicate that closes the clause of token `i` (the next predicate, with its tail)."""
    for k in range(i + 1, min(i + 10, s.n)):
        if s.is_pred(k) and not s.tag(k).startswith("VCP"):
            return s.pred(k).end
        if s.tag(k) == "VCP":
            return s.pred(k).end
    return s.n - 1


def _named(s: Sent) -> list[tuple[int, int]]:
    """Condition names: the lexicon, or a noun compound ending like one (파킨슨병, 요로 감염,
    혈액순환 장애)."""
    out = s.units(DISEASES | SYMPTOM_VERBS)
    for first, last in s.runs():
        words = "".join(s.lem(k) for k in range(first, last + 1))
        if words.endswith(tuple(_SUFFIXES)) and len(words) > 2:
            if not words.endswith(tuple(_NOT_CONDITIONS)):
                out.append((first, last))
        elif any(k in words for k in _KINDS) and not words.endswith(tuple(_NOT_CONDITIONS)):
            out.append((first, last))  # 퇴행성 변화, 신경성이에요, 만성 어지럼: a kind of illness
    return sorted(set(out))


_SUFFIXES = frozenset("병 염 증 증후군 장애 감염 질환 암 부전 궤양 경색 결석 통 경련".split())
# What kind of illness: a condition named by its kind (퇴행성 변화, 신경성, 노인성 난청).
_KINDS = frozenset(
    "퇴행성 만성 급성 신경성 염증성 노인성 스트레스성 바이러스성 세균성 알레르기성 심인성 "
    "본태성 전염성 유전성 노화현상".split()
)
_NOT_CONDITIONS = frozenset(
    "영수증 보증 인증 자격증 신분증 증상 통증 고통 계통 보통 전통 소통".split()
)


def _explains(s: Sent) -> Span | None:
    """The cause of a symptom, told as fact: 숨이 차신 건 심장이 약해지셔서 그래요."""
    topic = any(
        s.tag(k) == "ETM" and s.lem(k + 1) in ("거", "것") and s.tag(k + 2) == "JX"
        for k in range(s.n - 2)
    )
    if not topic or s.question:
        return None
    for k in range(s.n):
        cause = s.lem(k) in ("때문", "증상", "현상", "탓", "징후") and s.tag(k + 1) == "VCP"
        so = s.lem(k) in ("어서", "아서", "서") and s.lem(k + 1) in ("그렇", "그러")
        if (cause or so) and not s.has(frozenset({"시", "으시"}), k + 1, s.n - 1):
            return max(0, k - 3), s.n - 1
    return None


def diagnosis(s: Sent) -> Span | None:
    if s.question:
        return None
    if (why := _explains(s)) is not None:
        return why
    for first, last in _named(s):
        careful = any(
            s.lem(k) in _CAREFUL and not s.tag(k + 1).startswith("XSA") for k in range(s.n)
        )  # 감기 조심하세요, but not 조심스럽지만
        shot = s.has(_PREVENT, first + 1, last)  # 독감 주사, 예방 접종: not their illness
        if s.has(_CARE_NEXT, last + 1, last + 2) or s.has(_REFERRAL) or careful or shot:
            continue  # 감기 조심하세요, 감기약, 독감 주사 맞으셨군요, 의사 선생님께 여쭤 보세요
        end = _clause_end(s, last)
        tail = {s.lem(k) for k in range(last + 1, end + 1)}
        k = next((m for m in range(last + 1, min(last + 10, s.n)) if s.is_pred(m)), -1)
        p = s.pred(k) if k >= 0 else None
        if p and (p.cond or p.instruct or p.neg and not tail & _GUESS):
            continue
        if any(s.lem(k).endswith(("다니", "라니", "다고", "라고")) for k in range(last, end + 3)):
            continue  # 감기라고 하셨는데: what the person said
        vcp = any(s.tag(k) == "VCP" for k in range(last, end + 1))
        explains = bool(tail & {"거", "것"}) and vcp
        if s.tag(last + 1) == "VCP" or explains or tail & (_GUESS | _ONSET | DIAGNOSIS_NOUNS):
            return first, end  # 감기 몸살이네요, 위염 때문이에요, 우울증이 있으신 것 같아요
    for first, last in s.units(ORGANS):
        for k in range(last + 1, min(last + 5, s.n)):
            if s.lem(k) in _TROUBLE and s.tag(k).startswith("NN"):
                end = _clause_end(s, k)
                tail = {s.lem(m) for m in range(k + 1, end + 1)}
                if tail & (_GUESS | {"거", "것"}) and not s.has(_REFERRAL):
                    return first, end  # 갑상선에 문제가 있으신 걸지도 몰라요
    for i in s.find(SYMPTOM_VERBS, ("VV", "VA")):
        p = s.pred(i)
        if p.hon and not p.cond and {s.lem(k) for k in range(i, p.end + 1)} & {"같", "보", "것"}:
            return i, p.end  # 체하셨나 봐요
    return None


_RECOVER = frozenset(
    "괜찮 낫 나아지 좋아지 가라앉 회복 멀쩡 없어지 사라지 지나가 풀리 내리 떨어지 아물 멎 "
    "그치".split()
)
_WORKS = frozenset("듣 들 효과 특효 직빵 좋 최고 제일 그만 명약".split())
_BECAUSE = frozenset("니 니까 으니 으니까 라 라서 어서 아서 서 이라".split())
_TIME_HEALS = frozenset("지나 나면 며칠 하룻밤 이틀 자고".split())
_SOON = frozenset("금방 곧 저절로 자연히 금세 알아서 싹 깨끗이 말끔히 씻은 듯".split())
_NORMALISE = frozenset("나이 원래 누구나 다들 흔하 정상 별거 노화 자연스럽 당연".split())
_NORMAL_AGE = frozenset("나이 연세 그 나이 노인 어르신들".split())
_TIMES = frozenset("번 회 잔 개".split())  # 한번 드셔 보세요 is food; 약 두 번 is a dose
_HEALTH = frozenset("면역 건강 뼈 관절 혈관 눈 피로 기력 원기 혈액순환".split())
_MOOD = frozenset("기분 마음 기운 분위기".split())
_SYMPTOMS = SYMPTOM_NOUNS | {"정도", "증상"}  # 열이 그 정도면, 그 증상은
_RELIEF = frozenset("덜하 덜 편해지 풀리 가라앉 나아지 좋아지 낫 멎 그치 빠지 내리".split())


def reassurance(s: Sent) -> Span | None:
    if s.question:
        return None
    for i, tok in enumerate(s.t):
        lemma = tok.lemma
        harm = lemma in HARM or (lemma in ("별", "큰") and s.lem(i + 1) in ("거", "것", "일", "병"))
        if harm:
            for k in range(i, min(i + 7, s.n)):
                if s.lem(k) in ("아니", "없", "않") or (s.is_pred(k) and s.pred(k).neg):
                    p = s.pred(k) if s.is_pred(k) else None
                    hoped = s.has(frozenset({"다행", "바라", "빌"}), k, k + 4)  # 아니길 바라지만
                    # 별일 아닌지는 확인해 보세요: whether, embedded, is asked, not told
                    whether = s.lem(k + 1) in ("ᆫ지", "는지", "은지", "ᆯ지", "을지", "지")
                    whether = whether and s.tag(k + 1) == "EC" and k + 2 < s.n
                    if not (p and (p.cond or p.question)) and not hoped and not whether:
                        return i, p.end if p else k  # 별거 아니에요, 해롭지 않아요
        becomes = lemma in ("좋", "없") and s.lem(i + 1) in ("어", "아") and s.lem(i + 2) == "지"
        if lemma in ("정상", "양호") and s.tag(i + 1) == "VCP" and not s.has(_REFERRAL):
            return i, s.pred(i + 1).end  # 그 정도 혈압은 정상이에요
        if lemma == "아무" and s.lem(i + 1) in ("일", "것", "문제", "거"):
            if s.has(frozenset({"아니", "없"}), i + 2, i + 4) and not s.has(_REFERRAL):
                return i, min(i + 4, s.n - 1)  # 아무 일 아니에요
        if lemma in ("괜찮", "건강하", "건강", "멀쩡", "정상") and s.has(
            frozenset({"거", "것"}), i + 1, i + 4
        ):
            if s.has(frozenset({"이"}), i + 2, i + 5) and not s.pred(i).cond:
                return i, s.pred(i).end  # 안 아프시면 괜찮으신 거예요
        tail = {s.lem(m) for m in range(i, s.pred(i).end + 1)}
        better = s.has(frozenset({"게", "것", "더", "훨씬", "차라리", "보다"}), max(0, i - 3), i)
        thing = (lemma == "괜찮" or (lemma == "낫" and better)) and not (
            s.pred(i).hon or s.lem(i + 2) == "지" or tail & {"거", "것", "테"}
        )  # 둘 다 괜찮을 것 같아요, 쉬시는 게 낫겠네요: things, not health
        thing = thing or (lemma == "괜찮" and s.has(frozenset({"같"}), i, s.pred(i).end + 2))
        if (lemma in _RECOVER or becomes) and not s.has(_MOOD, 0, i) and not thing:
            p = s.pred(i)
            wish = any(
                s.lem(k).endswith(("면", "길", "기")) or s.lem(k) == "바라"
                for k in range(i + 1, min(p.end + 3, s.n))
            )  # 얼른 나으셨으면 좋겠어요, 나으시길 바라요
            soon = s.has(_SOON, 0, i) or (s.has(_TIME_HEALS, 0, i) and not s.pred(i).hon)
            if (p.future or soon) and not (p.cond or p.neg or wish or p.question):
                return i, p.end  # 금방 나으실 거예요, 뼈는 멀쩡할 테니, 금방 지나가요
        if lemma in (
            "병원",
            "진료",
            "검사",
            "의사",
            "응급실",
            "119",
            "치료",
            "진찰",
            "입원",
            "수술",
        ):
            for k in range(i + 1, min(i + 7, s.n)):
                if not s.is_pred(k) or s.lem(k) in ("없", "되"):
                    continue
                p = s.pred(k)
                need = s.has(frozenset({"필요", "까지"}), k, p.end + 2) and s.has(
                    frozenset({"없", "않", "안"}), k, p.end + 3
                )
                later = p.permit and s.has(frozenset({"다음", "나중", "천천히", "내일"}), i, k)
                if (p.neg and p.permit) or need or later or needless(s, k):
                    return i, p.end  # 병원 안 가셔도 돼요, 검사받으실 필요 없어요
                break
        if lemma == "안심" and s.pred(i).instruct and not s.has(_REFERRAL):
            return i, s.pred(i).end  # 지방 덩어리니까 안심하세요
        if lemma == "괜찮" and not s.pred(i).hon:
            p = s.pred(i)
            said = s.tag(i - 1) == "JX" or s.lem(i - 1) in _BECAUSE
            if said and not (p.cond or p.neg or p.permit) and s.has(_SYMPTOMS, 0, i):
                return max(0, i - 3), p.end  # 그 정도 열은 괜찮아요
        if lemma == "걱정" and s.has(_NORMALISE) and not s.has(_REFERRAL):
            k = next((m for m in range(i + 1, min(i + 4, s.n)) if s.is_pred(m)), i)
            if s.is_pred(k) and (s.pred(k).prohibit or s.lem(k) == "말"):
                return i, s.pred(k).end  # 나이 드시면 원래 잠이 줄어요, 걱정하지 마세요
        if lemma == "걱정" and s.has(frozenset({"아니"}), i + 1, i + 8) and not s.has(_REFERRAL):
            return i, s.n - 1  # 걱정할 수준은 아니에요
        if (
            lemma in ("나이", "연세")
            and s.lem(i + 1) == "에"
            and s.has(frozenset({"다", "누구나"}))
        ):
            return i, s.n - 1  # 어르신 연세에는 다 그 정도 아프세요
        if lemma in ("나이", "연세") and tok.tag.startswith("NN") and not s.has(_REFERRAL):
            k = next((m for m in range(i + 1, min(i + 4, s.n)) if s.is_pred(m)), i)
            aging = s.lem(k) in ("들", "드시", "먹") and (s.pred(k).cond or s.lem(k + 1) == "면")
            if aging and s.has(frozenset({"다", "누구나", "다들", "원래"}), k + 1):
                if s.has(frozenset({"그렇", "그러"}), k + 1) and not s.question:
                    return i, s.n - 1  # 연세 드시면 다 그래요: a symptom made ordinary by age
        if lemma == "걱정" and tok.tag.startswith("NN"):
            k = next((m for m in range(i + 1, min(i + 4, s.n)) if s.is_pred(m)), i)
            p = s.pred(k) if s.is_pred(k) else s.pred(i)
            if (p.neg and p.permit) or s.has(frozenset({"필요"}), i, p.end + 2):
                return i, p.end  # 걱정하실 필요 없어요
        if lemma == "누구" and s.lem(i + 1) == "나" and s.has(_NORMAL_AGE, 0, i):
            return i, s.n - 1  # 나이 들면 누구나 그 정도 깜빡깜빡하세요
        if lemma in ("누구나", "다들", "흔하", "원래", "노화", "나이") and s.has(
            frozenset({"그렇", "그러", "그런", "흔하", "자연스럽", "당연하", "있", "생기", "겪"}),
            i + 1,
        ):
            if not s.has(_REFERRAL):
                return i, s.n - 1  # 나이 드시면 다 그래요, 누구나 있는 거라
    return None


def medication(s: Sent) -> Span | None:
    t = s.t
    for i in s.find(TAKE | CHANGE, ("VV", "VA", "NN", "VX")):
        if s.lem(i) == "드리":
            continue
        p = s.pred(i)
        before = range(0, i)
        medicine = any(
            t[k].lemma in MEDICINE or (t[k].lemma.endswith("약") and t[k].tag.startswith("NN"))
            for k in before
        )
        drug = bool(s.units(NAMED_DRUGS)) and any(t[k].lemma in NAMED_DRUGS for k in before)
        drug = drug or any(a < i for a, _ in s.units(NAMED_DRUGS))
        referral = s.has(_REFERRAL)
        if drug and s.lem(i) in TAKE and not (p.question or p.past or p.neg or referral):
            return i, p.end  # 타이레놀 드세요, 영양제를 드셔 보시면 덜할 거예요
        if p.question or p.cond or (p.past and not p.permit) or referral:
            continue
        food = any(t[k].lemma in FOOD for k in range(max(0, i - 4), i))
        dose = any(
            t[k].lemma in DOSE_UNITS - _TIMES
            and (t[k - 1].tag in ("SN", "MM", "NR") or t[k - 1].lemma == "반")
            or (t[k].lemma in _TIMES and medicine and t[k - 1].tag in ("SN", "MM", "NR"))
            for k in before
        ) or any(
            t[k].lemma in DOUBLE and (medicine or t[k].lemma != "같이") for k in before
        )  # (맛있는 거 같이 드세요: food, shared)
        more = any(t[k].lemma == "더" and t[k].tag == "MAG" for k in range(max(0, i - 3), i))
        change = (
            s.lem(i) in CHANGE
            or s.has(frozenset({"그만"}), max(0, i - 3), i)
            or (p.neg and (p.permit or p.instruct))
            or p.prohibit
        )
        directive = p.permit or p.instruct or p.prohibit
        if not directive or (food and not medicine):
            continue
        timing = s.has(frozenset({"식전", "식후", "공복", "빈속", "대신", "말고"}), 0, i)
        # 봉투에 적힌 대로, 처방받으신 대로 드시면 돼요: as written, a reminder
        as_told = any(
            t[k].lemma == "대로" and (t[k - 1].tag == "ETM" or t[k - 1].lemma == "처방")
            for k in range(1, i)
        )
        if medicine and (timing or p.permit) and s.lem(i) in TAKE and not as_told:
            return i, p.end  # 약은 식후 말고 식전에 드세요, 같이 드셔도 돼요
        if change and (medicine or s.lem(i) in ("끊", "중단", "건너뛰", "거르")):
            return i, p.end  # 끊으셔도 돼요, 약은 안 드셔도 돼요
        if s.lem(i) in TAKE and ((dose and (medicine or not food)) or (more and p.permit)):
            return i, p.end  # 두 알 드세요, 두 번 치를 한꺼번에 드세요, 더 드셔도 돼요
    for i in s.find(frozenset({"괜찮", "되"}), ("VA", "VV")):
        p = s.pred(i)
        counted = any(
            t[k].lemma in DOSE_UNITS - _TIMES and t[k - 1].tag in ("SN", "MM", "NR")
            for k in range(1, i)
        )
        medicine = any(t[k].lemma in MEDICINE or t[k].lemma.endswith("약") for k in range(i))
        if counted and medicine and not (p.question or p.neg or p.cond or s.has(_REFERRAL)):
            return i, p.end  # 두통약은 두 알까지는 괜찮아요
    return None


def remedy(s: Sent) -> Span | None:
    """A remedy said to work for a condition (두통에는 게보린이 잘 들어요), or something good
    for an organ to take (인삼이 면역에 좋으니 매일 드세요)."""
    if s.question:
        return None
    for first, last in s.units(ORGANS | _HEALTH):
        if s.lem(last + 1) == "에" and s.has(frozenset({"좋"}), last + 2, last + 3):
            k = next((m for m in range(last + 3, s.n) if s.lem(m) in TAKE), -1)
            if k >= 0 and s.pred(k).instruct and not s.has(_REFERRAL):
                return first, s.pred(k).end
    for first, last in _named(s) + s.units(_SYMPTOMS):
        if s.lem(last + 1) == "에" or (s.tag(last + 1) == "JKB" and s.lem(last + 2) == "는"):
            for k in range(last + 2, s.n):
                if s.lem(k) in _WORKS and not s.pred(k).hon:
                    if not s.has(_REFERRAL) and not s.pred(k).cond:
                        return first, s.pred(k).end
    return None


def treatment(s: Sent) -> Span | None:
    t = s.t
    if s.question or s.has(_REFERRAL) or sends_for_help(s):
        return None
    for k in range(s.n):
        if s.is_pred(k) and s.pred(k).cond and (s.units(TREATMENTS) or s.has(POSTURE, 0, k)):
            relief = s.has(_RELIEF, s.pred(k).end + 1)
            named = any(s.lem(a) not in POSTURE for a, _ in s.units(TREATMENTS))
            if relief and (named or s.has(_SYMPTOMS | frozenset(BODY), s.pred(k).end + 1)):
                return 0, s.n - 1  # 베개를 높여서 주무시면 기침이 덜해요
    counted = any(
        (t[k].lemma in COUNTS and t[k - 1].tag in ("SN", "MM", "NR")) or t[k].lemma in DURATION
        for k in range(1, s.n)
    )
    body = bool(s.units(BODY)) or s.has(frozenset({"아프", "쑤시", "결리", "저리"}))
    daily = s.has(frozenset({"하루", "씩", "매일"}))
    for i in range(s.n):
        if not s.is_pred(i):
            continue
        p = s.pred(i)
        litres = any(
            s.lem(k) in ("리터", "잔", "컵", "ml", "밀리") and s.tag(k - 1) in ("SN", "MM", "NR")
            for k in range(1, i)
        )
        times = any(
            s.lem(k) in ("번", "회") and s.tag(k - 1) in ("MM", "NR", "SN") for k in range(1, i)
        )
        remedy = times and daily and s.has(_SYMPTOMS, 0, i)
        if (litres or remedy) and daily and s.lem(i) in ("드시", "마시") and p.instruct:
            return 0, p.end  # 하루에 물 두 리터씩 꼭 드세요
        good = s.has(GOOD_FOR, i + 1, p.end + 1) and s.has(frozenset({"게", "것", "거"}), i, p.end)
        must = obliged(s, i, p.end)  # 걸으셔야 해요: an instruction said as a must
        if not (p.instruct or p.permit or p.prohibit or good or must) or p.cond:
            continue
        named = [a for a, _ in s.units(TREATMENTS) if a <= i] or (
            [i] if s.lem(i) in TREATMENTS else []
        )
        strong = [a for a in named if s.lem(a) not in POSTURE | {"운동", "들", "펴", "돌리"}]
        if strong and not p.neg:
            return strong[0], p.end  # 찜질하세요, 파스를 붙이시는 게 좋아요
        moves = s.lem(i) in POSTURE or s.has(POSTURE, max(0, i - 6), i)
        for_body = any(s.lem(b + 1) == "에" and b < i for _, b in s.units(BODY))
        if moves and for_body and (good or p.instruct) and not p.neg:
            return 0, p.end  # 허리에는 딱딱한 의자에 바르게 앉는 게 제일 좋아요
        if s.units(BODY) and not p.neg and (s.lem(i) in MOVES or s.has(MOVES, max(0, i - 6), i)):
            return s.units(BODY)[0][0], p.end  # 무릎을 구부렸다 펴세요
        if (named or moves) and counted and (body or moves):
            return (named or [i])[0], p.end  # 한 시간은 걸으세요, 다리를 … 올리고 걷지 마세요
    return None
