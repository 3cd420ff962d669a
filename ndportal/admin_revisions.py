"""The admin side of pending revisions (ndportal/revisions.py), mixed into PublishableAdmin.

When a user may not publish a published item (workflow.edits_as_revision), its change form
opens on the pending revision (or on the live values when there is none yet), and saving
stores a revision instead of writing the live row. The revision page shows the diff
against the live version and the review steps; every step is decided by
revisions.revision_refusal() on the stored revision, whatever the page showed.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from ndportal import revisions, workflow

REVISION_READONLY = ("status", "published_at", "review_note")


class RevisionActionForm(forms.Form):
    """A review step posted from the revision page."""

    action = forms.ChoiceField(
        choices=[(name, name) for name in revisions.OUTCOMES], widget=forms.HiddenInput
    )
    note = forms.CharField(label="Ý kiến khi trả lại", required=False, widget=forms.Textarea)
    publish_at = forms.DateTimeField(
        label="Áp dụng lúc",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class RevisionRowsFormSetMixin:
    """An inline formset showing the revision's version of existing child rows, not the live one."""

    revision_rows = ()

    def get_queryset(self):
        return self.revision_rows


ACTION_LABELS = {
    "submit": "Gửi duyệt thay đổi",
    "withdraw": "Rút về bản nháp",
    "publish": "Xuất bản thay đổi",
    "schedule": "Hẹn giờ áp dụng",
    "return": "Trả lại",
    "discard": "Hủy bản sửa",
}


class RevisionAdminMixin:
    def _revision_state(self, request, obj):
        """(revision mode?, pending revision) for this request and stored item."""
        key = getattr(obj, "pk", None)
        cache = request.__dict__.setdefault("_revision_state", {})
        if key not in cache:
            mode = workflow.edits_as_revision(request.user, obj)
            cache[key] = (mode, revisions.pending_revision(obj) if obj is not None else None)
        return cache[key]

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None or not getattr(request, "_editing_revision", False):
            return obj
        mode, revision = self._revision_state(request, obj)
        if mode and revision is not None:
            candidate = revision.candidate(obj)
            # The hidden version field then guards the revision, not the live row.
            candidate.version = revision.version
            return candidate
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        stored = super().get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if stored is not None:
            mode, revision = self._revision_state(request, stored)
            request._editing_revision = mode
            extra_context.update(
                revision_mode=mode,
                pending_revision=revision,
                revision_url=self._revision_url(stored) if revision else None,
                carried_rows=self._carried_rows(revision, stored) if mode and revision else [],
            )
            if mode:
                # One row of buttons that say what they do ("Lưu bản sửa", "Gửi duyệt thay
                # đổi"), not Django's three saves, which would read as changing the live item.
                extra_context.update(
                    show_save=False, show_save_and_continue=False, show_save_and_add_another=False
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def _carried_rows(self, revision, live):
        return [
            (model._meta.verbose_name, row)
            for model in revision.child_models()
            for row in revision.new_child_rows(model, live)
        ]

    def _revision_url(self, item):
        opts = item._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_pending_revision", args=[item.pk])

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if self._revision_state(request, obj)[0]:
            readonly = (*readonly, *(f for f in REVISION_READONLY if f not in readonly))
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        mode, revision = self._revision_state(request, obj)
        form.revision_mode = mode
        form.revision = revision
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        mode, revision = self._revision_state(request, obj)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if mode and revision is not None:
                rows = revision.child_rows(formset.model, obj)
                if rows is not None:
                    formset = type(
                        formset.__name__,
                        (RevisionRowsFormSetMixin, formset),
                        {"revision_rows": [row for row in rows if row.pk]},
                    )
            yield formset, inline

    def save_model(self, request, obj, form, change):
        if change and getattr(form, "revision_mode", False):
            return  # the live row is not written: save_related stores the revision
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not (change and getattr(form, "revision_mode", False)):
            return super().save_related(request, form, formsets, change)
        request._saved_revision = revisions.revision_save(
            item=form.instance,
            user=request.user,
            form=form,
            formsets=formsets,
            submit=request.POST.get("_revision") == "submit",
        )

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and getattr(form, "revision_mode", False):
            if request.POST.get("_revision") == "submit":
                return "Lưu và gửi duyệt bản sửa (bản trên cổng chưa đổi)."
            return "Lưu bản sửa chờ duyệt (bản trên cổng chưa đổi)."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        revision = getattr(request, "_saved_revision", None)
        if revision is None:
            return super().response_change(request, obj)
        obj = revision.live()  # name the item as readers know it, not by the draft's title
        if revision.status == revisions.RevisionStatus.REVIEW:
            message = revisions.OUTCOMES["submit"].format(item=obj)
        else:
            message = (
                f"Đã lưu bản sửa của “{obj}”. Bạn đọc vẫn thấy bản đang hiện; bấm “Gửi duyệt "
                "thay đổi” khi xong."
            )
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self._revision_url(obj))

    # --- The revision page: diff and review steps -----------------------------------

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/ban-sua/",
                self.admin_site.admin_view(self.pending_revision_view),
                name="{}_{}_pending_revision".format(*info),
            ),
            *super().get_urls(),
        ]

    def pending_revision_view(self, request, object_id):
        item = super().get_object(request, unquote(object_id))
        if item is None or not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        revision = revisions.pending_revision(item)
        if revision is None:
            raise Http404("Mục này không có bản sửa chờ duyệt.")
        form = RevisionActionForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                data = form.cleaned_data
                try:
                    outcome = revisions.revision_act(
                        revision=revision,
                        user=request.user,
                        action=data["action"],
                        note=data["note"],
                        publish_at=data["publish_at"],
                    )
                except revisions.RevisionRefused as refusal:
                    self.message_user(request, str(refusal), messages.ERROR)
                else:
                    self.message_user(request, outcome, messages.SUCCESS)
                    opts = item._meta
                    target = (
                        request.path
                        if revisions.pending_revision(item)
                        else reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
                        )
                    )
                    return HttpResponseRedirect(target)
            else:
                self.message_user(request, "Thao tác không hợp lệ.", messages.ERROR)
        opts = self.model._meta
        actions = [
            (name, ACTION_LABELS[name])
            for name in ACTION_LABELS
            if revisions.revision_refusal(
                user=request.user,
                revision=revision,
                action=name,
                note="-",
                publish_at=timezone.now() + datetime.timedelta(days=1),
            )
            is None
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "original": item,
            "title": f"Bản sửa chờ duyệt của {opts.verbose_name} “{item}”",
            "revision": revision,
            "rows": revision.diff(),
            "live_changed": revision.live_changed_since(),
            "actions": actions,
            "action_names": [name for name, _ in actions],
            "form": form,
            "change_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
            ),
            "public_url": item.get_absolute_url() if item.is_public else "",
        }
        return TemplateResponse(request, "admin/ndportal/revision_pending.html", context)
