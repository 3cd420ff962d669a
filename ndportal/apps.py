from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


def sync_roles_after_migrate(sender, using, **kwargs):
    # post_migrate is sent once per app; act after the last one, when every app's
    # content types and default permissions exist.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label != last_app.label:
        return
    from ndportal.roles import sync_roles

    sync_roles()


class NdportalConfig(AppConfig):
    name = "ndportal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        # Each app's search.py registers its public kinds with the site search.
        autodiscover_modules("search")
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="ndportal_sync_roles")
        from ndportal.cache import connect_signals

        connect_signals()
