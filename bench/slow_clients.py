"""A normal request's latency while slow clients hold connections open, with gunicorn's sync
workers and with the threaded workers production uses (ecourse/gunicorn.conf.py). Goal: < 1 s.

    .venv/bin/python bench/slow_clients.py

Each slow client opens a connection and sends its request's headers one line a second, never
finishing, as a phone on a bad connection might (or someone holding the site hostage).
"""

import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import gunicorn, prepare_database

DATABASE = "cip_bench"
PORT = 8766
NORMAL_REQUESTS = 5
GOAL_SECONDS = 1.0


def hold(stop, port):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.wait(1):
            try:
                connection.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return


def latencies(site, port, slow_clients):
    stop = threading.Event()
    holders = [threading.Thread(target=hold, args=(stop, port)) for _ in range(slow_clients)]
    for holder in holders:
        holder.start()
    time.sleep(1)
    times = []
    for _ in range(NORMAL_REQUESTS):
        started = time.perf_counter()
        try:
            urllib.request.urlopen(f"{site}/bench/hello/", timeout=5).read()
            times.append(time.perf_counter() - started)
        except OSError:
            times.append(float("inf"))
    stop.set()
    for holder in holders:
        holder.join()
    return times


def main():
    prepare_database(DATABASE)
    missed = []
    for name, options in [
        ("sync workers (2)", {}),
        ("production (gthread)", {"production_config": True}),
    ]:
        with gunicorn(DATABASE, PORT, **options) as site:
            for slow_clients in (2, 20):
                times = latencies(site, PORT, slow_clients)
                worst = max(times)
                verdict = "ok" if worst < GOAL_SECONDS else "MISSED"
                print(
                    f"{name}, {slow_clients} slow clients (inf = no answer in 5 s): median "
                    f"{statistics.median(times):.3f} s, worst {worst:.3f} s {verdict}"
                )
                if options and worst >= GOAL_SECONDS:
                    missed.append((name, slow_clients))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
