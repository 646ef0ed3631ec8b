CREATE TABLE `award_level_counts` (
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`area_key` text NOT NULL,
	`stage` text NOT NULL,
	`awards` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`program_id`, `kind`, `area_key`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `decided_graduation_level_counts` (
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`area_key` text NOT NULL,
	`status` text NOT NULL,
	`graduations` integer NOT NULL,
	PRIMARY KEY(`kind`, `month`, `area_key`, `status`)
);
--> statement-breakpoint
CREATE TABLE `kpm_level_counts` (
	`kind` text NOT NULL,
	`area_key` text NOT NULL,
	`families` integer NOT NULL,
	`without_komponen` integer NOT NULL,
	`ibu_hamil` integer NOT NULL,
	`anak_usia_dini` integer NOT NULL,
	`anak_sd` integer NOT NULL,
	`anak_smp` integer NOT NULL,
	`anak_sma` integer NOT NULL,
	`disabilitas_berat` integer NOT NULL,
	`lanjut_usia` integer NOT NULL,
	PRIMARY KEY(`kind`, `area_key`)
);
--> statement-breakpoint
CREATE TABLE `open_candidate_level_counts` (
	`kind` text NOT NULL,
	`area_key` text NOT NULL,
	`stage` text NOT NULL,
	`candidates` integer NOT NULL,
	PRIMARY KEY(`kind`, `area_key`, `stage`)
);
--> statement-breakpoint
-- Kept by triggers on the summaries they add up (kpm_area_counts, open_candidate_counts, award_area_counts,
-- decided_graduations), so every rule stays in the summary's own triggers: a level row is the sum of its summary's rows
-- of that kecamatan or pendamping, and is deleted when its count reaches zero, as the summaries' rows are.
CREATE TRIGGER `kpm_level_counts_ai` AFTER INSERT ON `kpm_area_counts` BEGIN
  INSERT INTO `kpm_level_counts` (kind, area_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
    VALUES ('kecamatan', NEW.district_code, NEW.families, NEW.without_komponen, NEW.ibu_hamil, NEW.anak_usia_dini, NEW.anak_sd, NEW.anak_smp, NEW.anak_sma, NEW.disabilitas_berat, NEW.lanjut_usia), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.families, NEW.without_komponen, NEW.ibu_hamil, NEW.anak_usia_dini, NEW.anak_sd, NEW.anak_smp, NEW.anak_sma, NEW.disabilitas_berat, NEW.lanjut_usia)
    ON CONFLICT DO UPDATE SET families = families + excluded.families, without_komponen = without_komponen + excluded.without_komponen, ibu_hamil = ibu_hamil + excluded.ibu_hamil, anak_usia_dini = anak_usia_dini + excluded.anak_usia_dini, anak_sd = anak_sd + excluded.anak_sd, anak_smp = anak_smp + excluded.anak_smp, anak_sma = anak_sma + excluded.anak_sma, disabilitas_berat = disabilitas_berat + excluded.disabilitas_berat, lanjut_usia = lanjut_usia + excluded.lanjut_usia;
END;--> statement-breakpoint
CREATE TRIGGER `kpm_level_counts_ad` AFTER DELETE ON `kpm_area_counts` BEGIN
  UPDATE `kpm_level_counts` SET families = families - OLD.families, without_komponen = without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd - OLD.anak_sd, anak_smp = anak_smp - OLD.anak_smp, anak_sma = anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia - OLD.lanjut_usia WHERE kind = 'kecamatan' AND area_key = OLD.district_code;
  UPDATE `kpm_level_counts` SET families = families - OLD.families, without_komponen = without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd - OLD.anak_sd, anak_smp = anak_smp - OLD.anak_smp, anak_sma = anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia - OLD.lanjut_usia WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT);
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code;
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT);
END;--> statement-breakpoint
CREATE TRIGGER `kpm_level_counts_au` AFTER UPDATE ON `kpm_area_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key BEGIN
  UPDATE `kpm_level_counts` SET families = families + NEW.families - OLD.families, without_komponen = without_komponen + NEW.without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil + NEW.ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini + NEW.anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd + NEW.anak_sd - OLD.anak_sd, anak_smp = anak_smp + NEW.anak_smp - OLD.anak_smp, anak_sma = anak_sma + NEW.anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat + NEW.disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia + NEW.lanjut_usia - OLD.lanjut_usia WHERE kind = 'kecamatan' AND area_key = NEW.district_code;
  UPDATE `kpm_level_counts` SET families = families + NEW.families - OLD.families, without_komponen = without_komponen + NEW.without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil + NEW.ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini + NEW.anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd + NEW.anak_sd - OLD.anak_sd, anak_smp = anak_smp + NEW.anak_smp - OLD.anak_smp, anak_sma = anak_sma + NEW.anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat + NEW.disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia + NEW.lanjut_usia - OLD.lanjut_usia WHERE kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT);
END;--> statement-breakpoint
CREATE TRIGGER `kpm_level_counts_au_emptied` AFTER UPDATE ON `kpm_area_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND NEW.families = 0 BEGIN
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code;
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT);
END;--> statement-breakpoint
CREATE TRIGGER `kpm_level_counts_au_moved` AFTER UPDATE ON `kpm_area_counts` WHEN NOT (OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key) BEGIN
  UPDATE `kpm_level_counts` SET families = families - OLD.families, without_komponen = without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd - OLD.anak_sd, anak_smp = anak_smp - OLD.anak_smp, anak_sma = anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia - OLD.lanjut_usia WHERE kind = 'kecamatan' AND area_key = OLD.district_code;
  UPDATE `kpm_level_counts` SET families = families - OLD.families, without_komponen = without_komponen - OLD.without_komponen, ibu_hamil = ibu_hamil - OLD.ibu_hamil, anak_usia_dini = anak_usia_dini - OLD.anak_usia_dini, anak_sd = anak_sd - OLD.anak_sd, anak_smp = anak_smp - OLD.anak_smp, anak_sma = anak_sma - OLD.anak_sma, disabilitas_berat = disabilitas_berat - OLD.disabilitas_berat, lanjut_usia = lanjut_usia - OLD.lanjut_usia WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT);
  INSERT INTO `kpm_level_counts` (kind, area_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
    VALUES ('kecamatan', NEW.district_code, NEW.families, NEW.without_komponen, NEW.ibu_hamil, NEW.anak_usia_dini, NEW.anak_sd, NEW.anak_smp, NEW.anak_sma, NEW.disabilitas_berat, NEW.lanjut_usia), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.families, NEW.without_komponen, NEW.ibu_hamil, NEW.anak_usia_dini, NEW.anak_sd, NEW.anak_smp, NEW.anak_sma, NEW.disabilitas_berat, NEW.lanjut_usia)
    ON CONFLICT DO UPDATE SET families = families + excluded.families, without_komponen = without_komponen + excluded.without_komponen, ibu_hamil = ibu_hamil + excluded.ibu_hamil, anak_usia_dini = anak_usia_dini + excluded.anak_usia_dini, anak_sd = anak_sd + excluded.anak_sd, anak_smp = anak_smp + excluded.anak_smp, anak_sma = anak_sma + excluded.anak_sma, disabilitas_berat = disabilitas_berat + excluded.disabilitas_berat, lanjut_usia = lanjut_usia + excluded.lanjut_usia;
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code;
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT);
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code;
  DELETE FROM `kpm_level_counts` WHERE families = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT);
