"""CPU seconds per turn, stage by stage, and what they mean for 40 calls on 2 cores.

    PYTHONPATH=. python bench/bench_turn_cpu.py [--turns 16] [--lines 40] [--cores 2]
        [--pausing] [--search key=value ...]

Wall-clock latency says nothing on a shared machine; CPU time says what each turn costs
whatever else runs. The turns are the bench phones' answers (`bench/bench_latency.py`: the
plain caller's recorded sentence, or with `--pausing` the pausing callers' eight answers), as
8 kHz μ-law with the turn's pre-roll and the short end's silence, and each stage runs as a call
runs it:

  vad          Silero on every line's audio, all the time, in batches of `--lines` streams
               (CPU per second of line audio, whoever speaks)
  decode       pocketsphinx fed the turn in 0.2 s pieces while the person speaks (asr.sphinx_
               stream, in a recognizer worker process)
  partial      one partial result (the end of turn asks one per pause it judges), taken
               0.3 s into the silence after the answer and judged as a call judges it
  tail         what is left after the end of the turn: the result and its N-best
  rescore, dialogue, tts    the agent's own stages after the transcript (the scenario engine;
               espeak-ng for sentences not in the phrase cache, a file read otherwise; espeak
               runs as a subprocess: its CPU is counted)

Then a queueing model: the work 40 calls bring to the cores per second at the bench's turn
rate, and what an ended turn waits behind in a recognizer worker, first come first served
against urgent first (`assembly.workqueue`). `--search key=value` passes pocketsphinx
options to the recognizer (e.g. `beam=1e-40`) to weigh CPU against WER (`carecall asr eval`).
Never asserted in tests.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PIECE_S = 0.2  # TurnOptions.stream_chunk_s: what the call streams to the recognizer at a time
LINE_RATE = 8000


def cpu() -> float:
    """This process's CPU seconds and its finished children's (espeak-ng runs as one)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def turns_audio(pausing: bool, count: int) -> list[np.ndarray]:
    from bench.benchkit import answer_ulaw, pausing_answers_ulaw
    from telephony.g711 import ulaw_decode

    answers = pausing_answers_ulaw() if pausing else [answer_ulaw()]
    pre, end = np.zeros(int(0.3 * LINE_RATE)), np.zeros(int(0.6 * LINE_RATE))
    out = []
    for i in range(count):
        speech = ulaw_decode(answers[i % len(answers)]).astype(np.float32) / 32768.0
        out.append(np.concatenate([pre, speech, end]).astype(np.float32))
    return out


