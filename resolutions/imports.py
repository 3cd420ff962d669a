"""Spreadsheet imports: a term's committee tree, and many committees' study results.

Both are all-or-nothing: every row is checked first and the errors are listed by row
number; only a file without errors is written, in one transaction. A spreadsheet is an
.xlsx file (openpyxl) or a CSV in UTF-8; the first row holds the column titles.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from ndportal.text import fold
from resolutions.models import Committee, ConferenceLevel, Document, StudyResult
from resolutions.models.committees import LEVEL_RANK
from resolutions.study import study_result_record

MAX_ROWS = 20_000

TREE_COLUMNS = {
    "name": "Tên cấp ủy",
    "level": "Cấp",
    "parent": "Cấp trên",
    "members": "Số đảng viên",
}
RESULT_COLUMNS = {
    "committee": "Cấp ủy",
    "document": "Văn bản",
    "members": "Số đảng viên",
    "members_studied": "Số đã học tập",
    "absent_sick": "Vắng ốm đau",
    "absent_work": "Vắng đi công tác",
    "absent_other": "Vắng lý do khác",
    "reports_written": "Số bài thu hoạch",
    "grade_good": "Tốt",
    "grade_fair": "Khá",
    "grade_average": "Trung bình",
    "grade_poor": "Chưa đạt",
    "assessment": "Đánh giá",
}
# A level may be written as its label ("Chi bộ") or its code ("cell"), in any case.
LEVELS_BY_TEXT = {fold(label): value for value, label in ConferenceLevel.choices} | {
    value: value for value in ConferenceLevel.values
}


class ImportRefused(Exception):
    """The file cannot be read at all (not a spreadsheet, no header, too many rows)."""


@dataclass
class ImportReport:
    """What an import did, or why it did nothing: errors as (row number, message)."""

    errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0

    def error(self, row, message):
        self.errors.append((row, message))


def read_rows(upload, columns):
    """[(row number, {key: text})] of a spreadsheet whose header holds `columns`' titles."""
    name = (getattr(upload, "name", "") or "").lower()
    data = upload.read()
    if name.endswith(".xlsx"):
        table = _xlsx_rows(data)
    elif name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportRefused("Tệp CSV phải lưu bằng mã UTF-8.") from error
        table = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportRefused("Chỉ nhận tệp .xlsx hoặc .csv.")
    if not table:
        raise ImportRefused("Tệp không có dòng nào.")
    header = [fold(str(cell or "").strip()) for cell in table[0]]
    positions = {}
    for key, title in columns.items():
        if fold(title) in header:
            positions[key] = header.index(fold(title))
    missing = [title for key, title in columns.items() if key not in positions]
    if missing:
        raise ImportRefused("Thiếu cột: " + ", ".join(missing) + ".")
    if len(table) - 1 > MAX_ROWS:
        raise ImportRefused(f"Mỗi lần nhập tối đa {MAX_ROWS} dòng.")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            key: str(cells[pos]).strip() if pos < len(cells) and cells[pos] is not None else ""
            for key, pos in positions.items()
        }
        if any(values.values()):
            rows.append((number, values))
    return rows


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise ImportRefused("Không đọc được tệp Excel (.xlsx).") from error
    sheet = workbook.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        # Whole numbers come back as floats when typed as 12.0; keep "12".
        rows.append([int(c) if isinstance(c, float) and c.is_integer() else c for c in row])
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def _count(text, report, row, title, required=True):
    if text == "":
        if required:
            report.error(row, f"Thiếu “{title}”.")
        return None
    if not text.isdigit():
        report.error(row, f"“{title}” phải là số nguyên không âm (đang là “{text}”).")
        return None
    return int(text)


def _key(name):
    return fold(" ".join(name.split()))


