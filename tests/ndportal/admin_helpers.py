"""Helpers for driving the admin through the test client as a given role."""

import datetime

from django import forms
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from ndportal.roles import ROLES


def make_member(role, username=None):
    """A staff user in the group of `role` ('editor', 'approver', 'admin')."""
    user = User.objects.create_user(
        username=username or f"{role}-user", password="mat-khau-thu", is_staff=True
    )
    user.groups.add(Group.objects.get(name=ROLES[role].group))
    return user


def admin_url(obj_or_model, view="change", *args):
    opts = obj_or_model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{view}"
    if view in {"change", "delete", "history"}:
        return reverse(name, args=[obj_or_model.pk, *args])
    return reverse(name, args=args)


def _post_value(field, value):
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return getattr(value, "pk", value)


def form_data(response):
    """POST data equal to what the admin change (or add) page shows, inlines included."""
    context = response.context
    forms_on_page = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms_on_page.append(inline.formset.management_form)
        forms_on_page.extend(inline.formset.forms)
    data = {}
    for form in forms_on_page:
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            value = form[name].value()
            if isinstance(field, forms.FileField) or value is None:
                continue
            if isinstance(field.widget, forms.SplitDateTimeWidget):
                if isinstance(value, datetime.datetime):
                    local = timezone.localtime(value)
                    data[f"{key}_0"] = local.strftime("%Y-%m-%d")
                    data[f"{key}_1"] = local.strftime("%H:%M:%S")
                continue
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            data[key] = _post_value(field, value)
    return data


def local_parts(moment):
    """The two inputs of the admin's split date-time widget for an aware datetime."""
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")
