-- ID DTKS is searched by its start, like NIK and No. KK.
CREATE INDEX `kpm_id_dtks_idx` ON `kpm` (`id_dtks`);--> statement-breakpoint
-- Members' names join the family's row in the trigram index (column anggota, one name per line), so one MATCH
-- finds a family by its pengurus, its address or any member, and counts each family once. The table keeps no
-- copy of the text (contentless) and deletes by rowid (contentless_delete), so a member's change re-indexes
-- its family without knowing the old text. Why one row per family: see main/services/kpm-search.ts.
DROP TRIGGER `kpm_search_ai`;--> statement-breakpoint
DROP TRIGGER `kpm_search_ad`;--> statement-breakpoint
DROP TRIGGER `kpm_search_au`;--> statement-breakpoint
DROP TABLE `kpm_search`;--> statement-breakpoint
CREATE VIRTUAL TABLE `kpm_search` USING fts5(
  nama, alamat, anggota, content='', contentless_delete=1, tokenize='trigram'
);--> statement-breakpoint
INSERT INTO kpm_search(rowid, nama, alamat, anggota)
  SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id) FROM kpm k;
--> statement-breakpoint
-- A new family has no members yet; bulk loads (kpm_search_paused) index families and members once at the end.
CREATE TRIGGER `kpm_search_ai` AFTER INSERT ON `kpm` WHEN NOT EXISTS (SELECT 1 FROM kpm_search_paused) BEGIN
  INSERT INTO kpm_search(rowid, nama, alamat, anggota) VALUES (new.id, new.nama, new.alamat, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ad` AFTER DELETE ON `kpm` BEGIN
  DELETE FROM kpm_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_au` AFTER UPDATE OF nama, alamat ON `kpm` BEGIN
  DELETE FROM kpm_search WHERE rowid = old.id;
  INSERT INTO kpm_search(rowid, nama, alamat, anggota)
    SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id)
    FROM kpm k WHERE k.id = new.id;
END;
--> statement-breakpoint
-- A member added, renamed, moved or removed re-indexes its family (none once the family itself is deleted).
CREATE TRIGGER `kpm_search_art_ai` AFTER INSERT ON `art` WHEN NOT EXISTS (SELECT 1 FROM kpm_search_paused) BEGIN
  DELETE FROM kpm_search WHERE rowid = new.kpm_id;
  INSERT INTO kpm_search(rowid, nama, alamat, anggota)
    SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id)
    FROM kpm k WHERE k.id = new.kpm_id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_art_ad` AFTER DELETE ON `art` BEGIN
  DELETE FROM kpm_search WHERE rowid = old.kpm_id;
  INSERT INTO kpm_search(rowid, nama, alamat, anggota)
    SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id)
    FROM kpm k WHERE k.id = old.kpm_id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_art_au` AFTER UPDATE OF nama, kpm_id ON `art` BEGIN
  DELETE FROM kpm_search WHERE rowid IN (old.kpm_id, new.kpm_id);
  INSERT INTO kpm_search(rowid, nama, alamat, anggota)
    SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id)
    FROM kpm k WHERE k.id IN (old.kpm_id, new.kpm_id);
END;
