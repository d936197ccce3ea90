import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.admin_viewsets import exists_filter
from networks import queries
from networks.models import Network
from taxonomy.models import Audience, Topic


class NetworkFilter(django_filters.FilterSet):
    """Filters on /netvaerk/: by topic (its slug in the URL) and by audience."""

    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=Topic.objects.filter(networks__is_listed=True).distinct(),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"),
        choices=Audience.choices,
        empty_label=_("Everyone"),
    )

    class Meta:
        model = Network
        fields = ["topic", "audience"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["topic"].label_from_instance = lambda topic: topic.display_name
        self.form.fields["topic"].widget.attrs["class"] = "filter__select"
        self.form.fields["audience"].widget = forms.Select(
            choices=self.form.fields["audience"].choices, attrs={"class": "filter__select"}
        )


class NetworkAdminFilterSet(WagtailFilterSet):
    """The network list in the Wagtail admin; "Has a coordinator: No" lists the networks the
    volunteer consultants must appoint a coordinator for (Coordinators and contact)."""

    has_coordinator = exists_filter(_("Has a coordinator"), queries.has_coordinator)

    class Meta:
        model = Network
        fields = ["join_policy", "audience", "is_listed", "topics", "has_coordinator"]
