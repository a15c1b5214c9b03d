#!/usr/bin/env python3
"""Concurrent application submissions for bench/scale/scale-out.sh (standard library only).

  submit.py URL TOTAL CONCURRENCY RUN_ID PROGRESS_FILE RESULTS_FILE

Each submission carries a unique description "<RUN_ID>-<n>", so the database can be checked for
every 201 (present) and for duplicates (none twice). Writes one line per submission to
RESULTS_FILE: n, HTTP status (0 when the connection failed or was cut), tracking code.
"""
import json, os, sys, threading, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

url, total, concurrency, run_id, progress_file, results_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
lock = threading.Lock()
done = 0
results = []
start = threading.Event()

def write_progress(count):
    # Written aside and renamed, so that the script never reads a half-written number.
    with open(progress_file + ".tmp", "w") as f:
        f.write(str(count))
    os.replace(progress_file + ".tmp", progress_file)

def submit(n):
    global done
    start.wait()
    body = json.dumps({
        "applicantType": "natural-person", "name": "压测申请人", "idNumber": "110101198807086666",
        "contact": "13698765432", "description": f"{run_id}-{n} 明湖区道路维修计划", "department": "jyj",
        "deliveryForm": "电子邮件发送",
    }).encode()
    req = urllib.request.Request(url + "/api/applications", data=body, headers={"Content-Type": "application/json"})
    status, code = 0, ""
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status = r.status
            code = json.loads(r.read()).get("trackingCode", "")
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception:
        status = 0
    with lock:
        done += 1
        results.append((n, status, code))
        if done % 25 == 0:
            write_progress(done)

with ThreadPoolExecutor(max_workers=concurrency) as pool:
    futures = [pool.submit(submit, n) for n in range(total)]
    start.set()
    for f in futures:
        f.result()
write_progress(done)
with open(results_file, "w") as f:
    for n, status, code in sorted(results):
        f.write(f"{n} {status} {code}\n")
