"""Silero VAD for many calls at once: the packaged model's weights, our own batched forward.

The TorchScript model in `silero-vad` keeps the recurrent state of *one* stream inside itself and
resets it whenever the batch size changes, so it can only listen to one call per instance, at
~0.15–0.5 ms a chunk. Here the same network (STFT → four convolutions → LSTM cell → sigmoid) is
written out with the state held by the caller, so the chunks of every call that has one ready
go through in one forward: ~30 µs a chunk at a batch of 32 or more on this machine's cores.

The package holds two networks of that shape: one for 16 kHz (512-sample chunks) and one for
8 kHz (256-sample chunks, a 128-point STFT), which listens to the phone line as it arrives, with
no resampling. Weights are read from the package's own `silero_vad.jit` (the `.safetensors`
file shipped beside it holds another version); outputs match the TorchScript model to 1e-6.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CHUNKS = {16000: 512, 8000: 256}  # 32 ms: what each network was trained on
CONTEXTS = {16000: 64, 8000: 32}  # samples of the previous chunk seen before each chunk
HIDDEN = 128


@dataclass(eq=False)
class SileroState:
    """One stream's place in its model's state arrays (what the network remembers of the
    stream between chunks: the last samples, and the LSTM's h and c)."""

    slot: int


def packaged_model_path() -> Path:
    """The TorchScript file inside the installed `silero-vad`, found without importing the
    package (its `__init__` sets torch's thread count for the whole process)."""
    spec = importlib.util.find_spec("silero_vad")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the silero-vad package is not installed (pip install silero-vad)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "silero_vad.jit"
    if not path.exists():
        raise RuntimeError(f"silero-vad is installed but has no model at {path}")
    return path


class SileroModel:
    """One Silero VAD network (16 or 8 kHz) with explicit per-stream state. Thread-safe: it
    holds only weights; every call passes and gets back its streams' states."""

    _shared: dict[int, SileroModel] = {}
    _lock = threading.Lock()

    def __init__(self, sample_rate: int = 16000, path: str | Path | None = None) -> None:
        import torch

        if sample_rate not in CHUNKS:
            raise ValueError(f"Silero VAD runs at 8000 or 16000 Hz, not {sample_rate}")
        # One intra-op thread, for the whole process (as the silero-vad package itself sets on
        # import): the VAD runs on the event loop in small batches, where a second thread only
        # adds hand-offs, and on a busy 2-core machine OpenMP's waiting threads made a 1 ms
        # batch take 10-17 ms and stalled every call with it.
        torch.set_num_threads(1)
        self._torch = torch
        self._threads = threading.local()  # which threads have been held to one OpenMP thread
        self.sample_rate = sample_rate
        self.chunk_samples, self._context = CHUNKS[sample_rate], CONTEXTS[sample_rate]
        scripted = torch.jit.load(str(path or packaged_model_path()), map_location="cpu")
        network = scripted._model if sample_rate == 16000 else scripted._model_8k
        sd = {k: v.detach().float() for k, v in network.state_dict().items()}

        def im2col(w):  # conv weight [out, in, k] -> matmul weight [k*in, out]
            return w.permute(2, 1, 0).reshape(-1, w.shape[0]).contiguous()

        basis = sd["stft.forward_basis_buffer"]  # [2 * (n_fft/2 + 1), 1, n_fft]
        self._n_fft, self._bins = basis.shape[2], basis.shape[0] // 2
        self._stft = basis[:, 0, :].T.contiguous()  # [n_fft, 2 * bins]
        w1 = sd["encoder.0.reparam_conv.weight"]
        self._conv1 = (im2col(w1), sd["encoder.0.reparam_conv.bias"])
        # The STFT gives 4 frames; after conv1 the sequence is 4, 2, 1 long: small enough for
        # each later convolution to be one dense matrix product (one op instead of seven).
        self._dense = []
        length = 4
        for i, stride in ((1, 2), (2, 2), (3, 1)):
            w, b = sd[f"encoder.{i}.reparam_conv.weight"], sd[f"encoder.{i}.reparam_conv.bias"]
            matrix, length = _conv_matrix(w, length, stride)
            self._dense.append((matrix, b.repeat(length).contiguous()))
        self._lstm_w = torch.cat([sd["decoder.rnn.weight_ih"], sd["decoder.rnn.weight_hh"]], 1)
        self._lstm_w = self._lstm_w.T.contiguous()
        self._lstm_b = sd["decoder.rnn.bias_ih"] + sd["decoder.rnn.bias_hh"]
        self._out_w = sd["decoder.decoder.2.weight"][0, :, 0].contiguous()
        self._out_b = sd["decoder.decoder.2.bias"]
        # Every stream's state, one row each: a batch gathers and scatters its rows in one
        # operation per array instead of three small copies per stream.
        self._ctx = np.zeros((0, self._context), np.float32)
        self._h = np.zeros((0, HIDDEN), np.float32)
        self._c = np.zeros((0, HIDDEN), np.float32)
        self._free: list[int] = []
        self._rows = threading.Lock()

    @classmethod
    def shared(cls, sample_rate: int = 16000) -> SileroModel:
        """One model per rate and process (loading takes ~0.1 s; the weights are read-only)."""
        with cls._lock:
            if sample_rate not in cls._shared:
                cls._shared[sample_rate] = cls(sample_rate)
            return cls._shared[sample_rate]

    def new_state(self) -> SileroState:
        with self._rows:
            if not self._free:
                old = len(self._h)
                grow = max(16, old)
                self._ctx = np.concatenate([self._ctx, np.zeros((grow, self._context), np.float32)])
                self._h = np.concatenate([self._h, np.zeros((grow, HIDDEN), np.float32)])
                self._c = np.concatenate([self._c, np.zeros((grow, HIDDEN), np.float32)])
                self._free = list(range(old + grow - 1, old - 1, -1))
            slot = self._free.pop()
            self._ctx[slot], self._h[slot], self._c[slot] = 0.0, 0.0, 0.0
            return SileroState(slot)

    def release(self, state: SileroState) -> None:
        """The stream ended: its row may serve another."""
        with self._rows:
            if state.slot >= 0:
                self._free.append(state.slot)
                state.slot = -1

    def probabilities(self, chunks: np.ndarray, states: list[SileroState]) -> np.ndarray:
        """Speech probability of one chunk per stream; advances each stream's state."""
        torch = self._torch
        if not getattr(self._threads, "single", False):
            # OpenMP's thread count is per calling thread: `set_num_threads(1)` in __init__
            # holds the thread that loaded the model (a server loads it in an executor) and
            # threads that first touch torch later, but not one that used torch before (the
            # event loop, when anything on it ran a torch op first). Such a thread kept a team
            # of two: every op of every batch ended at a barrier waiting for the second
            # thread, which spun at up to 60% of a core and, on a busy machine, often waited
            # for a core itself - VAD results then fell behind the audio by seconds.
            torch.set_num_threads(1)
            self._threads.single = True
        chunks = np.asarray(chunks, np.float32)
        n, ctx = self.chunk_samples, self._context
        if chunks.ndim != 2 or chunks.shape[1] != n or len(chunks) != len(states):
            raise ValueError(
                f"Silero VAD at {self.sample_rate} Hz takes one {n}-sample chunk per state, "
                f"got {chunks.shape} for {len(states)} states"
            )
        rows = np.fromiter((s.slot for s in states), np.intp, len(states))
        if len(rows) and rows.min() < 0:
            raise ValueError("a released VAD state was used")
        with self._rows:
            # The previous chunk's tail, the chunk, and the reflection the STFT pads it with.
            x = np.concatenate([self._ctx[rows], chunks, chunks[:, -2 : -ctx - 2 : -1]], 1)
            h, c = torch.from_numpy(self._h[rows]), torch.from_numpy(self._c[rows])
        with torch.inference_mode():
            p, h, c = self._forward(x, h, c)
        with self._rows:
            self._ctx[rows] = chunks[:, -ctx:]
            self._h[rows], self._c[rows] = h.numpy(), c.numpy()
        return p.numpy()

    def _forward(self, x: np.ndarray, h, c):
        torch = self._torch
        batch, n_fft, bins = x.shape[0], self._n_fft, self._bins
        hop = n_fft // 2
        frames = np.lib.stride_tricks.as_strided(
            x, (batch, 4, n_fft), (x.strides[0], hop * x.strides[1], x.strides[1])
        )  # the STFT's 4 windows, read in place; one matrix product does the transform
        spec = torch.from_numpy(frames.reshape(batch * 4, n_fft)) @ self._stft
        m = torch.hypot(spec[:, :bins], spec[:, bins:]).reshape(batch, 4, bins)
        m = _conv3(m, *self._conv1)
        m = m.reshape(batch, -1)
        for matrix, bias in self._dense:
            m = torch.addmm(bias, m, matrix).relu_()
        gates = torch.addmm(self._lstm_b, torch.cat([m, h], 1), self._lstm_w)
        sig = torch.sigmoid(gates)
        c = torch.addcmul(sig[:, 128:256] * c, sig[:, :128], torch.tanh(gates[:, 256:384]))
        h = sig[:, 384:] * torch.tanh(c)
        p = torch.sigmoid(torch.addmv(self._out_b, torch.relu(h), self._out_w))
        return p, h, c


def _conv_matrix(w, length: int, stride: int):
    """A kernel-3, padding-1 convolution over `length` positions as one dense matrix from
    position-major input [length * C_in] to output [length' * C_out]; and length'."""
    import torch

    c_out, c_in, k = w.shape
    out_length = (length + 2 - k) // stride + 1
    matrix = torch.zeros(length * c_in, out_length * c_out)
    for o in range(out_length):
        for tap in range(k):
            i = o * stride + tap - 1
            if 0 <= i < length:
                matrix[i * c_in : (i + 1) * c_in, o * c_out : (o + 1) * c_out] += w[:, :, tap].T
    return matrix.contiguous(), out_length


def _conv3(x, w, b):
    """Kernel-3, padding-1, stride-1 convolution + ReLU on channels-last [B, L, C] input, as a
    matmul over its unfolded windows."""
    import torch

    batch, _, channels = x.shape
    cols = torch.nn.functional.pad(x, (0, 0, 1, 1)).unfold(1, 3, 1)  # [B, L, C, 3]
    cols = cols.transpose(2, 3).reshape(-1, 3 * channels)
    return torch.addmm(b, cols, w).relu_().reshape(batch, -1, w.shape[1])
