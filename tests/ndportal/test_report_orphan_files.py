"""report_orphan_files: lists files no row references, flags recoverable ones, deletes nothing."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from reversion.models import Revision, Version

from resolutions.models import Conference, ConferenceFile
from tests.document_files import pdf_bytes
from tests.factories import make_conference


def put(name, content=b"x"):
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


class ReportOrphanFilesTests(TestCase):
    def report(self):
        out = io.StringIO()
        call_command("report_orphan_files", stdout=out)
        return out.getvalue()

    def test_lists_only_unreferenced_files_and_deletes_nothing(self):
        """Files named by a file field or by rich text are kept out; the rest are listed."""
        conference = make_conference(summary='<p><img src="/media/editor/1/anh.png" alt="Ảnh"></p>')
        kept = ConferenceFile.objects.create(
            conference=conference, file=File(io.BytesIO(pdf_bytes()), name="phat-bieu.pdf")
        )
        put("editor/1/anh.png")
        stray = put("documents/bo-quen.pdf", b"12345")
        output = self.report()
        lines = output.splitlines()
        self.assertTrue(lines[0].startswith("documents/bo-quen.pdf\t"))
        self.assertNotIn(kept.file.name, output)
        self.assertNotIn("editor/1/anh.png", output)
        self.assertIn("1 tệp không còn dòng nào tham chiếu", lines[-1])
        self.assertTrue(stray.exists())
        self.assertTrue((Path(settings.MEDIA_ROOT) / kept.file.name).exists())

    def test_file_of_a_deleted_row_named_in_history_is_recoverable(self):
        """A deleted item's file stays on disk; the report says its saved version can restore it."""
        conference = make_conference()
        deleted = ConferenceFile.objects.create(
            conference=conference, file=File(io.BytesIO(pdf_bytes()), name="bao-cao.pdf")
        )
        name = deleted.file.name
        Version.objects.create(
            revision=Revision.objects.create(date_created=timezone.now(), comment="Trước khi xóa"),
            content_type=ContentType.objects.get_for_model(Conference),
            object_id=str(conference.pk),
            format="json",
            serialized_data=f'[{{"fields": {{"file": "{name}"}}}}]',
            object_repr=str(conference),
        )
        deleted.delete()
        put("news/mo-coi.jpg")
        lines = self.report().splitlines()
        self.assertIn(f"{name}\t", lines[0])
        self.assertIn("khôi phục được", lines[0])
        self.assertTrue(lines[1].startswith("news/mo-coi.jpg\t"))
        self.assertNotIn("khôi phục được", lines[1])
        self.assertIn("trong đó 1 tệp còn trong lịch sử", lines[-1])

    def test_empty_media_root(self):
        """Without a media folder the report says there is nothing, without an error."""
        self.assertIn("0 tệp không còn dòng nào tham chiếu", self.report())
