from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from accounts.registry import (
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from certificates import checks, personal_data  # noqa: F401  (checks register)
        from certificates.credentials import keys  # noqa: F401  (forgets keys on setting_changed)
        from certificates.receivers import enqueue_placement_certificates
        from certificates.views.mine import dashboard_panel
        from schools.signals import placement_completed

        register_mine_sider_link("certificates:mine", _("My certificates"), order=30)
        register_dashboard_panel(
            "certificates/includes/dashboard_panel.html", dashboard_panel, order=30
        )
        register_personal_data(
            "certificates", export=personal_data.export, erase=personal_data.erase
        )
        placement_completed.connect(
            enqueue_placement_certificates, dispatch_uid="certificates-internship"
        )
