"""Rich text, images and PDFs: own-media images only, harmless CSS, no metadata, no PDF script."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ndportal.html import sanitize_html
from ndportal.images import clean_image
from resolutions.attachments import validate_attachment
from resolutions.models import DocumentFile
from resolutions.pdf_active import active_content
from tests.document_files import pdf_bytes
from tests.factories import make_document

SCRIPT = b"<script>alert(document.domain)</script>"

FOREIGN_IMAGES = [
    "https://evil.example/track.gif",
    "http://evil.example/media/a.jpg",
    "//evil.example/media/a.jpg",
    "https://testserver.evil.example/media/a.jpg",
    "https://evil.example@testserver.evil/media/a.jpg",
    "javascript:alert(1)",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "/static/admin/img/icon.svg",
    "/media/../admin/",
    "/media/%2e%2e/x",
    "ftp://testserver/media/a.jpg",
    "\\\\evil.example\\media\\a.jpg",
    "/\\evil.example/media/a.jpg",
    "uploads/a.jpg",
]
OWN_IMAGES = ["/media/uploads/2026/anh.jpg", "https://testserver/media/uploads/anh.jpg"]

HIDING_STYLES = [
    "margin-left:-9999px",
    "margin-left:9999px",
    "margin-left:-1em",
    "position:absolute;left:-9999px",
    "display:none",
    "visibility:hidden",
    "opacity:0",
    "font-size:0",
    "color:#fff",
    "height:0px;overflow:hidden",
    "width:0",
    "width:99999px",
    "text-indent:-9999px",
    "clip:rect(0,0,0,0)",
    "transform:translateX(-9999px)",
    "z-index:9999",
    "width:expression(alert(1))",
    "width:url(javascript:alert(1))",
    "float:left;margin-left:-500px",
    "text-align:center;margin-left: -40px",
]
KEPT_STYLES = ["text-align:justify", "margin-left:40px", "width:300px", "float:right", "width:100%"]


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver"]


@pytest.mark.parametrize("src", FOREIGN_IMAGES)
def test_images_from_elsewhere_lose_their_source(src):
    """An <img> may only point into the portal's own media; any other src is dropped."""
    cleaned = sanitize_html(f'<p>x</p><img src="{src}" alt="ảnh">')
    assert "src=" not in cleaned


@pytest.mark.parametrize("src", OWN_IMAGES)
def test_images_from_our_media_are_kept(src):
    """A relative /media/ path, or the same path on one of our hosts, is kept."""
    assert f'src="{src}"' in sanitize_html(f'<img src="{src}" alt="ảnh">')


@pytest.mark.parametrize("style", HIDING_STYLES)
def test_styles_that_hide_or_overlay_text_are_dropped(style):
    """No negative or huge margin, no position, display, colour, zero size or CSS function."""
    cleaned = sanitize_html(f'<p style="{style}">Văn bản</p>')
    for forbidden in (":-", "position", "display", "opacity", "color", "9999", "expression"):
        assert forbidden not in cleaned
    assert "Văn bản" in cleaned


@pytest.mark.parametrize("style", KEPT_STYLES)
def test_layout_styles_from_the_editor_are_kept(style):
    """Justify, one indent step, an image width and float survive."""
    assert style in sanitize_html(f'<p style="{style}">x</p>')


def _with_comment(fmt, frames=1):
    images = [Image.new("RGB", (24, 16), (200, 40 * i, 30)) for i in range(frames)]
    out = io.BytesIO()
    extra = {"save_all": True, "append_images": images[1:]} if frames > 1 else {}
    images[0].save(out, format=fmt, comment=SCRIPT, **extra)
    assert SCRIPT in out.getvalue()  # the payload really is in the upload
    return out.getvalue()


def _with_exif_and_xmp():
    exif = Image.Exif()
    exif[0x010E] = "<script>exif</script>"  # ImageDescription
    exif[0x010F] = "Điện thoại của phóng viên"  # Make
    out = io.BytesIO()
    Image.new("RGB", (24, 16), "red").save(
        out, format="JPEG", exif=exif, xmp=b"<x:xmpmeta><script>xmp</script></x:xmpmeta>"
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("com.jpg", lambda: _with_comment("JPEG")),
        ("comment.gif", lambda: _with_comment("GIF")),
        ("animated.gif", lambda: _with_comment("GIF", frames=3)),
        ("exif.jpg", _with_exif_and_xmp),
    ],
)
def test_reencoded_images_keep_no_comment_or_metadata(name, content):
    """A JPEG COM segment, a GIF comment, EXIF (GPS) and XMP are all gone after re-encoding."""
    cleaned = clean_image(SimpleUploadedFile(name, content())).content
    assert b"<script>" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert not {"comment", "exif", "xmp"} & set(image.info)


def _pdf(replace_from, replace_to):
    return pdf_bytes().replace(replace_from, replace_to)


ACTIVE_PDFS = {
    "open-action-js": (
        b"/Type /Catalog",
        b"/Type /Catalog /OpenAction << /S /JavaScript /JS (x) >>",
    ),
    "escaped-name": (
        b"/Type /Catalog",
        b"/Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (x) >>",
    ),
    "names-tree": (b"/Type /Catalog", b"/Type /Catalog /Names << /JavaScript << /Names [] >> >>"),
    "embedded": (b"/Type /Catalog", b"/Type /Catalog /Names << /EmbeddedFiles << /Names [] >> >>"),
    "page-aa-launch": (b"/Type /Page ", b"/Type /Page /AA << /O << /S /Launch /F (a.exe) >> >> "),
}


@pytest.mark.parametrize("case", ACTIVE_PDFS)
def test_pdfs_with_active_content_are_found(case):
    """JavaScript, open actions, embedded files and launch actions are all detected."""
    assert active_content(io.BytesIO(_pdf(*ACTIVE_PDFS[case])))


def test_a_plain_pdf_has_no_active_content():
    """The signed-resolution kind of PDF is not flagged."""
    assert active_content(io.BytesIO(pdf_bytes())) == []


@pytest.mark.django_db
def test_an_active_pdf_is_flagged_for_the_approver(client, django_user_model):
    """The stored file carries the flag, and the document's admin page shows the warning."""
    document = make_document()
    content = _pdf(*ACTIVE_PDFS["open-action-js"])
    flagged = DocumentFile.objects.create(
        document=document, file=File(io.BytesIO(content), name="nq.pdf")
    )
    plain = DocumentFile.objects.create(
        document=document, file=File(io.BytesIO(pdf_bytes()), name="nq2.pdf")
    )
    assert flagged.has_active_content and not plain.has_active_content
    client.force_login(django_user_model.objects.create_superuser("duyet", password="x"))
    page = client.get(f"/admin/resolutions/document/{document.pk}/change/").content.decode()
    assert "PDF có JavaScript, lệnh tự chạy hoặc tệp nhúng" in page
    listing = client.get("/admin/resolutions/document/").content.decode()
    assert "1 PDF có mã chủ động" in listing


@pytest.mark.parametrize("refuse", [True, False])
def test_the_setting_refuses_active_pdfs_at_upload(settings, refuse):
    """NDPORTAL_REFUSE_ACTIVE_PDF on: refused with a Vietnamese reason; off: accepted."""
    settings.REFUSE_ACTIVE_PDF = refuse
    upload = SimpleUploadedFile("nq.pdf", _pdf(*ACTIVE_PDFS["embedded"]), "application/pdf")
    if refuse:
        with pytest.raises(ValidationError, match="JavaScript"):
            validate_attachment(upload)
    else:
        validate_attachment(upload)
