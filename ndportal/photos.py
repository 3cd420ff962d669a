"""What every gallery photo shares, whether it belongs to an article or to a conference."""

from django.db import models

from ndportal.models import NormalizedTextModel


class Photo(NormalizedTextModel):
    """Abstract base: a photo with its caption and description, shown in order.

    Subclasses add the `image` field (its folder differs; `width_field="width"`,
    `height_field="height"`, `renditions_field="renditions"`) and the link to their item,
    with `related_name="photos"`: the alt-text rule (ndportal/alt_text.py) reads that.
    """

    caption = models.CharField("chú thích", max_length=300, blank=True)
    alt_text = models.CharField(
        "mô tả ảnh (alt)", max_length=200, help_text="Mô tả ngắn cho người khiếm thị."
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    # From the image: its size on save, its renditions by the worker (ndportal/renditions.py).
    width = models.PositiveIntegerField("chiều rộng", null=True, editable=False)
    height = models.PositiveIntegerField("chiều cao", null=True, editable=False)
    renditions = models.JSONField("bản ảnh thu nhỏ", default=dict, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.caption or self.alt_text
