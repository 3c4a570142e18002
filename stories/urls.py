from django.urls import path, re_path

from projects.urls import declared_urls

from . import subscription_views, views

app_name = "stories"

urlpatterns = [
    # Stories, news and the set-up guide: their declarations (stories.models).
    *declared_urls(app_name),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector_detail"),
    re_path(r"^countries/(?P<code>[a-z]{2})/$", views.country_detail, name="country_detail"),
    # The guide's earlier URL names (its declaration's step_list and step_detail come first
    # and answer these addresses).
    path("how-to-invest/", views.guide, name="guide"),
    path("how-to-invest/<slug:slug>/", views.guide_step, name="guide_step"),
    path("subscribe/", subscription_views.subscribe, name="subscribe"),
    path("subscribe/confirm/<str:token>/", subscription_views.confirm, name="subscription_confirm"),
    path(
        "subscribe/unsubscribe/<str:token>/",
        subscription_views.unsubscribe,
        name="subscription_unsubscribe",
    ),
]
