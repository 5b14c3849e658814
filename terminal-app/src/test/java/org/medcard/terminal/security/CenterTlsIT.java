package org.medcard.terminal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.ServerTlsFiles;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.CenterTls;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * TLS to the center with real parts: keys and certificates made by {@code keytool} at run time (TEST-ONLY,
 * never committed), the simulated center serving HTTPS on loopback, and the terminal's own link. A trusted
 * center settles online; an untrusted certificate or a wrong host name is a fault (the sale goes offline as
 * R11 says, it is not refused); a center that requires a client certificate gets the configured one.
 */
class CenterTlsIT {

    private static final char[] PW = TestPki.PASSWORD.toCharArray();

    @TempDir
    static Path pki;

    @TempDir
    Path dir;

    private static Path centerTrust;
    private static Path rogueTrust;
    private static Path serverKeys;
    private static Path wrongHostKeys;
    private static Path clientKeys;
    private static Path clientCaTrust;

    private SettlementCenter center;
    private Terminal terminal;

    @BeforeAll
    static void makeKeys() throws Exception {
        TestPki p = new TestPki(pki);
        centerTrust = p.ca("center");
        rogueTrust = p.ca("rogue");
        clientCaTrust = p.ca("clients");
        serverKeys = p.issued("server", "center", "ip:127.0.0.1,dns:localhost", "serverAuth");
        wrongHostKeys = p.issued("elsewhere", "center", "dns:center.example", "serverAuth");
        clientKeys = p.issued("terminal01", "clients", null, "clientAuth");
    }

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
        if (center != null) {
            center.stop();
        }
    }

    private URI startCenter(Path keys, Path clientCa) {
        center = new SettlementCenter(CenterConfig.of(dir.resolve("center.db").toString())
                .withTls(ServerTlsFiles.load(keys, PW, clientCa, PW)), TrainingTerminals.CLOCK);
        center.start(0);
        return URI.create("https://127.0.0.1:" + center.port() + "/");
    }

    private Terminal open(URI url, Path trust, Path keyStore) {
        Map<String, String> o = new HashMap<>(Map.of("center.url", url.toString(), "center.truststore", trust.toString(),
                "center.truststore.password", TestPki.PASSWORD));
        if (keyStore != null) {
            o.put("center.keystore", keyStore.toString());
            o.put("center.keystore.password", TestPki.PASSWORD);
        }
        terminal = TrainingTerminals.open(dir, o);
        return terminal;
    }

    private SaleView sell() {
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")),
                () -> "123456".toCharArray(), "cashier01")));
    }

    private static HostLink link(URI url, Path trust, Path keyStore) {
        CenterTls tls = new CenterTls(trust, TestPki.PASSWORD, "PKCS12", keyStore, keyStore == null ? "" : TestPki.PASSWORD, "PKCS12");
        return new HostLink(new HostLink.Settings(url, "P11010100001", "01", "cashier01", () -> "",
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), CenterTlsContext.build(tls).orElseThrow()),
                TrainingTerminals.CLOCK);
    }

    private static CenterAnswer signIn(HostLink link) {
        return link.send(new EncodedMessage("9001", "{\"opter\":\"cashier01\",\"dev_no\":\"01\",\"mac\":\"00:00:00:00:00:01\"}"),
                "P1101010000120261123101500010001");
    }

    @Test
    void trustedCenter_signsInOverHttps_andTheSaleSettlesOnline() throws Exception {
        URI url = startCenter(serverKeys, null);
        open(url, centerTrust, null);
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");

        assertEquals(PartState.Health.OK, terminal.state().center().health(), terminal.state().center().reason());
        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(card.profile().balance() - 2_500, card.state().balance());
    }

    @Test
    void untrustedCertificate_isAFault_andTheSaleGoesOfflineNotRefused() throws Exception {
        URI url = startCenter(serverKeys, null);
        open(url, centerTrust, null).close(); // a first good start downloads the catalog, as on any working day
        terminal = null;
        open(url, rogueTrust, null);        // then the certificate is no longer one the terminal trusts
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");

        PartState centerState = terminal.state().center();
        assertEquals(PartState.Health.FAULT, centerState.health());
        assertTrue(centerState.reason().contains("TLS failed"), centerState.reason());
        assertTrue(centerState.reason().contains("center.truststore"), "the fault names what to check: " + centerState.reason());

        SaleView o = sell();

        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, o.kind(), o.message());
        assertEquals(card.profile().balance() - 2_500, card.state().balance(), "debited offline within the limits (R11)");
        assertEquals(1, terminal.queue().summary().queuedDebits());
    }

    @Test
    void hostNameNotInTheCertificate_isRefusedByTheLink() throws Exception {
        URI url = startCenter(wrongHostKeys, null); // signed by the trusted CA, but for center.example only

        CenterAnswer a = signIn(link(url, centerTrust, null));

        CenterAnswer.NoAnswer none = assertInstanceOf(CenterAnswer.NoAnswer.class, a);
        assertTrue(none.reason().contains("TLS failed"), none.reason());
        assertTrue(none.reason().contains("127.0.0.1"), "says which name did not match: " + none.reason());
    }

    @Test
    void clientCertificateRequired_withoutOneNoAnswer_withTheConfiguredOneSignedIn() throws Exception {
        URI url = startCenter(serverKeys, clientCaTrust);

        CenterAnswer without = signIn(link(url, centerTrust, null));
        assertInstanceOf(CenterAnswer.NoAnswer.class, without);

        CenterAnswer with = signIn(link(url, centerTrust, clientKeys));
        CenterAnswer.Accepted a = assertInstanceOf(CenterAnswer.Accepted.class, with, with.toString());
        assertTrue(a.output().contains("sign_no"), a.output());

        open(url, centerTrust, clientKeys);
        assertEquals(PartState.Health.OK, terminal.state().center().health(), terminal.state().center().reason());
    }

    @Test
    void wrongTrustStorePassword_stopsTheStart_namingTheKey() {
        org.medcard.terminal.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.medcard.terminal.config.ConfigException.class, () -> TrainingTerminals.config(dir, Map.of(
                        "center.url", "https://127.0.0.1:1/", "center.truststore", centerTrust.toString(),
                        "center.truststore.password", "not-the-password")));
        assertEquals(List.of("center.truststore"), e.problems().stream().map(org.medcard.terminal.config.ConfigException.Problem::key).toList());
        assertTrue(e.problems().get(0).fix().contains("center.truststore.password"), e.problems().get(0).fix());
    }
}
