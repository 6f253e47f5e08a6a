#!/usr/bin/env python3
"""Soak: a mixed realistic workload (reads, searches, writes, reports) at N keep-alive connections against a running
`kredo serve`, for a fixed time. Prints requests, errors and latency percentiles per endpoint, and the server's
resident memory (VmRSS) after the warm-up and at the end.
Fails (exit 1) on any 5xx answer, any connection error, or an RSS drift of MAX_DRIFT % or more.
Usage: soak.py --base http://127.0.0.1:PORT --pid SERVER_PID [--seconds 600] [--connections 64]
Python 3 standard library only.
"""
import argparse
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

PASSWORD = "Demo-heslo-2026"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Conn:
    def __init__(self, host, port, cookie="", csrf=""):
        self.host, self.port, self.cookie, self.csrf = host, port, cookie, csrf
        self.c = None

    def request(self, method, path, body=None, timeout=60):
        if self.c is None:
            self.c = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        self.c.timeout = timeout
        if self.c.sock is not None:
            self.c.sock.settimeout(timeout)
        h = {"Content-Type": "application/json"}
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf:
            h["X-CSRF-Token"] = self.csrf
        try:
            self.c.request(method, path, body=None if body is None else json.dumps(body), headers=h)
            r = self.c.getresponse()
            raw = r.read()
        except Exception:
            self.c.close()
            self.c = None
            raise
        return r, raw


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.lat = {}  # endpoint -> list of seconds
        self.codes = {}  # endpoint -> {status: n}
        self.errors = []

    def add(self, ep, status, dt):
        with self.lock:
            self.lat.setdefault(ep, []).append(dt)
            c = self.codes.setdefault(ep, {})
            c[status] = c.get(status, 0) + 1


