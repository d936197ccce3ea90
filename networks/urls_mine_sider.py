"""Mine sider → Mine netværk, mounted at /mine-sider/netvaerk/."""

from django.urls import path

from networks.views import mine, sparring

app_name = "my_networks"

urlpatterns = [
    path("", mine.my_networks, name="index"),
    path("sparring/", sparring.my_sparring_list, name="sparring_list"),
    path("sparring/<int:pk>/", sparring.my_sparring_detail, name="sparring"),
    path("sparring/<int:pk>/luk/", sparring.close_my_sparring, name="sparring_close"),
]
