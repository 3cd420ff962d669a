from django.contrib import admin

from ndportal.admin import PublishableAdmin
from news.models import Article, ArticlePhoto, Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    extra = 0
    fields = ("image", "caption", "alt_text", "order")


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("title", "category", "status_badge", "published_at", "is_featured", "author")
    list_filter = ("status", "category", "is_featured", "tags")
    list_select_related = ("category",)
    search_fields = ("title", "lead", "author")
    date_hierarchy = "published_at"
    autocomplete_fields = ("category", "tags", "documents", "conferences")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ArticlePhotoInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        ("Ảnh đại diện", {"fields": ("cover_image", "cover_caption", "cover_alt")}),
        ("Phân loại", {"fields": ("author", "tags", "is_featured", "documents", "conferences")}),
        PublishableAdmin.publication_fieldset,
    )
