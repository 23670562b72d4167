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
import functools
import hashlib
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from evaluation.endpoint_data import CLAUSE_ANSWERS, SETS
from evaluation.endpoint_replay import (
    CALLERS,
    PauseRecord,
    Summary,
    end_model,
    is_pausing,
    question_context,
    scenario_for,
    summarize,
)
from evaluation.pausing import STYLES, PauseRange, PausingAnswer, pieces, render_all

__all__ = ["CALLERS", "PauseRecord", "Summary", "end_model", "is_pausing", "main", "measure",
           "question_context", "stream_answer", "summarize", "text_pauses"]  # fmt: skip

LINE_RATE = 8000
LEAD_S = 0.5  # silence before an answer
TAIL_S = 4.0  # silence after it: longer than any end of turn
VOICES = ("espeak", "flite")


@functools.cache
def _synthesizer(voice: str):
    if voice == "espeak":
        from tts.espeak import EspeakSynthesizer

        return EspeakSynthesizer()
    if voice == "flite":
        from tts.flite import FliteSynthesizer

        return FliteSynthesizer()
    raise ValueError(f"unknown voice {voice!r}: choose from {', '.join(VOICES)}")


def _synthesize(voice: str, language: str = "en"):
    from telephony.resample import resample

    def say(text: str):
        audio = _synthesizer(voice).synthesize(text, language=language)
        return resample(audio.samples, audio.sample_rate, LINE_RATE), LINE_RATE

    return say


def over_the_line(samples: np.ndarray) -> np.ndarray:
    """`samples` (8 kHz) as the server hears them: μ-law and back, int16 scale like the call."""
    from telephony.g711 import float_to_pcm16, ulaw_decode, ulaw_encode

    pcm = ulaw_decode(ulaw_encode(float_to_pcm16(samples)))
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


PRIME = {"en": "Hello? Yes, this is me.", "ko": "여보세요? 네, 저예요."}
"""What each caller says first in a call (their reply to the greeting), before any answer: the
prosodic cue's running median of their pitch starts from it, as in a call."""


def stream_answer(
    answer: PausingAnswer, recognizer, context, vad_factory, prime: np.ndarray | None = None
) -> list[tuple]:
    """Stream one answer as a call does; (truth, heard, silence_s, lag_s, close, stop) per
    probed pause: `close` how the voice closed before it (`telephony.prosody`), `stop` the
    answer's stop it falls in (-1: a pause inside a piece; the last: the end). Without a
    `recognizer` nothing is heard (""). `prime`: the caller's earlier speech (8 kHz), heard
    by the pitch tracker only (`PRIME`)."""
    from telephony.callevents import Probe, Stream
    from telephony.listening import TurnListening
    from telephony.turn import Endpointer, TurnEventKind, TurnOptions
    from telephony.vad import ChunkedVAD

    lead = round(LEAD_S * LINE_RATE)
    audio = np.concatenate(
        [
            np.zeros(lead, np.float32),
            answer.samples,
            np.zeros(round(TAIL_S * LINE_RATE), np.float32),
        ]
    )
    audio = over_the_line(audio)
    speech_end = lead + answer.spans[-1][1]
    # Never end the turn: every pause is heard out, and judged once, as in a call.
    never = 1000.0
    options = TurnOptions(
        prosody_window_s=PROSODY_WINDOW_S,
        end_silence_s=never,
        complete_silence_s=never,
        unfinished_silence_s=never,
        max_utterance_s=never,
    )
    ep, listening = Endpointer(options, LINE_RATE), TurnListening(options)
    if prime is not None:
        listening.know_speaker(over_the_line(prime), LINE_RATE)
    vad = ChunkedVAD(vad_factory())
    stream = None
    current: list | None = None  # the pause being heard out
    probes: list[list] = []  # [truth, heard, silence_s, lag_s]
    frame = LINE_RATE // 50
    for at in range(0, len(audio), frame):
        for chunk, prob in vad.push(audio[at : at + frame]):
            for event in ep.feed(chunk, prob):
                if event.kind is TurnEventKind.SPEECH_STARTED:
                    listening.started()
            if not ep.in_turn:
                continue
            if ep.silence_run_s == 0:
                current = None  # speech again: the pause judged last is over
            elif current is not None:
                current[2] = max(current[2], ep.silence_run_s)
            for action in listening.during(ep):
                if isinstance(action, Stream):
                    if recognizer is None:
                        continue
                    if stream is None:
                        stream = recognizer.open_stream(language="en", context=context)
                    stream.feed(action.samples, action.sample_rate)
                elif isinstance(action, Probe):
                    # Inside: some of the answer is still to be spoken after this probe.
                    truth = "inside" if ep.position < speech_end else "end"
                    heard = stream.partial() if stream is not None else ""
                    silence_from = ep.position - round(ep.silence_run_s * LINE_RATE)
                    lag = max(0.0, (silence_from - speech_end) / LINE_RATE)
                    close = listening.close.as_dict() if listening.close else None
                    stop = _stop_of(answer, silence_from - lead)
                    current = [truth, heard, ep.silence_run_s, lag, close, stop]
                    probes.append(current)
    if stream is not None:
        stream.close()
    vad.vad.reset()
    return [tuple(p) for p in probes]


