-- A database written by the first release of office-tui (commit 69dd5ae, schema 1):
-- its own code ran `demo`, `add` and `done`, and this is the file's .dump (iterdump).
-- tests/store/test_migrations.py loads it, sets user_version = 1 as that release did,
-- and migrates it to the newest schema.
BEGIN TRANSACTION;
CREATE TABLE departments (name TEXT PRIMARY KEY);
INSERT INTO "departments" VALUES('总务科');
INSERT INTO "departments" VALUES('财务科');
INSERT INTO "departments" VALUES('人事科');
INSERT INTO "departments" VALUES('办公室');
INSERT INTO "departments" VALUES('教务处');
INSERT INTO "departments" VALUES('信息中心');
INSERT INTO "departments" VALUES('保卫科');
INSERT INTO "departments" VALUES('后勤服务中心');
INSERT INTO "departments" VALUES('Facilities');
INSERT INTO "departments" VALUES('Finance');
INSERT INTO "departments" VALUES('HR');
INSERT INTO "departments" VALUES('Front Desk');
INSERT INTO "departments" VALUES('工会');
CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before TEXT,
            after TEXT,
            undoes INTEGER REFERENCES events (id)
        );
INSERT INTO "events" VALUES(1,'2026-12-03T07:32:42','demo','database',NULL,NULL,'{"generated": 0, "jobs": 60}',NULL);
INSERT INTO "events" VALUES(2,'2026-12-03T07:32:43','add','job',61,NULL,'{"cancel_reason": null, "category": "repair", "closed_at": null, "created": "2026-12-03T07:32:43", "department": "总务科", "due": "2026-11-30T17:30:00", "due_source": "given", "expedite": 0, "id": 61, "importance": "high", "outcome": null, "promise_reason": null, "promised_by": null, "replied_at": null, "reply_note": null, "requester": null, "status": "open", "title": "修 三楼会议室 灯管", "updated": "2026-12-03T07:32:43", "waiting_reason": null, "waiting_since": null}',NULL);
INSERT INTO "events" VALUES(3,'2026-12-03T07:32:43','done','job',61,'{"cancel_reason": null, "category": "repair", "closed_at": null, "created": "2026-12-03T07:32:43", "department": "总务科", "due": "2026-11-30T17:30:00", "due_source": "given", "expedite": 0, "id": 61, "importance": "high", "outcome": null, "promise_reason": null, "promised_by": null, "replied_at": null, "reply_note": null, "requester": null, "status": "open", "title": "修 三楼会议室 灯管", "updated": "2026-12-03T07:32:43", "waiting_reason": null, "waiting_since": null}','{"cancel_reason": null, "category": "repair", "closed_at": "2026-12-03T07:32:43", "created": "2026-12-03T07:32:43", "department": "总务科", "due": "2026-11-30T17:30:00", "due_source": "given", "expedite": 0, "id": 61, "importance": "high", "outcome": "换了灯管", "promise_reason": null, "promised_by": null, "replied_at": null, "reply_note": null, "requester": null, "status": "done", "title": "修 三楼会议室 灯管", "updated": "2026-12-03T07:32:43", "waiting_reason": null, "waiting_since": null}',NULL);
CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            department TEXT,
            requester TEXT,
            importance TEXT NOT NULL DEFAULT 'normal'
                CHECK (importance IN ('high','normal','low')),
            expedite INTEGER NOT NULL DEFAULT 0,
            due TEXT,
            due_source TEXT NOT NULL DEFAULT 'limit',
            promised_by TEXT,
            promise_reason TEXT,
            status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN
                ('inbox','open','in_progress','waiting','done','cancelled')),
            waiting_reason TEXT,
            waiting_since TEXT,
            outcome TEXT,
            cancel_reason TEXT,
            replied_at TEXT,
            reply_note TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            closed_at TEXT
        );
