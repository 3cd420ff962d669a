from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from news.navigation import nav_categories


def navigation(request):
    """The main navigation's categories (read only when shown) and today's local date.

    The date is in every page, so no page is cached past local midnight
    (ndportal.cache.page_timeout).
    """
    return {"nav_categories": SimpleLazyObject(nav_categories), "today": timezone.localdate()}
