"""Streaming recognition: pocketsphinx fed a turn in pieces while it is spoken, the buffered
stream for other recognizers, the pool of worker processes that pins each stream, and the
agent's listener that ties turns to streams."""

from __future__ import annotations

import json
from functools import cache, partial
from pathlib import Path

import numpy as np
import pytest
import soundfile

from asr import RecognitionContext, Transcript
from asr.metrics import error_rate
from asr.sphinx import SphinxRecognizer
from asr.streaming import BufferedStream, open_stream
from assembly.listening import TurnListener
from telephony.audio import Audio
from telephony.resample import resample

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = [
    "yes i had a boiled egg and some coffee",
    "i cooked a little pasta for lunch",
    "i slept well last night",
    "my knee hurts a little today",
    "i took my medicine after lunch",
]


def fixtures(n: int) -> list[tuple[str, np.ndarray]]:
    rows = [json.loads(line) for line in open(ROOT / "audio_fixtures" / "manifest.jsonl")]
    out = []
    for row in [r for r in rows if r["language"] == "en"][:n]:
        samples, rate = soundfile.read(ROOT / "audio_fixtures" / row["audio"], dtype="float32")
        samples = resample(samples, rate, 16000) if rate != 16000 else samples
        pad = np.zeros(4800, np.float32)  # pre-roll and trailing silence, as a turn has
        out.append((row["transcript"], np.concatenate([pad, samples, pad])))
    return out


@cache
def recognizer() -> SphinxRecognizer:
    return SphinxRecognizer.from_sentences(DOMAIN)


def build() -> SphinxRecognizer:  # for worker processes (picklable)
    return SphinxRecognizer.from_sentences(DOMAIN)


def stream_through(stream, samples: np.ndarray, piece: int = 3200) -> tuple[list[str], Transcript]:
    partials = []
    for i in range(0, len(samples), piece):
        stream.feed(samples[i : i + piece], 16000)
        partials.append(stream.partial())
    return partials, stream.finish()


def test_a_streamed_turn_is_recognized_about_as_well_as_the_whole_turn():
    clips = fixtures(6)
    refs = [ref for ref, _ in clips]
    whole = [recognizer().transcribe(Audio(s, 16000)).text for _, s in clips]
    streamed = []
    for _, samples in clips:
        partials, transcript = stream_through(recognizer().open_stream(), samples)
        assert any(partials)  # words were heard before the end
        assert transcript.nbest and transcript.text == transcript.nbest[0].text
        streamed.append(transcript.text)
    batch_wer = error_rate(refs, whole, "en").rate
    stream_wer = error_rate(refs, streamed, "en").rate
    assert stream_wer <= batch_wer + 0.15, (whole, streamed)


def test_a_turn_shorter_than_the_warm_up_is_decoded_whole_and_decoders_are_reused():
    rec = recognizer()
    _, samples = fixtures(1)[0]
    short = samples[:4000]
    stream = rec.open_stream()
    stream.feed(short, 16000)
    assert stream.partial() == ""
    assert isinstance(stream.finish(), Transcript)
    made = rec._pool.made
    for _ in range(3):
        s = rec.open_stream()
        s.feed(samples[:20000], 16000)
        s.close()
    assert rec._pool.made == made  # one turn at a time: one decoder serves them all
    with pytest.raises(ValueError, match="English only"):
        rec.open_stream(language="ko")


def test_a_turn_decodes_the_same_whatever_its_decoder_heard_before():
    """Decoders are pooled and shared by calls: a turn's result must not depend on them."""
    clips = fixtures(3)
    fresh = SphinxRecognizer.from_sentences(DOMAIN)
    first = stream_through(fresh.open_stream(), clips[0][1])[1]
    used = SphinxRecognizer.from_sentences(DOMAIN)
    for _, samples in clips[1:]:
        stream_through(used.open_stream(), samples)
        used.transcribe(Audio(samples, 16000))
    again = stream_through(used.open_stream(), clips[0][1])[1]
    assert again.nbest == first.nbest  # scores included
    assert (
        used.transcribe(Audio(clips[0][1], 16000)).nbest
        == fresh.transcribe(Audio(clips[0][1], 16000)).nbest
    )


