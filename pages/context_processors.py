from django.utils.functional import SimpleLazyObject

from pages.footer import footer_data


def footer(request):
    """The footer's links, read only when a template shows the footer."""
    return {"footer": SimpleLazyObject(footer_data)}
