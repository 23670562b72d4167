"""Every figure of the evaluation, computed from the calls' records alone (pure functions).

The records are what `evaluation.runner` kept of each call; keeping the figures a function of
them means a report can be recomputed, or recomputed on a subset, without calling anyone.
"""

from __future__ import annotations

import math
from collections import Counter

from asr.metrics import error_rate

# Headline figures for `--compare`: (section, key) -> which direction is better.
HEADLINE = {
    "asr_fixtures.base": "lower",
    "asr_fixtures.rescored": "lower",
    "asr_calls.base": "lower",
    "asr_calls.rescored": "lower",
    "completion.mean": "higher",
    "completion.completed_share": "higher",
    "extraction.accuracy": "higher",
    "alerts.precision": "higher",
    "alerts.recall": "higher",
    "guard.interventions": "lower",
    "latency.voice_to_voice.p50": "lower",
    "latency.voice_to_voice.p95": "lower",
    "turn_taking.cut_off_share": "lower",
    "turn_taking.barge_in_reaction.p50": "lower",
    "turn_taking.barge_in_reaction.p95": "lower",
    "turn_taking.talk_over.p50": "lower",
}


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile; None for no values."""
    xs = sorted(v for v in values if v is not None and not math.isnan(v))
    if not xs:
        return None
    pos = (len(xs) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score_call(record: dict) -> dict:
    """One call's extraction, alerts, guard and turn-taking figures."""
    report = record.get("report") or {}
    got = report.get("items", {})
    truths = record.get("truths", {})
    wrong = {k: {"truth": v, "got": got.get(k)} for k, v in truths.items() if got.get(k) != v}
    raised = [(a["kind"], a.get("item_id")) for a in report.get("alerts", [])]
    expected = [(a["kind"], a.get("item_id")) for a in record.get("expected_alerts", [])]
    unmatched = list(raised)
    matched, missed = 0, []
    for kind, item in expected:
        hit = next(
            (r for r in unmatched if r[0] == kind and (kind != "flag" or r[1] == item)), None
        )
        if hit is None:
            missed.append(f"{kind}:{item}" if item else kind)
        else:
            unmatched.remove(hit)
            matched += 1
    cut, barges = _turn_taking(record)
    return {
        "right": len(truths) - len(wrong),
        "total": len(truths),
        "wrong": wrong,
        "alerts_expected": len(expected),
        "alerts_raised": len(raised),
        "alerts_matched": matched,
        "alerts_missed": missed,
        "alerts_unexpected": [f"{k}:{i}" if i else k for k, i in unmatched],
        "guard": report.get("guard_interventions", 0),
        "utterances": len(record.get("spans", [])),
        "cut_off": cut,
        "barge_ins": barges,
    }


def _turn_taking(record: dict) -> tuple[int, list[dict]]:
    """(answers during which the server ended a turn, one entry per barge-in).

    A turn that ends strictly inside the span of one answer cut the person off while they were
    still speaking (in a pause, or capped). A barge-in lasts, for the person, from their first
    word over the agent until the agent's audio stops on their phone (`talk_over`, line
    seconds); `cleared` says whether the server stopped it (a `clear`) rather than the agent
    reaching the end of what it was saying."""
    speed = record.get("speed", 1.0)
    ends = [t["turn_end"] for t in record.get("turns", [])]
    clears, quiet = sorted(record.get("clears", [])), sorted(record.get("quiet", []))
    frame = 0.02 / speed  # the span's edges and the player's events are known to a frame
    cut, barges = 0, []
    for span in record.get("spans", []):
        start, end = span["start"], span["end"]
        if any(start + frame < t < end - frame for t in ends):
            cut += 1
        if span.get("barge"):
            stop = next((q for q in quiet if q >= start), None)
            cleared = stop is not None and any(start <= c <= stop + 2 * frame for c in clears)
            talk = None if stop is None else (stop - start) * speed
            barges.append({"talk_over": talk, "cleared": cleared})
    return cut, barges


