"""The query string of the term dashboard and its exports (`?khoa=XX`)."""

from django import forms

from ndportal.forms import QueryStringForm
from resolutions.models import Term


class TermForm(QueryStringForm):
    khoa = forms.ModelChoiceField(
        label="Nhiệm kỳ", queryset=Term.objects.all(), to_field_name="name", required=False
    )
