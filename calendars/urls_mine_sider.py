"""Mine sider › Kalender, mounted at /mine-sider/kalender/."""

from django.urls import path

from calendars import views

app_name = "my_calendar"

urlpatterns = [
    path("", views.my_calendar, name="index"),
    path("nyt-link/", views.new_link, name="new_link"),
]