INSERT INTO "jobs" VALUES(1,'三楼会议室灯管不亮','repair','总务科','王老师','high',0,'2026-12-03T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(2,'二楼女卫生间水龙头漏水','repair','后勤服务中心','李阿姨','normal',0,'2026-12-02T13:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T14:30:00','2026-12-01T14:30:00',NULL);
INSERT INTO "jobs" VALUES(3,'办公室空调不制冷','repair','办公室','张主任','high',1,'2026-12-02T15:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T09:30:00','2026-12-02T09:30:00',NULL);
INSERT INTO "jobs" VALUES(4,'财务科打印机卡纸','repair','财务科','刘会计','normal',0,'2026-12-03T13:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T16:30:00','2026-12-02T16:30:00',NULL);
INSERT INTO "jobs" VALUES(5,'Broken chair in meeting room B','repair','Facilities','Tom Baker','low',0,'2026-12-08T11:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(6,'Replace flickering light in lobby','repair','Front Desk','Amy Chen','normal',0,'2026-12-01T16:30:00','given',NULL,NULL,'waiting','Waiting for the electrician','2026-12-03T06:32:42',NULL,NULL,NULL,NULL,'2026-11-30T15:30:00','2026-11-30T15:30:00',NULL);
INSERT INTO "jobs" VALUES(7,'档案室门锁损坏','repair','保卫科','赵科长','high',0,'2026-12-02T16:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(8,'教学楼饮水机不出热水','repair','教务处','陈老师','normal',0,'2026-12-03T16:30:00','given',NULL,NULL,'waiting','等待厂家配件','2026-12-03T06:32:42',NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(9,'Network port dead in room 204','repair','信息中心','Li Wei','normal',0,'2026-12-04T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(10,'食堂排风扇噪音大','repair','后勤服务中心','孙师傅','low',0,'2026-12-09T12:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T16:30:00','2026-12-01T16:30:00',NULL);
INSERT INTO "jobs" VALUES(11,'周四上午送领导去市政府开会','vehicle','办公室','张主任','high',0,'2026-12-07T10:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T12:30:00','2026-12-02T12:30:00',NULL);
INSERT INTO "jobs" VALUES(12,'明天下午接专家到火车站','vehicle','人事科','周科长','normal',0,'2026-12-03T17:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(13,'Airport pickup for visiting auditors','vehicle','Finance','Sarah Lin','high',1,'2026-12-03T14:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(14,'周五财务科去银行送材料','vehicle','财务科','刘会计','normal',0,'2026-12-08T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(15,'Weekly trip to the district education bureau','vehicle','教务处','Wang Fang','low',0,'2026-12-10T13:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T09:30:00','2026-12-02T09:30:00',NULL);
INSERT INTO "jobs" VALUES(16,'周三退休职工体检用车','vehicle','人事科','吴老师','normal',0,'2026-12-07T15:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T14:30:00','2026-12-01T14:30:00',NULL);
INSERT INTO "jobs" VALUES(17,'领用A4复印纸十箱','supply','教务处','陈老师','normal',0,'2026-12-03T12:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(18,'财务科领用硒鼓两个','supply','财务科','刘会计','high',0,'2026-12-02T14:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T16:30:00','2026-12-01T16:30:00',NULL);
INSERT INTO "jobs" VALUES(19,'Two boxes of whiteboard markers','supply','HR','Emma Stone','low',0,'2026-12-03T17:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(20,'保洁用品补充（洗手液、垃圾袋）','supply','后勤服务中心','李阿姨','normal',0,'2026-12-03T10:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T10:30:00','2026-12-02T10:30:00',NULL);
INSERT INTO "jobs" VALUES(21,'Bottled water for the board room','supply','Front Desk','Amy Chen','normal',0,'2026-12-02T11:30:00','given',NULL,NULL,'waiting','Supplier delivery on Monday','2026-12-03T06:32:42',NULL,NULL,NULL,NULL,'2026-12-01T11:30:00','2026-12-01T11:30:00',NULL);
INSERT INTO "jobs" VALUES(22,'信息中心领用网线和水晶头','supply','信息中心','Li Wei','low',0,'2026-12-04T17:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(23,'文件盒和档案袋各五十个','supply','办公室','小杨','normal',0,'2026-12-03T15:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(24,'接待省教育厅检查组','reception','办公室','张主任','high',1,'2026-12-04T09:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-30T15:30:00','2026-11-30T15:30:00',NULL);
INSERT INTO "jobs" VALUES(25,'Visitors from partner school at 14:00','reception','Front Desk','Amy Chen','normal',0,'2026-12-03T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T12:30:00','2026-12-02T12:30:00',NULL);
INSERT INTO "jobs" VALUES(26,'安排兄弟单位参观交流午餐','reception','办公室','小杨','normal',0,'2026-12-04T15:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(27,'Welcome pack for new staff orientation','reception','HR','Emma Stone','low',0,'2026-12-08T16:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T12:30:00','2026-12-02T12:30:00',NULL);
INSERT INTO "jobs" VALUES(28,'市领导调研接待方案','reception','办公室','张主任','high',1,'2026-12-02T15:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-30T10:30:00','2026-11-30T10:30:00',NULL);
INSERT INTO "jobs" VALUES(29,'周一行政例会会场布置','meeting','办公室','小杨','normal',0,'2026-12-04T13:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(30,'期末教学工作会议准备投影和话筒','meeting','教务处','陈老师','high',0,'2026-12-03T14:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(31,'Board meeting: water, name cards and projector','meeting','Finance','Sarah Lin','high',0,'2026-12-03T17:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T09:30:00','2026-12-02T09:30:00',NULL);
INSERT INTO "jobs" VALUES(32,'党员大会会场音响调试','meeting','办公室','赵书记','normal',0,'2026-12-07T10:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(33,'Video conference setup for HR interviews','meeting','HR','Emma Stone','normal',0,'2026-12-02T16:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T17:30:00','2026-12-01T17:30:00',NULL);
INSERT INTO "jobs" VALUES(34,'安全工作专题会议室预订','meeting','保卫科','赵科长','low',0,'2026-12-09T17:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(35,'打印期中考试试卷800份','print','教务处','陈老师','high',1,'2026-12-03T10:30:00','given',NULL,NULL,'in_progress',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(36,'Print 50 copies of the budget report','print','Finance','Sarah Lin','normal',0,'2026-12-03T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(37,'复印职工培训材料120份','print','人事科','吴老师','normal',0,'2026-12-02T15:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T10:30:00','2026-12-02T10:30:00',NULL);
INSERT INTO "jobs" VALUES(38,'Laminate 20 fire-exit signs','print','保卫科','Zhao Lei','low',0,'2026-12-04T09:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(39,'装订年度工作总结二十本','print','办公室','小杨','normal',0,'2026-12-03T16:30:00','given',NULL,NULL,'waiting','等待领导审定终稿','2026-12-03T06:32:42',NULL,NULL,NULL,NULL,'2026-12-02T12:30:00','2026-12-02T12:30:00',NULL);
INSERT INTO "jobs" VALUES(40,'Business cards for the new director','print','HR','Emma Stone','low',0,'2026-12-08T11:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T11:30:00','2026-12-02T11:30:00',NULL);
INSERT INTO "jobs" VALUES(41,'整理消防器材台账','other','保卫科','赵科长','normal',0,'2026-12-07T10:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T16:30:00','2026-12-01T16:30:00',NULL);
INSERT INTO "jobs" VALUES(42,'Collect canteen meal counts by 10:00','other','后勤服务中心','孙师傅','high',0,'2026-12-03T09:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T16:30:00','2026-12-02T16:30:00',NULL);
INSERT INTO "jobs" VALUES(43,'办公楼门禁卡补办','other','人事科','吴老师','low',0,'2026-12-07T15:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T09:30:00','2026-12-02T09:30:00',NULL);
INSERT INTO "jobs" VALUES(44,'Renew the parking permits','other','Facilities','Tom Baker','normal',0,'2026-12-02T09:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-27T14:30:00','2026-11-27T14:30:00',NULL);
INSERT INTO "jobs" VALUES(45,'快递签收与分发','other','办公室','小杨','low',0,'2026-12-03T13:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T16:30:00','2026-12-02T16:30:00',NULL);
INSERT INTO "jobs" VALUES(46,'会议室投影仪灯泡更换','repair','办公室','小杨','normal',0,'2026-11-27T17:30:00','limit',NULL,NULL,'done',NULL,NULL,'已更换灯泡并测试正常',NULL,'2026-11-27T16:30:00',NULL,'2026-11-27T14:30:00','2026-11-27T16:30:00','2026-11-27T16:30:00');
INSERT INTO "jobs" VALUES(47,'Fix jammed door at the side entrance','repair','Facilities','Tom Baker','normal',0,'2026-11-26T17:30:00','limit',NULL,NULL,'done',NULL,NULL,'Hinge replaced',NULL,NULL,NULL,'2026-11-26T13:30:00','2026-11-26T15:30:00','2026-11-26T15:30:00');
INSERT INTO "jobs" VALUES(48,'领用订书机和订书钉','supply','财务科','刘会计','low',0,'2026-12-01T15:30:00','limit',NULL,NULL,'done',NULL,NULL,'已发放订书机一台、订书钉两盒',NULL,'2026-11-30T17:30:00',NULL,'2026-11-30T15:30:00','2026-11-30T17:30:00','2026-11-30T17:30:00');
INSERT INTO "jobs" VALUES(49,'Print seating chart for the ceremony','print','Front Desk','Amy Chen','normal',0,'2026-12-01T15:30:00','limit',NULL,NULL,'done',NULL,NULL,'Printed and delivered',NULL,NULL,NULL,'2026-12-01T11:30:00','2026-12-01T13:30:00','2026-12-01T13:30:00');
INSERT INTO "jobs" VALUES(50,'送文件到区政府','vehicle','办公室','张主任','normal',0,'2026-12-01T10:30:00','limit',NULL,NULL,'done',NULL,NULL,'当天上午已送达',NULL,'2026-11-30T12:30:00',NULL,'2026-11-30T10:30:00','2026-11-30T12:30:00','2026-11-30T12:30:00');
INSERT INTO "jobs" VALUES(51,'Tea break for training day','reception','HR','Emma Stone','normal',0,'2026-11-30T09:30:00','limit',NULL,NULL,'done',NULL,NULL,'Served 40 people',NULL,'2026-11-27T11:30:00',NULL,'2026-11-27T09:30:00','2026-11-27T11:30:00','2026-11-27T11:30:00');
INSERT INTO "jobs" VALUES(52,'报告厅窗帘轨道脱落','repair','教务处','陈老师','low',0,'2026-11-25T17:30:00','limit',NULL,NULL,'cancelled',NULL,NULL,NULL,'Requester withdrew the request',NULL,NULL,'2026-11-25T12:30:00','2026-11-25T14:30:00','2026-11-25T14:30:00');
INSERT INTO "jobs" VALUES(53,'[bold]Label printer[/] shows weird text','repair','信息中心','Li Wei','normal',0,'2026-12-03T14:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T15:30:00','2026-12-02T15:30:00',NULL);
INSERT INTO "jobs" VALUES(54,'楼道应急灯不亮（3F/4F）','repair','保卫科','赵科长','high',0,'2026-12-03T12:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(55,'车辆年检资料准备','vehicle','办公室','小杨','normal',0,'2026-12-08T09:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T14:30:00','2026-12-01T14:30:00',NULL);
INSERT INTO "jobs" VALUES(56,'领用U盘五个 for exam office','supply','教务处','Wang Fang','normal',0,'2026-12-03T14:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(57,'Meeting room 301 booking for union committee','meeting','工会','Chen Jie','low',0,'2026-12-07T12:30:00','given',NULL,NULL,'inbox',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T14:30:00','2026-12-02T14:30:00',NULL);
INSERT INTO "jobs" VALUES(58,'外宾来访翻译和引导安排','reception','办公室','张主任','high',0,'2026-12-04T11:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T13:30:00','2026-12-02T13:30:00',NULL);
INSERT INTO "jobs" VALUES(59,'打印并张贴停水通知','print','后勤服务中心','孙师傅','high',1,'2026-12-03T09:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02T16:30:00','2026-12-02T16:30:00',NULL);
INSERT INTO "jobs" VALUES(60,'Bulk order of toilet paper','supply','Facilities','Tom Baker','normal',0,'2026-12-04T13:30:00','given',NULL,NULL,'open',NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-01T17:30:00','2026-12-01T17:30:00',NULL);
INSERT INTO "jobs" VALUES(61,'修 三楼会议室 灯管','repair','总务科',NULL,'high',0,'2026-11-30T17:30:00','given',NULL,NULL,'done',NULL,NULL,'换了灯管',NULL,NULL,NULL,'2026-12-03T07:32:43','2026-12-03T07:32:43','2026-12-03T07:32:43');
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX jobs_open_due ON jobs (due)
            WHERE status IN ('inbox','open','in_progress','waiting');
CREATE INDEX jobs_status ON jobs (status);
CREATE INDEX events_entity ON events (entity, entity_id);
CREATE UNIQUE INDEX events_undoes ON events (undoes) WHERE undoes IS NOT NULL;
COMMIT;
