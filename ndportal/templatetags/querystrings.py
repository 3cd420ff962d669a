"""`{% filter_link %}`: Django's `{% querystring %}` for a parameter named by a variable."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_link(context, name, value):
    """The page's query string with `name` set to `value` (removed when None), from page 1.

    Django 5.2's `{% querystring %}` takes literal parameter names only; facet links are
    written in a loop over the facets, whose names are variables.
    """
    return querystring(context, **{name: value, "page": None})
