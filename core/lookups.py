"""``field__any_of``: a field equal to one of many values, sent as one array.

``field__in`` sends one query parameter per value: for the few hundred ids
of a bounded search, Django prepares, and the driver quotes and splits, each
one, at a cost far above the query's own. On PostgreSQL ``any_of`` sends
them as a single array (``field = ANY(%s)``); elsewhere it is ``in``.
"""

from django.db.models import Field, ForeignObject, Lookup
from django.db.models.lookups import In


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return In(self.lhs, list(self.rhs)).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [field.get_db_prep_value(value, connection) for value in self.rhs]
        return f"{lhs} = ANY(%s)", [*lhs_params, values]


# Relations keep lookups of their own, apart from other fields'.
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)
