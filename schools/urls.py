from django.urls import path

from schools.views import offers, placements, theme_weeks

app_name = "schools"

urlpatterns = [
    path("", offers.index, name="index"),
    path("praktik/", offers.offer_list, name="offers"),
    path("praktik/<int:pk>/", offers.offer_detail, name="offer"),
    path("praktik/<int:pk>/anmod/", offers.request_places, name="request_places"),
    path("praktik/<int:pk>/ret/", offers.edit_offer, name="edit_offer"),
    path("praktik/<int:pk>/status/", offers.change_offer_status, name="offer_status"),
    path("forening/<slug:association_slug>/", offers.association_offers, name="association"),
    path(
        "forening/<slug:association_slug>/nyt-opslag/",
        offers.create_offer,
        name="create_offer",
    ),
    path("forloeb/<int:pk>/", placements.placement_detail, name="placement"),
    path("forloeb/<int:pk>/<str:action>/", placements.placement_action, name="placement_action"),
    path("temauger/", theme_weeks.theme_week_list, name="theme_weeks"),
    path("temauger/ny/", theme_weeks.post_theme_week, name="post_theme_week"),
    path("temauger/<int:pk>/", theme_weeks.theme_week_detail, name="theme_week"),
    path("temauger/<int:pk>/kalender.ics", theme_weeks.theme_week_feed, name="theme_week_feed"),
    path(
        "temauger/<int:pk>/status/",
        theme_weeks.change_theme_week_status,
        name="theme_week_status",
    ),
    path("temauger/<int:pk>/bidrag/", theme_weeks.offer_contribution, name="offer_contribution"),
    path(
        "temauger/bidrag/<int:pk>/<str:action>/",
        theme_weeks.contribution_action,
        name="contribution_action",
    ),
]
