"""`carecall serve` under a Python audit hook that records every file the process opens.

    python bench/audited_serve.py OPENS.jsonl serve --port 0 --output-dir DIR ...

Each `open` (Python's and `os.open`) is one JSON line: monotonic time, path, whether it could
write, and whether the path existed. `bench/bench_attacks.py` reads it to count files written
outside the output folder and files read outside the scenario catalogue while attacks ran.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def main() -> int:
    log_path, argv = sys.argv[1], sys.argv[2:]
    log = open(log_path, "w", buffering=1, encoding="utf-8")  # noqa: SIM115 (lives with us)
    busy = False

    def hook(event: str, args: tuple) -> None:
        nonlocal busy
        if event != "open" or busy:
            return
        busy = True
        try:
            path, mode, flags = args
            if isinstance(path, int) or path is None:
                return
            path = os.fsdecode(path)
            writes = bool(mode and any(c in mode for c in "wax+")) or bool(
                (flags or 0) & _WRITE_FLAGS
            )
            log.write(
                json.dumps({"t": time.monotonic(), "path": os.path.abspath(path), "w": writes})
                + "\n"
            )
        except Exception:
            pass
        finally:
            busy = False

    sys.addaudithook(hook)
    from carecall.cli import main as carecall

    return carecall(argv)


if __name__ == "__main__":
    sys.exit(main())
