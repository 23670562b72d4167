"""espeak-ng: the embedded default voice, Korean and English, with no model weights at all.

espeak-ng is a formant synthesizer: robotic, but it ships with Debian, speaks both of our
languages, and renders a 5 s Korean sentence in about 10 ms, so it costs nothing next to ASR
and the dialogue model. It runs as a subprocess per utterance (`espeak-ng --stdout --stdin`):
no shell, the text goes in on stdin, so text that starts with '-' is never read as an option.
Without `-m` espeak-ng reads '<' and '&' as plain text, not SSML; the one markup it honours in
plain text, `[[phonemes]]`, is broken up before the text goes in.

Speed: espeak-ng's default is 175 words per minute. Our listeners are mostly elderly, and
slower speech is easier to follow for older listeners and over a narrow-band phone line, so
the default here is 150 (about 15% slower); `rate` scales it per utterance.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from telephony.audio import Audio
from tts import SynthesisError
from tts._wav import check_rate, check_text, decode_wav

# espeak-ng voice for each language we speak; other codes are passed through as espeak voices.
LANGUAGE_VOICES = {"en": "en-us", "ko": "ko"}
DEFAULT_WORDS_PER_MINUTE = 150
MIN_WPM, MAX_WPM = 80, 450  # espeak-ng's own floor; above ~450 words run together
TIMEOUT_S = 30.0

_PHONEME_OPEN = re.compile(r"\[(?=\[)")  # "[[" starts espeak's phoneme input
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_INSTALL_HINT = "install it with `apt-get install espeak-ng`"


class EspeakSynthesizer:
    """`Synthesizer` backed by the `espeak-ng` binary.

    `default_voice` is either a full espeak voice ("en-us+f3"), used for every language, or a
    variant alone ("+f3"), added to each language's own voice so that one setting gives the
    agent the same character in Korean and English. `voice` per call works the same way.
    """

    def __init__(
        self,
        default_voice: str | None = None,
        pitch: int = 50,
        words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
        *,
        binary: str = "espeak-ng",
    ) -> None:
        if not 0 <= pitch <= 99:
            raise ValueError(f"espeak-ng pitch must be 0..99, got {pitch!r}")
        if not MIN_WPM <= words_per_minute <= MAX_WPM:
            raise ValueError(
                f"words_per_minute must be {MIN_WPM}..{MAX_WPM}, got {words_per_minute!r}"
            )
        path = shutil.which(binary)
        if path is None:
            raise SynthesisError(f"espeak-ng binary {binary!r} not found on PATH; {_INSTALL_HINT}")
        self.binary = path
        self.default_voice = default_voice
        self.pitch = pitch
        self.words_per_minute = words_per_minute

    @property
    def settings(self) -> dict[str, object]:
        """What shapes the sound besides the call arguments (part of a phrase-cache key)."""
        return {
            "backend": "espeak-ng",
            "default_voice": self.default_voice,
            "pitch": self.pitch,
            "words_per_minute": self.words_per_minute,
        }

    def voice_for(self, language: str, voice: str | None = None) -> str:
        chosen = voice if voice is not None else self.default_voice
        base = LANGUAGE_VOICES.get(language, language)
        if not chosen:
            return base
        return base + chosen if chosen.startswith("+") else chosen

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        text = check_text(text, "espeak-ng")
        rate = check_rate(rate, "espeak-ng")
        wpm = min(MAX_WPM, max(MIN_WPM, round(self.words_per_minute * rate)))
        espeak_voice = self.voice_for(language, voice)
        command = [self.binary, "--stdout", "--stdin", "-b", "1"]
        command += ["-v", espeak_voice, "-s", str(wpm), "-p", str(self.pitch)]
        try:
            done = subprocess.run(
                command, input=_plain(text).encode(), capture_output=True, timeout=TIMEOUT_S
            )
        except FileNotFoundError as exc:
            raise SynthesisError(
                f"espeak-ng binary {self.binary!r} vanished; {_INSTALL_HINT}"
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise SynthesisError(
                f"espeak-ng took over {TIMEOUT_S:.0f} s for {text[:40]!r}"
            ) from exc
        stderr = done.stderr.decode(errors="replace").strip()
        if done.returncode != 0 or not done.stdout:
            # An unknown voice exits 0 with nothing on stdout and the reason on stderr.
            raise SynthesisError(
                f"espeak-ng (voice {espeak_voice!r}) failed with exit code {done.returncode}: "
                f"{stderr or 'no audio and no message'}"
            )
        return decode_wav(done.stdout, source=f"espeak-ng (voice {espeak_voice!r})")


def _plain(text: str) -> str:
    """Text that espeak-ng reads only as words: no phoneme brackets, no control characters."""
    return _PHONEME_OPEN.sub("[ ", _CONTROL.sub(" ", text))
