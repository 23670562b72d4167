"""flite (CMU Flite, Debian package `flite`): English voices for simulated callers.

pocketsphinx, the offline recognizer, hears flite's voices far better than espeak-ng's
(DESIGN.md: 30–53% WER against 81% through a telephone band), so simulated English speakers
talk with flite. flite speaks English only; any other language is refused, not mispronounced.

flite runs as a subprocess per utterance with an argument list, no shell; the text goes in
through a file (`-f`), so no text can be taken for an option or a file name, and flite
writes its WAV to a temporary file. Speed is flite's `duration_stretch` (1.2 = 20% slower).
flite silently falls back to its 8 kHz `kal` voice for an unknown voice name, so names are
checked against `flite -lv` first.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from telephony.audio import Audio
from tts import SynthesisError
from tts._wav import check_rate, check_text, decode_wav

TIMEOUT_S = 30.0
_INSTALL_HINT = "install it with `apt-get install flite`"


class FliteSynthesizer:
    """`Synthesizer` backed by the `flite` binary.

    A voice is a built-in name (slt, rms, awb, kal16, …) or a path to a `.flitevox` file.
    `duration_stretch` is the speaker's normal pace; `rate` per call divides it.
    """

    def __init__(
        self,
        default_voice: str = "slt",
        *,
        duration_stretch: float = 1.0,
        binary: str = "flite",
    ) -> None:
        path = shutil.which(binary)
        if path is None:
            raise SynthesisError(f"flite binary {binary!r} not found on PATH; {_INSTALL_HINT}")
        if not 0.25 <= duration_stretch <= 4.0:
            raise ValueError(f"duration_stretch must be 0.25..4.0, got {duration_stretch!r}")
        self.binary = path
        self.duration_stretch = float(duration_stretch)
        self.default_voice = self._check_voice(default_voice)

    @property
    def voices(self) -> tuple[str, ...]:
        """The voices built into this flite binary."""
        return _builtin_voices(self.binary)

    @property
    def settings(self) -> dict[str, object]:
        """What shapes the sound besides the call arguments (part of a phrase-cache key)."""
        return {
            "backend": "flite",
            "default_voice": self.default_voice,
            "duration_stretch": self.duration_stretch,
        }

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        text = check_text(text, "flite")
        rate = check_rate(rate, "flite")
        if language.lower().split("-")[0] != "en":
            raise SynthesisError(f"flite speaks English only; got language {language!r}")
        flite_voice = self._check_voice(voice) if voice is not None else self.default_voice
        stretch = self.duration_stretch / rate
        with tempfile.TemporaryDirectory(prefix="carecall-flite-") as tmp:
            text_file, wav_file = Path(tmp) / "text.txt", Path(tmp) / "speech.wav"
            text_file.write_text(text, encoding="utf-8")
            command = [self.binary, "-voice", flite_voice, "--setf", f"duration_stretch={stretch}"]
            command += ["-f", str(text_file), "-o", str(wav_file)]
            try:
                done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S)
            except FileNotFoundError as exc:
                raise SynthesisError(
                    f"flite binary {self.binary!r} vanished; {_INSTALL_HINT}"
                ) from exc
            except subprocess.TimeoutExpired as exc:
                raise SynthesisError(
                    f"flite took over {TIMEOUT_S:.0f} s for {text[:40]!r}"
                ) from exc
            if done.returncode != 0 or not wav_file.exists():
                stderr = done.stderr.decode(errors="replace").strip()
                raise SynthesisError(
                    f"flite (voice {flite_voice!r}) failed with exit code {done.returncode}: "
                    f"{stderr or 'no audio and no message'}"
                )
            data = wav_file.read_bytes()
        return decode_wav(data, source=f"flite (voice {flite_voice!r})")

    def _check_voice(self, voice: str) -> str:
        if voice in _builtin_voices(self.binary):
            return voice
        if voice.endswith(".flitevox"):
            if not Path(voice).is_file():
                raise SynthesisError(f"flite voice file {voice!r} does not exist")
            return voice
        raise SynthesisError(
            f"unknown flite voice {voice!r}; built-in voices: "
            f"{', '.join(_builtin_voices(self.binary))} (or a path to a .flitevox file)"
        )


@cache
def _builtin_voices(binary: str) -> tuple[str, ...]:
    """Parsed from `flite -lv`: "Voices available: kal awb_time kal16 awb rms slt"."""
    try:
        done = subprocess.run([binary, "-lv"], capture_output=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SynthesisError(f"could not list flite voices with {binary!r}: {exc}") from exc
    listing = done.stdout.decode(errors="replace")
    _, _, names = listing.partition(":")
    voices = tuple(names.split())
    if not voices:
        raise SynthesisError(f"`{binary} -lv` listed no voices: {listing.strip()!r}")
    return voices
