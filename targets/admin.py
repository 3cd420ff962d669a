from django.contrib import admin

from targets.models import ResponsibleUnit


@admin.register(ResponsibleUnit)
class ResponsibleUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["reporters"]
