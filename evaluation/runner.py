"""Running the evaluation's calls and collecting what each one measured.

Audio calls are real: one `CallServer` in this process with the configured pipeline, and one
simulated phone per call in its own process (`evaluation.phone`), at most `workers` at a
time, all over websockets on 127.0.0.1. Each call leaves a record (a plain dict, kept in
report.json) with the server's report, its turn timings, what the agent recognized before and
after rescoring, and the phone's own account of when the person spoke.

Text calls are the fallback where the recognizer needs weights this machine lacks (Korean
without Whisper): the same personas and dialogue engine, with the person's words passed as
perfectly recognized text. They measure the dialogue alone.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from assembly.config import Settings
from dialogue.scenario import Scenario
from evaluation.personas import CallPlan, expected_alerts, write_persona

Progress = Callable[[int, str], None]


def _report_summary(report: dict) -> dict:
    return {
        "outcome": report["outcome"],
        "reason": report["reason"],
        "completion": report["completion"],
        "items": {i["item_id"]: i["answer_class"] for i in report["items"]},
        "alerts": [
            {"kind": a["kind"], "item_id": a.get("item_id"), "severity": a["severity"]}
            for a in report["alerts"]
        ],
        "guard_interventions": len(report.get("guard_interventions", [])),
        "llm_turns": report.get("llm_turns", 0),
        "llm_fallbacks": report.get("llm_fallbacks", 0),
    }


def _base_record(plan: CallPlan, scenario: Scenario, mode: str) -> dict:
    return {
        "index": plan.index,
        "persona": plan.persona.id,
        "source": plan.source,
        "variation": plan.variation,
        "scenario": scenario.id,
        "language": scenario.language,
        "mode": mode,
        "truths": dict(plan.persona.truths),
        "expected_alerts": expected_alerts(plan.persona, scenario),
    }


def run_text_calls(scenario: Scenario, plans: list[CallPlan], progress: Progress) -> list[dict]:
    from dialogue import DialogueEngine, Recipient
    from dialogue.caller import SimulatedCaller, plain, simulate_text_call

    records = []
    for plan in plans:
        started = time.monotonic()
        persona = plan.persona
        engine = DialogueEngine(
            scenario, recipient=Recipient(persona.recipient_id, persona.name), seed=plan.index
        )
        report = simulate_text_call(engine, SimulatedCaller(persona, scenario))
        record = _base_record(plan, scenario, "text")
        said = [plain(e.text) for e in report.transcript if e.speaker == "person"]
        record.update(
            report=_report_summary(json.loads(report.to_json())),
            said=said,
            wall_s=time.monotonic() - started,
        )
        records.append(record)
        progress(len(records), persona.id)
    return records


async def _session_of(server, index: int, timeout: float):
    """The finished server session of evaluation call `index`."""

    def find():
        for s in server.finished:
            if s.call is not None and s.call.parameters.get("eval_call") == str(index):
                return s
        return None

    async def wait():
        async with server.call_ended:
            await server.call_ended.wait_for(lambda: find() is not None)
        return find()

    return await asyncio.wait_for(wait(), timeout)


def run_audio_calls(
    settings: Settings,
    scenario: Scenario,
    plans: list[CallPlan],
    *,
    workers: int,
    out: Path,
    progress: Progress,
    call_timeout_s: float = 900,
) -> list[dict]:
    """`scenario` is loaded from `settings.scenario_name`, which the phones and the server
    are given (a shipped name or a YAML path)."""
    from assembly.serving import build_pipeline, serve_calls

    # The phones call 127.0.0.1 with no credentials: the evaluation's server takes no token.
    local = {"host": "127.0.0.1", "port": 0, "token": None, "call_secret": None}
    settings = settings.model_copy(update={**local, "twilio_auth_token": None, "public_url": None})
    pipeline = build_pipeline(settings)  # WeightsMissing goes up to the caller
    agents: dict[str, object] = {}

    def factory(call):
        agent = pipeline.agent_factory(call)
        agent.keep_turn_audio = True  # each utterance's audio, for tuning rescoring offline
        agents[call.call_sid] = agent
        return agent

    # The simulated people's alerts are held in this process: never delivered, and never left
    # pending in an outbox (assembly.serving.HeldAlerts).
    calls = serve_calls(
        settings,
        pipeline=pipeline,
        agents=factory,
        deliver_alerts=False,
        keep_finished=max(100, 2 * workers),
    )
    persona_dir = out / "personas"
    records: list[dict] = []

    async def run() -> None:
        server = calls.server
        await calls.start()
        url = f"ws://127.0.0.1:{server.port}/media"
        gate = asyncio.Semaphore(workers)

        async def one(plan: CallPlan) -> None:
            async with gate:
                records.append(
                    await _one_call(
                        server,
                        url,
                        plan,
                        settings,
                        scenario,
                        persona_dir,
                        agents,
                        pipeline,
                        call_timeout_s,
                    )
                )
                progress(len(records), plan.persona.id)

        try:
            await asyncio.gather(*(one(p) for p in plans))
        finally:
            await calls.stop(drain=False)

    try:
        asyncio.run(run())
    finally:
        calls.close()
    return sorted(records, key=lambda r: r["index"])


async def _one_call(server, url, plan, settings, scenario, persona_dir, agents, pipeline, timeout):
    started, speed = time.monotonic(), settings.speed
    spec_file = persona_dir / f"call{plan.index:03d}.json"
    spec = {
        "url": url,
        "index": plan.index,
        "scenario": settings.scenario_name,
        "speed": speed,
        # A call the line never ends (a lost mark, a stalled turn) is cut off by the phone
        # soon after the scenario's own time limit, not after the phone's default 10 minutes.
        "max_call_s": scenario.time_limit_s + 60,
        "persona": str(write_persona(plan.persona, persona_dir / f"call{plan.index:03d}.yaml")),
    }
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "evaluation.phone",
        str(spec_file),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        stdout, stderr = b"", b"timed out"
    record = _base_record(plan, scenario, "audio")
    record["speed"] = speed
    phone: dict = {}
    if proc.returncode == 0 and stdout.strip():
        phone = json.loads(stdout.decode().strip().splitlines()[-1])
    else:
        record["errors"] = [
            f"phone failed (exit {proc.returncode}): " + stderr.decode(errors="replace")[-500:]
        ]
    try:
        session = await _session_of(server, plan.index, 60)
    except TimeoutError:
        session = None
    record["wall_s"] = time.monotonic() - started
    record["said"] = phone.get("said", [])
    record["spans"] = phone.get("spans", [])
    record["clears"] = phone.get("clears", [])
    record["quiet"] = phone.get("quiet", [])
    record["phone_reason"] = phone.get("reason")
    record["heard"] = phone.get("heard", [])  # what the person's ears made of the agent
    if session is None or session.call is None:
        record.setdefault("errors", []).append("the server never finished this call")
        return record
    sid = session.call.call_sid
    record["call_sid"] = sid
    record["errors"] = record.get("errors", []) + list(session.errors)
    agent = agents.pop(sid, None)
    record["recognized"] = [list(r) for r in getattr(agent, "recognized", [])]
    turns_dir = persona_dir.parent / "turns" / f"call{plan.index:03d}"
    record["heard_turns"] = _heard_turns(agent, turns_dir)
    record["turns"] = [
        {"turn_end": t.turn_end, "capped": t.capped, "stages": t.stages() if t.complete else None}
        for t in session.turns
    ]
    report_file = pipeline.calls_dir / sid / "report.json"
    if report_file.exists():
        record["report"] = _report_summary(json.loads(report_file.read_text(encoding="utf-8")))
        record["report_file"] = str(report_file)
    return record


def _heard_turns(agent, folder: Path) -> list[dict]:
    """Each utterance the agent heard: its context, its first-pass N-best, and its audio
    (written as `folder/turnNN.wav`, 16-bit at the line's rate): `bench/bench_rescore.py
    --calls` re-ranks or re-decodes them offline."""
    from telephony.files import write_private

    out = []
    for i, turn in enumerate(getattr(agent, "heard_turns", [])):
        context, audio = turn["context"], turn.get("audio")
        entry = {
            "question": context.last_question if context else "",
            "vocabulary": list(context.vocabulary) if context else [],
            "history": list(context.history) if context else [],
            "nbest": [[h.text, h.asr_logprob] for h in turn["first_pass"]],
        }
        if audio is not None:
            import io

            import soundfile

            buffer = io.BytesIO()
            soundfile.write(buffer, audio.samples, audio.sample_rate, "PCM_16", format="WAV")
            folder.mkdir(parents=True, exist_ok=True)
            write_private(folder / f"turn{i:02d}.wav", buffer.getvalue())
            entry["audio"] = str(folder / f"turn{i:02d}.wav")
        out.append(entry)
    return out


def fixtures_asr(
    settings: Settings, scenario: Scenario, manifest: Path, *, split: str, limit: int | None
) -> dict:
    """Recognition and rescoring on the committed audio fixtures (`asr.evaluate`), with the
    recognizer and rescorer the calls use, and each clip's question as its context."""
    from asr.corpus import read_utterances
    from asr.evaluate import decode, evaluate, summary
    from assembly.builders import build_recognizer, build_rescorer
    from evaluation.contexts import item_context

    items = {i.id for i in scenario.items}  # clips answering one of this scenario's items
    chosen = [
        u
        for u in read_utterances(manifest)
        if u.language == scenario.language
        and (u.item is None or u.item in items)
        and (split == "all" or u.split == split)
    ][:limit]
    if not chosen:
        return {
            "skipped": f"{manifest}: no {scenario.language} clips of {scenario.id}'s "
            f"items in split {split!r}"
        }
    recognizer = build_recognizer(settings, scenario)
    decoded = decode(recognizer, chosen, lambda u: item_context(scenario, u.item))
    result = evaluate(decoded, build_rescorer(settings, scenario))
    out = summary(result)
    out.update(
        manifest=str(manifest),
        split=split,
        recognizer=settings.recognizer_kind,
        audio_s=result.audio_seconds,
    )
    return out
