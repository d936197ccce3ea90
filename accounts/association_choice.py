"""A form field for "which association do you come from": the person's own associations or
another one by name.

Courses and networks ask for it (course signup, joining a network, a sparring request) but may
not import `associations`, which sits above them: the associations app registers the list of a
person's associations with `accounts.registry.register_association_source`, and forms here
read it through `associations_of(user)`.

A form using `AssociationChoiceMixin` keeps its free-text field (the name) and gains a radio
choice in front of it. Its cleaned data then holds the name either way — the chosen
association's name at the time (a snapshot, so participant lists and invoices keep the name
they were made with) or the typed one — and `linked_association_id`, the chosen association's
id or None. The id is a plain integer, not a foreign key, for the same reason as above.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.registry import associations_of

OTHER = "other"
NONE = ""
CHOICE_FIELD = "association_choice"
LINK_FIELD = "linked_association_id"


class AssociationChoiceMixin:
    """Put first in a form's bases; call `add_association_choice(user, linked_id=…)` from
    `__init__` after the form's own fields exist."""

    association_text_field = "association"

    def add_association_choice(self, user, *, linked_id: int | None = None) -> None:
        self.association_options = dict(associations_of(user))
        if not self.association_options:
            return
        text_field = self.fields[self.association_text_field]
        choices = [(str(pk), name) for pk, name in self.association_options.items()]
        choices += [(OTHER, _("Another association")), (NONE, _("No association"))]
        choice = forms.ChoiceField(
            label=text_field.label,
            choices=choices,
            required=False,
            widget=forms.RadioSelect,
            help_text=_("Your own associations are those you have a role in on Frivilligløft."),
        )
        current = self.initial.get(self.association_text_field, "")
        if linked_id in self.association_options:
            choice.initial = str(linked_id)
        elif current:
            choice.initial = OTHER
        text_field.label = _("Name of the other association")
        text_field.help_text = _("Only when you chose another association.")
        text_field.required = False
        # The choice goes just before the name field.
        fields = {}
        for name, field in self.fields.items():
            if name == self.association_text_field:
                fields[CHOICE_FIELD] = choice
            fields[name] = field
        self.fields = fields
        if linked_id in self.association_options:
            # The name field shows only a typed name, not a chosen association's.
            self.initial[self.association_text_field] = ""

    def clean(self):
        cleaned = super().clean()
        cleaned[LINK_FIELD] = None
        if CHOICE_FIELD not in self.fields:
            return cleaned
        choice = cleaned.pop(CHOICE_FIELD, NONE)
        name_field = self.association_text_field
        if choice == OTHER:
            if not (cleaned.get(name_field) or "").strip() and name_field not in self.errors:
                self.add_error(name_field, _("Write the name of the association."))
        elif choice == NONE or choice is None:
            cleaned[name_field] = ""
        else:
            association_id = int(choice)
            cleaned[name_field] = self.association_options[association_id]
            cleaned[LINK_FIELD] = association_id
        return cleaned
