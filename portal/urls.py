from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from projects.sitemaps import sitemaps
from projects.views import favicon, robots_txt
from staff.views import admin_language
from stories.sitemaps import sitemaps as story_sitemaps
from web import two_factor
from web.media import serve_media
from web.privacy import privacy_notice

admin.site.site_header = "Invest Qingdao"
admin.site.site_title = "Invest Qingdao"
admin.site.index_template = "admin/portal_index.html"
# A database that does not answer gives 503 (try again), any other failure 500.
handler500 = "web.errors.server_error"

urlpatterns = [
    path("admin/two-factor/", two_factor.verify, name="two_factor_verify"),
    path("admin/two-factor/enrol/", two_factor.enrol, name="two_factor_enrol"),
    path("admin/dashboard/", include("dashboard.urls")),
    path("admin/language/", admin_language, name="staff_admin_language"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {**sitemaps, **story_sitemaps}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

# Public pages live under /en/ and /zh-hans/, with the same slugs in both.
urlpatterns += i18n_patterns(
    path("", include("projects.urls")),
    path("", include("siting.urls")),
    path("enquiry/", include("enquiries.urls")),
    path("", include("stories.urls")),
    path("", include("decide.urls")),
    path("privacy/", privacy_notice, name="privacy"),
    path("", include("editorial.urls")),
    path("", include("about.urls")),
    path("", include("factsheets.urls")),
)

# Uploaded media through Django only in development and `make serve`; production
# serves it from object storage or the proxy (see README, Production).
if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve_media,
        )
    ]
