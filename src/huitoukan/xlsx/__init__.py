"""Writing workbooks: the fast register `writer`, and `styles` for openpyxl-made forms."""
