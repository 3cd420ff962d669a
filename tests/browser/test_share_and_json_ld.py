"""JSON-LD and the share controls in a real browser: no CSP violation, the script works."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = "</script><script>window.__pwned = 1</script>"


def test_json_ld_raises_no_csp_violation_and_share_script_runs(live_server, page):
    """The JSON-LD block is data: no CSP report, no injected script; print shows up."""
    article = make_article(title=HOSTILE)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__csp = window.__csp || []).push(e.violatedDirective));"
    )
    page.goto(live_server.url + article.get_absolute_url())
    violations = page.evaluate("window.__csp || []")
    assert violations == []
    assert not [e for e in errors if "Content Security Policy" in e]
    assert page.evaluate("window.__pwned") is None
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert any(
        node["@type"] == "NewsArticle" and node["headline"] == HOSTILE for node in data["@graph"]
    )
    assert page.get_by_role("button", name="In trang").is_visible()
