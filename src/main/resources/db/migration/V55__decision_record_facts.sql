-- What a step recorded besides its decision, 文号 and opinion, as its form's fields named by the model's decisionFacts
-- (公示基础数据's 公示开始日期 and 公示结束日期, a payment's amount, date and receipt, an agreement's number and signing
-- date): [{"field": "noticeStartDate", "value": "2026-12-01"}, …] in the model's order, so the project's timeline
-- shows them with the decision (DecisionRecorder). Before, they lived on only in the engine's history.
alter table decision_record
    add column facts jsonb;
