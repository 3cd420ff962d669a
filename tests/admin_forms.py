"""Drive the admin like a browser: its URLs, and a form posted back with every value it shows."""

from html.parser import HTMLParser

from django.urls import reverse
from django.utils import timezone


def admin_url(obj_or_model, view="change", *args):
    """The admin URL of `view` for a row (change, delete, history) or a model (the others)."""
    opts = obj_or_model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{view}"
    if view in {"change", "delete", "history"}:
        return reverse(name, args=[obj_or_model.pk, *args])
    return reverse(name, args=args)


def local_parts(moment):
    """The two inputs of the admin's split date-time widget for an aware datetime."""
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self.data.setdefault(name, []).append(attrs.get("value", default))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def form_data(response, form_id=None):
    """The values the admin page `response` would post from its form `form_id`.

    By default the page's change (or add) form, `<model_name>_form`, inlines included.
    """
    form_id = form_id or f"{response.context['opts'].model_name}_form"
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, values in reader.data.items():
        if not values:
            continue
        # A textarea's first newline belongs to the markup, not to the value.
        data[name] = values if len(values) > 1 else values[0].removeprefix("\n")
    return data
