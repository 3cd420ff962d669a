"""Admin for the document registry, the conferences and the committees, one module each."""

from resolutions.admin import committees, conferences, documents  # noqa: F401
