"""100 delegates voting within 10 seconds, against gunicorn on PostgreSQL (issue 16).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_council_bench
    .venv/bin/python bench/council_voting.py --delegates 100 --workers 3 --seconds 10

The script builds its own data in the bench database (it flushes the council's hall tables of
the bench session only): a council of N delegates, each with an account and an API token, all
checked in, and a session in progress. It starts gunicorn on a free loopback port with the same
database and, in one run:

0. the floor: 100 requests of the health page `/suc-khoe/`, one client (what any request of
   this stack costs on this machine at this moment), and the load average;
1. the baseline: one client casts N ballots one after another (vote A);
2. the load: vote B is opened; N clients (threads) each cast their ballot at a random moment
   within `--seconds`, 10% of them also send the same request again (a retry after a lost
   connection: same idempotency key) and 10% change their mind (a new key); meanwhile a
   projector polls the hall (`GET /api/v1/council/sessions/<id>/hall`) every 0.5 s, as the
   projector page does;
3. the checks: after the close, every ballot is counted once (the tally equals the ballots
   stored equals the delegates who voted; the retries changed nothing).

Printed: ballot POST latency p50/p95/p99/max of both phases, errors, the projector's update
delay (from a ballot's answer to the first projector answer that includes it: max and p95) and
the projector poll latency.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()


# The projector page's htmx polling period (`_projector_live.html`: every 500ms).
PROJECTOR_PERIOD = 0.5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q / 100 * (len(values) - 1))))
    return values[k]


def summary(label: str, values: list[float]) -> dict:
    ms = [v * 1000 for v in values]
    out = {
        "label": label,
        "n": len(ms),
        "p50_ms": round(pct(ms, 50), 1),
        "p95_ms": round(pct(ms, 95), 1),
        "p99_ms": round(pct(ms, 99), 1),
        "max_ms": round(max(ms), 1) if ms else 0,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else 0,
    }
    print(json.dumps(out, ensure_ascii=False))
    return out


def setup(n: int) -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.utils import timezone

    from dancu.accounts.models import ApiToken, RoleAssignment, User
    from dancu.accounts.services import api_token_create
    from dancu.council import hall, services
    from dancu.council.models import Session
    from dancu.council.ruleset import seed_rules
    from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Membership, Person, Post, Term
    from dancu.directory.posts import ensure_posts

    seed_rules()
    ensure_posts()
    province, _c = AdministrativeUnit.objects.get_or_create(
        key="bench:council",
        defaults={
            "name": "Tỉnh Đo Tải",
            "short_name": "Đo Tải",
            "code": "B9",
            "level": "province",
            "unit_type": "tỉnh",
        },
    )
    council, _c = Body.objects.get_or_create(
        kind=BodyKind.PEOPLES_COUNCIL, name="HĐND tỉnh Đo Tải", province=province, defaults={"unit": province}
    )
    office, _c = Body.objects.get_or_create(
        kind=BodyKind.OFFICE, name="Văn phòng Đo Tải", province=province, defaults={"unit": province}
    )
    term, _c = Term.objects.get_or_create(
        body=council, number=1, defaults={"name": "Khóa I", "start_date": "2026-03-25"}
    )
    post = Post.objects.get(code="dai-bieu")
    people = list(Person.objects.filter(province=province).order_by("pk"))
    for i in range(len(people), n):
        person = Person.objects.create(full_name=f"Đại biểu Đo Tải {i:03d}", province=province)
        Membership.objects.create(person=person, body=council, post=post, term=term)
        people.append(person)
    people = people[:n]
    secretary, _c = User.objects.get_or_create(username="bench-thuky")
    RoleAssignment.objects.get_or_create(user=secretary, body=office, role="specialist")
    users = []
    for i, person in enumerate(people):
        user, _c = User.objects.get_or_create(username=f"bench-daibieu-{i:03d}", defaults={"person": person})
        RoleAssignment.objects.get_or_create(user=user, body=council, role="delegate")
        users.append(user)
    ApiToken.objects.filter(user__in=[secretary, *users]).delete()
    tokens = [api_token_create(actor=u, name="bench", days_valid=1)[1] for u in users]
    secretary_token = api_token_create(actor=secretary, name="bench", days_valid=1)[1]
    number = (
        Session.objects.filter(body=council, term=term)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    ) + 1
    session = services.session_create(
        actor=secretary,
        body=council,
        term=term,
        kind="thematic",
        number=number,
        title=f"Kỳ họp đo tải {number}",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )
    for step in ("convene", "open"):
        session = services.session_transition(actor=secretary, session=session, action=step)
    for user in users:
        hall.check_in(actor=user, session=session)
    return {"session": session, "secretary": secretary, "tokens": tokens, "secretary_token": secretary_token}


def open_vote(secretary, session, question: str):
    from dancu.council import hall

    return hall.e_vote_open(
        actor=secretary, session=session, matter="procedure", question=question, minutes=10
    )


def request(
    port: int, method: str, path: str, token: str, body: dict | None = None
) -> tuple[int, dict, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    start = time.perf_counter()
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    raw = response.read()
    elapsed = time.perf_counter() - start
    conn.close()
    try:
        payload = json.loads(raw or b"{}")
    except ValueError:
        payload = {"raw": raw[:200].decode(errors="replace")}
    return response.status, payload, elapsed


def ballot_path(vote_id: int) -> str:
    return f"/api/v1/council/e-votes/{vote_id}/ballots"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--delegates", type=int, default=100)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn gthread threads per worker")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL bench database.")

    data = setup(args.delegates)
    session, secretary, tokens = data["session"], data["secretary"], data["tokens"]
    port = free_port()
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--log-level",
        "warning",
    ]
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    hall_path = f"/api/v1/council/sessions/{session.pk}/hall"
    try:
        for _ in range(150):
            try:
                request(port, "GET", hall_path, data["secretary_token"])
                break
            except OSError:
                time.sleep(0.2)
        for _ in range(10):  # warm every worker (imports, connections)
            request(port, "GET", hall_path, data["secretary_token"])
        print(
            json.dumps(
                {
                    "delegates": args.delegates,
                    "workers": args.workers,
                    "threads": args.threads,
                    "window_s": args.seconds,
                    "port": port,
                }
            )
        )

        # 0. the floor of this stack on this machine now: the health page, one client
        floor = []
        try:
            for _ in range(100):
                floor.append(request(port, "GET", "/suc-khoe/", data["secretary_token"])[2])
            summary("floor: GET /suc-khoe/ (gunicorn, Django, one database ping), 1 client", floor)
        except TimeoutError:
            # The health page checks every part (broker, worker, ...): on a saturated machine it
            # may not answer within the client's timeout; the hall's figures do not depend on it.
            print(json.dumps({"floor": "GET /suc-khoe/ timed out (30 s)", "answered": len(floor)}))
        print(json.dumps({"load_average": os.getloadavg()}))

        # 1. baseline: one client, back to back
        vote_a = open_vote(secretary, session, "Đo tải: một người gửi lần lượt")
        base: list[float] = []
        base_errors = 0
        for token in tokens:
            status, _p, elapsed = request(
                port, "POST", ballot_path(vote_a.pk), token, {"choice": "yes", "key": uuid.uuid4().hex}
            )
            base.append(elapsed)
            base_errors += status != 200
        from dancu.council import hall

        hall.e_vote_close(actor=secretary, vote=vote_a)
        vote_a.refresh_from_db()
        summary("baseline: 1 client, ballots back to back", base)
        print(json.dumps({"baseline_errors": base_errors, "baseline_counted": vote_a.yes}))

        # 2. load: every delegate within the window, retries and changes, a projector polling
        vote_b = open_vote(secretary, session, "Đo tải: 100 đại biểu trong 10 giây")
        path = ballot_path(vote_b.pk)
        lat: list[float] = []
        done: list[tuple[float, int]] = []  # (answer time, delegate index) of accepted new ballots
        errors: list[str] = []
        final_choice: dict[int, str] = {}
        lock = threading.Lock()
        t0 = time.perf_counter()
        rng = random.Random(16)
        plans = [(rng.uniform(0, args.seconds * 0.8), rng.random()) for _ in tokens]

        def delegate(i: int) -> None:
            at, r = plans[i]
            time.sleep(at)
            key = uuid.uuid4().hex
            choice = "yes" if r < 0.8 else ("no" if r < 0.9 else "abstain")
            status, payload, elapsed = request(port, "POST", path, tokens[i], {"choice": choice, "key": key})
            with lock:
                lat.append(elapsed)
                if status == 200:
                    done.append((time.perf_counter() - t0, i))
                    final_choice[i] = payload["choice"]
                else:
                    errors.append(f"{status} {payload}")
            if r < 0.1:  # a retry of the same request: the same ballot
                status, payload, elapsed = request(
                    port, "POST", path, tokens[i], {"choice": choice, "key": key}
                )
                with lock:
                    lat.append(elapsed)
                    if status != 200 or payload.get("applied"):
                        errors.append(f"retry {status} {payload}")
            elif r > 0.9:  # a change of mind: a new request
                status, payload, elapsed = request(
                    port, "POST", path, tokens[i], {"choice": "yes", "key": uuid.uuid4().hex}
                )
                with lock:
                    lat.append(elapsed)
                    if status == 200:
                        final_choice[i] = "yes"
                    else:
                        errors.append(f"change {status} {payload}")

        polls: list[tuple[float, int, float]] = []  # (answer time, cast, latency)
        stop = threading.Event()

        def projector() -> None:
            while not stop.is_set():
                status, payload, elapsed = request(port, "GET", hall_path, data["secretary_token"])
                if status == 200 and payload.get("vote") and payload["vote"]["id"] == vote_b.pk:
                    polls.append((time.perf_counter() - t0, payload["vote"]["tally"]["cast"], elapsed))
                stop.wait(max(0.0, PROJECTOR_PERIOD - elapsed))  # as the projector page polls

        threads = [threading.Thread(target=delegate, args=(i,)) for i in range(len(tokens))]
        watcher = threading.Thread(target=projector)
        watcher.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        window = time.perf_counter() - t0
        time.sleep(1.5)
        stop.set()
        watcher.join()
        closed = hall.e_vote_close(actor=secretary, vote=vote_b)
        summary(f"load: {len(tokens)} delegates within {args.seconds:.0f} s (+retries, changes)", lat)
        # projector delay: ballot k (by answer time) is seen when a poll answered after it shows >= k
        done.sort()
        delays = []
        for k, (answered, _i) in enumerate(done, start=1):
            seen = next((t for t, cast, _l in polls if t >= answered and cast >= k), None)
            if seen is not None:
                delays.append(seen - answered)
        summary("projector update delay (ballot answered -> projector shows it)", delays)
        summary("projector poll latency", [lat_ for _t, _c, lat_ in polls])
        from dancu.council.models import Ballot

        stored = Ballot.objects.filter(vote=closed).count()
        counted = closed.yes + closed.no + closed.abstain
        expected_yes = sum(1 for c in final_choice.values() if c == "yes")
        result = {
            "window_s": round(window, 2),
            "ballot_requests": len(lat),
            "errors": len(errors),
            "delegates_voted": len(final_choice),
            "ballots_stored": stored,
            "counted": counted,
            "yes": closed.yes,
            "expected_yes": expected_yes,
            "counted_once": stored == counted == len(final_choice) and closed.yes == expected_yes,
            "projector_seen": len(delays),
        }
        print(json.dumps(result))
        print(json.dumps({"load_average": os.getloadavg()}))
        if errors:
            print("first errors:", errors[:5])
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