def summarize(records: list[dict], *, fixtures: dict | None = None, meta: dict | None = None):
    scores = [score_call(r) for r in records]
    audio = [r for r in records if r["mode"] == "audio"]
    out: dict = {"meta": dict(meta or {})}
    out["calls"] = {
        "n": len(records),
        "audio": len(audio),
        "text": len(records) - len(audio),
        "reasons": dict(
            Counter((r.get("report") or {}).get("reason", "no report") for r in records)
        ),
        "errors": sum(bool(r.get("errors")) for r in records),
        "phone_time_limit": sum(r.get("phone_reason") == "phone time limit" for r in records),
        "wall_s": sum(r.get("wall_s", 0.0) for r in records),
    }
    out["asr_fixtures"] = fixtures or {"skipped": "not run"}
    out["asr_calls"] = _asr_calls(audio)
    reports = [r.get("report") for r in records]
    done = [rep for rep in reports if rep]
    out["completion"] = {
        "mean": _mean([rep["completion"] for rep in done]),
        "completed_share": _ratio(sum(rep["outcome"] == "completed" for rep in done), len(records)),
        "outcomes": dict(Counter(rep["outcome"] for rep in done)),
        "no_report": len(records) - len(done),
    }
    per_item: dict[str, list[int]] = {}
    for r, s in zip(records, scores, strict=True):
        for item in r.get("truths", {}):
            right_total = per_item.setdefault(item, [0, 0])
            right_total[0] += item not in s["wrong"]
            right_total[1] += 1
    right, total = sum(s["right"] for s in scores), sum(s["total"] for s in scores)
    out["extraction"] = {
        "accuracy": _ratio(right, total),
        "right": right,
        "total": total,
        "per_item": {
            k: {"right": v[0], "total": v[1], "accuracy": v[0] / v[1]} for k, v in per_item.items()
        },
    }
    matched = sum(s["alerts_matched"] for s in scores)
    raised = sum(s["alerts_raised"] for s in scores)
    expected = sum(s["alerts_expected"] for s in scores)
    out["alerts"] = {
        "expected": expected,
        "raised": raised,
        "matched": matched,
        "precision": _ratio(matched, raised),
        "recall": _ratio(matched, expected),
        "missed": dict(Counter(m for s in scores for m in s["alerts_missed"])),
        "unexpected": dict(Counter(m for s in scores for m in s["alerts_unexpected"])),
    }
    out["guard"] = {
        "interventions": sum(s["guard"] for s in scores),
        "llm_turns": sum(rep.get("llm_turns", 0) for rep in done),
        "llm_fallbacks": sum(rep.get("llm_fallbacks", 0) for rep in done),
    }
    out["latency"] = _latency(audio)
    barges = [b for s in scores for b in s["barge_ins"]]
    reactions = [b["talk_over"] for b in barges if b["cleared"]]
    talk_over = [b["talk_over"] for b in barges if b["talk_over"] is not None]
    utterances = sum(s["utterances"] for s in scores)
    cut = sum(s["cut_off"] for s in scores)
    out["turn_taking"] = {
        "utterances": utterances,
        "cut_off": cut,
        "cut_off_share": _ratio(cut, utterances),
        "barge_ins": len(barges),
        "barge_ins_cleared": len(reactions),
        "barge_ins_agent_finished": len(talk_over) - len(reactions),
        "barge_in_reaction": {
            "p50": percentile(reactions, 0.5),
            "p95": percentile(reactions, 0.95),
            "unit": "line seconds",
        },
        "talk_over": {"p50": percentile(talk_over, 0.5), "p95": percentile(talk_over, 0.95)},
    }
    out["per_call"] = [
        {
            "index": r["index"],
            "persona": r["persona"],
            "variation": r.get("variation", ""),
            "mode": r["mode"],
            "reason": _ending(r),
            "completion": (r.get("report") or {}).get("completion"),
            "extraction": f"{s['right']}/{s['total']}",
            "wrong": s["wrong"],
            "alerts": f"{s['alerts_matched']}/{s['alerts_expected']} expected, "
            f"{s['alerts_raised']} raised",
            "cut_off": s["cut_off"],
            "errors": r.get("errors", []),
            "wall_s": r.get("wall_s"),
        }
        for r, s in zip(records, scores, strict=True)
    ]
    out["headline"] = headline(out)
    return out


def _ending(record: dict) -> str | None:
    reason = (record.get("report") or {}).get("reason")
    if record.get("phone_reason") == "phone time limit":
        return f"{reason} (phone time limit)"
    return reason


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _asr_calls(audio: list[dict]) -> dict:
    """Error rate of what the agent recognized against what the person said, per call (the
    whole call's words at once: the server may split or join the person's answers)."""
    calls = [r for r in audio if r.get("said") and "recognized" in r]
    if not calls:
        return {"skipped": "no audio calls with the person's words"}
    language = calls[0]["language"]
    refs = [" ".join(r["said"]) for r in calls]
    base = error_rate(refs, [" ".join(b for b, _ in r["recognized"]) for r in calls], language)
    final = error_rate(refs, [" ".join(f for _, f in r["recognized"]) for r in calls], language)
    return {
        "language": language,
        "metric": "CER" if language == "ko" else "WER",
        "relative_change": (final.rate - base.rate) / base.rate if base.rate else None,
        "calls": len(calls),
        "utterances": sum(len(r["recognized"]) for r in calls),
        "words": base.ref_len,
        "base": base.rate,
        "rescored": final.rate,
    }


def _latency(audio: list[dict]) -> dict:
    stages: dict[str, list[float]] = {}
    for r in audio:
        for t in r.get("turns", []):
            for k, v in (t.get("stages") or {}).items():
                stages.setdefault(k, []).append(v)
    table = {
        k: {"p50": percentile(v, 0.5), "p95": percentile(v, 0.95), "n": len(v)}
        for k, v in stages.items()
    }
    total = stages.get("total", [])
    return {
        "turns": len(total),
        "stages": table,
        "unit": "wall seconds",
        "voice_to_voice": {"p50": percentile(total, 0.5), "p95": percentile(total, 0.95)},
    }


def lookup(summary: dict, key: str):
    node = summary
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, int | float) and not isinstance(node, bool) else None


def headline(summary: dict) -> dict:
    return {k: {"value": lookup(summary, k), "better": b} for k, b in HEADLINE.items()}


def compare(old: dict, new: dict) -> list[dict]:
    """Per headline figure: old, new, delta, and whether it got better or worse."""
    rows = []
    for key in sorted(set(old.get("headline", {})) | set(new.get("headline", {}))):
        a = (old.get("headline", {}).get(key) or {}).get("value")
        b = (new.get("headline", {}).get(key) or {}).get("value")
        better = (new.get("headline", {}).get(key) or old["headline"][key])["better"]
        if a is None or b is None:
            verdict, delta = (
                ("n/a" if a is None and b is None else "new" if a is None else "gone"),
                None,
            )
        else:
            delta = b - a
            if abs(delta) < 1e-9:
                verdict = "same"
            else:
                verdict = "better" if (delta < 0) == (better == "lower") else "worse"
        rows.append({"metric": key, "old": a, "new": b, "delta": delta, "verdict": verdict})
    return rows
