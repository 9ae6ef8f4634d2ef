"""Firing the same request from many threads at once, to show races on a real database server."""

import threading
from collections import Counter

from django.db import connection
from django.test import Client

THREADS = 20


def all_at_once(user, request):
    """Run ``request(client)`` from THREADS threads released together; return the statuses."""
    barrier = threading.Barrier(THREADS)
    statuses = []

    def run():
        client = Client()
        client.force_login(user)
        barrier.wait()
        try:
            statuses.append(request(client).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(statuses)
