/**
 * The audit trail in Amazon DynamoDB: {@link dev.userpool.dynamodb.DynamoDbAuditLog} implements the
 * core's {@code AuditLog} on one table ({@link dev.userpool.dynamodb.AuditTable}), with batched,
 * idempotent writes and a local fsync'd spool, so that no event {@code record} accepted is lost while
 * DynamoDB is unreachable or the process crashes.
 *
 * <p>Adapters are plain classes built with constructors; they speak only the core's types and report
 * every failure as a {@link dev.userpool.core.domain.UserPoolException}.
 *
 * <p><b>Entry point:</b> {@code new DynamoDbAuditLog(client, AuditLogOptions.defaults(table, spoolDir), clock)},
 * closed to flush its spool; {@link dev.userpool.dynamodb.AuditTable} creates or checks the table first.
 * {@code AuditItemMapper} and {@code DeliveryStatistics} are public for the benchmarks and the app's metrics.
 */
package dev.userpool.dynamodb;
