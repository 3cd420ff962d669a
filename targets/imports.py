"""A whole period reported from a spreadsheet: the unit's template, and its upload.

The template (XLSX or CSV) lists the unit's own targets; the unit fills the value
column and uploads it. Every row is checked (target, period, year, number written the
Vietnamese way, `1.234,5`) and nothing is saved unless every row is valid; the errors
are listed by row. openpyxl reads and writes the XLSX; CSV is the csv module's.
"""

import csv
import io
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import View
from openpyxl import Workbook, load_workbook

from targets import services
from targets.models import Period
from targets.numbers import parse_number

COLUMNS = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "Năm", "Giá trị", "Ghi chú"]
PERIOD_BY_LABEL = {period.label.lower(): period.value for period in Period}
PERIOD_BY_LABEL.update({"năm": Period.YEAR, "sơ kết": Period.MIDTERM, "tổng kết": Period.FINAL})
MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024


def default_year(today=None):
    return (today or timezone.localdate()).year - 1


def template_rows(targets, year):
    for target in targets:
        yield [target.pk, str(target), target.unit_of_measure, Period.YEAR.label, year, "", ""]


def template_xlsx(targets, year):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Báo cáo"
    sheet.append(COLUMNS)
    for row in template_rows(targets, year):
        sheet.append(row)
    sheet.column_dimensions["B"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(targets, year):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(template_rows(targets, year))
    return buffer.getvalue().encode()


def read_rows(upload):
    """The data rows of an uploaded XLSX or CSV, as lists of cell values."""
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises several kinds for a bad file
            raise ValidationError("Không đọc được tệp XLSX.") from error
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    elif name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError("Tệp CSV phải ghi bằng UTF-8.") from error
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise ValidationError("Chỉ nhận tệp .xlsx hoặc .csv.")
    rows = rows[1:]  # the header
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"Tệp có hơn {MAX_ROWS} dòng.")
    return rows


@dataclass
class RowError:
    line: int
    message: str


def validate_rows(rows, user):
    """(valid rows as dicts, errors by line). Blank value cells are skipped."""
    targets = {
        t.pk: t for t in services.reportable_targets(user).select_related("resolution__term")
    }
    valid, errors, seen = [], [], set()
    for index, row in enumerate(rows, start=2):
        cells = [*row, *[None] * len(COLUMNS)][: len(COLUMNS)]
        code, _name, _unit, period_text, year_text, value_text, note = cells
        if all(cell in (None, "") for cell in cells):
            continue
        if value_text in (None, ""):
            continue  # a target the unit does not report this time
        problems = []
        try:
            target = targets[int(str(code).strip())]
        except (KeyError, ValueError):
            target = None
            problems.append("mã chỉ tiêu không có hoặc không thuộc đơn vị của bạn")
        period = PERIOD_BY_LABEL.get(str(period_text or "").strip().lower())
        if period is None:
            problems.append("kỳ báo cáo phải là “Năm”, “Sơ kết” hoặc “Tổng kết”")
        try:
            year = int(str(year_text).strip())
        except ValueError:
            year = None
            problems.append("năm không hợp lệ")
        try:
            value = parse_number(value_text)
        except ValueError:
            value = None
            problems.append(f"giá trị “{value_text}” không đúng dạng số (ví dụ 1.234,5)")
        term = target.resolution.term if target else None
        if term and year and not term.start_year <= year <= term.end_year:
            problems.append(f"năm phải trong nhiệm kỳ {term.start_year}-{term.end_year}")
        if target and value is not None and target.direction == "milestone" and value not in (0, 1):
            problems.append("chỉ tiêu có/không: nhập 1 (đã xong) hoặc 0")
        key = (target.pk if target else None, period, year)
        if target and key in seen:
            problems.append("chỉ tiêu này đã có ở dòng trên cho cùng kỳ")
        seen.add(key)
        if problems:
            errors.append(RowError(index, "; ".join(problems)))
        else:
            valid.append(
                {
                    "target": target,
                    "period": period,
                    "year": year,
                    "value": value,
                    "note": str(note or "").strip()[:500],
                }
            )
    return valid, errors


def import_rows(*, user, rows):
    """Save every row or none: (saved reports, errors by line)."""
    valid, errors = validate_rows(rows, user)
    if errors:
        return [], errors
    with transaction.atomic():
        saved = [services.report_submit(user=user, **row) for row in valid]
    return saved, []


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp bảng tính (.xlsx hoặc .csv)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError("Tệp lớn hơn 2 MB.")
        return upload


class AdminImportMixin:
    model_admin = None

    def check_permission(self, request):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied


class TemplateDownloadView(AdminImportMixin, View):
    """The unit's own targets as a spreadsheet to fill."""

    def get(self, request, fmt):
        self.check_permission(request)
        if fmt not in ("xlsx", "csv"):
            raise Http404
        targets = services.reportable_targets(request.user).order_by("resolution", "order", "id")
        year = default_year()
        if fmt == "xlsx":
            body = template_xlsx(targets, year)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body = template_csv(targets, year)
            content_type = "text/csv; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            True, f"bao-cao-chi-tieu-{year}.{fmt}"
        )
        return response


class ImportView(AdminImportMixin, View):
    """Upload a filled spreadsheet: all rows saved, or none and the errors by row."""

    template_name = "admin/targets/targetreport/import.html"

    def context(self, request, form, errors=()):
        return {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.opts,
            "title": "Nhập số liệu từ bảng tính",
            "form": form,
            "errors": errors,
        }

    def get(self, request):
        self.check_permission(request)
        return TemplateResponse(request, self.template_name, self.context(request, UploadForm()))

    def post(self, request):
        self.check_permission(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return TemplateResponse(request, self.template_name, self.context(request, form))
        try:
            rows = read_rows(form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
            return TemplateResponse(request, self.template_name, self.context(request, form))
        saved, errors = import_rows(user=request.user, rows=rows)
        if errors:
            return TemplateResponse(
                request, self.template_name, self.context(request, form, errors), status=400
            )
        messages.success(request, f"Đã nhập {len(saved)} số liệu; chờ duyệt trước khi công bố.")
        opts = self.model_admin.opts
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
