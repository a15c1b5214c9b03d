#!/usr/bin/env python3
"""Index lag of the second instance under sustained writes (issue 7).

  lag.py SECONDS RATE WRITER_BASE READER_BASE TOKEN

Publishes RATE items per second through WRITER_BASE (create, submit, approve: what an office
does) for SECONDS, each with a unique word. A follower thread searches READER_BASE for every item
until it is found and records the delay from the approval's answer; a sampler reads READER_BASE's
/metrics gauge gongkai_search_index_lag_entries every 0.5 s. Prints one summary line per figure
and exits 1 if an item was not found on the reader within 10 s of the end.
"""
import json, sys, threading, time, urllib.parse, urllib.request
from collections import deque

seconds, rate, writer, reader, token = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
pending = deque()          # (word, id, approved_at)
delays, lags = [], []
done = threading.Event()
lock = threading.Lock()

def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read()

def publish(n):
    word = "延迟测试%06d%s" % (n, "".join("甲乙丙丁戊己庚辛壬癸"[int(c)] for c in str(time.time_ns() % 10**6).zfill(6)))
    body = {"title": word + "公告", "department": "jyj", "writtenOn": "2026-11-20", "category": "jc-ywjy", "body": "<p>%s。</p>" % word}
    item = json.loads(call("POST", writer + "/api/items", body, auth))["id"]
    call("POST", "%s/api/items/%d/submit" % (writer, item), None, auth)
    call("POST", "%s/api/items/%d/approve" % (writer, item), {}, auth)
    with lock:
        pending.append((word, item, time.monotonic()))

def follow():
    while not (done.is_set() and not pending):
        with lock:
            batch = list(pending)
        if not batch:
            time.sleep(0.02)
            continue
        for word, item, at in batch:
            found = ('"id":%d' % item) in call("GET", reader + "/api/items?q=" + urllib.parse.quote(word)).decode()
            if found:
                with lock:
                    pending.remove((word, item, at))
                    delays.append(time.monotonic() - at)
            elif done.is_set() and time.monotonic() - end_at > 10:
                return
        time.sleep(0.02)

def sample():
    while not done.is_set() or pending:
        text = call("GET", reader + "/metrics").decode()
        for line in text.splitlines():
            if line.startswith("gongkai_search_index_lag_entries"):
                lags.append(float(line.split()[-1]))
        time.sleep(0.5)
        if done.is_set() and time.monotonic() - end_at > 10:
            return

end_at = float("inf")
threads = [threading.Thread(target=follow, daemon=True), threading.Thread(target=sample, daemon=True)]
for t in threads: t.start()
t0 = time.monotonic()
n = 0
while time.monotonic() - t0 < seconds:
    publish(n)
    n += 1
    wait = t0 + n / rate - time.monotonic()
    if wait > 0: time.sleep(wait)
elapsed = time.monotonic() - t0
end_at = time.monotonic()
done.set()
for t in threads: t.join(timeout=15)

def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")

print("published %d items in %.1f s (%.1f/s, asked %.1f/s)" % (n, elapsed, n / elapsed, rate))
print("searchable on the reader: %d of %d; delay p50 %.0f ms, p95 %.0f ms, max %.0f ms" % (
    len(delays), n, pct(delays, 50) * 1000, pct(delays, 95) * 1000, max(delays or [float("nan")]) * 1000))
print("reader's gongkai_search_index_lag_entries: max %.0f, p95 %.0f over %d samples" % (max(lags or [float("nan")]), pct(lags, 95), len(lags)))
sys.exit(0 if len(delays) == n else 1)
