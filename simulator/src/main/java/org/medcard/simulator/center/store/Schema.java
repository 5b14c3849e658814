package org.medcard.simulator.center.store;

import java.util.List;

/** The center's tables; {@code PRAGMA user_version} counts the migrations applied. */
final class Schema {
    private Schema() {
    }

    /** Migration n (1-based) is element n-1; append, never edit a released one. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE key_set(key_version INTEGER PRIMARY KEY, mpk TEXT NOT NULL, mtk TEXT NOT NULL, mlk TEXT NOT NULL, mamk TEXT NOT NULL)",
            "CREATE TABLE person(psn_no TEXT PRIMARY KEY, psn_name TEXT NOT NULL, psn_cert_no TEXT NOT NULL UNIQUE, insutype TEXT,"
                    + " insuplc_admdvs TEXT, psn_status TEXT NOT NULL, status_reason TEXT, status_since TEXT, effective_from TEXT,"
                    + " cross_region_filed INTEGER NOT NULL DEFAULT 0, holder_psn_no TEXT REFERENCES person(psn_no), relation TEXT)",
            "CREATE TABLE card(card_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL REFERENCES person(psn_no), card_region TEXT NOT NULL,"
                    + " algorithm TEXT NOT NULL, key_version INTEGER NOT NULL REFERENCES key_set(key_version), activated INTEGER NOT NULL,"
                    + " expiry_date TEXT NOT NULL, blocked INTEGER NOT NULL, balance INTEGER NOT NULL)",
            "CREATE INDEX card_psn ON card(psn_no)",
            "CREATE TABLE pending_load(load_id TEXT PRIMARY KEY, card_no TEXT NOT NULL REFERENCES card(card_no), amount INTEGER NOT NULL,"
                    + " month TEXT NOT NULL, origin TEXT NOT NULL, status TEXT NOT NULL, auth_old_balance INTEGER, auth_online_counter INTEGER,"
                    + " auth_terminal_id TEXT, auth_time TEXT, online_counter INTEGER, tac TEXT, tac_verified INTEGER, confirmed_at TEXT)",
            "CREATE INDEX pending_load_card ON pending_load(card_no, status)",
            "CREATE TABLE blacklist(version INTEGER PRIMARY KEY, card_no TEXT NOT NULL, psn_status TEXT NOT NULL, since TEXT NOT NULL)",
            "CREATE TABLE catalog(code TEXT PRIMARY KEY, name TEXT NOT NULL, spec TEXT NOT NULL, unit TEXT NOT NULL, price INTEGER NOT NULL,"
                    + " category TEXT NOT NULL, self_pay_ratio_bp INTEGER NOT NULL, chronic INTEGER NOT NULL, version INTEGER NOT NULL)",
            "CREATE TABLE department(dept_code TEXT PRIMARY KEY, name TEXT NOT NULL, reg_fee INTEGER NOT NULL)",
            "CREATE TABLE doctor(doctor_code TEXT PRIMARY KEY, dept_code TEXT NOT NULL REFERENCES department(dept_code), name TEXT NOT NULL, title TEXT)",
            "CREATE TABLE sign_in(sign_no TEXT PRIMARY KEY, opter TEXT NOT NULL, dev_no TEXT NOT NULL, mac TEXT, sign_time TEXT NOT NULL, signed_out_at TEXT)",
            "CREATE TABLE answered(msgid TEXT PRIMARY KEY, infno TEXT NOT NULL, content TEXT NOT NULL, infcode INTEGER NOT NULL,"
                    + " answer TEXT NOT NULL, answered_at TEXT NOT NULL)",
            "CREATE TABLE registration(mdtrt_id TEXT PRIMARY KEY, psn_no TEXT NOT NULL, card_no TEXT NOT NULL, dept_code TEXT NOT NULL,"
                    + " doctor_code TEXT NOT NULL, reg_fee INTEGER NOT NULL, service_date TEXT NOT NULL, status TEXT NOT NULL, msgid TEXT NOT NULL)",
            "CREATE TABLE presettle(presettle_id TEXT PRIMARY KEY, kind TEXT NOT NULL, psn_no TEXT NOT NULL, card_no TEXT NOT NULL,"
                    + " beneficiary_psn_no TEXT, mdtrt_id TEXT, service_date TEXT NOT NULL, total INTEGER NOT NULL, fund_pay INTEGER NOT NULL,"
                    + " deductible INTEGER NOT NULL, lines TEXT NOT NULL, setl_id TEXT)",
            "CREATE TABLE settlement(setl_id TEXT PRIMARY KEY, msgid TEXT NOT NULL, infno TEXT NOT NULL, fixmedins_code TEXT NOT NULL,"
                    + " origin TEXT NOT NULL, presettle_id TEXT, card_no TEXT NOT NULL, psn_no TEXT NOT NULL, beneficiary_psn_no TEXT,"
                    + " service_date TEXT NOT NULL, setl_date TEXT NOT NULL, total INTEGER NOT NULL, fund_pay INTEGER NOT NULL,"
                    + " deductible INTEGER NOT NULL, acct_pay INTEGER NOT NULL, cash_pay INTEGER NOT NULL, status TEXT NOT NULL,"
                    + " refund_load_id TEXT)",
            "CREATE INDEX settlement_day ON settlement(setl_date, fixmedins_code)",
            "CREATE INDEX settlement_psn ON settlement(psn_no, service_date)",
            "CREATE TABLE purse_record(card_no TEXT NOT NULL, offline_counter INTEGER NOT NULL, amount INTEGER NOT NULL, tx_type INTEGER NOT NULL,"
                    + " terminal_id TEXT NOT NULL, terminal_seq INTEGER NOT NULL, tx_time TEXT NOT NULL, tac TEXT NOT NULL,"
                    + " setl_id TEXT NOT NULL, PRIMARY KEY(card_no, offline_counter))",
            "CREATE TABLE resettle_entry(entry_no TEXT PRIMARY KEY, fixmedins_code TEXT NOT NULL, fault TEXT NOT NULL, original_time TEXT NOT NULL,"
                    + " psn_cert_no TEXT NOT NULL, items TEXT NOT NULL, cash_paid INTEGER NOT NULL, status TEXT NOT NULL, setl_id TEXT,"
                    + " registered_at TEXT NOT NULL)",
            "CREATE TABLE reversal(omsgid TEXT PRIMARY KEY, oinfno TEXT NOT NULL, msgid TEXT NOT NULL, reversed_at TEXT NOT NULL)",
            "CREATE TABLE counter(name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            // 2: family mutual aid (R3) at the hospital desk: the visit is the family member's, the holder's card pays.
            List.of("ALTER TABLE registration ADD COLUMN beneficiary_psn_no TEXT"),
            // 3: an entry after a partial offline debit records what the card already paid (host-protocol.md).
            List.of("ALTER TABLE resettle_entry ADD COLUMN acct_paid INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE resettle_entry ADD COLUMN offline_msgid TEXT"),
            // 4: the entry's kind (8400 "kind"): a hospital's outpatient entry is re-settled at outpatient rules.
            List.of("ALTER TABLE resettle_entry ADD COLUMN kind TEXT NOT NULL DEFAULT 'PHARMACY'"));
}
