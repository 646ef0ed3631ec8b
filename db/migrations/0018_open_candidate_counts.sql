CREATE TABLE `open_candidate_counts` (
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`pendamping_key` integer NOT NULL,
	`stage` text NOT NULL,
	`candidates` integer NOT NULL,
	PRIMARY KEY(`district_code`, `village_code`, `pendamping_key`, `stage`)
);
--> statement-breakpoint
CREATE INDEX `open_candidate_counts_pendamping_idx` ON `open_candidate_counts` (`pendamping_key`);--> statement-breakpoint
-- Kept in step by triggers, as kpm_area_counts is: a candidacy counts under its family's desa and its own pendamping
-- while its stage is open; every writer (candidates, verification, proposals, decisions, a family moved by the form or
-- the import) keeps the counts right without knowing of them.
CREATE TRIGGER `open_candidate_counts_ai` AFTER INSERT ON `graduation_candidates`
  WHEN NEW.stage IN ('calon', 'terverifikasi', 'diusulkan') BEGIN
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT k.district_code, k.village_code, ifnull(NEW.pendamping_id, 0), NEW.stage, 1 FROM kpm k WHERE k.id = NEW.kpm_id
    ON CONFLICT DO UPDATE SET candidates = candidates + 1;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_ad` AFTER DELETE ON `graduation_candidates`
  WHEN OLD.stage IN ('calon', 'terverifikasi', 'diusulkan') BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - 1
    WHERE (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id)
      AND pendamping_key = ifnull(OLD.pendamping_id, 0) AND stage = OLD.stage;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0
    AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id);
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_au` AFTER UPDATE OF stage, pendamping_id, kpm_id ON `graduation_candidates` BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - 1
    WHERE OLD.stage IN ('calon', 'terverifikasi', 'diusulkan')
      AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id)
      AND pendamping_key = ifnull(OLD.pendamping_id, 0) AND stage = OLD.stage;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0
    AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id);
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT k.district_code, k.village_code, ifnull(NEW.pendamping_id, 0), NEW.stage, 1 FROM kpm k
    WHERE NEW.stage IN ('calon', 'terverifikasi', 'diusulkan') AND k.id = NEW.kpm_id
    ON CONFLICT DO UPDATE SET candidates = candidates + 1;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_kpm_au` AFTER UPDATE OF district_code, village_code ON `kpm`
  WHEN (OLD.district_code <> NEW.district_code OR OLD.village_code <> NEW.village_code)
    AND EXISTS (SELECT 1 FROM graduation_candidates WHERE kpm_id = NEW.id AND stage IN ('calon', 'terverifikasi', 'diusulkan')) BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - (
      SELECT count(*) FROM graduation_candidates c WHERE c.kpm_id = OLD.id AND c.stage = open_candidate_counts.stage
        AND ifnull(c.pendamping_id, 0) = open_candidate_counts.pendamping_key)
    WHERE district_code = OLD.district_code AND village_code = OLD.village_code;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0 AND district_code = OLD.district_code AND village_code = OLD.village_code;
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT NEW.district_code, NEW.village_code, ifnull(c.pendamping_id, 0), c.stage, count(*) FROM graduation_candidates c
    WHERE c.kpm_id = NEW.id AND c.stage IN ('calon', 'terverifikasi', 'diusulkan') GROUP BY 3, 4
    ON CONFLICT DO UPDATE SET candidates = candidates + excluded.candidates;
END;--> statement-breakpoint
INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
  SELECT k.district_code, k.village_code, ifnull(c.pendamping_id, 0), c.stage, count(*)
  FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id
  WHERE c.stage IN ('calon', 'terverifikasi', 'diusulkan') GROUP BY 1, 2, 3, 4;
