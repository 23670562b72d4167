"""Replies to a safety check question, read by language analysis (`dialogue.safety.replies`),
and the escalation proportionate to what was heard (`dialogue.safety.flow.ESCALATION`)."""

from __future__ import annotations

import pytest

from dialogue.safety import Assessment, Decision, Finding
from dialogue.safety.flow import CHECK_SEVERITY, ESCALATION, SafetyFlow
from dialogue.safety.replies import READINGS, read_reply
from dialogue.safety.scripts import CHECK_QUESTIONS


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("No, not at all.", "en", "no"),
        ("I'm not having any trouble, dear.", "en", "no"),
        ("Goodness no, why do you ask?", "en", "no"),
        ("what? no I said I had soup", "en", "no"),
        ("no... well, yes, a bit", "en", "yes"),
        ("a little", "en", "yes"),
        ("I can't get up", "en", "symptom"),
        ("it won't stop", "en", "symptom"),
        ("the what, dear?", "en", "repeat"),
        ("pardon?", "en", "repeat"),
        ("I don't know", "en", "unsure"),
        ("no... I'm not sure", "en", "unsure"),
        ("I watched the telly all afternoon", "en", "unrelated"),
        ("", "en", "silence"),
        ("안 아파요", "ko", "no"),
        ("숨은 괜찮아요", "ko", "no"),
        ("아니요괜찮아요", "ko", "no"),
        ("네? 아니요, 국 먹었다고 했어요.", "ko", "no"),
        ("아니... 아니 좀 그래요", "ko", "yes"),
        ("조금요", "ko", "yes"),
        ("못 일어나겠어요", "ko", "symptom"),
        ("피가 안 멈춰요", "ko", "symptom"),
        ("뭐라고요?", "ko", "repeat"),
        ("잘 안 들려요", "ko", "repeat"),
        ("글쎄요, 잘 모르겠어요", "ko", "unsure"),
        ("오후 내내 텔레비전 봤어요", "ko", "unrelated"),
        ("외로워서 그래요", "ko", "unrelated"),
    ],
)
def test_the_reader(text, language, expected):
    assert read_reply(text, language).kind == expected


def test_a_rule_flag_in_the_reply_is_the_symptom_and_a_learned_one_is_not():
    rules = Assessment(Decision.CHECK, (Finding("fall", Decision.CHECK, "floor", "en:floor"),))
    learned = Assessment(Decision.CHECK, (Finding("fire", Decision.CHECK, "x", "learned:0.7"),))
    assert read_reply("I'm on the floor", "en", rules).kind == "symptom"
    assert read_reply("no smell at all", "en", learned).kind == "no"


@pytest.mark.parametrize("text", [None, "???", "\x00", "a" * 5000, "ㅋㅋㅋ"])
def test_any_text_gets_a_reading(text):
    for lang in ("en", "ko", "fr"):
        assert read_reply(text, lang).kind in READINGS


def test_every_reading_has_an_action():
    assert set(ESCALATION) == set(READINGS)


class Layered:
    """A detector whose check comes from a rule or from the learned layer."""

    def __init__(self, rule: str):
        self.rule = rule

    def assess(self, text: str, language: str) -> Assessment:
        if "breath" in text or "숨" in text:
            return Assessment(
                Decision.CHECK, (Finding("breathing", Decision.CHECK, text, self.rule),)
            )
        return Assessment(Decision.NONE)


class Sink:
    configured = True

    def __init__(self):
        self.raised = []

    def raise_alert(self, category, severity, evidence):
        self.raised.append((category, severity, evidence))
        return True

    def hand_off(self):
        return False


@pytest.mark.parametrize("reply", ["I had soup", "i was watching the telly"])
def test_talk_of_something_else_after_a_learned_flag_asks_a_person_to_call_back(reply):
    sink = Sink()
    flow = SafetyFlow(Layered("learned:0.61"), "en", alerts=sink)
    assert flow.hear("short of breath").kind == "check"
    turn = flow.hear(reply)
    assert turn.kind == "callback" and not flow.pending
    assert sink.raised[0][:2] == ("breathing", CHECK_SEVERITY) and reply in sink.raised[0][2]
    assert "call" in turn.text and "911" not in turn.text
    assert flow.raised and flow.raised[-1].kind == "callback"


@pytest.mark.parametrize("reply", ["I'm just a bit tired", "I don't know", "I had soup"])
def test_an_unclear_reply_to_a_rule_flag_is_an_emergency(reply):
    sink = Sink()
    flow = SafetyFlow(Layered("en:short of breath"), "en", alerts=sink)
    flow.hear("short of breath")
    turn = flow.hear(reply)
    assert turn.kind == "emergency" and sink.raised[0][1] == "critical"


@pytest.mark.parametrize("reply", ["I'm just a bit tired", "I don't know", "uh the", ""])
def test_doubt_garble_or_silence_after_a_learned_flag_is_still_an_emergency(reply):
    """The issue's rule: yes, silence or a garbled reply counts as an emergency, whatever
    raised the flag; only a clear reply about something else is read by the flag's strength."""
    sink = Sink()
    flow = SafetyFlow(Layered("learned:0.61"), "en", alerts=sink)
    flow.hear("short of breath")
    turn = flow.hear(reply) if reply else flow.silence()
    assert turn.kind == "emergency" and sink.raised[0][1] == "critical"


@pytest.mark.parametrize("rule", ["learned:0.6", "en:short of breath"])
def test_a_request_to_repeat_gets_the_question_once_more_then_yes_is_an_emergency(rule):
    sink = Sink()
    flow = SafetyFlow(Layered(rule), "ko", alerts=sink)
    flow.hear("숨이 좀 차요")
    again = flow.hear("뭐라고요?")
    assert again.kind == "check" and again.text == CHECK_QUESTIONS["ko"]["breathing"]
    assert sink.raised == []
    assert flow.hear("네, 좀 그래요").kind == "emergency"


def test_a_clear_no_to_a_learned_flag_goes_on_and_raises_nothing():
    sink = Sink()
    flow = SafetyFlow(Layered("learned:0.6"), "ko", alerts=sink)
    flow.hear("숨이 좀 차요")
    turn = flow.hear("아니요, 괜찮아요")
    assert turn.kind == "clear" and turn.reading == "no" and sink.raised == []


def test_a_call_back_is_an_urgent_check_alert_in_the_report_and_the_call_goes_on():
    from dialogue import DialogueEngine, Recipient, load_scenario

    sink = Sink()
    scenario = load_scenario("daily_checkin_en")
    flow = SafetyFlow(Layered("learned:0.6"), "en", alerts=sink)
    engine = DialogueEngine(scenario, recipient=Recipient("r1", "Ann"), seed=0, safety=flow)
    engine.opening()
    engine.reply("yes this is Ann")
    assert engine.reply("I've been short of breath").kind == "clarify"
    turn = engine.reply("I had soup for lunch")
    report = engine.report()
    assert turn.kind != "emergency" and not turn.end_call
    assert [(a.kind, a.severity) for a in report.alerts] == [("check", CHECK_SEVERITY)]
    assert report.safety_checks[0].answer == "unclear"
    assert report.safety_checks[0].layer == "learned"
    assert report.outcome != "emergency"


def test_the_replies_set_is_split_as_the_seeded_coin_says():
    from evaluation.safety import reply_split

    assert reply_split.main(["--check"]) == 0


def test_the_evaluator_names_a_bad_line(tmp_path, capsys):
    from evaluation.safety import replies as evaluator

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"lang": "en", "reply": "yes", "reading": "maybe"}\n', encoding="utf-8")
    assert evaluator.main([str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
