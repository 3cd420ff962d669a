"""Vietnamese weekday names, written out the same way everywhere (Thứ Hai … Chủ nhật).

Django's `vi` locale names them "Thứ 2" … "Thứ 7" beside "Chủ nhật": a mix of figures
and words on one calendar row. Official Vietnamese writing spells every day out.
"""

from django.utils import timezone

# Monday first, as datetime.weekday() counts.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday_name(value):
    return WEEKDAYS[value.weekday()]


def long_date(value, with_time=False):
    """ "Thứ Tư, 02/12/2026" (and " 14:30"); an aware datetime is read in local time."""
    if hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    text = f"{weekday_name(value)}, {value:%d/%m/%Y}"
    if with_time:
        text += f" {value:%H:%M}"
    return text
