"""Changes to published items that wait for review (bản sửa chờ duyệt).

An editor may change an article, document, conference or page that readers already see.
The change is stored here, as the values of the item's form fields, its many-to-many
choices and its child rows (photos, files, sites...), while the live row stays exactly as
it is: nothing public reads this table, and the live row's search columns, dates and
page-cache version are untouched until an approver publishes the revision. Publishing
writes the values onto the live row (same primary key, same URL) in one transaction,
with a django-reversion version before and after it.

One pending revision per item: a second editor continues the first one's draft.
"""

import copy
import secrets

import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from reversion.models import Version

from ndportal import search
from ndportal.history import DiffRow, display, track_changes
from ndportal.models import NormalizedTextModel
from ndportal.publishing import VERSION_LIMIT, Status


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", "Bản sửa nháp"
    REVIEW = "review", "Chờ duyệt thay đổi"
    RETURNED = "returned", "Bị trả lại"
    SCHEDULED = "scheduled", "Hẹn giờ áp dụng"


class RevisionRefused(Exception):
    """A step on a revision the user may not take, with the reason in Vietnamese."""


class RevisionQuerySet(models.QuerySet):
    def for_item(self, item):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(item)), object_id=item.pk
        )

    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def awaiting_review(self):
        return self.filter(status=RevisionStatus.REVIEW)

    def scheduled(self):
        return self.filter(status=RevisionStatus.SCHEDULED)

    def due(self):
        """Scheduled revisions whose time has come: the worker applies them."""
        return self.scheduled().filter(publish_at__lte=timezone.now())