def test_a_recognizer_without_streams_decodes_the_buffered_turn_at_the_end():
    class Counting:
        def __init__(self):
            self.heard = []

        def transcribe(self, audio, *, language=None, context=None):
            self.heard.append((len(audio.samples), language, context))
            return Transcript(text="fine")

    inner = Counting()
    context = RecognitionContext("How are you?")
    stream = open_stream(inner, "ko", context)
    assert isinstance(stream, BufferedStream)
    stream.feed(np.zeros(100, np.float32), 16000)
    stream.feed(np.zeros(60, np.float32), 16000)
    assert stream.partial() == "" and inner.heard == []
    assert stream.finish().text == "fine"
    assert inner.heard == [(160, "ko", context)]
    with pytest.raises(ValueError, match="Hz"):
        stream.feed(np.zeros(10, np.float32), 16000) or stream.feed(np.zeros(1), 8000)


def test_the_pool_pins_streams_to_workers_and_keeps_their_order():
    from assembly.streamworkers import RecognizerFailed, StreamingPool

    pool = StreamingPool(partial(build), workers=2)
    try:
        clips = fixtures(2)
        streams = [pool.open_stream() for _ in clips]
        assert {id(s._worker) for s in streams} == {id(w) for w in pool._workers}
        results = []
        for stream, (_, samples) in zip(streams, clips, strict=True):
            _, transcript = stream_through(stream, samples)
            results.append(transcript.text)
        # The same decode in another process, word for word: every turn starts its decoder's
        # noise estimate and cepstral mean afresh, so which decoder it got does not matter.
        local = [
            stream_through(recognizer().open_stream(), samples)[1].text for _, samples in clips
        ]
        assert results == local
        whole = pool.transcribe(Audio(clips[0][1], 16000))
        assert isinstance(whole, Transcript)
        with pytest.raises(RecognizerFailed, match="already"):
            streams[0].finish()
        bad = pool.open_stream(language="ko")  # refused in the worker: told at finish
        bad.feed(np.zeros(16000, np.float32), 16000)
        with pytest.raises(RecognizerFailed, match="English only"):
            bad.finish()
    finally:
        pool.close()


def test_the_listener_ties_turns_to_streams_and_judges_pauses():
    class FakeStream:
        def __init__(self, text):
            self.text, self.fed, self.closed = text, [], False

        def feed(self, samples, rate):
            self.fed.append((samples.dtype, len(samples), rate))

        def partial(self):
            return self.text

        def finish(self):
            return Transcript(text=self.text)

        def close(self):
            self.closed = True

    class Pool:
        streams_off_thread = True

        def __init__(self):
            self.opened = []

        def open_stream(self, *, language, context):
            self.opened.append(FakeStream(["I went to the", "I slept well"][len(self.opened)]))
            return self.opened[-1]

        def transcribe(self, audio, *, language=None, context=None):
            return Transcript(text="whole")

    pool = Pool()
    listener = TurnListener(pool, "en", RecognitionContext)
    listener.listen(1, np.zeros(320, np.int16), 16000)
    assert pool.opened[0].fed == [(np.float32, 320, 16000)]  # line samples become floats
    assert listener.judge(1) == 0.0  # "I went to the": unfinished
    assert listener.judge(7) is None  # no such turn
    listener.listen(2, np.zeros(320, np.float32), 16000)
    assert listener.transcript(2, Audio(np.zeros(10), 16000), RecognitionContext()).text == (
        "I slept well"
    )
    assert pool.opened[0].closed  # turn 1 was never asked for: let go
    assert listener.transcript(None, Audio(np.zeros(10), 16000), RecognitionContext()).text == (
        "whole"
    )
