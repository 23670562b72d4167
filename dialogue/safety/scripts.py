"""What the agent says when someone may be in danger: one direct question per category, and
the emergency script, in each language.

The script never claims an action the system did not take: "I am alerting your care worker"
only when an alert channel is configured and the alert is stored; otherwise the person is told
to call the emergency number themselves, now. Category advice follows what a triage line would
say first (leave the house for fire or gas, the police for an intruder, the crisis line for
suicidal thoughts).
"""

from __future__ import annotations

CHECK_QUESTIONS = {
    "en": {
        "cardiac": "Do you have chest pain or pressure right now?",
        "breathing": "Are you having trouble breathing right now?",
        "stroke": "Right now, is one side of your face, an arm or a leg weak or numb, "
        "or is it hard to speak?",
        "fall": "Are you on the floor, or unable to get up, right now?",
        "unconscious": "Did you faint or black out just now?",
        "bleeding": "Are you bleeding right now, and it won't stop?",
        "overdose": "Did you take more medicine than you should have?",
        "suicide": "Are you thinking about ending your life?",
        "confusion": "Are you confused about where you are right now?",
        "fire": "Do you smell smoke or gas right now?",
        "violence": "Is someone there hurting or threatening you right now?",
        "starvation": "Have you gone days without eating or drinking?",
        "help": "Do you need help right now?",
    },
    "ko": {
        "cardiac": "지금 가슴이 아프거나 조이세요?",
        "breathing": "지금 숨 쉬기가 힘드세요?",
        "stroke": "지금 한쪽 얼굴이나 팔다리에 힘이 빠지거나, 말하기가 어려우세요?",
        "fall": "지금 바닥에 계시거나 일어나지 못하고 계세요?",
        "unconscious": "방금 정신을 잃거나 쓰러지셨어요?",
        "bleeding": "지금 피가 나는데 멈추지 않나요?",
        "overdose": "약을 드셔야 하는 양보다 많이 드셨어요?",
        "suicide": "혹시 스스로 목숨을 끊을 생각을 하고 계세요?",
        "confusion": "지금 여기가 어디인지 헷갈리세요?",
        "fire": "지금 연기나 가스 냄새가 나세요?",
        "violence": "지금 누가 해치거나 위협하고 있나요?",
        "starvation": "며칠째 아무것도 못 드시고 못 마시셨어요?",
        "help": "지금 도움이 필요하세요?",
    },
}

# What a care worker reads in the report, in the call's language.
NOTES = {
    "en": {
        "cardiac": "Chest pain or cardiac signs",
        "breathing": "Trouble breathing",
        "stroke": "Stroke signs (face, arm, speech, vision)",
        "fall": "Fell and cannot get up, or hit their head",
        "unconscious": "Fainted or lost consciousness",
        "bleeding": "Heavy bleeding",
        "overdose": "Overdose or poisoning",
        "suicide": "Spoke of wanting to die or self-harm",
        "confusion": "Acute confusion",
        "fire": "Fire, smoke or gas",
        "violence": "Intruder or violence",
        "starvation": "Days without food or water",
        "help": "Cried for help",
    },
    "ko": {
        "cardiac": "가슴 통증 또는 심장 이상",
        "breathing": "호흡 곤란",
        "stroke": "뇌졸중 의심 (얼굴·팔다리 마비, 말 어눌, 시야 이상)",
        "fall": "넘어짐 또는 일어나지 못함, 머리 부상",
        "unconscious": "실신 또는 의식 잃음",
        "bleeding": "심한 출혈",
        "overdose": "약물 과다 복용 또는 중독",
        "suicide": "죽고 싶다는 말 또는 자해",
        "confusion": "갑작스러운 의식 혼란",
        "fire": "화재, 연기 또는 가스",
        "violence": "침입 또는 폭력",
        "starvation": "며칠째 식사·물 못 함",
        "help": "도움 요청",
    },
}

# {number}: the emergency number; {crisis}: the suicide crisis line.
_NUMBERS = {"en": ("911", "988"), "ko": ("119", "109")}

