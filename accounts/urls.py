from django.urls import path

from accounts import views
from accounts.sso import views as sso_views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile, name="profile"),
    path("dine-data/", views.personal_data, name="personal_data"),
    path("dine-data/eksport.json", views.export_data, name="export_data"),
    path("dine-data/slet-konto/", views.delete_account, name="delete_account"),
    path("log-ind/", sso_views.linked_logins, name="linked_logins"),
    path("e-mails/", views.email_choices, name="email_choices"),
    # Linked from emails; works without a login (the signed token names person and kind).
    path("e-mails/afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
