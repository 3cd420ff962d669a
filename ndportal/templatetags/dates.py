"""`{{ value|long_date }}` and `{{ value|long_datetime }}`: "Thứ Tư, 02/12/2026 14:30"."""

from django import template

from ndportal import dates

register = template.Library()


@register.filter
def long_date(value):
    return dates.long_date(value) if value else ""


@register.filter
def long_datetime(value):
    return dates.long_date(value, with_time=True) if value else ""
