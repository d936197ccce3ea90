from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation

from core.email import queue_rendered_email


class AccountAdapter(DefaultAccountAdapter):
    """allauth, adapted: a name at signup, mail in the person's language and sent in the
    background after commit, and a landing page in the person's own language."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = translation.get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # A known person gets mail in their chosen language; a new one in the page's language.
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (
                content
                for content, mime in getattr(message, "alternatives", [])
                if mime == "text/html"
            ),
            "",
        )
        queue_rendered_email(
            to=list(message.to), subject=message.subject, body=message.body, html=html
        )

    def get_login_redirect_url(self, request):
        with translation.override(request.user.preferred_language):
            return reverse("accounts:dashboard")
