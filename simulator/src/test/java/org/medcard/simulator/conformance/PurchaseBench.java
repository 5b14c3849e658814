package org.medcard.simulator.conformance;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.medcard.card.MedicalCard;
import org.medcard.card.PurchaseIntent;
import org.medcard.psam.PsamClient;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.transport.CardTransport;

/**
 * Benchmark (not a test): complete card purchases — SELECT, read the card files, VERIFY PIN, INITIALIZE,
 * PSAM MAC1, DEBIT, PSAM MAC2 check — through each reader kind, counting APDUs and timing them.
 *
 * <pre>mvn -B -q -pl simulator -am test -Ppurchase-bench -DskipTests [-Dbench.purchases=200] [-Dbench.rigs=inprocess,pcscd,serial]</pre>
 */
public final class PurchaseBench {

    public static void main(String[] args) throws Exception {
        int purchases = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] rigs = (args.length > 1 ? args[1] : "inprocess,pcscd,serial").split(",");
        System.out.printf(Locale.ROOT, "%-10s %9s %12s %12s %12s %12s %12s%n", "reader", "purchases", "card APDUs", "PSAM APDUs",
                "µs/APDU", "ms/purchase", "p95 ms");
        for (String name : rigs) {
            try (ReaderRig rig = open(name.trim())) {
                run(name.trim(), rig, purchases);
            }
        }
    }

    private static ReaderRig open(String name) throws Exception {
        return switch (name) {
            case "inprocess" -> new InProcessRig();
            case "pcscd" -> new PcscdRig();
            case "serial" -> new SerialRig();
            default -> throw new IllegalArgumentException("unknown reader kind " + name + " (inprocess, pcscd, serial)");
        };
    }

    private static void run(String name, ReaderRig rig, int purchases) {
        CardProfiles profiles = CardProfiles.bundled();
        CardProfile p = profiles.get("normal-3des");
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        VirtualMedicalCard card = new VirtualMedicalCard(p, profiles.keys(), PurseState.initial(p), clock, new Random(1),
                CardOptions.defaults(), null);
        rig.reader().cardSlot().insert(card);
        rig.reader().psamSlot().insert(new VirtualPsam(profiles.keys(), profiles.terminalId()));
        Counting psamTransport = new Counting(rig.connectPsam());
        PsamClient psam = PsamClient.open(psamTransport);
        Counting cardTransport = new Counting(rig.connectCard());
        purchase(cardTransport, psam);          // warm-up
        cardTransport.reset();
        psamTransport.reset();
        List<Long> nanos = new ArrayList<>();
        long total = System.nanoTime();
        for (int i = 0; i < purchases; i++) {
            long start = System.nanoTime();
            purchase(cardTransport, psam);
            nanos.add(System.nanoTime() - start);
        }
        total = System.nanoTime() - total;
        Collections.sort(nanos);
        long apdus = cardTransport.count + psamTransport.count;
        System.out.printf(Locale.ROOT, "%-10s %9d %12.1f %12.1f %12.0f %12.2f %12.2f%n", name, purchases,
                (double) cardTransport.count / purchases, (double) psamTransport.count / purchases,
                total / 1e3 / apdus, total / 1e6 / purchases, nanos.get((int) (nanos.size() * 0.95)) / 1e6);
        psamTransport.close();
        cardTransport.close();
        rig.reader().cardSlot().remove();
        rig.reader().psamSlot().remove();
    }

    private static void purchase(CardTransport transport, PsamClient psam) {
        MedicalCard card = new MedicalCard(transport);
        card.select();
        card.readCardInfo();
        card.readCardholder();
        card.readInsuranceStatus();
        card.getBalance();
        card.verifyPin("123456".toCharArray());
        PurchaseIntent intent = card.initializePurchase(1, psam.terminalId());
        card.debit(intent, psam, LocalDateTime.now());
    }

    /** Counts the APDUs that cross the transport. */
    private static final class Counting implements CardTransport {
        private final CardTransport delegate;
        long count;

        Counting(CardTransport delegate) {
            this.delegate = delegate;
        }

        void reset() {
            count = 0;
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            count++;
            return delegate.transmit(command);
        }

        @Override
        public boolean isCardPresent() {
            return delegate.isCardPresent();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
