"""Tables in plain text: read them (``reading``), and check the relations their columns
and rows hold by agreement across rows (``relations``)."""

from factlint.extract.tables.model import Cell, Column, Row, Table
from factlint.extract.tables.reading import read_tables

__all__ = ["Cell", "Column", "Row", "Table", "read_tables"]
