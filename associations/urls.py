from django.urls import path

from associations.views import invitations, public

app_name = "associations"

urlpatterns = [
    path("foreninger/", public.directory, name="directory"),
    path("foreninger/invitation/<str:token>/", invitations.accept, name="invitation"),
    path("foreninger/<slug:slug>/", public.detail, name="detail"),
    path("frivilligmesse/", public.fair_list, name="fairs"),
    path("frivilligmesse/<slug:slug>/", public.fair_programme, name="fair"),
]
