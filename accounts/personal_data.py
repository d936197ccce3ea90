"""The emails we sent a person (core's outbox), for "download my data" and account deletion.

Registered from AccountsConfig.ready(): core knows no app, and accounts knows the person."""

from core.models import OutgoingEmail


def _emails_to(user):
    addresses = {user.email.lower()}
    # JSON "contains" differs between SQLite and PostgreSQL: narrow down in the database by
    # text, then compare the addresses exactly.
    candidates = OutgoingEmail.objects.filter(to__icontains=user.email).order_by("created_at")
    return [email for email in candidates if addresses & {address.lower() for address in email.to}]


def export(user) -> list[dict]:
    return [
        {
            "subject": email.subject,
            "queued_at": email.created_at.isoformat(),
            "status": email.status,
            "sent_at": email.sent_at.isoformat() if email.sent_at else None,
            "text": email.body,
        }
        for email in _emails_to(user)
    ]


def erase(user) -> None:
    """Delete the emails addressed to the person, sent or waiting: nothing more goes to an
    account that no longer exists. (Emails other apps' erasers queue after this one — e.g.
    "your seat was given up" — still go out, and are deleted with the sent ones later.)"""
    address = user.email.lower()
    alone = []
    for email in _emails_to(user):
        others = [to for to in email.to if to.lower() != address]
        if others:  # shared with other recipients: only this person's address goes
            email.to = others
            email.save(update_fields=["to"])
        else:
            alone.append(email.pk)
    OutgoingEmail.objects.filter(pk__in=alone).delete()


def export_logins(user) -> dict:
    """Linked provider logins (municipal account, MitID): what we keep of each, and the MitID
    assurance level. No provider ever gave us more than this to keep."""
    from allauth.socialaccount.models import SocialAccount

    return {
        "linked": [
            {
                "provider": account.provider,
                "subject": account.uid,
                "linked_at": account.date_joined.isoformat(),
                "last_login": account.last_login.isoformat() if account.last_login else None,
                "assurance": (account.extra_data or {})
                .get("frivilligloeft", {})
                .get("assurance", ""),
            }
            for account in SocialAccount.objects.filter(user=user).order_by("date_joined")
        ],
        "mitid_assurance": user.mitid_assurance,
        "mitid_verified_at": user.mitid_verified_at.isoformat() if user.mitid_verified_at else None,
    }
