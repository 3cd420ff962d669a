"""The portal's details: one record edited in the admin, shown in every page's footer."""

import pytest
import reversion
from django.contrib.auth.models import User
from django.test import override_settings

from pages.models import SiteDetails

pytestmark = pytest.mark.django_db


def footer_of(client, url="/tin-tuc/"):
    return client.get(url).content.decode().split('class="site-footer"')[1]


def test_the_footer_shows_the_details_an_editor_saved(client):
    """Name, address, phone, email, person responsible, licence and social links."""
    SiteDetails.objects.create(
        committee_name="Tỉnh ủy Nam Định",
        address="Số 1 đường Vị Hoàng",
        phone="0228 3849 216",
        email="bbt@namdinh.dcs.vn",
        responsible_person="Trưởng Ban Tuyên giáo",
        licence="Giấy phép số 15/GP-STTTT",
        facebook_url="https://www.facebook.com/tinhuy",
        zalo_url="https://zalo.me/tinhuy",
    )
    footer = footer_of(client)
    for text in (
        "Tỉnh ủy Nam Định",
        "Số 1 đường Vị Hoàng",
        'href="tel:02283849216"',
        'href="mailto:bbt@namdinh.dcs.vn"',
        "Chịu trách nhiệm nội dung: Trưởng Ban Tuyên giáo",
        "Giấy phép số 15/GP-STTTT",
        'href="https://www.facebook.com/tinhuy"',
        'href="https://zalo.me/tinhuy"',
    ):
        assert text in footer, text
    assert "YouTube" not in footer


def test_without_a_record_the_footer_falls_back_and_nothing_is_written(client):
    """No record yet: the owner from settings, no empty lines, and a GET creates no row."""
    footer = footer_of(client)
    assert "Cơ quan chủ quản: Tỉnh ủy Nam Định." in footer
    assert "Địa chỉ:" not in footer
    assert not SiteDetails.objects.exists()


def test_a_change_shows_at_once_on_cached_pages(client):
    """Saving the record bumps the content version: the cached page shows the new phone."""
    details = SiteDetails.objects.create(phone="0228 111 111")
    assert "0228 111 111" in footer_of(client)
    details.phone = "0228 222 222"
    details.save()
    assert "0228 222 222" in footer_of(client)


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_footer_is_read_once_not_on_every_page(client, django_assert_num_queries):
    """After the first page the footer costs no query: it is kept under the content version."""
    SiteDetails.objects.create(phone="0228 111 111")
    client.get("/tin-tuc/")
    with django_assert_num_queries(0):
        client.get("/khong/co/trang/nay/")  # no view matches: the 404 page is the footer only


def test_there_is_only_one_record():
    """A second save writes the same row."""
    SiteDetails.objects.create(phone="1")
    SiteDetails(phone="2").save()
    assert SiteDetails.objects.count() == 1
    assert SiteDetails.current().phone == "2"


def test_the_admin_adds_the_record_once_and_never_deletes_it(client):
    """Add is offered while there is no record, then refused; delete is always refused."""
    client.force_login(User.objects.create_superuser("quantri", password="x"))
    assert client.get("/admin/pages/sitedetails/add/").status_code == 200
    SiteDetails.objects.create(phone="0228 111 111")
    assert client.get("/admin/pages/sitedetails/add/").status_code == 403
    assert client.get("/admin/pages/sitedetails/1/change/").status_code == 200
    assert client.get("/admin/pages/sitedetails/1/delete/").status_code == 403
    assert "0228 111 111" not in client.get("/admin/pages/sitedetails/").content.decode()
    assert "Thông tin cổng" in client.get("/admin/pages/sitedetails/").content.decode()


def test_the_record_keeps_a_history():
    """Changes are kept by django-reversion, like the content."""
    assert reversion.is_registered(SiteDetails)
