from django.urls import path

from . import views
from .bookings import views as booking_views
from .replies import views as thread_views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_form, name="form"),
    path("thanks/", views.thanks, name="thanks"),
    path("status/", views.status_lookup, name="status"),
    path("thread/<str:token>/", thread_views.thread, name="thread"),
    path("thread/<str:token>/rate/", thread_views.rate, name="rate"),
    path("thread/<str:token>/book/", booking_views.book, name="book"),
]
