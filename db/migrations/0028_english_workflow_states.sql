-- The workflow states are stored in English from here on (DESIGN.md, Naming); people still read the Indonesian
-- labels (CANDIDATE_STAGE_LABEL and the others in main/domain). Old -> new:
--   graduation_candidates.stage: calon -> candidate, terverifikasi -> verified, diusulkan -> proposed,
--     disetujui -> approved, ditolak -> rejected, dibatalkan -> cancelled
--   proposals.status: draft, diajukan -> submitted, diputuskan -> decided
--   proposal_items.decision: disetujui -> approved, ditolak -> rejected
--   award_programs.status: draft, aktif -> active, ditutup -> closed
--   awards.stage: direncanakan -> planned, disetujui -> approved, diserahkan -> handed_over, dibatalkan -> cancelled
--   the visits' stage filter of export templates: sudah -> visited, belum -> pending, terlambat -> overdue
-- The rebuilds below (new column defaults) drop the triggers on graduation_candidates and awards, and SQLite refuses
-- to rename a rebuilt table while a trigger elsewhere names the missing table: every trigger that names these
-- tables or an old value is dropped first and created again at the end with the new values.
DROP TRIGGER `open_candidate_counts_ai`;--> statement-breakpoint
DROP TRIGGER `open_candidate_counts_ad`;--> statement-breakpoint
DROP TRIGGER `open_candidate_counts_au`;--> statement-breakpoint
DROP TRIGGER `open_candidate_counts_kpm_au`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_ai`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_correction_ai`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_ad`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_correction_ad`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_au`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_correction_au`;--> statement-breakpoint
DROP TRIGGER `award_area_counts_kpm_au`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_kpm_au`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_candidate_au`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_candidate_ad`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_item_ai`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_item_ad`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_item_au`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_decision_ai`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_decision_ad`;--> statement-breakpoint
DROP TRIGGER `decided_graduations_decision_au`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_graduation_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reasons` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`stage` text DEFAULT 'candidate' NOT NULL,
	`pendamping_id` integer,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_reason` text,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_graduation_candidates`("id", "kpm_id", "kind", "reasons", "notes", "stage", "pendamping_id", "created_by", "created_by_name", "created_at", "updated_at", "closed_reason") SELECT "id", "kpm_id", "kind", "reasons", "notes", "stage", "pendamping_id", "created_by", "created_by_name", "created_at", "updated_at", "closed_reason" FROM `graduation_candidates`;--> statement-breakpoint
DROP TABLE `graduation_candidates`;--> statement-breakpoint
ALTER TABLE `__new_graduation_candidates` RENAME TO `graduation_candidates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `candidate_open_uq` ON `graduation_candidates` (`kpm_id`) WHERE stage IN ('candidate', 'verified', 'proposed');--> statement-breakpoint
CREATE INDEX `candidate_stage_idx` ON `graduation_candidates` (`stage`,`pendamping_id`,`kpm_id`);--> statement-breakpoint
CREATE INDEX `candidate_kpm_idx` ON `graduation_candidates` (`kpm_id`);--> statement-breakpoint
CREATE INDEX `candidate_stage_updated_idx` ON `graduation_candidates` (`stage`,`updated_at`);--> statement-breakpoint
CREATE TABLE `__new_awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`stage` text DEFAULT 'planned' NOT NULL,
	`business_type` text NOT NULL,
	`cash` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`corrects_award_id` integer,
	`correction_reason` text,
	`planned_by` integer,
	`planned_by_name` text NOT NULL,
	`planned_at` text NOT NULL,
	`approved_by` integer,
	`approved_by_name` text,
	`approved_at` text,
	`handover_date` text,
	`handover_place` text,
	`receiver_name` text,
	`receiver_relationship` text,
	`witnesses` text,
	`bast_document_id` integer,
	`handed_over_by` integer,
	`handed_over_by_name` text,
	`cancelled_at` text,
	`cancelled_by` integer,
	`cancelled_by_name` text,
	`cancel_reason` text,
	FOREIGN KEY (`program_id`) REFERENCES `award_programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bast_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_awards`("id", "program_id", "kpm_id", "stage", "business_type", "cash", "total", "notes", "corrects_award_id", "correction_reason", "planned_by", "planned_by_name", "planned_at", "approved_by", "approved_by_name", "approved_at", "handover_date", "handover_place", "receiver_name", "receiver_relationship", "witnesses", "bast_document_id", "handed_over_by", "handed_over_by_name", "cancelled_at", "cancelled_by", "cancelled_by_name", "cancel_reason") SELECT "id", "program_id", "kpm_id", "stage", "business_type", "cash", "total", "notes", "corrects_award_id", "correction_reason", "planned_by", "planned_by_name", "planned_at", "approved_by", "approved_by_name", "approved_at", "handover_date", "handover_place", "receiver_name", "receiver_relationship", "witnesses", "bast_document_id", "handed_over_by", "handed_over_by_name", "cancelled_at", "cancelled_by", "cancelled_by_name", "cancel_reason" FROM `awards`;--> statement-breakpoint
DROP TABLE `awards`;--> statement-breakpoint
ALTER TABLE `__new_awards` RENAME TO `awards`;--> statement-breakpoint
CREATE INDEX `award_program_stage_idx` ON `awards` (`program_id`,`stage`,`kpm_id`,`total`);--> statement-breakpoint
CREATE INDEX `award_kpm_idx` ON `awards` (`kpm_id`);--> statement-breakpoint
CREATE INDEX `award_corrects_idx` ON `awards` (`corrects_award_id`);--> statement-breakpoint
UPDATE `graduation_candidates` SET stage = CASE stage WHEN 'calon' THEN 'candidate' WHEN 'terverifikasi' THEN 'verified'
  WHEN 'diusulkan' THEN 'proposed' WHEN 'disetujui' THEN 'approved' WHEN 'ditolak' THEN 'rejected'
  WHEN 'dibatalkan' THEN 'cancelled' ELSE stage END;--> statement-breakpoint
UPDATE `proposals` SET status = CASE status WHEN 'diajukan' THEN 'submitted' WHEN 'diputuskan' THEN 'decided' ELSE status END;--> statement-breakpoint
UPDATE `proposal_items` SET decision = CASE decision WHEN 'disetujui' THEN 'approved' WHEN 'ditolak' THEN 'rejected' ELSE decision END
  WHERE decision IS NOT NULL;--> statement-breakpoint
UPDATE `award_programs` SET status = CASE status WHEN 'aktif' THEN 'active' WHEN 'ditutup' THEN 'closed' ELSE status END;--> statement-breakpoint
UPDATE `awards` SET stage = CASE stage WHEN 'direncanakan' THEN 'planned' WHEN 'disetujui' THEN 'approved'
  WHEN 'diserahkan' THEN 'handed_over' WHEN 'dibatalkan' THEN 'cancelled' ELSE stage END;--> statement-breakpoint
-- The summaries key their rows by stage; no trigger runs during this migration, so their keys are renamed here.
UPDATE `open_candidate_counts` SET stage = CASE stage WHEN 'calon' THEN 'candidate' WHEN 'terverifikasi' THEN 'verified'
  WHEN 'diusulkan' THEN 'proposed' ELSE stage END;--> statement-breakpoint
UPDATE `award_area_counts` SET stage = CASE stage WHEN 'direncanakan' THEN 'planned' WHEN 'disetujui' THEN 'approved'
  WHEN 'diserahkan' THEN 'handed_over' WHEN 'dibatalkan' THEN 'cancelled' ELSE stage END;--> statement-breakpoint
-- Saved export templates and the export log keep their filters as JSON; a template export's filters hold only
-- closed values, codes, ids and dates, so each old value is renamed where it stands as a whole JSON string.
UPDATE `export_templates` SET filters = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    filters, '"calon"', '"candidate"'), '"terverifikasi"', '"verified"'), '"diusulkan"', '"proposed"'),
    '"disetujui"', '"approved"'), '"ditolak"', '"rejected"'), '"dibatalkan"', '"cancelled"'),
    '"direncanakan"', '"planned"'), '"diserahkan"', '"handed_over"'),
    '"sudah"', '"visited"'), '"belum"', '"pending"'), '"terlambat"', '"overdue"'), '"bukan_calon"', '"none"');--> statement-breakpoint
UPDATE `export_log` SET filters = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    filters, '"calon"', '"candidate"'), '"terverifikasi"', '"verified"'), '"diusulkan"', '"proposed"'),
    '"disetujui"', '"approved"'), '"ditolak"', '"rejected"'), '"dibatalkan"', '"cancelled"'),
    '"direncanakan"', '"planned"'), '"diserahkan"', '"handed_over"'),
    '"sudah"', '"visited"'), '"belum"', '"pending"'), '"terlambat"', '"overdue"'), '"bukan_calon"', '"none"')
  WHERE kind IN ('graduation', 'registry', 'awards', 'visits');--> statement-breakpoint
-- Audit snapshots keep the values they were written with: a candidacy's or award's "stage", an item's "decision",
-- a proposal's or programme's "status" are renamed as whole JSON members, so history reads one set of values. A
-- family's own "status":"aktif" (KPM_STATUS, the ministry's category) stays: only a programme's is renamed.
UPDATE `audit_log` SET
  before = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    before, '"stage":"calon"', '"stage":"candidate"'), '"stage":"terverifikasi"', '"stage":"verified"'),
    '"stage":"diusulkan"', '"stage":"proposed"'), '"stage":"disetujui"', '"stage":"approved"'),
    '"stage":"ditolak"', '"stage":"rejected"'), '"stage":"dibatalkan"', '"stage":"cancelled"'),
    '"stage":"direncanakan"', '"stage":"planned"'), '"stage":"diserahkan"', '"stage":"handed_over"'),
    '"decision":"disetujui"', '"decision":"approved"'), '"decision":"ditolak"', '"decision":"rejected"'),
    '"status":"diajukan"', '"status":"submitted"'), '"status":"diputuskan"', '"status":"decided"'),
    '"status":"ditutup"', '"status":"closed"'),
  after = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    after, '"stage":"calon"', '"stage":"candidate"'), '"stage":"terverifikasi"', '"stage":"verified"'),
    '"stage":"diusulkan"', '"stage":"proposed"'), '"stage":"disetujui"', '"stage":"approved"'),
    '"stage":"ditolak"', '"stage":"rejected"'), '"stage":"dibatalkan"', '"stage":"cancelled"'),
    '"stage":"direncanakan"', '"stage":"planned"'), '"stage":"diserahkan"', '"stage":"handed_over"'),
    '"decision":"disetujui"', '"decision":"approved"'), '"decision":"ditolak"', '"decision":"rejected"'),
    '"status":"diajukan"', '"status":"submitted"'), '"status":"diputuskan"', '"status":"decided"'),
    '"status":"ditutup"', '"status":"closed"')
  WHERE entity IN ('kpm', 'graduation_candidate', 'proposal', 'award', 'award_program');--> statement-breakpoint
UPDATE `audit_log` SET before = replace(before, '"status":"aktif"', '"status":"active"'),
  after = replace(after, '"status":"aktif"', '"status":"active"') WHERE entity = 'award_program';--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_ai` AFTER INSERT ON `graduation_candidates`
  WHEN NEW.stage IN ('candidate', 'verified', 'proposed') BEGIN
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT k.district_code, k.village_code, ifnull(NEW.pendamping_id, 0), NEW.stage, 1 FROM kpm k WHERE k.id = NEW.kpm_id
    ON CONFLICT DO UPDATE SET candidates = candidates + 1;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_ad` AFTER DELETE ON `graduation_candidates`
  WHEN OLD.stage IN ('candidate', 'verified', 'proposed') BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - 1
    WHERE (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id)
      AND pendamping_key = ifnull(OLD.pendamping_id, 0) AND stage = OLD.stage;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0
    AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id);
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_au` AFTER UPDATE OF stage, pendamping_id, kpm_id ON `graduation_candidates` BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - 1
    WHERE OLD.stage IN ('candidate', 'verified', 'proposed')
      AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id)
      AND pendamping_key = ifnull(OLD.pendamping_id, 0) AND stage = OLD.stage;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0
    AND (district_code, village_code) = (SELECT district_code, village_code FROM kpm WHERE id = OLD.kpm_id);
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT k.district_code, k.village_code, ifnull(NEW.pendamping_id, 0), NEW.stage, 1 FROM kpm k
    WHERE NEW.stage IN ('candidate', 'verified', 'proposed') AND k.id = NEW.kpm_id
    ON CONFLICT DO UPDATE SET candidates = candidates + 1;
