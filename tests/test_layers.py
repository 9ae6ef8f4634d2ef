"""The apps are layers: a file imports only its own app and the apps below it, and no two files
import each other, directly or round a longer loop (docs/architecture.md)."""

import ast
from pathlib import Path

from django.conf import settings

# Bottom first. Each app may import the ones before it in this list, never the ones after.
LAYERS = [
    "resources",
    "modules",
    "translation",
    "quizzes",
    "learners",
    "packages",
    "cohorts",
    "certificates",
    "credentials",
    "lti",
    "reports",
    "xapi",
    "ecourse",
]
ROOT = Path(settings.BASE_DIR)


def project_files():
    """``{dotted module name: path}`` of every Python file of every layer."""
    files = {}
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            files[name] = path
    return files


def imported_modules(name, path, known):
    """The project modules ``name`` imports, anywhere in the file (a function's import counts)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def import_graph():
    files = project_files()
    return {name: set(imported_modules(name, path, files)) for name, path in files.items()}


def layer(module):
    return LAYERS.index(module.split(".")[0])


def test_the_walk_sees_every_app_and_its_imports():
    graph = import_graph()
    assert {name.split(".")[0] for name in graph} == set(LAYERS)
    assert "modules.models" in graph["learners.progress"]
    assert "learners.signals" in graph["certificates.receivers"]
    assert set(LAYERS) <= set(settings.INSTALLED_APPS)


def test_no_file_imports_from_an_app_above_its_own():
    upward = [
        f"{name} imports {target}"
        for name, targets in import_graph().items()
        for target in targets
        if layer(target) > layer(name)
    ]
    assert upward == []


def test_no_files_import_each_other_round_a_loop():
    graph = import_graph()
    cycles = []

    def visit(name, trail):
        if name in trail:
            cycles.append(" → ".join(trail[trail.index(name) :] + [name]))
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, trail + [name])
        done.add(name)

    done = set()
    for name in sorted(graph):
        visit(name, [])
    assert cycles == []


def test_the_apps_are_installed_bottom_layer_first():
    installed = [app for app in settings.INSTALLED_APPS if app in LAYERS]
    assert installed == LAYERS


def test_no_file_reaches_into_wagtail_s_private_routing_or_patches_a_page_method():
    forbidden = ("_wagtail_route_for_request", ".get_view_restrictions =", "urlpatterns[")
    found = [
        f"{name}: {word}"
        for name, path in project_files().items()
        for word in forbidden
        if word in path.read_text()
    ]
    assert found == []
