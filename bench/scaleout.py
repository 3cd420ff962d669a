"""`make bench-scaleout`: two app servers sharing PostgreSQL and Redis, and what each one saw.

Starts a Redis of its own on 127.0.0.1:6390 and a PostgreSQL cluster of its own on
127.0.0.1:5439 (a throw-away `initdb` in /tmp, filled by migrate and load_demo; the
machine's Redis and PostgreSQL, shared with other work, are left alone), then two
`make serve` instances (scripts/serve.sh) on PORTS. Then: publishes an article through
the database they share and reads it from both; stops Redis and reads both again;
restarts PostgreSQL while both are under load and reports the failed requests, how soon
after its return they stopped, and the slowest request (none may hang). Everything stays
on loopback, every request has a timeout, and the script stops what it started.
SCALEOUT_SHARED_POSTGRES=1 uses DATABASE_URL instead and skips the restart.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from load import PYTHON, ROOT, manage, prepare

PORTS = os.environ.get("PORTS", "8101 8102").split()
REDIS_PORT = os.environ.get("SCALEOUT_REDIS_PORT", "6390")
PG_PORT = os.environ.get("SCALEOUT_PG_PORT", "5439")
OWN_POSTGRES = not os.environ.get("SCALEOUT_SHARED_POSTGRES")
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


class Postgres:
    """A throw-away PostgreSQL cluster on PG_PORT, run as the postgres user when we are root."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.data = tempfile.mkdtemp(prefix="ndportal-scaleout-pg-")
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.data, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{PG_PORT}/ndportal_scaleout"

    def run(self, *args):
        return subprocess.run(
            [*self.as_user, *args], check=True, capture_output=True, text=True, timeout=120
        )

    def init_and_start(self):
        self.run(f"{self.bin}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
                 "--no-sync")  # fmt: skip
        self.start()

    def pg_ctl(self, action, *extra):
        options = f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        return self.run(f"{self.bin}/pg_ctl", action, "-D", self.data, "-w", "-t", "60",
                        "-l", f"{self.data}/log", "-o", options, *extra)  # fmt: skip

    def start(self):
        self.pg_ctl("start")

    def stop(self):
        self.pg_ctl("stop", "-m", "fast")

    def remove(self):
        try:
            self.stop()
        except subprocess.SubprocessError:
            pass
        shutil.rmtree(self.data, ignore_errors=True)


def _postgres_bin():
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return str(candidate)
    found = shutil.which("initdb")
    if found is None:
        sys.exit("scaleout: initdb not found (PostgreSQL's server package).")
    return str(Path(found).parent)


def restart_under_load(postgres, paths, down_seconds=3):
    """Load both servers from 4 threads, restart PostgreSQL, and say what readers saw."""
    results, stop = [], threading.Event()

    def load(port, path):
        while not stop.is_set():
            sent = time.monotonic()
            status, seconds, _ = get(port, path)
            results.append((sent, status, seconds))

    threads = [
        threading.Thread(target=load, args=(port, path), daemon=True)
        for port in PORTS
        for path in paths
    ]
    for thread in threads:
        thread.start()
    time.sleep(3)
    stopped = time.monotonic()
    postgres.stop()
    time.sleep(down_seconds)
    postgres.start()
    back = time.monotonic()
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    failed = [(sent, status) for sent, status, _ in results if status != 200]
    late = [sent - back for sent, status in failed if sent >= back]
    slowest = max(seconds for _, _, seconds in results)
    print(
        f"  {len(results)} requests; PostgreSQL down for {back - stopped:.1f} s; "
        f"{len(failed)} failed (statuses {sorted({s for _, s in failed})})"
    )
    if late:
        print(f"  last failure {max(late):.1f} s after PostgreSQL was back")
    else:
        print("  no failure once PostgreSQL was back")
    ok_after = [sent - back for sent, status, _ in results if status == 200 and sent >= back]
    if ok_after:
        print(f"  first success {min(ok_after):.2f} s after it was back")
    print(f"  slowest request {slowest * 1000:.0f} ms (timeout 10 s: no request hung)")


def main():
    postgres = None
    if OWN_POSTGRES:
        postgres = Postgres()
        postgres.init_and_start()
        os.environ["DATABASE_URL"] = postgres.url
        print(f"Own PostgreSQL on {PG_PORT} ({postgres.data}); migrate and demo content...")
    try:
        run(postgres)
    finally:
        if postgres:
            postgres.remove()


def run(postgres):
    prepare()
    redis_url = f"redis://127.0.0.1:{REDIS_PORT}/0"
    # The shell that publishes must bump the content version in the servers' shared
    # cache, or their cached lists stay as they were.
    os.environ["REDIS_URL"] = redis_url
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
        if postgres:
            print("4. PostgreSQL restarted while both servers are under load (no Redis):")
            restart_under_load(postgres, ["/", path])
        else:
            print("4. PostgreSQL restart: skipped (SCALEOUT_SHARED_POSTGRES).")
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
