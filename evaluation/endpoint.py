"""The adaptive end of turn, measured offline: at every pause of an answer, would the judge
end the turn, and was the answer in fact over?

    PYTHONPATH=. python -m evaluation.endpoint [--half heldout|tune|both] [--seeds 3]
        [--voices espeak,flite] [--pauses 1,3] [--complete-silence 0.6] [--cache DIR]
        [--turn NAME=VALUE ...] [--no-partials] [--show]

English answers (`evaluation.endpoint_data`) are synthesized (espeak-ng, flite), put through
the line's μ-law at 8 kHz, and streamed exactly as a call streams them: Silero VAD at 8 kHz,
the call's `Endpointer` and `TurnListening` (`telephony.listening`), pocketsphinx's streaming
decoder with the scenario's domain LM (`asr.sphinx_stream`). At each `Probe` the partial result
is kept with what the pause really was: *inside* the answer (the person goes on) or at its
*end*, and how long the VAD heard its silence. The judge (`asr.completeness.end_probability`
and `TurnOptions.pause_silence_s`) is then replayed on those pauses for any settings, so the
figures need no wall clock: decodes are deterministic.

Korean answers have no streaming recognizer on CPU (Whisper decodes at the end of the turn),
so they are judged on their own words (the text heard up to each stop: an oracle partial);
they are spoken (espeak-ng) and streamed through the VAD for their pauses and prosody
(`--korean-text`: text alone, as before). Answers are spoken whole and cut at their stops
(`--speech whole`, continuation prosody before each stop) or piece by piece (`--speech
pieces`, the simulator before session 10). Each pause keeps how the voice closed before it
(`telephony.prosody`, the caller's pitch known from their first words, `PRIME`), judged with
`--turn prosody_window_s=0.3` (the cue is opt-in).

Printed per half and language: *cut off*: answers in which some pause inside ended the turn
(the pause's silence reached the silence the judge chose); *short end*: finished answers whose
end got the short silence; *end delay*: the end of speech to the end of the turn (the VAD's
lag plus the chosen silence), over finished answers.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from evaluation.endpoint_data import CLAUSE_ANSWERS, SETS
from evaluation.endpoint_replay import (
    CALLERS,
    PauseRecord,
    Summary,
    end_model,
    is_pausing,
    question_context,
    summarize,
)
from evaluation.pausing import STYLES, PauseRange, pieces

__all__ = ["CALLERS", "PauseRecord", "Summary", "end_model", "is_pausing", "main", "measure",
           "question_context", "stream_answer", "summarize", "text_pauses"]  # fmt: skip

from evaluation.endpoint_stream import (  # noqa: F401 (re-exported: tests, tools)
    LINE_RATE,
    PRIME,
    TAIL_S,
    VOICES,
    _synthesize,
    measure,
    over_the_line,
    stream_answer,
)


def text_pauses(half: str, language: str, seeds: int, pauses: PauseRange) -> list[PauseRecord]:
    """Pauses judged on the answer's own words up to each stop (no recognizer)."""
    import random

    records = []
    for seed in range(seeds):
        rng = random.Random(seed)
        for item, text in SETS[(half, language)]:
            parts = pieces(text)
            for i in range(len(parts)):
                last = i == len(parts) - 1
                silence = TAIL_S if last else rng.uniform(pauses.low, pauses.high)
                records.append(
                    PauseRecord(
                        half,
                        language,
                        "text",
                        seed,
                        text,
                        item,
                        "end" if last else "inside",
                        " ".join(parts[: i + 1]),
                        round(silence, 3),
                    )  # fmt: skip
                )
    return records


def pause_range(text: str) -> PauseRange:
    """ "LOW,HIGH" seconds."""
    try:
        low, high = (float(x) for x in text.split(","))
    except ValueError:
        raise ValueError(f"--pauses wants LOW,HIGH in seconds (e.g. 1,3), got {text!r}") from None
    return PauseRange(low, high)


def turn_options(settings: list[str]):
    """`TurnOptions` with NAME=VALUE settings over its defaults."""
    from telephony.turn import TURN_OPTION_NAMES, TurnOptions

    values = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in TURN_OPTION_NAMES:
            raise ValueError(f"--turn {setting!r}: no turn option {name!r}")
        try:
            values[name] = float(value)
        except ValueError:
            raise ValueError(f"--turn {setting!r}: {value!r} is not a number") from None
    return TurnOptions(**values)


