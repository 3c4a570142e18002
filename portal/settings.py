"""Settings for the Invest Qingdao portal, read from the environment.

Local defaults are safe for a demo on 127.0.0.1; production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name, default))


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-local-development-key-not-for-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a random string of 50+ characters.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "web",
    "background",
    "localisation",
    "projects",
    "images",
    "enquiries",
    "siting",
    "stories",
    "dashboard",
    # Versions, draft changes, preview and the rich-text editor of the content admin.
    "reversion",
    "django_prose_editor",
    "editorial",
    "about",
    "staff",
    "decide",
    "factsheets",
    "search",
]

# /static/ is answered before all of these, by portal/wsgi.py (web/static_files.py).
MIDDLEWARE = [
    # Load balancers probe /healthz by IP over plain HTTP: answer before host checks.
    "web.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # TRACE, PUT and the like get 405 and OPTIONS an empty answer, never a whole page.
    "web.methods.HttpMethodsMiddleware",
    "web.security.PermissionsPolicyMiddleware",
    "web.security.ContentSecurityPolicyMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # One read of each page generation per request, by the page cache and the fragments.
    "web.invalidation.RequestMemo",
    # Cached public pages skip everything below, so they never touch the session.
    "web.caching.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "staff.middleware.StaffLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Admin pages only over HTTPS, and only after the second factor (web/two_factor.py).
    "web.two_factor.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "about.context_processors.filings",
            ],
        },
    },
]

# Seconds a database connection is kept between requests (the cache's too).
CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 60)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
# SQLite files: concurrent writers (web workers, the background worker, the scheduler)
# wait for each other instead of failing with "database is locked". WAL lets readers
# go on while one writes, IMMEDIATE takes the write lock when a transaction begins
# (so it never has to be upgraded mid-way), and the timeout is how long a writer waits.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": env_int("DJANGO_SQLITE_TIMEOUT", 20),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and DATABASES["default"]["NAME"] not in {
    "",
    ":memory:",
}:
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes comes first so a locked-out login never reaches the password check.
AUTHENTICATION_BACKENDS = [
    "web.login_throttle.ThrottledAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


class Language(NamedTuple):
    code: str  # Django's language code, the URL prefix: /zh-hans/
    name: object  # the name in the interface's language
    og_locale: str  # OpenGraph's locale: zh_CN
    html_lang: str  # BCP 47 for lang="…": zh-Hans
    # Required: a record is published only once its required texts exist in this language.
    # An optional language shows the required ones' text where its own is missing.
    required: bool = True


# Internationalisation: every language of the site, the first one the default. Adding
# one is a row here, `makemigrations` (its columns) and its .po files.
LANGUAGE_TABLE = [
    Language("en", _("English"), "en_GB", "en"),
    Language("zh-hans", _("Simplified Chinese"), "zh_CN", "zh-Hans"),
]


def language_settings(table):
    """The Django and modeltranslation settings derived from the language table."""
    required = tuple(language.code for language in table if language.required)
    return {
        "LANGUAGE_CODE": table[0].code,
        "LANGUAGES": [(language.code, language.name) for language in table],
        "REQUIRED_LANGUAGES": required,
        "MODELTRANSLATION_LANGUAGES": tuple(language.code for language in table),
        "MODELTRANSLATION_DEFAULT_LANGUAGE": table[0].code,
        "MODELTRANSLATION_PREPOPULATE_LANGUAGE": table[0].code,
        # A missing text is shown in the required languages, in table order.
        "MODELTRANSLATION_FALLBACK_LANGUAGES": {"default": required},
    }


globals().update(language_settings(LANGUAGE_TABLE))
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

# Territories as the bureau names them: 中国香港 / Hong Kong, China (translated in locale/).
COUNTRIES_OVERRIDE = {
    "HK": _("Hong Kong, China"),
    "MO": _("Macao, China"),
    "TW": _("Taiwan, China"),
}

# The tabbed admin loads jQuery UI from our own static files, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

# Uploaded photos: refused above these limits (the pixel limit is read from the
# file header, before any pixel is decoded), then stored with renditions at
# these widths in WebP and JPEG.
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", 15 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
IMAGE_RENDITION_WIDTHS = (480, 960, 1600)
# Policy source documents (PDF, DOCX, XLSX, checked by content): largest accepted.
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Email goes to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
# Enquiries one client address may send in ten minutes (raised for load tests).
ENQUIRY_RATE_LIMIT = env_int("DJANGO_ENQUIRY_RATE_LIMIT", 5)
# The background worker holds an email this long while it sends it (well above
# EMAIL_TIMEOUT); if the worker dies, another may send it once the lease has run out.
EMAIL_LEASE_SECONDS = env_int("DJANGO_EMAIL_LEASE_SECONDS", 300)
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if "DJANGO_EMAIL_HOST" in os.environ
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "invest@qingdao.example")
# The public address, for links in emails: the background worker has no request to ask.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Days after an officer's last reply with no news before the officer is reminded to follow up.
ENQUIRY_FOLLOW_UP_DAYS = env_int("ENQUIRY_FOLLOW_UP_DAYS", 7)
# Cost and workforce figures older than this are flagged in the admin for an update.
FIGURE_MAX_AGE_MONTHS = env_int("FIGURE_MAX_AGE_MONTHS", 18)
# The editors' dashboard: records not reviewed for this long, policies expiring this soon.
REVIEW_MAX_AGE_MONTHS = env_int("REVIEW_MAX_AGE_MONTHS", 12)
POLICY_EXPIRY_WARNING_DAYS = env_int("POLICY_EXPIRY_WARNING_DAYS", 30)
# The weekly external-link check (dashboard/links.py): on in production, off while developing
# so a developer's machine never probes the partners' sites. Bounded per run and per request.
LINK_CHECK_ENABLED = env_bool("LINK_CHECK_ENABLED", not DEBUG)
LINK_CHECK_MAX_PER_RUN = env_int("LINK_CHECK_MAX_PER_RUN", 500)
LINK_CHECK_TIMEOUT_SECONDS = env_int("LINK_CHECK_TIMEOUT_SECONDS", 10)
LINK_CHECK_CONCURRENCY = env_int("LINK_CHECK_CONCURRENCY", 4)
# Links to loopback or private addresses are never fetched (tests turn this on).
LINK_CHECK_PRIVATE_ADDRESSES = False
# Acknowledgements one address may receive in 24 hours; later enquiries are kept unanswered.
ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY = env_int("DJANGO_ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY", 3)

# Security. Production (DEBUG off) is served over HTTPS behind a TLS-terminating proxy
# that sets X-Forwarded-Proto; every value can be overridden from the environment.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Number of proxies that append to X-Forwarded-For; used for the client address.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# "__Host-" cookies are bound to this exact host over HTTPS (they require Secure).
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Content-Security-Policy (django-csp 4): nothing inline, nothing from elsewhere.
# A template that really needs a script gives it nonce="{{ request.csp_nonce }}".
_MEDIA_ORIGIN = [MEDIA_URL] if MEDIA_URL.startswith("https://") else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        # Behind HTTPS, stray http:// links in content are fetched over HTTPS.
        **({"upgrade-insecure-requests": True} if SECURE_SSL_REDIRECT else {}),
    },
}

# Admin login: locked for 15 minutes after 5 failures from one username and address
# (and slowed per user name, see LOGIN_THROTTLE_FAILURES).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "web.security.client_ip"
# Refused tries during a lock-out are not counted, so they do not lengthen it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# After this many failures for one user name from any address, addresses it never
# signed in from wait 30 s, doubling, before each try (web/login_throttle.py).
LOGIN_THROTTLE_FAILURES = env_int("DJANGO_LOGIN_THROTTLE_FAILURES", 10)
# Axes' log lines name a user only if it is a staff account (else a hash): no personal data.
AXES_CLIENT_STR_CALLABLE = "web.logs.axes_client_str"

# Staff sign-in: a TOTP code (django-otp) after the password, required in production;
# the admin only over HTTPS in production (`make serve` turns this off on loopback).
ADMIN_REQUIRE_2FA = env_bool("DJANGO_ADMIN_REQUIRE_2FA", not DEBUG)
ADMIN_REQUIRE_HTTPS = env_bool("DJANGO_ADMIN_REQUIRE_HTTPS", not DEBUG)
OTP_TOTP_ISSUER = "Invest Qingdao"

# Caching: the embedded database cache, or Redis when configured (see CACHES below).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Slow work (email, image renditions, PDFs) runs in the background worker
# (`manage.py db_worker`); periodic jobs are enqueued by `manage.py run_scheduler`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Finished task rows are deleted by a periodic job once they are this old.
TASK_RESULT_RETENTION_DAYS = env_int("DJANGO_TASK_RESULT_RETENTION_DAYS", 14)
# /healthz calls the worker missing when it has not been seen for this long.
WORKER_HEARTBEAT_MAX_AGE = timedelta(minutes=env_int("DJANGO_WORKER_HEARTBEAT_MINUTES", 5))

# Without Redis the cache is a table in its own SQLite file, shared by every worker
# on the host (`manage.py createcachetable --database cache`, run by `make migrate`).
DATABASES["cache"] = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("DJANGO_CACHE_DATABASE", str(BASE_DIR / "cache.sqlite3")),
    # WAL: readers never wait for the writer; a writer waits at most 2 s, then it is a miss.
    "OPTIONS": {"timeout": 2, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"},
    # Kept open between requests: opening it cost more than a cached page's whole answer.
    "CONN_MAX_AGE": CONN_MAX_AGE,
    "CONN_HEALTH_CHECKS": True,
}
DATABASE_ROUTERS = ["web.cache.CacheRouter"]
EMBEDDED_CACHE = {
    "BACKEND": "web.cache.DegradingDatabaseCache",
    "LOCATION": "portal_cache",
    # Bounded: past MAX_ENTRIES the expired entries, then a third of the rest (in key
    # order), are removed.
    "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_CACHE_MAX_ENTRIES", 5000), "CULL_FREQUENCY": 3},
}
# Redis: a failure or a full server (set `maxmemory` with `maxmemory-policy allkeys-lru`)
# is a cache miss, never an error page; short timeouts so a dead server costs little.
REDIS_CACHE = {
    "BACKEND": "web.cache.DegradingRedisCache",
    "LOCATION": REDIS_URL,
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
}
CACHES = (
    {
        "default": REDIS_CACHE,
        # Rate limits fall back to the embedded cache, so they keep holding while Redis is down.
        "ratelimit": {**REDIS_CACHE, "FALLBACK": "embedded"},
        "embedded": EMBEDDED_CACHE,
    }
    if REDIS_URL
    else {"default": EMBEDDED_CACHE, "ratelimit": EMBEDDED_CACHE}
)
# Names the release in the keys of kept fragments and pages (web/release.py); by default a digest of
# the code, templates and translations, so a deploy never serves the old release's.
RELEASE = os.environ.get("DJANGO_RELEASE", "")
# Fragments each process keeps in its own memory (web/fragment_memory.py); 0: none.
FRAGMENT_MEMORY_ENTRIES = env_int("DJANGO_FRAGMENT_MEMORY_ENTRIES", 5000)
# Anonymous public pages are kept this long at most, and never past the next scheduled
# publication; any committed change to content clears them.
PUBLIC_PAGE_CACHE_SECONDS = env_int("DJANGO_PUBLIC_PAGE_CACHE_SECONDS", 300)
# Off: every public page is rendered (fragment caches still work); the benchmark uses it.
PUBLIC_PAGE_CACHE = env_bool("DJANGO_PUBLIC_PAGE_CACHE", True)
# How long browsers and CDNs may reuse a public page without asking again.
PUBLIC_PAGE_MAX_AGE = env_int("DJANGO_PUBLIC_PAGE_MAX_AGE", 60)
# After an edit the worker renders the home page and the changed lists again (web/warming.py).
PUBLIC_PAGE_WARMING = env_bool("DJANGO_PUBLIC_PAGE_WARMING", True)
# Hashed static files never change: cache them for a year (immutable).
WHITENOISE_MAX_AGE = 0 if DEBUG else 31536000

# Logging: JSON lines on stdout in production, plain text while developing.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Client errors: one line without a traceback. A safety net: email addresses
    # are masked in every log line.
    "filters": {
        "client_errors": {"()": "web.logs.ClientErrorFilter"},
        "personal_data": {"()": "web.logs.MaskEmailAddresses"},
    },
    "formatters": {
        "json": {"()": "web.logs.JSONFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["client_errors", "personal_data"],
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's own console handler would print each django.* record a second time.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
# Error reports blank the enquiry form's personal fields.
DEFAULT_EXCEPTION_REPORTER_FILTER = "web.logs.PersonalDataReporterFilter"

# Privacy (PIPL, GDPR): an enquiry is anonymised this many days after its last activity;
# the privacy notice prints this, the web servers' log retention and the contact address.
ENQUIRY_RETENTION_DAYS = env_int("ENQUIRY_RETENTION_DAYS", 3 * 365)
if ENQUIRY_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("ENQUIRY_RETENTION_DAYS must be a number of days, 1 or more.")
ACCESS_LOG_RETENTION_DAYS = env_int("ACCESS_LOG_RETENTION_DAYS", 180)
# Subscriptions: a request not confirmed within this many days is deleted; digests at most
# this often.
SUBSCRIPTION_CONFIRM_DAYS = env_int("SUBSCRIPTION_CONFIRM_DAYS", 7)
SUBSCRIPTION_DIGEST_DAYS = env_int("SUBSCRIPTION_DIGEST_DAYS", 7)
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "privacy@qingdao.example")

# Footer registrations of a site hosted in mainland China, each shown only when set:
# the ICP filing (e.g. "鲁ICP备12345678号"), the public-security filing
# ("鲁公网安备 37020000000000号") and the government-website identifier (政府网站标识码).
ICP_FILING_NUMBER = os.environ.get("ICP_FILING_NUMBER", "")
PUBLIC_SECURITY_FILING_NUMBER = os.environ.get("PUBLIC_SECURITY_FILING_NUMBER", "")
GOVERNMENT_SITE_ID = os.environ.get("GOVERNMENT_SITE_ID", "")
# The contact page's phone and email. The demo's are fictitious: no Qingdao number
# starts with 0 after the area code, and .example addresses do not exist.
BUREAU_CONTACT = {
    "phone": os.environ.get("BUREAU_PHONE", "+86 532 0000 0100"),
    "email": os.environ.get("BUREAU_EMAIL", "invest@qingdao.example"),
}
