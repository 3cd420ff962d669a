"""Connected sites keep their conference's attendance totals, without the admin."""

from django.test import TestCase

from resolutions.models import ConnectedSite
from tests.factories import make_conference


class SiteTotalsWithoutAdminTests(TestCase):
    def setUp(self):
        self.conference = make_conference(attendance=5)

    def totals(self):
        self.conference.refresh_from_db()
        return self.conference.attendance, self.conference.site_count

    def test_adding_and_changing_sites(self):
        """Creating a site and changing its attendance update the conference at once."""
        ConnectedSite.objects.create(conference=self.conference, name="Hải Hậu", attendance=120)
        site = ConnectedSite.objects.create(
            conference=self.conference, name="Giao Thủy", attendance=80
        )
        self.assertEqual(self.totals(), (200, 2))
        site.attendance = 90
        site.save()
        self.assertEqual(self.totals(), (210, 2))

    def test_deleting_a_site(self):
        """Deleting a site takes it out of the totals."""
        ConnectedSite.objects.create(conference=self.conference, name="Hải Hậu", attendance=120)
        site = ConnectedSite.objects.create(
            conference=self.conference, name="Giao Thủy", attendance=80
        )
        site.delete()
        self.assertEqual(self.totals(), (120, 1))
