from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations")

    def ready(self):
        from accounts.registry import (
            register_association_source,
            register_dashboard_panel,
            register_mine_sider_link,
            register_personal_data,
        )
        from associations import demand, personal_data, queries
        from associations import search as associations_search
        from core.navigation import register_main_nav
        from courses.queries import register_demand_source

        register_main_nav("associations", _("Associations"), "associations:directory", order=50)
        associations_search.register()
        register_mine_sider_link("my_associations:index", _("My associations"), order=40)
        register_dashboard_panel(
            "associations/includes/dashboard_panel.html", queries.dashboard_context, order=40
        )
        # Course signup, network and sparring forms offer the person's own associations.
        register_association_source(queries.association_choices_for)
        register_personal_data(
            "associations", export=personal_data.export_data, erase=personal_data.erase_data
        )
        # Boards' competence needs count as demand for courses on the topic.
        register_demand_source(
            "board_needs", _("Boards that need it"), demand.competence_needs_by_topic
        )
