-- The daftar penerima's default title named the programme's kind twice ("DAFTAR PENERIMA BANTUAN Bantuan Usaha
-- ..."): it names the programme once. A title the office already edited is left alone.
UPDATE `document_templates` SET `title` = 'DAFTAR PENERIMA {nama_program}'
WHERE `kind` = 'daftar_penerima' AND `title` = 'DAFTAR PENERIMA BANTUAN {nama_program}' AND `version` = 1;
