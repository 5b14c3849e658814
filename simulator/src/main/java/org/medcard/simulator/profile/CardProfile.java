package org.medcard.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.medcard.crypto.Algorithm;

/**
 * One insured person and the card issued to them, as {@code profiles.json} describes it: what the card holds
 * (SFI 01 to 03, purse, PIN, counters) and what the center knows (host 1101 fields, family, pending loads).
 * Field names follow the host protocol where it has one.
 *
 * <p>Validated when built: ID check digit (ISO 7064 MOD 11-2) with birth date and sex consistent with it,
 * a 20-digit card number that starts with the card region, dates in order, money and counters within the
 * card's field sizes. The PIN is a {@code char[]}, copied in and out and never printed.
 */
public record CardProfile(
        @JsonProperty("profile") String profile,
        @JsonProperty("description") String description,
        @JsonProperty("psn_no") String psnNo,
        @JsonProperty("psn_name") String psnName,
        @JsonProperty("psn_cert_no") String psnCertNo,
        @JsonProperty("sex") Sex sex,
        @JsonProperty("birth_date") LocalDate birthDate,
        @JsonProperty("insutype") Scheme insutype,
        @JsonProperty("insuplc_admdvs") String insuplcAdmdvs,
        @JsonProperty("card_no") String cardNo,
        @JsonProperty("card_region") String cardRegion,
        @JsonProperty("card_type") String cardType,
        @JsonProperty("activated") boolean activated,
        @JsonProperty("issue_date") LocalDate issueDate,
        @JsonProperty("expiry_date") LocalDate expiryDate,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("key_version") int keyVersion,
        @JsonProperty("psn_status") CardStatus psnStatus,
        @JsonProperty("status_reason") CancelReason statusReason,
        @JsonProperty("status_since") LocalDate statusSince,
        @JsonProperty("effective_from") LocalDate effectiveFrom,
        @JsonProperty("balance") long balance,
        @JsonProperty("pin") char[] pin,
        @JsonProperty("pin_tries_left") int pinTriesLeft,
        @JsonProperty("application_blocked") boolean applicationBlocked,
        @JsonProperty("offline_counter") int offlineCounter,
        @JsonProperty("online_counter") int onlineCounter,
        @JsonProperty("cross_region_filed") boolean crossRegionFiled,
        @JsonProperty("family") List<FamilyMember> family,
        @JsonProperty("pending_loads") List<PendingLoad> pendingLoads,
        @JsonProperty("center_status") CardStatus centerStatus,
        @JsonProperty("center_status_reason") CancelReason centerStatusReason,
        @JsonProperty("center_status_since") LocalDate centerStatusSince) {

    /** The PIN a profile gets when it says nothing else. */
    public static final String DEFAULT_PIN = "123456";

    public CardProfile {
        require(profile != null && profile.matches("[a-z0-9][a-z0-9-]*"), "profile name must be lower-case words with dashes: " + profile);
        String where = "profile " + profile + ": ";
        require(description != null && !description.isBlank(), where + "description missing");
        require(psnNo != null && psnNo.matches("\\d{1,30}"), where + "psn_no must be digits");
        require(psnName != null && !psnName.isBlank(), where + "psn_name missing");
        require(IdNumbers.isValid(psnCertNo), where + "psn_cert_no fails its check digit or date: " + IdNumbers.mask(psnCertNo));
        require(birthDate != null && birthDate.equals(IdNumbers.birthDate(psnCertNo)), where + "birth_date differs from the ID number");
        require(sex != null && (sex == Sex.MALE) == IdNumbers.isMale(psnCertNo), where + "sex differs from the ID number");
        require(insutype != null, where + "insutype missing");
        require(isRegion(insuplcAdmdvs), where + "insuplc_admdvs must be 6 digits");
        require(isRegion(cardRegion), where + "card_region must be 6 digits");
        require(cardNo != null && cardNo.matches("\\d{20}"), where + "card_no must be 20 digits");
        require(cardNo.startsWith(cardRegion), where + "card_no must start with the card region");
        require("01".equals(cardType), where + "card_type must be 01");
        require(issueDate != null && expiryDate != null && issueDate.isBefore(expiryDate), where + "issue_date must precede expiry_date");
        require(!birthDate.isAfter(issueDate), where + "card issued before the holder was born");
        purseAlgorithm(algorithm);
        require(keyVersion >= 1 && keyVersion <= 0xFF, where + "key_version must be 1..255");
        require(psnStatus != null, where + "psn_status missing");
        require((psnStatus == CardStatus.CANCELLED) == (statusReason != null), where + "status_reason is required for, and only for, CANCELLED");
        require(statusSince != null && effectiveFrom != null, where + "status_since and effective_from are required");
        require(!effectiveFrom.isBefore(birthDate), where + "effective_from before birth");
        require(balance >= 0 && balance <= 0xFFFF_FFFFL, where + "balance out of the card's range (fen)");
        pin = pin == null ? DEFAULT_PIN.toCharArray() : pin.clone();
        require(pin.length == 6 && new String(pin).chars().allMatch(Character::isDigit), where + "PIN must be 6 digits");
        require(pinTriesLeft >= 0 && pinTriesLeft <= 3, where + "pin_tries_left must be 0..3");
        require(offlineCounter >= 0 && offlineCounter <= 0xFFFF && onlineCounter >= 0 && onlineCounter <= 0xFFFF, where + "counters must fit 2 bytes");
        family = family == null ? List.of() : List.copyOf(family);
        pendingLoads = pendingLoads == null ? List.of() : List.copyOf(pendingLoads);
        require(family.isEmpty() || insutype == Scheme.EMPLOYEE, where + "only EMPLOYEE members have bound family (R3)");
        // The center's record may differ from what the card says (issue 14): center_status overrides it at the center only.
        require(centerStatus == null || (centerStatus == CardStatus.CANCELLED) == (centerStatusReason != null),
                where + "center_status_reason is required for, and only for, a CANCELLED center_status");
        require(centerStatus != null || centerStatusReason == null && centerStatusSince == null,
                where + "center_status_reason and center_status_since need a center_status");
    }

    /** The person's status as the center holds it (1101): {@code center_status} when set, else the card's. */
    @JsonIgnore
    public CardStatus centerRecordStatus() {
        return centerStatus != null ? centerStatus : psnStatus;
    }

    @Override
    public char[] pin() {
        return pin.clone();
    }

    /** The purse algorithm of the card ({@code 3DES} or {@code SM4} in the file). */
    @JsonIgnore
    public Algorithm purseAlgorithm() {
        return purseAlgorithm(algorithm);
    }

    /** The diversification data: the last 8 bytes of the BCD card number (card spec, SFI 01). */
    @JsonIgnore
    public byte[] diversification() {
        return org.medcard.apdu.Hex.parse(cardNo.substring(4));
    }

    private static Algorithm purseAlgorithm(String name) {
        if ("3DES".equals(name)) {
            return Algorithm.TRIPLE_DES;
        }
        if ("SM4".equals(name)) {
            return Algorithm.SM4;
        }
        throw new IllegalArgumentException("algorithm must be 3DES or SM4: " + name);
    }

    private static boolean isRegion(String s) {
        return s != null && s.matches("\\d{6}");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Masks the card and ID numbers and leaves the PIN out. */
    @Override
    public String toString() {
        return "CardProfile[" + profile + ", card " + IdNumbers.mask(cardNo) + ", id " + IdNumbers.mask(psnCertNo)
                + ", " + algorithm + ", " + psnStatus + (statusReason == null ? "" : "/" + statusReason) + ", balance " + balance + " fen]";
    }
}