class Revision(NormalizedTextModel):
    """A pending change to a published item, kept apart from the live row until approved."""

    content_type = models.ForeignKey(
        ContentType, verbose_name="loại nội dung", on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField("mã mục")
    item = GenericForeignKey("content_type", "object_id")
    data = models.JSONField("nội dung bản sửa", encoder=DjangoJSONEncoder, default=dict)
    status = models.CharField(
        "trạng thái", max_length=20, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("bắt đầu lúc", auto_now_add=True)
    updated_at = models.DateTimeField("lưu lần cuối", auto_now=True)
    submitted_at = models.DateTimeField("gửi duyệt lúc", null=True, blank=True)
    comment = models.TextField(
        "ý kiến người duyệt",
        blank=True,
        help_text="Khi trả lại, người duyệt ghi rõ cần sửa gì; người sửa thấy ý kiến này.",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publish_at = models.DateTimeField("áp dụng lúc", null=True, blank=True)
    # The live row's version when this revision was started: a later direct change of the
    # live row is shown to the approver before they publish over it.
    base_version = models.PositiveIntegerField("phiên bản gốc", default=0)
    # Optimistic locking of the revision itself, as Publishable.version does for items.
    version = models.PositiveIntegerField("phiên bản", default=0)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = "bản sửa chờ duyệt"
        verbose_name_plural = "bản sửa chờ duyệt"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_revision_per_item"
            )
        ]

    def __str__(self):
        return f"Bản sửa của “{self.item}”"

    def save(self, *args, **kwargs):
        previous = self.version
        while self.version == previous:
            self.version = secrets.randbelow(VERSION_LIMIT) + 1
        super().save(*args, **kwargs)

    @property
    def model(self):
        return self.content_type.model_class()

    def live(self, *, lock=False):
        manager = self.model._default_manager
        if lock:
            manager = manager.select_for_update(of=("self",))
        return manager.get(pk=self.object_id)

    # --- Reading the stored values --------------------------------------------------

    def candidate(self, live=None):
        """The live item with this revision's field values, in memory only (never saved)."""
        live = live if live is not None else self.live()
        item = _deserialize(type(live), live.pk, self.data.get("fields", {}))
        candidate = copy.copy(live)  # Model.__getstate__ copies the relation caches too
        for name in self.data.get("fields", {}):
            field = type(live)._meta.get_field(name)
            setattr(candidate, field.attname, getattr(item, field.attname))
        # `candidate.photos.all()` then lists the revision's rows, so the publication check
        # (alt text of every photo) and the search text judge what would be published.
        cache = candidate.__dict__.setdefault("_prefetched_objects_cache", {})
        for model in self.child_models():
            rows = self.child_rows(model, live)
            queryset = model._default_manager.none()
            queryset._result_cache, queryset._prefetch_done = rows, True
            fk = model._meta.get_field(self.data["children"][model._meta.label_lower]["fk"])
            cache[fk.remote_field.cache_name] = queryset
        return candidate

    def m2m_initial(self):
        """{field name: [pk...]} of the many-to-many choices, as a form's initial data."""
        return dict(self.data.get("m2m", {}))

    def child_models(self):
        return [_model(label) for label in self.data.get("children", {})]

    def child_rows(self, model, live):
        """The child rows of `model` this revision keeps: live rows with the revision's
        values (existing ones) and new unsaved rows, in their stored order."""
        block = self.data.get("children", {}).get(model._meta.label_lower)
        if block is None:
            return None
        existing = {row.pk: row for row in model._default_manager.filter(**{block["fk"]: live.pk})}
        rows = []
        for stored in block["rows"]:
            values = _deserialize(model, stored["pk"], stored["fields"])
            row = existing.get(stored["pk"]) or model(**{f"{block['fk']}_id": live.pk})
            for name in stored["fields"]:
                field = model._meta.get_field(name)
                setattr(row, field.attname, getattr(values, field.attname))
            rows.append(row)
        return rows

    def new_child_rows(self, model, live):
        return [row for row in self.child_rows(model, live) or [] if row.pk is None]

    # --- Diff against the live version ------------------------------------------------

    def diff(self):
        """Rows for every field, choice list and child list that differs from the live row."""
        live = self.live()
        candidate = self.candidate(live)
        rows = []
        for name in self.data.get("fields", {}):
            field = type(live)._meta.get_field(name)
            old, new = field.value_from_object(live), field.value_from_object(candidate)
            if isinstance(old, FieldFile):
                old, new = old.name, new.name
            if old == new:
                continue
            row = DiffRow(capfirst(field.verbose_name), display(field, old), display(field, new))
            if row.before == row.after:
                continue
            if isinstance(field, (models.TextField, models.CharField)) and not field.choices:
                # Word by word, so a corrected letter in a title shows as one changed word.
                row.inline = track_changes(
                    "" if row.before == "—" else row.before, "" if row.after == "—" else row.after
                )
            rows.append(row)
        for name, pks in self.data.get("m2m", {}).items():
            field = type(live)._meta.get_field(name)
            old = sorted(getattr(live, name).values_list("pk", flat=True))
            if old != sorted(pks):
                rows.append(
                    DiffRow(capfirst(field.verbose_name), display(field, old), display(field, pks))
                )
        for model in self.child_models():
            fk = self.data["children"][model._meta.label_lower]["fk"]
            old = sorted(str(r) for r in model._default_manager.filter(**{fk: live.pk}))
            new = sorted(str(r) for r in self.child_rows(model, live))
            if old != new:
                rows.append(
                    DiffRow(
                        capfirst(model._meta.verbose_name_plural),
                        "; ".join(old) or "—",
                        "; ".join(new) or "—",
                    )
                )
        return rows

    def live_changed_since(self):
        """True when the live row was saved directly after this revision was started."""
        return self.live().version != self.base_version

    @property
    def is_returned(self):
        return self.status == RevisionStatus.RETURNED


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def _deserialize(model, pk, fields):
    """An unsaved instance of `model` with `fields` as the python serializer reads them."""
    if not fields:
        return model()
    stored = {"model": model._meta.label_lower, "pk": pk, "fields": fields}
    return next(serializers.deserialize("python", [stored], ignorenonexistent=True)).object


def _serialize(instance, names):
    """The values of `names` (concrete, non-m2m fields) as JSON-ready python values.

    A file chosen in the form is stored now (re-encoded, server-named, as any upload), so
    the revision holds its name only; no live row refers to it until publication.
    """
    names = [n for n in names if not instance._meta.get_field(n).many_to_many]
    for name in names:
        field = instance._meta.get_field(name)
        if isinstance(field, models.FileField):
            field.pre_save(instance, False)
    return serializers.serialize("python", [instance], fields=names)[0]["fields"]


def _form_field_names(form):
    model = form._meta.model
    concrete = {f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key}
    return [name for name in form.cleaned_data if name in concrete]


def revision_data(*, form, formsets, previous=None):
    """What a submitted admin form and its inline formsets ask to change, as stored data.

    Child rows added in an earlier save of the same revision are carried over: the form
    shows them as a list, not as editable rows (discard the revision to drop them).
    """
    item = form.instance
    data = {"fields": _serialize(item, _form_field_names(form)), "m2m": {}, "children": {}}
    for field in item._meta.many_to_many:
        if field.name in form.cleaned_data:
            data["m2m"][field.name] = sorted(obj.pk for obj in form.cleaned_data[field.name])
    previous_children = (previous.data if previous else {}).get("children", {})
    for formset in formsets:
        label = formset.model._meta.label_lower
        rows = [row for row in previous_children.get(label, {}).get("rows", []) if not row["pk"]]
        deleted = set(map(id, formset.deleted_forms))
        for child_form in formset.forms:
            if id(child_form) in deleted:
                continue
            if child_form.instance.pk is None and not child_form.has_changed():
                continue
            names = [
                n
                for n in _form_field_names(child_form)
                if n not in (formset.fk.name, formset.model._meta.pk.name)
            ]
            rows.append(
                {"pk": child_form.instance.pk, "fields": _serialize(child_form.instance, names)}
            )
        data["children"][label] = {"fk": formset.fk.name, "rows": rows}
    return data


# --- Services: saving, the review steps, publication ------------------------------------


def pending_revision(item):
    if item is None or item.pk is None:
        return None
    return Revision.objects.for_item(item).select_related("author", "reviewed_by").first()


@transaction.atomic
def revision_save(*, item, user, form, formsets, submit=False) -> Revision:
    """Store the form's values as the item's pending revision; the live row is not written."""
    revision = Revision.objects.for_item(item).select_for_update().first()
    if revision is None:
        stored_version = (
            type(item)._default_manager.filter(pk=item.pk).values_list("version", flat=True)[0]
        )
        revision = Revision(
            content_type=ContentType.objects.get_for_model(type(item)),
            object_id=item.pk,
            base_version=stored_version,
        )
    revision.data = revision_data(form=form, formsets=formsets, previous=revision)
    revision.author = user
    if revision.status == RevisionStatus.SCHEDULED:
        # The approver scheduled other content: a change after that needs a new review.
        revision.status, revision.publish_at = RevisionStatus.DRAFT, None
    if submit:
        revision.status = RevisionStatus.REVIEW
        revision.submitted_at = timezone.now()
    revision.save()
    return revision


def may_publish_revision(user, revision, live=None) -> str | None:
    """Why `user` may not publish, schedule or return `revision`, or None."""
    from ndportal import workflow

    live = live if live is not None else revision.live()
    if not workflow.can_publish(user, type(live)):
        return "Chỉ người duyệt mới xuất bản hoặc trả lại bản sửa."
    for item in (live, revision.candidate(live)):
        reason = workflow.scope_refusal(user=user, item=item)
        if reason:
            return reason
    return None


def revision_refusal(*, user, revision, action, note="", publish_at=None) -> str | None:
    """Why `user` may not take `action` on `revision` as stored, or None when allowed."""
    live = revision.live()
    model = type(live)
    if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        return "Bạn không có quyền sửa mục này."
    state = RevisionStatus(revision.status)
    sources = {
        "submit": {RevisionStatus.DRAFT, RevisionStatus.RETURNED},
        "withdraw": {RevisionStatus.REVIEW, RevisionStatus.SCHEDULED},
        "publish": set(RevisionStatus),
        "schedule": set(RevisionStatus),
        "return": {RevisionStatus.REVIEW, RevisionStatus.SCHEDULED},
        "discard": set(RevisionStatus),
    }[action]
    if state not in sources:
        return f"Không thể làm thao tác này với bản sửa đang ở trạng thái “{state.label.lower()}”."
    if action in ("publish", "schedule", "return"):
        reason = may_publish_revision(user, revision, live)
        if reason:
            return reason
    if action == "discard" and revision.author_id != user.pk:
        if may_publish_revision(user, revision, live):
            return "Chỉ người sửa hoặc người duyệt mới hủy được bản sửa."
    if action == "return" and not note.strip():
        return "Hãy ghi rõ lý do trả lại để người sửa biết cần sửa gì."
    if action == "schedule" and (publish_at is None or publish_at <= timezone.now()):
        return "Hãy chọn một thời điểm trong tương lai để hẹn giờ."
    if action in ("publish", "schedule"):
        if live.status != Status.PUBLISHED:
            return "Mục này không còn ở trạng thái đã xuất bản: hãy sửa trực tiếp trên mục."
        problems = revision.candidate(live).publication_problems()
        if problems:
            return "Chưa xuất bản được: " + "; ".join(problems)
    return None


OUTCOMES = {
    "submit": "Đã gửi duyệt thay đổi của “{item}”. Bản đang hiện trên cổng giữ nguyên tới khi "
    "người duyệt xuất bản.",
    "withdraw": "Đã rút bản sửa của “{item}” về bản nháp.",
    "publish": "Đã xuất bản thay đổi của “{item}”: bạn đọc đã thấy bản mới, cùng đường dẫn.",
    "schedule": "Đã hẹn giờ: thay đổi của “{item}” sẽ được áp dụng lúc {when}.",
    "return": "Đã trả lại bản sửa của “{item}” cho người sửa, kèm ý kiến của bạn.",
    "discard": "Đã hủy bản sửa của “{item}”. Bản đang hiện trên cổng không đổi.",
}


@transaction.atomic
def revision_act(*, revision, user, action, note="", publish_at=None) -> str:
    """Take a review step on `revision` (re-read under a lock); returns the outcome message."""
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    reason = revision_refusal(
        user=user, revision=revision, action=action, note=note, publish_at=publish_at
    )
    if reason:
        raise RevisionRefused(reason)
    item = revision.live()
    when = ""
    if action == "publish":
        revision_apply(revision=revision, user=user)
    elif action == "discard":
        revision.delete()
    else:
        revision.status = {
            "submit": RevisionStatus.REVIEW,
            "withdraw": RevisionStatus.DRAFT,
            "schedule": RevisionStatus.SCHEDULED,
            "return": RevisionStatus.RETURNED,
        }[action]
        if action == "submit":
            revision.submitted_at = timezone.now()
        if action in ("return", "schedule"):
            revision.reviewed_by = user
        revision.comment = note.strip() if action == "return" else ""
        revision.publish_at = publish_at if action == "schedule" else None
        revision.save()
        if action == "schedule":
            when = date_format(timezone.localtime(publish_at), "H:i, d/m/Y")
            schedule_application(publish_at)
    return OUTCOMES[action].format(item=item, when=when)


def revision_apply(*, revision, user=None) -> None:
    """Write the revision onto the live row (same pk and URL), then forget the revision.

    Runs inside the caller's transaction. django-reversion keeps the live version before
    (added now if the item never had one) and the published revision after.
    """
    live = revision.live(lock=True)
    model = type(live)
    if not Version.objects.get_for_object(live).exists():
        with reversion.create_revision():
            reversion.add_to_revision(live)
            reversion.set_comment("Bản đang hiện trước khi áp dụng bản sửa")
    candidate = revision.candidate(live)
    children = {m: revision.child_rows(m, live) for m in revision.child_models()}
    with reversion.create_revision():
        candidate.updated_by = user or revision.reviewed_by
        candidate.review_note = ""
        candidate.save()
        for name, pks in revision.data.get("m2m", {}).items():
            getattr(candidate, name).set(pks)
        for child_model, rows in children.items():
            fk = revision.data["children"][child_model._meta.label_lower]["fk"]
            kept = [row.pk for row in rows if row.pk]
            child_model._default_manager.filter(**{fk: live.pk}).exclude(pk__in=kept).delete()
            for row in rows:
                row.save()
        search.refresh(model, live.pk)
        author = revision.author
        who = (author.get_full_name() or author.get_username()) if author else "người sửa"
        reversion.set_user(user)
        reversion.set_comment(f"Xuất bản bản sửa của {who}")
    revision.delete()


def apply_due_revisions() -> int:
    """Apply every scheduled revision whose time has come; returns how many."""
    applied = 0
    for pk in Revision.objects.due().values_list("pk", flat=True):
        with transaction.atomic():
            revision = Revision.objects.select_for_update().filter(pk=pk).first()
            if revision is None or revision.status != RevisionStatus.SCHEDULED:
                continue
            if revision.publish_at > timezone.now():
                continue
            revision_apply(revision=revision, user=revision.reviewed_by)
            applied += 1
    return applied


def schedule_application(publish_at):
    """Ask the worker to apply due revisions at `publish_at` (after this transaction commits)."""
    from ndportal.tasks import apply_revisions_when_due

    def enqueue():
        task = apply_revisions_when_due
        if task.get_backend().supports_defer:
            task = task.using(run_after=publish_at)
        task.enqueue()

    transaction.on_commit(enqueue)
