"""Mine sider → Skoler og praktik, mounted at /mine-sider/skoler/."""

from django.urls import path

from schools.views import mine

app_name = "my_schools"

urlpatterns = [path("", mine.my_schools, name="index")]
