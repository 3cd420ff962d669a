"""`make bench`: throughput of the public pages under load, beside two bare-Django references.

Serves the site as `make serve` does (scripts/serve.sh: gunicorn, debug off) on PostgreSQL
and Redis, loads each page with wrk for a few seconds and prints one Markdown table: req/s,
p50, p99 and errors per page, once right after the cache was cleared ("cleared") and once
again straight after ("warm"), each page's ratio to the references, and worker memory.

Then reads /sitemap.xml and every page of its sections once, and prints worker memory
before and after. Environment: DATABASE_URL, REDIS_URL, PORT (set by the Makefile),
BENCH_SECONDS (5), BENCH_CONNECTIONS (16), BENCH_BULK=1 to fill 100,000 articles first
with generate_bulk.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SECONDS = int(os.environ.get("BENCH_SECONDS", 5))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
PORT = os.environ.get("PORT", "8100")
BASE = f"http://127.0.0.1:{PORT}"


def manage(*args, debug=False, **kwargs):
    env = {**os.environ, "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only")}
    env.pop("DJANGO_DEBUG", None)
    if debug:
        env["DJANGO_DEBUG"] = "1"
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, **kwargs)


def ensure_database():
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    connection = psycopg2.connect(
        dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"] or 5432
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    connection.close()


def prepare():
    ensure_database()
    manage("migrate", "--noinput", "-v0", debug=True, check=True)
    manage("load_demo", debug=True, check=True, stdout=subprocess.DEVNULL)
    if os.environ.get("BENCH_BULK"):
        has_bulk = manage("help", "generate_bulk", capture_output=True).returncode == 0
        if has_bulk:
            manage(
                "generate_bulk", "--articles", "100000", "--documents", "10000",
                "--conferences", "2000", debug=True, check=True,
            )  # fmt: skip
        else:
            print("bench: no generate_bulk command on this branch; measuring the demo data.")


def page_urls():
    """(label, path) of each page to load, read from the database the server uses."""
    script = (
        "import json;"
        "from django.urls import reverse;"
        "from news.models import Article;"
        "from resolutions.models import Conference, Document;"
        "a=Article.objects.published().select_related('category').first();"
        "d=Document.objects.published().select_related('doc_type').first();"
        "c=Conference.objects.published().first();"
        "print(json.dumps({'article':a.get_absolute_url(),'document':d.get_absolute_url(),"
        "'conference':c.get_absolute_url(),'type':d.doc_type.slug,'year':d.issued_on.year,"
        "'articles':Article.objects.published().count(),"
        "'reach':reverse('resolutions:conference-reach')}))"
    )
    import json

    out = manage("shell", "-c", script, capture_output=True, text=True, check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    pages = [
        ("home", "/"),
        ("news list, page 1", "/tin-tuc/"),
    ]
    if found["articles"] >= 2000 * 12:
        pages.append(("news list, page 2,000", "/tin-tuc/?page=2000"))
    pages += [
        ("article", found["article"]),
        ("registry, two filters", f"/van-ban/?loai={found['type']}&nam={found['year']}"),
        ("document", found["document"]),
        ("conference", found["conference"]),
        ("reach", found["reach"]),
        ("search", "/tim-kiem/?q=" + quote("nghị quyết")),
    ]
    return pages, found["articles"]


def wrk(path):
    """req/s, p50 ms, p99 ms, errors of one short wrk run."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", BASE + path],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return rate, latency("50"), latency("99"), errors


def clear_cache():
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


def read_sitemap():
    """Every page of /sitemap.xml's sections, once each; returns how many were read."""
    with urllib.request.urlopen(BASE + "/sitemap.xml", timeout=60) as response:
        index = response.read().decode()
    sections = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", index)
    for path in sections:
        with urllib.request.urlopen(BASE + path.replace("&amp;", "&"), timeout=60) as response:
            response.read()
    return len(sections)


def worker_rss(master):
    out = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(master)], capture_output=True, text=True
    ).stdout
    return [int(kb) // 1024 for kb in out.split()]


def gunicorn_master(serve):
    """The gunicorn master started by scripts/serve.sh (its child)."""
    out = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(serve.pid)], capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        pid, args = line.split(None, 1)
        if "gunicorn" in args:
            return int(pid)
    return None


def wait_until_up(serve):
    for _ in range(120):
        if serve.poll() is not None:
            sys.exit("bench: the server did not start (see the lines above).")
        try:
            urllib.request.urlopen(BASE + "/_bench/ok/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("bench: the server did not answer within 60 s.")


def main():
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk is not installed. Install it with: sudo apt-get install wrk")
    prepare()
    pages, articles = page_urls()
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only"),
        "NDPORTAL_BENCH_VIEWS": "1",
        "SKIP_DEMO": "1",
        "ACCESS_LOG": "/dev/null",
        # One client address sends every request: the search's per-address limit
        # (60 a minute) would answer 429 to nearly all of them.
        "NDPORTAL_RATE_SEARCH": "1000000/60",
    }
    serve = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env, start_new_session=True
    )
    try:
        wait_until_up(serve)
        master = gunicorn_master(serve)
        refs = {"ok": "/_bench/ok/", "20kb": "/_bench/20kb/"}
        results = {}
        for name, path in refs.items():
            results[name] = wrk(path)
        for label, path in pages:
            clear_cache()
            cleared = wrk(path)
            results[label] = (cleared, wrk(path))
        # The references again, so a drift of the machine during the run shows.
        late = {name: wrk(path) for name, path in refs.items()}
        rss = worker_rss(master) if master else []
        sitemap_pages = read_sitemap()
        rss_sitemap = worker_rss(master) if master else []
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)

    ok_rate = (results["ok"][0] + late["ok"][0]) / 2
    kb_rate = (results["20kb"][0] + late["20kb"][0]) / 2
    print()
    print(
        f"{SECONDS} s per run, {CONNECTIONS} connections, {articles:,} published articles; "
        "p50/p99 in ms; ratios of the warm req/s to the references."
    )
    print()
    print("| page | cleared req/s | p50 | p99 | warm req/s | p50 | p99 | errors | ÷ ok | ÷ 20 KB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in refs:
        first, again = results[name], late[name]
        print(
            f"| reference `{name}` (start / end) | {first[0]:,.0f} / {again[0]:,.0f} | "
            f"{first[1]:.1f} | {first[2]:.1f} | | | | {first[3] + again[3]} | | |"
        )
    for label, _ in pages:
        cleared, warm = results[label]
        print(
            f"| {label} | {cleared[0]:,.0f} | {cleared[1]:.1f} | {cleared[2]:.1f} | "
            f"{warm[0]:,.0f} | {warm[1]:.1f} | {warm[2]:.1f} | {cleared[3] + warm[3]} | "
            f"{warm[0] / ok_rate:.2f} | {warm[0] / kb_rate:.2f} |"
        )
    print()
    print(f"Worker memory (RSS) after the run: {', '.join(f'{mb} MB' for mb in rss)}")
    print(
        f"Worker memory after reading /sitemap.xml and its {sitemap_pages} section pages: "
        f"{', '.join(f'{mb} MB' for mb in rss_sitemap)}"
    )


if __name__ == "__main__":
    main()
