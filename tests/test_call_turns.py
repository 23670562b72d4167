"""Turn-taking on a real line: a websocket on 127.0.0.1, espeak-ng speech, Silero VAD, the
simulated phone, a scripted agent. Each test is one behaviour a slow or impatient speaker
meets: long pauses, cutting the agent off, backchannels, silence, key presses."""

from __future__ import annotations

import asyncio

import pytest
from line_kit import OPENING, SPEED, ScriptedPerson, speech, start_server, trimmed, with_pause

from telephony.phone import PhoneOptions, SimulatedPhone
from telephony.turn import TurnOptions

pytestmark = pytest.mark.integration


def call(tmp_path, person, turn: TurnOptions | None = None, max_call_s: float = 60):
    async def scenario():
        server, factory = await start_server(tmp_path, turn=turn)
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED, max_call_s=max_call_s))
        result = await phone.call(f"ws://127.0.0.1:{server.port}/media")
        sessions = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return result, factory.agents[0], sessions[0]

    return asyncio.run(scenario())


def test_a_pause_of_over_a_second_inside_an_answer_does_not_split_the_turn(tmp_path):
    first, second = "I had", "some rice and a bowl of soup."
    paused = with_pause(first, 1.2, second)
    person = ScriptedPerson([paused, "I slept well.", "Yes, I took it."])
    result, agent, _ = call(tmp_path, person)

    assert agent.finished is not None and agent.finished[0] == "completed"
    assert len(agent.heard_utterances) == 3  # three answers, three turns: none split
    # the first turn holds both phrases and the pause between them
    spoken = trimmed(speech(first)).duration + trimmed(speech(second)).duration
    assert agent.heard_utterances[0] >= spoken + 1.2
    assert result.cleared == 0


def test_speaking_over_the_agent_stops_it_and_only_the_heard_words_count(tmp_path):
    answer = "Yes, yes, I already had my breakfast, thank you."
    person = ScriptedPerson([answer, "I slept well.", "Yes, I took it."], barge_in={0: 1.0})
    result, agent, session = call(tmp_path, person)

    assert result.barge_ins == 1 and result.cleared == 1  # the phone flushed on `clear`
    opening = [entry for entry in agent.played_log if entry[0] == OPENING]
    assert len(opening) == 1
    _, complete, heard = opening[0]
    assert not complete
    words = OPENING.split()
    # cut off after ~1 s + barge_in_s (0.8 s) of a ~5 s sentence: a real, strict prefix
    assert heard and OPENING.startswith(heard) and 2 <= len(heard.split()) < len(words) - 3
    # the interruption was a turn of its own and the call went on to its end
    assert len(agent.heard_utterances) == 3
    assert agent.finished is not None and agent.finished[0] == "completed"
    assert [t for t, c, _ in agent.played_log if c][-1] == "Thank you. Goodbye."
    assert not session.errors


def test_a_short_backchannel_over_the_agent_does_not_interrupt_it(tmp_path):
    person = ScriptedPerson(
        ["I had toast.", "yeah", "I slept well.", "Yes, I took it."], barge_in={1: 0.6}
    )
    # the person answers the opening, then says "yeah" 0.6 s into the next question
    result, agent, _ = call(tmp_path, person)

    assert result.barge_ins == 1 and result.cleared == 0
    assert all(complete for _, complete, _ in agent.played_log)  # every line played whole
    assert [t for t, _, _ in agent.played_log][:2] == [OPENING, agent.questions[0]]
    # the backchannel was not taken as an answer: three answers, three turns
    assert len(agent.heard_utterances) == 3
    assert agent.finished is not None and agent.finished[0] == "completed"


def test_silence_brings_the_reprompt_and_the_agent_decides_to_hang_up(tmp_path):
    person = ScriptedPerson([])  # never says a word
    result, agent, session = call(tmp_path, person, turn=TurnOptions(no_input_s=2.0))

    assert agent.silences == 2  # ScriptedAgent hangs up on its second reprompt
    assert agent.heard_utterances == []
    assert agent.finished is not None and agent.finished[0] == "completed"
    assert result.reason == "server hung up"
    # each reprompt came after the agent had finished and the line was quiet for no_input_s
    assert session.line_seconds >= 2 * 2.0
