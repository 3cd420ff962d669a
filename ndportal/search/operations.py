"""Migration operation: the PostgreSQL full-text vector and its GIN index, nothing elsewhere.

The vector is a stored generated column, so PostgreSQL keeps it current on every insert
and update (save, update(), bulk_create, bulk_update) with no trigger and no code. The
model does not declare it: Django never reads it, and on SQLite it does not exist.
"""

from django.db.migrations.operations.base import Operation

HEAD = (
    "setweight(to_tsvector('simple'::regconfig, search_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, search_summary), 'B')"
)
VECTOR = f"{HEAD} || setweight(to_tsvector('simple'::regconfig, search_body), 'C')"


class AddSearchVector(Operation):
    """On PostgreSQL, add `search_vector` (all columns, GIN-indexed) and `search_head`.

    `search_head` is the title and summary alone, GIN-indexed too: small enough to stay in
    the row, so ranking matches by where they match never reads the large body vector, and
    the few title and summary matches of a common word are found without the rest.
    """

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name):
        self.model_name = model_name

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        index = schema_editor.quote_name(f"{model._meta.db_table}_search_gin")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({VECTOR}) STORED"
        )
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_head tsvector "
            f"GENERATED ALWAYS AS ({HEAD}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (search_vector)")
        head_index = schema_editor.quote_name(f"{model._meta.db_table}_search_head_gin")
        schema_editor.execute(f"CREATE INDEX {head_index} ON {table} USING gin (search_head)")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_head")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")

    def describe(self):
        return f"Add the PostgreSQL search vector and GIN index of {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"search_vector_{self.model_name.lower()}"

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name}


def rebuild_existing_rows(*model_labels):
    """A RunPython function filling the search columns of rows that already exist.

    The text comes from each model's live `search_source()` (historical models have no
    methods). A fresh database has no rows and does nothing; should the live model have
    moved on from this migration's schema, the rows are left for `rebuild_search_text`.
    """

    def forwards(apps, schema_editor):
        from django.apps import apps as live_apps
        from django.db import DatabaseError, transaction

        from ndportal.search.engine import rebuild

        for label in model_labels:
            if not apps.get_model(label)._base_manager.exists():
                continue
            try:
                with transaction.atomic():
                    rebuild(live_apps.get_model(label))
            except DatabaseError:
                print(f"\n  {label}: chạy `manage.py rebuild_search_text` sau khi migrate.")

    return forwards
