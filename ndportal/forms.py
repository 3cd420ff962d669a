"""Public forms of the project package: the header search box."""

from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        max_length=200,
        required=False,
        strip=True,
        error_messages={
            "max_length": "Từ khóa dài quá: tối đa 200 ký tự.",
            "null_characters_not_allowed": "Từ khóa chứa ký tự không hợp lệ.",
        },
    )
