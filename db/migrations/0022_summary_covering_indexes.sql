DROP INDEX `kpm_area_counts_pendamping_idx`;--> statement-breakpoint
CREATE INDEX `kpm_area_counts_pendamping_idx` ON `kpm_area_counts` (`pendamping_key`,`families`);--> statement-breakpoint
CREATE INDEX `candidate_stage_updated_idx` ON `graduation_candidates` (`stage`,`updated_at`);