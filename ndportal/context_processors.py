from django.conf import settings


def site(request):
    """Site name and owner for the header, footer and titles."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_OWNER": settings.SITE_OWNER}
