"""Feeds. Mounted at the site root because the network feed sits under /netvaerk/<slug>/."""

from django.urls import path

from calendars import views

app_name = "calendars"

urlpatterns = [
    path("kalender/kurser.ics", views.courses_feed, name="courses"),
    path("kalender/<str:token>.ics", views.personal_feed, name="personal"),
    path("netvaerk/<slug:slug>/kalender.ics", views.network_feed, name="network"),
]
