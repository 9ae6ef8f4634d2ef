from django.apps import AppConfig


class EcourseConfig(AppConfig):
    name = "ecourse"
    label = "ecourse"
    verbose_name = "CIP e-course"

    def ready(self):
        from learners.privacy import register_section

        from .mail import erase_messages, export_messages

        register_section("emails", export_messages, erase_messages)
