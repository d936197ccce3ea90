from allauth.mfa import stages


class AuthenticateStage(stages.AuthenticateStage):
    """allauth's "enter your code" step, skipped when the login came from a provider whose
    own login was two-step (its acr/amr said so; accounts.sso.adapter.login_facts): asking
    again would only add friction."""

    def _should_handle(self, request):
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None:
            facts = (sociallogin.account.extra_data or {}).get("frivilligloeft") or {}
            if facts.get("two_step"):
                return False
        return super()._should_handle(request)
