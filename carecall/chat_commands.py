"""`carecall chat`: talk to the agent by text in the terminal — the same engine as a call.

One line in is one thing the person says; the agent's turn comes out on stdout, one line each,
prefixed `agent: `, so a conversation can be piped in and read back by a script:

    printf 'yes\\nI had lunch with my neighbour\\n' | carecall chat --scenario daily_checkin_en

An empty line is silence (the agent's silence prompt), `/key D` presses a phone key (0-9, *,
#), end of input hangs up. The call's report goes to stderr at the end (`--report FILE` also
writes it as JSON). With `--memory-db`, what the person said before shapes the call (memory
opens the conversation) and the call's facts are stored for the next one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PREFIX = "agent: "


def add_parser(sub) -> None:
    p = sub.add_parser("chat", help="talk to the agent by text (stdin in, agent turns out)")
    p.add_argument("--config", help="YAML file of settings (see carecall/config.py)")
    p.add_argument("--scenario", help="shipped scenario name or a YAML path")
    p.add_argument("--language", choices=["en", "ko"], help="its daily check-in (no --scenario)")
    p.add_argument("--recipient", default="chat", help="recipient id (memory is kept per id)")
    p.add_argument("--name", help="what the agent calls the person (default: the recipient id)")
    p.add_argument("--memory-db", type=Path, help="memory SQLite file: read, then updated")
    p.add_argument("--report", type=Path, help="also write the call report here as JSON")
    p.add_argument("--seed", type=int, default=0, help="picks question and reaction wordings")
    p.add_argument(
        "--llm",
        choices=["none", "transformers", "openai"],
        help="an LLM writes the turns (default none: the bank and the scenario's lines)",
    )
    p.add_argument("--llm-model", help="LLM folder/hub name, or the server's model name")
    p.add_argument("--llm-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1")


def _say(turn) -> None:
    if turn is not None and turn.text:
        print(PREFIX + " ".join(turn.text.split()), flush=True)


def run(args: argparse.Namespace) -> int:
    from assembly.builders import WeightsMissing, build_chat_model
    from assembly.config import load_settings
    from dialogue.engine import DialogueEngine, Recipient
    from dialogue.memory import SqliteMemoryStore, plan_update
    from dialogue.scenario import load_scenario

    settings = load_settings(
        args.config,
        language=args.language,
        scenario=args.scenario,
        llm=args.llm,
        llm_model=args.llm_model,
        llm_url=args.llm_url,
    )
    scenario = load_scenario(settings.scenario_name)
    try:
        llm = build_chat_model(settings)
    except WeightsMissing as exc:
        print(f"carecall chat: {exc}", file=sys.stderr)
        return 2
    store = SqliteMemoryStore(args.memory_db) if args.memory_db else None
    memory = store.load(args.recipient) if store else []
    engine = DialogueEngine(
        scenario,
        recipient=Recipient(args.recipient, args.name or args.recipient),
        memory=memory,
        seed=args.seed,
        llm=llm,
    )
    interactive = sys.stdin.isatty()
    turn = engine.opening()
    engine.heard(turn, turn.text, True)
    _say(turn)
    reason = None
    while not engine.finished:
        if interactive:
            print("you: ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:  # end of input: the person hung up
            reason = "hung_up"
            break
        said = line.strip()
        if said.startswith("/key "):
            turn = engine.on_dtmf(said[5:].strip())
            if turn is None:
                print(f"(key {said[5:].strip()!r} does nothing here)", file=sys.stderr)
                continue
        elif not said:
            turn = engine.on_silence()
        else:
            turn = engine.reply(said)
        engine.heard(turn, turn.text, True)
        _say(turn)
    report = engine.report(reason=reason)
    if store is not None:
        store.update(args.recipient, plan_update(memory, engine.memory_facts()))
    if args.report:
        args.report.write_text(report.to_json(), encoding="utf-8")
    print("\n" + report.to_text(), file=sys.stderr)
    return 0
