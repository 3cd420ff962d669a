"""Public forms of feedback: sending a question, looking it up, filtering the answers.

The sending form carries its own defences besides Django's CSRF check (feedback/views.py):
a honeypot field people never see, a signed time stamp that sets a minimum and a maximum
fill time, and caps on length and on links (docs/security.md §22).
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing

from feedback.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_PREFIX,
    MESSAGE_MAX_LENGTH,
    MESSAGE_MIN_LENGTH,
    Kind,
    Question,
)
from ndportal.forms import QueryStringForm
from resolutions.models import Conference, Document
from targets.models import ResponsibleUnit

TIMESTAMP_SALT = "feedback.question-form"
# A link: an address with a scheme or www., or a bare domain under a common ending.
LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|vn|xyz|top|ru)\b", re.I)


class FormProblem(Exception):
    """The form cannot be accepted as sent; the reader may send it again (nothing is lost)."""


def form_timestamp():
    """A signed "now", put in the form when it is shown."""
    return signing.Signer(salt=TIMESTAMP_SALT).sign(str(int(time.time())))


def form_age(value):
    """Seconds since the form was shown, or None if the stamp is missing or forged."""
    try:
        shown = int(signing.Signer(salt=TIMESTAMP_SALT).unsign(value or ""))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - shown


class QuestionForm(forms.ModelForm):
    """What a reader sends: kind, subject, message, optional contact, consent to publish."""

    # Honeypot: hidden from people by CSS and labelled "leave empty"; robots fill it.
    website = forms.CharField(label="Để trống ô này", required=False)
    thoi_diem = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Question
        fields = [
            "kind",
            "subject",
            "message",
            "sender_name",
            "sender_phone",
            "sender_email",
            "consent_to_publish",
            "document",
            "conference",
        ]
        labels = {
            "kind": "Bạn muốn gửi",
            "subject": "Tiêu đề",
            "message": "Nội dung",
            "sender_name": "Họ và tên (không bắt buộc)",
            "sender_phone": "Số điện thoại (không bắt buộc)",
            "sender_email": "Thư điện tử (không bắt buộc)",
            "consent_to_publish": "Tôi đồng ý công bố câu hỏi cùng câu trả lời trên cổng "
            "(không kèm họ tên và thông tin liên hệ).",
        }
        help_texts = {
            "message": f"Từ {MESSAGE_MIN_LENGTH} đến {MESSAGE_MAX_LENGTH} ký tự, "
            f"tối đa {settings.FEEDBACK_MAX_LINKS} liên kết.",
            "consent_to_publish": "",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "document": forms.HiddenInput,
            "conference": forms.HiddenInput,
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
            "sender_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "sender_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "sender_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Kind.choices
        # Only what readers can see may be the subject of a question.
        self.fields["document"].queryset = Document.objects.published()
        self.fields["conference"].queryset = Conference.objects.published()
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["subject"].widget.attrs["maxlength"] = 200

    def clean(self):
        cleaned = super().clean()
        text = f"{cleaned.get('subject', '')} {cleaned.get('message', '')}"
        if len(LINK.findall(text)) > settings.FEEDBACK_MAX_LINKS:
            raise forms.ValidationError(
                f"Nội dung có quá nhiều liên kết (tối đa {settings.FEEDBACK_MAX_LINKS})."
            )
        if cleaned.get("document") and cleaned.get("conference"):
            raise forms.ValidationError("Chỉ chọn một văn bản hoặc một hội nghị liên quan.")
        return cleaned

    def is_robot(self):
        """The honeypot is filled: no person sees that field."""
        return bool(self.data.get("website"))

    def timing_problem(self):
        """Why the time stamp refuses this form, or None."""
        age = form_age(self.data.get("thoi_diem"))
        if age is None or age > settings.FEEDBACK_MAX_FORM_AGE:
            return "Biểu mẫu đã quá hạn. Xin kiểm tra lại nội dung và bấm Gửi một lần nữa."
        if age < settings.FEEDBACK_MIN_FILL_SECONDS:
            return "Biểu mẫu được gửi quá nhanh. Xin kiểm tra lại nội dung và bấm Gửi."
        return None


def normalise_code(value):
    """'gy 7k3f9q', 'GY-7K3F9Q', '7K3F9Q' all read as 'GY-7K3F9Q'."""
    value = re.sub(r"[\s-]", "", value or "").upper()
    if value.startswith(CODE_PREFIX[:-1]):
        value = value[len(CODE_PREFIX) - 1 :]
    return CODE_PREFIX + value


class LookupForm(QueryStringForm):
    """`?ma=GY-7K3F9Q`: a malformed code and an unknown one get the same answer."""

    ma = forms.CharField(label="Mã tra cứu", max_length=20)

    def clean_ma(self):
        code = normalise_code(self.cleaned_data["ma"])
        body = code[len(CODE_PREFIX) :]
        if len(body) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in body):
            return ""
        return code


class QuestionFilterForm(QueryStringForm):
    """The Hỏi đáp list: `?van_ban=<id>&don_vi=<id>`; a bad value drops its own filter."""

    van_ban = forms.ModelChoiceField(
        label="Nghị quyết, văn bản",
        queryset=Document.objects.none(),
        required=False,
        empty_label="Tất cả",
    )
    don_vi = forms.ModelChoiceField(
        label="Đơn vị trả lời",
        queryset=ResponsibleUnit.objects.none(),
        required=False,
        empty_label="Tất cả",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only choices that lead to published answers.
        published = Question.objects.published()
        self.fields["van_ban"].queryset = (
            Document.objects.published()
            .filter(pk__in=published.values("document"))
            .select_related("doc_type")
        )
        self.fields["don_vi"].queryset = ResponsibleUnit.objects.filter(
            pk__in=published.values("unit")
        )
        self.fields["van_ban"].label_from_instance = lambda d: f"{d.doc_type.name} {d.number}"


class SendQueryForm(QueryStringForm):
    """`/hoi-dap/gui/?van_ban=<id>` or `?hoi_nghi=<id>`: what the new question is about."""

    van_ban = forms.ModelChoiceField(queryset=Document.objects.published(), required=False)
    hoi_nghi = forms.ModelChoiceField(queryset=Conference.objects.published(), required=False)
