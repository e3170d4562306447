"""Photos in the authors' pages lose their metadata (GPS, camera, comment), as portraits do.

Their size is kept: a free page may show a detailed diagram. A photo that
cannot be read whole, or is too large, is never published as it is (with
its metadata): each is an error naming it, and the plugin stops the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..media.images import ImageError, ImageTooLarge, clean_image
from ..sources.problems import Problem, Report

#: Photos published from `docs/` without their metadata (SVGs are the authors' drawings, kept as they are).
AUTHORS_PHOTOS = (".jpg", ".jpeg", ".png", ".webp")


def clean_authors_photos(files: Files, config: MkDocsConfig, docs_in_root: str, cleaned: dict[tuple[str, int, int], bytes]) -> Report:
    """Each photo of `docs/` replaced by its clean copy; what could not be cleaned, reported.

    `cleaned` keeps the copies by (path, mtime, size): `mkdocs serve` rebuilds on every save."""
    report = Report()
    for file in list(files.media_files()):
        if file.generated_by is not None or Path(file.src_uri).suffix.lower() not in AUTHORS_PHOTOS:
            continue
        source = Path(file.abs_src_path)
        stat = source.stat()
        key = (str(source), stat.st_mtime_ns, stat.st_size)
        if key not in cleaned:
            try:
                cleaned[key] = clean_image(source, None)
            except ImageError as error:
                code = "photo_too_large" if isinstance(error, ImageTooLarge) else "photo_invalid"
                report.add(Problem(file=f"{docs_in_root}/{file.src_uri}", code=code, params=error.params))
                files.remove(file)
                continue
        content = cleaned[key]
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=content, inclusion=file.inclusion))
    return report
