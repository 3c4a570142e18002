from django.urls import path

from . import views
from .feeds import SiteFeed

app_name = "siting"

urlpatterns = [
    path("sites/", views.site_list, name="site_list"),
    path("sites/feed/", SiteFeed(), name="site_feed"),
    path("sites/<slug:slug>/", views.site_detail, name="site_detail"),
    path("costs/", views.costs, name="costs"),
]
