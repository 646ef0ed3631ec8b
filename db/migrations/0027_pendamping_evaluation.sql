CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`date` text NOT NULL,
	`issue` text NOT NULL,
	`category` text NOT NULL,
	`handled_by` text DEFAULT '' NOT NULL,
	`resolved_date` text,
	`resolution` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_date_idx` ON `complaints` (`date`,`kpm_id`);--> statement-breakpoint
CREATE INDEX `complaints_resolved_idx` ON `complaints` (`resolved_date`,`kpm_id`);--> statement-breakpoint
CREATE INDEX `complaints_kpm_idx` ON `complaints` (`kpm_id`,`date`);--> statement-breakpoint
CREATE TABLE `evaluation_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`indicators` text NOT NULL,
	`complaint_categories` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pendamping_evaluations` (
	`pendamping_id` integer NOT NULL,
	`month` text NOT NULL,
	`scores` text NOT NULL,
	`total` real NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`pendamping_id`, `month`),
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pendamping_evaluations_month_idx` ON `pendamping_evaluations` (`month`);--> statement-breakpoint
CREATE TABLE `pendamping_month_notes` (
	`pendamping_id` integer NOT NULL,
	`month` text NOT NULL,
	`notes` text NOT NULL,
	`updated_by_name` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`pendamping_id`, `month`),
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
