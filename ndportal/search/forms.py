"""The public search form: the words, and the filters by kind, year and document type."""

from django import forms

from ndportal.forms import QueryStringForm
from ndportal.search import registry
from resolutions.models import DocumentType


class SearchForm(QueryStringForm):
    q = forms.CharField(
        max_length=200,
        required=False,
        strip=True,
        error_messages={
            "max_length": "Từ khóa dài quá: tối đa 200 ký tự.",
            "null_characters_not_allowed": "Từ khóa chứa ký tự không hợp lệ.",
        },
    )
    loai = forms.ChoiceField(label="Loại", required=False)
    nam = forms.IntegerField(label="Năm", required=False, min_value=1930, max_value=2100)
    loai_van_ban = forms.ModelChoiceField(
        label="Loại văn bản",
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Mọi loại văn bản",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loai"].choices = [
            ("", "Tất cả"),
            *((k.name, k.label) for k in registry.kinds()),
        ]
