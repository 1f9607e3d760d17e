"""Printable documents (reportlab PDFs, openpyxl workbooks) built from plain dataclasses."""