END;--> statement-breakpoint
CREATE TRIGGER `open_candidate_counts_kpm_au` AFTER UPDATE OF district_code, village_code ON `kpm`
  WHEN (OLD.district_code <> NEW.district_code OR OLD.village_code <> NEW.village_code)
    AND EXISTS (SELECT 1 FROM graduation_candidates WHERE kpm_id = NEW.id AND stage IN ('candidate', 'verified', 'proposed')) BEGIN
  UPDATE `open_candidate_counts` SET candidates = candidates - (
      SELECT count(*) FROM graduation_candidates c WHERE c.kpm_id = OLD.id AND c.stage = open_candidate_counts.stage
        AND ifnull(c.pendamping_id, 0) = open_candidate_counts.pendamping_key)
    WHERE district_code = OLD.district_code AND village_code = OLD.village_code;
  DELETE FROM `open_candidate_counts` WHERE candidates = 0 AND district_code = OLD.district_code AND village_code = OLD.village_code;
  INSERT INTO `open_candidate_counts` (district_code, village_code, pendamping_key, stage, candidates)
    SELECT NEW.district_code, NEW.village_code, ifnull(c.pendamping_id, 0), c.stage, count(*) FROM graduation_candidates c
    WHERE c.kpm_id = NEW.id AND c.stage IN ('candidate', 'verified', 'proposed') GROUP BY 3, 4
    ON CONFLICT DO UPDATE SET candidates = candidates + excluded.candidates;
