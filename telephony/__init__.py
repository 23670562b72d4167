"""The phone line: wire protocol, G.711, resampling, VAD/endpointing, call sessions, server, phone.

`telephony` imports no model library (no whisper, TTS or transformers). What a call *says* comes
from a `CallAgent`, which the composition root (`assembly.pipeline`) builds per call from ASR,
dialogue and TTS. Every `CallAgent` method blocks and is run off the event loop, so one slow
model call never delays another call's audio.
"""

from telephony.agent import AgentFactory, CallAgent, CallInfo, Reply, Segment
from telephony.audio import Audio

__all__ = ["AgentFactory", "Audio", "CallAgent", "CallInfo", "Reply", "Segment"]
