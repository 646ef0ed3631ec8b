CREATE TABLE `verkom_month_counts` (
	`month` text NOT NULL,
	`pendamping_key` integer NOT NULL,
	`families` integer NOT NULL,
	PRIMARY KEY(`month`, `pendamping_key`)
);--> statement-breakpoint
-- Kept in step by triggers, as kpm_area_counts is: a family counts once in a month under its pendamping (0: none) while
-- it has at least one health or school check of that month; the row's own check is left out when asking whether it
-- is the family's first (after an insert) or whether one is left (after a delete). A family deleted is taken out
-- before its checks go by cascade: their delete triggers then find no family and change nothing. Every statement
-- names its rows by the whole key (month and pendamping): deleting a month's 50,000 checks stays a second, not minutes.
CREATE TRIGGER `verkom_month_counts_health_ai` AFTER INSERT ON `verkom_health` BEGIN
  INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
    SELECT NEW.month, ifnull(k.pendamping_id, 0), 1 FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = NEW.month AND kpm_id = NEW.kpm_id AND id <> NEW.id)
      AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = NEW.kpm_id AND month = NEW.month)
    ON CONFLICT DO UPDATE SET families = families + 1;
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_health_ad` AFTER DELETE ON `verkom_health` BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE month = OLD.month AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = OLD.month AND kpm_id = OLD.kpm_id) AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = OLD.kpm_id AND month = OLD.month);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND month = OLD.month
    AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_health_au` AFTER UPDATE OF kpm_id, month ON `verkom_health`
  WHEN OLD.kpm_id <> NEW.kpm_id OR OLD.month <> NEW.month BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE month = OLD.month AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = OLD.month AND kpm_id = OLD.kpm_id) AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = OLD.kpm_id AND month = OLD.month);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND month = OLD.month
    AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
  INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
    SELECT NEW.month, ifnull(k.pendamping_id, 0), 1 FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = NEW.month AND kpm_id = NEW.kpm_id AND id <> NEW.id)
      AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = NEW.kpm_id AND month = NEW.month)
    ON CONFLICT DO UPDATE SET families = families + 1;
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_education_ai` AFTER INSERT ON `verkom_education` BEGIN
  INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
    SELECT NEW.month, ifnull(k.pendamping_id, 0), 1 FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = NEW.month AND kpm_id = NEW.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = NEW.kpm_id AND month = NEW.month AND id <> NEW.id)
    ON CONFLICT DO UPDATE SET families = families + 1;
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_education_ad` AFTER DELETE ON `verkom_education` BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE month = OLD.month AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = OLD.month AND kpm_id = OLD.kpm_id) AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = OLD.kpm_id AND month = OLD.month);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND month = OLD.month
    AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_education_au` AFTER UPDATE OF kpm_id, month ON `verkom_education`
  WHEN OLD.kpm_id <> NEW.kpm_id OR OLD.month <> NEW.month BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE month = OLD.month AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = OLD.month AND kpm_id = OLD.kpm_id) AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = OLD.kpm_id AND month = OLD.month);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND month = OLD.month
    AND pendamping_key = (SELECT ifnull(pendamping_id, 0) FROM kpm WHERE id = OLD.kpm_id);
  INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
    SELECT NEW.month, ifnull(k.pendamping_id, 0), 1 FROM kpm k WHERE k.id = NEW.kpm_id AND NOT EXISTS (SELECT 1 FROM verkom_health WHERE month = NEW.month AND kpm_id = NEW.kpm_id)
      AND NOT EXISTS (SELECT 1 FROM verkom_education WHERE kpm_id = NEW.kpm_id AND month = NEW.month AND id <> NEW.id)
    ON CONFLICT DO UPDATE SET families = families + 1;
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_kpm_bd` BEFORE DELETE ON `kpm` BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE pendamping_key = ifnull(OLD.pendamping_id, 0) AND month IN (SELECT month FROM verkom_health WHERE kpm_id = OLD.id UNION SELECT month FROM verkom_education WHERE kpm_id = OLD.id);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND pendamping_key = ifnull(OLD.pendamping_id, 0)
    AND month IN (SELECT month FROM verkom_health WHERE kpm_id = OLD.id UNION SELECT month FROM verkom_education WHERE kpm_id = OLD.id);
END;--> statement-breakpoint
CREATE TRIGGER `verkom_month_counts_kpm_au` AFTER UPDATE OF pendamping_id ON `kpm`
  WHEN ifnull(OLD.pendamping_id, 0) <> ifnull(NEW.pendamping_id, 0) BEGIN
  UPDATE `verkom_month_counts` SET families = families - 1
    WHERE pendamping_key = ifnull(OLD.pendamping_id, 0) AND month IN (SELECT month FROM verkom_health WHERE kpm_id = NEW.id UNION SELECT month FROM verkom_education WHERE kpm_id = NEW.id);
  DELETE FROM `verkom_month_counts` WHERE families = 0 AND pendamping_key = ifnull(OLD.pendamping_id, 0)
    AND month IN (SELECT month FROM verkom_health WHERE kpm_id = NEW.id UNION SELECT month FROM verkom_education WHERE kpm_id = NEW.id);
  INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
    SELECT month, ifnull(NEW.pendamping_id, 0), 1 FROM (SELECT month FROM verkom_health WHERE kpm_id = NEW.id UNION SELECT month FROM verkom_education WHERE kpm_id = NEW.id) WHERE true
    ON CONFLICT DO UPDATE SET families = families + 1;
END;--> statement-breakpoint
INSERT INTO `verkom_month_counts` (month, pendamping_key, families)
  SELECT c.month, ifnull(k.pendamping_id, 0), count(*)
  FROM (SELECT kpm_id, month FROM verkom_health UNION SELECT kpm_id, month FROM verkom_education) c
    JOIN kpm k ON k.id = c.kpm_id
  GROUP BY 1, 2;
