-- Free-text search over the KPM registry: a trigram index finds any part of a word (3+ characters)
-- in the name, NIK, No. KK, ID KPM, ID DTKS and address. Kept in step with kpm by triggers.
CREATE VIRTUAL TABLE `kpm_search` USING fts5(
  nama, nik, no_kk, id_kpm, id_dtks, alamat,
  content='kpm', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
-- While a row sits here, bulk loads (import, seed) index their new families in one statement at the end:
-- each trigger-fired insert into FTS5 flushes the index, which made 100,000 inserts 6 times slower.
CREATE TABLE `kpm_search_paused` (`id` integer PRIMARY KEY CHECK (`id` = 1));
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ai` AFTER INSERT ON `kpm` WHEN NOT EXISTS (SELECT 1 FROM kpm_search_paused) BEGIN
  INSERT INTO kpm_search(rowid, nama, nik, no_kk, id_kpm, id_dtks, alamat)
  VALUES (new.id, new.nama, new.nik, new.no_kk, new.id_kpm, new.id_dtks, new.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ad` AFTER DELETE ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, nik, no_kk, id_kpm, id_dtks, alamat)
  VALUES ('delete', old.id, old.nama, old.nik, old.no_kk, old.id_kpm, old.id_dtks, old.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_au` AFTER UPDATE OF nama, nik, no_kk, id_kpm, id_dtks, alamat ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, nik, no_kk, id_kpm, id_dtks, alamat)
  VALUES ('delete', old.id, old.nama, old.nik, old.no_kk, old.id_kpm, old.id_dtks, old.alamat);
  INSERT INTO kpm_search(rowid, nama, nik, no_kk, id_kpm, id_dtks, alamat)
  VALUES (new.id, new.nama, new.nik, new.no_kk, new.id_kpm, new.id_dtks, new.alamat);
END;
