-- What a step that did not pass said was wrong (核验权属证明材料's 需补充或更正的权属材料, 组织竣工验收's 存在问题及整改要求):
-- kept with the decision, so the project's timeline says why, not only 否 (DecisionRecorder, the model's decisionReason).
alter table decision_record
    add column reason_field varchar(100),
    add column reason       text;
