"""The one HTML sanitiser of the portal and the model field that applies it.

Rich text arrives from CKEditor 4.22, which has unfixed CVEs, and any staff user can
post raw HTML past it. So every rich-text value is cleaned with nh3 on its way into
the database (get_prep_value also covers QuerySet.update and loaddata).
"""

import re

import nh3
from django.db import models

from ndportal.text import nfc

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"style"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_STYLE_PROPERTIES = {"text-align", "width", "height", "float", "margin-left"}
# Image alignment and captions from CKEditor's image2 plugin (CKEDITOR_CONFIGS); any other
# class is dropped, so pasted Word classes never reach the page.
IMAGE_CLASSES = {"image", "image-left", "image-center", "image-right"}
ALLOWED_CLASSES = {"figure": IMAGE_CLASSES, "img": IMAGE_CLASSES, "p": IMAGE_CLASSES}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# nh3 keeps an allowed CSS property whatever its value ("width:expression(...)",
# "width:url(javascript:...)"). Layout values need none of ( ) : ; " ' \, so refuse them.
_SAFE_STYLE_VALUE = re.compile(r"^[\w\s.,%#+-]+$")


def _clean_style(value):
    declarations = []
    for declaration in value.split(";"):
        name, colon, style_value = declaration.partition(":")
        name, style_value = name.strip().lower(), style_value.strip()
        if colon and name in ALLOWED_STYLE_PROPERTIES and _SAFE_STYLE_VALUE.match(style_value):
            declarations.append(f"{name}:{style_value}")
    return ";".join(declarations) or None


def _filter_attribute(element, attribute, value):
    if attribute == "style":
        return _clean_style(value)
    return value


def sanitize_html(value):
    """Return `value` with only the allowlisted tags, attributes, styles and URL schemes."""
    if not value:
        return ""
    return nh3.clean(
        nfc(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        allowed_classes=ALLOWED_CLASSES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class SanitizedHTMLField(models.TextField):
    """A TextField whose value is always sanitised before it reaches the database."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return sanitize_html(super().get_prep_value(value))
