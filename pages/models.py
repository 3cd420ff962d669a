"""The site's own pages (giới thiệu, liên hệ, điều khoản...): written by editors, not news."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse

from ndportal.html import SanitizedHTMLField
from ndportal.models import NormalizedTextModel
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


class SiteDetails(NormalizedTextModel):
    """The portal's own details, one record edited in the admin (NĐ 42/2022: who runs it).

    A singleton of a dozen lines rather than django-solo: the one row is pk 1, and the
    footer reads it through its own cache (pages/footer.py), so solo's cache is not needed.
    """

    SINGLETON_PK = 1

    committee_name = models.CharField(
        "cơ quan chủ quản", max_length=200, blank=True, help_text="Ví dụ: Tỉnh ủy Nam Định."
    )
    content_unit = models.CharField(
        "đơn vị quản lý nội dung",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Ban Tuyên giáo Tỉnh ủy.",
    )
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    responsible_person = models.CharField(
        "người chịu trách nhiệm nội dung",
        max_length=200,
        blank=True,
        help_text="Họ tên và chức vụ, ví dụ: Nguyễn Văn A, Trưởng Ban Tuyên giáo Tỉnh ủy.",
    )
    licence = models.CharField(
        "giấy phép",
        max_length=300,
        blank=True,
        help_text="Số, ngày và cơ quan cấp giấy phép thiết lập trang thông tin điện tử.",
    )
    facebook_url = models.URLField("trang Facebook", blank=True)
    youtube_url = models.URLField("kênh YouTube", blank=True)
    zalo_url = models.URLField("Zalo OA", blank=True)

    class Meta:
        verbose_name = "thông tin cổng"
        verbose_name_plural = "thông tin cổng"

    def __str__(self):
        return "Thông tin cổng"

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The stored record, or an unsaved blank one: reading never writes."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)

    @property
    def social_links(self):
        """(label, url) of the social accounts that are filled in."""
        links = [
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Zalo", self.zalo_url),
        ]
        return [(label, url) for label, url in links if url]
