"""Voice activity detection: our batched Silero against the packaged TorchScript model, batches
against single streams, the batcher's delivery, and what the endpointer makes of real pauses."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from line_kit import speech, with_pause

from telephony.g711 import float_to_pcm16, pcm16_to_float, ulaw_decode, ulaw_encode
from telephony.resample import resample
from telephony.silero import SileroModel
from telephony.turn import Endpointer, TurnEventKind, TurnOptions
from telephony.vad import VadBatcher, make_detector, make_vad


def on_the_line(samples: np.ndarray, rate: int = 16000) -> np.ndarray:
    """8 kHz float audio as it arrives from a μ-law phone line."""
    x = resample(samples, rate, 8000)
    return pcm16_to_float(ulaw_decode(ulaw_encode(float_to_pcm16(x))))


SENTENCE = speech("Yes, I had some toast and tea this morning, and then I went for a walk.")


@pytest.mark.parametrize("rate", [8000, 16000])
def test_our_forward_matches_the_packaged_torchscript_model(rate):
    import torch
    from silero_vad import load_silero_vad

    x = SENTENCE.samples if rate == 16000 else on_the_line(SENTENCE.samples)
    x = np.concatenate([np.zeros(rate // 2, np.float32), x]).astype(np.float32)
    model = SileroModel(rate)
    n = model.chunk_samples
    reference = load_silero_vad()
    state = [model.new_state()]
    ours, theirs = [], []
    with torch.inference_mode():
        for i in range(len(x) // n):
            chunk = x[i * n : (i + 1) * n]
            theirs.append(float(reference(torch.from_numpy(chunk.copy()), rate)))
            ours.append(float(model.probabilities(chunk[None, :], state)[0]))
    assert np.max(np.abs(np.array(ours) - np.array(theirs))) < 1e-4
    assert sum(p > 0.5 for p in theirs) > len(theirs) / 2  # it is speech, and both say so


def test_a_batch_gives_each_stream_what_it_would_get_alone():
    detector = make_detector("silero")  # 8 kHz, the line's rate
    n = detector.chunk_samples
    rng = np.random.default_rng(0)
    streams = [
        on_the_line(SENTENCE.samples),
        0.01 * rng.standard_normal(8000).astype(np.float32),
        on_the_line(speech("How did you sleep last night?").samples),
    ]
    chunks = min(len(s) for s in streams) // n
    alone = []
    for s in streams:
        single = make_vad("silero", 8000)
        alone.append([single.probability(s[i * n : (i + 1) * n]) for i in range(chunks)])
    states = [detector.new_state() for _ in streams]
    together = [
        detector.probabilities(np.stack([s[i * n : (i + 1) * n] for s in streams]), states)
        for i in range(chunks)
    ]
    assert np.allclose(np.array(together).T, np.array(alone), atol=1e-5)


def test_the_batcher_delivers_in_order_and_a_failing_listener_hurts_no_one():
    got: dict[str, list[float]] = {"a": [], "b": []}

    def failing(chunk, prob, arrived):
        raise RuntimeError("a bug in one call")

    async def scenario():
        batcher = VadBatcher(make_detector("webrtc"), interval_s=0.001)
        a = batcher.open(lambda chunk, prob, t: got["a"].append(float(chunk[0])))
        b = batcher.open(lambda chunk, prob, t: got["b"].append(float(chunk[0])))
        bad = batcher.open(failing)
        n = batcher.detector.chunk_samples
        for i in range(5):  # uneven pushes: chunks must come out whole and in order
            a.push(np.full(n // 2, i, np.float32), 0.0)
            b.push(np.full(n * 2, 10 + i, np.float32), 0.0)
            bad.push(np.full(n, 0, np.float32), 0.0)
            await asyncio.sleep(0.005)
        return batcher, bad

    batcher, bad = asyncio.run(scenario())
    assert got["a"] == [0.0, 2.0]  # chunk k starts with the value pushed first into it
    assert got["b"] == [10.0, 10.0, 11.0, 11.0, 12.0, 12.0, 13.0, 13.0, 14.0, 14.0]
    assert bad.closed and batcher.batches < batcher.chunks  # chunks did share forwards


def test_a_backlog_is_labelled_in_one_flush_not_one_chunk_per_loop_turn():
    # A loop that was busy for 300 ms leaves ~10 chunks waiting in every call. Labelling one
    # chunk per stream per loop turn let such a backlog grow without end whenever loop turns
    # took longer than a chunk (32 ms): turn ends and barge-ins came seconds late under load.
    async def scenario():
        batcher = VadBatcher(make_detector("webrtc"), interval_s=0.001)
        got = [[] for _ in range(3)]
        streams = [batcher.open(lambda c, p, t, k=k: got[k].append(float(c[0]))) for k in range(3)]
        n = batcher.detector.chunk_samples
        for stream in streams:
            for i in range(10):
                stream.push(np.full(n, i / 100, np.float32), 0.0)
        batcher.flush()  # one loop turn
        return got

    got = asyncio.run(scenario())
    want = [float(np.float32(i / 100)) for i in range(10)]
    assert all(g == want for g in got), got


@pytest.mark.parametrize("offset", [0, 96, 192])
def test_the_vad_hears_a_pause_as_long_as_it_is_and_the_turn_holds_it(offset):
    answer = on_the_line(with_pause("I had", 1.2, "some rice and a bowl of soup.").samples)
    x = np.concatenate([np.zeros(4000 + offset, np.float32), answer, np.zeros(20000, np.float32)])
    detector = make_detector("silero")
    state = [detector.new_state()]
    endpointer = Endpointer(TurnOptions(), 8000)
    n = detector.chunk_samples
    events, pauses, silence = [], [], 0.0
    for i in range(len(x) // n):
        chunk = x[i * n : (i + 1) * n]
        events += endpointer.feed(chunk, float(detector.probabilities(chunk[None], state)[0]))
        if endpointer.in_turn and endpointer.silence_run_s == 0 and silence > 0:
            pauses.append(silence)  # a silence inside the turn, ended by speech
        silence = endpointer.silence_run_s
    turns = [e for e in events if e.kind is TurnEventKind.TURN_ENDED]
    assert len(turns) == 1 and turns[0].audio.duration > 1.2 + 1.5
    assert abs(max(pauses) - 1.2) <= 0.1  # within about a chunk (32 ms) or two of the truth


def test_the_vad_runs_single_threaded_on_a_thread_that_used_torch_before_the_model_loaded():
    # The server's event loop may run torch ops before the model is loaded in an executor;
    # an OpenMP team of two on the loop thread spun a second core and, on a busy machine,
    # made every batch wait for it. The model must hold whichever thread calls it to one.
    import threading

    import torch

    from telephony.silero import SileroModel

    seen = []

    def loop_thread():
        torch.set_num_threads(2)  # this thread has a team of two, as if it used torch first
        (torch.ones(256, 256) @ torch.ones(256, 256)).sum()
        loaded = []
        worker = threading.Thread(target=lambda: loaded.append(SileroModel(8000)))
        worker.start()
        worker.join()
        model = loaded[0]
        model.probabilities(np.zeros((2, 256), np.float32), [model.new_state() for _ in "ab"])
        seen.append(torch.get_num_threads())

    t = threading.Thread(target=loop_thread)
    t.start()
    t.join()
    assert seen == [1]
