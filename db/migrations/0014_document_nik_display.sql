ALTER TABLE `document_templates` ADD `nik_display` text DEFAULT 'lengkap' NOT NULL;--> statement-breakpoint
-- The piagam is handed over in public at the wisuda: its NIK prints masked unless the office chooses otherwise.
UPDATE `document_templates` SET `nik_display` = 'disamarkan' WHERE `kind` = 'piagam';
