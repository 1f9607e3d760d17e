"""The instalment agreement as a minimal OpenDocument text (.odt), for the LibreOffice
comparison in ``agreement_pdf.py``: the same texts (``clerk_app.domain.agreement_texts``),
the same schedule table, DejaVu Sans; written with the standard library only."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.agreement_texts import (
    CLOSING_OF_PARTIES,
    agreement_parties,
    agreement_sections,
    opening_line,
)
from clerk_app.domain.money import amount_in_words, format_amount_with_words, format_money
from clerk_app.domain.text import format_date_pl

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)
_STYLES = """
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:automatic-styles>
 <style:style style:name="P" style:family="paragraph"><style:paragraph-properties
  fo:text-align="justify" fo:margin-bottom="1.8mm"/><style:text-properties
  style:font-name="DejaVu Sans" fo:font-size="10pt"/></style:style>
 <style:style style:name="C" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="T" style:family="paragraph" style:parent-style-name="C">
  <style:text-properties fo:font-size="13.5pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="H" style:family="paragraph" style:parent-style-name="C">
  <style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="S" style:family="paragraph" style:parent-style-name="P">
  <style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties
  fo:font-weight="bold"/></style:style>
 <style:style style:name="Tab" style:family="table"><style:table-properties
  style:width="165mm" table:align="left"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties
  fo:border="0.4pt solid #000000" fo:padding="1mm"/></style:style>
</office:automatic-styles>
"""
_BOLD = re.compile(r"&lt;b&gt;(.*?)&lt;/b&gt;")


def _p(text: str, style: str = "P") -> str:
    inner = _BOLD.sub(r'<text:span text:style-name="B">\1</text:span>', escape(text))
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


def _row(cells: list[str]) -> str:
    body = "".join(f'<table:table-cell table:style-name="Cell">{_p(c)}</table:table-cell>'
                   for c in cells)
    return f"<table:table-row>{body}</table:table-row>"


def _schedule(doc: AgreementDocument) -> str:
    rows = [_row(["<b>Nr raty</b>", "<b>Termin płatności</b>", "<b>Kwota</b>",
                  "<b>Kwota słownie</b>"])]
    rows += [_row([f"{i.number}.", format_date_pl(i.due_date), format_money(i.amount),
                   amount_in_words(i.amount)]) for i in doc.schedule]
    rows.append(_row(["<b>Razem</b>", "", format_money(doc.schedule_total),
                      amount_in_words(doc.schedule_total)]))
    columns = '<table:table-column table:number-columns-repeated="4"/>'
    return f'<table:table table:style-name="Tab">{columns}{"".join(rows)}</table:table>'


def agreement_content_xml(doc: AgreementDocument) -> str:
    parts = [_p(f"Znak sprawy: {doc.case_signature}"), _p(doc.place_and_date, "P"),
             _p(doc.title, "T"), _p(f"nr {doc.identifier}", "H"), _p(opening_line(doc))]
    for party in agreement_parties(doc):
        parts.append(_p(f"<b>{party.role}:</b> " + " ".join(party.lines)))
    parts.append(_p(CLOSING_OF_PARTIES))
    for section in agreement_sections(doc):
        parts += [_p(f"§ {section.number}", "H"), _p(section.heading, "H")]
        for index, text in enumerate(section.paragraphs, start=1):
            parts.append(_p(f"{index}. {text}" if len(section.paragraphs) > 1 else text))
            if section.schedule_after == index:
                parts.append(_schedule(doc))
    parts.append(_p(f"Podstawa prawna: {doc.legal_basis}", "S"))
    parts += [_p("." * 44 + "\t" + "." * 44, "C"),
              _p(f"Wynajmujący: {doc.signatory_name}    Najemca: {doc.tenant.name}", "C"),
              _p(f"Kaucja: {format_amount_with_words(doc.deposit)}", "S")]
    body = "".join(parts)
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
            f"{_STYLES}<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>")


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def write_agreement_odt(doc: AgreementDocument, path: Path) -> Path:
    """Write ``doc`` as an .odt file (mimetype first and stored, as ODF requires)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                     compress_type=zipfile.ZIP_STORED)
        odt.writestr("META-INF/manifest.xml", _MANIFEST)
        odt.writestr("content.xml", agreement_content_xml(doc))
    return path
