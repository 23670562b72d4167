"""The command line as a user meets it: exit codes, messages, files written."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC
from pathlib import Path

import soundfile as sf

from assembly.config import load_settings
from assembly.pipeline import Pipeline
from carecall.cli import main
from scenarios import list_scenarios, scenario_path
from telephony import CallInfo
from tts.espeak import EspeakSynthesizer

ROOT = Path(__file__).resolve().parents[1]


def carecall(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "carecall", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_korean_demo_without_whisper_weights_stops_at_once_and_says_how(tmp_path):
    done = carecall("demo", "--language", "ko", "--out", str(tmp_path / "demo"))
    assert done.returncode == 2
    assert "--asr-model" in done.stderr and "Whisper" in done.stderr
    assert not (tmp_path / "demo" / "recording.wav").exists()


def test_a_missing_checkpoint_path_is_named(tmp_path, capsys):
    code = main(
        [
            "demo",
            "--language",
            "ko",
            "--asr-model",
            str(tmp_path / "nope.pt"),
            "--out",
            str(tmp_path / "demo"),
        ]
    )
    assert code == 2
    assert "nope.pt" in capsys.readouterr().err


def test_korean_pipeline_runs_on_a_whisper_checkpoint(tmp_path):
    """Wiring only (random weights recognize nothing): the Korean call is built on Whisper."""
    from tests.tiny_models import save_tiny_whisper

    checkpoint = save_tiny_whisper(tmp_path / "tiny.pt")
    settings = load_settings(language="ko", asr_model=str(checkpoint), output_dir=tmp_path)
    pipeline = Pipeline(settings)
    assert type(pipeline.recognizer).__name__ == "WhisperRecognizer"
    agent = pipeline.agent_factory(CallInfo("MZ1", "CA1", {"recipient": "ko-1", "name": "김순자"}))
    opening = agent.opening()
    assert opening.segments and any("\uac00" <= ch <= "\ud7a3" for ch in opening.text)
    answer = EspeakSynthesizer().synthesize("네, 맞아요.", language="ko")
    reply = agent.hear(answer)
    assert reply is not None and reply.segments  # the engine answered whatever was heard
    agent.finish("completed", None)
    assert (tmp_path / "calls" / "CA1" / "report.json").exists()


def test_scenario_validate_accepts_the_shipped_ones_and_names_the_line_of_an_error(tmp_path):
    shipped = [str(scenario_path(name)) for name in list_scenarios()]
    assert carecall("scenario", "validate", *shipped).returncode == 0
    broken = tmp_path / "broken.yaml"
    text = scenario_path("daily_checkin_en").read_text()
    broken.write_text(text.replace("time_limit_s: 240", "time_limit_s: soon"))
    done = carecall("scenario", "validate", str(broken))
    assert done.returncode == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("time_limit_s"))
    assert f"broken.yaml:{line}" in done.stderr and "time_limit_s" in done.stderr


def test_tts_say_writes_a_wav_as_heard_on_the_line(tmp_path):
    out = tmp_path / "hello.wav"
    assert (
        main(
            [
                "tts",
                "say",
                "Hello, how are you today?",
                "--voice",
                "flite:slt",
                "--line",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    audio, rate = sf.read(out)
    assert rate == 16000 and len(audio) > 8000 and abs(audio).max() > 0.05


def test_memory_show_and_forget(tmp_path, capsys):
    from datetime import datetime

    from dialogue.memory import Fact, MemoryOp, OpKind, SqliteMemoryStore

    store = SqliteMemoryStore(tmp_path / "memory.sqlite")
    store.update(
        "r9",
        [MemoryOp(OpKind.APPEND, Fact("health", "your knee hurt", "health", datetime.now(UTC)))],
    )
    store.close()
    assert main(["memory", "show", "r9", "--output-dir", str(tmp_path)]) == 0
    assert "your knee hurt" in capsys.readouterr().out
    assert main(["memory", "forget", "r9", "--output-dir", str(tmp_path)]) == 0
    assert main(["memory", "show", "r9", "--output-dir", str(tmp_path)]) == 0
    assert "nothing remembered" in capsys.readouterr().out


def test_serving_settings_reach_the_server_and_sphinx_decodes_in_worker_processes(tmp_path):
    from assembly.serving import serve_calls
    from carecall.cli import _settings as settings_of
    from carecall.cli import build_parser

    args = build_parser().parse_args(
        ["serve", "--output-dir", str(tmp_path), "--max-call-s", "60", "--asr-workers", "0"]
    )
    settings = settings_of(args)
    assert settings.recognizer_processes == 0
    assert load_settings(output_dir=tmp_path).recognizer_processes >= 1  # sphinx: auto
    assert load_settings(output_dir=tmp_path, language="ko").recognizer_processes == 0  # whisper
    update = {"max_message_bytes": 5000, "call_secret": "s" * 32, "start_timeout_s": 3.0}
    server = serve_calls(settings.model_copy(update=update), pipeline=Pipeline(settings)).server
    assert server.options.session.max_call_s == 60
    assert server.options.max_message_bytes == 5000
    assert server.gate.tokens is not None and server.options.session.limits.start_timeout_s == 3
