CREATE TABLE `work_plan_removed_sources` (
	`plan_id` integer NOT NULL,
	`source_key` text NOT NULL,
	PRIMARY KEY(`plan_id`, `source_key`),
	FOREIGN KEY (`plan_id`) REFERENCES `work_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
