"""Importing an office's recipient list: 100,000 rows with national numbers (`010-1234-5678`),
validated and stored as `carecall campaign create --region KR` does (read_recipients + the
SQLite store's `create`). Target: under 10 s.

    PYTHONPATH=. python3 bench/bench_recipients.py [--rows 100000] [--db postgresql://…]

Prints the time of each stage and, for scale, phonenumbers' own time per number.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from campaign import Campaign, Policy  # noqa: E402
from campaign.recipients import read_recipients  # noqa: E402
from campaign.store import open_store  # noqa: E402


def write_csv(path: Path, rows: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    numbers = rng.sample(range(20_000_000, 59_000_000), rows)  # 010-597x..599x: unassigned
    with path.open("w", encoding="utf-8") as f:
        f.write("id,name,phone,age,address,guardian\n")
        for i, n in enumerate(numbers):
            phone = f"010-{n // 10000:04d}-{n % 10000:04d}"
            f.write(f'r{i},Person {i},{phone},{rng.randint(65, 99)},"{i} Hill St, Seoul",son {i}\n')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--db", help="a store URL (default: a temporary SQLite file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "office.csv"
        write_csv(csv, args.rows)
        t0 = time.perf_counter()
        recipients = read_recipients(
            csv, default_timezone="Asia/Seoul", scenario_ok=lambda _: None, region="KR"
        )
        t1 = time.perf_counter()
        store = open_store(args.db or Path(tmp) / "c.sqlite")
        campaign = Campaign(f"bench-{time.time_ns()}", "bench", "daily_checkin_ko", Policy(), 0.0)
        store.create(campaign, recipients)
        t2 = time.perf_counter()
        assert len(store.recipients(campaign.id)) == args.rows
        store.close()
        import phonenumbers

        sample = [r.phone for r in recipients[:2000]]
        t3 = time.perf_counter()
        for phone in sample:
            n = phonenumbers.parse("0" + phone[3:], "KR")
            phonenumbers.is_valid_number(n)
        per_number = (time.perf_counter() - t3) / len(sample)
    print(f"rows: {args.rows} (national numbers, 3 attribute columns)")
    print(f"validate (read_recipients --region KR): {t1 - t0:.2f} s")
    print(f"store (create, {args.db and 'given store' or 'SQLite'}): {t2 - t1:.2f} s")
    print(f"import total: {t2 - t0:.2f} s (target < 10 s)")
    print(
        f"for scale: phonenumbers parse+validate alone {per_number * 1e6:.0f} µs/number, "
        f"{per_number * args.rows:.1f} s for {args.rows} rows"
    )
    return 0 if t2 - t0 < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
