CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`summary` text NOT NULL,
	`before` text,
	`after` text,
	`import_batch_id` integer
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `art` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`nik` text,
	`nama` text NOT NULL,
	`hubungan` text NOT NULL,
	`tanggal_lahir` text,
	`jenis_kelamin` text NOT NULL,
	`komponen` text,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `art_nik_uq` ON `art` (`nik`);--> statement-breakpoint
CREATE INDEX `art_kpm_idx` ON `art` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `kpm` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_kpm` text NOT NULL,
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
CREATE UNIQUE INDEX `kpm_nik_uq` ON `kpm` (`nik`);--> statement-breakpoint
CREATE UNIQUE INDEX `kpm_id_kpm_uq` ON `kpm` (`id_kpm`);--> statement-breakpoint
CREATE INDEX `kpm_no_kk_idx` ON `kpm` (`no_kk`);--> statement-breakpoint
CREATE INDEX `kpm_nama_idx` ON `kpm` ("nama" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `kpm_status_nama_idx` ON `kpm` (`status`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_district_nama_idx` ON `kpm` (`district_code`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_village_nama_idx` ON `kpm` (`village_code`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_pendamping_nama_idx` ON `kpm` (`pendamping_id`,"nama" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `kpm_batch_idx` ON `kpm` (`import_batch_id`);--> statement-breakpoint
CREATE TABLE `office` (
	`id` integer PRIMARY KEY NOT NULL,
	`agency_name` text NOT NULL,
	`regency_code` text NOT NULL,
	`regency_name` text NOT NULL,
	`address` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`logo` text,
	`head_name` text NOT NULL,
	`head_rank` text DEFAULT '' NOT NULL,
	`head_nip` text NOT NULL,
	`setup_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pendamping` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`nip` text,
	`phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pendamping_nip_unique` ON `pendamping` (`nip`);--> statement-breakpoint
CREATE INDEX `pendamping_name_idx` ON `pendamping` (`name`);--> statement-breakpoint
CREATE TABLE `pendamping_districts` (
	`pendamping_id` integer NOT NULL,
	`district_code` text NOT NULL,
	PRIMARY KEY(`pendamping_id`, `district_code`),
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_code`,`name`);--> statement-breakpoint
CREATE TABLE `benefit_amounts` (
	`komponen` text PRIMARY KEY NOT NULL,
	`yearly` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);