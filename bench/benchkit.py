"""What the call benchmarks share: the agents a bench server runs, the person's recorded
answer, a server process to measure, and percentiles.

Two agents: `CannedAgent` answers every turn with the same recorded sentence, so a bench of
it measures the audio path alone (websocket, protocol, G.711, resampling, VAD, endpointing,
pacing); `timed_pipeline` is the real embedded pipeline (pocketsphinx in a worker process,
the scenario engine, espeak-ng with its phrase cache), with each stage's time reported in
`Reply.timings` so latency can be split by stage.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telephony import Reply, Segment  # noqa: E402
from telephony.audio import Audio  # noqa: E402

OPENING = "Hello, this is the care call from the health office. How are you today?"
REPLY = "Thank you for telling me. How did you sleep last night?"
ANSWER = "Yes, I had some toast and tea this morning."


def _espeak(text: str) -> Audio:
    from tts.espeak import EspeakSynthesizer

    audio = EspeakSynthesizer().synthesize(text, language="en")
    loud = np.flatnonzero(np.abs(audio.samples) > 0.01)
    return Audio(audio.samples[: loud[-1] + 1], audio.sample_rate)  # no trailing silence


def answer_ulaw(text: str = ANSWER) -> bytes:
    """The person's recorded answer as 8 kHz μ-law, its speech ending at its last byte."""
    from telephony.g711 import float_to_pcm16, ulaw_encode
    from telephony.resample import resample

    audio = _espeak(text)
    return ulaw_encode(float_to_pcm16(resample(audio.samples, audio.sample_rate, 8000)))


class CannedAgent:
    """Same reply every turn; never hangs up (the phone ends the call)."""

    def __init__(self, opening: Segment, reply: Segment) -> None:
        self._opening, self._reply = opening, reply

    def opening(self) -> Reply:
        return Reply([self._opening])

    def hear(self, utterance: Audio) -> Reply:
        return Reply([self._reply])

    def silence(self) -> Reply:
        return Reply([self._reply])

    def dtmf(self, digit: str) -> Reply | None:
        return None

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        pass

    def finish(self, reason: str, recording: Path | None) -> None:
        pass


def canned_factory():
    opening = Segment(OPENING, _espeak(OPENING))
    reply = Segment(REPLY, _espeak(REPLY))
    return lambda call: CannedAgent(opening, reply)


_stage = threading.local()


def _timed(name: str, fn):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = getattr(_stage, "spent", None)
            if spent is not None:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

    return wrapper


class _TimedAgent:
    """Wraps a pipeline agent: ASR and TTS time come from wrapped stages, the rest of the
    agent's time is the dialogue's."""

    def __init__(self, inner) -> None:
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def hear(self, utterance: Audio, **kwargs) -> Reply | None:
        _stage.spent = {}
        started = time.perf_counter()
        try:
            reply = self._inner.hear(utterance, **kwargs)
        finally:
            spent, _stage.spent = _stage.spent, None
        if reply is not None:
            total = time.perf_counter() - started
            reply.timings = {**spent, "dialogue": total - sum(spent.values())}
        return reply


def bench_settings(
    output_dir: Path, *, vad: str = "silero", speed: float = 1.0, asr_workers: int | None = None
):
    """The settings a bench server runs with (the defaults: the embedded pipeline)."""
    from assembly.config import load_settings

    return load_settings(output_dir=output_dir, vad=vad, speed=speed, asr_workers=asr_workers)


def timed_pipeline(output_dir: Path, asr_workers: int | None = None):
    """The embedded pipeline as calls are served with it (`assembly.serving.build_pipeline`:
    its recognizer a pool of worker processes, one per core unless told, that decode each
    turn while it is spoken), timed by stage ("asr": what is left of recognition once the
    turn has ended)."""
    from assembly.serving import build_pipeline

    pipeline = build_pipeline(bench_settings(output_dir, asr_workers=asr_workers))
    pipeline.speak = _timed("tts", pipeline.speak)

    def factory(call):
        agent = pipeline.agent_factory(call)
        agent.listener.transcript = _timed("asr", agent.listener.transcript)
        return _TimedAgent(agent)

    return factory, pipeline


