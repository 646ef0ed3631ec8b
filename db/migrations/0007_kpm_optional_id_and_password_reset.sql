-- ID KPM becomes optional (DTKS-based files carry none; it is filled in later and stays unique when present).
-- SQLite cannot drop NOT NULL in place, so kpm is rebuilt with the same rowids; openDatabase turns foreign keys
-- off around migrations (inside a transaction the PRAGMA below is a no-op, and DROP TABLE would otherwise
-- cascade to every member). Dropping kpm drops its search triggers: they are made again at the end.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_kpm` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_kpm` text,
	`id_dtks` text,
	`no_kk` text NOT NULL,
	`nik` text NOT NULL,
	`nama` text NOT NULL,
	`tempat_lahir` text DEFAULT '' NOT NULL,
	`tanggal_lahir` text,
	`jenis_kelamin` text NOT NULL,
	`komponen` text,
	`alamat` text DEFAULT '' NOT NULL,
	`rt` text DEFAULT '' NOT NULL,
	`rw` text DEFAULT '' NOT NULL,
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`tahun_bergabung` integer,
	`pendamping_id` integer,
	`status` text DEFAULT 'aktif' NOT NULL,
	`status_reason` text,
	`status_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`komponen_mask` integer DEFAULT 0 NOT NULL,
	`import_batch_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_kpm`("id", "id_kpm", "id_dtks", "no_kk", "nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "komponen", "alamat", "rt", "rw", "district_code", "village_code", "phone", "tahun_bergabung", "pendamping_id", "status", "status_reason", "status_date", "notes", "komponen_mask", "import_batch_id", "created_at", "updated_at") SELECT "id", "id_kpm", "id_dtks", "no_kk", "nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "komponen", "alamat", "rt", "rw", "district_code", "village_code", "phone", "tahun_bergabung", "pendamping_id", "status", "status_reason", "status_date", "notes", "komponen_mask", "import_batch_id", "created_at", "updated_at" FROM `kpm`;--> statement-breakpoint
DROP TABLE `kpm`;--> statement-breakpoint
ALTER TABLE `__new_kpm` RENAME TO `kpm`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `kpm_nik_uq` ON `kpm` (`nik`);--> statement-breakpoint
CREATE UNIQUE INDEX `kpm_id_kpm_uq` ON `kpm` (`id_kpm`);--> statement-breakpoint
CREATE INDEX `kpm_no_kk_idx` ON `kpm` (`no_kk`);--> statement-breakpoint
CREATE INDEX `kpm_nama_idx` ON `kpm` ("nama" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `kpm_status_nama_idx` ON `kpm` (`status`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_district_nama_idx` ON `kpm` (`district_code`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_status_count_idx` ON `kpm` (`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_district_count_idx` ON `kpm` (`district_code`,`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_village_count_idx` ON `kpm` (`village_code`,`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_updated_idx` ON `kpm` (`updated_at`);--> statement-breakpoint
CREATE INDEX `kpm_pendamping_status_idx` ON `kpm` (`pendamping_id`,`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TRIGGER `kpm_search_ai` AFTER INSERT ON `kpm` WHEN NOT EXISTS (SELECT 1 FROM kpm_search_paused) BEGIN
  INSERT INTO kpm_search(rowid, nama, alamat) VALUES (new.id, new.nama, new.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ad` AFTER DELETE ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, alamat) VALUES ('delete', old.id, old.nama, old.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_au` AFTER UPDATE OF nama, alamat ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, alamat) VALUES ('delete', old.id, old.nama, old.alamat);
  INSERT INTO kpm_search(rowid, nama, alamat) VALUES (new.id, new.nama, new.alamat);
END;
