"""Run the quick benchmarks one after another (`make bench`); each prints its figures and writes
its report to bench/reports/. The one-million-record linkage run takes several minutes more and
is left out unless asked for:

    .venv/bin/python bench/run_all.py            # qualify, screening, cases (10,000), linkage, server
    .venv/bin/python bench/run_all.py --scale    # and the one-million-record linkage run
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = [
    ["qualify_bench.py"],
    ["screening_bench.py"],
    ["cases_bench.py", "10000"],
    ["linkage_febrl.py"],
    ["linkage_idn.py"],
    ["server_bench.py"],
]


def main(argv: list[str]) -> int:
    runs = QUICK + ([["linkage_scale.py"]] if "--scale" in argv else [])
    failed = []
    for script, *args in runs:
        print(f"== {script} {' '.join(args)}".rstrip(), flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *args])
        print(f"== {script}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(script)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
