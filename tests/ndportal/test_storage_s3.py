"""Media on S3-compatible storage: the settings' "Storage" block against a local moto server."""

import os
import runpy
from unittest import mock

import boto3
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import SimpleTestCase, override_settings
from moto.server import ThreadedMotoServer

SETTINGS_FILE = settings.BASE_DIR / "ndportal" / "settings.py"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def storages_from_environment(**env):
    """STORAGES as ndportal/settings.py computes it from this environment."""
    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(SETTINGS_FILE))["STORAGES"]


class S3SettingsTests(SimpleTestCase):
    def test_off_by_default(self):
        """Without NDPORTAL_S3_BUCKET, media stays on the file system."""
        with mock.patch.dict(os.environ):
            os.environ.pop("NDPORTAL_S3_BUCKET", None)
            storages = runpy.run_path(str(SETTINGS_FILE))["STORAGES"]
        self.assertEqual(
            storages["default"]["BACKEND"], "django.core.files.storage.FileSystemStorage"
        )


class S3StorageTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        cls.server.start()
        cls.addClassCleanup(cls.server.stop)
        host, port = cls.server.get_host_and_port()
        cls.endpoint = f"http://{host}:{port}"
        boto3.client(
            "s3", endpoint_url=cls.endpoint, region_name="us-east-1", **cls.credentials()
        ).create_bucket(Bucket="ndportal-media")

    @staticmethod
    def credentials():
        return {key.lower(): value for key, value in CREDENTIALS.items()}

    def storages(self, **extra):
        return storages_from_environment(
            NDPORTAL_S3_BUCKET="ndportal-media",
            AWS_S3_ENDPOINT_URL=self.endpoint,
            AWS_S3_REGION_NAME="us-east-1",
            **CREDENTIALS,
            **extra,
        )

    def test_default_storage_writes_and_reads_through_s3(self):
        """With the bucket set, default_storage saves to the bucket and reads the file back."""
        with override_settings(STORAGES=self.storages()):
            name = default_storage.save("news/cover.jpg", ContentFile(b"not really a jpeg"))
            self.assertTrue(default_storage.exists(name))
            with default_storage.open(name) as stored:
                self.assertEqual(stored.read(), b"not really a jpeg")
            # The object is in the bucket itself, not on the local disk.
            body = boto3.client(
                "s3", endpoint_url=self.endpoint, region_name="us-east-1", **self.credentials()
            ).get_object(Bucket="ndportal-media", Key=name)["Body"]
            self.assertEqual(body.read(), b"not really a jpeg")
            self.assertFalse((settings.MEDIA_ROOT / name).exists())

    def test_names_are_never_overwritten(self):
        """A second file saved under a taken name gets a new name (file_overwrite off)."""
        with override_settings(STORAGES=self.storages()):
            first = default_storage.save("news/same.jpg", ContentFile(b"one"))
            second = default_storage.save("news/same.jpg", ContentFile(b"two"))
            self.assertNotEqual(first, second)
            with default_storage.open(first) as stored:
                self.assertEqual(stored.read(), b"one")

    def test_urls_are_signed_without_a_public_domain(self):
        """Objects are private: without AWS_S3_CUSTOM_DOMAIN a URL carries a signature."""
        with override_settings(STORAGES=self.storages()):
            url = default_storage.url("news/cover.jpg")
        self.assertTrue(url.startswith(self.endpoint))
        self.assertIn("Signature", url)
        with override_settings(STORAGES=self.storages(AWS_S3_CUSTOM_DOMAIN="anh.example.vn")):
            url = default_storage.url("news/cover.jpg")
        self.assertEqual(url, "https://anh.example.vn/news/cover.jpg")
