"""Background tasks of the registry: reading attached files' text for search.

Run by the worker (`manage.py db_worker`, started by `make run`; its own service in
production, docs/deploy.md). Tasks are rows in the database: queued while the worker is
down, they run when it comes back.
"""

import shutil
import tempfile
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from ndportal import search
from resolutions.attachments import ExtractedText, Extraction, detect_kind
from resolutions.extraction import extract_in_child
from resolutions.models.attached_files import ReadableFile


@task()
def extract_file_text(model_label: str, pk: int, file_name: str) -> str:
    """Read one stored file's text in a bounded child process and store it.

    Safe to run twice or after a crash: the text is written over by primary key, and only
    while the row still holds the file named `file_name` (a replaced or deleted file is
    left alone; its replacement has a task of its own).
    """
    model = apps.get_model(model_label)
    if not issubclass(model, ReadableFile):
        raise ValueError(f"{model_label} has no text to read")
    current = model._base_manager.filter(pk=pk, file=file_name)
    stored = current.first()
    if stored is None:
        return "gone"
    kind = stored.kind
    try:
        with _local_copy(stored.file) as path:
            with open(path, "rb") as opened:
                kind = detect_kind(opened) or ""
            extracted = extract_in_child(
                path,
                kind,
                memory_limit=settings.EXTRACTION_MEMORY_LIMIT,
                timeout=settings.EXTRACTION_TIMEOUT,
            )
    except OSError:  # the stored file has gone missing: report_orphan_files tells more
        extracted = ExtractedText("", Extraction.FAILED)
    updated = current.update(
        kind=kind, text=extracted.text, extraction=extracted.status, extracted_at=timezone.now()
    )
    owner = stored.search_owner()
    if updated and owner is not None:
        refresh_search_text(owner)
    return extracted.status


def refresh_search_text(item):
    """Recompute an item's search columns after the text of its files changed.

    Not `item.save()`: that would give the item a new version, and an editor's open form
    would then be refused as edited by someone else.
    """
    search.refresh(type(item), item.pk)


@contextmanager
def _local_copy(field_file):
    """A path to the stored file: its own on disk storage, a temporary copy otherwise."""
    try:
        path = field_file.path
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    with tempfile.NamedTemporaryFile(suffix=".bin") as copy:
        with field_file.open("rb") as stored:
            shutil.copyfileobj(stored, copy)
        copy.flush()
        yield copy.name
