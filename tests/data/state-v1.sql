-- A state.db as written by the release before issue 14 (commit 62c84af):
-- StateStore's four tables (user_version 1) plus the review queue and audit log,
-- which that release created lazily in the same file. Made by the code of that
-- release through its public classes; dumped with sqlite3 iterdump.
PRAGMA user_version=1;
BEGIN TRANSACTION;
CREATE TABLE audit_log ( id integer primary key autoincrement, day text not null, who integer not null, action text not null, target text not null, old text, new text);
INSERT INTO "audit_log" VALUES(1,'2022-01-28',4242,'deadline_added','kommunalt-rusarbeid:2023:application:innlandet',NULL,'15. februar 2023 [admin-2022-01-28-innlandet]');
INSERT INTO "audit_log" VALUES(2,'2022-01-28',4243,'faq_alias_added','faq:rusarbeid-annet','a | b','a | b | c');
CREATE TABLE "broadcasts" (
   "id" INTEGER PRIMARY KEY,
   "admin_id" INTEGER NOT NULL,
   "text" TEXT NOT NULL,
   "created" TEXT NOT NULL,
   "confirmed" TEXT,
   "confirmed_by" INTEGER,
   "recipients" INTEGER DEFAULT 0
);
INSERT INTO "broadcasts" VALUES(1,4242,'Søknadsfristen er flyttet.','2022-01-28','2022-01-28',4242,2);
INSERT INTO "broadcasts" VALUES(2,4242,'Et utkast som aldri ble sendt.','2022-01-28',NULL,NULL,0);
CREATE TABLE "outbox" (
   "key" TEXT PRIMARY KEY,
   "chat_id" INTEGER NOT NULL,
   "kind" TEXT NOT NULL,
   "text" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "status" TEXT NOT NULL DEFAULT 'pending',
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "planned_day" TEXT NOT NULL,
   "late" INTEGER DEFAULT 0,
   "tentative" INTEGER DEFAULT 0,
   "scheme_id" TEXT,
   "deadline_id" TEXT,
   "offset_days" INTEGER,
   "due_day" TEXT,
   "deadline_day" TEXT,
   "broadcast_id" INTEGER,
   "last_error" TEXT,
   "message_id" INTEGER,
   "sent_day" TEXT
);
INSERT INTO "outbox" VALUES('5001|kommunalt-rusarbeid:2022:application:ukjent-statsforvalter|30',5001,'reminder','<b>Påminnelse</b> 30','nb','sent',1,'2022-01-28',0,0,'kommunalt-rusarbeid','kommunalt-rusarbeid:2022:application:ukjent-statsforvalter',30,'2022-01-28','2022-02-15',NULL,NULL,1001,'2022-01-28');
INSERT INTO "outbox" VALUES('5001|kommunalt-rusarbeid:2022:application:ukjent-statsforvalter|14',5001,'reminder','<b>Påminnelse</b> 14','nb','sending',1,'2022-01-28',1,1,'kommunalt-rusarbeid','kommunalt-rusarbeid:2022:application:ukjent-statsforvalter',14,'2022-01-28','2022-02-15',NULL,NULL,NULL,NULL);
INSERT INTO "outbox" VALUES('5002|kommunalt-rusarbeid:2022:application:ukjent-statsforvalter|7',5002,'reminder','<b>Reminder</b> 7','en','failed',0,'2022-01-28',0,0,'kommunalt-rusarbeid','kommunalt-rusarbeid:2022:application:ukjent-statsforvalter',7,'2022-01-28','2022-02-15',NULL,'NetworkError',NULL,NULL);
INSERT INTO "outbox" VALUES('5001|broadcast:1',5001,'broadcast','📢 <b>Kunngjøring</b>','nb','pending',0,'2022-01-28',0,0,NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL);
INSERT INTO "outbox" VALUES('-5004|broadcast:1',-5004,'broadcast','📢 <b>Kunngjøring</b>','nb','pending',0,'2022-01-28',0,0,NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL);
CREATE TABLE "passes" (
   "day" TEXT PRIMARY KEY,
   "status" TEXT NOT NULL,
   "runs" INTEGER NOT NULL,
   "counts" TEXT
);
INSERT INTO "passes" VALUES('2022-01-28','finished',1,'{"failed": 1, "sent": 1}');
INSERT INTO "passes" VALUES('2022-01-29','started',1,'{}');
CREATE TABLE review_questions ( id integer primary key autoincrement, day text not null, reason text not null check (reason in ('unanswered', 'thumbs_down')), text text not null);
INSERT INTO "review_questions" VALUES(1,'2022-01-28','unanswered','Kan vi bruke rustilskuddet til å kjøpe bil?');
INSERT INTO "review_questions" VALUES(2,'2022-01-28','thumbs_down','kan vi kjøpe bil for rustilskuddet');
INSERT INTO "review_questions" VALUES(3,'2022-01-28','unanswered','Hvordan blir været i morgen?');
CREATE TABLE "subscriptions" (
   "chat_id" INTEGER PRIMARY KEY,
   "schemes" TEXT NOT NULL,
   "offsets" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "active" INTEGER NOT NULL,
   "created" TEXT NOT NULL,
   "since" TEXT NOT NULL
);
INSERT INTO "subscriptions" VALUES(-5004,'"*"','[30, 14, 7, 1]','nb',1,'2022-01-28','2022-01-28');
INSERT INTO "subscriptions" VALUES(5001,'["kommunalt-rusarbeid"]','[30, 14, 7, 1]','nb',1,'2022-01-28','2022-01-28');
INSERT INTO "subscriptions" VALUES(5002,'"*"','[30, 14, 7, 1]','en',1,'2022-01-28','2022-01-28');
INSERT INTO "subscriptions" VALUES(5003,'["kommunalt-rusarbeid", "nav-sosiale-tjenester"]','[14, 1]','nb',0,'2022-01-28','2022-01-28');
CREATE INDEX "idx_outbox_status"
    ON "outbox" ("status");
CREATE INDEX "idx_outbox_chat_id_deadline_id"
    ON "outbox" ("chat_id", "deadline_id");
CREATE INDEX review_questions_day on review_questions (day);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('review_questions',3);
INSERT INTO "sqlite_sequence" VALUES('audit_log',2);
COMMIT;
