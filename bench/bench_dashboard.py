"""Dashboard page renders with 1,000 people and 10,000 calls (target: each page < 1 s).

    PYTHONPATH=$PWD python bench/bench_dashboard.py [--people 1000] [--calls 10000] [--runs 5]

Seeds a SQLite campaign of `--people` recipients and `--calls` attempts spread over the past
eight weeks (~80 % answered, each with a report.json of the six English check-in items and the
alerts they raise: `tests/trend_data.py`), signs in, and times each page through the app in this
process (Starlette's test client: routing, the store, report files, templates; no network):
the campaign list, the campaign page (progress, outcome distribution, who needs a call back,
everyone), a person, their trends, the live-calls page, the JSON API. Prints the median and the
slowest of `--runs` renders per page; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from starlette.testclient import TestClient  # noqa: E402

from campaign import Campaign, Recipient  # noqa: E402
from campaign.dashboard import DashboardSettings, create_app  # noqa: E402
from campaign.dashboard.auth import hash_password  # noqa: E402
from campaign.store import open_store  # noqa: E402
from tests.dashboard_data import POLICY  # noqa: E402
from tests.test_alerts_dashboard import csrf_of  # noqa: E402
from tests.trend_data import seed_calls  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--calls", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.people < 1 or args.calls < args.people:
        ap.error("--people must be at least 1 and --calls at least --people")
    per_person = args.calls // args.people
    with tempfile.TemporaryDirectory(prefix="carecall-dash-bench-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        store = open_store(root / "c.sqlite")
        people = [(f"p{i:05d}", f"Person {i}") for i in range(args.people)]
        recipients = [Recipient(rid, name, f"+8210{i:08d}") for i, (rid, name) in enumerate(people)]
        store.create(Campaign("big", "Daily check-in", "daily_checkin_en", POLICY, 0.0), recipients)
        n = seed_calls(store, root, "big", people, per_person, days=56)
        user, password = "bench", "bench password 123"
        store.add_user(user, hash_password(password), time.time())
        print(f"seeded {args.people} people, {n} calls in {time.perf_counter() - t0:.1f} s")
        app = create_app(store, None, DashboardSettings(output_dir=root / "calls"))
        client = TestClient(app, base_url="http://localhost", follow_redirects=False)
        form = client.get("/login")
        data = {"user": user, "password": password, "csrf": csrf_of(form.text)}
        assert client.post("/login", data=data).status_code == 303
        pages = {
            "campaigns /": "/",
            "campaign /c/big": "/c/big",
            "person /c/big/p/…": f"/c/big/p/{people[-1][0]}",
            "trends /c/big/p/…/trends": f"/c/big/p/{people[-1][0]}/trends",
            "trends, 52 weeks": f"/c/big/p/{people[-1][0]}/trends?weeks=52",
            "live /live": "/live",
            "api /api/c/big": "/api/c/big",
        }
        print(f"{'page':28} {'median':>8} {'slowest':>8} {'bytes':>9}")
        for name, path in pages.items():
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                resp = client.get(path)
                times.append(time.perf_counter() - t)
                if resp.status_code != 200:
                    print(f"{name}: HTTP {resp.status_code}")
                    break
            print(
                f"{name:28} {statistics.median(times) * 1000:7.0f}ms "
                f"{max(times) * 1000:7.0f}ms {len(resp.content):9d}"
            )
        store.close()


if __name__ == "__main__":
    main()
