"""`{% picture image alt=... sizes=... %}`: one stored image as a responsive `<picture>`.

Every public template shows uploaded images through this tag and `includes/picture.html`,
so renditions, width and height and lazy loading are decided in one place
(ndportal/renditions.py).
"""

from django import template

from ndportal.renditions import picture as picture_of

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, alt="", sizes="100vw", lazy=True, css_class=""):
    """`lazy=False` for the image at the top of the first screen (fetched at once)."""
    return {
        "picture": picture_of(image),
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "css_class": css_class,
    }
