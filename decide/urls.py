from django.urls import path

from . import views

app_name = "decide"

urlpatterns = [
    path("compare/", views.compare, name="compare"),
    path("compare/comparison.pdf", views.compare_pdf, name="compare_pdf"),
    path("incentives/finder/", views.incentive_finder, name="finder"),
    path("incentives/finder/pre-assessment.pdf", views.finder_pdf, name="finder_pdf"),
]
