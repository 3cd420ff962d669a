# The PostgreSQL full-text vector of pages, as articles have (ndportal/search/operations.py).

from django.db import migrations

from ndportal.search.operations import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [AddSearchVector(model_name="page")]
