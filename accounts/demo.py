"""Demo people: one login per role, printed by `make run`."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from core.demo_support import DemoLogin

DEMO_PASSWORD = "frivillig-demo-2026"

# (email, full name, role label, group, is_superuser)
PEOPLE = [
    ("frivillig@frivilligloeft.test", "Mette Sørensen", "Frivilligleder", None, False),
    (
        "kursus@frivilligloeft.test",
        "Jonas Holm",
        Role.COURSE_ADMINISTRATOR,
        Role.COURSE_ADMINISTRATOR,
        False,
    ),
    ("redaktoer@frivilligloeft.test", "Louise Brandt", Role.EDITOR, Role.EDITOR, False),
    (
        "konsulent@frivilligloeft.test",
        "Karim Nielsen",
        Role.VOLUNTEER_CONSULTANT,
        Role.VOLUNTEER_CONSULTANT,
        False,
    ),
    ("admin@frivilligloeft.test", "Anne Kirkegaard", "Administrator", None, True),
]


def seed(command):
    logins = []
    for email, name, label, group_name, superuser in PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            if superuser:
                user = User.objects.create_superuser(email, DEMO_PASSWORD, full_name=name)
            else:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, full_name=name, is_staff=group_name is not None
                )
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        logins.append(DemoLogin(role=str(label), email=email, password=DEMO_PASSWORD))
    return logins
