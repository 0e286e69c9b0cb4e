package io.github.vapisessionwebhook.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRecordMapper;
import io.github.vapisessionwebhook.support.Payloads;
import io.github.vapisessionwebhook.vapi.VapiMessage;
import io.github.vapisessionwebhook.vapi.VapiMessageReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a write costs the two indexes: DynamoDB charges each write one WCU per started KB of the item
 * in the table and, with projection ALL, again per index the item is in (KEYS_ONLY: one WCU per
 * index). moto reports no index capacity, so the item's size is computed by DynamoDB's documented
 * rules (attribute name and value bytes, numbers about one byte per two digits) from a full Vapi
 * message through the real mapping.
 */
class ItemSizeTest {

    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                bytes += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                bytes += (value.n().length() + 1) / 2 + 1;
            } else {
                bytes += 1;
            }
        }
        return bytes;
    }

    @Test
    void aFullSessionRecordIsWellUnderOneKilobyteSoProjectionAllCostsNoExtraIndexWriteUnits() {
        VapiMessage.SessionEvent event = (VapiMessage.SessionEvent) new VapiMessageReader().read(
                Payloads.text(Payloads.resource("session-created.full.json")).getBytes(StandardCharsets.UTF_8));
        SessionRecord record = SessionRecordMapper.toRecord(event.eventType(), event.message(), Instant.now());
        Map<String, AttributeValue> item = SessionItem.of(record);
        item.put(SessionItem.EXPIRES_AT, SessionItem.number(Instant.now().getEpochSecond()));
        long bytes = size(item);
        System.out.printf("full session record: %d attributes, %d bytes; per write: table 1 WCU, each index 1 WCU"
                + " with ALL or KEYS_ONLY alike%n", item.size(), bytes);
        assertTrue(bytes < 1024, bytes + " bytes");
    }
}
