"""Settings for ndportal. Every value comes from the environment; see README.md."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off (see README.md)."
        )
    SECRET_KEY = "insecure-development-key-only-for-DJANGO_DEBUG"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "ckeditor",
    "reversion",
    "ndportal",
    "news",
    "resolutions",
    "demo",  # `manage.py load_demo` only: no models, no URLs
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ndportal.urls"
WSGI_APPLICATION = "ndportal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ndportal.context_processors.site",
            ],
        },
    },
]

# --- Database and cache -------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ndportal",
            "OPTIONS": {
                # A Redis outage slows the site down; it must not take it down.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Language and time --------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Vietnamese for third-party strings that ship without it (django-reversion).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
FORMAT_MODULE_PATH = ["ndportal.formats"]
# Django's `vi` locale leaves grouping unset, so `intcomma` wrote 1653; with this it writes
# 1.653. Only `intcomma` groups: USE_THOUSAND_SEPARATOR stays off, so years read 2025.
NUMBER_GROUPING = 3

# --- Static and media files ---------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Without debug, names carry a content hash (collectstatic writes them and their .gz/.br
    # copies) and WhiteNoise sends them with a one-year immutable cache. Run collectstatic
    # before the server starts; the tests use plain names (tests/conftest.py).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Finders serve the source folders unhashed and uncompressed: debug only.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Django serves the public image folders itself, with nginx's headers, when no nginx is in
# front (`make serve`; ndportal/media.py). Attachments never: they go through their views.
NDPORTAL_SERVE_MEDIA = env_bool("NDPORTAL_SERVE_MEDIA")
# `make bench` mounts two bare-Django reference views under /_bench/ (ndportal/bench_views.py).
NDPORTAL_BENCH_VIEWS = env_bool("NDPORTAL_BENCH_VIEWS")

# Explicit, so permissions never depend on the process umask (CVE-2026-25674).
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o755

# Upload limits, in bytes. Attachments are signed PDFs and Word files; images are photos.
ATTACHMENT_MAX_SIZE = int(os.environ.get("NDPORTAL_ATTACHMENT_MAX_SIZE", 50 * 1024 * 1024))
IMAGE_MAX_SIZE = int(os.environ.get("NDPORTAL_IMAGE_MAX_SIZE", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("NDPORTAL_IMAGE_MAX_PIXELS", 40_000_000))

# --- Storage ------------------------------------------------------------------
# Media on S3-compatible object storage (django-storages), for several app servers without
# a shared folder. Off unless NDPORTAL_S3_BUCKET is set; docs/deploy.md, "Scale-out".
NDPORTAL_S3_BUCKET = os.environ.get("NDPORTAL_S3_BUCKET", "")
if NDPORTAL_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NDPORTAL_S3_BUCKET,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # Public images through a CDN or the bucket's own host; empty: the endpoint.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Objects are private; attachments are streamed by the download views, and
            # image URLs are signed unless a public custom domain is configured.
            "default_acl": None,
            "querystring_auth": not os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "file_overwrite": False,
        },
    }

# --- Security -----------------------------------------------------------------
LOGIN_REDIRECT_URL = "/admin/"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0))
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Rich text editor ---------------------------------------------------------
# The editor is only an input device: every value is sanitised on the server
# (ndportal/html.py). No Source button, no full-page mode, no allowedContent=True:
# those are the preconditions of CVE-2024-24815.
CKEDITOR_CONFIGS = {
    "default": {
        "language": "vi",
        "height": 420,
        "width": "100%",
        "toolbar": "Portal",
        "toolbar_Portal": [
            ["Format", "Bold", "Italic", "Underline", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote", "Outdent", "Indent"],
            ["JustifyLeft", "JustifyCenter", "JustifyRight", "JustifyBlock"],
            ["Link", "Unlink", "Image", "Table", "HorizontalRule", "SpecialChar"],
            ["PasteText", "PasteFromWord", "Undo", "Redo", "Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        # image2 gives captions (figure/figcaption) and alignment by class; uploads go to
        # ndportal.uploads (URL set in ndportal/editor.py), pasted images are uploaded too.
        "extraPlugins": "image2",
        "removePlugins": "image,sourcearea,exportpdf,iframe,flash,forms,templates,preview,print,"
        "docprops",
        "clipboard_handleImages": False,
        "image2_alignClasses": ["image-left", "image-center", "image-right"],
        "image2_captionedClass": "image",
        "pasteFromWordRemoveFontStyles": True,
        "pasteTools_removeFontStyles": True,
        "disableNativeSpellChecker": False,
    },
}
SILENCED_SYSTEM_CHECKS = [
    # ckeditor.W001: CKEditor 4.22 has unfixed CVEs. Accepted 2026-11-25: the editor is
    # admin-only, every value is sanitised server-side, uploads go through our own view.
    "ckeditor.W001",
]

# --- Site ---------------------------------------------------------------------
SITE_NAME = os.environ.get("NDPORTAL_SITE_NAME", "Cổng thông tin Nghị quyết Tỉnh ủy Nam Định")
SITE_OWNER = os.environ.get("NDPORTAL_SITE_OWNER", "Tỉnh ủy Nam Định")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
