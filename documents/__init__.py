"""Official documents generated from the platform's data, as DOCX and PDF: one layout model
(Decree 30/2020/NĐ-CP), two renderers, and one builder per kind of document."""
