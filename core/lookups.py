"""An integer no column can hold matches nothing — in `__in` lookups too.

Django answers `pk=10**30` with an empty result (its IntegerFieldOverflow lookups) but hands
`pk__in=[10**30]` (and `categories__in=[10**30]`) to the database driver, and SQLite's refuses
it: "Python int too large to convert to SQLite INTEGER", a 500. A form's
ModelMultipleChoiceField (checkboxes of categories or topics, on the site and in the Wagtail
admin) and a FilterSet's multiple-choice filter run exactly these lookups on whatever a
browser sends, so out-of-range values are dropped here, where Django drops them for the other
comparisons. Registered for every integer field (primary keys included) and every relation
from CoreConfig.ready().
"""

from django.core.exceptions import FieldError
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


class _DropOutOfRange:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = _integer_range(self.lhs.output_field, connection)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def _integer_range(field, connection) -> tuple[int | None, int | None]:
    try:
        # A relation compares the column it points to (an id).
        target = field.target_field if field.is_relation else field
        return connection.ops.integer_field_range(target.get_internal_type())
    except (KeyError, FieldError):  # not an integer column, or a key of several columns
        return None, None


class IntegerFieldIn(_DropOutOfRange, In):
    pass


class RelatedIntegerIn(_DropOutOfRange, RelatedIn):
    pass


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignObject.register_lookup(RelatedIntegerIn)
