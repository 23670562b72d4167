"""Import Coqui TTS (`coqui-tts`, import name `TTS`) where torchaudio and torchcodec are missing.

What fails, measured with coqui-tts 0.28 and CPU torch 2.13: `TTS/__init__.py` raises
ImportError unless `torchaudio` is importable, and on torch >= 2.9 unless `torchcodec` is too
(it only asks `importlib.util.find_spec`; nothing on the inference path imports torchcodec).
Their only wheels for torch 2.13 are CUDA builds that fail against the CPU torch. Importing a
submodule does not help, because Python runs `TTS/__init__.py` first. Past that check,
`TTS.tts.models.vits` and `TTS.encoder.models.base_encoder` import torchaudio at the top but
use it only to read training audio and resample for the speaker encoder; VITS and XTTS
inference, checkpoint loading and `TTS.api.TTS` never call it.

So, while Coqui is imported and a model is built, and only then, each of the two that cannot
be imported is stood in for by an empty module whose attributes raise an error naming the
missing package. Afterwards the stand-ins leave `sys.modules`: other libraries importing
torchaudio later get the ordinary ImportError, and only the Coqui modules that bound the name
at import keep the stand-in, which fails loudly if a training-only path is ever reached.
Where the real packages import (a CUDA machine), nothing is stood in for.

`six`, which coqui-tts imports without declaring, is a declared dependency of carecall.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

MISSING_OK = ("torchaudio", "torchcodec")
_lock = threading.RLock()


class _Absent(types.ModuleType):
    """A module that is known to be missing: any attribute access says so."""

    def __getattr__(self, attribute: str) -> object:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        raise AttributeError(
            f"{self.__name__}.{attribute} is unavailable: {self.__name__} is not installed "
            f"(carecall loads Coqui TTS without it; see tts/_coqui_import.py). Only Coqui's "
            f"training and voice-cloning audio paths need it."
        )


def _importable(name: str) -> bool:
    if name in sys.modules and not isinstance(sys.modules[name], _Absent):
        return True
    if importlib.util.find_spec(name) is None:
        return False
    try:
        importlib.import_module(name)
    except Exception:  # a wheel built for another torch fails in many ways (OSError, ImportError)
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[loaded]
        return False
    return True


@contextmanager
def coqui_environment() -> Iterator[None]:
    """Run the body (importing `TTS`, building a model) with stand-ins for what is missing."""
    with _lock:
        installed = []
        for name in MISSING_OK:
            if not _importable(name):
                absent = _Absent(name)
                absent.__spec__ = importlib.machinery.ModuleSpec(name, loader=None)
                absent.__version__ = "0"  # coqui logs the version it finds
                sys.modules[name] = absent
                installed.append(name)
        try:
            yield
        finally:
            for name in installed:
                if isinstance(sys.modules.get(name), _Absent):
                    del sys.modules[name]


def import_coqui_api() -> types.ModuleType:
    """`TTS.api`, imported whether or not torchaudio and torchcodec can be."""
    with coqui_environment():
        try:
            return importlib.import_module("TTS.api")
        except ImportError as exc:
            raise ImportError(
                f"Coqui TTS could not be imported ({exc}); install it with "
                "`pip install coqui-tts six` (after `pip install torch==<your torch>`)"
            ) from exc
