"""A whole simulated campaign: N recipients at concurrency C, real simulated calls.

    PYTHONPATH=$PWD python bench/bench_campaign.py            # 200 recipients, concurrency 20

Every answered call is a real call over a local websocket: the call server (Silero VAD,
pocketsphinx with the scenario's domain LM, the scenario engine, espeak-ng) talks to a simulated
phone (flite voice, pocketsphinx ears) in Twilio Media Streams format, in one process, with the
line clock at `--speed` times real time and the short `quick_checkin_en` scenario (opening,
identity, one question, goodbye). Some rows script no-answer/busy first attempts so retries run
too. Prints wall time, calls per minute, and a check that every recipient ended in exactly one
final state within the attempt limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign import (  # noqa: E402
    FINAL_STATES,
    Campaign,
    Policy,
    Recipient,
    State,
    load_report,
)
from campaign.runner import Runner  # noqa: E402
from campaign.store import open_store  # noqa: E402
from carecall.campaign_commands import resolve_scenario  # noqa: E402
from carecall.campaign_dialers import build_simulated_dialer  # noqa: E402


def recipients(n: int) -> list[Recipient]:
    people = []
    for i in range(n):
        simulate: tuple[str, ...] = ()
        if i % 10 == 3:
            simulate = ("no_answer",)  # answers the second time
        elif i % 25 == 7:
            simulate = ("busy", "no_answer", "busy")  # never reached: gives up after 3
        people.append(Recipient(f"r{i:04d}", f"Person {i}", f"+8210{i:08d}", simulate=simulate))
    return people


def check(store, cid: str, max_attempts: int) -> list[str]:
    problems = []
    attempts = store.attempts(cid)
    for r in store.recipients(cid):
        mine = [a for a in attempts if a.recipient_id == r.recipient.id]
        answered = sum(a.outcome == "answered" for a in mine)
        if r.state not in FINAL_STATES:
            problems.append(f"{r.recipient.id}: not final ({r.state.value})")
        if not 1 <= r.attempts <= max_attempts or len(mine) != r.attempts:
            problems.append(f"{r.recipient.id}: {r.attempts} attempts, {len(mine)} recorded")
        if answered != (r.state is State.COMPLETED):
            problems.append(f"{r.recipient.id}: {answered} answered calls but {r.state.value}")
        if r.state is State.COMPLETED and not (Path(r.report_dir) / "report.json").exists():
            problems.append(f"{r.recipient.id}: completed without a report")
    return problems


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="carecall-bench-campaign-"))
    store = open_store(work / "campaign.sqlite")
    policy = Policy("00:00", "24:00", "Asia/Seoul", 3, 0.5, args.concurrency)
    people = recipients(args.recipients)
    scenario = resolve_scenario("quick_checkin_en")
    store.create(Campaign("bench", "bench", scenario, policy, time.time()), people)
    dialer, close = await build_simulated_dialer(scenario, work / "out", args.speed, ears=args.ears)
    print(
        f"campaign: {len(people)} recipients, concurrency {args.concurrency}, scenario "
        f"quick_checkin_en, simulated dialer (call server + simulated phones on 127.0.0.1, "
        f"line clock {args.speed:g}x real time; simulated people "
        f"{'recognize the agent with pocketsphinx' if args.ears else 'answer in script order'}"
        f"), max 3 attempts 0.5 s apart; "
        f"{sum(1 for p in people if p.simulate == ('no_answer',))} rows no-answer once, "
        f"{sum(1 for p in people if len(p.simulate) == 3)} rows never answer; "
        f"{os.cpu_count()} CPUs",
        flush=True,
    )
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    try:
        summary = await Runner(store, "bench", dialer, poll_s=0.2).run()
    finally:
        await close()
    wall = time.monotonic() - started
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    rows = store.recipients("bench")
    attempts = store.attempts("bench")
    outcomes = Counter(a.outcome for a in attempts)
    states = Counter(r.state.value for r in rows)
    answered = outcomes.get("answered", 0)
    durations = []
    conversations: Counter = Counter()
    for r in rows:
        report = load_report(r.report_dir)
        if report:
            conversations[f"{report['outcome']} ({report['completion']:.0%} answered)"] += 1
        if r.report_dir:
            rec = Path(r.report_dir) / "recording.wav"
            if rec.exists():
                durations.append((rec.stat().st_size - 44) / (8000 * 2 * 2))
    problems = check(store, "bench", policy.max_attempts)
    store.close()
    print(f"wall time: {wall:.1f} s  (CPU {cpu:.0f} s, {cpu / wall:.2f} cores busy)")
    print(
        f"calls per minute: {len(attempts) / wall * 60:.1f} attempts/min, "
        f"{answered / wall * 60:.1f} answered calls/min"
    )
    if durations:
        print(
            f"answered call length (line time): mean {sum(durations) / len(durations):.1f} s, "
            f"min {min(durations):.1f} s, max {max(durations):.1f} s"
        )
    print(f"attempts: {len(attempts)} ({dict(outcomes)}); run summary: {summary}")
    print(f"final states: {dict(states)}")
    print(f"call reports of answered calls (outcome, items answered): {dict(conversations)}")
    ok = not problems and len(rows) == args.recipients
    print(
        f"check: every recipient ended in exactly one final state within 3 attempts: "
        f"{'OK' if ok else 'FAILED'} ({len(rows)} recipients)"
    )
    for p in problems[:20]:
        print("  " + p)
    print(f"files: {work}")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--speed", type=float, default=2.0)
    parser.add_argument(
        "--ears",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="simulated people recognize the agent with pocketsphinx (default: off, they "
        "answer in script order; the agent side always runs its full pipeline)",
    )
    sys.exit(asyncio.run(main(parser.parse_args())))
