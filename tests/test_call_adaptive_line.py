"""The adaptive end of turn on the phone line end to end: a real server and simulated phone on
127.0.0.1, espeak-ng speech, Silero VAD, and a scripted agent that listens to the turn as it is
streamed and judges its pauses by a rule of its own (no recognizer)."""

from __future__ import annotations

import asyncio

import pytest
from line_kit import SPEED, Factory, ScriptedAgent, ScriptedPerson, start_server, with_pause

from telephony.phone import PhoneOptions, SimulatedPhone
from telephony.turn import TurnOptions

pytestmark = pytest.mark.integration


class StreamingAgent(ScriptedAgent):
    """Judges every pause of the first turn unfinished and of later turns finished."""

    def __init__(self, call) -> None:
        super().__init__(call)
        self.streamed: dict[int, float] = {}  # turn -> seconds received while spoken
        self.judged: list[int] = []
        self.heard_turns: list[int | None] = []

    def listen(self, turn, samples, sample_rate) -> None:
        self.streamed[turn] = self.streamed.get(turn, 0.0) + len(samples) / sample_rate

    def judge(self, turn) -> float:
        self.judged.append(turn)
        return 0.0 if turn == 1 else 1.0

    def hear(self, utterance, turn=None):
        self.heard_turns.append(turn)
        return super().hear(utterance)


class StreamingFactory(Factory):
    def __call__(self, call):
        agent = StreamingAgent(call)
        self.agents.append(agent)
        return agent


def test_an_unfinished_phrase_is_waited_for_and_a_whole_answer_ends_the_turn_soon(tmp_path):
    turn = TurnOptions(end_silence_s=1.5, unfinished_silence_s=3.5, complete_silence_s=0.6)

    async def scenario():
        server, factory = await start_server(tmp_path, factory=StreamingFactory(), turn=turn)
        person = ScriptedPerson(
            [
                with_pause("I went to the", 2.2, "market this morning."),  # longer than 1.5 s
                with_pause("I slept well.", 1.0, "Thank you."),  # a whole answer, then more
                "Yes, I took it.",
            ]
        )
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED))
        result = await phone.call(f"ws://127.0.0.1:{server.port}/media")
        await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return result, factory.agents[0]

    result, agent = asyncio.run(scenario())
    # Turn 1 was held through its 2.2 s pause (judged unfinished): one turn, the whole answer.
    assert agent.heard_turns[0] == 1 and agent.heard_utterances[0] > 3.0
    # Turn 2 ended in its 1.0 s pause (judged whole): "Thank you." came as a turn of its own.
    assert agent.heard_utterances[1] < 2.0
    assert len(agent.heard_turns) >= 3 and 1 in agent.judged and 2 in agent.judged
    # Each heard turn was streamed to the agent, all of it, before it was heard.
    for t, duration in zip(agent.heard_turns, agent.heard_utterances, strict=True):
        assert t is not None and agent.streamed[t] >= duration - 0.05
    assert result.reason in ("server hung up", "phone hung up")
