CREATE TABLE `decided_graduations` (
	`kpm_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`status_date` text,
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`pendamping_id` integer
);
--> statement-breakpoint
CREATE INDEX `decided_graduations_date_idx` ON `decided_graduations` (`status_date`,`kpm_id`,`status`,`district_code`,`village_code`,`pendamping_id`);
--> statement-breakpoint
-- Kept in step by triggers, as the summaries of migrations 0017 and 0018 are: whatever changes a family's status,
-- date or place, a candidacy's family or pendamping, a proposal item's decision or a decision's reversal refills the
-- rows of the families it touches from the rule itself (a graduated status AND an approved item of an unreversed
-- decision; the candidate's pendamping of the first such decision, by decision and candidate id, as the join read
-- them). Every writer (decisions, reversals, the form, the import and its undo) keeps it right without knowing of it.
-- `+k.status`: the families are found by id; with the plain column SQLite read every graduated family by the status
-- index on each refill, which more than doubled a 2,000-family decision.
CREATE TRIGGER `decided_graduations_kpm_au` AFTER UPDATE OF status, status_date, district_code, village_code ON `kpm`
  WHEN EXISTS (SELECT 1 FROM graduation_candidates WHERE kpm_id = NEW.id) OR EXISTS (SELECT 1 FROM decided_graduations WHERE kpm_id = OLD.id) BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.id, NEW.id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.id, NEW.id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_kpm_ad` AFTER DELETE ON `kpm` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_candidate_au` AFTER UPDATE OF kpm_id, pendamping_id ON `graduation_candidates` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.kpm_id, NEW.kpm_id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.kpm_id, NEW.kpm_id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_candidate_ad` AFTER DELETE ON `graduation_candidates` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (OLD.kpm_id);
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (OLD.kpm_id) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_ai` AFTER INSERT ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (NEW.candidate_id, NEW.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (NEW.candidate_id, NEW.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_ad` AFTER DELETE ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, OLD.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, OLD.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_item_au` AFTER UPDATE OF decision, candidate_id, proposal_id ON `proposal_items` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, NEW.candidate_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT kpm_id FROM graduation_candidates WHERE id IN (OLD.candidate_id, NEW.candidate_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_ai` AFTER INSERT ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (NEW.proposal_id, NEW.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (NEW.proposal_id, NEW.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_ad` AFTER DELETE ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, OLD.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, OLD.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
CREATE TRIGGER `decided_graduations_decision_au` AFTER UPDATE OF reversed_at, proposal_id ON `decisions` BEGIN
  DELETE FROM `decided_graduations` WHERE kpm_id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, NEW.proposal_id));
  INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE k.id IN (SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id WHERE pi.proposal_id IN (OLD.proposal_id, NEW.proposal_id)) AND +k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
END;--> statement-breakpoint
INSERT INTO `decided_graduations` (kpm_id, status, status_date, district_code, village_code, pendamping_id)
    SELECT k.id, k.status, k.status_date, k.district_code, k.village_code,
      (SELECT c.pendamping_id FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL
       WHERE c.kpm_id = k.id ORDER BY dc.id, pi.candidate_id LIMIT 1)
    FROM kpm k WHERE 1 AND k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
      AND EXISTS (SELECT 1 FROM graduation_candidates c
         JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
         JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL WHERE c.kpm_id = k.id);
