package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medcard.queue.forward.CenterAnswer;

/**
 * Coverage-guided fuzzing of the host client's answer parsing (docs/fuzzing.md): a {@code CenterLink} that
 * answers with a fuzz infcode, message and {@code output} JSON. Contract: each query returns a value whose
 * amounts are not negative, or throws {@link CenterUnreachable} (no usable answer) or {@link CenterRefusal}
 * (infcode other than 0); nothing else.
 */
class HostApiFuzzTest {

    private static final List<Function<HostApi, Object>> QUERIES = List.of(
            api -> api.personInfo("11010120190315000001"),
            api -> api.catalog(0),
            api -> api.blacklist(0),
            api -> api.preSettle("11000000000000000101", "11010120190315000001", null, LocalDate.of(2026, 11, 22),
                    List.of(new SaleLine("X1", 1, 1000))));

    @FuzzTest(maxDuration = "1m")
    void anyCenterAnswer_givesAValueOrCenterUnreachableOrCenterRefusal(FuzzedDataProvider fuzz) {
        Function<HostApi, Object> query = fuzz.pickValue(QUERIES);
        long infcode = fuzz.consumeBoolean() ? 0 : fuzz.consumeLong();
        String errMsg = fuzz.consumeBoolean() ? null : fuzz.consumeString(20);
        String output = fuzz.consumeBoolean() ? null : fuzz.consumeRemainingAsString();
        HostApi api = new HostApi((message, msgid) -> HostLink.meaning(infcode, errMsg, output), () -> "M1");
        Object result;
        try {
            result = query.apply(api);
        } catch (CenterUnreachable | CenterRefusal typed) {
            assertNotNull(typed.getMessage());
            return;
        }
        assertNotNull(result);
        if (result instanceof Versioned<?> v) {
            assertTrue(v.version() >= 0);
            assertNotNull(v.changes());
        }
        if (result instanceof PreSettlement p) {
            assertTrue(p.fundPayFen() >= 0 && p.acctPayMaxFen() >= 0 && p.cashPayMinFen() >= 0);
            assertTrue(p.fundPayFen() <= p.totalFen() && p.acctPayMaxFen() <= p.totalFen() && p.cashPayMinFen() <= p.totalFen(),
                    "no part of the split exceeds the total");
        }
        if (result instanceof PersonInfo p) {
            assertNotNull(p.psnNo());
            assertNotNull(p.family());
        }
    }
}
