from django.urls import path  # noqa: F401  (pages are added with the public site)

app_name = "projects"

urlpatterns = []
