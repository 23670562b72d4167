"""Handing a live Twilio call to a person: the on-call contact, or the emergency number.

`client.calls(call_sid).update(twiml=…)` replaces what the call does: the media stream to our
server ends, the person hears one sentence, and Twilio dials the number on the same call.
"""

from __future__ import annotations

import logging

log = logging.getLogger("carecall.alerts")

SAY = {
    ("oncall", "en"): "I am connecting you to your care worker now. Please stay on the line.",
    ("oncall", "ko"): "지금 담당 선생님께 연결해 드릴게요. 끊지 말고 기다려 주세요.",
    ("emergency", "en"): "I am connecting you to emergency services now. Please stay on the line.",
    ("emergency", "ko"): "지금 119에 연결해 드릴게요. 끊지 말고 기다려 주세요.",
}
VOICE_LANGUAGE = {"en": "en-US", "ko": "ko-KR"}


def handoff_twiml(mode: str, number: str, language: str = "en") -> str:
    from twilio.twiml.voice_response import VoiceResponse

    response = VoiceResponse()
    lang = language if language in VOICE_LANGUAGE else "en"
    response.say(SAY[(mode, lang)], language=VOICE_LANGUAGE[lang])
    response.dial(number)
    return str(response)


class HandOff:
    """`mode`: "oncall" dials `number` (the first on-call contact), "emergency" the emergency
    number the office allows (119, 911)."""

    def __init__(self, client, mode: str, number: str, language: str = "en") -> None:
        if mode not in ("oncall", "emergency"):
            raise ValueError(f"hand-off mode {mode!r}: oncall or emergency")
        self.client = client  # twilio.rest.Client
        self.mode = mode
        self.number = number
        self.language = language

    def __call__(self, call_sid: str) -> bool:
        from twilio.base.exceptions import TwilioException

        twiml = handoff_twiml(self.mode, self.number, self.language)
        try:
            self.client.calls(call_sid).update(twiml=twiml)
        except (TwilioException, OSError) as exc:
            log.error("call %s: hand-off (%s) failed: %s", call_sid, self.mode, type(exc).__name__)
            return False
        log.warning("call %s handed off (%s)", call_sid, self.mode)
        return True
