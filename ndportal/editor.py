"""The one place that chooses the rich-text editor widget.

Models store rich text in SanitizedHTMLField (a TextField), so migrations never import
the editor; swapping CKEditor 4 for another editor changes only this module.
"""

from ckeditor.widgets import CKEditorWidget


def rich_text_widget():
    return CKEditorWidget(config_name="default")
