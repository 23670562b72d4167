"""Where a call's files may go: ids from the wire are checked, every path stays in its folder.

A call's folder is named by its call id, and the call id arrives in the `start` message: from
Twilio, or from anybody who can open the websocket. A `callSid` of `../../x` or `/tmp/x` once
made the server write a call's recording, report and transcript outside its output folder.
So a call id is used as a folder name only when it has the exact shape of Twilio's
(`CA` + 32 lowercase hex digits); any other value is kept only as data and the call gets an id
the server makes. And every write goes through `inside`, which refuses a path that resolves
(symbolic links followed) outside its root, whatever the id looked like.

Call files hold health data: folders are created owner-only (0700) and files 0600.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

CALL_SID = re.compile(r"CA[0-9a-f]{32}")
DIR_MODE = 0o700
FILE_MODE = 0o600


class OutsideFolder(ValueError):
    """A path would leave the folder it must stay in."""


def new_call_sid() -> str:
    return "CA" + secrets.token_hex(16)


def is_call_sid(value: object) -> bool:
    return isinstance(value, str) and CALL_SID.fullmatch(value) is not None


def safe_call_sid(given: object) -> str:
    """`given` when it is a Twilio call id, else a new one the server makes."""
    return given if is_call_sid(given) else new_call_sid()


def inside(root: str | Path, *parts: str) -> Path:
    """`root/parts…`, resolved, after checking it stays inside `root` (resolved too).

    Each part must be one plain name: no separators, no `.`/`..`, no NUL. Raises
    OutsideFolder otherwise, or when a symbolic link on the way points out of `root`."""
    base = Path(root).resolve()
    for part in parts:
        if (
            not isinstance(part, str)
            or part in ("", ".", "..")
            or "/" in part
            or "\\" in part
            or "\0" in part
        ):
            raise OutsideFolder(f"not a plain file name: {part[:80]!r}")
    path = base.joinpath(*parts).resolve()
    if path != base and not path.is_relative_to(base):
        raise OutsideFolder(f"{path} is outside {base}")
    return path


def private_dir(path: str | Path) -> Path:
    """Create `path` (and missing parents) owner-only; an existing folder is tightened."""
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def write_private(path: str | Path, data: str | bytes) -> Path:
    """Write a whole file, owner-only (0600), atomically (a reader sees the old file or the
    new one), never following a symbolic link planted at the temporary name."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
