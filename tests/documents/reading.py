"""Generated files read back as their readers would: a PDF's text with pypdf."""

from __future__ import annotations

from io import BytesIO

import pypdf


def pdf_text(data: bytes) -> str:
    """Every page's text, white space folded to single spaces."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(BytesIO(data)).pages)
