"""The checks a learner's name must pass before it is saved, from the apps that print it.

This app knows nothing of certificates. An app above that prints the name (``certificates``:
its fonts must have every character) registers a check here from its ``AppConfig.ready()``;
the profile form runs every registered check on the name.
"""

registered_checks = []


def register_name_check(check):
    """``check(name)`` raises ``django.core.exceptions.ValidationError`` for a name it refuses."""
    if check not in registered_checks:
        registered_checks.append(check)


def check_name(value):
    for check in registered_checks:
        check(value)
