package dev.userpool.dynamodb;

/**
 * What the audit log has done since it started: how many events {@code record} accepted as durable,
 * how they got there, and what still waits in the spool.
 *
 * @param eventsRecorded    {@code record} calls that returned (the event was durable)
 * @param writeRequests     {@code BatchWriteItem} calls sent, retries of unprocessed items included
 * @param eventsWritten     events DynamoDB acknowledged, directly or from the spool
 * @param eventsSpooled     events that went to the spool because DynamoDB could not take them then
 * @param eventsReplayed    spooled events DynamoDB has since taken
 * @param eventsRefused     events DynamoDB refused as invalid (kept aside in {@code *.rejected} files)
 * @param spoolBacklogBytes what the spool still holds for DynamoDB
 */
public record DeliveryStatistics(long eventsRecorded, long writeRequests, long eventsWritten, long eventsSpooled,
                                 long eventsReplayed, long eventsRefused, long spoolBacklogBytes) {

    /** Requests sent per event written: 1 for one put per event, 0.04 for full batches of 25. */
    public double requestsPerEvent() {
        return eventsWritten == 0 ? 0 : (double) writeRequests / eventsWritten;
    }
}
