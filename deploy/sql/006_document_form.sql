-- 006_document_form.sql - the form each document came in.
--
-- content_type is told from the bytes (a PDF, a Word file, an HTML page,
-- text), never from a file name or what the producer said; encoding is
-- the character encoding a text or HTML document was read in.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS encoding text;
COMMENT ON COLUMN documents.content_type IS
    'the form told from the bytes: text/plain, text/html, application/pdf, '
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document, '
    'application/msword';
COMMENT ON COLUMN documents.encoding IS
    'character encoding of a text or HTML document: utf-8, gb18030, '
    'utf-16le, utf-16be, big5; NULL for PDF and Word';
