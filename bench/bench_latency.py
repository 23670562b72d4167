"""Voice-to-voice latency: from the end of the person's speech to the agent's first audio,
split by stage, and the framework's own share of it.

    PYTHONPATH=. python bench/bench_latency.py [--agent models|canned] [--lines 1]
        [--seconds 60] [--pausing [--pauses 1,3] [--variants base,new,prosody] [--speech whole]]
        [--show-safety] [--against REV [--rounds K]]

`--pausing`: base against new in one run. For each variant (`VARIANTS`: *base* the end of
turn before the speaker was learnt, whole answers on 1.5 s; *new* the defaults), one run with
pausing callers (evaluation/pausing.py: cut-offs, and voice-to-voice of the answers not cut
off) and one with a plain caller (the same whole answer every turn: voice-to-voice), each
`--seconds` long; then one table. For an idle machine: under load the wall clock says little
(bench/RESULTS-latency.md); `python -m evaluation.endpoint` measures the judge offline.

The server runs in this process (so each session's per-turn timings can be read); simulated
phones (bench/loadphones.py) call it from another process at real time, answering every
question with the same recorded sentence. The phone measures voice-to-voice as a person
would hear it. The server splits each turn (telephony.stats.TurnTiming):

  endpointing  last chunk with speech arrived -> the endpointer closed the turn: the
               configured end-of-turn silence, plus VAD batching and chunk rounding
  queue        turn closed -> a worker thread started the agent (incl. 8 -> 16 kHz)
  asr / dialogue / tts   the agent's own stages (`--agent models`: pocketsphinx in a worker
               process, the scenario engine, espeak-ng with its phrase cache)
  encode       the reply resampled to 8 kHz, μ-law and base64 (in the worker)
  send         reply ready -> its first frame written to the socket

Framework overhead = queue + encode + send (total minus endpointing and model time); the
VAD's own wait (endpointing minus the configured silence) is printed beside it.
Never asserted in tests: the figures depend on the machine and its load.

`--against REV`: before and after in one run. Commit REV's tracked files are unpacked into a
temporary folder (`benchkit.tree_of`) and its own `bench/bench_latency.py` (its server, its
phones, `PYTHONPATH` that folder) takes turns with this tree's, `--rounds` times, the order
swapped every round; each run's full output is printed, then one table (turn overhead,
send, recognition, voice-to-voice, and the CPU seconds of the run and its children), e.g.
P6's, on an idle machine: `PYTHONPATH=. python bench/bench_latency.py --against a3537ca`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.benchkit import (  # noqa: E402
    ROOT,
    bench_server,
    bench_settings,
    canned_factory,
    pct,
    timed_pipeline,
    tree_of,
)
from telephony.turn import TurnOptions  # noqa: E402

VARIANTS: dict[str, dict[str, float]] = {
    # The end of turn as it was before the speaker was learnt (commit 5d0cce8): whole answers
    # and phrases between the thresholds on 1.5 s, unfinished ones on 3.5 s, nobody pausing.
    "base": {
        "complete_silence_s": 1.5,
        "complete_threshold": 0.15,
        "fluent_turns": 0,
        "pausing_pause_s": 1000.0,
    },
    "new": {},  # the defaults (telephony/turn.py, TurnOptions)
    # Opt-in: a pausing speaker's closed answer ends after the medium silence (1.2 s).
    "medium": {"pausing_answer_threshold": 0.25},
    # Opt-in: the prosodic cue (telephony/prosody.py): a level or rising close waits, a fall
    # under the speaker's median with a phrase that could end gets the short end.
    "prosody": {"prosody_window_s": 0.3},
}


@contextlib.contextmanager
def showing_safety(on: bool):
    """With `on`: print (stderr) every partial the end of turn judges and every turn the safety
    flow hears, with what each decided: which turn raised an alert, and what was heard."""
    if not on:
        yield
        return
    from assembly.listening import TurnListener
    from dialogue.safety.flow import SafetyFlow

    judge, hear = TurnListener.judge, SafetyFlow.hear

    def judged(self, turn):
        p = judge(self, turn)
        heard = self.partials[-1] if self.partials else None
        print(f"  judged turn {turn}: {heard!r} -> {p}", file=sys.stderr, flush=True)
        return p

    def heard(self, text, *, asked=None):
        out = hear(self, text, asked=asked)
        said = f"{out.kind}: {out.finding}" if out is not None else "nothing"
        where = asked.id if asked is not None else "no item"
        print(f"  safety heard {text!r} ({where}) -> {said}", file=sys.stderr, flush=True)
        return out

    TurnListener.judge, SafetyFlow.hear = judged, heard
    try:
        yield
    finally:
        TurnListener.judge, SafetyFlow.hear = judge, hear


def server_for(factory, turn: dict[str, float] | None):
    """A bench server (`benchkit.bench_server`) whose calls use these turn options."""
    if not turn:
        return bench_server(factory)
    from assembly.serving import serve_calls

    settings = bench_settings(Path(tempfile.gettempdir()))
    settings = settings.model_copy(update={"turn": {**settings.turn, **turn}})
    return serve_calls(settings, agents=factory, port=0).server  # the server's own threads


async def measure(
    args: argparse.Namespace, turn: dict[str, float] | None = None, pausing: bool | None = None
) -> tuple[list, dict, float]:
    pausing = args.pausing if pausing is None else pausing
    pipeline = None
    if args.agent == "canned":
        factory = canned_factory()
    else:
        factory, pipeline = timed_pipeline(Path(tempfile.mkdtemp(prefix="carecall-bench-")))
    server = server_for(factory, turn)
    await server.start()
    cpu0 = _cpu_by_process(pipeline)
    phones = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "bench" / "bench_concurrency.py"),
        "phones",
        "--url",
        f"ws://127.0.0.1:{server.port}/media",
        "--n",
        str(args.lines),
        "--seconds",
        str(args.seconds),
        "--ramp",
        "1",
        *(["--pausing", "--pauses", args.pauses, "--speech", args.speech] if pausing else []),
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out, _ = await phones.communicate()
    phone = json.loads(out.decode().strip().splitlines()[-1])
    await server.wait_for_calls(args.lines, timeout=30)
    phone["cpu"] = {k: v - cpu0.get(k, 0.0) for k, v in _cpu_by_process(pipeline).items()}
    phone["late_partials"] = getattr(getattr(pipeline, "recognizer", None), "late_partials", None)
    turns = [t for s in server.finished for t in s.turns if t.complete]
    # The adaptive end of turn's judgements of pauses (telephony.listening), if it has them.
    verdicts = [
        v
        for s in server.finished
        for v in getattr(getattr(s._control, "listening_turn", None), "verdicts", [])
    ]
    phone["verdicts"] = verdicts
    ends = [
        e
        for s in server.finished
        for e in getattr(getattr(s._control, "listening_turn", None), "ends", [])
    ]
    o = server.options.session.turn
    short = min(o.complete_silence_s, o.end_silence_s)
    long = max(o.unfinished_silence_s, o.end_silence_s)
    phone["ends"] = (
        sum(e <= short for e in ends),
        sum(short < e < long for e in ends),
        sum(e >= long for e in ends),
    )
    end_silence = server.options.session.turn.end_silence_s
    phone["vad_lag_max"] = server.vad.max_lag_s if server.vad else math.nan
    await server.stop()
    return turns, phone, end_silence


def _cpu_by_process(pipeline) -> dict[str, float]:
    """CPU seconds so far of this process (the server: event loop, VAD, agents' threads,
    espeak-ng children) and of each recognizer worker process, if the pipeline has them."""
    import psutil

    me = psutil.Process()
    t = me.cpu_times()
    out = {"server": t.user + t.system + t.children_user + t.children_system}
    for i, worker in enumerate(getattr(getattr(pipeline, "recognizer", None), "_workers", [])):
        with contextlib.suppress(psutil.Error):
            w = psutil.Process(worker.process.pid).cpu_times()
            out[f"asr worker {i}"] = w.user + w.system
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--agent", choices=["canned", "models"], default="models")
    p.add_argument("--lines", type=int, default=1, help="simulated phones calling at once")
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--pauses", default="1,3", help="the pausing callers' pauses: LOW,HIGH s")
    p.add_argument(
        "--speech",
        choices=("whole", "pieces"),
        default="whole",
        help="pausing answers spoken whole and cut at the stops (continuation prosody before "
        "each, evaluation/pausing.py), or each piece alone as before session 10",
    )
    p.add_argument(
        "--pausing",
        action="store_true",
        help="the phones answer as pausing callers (evaluation/pausing.py): 1-3 s pauses",
    )
    p.add_argument(
        "--variants",
        default="base,new,prosody",
        help=f"with --pausing: which end-of-turn settings to compare ({', '.join(VARIANTS)})",
    )
    p.add_argument(
        "--show-safety",
        action="store_true",
        help="print every judged partial and every turn the safety flow hears (stderr)",
    )
    p.add_argument("--against", metavar="REV", help="also the bench of commit REV, in turns")
    p.add_argument("--rounds", type=int, default=1, help="with --against: runs per tree")
    args = p.parse_args()
    if args.against:
        if args.pausing:
            p.error("--against runs plain callers; --pausing compares end-of-turn variants")
        if args.rounds < 1:
            p.error("--rounds must be at least 1")
        before_after(args)
        return
    if args.pausing:
        variants = [v.strip() for v in args.variants.split(",") if v.strip()]
        unknown = [v for v in variants if v not in VARIANTS]
        if unknown or not variants:
            p.error(f"--variants: unknown {unknown or args.variants!r}; known: {list(VARIANTS)}")
        compare(args, variants)
        return
    with showing_safety(args.show_safety):
        turns, phone, end_silence = asyncio.run(measure(args))
    stages = [t.stages() for t in turns]
    names = [
        "endpointing",
        "queue",
        "agent",
        "asr",
        "dialogue",
        "tts",
        "agent_other",
        "encode",
        "send",
        "total",
        "overhead",
    ]
    print(
        f"agent={args.agent}, {args.lines} line(s), {len(turns)} turns answered "
        f"(end-of-turn silence {end_silence * 1000:.0f} ms); milliseconds"
    )
    print(f"{'stage':<34} {'p50':>8} {'p95':>8}")
    for name in names:
        values = [s[name] * 1000 for s in stages if name in s and not math.isnan(s[name])]
        if values:
            print(f"{name:<34} {pct(values, 50):8.1f} {pct(values, 95):8.1f}")
    vad_wait = [(s["endpointing"] - end_silence) * 1000 for s in stages]
    print(
        f"{'VAD wait (endpointing - silence)':<34} {pct(vad_wait, 50):8.1f} "
        f"{pct(vad_wait, 95):8.1f}"
    )
    models = [(s["total"] - s["endpointing"] - s["overhead"]) * 1000 for s in stages]
    print(f"{'model time (agent)':<34} {pct(models, 50):8.1f} {pct(models, 95):8.1f}")
    print(
        f"{'voice-to-voice at the phone':<34} {phone['turn_p50'] * 1000:8.1f} "
        f"{phone['turn_p95'] * 1000:8.1f}   ({phone['turns']} turns)"
    )
    started = phone["answers_started"]
    cut = phone["cut_offs"]
    print(
        f"{'answers cut off (agent spoke in a pause)':<34} {cut} of {started} "
        f"({100 * cut / max(started, 1):.1f}%)"
    )
    verdicts = phone["verdicts"]
    if verdicts:
        o = TurnOptions()
        known = [v for v in verdicts if v is not None]
        done = sum(v >= o.complete_threshold for v in known)
        open_ = sum(v <= o.unfinished_threshold for v in known)
        print(
            f"pauses judged: {len(verdicts)}: whole answer {done}, unfinished {open_}, "
            f"between {len(known) - done - open_}, no evidence {len(verdicts) - len(known)}"
        )
    print(f"{'VAD: longest chunk arrival -> label':<34} {phone['vad_lag_max'] * 1000:8.1f} (max)")
    if phone.get("late_partials") is not None:
        print(f"partial results too late to judge a pause: {phone['late_partials']}")
    cpu = phone.get("cpu") or {}
    if cpu:
        run_s = args.seconds + 1.0  # the phones' ramp
        print(
            "CPU s during the run (busy share of its wall time): "
            + ", ".join(f"{k} {v:.1f} ({100 * v / run_s:.0f}%)" for k, v in cpu.items())
        )
    overhead = [s["overhead"] * 1000 for s in stages]
    print(
        f"framework overhead per turn (queue + encode + send): p50 {pct(overhead, 50):.1f} ms, "
        f"p95 {pct(overhead, 95):.1f} ms"
    )
    # Everything that is neither model time nor the end-of-turn silence the options ask for:
    # the above, the VAD's own wait and any agent time its stages do not account for.
    model_only = [sum(v for k, v in t.model.items() if v >= 0) for t in turns]
    rest = [(s["total"] - end_silence - m) * 1000 for s, m in zip(stages, model_only, strict=True)]
    print(
        f"total - configured silence - model time: p50 {pct(rest, 50):.1f} ms, "
        f"p95 {pct(rest, 95):.1f} ms"
    )


def compare(args: argparse.Namespace, variants: list[str]) -> None:
    """Pausing and plain callers under each variant, one after the other, then one table."""
    rows = []
    for name in variants:
        for caller, pausing in (("pausing", True), ("plain", False)):
            with showing_safety(args.show_safety):
                turns, phone, _ = asyncio.run(measure(args, VARIANTS[name], pausing))
            rows.append((name, caller, phone, len(turns)))
            print(f"... {name} / {caller}: done", file=sys.stderr)
    print(
        f"agent={args.agent}, {args.lines} line(s), {args.seconds:g} s per run, pausing callers' "
        f"pauses {args.pauses} s; phone voice-to-voice of answers not cut off, ms"
    )
    print(
        f"{'variant':8} {'caller':8} {'v2v p50':>8} {'v2v p95':>8} {'turns':>6}  cut off"
        "        pauses judged: short / between / long end"
    )
    for name, caller, phone, _ in rows:
        started, cut = phone["answers_started"], phone["cut_offs"]
        ends = " / ".join(str(n) for n in phone.get("ends", ()))
        print(
            f"{name:8} {caller:8} {phone['turn_p50'] * 1000:8.0f} {phone['turn_p95'] * 1000:8.0f} "
            f"{phone['turns']:6d}  {cut}/{started} ({100 * cut / max(started, 1):.1f}%)"
            f"    {ends}"
        )


SCRIPT = "bench/bench_latency.py"
_FIGURES = {  # name -> pattern of the line of a run's output that gives it (p50, p95)
    "overhead": r"^framework overhead per turn .*: p50 ([\d.]+) ms, p95 ([\d.]+) ms",
    "v2v": r"^voice-to-voice at the phone\s+([\d.]+)\s+([\d.]+)",
    **{stage: rf"^{stage}\s+([\d.]+)\s+([\d.]+)$" for stage in ("send", "asr", "encode")},
}


def latency_figures(output: str) -> dict[str, tuple[float, float]]:
    """(p50, p95) in ms of each figure in `_FIGURES` that a run's printout gives, and its
    turns answered (under "turns", both the same)."""
    figures: dict[str, tuple[float, float]] = {}
    for name, pattern in _FIGURES.items():
        if found := re.search(pattern, output, re.MULTILINE):
            figures[name] = (float(found[1]), float(found[2]))
    if found := re.search(r"^agent=\S+, \d+ line\(s\), (\d+) turns answered", output, re.M):
        figures["turns"] = (float(found[1]),) * 2
    return figures


def before_after(args: argparse.Namespace) -> None:
    """Commit `args.against`'s bench and this tree's in turns (see the module's docstring)."""
    argv = ["--agent", args.agent, "--lines", str(args.lines), "--seconds", str(args.seconds)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="carecall-bench-trees-") as folder:
        trees = {args.against[:12]: tree_of(args.against, Path(folder), SCRIPT), "new": ROOT}
        for round_ in range(args.rounds):
            for name in list(trees)[:: 1 if round_ % 2 == 0 else -1]:
                output, cpu = _run_tree(name, trees[name], argv)
                print(f"--- {name}, round {round_ + 1} ---\n{output.rstrip()}", flush=True)
                rows.append((round_ + 1, name, latency_figures(output), cpu))
    print(f"\n{args.seconds:g} s per run, agent={args.agent}; ms; CPU s: the run's processes")
    print(
        f"{'round':>5} {'tree':>12}  overhead p50/p95  send p50  asr p50  v2v p50/p95  turns  CPU s"
    )
    nan = (math.nan, math.nan)
    for round_, name, f, cpu in rows:
        (o50, o95), (v50, v95) = f.get("overhead", nan), f.get("v2v", nan)
        send, asr, turns = (f.get(k, nan)[0] for k in ("send", "asr", "turns"))
        print(
            f"{round_:5d} {name:>12}  {o50:8.1f} / {o95:6.1f} {send:9.1f} {asr:8.1f} "
            f"{v50:6.0f} / {v95:4.0f} {turns:6.0f} {cpu:6.1f}"
        )
    for name in trees:
        mine = [f for _, n, f, _ in rows if n == name]
        over, v2v = (statistics.median(f.get(k, nan)[0] for f in mine) for k in ("overhead", "v2v"))
        print(
            f"{name}: medians over rounds: overhead p50 {over:.1f} ms, "
            f"voice-to-voice p50 {v2v:.0f} ms"
        )


def _run_tree(name: str, tree: Path, argv: list[str]) -> tuple[str, float]:
    """`tree`'s own bench with `argv`: its printout and the CPU seconds its processes used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(
        [sys.executable, str(tree / SCRIPT), *argv],
        capture_output=True,
        text=True,
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        tail = "\n".join(run.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"{name}'s bench failed (exit {run.returncode}):\n{tail}")
    return run.stdout, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


if __name__ == "__main__":
    main()
