"""iCalendar output for conferences: a feed of upcoming ones and one file per conference.

Times are written in UTC (the trailing Z), which every calendar app converts to the
reader's own zone; no VTIMEZONE block is needed for that.
"""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event

PRODUCT_ID = "-//Tinh uy Nam Dinh//Cong thong tin Nghi quyet//VI"


def conference_event(conference, request):
    event = Event()
    event.add("uid", f"hoi-nghi-{conference.pk}@ndportal")
    event.add("summary", conference.title)
    event.add("dtstart", conference.starts_at)
    # Without a known end the event has no DTEND: RFC 5545 then reads it as an instant
    # rather than inventing a duration nobody announced.
    if conference.ends_at:
        event.add("dtend", conference.ends_at)
    event.add("dtstamp", conference.updated_at)
    event.add("location", conference.place)
    url = request.build_absolute_uri(conference.get_absolute_url())
    event.add("url", url)
    lines = [
        f"{conference.get_level_display()} · {conference.get_format_display()}",
        conference.organiser_name and f"Đơn vị tổ chức: {conference.organiser_name}",
        conference.chair and f"Chủ trì: {conference.chair}",
        conference.target_group and f"Thành phần: {conference.target_group}",
        url,
    ]
    event.add("description", "\n".join(line for line in lines if line))
    return event


def calendar_response(conferences, request, *, name, filename=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for conference in conferences:
        calendar.add_component(conference_event(conference, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
