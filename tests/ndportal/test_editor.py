"""The rich-text editor: its configuration guards and the image upload view."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.contrib.staticfiles import finders
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from tests.image_files import SCRIPT, image_bytes, png_header_only, upload

UPLOAD_URL = "/admin/editor/upload/"


def stored_files():
    media = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())


class EditorUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = User.objects.create_user("bientap", password="pw", is_staff=True)
        cls.editor.user_permissions.add(Permission.objects.get(codename="add_article"))
        cls.staff_without_permission = User.objects.create_user(
            "khach", password="pw", is_staff=True
        )
        cls.reader = User.objects.create_user("docgia", password="pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def post(self, name, content, url=UPLOAD_URL, client=None, **extra):
        return (client or self.client).post(url, {"upload": upload(name, content)}, **extra)

    def assertRefused(self, response, status=400):
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json()["uploaded"], 0)
        self.assertEqual(stored_files(), [])
        return response.json()["error"]["message"]

    def test_upload_is_stored_per_user_under_a_generated_name(self):
        """A PNG is stored under editor/<user id>/<uuid>.png and its URL is returned as JSON."""
        response = self.post("Ảnh hội nghị 'tỉnh'.png", image_bytes("PNG"))
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["uploaded"], 1)
        self.assertEqual((data["width"], data["height"]), (40, 30))
        [stored] = stored_files()
        self.assertRegex(stored, rf"^editor/{self.editor.pk}/[0-9a-f]{{32}}\.png$")
        self.assertEqual(data["url"], settings.MEDIA_URL + stored)

    def test_refuses_non_images(self):
        """.html, .svg, .php and HTML renamed .jpg are refused and nothing is written."""
        cases = [
            ("evil.html", b"<html>" + SCRIPT),
            ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg">' + SCRIPT + b"</svg>"),
            ("shell.php", b"<?php system($_GET['c']); ?>"),
            ("evil.jpg", b"<html>" + SCRIPT),
            (".htaccess", b"AddType application/x-httpd-php .jpg"),
        ]
        for name, content in cases:
            with self.subTest(name=name):
                self.assertRefused(self.post(name, content))

    def test_polyglot_gif_is_stored_without_its_script(self):
        """A GIF+HTML polyglot named .gif is stored re-encoded: the script bytes are gone."""
        self.assertEqual(self.post("poly.gif", image_bytes("GIF") + SCRIPT).status_code, 200)
        [stored] = stored_files()
        content = (Path(settings.MEDIA_ROOT) / stored).read_bytes()
        self.assertNotIn(b"<script", content)

    def test_polyglot_named_html_is_refused(self):
        """The same polyglot named .html is refused."""
        self.assertRefused(self.post("poly.html", image_bytes("GIF") + SCRIPT))

    def test_decompression_bomb_is_400_not_500(self):
        """A PNG of a few bytes claiming 30000×30000 pixels gets 400 and leaves nothing."""
        message = self.assertRefused(self.post("bomb.png", png_header_only(30000, 30000)))
        self.assertIn("triệu điểm ảnh", message)

    def test_144_megapixels_refused(self):
        """12000×12000 (Pillow only warns) is refused."""
        self.assertRefused(self.post("big.png", png_header_only(12000, 12000)))

    @override_settings(IMAGE_MAX_SIZE=1024)
    def test_too_large_file(self):
        """A file above IMAGE_MAX_SIZE is refused with a message giving the limit."""
        message = self.assertRefused(self.post("large.jpg", image_bytes("JPEG", size=(400, 400))))
        self.assertIn("1,0\xa0KB", message)

    def test_funcnum_must_be_a_number(self):
        """CKEditorFuncNum other than digits is a 400 and nothing is stored or reflected."""
        payload = "alert(document.domain)"
        response = self.post("a.png", image_bytes(), url=f"{UPLOAD_URL}?CKEditorFuncNum={payload}")
        self.assertEqual(response.status_code, 400)
        self.assertNotIn(payload, response.content.decode())
        self.assertEqual(stored_files(), [])
        response = self.post("a.png", image_bytes(), url=f"{UPLOAD_URL}?CKEditorFuncNum=12")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")

    def test_quote_in_file_name(self):
        """A quote in the extension is refused; in the name it never reaches the answer."""
        self.assertRefused(self.post("a.jpg'-alert(1)-'", image_bytes("JPEG")))
        response = self.post("a'-alert(1)-'.jpg", image_bytes("JPEG"))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("alert", response.content.decode())
        self.assertNotIn("'", response.json()["url"])

    def test_hostile_file_names_never_reach_the_disk(self):
        """NUL, right-to-left override, traversal and double extensions: 200 or 400, never 500."""
        for name in [
            "a\x00b.php.jpg",
            "report\u202egpj.php",
            "../../../../etc/passwd.jpg",
            "a.pHp",
        ]:
            with self.subTest(name=name):
                response = self.post(name, image_bytes("JPEG"))
                self.assertIn(response.status_code, {200, 400})
        self.assertTrue(stored_files())
        for stored in stored_files():
            self.assertRegex(stored, rf"^editor/{self.editor.pk}/[0-9a-f]{{32}}\.jpg$")

    def test_missing_file(self):
        """A POST without a file is a 400 with a message."""
        self.assertRefused(self.client.post(UPLOAD_URL, {}))

    def test_get_is_not_allowed(self):
        """Only POST uploads."""
        self.assertEqual(self.client.get(UPLOAD_URL).status_code, 405)

    def test_csrf_is_enforced(self):
        """Without Django's CSRF token the upload is 403; with the X-CSRFToken header it passes."""
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.editor)
        client.get(reverse("admin:news_article_add"))
        response = self.post("a.png", image_bytes(), client=client)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(stored_files(), [])
        # CKEditor's own token (a cookie and a body field it invents) is not accepted.
        client.cookies["ckCsrfToken"] = "x" * 32
        response = client.post(
            UPLOAD_URL, {"upload": upload("a.png", image_bytes()), "ckCsrfToken": "x" * 32}
        )
        self.assertEqual(response.status_code, 403)
        token = client.cookies[settings.CSRF_COOKIE_NAME].value
        response = self.post("a.png", image_bytes(), client=client, HTTP_X_CSRFTOKEN=token)
        self.assertEqual(response.status_code, 200)

    def test_anonymous_and_non_staff_are_sent_to_login(self):
        """Anonymous users and readers without staff status are redirected to the admin login."""
        for user in [None, self.reader]:
            with self.subTest(user=user):
                client = Client()
                if user:
                    client.force_login(user)
                response = self.post("a.png", image_bytes(), client=client)
                self.assertEqual(response.status_code, 302)
                self.assertIn(reverse("admin:login"), response["Location"])
        self.assertEqual(stored_files(), [])

    def test_staff_without_permission_is_403(self):
        """A staff user who may not edit any rich-text item cannot upload."""
        client = Client()
        client.force_login(self.staff_without_permission)
        self.assertRefused(self.post("a.png", image_bytes(), client=client), status=403)


