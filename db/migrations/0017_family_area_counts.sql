CREATE TABLE `kpm_area_counts` (
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`pendamping_key` integer NOT NULL,
	`families` integer NOT NULL,
	`without_komponen` integer NOT NULL,
	`ibu_hamil` integer NOT NULL,
	`anak_usia_dini` integer NOT NULL,
	`anak_sd` integer NOT NULL,
	`anak_smp` integer NOT NULL,
	`anak_sma` integer NOT NULL,
	`disabilitas_berat` integer NOT NULL,
	`lanjut_usia` integer NOT NULL,
	PRIMARY KEY(`district_code`, `village_code`, `pendamping_key`)
);
--> statement-breakpoint
CREATE INDEX `kpm_area_counts_pendamping_idx` ON `kpm_area_counts` (`pendamping_key`);--> statement-breakpoint
DROP INDEX `award_program_stage_idx`;--> statement-breakpoint
CREATE INDEX `award_program_stage_idx` ON `awards` (`program_id`,`stage`,`kpm_id`,`total`);--> statement-breakpoint
DROP INDEX `candidate_stage_idx`;--> statement-breakpoint
CREATE INDEX `candidate_stage_idx` ON `graduation_candidates` (`stage`,`pendamping_id`,`kpm_id`);--> statement-breakpoint
CREATE INDEX `proposal_item_decision_idx` ON `proposal_items` (`proposal_id`,`decision`,`candidate_id`);--> statement-breakpoint
-- Kept in step with kpm by triggers, as kpm_search is: every writer (form, import, undo, decisions, restore of an
-- older file through its migrations) keeps the counts right without knowing of them. Only active families count.
CREATE TRIGGER `kpm_area_counts_ai` AFTER INSERT ON `kpm` BEGIN
  INSERT INTO `kpm_area_counts` (district_code, village_code, pendamping_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
    SELECT NEW.district_code, NEW.village_code, ifnull(NEW.pendamping_id, 0), 1, NEW.komponen_mask = 0, (NEW.komponen_mask & 1) <> 0, (NEW.komponen_mask & 2) <> 0, (NEW.komponen_mask & 4) <> 0, (NEW.komponen_mask & 8) <> 0, (NEW.komponen_mask & 16) <> 0, (NEW.komponen_mask & 32) <> 0, (NEW.komponen_mask & 64) <> 0 WHERE NEW.status = 'aktif'
    ON CONFLICT DO UPDATE SET families = families + excluded.families, without_komponen = without_komponen + excluded.without_komponen, ibu_hamil = ibu_hamil + excluded.ibu_hamil, anak_usia_dini = anak_usia_dini + excluded.anak_usia_dini, anak_sd = anak_sd + excluded.anak_sd, anak_smp = anak_smp + excluded.anak_smp, anak_sma = anak_sma + excluded.anak_sma, disabilitas_berat = disabilitas_berat + excluded.disabilitas_berat, lanjut_usia = lanjut_usia + excluded.lanjut_usia;
END;--> statement-breakpoint
CREATE TRIGGER `kpm_area_counts_ad` AFTER DELETE ON `kpm` BEGIN
  UPDATE `kpm_area_counts` SET families = families - 1, without_komponen = without_komponen - (OLD.komponen_mask = 0), ibu_hamil = ibu_hamil - ((OLD.komponen_mask & 1) <> 0), anak_usia_dini = anak_usia_dini - ((OLD.komponen_mask & 2) <> 0), anak_sd = anak_sd - ((OLD.komponen_mask & 4) <> 0), anak_smp = anak_smp - ((OLD.komponen_mask & 8) <> 0), anak_sma = anak_sma - ((OLD.komponen_mask & 16) <> 0), disabilitas_berat = disabilitas_berat - ((OLD.komponen_mask & 32) <> 0), lanjut_usia = lanjut_usia - ((OLD.komponen_mask & 64) <> 0)
    WHERE OLD.status = 'aktif' AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
  DELETE FROM `kpm_area_counts` WHERE families = 0 AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
END;--> statement-breakpoint
CREATE TRIGGER `kpm_area_counts_au` AFTER UPDATE OF status, district_code, village_code, pendamping_id, komponen_mask ON `kpm` BEGIN
  UPDATE `kpm_area_counts` SET families = families - 1, without_komponen = without_komponen - (OLD.komponen_mask = 0), ibu_hamil = ibu_hamil - ((OLD.komponen_mask & 1) <> 0), anak_usia_dini = anak_usia_dini - ((OLD.komponen_mask & 2) <> 0), anak_sd = anak_sd - ((OLD.komponen_mask & 4) <> 0), anak_smp = anak_smp - ((OLD.komponen_mask & 8) <> 0), anak_sma = anak_sma - ((OLD.komponen_mask & 16) <> 0), disabilitas_berat = disabilitas_berat - ((OLD.komponen_mask & 32) <> 0), lanjut_usia = lanjut_usia - ((OLD.komponen_mask & 64) <> 0)
    WHERE OLD.status = 'aktif' AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
  DELETE FROM `kpm_area_counts` WHERE families = 0 AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
  INSERT INTO `kpm_area_counts` (district_code, village_code, pendamping_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
    SELECT NEW.district_code, NEW.village_code, ifnull(NEW.pendamping_id, 0), 1, NEW.komponen_mask = 0, (NEW.komponen_mask & 1) <> 0, (NEW.komponen_mask & 2) <> 0, (NEW.komponen_mask & 4) <> 0, (NEW.komponen_mask & 8) <> 0, (NEW.komponen_mask & 16) <> 0, (NEW.komponen_mask & 32) <> 0, (NEW.komponen_mask & 64) <> 0 WHERE NEW.status = 'aktif'
    ON CONFLICT DO UPDATE SET families = families + excluded.families, without_komponen = without_komponen + excluded.without_komponen, ibu_hamil = ibu_hamil + excluded.ibu_hamil, anak_usia_dini = anak_usia_dini + excluded.anak_usia_dini, anak_sd = anak_sd + excluded.anak_sd, anak_smp = anak_smp + excluded.anak_smp, anak_sma = anak_sma + excluded.anak_sma, disabilitas_berat = disabilitas_berat + excluded.disabilitas_berat, lanjut_usia = lanjut_usia + excluded.lanjut_usia;
END;--> statement-breakpoint
INSERT INTO `kpm_area_counts` (district_code, village_code, pendamping_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
  SELECT district_code, village_code, ifnull(pendamping_id, 0), count(*), sum(komponen_mask = 0), sum((komponen_mask & 1) <> 0), sum((komponen_mask & 2) <> 0), sum((komponen_mask & 4) <> 0), sum((komponen_mask & 8) <> 0), sum((komponen_mask & 16) <> 0), sum((komponen_mask & 32) <> 0), sum((komponen_mask & 64) <> 0)
  FROM `kpm` WHERE status = 'aktif' GROUP BY 1, 2, 3;