END;--> statement-breakpoint
INSERT INTO `kpm_level_counts` (kind, area_key, families, without_komponen, ibu_hamil, anak_usia_dini, anak_sd, anak_smp, anak_sma, disabilitas_berat, lanjut_usia)
  SELECT 'kecamatan', kpm_area_counts.district_code, sum(kpm_area_counts.families), sum(kpm_area_counts.without_komponen), sum(kpm_area_counts.ibu_hamil), sum(kpm_area_counts.anak_usia_dini), sum(kpm_area_counts.anak_sd), sum(kpm_area_counts.anak_smp), sum(kpm_area_counts.anak_sma), sum(kpm_area_counts.disabilitas_berat), sum(kpm_area_counts.lanjut_usia) FROM `kpm_area_counts` GROUP BY 2
  UNION ALL
  SELECT 'pendamping', CAST(kpm_area_counts.pendamping_key AS TEXT), sum(kpm_area_counts.families), sum(kpm_area_counts.without_komponen), sum(kpm_area_counts.ibu_hamil), sum(kpm_area_counts.anak_usia_dini), sum(kpm_area_counts.anak_sd), sum(kpm_area_counts.anak_smp), sum(kpm_area_counts.anak_sma), sum(kpm_area_counts.disabilitas_berat), sum(kpm_area_counts.lanjut_usia) FROM `kpm_area_counts` GROUP BY 2;--> statement-breakpoint
