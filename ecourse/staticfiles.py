"""Static files as production serves them: hashed names, precompressed copies, and stylesheets
minified first, so the one stylesheet stays readable in the repository and light on a phone."""

import rcssmin
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage


class MinifiedManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def _save(self, name, content):
        if name.endswith(".css"):
            css = b"".join(content.chunks()).decode()  # chunks() reads from the start
            content = ContentFile(rcssmin.cssmin(css).encode())
        return super()._save(name, content)
