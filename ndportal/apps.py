from django.apps import AppConfig


class NdportalConfig(AppConfig):
    name = "ndportal"
    verbose_name = "Cổng thông tin"
