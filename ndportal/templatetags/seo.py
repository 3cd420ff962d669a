"""`{% seo_head %}`: description, canonical URL, share tags and JSON-LD (ndportal/seo.py)."""

from django import template

from ndportal import seo

register = template.Library()
register.simple_tag(seo.seo_head, takes_context=True)
register.inclusion_tag("includes/share.html", takes_context=True)(seo.share_links)
