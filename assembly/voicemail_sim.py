"""A simulated answering machine: a recorded greeting (espeak/flite), a beep, then silence
while it "records". Named as a recipient's persona: `voicemail` or `voicemail:N` (greeting N
of the scenario's language), so a campaign can meet machines without a real network.

`GREETINGS` (machines) and `HUMAN_ANSWERS` (people picking up) are also what
`bench/bench_voicemail.py` scores the detector on.
"""

from __future__ import annotations

import numpy as np

from assembly.voices import make_synthesizer
from telephony.amd import tone
from telephony.audio import Audio
from telephony.phone import Action
from telephony.resample import resample

GREETINGS = {
    "en": [
        "Hi, this is {name}. I can't come to the phone right now. Please leave a message.",
        "Hello, you have reached {name}. Leave your name and number and I will call you back.",
        "You've reached the Miller residence. We're not home. Leave a message after the tone.",
        "Hi, it's {name}. Sorry I missed your call. I'll get back to you as soon as I can.",
        "The person you are calling is not available. Please record your message after the tone.",
        "Hello. Nobody can take your call at the moment. Please speak after the beep. Thank you.",
        "This is {name}'s phone. I'm probably in the garden. Tell me who called, I'll ring back.",
        "Hi there, this is {name} and family. We are away this week. Leave a message please.",
        "Your call has been forwarded to an automatic voice message system. At the tone, record.",
        "Hello, {name} here. I'm at the doctor's today. Please leave your number after the beep.",
        "Thanks for calling. I am unable to answer just now, but your call is important to me.",
        "Hi. You know what to do. Leave a message and I'll call you back later today. Bye now.",
    ],
    "ko": [
        "안녕하세요, {name}입니다. 지금은 전화를 받을 수 없습니다. 메시지를 남겨 주세요.",
        "지금 거신 전화는 연결이 되지 않아 음성 사서함으로 연결됩니다. 삐 소리 후 말씀하세요.",
        "{name}의 전화입니다. 잠시 자리를 비웠습니다. 용건을 남겨 주시면 다시 연락드리겠습니다.",
        "고객님의 전화를 받을 수 없어 음성 메시지로 연결합니다. 메시지를 남기신 후 끊어 주세요.",
        "안녕하세요. 지금은 외출 중입니다. 성함과 전화번호를 남겨 주시면 나중에 전화드릴게요.",
        "여보세요, {name}예요. 지금 병원에 와 있어서 못 받아요. 나중에 다시 걸어 주세요.",
        "전화 주셔서 감사합니다. 지금은 통화가 어렵습니다. 삐 소리가 나면 메시지를 남겨 주세요.",
        "{name} 댁입니다. 지금 아무도 없습니다. 급한 일이시면 메시지를 남겨 주세요. 감사합니다.",
        "연결이 되지 않아 소리샘으로 연결됩니다. 통화료가 부과됩니다. 메시지를 녹음해 주세요.",
        "안녕하세요. {name}입니다. 지금은 밭에 나가 있어요. 이따가 제가 다시 전화드릴게요.",
        "지금은 전화를 받을 수 없으니 잠시 후 다시 걸어 주시거나 음성 메시지를 남겨 주세요.",
        "네, {name}네 집입니다. 지금 여행 중이라 전화를 못 받습니다. 메시지 남겨 주세요.",
    ],
}

HUMAN_ANSWERS = {
    "en": [
        "Hello?",
        "Yes, speaking.",
        "Yes, this is {name}.",
        "Who is this?",
        "Hello, yes?",
        "That's me.",
        "Speaking.",
        "Yes?",
        "Hello, who's calling?",
        "It's {name}, yes.",
        "Yes dear.",
        "Hmm? Yes.",
        "Oh hello.",
        "No, wrong number.",
        "Yes, hello.",
        "This is she.",
        "Uh, yes?",
        "Hello, {name} here.",
        "Yeah.",
        "Hi, yes.",
    ],
    "ko": [
        "여보세요?",
        "네, 맞아요.",
        "네, 제가 {name}인데요.",
        "누구세요?",
        "네?",
        "네, 말씀하세요.",
        "예, 그런데요.",
        "여보세요, 누구신가요?",
        "네, 저예요.",
        "응, 그래.",
        "아니요, 잘못 거셨어요.",
        "네, 여보세요.",
        "예.",
        "네, {name}입니다.",
        "어, 누구야?",
        "네 맞습니다.",
        "여보세요, 네.",
        "네네.",
        "그런데요?",
        "예, 제가 받았어요.",
    ],
}

NAMES = {
    "en": ["Margaret", "Harold", "Betty", "Frank"],
    "ko": ["김순자", "박영수", "이말순", "최복남"],
}
RATE = 8000


def speak(text: str, language: str, voice: str | None = None) -> np.ndarray:
    """`text` in flite (English) or espeak (Korean), at the line's 8 kHz."""
    mouth = make_synthesizer("flite" if language == "en" else "espeak")
    audio = mouth.synthesize(text, language=language, voice=voice)
    return resample(audio.samples, audio.sample_rate, RATE).astype(np.float32)


def machine_audio(language: str, index: int, name: str, beep_hz: float = 1000.0) -> np.ndarray:
    greeting = speak(
        GREETINGS[language][index % len(GREETINGS[language])].format(name=name), language
    )
    gap = np.zeros(int(0.4 * RATE), np.float32)
    return np.concatenate([greeting, gap, tone(beep_hz, 0.5, RATE)])


class VoicemailPerson:
    """Answers the first agent turn with its greeting and beep, then stays silent; hangs up
    after `max_turns` turns (a machine stops recording)."""

    def __init__(self, language: str, index: int = 0, name: str = "", max_turns: int = 4) -> None:
        self.language = language
        self.audio = machine_audio(language, index, name or NAMES[language][0])
        self.turns = 0
        self.max_turns = max_turns

    def respond(self, heard: Audio) -> Action:
        self.turns += 1
        if self.turns == 1:
            return Action(speech=Audio(self.audio, RATE), text="(voicemail greeting, beep)")
        return Action(hangup=self.turns >= self.max_turns)
