package cn.gonggaigong.decision;

import org.springframework.stereotype.Service;

/** Reads back what the decision records hold, e.g. the document number (文号) of an approval. */
@Service
public class DecisionRecords {

    private final DecisionRecordRepository records;

    public DecisionRecords(DecisionRecordRepository records) {
        this.records = records;
    }

    /** The document number of the latest decision taken in this task of this process instance, or null. */
    public String documentNumberOf(String processInstanceId, String taskDefinitionKey) {
        return records.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByDecidedAtDescIdDesc(
                        processInstanceId, taskDefinitionKey)
                .map(DecisionRecord::getDocumentNumber)
                .orElse(null);
    }
}
