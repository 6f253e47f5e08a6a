#!/usr/bin/env python3
"""Crash consistency: concurrent writers through the HTTP API, the server killed with SIGKILL at random moments.

Each round starts `kredo serve` on the same database, lets WRITERS threads (each logged in as koordinator) create
families, people, activities with roll-call attendance and enrollment cases with stage events, and kills the server
with SIGKILL after a random time. Every write answered 2xx is recorded; a write whose answer never came is "pending"
(it may or may not have committed). After every kill:
  * SQLite: `PRAGMA integrity_check` is ok (and `foreign_key_check` is empty) before the restart;
  * every acknowledged write is in the database with its content (family name, person names, roll-call rows, stage
    events), read straight from the database (sqlite3 module or psql);
  * nothing is half-written: every family, person, activity and enrollment case created by the test has its `create`
    audit row; every roll-call is exactly one of the sets that were sent (never a mix), and never older than the last
    acknowledged one; every stage event has its `record_stage` audit row (plus the creation's event) and the case version
    counts them;
  * after the restart the acknowledged records also read back through the API.
Usage: crash_test.py --kredo build/kredo --db sqlite|pg [--kills N] [--pg-dsn DSN]
Exit status 0 when every round passes. Python 3 standard library only.
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "Demo-heslo-2026"
STATUSES = ["present", "excused", "absent"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None
        self.cookie = ""
        self.csrf = ""

    def request(self, method, path, body=None, timeout=30):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        self.conn.timeout = timeout
        if self.conn.sock is not None:
            self.conn.sock.settimeout(timeout)
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        data = None if body is None else json.dumps(body)
        try:
            self.conn.request(method, path, body=data, headers=headers)
            r = self.conn.getresponse()
            raw = r.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        try:
            js = json.loads(raw) if raw else None
        except ValueError:
            js = None
        return r.status, js, r

    def login(self, user="koordinator"):
        # argon2id is slow on purpose: a loaded machine may need long for several logins at once.
        for attempt in range(3):
            try:
                st, js, r = self.request("POST", "/api/v1/auth/login", {"username": user, "password": PASSWORD},
                                         timeout=120)
                break
            except OSError:
                if attempt == 2:
                    raise
                self.conn = None
        if st != 200:
            raise RuntimeError(f"login {user}: {st} {js}")
        self.cookie = r.getheader("Set-Cookie").split(";")[0]
        self.csrf = js["csrf_token"]


class Ledger:
    """What the writers were told (acknowledged) and what they sent without an answer (pending)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.families = {}  # id -> name
        self.people = {}  # id -> (family_id, given, surname)
        self.activities = {}  # id -> participant ids
        self.rollcall_acked = {}  # activity id -> frozenset((person, status))
        self.rollcall_pending = {}  # activity id -> list of sets sent without an answer
        self.cases = {}  # id -> person id
        self.stages_acked = {}  # case id -> number of stage events acknowledged
        self.stages_pending = {}  # case id -> number sent without an answer
        self.acked = 0
        self.unanswered = 0


class Stop(Exception):
    pass


def writer(c, ledger, tag, stop_evt, errors):
    rnd = random.Random(tag)

    def call(method, path, body, expect):
        if stop_evt.is_set():
            raise Stop()
        try:
            st, js, _ = c.request(method, path, body)
        except Exception:
            raise Stop()  # no answer: the server is gone
        if st == 401:  # the session did not survive: log in again (not a write)
            try:
                c.login()
                st, js, _ = c.request(method, path, body)
            except Exception:
                raise Stop()
        if st >= 500:
            errors.append(f"{method} {path}: {st} {js}")
            raise Stop()
        if st != expect:
            errors.append(f"{method} {path}: {st} (expected {expect}) {js}")
            raise Stop()
        with ledger.lock:
            ledger.acked += 1
        return js

    n = 0
    try:
        while not stop_evt.is_set():
            n += 1
            name = f"Havarijní-{tag}-{n}"
            try:
                fam = call("POST", "/api/v1/families",
                           {"name": name, "team": "Sever",
                            "address": {"street": "Zkušební", "house_number": str(n), "district": "brno-sever",
                                        "postal_code": "602 00"}}, 201)
            except Stop:
                with ledger.lock:
                    ledger.unanswered += 1
                raise
            with ledger.lock:
                ledger.families[fam["id"]] = name
            kids = []
            for given, born in (("Bořivoj", "2019-02-03"), ("Žofie", "2020-04-05")):
                try:
                    p = call("POST", "/api/v1/people",
                             {"family_id": fam["id"], "role": "child", "given_names": given, "surname": name,
                              "birth_date": born, "gender": "not_stated"}, 201)
                except Stop:
                    with ledger.lock:
                        ledger.unanswered += 1
                    raise
                with ledger.lock:
                    ledger.people[p["id"]] = (fam["id"], given, name)
                kids.append(p["id"])
            try:
                act = call("POST", "/api/v1/activities",
                           {"type": "child_group", "date": "2025-03-04", "start": "16:00", "end": "17:30",
                            "topics": ["feelings"], "participant_ids": kids, "place": "Klubovna"}, 201)
            except Stop:
                with ledger.lock:
                    ledger.unanswered += 1
                raise
            aid = act["id"]
            with ledger.lock:
                ledger.activities[aid] = kids
            for _ in range(2):
                recs = [{"person_id": k, "status": rnd.choice(STATUSES)} for k in kids]
                sent = frozenset((r["person_id"], r["status"]) for r in recs)
                with ledger.lock:
                    ledger.rollcall_pending.setdefault(aid, []).append(sent)
                try:
                    call("PUT", f"/api/v1/activities/{aid}/attendance", {"records": recs}, 200)
                except Stop:
                    with ledger.lock:
                        ledger.unanswered += 1
                    raise
                with ledger.lock:
                    ledger.rollcall_acked[aid] = sent
                    ledger.rollcall_pending[aid] = []
            try:
                case = call("POST", "/api/v1/enrollment-cases",
                            {"person_id": kids[0], "school_year": 2026, "level": "zs", "target_school_ids": []}, 201)
            except Stop:
                with ledger.lock:
                    ledger.unanswered += 1
                raise
            cid = case["id"]
            with ledger.lock:
                ledger.cases[cid] = kids[0]
                ledger.stages_acked[cid] = 0
            version = case["version"]
            for stage in ({"stage": "application_filed", "date": "2026-04-10", "number": f"ZS-{tag}-{n}",
                           "channel": "portal"},
                          {"stage": "zapis_attended", "date": "2026-04-14"}):
                with ledger.lock:
                    ledger.stages_pending[cid] = 1
                try:
                    k = call("POST", f"/api/v1/enrollment-cases/{cid}/stages", dict(stage, version=version), 201)
                except Stop:
                    with ledger.lock:
                        ledger.unanswered += 1
                    raise
                version = k["version"]
                with ledger.lock:
                    ledger.stages_acked[cid] += 1
                    ledger.stages_pending[cid] = 0
    except Stop:
        return


