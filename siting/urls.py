from django.urls import path

from projects.content_types import public_type
from projects.urls import type_urls

from . import views

app_name = "siting"

urlpatterns = [
    *type_urls(public_type("site")),
    path("costs/", views.costs, name="costs"),
]