def bench_server(
    factory, *, vad: str = "silero", speed: float = 1.0, threads: int | None = None, **server
):
    """A call server of `factory`'s agents as `carecall serve` assembles one
    (`assembly.serving.serve_calls`), on 127.0.0.1 with no recordings; `server`:
    `ServerOptions` fields (`max_calls`, ...). Not started."""
    from assembly.serving import serve_calls

    settings = bench_settings(Path(tempfile.gettempdir()), vad=vad, speed=speed)
    executor = None  # the server's own (telephony.server.AGENT_THREADS), unless told
    if threads is not None:
        executor = ThreadPoolExecutor(threads, thread_name_prefix="agent")
    return serve_calls(settings, agents=factory, executor=executor, port=0, **server).server


async def serve(factory, *, vad: str = "silero", speed: float = 1.0, on_ready=None):
    """Run a call server on 127.0.0.1 until cancelled; `on_ready(server)` once listening."""
    server = bench_server(factory, vad=vad, speed=speed, threads=8, max_calls=1000)
    await server.start()
    if on_ready is not None:
        on_ready(server)
    try:
        await asyncio.Future()
    finally:
        await server.stop()


def start_child(
    args: list[str], cpu: int | None = None, root: Path = ROOT
) -> tuple[subprocess.Popen, dict]:
    """A bench process of this script; returns it and the JSON line it prints when ready.
    `root`: the tree whose code it runs (another commit's, for a before/after)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=root
    )
    if cpu is not None:
        os.sched_setaffinity(proc.pid, {cpu})
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"{args} exited ({proc.wait()}) before it was ready")
    return proc, json.loads(line)


def tree_of(rev: str, into: Path, script: str) -> Path:
    """Commit `rev`'s tracked files, as they were, in a folder of `into` (git archive), for a
    before/after in one run (`--against REV`); `script` (e.g. "bench/bench_latency.py") must
    be in it, since the old tree runs its own copy of the bench."""
    tree = into / rev.replace("/", "_")
    tree.mkdir(parents=True)
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev],
            capture_output=True,
            check=True,
        ).stdout
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"--against {rev}: {exc.stderr.decode().strip()}") from None
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    if not (tree / script).is_file():
        raise SystemExit(f"--against {rev}: that commit has no {script}")
    return tree


def pct(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else 0.0


def pausing_answers_ulaw(
    seed: int = 0, pauses: tuple[float, float] = (1.0, 3.0), speech: str = "whole"
) -> list[bytes]:
    """The pausing callers' English answers (`evaluation.pausing`), 8 kHz μ-law, espeak-ng,
    with pauses drawn in `pauses` (seconds), spoken as `speech` (`evaluation.pausing.STYLES`:
    whole and cut at the stops, continuation prosody before each; pieces, each alone)."""
    from evaluation.pausing import PAUSING_EN, PauseRange, render_all
    from telephony.g711 import float_to_pcm16, ulaw_encode
    from telephony.resample import resample

    def synthesize(text: str):
        audio = _espeak(text)
        return resample(audio.samples, audio.sample_rate, 8000), 8000

    answers = render_all(PAUSING_EN, synthesize, seed, PauseRange(*pauses), speech)
    return [ulaw_encode(float_to_pcm16(a.samples)) for a in answers]


def search_options(parser, items: list[str]) -> dict[str, str]:
    """`--search KEY=VALUE` arguments as pocketsphinx options (a bad one is a usage error)."""
    search = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            parser.error(f"--search takes KEY=VALUE, got {item!r}")
        search[key] = value
    return search


def with_search(parser, recognizer, search: dict[str, str]) -> None:
    """The recognizer's streams' decoders as open_stream makes them, with `search` on top;
    options pocketsphinx refuses are a usage error, not a traceback mid-run."""
    if not search:
        return
    from asr.sphinx_stream import DecoderPool

    try:
        recognizer._pool = DecoderPool(recognizer.config, recognizer.words, fwdflat=False, **search)
        recognizer._pool.give(recognizer._pool.take())
    except (RuntimeError, ValueError, KeyError) as exc:
        parser.error(f"--search {search}: pocketsphinx refused it: {exc}")
