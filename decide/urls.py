from django.urls import path

from . import views

app_name = "decide"

urlpatterns = [
    path("compare/", views.compare, name="compare"),
    path("incentives/finder/", views.incentive_finder, name="finder"),
]
