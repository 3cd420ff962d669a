"""`make bench-scaleout`: two app servers sharing PostgreSQL and Redis, and what each one saw.

Starts a Redis of its own on 127.0.0.1:6390 (the machine's Redis is left alone) and two
`make serve` instances (scripts/serve.sh) on PORTS, all on DATABASE_URL. Then: publishes
an article through the database they share and reads it from both; stops Redis and reads
both again. Everything stays on loopback, every step has a timeout, and the script stops
the processes it started. PostgreSQL is not restarted here: on a shared machine that would
cut off everyone else's databases (docs/deploy.md, "Scale-out", says how to try it).
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

from load import PYTHON, ROOT, manage, prepare

PORTS = os.environ.get("PORTS", "8101 8102").split()
REDIS_PORT = os.environ.get("SCALEOUT_REDIS_PORT", "6390")
SECRET = uuid.uuid4().hex * 2  # one key for both servers, as in production


def get(port, path):
    """(status, seconds, body) of one GET; a failure is a status of 0, never a hang."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, time.perf_counter() - start, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - start, ""
    except OSError as error:
        return 0, time.perf_counter() - start, str(error)


def wait_until_up(process, port):
    for _ in range(180):
        if process.poll() is not None:
            sys.exit(f"scaleout: the server on port {port} did not start.")
        if get(port, "/robots.txt")[0] == 200:
            return
        time.sleep(0.5)
    sys.exit(f"scaleout: the server on port {port} did not answer within 90 s.")


def shell(code):
    """The last line `code` printed (the shell may print a banner before it)."""
    out = manage("shell", "-c", code, capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


def report(step, path, needle=None):
    for port in PORTS:
        status, seconds, body = get(port, path)
        seen = "" if needle is None else (" shows it" if needle in body else " does NOT show it")
        print(f"  {step}: :{port}{path} → {status} in {seconds * 1000:.0f} ms{seen}")


def main():
    prepare()
    redis_url = f"redis://127.0.0.1:{REDIS_PORT}/0"
    started = []
    redis = subprocess.Popen(
        ["redis-server", "--port", REDIS_PORT, "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    started.append(redis)
    title = f"Bài thử hai máy chủ {uuid.uuid4().hex[:8]}"
    try:
        env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "DJANGO_SECRET_KEY": SECRET,
            "SKIP_DEMO": "1",
            "WORKERS": os.environ.get("WORKERS", "2"),
            "ACCESS_LOG": "/dev/null",
        }
        for port in PORTS:  # one after the other: both run collectstatic into one folder
            server = subprocess.Popen(
                [str(ROOT / "scripts" / "serve.sh")],
                cwd=ROOT, env={**env, "PORT": port}, start_new_session=True,
            )  # fmt: skip
            started.append(server)
            wait_until_up(server, port)
        print(f"\nTwo app servers on ports {', '.join(PORTS)}; Redis on {REDIS_PORT}.")

        print("1. Both serve the news list before the new article:")
        report("before", "/tin-tuc/", title)
        path = shell(
            "from news.models import Article, Category; from ndportal.publishing import Status;"
            f"a = Article.objects.create(title={title!r}, lead='Sapo.', body='<p>Nội dung.</p>',"
            " category=Category.objects.first(), status=Status.PUBLISHED);"
            "print(a.get_absolute_url())"
        )
        print(f"2. Published «{title}» through the shared database; both at once:")
        report("after", "/tin-tuc/", title)
        report("after", path, title)

        redis.send_signal(signal.SIGTERM)
        redis.wait(timeout=10)
        print("3. Redis stopped; both still serve (each cache call fails fast, 1 s timeout):")
        report("no Redis", "/")
        report("no Redis", path, title)
        print("4. PostgreSQL restart: not run here (a shared cluster); see docs/deploy.md.")
    finally:
        for process in reversed(started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c",
             f"from news.models import Article; Article.objects.filter(title={title!r}).delete()"],
            cwd=ROOT, env={**os.environ, "DJANGO_SECRET_KEY": SECRET}, capture_output=True,
        )  # fmt: skip
    print("Stopped both servers and Redis; removed the test article.")


if __name__ == "__main__":
    main()