def main(argv: list[str] | None = None) -> int:

    p = argparse.ArgumentParser(
        prog="python -m evaluation.endpoint", description=__doc__.split("\n")[0]
    )
    p.add_argument("--half", choices=["tune", "heldout", "both"], default="heldout")
    p.add_argument("--language", choices=["en", "ko", "both"], default="both")
    p.add_argument("--seeds", type=int, default=3, help="pause draws per answer and voice")
    p.add_argument("--voices", default=",".join(VOICES))
    p.add_argument("--pauses", default="1,3", help="pauses inside answers: LOW,HIGH seconds")
    p.add_argument("--complete-silence", type=float, default=None,
                   help="the short end (s) to evaluate; default: TurnOptions' own")  # fmt: skip
    p.add_argument(
        "--turn",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a turn option to judge with (telephony/turn.py, TurnOptions); repeatable",
    )
    p.add_argument(
        "--speech",
        choices=STYLES,
        default="whole",
        help="how pausing answers are spoken (evaluation/pausing.py, STYLES): whole, cut at "
        "its stops (continuation prosody before each); pieces, each alone (the old simulator)",
    )
    p.add_argument(
        "--korean-text",
        action="store_true",
        help="judge Korean on its text alone, as before session 10 (no audio, no prosody)",
    )
    p.add_argument("--cache", type=Path, default=None, help="keep decoded pauses here")
    p.add_argument(
        "--no-partials",
        action="store_true",
        help="judge every pause without evidence, as with Whisper or a recognizer behind",
    )
    p.add_argument("--show", action="store_true", help="list every pause that cut an answer off")
    args = p.parse_args(argv)
    try:
        pauses = pause_range(args.pauses)
        low, high = pauses.low, pauses.high
        voices = [v.strip() for v in args.voices.split(",") if v.strip()]
        for v in voices:
            if v not in VOICES:
                raise ValueError(f"unknown voice {v!r}: choose from {', '.join(VOICES)}")
        if args.seeds < 1:
            raise ValueError(f"--seeds must be >= 1, got {args.seeds}")
        options = turn_options(args.turn)
        if args.complete_silence is not None:
            options = replace(options, complete_silence_s=args.complete_silence)
    except ValueError as exc:
        print(f"evaluation.endpoint: {exc}", file=sys.stderr)
        return 2
    judge = (lambda r: None) if args.no_partials else None
    halves = ["tune", "heldout"] if args.half == "both" else [args.half]
    languages = ["en", "ko"] if args.language == "both" else [args.language]
    print(
        f"judge: short end {min(options.complete_silence_s, options.end_silence_s)} s at p >= "
        f"{options.complete_threshold}, long {options.unfinished_silence_s} s at p <= "
        f"{options.unfinished_threshold}, else {options.end_silence_s} s; pausing speakers "
        f"(and all until {options.fluent_turns:g} fluent turn(s)): short at p >= "
        f"{options.pausing_complete_threshold}, medium {options.pausing_answer_silence_s} s at "
        f"p >= {options.pausing_answer_threshold}, else long; pauses {low}-{high} s; prosody "
        + (
            f"{options.prosody_window_s} s: final at {options.final_drop_st} st under the "
            f"speaker (short end from p >= {options.final_threshold}), continuing above "
            f"-{options.continuing_drop_st} st and slope > -{options.continuing_slope_st_s} st/s"
            if options.prosody_window_s > 0
            else "off"
        )
    )
    for half in halves:
        for language in languages:
            if language == "en":
                records = measure(half, args.seeds, voices, pauses, args.cache, args.speech)
                how = f"streamed ({', '.join(voices)}; {args.seeds} pause draws, {args.speech})"
            elif args.korean_text:
                records = text_pauses(half, language, args.seeds, pauses)
                how = f"on their own words ({args.seeds} pause draws)"
            else:
                records = measure(
                    half, args.seeds, ["espeak"], pauses, args.cache, args.speech, language
                )
                how = f"espeak, VAD, own words ({args.seeds} draws, {args.speech})"
            print(f"{half} {language}, {how}:")
            for caller in CALLERS:
                cuts: list[PauseRecord] = []
                s = summarize(records, options, caller, cuts, judge)
                print(f"  {caller + ' callers':16} {s.line()}")
                if caller == "pausing":  # the stops before a word, and after a whole clause
                    for name, keep in (("word search", False), ("clause stops", True)):
                        part = [r for r in records if (r.answer in CLAUSE_ANSWERS) == keep]
                        line = summarize(part, options, caller, None, judge).line()
                        print(f"    {name:14} {line}")
                for r in cuts if args.show else ():
                    print(f"    cut: {r.heard!r} ({r.voice}) in {r.answer!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
