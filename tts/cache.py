"""A phrase cache on disk: the fixed prompts of a scenario are synthesized once, not per call.

Most of what a check-in agent says is fixed text (greetings, the questions, goodbyes), and a
neural voice spends 0.2–0.3 s of CPU per second of speech on it; served from disk it costs a
file read. The key is a hash of everything that shapes the sound: text, language, voice,
rate, the backend's id (model name or checkpoint) and its settings, so changing any of them
can never serve stale audio.

Each entry is one `.npz` file (samples, sample rate, the key's own description and a digest
of the samples). Writes go to a temporary file in the same directory and are renamed into
place, so readers in other threads or processes see a whole entry or none. An entry that does
not load, or whose digest or description does not match, is logged and synthesized again.
Entries are not fsynced: a write costs a few milliseconds of an uncached sentence's time to
the line, and an entry a power cut left torn fails its digest and is simply made again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from telephony.audio import Audio
from tts import Synthesizer

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1


class PhraseCache:
    """Caching `Synthesizer` wrapper. `settings` defaults to the synthesizer's `settings`."""

    def __init__(
        self,
        directory: str | os.PathLike[str],
        synthesizer: Synthesizer,
        backend_id: str,
        settings: Mapping[str, object] | None = None,
    ) -> None:
        if not backend_id:
            raise ValueError("PhraseCache needs a backend_id (e.g. 'espeak-ng' or a model name)")
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.synthesizer = synthesizer
        self.backend_id = backend_id
        if settings is None:
            settings = getattr(synthesizer, "settings", None) or {}
        self.settings = dict(settings)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def describe(
        self, text: str, *, language: str, voice: str | None, rate: float
    ) -> dict[str, object]:
        """Everything the key is made of, as stored in the entry (for people and for checks)."""
        return {
            "format": FORMAT_VERSION,
            "text": text,
            "language": language,
            "voice": voice,
            "rate": float(rate),
            "backend": self.backend_id,
            "settings": self.settings,
        }

    def key(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> str:
        description = self.describe(text, language=language, voice=voice, rate=rate)
        return hashlib.sha256(_canonical(description).encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.npz"

    def get_or_synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        description = self.describe(text, language=language, voice=voice, rate=rate)
        key = self.key(text, language=language, voice=voice, rate=rate)
        path = self.path(key)
        audio = self._load(path, description)
        if audio is not None:
            return audio
        # One synthesis per phrase in this process, however many threads ask at once.
        with self._lock_for(key):
            audio = self._load(path, description)
            if audio is None:
                audio = self.synthesizer.synthesize(text, language=language, voice=voice, rate=rate)
                self._store(path, description, audio)
        return audio

    # A cache is itself a Synthesizer, so it can stand wherever one is expected.
    synthesize = get_or_synthesize

    def contains(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> bool:
        description = self.describe(text, language=language, voice=voice, rate=rate)
        path = self.path(self.key(text, language=language, voice=voice, rate=rate))
        return self._load(path, description, quiet=True) is not None

    def warm(
        self,
        texts: Iterable[str],
        *,
        language: str = "en",
        voice: str | None = None,
        rate: float = 1.0,
    ) -> int:
        """Synthesize what is not cached yet (a scenario's fixed prompts); returns how many."""
        made = 0
        for text in dict.fromkeys(texts):  # each distinct text once, in order
            if not self.contains(text, language=language, voice=voice, rate=rate):
                self.get_or_synthesize(text, language=language, voice=voice, rate=rate)
                made += 1
        return made

    def _lock_for(self, key: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    def _load(
        self, path: Path, description: dict[str, object], *, quiet: bool = False
    ) -> Audio | None:
        if not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as entry:
                samples = np.array(entry["samples"], dtype=np.float32)
                sample_rate = int(entry["sample_rate"])
                stored = str(entry["description"])
                digest = str(entry["digest"])
            if stored != _canonical(description):
                raise ValueError("entry belongs to a different phrase")
            if digest != _digest(samples):
                raise ValueError("samples do not match their digest")
            return Audio(samples, sample_rate)
        except Exception as exc:  # whatever is wrong with an entry, it is simply made again
            if not quiet:
                logger.warning(
                    "phrase cache entry %s is corrupt (%s); synthesizing again", path, exc
                )
            return None

    def _store(self, path: Path, description: dict[str, object], audio: Audio) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(
                    f,
                    samples=audio.samples,
                    sample_rate=np.int64(audio.sample_rate),
                    description=np.str_(_canonical(description)),
                    digest=np.str_(_digest(audio.samples)),
                )
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _canonical(description: Mapping[str, object]) -> str:
    return json.dumps(description, sort_keys=True, ensure_ascii=False, default=str)


def _digest(samples: np.ndarray) -> str:
    return hashlib.blake2b(np.ascontiguousarray(samples, dtype=np.float32).tobytes()).hexdigest()
