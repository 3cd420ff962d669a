"""`python manage.py load_demo`: realistic Vietnamese demo content and a demo administrator.

Safe to run again: every row is looked up by its natural key first, so a second run
reuses what exists (including edits made in the admin) and duplicates nothing.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.committees import link_reporter, load_committees
from demo.targets import DEMO_UNIT_ACCOUNTS
from ndportal.roles import ROLES

DEMO_USERNAME = "admin"
# Printed on every run, so it must never exist outside a local demo: see handle().
DEMO_PASSWORD = "ndportal-demo"
# Demo accounts for the editorial roles (ndportal/roles.py), with the same public password.
DEMO_ROLE_ACCOUNTS = [
    ("bientap", "editor", "Biên tập"),
    ("duyet", "approver", "Duyệt"),
    # Citizens' questions: a handler, and a reporter of Sở Nông nghiệp và Môi trường.
    ("tiepnhan", "feedback_handler", "Tiếp nhận"),
    ("donvi", "feedback_unit", "Sở NN&MT"),
    # An approver limited to the first news category (ndportal/scopes.py).
    ("duyet-tintuc", "approver", "Duyệt tin"),
    # Tied to Huyện ủy Hải Hậu and the committees under it (demo/committees.py).
    ("capuy_haihau", "committee_reporter", "Cấp ủy Hải Hậu"),
]
FEEDBACK_UNIT_ACCOUNT = "donvi"
SECTION_APPROVER = "duyet-tintuc"


def content_loaders():
    """The demo's loaders, imported when the command runs.

    They need reportlab, a development dependency: on an install without it the command
    answers with what to install rather than with a traceback.
    """
    try:
        from demo.conferences import load_conferences
        from demo.documents import load_documents
        from demo.feedback import load_feedback
        from demo.news import load_news
        from demo.pages import load_pages, load_site_details
        from demo.targets import load_targets
    except ModuleNotFoundError as error:
        raise CommandError(
            f"Thiếu gói {error.name} để tạo dữ liệu mẫu. Cài các gói phát triển: "
            'pip install -e ".[dev]" (make run tự cài).'
        ) from error
    return (
        load_documents,
        load_conferences,
        load_news,
        load_pages,
        load_site_details,
        load_targets,
        load_feedback,
    )


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (văn bản, hội nghị, tin bài) và tạo tài khoản quản trị mẫu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Chạy cả khi DJANGO_DEBUG tắt. Chỉ dùng trên máy thử nghiệm.",
        )

    def handle(self, *args, force=False, **options):
        # The demo administrator's password is public (it is in this file and in the README).
        # Debug is off in production, so refusing there keeps that account off real sites.
        if not settings.DEBUG and not force:
            raise CommandError(
                "Từ chối nạp dữ liệu mẫu vì DJANGO_DEBUG đang tắt (môi trường thật?). Dữ liệu "
                "mẫu tạo tài khoản quản trị với mật khẩu công khai. Nếu đây là máy thử nghiệm, "
                "bật DJANGO_DEBUG=1 hoặc chạy lại với --force."
            )
        if not settings.DEBUG:
            self.stderr.write(self.style.WARNING("Cảnh báo: đang nạp dữ liệu mẫu khi DEBUG tắt."))

        loaders = content_loaders()
        (
            load_documents,
            load_conferences,
            load_news,
            load_pages,
            load_site_details,
            load_targets,
            load_feedback,
        ) = loaders
        with transaction.atomic():
            documents = load_documents()
            conferences = load_conferences(documents)
            articles = load_news(documents, conferences)
            pages = load_pages()
            load_site_details()
            targets, units = load_targets(documents)
            committees = load_committees(documents)
            user_created = self.create_admin()
            self.create_role_accounts()
            link_reporter()
            self.create_unit_accounts(units)
            questions, feedback_units = load_feedback(documents)
            feedback_units[0].reporters.add(
                get_user_model().objects.get(username=FEEDBACK_UNIT_ACCOUNT)
            )
            self.limit_section_approver()

        self.stdout.write(
            f"Dữ liệu mẫu: {len(documents)} văn bản, {len(conferences)} hội nghị, "
            f"{len(articles)} bài viết, {len(pages)} trang thông tin, {len(targets)} chỉ tiêu, "
            f"{len(committees)} cấp ủy, {len(questions)} câu hỏi."
        )
        port = os.environ.get("PORT", "8000")
        line = (
            f"Đăng nhập quản trị: http://127.0.0.1:{port}/admin/  "
            f"tài khoản: {DEMO_USERNAME}  mật khẩu: {DEMO_PASSWORD}"
        )
        if not user_created:
            line += (
                "\n  (tài khoản đã có từ trước nên được giữ nguyên, kể cả mật khẩu: "
                "nếu bạn đã đổi mật khẩu thì dùng mật khẩu mới)"
            )
        self.stdout.write(self.style.SUCCESS(line))
        for username, role, _ in DEMO_ROLE_ACCOUNTS:
            scope = " (chỉ duyệt chuyên mục đầu tiên)" if username == SECTION_APPROVER else ""
            self.stdout.write(
                f"  {ROLES[role].group}{scope}: tài khoản {username}  mật khẩu: {DEMO_PASSWORD}"
            )
        for username, _unit, name in DEMO_UNIT_ACCOUNTS:
            self.stdout.write(
                f"  {ROLES['reporting_unit'].group} ({name}): tài khoản {username}  "
                f"mật khẩu: {DEMO_PASSWORD}"
            )

    def create_admin(self):
        """Create the demo superuser unless an account with that name exists; say which."""
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            return False
        User.objects.create_superuser(
            username=DEMO_USERNAME, email="admin@example.com", password=DEMO_PASSWORD
        )
        return True

    def create_role_accounts(self):
        """An editor and an approver to try the review workflow; existing accounts are kept."""
        User = get_user_model()
        for username, role, first_name in DEMO_ROLE_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first_name, "is_staff": True}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=ROLES[role].group))

    def create_unit_accounts(self, units):
        """Reporting-unit accounts tied to their unit; existing accounts are kept."""
        User = get_user_model()
        group = Group.objects.get(name=ROLES["reporting_unit"].group)
        for username, unit_key, first_name in DEMO_UNIT_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first_name, "is_staff": True}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(group)
            units[unit_key].reporters.add(user)

    def limit_section_approver(self):
        """Limit the section approver to the first news category, once (kept if edited)."""
        from ndportal.scopes import ApproverScope
        from news.models import Category

        user = get_user_model().objects.get(username=SECTION_APPROVER)
        scope, created = ApproverScope.objects.get_or_create(user=user)
        first = Category.objects.order_by("order", "name").first()
        if created and first is not None:
            scope.categories.add(first)
