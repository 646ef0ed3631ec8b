DROP INDEX `p2k2_family_years_year_idx`;--> statement-breakpoint
CREATE INDEX `p2k2_family_years_year_idx` ON `p2k2_family_years` (`year`,`group_id`,`marked_months`,`hadir_months`);