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
# The Vietnamese page in the site's layout instead of Django's English one.
CSRF_FAILURE_VIEW = "ndportal.errors.csrf_failure"

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
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "ndportal",
    "news",
    "resolutions",
    "targets",  # following resolutions through: units, programmes, targets, reports
    "pages",  # the site's own pages and details (giới thiệu, liên hệ, chân trang)
    # Citizens' questions and answers: apart from resolutions because they hold personal
    # data with its own retention, roles and handling, and relate to targets and conferences too.
    "feedback",
    "demo",  # `manage.py load_demo` only: no models, no URLs
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Hardening: CSP and Permissions-Policy on every response, error pages included.
    "ndportal.middleware.PortalCSPMiddleware",
    "ndportal.middleware.PermissionsPolicyMiddleware",
    # Hardening: a NUL in the query string is a 400 before any view or database sees it.
    "ndportal.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that hits get their 304 too (docs/deploy.md).
    "django.middleware.http.ConditionalGetMiddleware",
    # Per-address limits on heavy endpoints (docs/security.md §18), outside the page
    # cache so that cached answers count too.
    "ndportal.ratelimit.RateLimitMiddleware",
    # Outside session, CSRF, auth and messages: it must see every cookie they set.
    # Counts article reads in the cache; outside the page cache, so that hits count too.
    "news.reads.ReadCountMiddleware",
    "ndportal.middleware_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Hardening: slides a staff session's expiry on each request (SESSION_COOKIE_AGE = idle).
    "ndportal.middleware.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Innermost, so it sees the view's exception first: a lost database is a 503 page.
    "ndportal.middleware.DatabaseUnavailableMiddleware",
    # Last: turns a lockout signalled by the axes backend into the Vietnamese page.
    "axes.middleware.AxesMiddleware",
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
                "pages.context_processors.footer",
                "news.context_processors.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Connections are reused across requests; a dropped one is noticed and replaced.
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", 60)),
        conn_health_checks=True,
    )
}
# One slow query must not hold a worker: PostgreSQL cancels any statement after this
# many milliseconds (0: no limit, e.g. for a long maintenance command).
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT_MS", 5000))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the planner compiles any query it costs high (the registry's facet counts,
    # a search of a common word), which took 50-100 ms per query here for queries that
    # run in 2-20 ms; the portal's queries are short and never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS} -c jit=off"
    )

# --- SQLite under concurrency (docs/security.md §15) ---------------------------------
# Two editors saving at once got "database is locked" (a 500): a deferred transaction
# that reads, then writes, cannot wait for the other writer. WAL lets readers go on
# while one writes; IMMEDIATE takes the write lock at BEGIN, where the busy timeout
# applies, so saves queue and the later one meets the optimistic lock like on PostgreSQL.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("NDPORTAL_SQLITE_TIMEOUT", 20)),
    }

# --- Caching ------------------------------------------------------------------
# Anonymous pages are cached whole (ndportal/middleware_cache.py) under a site-wide
# content version that every write bumps (ndportal/cache.py).
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
PAGE_CACHE_ALIAS = "default"
# The longest a page is served from the cache (0 turns the page cache off). A scheduled
# item appears at its time: no page is cached past the next scheduled publication.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", 60))
# s-maxage for a CDN or nginx micro-cache in front; browsers always revalidate (max-age=0).
PAGE_EDGE_SECONDS = int(os.environ.get("DJANGO_PAGE_EDGE_SECONDS", 10))
PAGE_CACHE_MAX_BYTES = 1024 * 1024
# Article reads are counted in the cache and added to the database this often (news/reads.py).
READS_FLUSH_SECONDS = int(os.environ.get("NDPORTAL_READS_FLUSH_SECONDS", 300))

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
# A PDF with JavaScript, open actions or embedded files is always flagged for the approver;
# with this on it is refused at upload (docs/security.md §19).
REFUSE_ACTIVE_PDF = env_bool("NDPORTAL_REFUSE_ACTIVE_PDF")

# --- Background tasks ---------------------------------------------------------
# Tasks (reading attachments' text) are rows in the database, run by `manage.py db_worker`:
# `make run` starts one beside the site, production runs it as a service (docs/deploy.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Bounds on reading one attachment, in a child process of the worker (resolutions/extraction.py).
EXTRACTION_MEMORY_LIMIT = int(os.environ.get("NDPORTAL_EXTRACTION_MEMORY_MB", 512)) * 1024 * 1024
EXTRACTION_TIMEOUT = int(os.environ.get("NDPORTAL_EXTRACTION_TIMEOUT", 60))

