"""Choosing a synthesizer from a setting or a persona's voice spec ("flite:slt", "espeak:ko")."""

from __future__ import annotations

from tts import Synthesizer


def make_synthesizer(kind: str, model: str | None = None) -> Synthesizer:
    if kind == "espeak":
        from tts.espeak import EspeakSynthesizer

        return EspeakSynthesizer()
    if kind == "flite":
        from tts.flite import FliteSynthesizer

        return FliteSynthesizer()
    if kind == "coqui":
        if not model:
            raise ValueError(
                "the coqui voice needs --tts-model (a model name or a checkpoint path)"
            )
        from tts.coqui import CoquiSynthesizer

        return CoquiSynthesizer(model)
    raise ValueError(f"unknown voice backend {kind!r}: choose espeak, flite or coqui")


def parse_voice(spec: str | None, default_backend: str = "espeak") -> tuple[str, str | None]:
    """'flite:slt' -> ('flite', 'slt'); 'en-us+f3' -> (default_backend, 'en-us+f3')."""
    if not spec:
        return default_backend, None
    backend, sep, voice = spec.partition(":")
    if sep and backend in ("espeak", "flite", "coqui"):
        return backend, voice or None
    return default_backend, spec