END;--> statement-breakpoint
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
CREATE TRIGGER `decided_graduations_kpm_au` AFTER UPDATE OF status, status_date, district_code, village_code ON `kpm`
  WHEN EXISTS (SELECT 1 FROM graduation_candidates WHERE kpm_id = NEW.id) OR EXISTS (SELECT 1 FROM decided_graduations WHERE kpm_id = OLD.id) BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.id, NEW.id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.id, NEW.id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_candidate_au` AFTER UPDATE OF kpm_id, pendamping_id ON `graduation_candidates` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.kpm_id, NEW.kpm_id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.kpm_id, NEW.kpm_id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_candidate_ad` AFTER DELETE ON `graduation_candidates` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.kpm_id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.kpm_id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_ai` AFTER INSERT ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (NEW.candidate_id, NEW.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (NEW.candidate_id, NEW.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_ad` AFTER DELETE ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, OLD.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, OLD.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_au` AFTER UPDATE OF decision, candidate_id, proposal_id ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, NEW.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, NEW.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_ai` AFTER INSERT ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (NEW.proposal_id, NEW.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (NEW.proposal_id, NEW.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_ad` AFTER DELETE ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, OLD.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, OLD.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_au` AFTER UPDATE OF reversed_at, proposal_id ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, NEW.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, NEW.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'approved'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;
