-- The trigram index keeps only the words people search inside (name, address). Identity numbers are typed
-- from their start, so NIK, No. KK and ID KPM are found by prefix on their own indexes; keeping their
-- digits in the trigram index tripled its size and the time of every bulk import.
DROP TRIGGER `kpm_search_ai`;
--> statement-breakpoint
DROP TRIGGER `kpm_search_ad`;
--> statement-breakpoint
DROP TRIGGER `kpm_search_au`;
--> statement-breakpoint
DROP TABLE `kpm_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `kpm_search` USING fts5(nama, alamat, content='kpm', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO kpm_search(kpm_search) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ai` AFTER INSERT ON `kpm` WHEN NOT EXISTS (SELECT 1 FROM kpm_search_paused) BEGIN
  INSERT INTO kpm_search(rowid, nama, alamat) VALUES (new.id, new.nama, new.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_ad` AFTER DELETE ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, alamat) VALUES ('delete', old.id, old.nama, old.alamat);
END;
--> statement-breakpoint
CREATE TRIGGER `kpm_search_au` AFTER UPDATE OF nama, alamat ON `kpm` BEGIN
  INSERT INTO kpm_search(kpm_search, rowid, nama, alamat) VALUES ('delete', old.id, old.nama, old.alamat);
  INSERT INTO kpm_search(rowid, nama, alamat) VALUES (new.id, new.nama, new.alamat);
END;
