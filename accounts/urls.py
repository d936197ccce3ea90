from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile, name="profile"),
    path("dine-data/", views.personal_data, name="personal_data"),
    path("dine-data/eksport.json", views.export_data, name="export_data"),
    path("dine-data/slet-konto/", views.delete_account, name="delete_account"),
]
