"""The prosodic end-of-turn cue (`telephony.prosody`) checked apart from the words.

    PYTHONPATH=. python -m evaluation.endpoint_prosody --speech-check
        [--real-speech ../shared/fixtures/real-speech] [--cost] [--turn NAME=VALUE ...]

*--speech-check*: the pitch track of each piece of a few pausing answers as the simulator
speaks them (`evaluation.pausing.STYLES`: *pieces* each alone, *whole* cut from one
synthesis), English (espeak-ng, flite) and Korean (espeak-ng): the last 300 ms of F0 before
each stop, its slope and level, and the cue's verdict. Non-final pieces should not fall.

*--real-speech DIR*: real recordings (the shared fixtures, read in place, never copied):
every pause the call's VAD hears inside a clip (at least `--probe` s of silence) and each
clip's end, with the cue's verdict. Inside a clip is mid-sentence unless the clip's text says
otherwise (`SENTENCE_ENDS`); reported: how often a mid-sentence pause is called "final".

*--cost*: CPU ms per second of speech fed to the tracker and per judgement (process time).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

LINE_RATE = 8000

SPEECH_CHECK = (
    ("en", "espeak", "I had some rice... and a little soup."),
    ("en", "espeak", "I went to the... uh... the market this morning."),
    ("en", "flite", "I had some rice... and a little soup."),
    ("en", "flite", "My daughter... she called me... yesterday evening."),
    ("ko", "espeak", "밥은 먹었어요... 근데 입맛이 없어요."),
    ("ko", "espeak", "음... 그게... 시장에 갔어요."),
)

SENTENCE_ENDS = {
    "jfk.flac": "end",
    "goforward.raw": "end",
    "english.wav": "end",
    "sense_and_sensibility_01_austen_64kb-0870.wav": "end",
}
"""Clips whose last word ends a sentence (the recording's own text); the other clips stop
mid-sentence (the Austen reading is cut at commas and colons), so their ends count as
mid-sentence pauses too, and are reported apart."""


def _load(path: Path) -> np.ndarray:
    """A real recording as the line carries it: mono, 8 kHz, μ-law."""
    from evaluation.endpoint import over_the_line
    from telephony.resample import resample

    if path.suffix == ".raw":
        samples = np.fromfile(path, dtype="<i2").astype(np.float32) / 32768.0
        rate = 16000
    else:
        import soundfile

        samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        samples = samples.mean(axis=1)
    return over_the_line(resample(samples, rate, LINE_RATE).astype(np.float32))


def pauses_of(samples: np.ndarray, options, probe_s: float) -> list[tuple[float, object]]:
    """(time, Close) at every pause the call's VAD and endpointer hear (`probe_s` of silence)
    in `samples` (8 kHz), the clip's end last, as `TurnListening` judges them."""
    from dataclasses import replace

    from telephony.listening import TurnListening
    from telephony.turn import Endpointer, TurnEventKind
    from telephony.vad import ChunkedVAD, make_vad

    never = 1000.0
    options = replace(
        options,
        end_silence_s=never,
        complete_silence_s=never,
        unfinished_silence_s=never,
        max_utterance_s=never,
        probe_silence_s=probe_s,
    )
    audio = np.concatenate([np.zeros(LINE_RATE // 2, np.float32), samples])
    audio = np.concatenate([audio, np.zeros(2 * LINE_RATE, np.float32)])
    ep, listening = Endpointer(options, LINE_RATE), TurnListening(options)
    vad = ChunkedVAD(make_vad("silero", LINE_RATE))
    found = []
    from telephony.callevents import Probe

    for at in range(0, len(audio), LINE_RATE // 50):
        for chunk, prob in vad.push(audio[at : at + LINE_RATE // 50]):
            for event in ep.feed(chunk, prob):
                if event.kind is TurnEventKind.SPEECH_STARTED:
                    listening.started()
            if ep.in_turn:
                for action in listening.during(ep):
                    if isinstance(action, Probe):
                        found.append((ep.position / LINE_RATE - ep.silence_run_s, listening.close))
    return found


def real_speech(directory: Path, options, probe_s: float) -> int:
    clips = sorted(
        p for p in directory.rglob("*") if p.suffix in (".wav", ".flac", ".raw") and p.is_file()
    )
    if not clips:
        print(f"no recordings under {directory}", file=sys.stderr)
        return 2
    counts = {"mid-sentence pause": [0, 0, 0], "clip end, mid-sentence": [0, 0, 0]}
    counts["sentence end"] = [0, 0, 0]
    for clip in clips:
        found = pauses_of(_load(clip), options, probe_s)
        for i, (at, close) in enumerate(found):
            last = i == len(found) - 1
            if not last:
                kind = "mid-sentence pause"
            elif SENTENCE_ENDS.get(clip.name) == "end":
                kind = "sentence end"
            else:
                kind = "clip end, mid-sentence"
            verdict = options.prosody_verdict(close)
            slot = {"final": 0, "continuing": 1}.get(verdict, 2)
            counts[kind][slot] += 1
            c = close.as_dict() if close else {}
            print(
                f"  {clip.name:48} {at:5.2f} s {kind:24} {verdict or '-':10} "
                f"level {c.get('level_st', 0):+5.1f} st, slope {c.get('slope_st_s', 0):+6.1f} st/s"
            )
    for kind, (final, cont, other) in counts.items():
        n = final + cont + other
        print(f"{kind:24} {n:3}: final {final}, continuing {cont}, undecided {other}")
    return 0


def speech_check(options) -> None:
    from evaluation.endpoint import _synthesize, over_the_line
    from evaluation.pausing import STYLES, PauseRange, render
    from telephony.prosody import PitchTracker

    for language, voice, text in SPEECH_CHECK:
        say = _synthesize(voice, language)
        for style in STYLES:
            answer = render(text, say, random.Random(0), PauseRange(1.0, 1.0), style)
            line = over_the_line(answer.samples)
            print(f"{voice} {language} {style}: {text}")
            for i, (_, end) in enumerate(answer.spans):
                tracker = PitchTracker(LINE_RATE)
                tracker.feed(line[:end])
                tracker.feed(np.zeros(LINE_RATE // 2, np.float32))
                close = tracker.close(0.5, options.prosody_window_s)
                f0 = np.asarray(tracker.f0[: end // tracker.hop])
                track = np.round(f0[f0 > 0][-30::5]).astype(int).tolist()
                what = "end" if i == len(answer.spans) - 1 else f"stop {i + 1}"
                print(
                    f"  {what:7} F0 (Hz, last 300 ms voiced, every 50 ms) {track}: slope "
                    f"{close.slope_st_s:+.1f} st/s, level {close.level_st:+.1f} st -> "
                    f"{options.prosody_verdict(close) or 'undecided'}"
                )


def cost(options) -> None:
    from evaluation.endpoint import _synthesize
    from evaluation.pausing import PauseRange, render
    from telephony.prosody import PitchTracker

    answer = render(
        "I went to the... uh... the market this morning.",
        _synthesize("espeak"),
        random.Random(0),
        PauseRange(1, 3),
        "whole",
    )
    for rate in (8000, 16000):
        from telephony.resample import resample

        audio = resample(answer.samples, LINE_RATE, rate).astype(np.float32)
        chunk = rate // 50
        rounds = 20
        tracker = PitchTracker(rate)
        start = time.process_time()
        for _ in range(rounds):
            tracker.new_turn()
            for at in range(0, len(audio), chunk):
                tracker.feed(audio[at : at + chunk])
        fed = (time.process_time() - start) / rounds
        start = time.process_time()
        for _ in range(200):
            tracker.close(0.5, options.prosody_window_s)
        judged = (time.process_time() - start) / 200
        print(
            f"{rate} Hz, 20 ms chunks: tracking {1000 * fed / answer.duration:.2f} CPU ms per "
            f"s of audio; a judgement {1000 * judged:.2f} CPU ms"
        )


def main(argv: list[str] | None = None) -> int:
    from evaluation.endpoint import turn_options

    p = argparse.ArgumentParser(
        prog="python -m evaluation.endpoint_prosody", description=__doc__.split("\n")[0]
    )
    p.add_argument("--speech-check", action="store_true")
    p.add_argument("--real-speech", type=Path, default=None, metavar="DIR")
    p.add_argument("--probe", type=float, default=0.15, help="real speech: pause probed (s)")
    p.add_argument("--cost", action="store_true")
    p.add_argument("--turn", action="append", default=[], metavar="NAME=VALUE")
    args = p.parse_args(argv)
    try:
        options = turn_options(args.turn)
        if options.prosody_window_s == 0:  # the cue is opt-in in calls; this checks it
            from dataclasses import replace

            options = replace(options, prosody_window_s=0.3)
    except ValueError as exc:
        print(f"evaluation.endpoint_prosody: {exc}", file=sys.stderr)
        return 2
    if not (args.speech_check or args.real_speech or args.cost):
        p.error("choose --speech-check, --real-speech DIR or --cost")
    if args.real_speech is not None and not args.real_speech.is_dir():
        print(f"evaluation.endpoint_prosody: no directory {args.real_speech}", file=sys.stderr)
        return 2
    if args.speech_check:
        speech_check(options)
    if args.cost:
        cost(options)
    if args.real_speech is not None:
        return real_speech(args.real_speech, options, args.probe)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
