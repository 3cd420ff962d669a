"""Staff preview of unpublished items: who may see one, and how a public view shows it.

The publication rule itself is `published()` in `ndportal/publishing.py`; this module only
widens it for staff, so readers and previews are decided in one place (docs/security.md §5).
"""

from django.utils.cache import add_never_cache_headers


def can_preview(user, model):
    """Staff who may view items of `model` in the admin may also preview them unpublished."""
    opts = model._meta
    # A committee reporter may view conferences in the admin, but only their committee's
    # (resolutions/admin/committees.py): a preview by URL would show anyone's draft.
    if hasattr(user, "committee_reporter"):
        return False
    return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


class PublishedMixin:
    """List and detail views show published items; staff may also preview the rest.

    A staff request for an unpublished item is a preview: it renders in the real
    template with a banner and is never cached. Anonymous readers get a 404.
    """

    preview_allowed = False

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.allows_preview():
            return queryset
        return queryset.published()

    def allows_preview(self):
        return self.preview_allowed and can_preview(self.request.user, self.model)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = getattr(self, "object", None)
        context["is_preview"] = obj is not None and not obj.is_public
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
