"""`bench/bench_concurrency.py --against REV`: an older commit's tree to run its own server
from (the figures themselves are never asserted: they depend on the machine and its load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bench_concurrency  # noqa: E402


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout


@pytest.mark.skipif(not _git("rev-parse", "HEAD"), reason="not a git checkout")
def test_an_older_commit_is_its_own_tree(tmp_path):
    rev = _git("rev-list", "-1", "HEAD~1", "--", "bench/bench_concurrency.py").strip()
    if not rev:
        pytest.skip("no earlier commit of the bench here (shallow clone)")
    tree = bench_concurrency.tree_of(rev, tmp_path)
    old = _git("show", f"{rev}:bench/bench_concurrency.py")
    assert (tree / "bench" / "bench_concurrency.py").read_text() == old
    assert (tree / "telephony" / "server.py").is_file() and tree != bench_concurrency.HERE
    with pytest.raises(SystemExit, match="not-a-commit"):
        bench_concurrency.tree_of("not-a-commit", tmp_path)