def vad_cost(lines: int, seconds: float = 4.0) -> float:
    """Silero's CPU seconds per second of one line's audio, `lines` streams per batch."""
    from telephony.vad import make_detector

    detector = make_detector("silero", LINE_RATE)
    states = [detector.new_state() for _ in range(lines)]
    n = detector.chunk_samples
    rng = np.random.default_rng(0)
    steps = int(seconds * LINE_RATE / n)
    chunks = (rng.standard_normal((steps, lines, n)) * 0.05).astype(np.float32)
    detector.probabilities(chunks[0], states)  # warm
    c0 = cpu()
    for step in chunks:
        detector.probabilities(step, states)
    return (cpu() - c0) / (seconds * lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--turns", type=int, default=16)
    p.add_argument("--lines", type=int, default=40)
    p.add_argument("--cores", type=int, default=2)
    p.add_argument("--pausing", action="store_true", help="the pausing callers' answers")
    p.add_argument("--search", action="append", default=[], metavar="KEY=VALUE")
    args = p.parse_args()
    if args.turns < 1 or args.lines < 1 or args.cores < 1:
        p.error("--turns, --lines and --cores must be at least 1")
    from bench.benchkit import search_options, with_search

    search = search_options(p, args.search)

    from asr.completeness import end_probability
    from assembly.pipeline import Pipeline
    from bench.benchkit import bench_settings
    from telephony import CallInfo
    from telephony.audio import Audio
    from telephony.turn import TurnOptions

    settings = bench_settings(Path(tempfile.mkdtemp(prefix="carecall-turncpu-")))
    pipeline = Pipeline(settings)
    pipeline.warm()
    recognizer = pipeline.recognizer
    with_search(p, recognizer, search)
    agent = pipeline.agent_factory(CallInfo("MZbench", "CAbench", {"recipient": "bench"}))
    agent.opening()
    stage_cpu: dict[str, list[float]] = {
        k: [] for k in ("decode", "partial", "tail", "rescore", "dialogue", "tts")
    }
    speech_s, synthesized, cached = [], 0, 0

    def timed(name, fn):
        def run(*a, **k):
            c0 = cpu()
            try:
                return fn(*a, **k)
            finally:
                stage_cpu[name].append(cpu() - c0)

        return run

    speak_cpu = [0.0]  # the agent's sentences read from the cache (or made lazy) in hear

    def speak(*a, **k):
        c0 = cpu()
        try:
            return pipeline_speak(*a, **k)
        finally:
            speak_cpu[0] += cpu() - c0

    pipeline_speak, pipeline.speak = pipeline.speak, speak
    agent.engine.reply = timed("dialogue", agent.engine.reply)
    if (rescorer := pipeline.rescorer(agent.scenario)) is not None:
        rescorer.rescore = timed("rescore", rescorer.rescore)
    texts, ends = [], []
    options = TurnOptions()
    for samples in turns_audio(args.pausing, args.turns):
        context = agent._context()
        stream = recognizer.open_stream(language="en", context=context)
        piece = int(PIECE_S * LINE_RATE)
        probe = len(samples) - int((0.6 - options.probe_silence_s) * LINE_RATE)
        decode = 0.0
        for start, stop in ((0, probe), (probe, len(samples))):
            c0 = cpu()
            for i in range(start, stop, piece):
                stream.feed(samples[i : min(i + piece, stop)], LINE_RATE)
            decode += cpu() - c0
            if start == 0:  # the pause after the answer is judged: its partial result
                c0 = cpu()
                heard = stream.partial()
                stage_cpu["partial"].append(cpu() - c0)
                p = end_probability(heard, "en", agent.listener._end_model, context)
                ends.append(
                    (p, options.pause_silence_s(p, None), options.pause_silence_s(p, False))
                )
        stage_cpu["decode"].append(decode)
        c0 = cpu()
        transcript = stream.finish()
        stage_cpu["tail"].append(cpu() - c0)
        texts.append(transcript.text)
        speech_s.append(len(samples) / LINE_RATE)
        agent.listener.transcript = lambda turn, audio, context, t=transcript: t
        reply = agent.hear(Audio(samples, LINE_RATE), turn=len(texts))
        c0 = cpu()
        for segment in reply.segments if reply is not None else []:
            if segment.audio is None:
                synthesized += 1
            else:
                cached += 1
            segment.synthesize()
        stage_cpu["tts"].append(cpu() - c0 + speak_cpu[0])
        speak_cpu[0] = 0.0
        if reply is not None and reply.hangup:
            agent = pipeline.agent_factory(CallInfo("MZbench", "CAbench", {"recipient": "bench"}))
            agent.opening()
            agent.engine.reply = timed("dialogue", agent.engine.reply)
    vad = vad_cost(args.lines)
    report(args, stage_cpu, speech_s, vad, synthesized, cached, texts, search)
    # The end of turn, had each partial result come on time (a late one is no evidence: the
    # plain end_silence_s, 1.5 s by default).
    p = [e[0] for e in ends]
    first = [e[1] for e in ends]
    fluent = [e[2] for e in ends]
    print(
        f"end of turn on a timely partial: p50 p {np.median(p):.2f}; end silence, a call's first "
        f"turn: {_counts(first)}; a fluent speaker's: {_counts(fluent)}"
    )


def _counts(values: list[float]) -> str:
    return ", ".join(f"{v:g} s x{values.count(v)}" for v in sorted(set(values)))


def report(args, stage_cpu, speech_s, vad, synthesized, cached, texts, search) -> None:
    ms = lambda xs, q: 1000 * float(np.percentile(xs, q)) if xs else float("nan")  # noqa: E731
    caller = "pausing" if args.pausing else "plain"
    print(
        f"{len(speech_s)} {caller} turns, {np.mean(speech_s):.2f} s of turn audio each "
        f"(pre-roll + answer + 0.6 s end); search options {search or 'default'}; CPU ms per turn"
    )
    print(f"{'stage':10} {'p50':>8} {'p95':>8} {'mean':>8}")
    for name, xs in stage_cpu.items():
        print(f"{name:10} {ms(xs, 50):8.1f} {ms(xs, 95):8.1f} {1000 * np.mean(xs or [0]):8.1f}")
    decode_rate = sum(stage_cpu["decode"]) / sum(speech_s)
    print(f"decode: {decode_rate:.3f} CPU s per s of turn audio; VAD: {vad:.4f} per line-second")
    print(f"tts: {synthesized} sentences synthesized, {cached} from the phrase cache")
    # The queueing model: one bench call's cycle is the agent's reply (~4 s of speech at the
    # line), the phone's reply delay, the answer, and the end of turn.
    mean = {k: float(np.mean(v or [0])) for k, v in stage_cpu.items()}
    cycle = 4.0 + 0.5 + float(np.mean(speech_s))
    per_turn = sum(mean.values())
    load = args.lines * (per_turn / cycle + vad)
    print(
        f"model: {args.lines} calls, one turn per {cycle:.1f} s each: {per_turn * 1000:.0f} ms "
        f"CPU per turn + VAD -> {load:.2f} of {args.cores} cores busy "
        f"({100 * load / args.cores:.0f}%)"
    )
    share = args.lines / args.cores  # workers: one per core
    piece_cpu = mean["decode"] * PIECE_S / float(np.mean(speech_s))
    print(
        f"a worker holds {share:.0f} calls; one 0.2 s piece costs {piece_cpu * 1000:.1f} ms CPU. "
        f"FIFO: an ended turn waits behind every piece queued before it (at saturation, "
        f"unbounded); urgent first: behind the piece in progress (<= {piece_cpu * 1000:.1f} ms) "
        f"and its own backlog, then its tail ({mean['tail'] * 1000:.1f} ms)"
    )
    for text in texts[: min(3, len(texts))]:
        print(f"  heard: {text!r}")


if __name__ == "__main__":
    main()
