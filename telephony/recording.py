"""Stereo call recordings: left = the person (inbound), right = the agent (outbound).

Both tracks are indexed by 20 ms line frames, so they stay aligned however the call was paced.
The recorder writes with the standard `wave` module so it works wherever the call does, and it
can be saved at any moment: a call that breaks off still leaves what was recorded so far.
"""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np

from telephony.audio import LINE_RATE


class StereoRecorder:
    def __init__(self, sample_rate: int = LINE_RATE) -> None:
        self.sample_rate = sample_rate
        self._left: list[np.ndarray] = []
        self._recent: list[np.ndarray] = []  # frames since the last block of 1024
        self._left_len = 0
        self._right = np.zeros(0, np.int16)
        self._right_end = 0

    @property
    def left_samples(self) -> int:
        return self._left_len

    def add_left(self, pcm: np.ndarray) -> None:
        """Append the person's audio (int16) in arrival order."""
        self._recent.append(np.asarray(pcm, np.int16))
        self._left_len += len(pcm)
        if len(self._recent) >= 1024:  # 20 s of frames: one array instead of a thousand
            self._left.append(np.concatenate(self._recent))
            self._recent = []

    def drop_audio(self) -> None:
        """Forget the audio (once saved), keeping the length of the call."""
        self._left, self._recent = [], []
        self._right = np.zeros(0, np.int16)
        self._right_end = 0

    def add_right(self, pcm: np.ndarray, at_sample: int) -> None:
        """Write the agent's audio (int16) at a position on the shared timeline."""
        pcm = np.asarray(pcm, np.int16)
        end = at_sample + len(pcm)
        if end > len(self._right):
            grown = np.zeros(max(end, 2 * len(self._right)), np.int16)
            grown[: len(self._right)] = self._right
            self._right = grown
        self._right[at_sample:end] = pcm
        self._right_end = max(self._right_end, end)

    def mixed(self, start: int) -> np.ndarray:
        """Both sides mixed to mono (int16), from sample `start` to the person's audio so far:
        what a listener in on the live call hears (the agent's side is cut at the same point,
        though it may be queued further)."""
        end = self._left_len
        if start >= end:
            return np.zeros(0, np.int16)
        left, have = [], end
        for part in reversed(self._left + self._recent):  # only the tail is read
            if have <= start:
                break
            left.append(part[max(0, start - (have - len(part))) :])
            have -= len(part)
        if not left:  # the audio was dropped (the call has ended)
            return np.zeros(0, np.int16)
        mix = np.concatenate(left[::-1]).astype(np.int32)
        right = self._right[start : min(end, self._right_end)]
        mix[: len(right)] += right
        return np.clip(mix, -32768, 32767).astype(np.int16)

    def stereo(self) -> np.ndarray:
        parts = self._left + self._recent
        left = np.concatenate(parts) if parts else np.zeros(0, np.int16)
        right = self._right[: self._right_end]
        n = max(len(left), len(right))
        out = np.zeros((n, 2), np.int16)
        out[: len(left), 0] = left
        out[: len(right), 1] = right
        return out

    def save(self, path: str | Path) -> Path:
        """Write the stereo WAV atomically, owner-only (0600: it is a person's voice); the
        folder is created owner-only too."""
        from telephony.files import FILE_MODE, private_dir

        path = Path(path)
        private_dir(path.parent)
        frames = self.stereo()
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        with os.fdopen(fd, "wb") as f, wave.open(f, "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(self.sample_rate)
            w.writeframes(frames.astype("<i2").tobytes())
        tmp.replace(path)
        return path
