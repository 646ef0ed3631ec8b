ALTER TABLE `document_templates` ADD `body_alamiah` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `document_templates` ADD `nik_display` text DEFAULT 'lengkap' NOT NULL;--> statement-breakpoint
-- The piagam is handed over in public at the wisuda: its NIK prints masked unless the office chooses otherwise.
UPDATE `document_templates` SET `nik_display` = 'disamarkan' WHERE `kind` = 'piagam';--> statement-breakpoint
-- A graduasi alamiah (no komponen left) is not the family's achievement: the piagam thanks it for taking part.
UPDATE `document_templates` SET `body_alamiah` = 'Keluarga Penerima Manfaat Program Keluarga Harapan dari Desa/Kelurahan {desa}, Kecamatan {kecamatan}, sebagai penghargaan atas komitmen dan partisipasi keluarga selama menjadi peserta Program Keluarga Harapan (PKH) hingga selesai masa kepesertaannya ({jenis_graduasi}) pada tahun {tahun_graduasi}. Semoga keluarga senantiasa sejahtera dan menjadi inspirasi bagi keluarga lain.'
WHERE `kind` = 'piagam';--> statement-breakpoint
-- The BAST's default body read "bantuan Bantuan Modal Usaha ... 2026 tahun 2026" for a programme whose name already
-- says both: {program_bantuan} adds "bantuan" and the year only where the name lacks them. An edited body is left alone.
UPDATE `document_templates` SET `body` = replace(`body`, 'bantuan {nama_program} tahun {tahun}', '{program_bantuan}')
WHERE `kind` = 'bast' AND `version` = 1;
