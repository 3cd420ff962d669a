"""Admin for the document registry and the conferences, one module each."""

from resolutions.admin import conferences, documents  # noqa: F401
