"""Streaming the end-of-turn evaluation's answers as a call does (`evaluation.endpoint`):
synthesized (espeak-ng, flite), over the line's μ-law at 8 kHz, through Silero VAD, the call's
`Endpointer` and `TurnListening` and pocketsphinx's streaming decoder; each probed pause kept
with what it really was, what was heard and how the voice closed (`measure`, cached)."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from evaluation.endpoint_data import SETS
from evaluation.endpoint_replay import PauseRecord, question_context, scenario_for
from evaluation.pausing import PauseRange, PausingAnswer, pieces, render_all

LINE_RATE = 8000
LEAD_S = 0.5  # silence before an answer
TAIL_S = 4.0  # silence after it: longer than any end of turn
VOICES = ("espeak", "flite")


@functools.cache
def _synthesizer(voice: str):
    if voice == "espeak":
        from tts.espeak import EspeakSynthesizer

        return EspeakSynthesizer()
    if voice == "flite":
        from tts.flite import FliteSynthesizer

        return FliteSynthesizer()
    raise ValueError(f"unknown voice {voice!r}: choose from {', '.join(VOICES)}")


def _synthesize(voice: str, language: str = "en"):
    from telephony.resample import resample

    def say(text: str):
        audio = _synthesizer(voice).synthesize(text, language=language)
        return resample(audio.samples, audio.sample_rate, LINE_RATE), LINE_RATE

    return say


def over_the_line(samples: np.ndarray) -> np.ndarray:
    """`samples` (8 kHz) as the server hears them: μ-law and back, int16 scale like the call."""
    from telephony.g711 import float_to_pcm16, ulaw_decode, ulaw_encode

    pcm = ulaw_decode(ulaw_encode(float_to_pcm16(samples)))
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


PRIME = {"en": "Hello? Yes, this is me.", "ko": "여보세요? 네, 저예요."}
"""What each caller says first in a call (their reply to the greeting), before any answer: the
prosodic cue's running median of their pitch starts from it, as in a call."""


def stream_answer(
    answer: PausingAnswer, recognizer, context, vad_factory, prime: np.ndarray | None = None
) -> list[tuple]:
    """Stream one answer as a call does; (truth, heard, silence_s, lag_s, close, stop) per
    probed pause: `close` how the voice closed before it (`telephony.prosody`), `stop` the
    answer's stop it falls in (-1: a pause inside a piece; the last: the end). Without a
    `recognizer` nothing is heard (""). `prime`: the caller's earlier speech (8 kHz), heard
    by the pitch tracker only (`PRIME`)."""
    from telephony.callevents import Probe, Stream
    from telephony.listening import TurnListening
    from telephony.turn import Endpointer, TurnEventKind, TurnOptions
    from telephony.vad import ChunkedVAD

    lead = round(LEAD_S * LINE_RATE)
    audio = np.concatenate(
        [
            np.zeros(lead, np.float32),
            answer.samples,
            np.zeros(round(TAIL_S * LINE_RATE), np.float32),
        ]
    )
    audio = over_the_line(audio)
    speech_end = lead + answer.spans[-1][1]
    # Never end the turn: every pause is heard out, and judged once, as in a call.
    never = 1000.0
    options = TurnOptions(
        prosody_window_s=PROSODY_WINDOW_S,
        end_silence_s=never,
        complete_silence_s=never,
        unfinished_silence_s=never,
        max_utterance_s=never,
    )
    ep, listening = Endpointer(options, LINE_RATE), TurnListening(options)
    if prime is not None:
        listening.know_speaker(over_the_line(prime), LINE_RATE)
    vad = ChunkedVAD(vad_factory())
    stream = None
    current: list | None = None  # the pause being heard out
    probes: list[list] = []  # [truth, heard, silence_s, lag_s]
    frame = LINE_RATE // 50
    for at in range(0, len(audio), frame):
        for chunk, prob in vad.push(audio[at : at + frame]):
            for event in ep.feed(chunk, prob):
                if event.kind is TurnEventKind.SPEECH_STARTED:
                    listening.started()
            if not ep.in_turn:
                continue
            if ep.silence_run_s == 0:
                current = None  # speech again: the pause judged last is over
            elif current is not None:
                current[2] = max(current[2], ep.silence_run_s)
            for action in listening.during(ep):
                if isinstance(action, Stream):
                    if recognizer is None:
                        continue
                    if stream is None:
                        stream = recognizer.open_stream(language="en", context=context)
                    stream.feed(action.samples, action.sample_rate)
                elif isinstance(action, Probe):
                    # Inside: some of the answer is still to be spoken after this probe.
                    truth = "inside" if ep.position < speech_end else "end"
                    heard = stream.partial() if stream is not None else ""
                    silence_from = ep.position - round(ep.silence_run_s * LINE_RATE)
                    lag = max(0.0, (silence_from - speech_end) / LINE_RATE)
                    close = listening.close.as_dict() if listening.close else None
                    stop = _stop_of(answer, silence_from - lead)
                    current = [truth, heard, ep.silence_run_s, lag, close, stop]
                    probes.append(current)
    if stream is not None:
        stream.close()
    vad.vad.reset()
    return [tuple(p) for p in probes]


def _stop_of(answer: PausingAnswer, at: int) -> int:
    """Which stop of `answer` the silence starting at sample `at` falls in: i after piece i,
    -1 inside a piece (the VAD heard a short pause within it)."""
    for i, (_, end) in enumerate(answer.spans):
        nxt = answer.spans[i + 1][0] if i + 1 < len(answer.spans) else None
        if at >= end - round(0.1 * answer.sample_rate) and (nxt is None or at < nxt):
            return i
    return -1


CACHE_VERSION = 3
PROSODY_WINDOW_S = 0.3  # the closes are recorded with this window, judged with any settings


def _answer_key(voice: str, answer: PausingAnswer, item: str, style: str = "pieces") -> str:
    """What shapes one streamed answer's pauses: its voice, words, item, drawn pauses and how
    it was spoken (`evaluation.pausing.STYLES`)."""
    drawn = [round(p, 6) for p in answer.pauses]
    key = json.dumps([CACHE_VERSION, voice, answer.text, item, drawn, style])
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def measure(
    half: str,
    seeds: int,
    voices,
    pauses: PauseRange,
    cache: Path | None,
    style: str = "whole",
    language: str = "en",
) -> list:
    """The pauses of `half`, streamed; with `cache`, each answer's pauses are kept under what
    shapes them (`_answer_key`), so adding answers decodes only the new ones. Korean has no
    streaming recognizer on CPU: its answers are streamed for the VAD and the prosodic cue
    only, and each stop is judged on the answer's own words up to it (`_own_words`)."""
    answers = SETS[(half, language)]
    decode = None
    records = []
    vad_factory = None
    for voice in voices:
        say = _synthesize(voice, language)
        prime = say(PRIME[language])[0]
        for seed in range(seeds):
            rendered = render_all([t for _, t in answers], say, seed, pauses, style)
            for (item, text), answer in zip(answers, rendered, strict=True):
                key = _answer_key(f"{voice}-{language}", answer, item, style)
                path = cache / f"endpoint-answer-{key}.jsonl" if cache is not None else None
                closes = cache / f"endpoint-closes-{key}.json" if cache is not None else None
                if path is not None and path.exists():
                    found = [
                        replace(PauseRecord(**json.loads(line)), half=half, seed=seed)
                        for line in path.read_text().splitlines()
                    ]
                else:
                    if decode is None:
                        decode = _decoder(language)
                    probed = decode(answer, question_context(language, item))
                    if language != "en":
                        probed = _own_words(answer, probed)
                    found = [
                        PauseRecord(
                            half,
                            language,
                            voice,
                            seed,
                            text,
                            item,
                            truth,
                            heard,
                            round(silence, 3),
                            round(lag, 3),
                            close,
                        )  # fmt: skip
                        for truth, heard, silence, lag, close, _ in probed
                    ]
                    if path is not None:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_text(
                            "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in found)
                        )
                # The closes as a call hears them: the caller's pitch known from their first
                # words (`PRIME`); the same VAD, so the same pauses, in the same order.
                if closes is not None and closes.exists():
                    heard = json.loads(closes.read_text())
                else:
                    if vad_factory is None:
                        from telephony.vad import make_vad

                        vad_factory = functools.partial(make_vad, "silero", LINE_RATE)
                    probed = stream_answer(answer, None, None, vad_factory, prime)
                    if language != "en":
                        probed = [p for p in probed if p[5] >= 0]
                    heard = [[p[0], p[4]] for p in probed]
                    if closes is not None:
                        closes.write_text(json.dumps(heard))
                if [t for t, _ in heard] != [r.truth for r in found]:
                    raise RuntimeError(f"the VAD heard {text!r} ({voice}) differently twice")
                records += [replace(r, close=c) for r, (_, c) in zip(found, heard, strict=True)]
    return records


def _own_words(answer: PausingAnswer, probed: list[tuple]) -> list[tuple]:
    """Each stop's probe (pauses inside a piece dropped), heard as the words up to it."""
    parts = pieces(answer.text)
    out = []
    for truth, _, silence, lag, close, stop in probed:
        if stop >= 0:
            out.append((truth, " ".join(parts[: stop + 1]), silence, lag, close, stop))
    return out


def _decoder(language: str = "en"):
    """stream_answer with the call's recognizer (the scenario's domain LM; none for Korean,
    which has no streaming recognizer on CPU) and VAD."""
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer
    from telephony.vad import make_vad

    vad_factory = functools.partial(make_vad, "silero", LINE_RATE)
    if language != "en":
        return lambda answer, context: stream_answer(answer, None, context, vad_factory)
    recognizer = build_recognizer(load_settings(), scenario_for("en"))
    return lambda answer, context: stream_answer(answer, recognizer, context, vad_factory)
