"""The stylesheet as production collects it: minified and hashed, never emptied."""

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from ecourse.staticfiles import MinifiedManifestStaticFilesStorage

STYLESHEET = """/* A comment the phone need not download. */
:root {
  --accent: #0b5c8e;
}
a { color: var(--accent); background: url("mark.svg"); }
"""


def test_collected_stylesheets_are_minified_under_their_hashed_name(tmp_path):
    source = FileSystemStorage(location=tmp_path / "source")
    source.save("css/site.css", ContentFile(STYLESHEET.encode()))
    source.save("css/mark.svg", ContentFile(b"<svg/>"))
    storage = MinifiedManifestStaticFilesStorage(location=tmp_path / "collected")
    for name in ("css/site.css", "css/mark.svg"):
        with source.open(name) as original:
            storage.save(name, original)

    list(storage.post_process({name: (source, name) for name in ("css/site.css", "css/mark.svg")}))

    hashed = storage.stored_name("css/site.css")
    minified = storage.open(hashed).read().decode()
    assert minified == ":root{--accent:#0b5c8e}a{color:var(--accent);background:url(" + (
        f'"{storage.stored_name("css/mark.svg").removeprefix("css/")}")}}'
    )
    assert storage.open("css/site.css").read().decode().startswith(":root{")
