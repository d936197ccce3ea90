import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from associations import queries
from associations.validators import is_valid_cvr, normalise_cvr, validate_cvr
from tests.associations.factories import (
    AdminRoleFactory,
    AssociationFactory,
    DeclarationFactory,
    RoleFactory,
)
from tests.factories import UserFactory


@pytest.mark.parametrize("value", ["29189846", "10150817", "25052943", "35954716"], ids=lambda v: v)
def test_cvr_valid_numbers_pass(value):
    assert is_valid_cvr(value)
    validate_cvr(value)


@pytest.mark.parametrize(
    "value",
    ["12345678", "2918984", "291898460", "2918984x", "09189846", ""],
    ids=["checksum", "short", "long", "letter", "leading-zero", "empty"],
)
def test_cvr_invalid_numbers_fail(value):
    assert not is_valid_cvr(value)
    with pytest.raises(ValidationError):
        validate_cvr(value)


def test_cvr_normalise_accepts_spaces_and_prefix():
    assert normalise_cvr(" DK 29 18 98 46 ") == "29189846"
    assert normalise_cvr("29-18-98-46") == "29189846"


@pytest.mark.django_db
def test_associations_administered_by_lists_only_admin_roles():
    user = UserFactory()
    mine = AdminRoleFactory(user=user).association
    RoleFactory(user=user)  # a board member without admin rights
    AssociationFactory()

    assert list(queries.associations_administered_by(user)) == [mine]
    assert queries.is_association_admin(user, mine)


@pytest.mark.django_db
def test_is_association_admin_false_for_plain_member_and_anonymous():
    from django.contrib.auth.models import AnonymousUser

    role = RoleFactory()
    assert not queries.is_association_admin(role.user, role.association)
    assert not queries.is_association_admin(AnonymousUser(), role.association)
    assert list(queries.associations_administered_by(AnonymousUser())) == []


@pytest.mark.django_db
def test_has_current_child_record_declaration_is_per_year():
    declaration = DeclarationFactory(year=2026)

    assert queries.has_current_child_record_declaration(
        declaration.association, on=datetime.date(2026, 12, 31)
    )
    assert not queries.has_current_child_record_declaration(
        declaration.association, on=datetime.date(2027, 1, 1)
    )


@pytest.mark.django_db
def test_declaration_unique_per_association_and_year():
    declaration = DeclarationFactory(year=2026)
    with pytest.raises(IntegrityError):
        DeclarationFactory(association=declaration.association, year=2026)


@pytest.mark.django_db
def test_public_associations_excludes_hidden():
    shown = AssociationFactory()
    AssociationFactory(is_public=False)
    assert list(queries.public_associations()) == [shown]
