from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """The shared vocabulary: topics (competence areas) and audiences. Courses, networks,
    associations, guides and certificates all describe themselves with it, so it sits below
    them all and knows none of them."""

    name = "taxonomy"
    verbose_name = _("Topics")