def pct(xs, p):
    if not xs:
        return 0.0
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--warmup", type=float, default=None, help="seconds before the first RSS sample (default 1/4)")
    ap.add_argument("--max-drift", type=float, default=10.0, help="allowed RSS growth after the warm-up, per cent")
    ap.add_argument("--user", default="koordinator")
    ap.add_argument("--probe-timeout", type=float, default=120.0,
                    help="an endpoint slower than this on its own is left out (and named)")
    args = ap.parse_args()
    u = urllib.parse.urlparse(args.base)
    host, port = u.hostname, u.port

    login = Conn(host, port)
    r, raw = login.request("POST", "/api/v1/auth/login", {"username": args.user, "password": PASSWORD})
    if r.status != 200:
        sys.exit(f"soak: login failed: {r.status} {raw[:200]}")
    cookie = r.getheader("Set-Cookie").split(";")[0]
    csrf = json.loads(raw)["csrf_token"]
    setup = Conn(host, port, cookie, csrf)

    def get_json(path, timeout=60):
        r, raw = setup.request("GET", path, timeout=timeout)
        return r.status, (json.loads(raw) if raw and r.getheader("Content-Type", "").startswith("application/json") else None)

    st, fams = get_json("/api/v1/families?limit=100")
    if st != 200:
        sys.exit(f"soak: listing families failed: {st}")
    family_ids = [f["id"] for f in fams["items"]]
    surnames = sorted({f["name"].split()[0][:4] for f in fams["items"] if f.get("name")}) or ["Nov"]
    st, ppl = get_json("/api/v1/people?limit=100")
    person_ids = [p["id"] for p in (ppl or {}).get("items", [])] if st == 200 else []
    team = next((f.get("team") for f in fams["items"] if isinstance(f.get("team"), str)), None)
    if not team:
        team = "Sever"
    created = []  # (family id, version) made by the soak, edited later
    created_lock = threading.Lock()

    def q(xs):
        return urllib.parse.quote(random.choice(xs))

    # (endpoint name, weight, function returning (method, path, body)). Reads and searches dominate, then reports,
    # then writes, roughly like a team's working day.
    ops = [
        ("GET /families?q=", 14, lambda: ("GET", f"/api/v1/families?q={q(surnames)}", None)),
        ("GET /families/{id}", 14, lambda: ("GET", f"/api/v1/families/{random.choice(family_ids)}", None)),
        ("GET /families/{id}/timeline", 6, lambda: ("GET", f"/api/v1/families/{random.choice(family_ids)}/timeline", None)),
        ("GET /people?q=", 10, lambda: ("GET", f"/api/v1/people?q={q(surnames)}", None)),
        ("GET /people/{id}", 10, lambda: ("GET", f"/api/v1/people/{random.choice(person_ids or family_ids)}", None)),
        ("GET /schools?q=", 6, lambda: ("GET", f"/api/v1/schools?q={q(['Vzor', 'Brno', 'ZŠ', 'ulice'])}", None)),
        ("GET /enrollment-cases", 5, lambda: ("GET", "/api/v1/enrollment-cases?school_year=2026", None)),
        ("GET /tasks", 5, lambda: ("GET", "/api/v1/tasks?scope=mine", None)),
        ("GET /activities", 4, lambda: ("GET", "/api/v1/activities", None)),
        ("GET /dashboard", 3, lambda: ("GET", "/api/v1/dashboard", None)),
        ("GET /enrollment/funnel", 3, lambda: ("GET", "/api/v1/enrollment/funnel?school_year=2026", None)),
        ("GET /incidents/stats", 2, lambda: ("GET", "/api/v1/incidents/stats", None)),
        ("GET /support-hours/summary", 2, lambda: ("GET", "/api/v1/support-hours/summary?from=2025-01-01&to=2025-12-31", None)),
        ("GET /indicators", 1, lambda: ("GET", "/api/v1/indicators", None)),
        ("POST /families", 5, None),
        ("PATCH /families/{id}", 3, None),
        ("POST /people", 4, None),
    ]
    # Endpoints this user may not call on this dataset are left out (and named).
    usable = []
    for name, w, fn in ops:
        if fn is None:
            usable.append((name, w, fn))
            continue
        method, path, body = fn()
        t0 = time.perf_counter()
        try:
            st, _ = get_json(path, timeout=args.probe_timeout)
        except OSError:
            print(f"soak: left out {name} ({path} did not answer within {args.probe_timeout:.0f} s, unloaded)")
            setup.c = None
            continue
        took = time.perf_counter() - t0
        if st in (200, 201):
            usable.append((name, w, fn))
            print(f"soak: probe {name}: {took * 1000:.0f} ms")
        else:
            print(f"soak: left out {name} ({path} answered {st})")
    ops = usable
    weights = [w for _, w, _ in ops]
    stats = Stats()
    stop = threading.Event()
    seq = [0]

    def one(conn, rnd):
        name, _, fn = rnd.choices(ops, weights)[0]
        if name == "POST /families":
            with created_lock:
                seq[0] += 1
                n = seq[0]
            req = ("POST", "/api/v1/families",
                   {"name": f"Zátěžová-{n}", "team": team,
                    "address": {"street": "Zkušební", "house_number": str(n % 200 + 1), "district": "brno-sever",
                                "postal_code": "602 00"}})
        elif name == "PATCH /families/{id}":
            with created_lock:
                if not created:
                    return
                i = rnd.randrange(len(created))
                fid, ver = created[i]
            req = ("PATCH", f"/api/v1/families/{fid}", {"version": ver, "name": f"Zátěžová-{fid}-{rnd.randrange(10**6)}"})
        elif name == "POST /people":
            with created_lock:
                if not created:
                    return
                fid = rnd.choice(created)[0]
            req = ("POST", "/api/v1/people", {"family_id": fid, "role": "child", "given_names": "Zátěž",
                                              "surname": f"Zátěžová-{fid}", "birth_date": "2019-05-06",
                                              "gender": "not_stated", "confirm_not_duplicate": True})
        else:
            req = fn()
        t0 = time.perf_counter()
        try:
            r, raw = conn.request(*req)
        except Exception as e:
            stats.errors.append(f"{name}: {e!r}")
            stats.add(name, 0, time.perf_counter() - t0)
            return
        dt = time.perf_counter() - t0
        stats.add(name, r.status, dt)
        if r.status >= 500:
            stats.errors.append(f"{name} {req[1]}: {r.status} {raw[:200]!r}")
        if r.status in (200, 201) and name in ("POST /families", "PATCH /families/{id}"):
            js = json.loads(raw)
            with created_lock:
                if name == "POST /families":
                    created.append((js["id"], js["version"]))
                else:
                    created[i] = (js["id"], js["version"])
        elif r.status == 409 and name == "PATCH /families/{id}":
            cur = json.loads(raw).get("error", {}).get("current", {})
            if "version" in cur:
                with created_lock:
                    created[i] = (fid, cur["version"])

    def worker(k):
        rnd = random.Random(k)
        conn = Conn(host, port, cookie, csrf)
        while not stop.is_set():
            one(conn, rnd)

    warmup = args.warmup if args.warmup is not None else args.seconds / 4
    print(f"soak: {args.connections} connections for {args.seconds:.0f} s ({len(ops)} endpoints, "
          f"RSS sampled after {warmup:.0f} s and at the end)", flush=True)
    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(args.connections)]
    start = time.time()
    rss_start = rss_kib(args.pid)
    for t in threads:
        t.start()
    time.sleep(warmup)
    rss_warm = rss_kib(args.pid)
    samples = [rss_warm]
    while time.time() - start < args.seconds:
        time.sleep(min(5.0, max(0.1, args.seconds - (time.time() - start))))
        samples.append(rss_kib(args.pid))
    # The last sample is taken while the load still runs.
    rss_end = rss_kib(args.pid)
    stop.set()
    for t in threads:
        t.join(70)
    elapsed = time.time() - start

    total = sum(len(v) for v in stats.lat.values())
    n5xx = sum(n for c in stats.codes.values() for s, n in c.items() if s >= 500)
    nconn = sum(n for c in stats.codes.values() for s, n in c.items() if s == 0)
    print(f"{'endpoint':32} {'requests':>9} {'non-2xx':>8} {'5xx':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, _, _ in ops:
        xs = stats.lat.get(name, [])
        c = stats.codes.get(name, {})
        non2 = sum(n for s, n in c.items() if not 200 <= s < 300)
        e5 = sum(n for s, n in c.items() if s >= 500)
        print(f"{name:32} {len(xs):9d} {non2:8d} {e5:5d} {pct(xs, 50) * 1000:8.1f} {pct(xs, 95) * 1000:8.1f} "
              f"{pct(xs, 99) * 1000:8.1f} {max(xs or [0]) * 1000:8.1f}")
    drift = 100.0 * (rss_end - rss_warm) / rss_warm if rss_warm else 0.0
    print(f"soak: {total} requests in {elapsed:.0f} s ({total / elapsed:.0f}/s), {n5xx} 5xx, {nconn} connection errors; "
          f"RSS {rss_start / 1024:.0f} MiB at start, {rss_warm / 1024:.0f} MiB after warm-up, {rss_end / 1024:.0f} MiB "
          f"at the end (peak {max(samples) / 1024:.0f} MiB): drift {drift:+.1f} %")
    ok = n5xx == 0 and nconn == 0 and drift < args.max_drift and total > 0
    for e in stats.errors[:20]:
        print("  ERROR", e)
    print("soak: " + ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
