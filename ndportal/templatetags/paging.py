"""`{% page_links page_obj %}`: numbered pages for every public list (includes/pagination.html)."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def page_links(context, page_obj, param="page"):
    """Previous, numbered pages (the first, the last, two each side of this one), next.

    `param` is the list's page parameter: "page" for the generic list views, "trang" for
    search. Links keep the rest of the query string (filters, sort).
    """
    if page_obj is None or not page_obj.has_other_pages():
        return {"page_obj": None}

    path = context["request"].path

    def link(number):
        # Page 1 is the list's own address, without the parameter (one URL per page).
        query = querystring(context, **{param: None if number == 1 else number})
        return path + (query if query != "?" else "")

    paginator = page_obj.paginator
    numbers = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == paginator.ELLIPSIS:
            numbers.append((None, None))
        else:
            numbers.append((number, link(number)))
    return {
        "page_obj": page_obj,
        "numbers": numbers,
        "previous_url": link(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": link(page_obj.next_page_number()) if page_obj.has_next() else "",
    }
