from django.db import migrations

import ndportal.images
import resolutions.models.conferences


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0002_conference_records"),
    ]

    operations = [
        migrations.AlterField(
            model_name="conferencephoto",
            name="image",
            field=ndportal.images.CheckedImageField(
                max_length=200,
                upload_to=resolutions.models.conferences.conference_media_path,
                verbose_name="ảnh",
            ),
        ),
    ]
