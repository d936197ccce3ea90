"""Single sign-on: the municipality's own OpenID Connect provider for staff and MitID through
an OpenID Connect broker, both through allauth's socialaccount (docs/operations.md)."""
