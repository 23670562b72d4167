"""Cost of N-best rescoring per utterance: the offline domain LM, and a causal LM.

The N-best lists are real: pocketsphinx (generic LM) decodes `--clips` utterances of the
fixture manifest once, each with the context of the question it answers. Then every list
is rescored `--repeat` times with
  - the domain LM as the live pipeline builds it (`assembly.builders.build_scorer`:
    scenario text + per-question answers + general English background), and
  - `CausalLMScorer` on a tiny random GPT-2 (tests/tiny_models.py; shape of the work only),
    or on `--lm NAME_OR_PATH` (e.g. Qwen/Qwen2.5-0.5B on a machine that has it).

Run: `PYTHONPATH=. python bench/bench_rescore.py [--clips 20] [--lm PATH]`. Prints ms per
utterance, p50 and p95. Never asserted in tests: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms"


def time_rescorer(rescorer, decoded, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for d in decoded:
            started = time.perf_counter()
            rescorer.rescore(d.transcript, d.context)
            out.append(1000 * (time.perf_counter() - started))
    return out


def main() -> None:
    from asr.corpus import read_manifest
    from asr.evaluate import decode
    from asr.lm_transformers import CausalLMScorer
    from asr.rescore import Rescorer
    from asr.sphinx import SphinxRecognizer
    from assembly.builders import build_scorer
    from assembly.config import load_settings
    from dialogue import load_scenario
    from evaluation.contexts import item_context

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "audio_fixtures/manifest.jsonl")
    parser.add_argument("--clips", type=int, default=20)
    parser.add_argument("--nbest", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lm", help="causal LM name or folder (default: tiny random GPT-2)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    scenario = load_scenario("daily_checkin_en")
    clips = [u for u in read_manifest(args.manifest) if u.language == "en" and u.split == "test"]
    decoded = decode(SphinxRecognizer(nbest=args.nbest), clips[: args.clips],
                     lambda u: item_context(scenario, u.item))  # fmt: skip
    sizes = [len(d.transcript.nbest) for d in decoded]
    words = statistics.mean(len(h.text.split()) for d in decoded for h in d.transcript.nbest)
    print(
        f"{len(decoded)} utterances, {statistics.mean(sizes):.1f} hypotheses of "
        f"{words:.1f} words on average, {args.repeat} rounds, {args.threads} threads"
    )

    settings = load_settings()
    weight, bonus = settings.rescore_weight, settings.rescore_length_bonus
    started = time.perf_counter()
    domain = Rescorer(build_scorer("domain", scenario), weight, bonus)
    print(f"  domain LM built in {1000 * (time.perf_counter() - started):.0f} ms")
    ms = time_rescorer(domain, decoded, args.repeat)
    print(f"  domain LM (n-gram + background)   {percentiles(ms)}")

    if args.lm:
        scorer, name = CausalLMScorer(args.lm), args.lm
    else:
        import sys

        sys.path.insert(0, str(ROOT))
        from tests.tiny_models import tiny_causal_lm

        model, tokenizer = tiny_causal_lm()
        scorer, name = CausalLMScorer(model, tokenizer=tokenizer), "tiny random GPT-2"
    causal = Rescorer(scorer, 1.0, 0.0)
    ms = time_rescorer(causal, decoded, max(1, args.repeat // 2))
    print(f"  causal LM ({name})  {percentiles(ms)}")


if __name__ == "__main__":
    main()
