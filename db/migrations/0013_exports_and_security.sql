CREATE TABLE `export_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`template_key` text NOT NULL,
	`template_name` text NOT NULL,
	`kind` text NOT NULL,
	`filters` text NOT NULL,
	`format` text NOT NULL,
	`rows` integer NOT NULL,
	`nik_mode` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`via` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `export_log_at_idx` ON `export_log` (`at`);--> statement-breakpoint
CREATE TABLE `export_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`columns` text NOT NULL,
	`filters` text NOT NULL,
	`format` text DEFAULT 'xlsx' NOT NULL,
	`title_row` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `export_templates_name_unique` ON `export_templates` (`name`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failed_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `security_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_idle_minutes` integer DEFAULT 30 NOT NULL,
	`full_nik_roles` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `users` ADD `credentials_changed_at` text;--> statement-breakpoint
INSERT INTO `security_settings` (id, session_idle_minutes, full_nik_roles) VALUES (1, 30, '["admin","operator","verifikator"]');
