from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user screens that know our User model (accounts.wagtail_users)."""

    user_viewset = "accounts.wagtail_users.UserViewSet"
