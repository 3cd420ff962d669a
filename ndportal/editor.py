"""The one place that chooses the rich-text editor widget.

Models store rich text in SanitizedHTMLField (a TextField), so migrations never import
the editor; swapping CKEditor 4 for another editor changes only this module.
The toolbar lives in settings.CKEDITOR_CONFIGS["default"]; this module adds what
depends on the running site: the upload URL and the script that gives uploads
Django's CSRF token.
"""

from ckeditor.widgets import CKEditorWidget
from django.conf import settings
from django.forms.widgets import Media
from django.templatetags.static import static
from django.urls import reverse
from js_asset import Script


class PortalEditorWidget(CKEditorWidget):
    """CKEditor 4 with image uploads going to ndportal.uploads, never to ckeditor_uploader."""

    @property
    def media(self):
        # django-ckeditor's own list plus editor.js, in one list so that the order is
        # kept: editor.js needs CKEDITOR, and fixups.js (version check off) must follow
        # ckeditor.js (docs/security.md §3).
        basepath = getattr(settings, "CKEDITOR_BASEPATH", None) or static("ckeditor/ckeditor/")
        return Media(
            css={"all": ["ckeditor/ckeditor.css"]},
            js=(
                Script(
                    "ckeditor/ckeditor-init.js",
                    id="ckeditor-init-script",
                    **{"data-ckeditor-basepath": basepath},
                ),
                "ckeditor/ckeditor/ckeditor.js",
                "ckeditor/fixups.js",
                "ndportal/editor.js",
            ),
        )

    def get_context(self, name, value, attrs):
        upload_url = reverse("editor-image-upload")
        # Drag and drop or paste (uploadimage) and the Upload tab of the image dialog
        # (filebrowser over XHR) both post here. No browse URL: nobody lists others' files.
        self.config["imageUploadUrl"] = upload_url
        self.config["filebrowserImageUploadUrl"] = upload_url
        self.config["filebrowserUploadMethod"] = "xhr"
        # Alignment classes of image2 show in the editor only if its CSS defines them.
        self.config["contentsCss"] = [
            static("ckeditor/ckeditor/contents.css"),
            static("ndportal/editor-content.css"),
        ]
        return super().get_context(name, value, attrs)


def rich_text_widget():
    return PortalEditorWidget(config_name="default")
