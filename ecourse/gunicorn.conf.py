"""How production serves the site: `gunicorn -c ecourse/gunicorn.conf.py ecourse.wsgi`.

Threaded workers: a client that sends its request slowly, or reads the answer slowly, holds one
thread and not a whole worker, so a few slow phones on a bad connection do not make everyone
else wait (bench/slow_clients.py measures it). Each thread may hold a database connection:
workers × threads must stay below what PostgreSQL allows (max_connections, 100 by default).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "32"))
timeout = 30
keepalive = 5
