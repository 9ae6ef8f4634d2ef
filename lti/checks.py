"""A deployment without the LTI tool's key would answer every platform with an error."""

from django.core.checks import Error, Tags, register

from . import keys


@register(Tags.security, deploy=True)
def tool_key_exists(app_configs, **kwargs):
    if keys.key_file().is_file():
        return []
    return [
        Error(
            f"No LTI tool key at {keys.key_file()} (LTI_TOOL_KEY_FILE): run "
            "`manage.py lti_tool_key` once; platforms check the tool's signatures with it.",
            id="lti.E001",
        )
    ]
