"""`bench/bench_concurrency.py --against REV`: an older commit's tree to run its own server
from (the figures themselves are never asserted: they depend on the machine and its load)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bench_concurrency, benchkit  # noqa: E402


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout


@pytest.mark.skipif(not _git("rev-parse", "HEAD"), reason="not a git checkout")
def test_an_older_commit_is_its_own_tree(tmp_path):
    rev = _git("rev-list", "-1", "HEAD~1", "--", "bench/bench_concurrency.py").strip()
    if not rev:
        pytest.skip("no earlier commit of the bench here (shallow clone)")
    tree = benchkit.tree_of(rev, tmp_path, "bench/bench_concurrency.py")
    old = _git("show", f"{rev}:bench/bench_concurrency.py")
    assert (tree / "bench" / "bench_concurrency.py").read_text() == old
    assert (tree / "telephony" / "server.py").is_file() and tree != bench_concurrency.HERE
    with pytest.raises(SystemExit, match="not-a-commit"):
        benchkit.tree_of("not-a-commit", tmp_path, "bench/bench_concurrency.py")


def test_the_latency_figures_are_read_from_a_runs_printout():
    from bench import bench_latency

    printout = """agent=models, 1 line(s), 7 turns answered (end-of-turn silence 1500 ms); ms
stage                                   p50      p95
endpointing                          1512.0   1530.5
asr                                   530.2    610.9
encode                                  0.3      0.5
send                                    4.8     12.0
voice-to-voice at the phone          2151.1   2208.0   (7 turns)
framework overhead per turn (queue + encode + send): p50 3.6 ms, p95 4.7 ms
"""
    figures = bench_latency.latency_figures(printout)
    assert figures["overhead"] == (3.6, 4.7)
    assert figures["v2v"] == (2151.1, 2208.0)
    assert figures["asr"] == (530.2, 610.9) and figures["send"] == (4.8, 12.0)
    assert figures["turns"] == (7.0, 7.0)
    assert "overhead" not in bench_latency.latency_figures(printout.replace("framework", "x"))
