"""A conference file's `kind` is its role (speech, slides...): named `role`, data kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0003_search_text"),
    ]

    operations = [
        migrations.RenameField(model_name="conferencefile", old_name="kind", new_name="role"),
    ]