_OPEN = {
    "en": "That sounds serious.",
    "ko": "많이 위급한 상황 같아요.",
}
_SUICIDE_OPEN = {
    "en": "I'm really sorry you're feeling this way, and I'm glad you told me.",
    "ko": "그런 마음이 드셨다니 정말 마음이 아파요. 말씀해 주셔서 고마워요.",
}
_ALERTING = {
    "en": "I am alerting your care worker right now.",
    "ko": "지금 바로 담당 선생님께 알리고 있어요.",
}
_HANDOFF = {
    "en": "I am connecting you to a person now. Please stay on the line.",
    "ko": "지금 바로 상담 선생님께 연결해 드릴게요. 끊지 말고 기다려 주세요.",
}
_ADVICE = {
    "en": {
        "fire": "Please leave the house now, then call {number}.",
        "violence": "If you are in danger, get to a safe place and call {number} now.",
        "suicide": "Please call or text {crisis}, the crisis line, now, or {number} if you are "
        "in danger.",
        "default": "Please call {number} now, or press your emergency button.",
    },
    "ko": {
        "fire": "지금 바로 집 밖으로 나가신 다음 {number}에 전화해 주세요.",
        "violence": "위험하시면 안전한 곳으로 피하시고 바로 112에 전화해 주세요.",
        "suicide": "지금 자살예방 상담전화 {crisis}번이나 {number}에 꼭 전화해 주세요.",
        "default": "지금 바로 {number}에 전화해 주시거나 응급 버튼을 눌러 주세요.",
    },
}
_NO_CHANNEL = {
    "en": "Please hang up and call {number} now.",
    "ko": "지금 바로 전화를 끊고 {number}에 전화해 주세요.",
}
_RELIEVED = {"en": "I'm glad to hear that.", "ko": "다행이에요."}
# A red flag the reply neither confirmed nor denied, raised only by the learned layer: a care
# worker will call back (said only when the alert is stored and a channel will deliver it).
_CALL_BACK = {
    "en": "All right. I'll ask your care worker to give you a call later, just to be sure.",
    "ko": "알겠어요. 혹시 모르니 담당 선생님께 나중에 전화 한번 드리라고 할게요.",
}
_GO_ON = {"en": "All right.", "ko": "알겠어요."}


def note(category: str, language: str) -> str:
    notes = NOTES.get(language, NOTES["en"])
    return notes.get(category, category)


def check_question(category: str, language: str) -> str:
    questions = CHECK_QUESTIONS.get(language, CHECK_QUESTIONS["en"])
    return questions.get(category, questions["help"])


def relieved(language: str) -> str:
    return _RELIEVED.get(language, _RELIEVED["en"])


def call_back(language: str, *, alerted: bool) -> str:
    """After an unconfirmed low-confidence flag: a care worker will call back, said only when
    that is true; otherwise a plain acknowledgement before the check-in goes on."""
    lines = _CALL_BACK if alerted else _GO_ON
    return lines.get(language, lines["en"])


def emergency_script(
    category: str,
    language: str,
    *,
    alerted: bool,
    handed_off: bool = False,
    number: str | None = None,
    advice: str | None = None,
) -> str:
    """What to say once an emergency is decided. `alerted`: the alert is stored and a channel
    will deliver it; `handed_off`: the call is being connected to a person; `advice`: the
    scenario's own script for its own rule, said instead of the category advice."""
    lang = language if language in _OPEN else "en"
    default_number, crisis = _NUMBERS[lang]
    number = number or default_number
    opening = (_SUICIDE_OPEN if category == "suicide" else _OPEN)[lang]
    if handed_off:
        return f"{opening} {_HANDOFF[lang]}"
    if not alerted and advice is None and category not in ("fire", "violence", "suicide"):
        return f"{opening} {_NO_CHANNEL[lang].format(number=number)}"
    tips = _ADVICE[lang]
    said = advice or tips.get(category, tips["default"]).format(number=number, crisis=crisis)
    return " ".join([opening, *([_ALERTING[lang]] if alerted else []), said])