CREATE TRIGGER `open_candidate_level_counts_ai` AFTER INSERT ON `open_candidate_counts` BEGIN
  INSERT INTO `open_candidate_level_counts` (kind, area_key, stage, candidates)
    VALUES ('kecamatan', NEW.district_code, NEW.stage, NEW.candidates), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.stage, NEW.candidates)
    ON CONFLICT DO UPDATE SET candidates = candidates + excluded.candidates;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_level_counts_ad` AFTER DELETE ON `open_candidate_counts` BEGIN
  UPDATE `open_candidate_level_counts` SET candidates = candidates - OLD.candidates WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND stage = OLD.stage;
  UPDATE `open_candidate_level_counts` SET candidates = candidates - OLD.candidates WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND stage = OLD.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND stage = OLD.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND stage = OLD.stage;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_level_counts_au` AFTER UPDATE ON `open_candidate_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.stage = NEW.stage BEGIN
  UPDATE `open_candidate_level_counts` SET candidates = candidates + NEW.candidates - OLD.candidates WHERE kind = 'kecamatan' AND area_key = NEW.district_code AND stage = NEW.stage;
  UPDATE `open_candidate_level_counts` SET candidates = candidates + NEW.candidates - OLD.candidates WHERE kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND stage = NEW.stage;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_level_counts_au_emptied` AFTER UPDATE ON `open_candidate_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.stage = NEW.stage AND NEW.candidates = 0 BEGIN
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code AND stage = NEW.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND stage = NEW.stage;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_level_counts_au_moved` AFTER UPDATE ON `open_candidate_counts` WHEN NOT (OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.stage = NEW.stage) BEGIN
  UPDATE `open_candidate_level_counts` SET candidates = candidates - OLD.candidates WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND stage = OLD.stage;
  UPDATE `open_candidate_level_counts` SET candidates = candidates - OLD.candidates WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND stage = OLD.stage;
  INSERT INTO `open_candidate_level_counts` (kind, area_key, stage, candidates)
    VALUES ('kecamatan', NEW.district_code, NEW.stage, NEW.candidates), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.stage, NEW.candidates)
    ON CONFLICT DO UPDATE SET candidates = candidates + excluded.candidates;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND stage = OLD.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND stage = OLD.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code AND stage = NEW.stage;
  DELETE FROM `open_candidate_level_counts` WHERE candidates = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND stage = NEW.stage;
END;--> statement-breakpoint
INSERT INTO `open_candidate_level_counts` (kind, area_key, stage, candidates)
  SELECT 'kecamatan', open_candidate_counts.district_code, open_candidate_counts.stage, sum(open_candidate_counts.candidates) FROM `open_candidate_counts` GROUP BY 2, 3
  UNION ALL
  SELECT 'pendamping', CAST(open_candidate_counts.pendamping_key AS TEXT), open_candidate_counts.stage, sum(open_candidate_counts.candidates) FROM `open_candidate_counts` GROUP BY 2, 3;--> statement-breakpoint
