CREATE TABLE `p2k2_attendance` (
	`meeting_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`status` text,
	`behaviour_rating` text,
	`potential_rating` text,
	PRIMARY KEY(`meeting_id`, `kpm_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `p2k2_meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `p2k2_attendance_kpm_idx` ON `p2k2_attendance` (`kpm_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `p2k2_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`kpm_id` integer NOT NULL,
	`joined_on` text NOT NULL,
	`left_on` text,
	FOREIGN KEY (`group_id`) REFERENCES `p2k2_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p2k2_member_open_uq` ON `p2k2_group_members` (`kpm_id`) WHERE left_on IS NULL;--> statement-breakpoint
CREATE INDEX `p2k2_member_group_idx` ON `p2k2_group_members` (`group_id`,`left_on`);--> statement-breakpoint
CREATE TABLE `p2k2_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`village_code` text NOT NULL,
	`pendamping_id` integer,
	`leader_kpm_id` integer,
	`meeting_place` text DEFAULT '' NOT NULL,
	`meeting_day` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`village_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p2k2_group_name_uq` ON `p2k2_groups` (`village_code`,`name`);--> statement-breakpoint
CREATE INDEX `p2k2_group_pendamping_idx` ON `p2k2_groups` (`pendamping_id`);--> statement-breakpoint
CREATE TABLE `p2k2_meeting_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `p2k2_meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `p2k2_photo_meeting_idx` ON `p2k2_meeting_photos` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `p2k2_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`start_time` text DEFAULT '' NOT NULL,
	`end_time` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`pendamping_id` integer,
	`speakers` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `p2k2_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `p2k2_topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pendamping_id`) REFERENCES `pendamping`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `p2k2_meeting_group_idx` ON `p2k2_meetings` (`group_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `p2k2_meeting_held_idx` ON `p2k2_meetings` (`held_on`);--> statement-breakpoint
CREATE TABLE `p2k2_modules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p2k2_modules_name_unique` ON `p2k2_modules` (`name`);--> statement-breakpoint
CREATE TABLE `p2k2_plans` (
	`group_id` integer NOT NULL,
	`year` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`planned_on` text NOT NULL,
	PRIMARY KEY(`group_id`, `year`, `topic_id`),
	FOREIGN KEY (`group_id`) REFERENCES `p2k2_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `p2k2_topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `p2k2_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `p2k2_modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p2k2_topic_name_uq` ON `p2k2_topics` (`module_id`,`name`);--> statement-breakpoint
CREATE TABLE `p2k2_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpm_id` integer NOT NULL,
	`absent_until` text NOT NULL,
	`document_id` integer,
	`given_on` text NOT NULL,
	`given_by` integer,
	`given_by_name` text NOT NULL,
	FOREIGN KEY (`kpm_id`) REFERENCES `kpm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `p2k2_warning_uq` ON `p2k2_warnings` (`kpm_id`,`absent_until`);--> statement-breakpoint
-- The curriculum as the module books give it: 6 modules, 29 topics. The stunting module's topic titles are a draft
-- the administrator can rename to match the office's own module book.
INSERT INTO `p2k2_modules` (id, name, sort_order, builtin, active) VALUES
  (1, 'Pengasuhan dan Pendidikan Anak', 1, 1, 1),
  (2, 'Pengelolaan Keuangan dan Perencanaan Usaha', 2, 1, 1),
  (3, 'Kesehatan dan Gizi', 3, 1, 1),
  (4, 'Perlindungan Anak', 4, 1, 1),
  (5, 'Kesejahteraan Sosial', 5, 1, 1),
  (6, 'Pencegahan dan Penanganan Stunting', 6, 1, 1);--> statement-breakpoint
INSERT INTO `p2k2_topics` (module_id, name, sort_order, builtin, active) VALUES
  (1, 'Menjadi Orang Tua yang Lebih Baik', 1, 1, 1),
  (1, 'Memahami Perilaku Anak', 2, 1, 1),
  (1, 'Memahami Cara Anak Usia Dini Belajar', 3, 1, 1),
  (1, 'Membantu Anak Sukses di Sekolah', 4, 1, 1),
  (2, 'Mengelola Keuangan Keluarga', 1, 1, 1),
  (2, 'Cermat Meminjam dan Menabung', 2, 1, 1),
  (2, 'Memulai Usaha', 3, 1, 1),
  (3, 'Pentingnya Gizi dan Layanan Kesehatan Ibu Hamil', 1, 1, 1),
  (3, 'Pentingnya Gizi Ibu Menyusui dan Balita', 2, 1, 1),
  (3, 'Kesakitan pada Anak dan Kesehatan Lingkungan', 3, 1, 1),
  (4, 'Upaya Pencegahan Kekerasan dan Perlakuan Salah pada Anak', 1, 1, 1),
  (4, 'Penelantaran dan Eksploitasi terhadap Anak', 2, 1, 1),
  (5, 'Pentingnya Perhatian Khusus kepada Penyandang Disabilitas Berat', 1, 1, 1),
  (5, 'Pentingnya Perhatian Khusus kepada Lanjut Usia', 2, 1, 1),
  (6, 'Mengenal Stunting', 1, 1, 1),
  (6, 'Penyebab dan Dampak Stunting', 2, 1, 1),
  (6, 'Seribu Hari Pertama Kehidupan', 3, 1, 1),
  (6, 'Gizi Remaja Putri dan Calon Pengantin', 4, 1, 1),
  (6, 'Gizi dan Pemeriksaan Ibu Hamil', 5, 1, 1),
  (6, 'Persalinan di Fasilitas Kesehatan', 6, 1, 1),
  (6, 'Inisiasi Menyusu Dini dan ASI Eksklusif', 7, 1, 1),
  (6, 'Makanan Pendamping ASI', 8, 1, 1),
  (6, 'Imunisasi Dasar Lengkap', 9, 1, 1),
  (6, 'Pemantauan Pertumbuhan di Posyandu', 10, 1, 1),
  (6, 'Stimulasi Perkembangan Anak', 11, 1, 1),
  (6, 'Air Minum dan Sanitasi Layak', 12, 1, 1),
  (6, 'Cuci Tangan Pakai Sabun', 13, 1, 1),
  (6, 'Pencegahan Penyakit Infeksi pada Anak', 14, 1, 1),
  (6, 'Peran Keluarga dalam Pencegahan Stunting', 15, 1, 1);
