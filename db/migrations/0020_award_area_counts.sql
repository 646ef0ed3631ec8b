CREATE TABLE `award_area_counts` (
	`program_id` integer NOT NULL,
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`pendamping_key` integer NOT NULL,
	`stage` text NOT NULL,
	`awards` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`program_id`, `district_code`, `village_code`, `pendamping_key`, `stage`)
);
--> statement-breakpoint
-- Kept in step by triggers, as kpm_area_counts is: an award counts under its programme, its family's desa and
-- pendamping, and its stage, unless a correction replaced it (an award whose id another award's corrects_award_id
-- names); every writer (planning, approval, handover, cancellation, correction, a family moved by the form or the
-- import) keeps the counts right without knowing of them. A correction takes the award it replaces out of the counts;
-- deleting or re-pointing it puts that award back.
CREATE TRIGGER `award_area_counts_ai` AFTER INSERT ON `awards` BEGIN
  INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
    SELECT NEW.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), NEW.stage, 1, NEW.total
    FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = NEW.id)
    ON CONFLICT DO UPDATE SET awards = awards + 1, total = total + excluded.total;
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_correction_ai` AFTER INSERT ON `awards` WHEN NEW.corrects_award_id IS NOT NULL BEGIN
  UPDATE `award_area_counts` SET awards = awards - 1, total = total - (SELECT total FROM awards WHERE id = NEW.corrects_award_id)
    WHERE (program_id, district_code, village_code, pendamping_key, stage) = (
        SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage
        FROM awards x JOIN kpm k ON k.id = x.kpm_id WHERE x.id = NEW.corrects_award_id)
      AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = NEW.corrects_award_id AND c.id <> NEW.id);
  DELETE FROM `award_area_counts` WHERE awards = 0 AND (program_id, district_code, village_code, pendamping_key, stage) = (
      SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage
      FROM awards x JOIN kpm k ON k.id = x.kpm_id WHERE x.id = NEW.corrects_award_id);
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_ad` AFTER DELETE ON `awards` BEGIN
  UPDATE `award_area_counts` SET awards = awards - 1, total = total - OLD.total
    WHERE program_id = OLD.program_id AND stage = OLD.stage
      AND (district_code, village_code, pendamping_key) = (SELECT district_code, village_code, ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = OLD.id);
  DELETE FROM `award_area_counts` WHERE awards = 0 AND program_id = OLD.program_id AND stage = OLD.stage
    AND (district_code, village_code, pendamping_key) = (SELECT district_code, village_code, ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_correction_ad` AFTER DELETE ON `awards` WHEN OLD.corrects_award_id IS NOT NULL BEGIN
  INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
    SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage, 1, x.total
    FROM awards x JOIN kpm k ON k.id = x.kpm_id
    WHERE x.id = OLD.corrects_award_id AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = x.id)
    ON CONFLICT DO UPDATE SET awards = awards + 1, total = total + excluded.total;
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_au` AFTER UPDATE OF program_id, kpm_id, stage, total ON `awards` BEGIN
  UPDATE `award_area_counts` SET awards = awards - 1, total = total - OLD.total
    WHERE program_id = OLD.program_id AND stage = OLD.stage
      AND (district_code, village_code, pendamping_key) = (SELECT district_code, village_code, ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = OLD.id);
  DELETE FROM `award_area_counts` WHERE awards = 0 AND program_id = OLD.program_id AND stage = OLD.stage
    AND (district_code, village_code, pendamping_key) = (SELECT district_code, village_code, ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
  INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
    SELECT NEW.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), NEW.stage, 1, NEW.total
    FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = NEW.id)
    ON CONFLICT DO UPDATE SET awards = awards + 1, total = total + excluded.total;
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_correction_au` AFTER UPDATE OF corrects_award_id ON `awards`
  WHEN OLD.corrects_award_id IS NOT NEW.corrects_award_id BEGIN
  INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
    SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage, 1, x.total
    FROM awards x JOIN kpm k ON k.id = x.kpm_id
    WHERE x.id = OLD.corrects_award_id
      AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = x.id)
    ON CONFLICT DO UPDATE SET awards = awards + 1, total = total + excluded.total;
  UPDATE `award_area_counts` SET awards = awards - 1, total = total - (SELECT total FROM awards WHERE id = NEW.corrects_award_id)
    WHERE (program_id, district_code, village_code, pendamping_key, stage) = (
        SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage
        FROM awards x JOIN kpm k ON k.id = x.kpm_id WHERE x.id = NEW.corrects_award_id)
      AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = NEW.corrects_award_id AND c.id <> NEW.id);
  DELETE FROM `award_area_counts` WHERE awards = 0 AND (program_id, district_code, village_code, pendamping_key, stage) = (
      SELECT x.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), x.stage
      FROM awards x JOIN kpm k ON k.id = x.kpm_id WHERE x.id = NEW.corrects_award_id);
END;--> statement-breakpoint
CREATE TRIGGER `award_area_counts_kpm_au` AFTER UPDATE OF district_code, village_code, pendamping_id ON `kpm`
  WHEN (OLD.district_code <> NEW.district_code OR OLD.village_code <> NEW.village_code OR OLD.pendamping_id IS NOT NEW.pendamping_id)
    AND EXISTS (SELECT 1 FROM awards WHERE kpm_id = NEW.id) BEGIN
  UPDATE `award_area_counts` SET
      awards = awards - (SELECT count(*) FROM awards a WHERE a.kpm_id = OLD.id AND a.program_id = award_area_counts.program_id
        AND a.stage = award_area_counts.stage AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)),
      total = total - (SELECT ifnull(sum(a.total), 0) FROM awards a WHERE a.kpm_id = OLD.id AND a.program_id = award_area_counts.program_id
        AND a.stage = award_area_counts.stage AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id))
    WHERE program_id IN (SELECT program_id FROM awards WHERE kpm_id = OLD.id)
      AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
  DELETE FROM `award_area_counts` WHERE awards = 0 AND program_id IN (SELECT program_id FROM awards WHERE kpm_id = OLD.id)
    AND district_code = OLD.district_code AND village_code = OLD.village_code AND pendamping_key = ifnull(OLD.pendamping_id, 0);
  INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
    SELECT a.program_id, NEW.district_code, NEW.village_code, ifnull(NEW.pendamping_id, 0), a.stage, count(*), sum(a.total)
    FROM awards a WHERE a.kpm_id = NEW.id AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)
    GROUP BY a.program_id, a.stage
    ON CONFLICT DO UPDATE SET awards = awards + excluded.awards, total = total + excluded.total;
END;--> statement-breakpoint
INSERT INTO `award_area_counts` (program_id, district_code, village_code, pendamping_key, stage, awards, total)
  SELECT a.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0), a.stage, count(*), sum(a.total)
  FROM awards a JOIN kpm k ON k.id = a.kpm_id
  WHERE NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)
  GROUP BY 1, 2, 3, 4, 5;
