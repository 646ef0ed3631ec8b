CREATE TABLE `database_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`database_id` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `database_identity` (`id`, `database_id`) VALUES (1, lower(hex(randomblob(16))));
