CREATE TABLE `p2k2_family_years` (
	`kpm_id` integer NOT NULL,
	`year` integer NOT NULL,
	`group_id` integer NOT NULL,
	`marked_months` integer DEFAULT 0 NOT NULL,
	`hadir_months` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kpm_id`, `year`, `group_id`)
);
--> statement-breakpoint
CREATE INDEX `p2k2_family_years_year_idx` ON `p2k2_family_years` (`year`);--> statement-breakpoint
CREATE TABLE `p2k2_month_counts` (
	`group_id` integer NOT NULL,
	`month` text NOT NULL,
	`planned` integer DEFAULT 0 NOT NULL,
	`meetings` integer DEFAULT 0 NOT NULL,
	`marked` integer DEFAULT 0 NOT NULL,
	`hadir` integer DEFAULT 0 NOT NULL,
	`izin` integer DEFAULT 0 NOT NULL,
	`sakit` integer DEFAULT 0 NOT NULL,
	`alfa` integer DEFAULT 0 NOT NULL,
	`behaviour_kurang` integer DEFAULT 0 NOT NULL,
	`behaviour_baik` integer DEFAULT 0 NOT NULL,
	`behaviour_sangat_baik` integer DEFAULT 0 NOT NULL,
	`behaviour_tidak_dapat_dinilai` integer DEFAULT 0 NOT NULL,
	`potential_kurang` integer DEFAULT 0 NOT NULL,
	`potential_baik` integer DEFAULT 0 NOT NULL,
	`potential_sangat_baik` integer DEFAULT 0 NOT NULL,
	`potential_tidak_dapat_dinilai` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`group_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `p2k2_month_counts_month_idx` ON `p2k2_month_counts` (`month`);--> statement-breakpoint
-- Hand-written: the triggers that keep p2k2_month_counts and p2k2_family_years in step with plans, meetings and
-- attendance, and the backfill of both from the rows already recorded. Upserts, not INSERT OR REPLACE: a trigger's
-- OR clause yields to the outer statement's (the meeting save's upsert), which made REPLACE abort. A meeting deleted takes its attendance first,
-- so the attendance triggers still find its group and month.
CREATE TRIGGER `p2k2_plan_counts_insert` AFTER INSERT ON `p2k2_plans` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `planned`) VALUES (NEW.group_id, substr(NEW.planned_on, 1, 7), 1)
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `planned` = `planned` + excluded.`planned`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_plan_counts_delete` AFTER DELETE ON `p2k2_plans` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `planned`) VALUES (OLD.group_id, substr(OLD.planned_on, 1, 7), -1)
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `planned` = `planned` + excluded.`planned`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_plan_counts_update` AFTER UPDATE OF `group_id`, `planned_on` ON `p2k2_plans` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `planned`) VALUES (OLD.group_id, substr(OLD.planned_on, 1, 7), -1)
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `planned` = `planned` + excluded.`planned`;
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `planned`) VALUES (NEW.group_id, substr(NEW.planned_on, 1, 7), 1)
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `planned` = `planned` + excluded.`planned`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_meeting_counts_insert` AFTER INSERT ON `p2k2_meetings` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `meetings`) VALUES (NEW.group_id, substr(NEW.held_on, 1, 7), 1)
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `meetings` = `meetings` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_meeting_counts_delete` BEFORE DELETE ON `p2k2_meetings` BEGIN
  DELETE FROM `p2k2_attendance` WHERE meeting_id = OLD.id;
  UPDATE `p2k2_month_counts` SET `meetings` = `meetings` - 1 WHERE group_id = OLD.group_id AND month = substr(OLD.held_on, 1, 7);
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_meeting_counts_move` AFTER UPDATE OF `group_id`, `held_on` ON `p2k2_meetings`
WHEN OLD.group_id != NEW.group_id OR substr(OLD.held_on, 1, 7) != substr(NEW.held_on, 1, 7) BEGIN
  UPDATE `p2k2_month_counts` SET `meetings` = `meetings` - 1, `marked` = `marked` - (SELECT count(a.status) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `hadir` = `hadir` - (SELECT count(CASE WHEN a.status = 'hadir' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `izin` = `izin` - (SELECT count(CASE WHEN a.status = 'izin' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `sakit` = `sakit` - (SELECT count(CASE WHEN a.status = 'sakit' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `alfa` = `alfa` - (SELECT count(CASE WHEN a.status = 'alfa' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `behaviour_kurang` = `behaviour_kurang` - (SELECT count(CASE WHEN a.behaviour_rating = 'kurang' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `behaviour_baik` = `behaviour_baik` - (SELECT count(CASE WHEN a.behaviour_rating = 'baik' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `behaviour_sangat_baik` = `behaviour_sangat_baik` - (SELECT count(CASE WHEN a.behaviour_rating = 'sangat_baik' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` - (SELECT count(CASE WHEN a.behaviour_rating = 'tidak_dapat_dinilai' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `potential_kurang` = `potential_kurang` - (SELECT count(CASE WHEN a.potential_rating = 'kurang' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `potential_baik` = `potential_baik` - (SELECT count(CASE WHEN a.potential_rating = 'baik' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `potential_sangat_baik` = `potential_sangat_baik` - (SELECT count(CASE WHEN a.potential_rating = 'sangat_baik' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id), `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` - (SELECT count(CASE WHEN a.potential_rating = 'tidak_dapat_dinilai' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id)
    WHERE group_id = OLD.group_id AND month = substr(OLD.held_on, 1, 7);
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `meetings`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
    SELECT NEW.group_id, substr(NEW.held_on, 1, 7), 1, count(a.status), count(CASE WHEN a.status = 'hadir' THEN 1 END), count(CASE WHEN a.status = 'izin' THEN 1 END), count(CASE WHEN a.status = 'sakit' THEN 1 END), count(CASE WHEN a.status = 'alfa' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'kurang' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'baik' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'sangat_baik' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'tidak_dapat_dinilai' THEN 1 END), count(CASE WHEN a.potential_rating = 'kurang' THEN 1 END), count(CASE WHEN a.potential_rating = 'baik' THEN 1 END), count(CASE WHEN a.potential_rating = 'sangat_baik' THEN 1 END), count(CASE WHEN a.potential_rating = 'tidak_dapat_dinilai' THEN 1 END) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `meetings` = `meetings` + 1, `marked` = `marked` + excluded.`marked`, `hadir` = `hadir` + excluded.`hadir`, `izin` = `izin` + excluded.`izin`, `sakit` = `sakit` + excluded.`sakit`, `alfa` = `alfa` + excluded.`alfa`, `behaviour_kurang` = `behaviour_kurang` + excluded.`behaviour_kurang`, `behaviour_baik` = `behaviour_baik` + excluded.`behaviour_baik`, `behaviour_sangat_baik` = `behaviour_sangat_baik` + excluded.`behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` + excluded.`behaviour_tidak_dapat_dinilai`, `potential_kurang` = `potential_kurang` + excluded.`potential_kurang`, `potential_baik` = `potential_baik` + excluded.`potential_baik`, `potential_sangat_baik` = `potential_sangat_baik` + excluded.`potential_sangat_baik`, `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` + excluded.`potential_tidak_dapat_dinilai`;
  INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
    SELECT k.kpm, CAST(k.ys AS INTEGER), k.g, coalesce((SELECT sum(DISTINCT CASE WHEN a.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0),
      coalesce((SELECT sum(DISTINCT CASE WHEN a.status = 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0)
    FROM (SELECT a.kpm_id AS kpm, OLD.group_id AS g, substr(OLD.held_on, 1, 4) AS ys FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id UNION SELECT a.kpm_id, NEW.group_id, substr(NEW.held_on, 1, 4) FROM `p2k2_attendance` a WHERE a.meeting_id = NEW.id) k WHERE 1
    ON CONFLICT (`kpm_id`, `year`, `group_id`) DO UPDATE SET `marked_months` = excluded.`marked_months`, `hadir_months` = excluded.`hadir_months`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_attendance_counts_insert` AFTER INSERT ON `p2k2_attendance` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
    SELECT m.group_id, substr(m.held_on, 1, 7), (NEW.status IS NOT NULL), (NEW.status IS 'hadir'), (NEW.status IS 'izin'), (NEW.status IS 'sakit'), (NEW.status IS 'alfa'), (NEW.behaviour_rating IS 'kurang'), (NEW.behaviour_rating IS 'baik'), (NEW.behaviour_rating IS 'sangat_baik'), (NEW.behaviour_rating IS 'tidak_dapat_dinilai'), (NEW.potential_rating IS 'kurang'), (NEW.potential_rating IS 'baik'), (NEW.potential_rating IS 'sangat_baik'), (NEW.potential_rating IS 'tidak_dapat_dinilai') FROM `p2k2_meetings` m WHERE m.id = NEW.meeting_id
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `marked` = `marked` + excluded.`marked`, `hadir` = `hadir` + excluded.`hadir`, `izin` = `izin` + excluded.`izin`, `sakit` = `sakit` + excluded.`sakit`, `alfa` = `alfa` + excluded.`alfa`, `behaviour_kurang` = `behaviour_kurang` + excluded.`behaviour_kurang`, `behaviour_baik` = `behaviour_baik` + excluded.`behaviour_baik`, `behaviour_sangat_baik` = `behaviour_sangat_baik` + excluded.`behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` + excluded.`behaviour_tidak_dapat_dinilai`, `potential_kurang` = `potential_kurang` + excluded.`potential_kurang`, `potential_baik` = `potential_baik` + excluded.`potential_baik`, `potential_sangat_baik` = `potential_sangat_baik` + excluded.`potential_sangat_baik`, `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` + excluded.`potential_tidak_dapat_dinilai`;
  INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
    SELECT NEW.kpm_id, CAST(substr(m.held_on, 1, 4) AS INTEGER), m.group_id,
      CASE WHEN NEW.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) ELSE 0 END, CASE WHEN NEW.status IS 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) ELSE 0 END
    FROM `p2k2_meetings` m WHERE m.id = NEW.meeting_id
    ON CONFLICT (`kpm_id`, `year`, `group_id`) DO UPDATE SET `marked_months` = `marked_months` | excluded.`marked_months`,
      `hadir_months` = `hadir_months` | excluded.`hadir_months`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_attendance_counts_delete` AFTER DELETE ON `p2k2_attendance` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
    SELECT m.group_id, substr(m.held_on, 1, 7), -(OLD.status IS NOT NULL), -(OLD.status IS 'hadir'), -(OLD.status IS 'izin'), -(OLD.status IS 'sakit'), -(OLD.status IS 'alfa'), -(OLD.behaviour_rating IS 'kurang'), -(OLD.behaviour_rating IS 'baik'), -(OLD.behaviour_rating IS 'sangat_baik'), -(OLD.behaviour_rating IS 'tidak_dapat_dinilai'), -(OLD.potential_rating IS 'kurang'), -(OLD.potential_rating IS 'baik'), -(OLD.potential_rating IS 'sangat_baik'), -(OLD.potential_rating IS 'tidak_dapat_dinilai') FROM `p2k2_meetings` m WHERE m.id = OLD.meeting_id
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `marked` = `marked` + excluded.`marked`, `hadir` = `hadir` + excluded.`hadir`, `izin` = `izin` + excluded.`izin`, `sakit` = `sakit` + excluded.`sakit`, `alfa` = `alfa` + excluded.`alfa`, `behaviour_kurang` = `behaviour_kurang` + excluded.`behaviour_kurang`, `behaviour_baik` = `behaviour_baik` + excluded.`behaviour_baik`, `behaviour_sangat_baik` = `behaviour_sangat_baik` + excluded.`behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` + excluded.`behaviour_tidak_dapat_dinilai`, `potential_kurang` = `potential_kurang` + excluded.`potential_kurang`, `potential_baik` = `potential_baik` + excluded.`potential_baik`, `potential_sangat_baik` = `potential_sangat_baik` + excluded.`potential_sangat_baik`, `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` + excluded.`potential_tidak_dapat_dinilai`;
  INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
    SELECT k.kpm, CAST(k.ys AS INTEGER), k.g, coalesce((SELECT sum(DISTINCT CASE WHEN a.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0),
      coalesce((SELECT sum(DISTINCT CASE WHEN a.status = 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0)
    FROM (SELECT OLD.kpm_id AS kpm, group_id AS g, substr(held_on, 1, 4) AS ys FROM `p2k2_meetings` WHERE id = OLD.meeting_id) k WHERE 1
    ON CONFLICT (`kpm_id`, `year`, `group_id`) DO UPDATE SET `marked_months` = excluded.`marked_months`, `hadir_months` = excluded.`hadir_months`;
END;--> statement-breakpoint
CREATE TRIGGER `p2k2_attendance_counts_update` AFTER UPDATE ON `p2k2_attendance` BEGIN
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
    SELECT m.group_id, substr(m.held_on, 1, 7), -(OLD.status IS NOT NULL), -(OLD.status IS 'hadir'), -(OLD.status IS 'izin'), -(OLD.status IS 'sakit'), -(OLD.status IS 'alfa'), -(OLD.behaviour_rating IS 'kurang'), -(OLD.behaviour_rating IS 'baik'), -(OLD.behaviour_rating IS 'sangat_baik'), -(OLD.behaviour_rating IS 'tidak_dapat_dinilai'), -(OLD.potential_rating IS 'kurang'), -(OLD.potential_rating IS 'baik'), -(OLD.potential_rating IS 'sangat_baik'), -(OLD.potential_rating IS 'tidak_dapat_dinilai') FROM `p2k2_meetings` m WHERE m.id = OLD.meeting_id
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `marked` = `marked` + excluded.`marked`, `hadir` = `hadir` + excluded.`hadir`, `izin` = `izin` + excluded.`izin`, `sakit` = `sakit` + excluded.`sakit`, `alfa` = `alfa` + excluded.`alfa`, `behaviour_kurang` = `behaviour_kurang` + excluded.`behaviour_kurang`, `behaviour_baik` = `behaviour_baik` + excluded.`behaviour_baik`, `behaviour_sangat_baik` = `behaviour_sangat_baik` + excluded.`behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` + excluded.`behaviour_tidak_dapat_dinilai`, `potential_kurang` = `potential_kurang` + excluded.`potential_kurang`, `potential_baik` = `potential_baik` + excluded.`potential_baik`, `potential_sangat_baik` = `potential_sangat_baik` + excluded.`potential_sangat_baik`, `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` + excluded.`potential_tidak_dapat_dinilai`;
  INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
    SELECT m.group_id, substr(m.held_on, 1, 7), (NEW.status IS NOT NULL), (NEW.status IS 'hadir'), (NEW.status IS 'izin'), (NEW.status IS 'sakit'), (NEW.status IS 'alfa'), (NEW.behaviour_rating IS 'kurang'), (NEW.behaviour_rating IS 'baik'), (NEW.behaviour_rating IS 'sangat_baik'), (NEW.behaviour_rating IS 'tidak_dapat_dinilai'), (NEW.potential_rating IS 'kurang'), (NEW.potential_rating IS 'baik'), (NEW.potential_rating IS 'sangat_baik'), (NEW.potential_rating IS 'tidak_dapat_dinilai') FROM `p2k2_meetings` m WHERE m.id = NEW.meeting_id
    ON CONFLICT (`group_id`, `month`) DO UPDATE SET `marked` = `marked` + excluded.`marked`, `hadir` = `hadir` + excluded.`hadir`, `izin` = `izin` + excluded.`izin`, `sakit` = `sakit` + excluded.`sakit`, `alfa` = `alfa` + excluded.`alfa`, `behaviour_kurang` = `behaviour_kurang` + excluded.`behaviour_kurang`, `behaviour_baik` = `behaviour_baik` + excluded.`behaviour_baik`, `behaviour_sangat_baik` = `behaviour_sangat_baik` + excluded.`behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai` = `behaviour_tidak_dapat_dinilai` + excluded.`behaviour_tidak_dapat_dinilai`, `potential_kurang` = `potential_kurang` + excluded.`potential_kurang`, `potential_baik` = `potential_baik` + excluded.`potential_baik`, `potential_sangat_baik` = `potential_sangat_baik` + excluded.`potential_sangat_baik`, `potential_tidak_dapat_dinilai` = `potential_tidak_dapat_dinilai` + excluded.`potential_tidak_dapat_dinilai`;
  INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
    SELECT k.kpm, CAST(k.ys AS INTEGER), k.g, coalesce((SELECT sum(DISTINCT CASE WHEN a.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0),
      coalesce((SELECT sum(DISTINCT CASE WHEN a.status = 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0)
    FROM (SELECT OLD.kpm_id AS kpm, group_id AS g, substr(held_on, 1, 4) AS ys FROM `p2k2_meetings` WHERE id = OLD.meeting_id) k WHERE 1
    ON CONFLICT (`kpm_id`, `year`, `group_id`) DO UPDATE SET `marked_months` = excluded.`marked_months`, `hadir_months` = excluded.`hadir_months`;
  INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
    SELECT k.kpm, CAST(k.ys AS INTEGER), k.g, coalesce((SELECT sum(DISTINCT CASE WHEN a.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0),
      coalesce((SELECT sum(DISTINCT CASE WHEN a.status = 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END) FROM `p2k2_attendance` a
        JOIN `p2k2_meetings` m ON m.id = a.meeting_id WHERE a.kpm_id = k.kpm AND m.group_id = k.g AND substr(m.held_on, 1, 4) = k.ys), 0)
    FROM (SELECT NEW.kpm_id AS kpm, group_id AS g, substr(held_on, 1, 4) AS ys FROM `p2k2_meetings` WHERE id = NEW.meeting_id) k WHERE 1
    ON CONFLICT (`kpm_id`, `year`, `group_id`) DO UPDATE SET `marked_months` = excluded.`marked_months`, `hadir_months` = excluded.`hadir_months`;
END;--> statement-breakpoint
INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `meetings`, `marked`, `hadir`, `izin`, `sakit`, `alfa`, `behaviour_kurang`, `behaviour_baik`, `behaviour_sangat_baik`, `behaviour_tidak_dapat_dinilai`, `potential_kurang`, `potential_baik`, `potential_sangat_baik`, `potential_tidak_dapat_dinilai`)
  SELECT m.group_id, substr(m.held_on, 1, 7), count(DISTINCT m.id), count(a.status), count(CASE WHEN a.status = 'hadir' THEN 1 END), count(CASE WHEN a.status = 'izin' THEN 1 END), count(CASE WHEN a.status = 'sakit' THEN 1 END), count(CASE WHEN a.status = 'alfa' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'kurang' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'baik' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'sangat_baik' THEN 1 END), count(CASE WHEN a.behaviour_rating = 'tidak_dapat_dinilai' THEN 1 END), count(CASE WHEN a.potential_rating = 'kurang' THEN 1 END), count(CASE WHEN a.potential_rating = 'baik' THEN 1 END), count(CASE WHEN a.potential_rating = 'sangat_baik' THEN 1 END), count(CASE WHEN a.potential_rating = 'tidak_dapat_dinilai' THEN 1 END)
  FROM `p2k2_meetings` m LEFT JOIN `p2k2_attendance` a ON a.meeting_id = m.id WHERE 1 GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO `p2k2_month_counts` (`group_id`, `month`, `planned`)
  SELECT group_id, substr(planned_on, 1, 7), count(*) FROM `p2k2_plans` WHERE 1 GROUP BY 1, 2
  ON CONFLICT (`group_id`, `month`) DO UPDATE SET `planned` = excluded.`planned`;--> statement-breakpoint
INSERT INTO `p2k2_family_years` (`kpm_id`, `year`, `group_id`, `marked_months`, `hadir_months`)
  SELECT a.kpm_id, CAST(substr(m.held_on, 1, 4) AS INTEGER), m.group_id,
    coalesce(sum(DISTINCT CASE WHEN a.status IS NOT NULL THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END), 0),
    coalesce(sum(DISTINCT CASE WHEN a.status = 'hadir' THEN (1 << (CAST(substr(m.held_on, 6, 2) AS INTEGER) - 1)) END), 0)
  FROM `p2k2_attendance` a JOIN `p2k2_meetings` m ON m.id = a.meeting_id GROUP BY 1, 2, 3;
