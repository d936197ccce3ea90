"""The Wagtail admin's user screens for our User model (full name instead of first/last)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import AccountView as WagtailAccountView
from wagtail.admin.views.account import NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.models import User
from core.admin_viewsets import SafeViewSetMixin


class AdminLoginForm(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so it showed
    "Password" (from the field name) in every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class _FullNameMixin(forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("first_name", None)
        self.fields.pop("last_name", None)


class AdminUserCreationForm(_FullNameMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["email", "full_name", "phone", "preferred_language", "is_superuser", "groups"]


class AdminUserEditForm(_FullNameMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = [
            "email",
            "full_name",
            "phone",
            "preferred_language",
            "is_active",
            "is_superuser",
            "groups",
        ]


class UserViewSet(SafeViewSetMixin, WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm


class FullNameSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name"]
        labels = {"full_name": _("Full name")}


class FullNameSettingsPanel(NameEmailSettingsPanel):
    """The account page's name: our User has one full name. Wagtail's own panel asked for a
    first and a last name (fields our User lacks, so they were always empty and required) and
    refused every save of the page, the admin language too. The email address is changed on
    the site's own page, which verifies the new address."""

    title = _("Name")
    form_class = FullNameSettingsForm
    template_name = "accounts/admin/account_name.html"


class AccountView(WagtailAccountView):
    """Wagtail's account page (admin/account/) with our name panel in place of Wagtail's."""

    def get_panels(self):
        return [
            FullNameSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]
