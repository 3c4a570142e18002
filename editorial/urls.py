from django.urls import path

from . import preview

app_name = "editorial"

urlpatterns = [
    path("preview/<str:label>/<int:pk>/", preview.preview, name="preview"),
]