def import_tree(upload, *, term) -> ImportReport:
    """Create or update the term's committees from a sheet (name, level, parent, members).

    A parent is named in the file (above or below) or already in the term's tree; a name
    that two committees share cannot be a parent.
    """
    report = ImportReport()
    rows = read_rows(upload, TREE_COLUMNS)
    existing = list(Committee.objects.filter(term=term))
    by_name = {}
    for committee in existing:
        by_name.setdefault(_key(committee.name), []).append(committee)
    in_file, parsed = {}, []
    for number, values in rows:
        name = " ".join(values["name"].split())
        level = LEVELS_BY_TEXT.get(fold(values["level"]).strip())
        members = _count(values["members"], report, number, TREE_COLUMNS["members"], False)
        if not name:
            report.error(number, "Thiếu tên cấp ủy.")
            continue
        if len(name) > 200:
            report.error(number, "Tên cấp ủy dài quá 200 ký tự.")
            continue
        if level is None:
            labels = ", ".join(ConferenceLevel.labels)
            report.error(number, f"Cấp “{values['level']}” không có; hãy ghi một trong: {labels}.")
            continue
        key = _key(name)
        if key in in_file:
            report.error(number, f"“{name}” đã có ở dòng {in_file[key]['row']}.")
            continue
        in_file[key] = {
            "row": number,
            "name": name,
            "level": level,
            "members": members,
            "parent": " ".join(values["parent"].split()),
        }
        parsed.append(in_file[key])
    for item in parsed:
        parent_name = item["parent"]
        item["parent_item"] = item["parent_obj"] = None
        if not parent_name:
            continue
        parent_key = _key(parent_name)
        if parent_key in in_file:
            item["parent_item"] = in_file[parent_key]
            parent_level = in_file[parent_key]["level"]
        elif len(by_name.get(parent_key, [])) == 1:
            item["parent_obj"] = by_name[parent_key][0]
            parent_level = item["parent_obj"].level
        elif by_name.get(parent_key):
            report.error(item["row"], f"Có nhiều cấp ủy tên “{parent_name}”: không rõ cấp trên.")
            continue
        else:
            report.error(item["row"], f"Không tìm thấy cấp trên “{parent_name}”.")
            continue
        if LEVEL_RANK[parent_level] >= LEVEL_RANK[item["level"]]:
            report.error(item["row"], f"Cấp trên “{parent_name}” phải ở cấp cao hơn.")
    if report.errors:
        report.errors.sort()
        return report
    with transaction.atomic():
        saved = {}

        def save(item):
            if id(item) in saved:
                return saved[id(item)]
            parent = item["parent_obj"]
            if item["parent_item"] is not None:
                parent = save(item["parent_item"])
            matches = [
                c
                for c in by_name.get(_key(item["name"]), [])
                if c.parent_id == getattr(parent, "pk", None)
            ]
            committee = matches[0] if matches else Committee(term=term, name=item["name"])
            if committee.pk:
                report.updated += 1
            else:
                report.created += 1
            committee.parent = parent
            committee.level = item["level"]
            if item["members"] is not None:
                committee.party_members = item["members"]
            committee.save()
            saved[id(item)] = committee
            return committee

        for item in parsed:
            save(item)
    return report


def import_results(upload, *, term, user, committees) -> ImportReport:
    """Create or update study results, one row per committee and document.

    `committees` are those the user may report for (Committee.objects.for_user): a row of
    any other committee is an error, like a committee or document that does not exist.
    """
    report = ImportReport()
    rows = read_rows(upload, RESULT_COLUMNS)
    allowed = {}
    for committee in committees.filter(term=term):
        allowed.setdefault(_key(committee.name), []).append(committee)
    documents = {fold(doc.number): doc for doc in Document.objects.published().filter(term=term)}
    existing = {
        (r.committee_id, r.document_id): r
        for r in StudyResult.objects.filter(committee__in=committees.filter(term=term))
    }
    pending, seen = [], {}
    count_fields = [
        key for key in RESULT_COLUMNS if key not in ("committee", "document", "assessment")
    ]
    for number, values in rows:
        matches = allowed.get(_key(values["committee"]), [])
        document = documents.get(fold(values["document"].strip()))
        if not matches:
            report.error(number, f"Không có cấp ủy “{values['committee']}” mà bạn được báo cáo.")
            continue
        if len(matches) > 1:
            report.error(number, f"Có nhiều cấp ủy tên “{values['committee']}”.")
            continue
        if document is None:
            report.error(number, f"Không có văn bản “{values['document']}” của nhiệm kỳ.")
            continue
        committee = matches[0]
        key = (committee.pk, document.pk)
        if key in seen:
            report.error(number, f"Trùng với dòng {seen[key]}.")
            continue
        seen[key] = number
        errors_before = len(report.errors)
        counts = {}
        for name in count_fields:
            required = name in ("members", "members_studied")
            counts[name] = _count(values[name], report, number, RESULT_COLUMNS[name], required)
        if len(report.errors) > errors_before:
            continue
        result = existing.get(key) or StudyResult(committee=committee, document=document)
        for name, value in counts.items():
            setattr(result, name, value or 0)
        result.assessment = values["assessment"]
        try:
            result.full_clean(exclude=["conference"], validate_unique=False)
        except ValidationError as error:
            for message in error.messages:
                report.error(number, message)
            continue
        pending.append(result)
    if report.errors:
        return report
    with transaction.atomic():
        for result in pending:
            if result.pk:
                report.updated += 1
            else:
                report.created += 1
            study_result_record(result=result, user=user)
    return report
