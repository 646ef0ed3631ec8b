CREATE TABLE `business_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_id` integer NOT NULL,
	`entry_date` text NOT NULL,
	`running` integer NOT NULL,
	`turnover` integer NOT NULL,
	`income` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`visit_id` integer,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `follow_up_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `business_entry_idx` ON `business_entries` (`business_id`,`entry_date`,`id`);--> statement-breakpoint
CREATE INDEX `business_entry_date_idx` ON `business_entries` (`entry_date`);--> statement-breakpoint
CREATE TABLE `business_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`umk` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `businesses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`type` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_kpm_id_unique` ON `businesses` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `kube_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kube_id` integer NOT NULL,
	`name` text NOT NULL,
	`value` integer NOT NULL,
	`acquired_date` text NOT NULL,
	FOREIGN KEY (`kube_id`) REFERENCES `kube_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kube_asset_group_idx` ON `kube_assets` (`kube_id`);--> statement-breakpoint
CREATE TABLE `kube_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`business_type` text NOT NULL,
	`business` text DEFAULT '' NOT NULL,
	`formed_date` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kube_members` (
	`kube_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`joined_on` text NOT NULL,
	FOREIGN KEY (`kube_id`) REFERENCES `kube_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kube_member_kpm_uq` ON `kube_members` (`kpm_id`);--> statement-breakpoint
CREATE INDEX `kube_member_group_idx` ON `kube_members` (`kube_id`);--> statement-breakpoint
CREATE TABLE `business_online_shops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`platform` text NOT NULL,
	`account_name` text NOT NULL,
	`since` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `online_kpm_idx` ON `business_online_shops` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `business_pena` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`amount` integer NOT NULL,
	`date` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pena_kpm_idx` ON `business_pena` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `business_trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`course` text NOT NULL,
	`institution` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`completed` integer NOT NULL,
	`certificate` integer NOT NULL,
	`certificate_number` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_kpm_idx` ON `business_trainings` (`kpm_id`);