CREATE TRIGGER `award_level_counts_ai` AFTER INSERT ON `award_area_counts` BEGIN
  INSERT INTO `award_level_counts` (kind, area_key, program_id, stage, awards, total)
    VALUES ('kecamatan', NEW.district_code, NEW.program_id, NEW.stage, NEW.awards, NEW.total), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.program_id, NEW.stage, NEW.awards, NEW.total)
    ON CONFLICT DO UPDATE SET awards = awards + excluded.awards, total = total + excluded.total;
END;--> statement-breakpoint
CREATE TRIGGER `award_level_counts_ad` AFTER DELETE ON `award_area_counts` BEGIN
  UPDATE `award_level_counts` SET awards = awards - OLD.awards, total = total - OLD.total WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND program_id = OLD.program_id AND stage = OLD.stage;
  UPDATE `award_level_counts` SET awards = awards - OLD.awards, total = total - OLD.total WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND program_id = OLD.program_id AND stage = OLD.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND program_id = OLD.program_id AND stage = OLD.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND program_id = OLD.program_id AND stage = OLD.stage;
END;--> statement-breakpoint
CREATE TRIGGER `award_level_counts_au` AFTER UPDATE ON `award_area_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.program_id = NEW.program_id AND OLD.stage = NEW.stage BEGIN
  UPDATE `award_level_counts` SET awards = awards + NEW.awards - OLD.awards, total = total + NEW.total - OLD.total WHERE kind = 'kecamatan' AND area_key = NEW.district_code AND program_id = NEW.program_id AND stage = NEW.stage;
  UPDATE `award_level_counts` SET awards = awards + NEW.awards - OLD.awards, total = total + NEW.total - OLD.total WHERE kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND program_id = NEW.program_id AND stage = NEW.stage;
END;--> statement-breakpoint
CREATE TRIGGER `award_level_counts_au_emptied` AFTER UPDATE ON `award_area_counts` WHEN OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.program_id = NEW.program_id AND OLD.stage = NEW.stage AND NEW.awards = 0 BEGIN
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code AND program_id = NEW.program_id AND stage = NEW.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND program_id = NEW.program_id AND stage = NEW.stage;
END;--> statement-breakpoint
CREATE TRIGGER `award_level_counts_au_moved` AFTER UPDATE ON `award_area_counts` WHEN NOT (OLD.district_code = NEW.district_code AND OLD.pendamping_key = NEW.pendamping_key AND OLD.program_id = NEW.program_id AND OLD.stage = NEW.stage) BEGIN
  UPDATE `award_level_counts` SET awards = awards - OLD.awards, total = total - OLD.total WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND program_id = OLD.program_id AND stage = OLD.stage;
  UPDATE `award_level_counts` SET awards = awards - OLD.awards, total = total - OLD.total WHERE kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND program_id = OLD.program_id AND stage = OLD.stage;
  INSERT INTO `award_level_counts` (kind, area_key, program_id, stage, awards, total)
    VALUES ('kecamatan', NEW.district_code, NEW.program_id, NEW.stage, NEW.awards, NEW.total), ('pendamping', CAST(NEW.pendamping_key AS TEXT), NEW.program_id, NEW.stage, NEW.awards, NEW.total)
    ON CONFLICT DO UPDATE SET awards = awards + excluded.awards, total = total + excluded.total;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND program_id = OLD.program_id AND stage = OLD.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'pendamping' AND area_key = CAST(OLD.pendamping_key AS TEXT) AND program_id = OLD.program_id AND stage = OLD.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'kecamatan' AND area_key = NEW.district_code AND program_id = NEW.program_id AND stage = NEW.stage;
  DELETE FROM `award_level_counts` WHERE awards = 0 AND kind = 'pendamping' AND area_key = CAST(NEW.pendamping_key AS TEXT) AND program_id = NEW.program_id AND stage = NEW.stage;
END;--> statement-breakpoint
INSERT INTO `award_level_counts` (kind, area_key, program_id, stage, awards, total)
  SELECT 'kecamatan', award_area_counts.district_code, award_area_counts.program_id, award_area_counts.stage, sum(award_area_counts.awards), sum(award_area_counts.total) FROM `award_area_counts` GROUP BY 2, 3, 4
  UNION ALL
  SELECT 'pendamping', CAST(award_area_counts.pendamping_key AS TEXT), award_area_counts.program_id, award_area_counts.stage, sum(award_area_counts.awards), sum(award_area_counts.total) FROM `award_area_counts` GROUP BY 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `decided_graduation_level_counts_ai` AFTER INSERT ON `decided_graduations` WHEN NEW.status_date IS NOT NULL BEGIN
  INSERT INTO `decided_graduation_level_counts` (kind, area_key, month, status, graduations)
    VALUES ('kecamatan', NEW.district_code, substr(NEW.status_date, 1, 7), NEW.status, 1), ('pendamping', CAST(ifnull(NEW.pendamping_id, 0) AS TEXT), substr(NEW.status_date, 1, 7), NEW.status, 1)
    ON CONFLICT DO UPDATE SET graduations = graduations + excluded.graduations;
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduation_level_counts_ad` AFTER DELETE ON `decided_graduations` WHEN OLD.status_date IS NOT NULL BEGIN
  UPDATE `decided_graduation_level_counts` SET graduations = graduations - 1 WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  UPDATE `decided_graduation_level_counts` SET graduations = graduations - 1 WHERE kind = 'pendamping' AND area_key = CAST(ifnull(OLD.pendamping_id, 0) AS TEXT) AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  DELETE FROM `decided_graduation_level_counts` WHERE graduations = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  DELETE FROM `decided_graduation_level_counts` WHERE graduations = 0 AND kind = 'pendamping' AND area_key = CAST(ifnull(OLD.pendamping_id, 0) AS TEXT) AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduation_level_counts_au` AFTER UPDATE ON `decided_graduations` WHEN OLD.status_date IS NOT NULL BEGIN
  UPDATE `decided_graduation_level_counts` SET graduations = graduations - 1 WHERE kind = 'kecamatan' AND area_key = OLD.district_code AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  UPDATE `decided_graduation_level_counts` SET graduations = graduations - 1 WHERE kind = 'pendamping' AND area_key = CAST(ifnull(OLD.pendamping_id, 0) AS TEXT) AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  DELETE FROM `decided_graduation_level_counts` WHERE graduations = 0 AND kind = 'kecamatan' AND area_key = OLD.district_code AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
  DELETE FROM `decided_graduation_level_counts` WHERE graduations = 0 AND kind = 'pendamping' AND area_key = CAST(ifnull(OLD.pendamping_id, 0) AS TEXT) AND month = substr(OLD.status_date, 1, 7) AND status = OLD.status;
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduation_level_counts_au_new` AFTER UPDATE ON `decided_graduations` WHEN NEW.status_date IS NOT NULL BEGIN
  INSERT INTO `decided_graduation_level_counts` (kind, area_key, month, status, graduations)
    VALUES ('kecamatan', NEW.district_code, substr(NEW.status_date, 1, 7), NEW.status, 1), ('pendamping', CAST(ifnull(NEW.pendamping_id, 0) AS TEXT), substr(NEW.status_date, 1, 7), NEW.status, 1)
    ON CONFLICT DO UPDATE SET graduations = graduations + excluded.graduations;
END;--> statement-breakpoint
INSERT INTO `decided_graduation_level_counts` (kind, area_key, month, status, graduations)
  SELECT 'kecamatan', decided_graduations.district_code, substr(decided_graduations.status_date, 1, 7), decided_graduations.status, count(*) FROM `decided_graduations` WHERE decided_graduations.status_date IS NOT NULL GROUP BY 2, 3, 4
  UNION ALL
  SELECT 'pendamping', CAST(ifnull(decided_graduations.pendamping_id, 0) AS TEXT), substr(decided_graduations.status_date, 1, 7), decided_graduations.status, count(*) FROM `decided_graduations` WHERE decided_graduations.status_date IS NOT NULL GROUP BY 2, 3, 4;
