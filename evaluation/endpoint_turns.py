"""What the call's end of turn makes of pausing answers, and what the safety detector says of
each turn it makes: an offline reproduction of the latency bench's pausing calls
(`bench/bench_latency.py --pausing`), without a wall clock.

    PYTHONPATH=. python -m evaluation.endpoint_turns [--seed 0] [--pauses 1,3] [--voice espeak]
        [--turn NAME=VALUE ...] [--items meal,sleep,...]

Each of the pausing personas' English answers (`evaluation.pausing.PAUSING_EN`, rendered as
the bench renders them: `bench.benchkit.pausing_answers_ulaw`, espeak-ng, the seed's pauses)
is streamed as the call streams it: μ-law at 8 kHz, Silero VAD, the call's `Endpointer` and
`TurnListening` with the given `TurnOptions`, streaming pocketsphinx with the scenario's domain
LM, and at each probe the call's own judge (`asr.completeness.end_probability` with
`assembly.listening.AnswerEndModel`). Every turn the end of turn closes is decoded and given to
the scenario's emergency detector as the check-in engine gives it (the item just asked, the
learned layer as configured). Printed per turn: its words, whether it ended inside the answer
(a *fragment*), and the detector's decision.

The caller is learnt across answers as in one call (the first answer is judged as a pausing
speaker's until a fluent turn). The question before each answer is the item it was written for
(`ITEMS`) unless `--items` names others; the detector is asked with that item and with none (the
bench's phone answers whatever was asked, the identity question first). Unlike the bench's
phone, the person here says the rest of an answer that was cut off, as its own turn.
"""

from __future__ import annotations

import argparse
import functools
import sys

import numpy as np

from evaluation.endpoint import LINE_RATE, _synthesize, over_the_line, pause_range, turn_options
from evaluation.endpoint_replay import end_model, question_context, scenario_for
from evaluation.pausing import PAUSING_EN, PausingAnswer, render_all

ITEMS = ("outing", "meal", "sleep", "health", "medication", "mood", "mood", "outing")
"""The item each persona answer answers (`evaluation.endpoint_data`)."""


def call_turns(answers: list[PausingAnswer], items, options, recognizer, vad_factory) -> list:
    """(answer index, item, words, fragment?, end probabilities judged) per turn closed."""
    from asr.completeness import end_probability
    from telephony.callevents import Judged, Probe, Stream
    from telephony.listening import TurnListening
    from telephony.turn import Endpointer, TurnEventKind
    from telephony.vad import ChunkedVAD

    listening = TurnListening(options)
    ep = Endpointer(options, LINE_RATE)
    vad = ChunkedVAD(vad_factory())
    out: list = []
    stream, judged = None, []
    frame = LINE_RATE // 50
    offset = 0  # samples of the call before this answer
    for index, (answer, item) in enumerate(zip(answers, items, strict=True)):
        # The answer after 0.5 s, then 5 s of silence: longer than any end of turn.
        lead, tail = round(0.5 * LINE_RATE), round(5.0 * LINE_RATE)
        audio = np.concatenate(
            [np.zeros(lead, np.float32), answer.samples, np.zeros(tail, np.float32)]
        )
        audio = over_the_line(audio)
        speech_end = offset + lead + answer.spans[-1][1]
        context = question_context("en", item)
        for at in range(0, len(audio), frame):
            for chunk, prob in vad.push(audio[at : at + frame]):
                for event in ep.feed(chunk, prob):
                    if event.kind is TurnEventKind.SPEECH_STARTED:
                        listening.started()
                        stream, judged = None, []
                    elif event.kind is TurnEventKind.TURN_ENDED:
                        actions, _ = listening.ended(event.audio)
                        for a in actions:
                            if stream is None:
                                stream = recognizer.open_stream(language="en", context=context)
                            stream.feed(a.samples, a.sample_rate)
                        said = stream.finish().text if stream is not None else ""
                        fragment = event.at_sample < speech_end
                        out.append((index, item, said, fragment, judged))
                        stream, judged = None, []
                if not ep.in_turn:
                    continue
                for action in listening.during(ep):
                    if isinstance(action, Stream):
                        if stream is None:
                            stream = recognizer.open_stream(language="en", context=context)
                        stream.feed(action.samples, action.sample_rate)
                    elif isinstance(action, Probe):
                        heard = stream.partial() if stream is not None else ""
                        p = end_probability(heard, "en", end_model("en"), context)
                        judged.append((heard, p))
                        listening.judged(Judged(action.turn, action.pause, p), ep)
        offset += len(audio)
    if stream is not None:
        stream.close()
    vad.vad.reset()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m evaluation.endpoint_turns", description=__doc__.split("\n")[0]
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pauses", default="1,3")
    p.add_argument("--voice", default="espeak", choices=["espeak", "flite"])
    p.add_argument(
        "--speech",
        choices=("whole", "pieces"),
        default="whole",
        help="answers spoken whole and cut at the stops (as the bench's phones), or piece by piece",
    )
    p.add_argument("--turn", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--items", default=",".join(ITEMS), help="the item asked before each answer")
    args = p.parse_args(argv)
    try:
        pauses = pause_range(args.pauses)
        options = turn_options(args.turn)
        items = [i.strip() for i in args.items.split(",")]
        if len(items) != len(PAUSING_EN):
            raise ValueError(f"--items wants {len(PAUSING_EN)} items, got {len(items)}")
        for item in items:
            question_context("en", item)  # a clear error for an unknown item
    except ValueError as exc:
        print(f"evaluation.endpoint_turns: {exc}", file=sys.stderr)
        return 2
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer
    from dialogue.learned import set_enabled
    from dialogue.safety.detector import EmergencyDetector
    from telephony.vad import make_vad

    settings = load_settings()
    set_enabled(settings.learned_layer)
    scenario = scenario_for("en")
    recognizer = build_recognizer(settings, scenario)
    answers = render_all(list(PAUSING_EN), _synthesize(args.voice), args.seed, pauses, args.speech)
    vad_factory = functools.partial(make_vad, "silero", LINE_RATE)
    detector = EmergencyDetector(scenario.emergency)
    by_id = {i.id: i for i in scenario.items}
    for index, item, words, fragment, judged in call_turns(
        answers, items, options, recognizer, vad_factory
    ):
        kind = "FRAGMENT" if fragment else "whole"
        print(f"answer {index} ({item}) {kind}: {words!r}")
        # The engine passes the item just asked during the check-in, none before it (the
        # identity question) or after it: both are shown.
        for asked in (by_id[item], None):
            a = detector.assess(words, "en", asked=asked)
            found = "; ".join(f"{f.category}/{f.decision} ({f.rule})" for f in a.findings)
            print(f"    safety, asked {asked.id if asked else 'nothing'}: {a.decision} {found}")
        for heard, prob in judged:
            print(f"    judged {heard!r}: {'-' if prob is None else f'{prob:.3f}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
