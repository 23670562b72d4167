"""The answering-machine detector's accuracy on simulated answers, both languages.

    python bench/bench_voicemail.py [--show]

Machines: every greeting of `assembly.voicemail_sim.GREETINGS` (12 per language, flite for
English, espeak for Korean), for two names each, with beeps of 440-1400 Hz. People: every
answer of `HUMAN_ANSWERS` (20 per language) for two names, in the same voices, followed (when
the first answer settles nothing, e.g. "Hello?") by a short "yes, it's me". What each utterance
confirms is judged from its words by the scenario's identity check, as on a call; the words are
otherwise NOT given to the detector (no recognizer here), so this scores the audio cues alone:
long greeting, beep, no identity answer. Two machine conditions: the beep reaches the agent with
the greeting (one utterance), or it does not (the line's VAD dropped it: greeting only).
"Unknown" at the end counts as a person (the call goes on as a check-in).

Two conditions test turn-taking (`in_turn`: the agent's turn between two utterances was heard
to its end): a person whose first answer the recognizer garbled (no identity answer) and who,
asked again, answers with a remark instead of "yes"; and a machine whose greeting the line cut
in two, the second half talking over the agent's reply. `--no-turns` gives the detector no
turn-taking (as before it had the cue), for a before/after in one run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assembly.voicemail_sim import (  # noqa: E402
    GREETINGS,
    HUMAN_ANSWERS,
    NAMES,
    RATE,
    machine_audio,
    speak,
)
from dialogue import load_scenario  # noqa: E402
from dialogue.extract import identity_answer  # noqa: E402
from telephony.amd import MACHINE, MachineDetector, find_beep  # noqa: E402

SCENARIOS = {"en": "daily_checkin_en", "ko": "daily_checkin_ko"}
CONFIRM = {"en": "Yes, it's me.", "ko": "네, 저예요."}
# What a person says when asked again, instead of confirming: speech with no identity answer.
REMARKS = {
    "en": [
        "Oh I was just making a pot of tea when the phone went, give me a second to sit down.",
        "I have been feeling rather lonely these days, you know, with nobody popping round.",
        "The weather has been terrible all week and my hip does not like it one little bit.",
    ],
    "ko": [
        "아이고 내가 지금 밭에 갔다 와서 숨이 좀 차네요 잠깐만 앉을게요.",
        "요즘은 통 찾아오는 사람이 없어서 적적하고 그래요 하루 종일 티비만 봐요.",
        "날이 추워져서 그런지 무릎이 시큰거려서 오늘은 밖에 안 나갔어요.",
    ],
}
BEEPS = [440.0, 850.0, 1000.0, 1400.0]


def verdict(
    language: str, utterances: list[tuple[np.ndarray, str]], in_turn: list | None = None
) -> tuple[str, str]:
    """`in_turn[i]`: what the line knew of turn-taking before utterance i (None: nothing)."""
    scenario = load_scenario(SCENARIOS[language])
    det = MachineDetector(language)
    for i, (audio, text) in enumerate(utterances):
        turn = in_turn[i] if in_turn else None
        det.hear(audio, RATE, "", identity_answer(scenario, text), turn)
        if det.verdict != "unknown":
            break
    return det.verdict, det.reason


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print every wrong verdict")
    ap.add_argument("--no-turns", action="store_true", help="withhold the turn-taking cue")
    args = ap.parse_args()
    total = {
        "human": [0, 0],
        "human, misheard": [0, 0],
        "machine+beep": [0, 0],
        "machine, no beep": [0, 0],
        "machine, cut in 2": [0, 0],
    }
    for language in ("en", "ko"):
        per = {k: [0, 0] for k in total}
        for n, name in enumerate(NAMES[language][:2]):
            for i, greeting in enumerate(GREETINGS[language]):
                text = greeting.format(name=name)
                beep = BEEPS[(i + n) % len(BEEPS)]
                full = machine_audio(language, i, name, beep)
                spoken = full[: -int(0.9 * RATE)]  # the greeting without the gap and beep
                for key, audio in (("machine+beep", full), ("machine, no beep", spoken)):
                    v, why = verdict(language, [(audio, text)])
                    per[key][0] += v == MACHINE
                    per[key][1] += 1
                    if args.show and v != MACHINE:
                        print(f"  MISSED {language} {key}: {text!r} ({v} {why})")
                # cut at its middle pause-free point: the second half talks over the agent
                half = len(spoken) // 2
                turns = None if args.no_turns else [True, False]
                v, why = verdict(language, [(spoken[:half], ""), (spoken[half:], "")], turns)
                per["machine, cut in 2"][0] += v == MACHINE
                per["machine, cut in 2"][1] += 1
                if args.show and v != MACHINE:
                    print(f"  MISSED {language} cut in 2: {text!r} ({v} {why})")
            for answer in HUMAN_ANSWERS[language]:
                text = answer.format(name=name)
                then = CONFIRM[language]
                v, why = verdict(
                    language, [(speak(text, language), text), (speak(then, language), then)]
                )
                per["human"][0] += v != MACHINE
                per["human"][1] += 1
                if args.show and v == MACHINE:
                    print(f"  FALSE MACHINE {language}: {text!r} ({why})")
                # the first answer misheard (no identity answer), then a remark, in turn
                remark = REMARKS[language][len(text) % len(REMARKS[language])]
                turns = None if args.no_turns else [True, True]
                v, why = verdict(
                    language, [(speak(text, language), ""), (speak(remark, language), "")], turns
                )
                per["human, misheard"][0] += v != MACHINE
                per["human, misheard"][1] += 1
                if args.show and v == MACHINE:
                    print(f"  FALSE MACHINE {language} misheard: {text!r} ({why})")
        for k, (ok, n) in per.items():
            print(f"{language}  {k:17s} {ok:3d}/{n:<3d} correct  ({ok / n:.1%})")
            total[k][0] += ok
            total[k][1] += n
    for k, (ok, n) in total.items():
        print(f"all {k:17s} {ok:3d}/{n:<3d} correct  ({ok / n:.1%})")
    assert find_beep(np.zeros(RATE, np.float32), RATE) is None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
