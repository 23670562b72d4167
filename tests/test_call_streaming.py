"""Sentence streaming on the real line: a reply's first sentence is on the line while the next
ones are still being synthesized, and a barge-in stops the synthesis of what is left.

A real websocket server and the simulated phone on 127.0.0.1, real espeak-ng speech, real
Silero VAD. The agent's later sentences are synthesized by a callable that blocks until the
line has reported back on the first sentence: a line that synthesized every sentence before
sending any would never report, and the test would see the wait time out.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from line_kit import SPEED, ScriptedPerson, speech, start_server

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.phone import PhoneOptions, SimulatedPhone

pytestmark = pytest.mark.integration

FIRST = "Hello, this is the care call from the health office, calling to see how you are today."
SECOND = "Did you sleep well last night?"
THIRD = "Goodbye for now."
WAIT_S = 15.0  # far longer than the first sentence takes to play at SPEED


class StreamingAgent:
    """Opens with three sentences: the first given, the other two synthesized when the line
    asks for them. The second one's synthesis waits until the line has told the agent what
    was heard of the first (`played`), and notes whether that happened before it gave up."""

    def __init__(self, call: CallInfo, hangup: bool) -> None:
        self.call = call
        self.hangup = hangup  # after the opening (a goodbye cut off by a barge-in ends the call)
        self.first_reported = threading.Event()
        self.second_waited_for_first: bool | None = None
        self.rendered: list[str] = []
        self.played_log: list[tuple[str, bool, str]] = []
        self.heard: list[float] = []
        self.finished: str | None = None

    def _render(self, text: str, wait: bool = False):
        def render() -> Audio:
            if wait:
                self.second_waited_for_first = self.first_reported.wait(WAIT_S)
            self.rendered.append(text)
            return speech(text)

        return render

    def opening(self) -> Reply:
        return Reply(
            [
                Segment(FIRST, speech(FIRST)),
                Segment(SECOND, render=self._render(SECOND, wait=True)),
                Segment(THIRD, render=self._render(THIRD)),
            ],
            hangup=self.hangup,
        )

    def hear(self, utterance: Audio) -> Reply | None:
        self.heard.append(utterance.duration)
        return Reply([Segment("Thank you. Goodbye.", speech("Thank you. Goodbye."))], hangup=True)

    def silence(self) -> Reply:
        return Reply([Segment("Goodbye.", speech("Goodbye."))], hangup=True)

    def dtmf(self, digit: str) -> Reply | None:
        return None

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        self.played_log.append((segment.text, complete, heard_text))
        if segment.text == FIRST:
            self.first_reported.set()

    def finish(self, reason: str, recording: Path | None) -> None:
        self.finished = reason


def call(tmp_path: Path, person: ScriptedPerson, hangup: bool):
    agents: list[StreamingAgent] = []

    def factory(info: CallInfo) -> StreamingAgent:
        agents.append(StreamingAgent(info, hangup))
        return agents[-1]

    async def scenario():
        server, _ = await start_server(tmp_path, factory=factory)
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED))
        result = await phone.call(f"ws://127.0.0.1:{server.port}/media", tmp_path / "phone.wav")
        sessions = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return result, agents[0], sessions[0]

    return asyncio.run(scenario())


def test_the_first_sentence_plays_before_the_next_is_synthesized(tmp_path):
    result, agent, session = call(tmp_path, ScriptedPerson([]), hangup=True)

    # The second sentence was synthesized only after the first had played out on the line.
    assert agent.second_waited_for_first is True
    assert agent.rendered == [SECOND, THIRD]
    assert agent.played_log == [(FIRST, True, FIRST), (SECOND, True, SECOND), (THIRD, True, THIRD)]
    assert result.marks_echoed == 3
    assert agent.finished == "completed" and result.reason == "server hung up"
    assert not session.errors


def test_barge_in_stops_the_synthesis_of_the_rest_of_the_reply(tmp_path):
    # The person cuts in 1 s into the first sentence, while the second is being synthesized.
    person = ScriptedPerson(["Sorry, who is calling please?"], barge_in={0: 1.0})
    result, agent, session = call(tmp_path, person, hangup=False)

    assert result.cleared == 1
    first = [entry for entry in agent.played_log if entry[0] == FIRST]
    assert len(first) == 1 and first[0][1] is False  # cut off part-way
    # The second sentence's synthesis was under way at the barge-in; it was dropped, and the
    # third was never synthesized. Neither was heard.
    assert agent.second_waited_for_first is True
    assert THIRD not in agent.rendered
    assert (SECOND, False, "") in agent.played_log and (THIRD, False, "") in agent.played_log
    assert not any(text in (SECOND, THIRD) and complete for text, complete, _ in agent.played_log)
    # The interruption was heard as a turn and answered; the call ended on that answer.
    assert len(agent.heard) == 1
    assert agent.played_log[-1] == ("Thank you. Goodbye.", True, "Thank you. Goodbye.")
    assert agent.finished == "completed"
    assert not session.errors


def test_a_segment_needs_audio_or_a_way_to_render_it():
    with pytest.raises(ValueError, match="neither audio nor a way to render it"):
        Segment("Hello.")
    made = []
    lazy = Segment("Hello.", render=lambda: made.append(1) or speech("Hello."))
    assert not made  # nothing is synthesized until the line asks
    assert lazy.synthesize().duration > 0.2 and made == [1]
