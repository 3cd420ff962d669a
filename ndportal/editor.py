"""The one place that chooses the rich-text editor widget.

Models store rich text in SanitizedHTMLField (a TextField), so migrations never import
the editor; swapping CKEditor 4 for another editor changes only this module.
The toolbar lives in settings.CKEDITOR_CONFIGS["default"]; this module adds what
depends on the running site: the upload URL and the script that gives uploads
Django's CSRF token.
"""

from ckeditor.widgets import CKEditorWidget
from django.forms.widgets import Media
from django.urls import reverse


class PortalEditorWidget(CKEditorWidget):
    """CKEditor 4 with image uploads going to ndportal.uploads, never to ckeditor_uploader."""

    @property
    def media(self):
        # After ckeditor.js and fixups.js: editor.js registers its listeners on CKEDITOR.
        return super().media + Media(js=["ndportal/editor.js"])

    def _set_config(self):
        super()._set_config()
        upload_url = reverse("editor-image-upload")
        # Drag and drop or paste (uploadimage) and the Upload tab of the image dialog
        # (filebrowser over XHR) both post here; there is no file browser to list others' files.
        self.config["imageUploadUrl"] = upload_url
        self.config["filebrowserImageUploadUrl"] = upload_url
        self.config["filebrowserUploadMethod"] = "xhr"


def rich_text_widget():
    return PortalEditorWidget(config_name="default")
