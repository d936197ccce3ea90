from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import personal_data
        from accounts.registry import register_mine_sider_link, register_personal_data
        from accounts.sso import receivers  # noqa: F401  (connects the login signals)

        # The emails we sent the person (core's outbox): core itself knows no app.
        register_personal_data("emails", export=personal_data.export, erase=personal_data.erase)
        # Linked logins (municipal account, MitID): what we keep of them. Deleting the account
        # deletes them with it (foreign keys), so there is nothing more to erase.
        register_personal_data("logins", export=personal_data.export_logins)
        # Which reminders and messages the person gets (the kinds come from the apps).
        register_mine_sider_link("accounts:email_choices", _("Email notifications"), order=90)
