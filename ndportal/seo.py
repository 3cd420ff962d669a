"""What a page tells search engines and share previews, in one place: `{% seo_head %}`.

base.html calls it once in <head>. From the page's own object (an article, a document, a
conference, a category) it writes the meta description, the canonical URL, the robots
rule, the OpenGraph and Twitter-card tags, and one JSON-LD block; `{% share_links %}` the
share and print controls. Every value goes through
format_html (escaped); the JSON-LD is built with json.dumps and `<` is written `\\u003C`,
so no title can close the <script> element. JSON-LD is data, never run: the CSP's script-src
does not apply to it (tests/browser/test_share_and_json_ld.py checks that no violation is
reported). Filtered registry states are `noindex, follow`, canonical to the plain list.
"""

import json
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from ndportal.renditions import picture

DESCRIPTION_LENGTH = 160
DEFAULT_IMAGE = "img/og-default.png"

# The project package never imports the apps (README, Architecture): objects are told
# apart by their model label, and the choices below are the stored values of
# resolutions.models.Validity and ConferenceFormat.
ARTICLE, CATEGORY, DOCUMENT, CONFERENCE = (
    "news.article",
    "news.category",
    "resolutions.document",
    "resolutions.conference",
)
ITEMS = {ARTICLE, DOCUMENT, CONFERENCE}

LEGAL_FORCE = {
    "in_force": "https://schema.org/InForce",
    "expired": "https://schema.org/NotInForce",
    "suspended": "https://schema.org/NotInForce",
    "not_yet": "https://schema.org/NotInForce",
    "partly_expired": "https://schema.org/PartiallyInForce",
}

ATTENDANCE_MODE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


# Outgoing relation kinds (resolutions.models.RelationKind values) as schema.org properties.
LEGISLATION_LINKS = {
    "amends": "legislationChanges",
    "replaces": "legislationChanges",
    "repeals": "legislationChanges",
    "corrects": "legislationChanges",
    "consolidates": "legislationConsolidates",
}


def kind(obj):
    meta = getattr(obj, "_meta", None)
    return meta.label_lower if meta is not None else None


# The registry's query-string keys that only turn pages: any other key is a filtered state.
PAGE_KEY = "page"


def is_filtered(request):
    """True when the query string asks for more than a page number (a filter, sort or q)."""
    return any(key != PAGE_KEY for key in request.GET)


def is_noindex(request):
    """Filtered states of the registry: followed, not indexed (a crawler trap otherwise)."""
    return request.path == reverse("resolutions:document-list") and is_filtered(request)


def canonical_url(request, page_obj=None):
    """The absolute URL without query string; list pages keep their page number."""
    url = request.build_absolute_uri(request.path)
    if page_obj is not None and not is_filtered(request) and page_obj.number > 1:
        url += f"?{PAGE_KEY}={page_obj.number}"
    return url


def short(text):
    return Truncator(" ".join(str(text or "").split())).chars(DESCRIPTION_LENGTH)


def page_object(context):
    obj = context.get("object")
    if kind(obj) in ITEMS:
        return obj
    category = context.get("category")
    return category if kind(category) == CATEGORY else None


def description_of(obj):
    if kind(obj) == ARTICLE:
        return obj.lead
    if kind(obj) == DOCUMENT:
        return (
            obj.summary
            or f"{obj.doc_type.name} số {obj.number} của {obj.issuing_body.name}: {obj.title}"
        )
    if kind(obj) == CONFERENCE:
        return f"{obj.title}. {obj.starts_at:%d/%m/%Y}, {obj.place}."
    if kind(obj) == CATEGORY:
        return obj.description or f"Tin tức chuyên mục {obj.name} của {settings.SITE_OWNER}."
    return (
        f"Nghị quyết, văn bản, hội nghị học tập, quán triệt và tin tức của {settings.SITE_OWNER}."
    )


def image_of(request, obj):
    if kind(obj) == ARTICLE and obj.cover_image:
        # The largest JPEG rendition once made (sharing apps want a JPEG, not a 4000 px photo).
        return request.build_absolute_uri(picture(obj.cover_image).src)
    return request.build_absolute_uri(static(DEFAULT_IMAGE))


def organization(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_OWNER,
        "url": request.build_absolute_uri(reverse("home")),
        "logo": request.build_absolute_uri(static(DEFAULT_IMAGE)),
    }


