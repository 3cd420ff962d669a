"""Several editors save one article at the same instant, each on its own connection.

Run by tests/ndportal/test_security_concurrency.py in a subprocess, against the database
of DATABASE_URL (a fresh SQLite file, or the PostgreSQL test database). Prints one JSON
object: how many saves went through, how many met the optimistic lock, and any error.
"""

import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ndportal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from news.models import Article  # noqa: E402
from tests.admin_forms import admin_url, form_data  # noqa: E402
from tests.factories import make_article  # noqa: E402

EDITORS = int(sys.argv[1]) if len(sys.argv) > 1 else 4


def main():
    setup_test_environment()
    # As in tests/conftest.py: no collectstatic manifest is needed to render the admin.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    article = make_article(status="draft", published_at=None)
    clients = []
    for n in range(EDITORS):
        client = Client()
        client.force_login(User.objects.create_superuser(f"bientap{n}", password="x"))
        data = form_data(client.get(admin_url(article)))
        data["title"] = f"Bản sửa của biên tập viên {n}"
        data["_save"] = "Lưu"
        clients.append((client, data))
    connection.close()

    start = threading.Barrier(EDITORS)
    outcomes = []

    def save(client, data):
        start.wait()
        try:
            response = client.post(admin_url(article), data)
            body = response.content.decode()
            if response.status_code == 302:
                outcomes.append("saved")
            elif response.status_code == 200 and "CHƯA được lưu" in body:
                outcomes.append("stale")
            else:
                outcomes.append(f"status {response.status_code}")
        except Exception as error:  # the bug this guards against: OperationalError
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=pair) for pair in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = Article.objects.get(pk=article.pk).title
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "saved": outcomes.count("saved"),
                "stale": outcomes.count("stale"),
                "other": [o for o in outcomes if o not in {"saved", "stale"}],
                "stored_title": stored,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
