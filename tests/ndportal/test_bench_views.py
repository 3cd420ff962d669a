"""The benchmark's reference views exist only when NDPORTAL_BENCH_VIEWS is on."""

from django.test import TestCase


class BenchViewsTests(TestCase):
    def test_not_mounted_by_default(self):
        """Without NDPORTAL_BENCH_VIEWS the /_bench/ references answer 404."""
        for url in ("/_bench/ok/", "/_bench/20kb/"):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)
