CREATE TABLE `document_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`decision_id` integer,
	`count` integer NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`paper` text DEFAULT 'A4' NOT NULL,
	`unit_code` text DEFAULT 'Dinsos' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`separate_sequences` integer DEFAULT false NOT NULL,
	`mark_copies` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`opening` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`closing` text DEFAULT '' NOT NULL,
	`number_pattern` text NOT NULL,
	`signatory_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text,
	`updated_by_name` text,
	FOREIGN KEY (`signatory_id`) REFERENCES `signatories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`sequence_scope` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`issued_date` text NOT NULL,
	`kpm_id` integer,
	`proposal_id` integer,
	`decision_id` integer,
	`batch_id` integer,
	`subject` text NOT NULL,
	`signatory_name` text NOT NULL,
	`data` text NOT NULL,
	`template_version` integer NOT NULL,
	`verification_code` text NOT NULL,
	`issued_by` integer,
	`issued_by_name` text NOT NULL,
	`issued_at` text NOT NULL,
	`print_count` integer DEFAULT 1 NOT NULL,
	`voided_at` text,
	`voided_by` integer,
	`voided_by_name` text,
	`void_reason` text,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `document_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_unique` ON `documents` (`number`);--> statement-breakpoint
CREATE INDEX `document_kpm_idx` ON `documents` (`kpm_id`,`kind`);--> statement-breakpoint
CREATE INDEX `document_year_idx` ON `documents` (`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `document_decision_idx` ON `documents` (`decision_id`,`kind`);--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`scope` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`scope`, `year`)
);
--> statement-breakpoint
CREATE TABLE `signatories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`on_behalf_of` text DEFAULT '' NOT NULL,
	`position` text NOT NULL,
	`name` text NOT NULL,
	`rank` text DEFAULT '' NOT NULL,
	`nip` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`regency_code` text NOT NULL,
	`office_name` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text,
	`own` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_keys_public_key_unique` ON `signing_keys` (`public_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `signing_key_own_uq` ON `signing_keys` (`own`) WHERE own = 1;--> statement-breakpoint
-- Defaults an office may change in Pengaturan > Dokumen: A4, one running number per year, reprints marked SALINAN.
INSERT INTO `document_settings` (id, paper, unit_code, place, website, separate_sequences, mark_copies) VALUES (1, 'A4', 'Dinsos', '', '', 0, 1);
--> statement-breakpoint
INSERT INTO `document_templates` (kind, title, opening, body, closing, number_pattern) VALUES
  ('sk_graduasi', 'SURAT KETERANGAN GRADUASI', 'Yang bertanda tangan di bawah ini menerangkan dengan sebenarnya bahwa Keluarga Penerima Manfaat (KPM) Program Keluarga Harapan (PKH) berikut:', 'telah keluar dari kepesertaan Program Keluarga Harapan (PKH) karena {jenis_graduasi} terhitung sejak tanggal {tanggal_graduasi}, berdasarkan Keputusan Kepala {nama_dinas} Nomor {nomor_sk} tanggal {tanggal_sk}.', 'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}'),
  ('pernyataan_mandiri', 'SURAT PERNYATAAN GRADUASI SEJAHTERA MANDIRI', 'Yang bertanda tangan di bawah ini:', 'dengan ini menyatakan dengan sadar dan sukarela mengundurkan diri dari kepesertaan Program Keluarga Harapan (PKH), karena keluarga kami telah mampu memenuhi kebutuhan hidup secara mandiri, dengan alasan sebagai berikut:', 'Demikian surat pernyataan ini saya buat dengan sebenarnya tanpa paksaan dari pihak mana pun, untuk dipergunakan sebagaimana mestinya.', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}'),
  ('piagam', 'PIAGAM PENGHARGAAN', 'Diberikan kepada:', 'Keluarga Penerima Manfaat Program Keluarga Harapan dari Desa/Kelurahan {desa}, Kecamatan {kecamatan}, sebagai penghargaan atas keberhasilan keluarga mencapai {jenis_graduasi} dari Program Keluarga Harapan (PKH) pada tahun {tahun_graduasi}. Semoga menjadi teladan dan inspirasi bagi keluarga lain.', '', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}'),
  ('daftar_usulan', 'DAFTAR USULAN GRADUASI KELUARGA PENERIMA MANFAAT PROGRAM KELUARGA HARAPAN', 'Usulan Nomor {nomor_usulan}: {judul_usulan}', '', '', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}'),
  ('lampiran_keputusan', 'DAFTAR KELUARGA PENERIMA MANFAAT PROGRAM KELUARGA HARAPAN YANG DITETAPKAN GRADUASI', 'Lampiran Keputusan Kepala {nama_dinas} Nomor {nomor_sk} tanggal {tanggal_sk} tentang Penetapan Graduasi Keluarga Penerima Manfaat Program Keluarga Harapan', '', '', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}');
