"""Coqui TTS (`coqui-tts`, import `TTS`): neural voices; VITS for one language, XTTS-v2 for Korean.

A model is given either by Coqui name ("tts_models/en/vctk/vits",
"tts_models/multilingual/multi-dataset/xtts_v2"), which Coqui downloads into its user data
directory on a connected machine (XTTS asks to accept its licence first: set
`COQUI_TOS_AGREED=1` once you have), or by a local checkpoint file or directory plus its
`config.json`. Loading goes through `TTS.api.TTS`, Coqui's own public entry point, inside
`coqui_environment()` (see `tts/_coqui_import.py` for why that is needed on CPU torch).

Behaviour that matters on a phone line:
- text is split into sentences here (`tts.sentences`, which knows Korean), not by Coqui's
  pySBD, which has no Korean and would fall back to English rules;
- VITS and XTTS sample noise, so every utterance is drawn from a generator seeded with
  `seed`: the same text gives the same audio, which a phrase cache and tests rely on
  (`seed=None` draws fresh noise each time);
- `rate` maps to VITS's `length_scale` and to XTTS's `speed`; other architectures speak at
  their own pace (a warning says so once);
- one model serves one utterance at a time (a lock): torch already uses every core for one.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import numpy as np
import torch

from telephony.audio import INTERNAL_RATE, Audio
from telephony.resample import resample
from tts import SynthesisError
from tts._coqui_import import coqui_environment, import_coqui_api
from tts._wav import check_rate, check_text
from tts.sentences import split_sentences

logger = logging.getLogger(__name__)

DEFAULT_CONFIG_NAME = "config.json"
# Architectures that Coqui loads from a whole directory; others want the checkpoint file.
DIRECTORY_MODELS = frozenset({"xtts", "tortoise", "bark"})
CHECKPOINT_NAMES = ("model.pth", "best_model.pth", "model_file.pth", "checkpoint.pth")


class CoquiSynthesizer:
    """`Synthesizer` for a Coqui TTS model, by name or by local checkpoint path.

    `speaker` is the default speaker of a multi-speaker model (`voice` per call overrides it;
    with neither, the model's first speaker). `language` is the language a single-language
    model speaks, so that a call in another language is refused instead of mumbled; a
    multilingual model (XTTS) takes each call's language.
    """

    def __init__(
        self,
        model: str | Path,
        config: str | Path | None = None,
        speaker: str | None = None,
        language: str | None = None,
        device: str = "cpu",
        *,
        seed: int | None = 0,
        bf16: bool = False,
    ) -> None:
        if not (device == "cpu" or device.startswith("cuda")):
            raise ValueError(f"device must be 'cpu' or 'cuda[:N]', got {device!r}")
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise SynthesisError(f"device {device!r} asked for, but torch sees no CUDA device")
        self.model_id = str(model)
        self.language = language
        self.device = device
        self.seed = seed
        self.bf16 = bf16
        api = import_coqui_api()
        with coqui_environment():
            self._tts = _load(api, model, config).to(device)
        synthesizer = self._tts.synthesizer
        self._model = synthesizer.tts_model
        self.sample_rate = int(synthesizer.output_sample_rate)
        self.speakers: list[str] = list(self._tts.speakers or [])
        self.languages: list[str] = list(self._tts.languages or [])
        if speaker is not None and self.speakers and speaker not in self.speakers:
            raise SynthesisError(f"model {self.model_id!r} has no speaker {speaker!r}")
        self.speaker = speaker if speaker is not None else (self.speakers or [None])[0]
        self._base_length_scale = getattr(self._model, "length_scale", None)
        self._architecture = type(self._model).__name__.lower()
        self._lock = threading.Lock()
        self._warned_rate = False
        # A retrained checkpoint at the same path must not be served from a phrase cache.
        path = Path(model)
        self._stamp = f"{path.stat().st_size}:{path.stat().st_mtime_ns}" if path.is_file() else None

    @property
    def settings(self) -> dict[str, object]:
        """What shapes the sound besides the call arguments (part of a phrase-cache key)."""
        return {
            "backend": "coqui",
            "model": self.model_id,
            "checkpoint": self._stamp,
            "speaker": self.speaker,
            "language": self.language,
            "seed": self.seed,
            "bf16": self.bf16,
        }

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        text = check_text(text, f"coqui {self.model_id}")
        rate = check_rate(rate, f"coqui {self.model_id}")
        speaker = voice if voice is not None else self.speaker
        if self.speakers and speaker not in self.speakers:
            raise SynthesisError(f"model {self.model_id!r} has no speaker {speaker!r}")
        model_language = self._model_language(language)
        pieces = split_sentences(text, language) or [text]
        with self._lock, self._speed(rate) as extra, torch.inference_mode(), self._autocast():
            waves = []
            for index, sentence in enumerate(pieces):
                with self._noise(index):
                    try:
                        wav = self._tts.tts(
                            sentence,
                            speaker=speaker,
                            language=model_language,
                            split_sentences=False,
                            **extra,
                        )
                    except (RuntimeError, ValueError, IndexError, KeyError) as exc:
                        raise SynthesisError(
                            f"coqui {self.model_id} failed on {sentence[:60]!r}: {exc}"
                        ) from exc
                waves.append(np.asarray(wav, dtype=np.float32).reshape(-1))
        # Coqui pads every sentence with 10000 zero samples; the last pad would only delay
        # the end-of-utterance mark on the line, so it goes.
        samples = np.trim_zeros(np.concatenate(waves), "b")
        if samples.size == 0:
            raise SynthesisError(f"coqui {self.model_id} produced no audio for {text[:40]!r}")
        if not np.all(np.isfinite(samples)):
            raise SynthesisError(f"coqui {self.model_id} produced non-finite samples")
        samples = np.clip(resample(samples, self.sample_rate, INTERNAL_RATE), -1.0, 1.0)
        return Audio(samples, INTERNAL_RATE)

    def _model_language(self, language: str) -> str | None:
        if self.languages:
            if language not in self.languages:
                raise SynthesisError(
                    f"model {self.model_id!r} speaks {', '.join(self.languages)}; not {language!r}"
                )
            return language
        if self.language is not None and language != self.language:
            raise SynthesisError(
                f"model {self.model_id!r} speaks {self.language!r} only; not {language!r}"
            )
        return None

    @contextmanager
    def _speed(self, rate: float) -> Iterator[dict[str, Any]]:
        """Yields the keyword arguments that make this architecture speak at `rate`."""
        if rate == 1.0:
            yield {}
        elif "xtts" in self._architecture:
            yield {"speed": rate}
        elif self._base_length_scale is not None:
            self._model.length_scale = self._base_length_scale / rate
            try:
                yield {}
            finally:
                self._model.length_scale = self._base_length_scale
        else:
            if not self._warned_rate:
                logger.warning("%s cannot change its speaking rate; ignoring it", self.model_id)
                self._warned_rate = True
            yield {}

    @contextmanager
    def _noise(self, index: int) -> Iterator[None]:
        """Seeds torch for one sentence and puts the generators' previous state back after."""
        if self.seed is None:
            yield
            return
        devices = [torch.device(self.device)] if self.device.startswith("cuda") else []
        with torch.random.fork_rng(devices=devices):
            torch.manual_seed(self.seed + index)
            yield

    def _autocast(self) -> AbstractContextManager[Any]:
        if not self.bf16:
            return nullcontext()
        return torch.autocast(device_type=self.device.split(":")[0], dtype=torch.bfloat16)


def _load(api: Any, model: str | Path, config: str | Path | None) -> Any:
    path = Path(model)
    if path.exists():
        directory = path if path.is_dir() else path.parent
        config_path = Path(config) if config is not None else directory / DEFAULT_CONFIG_NAME
        if not config_path.is_file():
            raise SynthesisError(
                f"no Coqui config for checkpoint {path}: {config_path} does not exist "
                f"(pass config=...)"
            )
        if path.is_dir() and _architecture(config_path) not in DIRECTORY_MODELS:
            path = _checkpoint_in(path)
        try:
            return api.TTS(model_path=str(path), config_path=str(config_path), progress_bar=False)
        except Exception as exc:
            raise SynthesisError(
                f"could not load Coqui checkpoint {path} ({config_path}): {exc}"
            ) from exc
    name = str(model)
    if config is not None or not name.startswith(("tts_models/", "xtts")):
        raise SynthesisError(
            f"no Coqui checkpoint at {name!r}, and it is not a Coqui model name "
            "like 'tts_models/en/vctk/vits'"
        )
    try:
        return api.TTS(model_name=name, progress_bar=False)
    except Exception as exc:
        raise SynthesisError(
            f"could not load Coqui model {name!r} (named models download on first use; "
            f"this machine may be offline): {exc}"
        ) from exc


def _architecture(config_path: Path) -> str:
    try:
        return str(json.loads(config_path.read_text(encoding="utf-8")).get("model", "")).lower()
    except (OSError, ValueError, AttributeError) as exc:
        raise SynthesisError(f"Coqui config {config_path} is not a JSON object: {exc}") from exc


def _checkpoint_in(directory: Path) -> Path:
    for name in CHECKPOINT_NAMES:
        if (directory / name).is_file():
            return directory / name
    found = sorted(p.name for p in directory.glob("*.pth")) or ["none"]
    raise SynthesisError(
        f"no Coqui checkpoint in {directory}: looked for {', '.join(CHECKPOINT_NAMES)}; "
        f".pth files there: {', '.join(found)}"
    )
