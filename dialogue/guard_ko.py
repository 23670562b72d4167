"""The role guard for Korean: what one agent sentence must not say (P3), over Kiwi morphemes.

`violations(sentence, context)` takes one sentence already analysed by
`dialogue.analysis.analyze(text, "ko")` (the shared Kiwi, no second one) and returns a
`Violation(category, evidence)` per role category it breaks (ids from `ROLE_CATEGORIES`).

Rules are concepts plus the shape of the sentence, never fixed phrases. Who acts matters most:
an elder is always spoken of with the honorific 시 (드세요, 가셔도 돼요), the agent never of
itself, so a verb of coming with a promise and no 시 (찾아뵐게요, 방문할게요) is the agent
promising to come, while 병원에 가 보세요 is a referral. A question is not a claim (약은
드셨어요?), a condition is not a claim (더우면 물을 드세요), and what the person said, quoted
(덥다고 하셨는데), is theirs, not the agent's knowledge of the world.

Modules: `guard_ko_doc` (the sentence as predicates with their tails of endings),
`guard_ko_lexicon` (concept sets), and the rules: here visit, action, meeting;
`guard_ko_medical` (diagnosis, reassurance, medication, treatment); `guard_ko_persona` (world,
human, seeing, memory); `guard_ko_manners` (intrusive, advertising, impolite).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dialogue import guard as role
from dialogue import guard_ko_coming as coming
from dialogue import guard_ko_manners as manners
from dialogue import guard_ko_medical as medical
from dialogue import guard_ko_memory
from dialogue import guard_ko_persona as persona
from dialogue import guard_ko_recall as recall
from dialogue import guard_ko_regimen as regimen
from dialogue import guard_ko_scene as scene
from dialogue import guard_ko_shapes as shapes
from dialogue import guard_ko_shapes_care as shapes_care
from dialogue import guard_ko_shapes_medical as shapes_medical
from dialogue import guard_ko_shapes_observe as shapes_observe
from dialogue import guard_ko_shapes_persona as shapes_persona
from dialogue.analysis import Analysis, Token
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import (
    ACTION,
    ADDRESS,
    BODY,
    CARE_WORKER,
    FAMILY_PEOPLE,
    FETCH,
    MEET,
    PHYSICAL,
    PLACES,
    RECIPIENT_JKB,
    SELF,
    SEND,
    SPEECH,
    STAFF,
    TELL,
    TOGETHER,
    VISIT,
    VISIT_STRONG,
)  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext, Violation

Span = tuple[int, int]


def _visit(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(FETCH, ("VV", "NNG")):
        p = s.pred(i)
        if s.lem(i + 1) in ("어다", "다", "아다") and p.promise and not p.neg:
            return i, p.end  # 도시락 가져다 드릴게요, 반찬 갖다 드릴게요
    promised = s.promised
    for i in s.find(frozenset({"있"}), ("VV", "VA", "VX")):
        near = s.lem(i - 2) in ("곁", "옆") and s.lem(i - 1) == "에"
        if near and s.pred(i).promise and not s.pred(i).neg:
            return i - 2, s.pred(i).end  # 곁에 있어 드릴게요
    for i in s.find(VISIT | SEND, ("VV", "NNG", "VX")):
        if shapes.their_words(s, i):
            continue  # 누가 와 주면 좋겠다고 하신 건 전해 드릴게요
        kind = s.tag(i) == "NNG" and s.tag(i + 1) == "NNG"  # 방문 간호 서비스: a kind of care
        if kind and any(x.tag == "EP" and x.lemma in ("시", "으시") for x in s.t):
            continue  # … 서비스가 있는지 알아보시면: the person asks about it, no one comes
        if kind and s.lem(i + 1) in _ASKED and s.has(TELL, i + 2):
            continue  # 방문 요청을 선생님께 전해 드릴까요?: their request passed on (see _action)
        p = s.pred(i)
        if p.neg or p.question and not p.promise and s.final_ef not in ("ᆯ까요", "을까요"):
            continue
        if p.cond and s.has(frozenset({"좋", "바라"}), p.end):
            continue  # 얼른 도착했으면 좋겠네요
        lemma = s.lem(i)
        staff = any(a < i for a, _ in s.units(STAFF)) and not s.agent_subject(i)
        strong = lemma in VISIT_STRONG or (lemma in ("뵈", "뵙") and s.lem(i - 2) == "찾")
        if lemma in ("뵈", "뵙", "찾아뵈", "찾아뵙") and s.has(frozenset({"전화", "통화"})):
            continue  # 다음에 또 전화로 찾아뵐게요
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
        if strong and s.has(frozenset({"싶"}), i, p.end + 2) and not (p.hon or p.neg):
            return i, p.end  # 한번 찾아뵙고 싶어요
        if lemma in ("가", "오") and s.agent_subject(i) and (p.promise or promised) and not p.hon:
            return i, p.end  # 제가 직접 가 볼게요, 제가 가서 확인해 볼게요
        if strong and promised and not p.hon and s.lem(p.end) in ("어서", "아서", "서", "고"):
            return i, p.end  # 찾아가서 말벗이 되어 드릴게요
        planned = s.lem(i + 1) == "기" and s.lem(i + 2) == "로"  # 들르기로 했어요
        if agent_commits or offer or (staff and (p.future or p.promise or p.can or planned)):
            if strong or lemma in SEND | {"뵈", "뵙"} or staff or s.has(PLACES, 0, i):
                return i, p.end
    return None


def _recipient(s: Sent, i: int) -> tuple[int, int] | None:
    """A third party the agent would tell: 아드님께, 119에, 집주인한테 (not 어르신께, 다음에).
    A noun with 에 inside a clause that a modifier ending closes before the verb (집에 곰팡이
    핀 건 복지사님께 …) is where that clause happened: the one after it is the recipient."""
    found: list[tuple[int, int]] = []
    for k in range(0, i):
        if s.lem(k + 1) in RECIPIENT_JKB and s.tag(k + 1).startswith("JKB"):
            if s.tag(k).startswith(("NN", "SN", "SL", "XSN")) and s.lem(k) not in ADDRESS:
                days = s.lem(k).endswith("요일")  # 목요일에 또 전화드릴게요: when, not whom
                if s.lem(k) not in _NOT_PEOPLE and s.lem(k) not in BODY and not days:
                    first = k
                    while first > 0 and s.tag(first - 1).startswith(("NN", "XSN")):
                        first -= 1  # 담당 선생님께, 복지사님께 (복 + 지사 + 님)
                    found.append((first, k))
    for first, k in found:
        if not any(s.tag(m) == "ETM" for m in range(k + 2, i)):
            return first, k
    return found[0] if found else None


_ASKED = frozenset("요청 신청 문의 부탁 희망 요구 말씀 원".split())
_CALLS = frozenset("연락 전화 문자 메시지 알리 전달 전하 통보 보고".split())
_NOTES = frozenset("문자 메시지 카톡 편지 사진 메일 팩스".split())
_ON_THE_PHONE = frozenset("말동무 말벗 말상대 이야기상대 친구 힘 위로".split())
_WEAK_ACTS = frozenset("챙기 알아보 사 잡 구하".split())
_NOT_PEOPLE = frozenset(
    "다음 나중 내일 오후 저녁 아침 시간 오늘 때 중 보고서 기록 일지 통화 전화 주 번".split()
)


def _action(s: Sent, ctx: GuardContext) -> Span | None:
    for i in s.find(ACTION | TELL, ("VV", "NNG", "VX")):
        lemma = s.lem(i)
        if lemma == "드리" and not s.tag(i).startswith("VX"):
            continue
        if shapes.their_words(s, i):
            continue  # 손주분이 효도폰을 사 드렸다니: their news
        if lemma == "부르" and s.has(frozenset({"노래", "곡", "이름", "가요", "트로트"}), 0, i):
            continue  # 노래 불러 드릴까요: singing, not calling an ambulance
        p = s.pred(i)
        if p.hon or p.neg or p.cond or p.instruct:
            continue
        if s.tag(i).startswith("NN") and s.tag(i + 1).startswith("J"):
            k = next((m for m in range(i + 2, min(i + 8, s.n)) if s.is_pred(m)), -1)
            if k >= 0 and s.pred(k).hon:
                continue  # 병원 예약은 자녀분들께 부탁해 보시는 건 어떨까요?
            if k >= 0 and s.lem(k) in TELL and k != i:
                continue  # 방문 신청은 선생님께 전해 드릴까요?: what is passed on, judged below
            if k >= 0 and s.pred(k).neg and not s.promised:
                continue  # 예약은 제가 해 드릴 수가 없어서 … 부탁해 보시면 어떨까요?
        offer = s.final_ef in ("ᆯ까요", "을까요") and (s.agent_subject(i) or lemma != "드리")
        joined = not p.ef and s.lem(p.end) in ("어서", "아서", "서", "고") and s.promised
        claims = p.promise or offer or joined or ((p.future or p.past) and not p.question)
        if not claims:
            continue
        if lemma in TELL:
            who = _recipient(s, i)
            quoted = frozenset({"다고", "라고", "시다고", "으시다고"})
            if who and any(
                s.is_pred(m) and s.pred(m).hon and not s.has(quoted, m, i) for m in range(who[1], i)
            ):
                continue  # 약국에 여쭤보시면 알려 줄 거예요 (not 편찮으시다고 알려 드렸어요)
            if who is None:
                kin = [
                    k for k in range(i) if s.lem(k) in FAMILY_PEOPLE and s.tag(k).startswith("NN")
                ]
                if kin and lemma in _CALLS and (p.past or p.promise):
                    return kin[0], p.end  # 따님 휴대폰으로 연락드렸으니
                continue  # 다음에 또 연락드릴게요: the agent calls the person back
            words = s.text(*who).replace(" ", "")
            doctor = any(w in words for w in ("의사", "주치의", "원장", "병원", "약사", "약국"))
            if ctx.alerting and any(w in words for w in CARE_WORKER) and not doctor:
                continue  # 복지사님께 전해 드릴게요, when an alert channel exists
            return who[0], p.end
        booked = lemma == "잡" and s.has(frozenset({"예약", "접수", "일정", "날짜"}), 0, i)
        if lemma == "드리" or (lemma in _WEAK_ACTS and not (p.promise or booked)):
            continue
        return i, p.end
    for i in s.find(SEND, ("VV",)):
        p = s.pred(i)
        note = s.has(_NOTES, 0, i) and not shapes.their_words(s)  # 편지를 보냈다니
        if note and not (p.hon or p.neg or p.question) and (p.promise or p.past):
            return i, p.end  # 따님 휴대폰으로 메시지 보냈어요
    for i in s.find(PHYSICAL, ("VV",)):
        p = s.pred(i)
        if p.promise and not (p.hon or p.neg) and s.lem(p.end) != "드리":
            return i, p.end  # 문 앞에 도착하면 초인종 누를게요
    return _done_for_you(s)


def _done_for_you(s: Sent) -> Span | None:
    """-어 드릴게요 / -어 드렸어요 with anything but speech: the agent can only talk (곁에 있어
    드릴게요, 민원 넣어 드렸어요); 이야기 들어 드릴게요 and 안내해 드렸어요 are its job."""
    offer = s.final_ef in ("ᆯ까요", "을까요")
    for k in s.find(frozenset({"드리", "두", "놓"}), ("VX",)):
        main = k - 2 if s.tag(k - 1) == "EC" else k - 1
        light = s.tag(main).startswith("XSV") or s.lem(main) in ("드리", "하", "주")
        words = {s.lem(main), s.lem(main - 1) if light else ""}  # 말씀드려 둘게요
        said = any(s.lem(m) in SPEECH for m in range(max(0, main - 4), main))
        if words & SPEECH or main < 0 or (said and s.lem(main) in ("하", "부르", "들려주")):
            continue  # 이야기 하나 해 드릴게요, 노래 불러 드릴까요
        if s.lem(main) == "되" and s.lem(main - 2) in _ON_THE_PHONE:
            continue  # 말동무가 되어 드릴게요: company on the phone is its job
        p = s.pred(k)
        if shapes.their_words(s, main):
            continue  # 손주분이 효도폰을 사 드렸다니
        topic = any(  # 해 드릴 수 있는 건 …: what it can do is said next, and judged there
            s.lem(m) in ("거", "것") and s.tag(m - 1) == "ETM" and s.tag(m + 1) == "JX"
            for m in range(k + 1, min(k + 6, s.n - 1))
        )
        if topic and s.has(frozenset({"수"}), k + 1, k + 3):
            continue
        if p.hon or p.neg or p.cond or (p.question and not offer):
            continue
        if p.promise or offer or (p.past and not p.question) or p.can:
            return max(0, main - 1), p.end  # 예약을 대신 잡아 드릴 수 있어요
    return None


def _meeting(s: Sent, ctx: GuardContext) -> Span | None:
    invite = s.final_ef in ("ᆯ래요", "을래요", "ᆯ까요", "을까요", "ᆸ시다", "읍시다", "자")
    for i, _ in s.units(TOGETHER) + [(k, k) for k in s.find(TOGETHER, ("MAG",))]:
        with_me = s.lem(i - 2) in SELF | ADDRESS and s.tag(i - 1) in ("JKB", "JC")
        if s.lem(i) == "둘" and s.lem(i + 1) not in ("이", "이서"):
            continue  # 둘 다, 두 개
        if s.lem(i) == "우리" and s.lem(i + 1) not in ("같이", "함께", "둘"):
            continue
        if s.lem(i) == "같이" and i > 0 and s.t[i - 1].end == s.t[i].start:
            continue  # 것같이, 꿈같이: 같이 written onto a word is "like", not "together"
        if s.lem(i - 1) in _WITH and not with_me:
            continue  # 가족분들과 같이 드세요
        j = next((k for k in range(i + 1, min(i + 8, s.n)) if s.is_pred(k)), -1)
        if j < 0:
            continue
        p = s.pred(j)
        if s.lem(j) in _FEEL or s.lem(j + 1) in _FEEL:
            continue  # 우리 같이 힘내요: together in spirit
        if p.neg or p.past or (s.tag(p.end) == "ETM" and s.tag(p.end + 1).startswith("NN")):
            continue  # 같이 다니는 분이 계세요?: a relative clause, not a proposal
        hope = s.has(frozenset({"좋", "싶"}), j, s.n - 1) and (p.cond or p.future) and not p.hon
        shall = p.ef in ("죠", "시죠", "지요") and not s.question
        if with_me or invite or hope or shall or not p.hon:
            return i, p.end  # 같이 차 한잔해요, 같이 산책 가실래요?, 둘이 앉아 있으면 좋겠어요
    for i in range(s.n - 2):
        if s.lem(i) in ("저", "저희") and s.lem(i + 1) in _WITH and s.tag(i + 1) in ("JKB", "JC"):
            j = next((k for k in range(i + 2, min(i + 8, s.n)) if s.is_pred(k)), -1)
            if (
                j >= 0
                and not (s.pred(j).neg or s.pred(j).past)
                and s.tag(j).startswith(("VV", "NN"))
            ):
                return i, s.pred(j).end  # 저랑 차 한잔하세요
    for i in s.find(frozenset({"대접", "한턱"}), ("NN",)):
        p = s.pred(i)
        if not (p.hon or p.question or p.neg) and (p.promise or s.has(_WANT, i, s.n - 1)):
            return i, p.end  # 모시고 식사 대접하고 싶어요
    for i in s.find(MEET, ("VV",)):
        if s.lem(i - 2) == "찾" or s.has(frozenset({"통화", "전화"})):
            continue  # 찾아뵐게요: a visit; 다음 통화에서 또 뵐게요: a call
        p = s.pred(i)
        suggest = p.cond and s.has(frozenset({"어떻", "좋"}), p.end)  # 만나 뵈면 어떨까요?
        if p.hon or p.past or p.neg or (p.cond and not suggest):
            continue
        if suggest:
            return i, s.n - 1
        if s.lem(i) == "놀" and not s.has(TOGETHER):
            continue
        if p.promise or invite or p.ef in ("어요", "아요", "죠") or s.has(_WANT, i, p.end):
            return i, p.end
        if not p.ef and s.lem(p.end) in ("어서", "아서", "서", "고") and s.final_ef in _LETS:
            if not s.has(frozenset({"시", "으시"}), p.end):
                return i, s.n - 1  # 만나서 이야기 나눠요
    return None


_FEEL = frozenset("힘내 힘 응원 기도 노력 걱정 아파하 슬퍼하 기뻐하 웃 울 이겨내".split())
_LETS = frozenset("어요 아요 여요 요 ᆸ시다 읍시다 자 죠".split())
_WITH = frozenset("과 와 랑 이랑 하고 께서 들".split())
_WANT = frozenset({"싶"})


RULES: list[tuple[str, Callable[[Sent, GuardContext], Span | None]]] = [
    ("visit", _visit),
    ("action", _action),
    ("diagnosis", lambda s, c: medical.diagnosis(s)),
    ("reassurance", lambda s, c: medical.reassurance(s)),
    ("medication", lambda s, c: medical.medication(s) or medical.remedy(s)),
    ("treatment", lambda s, c: medical.treatment(s)),
    ("meeting", _meeting),
    ("world", persona.world),
    ("human", persona.human),
    ("seeing", persona.seeing),
    ("memory", guard_ko_memory.memory),
    ("intrusive", manners.intrusive),
    ("advertising", lambda s, c: None if shapes.their_words(s) else manners.advertising(s, c)),
    ("impolite", manners.impolite),
]


SHAPED = (
    RULES
    + shapes.RULES
    + shapes_medical.RULES
    + shapes_care.RULES
    + shapes_persona.RULES
    + shapes_observe.RULES
    + regimen.RULES
    + coming.RULES
    + scene.RULES
    + recall.RULES
)


def violations(sentence: Analysis, context: GuardContext) -> list[Violation]:
    """Every role category one agent sentence breaks, with the words that break it."""
    out: list[Violation] = []
    for part in _kiwi_sentences(sentence):
        s = Sent(part)
        for category, rule in SHAPED:
            if any(v.category == category for v in out):
                continue
            span = rule(s, context)
            if span is not None and not any(v.category == category for v in out):
                out.append(role.Violation(category, s.text(*span)))
    return out


def _kiwi_sentences(a: Analysis) -> list[Analysis]:
    """The sentences Kiwi found (a caller may pass a whole turn): a question mark or a quote in
    one must not change how another is read."""
    groups: dict[int, list[Token]] = {}
    n = 0
    for t in a.tokens:  # at . ? ! only: Kiwi also ends sentences at 어렵지 in 어렵지 하다 보면
        groups.setdefault(n, []).append(t)
        if t.tag == "SF":
            n += 1
    if len(groups) <= 1:
        return [a] if a.tokens else []
    out = []
    for toks in groups.values():
        start, end = toks[0].start, toks[-1].end
        moved = tuple(
            Token(t.surface, t.lemma, t.tag, t.start - start, t.end - start, 0) for t in toks
        )
        out.append(Analysis(a.text[start:end], a.language, moved))
    return out
