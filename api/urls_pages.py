"""The API's pages for people, in Danish and under /en/: its documentation and the embeddable
course list."""

from django.urls import path

from api import views

app_name = "api_pages"
urlpatterns = [
    path("api/v1/docs/", views.documentation, name="docs"),
    path("indlejring/kurser/", views.embedded_courses, name="embed_courses"),
]
