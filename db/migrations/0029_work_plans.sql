CREATE TABLE `work_plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`kpm_id` integer,
	`group_id` integer,
	`source_key` text,
	`outcome` text,
	`outcome_reason` text DEFAULT '' NOT NULL,
	`outcome_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `work_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `p2k2_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_plan_item_plan_idx` ON `work_plan_items` (`plan_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_plan_item_source` ON `work_plan_items` (`plan_id`,`source_key`);--> statement-breakpoint
CREATE TABLE `work_plan_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`deadline_day` integer DEFAULT 5 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `work_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pendamping_id` integer NOT NULL,
	`month` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_at` text,
	`submitted_by_name` text,
	`first_submitted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_plan_month_idx` ON `work_plans` (`pendamping_id`,`month`);--> statement-breakpoint
CREATE INDEX `work_plan_by_month` ON `work_plans` (`month`);