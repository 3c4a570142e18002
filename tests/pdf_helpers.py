"""Reading the PDFs the portal prints: their text, fonts and structure (pypdf)."""

import io

from pypdf import PdfReader


def reader(data):
    return PdfReader(io.BytesIO(data))


def text(data):
    return "\n".join(page.extract_text() for page in reader(data).pages)


def fonts(data):
    """(name, font file dictionary or None) of every font the pages use."""
    found = {}
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            files = [descriptor.get(key) for key in ("/FontFile", "/FontFile2", "/FontFile3")]
            found[str(font["/BaseFont"])] = next((f for f in files if f is not None), None)
    return found
