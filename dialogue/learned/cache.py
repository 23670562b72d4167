"""Fitted layers on disk, so a process's warm-up loads in milliseconds what took seconds to fit.

One file per task, language and data root, `<task>-<lang>-<root>-<key>.npz`, under
`$CARECALL_CACHE/learned/` (default `$XDG_CACHE_HOME/carecall/learned/`, else
`~/.cache/carecall/learned/`). Plain arrays only, written and read with `allow_pickle=False`:
the vocabulary (UTF-8), the weights and intercepts of `model.Binary` and
`model.Categories`, and the key again inside.

The key is a SHA-256 over everything the fit depends on: the training files (names and bytes),
the source of the feature and model code, of the language analysis the features come from and
of the safety rules and guard whose lexicons the concept features read (`features_en`),
and the versions of scikit-learn, kiwipiepy and lemminflect. Any change gives a new key, so a
stale entry is never found; an entry that does not load (truncated, corrupt, other shapes,
another key inside) is refitted and rewritten, never an error. A cache folder that cannot be
written is logged once and the layer is fitted in memory, as without a cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

from dialogue.learned import concepts_ko, data
from dialogue.learned.model import Binary, Categories

log = logging.getLogger(__name__)

FORMAT = "learned-cache-2"
_SEP = "\n"  # between feature names in the stored vocabulary (no feature has one)
_PACKAGES = ("scikit-learn", "kiwipiepy", "kiwipiepy-model", "lemminflect")
_HERE = Path(__file__).resolve().parent
_CODE = (
    _HERE / "data.py",  # how the files are read (the agent's own lines, sentence by sentence)
    *sorted(_HERE.glob("features*.py")),  # a language's concept features too (`CONCEPTS`)
    _HERE / "model.py",
    *sorted((_HERE.parent / "analysis").glob("*.py")),
    *concepts_ko.SOURCES,  # Korean concept features: their lexicons and scope helpers
    # the concept features read the rules' lexicons and rules: an edit there changes the rows
    *sorted((_HERE.parent / "safety").glob("*.py")),
    *sorted(_HERE.parent.glob("guard*.py")),
)


def folder() -> Path:
    base = os.environ.get("CARECALL_CACHE")
    if base:
        return Path(base) / "learned"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "carecall" / "learned"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def key(task: str, lang: str, root: Path | None = None) -> str:
    """What the fit of `task`/`lang` depends on, hashed (see the module's docstring)."""
    root = root or data.data_root()
    h = hashlib.sha256(f"{FORMAT}\0{task}\0{lang}\0".encode())
    for path in data.files(task, lang, root):
        h.update(str(path.relative_to(root)).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for path in _CODE:
        h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for package in _PACKAGES:
        h.update(f"{package}={_version(package)}\0".encode())
    return h.hexdigest()[:32]


def _prefix(task: str, lang: str) -> str:
    """Entries of one task, language and data root (a test's root never evicts the real one)."""
    root = hashlib.sha256(str(data.data_root().resolve()).encode()).hexdigest()[:8]
    return f"{task}-{lang}-{root}-"


def path(task: str, lang: str, digest: str) -> Path:
    return folder() / f"{_prefix(task, lang)}{digest}.npz"


def load(task: str, lang: str, digest: str) -> tuple[Binary, Categories] | None:
    """The fitted models of the entry, or None where there is none or it does not load."""
    file = path(task, lang, digest)
    if not file.is_file():
        return None
    try:
        with np.load(file, allow_pickle=False) as npz:
            a = {name: npz[name] for name in npz.files}
        if str(a["key"]) != digest:
            raise ValueError("another key inside")
        vocab = a["vocab"].tobytes().decode("utf-8").split(_SEP)
        binary = Binary.from_arrays(vocab, a)
        categories = Categories.from_arrays([vocab[i] for i in a["cat_vocab"].tolist()], a)
    except Exception as exc:  # a damaged entry is refitted, whatever is wrong with it
        log.warning("learned layer: cache entry %s unusable (%s); refitting", file, exc)
        return None
    return binary, categories


def store(task: str, lang: str, digest: str, binary: Binary, categories: Categories) -> bool:
    """Write the entry atomically (a reader never sees half a file); drop the older entries
    of the task, language and data root. False (logged) where the folder cannot be written."""
    target = path(task, lang, digest)
    if any(_SEP in f for f in binary.vocab) or not set(categories.vocab) <= binary.vocab.keys():
        return False  # not representable as stored (never so for `fit_rows`' models)
    arrays = {
        "key": np.asarray(digest),
        # the vocabulary as one UTF-8 buffer (fast to read); the categories' as indices into it
        "vocab": np.frombuffer(_SEP.join(binary.vocab).encode("utf-8"), dtype=np.uint8),
        "cat_vocab": np.asarray([binary.vocab[f] for f in categories.vocab], dtype=np.int64),
        **binary.arrays(),
        **categories.arrays(),
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **arrays)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for old in target.parent.glob(f"{_prefix(task, lang)}*.npz"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("learned layer: cannot write the cache at %s (%s)", target.parent, exc)
        return False
    return True
