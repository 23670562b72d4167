"""`carecall asr eval|tune` and `carecall fixtures build`: measuring recognition and rescoring.

`asr eval` decodes a corpus once and prints the error rate of the recognizer's own 1-best and
of the rescored 1-best, their relative change, the N-best oracle, the real-time factor, the
rescoring cost and every utterance rescoring changed. `asr tune` fits the rescoring weight
and length bonus on the dev split and writes them into a settings YAML. Each utterance is
recognized and rescored with the context a call would give it: the question of its
scenario item (the manifest's `item`) and the words the dialogue expects in the answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import yaml

from asr import LanguageModelScorer, Recognizer
from asr.corpus import CorpusError, read_utterances
from asr.evaluate import Decoded, decode, decode_in_processes, evaluate, report, summary, tune
from asr.rescore import Rescorer
from assembly.config import load_settings
from evaluation.contexts import item_context


def add_parsers(sub) -> None:
    p = sub.add_parser("asr", help="measure recognition and LM rescoring on a corpus")
    asub = p.add_subparsers(dest="action", required=True)
    e = asub.add_parser("eval", help="error rate with and without rescoring")
    _corpus_args(e, split="test")
    e.add_argument("--rescore", action=argparse.BooleanOptionalAction, default=True)
    e.add_argument("--weight", type=float, help="rescoring LM weight (default: settings)")
    e.add_argument("--length-bonus", type=float, help="per-word bonus (default: settings)")
    e.add_argument("--show", type=int, default=50, help="changed utterances to list")
    e.add_argument("--json", action="store_true", help="also print the figures as JSON")
    t = asub.add_parser("tune", help="fit the rescoring weight and length bonus on dev")
    _corpus_args(t, split="dev")
    t.add_argument(
        "--write", type=Path, default=Path("carecall.yaml"),
        help="settings YAML to write rescore_weight/rescore_length_bonus into (merged)",
    )  # fmt: skip

    p = sub.add_parser("fixtures", help="the project's synthesized speech fixtures")
    fsub = p.add_subparsers(dest="action", required=True)
    b = fsub.add_parser("build", help="synthesize the answer fixtures through the phone line")
    b.add_argument("--out", type=Path, help="output folder (default: audio_fixtures/)")
    b.add_argument("--large", action="store_true", help="every voice x rate x SNR")
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--language", action="append", choices=["en", "ko"])
    b.add_argument(
        "--answers",
        type=Path,
        action="append",
        help="answer text file(s) (default: audio_fixtures/answers_*.yaml)",
    )


def _corpus_args(p: argparse.ArgumentParser, split: str) -> None:
    p.add_argument("manifest", type=Path, help="manifest JSONL, or a folder of clips + .txt")
    p.add_argument("--split", default=split, choices=["dev", "test", "all"])
    p.add_argument("--language", choices=["en", "ko"], help="default: the recognizer's")
    p.add_argument("--scenario", help="scenario of the domain LM (default: the manifest's)")
    p.add_argument("--recognizer", choices=["sphinx", "whisper"], default="sphinx")
    p.add_argument(
        "--first-pass", choices=["generic", "domain"],
        help="pocketsphinx LM: its generic one, or the scenario's domain LM (default: settings)",
    )  # fmt: skip
    p.add_argument("--asr-model", help="Whisper model name or checkpoint (.pt)")
    p.add_argument("--asr-device", default="cpu")
    p.add_argument("--max-tokens", type=int, help="Whisper: cap on tokens per utterance")
    p.add_argument("--int8", action="store_true", help="Whisper: Linear layers in int8 (CPU)")
    p.add_argument("--nbest", type=int, help="hypotheses per utterance (default: settings)")
    p.add_argument("--lm", default="domain", help="'domain', or a causal LM name or folder")
    p.add_argument(
        "--background-weight", type=float, default=0.1,
        help="share of general English in the domain LM (0: the scenario text alone)",
    )  # fmt: skip
    p.add_argument("--config", help="settings YAML (rescoring defaults)")
    p.add_argument("--limit", type=int, help="only the first N utterances")
    p.add_argument(
        "--workers", type=_positive, default=1,
        help="decode in N processes, each with its own recognizer (same results, less wall time)",
    )  # fmt: skip


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    from assembly.builders import WeightsMissing
    from dialogue.yamlfile import ScenarioError

    try:
        if args.command == "fixtures":
            return _build_fixtures(args)
        if args.action == "eval":
            return _eval(args)
        return _tune(args)
    except (CorpusError, FileNotFoundError, WeightsMissing, ScenarioError) as exc:
        print(f"carecall: {exc}", file=sys.stderr)
        return 2


def _build_fixtures(args: argparse.Namespace) -> int:
    from carecall.fixtures import ANSWER_FILES, FIXTURES_DIR, FixtureError, build

    def progress(done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            print(f"  {done}/{total} clips", file=sys.stderr, flush=True)

    languages = tuple(args.language or ("en", "ko"))
    out = args.out or FIXTURES_DIR
    files = tuple(args.answers or ANSWER_FILES)
    try:
        manifest = build(out, large=args.large, seed=args.seed, languages=languages,
                         answer_files=files, progress=progress)  # fmt: skip
    except FixtureError as exc:
        print(f"carecall: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {manifest}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    decoded, scenario, label = _decode(args, settings)
    rescorer = None
    if args.rescore:
        weight = settings.rescore_weight if args.weight is None else args.weight
        bonus = settings.rescore_length_bonus if args.length_bonus is None else args.length_bonus
        rescorer = Rescorer(_scorer(args, scenario), weight, bonus)
        label += f"\nrescoring: {args.lm} LM ({scenario.id}), weight {weight:g}, "
        label += f"length bonus {bonus:g}"
    result = evaluate(decoded, rescorer)
    print(label)
    print(report(result, args.show))
    if args.json:
        print(json.dumps(summary(result)))
    return 0


def _tune(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    decoded, scenario, label = _decode(args, settings)
    result = tune(decoded, _scorer(args, scenario))
    print(label)
    metric = "CER" if decoded[0].utterance.language == "ko" else "WER"
    print(f"{metric} without rescoring: {result.base_rate:.1%}")
    print(
        f"{metric} with rescoring:    {result.rate:.1%}  (weight {result.weight:g}, "
        f"length bonus {result.length_bonus:g}; {len(result.grid)} settings tried)"
    )
    values = {}
    if args.write.exists():
        from dialogue.yamlfile import ScenarioError, read_yaml

        try:
            values = read_yaml(args.write, allow_empty=True)[0] or {}
        except ScenarioError as exc:
            print(f"carecall: {exc}", file=sys.stderr)
            return 2
        if not isinstance(values, dict):
            print(f"carecall: {args.write}: not a mapping of settings", file=sys.stderr)
            return 2
    values.update(rescore_weight=result.weight, rescore_length_bonus=result.length_bonus)
    load_settings(**{k: v for k, v in values.items()})  # refuse to write invalid settings
    args.write.write_text(yaml.safe_dump(values, sort_keys=False), encoding="utf-8")
    print(f"wrote rescore_weight and rescore_length_bonus to {args.write}")
    return 0


def _decode(args: argparse.Namespace, settings) -> tuple[list[Decoded], object, str]:
    from dialogue import load_scenario

    utterances = read_utterances(args.manifest)
    language = args.language or ("en" if args.recognizer == "sphinx" else None)
    chosen = [
        u for u in utterances
        if (args.split == "all" or u.split == args.split)
        and (language is None or u.language == language)
    ][: args.limit]  # fmt: skip
    if not chosen:
        raise CorpusError(f"{args.manifest}: no {language or ''} utterances in split "
                          f"{args.split!r}")  # fmt: skip
    languages = {u.language for u in chosen}
    if len(languages) > 1:
        raise CorpusError(f"{args.manifest}: several languages {sorted(languages)}; "
                          "choose one with --language")  # fmt: skip
    language = languages.pop()
    if args.recognizer == "sphinx" and language != "en":
        raise CorpusError(
            f"pocketsphinx recognizes English only, and --language {language} "
            "was asked: use --recognizer whisper --asr-model NAME_OR_CHECKPOINT"
        )
    scenarios = {u.scenario for u in chosen if u.scenario} or {f"daily_checkin_{language}"}
    if args.scenario:
        scenarios = {args.scenario}
    if len(scenarios) > 1:
        raise CorpusError(f"{args.manifest}: several scenarios {sorted(scenarios)}; "
                          "choose one with --scenario")  # fmt: skip
    scenario = load_scenario(scenarios.pop())
    first_pass = args.first_pass or settings.sphinx_lm
    recognizer, name = _recognizer(args, scenario, first_pass, args.nbest or settings.asr_nbest)
    print(f"decoding {len(chosen)} utterances with {name} ...", file=sys.stderr, flush=True)
    if args.workers > 1:
        recipe = argparse.Namespace(**{k: getattr(args, k) for k in _RECOGNIZER_ARGS})
        make = partial(_recognizer_only, recipe, scenario, first_pass, recognizer.nbest)
        contexts = [item_context(scenario, u.item) for u in chosen]
        decoded = decode_in_processes(make, chosen, contexts, args.workers)
    else:
        decoded = decode(recognizer, chosen, lambda u: item_context(scenario, u.item))
    audio = sum(d.duration for d in decoded)
    label = (f"recognizer: {name}; {len(decoded)} utterances ({language}, split {args.split}, "
             f"{audio:.1f} s of audio) from {args.manifest}")  # fmt: skip
    return decoded, scenario, label


_RECOGNIZER_ARGS = ("recognizer", "asr_model", "asr_device", "max_tokens", "int8")


def _recognizer_only(args: argparse.Namespace, scenario, first_pass: str, nbest: int):
    """A worker process's recognizer (`--workers`): the same as the command's."""
    return _recognizer(args, scenario, first_pass, nbest)[0]


def _recognizer(
    args: argparse.Namespace, scenario, first_pass: str, nbest: int
) -> tuple[Recognizer, str]:
    if args.recognizer == "whisper":
        if not args.asr_model:
            raise FileNotFoundError("--recognizer whisper needs --asr-model NAME_OR_CHECKPOINT")
        from asr.whisper import WhisperRecognizer

        model = WhisperRecognizer(args.asr_model, device=args.asr_device, nbest=nbest,
                                  max_tokens=args.max_tokens, int8=args.int8)  # fmt: skip
        kind = ", int8 layers" if args.int8 else ""
        return model, f"Whisper {args.asr_model} (beam {model.beam_size}{kind})"
    from asr.sphinx import SphinxRecognizer
    from dialogue.scenario import domain_corpus

    if first_pass == "domain":
        model = SphinxRecognizer.from_sentences(domain_corpus(scenario), nbest=nbest)
    else:
        model = SphinxRecognizer(nbest=nbest)
    return model, f"pocketsphinx ({first_pass} LM, {nbest}-best)"


def _scorer(args: argparse.Namespace, scenario) -> LanguageModelScorer:
    from assembly.builders import build_scorer

    return build_scorer(args.lm, scenario, args.asr_device,
                        background_weight=args.background_weight)  # fmt: skip
