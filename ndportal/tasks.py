"""Background work of the project package: applying scheduled revisions when due, and the
responsive renditions of uploaded images.

Run by the worker (`manage.py db_worker`), like the attachment reading in
resolutions/tasks.py. A revision's task is enqueued with `run_after` when an approver
schedules it; it applies every due revision, so a task that runs late, twice or for a
revision since changed does the right thing. ndportal/renditions.py says what renditions
are made and where.
"""

from django.apps import apps
from django_tasks import task

from ndportal import renditions
from ndportal.cache import bump_content_version
from ndportal.revisions import apply_due_revisions


@task()
def apply_revisions_when_due() -> int:
    return apply_due_revisions()


@task()
def build_renditions(model_label: str, pk: int, field_name: str, file_name: str) -> str:
    """Make the renditions of one stored image and record them on its row.

    Safe to run twice or after a crash: the record is written by primary key, and only
    while the row still holds the file named `file_name` (a replaced image has a task of
    its own). Not `save()`: that would give the item a new version, and an editor's open
    form would then be refused as edited by someone else.
    """
    model = apps.get_model(model_label)
    field = model._meta.get_field(field_name)
    current = model._base_manager.filter(pk=pk, **{field_name: file_name})
    stored = current.first()
    if stored is None:
        return "gone"
    try:
        (width, height), widths = renditions.build(getattr(stored, field_name))
    except OSError:  # the stored file has gone missing: report_orphan_files tells more
        return "missing"
    values = {
        field.width_field: width,
        field.height_field: height,
        field.renditions_field: {"source": file_name, "widths": widths},
    }
    if current.update(**values):
        bump_content_version()  # cached pages show the original until they expire otherwise
    return "made" if widths else "none"
