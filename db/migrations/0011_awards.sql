CREATE TABLE `award_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price` integer NOT NULL,
	`supplier` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `award_lines` (
	`award_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` integer NOT NULL,
	`item_name` text NOT NULL,
	`unit` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`award_id`, `line_no`),
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `award_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `award_programs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`funding_source` text NOT NULL,
	`sponsor_name` text DEFAULT '' NOT NULL,
	`budget` integer NOT NULL,
	`form` text NOT NULL,
	`min_per_family` integer NOT NULL,
	`max_per_family` integer NOT NULL,
	`graduation_types` text NOT NULL,
	`graduated_from` text NOT NULL,
	`graduated_to` text NOT NULL,
	`one_per_family` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`stage` text DEFAULT 'direncanakan' NOT NULL,
	`business_type` text NOT NULL,
	`cash` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`corrects_award_id` integer,
	`correction_reason` text,
	`planned_by` integer,
	`planned_by_name` text NOT NULL,
	`planned_at` text NOT NULL,
	`approved_by` integer,
	`approved_by_name` text,
	`approved_at` text,
	`handover_date` text,
	`handover_place` text,
	`receiver_name` text,
	`receiver_relationship` text,
	`witnesses` text,
	`bast_document_id` integer,
	`handed_over_by` integer,
	`handed_over_by_name` text,
	`cancelled_at` text,
	`cancelled_by` integer,
	`cancelled_by_name` text,
	`cancel_reason` text,
	FOREIGN KEY (`program_id`) REFERENCES `award_programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bast_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `award_program_stage_idx` ON `awards` (`program_id`,`stage`);--> statement-breakpoint
CREATE INDEX `award_kpm_idx` ON `awards` (`kpm_id`);--> statement-breakpoint
CREATE INDEX `award_corrects_idx` ON `awards` (`corrects_award_id`);--> statement-breakpoint
-- The berita acara serah terima (BAST) and the daftar penerima print with the documents machinery (issue 8):
-- their templates, with default wording an office may change in Pengaturan > Dokumen.
INSERT INTO `document_templates` (kind, title, opening, body, closing, number_pattern) VALUES
  ('bast', 'BERITA ACARA SERAH TERIMA BANTUAN', 'Pada hari ini {hari_serah} tanggal {tanggal_serah}, bertempat di {tempat}, kami yang bertanda tangan di bawah ini:', 'PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menyatakan telah menerima dari PIHAK PERTAMA, bantuan {nama_program} tahun {tahun} yang bersumber dari {sumber_dana} untuk mendukung usaha {jenis_usaha}, dengan rincian sebagai berikut:', 'Bantuan tersebut telah diterima dalam keadaan baik dan lengkap. Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}'),
  ('daftar_penerima', 'DAFTAR PENERIMA BANTUAN {nama_program}', 'Tahun {tahun}, sumber dana {sumber_dana}; serah terima tanggal {tanggal_serah} di {tempat}', '', '', '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}');
