"""Reading attachments' text in the background: queued on save, run by the worker, idempotent."""

import io

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management import call_command
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from ndportal.search import search
from resolutions.attachments import Extraction
from resolutions.models import Document, DocumentFile
from resolutions.tasks import extract_file_text
from tests.document_files import docx_bytes, pdf_bytes, upload
from tests.factories import make_document

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LABEL = DocumentFile._meta.label


def attach(document, name, content):
    return DocumentFile.objects.create(document=document, file=File(io.BytesIO(content), name=name))


def run(stored):
    return extract_file_text.call(LABEL, stored.pk, stored.file.name)


def use_backend(test, tasks):
    # In setUp, after tests/conftest.py has chosen the immediate backend for every test.
    override = override_settings(TASKS=tasks)
    override.enable()
    test.addCleanup(override.disable)


class QueuedOnSaveTests(TestCase):
    """With a backend that only records tasks: what a save and the command queue."""

    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.com", "x")

    def setUp(self):
        use_backend(self, DUMMY)

    def queued(self):
        return task_backends["default"].results

    def test_admin_save_queues_the_reading_instead_of_reading(self):
        """An upload in the admin answers 302 at once; the file waits, its reading is queued."""
        self.client.force_login(self.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:resolutions_documentfile_add"),
                {
                    "document": self.document.pk,
                    "title": "",
                    "order": 0,
                    "file": upload("toan-van.docx", docx_bytes("Kinh tế biển")),
                },
            )
        self.assertEqual(response.status_code, 302)
        stored = DocumentFile.objects.get()
        self.assertEqual((stored.kind, stored.extraction, stored.text), ("docx", "pending", ""))
        [result] = self.queued()
        self.assertEqual(result.task.module_path, "resolutions.tasks.extract_file_text")
        self.assertEqual(result.args, [LABEL, stored.pk, stored.file.name])

    def test_nothing_is_queued_before_the_commit(self):
        """The task is queued only once the file row is committed (none for a rolled-back save)."""
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            attach(self.document, "a.pdf", pdf_bytes("Chuyen doi so"))
            self.assertEqual(self.queued(), [])
        self.assertEqual(len(callbacks), 1)

    def test_pending_files_show_in_the_admin(self):
        """The inline and the file list show 'Chờ đọc nội dung' while the worker has not read."""
        with self.captureOnCommitCallbacks(execute=True):
            attach(self.document, "a.pdf", pdf_bytes("Chuyen doi so"))
        self.client.force_login(self.admin)
        response = self.client.get(reverse("admin:resolutions_documentfile_changelist"))
        self.assertContains(response, "Chờ đọc nội dung")
        response = self.client.get(
            reverse("admin:resolutions_document_change", args=[self.document.pk])
        )
        self.assertContains(response, "Chờ đọc nội dung")

    def test_reextract_command_queues_tasks(self):
        """reextract_files queues one task per file and reads nothing itself."""
        attach(self.document, "a.pdf", pdf_bytes("Chuyen doi so"))
        attach(self.document, "b.pdf", pdf_bytes("Kinh te bien"))
        out = io.StringIO()
        call_command("reextract_files", stdout=out)
        self.assertEqual(len(self.queued()), 2)
        self.assertIn("Đã xếp 2 tệp", out.getvalue())
        self.assertFalse(DocumentFile.objects.exclude(extraction=Extraction.PENDING).exists())

    def test_reextract_pending_only(self):
        """reextract_files --pending queues only the files still waiting to be read."""
        waiting = attach(self.document, "a.pdf", pdf_bytes("Chuyen doi so"))
        read = attach(self.document, "b.pdf", pdf_bytes("Kinh te bien"))
        DocumentFile.objects.filter(pk=read.pk).update(extraction=Extraction.OK)
        call_command("reextract_files", "--pending", stdout=io.StringIO())
        self.assertEqual([result.args[1] for result in self.queued()], [waiting.pk])


class TaskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(title="về phát triển kinh tế biển")

    def setUp(self):
        self.stored = attach(self.document, "toan-van.docx", docx_bytes("Khu kinh tế Hải Thịnh"))

    def test_text_read_in_the_background_becomes_searchable(self):
        """Once read, a phrase found only in the file finds the document, accents or not."""
        published = Document.objects.published()
        self.assertFalse(search(published, "Hải Thịnh").exists())
        self.assertEqual(run(self.stored), Extraction.OK)
        self.assertEqual(list(search(published, "hai thinh")), [self.document])
        response = self.client.get(reverse("search"), {"q": "Hải Thịnh"})
        self.assertContains(response, self.document.title)

    def test_running_twice_stores_one_text(self):
        """A retried task overwrites the text: one copy in the file, one in the search text."""
        run(self.stored)
        run(self.stored)
        self.assertEqual(DocumentFile.objects.count(), 1)
        self.stored.refresh_from_db()
        self.assertEqual(self.stored.text, "Khu kinh tế Hải Thịnh")
        search_body = Document.objects.get(pk=self.document.pk).search_body
        self.assertEqual(search_body.count(" hai thinh "), 1)

    def test_reading_keeps_the_document_version(self):
        """Refreshing the search text does not make an editor's open form look stale."""
        version = Document.objects.get(pk=self.document.pk).version
        run(self.stored)
        self.assertEqual(Document.objects.get(pk=self.document.pk).version, version)

    def test_replaced_file_is_not_overwritten_by_an_old_task(self):
        """A task for a file since replaced leaves the new file alone."""
        old_name = self.stored.file.name
        self.stored.file = File(io.BytesIO(pdf_bytes("Ban moi")), name="moi.pdf")
        self.stored.save()
        self.assertEqual(extract_file_text.call(LABEL, self.stored.pk, old_name), "gone")
        self.stored.refresh_from_db()
        self.assertEqual(self.stored.extraction, Extraction.PENDING)
        self.assertEqual(run(self.stored), Extraction.OK)
        self.stored.refresh_from_db()
        self.assertEqual(self.stored.text, "Ban moi")

    def test_deleted_file_task_does_nothing(self):
        """A task whose file was deleted meanwhile ends quietly."""
        pk, name = self.stored.pk, self.stored.file.name
        self.stored.delete()
        self.assertEqual(extract_file_text.call(LABEL, pk, name), "gone")

    def test_missing_stored_file_is_flagged(self):
        """A row whose stored file has vanished from disk is flagged, not a crash."""
        self.stored.file.storage.delete(self.stored.file.name)
        self.assertEqual(run(self.stored), Extraction.FAILED)

    def test_deleting_a_file_removes_its_words_from_search(self):
        """After a file is deleted its text no longer finds the document."""
        run(self.stored)
        DocumentFile.objects.get(pk=self.stored.pk).delete()
        self.assertFalse(search(Document.objects.published(), "Hải Thịnh").exists())


class WorkerDownTests(TransactionTestCase):
    """With the database backend, tasks wait as rows until a worker runs them."""

    def setUp(self):
        use_backend(self, DATABASE)

    def test_save_succeeds_while_the_worker_is_down_and_is_read_later(self):
        """The file is stored and waits; `db_worker --batch` later reads it."""
        document = make_document()
        stored = attach(document, "toan-van.docx", docx_bytes("Nông thôn mới kiểu mẫu"))
        self.assertEqual(DBTaskResult.objects.filter(status="READY").count(), 1)
        stored.refresh_from_db()
        self.assertEqual(stored.extraction, Extraction.PENDING)

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

        stored.refresh_from_db()
        self.assertEqual(stored.extraction, Extraction.OK)
        self.assertEqual(DBTaskResult.objects.get().status, "SUCCESSFUL")
        self.assertTrue(search(Document.objects.published(), "nong thon moi").exists())
