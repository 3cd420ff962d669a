"""The base of the public forms read from a query string (search, registry, conferences)."""

from django import forms


class QueryStringForm(forms.Form):
    """A form filled from the URL: a bad value drops only its own filter (docs/security.md §9)."""

    def valid_values(self):
        """The fields that validated and hold a value."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }
