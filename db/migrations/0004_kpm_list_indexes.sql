DROP INDEX `kpm_village_nama_idx`;--> statement-breakpoint
CREATE INDEX `kpm_status_count_idx` ON `kpm` (`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_district_count_idx` ON `kpm` (`district_code`,`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_village_count_idx` ON `kpm` (`village_code`,`status`,`komponen_mask`);--> statement-breakpoint
CREATE INDEX `kpm_updated_idx` ON `kpm` (`updated_at`);