def _stop_of(answer: PausingAnswer, at: int) -> int:
    """Which stop of `answer` the silence starting at sample `at` falls in: i after piece i,
    -1 inside a piece (the VAD heard a short pause within it)."""
    for i, (_, end) in enumerate(answer.spans):
        nxt = answer.spans[i + 1][0] if i + 1 < len(answer.spans) else None
        if at >= end - round(0.1 * answer.sample_rate) and (nxt is None or at < nxt):
            return i
    return -1


CACHE_VERSION = 3
PROSODY_WINDOW_S = 0.3  # the closes are recorded with this window, judged with any settings


def _answer_key(voice: str, answer: PausingAnswer, item: str, style: str = "pieces") -> str:
    """What shapes one streamed answer's pauses: its voice, words, item, drawn pauses and how
    it was spoken (`evaluation.pausing.STYLES`)."""
    drawn = [round(p, 6) for p in answer.pauses]
    key = json.dumps([CACHE_VERSION, voice, answer.text, item, drawn, style])
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def measure(
    half: str,
    seeds: int,
    voices,
    pauses: PauseRange,
    cache: Path | None,
    style: str = "whole",
    language: str = "en",
) -> list:
    """The pauses of `half`, streamed; with `cache`, each answer's pauses are kept under what
    shapes them (`_answer_key`), so adding answers decodes only the new ones. Korean has no
    streaming recognizer on CPU: its answers are streamed for the VAD and the prosodic cue
    only, and each stop is judged on the answer's own words up to it (`_own_words`)."""
    answers = SETS[(half, language)]
    decode = None
    records = []
    vad_factory = None
    for voice in voices:
        say = _synthesize(voice, language)
        prime = say(PRIME[language])[0]
        for seed in range(seeds):
            rendered = render_all([t for _, t in answers], say, seed, pauses, style)
            for (item, text), answer in zip(answers, rendered, strict=True):
                key = _answer_key(f"{voice}-{language}", answer, item, style)
                path = cache / f"endpoint-answer-{key}.jsonl" if cache is not None else None
                closes = cache / f"endpoint-closes-{key}.json" if cache is not None else None
                if path is not None and path.exists():
                    found = [
                        replace(PauseRecord(**json.loads(line)), half=half, seed=seed)
                        for line in path.read_text().splitlines()
                    ]
                else:
                    if decode is None:
                        decode = _decoder(language)
                    probed = decode(answer, question_context(language, item))
                    if language != "en":
                        probed = _own_words(answer, probed)
                    found = [
                        PauseRecord(
                            half,
                            language,
                            voice,
                            seed,
                            text,
                            item,
                            truth,
                            heard,
                            round(silence, 3),
                            round(lag, 3),
                            close,
                        )  # fmt: skip
                        for truth, heard, silence, lag, close, _ in probed
                    ]
                    if path is not None:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_text(
                            "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in found)
                        )
                # The closes as a call hears them: the caller's pitch known from their first
                # words (`PRIME`); the same VAD, so the same pauses, in the same order.
                if closes is not None and closes.exists():
                    heard = json.loads(closes.read_text())
                else:
                    if vad_factory is None:
                        from telephony.vad import make_vad

                        vad_factory = functools.partial(make_vad, "silero", LINE_RATE)
                    probed = stream_answer(answer, None, None, vad_factory, prime)
                    if language != "en":
                        probed = [p for p in probed if p[5] >= 0]
                    heard = [[p[0], p[4]] for p in probed]
                    if closes is not None:
                        closes.write_text(json.dumps(heard))
                if [t for t, _ in heard] != [r.truth for r in found]:
                    raise RuntimeError(f"the VAD heard {text!r} ({voice}) differently twice")
                records += [replace(r, close=c) for r, (_, c) in zip(found, heard, strict=True)]
    return records


def _own_words(answer: PausingAnswer, probed: list[tuple]) -> list[tuple]:
    """Each stop's probe (pauses inside a piece dropped), heard as the words up to it."""
    parts = pieces(answer.text)
    out = []
    for truth, _, silence, lag, close, stop in probed:
        if stop >= 0:
            out.append((truth, " ".join(parts[: stop + 1]), silence, lag, close, stop))
    return out


def _decoder(language: str = "en"):
    """stream_answer with the call's recognizer (the scenario's domain LM; none for Korean,
    which has no streaming recognizer on CPU) and VAD."""
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer
    from telephony.vad import make_vad

    vad_factory = functools.partial(make_vad, "silero", LINE_RATE)
    if language != "en":
        return lambda answer, context: stream_answer(answer, None, context, vad_factory)
    recognizer = build_recognizer(load_settings(), scenario_for("en"))
    return lambda answer, context: stream_answer(answer, recognizer, context, vad_factory)


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
