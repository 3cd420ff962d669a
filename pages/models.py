"""The site's own pages (giới thiệu, liên hệ, điều khoản...): written by editors, not news."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse

from ndportal.html import SanitizedHTMLField
from ndportal.publishing import Publishable, PublishableQuerySet
from ndportal.search.models import SearchSource, html_to_text


class PageQuerySet(PublishableQuerySet):
    def in_footer(self):
        """Published pages the editors chose to link from the footer, in their order."""
        return self.published().filter(show_in_footer=True).order_by("order", "title")


class Page(Publishable):
    """A page of the portal itself, at /<slug>/, such as /gioi-thieu/."""

    title = models.CharField("tiêu đề", max_length=200)
    slug = models.SlugField(
        "đường dẫn",
        max_length=100,
        unique=True,
        help_text="Trang hiện ở /đường-dẫn/, ví dụ gioi-thieu. Không đổi được sau khi xuất bản.",
    )
    summary = models.CharField(
        "tóm tắt",
        max_length=300,
        blank=True,
        help_text="Một câu giới thiệu trang, hiện trong kết quả tìm kiếm.",
    )
    body = SanitizedHTMLField("nội dung")
    show_in_footer = models.BooleanField(
        "hiện ở chân trang", default=True, help_text="Liên kết tới trang ở chân mọi trang."
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự ở chân trang", default=0, help_text="Số nhỏ đứng trước."
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "trang thông tin"
        verbose_name_plural = "trang thông tin"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"slug": self.slug})

    def search_source(self):
        return SearchSource(
            title=[self.title], summary=[self.summary], body=[html_to_text(self.body)]
        )

    def clean(self):
        self.check_frozen_slug()
        self.check_slug_is_free()

    def check_slug_is_free(self):
        """A page's address must not be one the site already answers (/tin-tuc/, /van-ban/...).

        Pages are matched last, so such a page would never be shown.
        """
        if not self.slug:
            return
        try:
            match = resolve(f"/{self.slug}/")
        except Resolver404:
            return
        if match.view_name != "pages:page":
            raise ValidationError(
                {"slug": "Đường dẫn này đã được dùng cho một mục khác của cổng thông tin."}
            )