class Database:
    def __init__(self, kind, url, path=None, psql_dsn=None):
        self.kind, self.url, self.path, self.psql_dsn = kind, url, path, psql_dsn

    def rows(self, sql):
        if self.kind == "sqlite":
            con = sqlite3.connect(self.path, timeout=30)
            try:
                return [tuple(r) for r in con.execute(sql).fetchall()]
            finally:
                con.close()
        out = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-d", self.psql_dsn, "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        res = []
        for line in out.splitlines():
            if line == "":
                continue
            res.append(tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t")))
        return res


def verify(db, ledger, base, fails):
    """Checks the database against the ledger; returns the number of acknowledged writes checked."""
    checked = 0
    if db.kind == "sqlite":
        ic = db.rows("PRAGMA integrity_check")
        if ic != [("ok",)]:
            fails.append(f"integrity_check: {ic[:5]}")
        fk = db.rows("PRAGMA foreign_key_check")
        if fk:
            fails.append(f"foreign_key_check: {fk[:5]}")
    fam = {r[0]: r[1] for r in db.rows(f"SELECT id, name FROM families WHERE id > {base['families']}")}
    ppl = {r[0]: (r[1], r[2], r[3]) for r in
           db.rows(f"SELECT id, family_id, given_names, surname FROM people WHERE id > {base['people']}")}
    acts = {r[0] for r in db.rows(f"SELECT id FROM activities WHERE id > {base['activities']}")}
    cases = {r[0]: (r[1], r[2]) for r in
             db.rows(f"SELECT id, person_id, version FROM enrollment_cases WHERE id > {base['cases']}")}
    audit = set()
    for ent, eid, action in db.rows("SELECT entity, entity_id, action FROM audit_log WHERE action IN "
                                    "('create', 'replace', 'record_stage') AND entity IN "
                                    "('family', 'person', 'activity', 'attendance', 'enrollment_case')"):
        audit.add((ent, str(eid), action))
    stage_audits = {}
    for eid, n in db.rows("SELECT entity_id, COUNT(*) FROM audit_log WHERE entity = 'enrollment_case' "
                          "AND action = 'record_stage' GROUP BY entity_id"):
        stage_audits[str(eid)] = n
    events = {}
    for cid, n in db.rows(f"SELECT case_id, COUNT(*) FROM enrollment_events WHERE case_id > {base['cases']} "
                          "GROUP BY case_id"):
        events[cid] = n
    att = {}
    for aid, pid, st in db.rows(f"SELECT activity_id, person_id, status FROM attendance WHERE activity_id > "
                                f"{base['activities']}"):
        att.setdefault(aid, set()).add((pid, st))

    with ledger.lock:
        families = dict(ledger.families)
        people = dict(ledger.people)
        activities = dict(ledger.activities)
        acked_rc = dict(ledger.rollcall_acked)
        pending_rc = {k: list(v) for k, v in ledger.rollcall_pending.items()}
        lcases = dict(ledger.cases)
        st_acked = dict(ledger.stages_acked)
        st_pending = dict(ledger.stages_pending)

    # Acknowledged writes are present with their content.
    for fid, name in families.items():
        checked += 1
        if fam.get(fid) != name:
            fails.append(f"acknowledged family {fid} {name!r} found as {fam.get(fid)!r}")
    for pid, want in people.items():
        checked += 1
        if ppl.get(pid) != want:
            fails.append(f"acknowledged person {pid} {want} found as {ppl.get(pid)}")
    for aid in activities:
        checked += 1
        if aid not in acts:
            fails.append(f"acknowledged activity {aid} missing")
    for cid, person in lcases.items():
        checked += 1
        if cid not in cases or cases[cid][0] != person:
            fails.append(f"acknowledged enrollment case {cid} missing or wrong: {cases.get(cid)}")
    # Roll-calls: exactly one whole set that was sent, never older than the last acknowledged one.
    for aid in set(acked_rc) | set(pending_rc):
        now = frozenset(att.get(aid, set()))
        allowed = list(pending_rc.get(aid, []))
        if aid in acked_rc:
            checked += 1
            allowed.append(acked_rc[aid])
        else:
            allowed.append(frozenset())
        if now not in allowed:
            fails.append(f"roll-call of activity {aid} is {sorted(now)}, expected one of {[sorted(a) for a in allowed]}")
    # Stage events: at least the acknowledged ones, at most one more (the unanswered one).
    for cid, n in st_acked.items():
        checked += n
        have = events.get(cid, 0)
        if not (n + 1 <= have <= n + 1 + st_pending.get(cid, 0)):  # + the "preparation" event of the creation
            fails.append(f"case {cid}: {have} stage events, {n} acknowledged, {st_pending.get(cid, 0)} pending")
    # Nothing half-written, over every record the test created (acknowledged or not).
    for fid in fam:
        if ("family", str(fid), "create") not in audit:
            fails.append(f"family {fid} without its create audit row")
    for pid in ppl:
        if ("person", str(pid), "create") not in audit:
            fails.append(f"person {pid} without its create audit row")
    for aid in acts:
        if ("activity", str(aid), "create") not in audit:
            fails.append(f"activity {aid} without its create audit row")
        if att.get(aid) and ("attendance", str(aid), "replace") not in audit:
            fails.append(f"roll-call of activity {aid} without its audit row")
    for cid, (_, version) in cases.items():
        if ("enrollment_case", str(cid), "create") not in audit:
            fails.append(f"enrollment case {cid} without its create audit row")
        have = events.get(cid, 0)
        if stage_audits.get(str(cid), 0) + 1 != have:
            fails.append(f"case {cid}: {have} stage events but {stage_audits.get(str(cid), 0)} audit rows")
        if version != have:
            fails.append(f"case {cid}: version {version} with {have} stage events")
    return checked


def api_readback(c, ledger, fails, sample=40):
    """After the restart a sample of the acknowledged records reads back through the API."""
    with ledger.lock:
        fams = list(ledger.families.items())
        cases = list(ledger.cases.items())
    rnd = random.Random(len(fams))
    for fid, name in rnd.sample(fams, min(sample, len(fams))):
        st, js, _ = c.request("GET", f"/api/v1/families/{fid}")
        if st != 200 or js.get("name") != name:
            fails.append(f"API: family {fid}: {st} {js and js.get('name')!r}, expected {name!r}")
    for cid, person in rnd.sample(cases, min(sample // 2, len(cases))):
        st, js, _ = c.request("GET", f"/api/v1/enrollment-cases/{cid}")
        if st != 200 or js.get("child", {}).get("person_id") != person:
            fails.append(f"API: enrollment case {cid}: {st}")


class Server:
    def __init__(self, kredo, db_url, key_file, workdir):
        self.kredo, self.db_url, self.key_file, self.workdir = kredo, db_url, key_file, workdir
        self.proc = None
        self.port = None
        self.log = None

    def start(self):
        self.port = self.port or free_port()
        self.log = open(os.path.join(self.workdir, "server.log"), "ab")
        self.proc = subprocess.Popen([self.kredo, "serve", "--db", self.db_url, "--key-file", self.key_file,
                                      "--listen", f"127.0.0.1:{self.port}", "--threads", "16",
                                      "--web-root", self.workdir], stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kredo serve exited with {self.proc.returncode}; see {self.workdir}/server.log")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v1/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("kredo serve did not answer /api/v1/health")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        if self.log:
            self.log.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kredo", default="build/kredo")
    ap.add_argument("--db", choices=["sqlite", "pg"], default="sqlite")
    ap.add_argument("--pg-dsn", help="PostgreSQL URL of a database the test may wipe (required with --db pg)")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--writers", type=int, default=6)
    ap.add_argument("--min-run", type=float, default=0.3, help="shortest time before a kill, seconds")
    ap.add_argument("--max-run", type=float, default=2.5, help="longest time before a kill, seconds")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    args = ap.parse_args()
    kredo = os.path.abspath(args.kredo)
    random.seed(args.seed)
    work = tempfile.mkdtemp(prefix="kredo-crash-", dir=os.environ.get("TMPDIR"))
    key = os.path.join(work, "data.key")
    subprocess.run([kredo, "keys", "generate", "--out", key], check=True, capture_output=True)
    if args.db == "sqlite":
        path = os.path.join(work, "kredo.db")
        db = Database("sqlite", "sqlite:" + path, path=path)
    else:
        if not args.pg_dsn:
            sys.exit("crash_test: --pg-dsn is required with --db pg")
        db = Database("pg", args.pg_dsn, psql_dsn=args.pg_dsn)
        # A fresh schema: the database is the test's own.
        subprocess.run(["psql", "-X", "-q", "-d", args.pg_dsn, "-c",
                        "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"], check=True, capture_output=True)
    # A migrated database with a coordinator and team Sever (the demo data would only make the start slower).
    steps = [([kredo, "migrate", "--db", db.url, "--key-file", key], None),
             ([kredo, "user", "create", "--db", db.url, "--key-file", key, "--username", "koordinator", "--role",
               "coordinator", "--password-stdin"], PASSWORD + "\n"),
             ([kredo, "user", "create", "--db", db.url, "--key-file", key, "--username", "terenni", "--role", "worker",
               "--team", "Sever", "--password-stdin"], PASSWORD + "\n")]
    for cmd, stdin in steps:
        r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"crash_test: {' '.join(cmd[1:3])} failed: {r.stdout}{r.stderr}")
    base = {}
    for k, table in (("families", "families"), ("people", "people"), ("activities", "activities"),
                     ("cases", "enrollment_cases")):
        base[k] = db.rows(f"SELECT COALESCE(MAX(id), 0) FROM {table}")[0][0]

    ledger = Ledger()
    fails = []
    checked_total = 0
    server = Server(kredo, db.url, key, work)
    print(f"crash test ({args.db}): {args.kills} SIGKILLs, {args.writers} writers, seed {args.seed}", flush=True)
    for rnd_no in range(1, args.kills + 1):
        server.start()
        t0 = time.time()
        if rnd_no > 1:
            api_readback(clients[0], ledger, fails)
        if rnd_no == 1:
            clients = [Client(server.port) for _ in range(args.writers)]
            logins = [threading.Thread(target=c.login) for c in clients]
            for t in logins:
                t.start()
            for t in logins:
                t.join()
        stop = threading.Event()
        errors = []
        threads = [threading.Thread(target=writer, args=(c, ledger, f"{args.seed}-{rnd_no}-{i}", stop, errors))
                   for i, c in enumerate(clients)]
        for t in threads:
            t.start()
        run = random.uniform(args.min_run, args.max_run)
        time.sleep(run)
        server.kill()
        stop.set()
        for t in threads:
            t.join(30)
        fails.extend(f"round {rnd_no}: {e}" for e in errors)
        round_fails = []
        checked = verify(db, ledger, base, round_fails)
        checked_total += checked
        fails.extend(f"after kill {rnd_no}: {f}" for f in round_fails)
        print(f"  kill {rnd_no} after {run:.1f} s ({time.time() - t0:.1f} s in all): {checked} acknowledged writes checked, "
              f"{len(round_fails) + len(errors)} problems", flush=True)
        if len(fails) > 50:
            break
    # One last restart: the server comes up and the records read back through the API.
    server.start()
    api_readback(clients[0], ledger, fails)
    server.kill()
    print(f"crash test ({args.db}): {rnd_no} kills survived, {ledger.acked} writes acknowledged "
          f"({len(ledger.families)} families, {len(ledger.people)} people, {len(ledger.rollcall_acked)} roll-calls, "
          f"{len(ledger.cases)} enrollment cases, {sum(ledger.stages_acked.values())} stage events), "
          f"{ledger.unanswered} unanswered, {checked_total} checks of acknowledged writes, {len(fails)} failures")
    for f in fails[:30]:
        print("  FAIL", f)
    if not fails:
        subprocess.run(["rm", "-rf", work])
    else:
        print(f"  kept {work}")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
