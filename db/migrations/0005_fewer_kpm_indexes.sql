DROP INDEX `kpm_pendamping_nama_idx`;--> statement-breakpoint
DROP INDEX `kpm_batch_idx`;