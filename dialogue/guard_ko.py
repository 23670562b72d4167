"""The role guard for Korean: what one agent sentence must not say (P3), over Kiwi morphemes.

Rules are concepts plus the shape of the sentence, never fixed phrases. Who acts matters most:
an elder is always spoken of with the honorific 시 (드세요, 가셔도 돼요), the agent never of
itself, so a verb of coming with a promise and no 시 (찾아뵐게요, 방문할게요) is the agent
promising to come, while 병원에 가 보세요 is a referral. A question is not a claim (약은
드셨어요?), a condition is not a claim (더우면 물을 드세요), and what the person said, quoted
(덥다고 하셨는데), is theirs, not the agent's knowledge of the world.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from dialogue.analysis import Analysis, analyze
from dialogue.guard import GuardContext, Violation
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import (
    ACTION, ADDRESS, ADS, AGE, BODY, CARE_WORKER, CHANGE, CONDESCEND, COUNTS, DIAGNOSIS_NOUNS,
    DISEASES, DOSE_UNITS, EARLIER, EXPERIENCE, FALL_VERBS, FAMILY, FAMILY_PEOPLE, FOOD,
    HONORIFIC_OK_EF, HUMAN_ONLY, LOOKS, MEDICINE, MEET, MEMORY_GENERIC, MONEY, NAMED_DRUGS,
    NEWS, PLACES, PLAIN_IC, POLITE_EF, PRIVATE, RECIPIENT_JKB, RELATIONS, RUDE, SEND, STAFF,
    SYMPTOM_VERBS, TAKE, TELL, TIMES, TOGETHER, TREATMENTS, VISIT, VISIT_STRONG, WEATHER,
    WEATHER_FALL, WEATHER_WEAK,
)  # fmt: skip

Span = tuple[int, int]


def _visit(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(VISIT | SEND, ("VV", "NNG", "VX")):
        p = s.pred(i)
        if p.neg or p.question and not p.promise and s.final_ef not in ("ᆯ까요", "을까요"):
            continue
        lemma = s.lem(i)
        staff = any(s.lem(k) in STAFF for k in s.subject_nouns(i))
        strong = lemma in VISIT_STRONG or (lemma in ("뵈", "뵙") and s.lem(i - 2) == "찾")
        if lemma in ("뵈", "뵙") and s.lem(i - 2) != "찾" and s.lem(i - 1) != "러":
            continue  # 만나 뵈, 한번 뵈어요: meeting
        if lemma in ("가", "오") and not (
            staff or s.agent_subject(i) or s.has(PLACES, 0, i) or s.lem(i - 2) in ("찾", "들르")
        ):
            continue
        if lemma in SEND and not (p.promise or s.has(STAFF, 0, i)):
            continue
        agent_commits = (p.promise or (p.future and not p.hon)) and not p.hon
        offer = s.final_ef in ("ᆯ까요", "을까요") and not p.hon and (strong or lemma in SEND)
        if agent_commits or offer or (staff and (p.future or p.promise)):
            if strong or lemma in SEND or lemma in ("뵈", "뵙") or staff or s.has(PLACES, 0, i):
                return i, p.end
    return None


def _recipient(s: Sent, i: int) -> int | None:
    """A third party the agent would tell: 아드님께, 119에, 가족분들한테 (not 어르신께)."""
    for k in range(0, i):
        if s.lem(k + 1) in RECIPIENT_JKB and s.tag(k + 1).startswith("JKB"):
            if s.tag(k).startswith(("NN", "SN", "SL", "XSN")) and s.lem(k) not in ADDRESS:
                if s.lem(k) not in ("다음", "나중", "내일", "오후", "저녁", "아침", "시간"):
                    while k > 0 and s.tag(k - 1).startswith(("NN", "XSN")):
                        k -= 1  # 담당 선생님께
                    return k
    return None


def _action(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(ACTION | TELL, ("VV", "NNG", "VX")):
        lemma = s.lem(i)
        if lemma == "드리" and not s.tag(i).startswith("VX"):
            continue
        p = s.pred(i)
        if p.hon or p.neg or p.cond or p.instruct:
            continue
        claims = p.promise or (p.future and not p.question) or (p.past and not p.question)
        if s.final_ef in ("ᆯ까요", "을까요") and s.agent_subject(i) or lemma == "드리":
            claims = claims or s.final_ef in ("ᆯ까요", "을까요")
        if not claims:
            continue
        if lemma in TELL:
            k = _recipient(s, i)
            if k is None:
                continue  # 다음에 또 연락드릴게요: the agent calls the person back
            worker = s.has(CARE_WORKER, k, i - 1)
            if worker and ctx.alerting:
                continue
            return k, p.end
        if lemma == "드리":
            continue
        if lemma in ("챙기", "알아보", "사", "잡") and not p.promise:
            continue
        return i, p.end
    return None


def _diagnosis(s: Sent, ctx: GuardContext) -> Span | None:
    if s.question:
        return None
    for i in s.find(DISEASES, ("NN", "VV", "XR")):
        nxt = {s.lem(k) for k in range(i + 1, min(i + 5, s.n))}
        p = s.pred(i) if s.is_pred(i) else None
        if s.lem(i + 1) == "조심" or "조심" in nxt or "예방" in nxt or "관리" in nxt:
            continue
        if s.tag(i).startswith("VV") or s.lem(i) in SYMPTOM_VERBS:
            if p and p.hon and ("같" in nxt or "거" in nxt or "것" in nxt) and not p.cond:
                return i, p.end  # 체하신 것 같아요
            continue
        if nxt & ({"이", "같", "듯", "의심", "걸리", "오", "있"} | DIAGNOSIS_NOUNS):
            if any(s.lem(k) == "이" and s.tag(k) == "VCP" for k in range(i + 1, min(i + 4, s.n))):
                return i, min(i + 3, s.n - 1)
            if nxt & ({"같", "듯", "의심"} | DIAGNOSIS_NOUNS):
                return i, min(i + 3, s.n - 1)
            if "걸리" in nxt:
                k = next(k for k in range(i + 1, min(i + 5, s.n)) if s.lem(k) == "걸리")
                q = s.pred(k)
                if (q.past or q.future) and not q.cond and not q.neg:
                    return i, q.end
    return None


def _reassurance(s: Sent, ctx: GuardContext) -> Span | None:
    if s.question:
        return None
    t = s.t
    for i, tok in enumerate(t):
        lemma = tok.lemma
        if lemma in ("별거", "별것", "별일", "별문제", "큰일", "대수", "심각", "문제", "큰병") or (
            lemma == "별" and s.lem(i + 1) in ("거", "것", "일", "문제")
        ) or (lemma == "큰" and s.lem(i + 1) in ("병", "일", "문제")):
            for k in range(i + 1, min(i + 6, s.n)):
                if s.lem(k) in ("아니", "없", "않") and not s.pred(k).cond:
                    return i, s.pred(k).end
        if lemma in ("괜찮", "낫", "나아지", "좋아지", "가라앉", "회복", "멀쩡") and tok.tag.startswith(
            ("VV", "VA", "NN")
        ):
            p = s.pred(i)
            if p.future and not p.cond and not p.neg and not s.has(frozenset({"면", "길", "기"}), i, p.end):
                return i, p.end  # 금방 괜찮아지실 거예요
        if lemma in ("병원", "진료", "검사", "의사", "응급실", "119", "치료", "약", "진찰"):
            for k in range(i + 1, min(i + 7, s.n)):
                if s.tag(k).startswith(("VV", "VA", "XSV")) and s.lem(k) not in ("없",):
                    p = s.pred(k)
                    if (p.neg and p.permit) or s.has(frozenset({"필요", "까지"}), k, p.end + 2):
                        if s.has(frozenset({"없", "않", "안"}), k, p.end + 3) or p.neg:
                            return i, p.end  # 병원 안 가셔도 돼요, 갈 필요 없어요
        if lemma == "걱정" and s.tag(i).startswith("NN"):
            p = s.pred(i)
            if (p.neg and p.permit) or s.has(frozenset({"필요"}), i, p.end + 2):
                return i, p.end
        if lemma in ("나이", "누구나", "다들", "흔하", "원래", "노화") and s.has(
            frozenset({"그렇", "그러", "흔하", "자연스럽", "당연하"}), i + 1
        ):
            return i, s.n - 1
    return None


def _medication(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    takes = [i for i in s.find(TAKE | CHANGE, ("VV", "VA", "NN", "VX")) if s.lem(i) != "드리"]
    for i in takes:
        p = s.pred(i)
        if p.question or p.cond or p.past and not p.permit:
            continue
        before = range(max(0, i - 6), i)
        food = any(t[k].lemma in FOOD for k in before)
        medicine = any(t[k].lemma in MEDICINE or t[k].lemma.endswith("약") for k in before)
        drug = any(t[k].lemma in NAMED_DRUGS for k in before)
        dose = any(
            t[k].lemma in DOSE_UNITS and t[k - 1].tag in ("SN", "MM") or t[k].lemma in ("배", "두배")
            for k in before
        ) or any(t[k].lemma == "더" and t[k].tag == "MAG" for k in before)
        change = s.lem(i) in CHANGE or (p.neg and (p.permit or p.instruct)) or p.prohibit
        directive = p.permit or p.instruct or p.prohibit or (p.neg and p.permit)
        if not directive or food and not medicine:
            continue
        if change and (medicine or s.lem(i) in ("끊", "중단")):
            return i, p.end  # 끊으셔도 돼요, 약은 안 드셔도 돼요
        if dose and (medicine or not food) and s.lem(i) in TAKE:
            if s.lem(i) == "드시" and not p.permit and not medicine and not any(
                t[k].lemma in DOSE_UNITS for k in before
            ):
                continue  # 더 드세요 (식사): only a permission or a pill counts
            return i, p.end  # 두 알 드세요, 더 드셔도 돼요
        if drug and s.lem(i) in TAKE:
            return i, p.end  # 타이레놀 드세요
    return None


def _treatment(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    for i in s.find(TREATMENTS | SYMPTOM_VERBS):
        j = i
        if s.tag(i).startswith("NN") and not s.is_pred(i):
            j = next((k for k in range(i + 1, min(i + 5, s.n)) if s.is_pred(k)), -1)
            if j < 0:
                continue
        p = s.pred(j)
        if not (p.instruct or p.permit) or p.question or p.prohibit or p.neg or p.hon and p.past:
            continue
        lemma = s.lem(i)
        counted = any(
            t[k].lemma in COUNTS and t[k - 1].tag in ("SN", "MM", "NR")
            for k in range(max(1, i - 6), j)
        ) or any(t[k].lemma in ("씩", "하루") for k in range(max(0, i - 6), j))
        body = any(t[k].lemma in BODY for k in range(max(0, i - 4), i))
        if lemma in ("운동", "걷기", "걷", "달리", "뛰", "들", "올리", "펴", "돌리", "누르", "흔들"):
            if not (counted or (body and lemma not in ("운동", "걷기", "걷"))):
                continue  # 가볍게 걸으세요 is care; 하루 30분씩 걸으세요 is a regimen
        return i, p.end
    return None


def _meeting(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(TOGETHER, ("MAG",)):
        if s.tag(i - 1) in ("JKB", "JC") and s.lem(i - 2) not in ("저", "저희"):
            continue  # 가족분들과 같이 드세요
        j = next((k for k in range(i + 1, min(i + 6, s.n)) if s.is_pred(k)), -1)
        if j < 0:
            continue
        p = s.pred(j)
        with_me = s.lem(i - 2) in ("저", "저희") and s.tag(i - 1) in ("JKB", "JC")
        if with_me or (not p.hon and not p.past and not p.neg):
            return i, p.end
    for i in s.find(MEET, ("VV",)):
        if s.lem(i - 2) == "찾":
            continue  # 찾아뵐게요: a visit
        p = s.pred(i)
        if p.hon or p.past or p.neg or p.cond:
            continue
        if s.lem(i) == "놀" and not s.has(TOGETHER):
            continue
        if p.promise or s.final_ef in ("어요", "아요", "ᆸ시다", "읍시다", "ᆯ까요", "자", "죠") or (
            s.has(frozenset({"싶"}), i, p.end)
        ):
            return i, p.end
    return None


def _attributed(s: Sent, i: int) -> bool:
    """The person said it (덥다고 하셨는데, 비가 온다니) or feels it (더우시죠)."""
    for k in range(i, min(i + 8, s.n)):
        lemma = s.lem(k)
        if s.tag(k) in ("EC", "ETM", "JKQ") and lemma.endswith(("다고", "라고", "다니", "다는", "라니", "대서", "래서", "냐고")):
            if any(s.lem(m) in ("시", "으시", "말씀") for m in range(k + 1, min(k + 4, s.n))):
                return True
            if lemma.endswith(("다니", "라니")):
                return True
        if s.lem(k) == "말씀":
            return True
    p = s.pred(i) if s.is_pred(i) else None
    return bool(p and p.hon)


def _world(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(WEATHER | NEWS | TIMES):
        lemma = s.lem(i)
        if lemma in WEATHER_WEAK and lemma in WEATHER_FALL:
            if not any(s.lem(k) in FALL_VERBS for k in range(i + 1, min(i + 4, s.n))):
                continue  # 눈이 침침해요 is not snow
        elif lemma in WEATHER_WEAK and lemma not in ("날",):
            continue
        if lemma == "날" and not s.has(frozenset({"덥", "춥", "좋", "맑", "흐리", "따뜻", "쌀쌀", "선선", "무덥", "화창"}), i + 1, i + 5):
            continue
        if s.tag(i) in ("NNB",) or (lemma == "설" and not s.tag(i).startswith("NN")):
            continue
        j = i if s.is_pred(i) else next(
            (k for k in range(i + 1, min(i + 7, s.n)) if s.is_pred(k)), -1
        )
        p = s.pred(j) if j >= 0 else None
        if _attributed(s, i) or (p and p.cond):
            continue
        if p and p.question and (p.hon or s.has(frozenset({"어떻", "어떠", "어때"}), i)):
            continue  # 날씨는 어떠세요? 추석 잘 보내셨어요?
        if lemma in NEWS and p and p.hon:
            continue  # 뉴스 보셨어요
        if lemma in ("코로나", "유행", "확진") and (s.question or s.has(frozenset({"조심"}))):
            continue  # 코로나 조심하세요
        return i, p.end if p else i
    return None


def _human(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    for i, tok in enumerate(t):
        if tok.lemma not in ("저", "저희", "제") or tok.tag != "NP":
            continue
        if s.lem(i + 1) == "의" or tok.lemma == "저희" or s.lem(i + 1) not in ("는", "도", "가", "이", "은"):
            k = i + 2 if s.lem(i + 1) == "의" else i + 1
            if s.lem(k) in FAMILY and s.tag(k).startswith("NN"):
                return i, k  # 저희 어머니도, 제 고향은
        if s.lem(i + 1) == "도" and s.lem(i + 2) in ("그렇", "그러", "마찬가지", "요"):
            if not s.has(frozenset({"생각", "기쁘", "반갑", "좋", "감사", "고맙"}), i + 2):
                return i, min(i + 3, s.n - 1)  # 저도 그래요, 저도요
        for k in range(i + 1, min(i + 10, s.n)):
            if t[k].lemma in EXPERIENCE and t[k].tag.startswith(("VV", "VA", "NN")):
                p = s.pred(k)
                if not p.hon and not p.question and not p.cond and not p.instruct:
                    if t[k].lemma in ("보", "가", "자", "드") and not p.past:
                        continue
                    return i, p.end  # 저도 점심에 국수 먹었어요
            if t[k].lemma in ("어리", "어릴", "젊") and t[k].tag.startswith(("VA", "NN")):
                return i, k  # 제가 어렸을 때
    for i in s.find(HUMAN_ONLY | frozenset({"먹", "마시", "다녀오"}), ("VV", "NN")):
        p = s.pred(i)
        if p.past and not p.hon and not p.question and not s.subject_nouns(i):
            if not s.has(frozenset({"드리", "주"}), i, p.end):
                return i, p.end  # 점심에 국수 먹었어요 (said by the agent of itself)
    return None


def _seeing(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(frozenset({"보이"}), ("VV", "VX")):
        if s.tag(i - 1) == "EC" and s.lem(i - 1) in ("어", "아", "여", "게"):
            if not s.has(frozenset({"목소리", "소리", "말씀"}), 0, i):
                return max(0, i - 2), s.pred(i).end  # 좋아 보이세요
    for i in s.find(LOOKS, ("NN",)):
        nxt = {s.lem(k) for k in range(i + 1, min(i + 6, s.n))}
        if nxt & {"싶", "어떻", "어떠"} or s.question:
            continue
        if s.tag(i + 1) in ("JKS", "JX") or "보" in nxt:
            j = next((k for k in range(i + 1, min(i + 6, s.n)) if s.is_pred(k)), -1)
            if j >= 0 and not s.pred(j).cond:
                return i, s.pred(j).end  # 안색이 좋으시네요, 얼굴 보니 좋네요
    return None


@lru_cache(maxsize=256)
def _content(text: str) -> frozenset[str]:
    a = analyze(text, "ko")
    return frozenset(
        t.lemma
        for t in a.tokens
        if t.tag.startswith(("NN", "VV", "VA", "XR", "SN", "SL", "MAG"))
        and t.lemma not in MEMORY_GENERIC
        and len(t.lemma) >= 1
    )


def _memory(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    marks = [
        i
        for i, tok in enumerate(t)
        if (tok.lemma in EARLIER and tok.tag.startswith(("NN", "MAG")))
        or (tok.lemma == "지난" and s.lem(i + 1) in ("번", "통화", "주", "달", "때"))
    ]
    marks = [i for i in marks if not (t[i].lemma == "전" and s.lem(i + 1) != "에")]
    remember = [i for i in s.find(frozenset({"기억"}), ("NN",)) if not s.pred(i).hon]
    if not marks and not remember:
        return None
    i = (marks or remember)[0]
    about = any(
        (tok.tag == "EP" and tok.lemma in ("시", "으시")) or tok.lemma in ("말씀", "기억")
        for tok in t
    )
    if not about:
        return None
    mine = frozenset(
        tok.lemma
        for tok in t
        if tok.tag.startswith(("NN", "VV", "VA", "XR", "SN", "SL", "MAG"))
        and tok.lemma not in MEMORY_GENERIC
    )
    if any(mine & _content(f) for f in ctx.facts if f.strip()):
        return None
    return i, s.n - 1


def _intrusive(s: Sent, ctx: GuardContext) -> Span | None:
    asks = s.asks or s.final_ef in ("세요", "으세요") and s.has(frozenset({"알리", "말하", "말씀"}))
    if not asks:
        return None
    for i, tok in enumerate(s.t):
        lemma = tok.lemma
        if lemma in MONEY and tok.tag.startswith("NN"):
            return i, s.n - 1
        if lemma in ("연세", "나이", "춘추") or (lemma == "살" and s.tag(i) == "NNB" and s.lem(i - 1) == "몇"):
            return i, s.n - 1
        if lemma in RELATIONS and (
            s.has(FAMILY_PEOPLE) or lemma in ("이혼", "별거", "불화", "의절", "사별", "재혼")
        ):
            return i, s.n - 1
        if lemma in PRIVATE and tok.tag.startswith("NN"):
            return i, s.n - 1
        if lemma == "왜" and s.has(frozenset({"혼자"})):
            return i, s.n - 1
    return None


def _advertising(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(ADS, ("NN", "XR", "VA")):
        return i, s.pred(i).end if s.is_pred(i) else i
    return None


def _impolite(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    for i, tok in enumerate(t):
        if tok.lemma in RUDE and tok.tag.startswith(("NN", "NP", "VA", "VV", "IC", "XR", "MAG")):
            if tok.lemma == "네" and tok.tag != "NP":
                continue
            return i, i
        if tok.lemma in CONDESCEND and tok.tag.startswith(("VA", "VV", "NN", "XR")):
            p = s.pred(i) if s.is_pred(i) else None
            if p and not p.hon and not p.question and not p.cond and not p.neg:
                return i, p.end
    words = [k for k, x in enumerate(t) if not x.tag.startswith(("S", "W"))]
    if not words:
        return None
    last = words[-1]
    ends = [k for k in words if t[k].tag in ("EF", "EC")]
    if not ends:
        if t[last].tag == "IC" and t[last].lemma in PLAIN_IC and len(words) <= 3:
            return last, last  # 그래, 응
        if "?" in s.a.text and t[last].tag.startswith(("JX", "JKS", "JKO", "NN")):
            if t[last].lemma != "요" and len(words) <= 4 and t[last].lemma not in ADDRESS:
                return words[0], last  # 식사는?
        return None
    k = ends[-1]
    if k != last and not (t[last].tag.startswith(("NN", "IC", "J")) and t[k].tag == "EF"):
        return None  # the sentence goes on past its last ending
    nxt = t[k + 1].lemma if k + 1 < len(t) else ""
    lemma = t[k].lemma
    if lemma.endswith("요") or nxt == "요" or lemma in POLITE_EF or lemma.endswith(("니다", "니까")):
        return None
    if t[k].tag == "EC" and k != last:
        return None
    hon = any(x.tag == "EP" and x.lemma in ("시", "으시") for x in t[max(0, k - 3) : k])
    if hon and lemma in HONORIFIC_OK_EF:
        return None  # 아, 식사하셨구나
    first = max(0, k - 2)
    return first, k


RULES: list[tuple[str, Callable[[Sent, GuardContext], Span | None]]] = [
    ("visit", _visit),
    ("action", _action),
    ("diagnosis", _diagnosis),
    ("reassurance", _reassurance),
    ("medication", _medication),
    ("treatment", _treatment),
    ("meeting", _meeting),
    ("world", _world),
    ("human", _human),
    ("seeing", _seeing),
    ("memory", _memory),
    ("intrusive", _intrusive),
    ("advertising", _advertising),
    ("impolite", _impolite),
]


def violations(sentence: Analysis, context: GuardContext) -> list[Violation]:
    """Every role category one agent sentence breaks, with the words that break it."""
    if not sentence.tokens:
        return []
    s = Sent(sentence)
    out: list[Violation] = []
    for category, rule in RULES:
        span = rule(s, context)
        if span is not None:
            out.append(Violation(category, s.text(*span)))
    return out
