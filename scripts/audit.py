"""`make audit`: axe-core and the Nu HTML checker on the public pages, as `make serve` serves them.

A throw-away copy of the site (its own SQLite file and media folder, the demo content,
every image's renditions made) is started by scripts/serve.sh (gunicorn, debug off); each
page is checked by axe at 1366 and 390 px wide and by the Nu checker. Prints a table and
exits 1 on any axe violation or Nu error. `LIGHTHOUSE=1` adds Lighthouse scores, mobile
and desktop (not a failure: the scores vary with the machine's load).

The checkers are the shared tools (`../shared/tools` beside the repository, or
NDPORTAL_TOOLS); `install.sh` there installs them. Environment: AUDIT_PORT (8090).
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(os.environ.get("NDPORTAL_TOOLS", ROOT.parent / "shared" / "tools"))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("AUDIT_PORT", 8090))
BASE = f"http://127.0.0.1:{PORT}"

# The page of each kind, read from the demo content once it is loaded.
PAGES_SCRIPT = """
import json
from django.urls import reverse
from django.utils import timezone
from news.models import Article, Category
from pages.models import Page
from feedback.models import Question
from resolutions.models import Committee, Conference, Document
from targets.models import Target
from targets.views import progress_url
article = Article.objects.published().select_related("category").first()
category = Category.objects.filter(articles__in=Article.objects.published()).first()
today = timezone.localdate()
print(json.dumps([
    ("Trang chủ", reverse("home")),
    ("Tin tức", reverse("news:article-list")),
    ("Bài viết", article.get_absolute_url()),
    ("Chuyên mục", category.get_absolute_url()),
    ("Văn bản", reverse("resolutions:document-list")),
    ("Văn bản đã lọc", reverse("resolutions:document-list") + "?hieu_luc=con-hieu-luc&sap_xep=so"),
    ("Một văn bản", Document.objects.published().first().get_absolute_url()),
    ("Hội nghị", reverse("resolutions:conference-list")),
    ("Lịch hội nghị", reverse(
        "resolutions:conference-calendar", kwargs={"year": today.year, "month": today.month}
    )),
    ("Một hội nghị", Conference.objects.published().filter(photos__isnull=False).first()
        .get_absolute_url()),
    ("Kết quả học tập", reverse("resolutions:conference-reach")),
    ("Một cấp ủy", Committee.objects.filter(parent=None).first().get_absolute_url()),
    ("Tiến độ thực hiện", reverse("targets:dashboard")),
    ("Tiến độ một nghị quyết", progress_url(Target.objects.public().first().resolution)),
    ("Hỏi đáp", reverse("feedback:question-list")),
    ("Một câu trả lời", Question.objects.published().first().get_absolute_url()),
    ("Gửi câu hỏi", reverse("feedback:send")),
    ("Tìm kiếm", reverse("search") + "?q=ngh%E1%BB%8B+quy%E1%BA%BFt"),
    ("Trang tĩnh", Page.objects.published().first().get_absolute_url()),
    ("Trang 404", "/khong-co-trang-nay/"),
]))
"""


def run(*command, env=None, check=True):
    return subprocess.run(command, cwd=ROOT, env=env, check=check, capture_output=True, text=True)


def last_line(output):
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def fields(line):
    """`violations=0 critical=0` → {"violations": "0", "critical": "0"}."""
    return dict(part.split("=", 1) for part in line.split() if "=" in part)


def tool(name, *arguments, env=None):
    result = run(str(TOOLS / name), *arguments, env={**os.environ, **(env or {})}, check=False)
    if result.returncode != 0:
        sys.exit(f"audit: {name} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"audit: the server did not answer at {url}")


def main():
    # Stopped by CI or a terminal: still stop the server (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not (TOOLS / "axe.sh").exists():
        sys.exit(f"audit: the checking tools are missing at {TOOLS} (set NDPORTAL_TOOLS)")
    tool("install.sh", "--check")
    work = Path(tempfile.mkdtemp(prefix="ndportal-audit-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "PORT": str(PORT),
        "WORKERS": "2",
        "SKIP_DEMO": "1",
        "ACCESS_LOG": str(work / "access.log"),
    }
    env.pop("REDIS_URL", None)
    setup = {**env, "DJANGO_DEBUG": "1"}
    print("audit: demo content and image renditions in", work, flush=True)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=setup)
    run(PYTHON, "manage.py", "load_demo", env=setup)
    run(PYTHON, "manage.py", "build_renditions", "--missing", "--now", env=setup)
    pages = json.loads(
        run(PYTHON, "manage.py", "shell", "-v0", "-c", PAGES_SCRIPT, env=setup).stdout
    )

    log = open(work / "serve.log", "w")
    server = subprocess.Popen(
        ["scripts/serve.sh"], cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )
    try:
        wait_for(BASE + "/")
        return check(pages, lighthouse=bool(os.environ.get("LIGHTHOUSE")), work=work)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def check(pages, *, lighthouse, work):
    rows, failed = [], False
    # The three checks of a page run side by side: each waits mostly on its own browser or JVM.
    pool = ThreadPoolExecutor(max_workers=3)
    for label, path in pages:
        url = BASE + path
        axe_wide, axe_phone, nu = (
            job.result()
            for job in (
                pool.submit(tool, "axe.sh", url),
                pool.submit(tool, "axe.sh", url, env={"WIDTH": "390", "HEIGHT": "844"}),
                pool.submit(tool, "vnu.sh", url),
            )
        )
        counts = [
            int(fields(last_line(axe_wide))["violations"]),
            int(fields(last_line(axe_phone))["violations"]),
            int(fields(last_line(nu))["errors"]),
        ]
        row = [label, path, *map(str, counts)]
        if lighthouse:
            for preset in ("", "desktop"):
                report = work / f"lh-{len(rows)}-{preset or 'mobile'}.json"
                scores = fields(
                    last_line(tool("lighthouse.sh", url, str(report), env={"PRESET": preset}))
                )
                row.append(" ".join(scores.get(k, "?") for k in ("perf", "a11y", "bp", "seo")))
        if any(counts):
            failed = True
            row.append("LỖI")
            for output in (axe_wide, axe_phone, nu):
                print("\n".join(output.strip().splitlines()[:-1]), flush=True)
        else:
            row.append("đạt")
        rows.append(row)
        print(" | ".join(row), flush=True)

    header = ["trang", "địa chỉ", "axe 1366", "axe 390", "Nu lỗi"]
    if lighthouse:
        header += ["LH mobile (perf a11y bp seo)", "LH desktop"]
    header.append("kết quả")
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\naudit: {len(rows)} trang, {'CÓ LỖI' if failed else 'không lỗi'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
