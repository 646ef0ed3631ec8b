CREATE TABLE `import_batch_items` (
	`batch_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`action` text NOT NULL,
	`audit_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batch_items_batch_idx` ON `import_batch_items` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_batch_items_kpm_idx` ON `import_batch_items` (`kpm_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`sheet` text,
	`mapping` text NOT NULL,
	`counts` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'committed' NOT NULL,
	`undone_at` text,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `import_batches_hash_idx` ON `import_batches` (`file_hash`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`fields` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_name_uq` ON `import_mappings` (`name`);