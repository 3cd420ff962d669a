/* Editor uploads carry Django's CSRF token, and refusals show the server's message.
 *
 * CKEditor's filetools sends its own "ckCsrfToken" (a cookie it sets itself), which
 * Django does not know; the upload view keeps Django's CSRF check, so every upload
 * request gets the X-CSRFToken header here. Loaded after ckeditor.js, before editors
 * are created (ckeditor-init.js waits for DOMContentLoaded).
 */
/* global CKEDITOR */
;(() => {
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]")
    if (input) return input.value
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)
    return match ? decodeURIComponent(match[1]) : ""
  }

  // Dropped or pasted files the server accepts (ndportal/images.py); the default list
  // has BMP, which the server refuses, and lacks WebP.
  CKEDITOR.config.uploadImage_supportedTypes = /image\/(jpeg|png|gif|webp)/

  // CKEditor's Vietnamese calls the alt text "Chú thích ảnh" (image caption), which
  // editors confuse with the real caption; the portal calls it "mô tả ảnh (alt)"
  // everywhere and refuses to publish an image without it.
  CKEDITOR.on("dialogDefinition", (event) => {
    if (event.data.name !== "image2") return
    const alt = event.data.definition.getContents("info").get("alt")
    alt.label = "Mô tả ảnh (alt) — cho người khiếm thị, bắt buộc"
    alt.validate = CKEDITOR.dialog.validate.notEmpty(
      "Hãy nhập mô tả ảnh (alt): bài có ảnh thiếu mô tả không xuất bản được.",
    )
  })

  // image2 writes its placeholder into a new caption as real text, and CKEditor's
  // Vietnamese word for it, "Nhãn" (label), was published as the caption of every photo
  // whose editor did not replace it. This one says what to type; the server drops a
  // caption that is still a placeholder, or empty (CAPTION_PLACEHOLDERS, ndportal/html.py).
  const CAPTION_PLACEHOLDER = "Chú thích ảnh (để trống nếu không cần)"

  // Ctrl+A (Cmd+A) in a caption, or on a selected image that has one, selects the
  // caption only. CKEditor selects the whole article there, and the next key typed
  // replaces the body.
  function captionToSelect(editor) {
    const widget = editor.widgets.focused
    if (widget) return widget.editables && widget.editables.caption
    const selection = editor.getSelection()
    const start = selection && selection.getStartElement()
    return start && start.getAscendant("figcaption", true)
  }

  function selectCaptionOnly(event) {
    const key = event.data.keyCode
    if (key !== CKEDITOR.CTRL + 65 && key !== CKEDITOR.ALT + CKEDITOR.CTRL + 65) return
    const editor = event.editor
    const caption = captionToSelect(editor)
    if (!caption) return
    if (editor.widgets.focused) caption.focus()
    const range = editor.createRange()
    range.selectNodeContents(caption)
    range.select()
    event.data.domEvent.preventDefault()
    event.cancel()
  }

  CKEDITOR.on("instanceCreated", (created) => {
    created.editor.on("key", selectCaptionOnly, null, null, 1)
  })

  // The Vietnamese language file of CKEditor 4.22 leaves these upload notices in English.
  CKEDITOR.on("instanceReady", (event) => {
    event.editor.lang.image2.captionPlaceholder = CAPTION_PLACEHOLDER
    Object.assign(event.editor.lang.uploadwidget, {
      abort: "Đã hủy tải lên.",
      doneOne: "Đã tải ảnh lên.",
      doneMany: "Đã tải lên %1 ảnh.",
      uploadOne: "Đang tải ảnh lên ({percentage}%)...",
      uploadMany: "Đang tải ảnh lên: xong {current}/{max} ({percentage}%)...",
    })
  })

  CKEDITOR.on("instanceCreated", (created) => {
    // Priority 10: after filetools opens the request (5), before it sends it (999).
    created.editor.on(
      "fileUploadRequest",
      (event) => {
        const loader = event.data.fileLoader
        loader.xhr.setRequestHeader("X-CSRFToken", csrfToken())
        // A refused upload (HTTP 400/403) carries a Vietnamese message in JSON;
        // CKEditor would otherwise only say "HTTP error 400".
        loader.on(
          "error",
          () => {
            try {
              const data = JSON.parse(loader.xhr.responseText)
              if (data.error && data.error.message) loader.message = data.error.message
            } catch (error) {
              // Not JSON: keep CKEditor's own message.
            }
          },
          null,
          null,
          0,
        )
      },
      null,
      null,
      10,
    )
  })
})()
