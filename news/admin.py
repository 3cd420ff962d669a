from django.contrib import admin
from django.db.models import Count

from ndportal.admin import KeptUploadsInline, PublishableAdmin, SearchTextAdminMixin
from news.models import Article, ArticlePhoto, Category, Tag


@admin.register(Category)
class CategoryAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "order", "article_count")
    list_editable = ("order",)
    search_fields = ("name",)
    search_help_text = "Tìm theo tên chuyên mục."
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering; keep it so autocomplete pages are stable.
        queryset = super().get_queryset(request).annotate(article_count=Count("articles"))
        return queryset.order_by(*Category._meta.ordering)

    @admin.display(description="số bài viết", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Tag)
class TagAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = ("name",)
    search_help_text = "Tìm theo từ khóa."
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(article_count=Count("articles"))
        return queryset.order_by(*Tag._meta.ordering)

    @admin.display(description="số bài viết", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class ArticlePhotoInline(KeptUploadsInline, admin.TabularInline):
    model = ArticlePhoto
    extra = 0
    fields = ("image", "caption", "alt_text", "order")


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("title", "category", "status_badge", "published_at", "is_featured", "author")
    list_filter = ("status", "category", "is_featured", "tags")
    list_select_related = ("category",)
    search_fields = ("title", "lead", "author")
    search_help_text = "Tìm theo tiêu đề, sapo hoặc tác giả."
    date_hierarchy = "published_at"
    autocomplete_fields = ("category", "tags", "documents", "conferences")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ArticlePhotoInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        (
            "Ảnh đại diện",
            {
                "fields": ("cover_image", "cover_caption", "cover_alt"),
                "description": "Có ảnh thì phải có mô tả ảnh (alt).",
            },
        ),
        ("Phân loại", {"fields": ("author", "tags", "is_featured")}),
        (
            "Văn bản, hội nghị được đưa tin",
            {
                "fields": ("documents", "conferences"),
                "description": "Bài viết hiện trên trang của các văn bản và hội nghị này, "
                "và ngược lại.",
            },
        ),
        PublishableAdmin.publication_fieldset,
    )
