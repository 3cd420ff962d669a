"""Read an RSS 2.0 response with the standard library, the way a feed reader would."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime


def parse_rss(response):
    """(channel fields, items) from an RSS 2.0 response; raises if the XML is not well formed."""
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0", root.tag
    channel = root.find("channel")
    fields = {name: channel.findtext(name) for name in ("title", "link", "description", "language")}
    items = [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description"),
            "guid": item.findtext("guid"),
            "pubdate": parsedate_to_datetime(item.findtext("pubDate")),
            "categories": [category.text for category in item.findall("category")],
        }
        for item in channel.findall("item")
    ]
    return fields, items