class EditorConfigurationTests(TestCase):
    FORBIDDEN_PLUGINS = {"docprops", "codesnippetgeshi", "sourcearea", "sourcedialog"}

    def test_ck1_configs_have_no_forbidden_options(self):
        """T-CK1: no allowedContent=True, fullPage, Source button or forbidden plugin."""
        for name, config in settings.CKEDITOR_CONFIGS.items():
            with self.subTest(config=name):
                self.assertIsNot(config.get("allowedContent"), True)
                self.assertFalse(config.get("fullPage"))
                extra = set(filter(None, str(config.get("extraPlugins", "")).split(",")))
                self.assertFalse(extra & self.FORBIDDEN_PLUGINS)
                allowed_extra = str(config.get("extraAllowedContent", "")).lower()
                self.assertNotIn("script", allowed_extra)
                self.assertNotIn("style", allowed_extra)
                removed = set(str(config.get("removePlugins", "")).split(","))
                self.assertIn("sourcearea", removed)
                buttons = json.dumps({k: v for k, v in config.items() if k.startswith("toolbar")})
                self.assertNotIn('"Source"', buttons)
                self.assertEqual(config.get("language"), "vi")

    @override_settings(WHITENOISE_USE_FINDERS=True)  # serve static files as the site does
    def test_ck2_no_samples_are_served(self):
        """T-CK2: no */samples/* file exists among the static files, and the old XSS page is 404."""
        for finder in finders.get_finders():
            for path, _storage in finder.list([]):
                self.assertNotIn("/samples/", f"/{path}")
        self.assertEqual(
            self.client.get("/static/ckeditor/ckeditor/samples/old/ajax.html").status_code, 404
        )


class EditorOnAdminPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("quantri", password="pw")

    def setUp(self):
        self.client.force_login(self.admin)
        self.html = self.client.get(reverse("admin:news_article_add")).content.decode()

    def test_ck3_fixups_after_ckeditor(self):
        """T-CK3: the change page loads ckeditor/fixups.js after ckeditor.js, then our editor.js."""
        positions = [
            self.html.index("ckeditor/ckeditor/ckeditor.js"),
            self.html.index("ckeditor/fixups.js"),
            self.html.index("ndportal/editor.js"),
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertNotIn("cke4.ckeditor.com", self.html)

    def test_editor_config_on_page(self):
        """Images go to our view, never to ckeditor_uploader; version check is off."""
        self.assertIn(f"&quot;imageUploadUrl&quot;: &quot;{UPLOAD_URL}&quot;", self.html)
        self.assertIn(f"&quot;filebrowserImageUploadUrl&quot;: &quot;{UPLOAD_URL}&quot;", self.html)
        self.assertIn("&quot;versionCheck&quot;: false", self.html)
        self.assertIn("&quot;language&quot;: &quot;vi&quot;", self.html)
        self.assertIn("ndportal/editor-content.css", self.html)  # alignment visible while editing
        self.assertNotIn("ckeditor/upload", self.html)
        self.assertNotIn("filebrowserBrowseUrl", self.html)
