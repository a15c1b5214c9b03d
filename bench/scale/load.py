#!/usr/bin/env python3
"""Steady GET load that records every status per second, for the PostgreSQL-restart phase.

  load.py SECONDS CONCURRENCY OUT_FILE URL [URL ...]

OUT_FILE gets one line per second since start: "second status=count ...". Status 0 = no answer.
"""
import sys, threading, time, urllib.request, urllib.error
from collections import Counter, defaultdict

seconds, concurrency, out = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
urls = sys.argv[4:]
buckets = defaultdict(Counter)
lock = threading.Lock()
t0 = time.monotonic()

def worker(i):
    k = i
    while time.monotonic() - t0 < seconds:
        url = urls[k % len(urls)]
        k += 1
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception:
            status = 0
        with lock:
            buckets[int(time.monotonic() - t0)][status] += 1

threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
for t in threads: t.start()
for t in threads: t.join()
with open(out, "w") as f:
    for s in sorted(buckets):
        f.write(f"{s} " + " ".join(f"{k}={v}" for k, v in sorted(buckets[s].items())) + "\n")