def item_data(request, obj, url, image, relations=()):
    """The schema.org description of the page's object, or None."""
    if kind(obj) == ARTICLE:
        return {
            "@type": "NewsArticle",
            "headline": obj.title,
            "description": short(obj.lead),
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": obj.published_at.isoformat() if obj.published_at else None,
            "dateModified": obj.updated_at.isoformat(),
            "author": {"@type": "Person", "name": obj.author}
            if obj.author
            else {"@type": "Organization", "name": settings.SITE_OWNER},
            "image": [image],
            "publisher": organization(request),
        }
    if kind(obj) == DOCUMENT:
        data = {
            "@type": "Legislation",
            "name": f"{obj.doc_type.name} số {obj.number}",
            "headline": obj.title,
            "url": url,
            "legislationIdentifier": obj.number,
            "legislationDate": obj.issued_on.isoformat(),
            "legislationPassedBy": {"@type": "Organization", "name": obj.issuing_body.name},
            "legislationType": obj.doc_type.name,
            "inLanguage": "vi",
        }
        if force := LEGAL_FORCE.get(obj.validity):
            data["legislationLegalForce"] = force
        for relation in relations:
            if prop := LEGISLATION_LINKS.get(relation.kind):
                data.setdefault(prop, []).append(
                    {
                        "@type": "Legislation",
                        "legislationIdentifier": relation.target.number,
                        "url": request.build_absolute_uri(relation.target.get_absolute_url()),
                    }
                )
        return data
    if kind(obj) == CONFERENCE:
        data = {
            "@type": "Event",
            "name": obj.title,
            "url": url,
            "startDate": obj.starts_at.isoformat(),
            "eventAttendanceMode": ATTENDANCE_MODE.get(obj.format),
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {
                "@type": "Place",
                "name": obj.place,
                "address": {"@type": "PostalAddress", "streetAddress": obj.place},
            },
            "organizer": {
                "@type": "Organization",
                "name": obj.organiser or str(obj.committee or settings.SITE_OWNER),
            },
            "image": [image],
        }
        if obj.ends_at:
            data["endDate"] = obj.ends_at.isoformat()
        return data
    return None


def breadcrumb_data(request, breadcrumbs, url):
    items = [("Trang chủ", request.build_absolute_uri(reverse("home")))]
    items += [
        (str(label), request.build_absolute_uri(str(link)) if link else url)
        for link, label in breadcrumbs
    ]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(items, start=1)
        ],
    }


def home_data(request):
    home = request.build_absolute_uri(reverse("home"))
    return [
        organization(request),
        {
            "@type": "WebSite",
            "name": settings.SITE_NAME,
            "url": home,
            "inLanguage": "vi",
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": request.build_absolute_uri(reverse("search"))
                    + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]


JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(graph):
    """One JSON-LD document; `<`, `>`, `&` escaped so no value can end the <script> element."""
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    # As Django's json_script: <, > and & as JSON escapes, so neither `</script>` nor `<!--`
    # can appear inside the element, whatever an editor typed.
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def _host_is_valid(request):
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def seo_head(context):
    """The description, canonical, robots, OpenGraph, Twitter card and JSON-LD of this page."""
    request = context.get("request")
    if request is None or not _host_is_valid(request):
        return ""  # e.g. the 400 page for a Host not in ALLOWED_HOSTS: no absolute URLs
    obj = page_object(context)
    url = canonical_url(request, context.get("page_obj"))
    image = image_of(request, obj)
    description = short(description_of(obj))
    title = str(getattr(obj, "title", None) or getattr(obj, "name", None) or settings.SITE_NAME)
    is_item = kind(obj) in ITEMS

    tags = [
        ("name", "description", description),
        ("property", "og:site_name", settings.SITE_NAME),
        ("property", "og:locale", "vi_VN"),
        ("property", "og:type", "article" if is_item else "website"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
    ]
    if kind(obj) == ARTICLE:
        if obj.published_at:
            tags.append(("property", "article:published_time", obj.published_at.isoformat()))
        tags.append(("property", "article:modified_time", obj.updated_at.isoformat()))
    if is_noindex(request):
        tags.insert(0, ("name", "robots", "noindex, follow"))

    graph = []
    if request.path == reverse("home"):
        graph += home_data(request)
    relations = context.get("outgoing_relations") or ()
    if (data := item_data(request, obj, url, image, relations)) is not None:
        graph.append({key: value for key, value in data.items() if value is not None})
    if breadcrumbs := context.get("breadcrumbs"):
        graph.append(breadcrumb_data(request, breadcrumbs, url))

    parts = [
        format_html_join("\n", '<meta {}="{}" content="{}">', tags),
        format_html('<link rel="canonical" href="{}">', url),
    ]
    if graph:
        parts.append(json_ld(graph))
    return mark_safe("\n".join(parts))


def share_links(context, title, print_url=""):
    """The share targets of this page: copy, Facebook, Zalo, email, print; no third-party script.

    Zalo documents only a share button drawn by its own script (sp.zalo.me/plugins/sdk.js),
    which the CSP and the no-third-party rule keep off the site. That script opens
    `https://sp.zalo.me/share_inline?url=…`; a plain link there does the same, with no
    script of theirs on our page. It is not a documented API, so "copy link" stays beside
    it for pasting into a Zalo chat.
    """
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    title = str(title)
    return {
        "share_url": url,
        "facebook_url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "zalo_url": "https://sp.zalo.me/share_inline?" + urlencode({"url": url}),
        "email_url": "mailto:?"
        + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote),
        "print_url": print_url,
    }
