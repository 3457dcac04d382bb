"""Org-tree import and export as a spreadsheet (XLSX or CSV).

- `import_tree`: a dry run answers a row-by-row report; a real run writes every new unit,
  rename and move in one append or nothing (ImportRejected carries the report); the same
  file again writes nothing.
- `export_tree`: the caller's subtree now, in the same format.
"""

from services.org_import.command import ImportOutcome, ImportRejected, import_tree
from services.org_import.export import FORMATS, Export, export_tree
from services.org_import.rows import read_rows

__all__ = ["FORMATS", "Export", "ImportOutcome", "ImportRejected", "export_tree", "import_tree", "read_rows"]
