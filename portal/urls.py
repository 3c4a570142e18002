from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from projects.sitemaps import sitemaps
from projects.views import robots_txt

admin.site.site_header = "Invest Qingdao"
admin.site.site_title = "Invest Qingdao"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# Public pages live under /en/ and /zh-hans/, with the same slugs in both.
urlpatterns += i18n_patterns(
    path("", include("projects.urls")),
    path("enquiry/", include("enquiries.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
