CREATE TABLE `assessment_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`weight` integer NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`options` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_criteria_code_unique` ON `assessment_criteria` (`code`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`verifier_id` integer,
	`verifier_name` text NOT NULL,
	`visit_date` text NOT NULL,
	`answers` text NOT NULL,
	`criteria` text NOT NULL,
	`score` integer NOT NULL,
	`recommendation` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `graduation_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_candidate_idx` ON `assessments` (`candidate_id`,`id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`sk_number` text NOT NULL,
	`sk_date` text NOT NULL,
	`decided_by` integer,
	`decided_by_name` text NOT NULL,
	`decided_at` text NOT NULL,
	`reversed_at` text,
	`reversed_by` integer,
	`reversed_by_name` text,
	`reverse_reason` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exit_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exit_types_name_unique` ON `exit_types` (`name`);--> statement-breakpoint
CREATE TABLE `follow_up_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`decision_id` integer NOT NULL,
	`months_after` integer NOT NULL,
	`due_date` text NOT NULL,
	`visited_date` text,
	`visitor_name` text,
	`business_running` integer,
	`income_band` text,
	`slipped_back` integer,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`recorded_at` text,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_due_idx` ON `follow_up_visits` (`visited_date`,`due_date`);--> statement-breakpoint
CREATE INDEX `visit_kpm_idx` ON `follow_up_visits` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `graduation_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reasons` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`stage` text DEFAULT 'calon' NOT NULL,
	`pendamping_id` integer,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_reason` text,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidate_open_uq` ON `graduation_candidates` (`kpm_id`) WHERE stage IN ('calon', 'terverifikasi', 'diusulkan');--> statement-breakpoint
CREATE INDEX `candidate_stage_idx` ON `graduation_candidates` (`stage`,`pendamping_id`);--> statement-breakpoint
CREATE INDEX `candidate_kpm_idx` ON `graduation_candidates` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `graduation_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`threshold` integer DEFAULT 60 NOT NULL,
	`visit_months` text NOT NULL,
	`default_target_kpm` integer DEFAULT 10 NOT NULL,
	`office_target_percent` integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `graduation_statements` (
	`candidate_id` integer PRIMARY KEY NOT NULL,
	`signed_date` text NOT NULL,
	`witness_pendamping` text NOT NULL,
	`witness_kepala_desa` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `graduation_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `graduation_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`pendamping_id` integer,
	`mode` text NOT NULL,
	`value` integer NOT NULL,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_year_pendamping_uq` ON `graduation_targets` (`year`,`pendamping_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `target_office_year_uq` ON `graduation_targets` (`year`) WHERE pendamping_id IS NULL;--> statement-breakpoint
CREATE TABLE `proposal_items` (
	`proposal_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`decision` text,
	`reject_reason` text,
	PRIMARY KEY(`proposal_id`, `candidate_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `graduation_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_item_candidate_uq` ON `proposal_items` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`submitted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_number_unique` ON `proposals` (`number`);--> statement-breakpoint
ALTER TABLE `kpm` ADD `exit_type_id` integer;--> statement-breakpoint
-- The two graduations and the exits offices name (issue 7); an administrator may add more.
INSERT INTO `exit_types` (name, kind, builtin, active, sort_order) VALUES
  ('Graduasi sejahtera mandiri', 'graduasi_mandiri', 1, 1, 1),
  ('Graduasi alamiah', 'graduasi_alamiah', 1, 1, 2),
  ('Tidak padan data / by sistem', 'lainnya', 1, 1, 3),
  ('Tidak memenuhi komitmen', 'lainnya', 1, 1, 4),
  ('PPSE/PENA', 'lainnya', 1, 1, 5),
  ('Meninggal dunia', 'lainnya', 1, 1, 6),
  ('Pindah domisili', 'lainnya', 1, 1, 7),
  ('Mengundurkan diri / lainnya', 'lainnya', 1, 1, 8);
--> statement-breakpoint
-- Families that left before this version keep their status; their exit type is read from it and, for
-- 'keluar', from the words of the reason they were given.
UPDATE `kpm` SET `exit_type_id` = (
  SELECT id FROM exit_types WHERE name = CASE
    WHEN kpm.status = 'graduasi_mandiri' THEN 'Graduasi sejahtera mandiri'
    WHEN kpm.status = 'graduasi_alamiah' THEN 'Graduasi alamiah'
    WHEN lower(coalesce(kpm.status_reason, '')) LIKE '%meninggal%' THEN 'Meninggal dunia'
    WHEN lower(coalesce(kpm.status_reason, '')) LIKE '%pindah%' THEN 'Pindah domisili'
    WHEN lower(coalesce(kpm.status_reason, '')) LIKE '%padan%' THEN 'Tidak padan data / by sistem'
    WHEN lower(coalesce(kpm.status_reason, '')) LIKE '%komitmen%' THEN 'Tidak memenuhi komitmen'
    WHEN lower(coalesce(kpm.status_reason, '')) LIKE '%ppse%' OR lower(coalesce(kpm.status_reason, '')) LIKE '%pena%' THEN 'PPSE/PENA'
    ELSE 'Mengundurkan diri / lainnya'
  END)
WHERE `status` <> 'aktif';
--> statement-breakpoint
-- Defaults an office may change: assessment criteria (main/domain/assessment.ts), exit types, settings.
INSERT INTO `assessment_criteria` (code, label, weight, required, options, active, sort_order) VALUES
  ('penghasilan', 'Penghasilan keluarga per bulan dibanding UMK', 25, 1, '[{"code":"di_bawah_50","label":"Kurang dari 50% UMK","score":0},{"code":"50_99","label":"50% sampai di bawah UMK","score":50},{"code":"setara_umk","label":"Setara UMK atau lebih","score":100}]', 1, 1),
  ('kepemilikan_rumah', 'Kepemilikan rumah', 10, 1, '[{"code":"menumpang","label":"Menumpang","score":0},{"code":"sewa","label":"Sewa/kontrak","score":40},{"code":"milik","label":"Milik sendiri","score":100}]', 1, 2),
  ('lantai', 'Lantai rumah', 8, 0, '[{"code":"tanah","label":"Tanah","score":0},{"code":"semen","label":"Semen/plester","score":60},{"code":"keramik","label":"Keramik/ubin","score":100}]', 1, 3),
  ('dinding', 'Dinding rumah', 8, 0, '[{"code":"bambu","label":"Bambu/kayu rendah","score":0},{"code":"kayu","label":"Kayu/papan","score":50},{"code":"tembok","label":"Tembok","score":100}]', 1, 4),
  ('jamban', 'Fasilitas buang air besar', 8, 0, '[{"code":"tidak_ada","label":"Tidak ada/umum","score":0},{"code":"bersama","label":"Bersama","score":50},{"code":"sendiri","label":"Milik sendiri","score":100}]', 1, 5),
  ('penerangan', 'Sumber penerangan', 6, 0, '[{"code":"non_listrik","label":"Bukan listrik","score":0},{"code":"listrik_450","label":"Listrik 450 VA","score":50},{"code":"listrik_900","label":"Listrik 900 VA atau lebih","score":100}]', 1, 6),
  ('aset', 'Aset (sepeda motor dan sejenisnya)', 10, 0, '[{"code":"tidak_ada","label":"Tidak ada","score":0},{"code":"satu","label":"Satu sepeda motor","score":60},{"code":"lebih","label":"Lebih dari satu / aset usaha","score":100}]', 1, 7),
  ('utang', 'Utang', 10, 0, '[{"code":"berat","label":"Utang memberatkan","score":0},{"code":"ringan","label":"Utang ringan/terkendali","score":60},{"code":"tidak_ada","label":"Tidak ada utang","score":100}]', 1, 8),
  ('porsi_pangan', 'Bagian pengeluaran untuk makanan', 15, 1, '[{"code":"di_atas_70","label":"Lebih dari 70%","score":0},{"code":"50_70","label":"50% sampai 70%","score":50},{"code":"di_bawah_50","label":"Kurang dari 50%","score":100}]', 1, 9);
--> statement-breakpoint
INSERT INTO `graduation_settings` (id, threshold, visit_months, default_target_kpm, office_target_percent) VALUES (1, 60, '[3,6,12]', 10, 10);
