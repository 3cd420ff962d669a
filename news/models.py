"""News articles (tin tức) and how they are filed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from ndportal.html import SanitizedHTMLField
from ndportal.images import CheckedImageField
from ndportal.models import NormalizedTextModel
from ndportal.photos import Photo
from ndportal.publishing import Publishable
from ndportal.search.models import Searchable, SearchSource, html_to_text
from ndportal.text import unique_slug
from ndportal.uploads import UploadTo
from resolutions.models import Conference, Document

# /tin-tuc/the/<tag>/ lists a tag's articles, so no category may take this slug.
TAG_PREFIX = "the"


class Category(NormalizedTextModel, Searchable):
    """A section of the news (chuyên mục)."""

    name = models.CharField("tên chuyên mục", max_length=100, unique=True)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    description = models.CharField(
        "mô tả",
        max_length=300,
        blank=True,
        help_text="Một câu giới thiệu, hiện dưới tên chuyên mục.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự trên menu", default=0, help_text="Số nhỏ đứng trước."
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"category": self.slug})

    def clean(self):
        if self.slug == TAG_PREFIX:
            raise ValidationError(
                {
                    "slug": f"Đường dẫn “{TAG_PREFIX}” dành cho trang từ khóa; "
                    "hãy chọn đường dẫn khác."
                }
            )


class Tag(NormalizedTextModel, Searchable):
    """A keyword that groups articles across categories."""

    name = models.CharField("từ khóa", max_length=100, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=100,
        unique=True,
        blank=True,
        help_text="Để trống để sinh tự động từ từ khóa.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "từ khóa"
        verbose_name_plural = "từ khóa"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"tag": self.slug})


class Article(Publishable):
    """A news article (bài viết)."""

    title = models.CharField("tiêu đề", max_length=300)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để sinh tự động từ tiêu đề. Không đổi được sau khi xuất bản.",
    )
    category = models.ForeignKey(
        Category, verbose_name="chuyên mục", on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name="từ khóa", blank=True, related_name="articles")
    lead = models.TextField("sapo", help_text="Đoạn mở đầu in đậm, hai đến ba câu.")
    body = SanitizedHTMLField("nội dung")
    author = models.CharField(
        "tác giả",
        max_length=150,
        blank=True,
        help_text="Tên tác giả hoặc nhóm tác giả, hiện cuối bài.",
    )
    cover_image = CheckedImageField(
        "ảnh đại diện",
        upload_to=UploadTo("news"),
        max_length=200,
        blank=True,
        help_text="Ảnh ngang, tỉ lệ khoảng 16:9; hiện ở đầu bài và trong danh sách tin.",
        width_field="cover_width",
        height_field="cover_height",
        renditions_field="cover_renditions",
    )
    cover_width = models.PositiveIntegerField("chiều rộng ảnh", null=True, editable=False)
    cover_height = models.PositiveIntegerField("chiều cao ảnh", null=True, editable=False)
    cover_renditions = models.JSONField("bản ảnh thu nhỏ", default=dict, blank=True, editable=False)
    cover_caption = models.CharField(
        "chú thích ảnh",
        max_length=300,
        blank=True,
        help_text="Hiện dưới ảnh, ví dụ: Quang cảnh hội nghị. Ảnh: Minh Anh.",
    )
    cover_alt = models.CharField(
        "mô tả ảnh (alt)",
        max_length=200,
        blank=True,
        help_text="Bắt buộc khi có ảnh đại diện: mô tả ngắn nội dung ảnh cho người khiếm thị.",
    )
    is_featured = models.BooleanField(
        "tin nổi bật",
        default=False,
        help_text="Hiện trong khối Tin nổi bật trên trang chủ (ba bài nổi bật mới nhất).",
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name="văn bản liên quan",
        blank=True,
        related_name="articles",
        help_text="Các văn bản mà bài viết đưa tin.",
    )
    conferences = models.ManyToManyField(
        Conference,
        verbose_name="hội nghị liên quan",
        blank=True,
        related_name="articles",
        help_text="Hội nghị mà bài viết đưa tin.",
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        # The news list's filter and order: its pages read ids from here (ndportal/pagination.py).
        indexes = [models.Index(fields=["status", "-published_at", "-id"], name="article_list_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "news:article-detail", kwargs={"category": self.category.slug, "slug": self.slug}
        )

    def related_articles(self, limit=4):
        """Published articles sharing this one's documents, conferences or tags, in one query.

        A shared document or conference weighs three shared tags; the same category
        fills the list when too few share anything. Newest first among equals.
        """
        score = Value(0)
        shares = Q(category_id=self.category_id)
        for through, field, weight in (
            (Article.documents.through, "document_id", 3),
            (Article.conferences.through, "conference_id", 3),
            (Article.tags.through, "tag_id", 1),
        ):
            mine = through.objects.filter(article_id=self.pk).values(field)
            theirs = through.objects.filter(**{f"{field}__in": mine})
            count = (
                theirs.filter(article_id=OuterRef("pk"))
                .order_by()
                .values("article_id")
                .annotate(shared=Count("*"))
                .values("shared")
            )
            score = score + weight * Coalesce(Subquery(count), 0)
            shares |= Q(pk__in=theirs.values("article_id"))
        return (
            Article.objects.published()
            .filter(shares)
            .exclude(pk=self.pk)
            .annotate(relatedness=score)
            .order_by("-relatedness", "-published_at", "-id")
            .select_related("category")[:limit]
        )

    def search_source(self):
        source = SearchSource(
            title=[self.title],
            summary=[self.lead, self.author, self.category.name if self.category_id else ""],
            body=[html_to_text(self.body), self.cover_caption],
        )
        if self.pk:
            source.summary += [tag.name for tag in self.tags.all()]
            source.body += [photo.caption for photo in self.photos.all()]
        return source

    def clean(self):
        self.check_frozen_slug()
        if self.cover_image and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": "Ảnh đại diện cần có mô tả (alt) cho người khiếm thị."}
            )


class ArticlePhoto(Photo):
    """A photo inside an article, with its caption."""

    article = models.ForeignKey(
        Article, verbose_name="bài viết", on_delete=models.CASCADE, related_name="photos"
    )
    image = CheckedImageField(
        "ảnh",
        upload_to=UploadTo("news"),
        max_length=200,
        width_field="width",
        height_field="height",
        renditions_field="renditions",
    )

    class Meta(Photo.Meta):
        verbose_name = "ảnh trong bài"
        verbose_name_plural = "ảnh trong bài"


class ArticleReads(NormalizedTextModel):
    """How many times readers opened an article on one day (filled in batches, news/reads.py)."""

    article = models.ForeignKey(
        Article, verbose_name="bài viết", on_delete=models.CASCADE, related_name="reads"
    )
    day = models.DateField("ngày")
    count = models.PositiveIntegerField("lượt đọc", default=0)

    class Meta:
        verbose_name = "lượt đọc trong ngày"
        verbose_name_plural = "lượt đọc trong ngày"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_reads_once_a_day")
        ]
        indexes = [models.Index(fields=["day", "article"], name="article_reads_day_idx")]

    def __str__(self):
        return f"{self.article_id} · {self.day:%d/%m/%Y}: {self.count}"
