from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Invest Qingdao"
admin.site.site_title = "Invest Qingdao"

urlpatterns = [
    path("admin/", admin.site.urls),
]

# Public pages live under /en/ and /zh-hans/, with the same slugs in both.
urlpatterns += i18n_patterns(
    path("", include("projects.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
