"""Timing pages through the test client, for the benches that print medians against budgets."""

import statistics
import time


def median_time(client, url, params, repeats):
    """The median of ``repeats`` requests for ``url`` with ``params``, streamed bodies read."""
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings)
