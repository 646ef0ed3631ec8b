CREATE TABLE `verkom_education` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`art_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`month` text NOT NULL,
	`alpa` integer NOT NULL,
	`izin` integer NOT NULL,
	`sakit` integer NOT NULL,
	`jml` integer NOT NULL,
	`attendance_bp` integer NOT NULL,
	`npsn` text NOT NULL,
	`import_id` integer NOT NULL,
	FOREIGN KEY (`art_id`) REFERENCES `art`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `verkom_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verkom_education_member_month_uq` ON `verkom_education` (`art_id`,`month`);--> statement-breakpoint
CREATE INDEX `verkom_education_month_idx` ON `verkom_education` (`month`,`kpm_id`,`attendance_bp`);--> statement-breakpoint
CREATE INDEX `verkom_education_kpm_idx` ON `verkom_education` (`kpm_id`,`month`);--> statement-breakpoint
CREATE TABLE `verkom_health` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`art_id` integer,
	`person_key` integer NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`attended` integer NOT NULL,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`art_id`) REFERENCES `art`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verkom_health_person_month_uq` ON `verkom_health` (`kpm_id`,`person_key`,`month`,`kind`);--> statement-breakpoint
CREATE INDEX `verkom_health_month_idx` ON `verkom_health` (`month`,`kpm_id`,`attended`);--> statement-breakpoint
CREATE TABLE `verkom_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`npsn` text NOT NULL,
	`school_name` text NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`rows` integer NOT NULL,
	`matched` integer NOT NULL,
	`unmatched` integer NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verkom_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`threshold_bp` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `art` ADD `nisn` text;--> statement-breakpoint
CREATE UNIQUE INDEX `art_nisn_uq` ON `art` (`nisn`);