# --- Committees' study results and reminders ---------------------------------
# Committees' results go public once a province approver approves them; with this on,
# as soon as a committee reporter saves them.
STUDY_RESULTS_PUBLIC_AT_ONCE = env_bool("NDPORTAL_STUDY_RESULTS_PUBLIC_AT_ONCE")
# Campaign reminders (`send_campaign_reminders`): printed to the console in debug
# (`make run`), sent by SMTP (Django's EMAIL_HOST... variables) otherwise.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")

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
# --- Staff sessions (docs/security.md §13) ------------------------------------------
# Only staff have sessions. They end after DJANGO_SESSION_IDLE_SECONDS without a request
# (StaffIdleTimeoutMiddleware saves staff sessions on every request) and with the browser.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", 2 * 60 * 60))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# ------------------------------------------------------------------------------------
LOGIN_REDIRECT_URL = "/admin/"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0))
# Off by default: both bind every subdomain (preload: for years, in browsers' own lists).
# Turn them on once every subdomain serves HTTPS; `check --deploy` asks for both (W005, W021).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sign-in lockout and rate limits (docs/security.md §12) -------------------------
# django-axes counts failed sign-ins in the database, per user name AND address together,
# so an attacker elsewhere cannot lock a named editor out; the editor's own address can.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("NDPORTAL_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("NDPORTAL_LOGIN_COOLOFF_HOURS", 1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_VERBOSE = False  # no banner on every management command
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "ndportal.ratelimit.client_address"
AXES_USERNAME_CALLABLE = "ndportal.ratelimit.sign_in_name"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_PERMALOCK_MESSAGE = AXES_COOLOFF_MESSAGE = (
    "Đăng nhập tạm bị khóa vì nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau hoặc liên hệ "
    "quản trị viên để được mở khóa."
)
# The request header the TLS proxy sets to the client's address (e.g. HTTP_X_FORWARDED_FOR);
# empty: REMOTE_ADDR. Never set it when clients can reach the app server directly.
CLIENT_IP_HEADER = os.environ.get("NDPORTAL_CLIENT_IP_HEADER", "")
# URL name: (methods, "requests/seconds") per client address, in the shared cache.
RATE_LIMITS = {
    # Each sign-in costs a password hash: the limit keeps hashing from being a DoS lever.
    "admin:login": ("POST", os.environ.get("NDPORTAL_RATE_LOGIN", "10/60")),
    # The heavy public answers: registry exports, search, calendar files.
    "resolutions:document-list-csv": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_EXPORT", "20/60")),
    "resolutions:document-list-json": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_EXPORT", "20/60")),
    "search": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_SEARCH", "60/60")),
    "targets:dashboard-csv": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_EXPORT", "20/60")),
    "targets:dashboard-json": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_EXPORT", "20/60")),
    "targets:resolution-progress-csv": (
        "GET,HEAD",
        os.environ.get("NDPORTAL_RATE_EXPORT", "20/60"),
    ),
    "targets:resolution-progress-json": (
        "GET,HEAD",
        os.environ.get("NDPORTAL_RATE_EXPORT", "20/60"),
    ),
    "resolutions:conference-feed": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_CALENDAR", "60/60")),
    "resolutions:conference-ics": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_CALENDAR", "60/60")),
    # Looking a question up by its code: bounds guessing (feedback/views.py).
    "feedback:lookup": ("GET,HEAD", os.environ.get("NDPORTAL_RATE_FEEDBACK_LOOKUP", "20/60")),
}
# Registry exports (du-lieu.json, du-lieu.csv): rows per page, and how long a page is cached
# (any document change starts a new cache entry at once; resolutions/exports.py).
EXPORT_MAX_ROWS = int(os.environ.get("NDPORTAL_EXPORT_MAX_ROWS", 1000))
EXPORT_CACHE_SECONDS = int(os.environ.get("NDPORTAL_EXPORT_CACHE_SECONDS", 600))

# --- Targets (targets/) ---------------------------------------------------------
# Reports of target values and milestones wait for an approver before readers see them;
# on, they are public as soon as a reporting unit saves them.
TARGET_REPORTS_PUBLIC_AT_ONCE = env_bool("NDPORTAL_TARGET_REPORTS_PUBLIC_AT_ONCE")
# --- Citizens' questions (feedback/; docs/security.md §22) ---------------------------
# Questions sent per address (a sent question, not a failed attempt), in the shared cache.
FEEDBACK_RATE = os.environ.get("NDPORTAL_RATE_FEEDBACK", "5/600")
# While the cache is down the per-address limit cannot count: the form stays open, up to
# this many questions per hour from everyone together, counted in the database.
FEEDBACK_OUTAGE_HOURLY_LIMIT = int(os.environ.get("NDPORTAL_FEEDBACK_OUTAGE_HOURLY", 100))
# A form sent sooner than this after it was shown is a robot's; later than the maximum, stale.
FEEDBACK_MIN_FILL_SECONDS = int(os.environ.get("NDPORTAL_FEEDBACK_MIN_FILL_SECONDS", 3))
FEEDBACK_MAX_FORM_AGE = int(os.environ.get("NDPORTAL_FEEDBACK_MAX_FORM_AGE", 24 * 3600))
FEEDBACK_MAX_LINKS = int(os.environ.get("NDPORTAL_FEEDBACK_MAX_LINKS", 2))
# Senders' contact details are erased this many days after the question is closed.
FEEDBACK_CONTACT_RETENTION_DAYS = int(os.environ.get("NDPORTAL_FEEDBACK_RETENTION_DAYS", 365))

# --- Content-Security-Policy and Permissions-Policy (docs/security.md §14) ----------
# Public pages: no inline script, no event handler attribute, nothing from other hosts.
# style-src-attr allows the style attributes of sanitised rich text only in effect: the
# templates have none, and ndportal/html.py lets through a short list of layout values.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin: CKEditor 4 writes toolbar buttons with onclick="..." attributes, an inline
# script into its editing iframe and inline styles everywhere, so both need
# 'unsafe-inline'. What stays strict: no script or connection to another host, no eval,
# no plugins, forms post only here, no framing by other sites.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY_OFF = [
    "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "encrypted-media",
    "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
    "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
]  # fmt: skip

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
