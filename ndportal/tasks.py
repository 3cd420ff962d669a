"""Background work of the project package: applying scheduled revisions when due.

Enqueued with `run_after` when an approver schedules a revision; the worker
(`manage.py db_worker`) runs it at that time. It applies every due revision, so a task
that runs late, twice or for a revision since changed does the right thing.
"""

from django_tasks import task

from ndportal.revisions import apply_due_revisions


@task()
def apply_revisions_when_due() -> int:
    return apply_due_revisions()
