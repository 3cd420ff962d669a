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
