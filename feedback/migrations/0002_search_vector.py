# The PostgreSQL full-text vector of questions, as articles have (ndportal/search/operations.py).

from django.db import migrations

from ndportal.search.operations import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_questions")]

    operations = [AddSearchVector(model_name="question")]
